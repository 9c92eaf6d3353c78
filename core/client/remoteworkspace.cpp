// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "remoteworkspace.h"

#include "api/approvalanalyticsjson.h"
#include "api/jsoncodec.h"
#include "api/reliabilityjson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

namespace steward {

namespace {

template<typename T> Result<T> read(const Result<QJsonValue> &answer)
{
    if (!answer) {
        return answer.error();
    }
    return fromJson<T>(answer.value());
}

template<typename T> Result<QList<T>> readList(const Result<QJsonArray> &answer)
{
    if (!answer) {
        return answer.error();
    }
    return listFromJson<T>(answer.value());
}

QString nodePath(NodeId id, const QString &rest = {})
{
    return QStringLiteral("/api/v1/nodes/%1%2").arg(id).arg(rest);
}

QString agentPath(NodeId id, const QString &rest = {})
{
    return QStringLiteral("/api/v1/agents/%1%2").arg(id).arg(rest);
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The API's time-range parameters: only those that are set.
void addTimeRange(QUrlQuery &query, const QDateTime &from, const QDateTime &until)
{
    if (from.isValid()) {
        query.addQueryItem(QStringLiteral("since"), timeText(from));
    }
    if (until.isValid()) {
        query.addQueryItem(QStringLiteral("until"), timeText(until));
    }
}

Result<QByteArray> sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::RemoteWorkspace", "Cannot read %1: %2")
                         .arg(path, file.errorString())};
    }
    return hash.result().toHex();
}

} // namespace

RemoteWorkspace::RemoteWorkspace(ServerConnection connection) : m_api(std::move(connection)) { }

RemoteWorkspace::~RemoteWorkspace() = default;

Result<std::unique_ptr<RemoteWorkspace>> RemoteWorkspace::open(ServerConnection connection, Updates updates)
{
    if (const Status usable = connection.check(); !usable) {
        return usable.error();
    }
    // Not make_unique: the constructor is private.
    std::unique_ptr<RemoteWorkspace> workspace(new RemoteWorkspace(std::move(connection)));
    if (const Status signedIn = workspace->signIn(); !signedIn) {
        return signedIn.error();
    }
    if (updates == Updates::Live) {
        workspace->follow();
    }
    return workspace;
}

Status RemoteWorkspace::signIn()
{
    const Result<QJsonValue> me = m_api.get(QStringLiteral("/api/v1/me"));
    if (!me) {
        return me.error();
    }
    Result<Principal> principal =
        fromJson<Principal>(me->toObject().value(QStringLiteral("principal")), QStringLiteral("principal"));
    Result<QList<Grant>> grants =
        listFromJson<Grant>(me->toObject().value(QStringLiteral("grants")), QStringLiteral("grants"));
    if (!principal) {
        return principal.error();
    }
    if (!grants) {
        return grants.error();
    }
    m_principal = std::move(principal).value();
    m_grants = std::move(grants).value();
    return Done{};
}

void RemoteWorkspace::follow()
{
    m_stream = std::make_unique<StreamClient>(m_api.connection());
    connect(m_stream.get(), &StreamClient::connectionChanged, this, &RemoteWorkspace::connectionChanged);
    connect(m_stream.get(), &StreamClient::retryScheduled, this, &RemoteWorkspace::reconnectScheduled);
    connect(m_stream.get(), &StreamClient::itemReceived, this,
            [this](qint64 seq, StreamItemType type, const QJsonObject &data) {
                Q_EMIT itemReceived(seq, type, data);
                onItem(type, data);
            });
    m_stream->start();
}

QString RemoteWorkspace::location() const
{
    return m_api.connection().displayUrl();
}

// --- The stream ------------------------------------------------------------------------------

