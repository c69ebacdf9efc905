// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticgenerator.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using rcm::synthetic::SyntheticGenerator;

class TestSyntheticGenerator final : public QObject
{
    Q_OBJECT

private:
    static constexpr int sampleSize = 20000;
    const QDate m_asOf {2026, 11, 27};
    QList<WorkItem> m_sample;

    template<typename Key, typename KeyOf>
    QHash<Key, double> shares(KeyOf keyOf) const
    {
        QHash<Key, double> counts;
        for (const WorkItem &item : m_sample)
            counts[keyOf(item)] += 1.0 / sampleSize;
        return counts;
    }

private Q_SLOTS:
    void initTestCase() { m_sample = SyntheticGenerator({7, m_asOf}).items(0, sampleSize); }

    void theSameSeedGivesTheSameData()
    {
        const SyntheticGenerator again({7, m_asOf});
        QCOMPARE(again.items(0, 500), m_sample.mid(0, 500));
        // Any item can be produced on its own, without those before it.
        QCOMPARE(again.item(12345), m_sample.at(12345));
        QCOMPARE(again.users(), SyntheticGenerator({7, m_asOf}).users());
        const SyntheticGenerator other({8, m_asOf});
        QVERIFY(other.items(0, 100) != m_sample.mid(0, 100));
    }

    void commercialContractsGiveThirtyToSixtyDaysToRefund()
    {
        const SyntheticGenerator generator({7, m_asOf});
        const QList<SyntheticGenerator::RefundSetting> settings = generator.refundSettings();
        QCOMPARE(settings.size(), qsizetype(4));
        for (const SyntheticGenerator::RefundSetting &setting : settings) {
            QCOMPARE(SyntheticGenerator::payerKindOf(setting.payerId), std::optional(PayerKind::Commercial));
            QVERIFY(setting.refundDays == 30 || setting.refundDays == 45 || setting.refundDays == 60);
        }
    }

    void idsClaimsAndAccountsAreUnique()
    {
        QSet<QString> ids, claims, accounts;
        for (const WorkItem &item : std::as_const(m_sample)) {
            ids.insert(item.id);
            claims.insert(item.claimNumber);
            accounts.insert(item.accountNumber);
        }
        QCOMPARE(ids.size(), sampleSize);
        QCOMPARE(claims.size(), sampleSize);
        QCOMPARE(accounts.size(), sampleSize);
    }

    void payerMixQueuesAndDenialFamiliesAreRealistic()
    {
        const auto payers = shares<QString>([](const WorkItem &item) { return item.payerId; });
        QVERIFY2(payers.value(u"MCR"_s) > 0.25 && payers.value(u"MCR"_s) < 0.35, "Medicare is about 30% of the mix");
        QVERIFY(payers.value(u"MCD"_s) > 0.12);
        QVERIFY(payers.value(u"SELF"_s) > 0.02 && payers.value(u"SELF"_s) < 0.08);
        QCOMPARE(payers.size(), 8);

        const auto queues = shares<Queue>([](const WorkItem &item) { return item.queue; });
        QVERIFY(queues.value(Queue::Denial) > 0.55 && queues.value(Queue::Denial) < 0.70);
        QVERIFY(queues.value(Queue::Authorization) > 0.12);
        QVERIFY(queues.value(Queue::Remittance) > 0.12);

        QSet<DenialCategory> families;
        for (const WorkItem &item : std::as_const(m_sample)) {
            if (item.queue == Queue::Denial) {
                families.insert(item.denialCategory);
                QVERIFY2(!item.carc.isEmpty() && !item.groupCode.isEmpty(), "every denial carries its reason");
            }
        }
        QCOMPARE(families.size(), 7);
    }

    void reasonCodesFitTheirFamily_data()
    {
        QTest::addColumn<int>("category");
        QTest::addColumn<QStringList>("carcs");
        QTest::newRow("eligibility") << int(DenialCategory::Eligibility)
                                     << QStringList {u"27"_s, u"31"_s, u"26"_s, u"177"_s};
        QTest::newRow("authorization") << int(DenialCategory::Authorization)
                                       << QStringList {u"197"_s, u"15"_s, u"198"_s};
        QTest::newRow("timely filing") << int(DenialCategory::TimelyFiling) << QStringList {u"29"_s};
        QTest::newRow("coding") << int(DenialCategory::Coding) << QStringList {u"16"_s, u"11"_s, u"97"_s, u"4"_s};
        QTest::newRow("duplicate") << int(DenialCategory::Duplicate) << QStringList {u"18"_s};
        QTest::newRow("medical necessity") << int(DenialCategory::MedicalNecessity) << QStringList {u"50"_s};
        QTest::newRow("coordination of benefits")
            << int(DenialCategory::CoordinationOfBenefits) << QStringList {u"22"_s, u"23"_s};
    }

