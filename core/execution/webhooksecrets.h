// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace steward {

// The secrets webhook calls are signed with, by name. A webhook action names its secret
// ({"secret": "billing"}) and never holds it: approvals are read by reviewers, listed by the
// API and copied into audit bundles. The values come from stewardd's secret file
// (--secrets FILE), which like a signing key must be readable by its owner alone, in one of
// two forms:
//   name = value lines ('#' or ';' starts a comment line), or
//   a JSON object {"name": "value", ...}.
// No message about the file ever quotes a value.
class WebhookSecrets final
{
public:
    WebhookSecrets() = default;
    explicit WebhookSecrets(QHash<QString, QByteArray> values) : m_values(std::move(values)) { }

    [[nodiscard]] static Result<WebhookSecrets> load(const QString &path);
    // Reads the file's text (the two forms above); `path` only names it in messages.
    [[nodiscard]] static Result<WebhookSecrets> parse(const QByteArray &content, const QString &path);

    [[nodiscard]] std::optional<QByteArray> secret(const QString &name) const;
    [[nodiscard]] qsizetype size() const { return m_values.size(); }

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace steward