void RemoteWorkspace::onItem(StreamItemType type, const QJsonObject &data)
{
    switch (type) {
    case StreamItemType::Node:
        if (const Result<OrgNode> node = fromJson<OrgNode>(data);
            node && !isEcho(node.value()) && noteNode(node.value())) {
            Q_EMIT auditAppended();
        }
        break;
    case StreamItemType::Agent: {
        const NodeId agentId = data.value(QStringLiteral("agentId")).toInteger();
        const bool newHead = noteHead(agentId, data.value(QStringLiteral("version")).toInt());
        // A pause or a resume keeps the head; the item names the status the agent now has.
        const std::optional<AgentStatus> status =
            parseEnum<AgentStatus>(data.value(QStringLiteral("status")).toString());
        const bool newStatus = status && noteStatus(agentId, *status);
        if (newHead || newStatus) {
            Q_EMIT agentChanged(agentId);
            Q_EMIT auditAppended();
        }
        break;
    }
    case StreamItemType::Proposal:
        if (const Result<VersionProposal> proposal = fromJson<VersionProposal>(data);
            proposal && noteProposal(proposal.value())) {
            Q_EMIT agentChanged(proposal->agentId);
            Q_EMIT auditAppended();
        }
        break;
    case StreamItemType::Approval:
        if (const Result<Approval> approval = fromJson<Approval>(data); approval) {
            Q_EMIT approvalChanged(approval->id);
        }
        break;
    case StreamItemType::Event:
        if (Result<ActivityEvent> event = fromJson<ActivityEvent>(data); event) {
            queueActivity(std::move(event).value());
        }
        break;
    case StreamItemType::Run:
    case StreamItemType::Audit: break;
    }
}

void RemoteWorkspace::queueActivity(ActivityEvent event)
{
    // The stream brings one event per message; those that arrive in one turn of the event loop
    // leave as one activityAppended, so 5,000 events/s are not 5,000 signals.
    m_arrivedEvents.append(std::move(event));
    if (m_arrivedEvents.size() == 1) {
        QTimer::singleShot(0, this, [this] { Q_EMIT activityAppended(std::exchange(m_arrivedEvents, {})); });
    }
}

bool RemoteWorkspace::noteNode(const OrgNode &node)
{
    const auto known = m_nodes.constFind(node.id);
    if (node.isArchived()) {
        // A node this workspace never showed leaves nothing to take away.
        if (known == m_nodes.cend()) {
            return false;
        }
        m_nodes.erase(known);
        Q_EMIT nodeArchived(node);
        return true;
    }
    if (known == m_nodes.cend()) {
        m_nodes.insert(node.id, node);
        Q_EMIT nodeAdded(node);
        return true;
    }
    const OrgNode before = known.value();
    m_nodes.insert(node.id, node);
    // A move that also renamed arrives as one state: the move says it all (the node carries its
    // new name). The second item of such a change then finds nothing new.
    if (before.parentId != node.parentId) {
        Q_EMIT nodeMoved(node, before.parentId);
        return true;
    }
    if (before.name != node.name) {
        Q_EMIT nodeRenamed(node);
        return true;
    }
    return false;
}

void RemoteWorkspace::announced(const OrgNode &node)
{
    // Without the stream nothing comes back to compare.
    if (m_stream) {
        m_echoes[node.id].append(node);
    }
}

bool RemoteWorkspace::isEcho(const OrgNode &node)
{
    const auto echoes = m_echoes.find(node.id);
    if (echoes == m_echoes.end()) {
        return false;
    }
    for (qsizetype i = 0; i < echoes->size(); ++i) {
        const OrgNode &echo = echoes->at(i);
        if (echo.parentId == node.parentId && echo.name == node.name && echo.isArchived() == node.isArchived()) {
            // Items come in commit order: the states announced before this one will not come
            // back any more.
            echoes->remove(0, i + 1);
            if (echoes->isEmpty()) {
                m_echoes.erase(echoes);
            }
            return true;
        }
    }
    return false;
}

void RemoteWorkspace::remember(const OrgNode &node) const
{
    m_nodes.insert(node.id, node);
}

bool RemoteWorkspace::noteHead(NodeId agentId, int version)
{
    if (m_heads.value(agentId, 0) >= version) {
        return false;
    }
    m_heads.insert(agentId, version);
    return true;
}

bool RemoteWorkspace::noteStatus(NodeId agentId, AgentStatus status)
{
    const auto known = m_statuses.constFind(agentId);
    if (known != m_statuses.cend() && known.value() == status) {
        return false;
    }
    m_statuses.insert(agentId, status);
    return true;
}

