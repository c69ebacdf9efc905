// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/apiclient.h"

#include "services/api/transportpolicy.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

Q_LOGGING_CATEGORY(lcApi, "rcm.api", QtWarningMsg)

namespace {

bool isRetriable(const ApiError &error)
{
    return error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
        || error.kind == ApiError::Kind::Server;
}

ApiError fromProblem(ApiError::Kind kind, int status, const QJsonObject &problem, const QByteArray &correlationId)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.problem = problem;
    error.problemType = problem.value(u"type"_s).toString().section(u'/', -1);
    error.title = problem.value(u"title"_s).toString();
    error.detail = problem.value(u"detail"_s).toString();
    error.correlationId = problem.value(u"correlationId"_s).toString();
    if (error.correlationId.isEmpty())
        error.correlationId = QString::fromLatin1(correlationId);
    return error;
}

} // namespace

QString ApiError::message() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        text = u"The server could not be reached"_s;
        break;
    case Kind::Timeout:
        text = u"The server did not answer in time"_s;
        break;
    case Kind::Server:
        text = httpStatus == 429 ? u"The server refused for now (HTTP 429)"_s
                                 : u"The server failed (HTTP %1)"_s.arg(httpStatus);
        break;
    case Kind::Unauthorized:
        text = u"Sign in again: the session is missing or has expired"_s;
        break;
    case Kind::Refused:
        text = u"The server refused the request (HTTP %1)"_s.arg(httpStatus);
        break;
    case Kind::BadReply:
        text = u"The answer was not the Work Queue API's"_s;
        break;
    case Kind::Insecure:
        text = u"Not sent: the connection would not be secure"_s;
        break;
    }
    if (!title.isEmpty() && kind != Kind::Unauthorized)
        text += u": "_s + title;
    if (!detail.isEmpty())
        text += u". "_s + detail;
    if (!correlationId.isEmpty())
        text += u" [correlation id %1]"_s.arg(correlationId);
    return text;
}

/// One request under way: sends it, reads the answer, waits out a back-off on a timer and
/// sends it again, then reports once. Lives in the client's thread and deletes itself.
class ApiJob final : public QObject
{
    Q_OBJECT

public:
    ApiJob(ApiClient &client, std::shared_ptr<ApiRequestKind> request, ApiClientOptions options)
        : m_client(client)
        , m_request(std::move(request))
        , m_options(options)
    { }

    ~ApiJob() override
    {
        // The manager parents its replies: one it has already deleted is null here.
        if (m_reply) {
            m_reply->disconnect(this);
            delete m_reply.data();
        }
    }

