// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

namespace rcm::server {

/// How long a client may take over the parts of a request: its headers, from their first
/// byte, and its body, at a minimum average rate once a grace period has passed. A client
/// sending one byte every few seconds is cut off instead of holding a connection forever.
struct RequestPace
{
    std::chrono::milliseconds headerDeadline {10'000};
    std::chrono::milliseconds bodyGrace {10'000};
    qint64 minimumBodyBytesPerSecond = 1024;

    /// Whether received bytes of a body after elapsed is below the minimum rate.
    bool isBodyTooSlow(qint64 received, std::chrono::milliseconds elapsed) const;
};

/// A request's head as the guard read it: request line and headers (names in lower case;
/// a repeated header keeps its last value, the guard refuses the repeats that matter).
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;

    static RequestHead parse(const QByteArray &head);
};

/// Follows the bytes of one connection, request by request, and fails closed: a request
/// whose headers are not plainly HTTP/1.1 (a bare LF, a folded or malformed header line, a
/// missing, repeated or malformed Content-Length beside a body, any Transfer-Encoding)
/// ends the connection; a body beyond the API's limit is refused before it is read,
/// unless it is an 835 upload (POST /v1/remittances), which is handed to RemittanceUpload
/// (it checks the token before reading the body). Qt's HTTP layer, which keeps a whole
/// body in memory, only ever sees requests that passed.
class RequestGuard final : public QObject
{
public:
    struct Limits
    {
        qint64 body = 0; ///< beyond this a body is refused (413) before it is read
        qint64 spoolFrom = -1; ///< uploads announcing this many bytes or more are taken over; -1: never
    };
    struct Verdict
    {
        enum class Action {
            Pass,
            Drop, ///< end the connection without a word
            Refuse, ///< answer 413 and close: header holds the request's head
            TakeOver, ///< an upload: header holds its head, bodyOffset where its body starts
        };
        Action action = Action::Pass;
        QString reason; ///< Drop and Refuse: why, for the log
        QByteArray header; ///< Refuse and TakeOver: the request line and headers, up to the blank line
        qsizetype bodyOffset = 0; ///< TakeOver: where the body starts in the bytes inspected
    };

    using QObject::QObject;
    /// Takes the next bytes read. Once it answers Refuse or TakeOver, the connection's
    /// bytes are no longer the HTTP layer's: inspect is not to be called again.
    Verdict inspect(const QByteArray &bytes, const Limits &limits);
    bool hasTakenOver() const { return m_takenOver; }

    /// Counts body bytes read by whoever took the connection over.
    void countBody(qint64 bytes);
    /// The request taken over has been answered: nothing more is expected of the client.
    void finishTakenOver();
    /// Why the connection should end now for slowness, if it should.
    std::optional<QString> overdue(const RequestPace &pace) const;

private:
    enum class Phase { BetweenRequests, Headers, Body };
    std::optional<QString> judgeHeaderBytes(qsizetype from) const;
    Verdict judgeHead(const QByteArray &head, qsizetype bodyOffset, const Limits &limits);
    void enter(Phase phase);

    QByteArray m_header; ///< the current request's headers so far
    qsizetype m_headerStart = -1; ///< where they began in the bytes inspected now; -1: earlier
    qint64 m_bodyLength = 0;
    qint64 m_bodyReceived = 0;
    Phase m_phase = Phase::BetweenRequests;
    QElapsedTimer m_phaseTimer; ///< since the phase began
    bool m_takenOver = false;
};

/// Whether path is /v1/sources/{source}/work-items:batch, a source's name being one segment.
inline bool isSourceBatchPath(QByteArrayView path)
{
    constexpr QByteArrayView prefix("/v1/sources/");
    constexpr QByteArrayView suffix("/work-items:batch");
    if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.size() <= prefix.size() + suffix.size())
        return false;
    return !path.sliced(prefix.size(), path.size() - prefix.size() - suffix.size()).contains('/');
}

/// Whether a request sends a file-sized body that is spooled to disk rather than held in
/// memory: POST of an 835 (/v1/remittances), an 837 (/v1/claims), acknowledgments
/// (/v1/acknowledgments) or a batch of work items from a source
/// (/v1/sources/{source}/work-items:batch).
inline bool isFileUpload(QByteArrayView method, QByteArrayView path)
{
    return method == "POST"
        && (path == "/v1/remittances" || path == "/v1/claims" || path == "/v1/acknowledgments"
            || isSourceBatchPath(path));
}

} // namespace rcm::server