bool RemoteWorkspace::noteProposal(const VersionProposal &proposal)
{
    const auto known = m_proposals.constFind(proposal.id);
    // A decision is final: an item still showing the proposal pending is older than it.
    if (known != m_proposals.cend()
        && (known.value() == proposal.state || proposal.state == VersionProposal::State::Pending)) {
        return false;
    }
    m_proposals.insert(proposal.id, proposal.state);
    return true;
}

// --- Reading ---------------------------------------------------------------------------------

Result<OrgNode> RemoteWorkspace::root() const
{
    // The tree comes sorted by path, so the company is its first node.
    const Result<QJsonArray> first = m_api.getItems(QStringLiteral("/api/v1/tree"), {}, 1);
    if (!first) {
        return first.error();
    }
    if (first->isEmpty()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::RemoteWorkspace", "The workspace has no company yet.")};
    }
    Result<OrgNode> company = fromJson<OrgNode>(first->first(), QStringLiteral("items[0]"));
    if (company) {
        remember(company.value());
    }
    return company;
}

Result<QList<OrgNode>> RemoteWorkspace::children(NodeId parentId) const
{
    Result<QList<OrgNode>> nodes = readList<OrgNode>(m_api.getItems(nodePath(parentId, QStringLiteral("/children"))));
    if (nodes) {
        for (const OrgNode &child : nodes.value()) {
            remember(child);
        }
    }
    return nodes;
}

Result<OrgNode> RemoteWorkspace::node(NodeId id) const
{
    Result<OrgNode> found = read<OrgNode>(m_api.get(nodePath(id)));
    if (found) {
        remember(found.value());
    }
    return found;
}

Result<Agent> RemoteWorkspace::agent(NodeId id) const
{
    Result<Agent> agent = read<Agent>(m_api.get(agentPath(id)));
    if (agent) {
        // What the reader now shows: a stream item with the same status is no news.
        m_statuses.insert(id, agent->status);
    }
    return agent;
}

Result<AgentVersion> RemoteWorkspace::version(NodeId agentId, int number) const
{
    return read<AgentVersion>(m_api.get(agentPath(agentId, QStringLiteral("/versions/%1").arg(number))));
}

Result<QList<Run>> RemoteWorkspace::recentRuns(NodeId agentId, int limit) const
{
    return readList<Run>(m_api.getItems(agentPath(agentId, QStringLiteral("/runs")), {}, limit));
}

Result<QList<AuditEntry>> RemoteWorkspace::recentChanges(const QString &path, int limit) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("subject"), path);
    return readList<AuditEntry>(m_api.getItems(QStringLiteral("/api/v1/audit"), query, limit));
}

Result<QList<AgentVersion>> RemoteWorkspace::history(NodeId agentId) const
{
    return readList<AgentVersion>(m_api.getItems(agentPath(agentId, QStringLiteral("/versions"))));
}

Result<QList<VersionProposal>> RemoteWorkspace::pendingProposals(NodeId agentId) const
{
    QUrlQuery query;
    if (agentId != NoNode) {
        query.addQueryItem(QStringLiteral("agent"), QString::number(agentId));
    }
    return readList<VersionProposal>(m_api.getItems(QStringLiteral("/api/v1/proposals"), query));
}

Result<QList<AuditEntry>> RemoteWorkspace::auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                        int limit) const
{
    QUrlQuery query;
    const QList<std::pair<QString, QString>> texts{{QStringLiteral("actor"), filter.actor},
                                                   {QStringLiteral("action"), filter.action},
                                                   {QStringLiteral("subject"), filter.subjectPrefix}};
    for (const auto &[name, value] : texts) {
        if (!value.isEmpty()) {
            query.addQueryItem(name, value);
        }
    }
    addTimeRange(query, filter.from, filter.until);
    if (beforeSequence > 0) {
        query.addQueryItem(QStringLiteral("cursor"), QString::number(beforeSequence));
    }
    return readList<AuditEntry>(m_api.getItems(QStringLiteral("/api/v1/audit"), query, limit));
}

