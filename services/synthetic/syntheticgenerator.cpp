// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticgenerator.h"

#include "services/synthetic/deterministicrandom.h"

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

using namespace rcm::models;

namespace {

struct PayerProfile
{
    const char16_t *id;
    const char16_t *name;
    PayerKind kind;
    int timelyFilingDays;
    int appealDays;
    int weight; ///< share of the payer mix
    int refundDays; ///< the contract's days to refund an overpayment; 0 where the law sets them
};

// Fictional plans. Filing and appeal limits follow the usual shape: Medicare a year from
// service and 120 days to appeal, Medicaid shorter, commercial contracts anywhere from
// 90 days to a year. Commercial contracts give 30 to 60 days to refund an overpayment;
// Medicare's and Medicaid's 60 days come from the law (42 CFR 401.305), not a contract.
constexpr std::array payerProfiles = {
    PayerProfile {u"MCR", u"Medicare (Synthetic MAC J99)", PayerKind::Medicare, 365, 120, 30, 0},
    PayerProfile {u"MCD", u"State Medicaid (Synthetic)", PayerKind::Medicaid, 180, 60, 17, 0},
    PayerProfile {u"MCA", u"Silverline Medicare Advantage", PayerKind::MedicareAdvantage, 365, 60, 10, 0},
    PayerProfile {u"BSH", u"Bluestone Health Plan", PayerKind::Commercial, 90, 180, 14, 30},
    PayerProfile {u"NWH", u"Northwind Health Partners", PayerKind::Commercial, 180, 180, 10, 45},
    PayerProfile {u"SMI", u"Summit Mutual Insurance", PayerKind::Commercial, 120, 60, 8, 60},
    PayerProfile {u"CET", u"Cascade Employers Trust", PayerKind::Commercial, 365, 180, 6, 45},
    PayerProfile {u"SELF", u"Self-pay", PayerKind::SelfPay, 0, 0, 5, 0},
};

struct FacilityProfile
{
    const char16_t *id;
    const char16_t *name;
    bool hospital;
    int weight;
};

constexpr std::array facilityProfiles = {
    FacilityProfile {u"RGH", u"Riverbend General Hospital", true, 26},
    FacilityProfile {u"LMC", u"Lakeshore Medical Center", true, 22},
    FacilityProfile {u"MVH", u"Mesa Valley Community Hospital", true, 14},
    FacilityProfile {u"ROC", u"Riverbend Orthopedic Clinic", false, 10},
    FacilityProfile {u"LCA", u"Lakeshore Cardiology Associates", false, 9},
    FacilityProfile {u"NOC", u"Northgate Oncology Center", false, 8},
    FacilityProfile {u"MVP", u"Mesa Valley Pediatrics", false, 6},
    FacilityProfile {u"EIC", u"Eastside Imaging Center", false, 5},
};

struct ReasonProfile
{
    const char16_t *group;
    const char16_t *carc;
    const char16_t *rarc; ///< empty or one remark code
};

struct FamilyProfile
{
    DenialCategory category;
    int weight;
    double riskFactor; ///< share of the balance likely lost if nobody acts
    std::array<ReasonProfile, 4> reasons;
};

// Denial families with CARC/RARC combinations payers actually send for them.
constexpr std::array denialFamilies = {
    FamilyProfile {DenialCategory::Eligibility,
                   22,
                   0.60,
                   {{{u"CO", u"27", u"N30"}, {u"CO", u"31", u""}, {u"PR", u"26", u"N30"}, {u"CO", u"177", u""}}}},
    FamilyProfile {DenialCategory::Authorization,
                   18,
                   0.70,
                   {{{u"CO", u"197", u"M62"}, {u"CO", u"15", u"M62"}, {u"CO", u"198", u"N54"}, {u"CO", u"197", u""}}}},
    FamilyProfile {DenialCategory::TimelyFiling,
                   8,
                   0.95,
                   {{{u"CO", u"29", u""}, {u"CO", u"29", u"N211"}, {u"CO", u"29", u""}, {u"CO", u"29", u""}}}},
    FamilyProfile {DenialCategory::Coding,
                   20,
                   0.35,
                   {{{u"CO", u"16", u"M51"}, {u"CO", u"11", u"M76"}, {u"CO", u"97", u"N20"}, {u"CO", u"4", u"M51"}}}},
    FamilyProfile {DenialCategory::Duplicate,
                   7,
                   0.10,
                   {{{u"OA", u"18", u""}, {u"CO", u"18", u"M86"}, {u"OA", u"18", u""}, {u"CO", u"18", u""}}}},
    FamilyProfile {DenialCategory::MedicalNecessity,
                   15,
                   0.55,
                   {{{u"CO", u"50", u"N115"}, {u"CO", u"50", u"N386"}, {u"CO", u"50", u""}, {u"PR", u"50", u""}}}},
    FamilyProfile {DenialCategory::CoordinationOfBenefits,
                   10,
                   0.30,
                   {{{u"CO", u"22", u"MA04"}, {u"OA", u"23", u""}, {u"CO", u"22", u"N4"}, {u"OA", u"23", u"MA04"}}}},
};

constexpr std::array<int, 3> queueWeights = {62, 18, 20}; // denial, authorization, remittance
constexpr std::array<int, 7> statusWeights = {30, 28, 12, 7, 5, 3, 15}; // in WorkItemStatus order

constexpr std::array<const char16_t *, 32> firstNames = {
    u"Maria",     u"James",   u"Linda",   u"Robert",  u"Patricia", u"Michael", u"Jennifer", u"David",
    u"Elizabeth", u"William", u"Barbara", u"Richard", u"Susan",    u"Joseph",  u"Jessica",  u"Thomas",
    u"Sarah",     u"Carlos",  u"Karen",   u"Daniel",  u"Nancy",    u"Matthew", u"Lisa",     u"Anthony",
    u"Sofia",     u"Mark",    u"Mei",     u"Ahmed",   u"Priya",    u"Kevin",   u"Olivia",   u"Jamal",
};

constexpr std::array<const char16_t *, 40> surnames = {
    u"Garcia",    u"Smith",    u"Johnson",   u"Williams", u"Brown",    u"Jones",    u"Miller",   u"Davis",
    u"Rodriguez", u"Martinez", u"Hernandez", u"Lopez",    u"Gonzalez", u"Wilson",   u"Anderson", u"Thomas",
    u"Taylor",    u"Moore",    u"Jackson",   u"Martin",   u"Lee",      u"Perez",    u"Thompson", u"White",
    u"Harris",    u"Sanchez",  u"Clark",     u"Ramirez",  u"Lewis",    u"Robinson", u"Walker",   u"Young",
    u"Nguyen",    u"Patel",    u"Kim",       u"Chen",     u"Okafor",   u"Kowalski", u"Schmidt",  u"Rossi",
};

template<typename Profile>
std::array<int, std::tuple_size_v<Profile>> weightsOf(const Profile &profiles)
{
    std::array<int, std::tuple_size_v<Profile>> weights {};
    for (std::size_t index = 0; index < profiles.size(); ++index)
        weights[index] = profiles[index].weight;
    return weights;
}

QString text(const char16_t *value)
{
    return QString::fromUtf16(value);
}

qint64 centsOf(double dollars)
{
    return static_cast<qint64>(std::llround(dollars * 100.0));
}

/// A 9-digit number unique per index: multiplying by a number coprime with 10^9 is a
/// bijection on [0, 10^9), so account numbers never repeat yet do not look sequential.
QString scrambledDigits(qint64 index, quint64 multiplier)
{
    const quint64 value = (static_cast<quint64>(index) * multiplier + 104729ULL) % 1000000000ULL;
    return QString::number(value).rightJustified(9, u'0');
}

/// The first draws of an item, in the order item() makes them: its queue, then its payer
/// (an index into payerProfiles). payerIndexOf() makes only these.
std::pair<Queue, std::size_t> drawQueueAndPayer(DeterministicRandom &random)
{
    const auto queue = static_cast<Queue>(random.weighted(queueWeights));
    const auto payer = static_cast<std::size_t>(random.weighted(weightsOf(payerProfiles)));
    return {queue, payer};
}

Priority priorityFor(Money atRisk, int daysToDeadline)
{
    // Once the deadline has passed the money can no longer be chased, only reviewed
    // for write-off: still work, but not the most urgent.
    if (daysToDeadline < 0)
        return atRisk.cents() < 10'000 ? Priority::Low : Priority::Normal;
    if (daysToDeadline <= 7 && atRisk.cents() >= 50'000)
        return Priority::Urgent;
    if (daysToDeadline <= 30 || atRisk.cents() >= 500'000)
        return Priority::High;
    if (atRisk.cents() < 10'000)
        return Priority::Low;
    return Priority::Normal;
}

} // namespace

SyntheticGenerator::SyntheticGenerator(Options options)
    : m_options(std::move(options))
{
    if (!m_options.asOf.isValid())
        m_options.asOf = QDate::currentDate();
    m_payers = makePayers();
    m_facilities = makeFacilities();
    m_users = makeUsers();
}

QList<Payer> SyntheticGenerator::makePayers() const
{
    QList<Payer> payers;
    for (const PayerProfile &profile : payerProfiles) {
        payers.append(
            {text(profile.id), text(profile.name), profile.kind, profile.timelyFilingDays, profile.appealDays});
    }
    return payers;
}

QList<Facility> SyntheticGenerator::makeFacilities() const
{
    QList<Facility> facilities;
    for (const FacilityProfile &profile : facilityProfiles)
        facilities.append({text(profile.id), text(profile.name), profile.hospital});
    return facilities;
}

QList<User> SyntheticGenerator::makeUsers() const
{
    // A team the size of one hospital's central business office.
    constexpr std::array<std::pair<Role, int>, 6> team = {{
        {Role::Biller, 10},
        {Role::Coder, 4},
        {Role::AuthorizationSpecialist, 3},
        {Role::CashPoster, 3},
        {Role::Supervisor, 2},
        {Role::Finance, 2},
    }};
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed, 0xC0FFEE);
    QList<User> users;
    int number = 1;
    for (const auto &[role, headcount] : team) {
        for (int member = 0; member < headcount; ++member, ++number) {
            const QString first = text(firstNames[static_cast<std::size_t>(random.below(int(firstNames.size())))]);
            const QString last = text(surnames[static_cast<std::size_t>(random.below(int(surnames.size())))]);
            User user;
            user.id = u"U%1"_s.arg(number, 3, 10, QChar(u'0'));
            user.username = (first.left(1) + last).toLower() + QString::number(number);
            user.displayName = first + u' ' + last;
            user.role = role;
            users.append(user);
        }
    }
    return users;
}

QList<SyntheticGenerator::RefundSetting> SyntheticGenerator::refundSettings() const
{
    QList<RefundSetting> settings;
    for (const PayerProfile &profile : payerProfiles) {
        if (profile.refundDays > 0)
            settings.append({text(profile.id), profile.refundDays});
    }
    return settings;
}

QString SyntheticGenerator::itemId(qint64 index)
{
    return u"WI-%1"_s.arg(index + 1, 8, 10, QChar(u'0'));
}

qsizetype SyntheticGenerator::payerIndexOf(qint64 index) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed, static_cast<quint64>(index) + 1);
    return static_cast<qsizetype>(drawQueueAndPayer(random).second);
}

