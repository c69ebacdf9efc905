// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/action.h"
#include "models/auditevent.h"
#include "models/payer.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;

class TestWireNames final : public QObject
{
    Q_OBJECT

private:
    // Every value has a distinct, non-empty name that maps back to it.
    template<typename Enum>
    void checkRoundTrip()
    {
        QSet<QString> seen;
        for (Enum value : allValues<Enum>()) {
            const QString name = wireName(value);
            QVERIFY2(!name.isEmpty(), "a value has no wire name");
            QVERIFY2(!seen.contains(name), qPrintable(u"duplicate wire name "_s + name));
            seen.insert(name);
            QCOMPARE(fromWireName<Enum>(name), std::optional<Enum>(value));
        }
        QCOMPARE(fromWireName<Enum>(u"no-such-name"_s), std::nullopt);
    }

private Q_SLOTS:
    void everyEnumRoundTrips()
    {
        checkRoundTrip<Queue>();
        checkRoundTrip<WorkItemStatus>();
        checkRoundTrip<Priority>();
        checkRoundTrip<DenialCategory>();
        checkRoundTrip<PayerKind>();
        checkRoundTrip<Role>();
        checkRoundTrip<ActionType>();
    }

    void namesAreTheDocumentedOnes()
    {
        QCOMPARE(QString(wireName(Queue::Remittance)), u"remittance"_s);
        QCOMPARE(QString(wireName(ActionType::RequestWriteOff)), u"request_writeoff"_s);
        QCOMPARE(QString(wireName(Role::AuthorizationSpecialist)), u"authorization_specialist"_s);
        QCOMPARE(QString(wireName(Role::Integration)), u"integration"_s);
        QCOMPARE(allValues<Role>().size(), std::size_t(7));
    }

    void auditHashCoversEveryField()
    {
        AuditEvent event;
        event.sequence = 7;
        event.workItemId = u"WI-00000001"_s;
        event.actorId = u"U001"_s;
        event.actionType = ActionType::Appeal;
        event.resultingVersion = 3;
        event.occurredAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
        event.detailsJson = R"({"text":"see attached"})";
        event.previousHash = QByteArray(64, 'a');
        const QByteArray hash = event.computeHash();
        QCOMPARE(hash.size(), 64);

        AuditEvent edited = event;
        edited.resultingVersion = 4;
        QVERIFY(edited.computeHash() != hash);
        edited = event;
        edited.previousHash = QByteArray(64, 'b');
        QVERIFY(edited.computeHash() != hash);
        edited = event;
        edited.actionType = ActionType::Note;
        QVERIFY(edited.computeHash() != hash);
        QCOMPARE(AuditEvent(event).computeHash(), hash);
    }
};

QTEST_GUILESS_MAIN(TestWireNames)
#include "test_wirenames.moc"
