// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/requestguard.h"

#include <algorithm>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

constexpr qsizetype maximumHeaderBytes = 16 * 1024;
constexpr qsizetype maximumLengthDigits = 18; // below 2^63: no overflow to read it

bool isTokenCharacter(char character)
{
    // RFC 9110's tchar: what a header name may be made of.
    static constexpr std::string_view punctuation = "!#$%&'*+-.^_`|~";
    return (character >= '0' && character <= '9') || (character >= 'a' && character <= 'z')
        || (character >= 'A' && character <= 'Z') || punctuation.find(character) != std::string_view::npos;
}

bool isVisibleCharacter(char character)
{
    // A request target: visible ASCII, no space or control character.
    return character > ' ' && character < '\x7f';
}

bool isValueCharacter(char character)
{
    // A header value: visible characters, spaces and tabs, and bytes above ASCII (obs-text);
    // never a control character such as NUL.
    const auto byte = static_cast<unsigned char>(character);
    return byte == '\t' || (byte >= ' ' && byte != 0x7f);
}

bool isDecimal(const QByteArray &value)
{
    return !value.isEmpty() && value.size() <= maximumLengthDigits
        && std::all_of(value.begin(), value.end(), [](char digit) { return digit >= '0' && digit <= '9'; });
}

QByteArray trimmedWhitespace(const QByteArray &value)
{
    // Only spaces and tabs are optional white space around a header value.
    qsizetype start = 0;
    qsizetype end = value.size();
    while (start < end && (value.at(start) == ' ' || value.at(start) == '\t'))
        ++start;
    while (end > start && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    return value.mid(start, end - start);
}

} // namespace

bool RequestPace::isBodyTooSlow(qint64 received, std::chrono::milliseconds elapsed) const
{
    return elapsed > bodyGrace && received * 1000 < minimumBodyBytesPerSecond * elapsed.count();
}

RequestHead RequestHead::parse(const QByteArray &head)
{
    RequestHead result;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    if (requestLine.size() == 3) {
        result.method = requestLine.at(0).toUpper();
        result.target = requestLine.at(1);
    }
    for (qsizetype index = 1; index < lines.size(); ++index) {
        const QByteArray line = lines.at(index).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            result.headers.insert(line.left(colon).trimmed().toLower(), trimmedWhitespace(line.mid(colon + 1)));
    }
    return result;
}

void RequestGuard::enter(Phase phase)
{
    m_phase = phase;
    m_phaseTimer.start();
}

std::optional<QString> RequestGuard::judgeHeaderBytes(qsizetype from) const
{
    // A line feed not after a carriage return: some parsers end a line there, others do
    // not, which is how one request is smuggled inside another. Refuse it outright.
    for (qsizetype index = std::max<qsizetype>(from, 0); index < m_header.size(); ++index) {
        if (m_header.at(index) == '\n' && (index == 0 || m_header.at(index - 1) != '\r'))
            return u"a bare line feed in the headers"_s;
    }
    if (m_header.size() > maximumHeaderBytes)
        return u"headers over %1 bytes"_s.arg(maximumHeaderBytes);
    return std::nullopt;
}

