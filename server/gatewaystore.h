// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/auditevent.h"
#include "models/user.h"
#include "models/workitem.h"
#include "server/auditcheckpoint.h"
#include "server/auditkey.h"
#include "server/passwordhasher.h"
#include "server/readsummaries.h"
#include "services/rules/actionpolicy.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"

#include <QJsonObject>

#include <chrono>
#include <functional>
#include <optional>
#include <span>

namespace rcm::synthetic {
class SyntheticGenerator;
}

namespace rcm::server {

using rules::ActionContext;
using rules::ActionRequest;
using rules::Problem;
using rules::problem;
namespace ActionPolicy = rules::ActionPolicy;

/// The gateway's data: users and sessions, work items and their change sequence, the
/// audit log and idempotency keys. Every action is applied, audited and remembered
/// under its idempotency key in one transaction.
class GatewayStore final
{
public:
    explicit GatewayStore(store::Database &database);
    Q_DISABLE_COPY_MOVE(GatewayStore)

    /// Whether the demo accounts (seedDemoData's six sign-ins, password "demo") may sign
    /// in: only a gateway started with --demo lets them.
    enum class DemoAccounts { Refused, Allowed };
    void setDemoAccounts(DemoAccounts demoAccounts) { m_demoAccounts = demoAccounts; }
    /// The time account expiry and emergency grants are judged by where no caller gives
    /// one (sign-in, user lookups, grants); tests move it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const;
    /// The rule of who may sign in and whose sessions work, as SQL over `users`: active,
    /// not a demo account outside demo mode, not past the account's own expiry (the
    /// break-glass account). Whoever looks a user up to sign them in uses it.
    QString maySignInCondition(const QDateTime &at) const;
    /// The columns of a User, for SELECTs over `users`: the role is the one the user has
    /// now, an emergency grant's until it expires.
    QString userColumns(const QDateTime &at) const;

