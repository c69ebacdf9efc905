// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"

#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>

#include <span>

namespace rcm::posting {

/// What a contract term pays by (docs/contracts.md).
enum class ContractTermKind {
    Fee, ///< a professional fee schedule amount per procedure (and modifier), per unit
    Drg, ///< an institutional case rate per diagnosis related group
    PerDiem, ///< an institutional amount per day of the statement period, by facility code
    PercentOfCharges, ///< a share of each line's charge
};

/// The kind's name in the contract file: "fee", "drg", "per_diem", "percent_of_charges".
QString contractTermKindName(ContractTermKind kind);
std::optional<ContractTermKind> contractTermKindFromName(QStringView name);

/// One row of a payer's contract: what it pays for one key (payer, kind, code, modifier)
/// over an effective period.
struct ContractTerm
{
    QString payerId;
    ContractTermKind kind = ContractTermKind::PercentOfCharges;
    /// fee: the procedure (CPT/HCPCS); drg: the DRG; per_diem: the claim's facility code
    /// (CLM05-1) or empty for any; percent_of_charges: "professional", "institutional" or
    /// empty for either form.
    QString code;
    QString modifier; ///< fee only: the procedure modifier, or empty for any
    models::Money amount; ///< fee, drg, per_diem
    int percentBasisPoints = 0; ///< percent_of_charges: hundredths of a percent (62.5% = 6250)
    QDate effectiveFrom;
    QDate effectiveTo; ///< the last day it applies; invalid when open-ended
    int lineNumber = 0; ///< in the file it was read from; 0 when not read from a file

    bool appliesOn(QDate date) const
    {
        return date.isValid() && effectiveFrom <= date && (!effectiveTo.isValid() || date <= effectiveTo);
    }
    /// Equal terms, wherever they were read from.
    bool sameTerm(const ContractTerm &other) const
    {
        return payerId == other.payerId && kind == other.kind && code == other.code && modifier == other.modifier
            && amount == other.amount && percentBasisPoints == other.percentBasisPoints
            && effectiveFrom == other.effectiveFrom && effectiveTo == other.effectiveTo;
    }
};

/// A bad row of a contract file: its line number (1 is the header) and what is wrong.
struct ContractFileProblem
{
    int lineNumber = 0;
    QString message;
};

/// A contract file read: every term, or, when any row is bad, no terms and every problem.
struct ContractFile
{
    QList<ContractTerm> terms;
    QList<ContractFileProblem> problems;

    bool isValid() const { return problems.isEmpty(); }
};

/// Reads a contract CSV (docs/contracts.md): UTF-8, RFC 4180 quoting, CRLF or LF, a header
/// row naming the columns payer_id, kind, code, modifier, amount, percent, effective_from
/// and effective_to in any order. Every bad row is reported with its line number, and
/// nothing is loaded when any row is bad.
ContractFile readContracts(QByteArrayView csv);

/// Writes terms as a contract CSV that readContracts reads back (LF line ends).
QByteArray writeContracts(std::span<const ContractTerm> terms);

/// Where a line's expected allowed amount came from.
enum class ContractBasis { None, FeeSchedule, DrgCaseRate, PerDiem, PercentOfCharges };

/// The expected allowed amount of each line of a claim (same order as Claim::lines); zero
/// where no contract term applies (unknown, as the claim register stores it).
struct ExpectedAllowed
{
    QList<models::Money> lines;
    ContractBasis basis = ContractBasis::None; ///< the claim's (professional: the first priced line's)
    models::Money total; ///< what the lines add up to
};

/// The contract's allowed amount for a claim and its primary payer on its service dates,
/// from terms (those of other payers are ignored). Professional lines: the fee schedule
/// (procedure with one of the line's modifiers, then the procedure with no modifier) times
/// units, else percent of charges. Institutional claims: the DRG case rate when the claim
/// has a DRG the contract prices, else the per diem times the days of the statement period,
/// else percent of charges; a claim-level amount is spread over the lines in proportion to
/// their charges, the last line taking the rounding. Percent of charges is charge cents
/// times basis points / 10,000, truncated to the cent, line by line.
ExpectedAllowed expectedAllowed(const models::Claim &claim, std::span<const ContractTerm> terms);

/// Fills in the allowed amount of every line that has none (zero) from the contract; lines
/// that carry one keep it. Returns how many lines were filled.
int applyContract(models::Claim &claim, std::span<const ContractTerm> terms);

} // namespace rcm::posting
