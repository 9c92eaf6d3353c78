// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace steward {

// stewardd's log: one line per happening on stderr, as logfmt (`time=… level=info
// event=request method=GET path=/api/v1/tree status=200`), so that journald, grep and log
// shippers all read it. Values with spaces or quotes are quoted. Bearer tokens and passwords
// are never passed here.
namespace ServerLog {

using Fields = QList<QPair<QString, QString>>;

void info(const QString &event, const Fields &fields = {});
void warning(const QString &event, const Fields &fields = {});
void error(const QString &event, const Fields &fields = {});

// The line as written, without the time: for tests of the quoting.
[[nodiscard]] QString format(const QString &level, const QString &event, const Fields &fields);

} // namespace ServerLog

} // namespace steward
