// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace rcm::api {

Q_DECLARE_LOGGING_CATEGORY(lcApi)

/// Why a request failed, with what the server said: the status, the problem+json body's
/// type and detail, and the correlation id to find the server's log line.
struct ApiError
{
    enum class Kind {
        None,
        Network, ///< no connection, reset, cut off mid-reply (retried, then reported)
        Timeout, ///< no progress within the request timeout (retried, then reported)
        Server, ///< 429 or 5xx (retried, then reported)
        Unauthorized, ///< 401: sign in again
        Refused, ///< another 4xx: the request itself is wrong or not allowed
        BadReply, ///< not the API's answer: HTML from a proxy, wrong type, broken JSON
        Insecure, ///< not sent: plain http:// off this computer, or a certificate not trusted
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString problemType; ///< the slug after .../problems/
    QString title;
    QString detail;
    QString correlationId;
    QJsonObject problem; ///< the whole problem+json body, when there was one

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    /// One line for a user or a log: what failed and what to do.
    QString message() const;
};

/// One kind of API request: what to send and how to read the answer. Subclasses are
/// small; ApiClient does the sending, timeouts, retries and validation.
class ApiRequestKind
{
public:
    virtual ~ApiRequestKind() = default;
    virtual QByteArray method() const = 0;
    virtual QString path() const = 0; ///< below /v1, with the query
    virtual QByteArray body() const { return {}; }
    virtual QHash<QByteArray, QByteArray> headers() const { return {}; }
    /// Reads a 2xx JSON answer; returns an error message if it is not what was expected.
    virtual QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) = 0;
    /// Whether a failure may be retried safely. Actions are (they carry an idempotency key).
    virtual bool isRetriable() const { return true; }
    /// Whether a 429 is waited out and retried (honouring Retry-After, up to a minute).
    virtual bool waitsOutTooManyRequests() const { return true; }
    /// Whether a 2xx answer's bytes go to parseBytes() rather than through QJsonDocument to
    /// parse(): for answers large and frequent enough to want a faster reader (sync pages).
    virtual bool readsBytes() const { return false; }
    /// Reads a 2xx answer's bytes, as parse() reads the document; sets notJson when they are
    /// not JSON at all.
    virtual QString parseBytes(const QByteArray &payload, const QHash<QByteArray, QByteArray> &headers, bool *notJson)
    {
        Q_UNUSED(payload)
        Q_UNUSED(headers)
        Q_UNUSED(notJson)
        return {};
    }
};

/// How patient an ApiClient is.
struct ApiClientOptions
{
    std::chrono::milliseconds timeout {30'000};
    int maximumAttempts = 4;
    std::chrono::milliseconds firstRetryDelay {500};
    std::chrono::milliseconds maximumRetryDelay {15'000};
};

/// Runs once a request is answered (or has failed for good), in its context's thread.
using ApiCompletion = std::function<void(const ApiError &error)>;

/// The Work Queue API client: one QNetworkAccessManager, a timeout on every request,
/// retries with capped exponential back-off and jitter for network errors, 429 and 5xx
/// (honouring Retry-After), never for other 4xx. Nothing waits: each request is a job
/// that reports through a completion, so the client may serve the window's thread and a
/// worker's at once. It lives in one thread (see moveToThread); send() may be called from
/// any thread.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    using Options = ApiClientOptions;

    explicit ApiClient(QUrl baseUrl, Options options = {}, QObject *parent = nullptr);
    ~ApiClient() override;
    Q_DISABLE_COPY_MOVE(ApiClient)

    QUrl baseUrl() const;
    /// Points the client at another server (while nothing is under way).
    void setBaseUrl(const QUrl &baseUrl);
    const Options &options() const { return m_options; }
    void setToken(const QString &token);
    QString token() const;
    /// Certificate authorities trusted for the server beside the system's (a hospital's
    /// own CA). Certificate errors are never ignored.
    void setCaCertificates(const QList<QSslCertificate> &certificates);

    /// Sends the request, retrying as the options say, and then calls done in context's
    /// thread with the request's answer read into it. If context is destroyed first, done
    /// is not called. The client keeps the request alive until then.
    void send(std::shared_ptr<ApiRequestKind> request, const QObject *context, ApiCompletion done);
    /// The same with per-request options (a long post's timeout and attempts).
    void send(std::shared_ptr<ApiRequestKind> request, const Options &options, const QObject *context,
              ApiCompletion done);

private:
    friend class ApiJob;
    std::unique_ptr<QNetworkReply> startRequest(ApiRequestKind &request, const Options &options);
    std::chrono::milliseconds backoff(int attempt, const Options &options) const;

    Options m_options;
    mutable QMutex m_mutex; ///< for the server and token, which any thread may set
    QUrl m_baseUrl;
    QString m_token;
    QList<QSslCertificate> m_caCertificates;
    QNetworkAccessManager *m_network = nullptr; ///< a child, so it moves with the client
};

/// Reads an answer: the error a reply stands for, with its 2xx body parsed into request.
ApiError interpretReply(ApiRequestKind &request, QNetworkReply &reply, std::chrono::milliseconds *retryAfter);

} // namespace rcm::api

Q_DECLARE_METATYPE(rcm::api::ApiError)
