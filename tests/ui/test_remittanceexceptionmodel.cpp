// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/remittanceexceptionmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::ui::RemittanceExceptionModel;

namespace {

QJsonObject exception(const QString &kind, const QString &claim, const QString &amount, const QString &why)
{
    return {{u"kind"_s, kind}, {u"claimNumber"_s, claim}, {u"amount"_s, amount}, {u"explanation"_s, why}};
}

} // namespace

class TestRemittanceExceptionModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryTransactionsExceptionsInOrderWithTheirExplanation()
    {
        RemittanceExceptionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject report {
            {u"transactions"_s,
             QJsonArray {QJsonObject {{u"exceptions"_s,
                                       QJsonArray {exception(u"denied"_s, u"C1"_s, u"350.19"_s,
                                                             u"The payer paid nothing, giving reason CO-27."_s)}}},
                         QJsonObject {{u"exceptions"_s, QJsonArray {}}},
                         QJsonObject {{u"exceptions"_s,
                                       QJsonArray {exception(u"underpaid"_s, u"C2"_s, u"12.00"_s, u"Below contract."_s),
                                                   exception(u"something-new"_s, u"C3"_s, u"1.00"_s, u"New."_s)}}}}}};
        model.setReport(report);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, RemittanceExceptionModel::Kind).data().toString(), u"Denied"_s);
        QCOMPARE(model.index(0, RemittanceExceptionModel::Claim).data().toString(), u"C1"_s);
        QCOMPARE(model.index(0, RemittanceExceptionModel::Amount).data(Qt::ToolTipRole).toString(),
                 u"The payer paid nothing, giving reason CO-27."_s);
        QCOMPARE(model.index(1, RemittanceExceptionModel::Kind).data().toString(), u"Paid below expected"_s);
        // A kind this version does not know is shown as the gateway named it, not dropped.
        QCOMPARE(model.index(2, RemittanceExceptionModel::Kind).data().toString(), u"something-new"_s);

        model.setReport({}); // a report without transactions empties the list
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemittanceExceptionModel)
#include "test_remittanceexceptionmodel.moc"
