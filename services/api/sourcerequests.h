// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/apiclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace rcm::api {

/// POST /v1/sources/{source}/work-items:batch: up to 10,000 items in the source's wire form
/// (docs/work-items-in.md); each is answered in its place. Sending the same batch again
/// changes nothing, so a batch is safe to resend.
class SourceBatchRequest final : public ApiRequestKind
{
public:
    /// body: {"items": [...]}, as BatchBody writes it.
    SourceBatchRequest(QString source, QByteArray body);
    QByteArray method() const override { return "POST"; }
    QString path() const override;
    QByteArray body() const override { return m_body; }
    QHash<QByteArray, QByteArray> headers() const override { return {{"Content-Type", "application/json"}}; }
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    QJsonArray results; ///< one answer per item sent, in order: outcome, workItemId, reason
    QJsonObject counts; ///< created, updated, unchanged, refused

private:
    QString m_source;
    QByteArray m_body;
};

/// A batch's body written item by item, so that a client sending 10,000 items holds them
/// once, as bytes, rather than as JSON objects and then bytes.
class BatchBody final
{
public:
    void append(const QJsonObject &item);
    qsizetype size() const { return m_count; }
    /// The finished body; the builder is empty again.
    QByteArray take();

private:
    QByteArray m_bytes;
    qsizetype m_count = 0;
};

/// GET /v1/sources/{source}/work-items: the external ids of the source's items it has not
/// closed, after `after`, a page at a time.
class OpenSourceItemsRequest final : public ApiRequestKind
{
public:
    OpenSourceItemsRequest(QString source, QString after, int limit);
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QString parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers) override;

    QStringList externalIds;
    QString next; ///< the next page's `after`; empty on the last page

private:
    QString m_source;
    QString m_after;
    int m_limit;
};

} // namespace rcm::api
