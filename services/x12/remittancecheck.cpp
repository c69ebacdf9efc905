// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/remittancecheck.h"

#include "services/x12/balancing.h"
#include "services/x12/reasoncodecheck.h"
#include "services/x12/remittancereader.h"

#include <algorithm>

namespace rcm::x12 {

namespace {

void sortBySegment(QList<Defect> &defects)
{
    std::stable_sort(defects.begin(), defects.end(),
                     [](const Defect &left, const Defect &right) { return left.segmentNumber < right.segmentNumber; });
}

} // namespace

bool CheckedRemittance::isBalanced() const
{
    return x12::isBalanced(balanceDefects);
}

QList<Defect> CheckedRemittance::defects() const
{
    QList<Defect> all = remittance.defects + balanceDefects + reasonCodeDefects;
    sortBySegment(all);
    return all;
}

QList<Defect> RemittanceCheck::defects() const
{
    QList<Defect> all = fileDefects;
    for (const CheckedRemittance &transaction : transactions)
        all += transaction.defects();
    sortBySegment(all);
    return all;
}

bool RemittanceCheck::hasErrors() const
{
    return x12::hasErrors(defects());
}

CheckedRemittance checkRemittance(Remittance remittance, const reference::ReasonCodeCatalogue &catalogue)
{
    CheckedRemittance checked;
    checked.balanceDefects = checkBalance(remittance);
    checked.reasonCodeDefects = checkReasonCodes(remittance, catalogue);
    checked.remittance = std::move(remittance);
    return checked;
}

RemittanceCheck checkRemittances(QIODevice *device, const reference::ReasonCodeCatalogue &catalogue)
{
    RemittanceCheck check;
    RemittanceReader reader(device);
    Remittance remittance;
    while (reader.readNext(remittance))
        check.transactions.append(checkRemittance(std::move(remittance), catalogue));
    check.fileDefects = reader.fileDefects();
    return check;
}

} // namespace rcm::x12