    void reasonCodesFitTheirFamily()
    {
        QFETCH(int, category);
        QFETCH(QStringList, carcs);
        int seen = 0;
        for (const WorkItem &item : std::as_const(m_sample)) {
            if (item.queue != Queue::Denial || int(item.denialCategory) != category)
                continue;
            ++seen;
            QVERIFY2(carcs.contains(item.carc), qPrintable(item.id + u" has CARC "_s + item.carc));
        }
        QVERIFY(seen > 200);
    }

    void amountsAreLogNormalAndExact()
    {
        QList<qint64> billed;
        for (const WorkItem &item : std::as_const(m_sample)) {
            billed.append(item.billed.cents());
            QVERIFY(item.balance <= item.billed);
            QVERIFY(item.balance.cents() > 0);
            QVERIFY(item.atRisk <= item.balance);
        }
        std::sort(billed.begin(), billed.end());
        const qint64 median = billed.at(sampleSize / 2);
        const qint64 p99 = billed.at(sampleSize * 99 / 100);
        // A long right tail: the 99th percentile is many times the median.
        QVERIFY2(median > 30'000 && median < 300'000, qPrintable(QString::number(median)));
        QVERIFY(p99 > median * 8);
    }

    void deadlinesFollowEachPayersLimits()
    {
        const SyntheticGenerator generator({7, m_asOf});
        QHash<QString, Payer> payers;
        for (const Payer &payer : generator.payers())
            payers.insert(payer.id, payer);
        for (const WorkItem &item : std::as_const(m_sample)) {
            const Payer &payer = payers[item.payerId];
            QVERIFY(item.serviceFrom <= item.serviceTo);
            QVERIFY(item.serviceTo <= m_asOf);
            if (payer.kind == PayerKind::SelfPay) {
                QVERIFY(!item.timelyFilingDeadline.isValid());
                continue;
            }
            QCOMPARE(item.serviceFrom.daysTo(item.timelyFilingDeadline), qint64(payer.timelyFilingDays));
            if (item.queue != Queue::Authorization) {
                QVERIFY(item.appealDeadline.isValid());
                QCOMPARE(item.createdAt.date().daysTo(item.appealDeadline), qint64(payer.appealDays));
            }
        }
        QVERIFY(payers[u"MCR"_s].timelyFilingDays != payers[u"BSH"_s].timelyFilingDays);
    }

    void urgentItemsAreTheOnesStillSavable()
    {
        int urgent = 0;
        for (const WorkItem &item : std::as_const(m_sample)) {
            if (item.priority != Priority::Urgent)
                continue;
            ++urgent;
            const QDate deadline = item.appealDeadline.isValid() && item.queue != Queue::Authorization
                ? item.appealDeadline
                : item.timelyFilingDeadline;
            const qint64 daysLeft = m_asOf.daysTo(deadline);
            QVERIFY2(daysLeft >= 0 && daysLeft <= 7, qPrintable(item.id));
            QVERIFY(item.atRisk.cents() >= 50'000);
        }
        QVERIFY(urgent > 20);
    }

    void theTeamHasEveryRoleAndWorkGoesToTheRightPeople()
    {
        const SyntheticGenerator generator({7, m_asOf});
        QHash<QString, Role> roles;
        QSet<Role> present;
        for (const User &user : generator.users()) {
            roles.insert(user.id, user.role);
            present.insert(user.role);
        }
        QCOMPARE(present.size(), 6);
        int unassigned = 0;
        for (const WorkItem &item : std::as_const(m_sample)) {
            if (item.ownerId.isEmpty()) {
                ++unassigned;
                QCOMPARE(item.status, WorkItemStatus::New);
                continue;
            }
            const Role role = roles.value(item.ownerId);
            if (item.queue == Queue::Authorization)
                QCOMPARE(role, Role::AuthorizationSpecialist);
            else if (item.queue == Queue::Remittance)
                QCOMPARE(role, Role::CashPoster);
            else if (item.denialCategory == DenialCategory::Coding)
                QCOMPARE(role, Role::Coder);
            else
                QCOMPARE(role, Role::Biller);
        }
        QVERIFY(unassigned > sampleSize / 10);
    }

    void patientsAreObviouslyFake()
    {
        for (const WorkItem &item : std::as_const(m_sample).mid(0, 1000))
            QVERIFY2(item.patientDisplayName.startsWith(u"Zz"_s), qPrintable(item.patientDisplayName));
        QCOMPARE(m_sample.at(0).id, u"WI-00000001"_s);
    }
};

QTEST_GUILESS_MAIN(TestSyntheticGenerator)
#include "test_syntheticgenerator.moc"