RequestGuard::Verdict RequestGuard::judgeHead(const QByteArray &head, qsizetype bodyOffset, const Limits &limits)
{
    const auto drop = [](QString reason) {
        return Verdict {Verdict::Action::Drop, std::move(reason), {}, 0};
    };
    // Every line feed has a carriage return before it by now: lines end at "\r\n".
    const QList<QByteArray> lines = head.left(head.size() - 4).replace("\r\n", "\n").split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().split(' ');
    // Only what Qt's parser takes too: a request line it refuses would leave the connection
    // with neither side's handlers, open and counted until its idle time.
    static const QList<QByteArray> methods {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    if (requestLine.size() != 3 || !methods.contains(requestLine.at(0)) || !requestLine.at(1).startsWith('/')
        || !std::all_of(requestLine.at(1).begin(), requestLine.at(1).end(), isVisibleCharacter)
        || (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0"))
        return drop(u"a malformed request line"_s);
    int lengthCount = 0;
    QByteArray lengthValue;
    for (qsizetype index = 1; index < lines.size(); ++index) {
        const QByteArray &line = lines.at(index);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.contains('\r') || !std::all_of(line.begin(), line.begin() + colon, isTokenCharacter))
            return drop(u"a malformed header line"_s); // also a folded line, or a space before the colon
        if (!std::all_of(line.begin() + colon + 1, line.end(), isValueCharacter))
            return drop(u"a control character in a header value"_s);
        const QByteArray name = line.left(colon).toLower();
        if (name == "transfer-encoding")
            return drop(u"a Transfer-Encoding header"_s); // the API's clients always send Content-Length
        if (name == "content-length") {
            ++lengthCount;
            lengthValue = trimmedWhitespace(line.mid(colon + 1));
        }
    }
    if (lengthCount > 1)
        return drop(u"a repeated Content-Length"_s);
    if (lengthCount == 1 && !isDecimal(lengthValue))
        return drop(u"a malformed Content-Length"_s);
    const qint64 length = lengthCount == 1 ? lengthValue.toLongLong() : 0;
    const QByteArray method = requestLine.at(0);
    const QByteArray path = requestLine.at(1).split('?').constFirst();
    const bool isUpload = isFileUpload(method, path);
    if (isUpload && limits.spoolFrom >= 0 && length >= limits.spoolFrom) {
        // Bytes before it in this read belong to an earlier request Qt has not seen yet;
        // clients do not pipeline a POST, so that is not worth untangling.
        if (m_headerStart > 0)
            return drop(u"an upload pipelined behind another request"_s);
        m_takenOver = true;
        m_bodyLength = length;
        m_bodyReceived = 0;
        enter(Phase::Body);
        return Verdict {Verdict::Action::TakeOver, {}, head, bodyOffset};
    }
    if (length > limits.body) {
        if (m_headerStart > 0)
            return drop(u"a %1 byte body pipelined behind another request"_s.arg(length));
        m_takenOver = true;
        return Verdict {Verdict::Action::Refuse, u"a %1 byte body"_s.arg(length), head, 0};
    }
    m_bodyLength = length;
    m_bodyReceived = 0;
    if (length > 0)
        enter(Phase::Body);
    else
        enter(Phase::BetweenRequests);
    return {};
}

RequestGuard::Verdict RequestGuard::inspect(const QByteArray &bytes, const Limits &limits)
{
    if (m_takenOver)
        return {};
    qsizetype position = 0;
    m_headerStart = -1;
    while (position < bytes.size()) {
        if (m_phase == Phase::Body) { // inside a body: count it
            const qint64 taken = std::min<qint64>(m_bodyLength - m_bodyReceived, bytes.size() - position);
            m_bodyReceived += taken;
            position += taken;
            if (m_bodyReceived == m_bodyLength)
                enter(Phase::BetweenRequests);
            continue;
        }
        // Headers may arrive in pieces: look for their end in what has come so far.
        const qsizetype before = m_header.size();
        if (before == 0) {
            m_headerStart = position;
            enter(Phase::Headers);
        }
        m_header += bytes.mid(position);
        const qsizetype headerEnd = m_header.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        const qsizetype complete = headerEnd < 0 ? m_header.size() : headerEnd + 4;
        m_header.truncate(complete);
        if (const std::optional<QString> reason = judgeHeaderBytes(before))
            return Verdict {Verdict::Action::Drop, *reason, {}, 0};
        if (headerEnd < 0)
            return {};
        position += complete - before;
        // A request's headers are complete: judge them, and its body before it arrives.
        const Verdict verdict = judgeHead(std::exchange(m_header, {}), position, limits);
        if (verdict.action != Verdict::Action::Pass)
            return verdict;
    }
    return {};
}

void RequestGuard::countBody(qint64 bytes)
{
    m_bodyReceived += bytes;
}

void RequestGuard::finishTakenOver()
{
    enter(Phase::BetweenRequests);
}

std::optional<QString> RequestGuard::overdue(const RequestPace &pace) const
{
    const std::chrono::milliseconds elapsed {m_phase == Phase::BetweenRequests ? 0 : m_phaseTimer.elapsed()};
    if (m_phase == Phase::Headers && elapsed > pace.headerDeadline)
        return u"headers not complete within %1 ms"_s.arg(pace.headerDeadline.count());
    if (m_phase == Phase::Body && m_bodyReceived < m_bodyLength && pace.isBodyTooSlow(m_bodyReceived, elapsed))
        return u"a body arriving slower than %1 bytes a second"_s.arg(pace.minimumBodyBytesPerSecond);
    return std::nullopt;
}

} // namespace rcm::server
