// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// /healthz (the process answers), /readyz (and its database does), /metrics (Prometheus).
// They need no token: load balancers and scrapers call them, and they reveal no workspace data.
#include "apirouter.h"
#include "routes.h"
#include "servercontext.h"
#include "servermetrics.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace steward {

void addOperationsRoutes(ApiRouter &router, ServerContext &context)
{
    router.add("GET", QStringLiteral("/healthz"), ApiRouter::Access::Public, [](ApiRequest &) {
        return ApiReply::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });

    router.add("GET", QStringLiteral("/readyz"), ApiRouter::Access::Public, [&context](ApiRequest &) {
        QSqlQuery query(context.store->database());
        if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
            return ApiReply::error(
                503, QStringLiteral("not_ready"),
                QCoreApplication::translate("steward::Operations", "The database does not answer: %1")
                    .arg(query.lastError().text()));
        }
        return ApiReply::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")},
                                          {QStringLiteral("schemaVersion"), context.store->schemaVersion()}});
    });

    router.add("GET", QStringLiteral("/metrics"), ApiRouter::Access::Public, [&context](ApiRequest &) {
        return ApiReply::text(context.metrics.prometheusText(), "text/plain; version=0.0.4; charset=utf-8");
    });
}

} // namespace steward
