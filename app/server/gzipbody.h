// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>

namespace steward {

// Request bodies sent with Content-Encoding: gzip, as OpenTelemetry exporters do by default
// (the Collector's otlphttp exporter among them). The connection guard limits what arrives,
// but a few kilobytes of gzip can inflate to gigabytes, so inflating stops at `maxBytes`
// (TooLarge, answered 413). A body that is not gzip, or is cut short, is Invalid.
namespace GzipBody {

[[nodiscard]] Result<QByteArray> inflate(const QByteArray &compressed, qsizetype maxBytes);

} // namespace GzipBody

} // namespace steward
