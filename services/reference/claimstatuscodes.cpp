// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reference/claimstatuscodes.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reference {

namespace {

struct Category
{
    const char16_t *code;
    const char16_t *label;
    const char16_t *text;
};

// Claim status category codes (code list 507), in our words.
constexpr Category categoryTable[] = {
    {u"A0", u"Forwarded", u"received and passed on to another party (the entity named)"},
    {u"A1", u"Received", u"received; this does not yet mean it was accepted for processing"},
    {u"A2", u"Accepted", u"accepted into the payer's adjudication system"},
    {u"A3", u"Rejected", u"returned as unprocessable: it was not entered for adjudication"},
    {u"A4", u"Not found", u"the payer cannot find the claim in its adjudication system"},
    {u"A5", u"Split", u"accepted and split into more than one claim by the payer"},
    {u"A6", u"Rejected, information missing", u"rejected because information is missing (named in the status)"},
    {u"A7", u"Rejected, information invalid", u"rejected because information is invalid (named in the status)"},
    {u"A8", u"Rejected, fields contradict", u"rejected because two related fields contradict each other"},
    {u"D0", u"No status", u"the payer found no claim matching the search"},
    {u"E0", u"Error", u"no answer possible: the request sent had an error"},
    {u"E1", u"Error", u"no answer possible: the payer's system is unavailable"},
    {u"E2", u"Error", u"the party holding the information is not responding; try again later"},
    {u"E3", u"Correction needed", u"related fields contradict each other; correct and send again"},
    {u"E4", u"Correction needed", u"a trading partner agreement requirement is not met; correct the data"},
    {u"F0", u"Finalized", u"adjudication is complete and no more action will be taken"},
    {u"F1", u"Paid", u"finalized: the claim or line was paid"},
    {u"F2", u"Denied", u"finalized: the claim or line was denied"},
    {u"F3", u"Revised", u"finalized: the adjudication was changed"},
    {u"F3F", u"Forwarded", u"finalized and forwarded to the next payer"},
    {u"F3N", u"Not forwarded", u"finalized and not forwarded to a next payer"},
    {u"F4", u"Finalized", u"adjudicated; no payment will follow"},
    {u"P0", u"Pending", u"pending adjudication"},
    {u"P1", u"Pending", u"in process in the adjudication system"},
    {u"P2", u"Pending", u"held for payer review (medical review, repricing, ...)"},
    {u"P3", u"Pending", u"waiting for information already asked of the provider"},
    {u"P4", u"Pending", u"waiting for information already asked of the patient"},
    {u"P5", u"Pending", u"on an administrative or system hold at the payer"},
    {u"R0", u"Information requested", u"the payer asks for more information (general)"},
    {u"R1", u"Information requested", u"the payer asks for information about a party"},
    {u"R3", u"Information requested", u"the payer asks for information about the claim or a line"},
    {u"R4", u"Information requested", u"the payer asks for documentation"},
    {u"R5", u"Information requested", u"the payer asks for more specific detail"},
    {u"R6", u"Information requested", u"the payer asks for information a regulation requires"},
    {u"R7", u"Information requested", u"the payer asks to confirm the care fits the plan's coverage policy"},
    {u"R8", u"Information requested", u"the payer asks to confirm the care fits a coverage exception"},
    {u"R9", u"Information requested", u"the payer asks for information to judge medical necessity"},
    {u"R10", u"Information requested", u"the payer asks for information on the site of service"},
    {u"R11", u"Information requested", u"the payer asks for information on the level of service"},
    {u"R12", u"Information requested", u"the payer asks for information on the length of stay"},
    {u"R13", u"Information requested", u"the payer asks for information on the service line"},
    {u"R14", u"Information requested", u"the payer asks for information on the frequency of service"},
    {u"R15", u"Information requested", u"the payer asks for information on the provider"},
    {u"R16", u"Information requested", u"the payer asks about the patient's other coverage"},
    {u"RQ", u"Question", u"a general question (yes or no answers)"},
};

// Claim status codes (code list 508) seen on acknowledgments, in our words.
const QHash<QString, QString> &statusTable()
{
    static const QHash<QString, QString> table = {
        {u"0"_s, u"no more status can be given electronically"_s},
        {u"1"_s, u"see the remittance advice for details"_s},
        {u"2"_s, u"details are in a letter"_s},
        {u"3"_s, u"adjudicated and waiting for the payment cycle"_s},
        {u"6"_s, u"a balance is due from the subscriber"_s},
        {u"12"_s, u"one or more procedure codes sent were combined"_s},
        {u"15"_s, u"one or more procedure codes sent were changed"_s},
        {u"16"_s, u"the claim was forwarded"_s},
        {u"17"_s, u"the claim was forwarded by a third party"_s},
        {u"18"_s, u"received, but an invalid status came back"_s},
        {u"19"_s, u"receipt of the claim is acknowledged"_s},
        {u"20"_s, u"accepted for processing"_s},
        {u"21"_s, u"missing or invalid information"_s},
        {u"23"_s, u"returned"_s},
        {u"24"_s, u"not approved to send claims electronically"_s},
        {u"25"_s, u"not approved"_s},
        {u"26"_s, u"not found"_s},
        {u"27"_s, u"the policy was canceled"_s},
        {u"29"_s, u"the subscriber does not match the policy or contract number"_s},
        {u"30"_s, u"the subscriber does not match the subscriber id"_s},
        {u"31"_s, u"the subscriber does not match the policyholder's name"_s},
        {u"32"_s, u"no subscriber with that policy or contract number"_s},
        {u"33"_s, u"no subscriber with that subscriber id"_s},
        {u"34"_s, u"no subscriber with that policyholder name"_s},
        {u"35"_s, u"the claim is not found"_s},
        {u"38"_s, u"waiting for the next adjudication cycle"_s},
        {u"40"_s, u"waiting for final approval"_s},
        {u"41"_s, u"needs special handling at the payer"_s},
        {u"44"_s, u"charges are pending a provider audit"_s},
        {u"45"_s, u"waiting for a benefit determination"_s},
        {u"46"_s, u"under internal review or audit"_s},
        {u"52"_s, u"the payer is checking for other insurance"_s},
        {u"53"_s, u"the payer is checking the insured id or group number"_s},
        {u"54"_s, u"a duplicate of a claim or line already processed"_s},
        {u"56"_s, u"waiting for an eligibility determination"_s},
        {u"65"_s, u"the claim or line was paid"_s},
        {u"78"_s, u"a duplicate of a claim or line waiting to be processed"_s},
        {u"84"_s, u"the service was not authorized"_s},
        {u"85"_s, u"not the primary payer"_s},
        {u"86"_s, u"the diagnosis does not fit the patient's sex"_s},
        {u"88"_s, u"not eligible for benefits on the dates of service"_s},
        {u"91"_s, u"not eligible or not approved for the dates of service"_s},
        {u"93"_s, u"not the patient's chosen primary care provider"_s},
        {u"94"_s, u"not referred by the patient's primary care provider"_s},
        {u"95"_s, u"additional information asked for was not received"_s},
        {u"96"_s, u"no agreement with this party"_s},
        {u"97"_s, u"the patient's eligibility was not found"_s},
        {u"101"_s, u"processed as an adjustment to an earlier claim"_s},
        {u"106"_s, u"this amount is not this party's responsibility"_s},
        {u"109"_s, u"not eligible"_s},
        {u"114"_s, u"the claim should be processed by another party"_s},
        {u"116"_s, u"sent to the wrong payer"_s},
        {u"117"_s, u"the signature-on-file indicator is needed"_s},
        {u"121"_s, u"more service lines than the payer allows"_s},
        {u"123"_s, u"more information is asked of this party"_s},
        {u"124"_s, u"the name, address, phone and id"_s},
        {u"125"_s, u"the name"_s},
        {u"126"_s, u"the address"_s},
        {u"128"_s, u"the tax id"_s},
        {u"145"_s, u"the specialty or taxonomy code"_s},
        {u"153"_s, u"the id number"_s},
        {u"155"_s, u"the relationship to the patient"_s},
        {u"156"_s, u"the patient's relationship to the subscriber"_s},
        {u"157"_s, u"the sex"_s},
        {u"158"_s, u"the date of birth"_s},
        {u"163"_s, u"the policy or group number"_s},
        {u"164"_s, u"the contract or member number"_s},
        {u"171"_s, u"other insurance coverage"_s},
        {u"178"_s, u"the charges sent"_s},
        {u"187"_s, u"the date(s) of service"_s},
        {u"188"_s, u"the statement from and through dates"_s},
        {u"189"_s, u"the admission date"_s},
        {u"190"_s, u"the discharge date"_s},
        {u"228"_s, u"the type of bill"_s},
        {u"231"_s, u"the admission type"_s},
        {u"232"_s, u"the admitting diagnosis"_s},
        {u"234"_s, u"the patient's discharge status"_s},
        {u"247"_s, u"the line information"_s},
        {u"249"_s, u"the place of service"_s},
        {u"252"_s, u"the prior authorization or certification number"_s},
        {u"254"_s, u"the principal diagnosis code"_s},
        {u"255"_s, u"the diagnosis code"_s},
        {u"256"_s, u"the DRG code"_s},
        {u"258"_s, u"the days or units for the procedure or revenue code"_s},
        {u"400"_s, u"the claim is out of balance (lines do not add up to the total)"_s},
        {u"402"_s, u"an amount must be more than zero"_s},
        {u"453"_s, u"the procedure code modifier(s)"_s},
        {u"454"_s, u"the procedure code"_s},
        {u"455"_s, u"the revenue code"_s},
        {u"464"_s, u"the payer's claim control number"_s},
        {u"474"_s, u"the procedure code does not fit the patient's sex"_s},
        {u"475"_s, u"the procedure code does not fit the patient's age"_s},
        {u"476"_s, u"the units of service are missing or invalid"_s},
        {u"477"_s, u"the diagnosis code pointer is missing or invalid"_s},
        {u"478"_s, u"the claim submitter's id"_s},
        {u"479"_s, u"the other payer's id is missing or invalid"_s},
        {u"480"_s, u"the claim filing indicator"_s},
        {u"481"_s, u"the claim's format is invalid"_s},
        {u"484"_s, u"the payer's system is not available now"_s},
        {u"487"_s, u"not found: the claim should have gone to or through another party"_s},
        {u"488"_s, u"the diagnosis code(s) for the services"_s},
        {u"496"_s, u"the submitter is not approved to send claims for this party"_s},
        {u"500"_s, u"the postal code"_s},
        {u"501"_s, u"the state or province"_s},
        {u"502"_s, u"the city"_s},
        {u"503"_s, u"the street address"_s},
        {u"504"_s, u"the last name"_s},
        {u"505"_s, u"the first name"_s},
        {u"510"_s, u"a date in the future"_s},
        {u"511"_s, u"an invalid character"_s},
        {u"512"_s, u"a value of the wrong length for the payer's system"_s},
        {u"535"_s, u"the claim frequency code"_s},
        {u"538"_s, u"the claim or encounter id"_s},
        {u"560"_s, u"the additional or secondary id"_s},
        {u"562"_s, u"the National Provider Identifier (NPI)"_s},
        {u"583"_s, u"the line charge"_s},
        {u"584"_s, u"the line item control number"_s},
        {u"588"_s, u"the medical record number"_s},
        {u"672"_s, u"the other payer's payment information is out of balance"_s},
        {u"684"_s, u"rejected for a syntax error: see the 999 for details"_s},
        {u"697"_s, u"an amount has invalid decimals"_s},
        {u"700"_s, u"the ICD-10 code"_s},
        {u"718"_s, u"not sent within the timely filing limit"_s},
        {u"732"_s, u"information that does not follow the billing guidelines"_s},
        {u"733"_s, u"the prefix of the contract or member number"_s},
        {u"740"_s, u"the drop-off location"_s},
        {u"741"_s, u"must be a person"_s},
        {u"743"_s, u"the credential or enrollment information"_s},
        {u"745"_s, u"an identifier qualifier"_s},
        {u"746"_s, u"a duplicate submission"_s},
        {u"755"_s, u"the primary id"_s},
        {u"772"_s, u"the diagnosis code must be as specific as possible"_s},
    };
    return table;
}

// Entity identifier codes an acknowledgment's status is about.
const QHash<QString, QString> &entityTable()
{
    static const QHash<QString, QString> table = {
        {u"03"_s, u"the dependent"_s},
        {u"13"_s, u"the contracted service provider"_s},
        {u"1E"_s, u"the HMO"_s},
        {u"1I"_s, u"the PPO"_s},
        {u"1P"_s, u"the provider"_s},
        {u"1Z"_s, u"the home health care provider"_s},
        {u"2B"_s, u"the third-party administrator"_s},
        {u"36"_s, u"the employer"_s},
        {u"40"_s, u"the receiver"_s},
        {u"41"_s, u"the submitter"_s},
        {u"71"_s, u"the attending physician"_s},
        {u"72"_s, u"the operating physician"_s},
        {u"73"_s, u"the other physician"_s},
        {u"74"_s, u"the corrected insured"_s},
        {u"77"_s, u"the service facility"_s},
        {u"82"_s, u"the rendering provider"_s},
        {u"85"_s, u"the billing provider"_s},
        {u"87"_s, u"the pay-to provider"_s},
        {u"AY"_s, u"the clearinghouse"_s},
        {u"DK"_s, u"the ordering physician"_s},
        {u"DN"_s, u"the referring provider"_s},
        {u"DQ"_s, u"the supervising physician"_s},
        {u"FA"_s, u"the facility"_s},
        {u"GB"_s, u"the other insured"_s},
        {u"HK"_s, u"the subscriber"_s},
        {u"IL"_s, u"the insured or subscriber"_s},
        {u"LI"_s, u"the independent lab"_s},
        {u"PR"_s, u"the payer"_s},
        {u"PRP"_s, u"the primary payer"_s},
        {u"QB"_s, u"the purchased service provider"_s},
        {u"QC"_s, u"the patient"_s},
        {u"QD"_s, u"the responsible party"_s},
        {u"SEP"_s, u"the secondary payer"_s},
        {u"TL"_s, u"the testing laboratory"_s},
        {u"TTP"_s, u"the tertiary payer"_s},
        {u"TU"_s, u"the third-party repricing organisation"_s},
    };
    return table;
}

const Category *findCategory(const QString &code)
{
    for (const Category &category : categoryTable) {
        if (code == QStringView(category.code))
            return &category;
    }
    return nullptr;
}

} // namespace

