// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/reportrequest.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

ReportRequest::ReportRequest(QString name, reports::ReportParameters parameters)
    : m_name(std::move(name))
    , m_parameters(std::move(parameters))
{ }

QString ReportRequest::path() const
{
    QUrlQuery query;
    QJsonObject parameters = m_parameters.toJson(); // the API's own names: from, to, payer, facility
    parameters.remove(u"queue"_s); // the cache's reports take a queue; the gateway's do not
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value().toString())));
    const QString encoded = query.toString(QUrl::FullyEncoded);
    return u"/reports/"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_name))
        + (encoded.isEmpty() ? QString() : u'?' + encoded);
}

QString ReportRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject())
        return u"the report reply is not a JSON object"_s;
    QString error;
    std::optional<reports::ReportResult> parsed = reports::ReportResult::fromJson(document.object(), &error);
    if (!parsed)
        return u"the report reply is malformed: %1"_s.arg(error);
    if (parsed->name != m_name)
        return u"asked for the %1 report, the reply is the %2 report"_s.arg(m_name, parsed->name);
    result = std::move(*parsed);
    return {};
}

} // namespace rcm::api
