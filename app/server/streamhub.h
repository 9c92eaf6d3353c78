// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "domain/streamitem.h"
#include "service/authorizer.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QHttpServer;
class QWebSocket;

namespace steward {

class ApiRouter;
class Authenticator;
class StreamListener;
struct ServerContext;

// The live stream: WebSocket clients at /api/v1/stream?since=SEQ get every stream item after
// SEQ (activity events, runs, tree changes, versions, proposals), then each new one as it is
// committed by this or any other stewardd on the same database (StreamListener). Items are
// sent in sequence order as JSON texts {"seq", "type", "at", "data"}; items the client may
// not see are skipped. A client resumes with since = the last seq it received and gets
// exactly what it missed. A client that reads too slowly is closed (code 4008) rather than
// buffered without end; it resumes the same way.
class StreamHub final : public QObject
{
    Q_OBJECT

public:
    StreamHub(ServerContext &context, Authenticator &authenticator, const QString &location);
    ~StreamHub() override;

    // Starts following the store's stream (the listener's own connection).
    [[nodiscard]] Status start();
    // Takes WebSocket upgrades on /api/v1/stream from the HTTP server; a plain GET there is
    // answered by the router with 426.
    void attach(QHttpServer &http, ApiRouter &router);
    [[nodiscard]] qint64 clientCount() const { return m_sessions.size(); }
    [[nodiscard]] qint64 queuedBytes() const;
    // Something was committed by this process: look now rather than at the next notification.
    void poke();

private:
    struct Session;
    struct Encoded
    {
        StreamItem item;
        QByteArray text; // the JSON message
        NodeKind kind = NodeKind::Agent;
        QString path;
        Visibility visibility = Visibility::Public;
        bool auditOnly = false;
    };

    void acceptConnection(QHttpServer &http);
    void onAdvanced();
    void catchUp(Session *session);
    void send(Session *session, const QList<Encoded> &items);
    void drop(Session *session, int code, const QString &reason);
    [[nodiscard]] Result<QList<Encoded>> encode(const QList<StreamItem> &items);

    ServerContext &m_context;
    Authenticator &m_authenticator;
    std::unique_ptr<StreamListener> m_listener;
    QList<Session *> m_sessions;
    qint64 m_cursor = 0; // every item up to here has gone to the live sessions
    // What encoding needs of the tree, kept between pages until a tree change comes by.
    QHash<NodeId, OrgNode> m_nodes;
    std::optional<QHash<NodeId, Visibility>> m_visibilities;
};

} // namespace steward
