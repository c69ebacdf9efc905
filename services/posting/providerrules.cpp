// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/providerrules.h"

#include <array>

namespace rcm::posting {

namespace {

using Kind = ProviderAdjustmentRule::Kind;

struct Row
{
    QStringView code;
    Kind kind;
    bool needsAction;
};

// PLB03-1 adjustment reason codes of 005010X221A1 (code source 1566 subset). needsAction
// says whether a person must do something beyond recording it: a recoupment is verified
// against its claim, a levy or a periodic interim payment only goes to the ledger.
constexpr std::array rows = {
    Row {u"L6", Kind::Interest, false},         Row {u"FB", Kind::ForwardBalance, true},
    Row {u"WO", Kind::Recoupment, true},        Row {u"WU", Kind::Recoupment, true},
    Row {u"RA", Kind::Recoupment, true},        Row {u"TL", Kind::Recoupment, true},
    Row {u"OB", Kind::Recoupment, true},        Row {u"50", Kind::Recoupment, true},
    Row {u"51", Kind::Recoupment, true},        Row {u"L3", Kind::Recoupment, true},
    Row {u"J1", Kind::Recoupment, true},        Row {u"CS", Kind::Recoupment, true},
    Row {u"72", Kind::AuthorizedReturn, false}, Row {u"LE", Kind::Withholding, false},
    Row {u"IR", Kind::Withholding, false},      Row {u"E3", Kind::Withholding, false},
    Row {u"SL", Kind::Withholding, false},      Row {u"PI", Kind::Settlement, false},
    Row {u"IS", Kind::Settlement, false},       Row {u"PL", Kind::Settlement, false},
    Row {u"LS", Kind::Settlement, false},       Row {u"CT", Kind::Settlement, false},
    Row {u"CR", Kind::Settlement, false},       Row {u"BN", Kind::Settlement, false},
    Row {u"IP", Kind::Settlement, false},       Row {u"B2", Kind::Settlement, false},
    Row {u"B3", Kind::Settlement, false},       Row {u"90", Kind::Settlement, false},
    Row {u"C5", Kind::Settlement, false},       Row {u"AH", Kind::Settlement, false},
    Row {u"AM", Kind::Settlement, false},       Row {u"AP", Kind::Settlement, false},
    Row {u"BD", Kind::Settlement, false},       Row {u"FC", Kind::Settlement, false},
    Row {u"RE", Kind::Settlement, false},       Row {u"CV", Kind::Settlement, false},
    Row {u"CW", Kind::Settlement, false},       Row {u"DM", Kind::Settlement, false},
    Row {u"GO", Kind::Settlement, false},       Row {u"HM", Kind::Settlement, false},
    Row {u"OA", Kind::Settlement, false},
};

QLatin1StringView nameOf(Kind kind)
{
    switch (kind) {
    case Kind::Interest:
        return QLatin1StringView("interest");
    case Kind::ForwardBalance:
        return QLatin1StringView("forward-balance");
    case Kind::Recoupment:
        return QLatin1StringView("recoupment");
    case Kind::AuthorizedReturn:
        return QLatin1StringView("authorized-return");
    case Kind::Withholding:
        return QLatin1StringView("withholding");
    case Kind::Settlement:
        return QLatin1StringView("settlement");
    case Kind::Unknown:
        break;
    }
    return QLatin1StringView("unknown");
}

} // namespace

ProviderAdjustmentRule providerAdjustmentRule(QStringView reasonCode)
{
    for (const Row &row : rows) {
        if (row.code == reasonCode)
            return {row.kind, nameOf(row.kind), row.needsAction};
    }
    return {Kind::Unknown, nameOf(Kind::Unknown), true};
}

} // namespace rcm::posting