Result<AuditVerification> RemoteWorkspace::verifyAudit() const
{
    return read<AuditVerification>(m_api.get(QStringLiteral("/api/v1/audit/verify")));
}

Result<ActivityPage> RemoteWorkspace::searchActivity(const QString &query, EventId before, int limit) const
{
    QUrlQuery parameters;
    if (!query.trimmed().isEmpty()) {
        parameters.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    }
    if (before > 0) {
        parameters.addQueryItem(QStringLiteral("before"), QString::number(before));
    }
    parameters.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    const Result<QJsonValue> answer = m_api.get(QStringLiteral("/api/v1/events"), parameters);
    if (!answer) {
        return answer.error();
    }
    return activityPageFromJson(answer->toObject());
}

Result<QList<ActivityEvent>> RemoteWorkspace::runEvents(RunId runId) const
{
    return readList<ActivityEvent>(m_api.getItems(QStringLiteral("/api/v1/runs/%1/events").arg(runId)));
}

Result<ReliabilitySeries> RemoteWorkspace::reliability(NodeId nodeId, const ReliabilityQuery &query) const
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("from"), timeText(query.from));
    parameters.addQueryItem(QStringLiteral("to"), timeText(query.to));
    parameters.addQueryItem(QStringLiteral("bucket"), toText(query.bucket));
    if (!query.timeZone.isEmpty()) {
        parameters.addQueryItem(QStringLiteral("timeZone"), QString::fromUtf8(query.timeZone));
    }
    const Result<QJsonValue> answer = m_api.get(nodePath(nodeId, QStringLiteral("/reliability")), parameters);
    if (!answer) {
        return answer.error();
    }
    return reliabilitySeriesFromJson(answer.value());
}

Result<QList<AgentReliability>> RemoteWorkspace::reliabilityRanking(NodeId nodeId, const QDateTime &from,
                                                                    const QDateTime &to, ReliabilityMeasure sortBy,
                                                                    Qt::SortOrder order) const
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("from"), timeText(from));
    parameters.addQueryItem(QStringLiteral("to"), timeText(to));
    parameters.addQueryItem(QStringLiteral("sort"), toText(sortBy));
    parameters.addQueryItem(QStringLiteral("order"),
                            order == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
    const Result<QJsonArray> items =
        m_api.getItems(nodePath(nodeId, QStringLiteral("/reliability/agents")), parameters);
    if (!items) {
        return items.error();
    }
    QList<AgentReliability> agents;
    agents.reserve(items->size());
    for (qsizetype i = 0; i < items->size(); ++i) {
        Result<AgentReliability> agent =
            agentReliabilityFromJson(items->at(i), jsonItemPath(QStringLiteral("items"), i));
        if (!agent) {
            return agent.error();
        }
        agents.append(std::move(agent).value());
    }
    return agents;
}

// --- Changing --------------------------------------------------------------------------------

Result<OrgNode> RemoteWorkspace::createCompany(const QString &, const QString &)
{
    return Error{Error::Code::Forbidden,
                 QCoreApplication::translate("steward::RemoteWorkspace",
                                             "A server's company is created on the server's database before "
                                             "anyone signs in: stewardctl --store DATABASE node create /NAME "
                                             "--kind company.")};
}

Result<OrgNode> RemoteWorkspace::createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &reason)
{
    NodeCreateRequest request;
    request.kind = kind;
    request.parentId = parentId;
    request.name = name;
    request.reason = reason;
    Result<OrgNode> created = read<OrgNode>(m_api.post(QStringLiteral("/api/v1/nodes"), toJson(request)));
    if (created) {
        remember(created.value());
        announced(created.value());
        Q_EMIT nodeAdded(created.value());
        Q_EMIT auditAppended();
    }
    return created;
}

Result<OrgNode> RemoteWorkspace::rename(NodeId id, const QString &newName, const QString &reason)
{
    NodePatchRequest request;
    request.name = newName;
    request.reason = reason;
    Result<OrgNode> renamed = read<OrgNode>(m_api.patch(nodePath(id), toJson(request)));
    if (renamed) {
        remember(renamed.value());
        announced(renamed.value());
        Q_EMIT nodeRenamed(renamed.value());
        Q_EMIT auditAppended();
    }
    return renamed;
}

