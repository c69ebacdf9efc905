// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/acknowledgmentcodes.h"

#include "services/reference/claimstatuscodes.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12::acknowledgmentcode {

namespace {

using Table = QHash<QString, QString>;

QString lookUp(const Table &table, const QString &code, const QString &what)
{
    const auto found = table.constFind(code);
    if (found != table.constEnd())
        return *found;
    return u"unknown %1 %2"_s.arg(what, code.isEmpty() ? u"(none given)"_s : code);
}

} // namespace

QString interchangeNote(const QString &code)
{
    static const Table table = {
        {u"000"_s, u"no error"_s},
        {u"001"_s, u"the interchange control numbers in ISA and IEA differ"_s},
        {u"002"_s, u"the control standard is not supported"_s},
        {u"003"_s, u"this version of the interchange controls is not supported"_s},
        {u"004"_s, u"the segment terminator is invalid"_s},
        {u"005"_s, u"the sender's id qualifier is invalid"_s},
        {u"006"_s, u"the sender id is invalid"_s},
        {u"007"_s, u"the receiver's id qualifier is invalid"_s},
        {u"008"_s, u"the receiver id is invalid"_s},
        {u"009"_s, u"the receiver id is not known"_s},
        {u"010"_s, u"the authorization information qualifier is invalid"_s},
        {u"011"_s, u"the authorization information is invalid"_s},
        {u"012"_s, u"the security information qualifier is invalid"_s},
        {u"013"_s, u"the security information is invalid"_s},
        {u"014"_s, u"the interchange date is invalid"_s},
        {u"015"_s, u"the interchange time is invalid"_s},
        {u"016"_s, u"the interchange standards identifier is invalid"_s},
        {u"017"_s, u"the interchange version is invalid"_s},
        {u"018"_s, u"the interchange control number is invalid"_s},
        {u"019"_s, u"the acknowledgment requested flag is invalid"_s},
        {u"020"_s, u"the test or production indicator is invalid"_s},
        {u"021"_s, u"the number of functional groups in IEA is invalid"_s},
        {u"022"_s, u"the envelope structure is invalid"_s},
        {u"023"_s, u"the file ended early"_s},
        {u"024"_s, u"the interchange content is invalid (a bad GS, for example)"_s},
        {u"025"_s, u"the interchange control number was already used (a duplicate file)"_s},
        {u"026"_s, u"the element separator is invalid"_s},
        {u"027"_s, u"the component separator is invalid"_s},
        {u"028"_s, u"the deferred delivery date is invalid"_s},
        {u"029"_s, u"the deferred delivery time is invalid"_s},
        {u"030"_s, u"the deferred delivery time code is invalid"_s},
        {u"031"_s, u"the grade of service code is invalid"_s},
    };
    return lookUp(table, code, u"interchange note code"_s);
}

QString segmentError(const QString &code)
{
    static const Table table = {
        {u"1"_s, u"the segment id is not recognised"_s},
        {u"2"_s, u"the segment is not expected here"_s},
        {u"3"_s, u"a required segment is missing"_s},
        {u"4"_s, u"the loop repeats more often than allowed"_s},
        {u"5"_s, u"the segment repeats more often than allowed"_s},
        {u"6"_s, u"the segment is not in this transaction set"_s},
        {u"7"_s, u"the segment is out of order"_s},
        {u"8"_s, u"the segment has element errors"_s},
        {u"I4"_s, u"the guide says this segment is not used"_s},
        {u"I6"_s, u"a segment the guide requires in this situation is missing"_s},
        {u"I7"_s, u"the loop occurs fewer times than the guide requires"_s},
        {u"I8"_s, u"the segment occurs fewer times than the guide requires"_s},
        {u"I9"_s, u"the guide says this segment is not used in this situation"_s},
    };
    return lookUp(table, code, u"segment error code"_s);
}

QString elementError(const QString &code)
{
    static const Table table = {
        {u"1"_s, u"a required element is missing"_s},
        {u"2"_s, u"a conditionally required element is missing"_s},
        {u"3"_s, u"too many elements"_s},
        {u"4"_s, u"the value is too short"_s},
        {u"5"_s, u"the value is too long"_s},
        {u"6"_s, u"the value has an invalid character"_s},
        {u"7"_s, u"the code value is invalid"_s},
        {u"8"_s, u"the date is invalid"_s},
        {u"9"_s, u"the time is invalid"_s},
        {u"10"_s, u"the element must not be sent together with another one that is"_s},
        {u"12"_s, u"the element repeats too often"_s},
        {u"13"_s, u"the element has too many components"_s},
        {u"I6"_s, u"the code value is not used in this guide"_s},
        {u"I9"_s, u"an element the guide requires in this situation is missing"_s},
        {u"I10"_s, u"the guide says this element is not used"_s},
        {u"I11"_s, u"the element repeats fewer times than the guide requires"_s},
        {u"I12"_s, u"the value does not have the form the guide requires"_s},
        {u"I13"_s, u"the guide says this element is not used in this situation"_s},
    };
    return lookUp(table, code, u"element error code"_s);
}

QString transactionError(const QString &code)
{
    static const Table table = {
        {u"1"_s, u"the transaction set is not supported"_s},
        {u"2"_s, u"the SE trailer is missing"_s},
        {u"3"_s, u"the control numbers in ST and SE differ"_s},
        {u"4"_s, u"the segment count in SE is wrong"_s},
        {u"5"_s, u"one or more segments are in error"_s},
        {u"6"_s, u"the transaction set id is missing or invalid"_s},
        {u"7"_s, u"the transaction set control number is missing or invalid"_s},
        {u"18"_s, u"the transaction set is not in a functional group"_s},
        {u"19"_s, u"the implementation guide named in ST03 is invalid"_s},
        {u"23"_s, u"the transaction set control number is used twice in the group"_s},
        {u"I5"_s, u"one or more segments break the implementation guide"_s},
        {u"I6"_s, u"the implementation guide is not supported"_s},
    };
    return lookUp(table, code, u"transaction error code"_s);
}

QString groupError(const QString &code)
{
    static const Table table = {
        {u"1"_s, u"the functional group is not supported"_s},
        {u"2"_s, u"the functional group's version is not supported"_s},
        {u"3"_s, u"the GE trailer is missing"_s},
        {u"4"_s, u"the control numbers in GS and GE differ"_s},
        {u"5"_s, u"the transaction count in GE is wrong"_s},
        {u"6"_s, u"the group control number is malformed"_s},
        {u"19"_s, u"the group control number is used twice in the interchange"_s},
    };
    return lookUp(table, code, u"group error code"_s);
}

QString acknowledgmentMeaning(const QString &code)
{
    static const Table table = {
        {u"A"_s, u"accepted"_s},
        {u"E"_s, u"accepted with errors noted"_s},
        {u"M"_s, u"rejected: message authentication failed"_s},
        {u"P"_s, u"partially accepted: at least one transaction set was rejected"_s},
        {u"R"_s, u"rejected"_s},
        {u"W"_s, u"rejected: assurance failed validity tests"_s},
        {u"X"_s, u"rejected: content could not be analysed after decryption"_s},
    };
    return lookUp(table, code, u"acknowledgment code"_s);
}

QString explainStatus(const StatusCode &code)
{
    return reference::claimstatus::explain(code.category, code.status, code.entity);
}

} // namespace rcm::x12::acknowledgmentcode
