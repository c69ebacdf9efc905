// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the gateway reports' tests share: the demo's people signed in, figures read with
// independent SQL, actions applied as a person at a given time, and a report fetched over
// HTTP as a client would.
#include "services/reports/reportresult.h"
#include "tests/server/gatewayfixture.h"

#include <QHash>
#include <QSqlQuery>
#include <QUuid>

#include <map>
#include <memory>

namespace rcm::testing {

/// Signs each demo user in (DEMO-<NAME> in the store), keeping the user and a client.
inline bool signInDemoUsers(GatewayFixture &gateway, const QStringList &usernames, QHash<QString, models::User> &users,
                            std::map<QString, std::unique_ptr<HttpClient>> &clients)
{
    for (const QString &username : usernames) {
        const std::optional<models::User> user = gateway.store().user(QStringLiteral("DEMO-") + username.toUpper());
        if (!user)
            return false;
        users.insert(username, *user);
        clients[username] = std::make_unique<HttpClient>(gateway.url(QString()));
        if (!clients.at(username)->signIn(username))
            return false;
    }
    return true;
}

/// The first column of statement's first row, read straight from the gateway's database.
inline QVariant firstValue(GatewayFixture &gateway, const QString &statement)
{
    QSqlQuery query(gateway.database().connection());
    const QVariant result = query.exec(statement) && query.next() ? query.value(0) : QVariant();
    query.finish();
    return result;
}

/// Applies request to itemId as user at when, through the store (with a fresh key);
/// false, with the reason logged, if it was refused.
inline bool applyAs(GatewayFixture &gateway, const models::User &user, const QString &itemId,
                    rules::ActionRequest request, const QDateTime &when)
{
    const auto item = gateway.store().item(itemId);
    if (!item)
        return false;
    const auto outcome = gateway.store().applyAction(user, itemId, QUuid::createUuid().toString(),
                                                     QUuid::createUuid().toByteArray(), item->version, request, when);
    if (outcome.problem)
        qWarning() << "refused:" << outcome.problem->detail;
    return !outcome.problem;
}

/// GET /v1/reports/{path} as client; an empty result, with why logged, if it failed.
inline reports::ReportResult fetchReport(HttpClient &client, const QString &path)
{
    const HttpReply reply = client.get(QStringLiteral("/reports/") + path);
    if (reply.status != 200)
        qWarning() << reply.status << reply.body;
    QString error;
    const auto report = reports::ReportResult::fromJson(reply.json(), &error);
    if (!report)
        qWarning() << error;
    return report.value_or(reports::ReportResult());
}

inline QVariant cell(const reports::ReportResult &report, const QVariantList &row, const QString &key)
{
    return row.value(report.columnIndex(key));
}

inline QVariant total(const reports::ReportResult &report, const QString &key)
{
    return report.totals.value(report.columnIndex(key));
}

} // namespace rcm::testing
