# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The Spanish translation is complete: every message translated, none left unfinished.
file(READ "${TS}" ts)
string(REGEX MATCHALL "<message" messages "${ts}")
list(LENGTH messages count)
string(FIND "${ts}" "type=\"unfinished\"" unfinished)
string(FIND "${ts}" "<translation></translation>" empty)
if(count LESS 50 OR NOT unfinished EQUAL -1 OR NOT empty EQUAL -1)
    message(FATAL_ERROR "${TS}: ${count} messages, some untranslated; run scripts/update-translations and translate")
endif()
message(STATUS "${count} messages, all translated")

# English reads its plurals from the English file: "%n item(s)" must become "1 item", "2 items".
if(DEFINED EN_TS)
    file(READ "${EN_TS}" en)
    string(REGEX MATCHALL "<numerusform></numerusform>" emptyForms "${en}")
    if(emptyForms)
        message(FATAL_ERROR "${EN_TS}: some plural forms are empty; fill in the singular and plural")
    endif()
endif()
