// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/readsummaries.h"

#include "server/gatewaystore.h"
#include "services/store/transactionguard.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

ReadSummaries::Session &ReadSummaries::session(const QString &reference, const QString &userId, const QDateTime &now)
{
    Session &entry = m_sessions[reference];
    if (entry.userId.isEmpty()) {
        entry.userId = userId;
        entry.firstRead = now;
    }
    entry.lastRead = now;
    return entry;
}

void ReadSummaries::recordPage(const QString &sessionReference, const QString &userId, qint64 after, qint64 through,
                               qsizetype items, const QStringList &queues, const QDateTime &now)
{
    session(sessionReference, userId, now).pages.append({after, through, items, queues});
}

void ReadSummaries::recordOpened(const QString &sessionReference, const QString &userId, const QString &itemId,
                                 const QString &view, const QDateTime &now)
{
    session(sessionReference, userId, now).opened[itemId].insert(view);
}

bool ReadSummaries::isFull(const QString &sessionReference) const
{
    const auto found = m_sessions.constFind(sessionReference);
    return found != m_sessions.cend() && found->size() >= bound;
}

store::StoreError ReadSummaries::flush(GatewayStore &store, const QDateTime &now, const QString &onlySession)
{
    if (m_sessions.isEmpty() || (!onlySession.isEmpty() && !m_sessions.contains(onlySession)))
        return {};
    store::TransactionGuard transaction(store.database().connection());
    if (transaction.beginError())
        return transaction.beginError();
    QStringList written;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (!onlySession.isEmpty() && it.key() != onlySession)
            continue;
        const Session &reads = it.value();
        QJsonArray pages;
        for (const Page &page : reads.pages) {
            pages.append(QJsonObject {{u"after"_s, page.after},
                                      {u"through"_s, page.through},
                                      {u"items"_s, page.items},
                                      {u"queues"_s, QJsonArray::fromStringList(page.queues)}});
        }
        QJsonArray opened;
        for (auto item = reads.opened.cbegin(); item != reads.opened.cend(); ++item) {
            QStringList views(item.value().cbegin(), item.value().cend());
            std::sort(views.begin(), views.end());
            opened.append(QJsonObject {{u"id"_s, item.key()}, {u"views"_s, QJsonArray::fromStringList(views)}});
        }
        const QJsonObject details {
            {u"session"_s, it.key()},
            {u"firstRead"_s, reads.firstRead.toUTC().toString(Qt::ISODateWithMs)},
            {u"lastRead"_s, reads.lastRead.toUTC().toString(Qt::ISODateWithMs)},
            {u"pages"_s, pages},
            {u"opened"_s, opened},
        };
        if (const store::StoreError error = store.appendAuditEntry(u"reads:"_s + it.key(), reads.userId,
                                                                   models::ActionType::ReadSummary, 0, details, now))
            return error;
        written.append(it.key());
    }
    if (const store::StoreError error = transaction.commit())
        return error;
    for (const QString &reference : std::as_const(written))
        m_sessions.remove(reference);
    return {};
}

} // namespace rcm::server
