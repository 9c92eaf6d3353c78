// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approval.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QSet>

namespace steward {
namespace {

const QString quorumKey = QStringLiteral("quorum");
const QString excludeOwnerKey = QStringLiteral("excludeOwnerForCritical");
const QString expiryKey = QStringLiteral("expirySeconds");
const QString outcomeKey = QStringLiteral("expiryOutcome");
const QString escalateKey = QStringLiteral("escalateAfterSeconds");

// Ten years: longer than any sensible wait, short enough that adding it to a time never overflows.
constexpr qint64 maxSeconds = 10LL * 366 * 24 * 3600;
constexpr int maxQuorum = 100;

Error invalid(const QString &message)
{
    return Error{Error::Code::Invalid, message};
}

Result<qint64> secondsFrom(const QJsonObject &object, const QString &key, qint64 fallback)
{
    if (!object.contains(key)) {
        return fallback;
    }
    const QJsonValue value = object.value(key);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > maxSeconds || number != static_cast<double>(qint64(number))) {
        return invalid(
            QCoreApplication::translate("steward::ApprovalPolicy", "%1 must be a whole number of seconds from 0 to %2.")
                .arg(key)
                .arg(maxSeconds));
    }
    return static_cast<qint64>(number);
}

} // namespace

QJsonObject ApprovalPolicy::toJson() const
{
    return {{quorumKey, quorum},
            {excludeOwnerKey, excludeOwnerForCritical},
            {expiryKey, expirySeconds},
            {outcomeKey, approveOnExpiry ? QStringLiteral("approve") : QStringLiteral("reject")},
            {escalateKey, escalateAfterSeconds}};
}

Result<ApprovalPolicy> ApprovalPolicy::fromJson(const QJsonObject &object)
{
    static const QSet<QString> known{quorumKey, excludeOwnerKey, expiryKey, outcomeKey, escalateKey};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return invalid(QCoreApplication::translate("steward::ApprovalPolicy", "An approval policy has no field %1.")
                               .arg(it.key()));
        }
    }
    ApprovalPolicy policy;
    if (object.contains(quorumKey)) {
        const QJsonValue value = object.value(quorumKey);
        const double number = value.toDouble(0);
        if (!value.isDouble() || number < 1 || number > maxQuorum || number != static_cast<double>(int(number))) {
            return invalid(
                QCoreApplication::translate("steward::ApprovalPolicy", "quorum must be a whole number from 1 to %1.")
                    .arg(maxQuorum));
        }
        policy.quorum = static_cast<int>(number);
    }
    if (object.contains(excludeOwnerKey)) {
        if (!object.value(excludeOwnerKey).isBool()) {
            return invalid(QCoreApplication::translate("steward::ApprovalPolicy",
                                                       "excludeOwnerForCritical must be true or false."));
        }
        policy.excludeOwnerForCritical = object.value(excludeOwnerKey).toBool();
    }
    const Result<qint64> expiry = secondsFrom(object, expiryKey, 0);
    if (!expiry) {
        return expiry.error();
    }
    policy.expirySeconds = expiry.value();
    if (object.contains(outcomeKey)) {
        const QString outcome = object.value(outcomeKey).toString();
        if (outcome != QLatin1String("approve") && outcome != QLatin1String("reject")) {
            return invalid(QCoreApplication::translate("steward::ApprovalPolicy",
                                                       "expiryOutcome must be \"reject\" or \"approve\"."));
        }
        policy.approveOnExpiry = outcome == QLatin1String("approve");
    }
    const Result<qint64> escalate = secondsFrom(object, escalateKey, 0);
    if (!escalate) {
        return escalate.error();
    }
    policy.escalateAfterSeconds = escalate.value();
    return policy;
}

} // namespace steward
