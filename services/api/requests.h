// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/exportrecord.h"
#include "models/history.h"
#include "models/user.h"
#include "models/workitem.h"
#include "services/api/apiclient.h"

#include <QStringList>

namespace rcm::api {

struct ChangesPage;

/// POST /v1/session
class SignInRequest final : public ApiRequestKind
{
public:
    SignInRequest(QString username, QString password);
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/session"); }
    QByteArray body() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    /// A 429 here is a lockout of minutes: the person is told how long, not kept waiting.
    bool waitsOutTooManyRequests() const override { return false; }

    QString token;
    models::User user;

private:
    QString m_username;
    QString m_password;
};

/// DELETE /v1/session: ends the session whose token is sent.
class SignOutRequest final : public ApiRequestKind
{
public:
    /// Ends the session of token (the session forgets it before asking, so that nothing
    /// else is sent with it while the gateway answers).
    explicit SignOutRequest(QString token)
        : m_token(std::move(token))
    { }
    QByteArray method() const override { return "DELETE"; }
    QString path() const override { return QStringLiteral("/session"); }
    QHash<QByteArray, QByteArray> headers() const override
    {
        return {{"Authorization", "Bearer " + m_token.toLatin1()}};
    }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

private:
    QString m_token;
};

/// What the gateway asks of every workstation (GET /v1/policy).
struct GatewayPolicy
{
    int autoLockMinutesMax = 15; ///< the workbench locks after at most this long idle
    int offlineUnlockHours = 12; ///< and may be unlocked offline for at most this long
    int sessionIdleMinutes = 30;
    int sessionAbsoluteHours = 8;
};

/// GET /v1/policy: needs no sign-in.
class PolicyRequest final : public ApiRequestKind
{
public:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/policy"); }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    GatewayPolicy policy;
};

/// GET /v1/work-items?cursor=C&limit=N: one page of changes.
class ChangesRequest final : public ApiRequestKind
{
public:
    ChangesRequest(QString cursor, int limit);
    const QString &cursor() const { return m_cursor; } ///< the changes after this one
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    /// The same page read from a document (for callers that have one); the client sends
    /// the bytes to parseBytes().
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    bool readsBytes() const override { return true; }
    QString parseBytes(const QByteArray &payload, const QHash<QByteArray, QByteArray> &headers, bool *notJson) override;

    QList<models::WorkItem> items; ///< new or changed, in change order
    QStringList removedIds; ///< tombstones
    QString nextCursor;
    bool hasMore = false;

private:
    void take(ChangesPage &&page);

    QString m_cursor;
    int m_limit;
};

/// GET /v1/users: the team, for owner names and assignment.
class UsersRequest final : public ApiRequestKind
{
public:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/users"); }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    QList<models::User> users;
};

/// GET /v1/work-items/{id}/history: who did what to the item, oldest first.
class HistoryRequest final : public ApiRequestKind
{
public:
    using Entry = models::HistoryEntry;

    explicit HistoryRequest(QString itemId);
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    QList<Entry> entries;

private:
    QString m_itemId;
};

/// POST /v1/work-items/{id}/actions with Idempotency-Key, If-Match and, when the author is
/// known, X-RCM-Author: the gateway refuses the action (403 author-mismatch) if the session
/// is someone else's.
class PostActionRequest final : public ApiRequestKind
{
public:
    PostActionRequest(QString itemId, QByteArray actionJson, QString idempotencyKey, qint64 baseVersion,
                      QString authorId = {});
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override { return m_actionJson; }
    QHash<QByteArray, QByteArray> headers() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    models::WorkItem item; ///< the item after the action
    bool replayed = false; ///< the server had already applied it under this key

private:
    QString m_itemId;
    QByteArray m_actionJson;
    QString m_authorId;
    QString m_idempotencyKey;
    qint64 m_baseVersion;
};

/// GET /v1/work-items/{id}/payments: what remittances posted against the item's claim.
class PaymentsRequest final : public ApiRequestKind
{
public:
    explicit PaymentsRequest(QString itemId);
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    QList<models::PostedPayment> payments;

private:
    QString m_itemId;
};

/// POST /v1/remittances[?preview=true]: an 835 file for the gateway to match and post
/// (or, previewing, only to report on). Safe to resend: the gateway never posts the same
/// trace number and payer twice.
class RemittanceImportRequest final : public ApiRequestKind
{
public:
    enum class Mode { Preview, Post };
    RemittanceImportRequest(QByteArray file, Mode mode);
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override { return m_file; }
    QHash<QByteArray, QByteArray> headers() const override { return {{"Content-Type", "application/edi-x12"}}; }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    /// A post that timed out may have been applied: resent, it would come back as "posted
    /// before". The caller asks again (a preview says what happened) instead.
    bool isRetriable() const override { return m_mode == Mode::Preview; }

