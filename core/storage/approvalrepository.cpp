// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

// Qt binds a null QString as NULL; the NOT NULL text columns take an empty one.
QString textOrEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant msecsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// An approval without a reviewer node (no policy was set above its agent, or it was written
// before schema 7) may be decided by every reviewer whose grant covers the agent.
const char *const selectRows =
    "SELECT a.id, a.agent_id, a.run_id, a.version, a.title, a.payload, a.payload_format, a.action, a.state, "
    "a.policy, a.revision, a.created_at, a.expires_at, a.submitted_by, COALESCE(a.original_payload, a.payload), "
    "a.approved_payload, a.reviewer_node_id, a.escalate_at, a.escalated_at, a.decided_at, "
    "n.path, g.visibility, g.criticality, g.owner "
    "FROM approvals a JOIN nodes n ON n.id = a.agent_id JOIN agents g ON g.node_id = a.agent_id "
    "LEFT JOIN nodes r ON r.id = a.reviewer_node_id ";

ApprovalRepository::Row rowFrom(const QSqlQuery &query)
{
    ApprovalRepository::Row row;
    Approval &approval = row.approval;
    approval.id = query.value(0).toLongLong();
    approval.agentId = query.value(1).toLongLong();
    approval.runId = query.value(2).toLongLong();
    approval.version = query.value(3).toInt();
    approval.title = query.value(4).toString();
    approval.payload = query.value(5).toString();
    approval.payloadFormat = query.value(6).toString();
    approval.action = objectFrom(query.value(7));
    approval.state = parseEnum<ApprovalState>(query.value(8).toString()).value_or(ApprovalState::Pending);
    approval.policy = objectFrom(query.value(9));
    approval.revision = query.value(10).toInt();
    approval.createdAt = timeOrNull(query.value(11));
    approval.expiresAt = timeOrNull(query.value(12));
    approval.submittedBy = query.value(13).toString();
    approval.originalPayload = query.value(14).toString();
    approval.approvedPayload = query.value(15).toString();
    approval.reviewerNodeId = query.value(16).isNull() ? NoNode : query.value(16).toLongLong();
    approval.escalateAt = timeOrNull(query.value(17));
    approval.escalatedAt = timeOrNull(query.value(18));
    approval.decidedAt = timeOrNull(query.value(19));
    approval.agentPath = query.value(20).toString();
    row.visibility = parseEnum<Visibility>(query.value(21).toString()).value_or(Visibility::Private);
    row.criticality = parseEnum<Criticality>(query.value(22).toString()).value_or(Criticality::Critical);
    row.owner = query.value(23).toString();
    return row;
}

// The WHERE clause of a query and its bound values, in order.
struct Conditions
{
    QStringList clauses;
    QVariantList values;

    void add(const QString &clause, const QVariantList &bound)
    {
        clauses.append(clause);
        values.append(bound);
    }
    [[nodiscard]] QString sql() const
    {
        return clauses.isEmpty() ? QString() : QStringLiteral("WHERE ") + clauses.join(QStringLiteral(" AND "));
    }
};

Conditions conditionsOf(const ApprovalRepository::Query &query)
{
    Conditions conditions;
    if (query.state) {
        conditions.add(QStringLiteral("a.state = ?"), {toText(*query.state)});
    }
    if (query.agentId != NoNode) {
        conditions.add(QStringLiteral("a.agent_id = ?"), {query.agentId});
    }
    if (!query.subtreePath.isEmpty()) {
        const QString below = query.subtreePath + QLatin1Char('/');
        conditions.add(QStringLiteral("(n.path = ? OR substr(n.path, 1, length(CAST(? AS TEXT))) = ?)"),
                       {query.subtreePath, below, below});
    }
    if (query.createdBefore.isValid()) {
        conditions.add(QStringLiteral("a.created_at < ?"), {query.createdBefore.toMSecsSinceEpoch()});
    }
    if (query.createdAfter.isValid()) {
        conditions.add(QStringLiteral("a.created_at > ?"), {query.createdAfter.toMSecsSinceEpoch()});
    }
    if (query.expiresBefore.isValid()) {
        conditions.add(QStringLiteral("a.expires_at IS NOT NULL AND a.expires_at < ?"),
                       {query.expiresBefore.toMSecsSinceEpoch()});
    }
    if (query.beforeId > 0) {
        conditions.add(QStringLiteral("a.id < ?"), {query.beforeId});
    }
    if (query.deciderPaths) {
        // A grant on path g lets its holder decide when g covers the agent (g is the agent or
        // above it) and lies at or below the reviewer node, if there is one.
        QStringList alternatives;
        QVariantList values;
        for (const QString &path : *query.deciderPaths) {
            const QString below = path + QLatin1Char('/');
            alternatives.append(QStringLiteral("((n.path = ? OR substr(n.path, 1, length(CAST(? AS TEXT))) = ?) "
                                               "AND (r.path IS NULL OR r.path = ? OR substr(CAST(? AS TEXT), 1, "
                                               "length(r.path) + 1) = r.path || '/'))"));
            values << path << below << below << path << path;
        }
        if (alternatives.isEmpty()) {
            conditions.add(QStringLiteral("1 = 0"), {});
        } else {
            conditions.add(QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'), values);
        }
    }
    if (!query.decider.isEmpty()) {
        conditions.add(QStringLiteral("a.submitted_by <> ? AND NOT (g.criticality = 'critical' AND g.owner = ?) "
                                      "AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.approval_id = a.id "
                                      "AND d.reviewer = ? AND d.revision = a.revision)"),
                       {query.decider, query.decider, query.decider});
    }
    if (query.anySubtree) {
        QStringList alternatives;
        QVariantList values;
        for (const QString &path : *query.anySubtree) {
            const QString below = path + QLatin1Char('/');
            alternatives.append(QStringLiteral("n.path = ? OR substr(n.path, 1, length(CAST(? AS TEXT))) = ?"));
            values << path << below << below;
        }
        conditions.add(alternatives.isEmpty()
                           ? QStringLiteral("1 = 0")
                           : QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'),
                       values);
    }
    return conditions;
}

void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
}

