// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/sync/syncengine.h"
#include "tests/server/gatewayfixture.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 pageSize = sync::SyncEngine::pageSize;

/// One line of the child's report. For each page it writes "written", then "holding" if
/// it was told to hold that page, and "committed" once its transaction commits (pages that
/// share a transaction are all written first).
struct ChildReport
{
    enum class Event { Written, Holding, Committed };
    Event event = Event::Written;
    qint64 page = 0;
    bool operator==(const ChildReport &) const = default;
};

constexpr std::array<const char *, 3> eventNames {"written", "holding", "committed"};

/// As the child writes it: "written 3".
QByteArray describe(const ChildReport &report)
{
    return eventNames.at(std::size_t(report.event)) + QByteArray(" ") + QByteArray::number(report.page);
}

/// The order a child told to hold holdPage (0: none) reports in: pages written one after
/// another, "holding" right after the held page's write, and commits in page order, each
/// of a page already written.
class ReportOrder final
{
public:
    explicit ReportOrder(qint64 holdPage)
        : m_holdPage(holdPage)
    { }

    /// Whether report may come next; if so, it is taken as the child's latest.
    bool take(const ChildReport &report)
    {
        using Event = ChildReport::Event;
        const bool holdDue = m_holdPage > 0 && m_written == m_holdPage && !m_held;
        bool allowed = false;
        switch (report.event) {
        case Event::Holding:
            allowed = holdDue && report.page == m_written;
            m_held = m_held || allowed;
            break;
        case Event::Written:
            allowed = !holdDue && report.page == m_written + 1;
            m_written += allowed ? 1 : 0;
            break;
        case Event::Committed:
            allowed = !holdDue && report.page == m_committed + 1 && report.page <= m_written;
            m_committed += allowed ? 1 : 0;
            break;
        }
        return allowed;
    }

    /// Pages reported committed so far.
    qint64 committed() const { return m_committed; }

private:
    qint64 m_holdPage = 0;
    qint64 m_written = 0;
    qint64 m_committed = 0;
    bool m_held = false;
};

/// A sync_child syncing the cache from the gateway, its page reports read as they come.
class SyncChild final
{
public:
    /// holdPage: the page whose transaction the child stays in once written (0: none).
    /// transactionLimit: how long its written pages may wait for a commit (-1: the engine's default).
    SyncChild(const QString &cachePath, const QUrl &gateway, qint64 holdPage, int transactionLimit = -1)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments {cachePath, gateway.toString(), u"supervisor"_s, QString::number(holdPage)};
        if (transactionLimit >= 0)
            arguments << QString::number(transactionLimit);
        m_process.start(QStringLiteral(SYNC_CHILD), arguments);
    }
    Q_DISABLE_COPY_MOVE(SyncChild)

    bool isStarted() { return m_process.waitForStarted(); }

    /// The child's next report; none once it has exited (or was silent for 30 s). This
    /// process serves the gateway, so it waits by running the event loop.
    std::optional<ChildReport> nextReport()
    {
        const QDeadlineTimer deadline(30000);
        while (!m_process.canReadLine()) {
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
                return std::nullopt;
            // Short slices, because an exit is not output.
            QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
            output.wait(100);
        }
        const QList<QByteArray> fields = m_process.readLine().trimmed().split(' ');
        const auto name = std::find(eventNames.begin(), eventNames.end(), fields.constFirst());
        if (fields.size() != 2 || name == eventNames.end())
            return ChildReport {ChildReport::Event::Written, -1}; // unreadable: matches no expectation
        return ChildReport {ChildReport::Event(name - eventNames.begin()), fields.at(1).toLongLong()};
    }

    /// SIGKILL: no chance to roll back, close or flush anything.
    bool kill()
    {
        m_process.kill();
        return m_process.waitForFinished(10000);
    }

    bool completed() const
    {
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
};

} // namespace

