// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamhub.h"

#include "api/jsoncodec.h"
#include "apirouter.h"
#include "authenticator.h"
#include "servercontext.h"
#include "serverlog.h"
#include "storage/activityrepository.h"
#include "storage/auditrepository.h"
#include "storage/streamlistener.h"
#include "storage/treerepository.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace steward {

namespace {

constexpr int kPageSize = 1000;
// A client with this much unsent is reading too slowly to follow the stream.
constexpr qint64 kMaxQueuedBytes = 16 * 1024 * 1024;
// While catching up, stop filling the socket past this and wait for it to drain.
constexpr qint64 kCatchUpWatermark = 1024 * 1024;
constexpr int kTooSlowCloseCode = 4008;
constexpr int kUnauthorizedCloseCode = 4401;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::StreamHub", text);
}

} // namespace

struct StreamHub::Session
{
    std::unique_ptr<QWebSocket> socket;
    Principal principal;
    std::optional<VisibilityFilter> filter;
    bool readsAudit = false;
    qint64 cursor = 0;
    bool live = false;
};

StreamHub::StreamHub(ServerContext &context, Authenticator &authenticator, const QString &location)
    : m_context(context), m_authenticator(authenticator), m_listener(std::make_unique<StreamListener>(location))
{
    const Result<qint64> last = m_context.stream.lastSeq();
    m_cursor = last ? last.value() : 0;
    connect(m_listener.get(), &StreamListener::advanced, this, &StreamHub::onAdvanced);
}

Status StreamHub::start()
{
    return m_listener->start();
}

StreamHub::~StreamHub()
{
    qDeleteAll(m_sessions);
}

void StreamHub::attach(QHttpServer &http, ApiRouter &router)
{
    router.add("GET", QStringLiteral("/api/v1/stream"), ApiRouter::Access::Public, [](ApiRequest &) {
        return ApiReply::error(426, QStringLiteral("upgrade_required"),
                               translated("The live stream is a WebSocket: connect with ws:// or wss:// here."));
    });
    // Qt HttpServer 6.4 hands a WebSocket upgrade over only when a route of its own matches the
    // path; requests without an upgrade go on to the router above.
    http.route(QStringLiteral("/api/v1/stream"),
               [&router](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) != 0) {
                       router.dispatch(request, responder);
                   }
               });
    connect(&http, &QHttpServer::newWebSocketConnection, this, [this, &http] { acceptConnection(http); });
}

qint64 StreamHub::queuedBytes() const
{
    qint64 total = 0;
    for (const Session *session : m_sessions) {
        total += session->socket->bytesToWrite();
    }
    return total;
}

void StreamHub::poke()
{
    m_listener->poke();
}

void StreamHub::acceptConnection(QHttpServer &http)
{
    while (http.hasPendingWebSocketConnections()) {
        auto session = std::make_unique<Session>();
        session->socket = http.nextPendingWebSocketConnection();
        QWebSocket *socket = session->socket.get();
        const QNetworkRequest handshake = socket->request();
        const Authenticator::Outcome outcome =
            m_authenticator.authenticate(handshake.rawHeader("Authorization"), socket->peerAddress());
        if (!outcome.principal) {
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(kUnauthorizedCloseCode),
                          translated("not signed in: send Authorization: Bearer TOKEN with the handshake"));
            socket->deleteLater();
            session->socket.release();
            continue;
        }
        session->principal = *outcome.principal;
        Result<VisibilityFilter> filter = m_context.authorizer.visibilityFilter(session->principal);
        const Result<OrgNode> root = TreeRepository(*m_context.store).root();
        if (!filter || !root) {
            socket->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection, translated("the store failed"));
            socket->deleteLater();
            session->socket.release();
            continue;
        }
        session->filter = std::move(filter).value();
        const Result<bool> readsAudit = m_context.authorizer.may(session->principal, Action::ReadAudit, root.value());
        session->readsAudit = readsAudit && readsAudit.value();

        const QUrlQuery query(handshake.url());
        bool sinceGiven = false;
        const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&sinceGiven);
        session->cursor = sinceGiven && since >= 0 ? since : m_cursor;

        Session *raw = session.release();
        m_sessions.append(raw);
        connect(socket, &QWebSocket::disconnected, this, [this, raw] { drop(raw, 0, {}); });
        connect(socket, &QWebSocket::bytesWritten, this, [this, raw] {
            if (!raw->live && raw->socket->bytesToWrite() < kCatchUpWatermark) {
                catchUp(raw);
            }
        });
        ServerLog::info(QStringLiteral("stream_connected"),
                        {{QStringLiteral("principal"), raw->principal.name},
                         {QStringLiteral("since"), QString::number(raw->cursor)}});
        catchUp(raw);
    }
}

void StreamHub::catchUp(Session *session)
{
    while (!session->live && session->socket->bytesToWrite() < kCatchUpWatermark) {
        const Result<QList<StreamItem>> items = m_context.stream.readAfter(session->cursor, kPageSize);
        const Result<QList<Encoded>> encoded = items ? encode(items.value()) : Result<QList<Encoded>>(items.error());
        if (!encoded) {
            drop(session, QWebSocketProtocol::CloseCodeAbnormalDisconnection, encoded.error().message);
            return;
        }
        send(session, encoded.value());
        if (items->size() < kPageSize) {
            // Caught up with the database, which is at or past what live sessions have had.
            session->live = true;
        }
    }
}

