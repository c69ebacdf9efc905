// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The detail panel's page: an item its source closed while someone works it says so at the
// top, for its owner to decide, until the source opens it again or the item is resolved.
#include "ui/itemdetail.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

ui::HistoryLine line(const QString &type, const QString &text)
{
    return {QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC), u"Nightly denial feed"_s, type, text};
}

models::WorkItem workedItem()
{
    models::WorkItem item;
    item.id = u"SRC-0000001"_s;
    item.claimNumber = u"C-1"_s;
    item.status = models::WorkItemStatus::InProgress;
    item.ownerId = u"DEMO-BILLER"_s;
    return item;
}

} // namespace

class ItemDetailTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anItemClosedAtItsSourceWhileWorkedSaysSoAtTheTop_data()
    {
        QTest::addColumn<QList<ui::HistoryLine>>("history");
        QTest::addColumn<models::WorkItemStatus>("status");
        QTest::addColumn<bool>("banner");
        const ui::HistoryLine closed = line(u"source_closed"_s,
                                            u"epic closed its item W-1 (paid) while it was being "
                                            "worked."_s);
        const ui::HistoryLine reopened = line(u"source_reopened"_s, u"epic reopened its item W-1."_s);
        const ui::HistoryLine note = line(u"note"_s, u"called the payer"_s);
        QTest::newRow("closed, still worked") << QList {closed, note} << models::WorkItemStatus::InProgress << true;
        QTest::newRow("closed, then reopened")
            << QList {closed, reopened} << models::WorkItemStatus::InProgress << false;
        QTest::newRow("closed, and resolved") << QList {closed} << models::WorkItemStatus::Resolved << false;
        QTest::newRow("never closed") << QList {note} << models::WorkItemStatus::InProgress << false;
    }

    void anItemClosedAtItsSourceWhileWorkedSaysSoAtTheTop()
    {
        QFETCH(QList<ui::HistoryLine>, history);
        QFETCH(models::WorkItemStatus, status);
        QFETCH(bool, banner);
        models::WorkItem item = workedItem();
        item.status = status;
        const QString html = ui::itemDetailHtml(item, u"Demo Biller"_s, QDate(2026, 12, 2), history);
        QCOMPARE(html.contains(u"Closed at its source."_s), banner);
        if (banner)
            QVERIFY(html.indexOf(u"(paid) while it was being"_s) < html.indexOf(u"Claim and account"_s));
    }
};

QTEST_GUILESS_MAIN(ItemDetailTest)
#include "test_itemdetail.moc"