    void start()
    {
        if (const QString reason = insecureServerReason(m_client.baseUrl()); !reason.isEmpty()) {
            ApiError error;
            error.kind = ApiError::Kind::Insecure;
            error.detail = reason;
            Q_EMIT finished(error);
            deleteLater();
            return;
        }
        m_reply = m_client.startRequest(*m_request, m_options).release();
        connect(m_reply.data(), &QNetworkReply::finished, this, &ApiJob::readAnswer);
    }

Q_SIGNALS:
    void finished(const rcm::api::ApiError &error);

private:
    void readAnswer()
    {
        std::chrono::milliseconds retryAfter {0};
        const ApiError error = interpretReply(*m_request, *m_reply, &retryAfter);
        m_reply->deleteLater(); // not deleted inside its own finished()
        m_reply.clear();
        const bool throttled = error.httpStatus == 429 && !m_request->waitsOutTooManyRequests();
        if (!error || !isRetriable(error) || !m_request->isRetriable() || throttled
            || m_attempt >= m_options.maximumAttempts) {
            Q_EMIT finished(error);
            deleteLater();
            return;
        }
        const std::chrono::milliseconds delay
            = std::min(std::max(m_client.backoff(m_attempt, m_options), retryAfter), std::chrono::milliseconds(60'000));
        qCInfo(lcApi).noquote() << m_request->method() << m_request->path().section(u'?', 0, 0) << "failed (attempt"
                                << m_attempt << "):" << error.message() << "- retrying in" << delay.count() << "ms";
        ++m_attempt;
        QTimer::singleShot(delay, this, &ApiJob::start);
    }

    ApiClient &m_client;
    std::shared_ptr<ApiRequestKind> m_request;
    ApiClientOptions m_options;
    QPointer<QNetworkReply> m_reply;
    int m_attempt = 1;
};

ApiClient::ApiClient(QUrl baseUrl, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_baseUrl(std::move(baseUrl))
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ApiError>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::baseUrl() const
{
    const QMutexLocker locker(&m_mutex);
    return m_baseUrl;
}

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    const QMutexLocker locker(&m_mutex);
    m_baseUrl = baseUrl;
}

void ApiClient::setToken(const QString &token)
{
    const QMutexLocker locker(&m_mutex);
    m_token = token;
}

QString ApiClient::token() const
{
    const QMutexLocker locker(&m_mutex);
    return m_token;
}

void ApiClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    {
        const QMutexLocker locker(&m_mutex);
        if (m_caCertificates == certificates)
            return;
        m_caCertificates = certificates;
    }
    // A connection kept open keeps the trust it was opened with: start afresh (in the
    // client's thread, before any request sent after this).
    QMetaObject::invokeMethod(m_network, [network = m_network]() { network->clearConnectionCache(); });
}

std::chrono::milliseconds ApiClient::backoff(int attempt, const Options &options) const
{
    // Capped exponential back-off with "equal jitter": half fixed, half random, so that
    // many clients recovering from one outage do not retry in step.
    const double exponential = double(options.firstRetryDelay.count()) * double(1LL << std::min(attempt - 1, 20));
    const double capped = std::min(exponential, double(options.maximumRetryDelay.count()));
    const double jittered = capped / 2.0 + QRandomGenerator::global()->bounded(capped / 2.0);
    return std::chrono::milliseconds(static_cast<qint64>(jittered));
}

void ApiClient::send(std::shared_ptr<ApiRequestKind> request, const QObject *context, ApiCompletion done)
{
    send(std::move(request), m_options, context, std::move(done));
}

void ApiClient::send(std::shared_ptr<ApiRequestKind> request, const Options &options, const QObject *context,
                     ApiCompletion done)
{
    Q_ASSERT(request && context && done);
    auto *job = new ApiJob(*this, std::move(request), options);
    // Connected before the job can run, so no answer is missed, whichever thread asks.
    connect(job, &ApiJob::finished, context, std::move(done));
    job->moveToThread(thread());
    QMetaObject::invokeMethod(this, [this, job]() {
        job->setParent(this); // dropped unanswered if the client goes first
        job->start();
    });
}

std::unique_ptr<QNetworkReply> ApiClient::startRequest(ApiRequestKind &request, const Options &options)
{
    QNetworkRequest networkRequest(QUrl(baseUrl().toString() + request.path()));
    networkRequest.setTransferTimeout(static_cast<int>(options.timeout.count()));
    if (const QMutexLocker locker(&m_mutex); !m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        networkRequest.setSslConfiguration(tls);
    }
    networkRequest.setRawHeader("Accept", "application/json, application/problem+json");
    networkRequest.setRawHeader("X-Correlation-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    if (const QString bearer = token(); !bearer.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    const QByteArray body = request.body();
    if (!body.isEmpty())
        networkRequest.setRawHeader("Content-Type", "application/json");
    const QHash<QByteArray, QByteArray> extraHeaders = request.headers();
    for (auto it = extraHeaders.begin(); it != extraHeaders.end(); ++it)
        networkRequest.setRawHeader(it.key(), it.value());
    return std::unique_ptr<QNetworkReply>(m_network->sendCustomRequest(networkRequest, request.method(), body));
}

ApiError interpretReply(ApiRequestKind &request, QNetworkReply &reply, std::chrono::milliseconds *retryAfter)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QHash<QByteArray, QByteArray> headers;
    for (const auto &[name, value] : reply.rawHeaderPairs())
        headers.insert(name.toLower(), value);
    const QByteArray correlationId = headers.value("x-correlation-id");
    const QByteArray payload = reply.readAll();

    if (status == 0) {
        ApiError error;
        error.kind = reply.error() == QNetworkReply::OperationCanceledError ? ApiError::Kind::Timeout
            : reply.error() == QNetworkReply::SslHandshakeFailedError       ? ApiError::Kind::Insecure
                                                                            : ApiError::Kind::Network;
        error.detail = error.kind == ApiError::Kind::Insecure
            ? u"The server's certificate is not trusted (%1); give the CA file that issued it"_s.arg(
                reply.errorString())
            : reply.errorString();
        return error;
    }
    if (status == 429 || status >= 500) {
        bool ok = false;
        const int seconds = headers.value("retry-after").toInt(&ok);
        if (ok && seconds > 0)
            *retryAfter = std::chrono::seconds(seconds);
    }

    if (status == 204) { // done, and nothing to say (DELETE /session)
        const QString problem = request.parse(QJsonDocument(), headers);
        if (problem.isEmpty())
            return {};
        ApiError error;
        error.kind = ApiError::Kind::BadReply;
        error.httpStatus = status;
        error.correlationId = QString::fromLatin1(correlationId);
        error.detail = problem;
        return error;
    }
    const QByteArray contentType = headers.value("content-type").split(';').constFirst().trimmed().toLower();
    const bool isProblem = contentType == "application/problem+json";
    if (contentType != "application/json" && !isProblem) {
        ApiError error;
        error.kind = status >= 500 || status == 429 ? ApiError::Kind::Server : ApiError::Kind::BadReply;
        error.httpStatus = status;
        error.correlationId = QString::fromLatin1(correlationId);
        error.detail = u"HTTP %1 with %2 content, not JSON: a proxy or a wrong server URL?"_s.arg(status).arg(
            contentType.isEmpty() ? u"no"_s : QString::fromLatin1(contentType));
        return error;
    }
    if (status >= 200 && status < 300 && request.readsBytes()) {
        bool notJson = false;
        const QString problem = request.parseBytes(payload, headers, &notJson);
        if (problem.isEmpty())
            return {};
        ApiError error;
        error.kind
            = notJson && reply.error() != QNetworkReply::NoError ? ApiError::Kind::Network : ApiError::Kind::BadReply;
        error.httpStatus = status;
        error.correlationId = QString::fromLatin1(correlationId);
        error.detail
            = notJson ? u"the reply is not complete JSON (%1; %2 bytes)"_s.arg(problem).arg(payload.size()) : problem;
        return error;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ApiError error;
        error.kind = reply.error() != QNetworkReply::NoError ? ApiError::Kind::Network : ApiError::Kind::BadReply;
        error.httpStatus = status;
        error.correlationId = QString::fromLatin1(correlationId);
        error.detail = u"the reply is not complete JSON (%1 at byte %2 of %3)"_s.arg(parseError.errorString())
                           .arg(parseError.offset)
                           .arg(payload.size());
        return error;
    }
    if (status >= 200 && status < 300) {
        const QString problem = request.parse(document, headers);
        if (problem.isEmpty())
            return {};
        ApiError error;
        error.kind = ApiError::Kind::BadReply;
        error.httpStatus = status;
        error.correlationId = QString::fromLatin1(correlationId);
        error.detail = problem;
        return error;
    }
    const ApiError::Kind kind = status == 401 ? ApiError::Kind::Unauthorized
        : status == 429 || status >= 500      ? ApiError::Kind::Server
                                              : ApiError::Kind::Refused;
    return fromProblem(kind, status, document.object(), correlationId);
}

} // namespace rcm::api

#include "apiclient.moc"