Result<OrgNode> RemoteWorkspace::move(NodeId id, NodeId newParentId, const QString &reason)
{
    // Read now rather than remembered: someone else may have moved it since.
    const Result<OrgNode> before = node(id);
    if (!before) {
        return before.error();
    }
    NodePatchRequest request;
    request.parentId = newParentId;
    request.reason = reason;
    Result<OrgNode> moved = read<OrgNode>(m_api.patch(nodePath(id), toJson(request)));
    if (moved) {
        remember(moved.value());
        announced(moved.value());
        Q_EMIT nodeMoved(moved.value(), before->parentId);
        Q_EMIT auditAppended();
    }
    return moved;
}

Result<OrgNode> RemoteWorkspace::archive(NodeId id, const QString &reason)
{
    Result<OrgNode> archived =
        read<OrgNode>(m_api.post(nodePath(id, QStringLiteral("/archive")), toJson(DecisionRequest{reason})));
    if (archived) {
        m_nodes.remove(id);
        announced(archived.value());
        Q_EMIT nodeArchived(archived.value());
        Q_EMIT auditAppended();
    }
    return archived;
}

Result<AgentService::VersionChange> RemoteWorkspace::versionChange(const Result<QJsonValue> &answer, NodeId agentId)
{
    if (!answer) {
        return answer.error();
    }
    const QJsonObject object = answer->toObject();
    AgentService::VersionChange change;
    if (object.contains(QStringLiteral("saved"))) {
        Result<AgentVersion> saved =
            fromJson<AgentVersion>(object.value(QStringLiteral("saved")), QStringLiteral("saved"));
        if (!saved) {
            return saved.error();
        }
        noteHead(agentId, saved->number);
        change.saved = std::move(saved).value();
    } else {
        Result<VersionProposal> proposed =
            fromJson<VersionProposal>(object.value(QStringLiteral("proposed")), QStringLiteral("proposed"));
        if (!proposed) {
            return proposed.error();
        }
        noteProposal(proposed.value());
        change.proposed = std::move(proposed).value();
    }
    Q_EMIT agentChanged(agentId);
    Q_EMIT auditAppended();
    return change;
}

Result<AgentService::VersionChange> RemoteWorkspace::changeSpec(NodeId agentId, int baseVersion, const QString &spec,
                                                                const QString &reason)
{
    return versionChange(m_api.post(agentPath(agentId, QStringLiteral("/versions")),
                                    toJson(VersionSaveRequest{baseVersion, spec, reason})),
                         agentId);
}

Result<AgentService::VersionChange> RemoteWorkspace::rollback(NodeId agentId, int toVersion, int baseVersion,
                                                              const QString &reason)
{
    const QJsonObject body{{QStringLiteral("toVersion"), toVersion},
                           {QStringLiteral("baseVersion"), baseVersion},
                           {QStringLiteral("reason"), reason}};
    return versionChange(m_api.post(agentPath(agentId, QStringLiteral("/rollback")), body), agentId);
}

Result<AgentVersion> RemoteWorkspace::approveProposal(ProposalId id, const QString &reason)
{
    Result<AgentVersion> approved = read<AgentVersion>(
        m_api.post(QStringLiteral("/api/v1/proposals/%1/approve").arg(id), toJson(DecisionRequest{reason})));
    if (approved) {
        noteHead(approved->agentId, approved->number);
        m_proposals.insert(id, VersionProposal::State::Approved);
        Q_EMIT agentChanged(approved->agentId);
        Q_EMIT auditAppended();
    }
    return approved;
}

Result<VersionProposal> RemoteWorkspace::rejectProposal(ProposalId id, const QString &reason)
{
    Result<VersionProposal> rejected = read<VersionProposal>(
        m_api.post(QStringLiteral("/api/v1/proposals/%1/reject").arg(id), toJson(DecisionRequest{reason})));
    if (rejected) {
        noteProposal(rejected.value());
        Q_EMIT agentChanged(rejected->agentId);
        Q_EMIT auditAppended();
    }
    return rejected;
}