    QJsonObject report; ///< per transaction: totals, balance, exceptions (see the API spec)

private:
    QByteArray m_file;
    Mode m_mode;
};

/// POST /v1/claims (an 837) or /v1/acknowledgments (TA1, 999, 277CA): a file the gateway
/// takes in, or only reports on when previewed.
class X12FileRequest final : public ApiRequestKind
{
public:
    enum class Kind { Claims, Acknowledgments };
    enum class Mode { Preview, Import };
    X12FileRequest(Kind kind, QByteArray file, Mode mode);
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override { return m_file; }
    QHash<QByteArray, QByteArray> headers() const override { return {{"Content-Type", "application/edi-x12"}}; }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    /// An import that timed out may have been applied: sent again, it is refused as a file
    /// received before, which says so.
    bool isRetriable() const override { return m_mode == Mode::Preview; }

    QJsonObject report; ///< what was taken and what it did (see the API spec)

private:
    Kind m_kind;
    QByteArray m_file;
    Mode m_mode;
};

/// POST /v1/contracts: a payer contract file (CSV, docs/contracts.md) replacing the terms
/// of each payer it names, or, previewed, what it would replace.
class ContractImportRequest final : public ApiRequestKind
{
public:
    enum class Mode { Preview, Load };
    ContractImportRequest(QByteArray file, Mode mode);
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override { return m_file; }
    QHash<QByteArray, QByteArray> headers() const override { return {{"Content-Type", "text/csv"}}; }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    /// Loading the same file twice changes nothing, so a load is as safe to resend as a preview.
    bool isRetriable() const override { return true; }

    QJsonObject report; ///< per payer: terms by kind, whether they changed (see the API spec)

private:
    QByteArray m_file;
    Mode m_mode;
};

/// POST /v1/remittances/{id}/release: posts a transaction held because it was out of
/// balance, accepting the difference, with the note that says why (audited).
class RemittanceReleaseRequest final : public ApiRequestKind
{
public:
    RemittanceReleaseRequest(qint64 remittanceId, QString note);
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;
    /// A release that timed out may have been applied; a second one answers 409, which says so.
    bool isRetriable() const override { return false; }

    QJsonObject report; ///< what was posted and raised (see the API spec)

private:
    qint64 m_remittanceId;
    QString m_note;
};

/// POST /v1/exports: tells the gateway that this user wrote a report file with this
/// SHA-256, so that `rcmctl report verify` can later vouch for it. Safe to resend: the
/// same user registering the same hash again gets the first record back.
class RegisterExportRequest final : public ApiRequestKind
{
public:
    /// From record: sha256, report, format, parameters and exportedAt.
    explicit RegisterExportRequest(models::ExportRecord record);
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/exports"); }
    QByteArray body() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    models::ExportRecord registered; ///< as the gateway keeps it (the first record, when replayed)
    bool replayed = false; ///< this user had registered the file before

private:
    models::ExportRecord m_record;
};

/// GET /v1/exports/{sha256}: who exported the file with this hash, and when. "Never
/// issued" (404) is an answer, not a failure: see outcome().
class ExportLookupRequest final : public ApiRequestKind
{
public:
    enum class Outcome {
        Found, ///< record holds the registration
        NeverIssued, ///< the gateway has no file with this hash: not its export, or edited since
        Failed, ///< the question could not be answered (network, sign-in, server)
    };

    explicit ExportLookupRequest(QString sha256);
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    /// What the request's completion error means for this lookup.
    static Outcome outcome(const ApiError &error);

    models::ExportRecord record;

private:
    QString m_sha256;
};

} // namespace rcm::api
