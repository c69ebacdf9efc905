<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>rcm::ui::ActionPanel</name>
    <message>
        <source>Take</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appeal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resubmit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Request write-off…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approve write-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reject write-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Escalate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry on the server's version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard my action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard this action? It will not be sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Conflict:&lt;/b&gt; your %1 was based on version %2, but the item changed on the server (now version %3, %4). Retry it on the server's version, or discard it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Not accepted:&lt;/b&gt; your %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be sent</source>
        <translation><numerusform>%n action waiting to be sent</numerusform><numerusform>%n actions waiting to be sent</numerusform></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount to write off (balance %1):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assign to:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rcm::ui::MainWindow</name>
    <message>
        <source>RCM Workbench</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select an item to see why it is here and what is left to do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;The workbench locked itself after a time without activity, hiding all patient data.&lt;/p&gt;&lt;p&gt;Sign in again to continue.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to unlock…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing: %1 changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All open work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send pending actions and fetch what changed (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search claim, account, patient or payer (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address must start with http:// or https://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove items from the cache?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove them now?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 pending, %2 conflicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never synced: the cache is as it was copied or generated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 open items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the rows of this view, as filtered and sorted, as CSV (Ctrl+E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export this view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>work-queue.csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rcm::ui::SignInDialog</name>
    <message>
        <source>Sign in to RCM Workbench</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rcm::itemmodels::WorkQueueModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filing deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The local cache cannot be opened.

%1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rcm::itemmodels</name>
    <message>
        <source>Denials</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorizations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remittance exceptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pending payer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write-off requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medical necessity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coordination of benefits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Underpayment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>rcm::ui</name>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation><numerusform>passed %n day ago</numerusform><numerusform>passed %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation><numerusform>in %n day</numerusform><numerusform>in %n days</numerusform></translation>
    </message>
    <message>
        <source>Claim and account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Service dates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deadlines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not in the reason-code catalogue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>