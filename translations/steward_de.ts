<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>The control room for background AI agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo workspace, building it first if it is not there yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the node at PATH in the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to PNG once it is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::ActivityRepository</name>
    <message>
        <source>reading the activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing the activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing activity for search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating activity rollups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::AgentService</name>
    <message>
        <source>Every agent needs an owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is created as %1 but its spec says %2; make them agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is archived and cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changed since you started editing: you based your change on version %2, but version %3 is now the latest. Review it and apply your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec is unchanged; there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is critical: a change to it is a proposal until a second person approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1 has already been decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to a critical agent needs a second person: %1 proposed it and cannot approve it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::AgentSpec</name>
    <message>
        <source>an indented line belongs below &quot;instructions: |&quot;, &quot;tools:&quot; or &quot;triggers:&quot;, and list items start with &quot;- &quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;field: value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instructions are written as &quot;instructions: |&quot; followed by lines indented by two spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1:&quot; is followed by its items on the next lines, each starting with &quot;  - &quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec has no &quot;%1&quot; field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instructions are empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tool is written as &quot;name (permission)&quot;, for example &quot;crm.lookup (read)&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tool name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tool permission &quot;%1&quot;; use read, write or send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event trigger is written as &quot;event name&quot;, for example &quot;event lead.created&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a schedule is written as &quot;schedule&quot;, five cron fields and an optional time zone, for example &quot;schedule 0 9 * * 1-5 Europe/Berlin&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid cron field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trigger starts with &quot;schedule&quot; or &quot;event&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the temperature is a number from 0 to 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_tokens is a whole number from 1 to 1000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval.required is a whole number from 0 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval.reviewers is a path in the org tree, such as /acme/sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval.expires is a duration such as 30m, 48h or 7d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>criticality is critical, standard or experimental.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::ApprovalRepository</name>
    <message>
        <source>recording a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting proposals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::AuditBundle</name>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the manifest %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a bundle manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest names another signing key (%1) than the one given (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest&apos;s signature does not verify with the given key: the manifest was changed or signed by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle file was changed after it was signed (its SHA-256 differs from the manifest&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log ends at entry %1, but the manifest was signed at entry %2: entries were added or removed after the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid Steward bundle manifest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required field is missing or malformed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::AuditRepository</name>
    <message>
        <source>reading the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::AuditVerifier</name>
    <message>
        <source>reading the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 is missing: the log jumps from entry %2 to entry %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 was altered: its content does not match its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry %1 does not follow entry %2: entries were removed, replaced or reordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit check was cancelled after %1 entries.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::DemoBuilder</name>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo workspace was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo needs between 1 and %1 agents, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo needs 0 or between %1 and %2 events, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::DemoTask</name>
    <message>
        <source>Building the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo workspace was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not build the demo workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::DetailPane</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a department, team or agent in the tree to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criticality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directly below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 by %2 on %3: “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (approved by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded changes at this path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::Enums</name>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experimental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::MainWindow</name>
    <message>
        <source>Steward workspaces (*.steward);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Local Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Demo Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Department…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no company yet: use Edit › New Company… to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Local Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company.steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Demo Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo.steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace is still being built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo workspace at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Steward %1&lt;/h3&gt;&lt;p&gt;The control room for your company&apos;s background AI agents: where each agent sits, who owns it, what changed and why.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the company at the root of this workspace. Its name starts every path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the company %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new department in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new team in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1. Paths below it change with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive %1? It leaves the tree; its versions and activity stay readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive %1 and everything below it? They leave the tree; their history stays readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::Migrator</name>
    <message>
        <source>preparing the schema table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting schema migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading the workspace to schema %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &lt;b&gt;%1&lt;/b&gt; to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::OrgNode</name>
    <message>
        <source>The name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is longer than 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; may only use lower-case letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and must start with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::OrgService</name>
    <message>
        <source>Give a reason for the change; it is kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is archived; nothing can be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 cannot hold a %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has something called &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace already has a company, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only departments and teams are created here; agents are created with their spec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is archived and cannot be renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already called &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already something called &quot;%1&quot; next to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is archived and cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company is the root of the tree and cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be moved into itself or below itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company is the root of the tree and cannot be archived.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::OrgTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::PrincipalRepository</name>
    <message>
        <source>adding a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granting a role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::ProposalRepository</name>
    <message>
        <source>recording a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no proposal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1 was decided by someone else first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading proposals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::ReasonDialog</name>
    <message>
        <source>lower-case letters, digits, - _ .</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::RunsTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::SigningKey</name>
    <message>
        <source>The cryptography library could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no signing key at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key %1 can be read by other users; make it private (chmod 600) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Steward signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::SpecSummary</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::Store</name>
    <message>
        <source>The workspace is in use by another program (while %1). Close it there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is damaged (while %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database failed while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has schema %2, and this version of Steward reads schema %3 without changing a file. Open a copy of it as a workspace instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Steward workspace (it is not an SQLite database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Steward workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Steward (schema %2; this version knows up to %3). Update Steward to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::TextDiff</name>
    <message>
        <source>The text does not match the diff at line %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::TreeRepository</name>
    <message>
        <source>reading a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no node with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has no company yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking sibling names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archiving a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no agent with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating an agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::VersionRepository</name>
    <message>
        <source>reading a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 has no version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the version history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>steward::WelcomePage</name>
    <message>
        <source>Welcome to Steward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steward keeps your company&apos;s background agents in one place: where each agent sits in the organisation, who owns it, what changed and why.

To look around, open the demo workspace: a made-up company with a few hundred agents and three months of activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
