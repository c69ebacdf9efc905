// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/sourcerequests.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

SourceBatchRequest::SourceBatchRequest(QString source, QByteArray body)
    : m_source(std::move(source))
    , m_body(std::move(body))
{ }

void BatchBody::append(const QJsonObject &item)
{
    m_bytes += m_count++ == 0 ? "{\"items\":[" : ",";
    m_bytes += QJsonDocument(item).toJson(QJsonDocument::Compact);
}

QByteArray BatchBody::take()
{
    QByteArray body = std::exchange(m_bytes, {});
    body += m_count == 0 ? "{\"items\":[]}" : "]}";
    m_count = 0;
    return body;
}

QString SourceBatchRequest::path() const
{
    return u"/sources/%1/work-items:batch"_s.arg(m_source);
}

QString SourceBatchRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject() || !document.object().value(u"results"_s).isArray())
        return u"the batch answer has no results"_s;
    results = document.object().value(u"results"_s).toArray();
    counts = document.object().value(u"counts"_s).toObject();
    return {};
}

OpenSourceItemsRequest::OpenSourceItemsRequest(QString source, QString after, int limit)
    : m_source(std::move(source))
    , m_after(std::move(after))
    , m_limit(limit)
{ }

QString OpenSourceItemsRequest::path() const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_limit));
    if (!m_after.isEmpty())
        query.addQueryItem(u"after"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_after)));
    return u"/sources/%1/work-items?%2"_s.arg(m_source, query.toString(QUrl::FullyEncoded));
}

QString OpenSourceItemsRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    const QJsonValue ids = document.object().value(u"externalIds"_s);
    if (!ids.isArray())
        return u"the answer lists no external ids"_s;
    for (const QJsonValue &id : ids.toArray())
        externalIds << id.toString();
    next = document.object().value(u"after"_s).toString();
    return {};
}

} // namespace rcm::api