    // Users and sessions.
    store::StoreError addUser(const models::User &user, const QString &password, int iterations);
    std::optional<models::User> authenticate(const QString &username, const QString &password);
    std::optional<models::User> user(const QString &id);
    /// Every user with the number of open items they own.
    QList<std::pair<models::User, qint64>> usersWithOpenWork(store::StoreError *error = nullptr);
    /// What a sign-in checks a password against: an active user with a password.
    struct Credentials
    {
        models::User user;
        PasswordHasher::Hashed stored;
    };
    std::optional<Credentials> credentials(const QString &username, store::StoreError *error = nullptr);
    /// The most PBKDF2 iterations any user's password has (the default when none has one):
    /// what checking a name that cannot sign in must cost so as not to stand out.
    int strongestIterations();
    /// A new bearer token for the user, valid for lifetime from now; only its hash is stored.
    QString createSession(const QString &userId, std::chrono::seconds lifetime, store::StoreError *error = nullptr,
                          const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The user a token signs in, unless it expired (absolutely, or after idleLimit unused
    /// when one is given). A use is recorded (at most about once a minute, to keep reads
    /// cheap), which keeps the session from going idle.
    std::optional<models::User> userForSession(const QString &token,
                                               const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                               std::optional<std::chrono::seconds> idleLimit = std::nullopt);
    /// Ends the session the token stands for; the id of its user, if there was one.
    std::optional<QString> endSession(const QString &token, store::StoreError *error = nullptr);
    /// Deletes sessions past their absolute expiry or unused for idleLimit.
    store::StoreError purgeSessions(const QDateTime &now, std::chrono::seconds idleLimit);

    // Work items.
    struct Change
    {
        qint64 sequence = 0;
        bool deleted = false; ///< a tombstone: only item.id is set
        models::WorkItem item;
    };
    struct ChangePage
    {
        QList<Change> changes;
        qint64 lastSequence = 0; ///< the cursor to continue from
        bool hasMore = false;
    };
    /// The changes after sequence after, in sequence order, limited to the queues the
    /// viewer may see. A full sync (after == 0) leaves out tombstones.
    std::optional<ChangePage> changes(const models::User &viewer, qint64 after, int limit,
                                      store::StoreError *error = nullptr);
    /// Cursors below this cannot be honoured: tombstones up to it were purged.
    qint64 purgedThrough();
    /// The number of the latest change; a cursor beyond it was handed out by a newer
    /// state of this database (the gateway was restored from a backup since).
    std::optional<qint64> latestSequence(store::StoreError *error = nullptr);
    std::optional<models::WorkItem> item(const QString &id);
    QList<models::AuditEvent> history(const QString &itemId, store::StoreError *error = nullptr);
    QList<models::Payer> payers() { return m_items.payers(); }

    /// Gives count open items of a queue (and category) that no signing-in user owns to a
    /// user: demo data, so that everyone starts with work of their own.
    store::StoreError assignOpenItems(const QString &userId, models::Queue queue,
                                      std::optional<models::DenialCategory> category, int count);
    /// Whether every version of the item after `since` up to `current` came from its source
    /// updating fields it owns: an action based on `since` is then still based on what
    /// the person saw of the workflow, and is applied rather than refused as stale.
    bool changedOnlyBySource(const QString &itemId, qint64 since, qint64 current);
    /// Marks an item deleted (it leaves every view as a tombstone).
    store::StoreError removeItem(const QString &id);
    /// Deletes tombstones last changed before the given time; cursors older than the
    /// newest purged one then get "resync required".
    store::StoreError purgeTombstones(const QDateTime &changedBefore);
    /// Forgets idempotency keys older than the given time.
    store::StoreError purgeIdempotencyKeys(const QDateTime &createdBefore);

    // Actions.
    struct ActionOutcome
    {
        int status = 200;
        models::WorkItem item; ///< the item after the action (200, replay) or as it is now (412)
        std::optional<Problem> problem;
        bool replayed = false;
    };
    ActionOutcome applyAction(const models::User &actor, const QString &itemId, const QString &idempotencyKey,
                              const QByteArray &requestHash, qint64 expectedVersion, const ActionRequest &request,
                              const QDateTime &now);

    // Audit.
    /// The key every entry from the start of the keyed chain is signed with (the chain
    /// before schema 6 keeps its plain SHA-256 links). Without it no entry can be added.
    void setAuditKey(std::optional<AuditKey> key) { m_auditKey = std::move(key); }
    /// Loads the key file at path (creating it while the log holds no keyed entry yet) and
    /// sets it; false with why in *error. A log with keyed entries never gets a new key: a
    /// lost key file is restored from its backup, not silently replaced.
    bool loadAuditKey(const QString &path, QString *error);
    const AuditKey *auditKey() const { return m_auditKey ? &*m_auditKey : nullptr; }
    /// Where the chain ends now and where its keyed part starts: what a checkpoint records.
    std::optional<AuditCheckpoint> auditHead(store::StoreError *error = nullptr);
    struct AuditVerification
    {
        enum class Failure { None, Missing, Rewritten, Truncated, CheckpointTampered, NoKey, Unreadable };
        bool intact = true;
        qint64 entries = 0;
        qint64 firstBrokenSequence = 0;
        QString detail;
        Failure failure = Failure::None;
        std::optional<AuditCheckpoint> checkpoint; ///< the newest valid one it was checked against
    };
    /// Checks every link of the chain (the keyed part with key), then the log against the
    /// newest valid checkpoint: entries deleted from its end or rewritten show there.
    AuditVerification verifyAudit(const AuditKey *key, const AuditCheckpointFile::Reading *checkpoints);
    /// The same with this store's key and no checkpoints.
    AuditVerification verifyAudit() { return verifyAudit(auditKey(), nullptr); }
    /// Who read what, per session, until the upkeep writes it to the chain.
    ReadSummaries &readSummaries() { return m_readSummaries; }
    /// A session's name in the audit log: the start of its token's hash, never the token.
    static QString sessionReference(const QString &token);

    // Seeding.
    /// How seeded claims reach the claim register: written into it with the items, or
    /// left for the caller to send through the 837 intake (the demo does, server/democlaims.h).
    enum class SeedClaims { WithItems, Separately };
    store::StoreError seed(const synthetic::SyntheticGenerator &generator, qint64 itemCount,
                           const std::function<void(qint64)> &progress = {}, SeedClaims claims = SeedClaims::WithItems);

    /// Chains an entry for item onto the audit log (inside the caller's transaction): also
    /// how work the gateway creates, such as remittance exceptions, records why.
    store::StoreError appendAudit(const models::WorkItem &item, const models::User &actor, const ActionRequest &request,
                                  const QDateTime &now);
    /// The same for a subject that is not a work item (an export's "export:SHA256"; item ids
    /// never hold a colon), with the details as given.
    store::StoreError appendAuditEntry(const QString &subjectId, const QString &actorId, models::ActionType type,
                                       qint64 resultingVersion, const QJsonObject &details, const QDateTime &now);
    /// Several entries chained on in order, with one statement: what an intake that touches
    /// thousands of items in one transaction writes.
    struct AuditEntry
    {
        QString subjectId;
        QString actorId;
        models::ActionType type = models::ActionType::Note;
        qint64 resultingVersion = 0;
        QJsonObject details;
        QDateTime at;
        QByteArray detailsJson; ///< the details already written as compact JSON, instead of details
    };
    store::StoreError appendAuditEntries(std::span<const AuditEntry> entries);
    store::Database &database() { return m_database; }

private:
    std::optional<models::WorkItem> visibleItem(const QString &id);
    ActionContext contextFor(const models::WorkItem &item, const ActionRequest &request);

    std::optional<qint64> auditKeyedFrom();

    store::Database &m_database;
    store::WorkItemStore m_items;
    std::optional<AuditKey> m_auditKey;
    ReadSummaries m_readSummaries;
    DemoAccounts m_demoAccounts = DemoAccounts::Refused;
    std::function<QDateTime()> m_clock;
};

} // namespace rcm::server
