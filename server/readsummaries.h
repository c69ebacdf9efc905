// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rcm::server {

class GatewayStore;

/// Who synced or opened which work items, per session, kept in memory and written to the
/// audit chain as one summary entry per session at each upkeep (or sooner, when a
/// session has read a lot): reads leave a trail without one audit row per GET.
class ReadSummaries final
{
public:
    /// Pages and opened items a session may gather before its summary is written at once.
    static constexpr qsizetype bound = 1000;

    /// A page of GET /v1/work-items: the changes after after, through through.
    void recordPage(const QString &session, const QString &userId, qint64 after, qint64 through, qsizetype items,
                    const QStringList &queues, const QDateTime &now);
    /// An item opened: view is "item", "history" or "payments".
    void recordOpened(const QString &session, const QString &userId, const QString &itemId, const QString &view,
                      const QDateTime &now);
    bool isFull(const QString &session) const;
    bool isEmpty() const { return m_sessions.isEmpty(); }

    /// Writes one entry per session read since the last time (or only the given session),
    /// in one transaction, and forgets them; on failure keeps them for the next time.
    store::StoreError flush(GatewayStore &store, const QDateTime &now, const QString &onlySession = {});

private:
    struct Page
    {
        qint64 after = 0;
        qint64 through = 0;
        qsizetype items = 0;
        QStringList queues;
    };
    struct Session
    {
        QString userId;
        QList<Page> pages;
        QMap<QString, QSet<QString>> opened; ///< item id -> views
        QDateTime firstRead;
        QDateTime lastRead;
        qsizetype size() const { return pages.size() + opened.size(); }
    };
    Session &session(const QString &reference, const QString &userId, const QDateTime &now);

    QHash<QString, Session> m_sessions;
};

} // namespace rcm::server