ApprovalDecision decisionFrom(const QSqlQuery &query)
{
    ApprovalDecision decision;
    decision.approvalId = query.value(0).toLongLong();
    decision.reviewer = query.value(1).toString();
    decision.decidedAt = timeOrNull(query.value(2));
    decision.verdict = query.value(3).toString();
    decision.comment = query.value(4).toString();
    decision.editedPayload = query.value(5).toString();
    decision.revision = query.value(6).toInt();
    decision.editDiff = query.value(7).toString();
    return decision;
}

} // namespace

Result<ApprovalId> ApprovalRepository::insert(const Approval &approval)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("INSERT INTO approvals(agent_id, run_id, version, title, payload, payload_format, action, "
                       "state, policy, revision, created_at, expires_at, submitted_by, original_payload, "
                       "approved_payload, reviewer_node_id, escalate_at, escalated_at, decided_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(approval.agentId);
    query.addBindValue(approval.runId == 0 ? QVariant() : QVariant(approval.runId));
    query.addBindValue(approval.version);
    query.addBindValue(approval.title);
    query.addBindValue(approval.payload);
    query.addBindValue(approval.payloadFormat);
    query.addBindValue(compact(approval.action));
    query.addBindValue(toText(approval.state));
    query.addBindValue(compact(approval.policy));
    query.addBindValue(approval.revision);
    query.addBindValue(approval.createdAt.toMSecsSinceEpoch());
    query.addBindValue(msecsOrNull(approval.expiresAt));
    query.addBindValue(textOrEmpty(approval.submittedBy));
    query.addBindValue(approval.originalPayload.isEmpty() ? QVariant() : QVariant(approval.originalPayload));
    query.addBindValue(approval.state == ApprovalState::Approved ? QVariant(approval.approvedPayload) : QVariant());
    query.addBindValue(approval.reviewerNodeId == NoNode ? QVariant() : QVariant(approval.reviewerNodeId));
    query.addBindValue(msecsOrNull(approval.escalateAt));
    query.addBindValue(msecsOrNull(approval.escalatedAt));
    query.addBindValue(msecsOrNull(approval.decidedAt));
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "recording a proposal"));
    }
    return query.value(0).toLongLong();
}

Result<QList<Approval>> ApprovalRepository::forAgent(NodeId agentId, ApprovalState state, int limit) const
{
    Query query;
    query.agentId = agentId;
    query.state = state;
    query.limit = limit;
    const Result<QList<Row>> rows = list(query);
    if (!rows) {
        return rows.error();
    }
    QList<Approval> approvals;
    for (const Row &row : rows.value()) {
        approvals.append(row.approval);
    }
    return approvals;
}

Result<qint64> ApprovalRepository::countInState(ApprovalState state) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM approvals WHERE state = ?"));
    query.addBindValue(toText(state));
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "counting proposals"));
    }
    return query.value(0).toLongLong();
}

Result<ApprovalRepository::Row> ApprovalRepository::row(ApprovalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QLatin1String(selectRows) + QStringLiteral("WHERE a.id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading a proposal"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ApprovalRepository", "There is no approval %1.").arg(id)};
    }
    return rowFrom(query);
}

Result<QList<ApprovalRepository::Row>> ApprovalRepository::list(const Query &query) const
{
    const Conditions conditions = conditionsOf(query);
    QSqlQuery sql(m_store.database());
    sql.prepare(QLatin1String(selectRows) + conditions.sql() + QStringLiteral(" ORDER BY a.id DESC LIMIT ?"));
    bindAll(sql, conditions.values);
    sql.addBindValue(query.limit);
    if (!sql.exec()) {
        return Store::errorFrom(sql.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading proposals"));
    }
    QList<Row> rows;
    while (sql.next()) {
        rows.append(rowFrom(sql));
    }
    return rows;
}

Result<qint64> ApprovalRepository::count(const Query &query) const
{
    const Conditions conditions = conditionsOf(query);
    QSqlQuery sql(m_store.database());
    sql.prepare(
        QStringLiteral("SELECT count(*) FROM approvals a JOIN nodes n ON n.id = a.agent_id "
                       "JOIN agents g ON g.node_id = a.agent_id LEFT JOIN nodes r ON r.id = a.reviewer_node_id ")
        + conditions.sql());
    bindAll(sql, conditions.values);
    if (!sql.exec() || !sql.next()) {
        return Store::errorFrom(sql.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "counting proposals"));
    }
    return sql.value(0).toLongLong();
}

