#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
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
};

/// How patient an ApiClient is.
struct ApiClientOptions
{
    std::chrono::milliseconds timeout {30'000};
    int maximumAttempts = 4;
    std::chrono::milliseconds firstRetryDelay {500};
    std::chrono::milliseconds maximumRetryDelay {15'000};
};

/// The Work Queue API client: one QNetworkAccessManager, a timeout on every request,
/// retries with capped exponential back-off and jitter for network errors, 429 and 5xx
/// (honouring Retry-After), never for other 4xx. Calls block in a local event loop, so
/// the client belongs to one thread (the sync worker's, or rcmctl's main thread).
class ApiClient final
{
public:
    using Options = ApiClientOptions;

    explicit ApiClient(QUrl baseUrl, Options options = {});
    ~ApiClient();
    Q_DISABLE_COPY_MOVE(ApiClient)

    const QUrl &baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }
    /// Called before each retry's wait, e.g. to tell a user "retrying in 4 s".
    void setRetryObserver(std::function<void(const ApiError &, std::chrono::milliseconds)> observer);

    /// Sends the request and waits for its answer, retrying as the options say.
    ApiError execute(ApiRequestKind &request);

    /// The same in two halves, so that a caller can work while a request is under way
    /// (the sync engine writes one page while the next downloads): start() sends,
    /// finish() waits, reads the answer and retries as execute() would.
    std::unique_ptr<QNetworkReply> start(ApiRequestKind &request);
    ApiError finish(ApiRequestKind &request, std::unique_ptr<QNetworkReply> reply);

private:
    ApiError interpret(ApiRequestKind &request, std::unique_ptr<QNetworkReply> reply,
                       std::chrono::milliseconds *retryAfter);
    std::chrono::milliseconds backoff(int attempt) const;

    QUrl m_baseUrl;
    Options m_options;
    QString m_token;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::function<void(const ApiError &, std::chrono::milliseconds)> m_retryObserver;
};

} // namespace rcm::api