void StreamHub::onAdvanced()
{
    const bool anyoneListening =
        std::any_of(m_sessions.cbegin(), m_sessions.cend(), [](const Session *session) { return session->live; });
    if (!anyoneListening) {
        // Sessions that join later read from their own `since`; nothing to encode now.
        const Result<qint64> last = m_context.stream.lastSeq();
        if (last) {
            m_cursor = last.value();
        }
        return;
    }
    for (;;) {
        const Result<QList<StreamItem>> items = m_context.stream.readAfter(m_cursor, kPageSize);
        if (!items || items->isEmpty()) {
            if (!items) {
                ServerLog::error(QStringLiteral("stream_read_failed"),
                                 {{QStringLiteral("reason"), items.error().message}});
            }
            return;
        }
        const Result<QList<Encoded>> encoded = encode(items.value());
        if (!encoded) {
            ServerLog::error(QStringLiteral("stream_read_failed"),
                             {{QStringLiteral("reason"), encoded.error().message}});
            return;
        }
        m_cursor = items->constLast().seq;
        const QList<Session *> sessions = m_sessions;
        for (Session *session : sessions) {
            if (session->live) {
                send(session, encoded.value());
            }
        }
        if (items->size() < kPageSize) {
            return;
        }
    }
}

void StreamHub::send(Session *session, const QList<Encoded> &items)
{
    for (const Encoded &encoded : items) {
        if (encoded.item.seq <= session->cursor) {
            continue;
        }
        session->cursor = encoded.item.seq;
        const bool visible = encoded.auditOnly
            ? session->readsAudit
            : session->filter->canSee(encoded.kind, encoded.path, encoded.visibility);
        if (visible) {
            session->socket->sendTextMessage(QString::fromUtf8(encoded.text));
        }
    }
    if (session->live && session->socket->bytesToWrite() > kMaxQueuedBytes) {
        drop(session, kTooSlowCloseCode, translated("too far behind; reconnect with since=%1").arg(session->cursor));
    }
}

void StreamHub::drop(Session *session, int code, const QString &reason)
{
    if (!m_sessions.removeOne(session)) {
        return;
    }
    session->socket->disconnect(this);
    if (code != 0) {
        session->socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    }
    ServerLog::info(QStringLiteral("stream_disconnected"),
                    {{QStringLiteral("principal"), session->principal.name},
                     {QStringLiteral("seq"), QString::number(session->cursor)},
                     {QStringLiteral("reason"), reason}});
    session->socket.release()->deleteLater();
    delete session;
}

Result<QList<StreamHub::Encoded>> StreamHub::encode(const QList<StreamItem> &items)
{
    const TreeRepository tree(*m_context.store);
    QList<EventId> eventIds;
    for (const StreamItem &item : items) {
        if (item.type == StreamItemType::Event) {
            eventIds.append(item.subjectId);
        }
    }
    const ActivityRepository activity(*m_context.store);
    const Result<QHash<EventId, ActivityEvent>> events = activity.eventsByIds(eventIds);
    if (!events) {
        return events.error();
    }

    QList<Encoded> encoded;
    encoded.reserve(items.size());
    for (const StreamItem &item : items) {
        if (item.type == StreamItemType::Node) {
            // A rename or move changes the paths below the node too, and a new agent brings its
            // visibility: tree changes are rare, so the whole cache goes.
            m_nodes.clear();
            m_visibilities.reset();
        }
        if (!m_visibilities) {
            Result<QHash<NodeId, Visibility>> visibilities = tree.agentVisibilities();
            if (!visibilities) {
                return visibilities.error();
            }
            m_visibilities = std::move(visibilities).value();
        }
        if (!m_nodes.contains(item.nodeId)) {
            const Result<OrgNode> node = tree.node(item.nodeId);
            if (!node) {
                return node.error();
            }
            m_nodes.insert(item.nodeId, node.value());
        }
        const OrgNode node = m_nodes.value(item.nodeId);
        QJsonObject data;
        bool auditOnly = false;
        switch (item.type) {
        case StreamItemType::Event: data = toJson(events->value(item.subjectId)); break;
        case StreamItemType::Run: {
            const Result<Run> run = activity.run(item.subjectId);
            data = run ? toJson(run.value()) : QJsonObject{{QStringLiteral("id"), item.subjectId}};
            break;
        }
        case StreamItemType::Node: data = toJson(node); break;
        case StreamItemType::Agent:
            // A new head version: clients fetch it when they show the agent.
            data = QJsonObject{{QStringLiteral("agentId"), node.id},
                               {QStringLiteral("path"), node.path},
                               {QStringLiteral("version"), item.subjectId}};
            // A pause or a resume announces the same head with the status the agent now has.
            if (const Result<Agent> agent = tree.agent(node.id); agent) {
                data.insert(QStringLiteral("status"), toText(agent->status));
            }
            break;
        case StreamItemType::Approval: {
            const Result<ApprovalRepository::Row> approval = m_context.approvals.approvals().row(item.subjectId);
            data = approval ? toJson(approval->approval)
                            : QJsonObject{{QStringLiteral("id"), item.subjectId}, {QStringLiteral("path"), node.path}};
            break;
        }
        case StreamItemType::Proposal: {
            const Result<VersionProposal> proposal = m_context.agents.proposals().proposal(item.subjectId);
            data = proposal ? toJson(proposal.value()) : QJsonObject{{QStringLiteral("id"), item.subjectId}};
            break;
        }
        case StreamItemType::Audit:
            auditOnly = true;
            data = QJsonObject{{QStringLiteral("sequence"), item.subjectId}};
            break;
        }
        const QJsonObject message{{QStringLiteral("seq"), item.seq},
                                  {QStringLiteral("type"), toText(item.type)},
                                  {QStringLiteral("at"), item.at.toUTC().toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("data"), data}};
        encoded.append(Encoded{item, QJsonDocument(message).toJson(QJsonDocument::Compact), node.kind, node.path,
                               m_visibilities->value(node.id, Visibility::Public), auditOnly});
    }
    return encoded;
}

} // namespace steward