std::optional<PayerKind> SyntheticGenerator::payerKindOf(QStringView payerId)
{
    for (const PayerProfile &profile : payerProfiles) {
        if (payerId == QStringView(profile.id))
            return profile.kind;
    }
    return std::nullopt;
}

bool SyntheticGenerator::isHospital(QStringView facilityId)
{
    for (const FacilityProfile &profile : facilityProfiles) {
        if (facilityId == QStringView(profile.id))
            return profile.hospital;
    }
    return false;
}

QList<WorkItem> SyntheticGenerator::items(qint64 first, qint64 count) const
{
    QList<WorkItem> result;
    result.reserve(count);
    for (qint64 index = first; index < first + count; ++index)
        result.append(item(index));
    return result;
}

WorkItem SyntheticGenerator::item(qint64 index) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed, static_cast<quint64>(index) + 1);
    WorkItem item;
    item.id = itemId(index);
    const auto [queue, payerIndex] = drawQueueAndPayer(random);
    item.queue = queue;

    const PayerProfile &payer = payerProfiles[payerIndex];
    const FacilityProfile &facility
        = facilityProfiles[static_cast<std::size_t>(random.weighted(weightsOf(facilityProfiles)))];
    item.payerId = text(payer.id);
    item.payerName = text(payer.name);
    item.facilityId = text(facility.id);

    const QString first = text(firstNames[static_cast<std::size_t>(random.below(int(firstNames.size())))]);
    const QString last = text(surnames[static_cast<std::size_t>(random.below(int(surnames.size())))]);
    const QChar middle(u'A' + random.below(26));
    // "Zz" marks a test patient, as EHR test patients are marked, yet reads like a name.
    item.patientDisplayName = u"Zz%1, %2 %3."_s.arg(last.toLower(), first, middle);
    item.claimNumber = text(facility.id) + QString::number(item.queue == Queue::Authorization ? 7 : 2)
        + scrambledDigits(index, 7919ULL);
    item.accountNumber = u"HAR"_s + scrambledDigits(index, 104723ULL);

    // Services mostly within the last six months; the rare older ones are drawn again
    // rather than clamped, so that no single date collects the tail.
    int serviceAge = 0;
    do {
        serviceAge = 5 + static_cast<int>(random.logNormal(55.0, 0.8));
    } while (serviceAge > 420);
    item.serviceFrom = m_options.asOf.addDays(-serviceAge);
    item.serviceTo
        = facility.hospital && random.chance(0.35) ? item.serviceFrom.addDays(random.between(1, 6)) : item.serviceFrom;
    const double billed = facility.hospital ? random.logNormal(2400.0, 1.15) : random.logNormal(320.0, 0.85);
    item.billed = Money::fromCents(std::clamp<qint64>(centsOf(billed), 2'500, 75'000'000));

    // The payer answered two to six weeks after the claim went out.
    const QDate noticed = std::min(m_options.asOf, item.serviceTo.addDays(random.between(14, 45)));
    double riskFactor = 0.5;
    switch (item.queue) {
    case Queue::Denial: {
        const FamilyProfile &family
            = denialFamilies[static_cast<std::size_t>(random.weighted(weightsOf(denialFamilies)))];
        const ReasonProfile &reason = family.reasons[static_cast<std::size_t>(random.below(4))];
        item.denialCategory = family.category;
        item.groupCode = text(reason.group);
        item.carc = text(reason.carc);
        if (*reason.rarc)
            item.rarcs = {text(reason.rarc)};
        item.balance = Money::fromCents(item.billed.cents() * random.between(70, 100) / 100);
        riskFactor = family.riskFactor;
        break;
    }
    case Queue::Authorization: {
        item.denialCategory = DenialCategory::Authorization;
        if (random.chance(0.4)) { // already denied; otherwise held before billing
            item.groupCode = u"CO"_s;
            item.carc = random.chance(0.7) ? u"197"_s : u"198"_s;
            item.rarcs = {u"M62"_s};
        }
        item.balance = item.billed;
        riskFactor = 0.7;
        break;
    }
    case Queue::Remittance: {
        const bool underpaid = random.chance(0.55);
        item.denialCategory = underpaid ? DenialCategory::Underpayment : DenialCategory::Other;
        if (underpaid) {
            item.groupCode = u"CO"_s;
            item.carc = u"45"_s;
            item.balance = Money::fromCents(item.billed.cents() * random.between(4, 30) / 100);
        } else {
            item.balance = Money::fromCents(item.billed.cents() * random.between(20, 100) / 100);
        }
        riskFactor = 0.4;
        break;
    }
    case Queue::ClaimRejection: // never drawn: rejections come in as acknowledgments (999, 277CA)
        item.balance = item.billed;
        riskFactor = 0.9;
        break;
    }
    item.atRisk
        = Money::fromCents(static_cast<qint64>(std::llround(static_cast<double>(item.balance.cents()) * riskFactor)));

    if (payer.timelyFilingDays > 0)
        item.timelyFilingDeadline = item.serviceFrom.addDays(payer.timelyFilingDays);
    if (payer.appealDays > 0 && item.queue != Queue::Authorization)
        item.appealDeadline = noticed.addDays(payer.appealDays);

    QDate deadline = item.appealDeadline.isValid() ? item.appealDeadline : item.timelyFilingDeadline;
    if (item.timelyFilingDeadline.isValid() && item.queue == Queue::Authorization)
        deadline = item.timelyFilingDeadline;
    item.dueDate = noticed.addDays(random.between(7, 30));
    if (deadline.isValid() && deadline.addDays(-5) < item.dueDate)
        item.dueDate = deadline.addDays(-5);
    const int daysToDeadline = deadline.isValid() ? static_cast<int>(m_options.asOf.daysTo(deadline)) : 365;
    item.priority = priorityFor(item.atRisk, daysToDeadline);

    item.status = static_cast<WorkItemStatus>(random.weighted(statusWeights));
    const bool unassigned = item.status == WorkItemStatus::New && random.chance(0.7);
    if (!unassigned) {
        Role role = Role::Biller;
        if (item.queue == Queue::Authorization)
            role = Role::AuthorizationSpecialist;
        else if (item.queue == Queue::Remittance)
            role = Role::CashPoster;
        else if (item.denialCategory == DenialCategory::Coding)
            role = Role::Coder;
        QList<const User *> candidates;
        for (const User &user : m_users) {
            if (user.role == role)
                candidates.append(&user);
        }
        item.ownerId = candidates.at(random.below(int(candidates.size())))->id;
    }

    const QTime created(random.between(7, 17), random.below(60), random.below(60), random.below(1000));
    item.createdAt = QDateTime(noticed, created, Qt::UTC);
    const qint64 touchedSeconds
        = std::min<qint64>(static_cast<qint64>(noticed.daysTo(m_options.asOf)) * 86400, random.between(0, 20 * 86400));
    item.version = item.status == WorkItemStatus::New ? 1 : random.between(2, 7);
    item.updatedAt = item.version == 1 ? item.createdAt : item.createdAt.addSecs(touchedSeconds);
    return item;
}

} // namespace rcm::synthetic