namespace claimstatus {

std::optional<QString> categoryText(const QString &category)
{
    const Category *found = findCategory(category);
    if (!found)
        return std::nullopt;
    return QString::fromUtf16(found->text);
}

QString categoryLabel(const QString &category)
{
    const Category *found = findCategory(category);
    return found ? QString::fromUtf16(found->label) : u"Unknown category"_s;
}

std::optional<QString> statusText(const QString &status)
{
    const auto found = statusTable().constFind(status);
    if (found == statusTable().constEnd())
        return std::nullopt;
    return *found;
}

std::optional<QString> entityText(const QString &entity)
{
    const auto found = entityTable().constFind(entity);
    if (found == entityTable().constEnd())
        return std::nullopt;
    return *found;
}

QString explain(const QString &category, const QString &status, const QString &entity)
{
    const QString shownCategory = category.isEmpty() ? u"none given"_s : category;
    QString sentence = u"%1 (%2): "_s.arg(categoryLabel(category), shownCategory);
    // A status naming a piece of data ("the date of birth") is of the entity; any other
    // ("missing or invalid information") is about it.
    QString connector = u"about"_s;
    if (status.isEmpty()) {
        sentence += categoryText(category).value_or(u"no status code given"_s);
    } else if (const std::optional<QString> words = statusText(status)) {
        sentence += u"%1 (%2)"_s.arg(*words, status);
        if (words->startsWith(u"the "_s))
            connector = u"of"_s;
    } else {
        sentence += u"an unknown status code (%1)"_s.arg(status);
    }
    if (!entity.isEmpty()) {
        if (const std::optional<QString> words = entityText(entity))
            sentence += u" %1 %2 (%3)"_s.arg(connector, *words, entity);
        else
            sentence += u" %1 an unknown entity (%2)"_s.arg(connector, entity);
    }
    return sentence + u'.';
}

QStringList categories()
{
    QStringList codes;
    for (const Category &category : categoryTable)
        codes.append(QString::fromUtf16(category.code));
    return codes;
}

QStringList statusCodes()
{
    return statusTable().keys();
}

} // namespace claimstatus

ClaimStatusEffect claimStatusEffect(const QString &category)
{
    if (category == u"A3"_s || category == u"A6"_s || category == u"A7"_s || category == u"A8"_s)
        return ClaimStatusEffect::Rejects;
    if (category == u"A2"_s || category == u"A5"_s)
        return ClaimStatusEffect::Accepts;
    if (category == u"A0"_s || category == u"A1"_s)
        return ClaimStatusEffect::AcknowledgesReceipt;
    return ClaimStatusEffect::Other;
}

QString explainClaimStatus(const QString &category, const QString &status, const QString &entity)
{
    return claimstatus::explain(category, status, entity);
}

} // namespace rcm::reference
