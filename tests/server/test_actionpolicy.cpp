// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/rules/actionpolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using namespace rcm::rules;

namespace {

User userWith(Role role, const QString &id = u"U1"_s)
{
    return User {id, u"someone"_s, u"Someone"_s, role, true};
}

WorkItem itemIn(Queue queue, WorkItemStatus status, const QString &owner)
{
    WorkItem item;
    item.id = u"WI-1"_s;
    item.queue = queue;
    item.status = status;
    item.ownerId = owner;
    item.balance = Money::fromCents(50'000);
    item.atRisk = Money::fromCents(30'000);
    item.version = 3;
    return item;
}

/// A request each action type accepts, with valid values.
ActionRequest validRequest(ActionType type)
{
    ActionRequest request;
    request.type = type;
    request.text = u"Called the payer"_s;
    request.assigneeId = u"U2"_s;
    request.resolutionCode = u"paid"_s;
    request.amount = Money::fromCents(10'000);
    return request;
}

/// A status each action type may start from.
WorkItemStatus startingStatus(ActionType type)
{
    switch (type) {
    case ActionType::ApproveWriteOff:
    case ActionType::RejectWriteOff:
        return WorkItemStatus::WriteOffRequested;
    case ActionType::Release:
        return WorkItemStatus::OnHold;
    case ActionType::Reopen:
        return WorkItemStatus::Resolved;
    default:
        return WorkItemStatus::InProgress;
    }
}

Queue queueFor(Role role)
{
    switch (role) {
    case Role::AuthorizationSpecialist:
        return Queue::Authorization;
    default:
        return Queue::Denial;
    }
}

ActionContext contextFor(const ActionRequest &request)
{
    ActionContext context;
    context.assignee = User {request.assigneeId, u"biller2"_s, u"Biller Two"_s, Role::Biller, true};
    context.writeOffRequesterId = u"U9"_s;
    context.writeOffAmount = request.amount;
    return context;
}

} // namespace

class TestActionPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRoleAgainstEveryAction_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("expected");
        for (Role role : allValues<Role>()) {
            for (ActionType action : allValues<ActionType>()) {
                if (!isWorkItemAction(action))
                    continue; // refused whoever asks: see parsesOnlyWellFormedActions
                const bool supervisorOnly = action == ActionType::Assign || action == ActionType::ApproveWriteOff
                    || action == ActionType::RejectWriteOff;
                int expected = 0;
                if (!isWorkItemAction(action)) {
                    // An account event (user_added, ...) is never an action on an item.
                    QTest::addRow("%s %s", wireName(role).data(), wireName(action).data())
                        << int(role) << int(action) << 422;
                    continue;
                }
                if (role == Role::Finance || role == Role::Integration || (supervisorOnly && role != Role::Supervisor))
                    expected = 403;
                // Assigning a denial to a biller is fine; an authorization item is not a biller's.
                if (expected == 0 && action == ActionType::Assign && queueFor(role) == Queue::Authorization)
                    expected = 422;
                if (expected == 0 && action == ActionType::Appeal && queueFor(role) != Queue::Denial)
                    expected = 409;
                QTest::addRow("%s %s", wireName(role).data(), wireName(action).data())
                    << int(role) << int(action) << expected;
            }
        }
    }

    void everyRoleAgainstEveryAction()
    {
        QFETCH(int, role);
        QFETCH(int, action);
        QFETCH(int, expected);
        const User actor = userWith(Role(role));
        const ActionRequest request = validRequest(ActionType(action));
        // The actor owns the item, so only the role decides.
        const WorkItem item = itemIn(queueFor(actor.role), startingStatus(request.type), actor.id);
        const std::optional<Problem> refused = ActionPolicy::check(actor, item, request, contextFor(request));
        QCOMPARE(refused ? refused->status : 0, expected);
    }

    void transitions_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("expected"); ///< -1: refused with 409; otherwise the new status
        using S = WorkItemStatus;
        using A = ActionType;
        QTest::newRow("take a new item") << int(A::Take) << int(S::New) << int(S::InProgress);
        QTest::newRow("take a resolved item") << int(A::Take) << int(S::Resolved) << -1;
        QTest::newRow("appeal") << int(A::Appeal) << int(S::InProgress) << int(S::PendingPayer);
        QTest::newRow("appeal while on hold") << int(A::Appeal) << int(S::OnHold) << -1;
        QTest::newRow("resubmit") << int(A::Resubmit) << int(S::Escalated) << int(S::PendingPayer);
        QTest::newRow("request write-off")
            << int(A::RequestWriteOff) << int(S::PendingPayer) << int(S::WriteOffRequested);
        QTest::newRow("request write-off twice") << int(A::RequestWriteOff) << int(S::WriteOffRequested) << -1;
        QTest::newRow("approve write-off") << int(A::ApproveWriteOff) << int(S::WriteOffRequested) << int(S::Resolved);
        QTest::newRow("approve without request") << int(A::ApproveWriteOff) << int(S::InProgress) << -1;
        QTest::newRow("reject write-off") << int(A::RejectWriteOff) << int(S::WriteOffRequested) << int(S::InProgress);
        QTest::newRow("hold") << int(A::Hold) << int(S::InProgress) << int(S::OnHold);
        QTest::newRow("hold twice") << int(A::Hold) << int(S::OnHold) << -1;
        QTest::newRow("release") << int(A::Release) << int(S::OnHold) << int(S::InProgress);
        QTest::newRow("release what is not held") << int(A::Release) << int(S::InProgress) << -1;
        QTest::newRow("escalate") << int(A::Escalate) << int(S::OnHold) << int(S::Escalated);
        QTest::newRow("escalate twice") << int(A::Escalate) << int(S::Escalated) << -1;
        QTest::newRow("resolve") << int(A::Resolve) << int(S::PendingPayer) << int(S::Resolved);
        QTest::newRow("resolve a pending write-off") << int(A::Resolve) << int(S::WriteOffRequested) << -1;
        QTest::newRow("resolve twice") << int(A::Resolve) << int(S::Resolved) << -1;
        QTest::newRow("reopen") << int(A::Reopen) << int(S::Resolved) << int(S::InProgress);
        QTest::newRow("reopen an open item") << int(A::Reopen) << int(S::InProgress) << -1;
        QTest::newRow("note on a resolved item") << int(A::Note) << int(S::Resolved) << int(S::Resolved);
    }

