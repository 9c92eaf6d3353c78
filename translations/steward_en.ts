<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>steward::ApprovalAnalyticsView</name>
    <message numerus="yes">
        <source>%n decision(s); median time to decision %1, 90th percentile %2.</source>
        <translation>
            <numerusform>%n decision; median time to decision %1, 90th percentile %2.</numerusform>
            <numerusform>%n decisions; median time to decision %1, 90th percentile %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s) may be rubber-stamping.</source>
        <translation>
            <numerusform>%n reviewer may be rubber-stamping.</numerusform>
            <numerusform>%n reviewers may be rubber-stamping.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalCommand</name>
    <message numerus="yes">
        <source>%n proposed change(s) to critical agents: see &apos;proposal list&apos;.</source>
        <translation>
            <numerusform>%n proposed change to critical agents: see &apos;proposal list&apos;.</numerusform>
            <numerusform>%n proposed changes to critical agents: see &apos;proposal list&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalDetailView</name>
    <message numerus="yes">
        <source>… and %n more event(s) (open the run in the Live feed for all).</source>
        <translation>
            <numerusform>… and %n more event (open the run in the Live feed for all).</numerusform>
            <numerusform>… and %n more events (open the run in the Live feed for all).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalInbox</name>
    <message numerus="yes">
        <source>Bulk decisions are refused for critical agents: %n of the selected items belong to one. Decide those one by one, or leave them out of the selection.</source>
        <translation>
            <numerusform>Bulk decisions are refused for critical agents: %n of the selected items belongs to one. Decide it on its own, or leave it out of the selection.</numerusform>
            <numerusform>Bulk decisions are refused for critical agents: %n of the selected items belong to one. Decide those one by one, or leave them out of the selection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve the %n selected items. A bulk decision needs a reason.</source>
        <translation>
            <numerusform>Approve the selected item. A bulk decision needs a reason.</numerusform>
            <numerusform>Approve the %n selected items. A bulk decision needs a reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject the %n selected items. The agents read your reason.</source>
        <translation>
            <numerusform>Reject the selected item. The agent reads your reason.</numerusform>
            <numerusform>Reject the %n selected items. The agents read your reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decided %n items.</source>
        <translation>
            <numerusform>Decided %n item.</numerusform>
            <numerusform>Decided %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decided %n items; refused: %1</source>
        <translation>
            <numerusform>Decided %n item; refused: %1</numerusform>
            <numerusform>Decided %n items; refused: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::AuditorBanner</name>
    <message numerus="yes">
        <source>%n entries verified</source>
        <translation>
            <numerusform>%n entry verified</numerusform>
            <numerusform>%n entries verified</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::CommandRunner</name>
    <message numerus="yes">
        <source>%n more lines of the output were not JSON events</source>
        <translation>
            <numerusform>%n more line of the output was not a JSON event</numerusform>
            <numerusform>%n more lines of the output were not JSON events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::CronSchedule</name>
    <message numerus="yes">
        <source>A schedule has five fields (minute, hour, day of month, month, day of week); &quot;%1&quot; has %n.</source>
        <translation>
            <numerusform>A schedule has five fields (minute, hour, day of month, month, day of week); &quot;%1&quot; has %n.</numerusform>
            <numerusform>A schedule has five fields (minute, hour, day of month, month, day of week); &quot;%1&quot; has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::LiveFeedView</name>
    <message numerus="yes">
        <source>%n new event(s): resume</source>
        <translation>
            <numerusform>%n new event: resume</numerusform>
            <numerusform>%n new events: resume</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s) above</source>
        <translation>
            <numerusform>%n new event above</numerusform>
            <numerusform>%n new events above</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityTab</name>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::RunDispatcher</name>
    <message numerus="yes">
        <source>backing off after %n failed run(s) in a row, until %1</source>
        <translation>
            <numerusform>backing off after %n failed run in a row, until %1</numerusform>
            <numerusform>backing off after %n failed runs in a row, until %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::TokenStore</name>
    <message numerus="yes">
        <source>The system keychain did not answer within %n seconds; is it locked?</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second; is it locked?</numerusform>
            <numerusform>The system keychain did not answer within %n seconds; is it locked?</numerusform>
        </translation>
    </message>
</context>
</TS>