Result<BundleManifest> RemoteWorkspace::exportBundle(const QString &path, const BundleScope &scope,
                                                     const QString &reason)
{
    const QString manifestPath = AuditBundle::manifestPathFor(path);
    if (QFileInfo::exists(path) || QFileInfo::exists(manifestPath)) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::RemoteWorkspace", "%1 already exists; choose another name.")
                         .arg(path)};
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("reason"), reason);
    if (!scope.subtreePath.isEmpty()) {
        query.addQueryItem(QStringLiteral("path"), scope.subtreePath);
    }
    addTimeRange(query, scope.from, scope.until);
    const Result<ApiClient::Headers> headers = m_api.download(QStringLiteral("/api/v1/export"), query, path);
    if (!headers) {
        return headers.error();
    }
    // The manifest comes in a header (base64 JSON), signed by the server's key; the file it
    // describes must be exactly what arrived.
    QByteArray manifestJson;
    for (const auto &[name, value] : headers.value()) {
        if (name.compare("Steward-Manifest", Qt::CaseInsensitive) == 0) {
            manifestJson = QByteArray::fromBase64(value);
        }
    }
    Result<BundleManifest> manifest = BundleManifest::fromJson(manifestJson);
    const Result<QByteArray> digest = sha256Of(path);
    Status kept = Done{};
    if (!manifest) {
        kept = Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::RemoteWorkspace", "%1 sent a bundle without a readable manifest: %2")
                .arg(location(), manifest.error().message)};
    } else if (!digest) {
        kept = digest.error();
    } else if (digest.value() != manifest->contentSha256) {
        kept = Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::RemoteWorkspace",
                                                 "The bundle from %1 arrived incomplete or changed: its SHA-256 "
                                                 "does not match its manifest.")
                         .arg(location())};
    }
    if (kept) {
        QSaveFile file(manifestPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest->toJson()).toJson()) < 0
            || !file.commit()) {
            kept = Error{Error::Code::StoreFailure,
                         QCoreApplication::translate("steward::RemoteWorkspace", "Cannot write %1: %2")
                             .arg(manifestPath, file.errorString())};
        }
    }
    if (!kept) {
        QFile::remove(path);
        return kept.error();
    }
    Q_EMIT auditAppended();
    return manifest;
}

// --- Approvals -------------------------------------------------------------------------------

Result<ApprovalPage> RemoteWorkspace::approvals(const ApprovalFilter &filter) const
{
    QUrlQuery query;
    if (filter.state) {
        query.addQueryItem(QStringLiteral("state"), toText(*filter.state));
    }
    if (filter.agentId != NoNode) {
        query.addQueryItem(QStringLiteral("agent"), QString::number(filter.agentId));
    }
    if (filter.subtreeId != NoNode) {
        query.addQueryItem(QStringLiteral("node"), QString::number(filter.subtreeId));
    }
    if (filter.mine) {
        query.addQueryItem(QStringLiteral("mine"), QStringLiteral("true"));
    }
    const QList<std::pair<QString, QDateTime>> times{{QStringLiteral("createdBefore"), filter.createdBefore},
                                                     {QStringLiteral("createdAfter"), filter.createdAfter},
                                                     {QStringLiteral("expiresBefore"), filter.expiresBefore}};
    for (const auto &[name, time] : times) {
        if (time.isValid()) {
            query.addQueryItem(name, timeText(time));
        }
    }
    if (filter.beforeId > 0) {
        query.addQueryItem(QStringLiteral("before"), QString::number(filter.beforeId));
    }
    query.addQueryItem(QStringLiteral("limit"), QString::number(filter.limit));
    const Result<QJsonValue> answer = m_api.get(QStringLiteral("/api/v1/approvals"), query);
    if (!answer) {
        return answer.error();
    }
    const QJsonObject object = answer->toObject();
    Result<QList<Approval>> items =
        listFromJson<Approval>(object.value(QStringLiteral("items")), QStringLiteral("items"));
    if (!items) {
        return items.error();
    }
    Result<QList<VersionProposal>> proposals = listFromJson<VersionProposal>(
        object.value(QStringLiteral("proposals")).isUndefined() ? QJsonValue(QJsonArray())
                                                                : object.value(QStringLiteral("proposals")),
        QStringLiteral("proposals"));
    if (!proposals) {
        return proposals.error();
    }
    ApprovalPage page;
    page.items = std::move(items).value();
    page.proposals = std::move(proposals).value();
    page.nextBeforeId = object.value(QStringLiteral("nextCursor")).toString().toLongLong();
    return page;
}

