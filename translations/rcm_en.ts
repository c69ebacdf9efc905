<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>rcm::ui::ActionPanel</name>
    <message>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request write-off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve write-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject write-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry on the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this action? It will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Conflict:&lt;/b&gt; your %1 was based on version %2, but the item changed on the server (now version %3, %4). Retry it on the server&apos;s version, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not accepted:&lt;/b&gt; your %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n action waiting to be sent</numerusform>
            <numerusform>%n actions waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to write off (balance %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n items selected.&lt;/b&gt; Actions apply to each of them.</source>
        <translation>
            <numerusform>&lt;b&gt;%n item selected.&lt;/b&gt; Actions apply to it.</numerusform>
            <numerusform>&lt;b&gt;%n items selected.&lt;/b&gt; Actions apply to each of them.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 actions were queued; then: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: the workbench does not know who is signed in, or to which gateway. Sign in again, then take the action.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Assign %n item(s)</source>
        <translation>
            <numerusform>Assign %n item</numerusform>
            <numerusform>Assign %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign to (fewest open items first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody can work every selected item: they lie in queues that no one role sees. Select items of one queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::ConflictsDialog</name>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions that need you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry on the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs you: every action was accepted or is waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) were not taken as they were. Compare your action with the item on the server, then retry it on the server&apos;s version or discard it.</source>
        <translation>
            <numerusform>%n action was not taken as it was. Compare your action with the item on the server, then retry it on the server&apos;s version or discard it.</numerusform>
            <numerusform>%n actions were not taken as they were. Compare each with the item on the server, then retry it on the server&apos;s version or discard it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this action? It will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::DashboardView</name>
    <message>
        <source>Denials by payer and family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open work by age and queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Productivity by person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittance exceptions by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dollars over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dollars at risk (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denial rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past a deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicted actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway figures from the last time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open items, %2 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount at risk of open items whose next deadline falls within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims denied on remittances over claims adjudicated in the period (HFMA MAP Key AR-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway computes the denial rate: sign in to see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open items whose deadlines have all passed; %2 at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items whose next deadline is within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions waiting to be sent to the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions the gateway answered with a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed by the gateway: shown once signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::FilterBar</name>
    <message>
        <source>All payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::MainWindow</name>
    <message>
        <source>RCM Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see why it is here and what is left to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing: %1 changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send pending actions and fetch what changed (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search claim, account, patient or payer (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove items from the cache?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove them now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending, %2 conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced: the cache is as it was copied or generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows of this view, as filtered and sorted, as CSV (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work-queue.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the actions that need you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions the server did not take as they were: retry or discard (Ctrl+Shift+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the filters (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending, %2 conflicts, %3 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items selected: bulk actions take at most %2 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &quot;%1&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import ERA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview an 835 remittance file, then post it (Ctrl+I, or drop the file here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a remittance (835)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X12 835 files (*.835 *.edi *.x12 *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent actions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance reports as XLSX, PDF or CSV (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the dashboard as you left it (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a service account for system-to-system calls; it cannot use the workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the gateway to send your queued actions and fetch what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: working from the cache, actions are queued. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide all patient data and sign out until you sign in again (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1 readable by you only: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2, but cannot read it back to register it: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept for registration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbench&apos;s cache belongs to another person, whose unsent work stays in it. Start the workbench with a cache of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline sign-in is not kept on this workstation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway cannot be reached (%1), and %2 has not signed in on this workstation before, so cannot work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway cannot be reached (%1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache folder %1 cannot be made readable by you only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your local cache cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answers again: press F5 and sign in to send your queued actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time you may work offline has ended. Sign in to the gateway to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-in is already under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sign-in took over; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your cache cannot be made yours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation&apos;s earlier cache is now yours, with its unsent actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::QueueNavigation</name>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::RemittanceExceptionModel</name>
    <message>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::RemittancePreviewDialog</name>
    <message>
        <source>Import remittance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What will become work items&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see which claims will post cleanly and to post the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the gateway which claims will post cleanly…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was posted before; nothing in it will post again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway cannot post this file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is posted until you press Post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cash posters and supervisors post remittances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) totalling $%1; %2 out of balance.</source>
        <translation>
            <numerusform>%n payment totalling $%1; %2 out of balance.</numerusform>
            <numerusform>%n payments totalling $%1; %2 out of balance.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Posted: %n work item(s) raised.</source>
        <translation>
            <numerusform>Posted: %n work item raised.</numerusform>
            <numerusform>Posted: %n work items raised.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To (as of):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;acility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is computed by the gateway: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.
SHA-256 %2</source>
        <translation>
            <numerusform>Saved %n row to %1.
SHA-256 %2</numerusform>
            <numerusform>Saved %n rows to %1.
SHA-256 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not kept for registration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody is signed in, so no one can be named as its exporter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new cache location and language take effect when the workbench starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person&apos;s cache is a file of its own in this folder, readable by them only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your organisation allows at most %n minute(s).</source>
        <translation>
            <numerusform>Your organisation allows at most %n minute.</numerusform>
            <numerusform>Your organisation allows at most %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::SignInPage</name>
    <message>
        <source>Only for your organisation&apos;s own CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file of the certificate authority that issued the gateway&apos;s certificate, trusted beside the system&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in&lt;/h2&gt;&lt;p&gt;Your own work opens for you; the work of the person before you stays theirs.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in to RCM Workbench&lt;/h2&gt;&lt;p&gt;Your work queues open once you have signed in.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;The workbench is locked and hides all patient data. %1, enter your password to continue where you left off.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::itemmodels::WorkQueueModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The local cache cannot be opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::itemmodels</name>
    <message>
        <source>Denials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittance exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write-off requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical necessity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination of benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underpayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>91–120 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 120 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 8–14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 15–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recoupment (PLB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown reason code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal without payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid below expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: out of balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit balance (overpaid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer not on claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the payer&apos;s claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim rejections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::reportrender</name>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   ·   data as of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open work by age and queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>91–120 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 120 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 items, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 8–14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 15–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 items, %3 at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denials by payer and family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3 denials, %4 denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Productivity by person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 actions, %3 items resolved, %4 resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittance exceptions by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 exceptions, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dollars over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thousands of dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data as of %1   ·   Generated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date basis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows for these parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF needs a QGuiApplication (the offscreen platform will do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish the PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>passed %n day ago</numerusform>
            <numerusform>passed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim and account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the reason-code catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charge %1, paid %2, patient %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid as primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid as secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid as tertiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>later reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at its source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rcm::ui::ExportRegistration</name>
    <message>
        <source>Offline: the gateway registers this file at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered with the gateway: &apos;rcmctl report verify&apos; will not know this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not answer (%1): it registers this file at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered with the gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused to register this file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
