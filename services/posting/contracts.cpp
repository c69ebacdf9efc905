// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/contracts.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::posting {

using models::Claim;
using models::ClaimForm;
using models::ClaimLine;
using models::Money;

namespace {

constexpr std::array<QStringView, 8> columnNames
    = {u"payer_id", u"kind", u"code", u"modifier", u"amount", u"effective_from", u"effective_to", u"percent"};
enum Column { PayerId, Kind, Code, Modifier, Amount, EffectiveFrom, EffectiveTo, Percent };

struct Record
{
    int lineNumber = 0;
    QStringList fields;
};

/// Splits RFC 4180 CSV into records, each with the line it starts on. A quoted field may
/// hold commas, doubled quotes and line breaks.
QList<Record> splitRecords(const QString &text, QList<ContractFileProblem> &problems)
{
    QList<Record> records;
    Record record;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    record.lineNumber = 1;
    bool recordHasContent = false;
    auto endField = [&] {
        record.fields.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (recordHasContent || record.fields.size() > 1 || !record.fields.constFirst().isEmpty())
            records.append(record);
        record = Record();
        recordHasContent = false;
    };
    for (qsizetype index = 0; index < text.size(); ++index) {
        const QChar character = text.at(index);
        if (quoted) {
            if (character == u'"') {
                if (index + 1 < text.size() && text.at(index + 1) == u'"') {
                    field += u'"';
                    ++index;
                } else {
                    quoted = false;
                }
            } else {
                if (character == u'\n')
                    ++line;
                field += character;
            }
            continue;
        }
        if (character == u'"') {
            if (!field.isEmpty() || fieldWasQuoted) {
                problems.append({line,
                                 u"A quote appears inside a field that does not start with one; quote the "
                                 "whole field and double the quotes inside it."_s});
                return {};
            }
            quoted = true;
            fieldWasQuoted = true;
            recordHasContent = true;
        } else if (character == u',') {
            endField();
            recordHasContent = true;
        } else if (character == u'\r' && index + 1 < text.size() && text.at(index + 1) == u'\n') {
            continue; // CRLF: the LF ends the record
        } else if (character == u'\n') {
            endRecord();
            record.lineNumber = ++line;
        } else {
            if (fieldWasQuoted) {
                problems.append({line, u"Text follows a closing quote; quote the whole field."_s});
                return {};
            }
            field += character;
        }
    }
    if (quoted) {
        problems.append({record.lineNumber, u"A quoted field is never closed."_s});
        return {};
    }
    endRecord();
    return records;
}

std::optional<Money> positiveAmount(const QString &text)
{
    const std::optional<Money> amount = Money::fromString(text);
    if (!amount || amount->cents() <= 0 || !amount->isWithinCap())
        return std::nullopt;
    return amount;
}

/// "62.5" -> 6250 basis points: a share above 0 and at most 100, two decimals at most.
std::optional<int> basisPoints(const QString &text)
{
    static const QRegularExpression pattern(u"^([0-9]{1,3})(?:\\.([0-9]{1,2}))?$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int points = match.captured(1).toInt() * 100 + match.captured(2).leftJustified(2, u'0').toInt();
    if (points <= 0 || points > 10000)
        return std::nullopt;
    return points;
}

QString formName(const QString &code)
{
    return code.isEmpty() ? u"either claim form"_s : code + u" claims"_s;
}

/// The term's key, which one period of the file may price only once.
QString keyOf(const ContractTerm &term)
{
    return term.payerId + u'\x1f' + contractTermKindName(term.kind) + u'\x1f' + term.code + u'\x1f' + term.modifier;
}

QString describeKey(const ContractTerm &term)
{
    QString text = u"payer %1's %2"_s.arg(term.payerId, contractTermKindName(term.kind));
    if (term.kind == ContractTermKind::PercentOfCharges)
        return text + u" for "_s + formName(term.code);
    if (!term.code.isEmpty())
        text += u" "_s + term.code;
    if (!term.modifier.isEmpty())
        text += u" modifier "_s + term.modifier;
    return text;
}

/// Checks one row, appending what is wrong with it; the term when nothing is.
std::optional<ContractTerm> readRow(const Record &record, const std::array<qsizetype, 8> &columns,
                                    QList<ContractFileProblem> &problems)
{
    auto value = [&](Column column) {
        return record.fields.value(columns.at(column)).trimmed();
    };
    QStringList wrong;
    ContractTerm term;
    term.lineNumber = record.lineNumber;
    term.payerId = value(PayerId);
    if (term.payerId.isEmpty())
        wrong << u"the payer_id is empty"_s;
    const std::optional<ContractTermKind> kind = contractTermKindFromName(value(Kind));
    if (!kind) {
        wrong << u"the kind \"%1\" is unknown (use fee, drg, per_diem or percent_of_charges)"_s.arg(value(Kind));
    } else {
        term.kind = *kind;
    }
    term.code = value(Code);
    term.modifier = value(Modifier).toUpper();
    const QString amount = value(Amount);
    const QString percent = value(Percent);
    static const QRegularExpression procedure(u"^[A-Za-z0-9]{5}$"_s);
    static const QRegularExpression modifier(u"^[A-Za-z0-9]{2}$"_s);
    static const QRegularExpression drg(u"^[0-9]{1,4}$"_s);
    if (kind) {
        const bool pricedByAmount = *kind != ContractTermKind::PercentOfCharges;
        if (pricedByAmount) {
            if (const std::optional<Money> money = positiveAmount(amount))
                term.amount = *money;
            else if (amount.isEmpty())
                wrong << u"a %1 row needs an amount"_s.arg(value(Kind));
            else
                wrong << u"the amount \"%1\" is not a dollar amount above zero with at most two decimals"_s.arg(amount);
            if (!percent.isEmpty())
                wrong << u"a %1 row has no percent (it pays the amount)"_s.arg(value(Kind));
        } else {
            if (const std::optional<int> points = basisPoints(percent))
                term.percentBasisPoints = *points;
            else if (percent.isEmpty())
                wrong << u"a percent_of_charges row needs a percent"_s;
            else
                wrong << u"the percent \"%1\" is not a number above 0 and at most 100 with at most two decimals"_s.arg(
                    percent);
            if (!amount.isEmpty())
                wrong << u"a percent_of_charges row has no amount (it pays the percent)"_s;
        }
        switch (*kind) {
        case ContractTermKind::Fee:
            term.code = term.code.toUpper();
            if (!procedure.match(term.code).hasMatch())
                wrong << u"the procedure code \"%1\" is not five letters or digits"_s.arg(term.code);
            if (!term.modifier.isEmpty() && !modifier.match(term.modifier).hasMatch())
                wrong << u"the modifier \"%1\" is not two letters or digits"_s.arg(term.modifier);
            break;
        case ContractTermKind::Drg:
            if (!drg.match(term.code).hasMatch())
                wrong << u"the DRG \"%1\" is not one to four digits"_s.arg(term.code);
            else
                term.code = QString::number(term.code.toInt()).rightJustified(3, u'0');
            break;
        case ContractTermKind::PerDiem:
            if (term.code.size() > 4)
                wrong << u"the facility code \"%1\" is longer than four characters"_s.arg(term.code);
            break;
        case ContractTermKind::PercentOfCharges:
            term.code = term.code.toLower();
            if (!term.code.isEmpty() && term.code != u"professional"_s && term.code != u"institutional"_s)
                wrong << u"the code of a percent_of_charges row is professional, institutional or empty, not \"%1\""_s
                             .arg(term.code);
            break;
        }
        if (*kind != ContractTermKind::Fee && !term.modifier.isEmpty())
            wrong << u"only fee rows have a modifier"_s;
    }
    term.effectiveFrom = QDate::fromString(value(EffectiveFrom), Qt::ISODate);
    if (!term.effectiveFrom.isValid())
        wrong << u"the effective_from \"%1\" is not a date (YYYY-MM-DD)"_s.arg(value(EffectiveFrom));
    if (!value(EffectiveTo).isEmpty()) {
        term.effectiveTo = QDate::fromString(value(EffectiveTo), Qt::ISODate);
        if (!term.effectiveTo.isValid())
            wrong << u"the effective_to \"%1\" is not a date (YYYY-MM-DD), nor empty"_s.arg(value(EffectiveTo));
        else if (term.effectiveFrom.isValid() && term.effectiveTo < term.effectiveFrom)
            wrong << u"it ends (effective_to) before it starts (effective_from)"_s;
    }
    if (wrong.isEmpty())
        return term;
    QString sentence = wrong.join(u"; "_s) + u'.';
    sentence[0] = sentence.at(0).toUpper();
    problems.append({record.lineNumber, sentence});
    return std::nullopt;
}

bool overlaps(const ContractTerm &a, const ContractTerm &b)
{
    const bool aEndsBefore = a.effectiveTo.isValid() && a.effectiveTo < b.effectiveFrom;
    const bool bEndsBefore = b.effectiveTo.isValid() && b.effectiveTo < a.effectiveFrom;
    return !aEndsBefore && !bEndsBefore;
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString percentText(int basisPoints)
{
    QString text = QString::number(basisPoints / 100);
    if (basisPoints % 100 != 0)
        text += u'.' + QString::number(basisPoints % 100).rightJustified(2, u'0');
    return text;
}

// Pricing.

const ContractTerm *findTerm(std::span<const ContractTerm> terms, const QString &payerId, ContractTermKind kind,
                             const QString &code, const QString &modifier, QDate on)
{
    for (const ContractTerm &term : terms) {
        if (term.kind == kind && term.payerId == payerId && term.code == code && term.modifier == modifier
            && term.appliesOn(on))
            return &term;
    }
    return nullptr;
}

/// charge x basis points / 10,000, truncated to the cent.
Money percentOf(Money charge, int basisPoints)
{
    return Money::fromCents(charge.cents() * basisPoints / 10000);
}

const ContractTerm *percentTerm(std::span<const ContractTerm> terms, const Claim &claim, QDate on)
{
    const QString form = claim.form == ClaimForm::Institutional ? u"institutional"_s : u"professional"_s;
    if (const ContractTerm *specific = findTerm(terms, claim.payerId, ContractTermKind::PercentOfCharges, form, {}, on))
        return specific;
    return findTerm(terms, claim.payerId, ContractTermKind::PercentOfCharges, {}, {}, on);
}

QDate lineDate(const Claim &claim, const ClaimLine &line)
{
    return line.serviceDate.isValid() ? line.serviceDate : claim.statementFrom;
}

ExpectedAllowed professional(const Claim &claim, std::span<const ContractTerm> terms)
{
    ExpectedAllowed result;
    for (const ClaimLine &line : claim.lines) {
        const QDate on = lineDate(claim, line);
        const ContractTerm *fee = nullptr;
        for (const QString &lineModifier : line.modifiers) {
            if ((fee = findTerm(terms, claim.payerId, ContractTermKind::Fee, line.procedureCode.toUpper(),
                                lineModifier.toUpper(), on)))
                break;
        }
        if (!fee)
            fee = findTerm(terms, claim.payerId, ContractTermKind::Fee, line.procedureCode.toUpper(), {}, on);
        Money allowed;
        ContractBasis basis = ContractBasis::None;
        if (fee) {
            allowed = Money::fromCents(fee->amount.cents() * std::max(line.units, 1));
            basis = ContractBasis::FeeSchedule;
        } else if (const ContractTerm *percent = percentTerm(terms, claim, on)) {
            allowed = percentOf(line.charge, percent->percentBasisPoints);
            basis = ContractBasis::PercentOfCharges;
        }
        if (result.basis == ContractBasis::None)
            result.basis = basis;
        result.lines.append(allowed);
        result.total += allowed;
    }
    return result;
}

// Capped amounts times capped charges need more than 64 bits before the division.
__extension__ using Wide = __int128;

/// A claim-level amount over the lines, in proportion to their charges; the last line
/// takes what truncation left, so the lines add up to the amount.
QList<Money> spread(const Claim &claim, Money amount)
{
    QList<Money> shares(claim.lines.size());
    if (shares.isEmpty())
        return shares;
    const qint64 charges = claim.charge().cents();
    qint64 remaining = amount.cents();
    for (qsizetype index = 0; index + 1 < shares.size(); ++index) {
        const qint64 share = charges > 0
            ? static_cast<qint64>(Wide(amount.cents()) * claim.lines.at(index).charge.cents() / charges)
            : 0;
        shares[index] = Money::fromCents(share);
        remaining -= share;
    }
    shares.last() = Money::fromCents(remaining);
    return shares;
}

ExpectedAllowed institutional(const Claim &claim, std::span<const ContractTerm> terms)
{
    ExpectedAllowed result;
    // The contract in force when the stay began: the statement period's start, else the
    // first service date.
    QDate on = claim.statementFrom;
    for (const ClaimLine &line : claim.lines) {
        if (!claim.statementFrom.isValid() && line.serviceDate.isValid() && (!on.isValid() || line.serviceDate < on))
            on = line.serviceDate;
    }
    static const QRegularExpression digits(u"^[0-9]{1,4}$"_s);
    const QString drg = digits.match(claim.drg.trimmed()).hasMatch()
        ? QString::number(claim.drg.trimmed().toInt()).rightJustified(3, u'0')
        : claim.drg.trimmed();
    if (!drg.isEmpty()) {
        if (const ContractTerm *rate = findTerm(terms, claim.payerId, ContractTermKind::Drg, drg, {}, on)) {
            result.lines = spread(claim, rate->amount);
            result.total = rate->amount;
            result.basis = ContractBasis::DrgCaseRate;
            return result;
        }
    }
    if (claim.statementFrom.isValid() && claim.statementTo.isValid() && claim.statementTo >= claim.statementFrom) {
        const ContractTerm *perDiem
            = findTerm(terms, claim.payerId, ContractTermKind::PerDiem, claim.facilityCode.trimmed(), {}, on);
        if (!perDiem)
            perDiem = findTerm(terms, claim.payerId, ContractTermKind::PerDiem, {}, {}, on);
        if (perDiem) {
            // Days of care: the day of discharge is not one, but a stay is at least a day.
            const qint64 days = std::max<qint64>(1, claim.statementFrom.daysTo(claim.statementTo));
            result.total = Money::fromCents(perDiem->amount.cents() * days);
            result.lines = spread(claim, result.total);
            result.basis = ContractBasis::PerDiem;
            return result;
        }
    }
    for (const ClaimLine &line : claim.lines) {
        Money allowed;
        const QDate lineOn = lineDate(claim, line);
        if (const ContractTerm *percent = percentTerm(terms, claim, lineOn.isValid() ? lineOn : on)) {
            allowed = percentOf(line.charge, percent->percentBasisPoints);
            result.basis = ContractBasis::PercentOfCharges;
        }
        result.lines.append(allowed);
        result.total += allowed;
    }
    return result;
}

} // namespace

QString contractTermKindName(ContractTermKind kind)
{
    switch (kind) {
    case ContractTermKind::Fee:
        return u"fee"_s;
    case ContractTermKind::Drg:
        return u"drg"_s;
    case ContractTermKind::PerDiem:
        return u"per_diem"_s;
    case ContractTermKind::PercentOfCharges:
        return u"percent_of_charges"_s;
    }
    return {};
}

std::optional<ContractTermKind> contractTermKindFromName(QStringView name)
{
    for (ContractTermKind kind : {ContractTermKind::Fee, ContractTermKind::Drg, ContractTermKind::PerDiem,
                                  ContractTermKind::PercentOfCharges}) {
        if (name.compare(contractTermKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

ContractFile readContracts(QByteArrayView csv)
{
    ContractFile file;
    QByteArrayView bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        file.problems.append({1, u"The file is not UTF-8 text."_s});
        return file;
    }
    const QList<Record> records = splitRecords(text, file.problems);
    if (!file.problems.isEmpty())
        return file;
    if (records.isEmpty()) {
        file.problems.append({1, u"The file is empty: it needs a header row and at least one contract row."_s});
        return file;
    }
    // The header: every column once, in any order.
    const Record &header = records.constFirst();
    std::array<qsizetype, 8> columns {};
    columns.fill(-1);
    QStringList headerProblems;
    for (qsizetype index = 0; index < header.fields.size(); ++index) {
        const QString name = header.fields.at(index).trimmed().toLower();
        const auto known = std::find(columnNames.begin(), columnNames.end(), name);
        if (known == columnNames.end())
            headerProblems << u"the column \"%1\" is unknown"_s.arg(header.fields.at(index));
        else if (columns.at(std::size_t(known - columnNames.begin())) >= 0)
            headerProblems << u"the column %1 appears twice"_s.arg(name);
        else
            columns.at(std::size_t(known - columnNames.begin())) = index;
    }
    for (std::size_t column = 0; column < columnNames.size(); ++column) {
        if (columns.at(column) < 0)
            headerProblems << u"the header has no %1 column"_s.arg(columnNames.at(column));
    }
    if (!headerProblems.isEmpty()) {
        QString sentence = headerProblems.join(u"; "_s)
            + u" (the header row names payer_id, kind, code, modifier, amount, percent, effective_from and "
              "effective_to)."_s;
        sentence[0] = sentence.at(0).toUpper();
        file.problems.append({header.lineNumber, sentence});
        return file;
    }
    if (records.size() == 1) {
        file.problems.append({1, u"The file has a header but no contract rows."_s});
        return file;
    }
    QHash<QString, QList<qsizetype>> byKey; // index into file.terms
    for (qsizetype index = 1; index < records.size(); ++index) {
        const Record &record = records.at(index);
        if (record.fields.size() != header.fields.size()) {
            file.problems.append({record.lineNumber,
                                  u"The row has %1 fields where the header has %2."_s.arg(
                                      QString::number(record.fields.size()), QString::number(header.fields.size()))});
            continue;
        }
        std::optional<ContractTerm> term = readRow(record, columns, file.problems);
        if (!term)
            continue;
        QList<qsizetype> &same = byKey[keyOf(*term)];
        bool clash = false;
        for (const qsizetype earlier : std::as_const(same)) {
            if (overlaps(file.terms.at(earlier), *term)) {
                file.problems.append(
                    {record.lineNumber,
                     u"Its effective dates overlap those of line %1 for %2: a period may have one term."_s.arg(
                         QString::number(file.terms.at(earlier).lineNumber), describeKey(*term))});
                clash = true;
                break;
            }
        }
        if (clash)
            continue;
        same.append(file.terms.size());
        file.terms.append(std::move(*term));
    }
    if (!file.problems.isEmpty())
        file.terms.clear();
    return file;
}

QByteArray writeContracts(std::span<const ContractTerm> terms)
{
    QString text = u"payer_id,kind,code,modifier,amount,percent,effective_from,effective_to\n"_s;
    for (const ContractTerm &term : terms) {
        const bool byPercent = term.kind == ContractTermKind::PercentOfCharges;
        text += QStringList {csvField(term.payerId),
                             contractTermKindName(term.kind),
                             csvField(term.code),
                             csvField(term.modifier),
                             byPercent ? QString() : term.amount.toString(),
                             byPercent ? percentText(term.percentBasisPoints) : QString(),
                             term.effectiveFrom.toString(Qt::ISODate),
                             term.effectiveTo.isValid() ? term.effectiveTo.toString(Qt::ISODate) : QString()}
                    .join(u',')
            + u'\n';
    }
    return text.toUtf8();
}

ExpectedAllowed expectedAllowed(const Claim &claim, std::span<const ContractTerm> terms)
{
    return claim.form == ClaimForm::Institutional ? institutional(claim, terms) : professional(claim, terms);
}

int applyContract(Claim &claim, std::span<const ContractTerm> terms)
{
    bool missing = false;
    for (const ClaimLine &line : std::as_const(claim.lines))
        missing = missing || line.allowed.isZero();
    if (!missing)
        return 0;
    const ExpectedAllowed expected = expectedAllowed(claim, terms);
    int filled = 0;
    for (qsizetype index = 0; index < claim.lines.size(); ++index) {
        ClaimLine &line = claim.lines[index];
        if (line.allowed.isZero() && !expected.lines.at(index).isZero()) {
            line.allowed = expected.lines.at(index);
            ++filled;
        }
    }
    return filled;
}

} // namespace rcm::posting