Result<ApprovalDetail> RemoteWorkspace::approval(ApprovalId id) const
{
    return read<ApprovalDetail>(m_api.get(QStringLiteral("/api/v1/approvals/%1").arg(id)));
}

Result<ApprovalDetail> RemoteWorkspace::waitForApproval(ApprovalId id, int waitSeconds) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("wait"), QString::number(waitSeconds));
    return read<ApprovalDetail>(m_api.get(QStringLiteral("/api/v1/approvals/%1").arg(id), query));
}

Result<ApprovalCounts> RemoteWorkspace::approvalCounts() const
{
    return read<ApprovalCounts>(m_api.get(QStringLiteral("/api/v1/approval-counts")));
}

Result<QList<ApprovalDecision>> RemoteWorkspace::agentDecisions(NodeId agentId, int limit) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return readList<ApprovalDecision>(
        m_api.getItems(agentPath(agentId, QStringLiteral("/approval-decisions")), query, limit));
}

Result<Approval> RemoteWorkspace::decideApproval(ApprovalId id, const ApprovalDecisionRequest &decision)
{
    Result<Approval> decided =
        read<Approval>(m_api.post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id), toJson(decision)));
    if (decided) {
        Q_EMIT approvalChanged(id);
        Q_EMIT auditAppended();
    }
    return decided;
}

Result<EffectivePolicy> RemoteWorkspace::approvalPolicy(NodeId nodeId) const
{
    return read<EffectivePolicy>(m_api.get(nodePath(nodeId, QStringLiteral("/approval-policy"))));
}

Result<EffectivePolicy> RemoteWorkspace::setApprovalPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy,
                                                           const QString &reason)
{
    Result<EffectivePolicy> set = read<EffectivePolicy>(
        m_api.put(nodePath(nodeId, QStringLiteral("/approval-policy")), toJson(ApprovalPolicyRequest{policy, reason})));
    if (set) {
        Q_EMIT auditAppended();
    }
    return set;
}

Result<RunRequestEntry> RemoteWorkspace::runNow(NodeId agentId, const QJsonObject &payload, const QString &reason)
{
    return read<RunRequestEntry>(
        m_api.post(agentPath(agentId, QStringLiteral("/run")), toJson(RunNowRequest{payload, reason})));
}

Result<QList<RunRequestEntry>> RemoteWorkspace::runRequests(NodeId agentId, int limit) const
{
    return readList<RunRequestEntry>(m_api.getItems(agentPath(agentId, QStringLiteral("/run-requests")), {}, limit));
}

Result<ApprovalAnalytics> RemoteWorkspace::approvalAnalytics(NodeId nodeId, const QDateTime &from,
                                                             const QDateTime &to) const
{
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("from"), timeText(from));
    parameters.addQueryItem(QStringLiteral("to"), timeText(to));
    const Result<QJsonValue> answer = m_api.get(nodePath(nodeId, QStringLiteral("/approval-analytics")), parameters);
    if (!answer) {
        return answer.error();
    }
    return approvalAnalyticsFromJson(answer.value());
}

Result<Agent> RemoteWorkspace::setAgentStatus(NodeId agentId, AgentStatus status, const QString &reason)
{
    Result<Agent> changed = read<Agent>(
        m_api.patch(agentPath(agentId, QStringLiteral("/status")), toJson(AgentStatusRequest{status, reason})));
    if (changed) {
        // The stream brings this change back with the same head and status: no news then.
        noteHead(agentId, changed->headVersion);
        noteStatus(agentId, changed->status);
        Q_EMIT agentChanged(agentId);
        Q_EMIT auditAppended();
    }
    return changed;
}

} // namespace steward
