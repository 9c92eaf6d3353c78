// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The background runtime over HTTP: Run now for people who may edit the agent, the agent's
// recent run requests (so skipped and refused fires are visible), and named event triggers,
// authenticated by a bearer token or by the signature of the trigger's secret.
#include "api/apilimits.h"
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "authenticator.h"
#include "execution/webhooksender.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "serverruntime.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QRegularExpression>

namespace steward {

using namespace RouteHelpers;

namespace {

// An event's body is a JSON object of at most this size.
constexpr qsizetype maxEventBytes = 1024 * 1024;
// A signed call older or newer than this is refused: a captured one cannot be replayed later.
constexpr qint64 signatureToleranceSeconds = 300;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::RuntimeRoutes", text);
}

ApiReply unauthorized(const QString &message)
{
    return ApiReply::error(401, QStringLiteral("unauthorized"), message);
}

ApiReply runNow(ServerContext &context, ServerRuntime &runtime, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return ApiReply::error(id.error());
    }
    // Starting an agent is editing it in effect: editors and admins of its subtree.
    if (const Result<OrgNode> agent = nodeForAction(context, request.principal, Action::EditSpec, id.value()); !agent) {
        return ApiReply::error(agent.error());
    }
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<RunNowRequest> asked = runNowRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    const Result<RunRequestEntry> stored =
        runtime.requests().runNow(id.value(), asked->payload, asked->reason, request.principal.name);
    if (!stored) {
        return ApiReply::error(stored.error());
    }
    // With the runtime on here, decided at once, so the answer says whether it started.
    if (RunDispatcher *dispatcher = runtime.dispatcher()) {
        if (const Result<int> started = dispatcher->dispatchDue(); !started) {
            return ApiReply::error(started.error());
        }
    }
    return replyWith(
        runtime.requests().request(stored->id), [](const RunRequestEntry &entry) { return toJson(entry); }, 202);
}

ApiReply listRunRequests(ServerContext &context, ServerRuntime &runtime, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 50, 1, 500);
    if (const std::optional<Error> error = firstError(id, limit)) {
        return ApiReply::error(*error);
    }
    if (const Result<OrgNode> agent = visibleNode(context, request.principal, id.value()); !agent) {
        return ApiReply::error(agent.error());
    }
    const Result<QList<RunRequestEntry>> recent =
        runtime.requests().recent(id.value(), static_cast<int>(limit.value()));
    if (!recent) {
        return ApiReply::error(recent.error());
    }
    return ApiReply::page(toJsonArray(recent.value()), QString());
}

// Whether `header` (t=<unix seconds>,v1=<hex HMAC>) signs `body` with `secret` at a time close
// to now; the reason when not.
QString signatureProblem(const QByteArray &header, const QByteArray &body, const QByteArray &secret, qint64 nowSeconds)
{
    qint64 time = 0;
    bool timeRead = false;
    for (const QByteArray &part : header.split(',')) {
        if (part.trimmed().startsWith("t=")) {
            time = part.trimmed().mid(2).toLongLong(&timeRead);
        }
    }
    if (!timeRead) {
        return translated("The Steward-Signature header has no time (t=...).");
    }
    if (std::abs(nowSeconds - time) > signatureToleranceSeconds) {
        return translated("The signature's time is more than %1 seconds away from the server's.")
            .arg(signatureToleranceSeconds);
    }
    const QByteArray expected = WebhookSender::signature(time, body, secret);
    // Compared in full whatever the first difference, so the time taken tells nothing.
    const QByteArray given = header.trimmed();
    bool same = given.size() == expected.size();
    for (qsizetype i = 0; i < std::min(given.size(), expected.size()); ++i) {
        same = (given.at(i) == expected.at(i)) && same;
    }
    return same ? QString() : translated("The signature does not match the body.");
}

ApiReply fireTrigger(ServerContext &context, ServerRuntime &runtime, Authenticator &authenticator, ApiRequest &request)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    const QString name = request.pathValues.value(QStringLiteral("name"));
    if (!namePattern.match(name).hasMatch()) {
        return ApiReply::error(Error{Error::Code::Invalid,
                                     translated("An event name is 1 to 100 letters, digits, dots, dashes and "
                                                "underscores, not \"%1\".")
                                         .arg(name)});
    }
    const QByteArray body = request.http.body();
    if (body.size() > maxEventBytes) {
        return ApiReply::error(413, QStringLiteral("too_large"),
                               translated("An event's body may hold at most %1 bytes.").arg(maxEventBytes));
    }
    // Who fires it: a signature made with the trigger's own secret (a system that holds no
    // Steward account), or a bearer token, whose holder starts only the agents it may see.
    QString requestedBy;
    std::optional<VisibilityFilter> visibility;
    const QByteArray signature = request.http.value("Steward-Signature");
    if (!signature.isEmpty()) {
        const std::optional<QByteArray> secret = runtime.triggerSecret(name);
        if (!secret) {
            return unauthorized(translated("This server has no secret for the event \"%1\".").arg(name));
        }
        if (const QString problem = signatureProblem(signature, body, *secret, context.clock.now().toSecsSinceEpoch());
            !problem.isEmpty()) {
            return unauthorized(problem);
        }
        requestedBy = QStringLiteral("trigger.") + name;
    } else {
        const Authenticator::Outcome outcome = authenticator.authenticate(request.http);
        if (!outcome.principal) {
            return outcome.refusal;
        }
        Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(*outcome.principal);
        if (!filter) {
            return ApiReply::error(filter.error());
        }
        visibility = std::move(filter).value();
        requestedBy = outcome.principal->name;
    }
    const Result<QJsonObject> payload = request.jsonObject();
    if (!payload) {
        return ApiReply::error(payload.error());
    }
    const Result<QList<RunRequestEntry>> requests =
        runtime.requests().fireEvent(name, payload.value(), requestedBy, visibility ? &visibility.value() : nullptr);
    if (!requests) {
        return ApiReply::error(requests.error());
    }
    QJsonArray ids;
    for (const RunRequestEntry &entry : requests.value()) {
        ids.append(entry.id);
    }
    return ApiReply::json(QJsonObject{{QStringLiteral("event"), name}, {QStringLiteral("requestIds"), ids}}, 202);
}

} // namespace

void addRuntimeRoutes(ApiRouter &router, ServerContext &context, ServerRuntime &runtime, Authenticator &authenticator)
{
    router.add("POST", QStringLiteral("/api/v1/agents/{id}/run"), ApiRouter::Access::Authenticated,
               [&context, &runtime](ApiRequest &request) { return runNow(context, runtime, request); });
    router.add("GET", QStringLiteral("/api/v1/agents/{id}/run-requests"), ApiRouter::Access::Authenticated,
               [&context, &runtime](ApiRequest &request) { return listRunRequests(context, runtime, request); });
    // Public at the router: the handler authenticates by signature or token itself.
    router.add("POST", QStringLiteral("/api/v1/triggers/{name}"), ApiRouter::Access::Public,
               [&context, &runtime, &authenticator](ApiRequest &request) {
                   return fireTrigger(context, runtime, authenticator, request);
               });
}

} // namespace steward
