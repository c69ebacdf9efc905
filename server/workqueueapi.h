// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/changefeed.h"
#include "server/gatewaystore.h"
#include "server/signindesk.h"
#include "server/x12intake.h"
#include "services/rules/problem.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QUrlQuery>

#include <chrono>

class QIODevice;

namespace rcm::server {

/// One HTTP request as the API sees it, free of the transport.
struct ApiRequest
{
    QByteArray method; ///< "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    /// An 835 upload spooled to disk (open, seekable) instead of body; not owned.
    QIODevice *bodyFile = nullptr;
    QString correlationId;
    QString clientAddress; ///< the peer, or the client a trusted proxy names; for the log

    qint64 bodySize() const;
};

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString userId; ///< who asked, for the log line; empty when not signed in
    QString route; ///< the route template ("/v1/work-items/{id}"), for the log line
};

/// The Work Queue API (docs/api/openapi.yaml): routes a request, checks the bearer
/// token and answers JSON, with every error as application/problem+json carrying the
/// request's correlation id.
class WorkQueueApi final
{
public:
    struct Options
    {
        std::chrono::seconds sessionLifetime {8 * 3600}; ///< absolute, however busy the session
        std::chrono::seconds sessionIdle {30 * 60}; ///< unused this long, a session ends
        SignInThrottle::Limits signInLimits;
        /// The workstation policy GET /v1/policy hands the workbench: the longest it may
        /// stay unlocked while idle, and how long it may be unlocked offline.
        int autoLockMinutesMax = 15;
        int offlineUnlockHours = 12;
        std::function<QDateTime()> clock; ///< the time now (UTC) for sessions; empty: the system clock
        qsizetype maximumBodyBytes = 64 * 1024;
        qint64 maximumRemittanceBytes = 2LL * 1024 * 1024 * 1024; ///< an 835 file (POST /v1/remittances)
        qint64 maximumSourceBatchBytes = 64LL * 1024 * 1024; ///< a batch of up to 10,000 items from a source
        /// Post interchanges marked as tests (ISA15 = T): only a test gateway does.
        bool acceptTestInterchanges = false;
        int defaultPageSize = 500;
        int maximumPageSize = 2000;
    };

    WorkQueueApi(GatewayStore &store, Options options);

    ApiResponse handle(const ApiRequest &request);

    /// POST /v1/session in steps, for a server that checks the password on another
    /// thread: whether the request is one, then either its answer at once or the check to
    /// run, then the answer once the check is done. handle() runs all three in one go.
    static bool isSignIn(const ApiRequest &request);
    std::variant<ApiResponse, SignInDesk::Pending> beginSignIn(const ApiRequest &request);
    ApiResponse finishSignIn(const SignInDesk::Pending &pending, bool passwordMatches);
    /// The answer when too many sign-ins wait for a password check.
    ApiResponse signInBusy(const ApiRequest &request, const SignInDesk::Pending &pending)
    {
        return m_signIn.busy(request, pending);
    }
    /// For an upload whose body has not been read yet (POST /v1/remittances announcing
    /// length bytes): the answer that refuses it (not signed in, not allowed, too large),
    /// or nothing when its body may be received and then handled.
    std::optional<ApiResponse> refuseUpload(const ApiRequest &request, qint64 length);
    /// Whether a request takes a file-sized body that is spooled to disk: POST of an 835
    /// (/v1/remittances), an 837 (/v1/claims) or acknowledgments (/v1/acknowledgments).
    static bool takesFile(QByteArrayView method, QByteArrayView path);

    /// The opaque cursor for a change sequence, and back.
    static QString encodeCursor(qint64 sequence);
    static std::optional<qint64> decodeCursor(const QString &cursor);

private:
    ApiResponse health();
    ApiResponse session(const ApiRequest &request);
    ApiResponse policy();
    ApiResponse listChanges(const ApiRequest &request, const models::User &user);
    ApiResponse getItem(const QString &id, const models::User &user);
    ApiResponse postAction(const ApiRequest &request, const QString &id, const models::User &user);
    ApiResponse history(const QString &id, const models::User &user);
    ApiResponse payments(const QString &id, const models::User &user);
    ApiResponse users(const models::User &user);
    ApiResponse grantEmergencyAccess(const QString &id, const ApiRequest &request, const models::User &user);
    ApiResponse endEmergencyAccess(const QString &id, const models::User &user);
    /// Emergency access is granted and ended by supervisors in their own right: a role
    /// widened by a grant does not widen anyone else's.
    bool isSupervisorInOwnRight(const models::User &user);
    std::optional<Problem> serviceAccountRefusal(const QString &route, const models::User &user) const;
    ApiResponse payers();
    ApiResponse reasonCodes();
    ApiResponse importRemittance(const ApiRequest &request, const models::User &user);
    ApiResponse releaseRemittance(const QString &id, const ApiRequest &request, const models::User &user);
    std::optional<Problem> importRefusal(const models::User &user, qint64 length) const;
    /// POST /v1/claims and /v1/acknowledgments (server/claimimporter.h, acknowledgmentimporter.h).
    ApiResponse importClaims(const ApiRequest &request, const models::User &user);
    ApiResponse importAcknowledgments(const ApiRequest &request, const models::User &user);
    /// The answer to a file an intake took in, previewed or refused; what names its kind.
    ApiResponse fileAnswer(const x12intake::Result &result, const QString &what);
    std::optional<Problem> claimImportRefusal(const models::User &user, qint64 length) const;
    /// The refusal of an upload to route before its body is read, if any.
    std::optional<Problem> uploadRefusal(const QString &route, const models::User &user, qint64 length) const;
    ApiResponse importContracts(const ApiRequest &request, const models::User &user);
    /// The ingest routes under /v1/sources/ (workqueueapisources.cpp): the answer when the
    /// request is one of them (name set to its route) and the user is signed in, else nothing.
    std::optional<ApiResponse> sourceRoute(const ApiRequest &request, const std::optional<models::User> &user,
                                           QString *name);
    std::optional<Problem> sourceRefusal(const models::User &user, qint64 length) const;
    ApiResponse putSourceItem(const ApiRequest &request, const QString &source, const QString &externalId,
                              const models::User &user);
    ApiResponse sourceBatch(const ApiRequest &request, const QString &source, const models::User &user);
    ApiResponse openSourceItems(const ApiRequest &request, const QString &source);
    std::optional<models::User> signedInUser(const ApiRequest &request);
    ApiResponse report(const QString &name, const ApiRequest &request, const models::User &user);

    ApiResponse json(const QJsonObject &object, int status = 200) const;
    ApiResponse json(const QJsonArray &array) const;
    ApiResponse problemResponse(const Problem &problem) const;
    std::optional<QJsonObject> jsonBody(const ApiRequest &request, Problem *problem) const;

    /// Writes the session's read summary at once when it has gathered too much to wait for
    /// the upkeep.
    void summariseIfFull();

    GatewayStore &m_store;
    Options m_options;
    SignInDesk m_signIn;
    ChangeFeed m_changeFeed;
    QString m_correlationId; ///< of the request being handled
    QString m_sessionReference; ///< the signed-in session's name in the audit log
};

} // namespace rcm::server
