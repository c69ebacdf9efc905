// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/apiclient.h"
#include "services/reports/reportresult.h"

namespace rcm::api {

/// GET /v1/reports/{name}?from=&to=&payer=&facility=: a report the gateway computes over
/// every remittance and every action, read into the same result the cache's reports
/// give, so that the same renderers draw it.
class ReportRequest final : public ApiRequestKind
{
public:
    ReportRequest(QString name, reports::ReportParameters parameters);
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    reports::ReportResult result;

private:
    QString m_name;
    reports::ReportParameters m_parameters;
};

} // namespace rcm::api