    void transitions()
    {
        QFETCH(int, action);
        QFETCH(int, from);
        QFETCH(int, expected);
        const User supervisor = userWith(Role::Supervisor);
        const ActionRequest request = validRequest(ActionType(action));
        const WorkItem item = itemIn(Queue::Denial, WorkItemStatus(from), supervisor.id);
        const std::optional<Problem> refused = ActionPolicy::check(supervisor, item, request, contextFor(request));
        if (expected < 0) {
            QVERIFY(refused);
            QCOMPARE(refused->status, 409);
            return;
        }
        QVERIFY2(!refused, qPrintable(refused ? refused->detail : QString()));
        const WorkItem after = ActionPolicy::apply(item, supervisor, request, contextFor(request),
                                                   QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
        QCOMPARE(int(after.status), expected);
        QCOMPARE(after.version, item.version + 1);
    }

    void ownershipAndSegregationOfDuties()
    {
        const User biller = userWith(Role::Biller, u"U1"_s);
        const User supervisor = userWith(Role::Supervisor, u"U7"_s);
        WorkItem item = itemIn(Queue::Denial, WorkItemStatus::InProgress, u"U2"_s);
        // Someone else's item: no appeal, no take; a note is fine.
        QCOMPARE(ActionPolicy::check(biller, item, validRequest(ActionType::Appeal), {})->status, 403);
        QCOMPARE(ActionPolicy::check(biller, item, validRequest(ActionType::Take), {})->status, 409);
        QVERIFY(!ActionPolicy::check(biller, item, validRequest(ActionType::Note), {}));
        // Unassigned: take it first.
        item.ownerId.clear();
        QCOMPARE(ActionPolicy::check(biller, item, validRequest(ActionType::Resolve), {})->status, 403);
        QVERIFY(!ActionPolicy::check(biller, item, validRequest(ActionType::Take), {}));
        // A supervisor may not approve a write-off they asked for themselves.
        item.status = WorkItemStatus::WriteOffRequested;
        ActionContext context;
        context.writeOffRequesterId = supervisor.id;
        const auto refused = ActionPolicy::check(supervisor, item, validRequest(ActionType::ApproveWriteOff), context);
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        QCOMPARE(refused->type, u"segregation-of-duties"_s);
    }

    void writeOffAmountsAreChecked()
    {
        const User biller = userWith(Role::Biller);
        WorkItem item = itemIn(Queue::Denial, WorkItemStatus::InProgress, biller.id);
        ActionRequest request = validRequest(ActionType::RequestWriteOff);
        request.amount = item.balance + Money::fromCents(1);
        QCOMPARE(ActionPolicy::check(biller, item, request, {})->status, 422);
        // Approval takes exactly the requested amount off the balance.
        item.status = WorkItemStatus::WriteOffRequested;
        ActionContext context;
        context.writeOffRequesterId = biller.id;
        context.writeOffAmount = Money::fromCents(12'345);
        const WorkItem after
            = ActionPolicy::apply(item, userWith(Role::Supervisor, u"U7"_s), validRequest(ActionType::ApproveWriteOff),
                                  context, QDateTime::currentDateTimeUtc());
        QCOMPARE(after.balance, Money::fromCents(50'000 - 12'345));
        QVERIFY(after.atRisk <= after.balance);
    }

    void parsesOnlyWellFormedActions_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("take") << QByteArray(R"({"type":"take"})") << true;
        QTest::newRow("note") << QByteArray(R"({"type":"note","text":"left a message"})") << true;
        QTest::newRow("assign") << QByteArray(R"({"type":"assign","assignee":"U3"})") << true;
        QTest::newRow("resolve") << QByteArray(R"({"type":"resolve","resolution":"paid"})") << true;
        QTest::newRow("write-off") << QByteArray(R"({"type":"request_writeoff","amount":"12.50","text":"small"})")
                                   << true;
        QTest::newRow("no type") << QByteArray(R"({"text":"x"})") << false;
        QTest::newRow("type not a string") << QByteArray(R"({"type":3})") << false;
        QTest::newRow("unknown type") << QByteArray(R"({"type":"delete"})") << false;
        QTest::newRow("unknown field") << QByteArray(R"({"type":"take","priority":"urgent"})") << false;
        QTest::newRow("field of another type") << QByteArray(R"({"type":"take","text":"x"})") << false;
        QTest::newRow("note without text") << QByteArray(R"({"type":"note"})") << false;
        QTest::newRow("blank note") << QByteArray(R"({"type":"note","text":"   "})") << false;
        QTest::newRow("text not a string") << QByteArray(R"({"type":"note","text":42})") << false;
        QTest::newRow("unknown resolution") << QByteArray(R"({"type":"resolve","resolution":"vanished"})") << false;
        QTest::newRow("amount as number")
            << QByteArray(R"({"type":"request_writeoff","amount":12.5,"text":"x"})") << false;
        QTest::newRow("negative amount") << QByteArray(R"({"type":"request_writeoff","amount":"-1.00","text":"x"})")
                                         << false;
        QTest::newRow("write-off without reason")
            << QByteArray(R"({"type":"request_writeoff","amount":"1.00"})") << false;
        // The gateway's own audit entries about sessions are no actions anyone may ask for.
        QTest::newRow("sign-in") << QByteArray(R"({"type":"sign_in"})") << false;
        QTest::newRow("failed sign-in") << QByteArray(R"({"type":"sign_in_failed"})") << false;
        QTest::newRow("sign-out") << QByteArray(R"({"type":"sign_out"})") << false;
        QTest::newRow("text too long") << (R"({"type":"note","text":")" + QByteArray(4001, 'a') + R"("})") << false;
    }

    void parsesOnlyWellFormedActions()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, accepted);
        Problem problem;
        const auto request = ActionPolicy::parseAction(QJsonDocument::fromJson(body).object(), &problem);
        QCOMPARE(request.has_value(), accepted);
        if (!accepted) {
            QCOMPARE(problem.status, 422);
            QVERIFY(!problem.detail.isEmpty());
        }
    }

    void rolesSeeTheirQueues()
    {
        QVERIFY(ActionPolicy::canView(Role::Biller, Queue::Denial));
        QVERIFY(!ActionPolicy::canView(Role::Biller, Queue::Remittance));
        QVERIFY(ActionPolicy::canView(Role::AuthorizationSpecialist, Queue::Authorization));
        QVERIFY(!ActionPolicy::canView(Role::AuthorizationSpecialist, Queue::Denial));
        QVERIFY(ActionPolicy::canView(Role::CashPoster, Queue::Remittance));
        for (Queue queue : allValues<Queue>()) {
            QVERIFY(ActionPolicy::canView(Role::Supervisor, queue));
            QVERIFY(ActionPolicy::canView(Role::Finance, queue));
            QVERIFY(!ActionPolicy::canView(Role::Integration, queue));
        }
    }

    void theIntegrationAccountPostsFilesButWorksNoQueue()
    {
        QVERIFY(ActionPolicy::mayPostRemittances(Role::Integration));
        QVERIFY(ActionPolicy::mayPostRemittances(Role::CashPoster));
        QVERIFY(!ActionPolicy::mayPostRemittances(Role::Biller));
        QVERIFY(!ActionPolicy::worksQueues(Role::Integration));
        QVERIFY(ActionPolicy::worksQueues(Role::Finance));
    }

    void onlySupervisorsAndTheIntegrationAccountLoadContracts()
    {
        for (Role role : allValues<Role>())
            QCOMPARE(ActionPolicy::mayLoadContracts(role), role == Role::Supervisor || role == Role::Integration);
    }

    void anAccountEventIsNotAnActionTheApiTakes()
    {
        Problem problem;
        QVERIFY(!ActionPolicy::parseAction(QJsonObject {{u"type"_s, u"user_added"_s}}, &problem));
        QCOMPARE(problem.status, 422);
        QVERIFY(ActionPolicy::parseAction(QJsonObject {{u"type"_s, u"take"_s}}, &problem));
    }
};

QTEST_GUILESS_MAIN(TestActionPolicy)
#include "test_actionpolicy.moc"