Status ApprovalRepository::update(const Approval &approval)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE approvals SET payload = ?, state = ?, revision = ?, approved_payload = ?, "
                                 "reviewer_node_id = ?, escalated_at = ?, decided_at = ?, original_payload = ? "
                                 "WHERE id = ?"));
    query.addBindValue(approval.payload);
    query.addBindValue(toText(approval.state));
    query.addBindValue(approval.revision);
    query.addBindValue(approval.state == ApprovalState::Pending || approval.state == ApprovalState::Rejected
                               || approval.state == ApprovalState::Expired
                           ? QVariant()
                           : QVariant(approval.approvedPayload));
    query.addBindValue(approval.reviewerNodeId == NoNode ? QVariant() : QVariant(approval.reviewerNodeId));
    query.addBindValue(msecsOrNull(approval.escalatedAt));
    query.addBindValue(msecsOrNull(approval.decidedAt));
    query.addBindValue(approval.originalPayload);
    query.addBindValue(approval.id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "updating a proposal"));
    }
    return Done{};
}

Result<QList<ApprovalId>> ApprovalRepository::due(const QDateTime &now) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id FROM approvals WHERE state = 'pending' AND "
                                 "((expires_at IS NOT NULL AND expires_at <= ?) OR "
                                 "(escalate_at IS NOT NULL AND escalated_at IS NULL AND escalate_at <= ?)) "
                                 "ORDER BY id"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading proposals"));
    }
    QList<ApprovalId> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

Status ApprovalRepository::insertDecision(const ApprovalDecision &decision)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO approval_decisions(approval_id, reviewer, decided_at, verdict, comment, "
                                 "edited_payload, revision, edit_diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(decision.approvalId);
    query.addBindValue(decision.reviewer);
    query.addBindValue(decision.decidedAt.toMSecsSinceEpoch());
    query.addBindValue(decision.verdict);
    query.addBindValue(textOrEmpty(decision.comment));
    query.addBindValue(decision.verdict == QLatin1String("edit") ? QVariant(decision.editedPayload) : QVariant());
    query.addBindValue(decision.revision);
    query.addBindValue(decision.verdict == QLatin1String("edit") ? QVariant(decision.editDiff) : QVariant());
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "recording a decision"));
    }
    return Done{};
}

Result<QList<ApprovalDecision>> ApprovalRepository::decisions(ApprovalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT approval_id, reviewer, decided_at, verdict, comment, edited_payload, "
                                 "revision, edit_diff FROM approval_decisions WHERE approval_id = ? ORDER BY id"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading decisions"));
    }
    QList<ApprovalDecision> decisions;
    while (query.next()) {
        decisions.append(decisionFrom(query));
    }
    return decisions;
}

Result<QList<ApprovalDecision>> ApprovalRepository::decisionsForAgent(NodeId agentId, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT d.approval_id, d.reviewer, d.decided_at, d.verdict, d.comment, "
                                 "d.edited_payload, d.revision, d.edit_diff FROM approval_decisions d "
                                 "JOIN approvals a ON a.id = d.approval_id WHERE a.agent_id = ? "
                                 "ORDER BY d.id DESC LIMIT ?"));
    query.addBindValue(agentId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading decisions"));
    }
    QList<ApprovalDecision> decisions;
    while (query.next()) {
        decisions.append(decisionFrom(query));
    }
    return decisions;
}

Result<QList<ApprovalRepository::DecisionTime>> ApprovalRepository::decisionTimes(const QString &subtreePath,
                                                                                  qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT a.agent_id, n.path, g.visibility, d.reviewer, d.verdict, a.created_at, "
                                 "d.decided_at FROM approval_decisions d JOIN approvals a ON a.id = d.approval_id "
                                 "JOIN nodes n ON n.id = a.agent_id JOIN agents g ON g.node_id = a.agent_id "
                                 "WHERE d.decided_at >= ? AND d.decided_at < ? "
                                 "AND (n.path = ? OR substr(n.path, 1, length(CAST(? AS TEXT))) = ?) "
                                 "ORDER BY n.path, d.id"));
    const QString below = subtreePath + QLatin1Char('/');
    for (const QVariant &value : QVariantList{fromMs, toMs, subtreePath, below, below}) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading decisions"));
    }
    QList<DecisionTime> times;
    while (query.next()) {
        DecisionTime time;
        time.agentId = query.value(0).toLongLong();
        time.agentPath = query.value(1).toString();
        time.visibility = parseEnum<Visibility>(query.value(2).toString()).value_or(Visibility::Private);
        time.reviewer = query.value(3).toString();
        time.verdict = query.value(4).toString();
        time.createdAtMs = query.value(5).toLongLong();
        time.decidedAtMs = query.value(6).toLongLong();
        times.append(time);
    }
    return times;
}

} // namespace steward