class TestSyncKill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSyncKilledAnywhereKeepsEveryCommittedPageAndResumesWithoutGapOrDuplicate()
    {
        // A round kills on page 1 or 2, so at most 2 pages go per round, 3 should the child
        // commit one more before the kill lands: 20 pages leave room, and keep the last run
        // (pages into an indexed cache, the slowest) short. The last page is partial. A round
        // that kills on a commit has each page commit on its own (pages sharing a transaction
        // could commit all 20 at once); the others let pages share transactions by chance, so
        // that some kills land among pages written together and not yet committed.
        constexpr qint64 items = 20 * pageSize + 500;
        constexpr int killRounds = 6;
        testing::GatewayFixture gateway(items);
        QVERIFY(gateway.isReady());
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(u"cache.db"_s);
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        // One round surely, others by chance, kill inside a page's transaction.
        const int surelyHeldRound = random.bounded(killRounds);
        qint64 cached = 0;
        int kills = 0;
        int midTransactionKills = 0;
        for (int round = 0; round < killRounds; ++round) {
            using Event = ChildReport::Event;
            const bool hold = round == surelyHeldRound || random.bounded(3) == 0;
            // Kill on this report of page 1 or 2: inside its transaction by the child's hold, or
            // wherever the child is when the report of the page's write or commit arrives.
            // The surely held round holds page 2 with page 1 in the same transaction.
            ChildReport target {Event::Holding, round == surelyHeldRound ? 2 : random.bounded(1, 3)};
            if (!hold)
                target.event = random.bounded(2) == 0 ? Event::Written : Event::Committed;
            const qint64 holdPage = hold ? target.page : 0;
            const bool shared
                = round == surelyHeldRound || (target.event != Event::Committed && random.bounded(2) == 0);
            SyncChild child(cachePath, gateway.url(QString()), holdPage, shared ? -1 : 0);
            QVERIFY(child.isStarted());
            ReportOrder order(holdPage);
            for (;;) {
                const auto report = child.nextReport();
                QVERIFY2(report,
                         qPrintable(u"round %1: the child stopped before reporting %2 (seed %3)"_s.arg(round)
                                        .arg(QString::fromLatin1(describe(target)))
                                        .arg(seed)));
                QVERIFY2(order.take(*report),
                         qPrintable(u"round %1: out of order: %2 (seed %3)"_s.arg(round)
                                        .arg(QString::fromLatin1(describe(*report)))
                                        .arg(seed)));
                if (*report == target)
                    break;
            }
            QVERIFY(child.kill());
            ++kills;

            store::Database cache;
            QVERIFY(!cache.open(cachePath, store::workbenchCacheSchema()));
            QVERIFY(!cache.checkIntegrity());
            const qint64 count = store::WorkItemStore(cache).itemCount();
            const QString where = u"round %1, killed on %2%3 (seed %4): %5 items cached, %6 before"_s.arg(round)
                                      .arg(QString::fromLatin1(describe(target)))
                                      .arg(shared ? u" among pages sharing a transaction"_s : QString())
                                      .arg(seed)
                                      .arg(count)
                                      .arg(cached);
            QVERIFY2(count % pageSize == 0 || count == items, qPrintable(u"half a page: "_s + where));
            QVERIFY2(count >= cached, qPrintable(u"a page was lost: "_s + where));
            const qint64 committedBefore = order.committed();
            QVERIFY2(count >= cached + committedBefore * pageSize,
                     qPrintable(u"a page reported committed was lost: "_s + where));
            if (hold) {
                // Killed while holding page K's transaction: exactly the pages reported committed.
                QVERIFY2(count == cached + committedBefore * pageSize,
                         qPrintable(u"a page held in its transaction is in the cache: "_s + where));
                ++midTransactionKills;
            }
            cached = count;
        }
        QVERIFY2(kills >= 5, qPrintable(u"only %1 kills; the test did not test"_s.arg(kills)));
        QVERIFY2(midTransactionKills >= 1, "no kill inside a page's transaction; the test did not test");

        // A last run to completion picks up from the last committed page, repeating none.
        SyncChild child(cachePath, gateway.url(QString()), 0);
        QVERIFY(child.isStarted());
        qint64 committedPages = 0;
        while (const auto report = child.nextReport()) {
            if (report->event == ChildReport::Event::Committed)
                committedPages = report->page;
        }
        QVERIFY(child.completed());
        QCOMPARE(committedPages, (items - cached + pageSize - 1) / pageSize);

        // Equal to the server, item by item.
        store::Database cache;
        QVERIFY(!cache.open(cachePath, store::workbenchCacheSchema()));
        QVERIFY(!cache.checkIntegrity());
        store::WorkItemStore store(cache);
        QCOMPARE(store.itemCount(), items);
        const auto viewer = gateway.store().authenticate(u"supervisor"_s, u"demo"_s);
        QVERIFY(viewer);
        qint64 after = 0;
        qint64 compared = 0;
        for (bool more = true; more;) {
            const auto page = gateway.store().changes(*viewer, after, 2000);
            QVERIFY(page);
            for (const auto &change : page->changes) {
                QCOMPARE(store.item(change.item.id), std::optional(change.item));
                ++compared;
            }
            after = page->lastSequence;
            more = page->hasMore;
        }
        QCOMPARE(compared, items);
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "test_synckill.moc"
