// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demotext.h"

namespace steward {

using namespace Qt::Literals::StringLiterals;

const QStringList &DemoText::departments()
{
    static const QStringList names{u"sales"_s,  u"marketing"_s,   u"support"_s, u"finance"_s,
                                   u"people"_s, u"engineering"_s, u"legal"_s,   u"operations"_s};
    return names;
}

const QList<DemoTeam> &DemoText::teams()
{
    static const QList<DemoTeam> teams{
        {u"sales"_s, u"outbound"_s},        {u"sales"_s, u"inbound"_s},          {u"sales"_s, u"renewals"_s},
        {u"sales"_s, u"sales-ops"_s},       {u"sales"_s, u"deal-desk"_s},        {u"marketing"_s, u"campaigns"_s},
        {u"marketing"_s, u"content"_s},     {u"marketing"_s, u"events"_s},       {u"marketing"_s, u"growth"_s},
        {u"support"_s, u"tier1"_s},         {u"support"_s, u"tier2"_s},          {u"support"_s, u"enterprise"_s},
        {u"support"_s, u"knowledge"_s},     {u"finance"_s, u"ap"_s},             {u"finance"_s, u"ar"_s},
        {u"finance"_s, u"fpa"_s},           {u"finance"_s, u"payroll"_s},        {u"people"_s, u"recruiting"_s},
        {u"people"_s, u"onboarding"_s},     {u"people"_s, u"people-ops"_s},      {u"engineering"_s, u"platform"_s},
        {u"engineering"_s, u"web"_s},       {u"engineering"_s, u"mobile"_s},     {u"engineering"_s, u"sre"_s},
        {u"engineering"_s, u"data"_s},      {u"legal"_s, u"contracts"_s},        {u"legal"_s, u"privacy"_s},
        {u"legal"_s, u"ip"_s},              {u"operations"_s, u"it"_s},          {u"operations"_s, u"procurement"_s},
        {u"operations"_s, u"facilities"_s}, {u"operations"_s, u"security"_s},
    };
    return teams;
}

const QList<DemoAgentKind> &DemoText::agentKinds()
{
    static const QList<DemoAgentKind> kinds{
        // The story's agent comes first; its instructions name the summit through {summit}.
        {u"prospect-mailer"_s, u"sales"_s, u"outbound"_s, u"Writes first-touch emails to new prospects"_s,
         {u"You write the first email to a prospect who asked about Acme."_s,
          u"Keep it under 120 words and friendly."_s, u"Invite them to {summit} on 14 May."_s,
          u"Never promise discounts."_s},
         {u"crm.lookup:read"_s, u"email.draft:write"_s},
         u"schedule 0 9 * * 1-5 Europe/Berlin"_s, {u"email"_s}, true, u"email"_s,
         {u"Loaded {n} new leads from the CRM"_s, u"Read the account record of {company}"_s},
         u"Lead qualifies for a summit invitation"_s,
         u"{company} opened the pricing page {n} times this week and has {m} seats in trial; that fits the summit "
         "guest profile (active evaluation, more than 20 seats)."_s,
         u"Invitation to {summit} drafted for {person} at {company}"_s,
         u"Subject: Join us at {summit}\n\nHi {first},\n\nthanks for looking at {product} with your team. "
         "We would love to meet you in person at {summit} on 14 May: two days of customer talks, hands-on "
         "labs and a first look at next year's roadmap.\n\nShall I save you a seat? The agenda and the "
         "registration link are below, and I am happy to set up a short call before the event.\n\n"
         "Best regards,\nDana Kim\nAccount Executive, Acme"_s},
        {u"lead-enricher"_s, u"sales"_s, u"outbound"_s, u"Adds firmographics to new leads before outreach"_s,
         {u"Fill in company size, industry and tech stack for every new lead."_s,
          u"Use only the enrichment provider and the public company website."_s,
          u"Mark a field unknown rather than guessing."_s},
         {u"crm.lookup:read"_s, u"crm.update:write"_s, u"enrichment.query:read"_s},
         u"event lead.created"_s, {u"crm"_s}, false, u"markdown"_s,
         {u"Queried the enrichment provider for {company}"_s, u"Matched {n} of {m} fields"_s},
         u"Enrichment complete enough to route"_s,
         u"Industry, size and region were found for {company}; {n} optional fields stay unknown, which does not "
         "block routing."_s,
         u"Lead {id} enriched: {company}, {m} employees"_s,
         u"{company}: {m} employees, industry software, primary contact {person}. Detected stack includes "
         "{product}. Fields left unknown: {n}."_s},
        {u"sequence-scheduler"_s, u"sales"_s, u"outbound"_s, u"Plans follow-up steps for open outreach sequences"_s,
         {u"Schedule the next touch for every sequence that had no reply in three business days."_s,
          u"Respect the prospect's time zone and local holidays."_s,
          u"Stop a sequence after the fourth touch."_s},
         {u"crm.lookup:read"_s, u"calendar.read:read"_s, u"sequence.update:write"_s},
         u"schedule 30 6 * * 1-5 Europe/Berlin"_s, {u"crm"_s}, false, u"markdown"_s,
         {u"Found {n} sequences waiting for a next step"_s, u"Checked local holidays for {m} regions"_s},
         u"Reschedule follow-ups"_s,
         u"{n} sequences had no reply for three business days; {m} of them reached the fourth touch and were "
         "closed instead."_s,
         u"Scheduled {n} follow-ups, closed {m} sequences"_s,
         u"Follow-ups scheduled for tomorrow 09:30 local time. Sequences closed after four touches include "
         "{company} ({person}). No touches were placed on public holidays."_s},
        {u"inbound-router"_s, u"sales"_s, u"inbound"_s, u"Routes inbound demo requests to the right rep"_s,
         {u"Assign each inbound request to a rep by region, segment and current load."_s,
          u"Existing customers go to their account manager."_s,
          u"Flag requests from competitors instead of routing them."_s},
         {u"crm.lookup:read"_s, u"crm.assign:write"_s},
         u"event form.submitted"_s, {u"crm"_s, u"slack"_s}, false, u"markdown"_s,
         {u"Read the demo request from {person}"_s, u"Looked up rep capacity for the region"_s},
         u"Route to the mid-market team"_s,
         u"{company} reports {m} employees and no open opportunity; the mid-market rep with the fewest open "
         "requests ({n}) takes it."_s,
         u"Demo request from {company} routed"_s,
         u"{person} at {company} asked for a demo of {product}. Assigned to the mid-market queue; the rep will "
         "reach out within {hours} business hours."_s},
        {u"demo-booker"_s, u"sales"_s, u"inbound"_s, u"Offers demo slots to qualified inbound leads"_s,
         {u"Offer three demo slots within the next five business days."_s,
          u"Include a solutions engineer for companies above 500 employees."_s,
          u"Write in the language of the request."_s},
         {u"calendar.read:read"_s, u"calendar.book:write"_s, u"email.draft:write"_s},
         u"event lead.qualified"_s, {u"email"_s}, true, u"email"_s,
         {u"Read free slots of {n} reps"_s, u"Picked three slots in the lead's time zone"_s},
         u"Propose three slots"_s,
         u"{person} is qualified and asked about {product}; three slots fit both calendars in the next five "
         "business days."_s,
         u"Demo slots offered to {person} at {company}"_s,
         u"Subject: Your {product} demo\n\nHi {first},\n\nthanks for your interest in {product}. Would one of "
         "these times work for a 30-minute demo?\n\n- Tuesday 10:00\n- Wednesday 14:30\n- Thursday 11:00\n\n"
         "Reply with the one you prefer and I will send an invitation.\n\nBest regards,\nAcme Sales"_s},
        {u"renewal-reminder"_s, u"sales"_s, u"renewals"_s, u"Reminds account managers of renewals 90 days out"_s,
         {u"List contracts that renew in 90, 60 and 30 days."_s,
          u"Add usage trends and open support tickets for each account."_s,
          u"Do not contact customers directly."_s},
         {u"crm.lookup:read"_s, u"billing.read:read"_s, u"slack.post:send"_s},
         u"schedule 0 8 * * 1 Europe/Berlin"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Found {n} contracts renewing in the next 90 days"_s, u"Read usage for {m} accounts"_s},
         u"Send the weekly renewal list"_s,
         u"{n} renewals are due; {m} accounts show falling usage and get a warning marker."_s,
         u"Weekly renewal list: {n} accounts, {amount} ARR"_s,
         u"Renewals this quarter: {n} accounts worth {amount}. Watch list: {company} (usage down {m}% over 60 "
         "days, two open tickets)."_s},
        {u"churn-risk-scorer"_s, u"sales"_s, u"renewals"_s, u"Scores accounts for churn risk from usage and tickets"_s,
         {u"Score every active account from 0 to 100 for churn risk."_s,
          u"Explain each score with the three strongest signals."_s,
          u"Never share scores outside the renewals team."_s},
         {u"warehouse.query:read"_s, u"crm.update:write"_s},
         u"schedule 0 2 * * * UTC"_s, {u"crm"_s}, false, u"markdown"_s,
         {u"Pulled usage for {n} accounts"_s, u"Joined {m} support tickets"_s},
         u"Raise risk for accounts with falling usage"_s,
         u"{company} dropped from {n} to {m} weekly active users and filed a cancellation question."_s,
         u"Churn scores updated for {n} accounts"_s,
         u"{n} accounts rescored. Highest risk: {company} (score {m}); signals: usage down, champion left, "
         "overdue invoice."_s},
        {u"crm-hygiene"_s, u"sales"_s, u"sales-ops"_s, u"Finds duplicate and stale CRM records"_s,
         {u"Find duplicate accounts and contacts and propose merges."_s,
          u"Flag opportunities without activity for 30 days."_s,
          u"Never delete records; propose changes only."_s},
         {u"crm.lookup:read"_s, u"crm.update:write"_s},
         u"schedule 0 3 * * 6 UTC"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Scanned {n} accounts for duplicates"_s, u"Compared {m} contact records"_s},
         u"Propose merges for likely duplicates"_s,
         u"{n} account pairs share domain and billing address; the matching score is above 0.9 for {m} of them."_s,
         u"{n} merge proposals for review"_s,
         u"Proposed merges:\n- {company} (two records, same domain)\n- {n} further pairs listed in the attached "
         "report\nStale opportunities: {m}."_s},
        {u"forecast-digest"_s, u"sales"_s, u"sales-ops"_s, u"Summarises the weekly sales forecast for leadership"_s,
         {u"Summarise commit, best case and pipeline by region."_s,
          u"Call out deals that moved stage or date this week."_s,
          u"Keep the digest under 300 words."_s},
         {u"crm.lookup:read"_s, u"warehouse.query:read"_s, u"email.draft:write"_s},
         u"schedule 0 16 * * 5 Europe/Berlin"_s, {u"email"_s}, true, u"markdown"_s,
         {u"Read {n} open opportunities"_s, u"Compared with last week's snapshot"_s},
         u"Highlight slipped deals"_s,
         u"{m} deals moved their close date into next quarter, together {amount}."_s,
         u"Forecast digest: commit {amount}"_s,
         u"Commit is {amount}, best case adds {n} deals. Slipped: {company} (moved to next quarter, waiting on "
         "security review). New in commit: {m} deals."_s},
        {u"quote-drafter"_s, u"sales"_s, u"deal-desk"_s, u"Drafts quotes from approved price books"_s,
         {u"Draft quotes only from the current price book."_s,
          u"Discounts above 15% need a deal desk note."_s,
          u"Attach the order form template that matches the region."_s},
         {u"pricebook.read:read"_s, u"crm.lookup:read"_s, u"document.draft:write"_s},
         u"event opportunity.stage_changed"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Loaded the price book for {product}"_s, u"Calculated {n} line items"_s},
         u"Draft quote with standard discount"_s,
         u"{company} asked for {m} seats of {product}; volume tier applies and stays under the 15% limit."_s,
         u"Quote {id} drafted for {company}: {amount}"_s,
         u"Quote {id} for {company}\n\n| item | qty | total |\n|---|---|---|\n| {product} | {m} | {amount} |\n\n"
         "Valid 30 days. Payment terms net 30."_s},
        {u"campaign-reporter"_s, u"marketing"_s, u"campaigns"_s, u"Reports campaign results every morning"_s,
         {u"Report spend, clicks, sign-ups and cost per sign-up for each live campaign."_s,
          u"Compare with the previous seven days."_s,
          u"Flag campaigns whose cost per sign-up rose by more than 20%."_s},
         {u"ads.read:read"_s, u"warehouse.query:read"_s, u"slack.post:send"_s},
         u"schedule 0 7 * * * Europe/Berlin"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Read results of {n} live campaigns"_s, u"Computed week-over-week changes"_s},
         u"Flag one campaign"_s,
         u"Cost per sign-up of the {product} search campaign rose {m}% in seven days."_s,
         u"Campaign report: {n} sign-ups yesterday"_s,
         u"Yesterday: {n} sign-ups at {amount} spend. Watch: {product} search campaign, cost per sign-up up {m}%."_s},
        {u"ad-budget-watcher"_s, u"marketing"_s, u"campaigns"_s, u"Keeps ad spend within the monthly budget"_s,
         {u"Compare month-to-date spend per channel with the budget."_s,
          u"Propose a bid cut when a channel is on track to overspend by 10%."_s,
          u"Never pause a campaign yourself."_s},
         {u"ads.read:read"_s, u"ads.update:write"_s},
         u"schedule 0 */4 * * * UTC"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Read month-to-date spend for {n} channels"_s, u"Projected spend to month end"_s},
         u"Propose a bid reduction"_s,
         u"Paid social is on track to spend {amount}, {m}% over budget."_s,
         u"Bid cut proposed on paid social"_s,
         u"Paid social projects to {amount} this month ({m}% over budget). Proposal: lower bids by {n}% on the "
         "two broadest audiences."_s},
        {u"blog-drafter"_s, u"marketing"_s, u"content"_s, u"Drafts blog posts from approved outlines"_s,
         {u"Write a first draft from the outline in the content calendar."_s,
          u"Use the brand voice guide; no superlatives."_s,
          u"Mark every claim that needs a source."_s},
         {u"docs.read:read"_s, u"cms.draft:write"_s},
         u"event outline.approved"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Read the outline and {n} linked notes"_s, u"Drafted {m} sections"_s},
         u"Draft ready for editing"_s,
         u"All outline points are covered; {n} claims are marked for sources."_s,
         u"Blog draft: how teams roll out {product}"_s,
         u"# How teams roll out {product}\n\nMost teams start small. {company} began with one workflow and "
         "{m} users, then grew once the first results were in...\n\n[{n} claims need a source]"_s},
        {u"seo-brief-writer"_s, u"marketing"_s, u"content"_s, u"Writes SEO briefs for planned articles"_s,
         {u"Collect search intent, related questions and competing pages for the topic."_s,
          u"Suggest a title and headings; do not write the article."_s,
          u"Keep the brief to one page."_s},
         {u"search.console:read"_s, u"web.fetch:read"_s, u"docs.write:write"_s},
         u"event topic.planned"_s, {u"document"_s}, false, u"markdown"_s,
         {u"Read search data for {n} queries"_s, u"Fetched {m} competing pages"_s},
         u"Target the how-to intent"_s,
         u"{n} of the top results are how-to guides; product pages rank poorly for this query."_s,
         u"SEO brief for {product} setup guide"_s,
         u"Primary query: {product} setup. Intent: how-to. Suggested title: Setting up {product} in an "
         "afternoon. Related questions: {n}."_s},
        {u"webinar-follow-up"_s, u"marketing"_s, u"events"_s, u"Sends follow-ups after webinars"_s,
         {u"Thank attendees and send the recording within a day."_s,
          u"Offer a call to attendees who asked a question."_s,
          u"People who registered but did not attend get the recording only."_s},
         {u"webinar.attendees:read"_s, u"email.draft:write"_s},
         u"event webinar.ended"_s, {u"email"_s}, true, u"email"_s,
         {u"Read {n} attendees and {m} questions"_s, u"Grouped attendees by follow-up type"_s},
         u"Send recording and offer calls"_s,
         u"{m} attendees asked questions and get a call offer; {n} get the recording only."_s,
         u"Webinar follow-up drafted for {n} attendees"_s,
         u"Subject: The recording of today's {product} webinar\n\nHi {first},\n\nthank you for joining us "
         "today. Here is the recording and the slides. You asked a great question about {product}; would "
         "a short call help?\n\nBest regards,\nAcme Events"_s},
        {u"signup-nurture"_s, u"marketing"_s, u"growth"_s, u"Nurtures new trial sign-ups"_s,
         {u"Send a tip that matches what the trial user has not tried yet."_s,
          u"At most one email every three days."_s,
          u"Stop when the user books a demo or upgrades."_s},
         {u"product.usage:read"_s, u"email.draft:write"_s},
         u"schedule 0 10 * * * Europe/Berlin"_s, {u"email"_s}, false, u"email"_s,
         {u"Read trial usage for {n} users"_s, u"Chose the next tip for {m} users"_s},
         u"Send the integrations tip"_s,
         u"{person} has used {product} for {n} days but connected no integration yet."_s,
         u"Nurture emails sent to {m} trial users"_s,
         u"Subject: Connect {product} to the tools you already use\n\nHi {first},\n\nmost teams get the most "
         "out of {product} once it talks to their other tools. Here is a two-minute guide."_s},
        {u"ticket-triage"_s, u"support"_s, u"tier1"_s, u"Classifies and prioritises new support tickets"_s,
         {u"Set product area, priority and language on every new ticket."_s,
          u"Security and data-loss reports are always urgent."_s,
          u"Route tickets in languages we do not support to the translation queue."_s},
         {u"helpdesk.read:read"_s, u"helpdesk.update:write"_s},
         u"event ticket.created"_s, {u"ticket"_s}, false, u"markdown"_s,
         {u"Read ticket {id} from {person}"_s, u"Matched {n} similar solved tickets"_s},
         u"Priority normal, area billing"_s,
         u"The customer asks about an invoice line; no outage, no data loss; {n} similar tickets were billing "
         "questions."_s,
         u"Ticket {id} triaged: billing, normal"_s,
         u"Ticket {id} from {person} ({company}) set to billing, normal priority, English. Suggested macro: "
         "invoice explanation."_s},
        {u"reply-drafter"_s, u"support"_s, u"tier1"_s, u"Drafts first replies to support tickets"_s,
         {u"Draft a reply from the knowledge base; cite the article you used."_s,
          u"Apologise once, not repeatedly."_s,
          u"Hand over to a person when the customer is angry or mentions cancelling."_s},
         {u"helpdesk.read:read"_s, u"kb.search:read"_s, u"helpdesk.reply:write"_s},
         u"event ticket.triaged"_s, {u"ticket"_s}, true, u"email"_s,
         {u"Searched the knowledge base for ticket {id}"_s, u"Found {n} matching articles"_s},
         u"Answer from the knowledge base"_s,
         u"Article KB-{m} answers the question directly; the customer's tone is neutral."_s,
         u"Reply drafted for ticket {id}"_s,
         u"Hi {first},\n\nthanks for reaching out. You can change the billing contact under Settings > "
         "Billing; the steps are in our guide (KB-{m}). Let me know if anything is unclear.\n\nBest,\n"
         "Acme Support"_s},
        {u"escalation-watcher"_s, u"support"_s, u"tier2"_s, u"Watches for tickets that need escalation"_s,
         {u"Escalate tickets open longer than the SLA allows."_s,
          u"Escalate when three or more customers report the same symptom within an hour."_s,
          u"Post escalations to the on-call channel with a one-line summary."_s},
         {u"helpdesk.read:read"_s, u"slack.post:send"_s},
         u"schedule */15 * * * * UTC"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Checked {n} open tickets against their SLA"_s, u"Clustered {m} recent reports by symptom"_s},
         u"Escalate a cluster"_s,
         u"{m} customers reported failing exports of {product} within 40 minutes."_s,
         u"Escalated: {m} reports of failing exports"_s,
         u"Possible incident: {m} customers (including {company}) report failing exports in {product} since "
         "the last hour. Tickets linked."_s},
        {u"bug-reproducer"_s, u"support"_s, u"tier2"_s, u"Tries to reproduce reported bugs in a sandbox"_s,
         {u"Follow the customer's steps in the sandbox account."_s,
          u"Record the exact version, browser and steps."_s,
          u"File an engineering ticket only when the bug reproduces."_s},
         {u"sandbox.run:write"_s, u"helpdesk.read:read"_s, u"issues.create:write"_s},
         u"event ticket.bug_suspected"_s, {u"ticket"_s}, false, u"markdown"_s,
         {u"Set up a sandbox with {n} sample records"_s, u"Replayed the customer's steps"_s},
         u"Bug reproduces"_s,
         u"The error appears on step {n} with the same message the customer saw."_s,
         u"Reproduced ticket {id}: issue filed"_s,
         u"Steps: import a CSV with {m} rows, open the report, change the date filter. Expected: results. "
         "Actual: empty table. Version {n}.4."_s},
        {u"sla-monitor"_s, u"support"_s, u"enterprise"_s, u"Reports SLA compliance for enterprise accounts"_s,
         {u"Measure first response and resolution times per enterprise account."_s,
          u"Warn the account's support lead before a breach, not after."_s,
          u"Include the ticket numbers behind every number."_s},
         {u"helpdesk.read:read"_s, u"slack.post:send"_s},
         u"schedule 0 * * * * UTC"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Read {n} open enterprise tickets"_s, u"Computed time to breach"_s},
         u"Warn about a likely breach"_s,
         u"Ticket {id} for {company} breaches its first-response target in {hours} hours."_s,
         u"SLA warning for {company}"_s,
         u"Ticket {id} ({company}) needs a first response within {hours} hours. All other enterprise tickets "
         "are within target."_s},
        {u"account-briefing"_s, u"support"_s, u"enterprise"_s, u"Briefs engineers before enterprise calls"_s,
         {u"Summarise the account's setup, open tickets and recent incidents."_s,
          u"List the people on the call and their roles."_s,
          u"One page at most."_s},
         {u"crm.lookup:read"_s, u"helpdesk.read:read"_s, u"calendar.read:read"_s},
         u"event meeting.scheduled"_s, {u"email"_s}, false, u"markdown"_s,
         {u"Read {n} tickets of {company}"_s, u"Read the meeting invitation"_s},
         u"Brief with two open risks"_s,
         u"{company} has two open high-priority tickets and was affected by last week's incident."_s,
         u"Briefing for the call with {company}"_s,
         u"Call with {company} ({person}, head of operations). Setup: {m} seats, SSO. Open: {n} tickets, two "
         "high priority. Mention: last week's export incident is fixed."_s},
        {u"kb-gap-finder"_s, u"support"_s, u"knowledge"_s, u"Finds questions the knowledge base does not answer"_s,
         {u"Cluster last week's tickets by question."_s,
          u"Report clusters with no matching article."_s,
          u"Suggest a title for each missing article."_s},
         {u"helpdesk.read:read"_s, u"kb.search:read"_s, u"docs.write:write"_s},
         u"schedule 0 6 * * 1 UTC"_s, {u"document"_s}, false, u"markdown"_s,
         {u"Clustered {n} tickets"_s, u"Searched the knowledge base for {m} clusters"_s},
         u"Report three gaps"_s,
         u"{m} tickets asked how to move data between workspaces; no article covers it."_s,
         u"Knowledge gaps: {n} clusters without an article"_s,
         u"Missing articles:\n1. Moving data between workspaces ({m} tickets)\n2. Exporting {product} audit "
         "reports\n3. Changing the account owner"_s},
        {u"csat-summarizer"_s, u"support"_s, u"knowledge"_s, u"Summarises customer satisfaction comments"_s,
         {u"Summarise the week's satisfaction comments by theme."_s,
          u"Quote customers word for word, never paraphrase a quote."_s,
          u"Leave out names and email addresses."_s},
         {u"helpdesk.read:read"_s, u"slack.post:send"_s},
         u"schedule 0 9 * * 1 Europe/Berlin"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Read {n} survey comments"_s, u"Grouped comments into {m} themes"_s},
         u"Lead with response times"_s,
         u"Response time is the most frequent theme ({n} comments), mostly positive."_s,
         u"CSAT summary: {m} themes from {n} comments"_s,
         u"Satisfaction {m}%. Themes: fast responses (positive), billing clarity (mixed), {product} exports "
         "(negative). Quote: \"Quick and friendly, solved in one reply.\""_s},
        {u"invoice-matcher"_s, u"finance"_s, u"ap"_s, u"Matches supplier invoices to purchase orders"_s,
         {u"Match each invoice to its purchase order and goods receipt."_s,
          u"Amounts may differ by at most 1% or 50 dollars."_s,
          u"Send mismatches to accounts payable with the difference."_s},
         {u"erp.read:read"_s, u"erp.match:write"_s},
         u"event invoice.received"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Read invoice {id}"_s, u"Found purchase order and {n} receipts"_s},
         u"Three-way match within tolerance"_s,
         u"Invoice, order and receipt agree within {m} dollars."_s,
         u"Invoice {id} matched: {amount}"_s,
         u"Invoice {id} from {company} for {amount} matches its purchase order and goods receipt. Ready for "
         "the next payment run."_s},
        {u"vendor-payment-run"_s, u"finance"_s, u"ap"_s, u"Prepares the twice-weekly supplier payment run"_s,
         {u"Collect approved invoices due within seven days."_s,
          u"Take early-payment discounts when they are worth more than 1%."_s,
          u"A person releases the payment file; never send it yourself."_s},
         {u"erp.read:read"_s, u"bank.file:write"_s},
         u"schedule 0 11 * * 2,4 Europe/Berlin"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Collected {n} approved invoices"_s, u"Checked {m} early-payment discounts"_s},
         u"Prepare the payment file"_s,
         u"{n} invoices are due within seven days; {m} discounts are worth taking."_s,
         u"Payment run ready: {n} invoices, {amount}"_s,
         u"Payment run for {n} invoices totalling {amount}. Early-payment discounts taken: {m}. Largest "
         "payment: {company}."_s},
        {u"collections-reminder"_s, u"finance"_s, u"ar"_s, u"Sends polite reminders for overdue invoices"_s,
         {u"Remind customers 7, 21 and 35 days after the due date."_s,
          u"Friendly first, firm third; never threaten."_s,
          u"Copy the account manager on the third reminder."_s},
         {u"billing.read:read"_s, u"email.draft:write"_s},
         u"schedule 0 8 * * 1-5 Europe/Berlin"_s, {u"email"_s}, true, u"email"_s,
         {u"Found {n} overdue invoices"_s, u"Checked payment promises for {m} accounts"_s},
         u"Send the second reminder"_s,
         u"Invoice {id} is 21 days overdue and there is no payment promise on record."_s,
         u"Reminder drafted for invoice {id} ({company})"_s,
         u"Subject: Invoice {id} is overdue\n\nHi {first},\n\nour records show invoice {id} for {amount} is "
         "now 21 days past due. Could you let us know when we can expect payment?\n\nThank you,\nAcme "
         "Accounts Receivable"_s},
        {u"cash-application"_s, u"finance"_s, u"ar"_s, u"Applies incoming payments to open invoices"_s,
         {u"Match bank receipts to open invoices by reference, then by amount."_s,
          u"Leave partial payments open with a note."_s,
          u"Never write off a difference."_s},
         {u"bank.read:read"_s, u"erp.update:write"_s},
         u"schedule 0 7,13 * * 1-5 Europe/Berlin"_s, {u"document"_s}, false, u"markdown"_s,
         {u"Read {n} bank receipts"_s, u"Matched {m} receipts by reference"_s},
         u"Apply matched receipts"_s,
         u"{m} receipts carry an invoice reference; {n} matched by amount and customer."_s,
         u"Applied {m} payments, {n} left for review"_s,
         u"Applied {m} payments totalling {amount}. Unmatched: a receipt from {company} without reference."_s},
        {u"budget-variance"_s, u"finance"_s, u"fpa"_s, u"Explains budget variances after month end"_s,
         {u"Compare actuals with budget for every cost centre."_s,
          u"Explain variances above 5% with the transactions behind them."_s,
          u"Write for department heads, not accountants."_s},
         {u"erp.read:read"_s, u"warehouse.query:read"_s, u"docs.write:write"_s},
         u"schedule 0 6 3 * * Europe/Berlin"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Read actuals for {n} cost centres"_s, u"Found {m} variances above 5%"_s},
         u"Explain the largest variance first"_s,
         u"Software spend is {m}% over budget because of an annual licence paid in one month."_s,
         u"Variance report: {m} cost centres over budget"_s,
         u"{m} cost centres are over budget, together {amount}. Largest: engineering software, an annual "
         "{product} licence booked in one month."_s},
        {u"payroll-checker"_s, u"finance"_s, u"payroll"_s, u"Checks the payroll run before it is released"_s,
         {u"Compare this month's payroll with last month's per person."_s,
          u"Flag changes above 10% that have no approved change request."_s,
          u"Never show salaries outside the payroll team."_s},
         {u"hris.read:read"_s, u"payroll.read:read"_s},
         u"schedule 0 9 22 * * Europe/Berlin"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Compared {n} payslips with last month"_s, u"Checked {m} change requests"_s},
         u"Payroll can be released"_s,
         u"All {n} changes above 10% have an approved change request."_s,
         u"Payroll check passed for {n} people"_s,
         u"Payroll for {n} people checked. Changes above 10%: {m}, each with an approved request. No "
         "duplicate bank accounts."_s},
        {u"interview-scheduler"_s, u"people"_s, u"recruiting"_s, u"Schedules interview loops with candidates"_s,
         {u"Offer interview slots within five business days."_s,
          u"Never schedule more than two interviews a day for one interviewer."_s,
          u"Write to candidates warmly and briefly."_s},
         {u"ats.read:read"_s, u"calendar.book:write"_s, u"email.draft:write"_s},
         u"event candidate.stage_changed"_s, {u"email"_s}, true, u"email"_s,
         {u"Read availability of {n} interviewers"_s, u"Built a loop of {m} interviews"_s},
         u"Propose a loop on Thursday"_s,
         u"All {m} interviewers are free on Thursday afternoon; none has two interviews that day yet."_s,
         u"Interview loop proposed to {person}"_s,
         u"Subject: Your interviews at Acme\n\nHi {first},\n\nwe would love to continue. Would Thursday "
         "afternoon work for {m} short conversations with the team?\n\nBest,\nAcme Recruiting"_s},
        {u"candidate-screener"_s, u"people"_s, u"recruiting"_s, u"Summarises applications against the role profile"_s,
         {u"Summarise each application against the role's must-haves."_s,
          u"Do not score age, gender, nationality or photos; ignore them."_s,
          u"A recruiter makes every decision."_s},
         {u"ats.read:read"_s, u"ats.note:write"_s},
         u"event application.received"_s, {u"ticket"_s}, false, u"markdown"_s,
         {u"Read the application of {person}"_s, u"Compared with {n} must-haves"_s},
         u"Meets the must-haves"_s,
         u"{person} meets {n} of {n} must-haves; experience with {product} is a plus."_s,
         u"Screening note for {person}"_s,
         u"{person}: meets all must-haves. Strengths: {m} years in similar roles, experience with {product}. "
         "Open question: notice period."_s},
        {u"onboarding-buddy"_s, u"people"_s, u"onboarding"_s, u"Guides new hires through their first weeks"_s,
         {u"Send the new hire one small task a day in the first two weeks."_s,
          u"Answer questions from the handbook and link the section."_s,
          u"Send anything about pay or contracts to the people team."_s},
         {u"hris.read:read"_s, u"handbook.search:read"_s, u"slack.post:send"_s},
         u"schedule 30 8 * * 1-5 Europe/Berlin"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Found {n} people in their first two weeks"_s, u"Picked today's task for each"_s},
         u"Send day tasks"_s,
         u"{n} new hires are in onboarding; each gets the task for their day."_s,
         u"Onboarding tasks sent to {n} new hires"_s,
         u"Good morning {first}! Today's task: set up your laptop backups (10 minutes, handbook section 4.2). "
         "Ask me anything."_s},
        {u"policy-answerer"_s, u"people"_s, u"people-ops"_s, u"Answers questions about people policies"_s,
         {u"Answer from the current handbook only and link the section."_s,
          u"Say so when the handbook does not cover a question."_s,
          u"Never give legal or tax advice."_s},
         {u"handbook.search:read"_s, u"slack.post:send"_s},
         u"event slack.mention"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Searched the handbook for the question"_s, u"Found {n} relevant sections"_s},
         u"Answer from the parental leave section"_s,
         u"Section {n}.3 answers the question completely."_s,
         u"Answered a question about parental leave"_s,
         u"Parental leave is {m} weeks at full pay; the request form and the details are in handbook section "
         "{n}.3."_s},
        {u"dependency-updater"_s, u"engineering"_s, u"platform"_s, u"Opens pull requests for dependency updates"_s,
         {u"Update one dependency per pull request."_s,
          u"Security fixes first; major versions only with the changelog summarised."_s,
          u"Never merge; a person reviews every update."_s},
         {u"repo.read:read"_s, u"repo.pull_request:write"_s, u"ci.status:read"_s},
         u"schedule 0 4 * * 1-5 UTC"_s, {u"pull-request"_s}, false, u"markdown"_s,
         {u"Checked {n} dependencies for updates"_s, u"Ran the test suite on the update branch"_s},
         u"Open a pull request for a patch release"_s,
         u"A patch release fixes a security advisory; tests pass on the branch."_s,
         u"Pull request opened: update a logging library"_s,
         u"Updates the logging library from {n}.2.1 to {n}.2.4 (security fix). Changelog: two bug fixes, no "
         "API changes. CI: {m} tests passed."_s},
        {u"cloud-cost-watcher"_s, u"engineering"_s, u"platform"_s, u"Watches cloud spend for anomalies"_s,
         {u"Compare daily cloud spend per service with its 14-day average."_s,
          u"Report anomalies above 25% with the resource behind them."_s,
          u"Suggest a fix; never change infrastructure."_s},
         {u"cloud.billing:read"_s, u"slack.post:send"_s},
         u"schedule 0 5 * * * UTC"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Read spend for {n} services"_s, u"Compared with the 14-day average"_s},
         u"Report one anomaly"_s,
         u"Storage spend rose {m}% because snapshots of a test database were never deleted."_s,
         u"Cloud spend anomaly: storage up {m}%"_s,
         u"Storage spend yesterday: {amount} ({m}% above average). Cause: {n} snapshots of a test database. "
         "Suggested fix: a 7-day retention rule."_s},
        {u"pr-reviewer"_s, u"engineering"_s, u"web"_s, u"Reviews pull requests for common mistakes"_s,
         {u"Comment on bugs, missing tests and unclear names; skip style nits the linter catches."_s,
          u"At most five comments per pull request."_s,
          u"Approve nothing; humans approve."_s},
         {u"repo.read:read"_s, u"repo.comment:write"_s},
         u"event pull_request.opened"_s, {u"pull-request"_s}, false, u"markdown"_s,
         {u"Read the diff of pull request {id}"_s, u"Ran static checks on {n} changed files"_s},
         u"Comment on a missing test"_s,
         u"The change adds a branch for empty input that no test covers."_s,
         u"Reviewed pull request {id}: {m} comments"_s,
         u"The new branch for empty input is not covered by a test. Consider a case in the existing suite; "
         "the rest looks good."_s},
        {u"crash-triage"_s, u"engineering"_s, u"mobile"_s, u"Groups new app crashes and finds the likely change"_s,
         {u"Group crashes by stack signature."_s,
          u"Link each new group to the release and the commits that likely caused it."_s,
          u"File an issue for groups affecting more than 0.1% of sessions."_s},
         {u"crashes.read:read"_s, u"repo.read:read"_s, u"issues.create:write"_s},
         u"schedule 0 */6 * * * UTC"_s, {u"ticket"_s}, false, u"markdown"_s,
         {u"Read {n} new crash reports"_s, u"Grouped them into {m} signatures"_s},
         u"File an issue for one group"_s,
         u"One new signature affects {m} sessions per thousand since release {n}.1."_s,
         u"New crash group in release {n}.1"_s,
         u"A null pointer in the sync screen crashes {m} of every thousand sessions since {n}.1. Likely cause: "
         "the offline cache change."_s},
        {u"incident-summarizer"_s, u"engineering"_s, u"sre"_s, u"Writes incident summaries from the incident channel"_s,
         {u"Summarise impact, timeline, cause and follow-ups."_s,
          u"Use times in UTC."_s,
          u"Leave blame out; describe systems, not people."_s},
         {u"slack.read:read"_s, u"monitoring.read:read"_s, u"docs.write:write"_s},
         u"event incident.resolved"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Read {n} messages from the incident channel"_s, u"Pulled {m} alerts from monitoring"_s},
         u"Summarise as a minor incident"_s,
         u"Impact was limited to exports for {m} minutes with no data loss."_s,
         u"Incident summary: exports degraded for {m} minutes"_s,
         u"Impact: exports in {product} failed for {m} minutes. Cause: a full disk on a worker. Follow-ups: "
         "disk alerts at 80%, {n} action items."_s},
        {u"on-call-handover"_s, u"engineering"_s, u"sre"_s, u"Writes the on-call handover note"_s,
         {u"List open alerts, ongoing incidents and risky deploys."_s,
          u"Link every item."_s,
          u"Keep it short enough to read in two minutes."_s},
         {u"monitoring.read:read"_s, u"deploys.read:read"_s, u"slack.post:send"_s},
         u"schedule 0 8,20 * * * UTC"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Read {n} open alerts"_s, u"Read {m} deploys since the last handover"_s},
         u"Quiet shift, one item to watch"_s,
         u"No incidents; one deploy changed the queue configuration."_s,
         u"On-call handover: {n} open alerts"_s,
         u"Open alerts: {n} (all low). Deploys: {m}; watch the queue configuration change. No incidents."_s},
        {u"pipeline-watcher"_s, u"engineering"_s, u"data"_s, u"Watches data pipelines for late or failed jobs"_s,
         {u"Check that every daily job finished and row counts look normal."_s,
          u"Rerun a failed job once; then alert the owner."_s,
          u"Never edit data by hand."_s},
         {u"scheduler.read:read"_s, u"scheduler.rerun:write"_s, u"slack.post:send"_s},
         u"schedule 30 5 * * * UTC"_s, {u"slack"_s}, false, u"markdown"_s,
         {u"Checked {n} daily jobs"_s, u"Compared row counts with the last week"_s},
         u"All jobs healthy"_s,
         u"All {n} jobs finished; row counts are within 5% of last week."_s,
         u"Pipelines healthy: {n} jobs checked"_s,
         u"{n} jobs finished on time. Largest table grew by {m} thousand rows, in line with last week."_s},
        {u"contract-redliner"_s, u"legal"_s, u"contracts"_s, u"Marks up customer contracts against our playbook"_s,
         {u"Compare each clause with the contract playbook."_s,
          u"Propose our fallback wording where the customer deviates."_s,
          u"Liability and indemnity changes always go to a lawyer."_s},
         {u"docs.read:read"_s, u"playbook.search:read"_s, u"docs.write:write"_s},
         u"event contract.uploaded"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Split the contract into {n} clauses"_s, u"Compared {m} clauses with the playbook"_s},
         u"Two clauses need a lawyer"_s,
         u"The customer caps our liability at fees paid and adds an indemnity; both go to a lawyer."_s,
         u"Redline ready for the {company} agreement"_s,
         u"Redline for {company}: {m} changes proposed, 2 escalated (liability cap, indemnity). Payment terms "
         "accepted at net 45."_s},
        {u"nda-checker"_s, u"legal"_s, u"contracts"_s, u"Checks incoming NDAs against the standard"_s,
         {u"Accept NDAs that match our standard or its approved variants."_s,
          u"List every deviation with the clause number."_s,
          u"Never sign."_s},
         {u"docs.read:read"_s, u"playbook.search:read"_s},
         u"event nda.received"_s, {u"ticket"_s}, false, u"markdown"_s,
         {u"Read the NDA from {company}"_s, u"Compared {n} clauses with the standard"_s},
         u"Standard NDA with one deviation"_s,
         u"The term is five years instead of three; everything else matches."_s,
         u"NDA from {company}: one deviation"_s,
         u"The NDA from {company} matches our standard except clause {n} (term five years instead of three). "
         "Approved variant: yes."_s},
        {u"dsar-handler"_s, u"legal"_s, u"privacy"_s, u"Prepares responses to data subject requests"_s,
         {u"Find all personal data about the requester in the listed systems."_s,
          u"Answer within the legal deadline; track the due date."_s,
          u"A privacy lead sends every response."_s},
         {u"crm.lookup:read"_s, u"helpdesk.read:read"_s, u"docs.write:write"_s},
         u"event privacy.request"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Searched {n} systems for the requester"_s, u"Collected {m} records"_s},
         u"Access request, data found in three systems"_s,
         u"The requester has records in the CRM, the helpdesk and billing."_s,
         u"Access request {id}: {m} records collected"_s,
         u"Request {id}: access. Records found: CRM ({n}), helpdesk ({m}), billing (2). Due in {hours} days."_s},
        {u"trademark-watch"_s, u"legal"_s, u"ip"_s, u"Watches new trademark filings that resemble ours"_s,
         {u"Check new filings in our classes for names similar to our marks."_s,
          u"Report only similarity scores above 0.7."_s,
          u"Include the filing number and the deadline for opposition."_s},
         {u"trademarks.search:read"_s, u"docs.write:write"_s},
         u"schedule 0 6 * * 3 UTC"_s, {u"document"_s}, false, u"markdown"_s,
         {u"Read {n} new filings in our classes"_s, u"Scored similarity with {m} marks"_s},
         u"No filing needs action"_s,
         u"The highest similarity score this week is 0.{m}."_s,
         u"Trademark watch: {n} filings checked"_s,
         u"{n} new filings checked; none above the threshold. Closest: a software mark scored 0.{m}."_s},
        {u"access-reviewer"_s, u"operations"_s, u"it"_s, u"Runs the quarterly access review"_s,
         {u"List every person's access to critical systems."_s,
          u"Flag access that does not match the person's role or that was unused for 60 days."_s,
          u"Managers decide; never revoke access yourself."_s},
         {u"directory.read:read"_s, u"sso.read:read"_s, u"ticket.create:write"_s},
         u"schedule 0 7 1 * * UTC"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Read access lists of {n} systems"_s, u"Compared {m} accounts with their roles"_s},
         u"Flag unused admin access"_s,
         u"{m} admin accounts were unused for more than 60 days."_s,
         u"Access review: {m} accounts to confirm"_s,
         u"{m} accounts need a manager's decision: unused admin access in the billing system and {n} "
         "leavers' accounts still active."_s},
        {u"laptop-provisioner"_s, u"operations"_s, u"it"_s, u"Prepares laptops for new hires"_s,
         {u"Order the standard laptop for the role two weeks before the start date."_s,
          u"Enrol it in device management before shipping."_s,
          u"Ask the manager when the role needs special hardware."_s},
         {u"hris.read:read"_s, u"mdm.enrol:write"_s, u"procurement.order:write"_s},
         u"event hire.confirmed"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Read the start date and role of {person}"_s, u"Checked stock for the standard model"_s},
         u"Order the standard engineering laptop"_s,
         u"The role is engineering and the start date is in {n} days; the standard model is in stock."_s,
         u"Laptop ordered for {person}"_s,
         u"Standard engineering laptop ordered for {person}, shipping in {hours} days, enrolment prepared."_s},
        {u"vendor-risk-scanner"_s, u"operations"_s, u"procurement"_s, u"Assesses new vendors' security and privacy"_s,
         {u"Collect the vendor's certifications, data locations and subprocessors."_s,
          u"Rate the risk low, medium or high with reasons."_s,
          u"High risk needs the security team's review before signing."_s},
         {u"web.fetch:read"_s, u"docs.read:read"_s, u"ticket.create:write"_s},
         u"event vendor.requested"_s, {u"ticket"_s}, true, u"markdown"_s,
         {u"Read the security questionnaire of {company}"_s, u"Checked {n} subprocessors"_s},
         u"Medium risk"_s,
         u"{company} holds a current SOC 2 report but stores data with {n} subprocessors."_s,
         u"Vendor assessment for {company}: medium risk"_s,
         u"{company}: SOC 2 type II current, data stored in the EU, {n} subprocessors. Risk: medium because of "
         "broad subprocessor access."_s},
        {u"po-drafter"_s, u"operations"_s, u"procurement"_s, u"Drafts purchase orders from approved requests"_s,
         {u"Draft a purchase order for every approved purchase request."_s,
          u"Use the contracted price when a framework agreement exists."_s,
          u"Orders above 10,000 dollars need a second approver."_s},
         {u"erp.read:read"_s, u"erp.po:write"_s},
         u"event purchase.approved"_s, {u"document"_s}, true, u"markdown"_s,
         {u"Read purchase request {id}"_s, u"Found a framework agreement with {company}"_s},
         u"Use the framework price"_s,
         u"A framework agreement with {company} covers this item at a lower price."_s,
         u"Purchase order drafted: {amount} with {company}"_s,
         u"Purchase order for {m} units from {company} at the framework price, total {amount}. Delivery in "
         "{n} days."_s},
        {u"office-digest"_s, u"operations"_s, u"facilities"_s, u"Sends the weekly office digest"_s,
         {u"Summarise desk bookings, maintenance and events for next week."_s,
          u"One short paragraph per office."_s,
          u"Do not list people's names."_s},
         {u"desks.read:read"_s, u"facilities.read:read"_s, u"email.draft:write"_s},
         u"schedule 0 15 * * 5 Europe/Berlin"_s, {u"email"_s}, false, u"markdown"_s,
         {u"Read bookings for {n} desks"_s, u"Read {m} maintenance tickets"_s},
         u"Mention the fire drill"_s,
         u"A fire drill is planned on Wednesday; occupancy is expected at {m}%."_s,
         u"Office digest for next week"_s,
         u"Next week: desks {m}% booked on average, fire drill Wednesday 11:00, coffee machine repair on "
         "Monday."_s},
        {u"phishing-triage"_s, u"operations"_s, u"security"_s, u"Triages emails reported as phishing"_s,
         {u"Check reported emails' links, attachments and sender reputation."_s,
          u"Quarantine confirmed phishing across all mailboxes."_s,
          u"Tell the reporter what happened, in plain words."_s},
         {u"mail.read:read"_s, u"mail.quarantine:write"_s, u"threatintel.lookup:read"_s},
         u"event phishing.reported"_s, {u"email"_s, u"ticket"_s}, false, u"markdown"_s,
         {u"Analysed {n} links in the reported email"_s, u"Looked up the sender's reputation"_s},
         u"Confirmed phishing, quarantine"_s,
         u"The link leads to a credential form on a domain registered {n} days ago."_s,
         u"Phishing confirmed: {m} copies quarantined"_s,
         u"Thanks for reporting! The email was phishing; we removed {m} copies from other mailboxes. No one "
         "entered a password."_s},
    };
    return kinds;
}

const QList<DemoModel> &DemoText::models()
{
    static const QList<DemoModel> models{
        {u"gpt-4o"_s, 2.50, 10.00, 12, false},
        {u"gpt-4o-mini"_s, 0.15, 0.60, 8, true},
        {u"claude-3-5-sonnet"_s, 3.00, 15.00, 14, false},
        {u"claude-3-5-haiku"_s, 0.80, 4.00, 9, true},
        {u"gemini-1.5-flash"_s, 0.075, 0.30, 6, true},
    };
    return models;
}

const QList<DemoSpecEdit> &DemoText::specEdits()
{
    using Kind = DemoSpecEdit::Kind;
    static const QList<DemoSpecEdit> edits{
        {Kind::AddInstruction, u"Never promise discounts or delivery dates; hand those questions to a person."_s,
         u"Stop promising things we have not agreed to"_s},
        {Kind::AddInstruction, u"Write in plain words; no jargon, no exclamation marks."_s,
         u"Tighten tone after complaints from APAC prospects"_s},
        {Kind::AddInstruction, u"If you are unsure, stop and ask the owner instead of guessing."_s,
         u"Guessing caused two wrong answers last week"_s},
        {Kind::AddInstruction, u"Leave out customers' personal data that the task does not need."_s,
         u"Data minimisation, as asked by the privacy team"_s},
        {Kind::AddInstruction, u"Put the one-line summary first, details after."_s,
         u"Reviewers asked for the conclusion up front"_s},
        {Kind::AddInstruction, u"Skip anything already handled in the last 24 hours."_s,
         u"Avoid duplicate work after the retry bug"_s},
        {Kind::AddInstruction, u"Mention the ticket or record number in every output."_s,
         u"Make outputs traceable for the audit"_s},
        {Kind::CheaperModel, {}, u"Switch to cheaper model for triage"_s},
        {Kind::CheaperModel, {}, u"Cut cost: the small model scored the same in our evals"_s},
        {Kind::StrongerModel, {}, u"Move to a stronger model after quality complaints"_s},
        {Kind::StrongerModel, {}, u"Long inputs confused the small model"_s},
        {Kind::LowerTemperature, {}, u"Lower temperature: outputs varied too much between runs"_s},
        {Kind::MoreTokens, {}, u"Raise the output limit; long threads were cut off"_s},
        {Kind::AddTool, u"wiki.search:read"_s, u"Let it look things up in the internal wiki"_s},
        {Kind::AddTool, u"calendar.read:read"_s, u"Needs calendars to avoid proposing busy times"_s},
        {Kind::EarlierSchedule, {}, u"Run an hour earlier so results are ready for stand-up"_s},
        {Kind::LongerApprovalExpiry, {}, u"Give reviewers more time over weekends"_s},
        {Kind::AddOutput, u"slack"_s, u"Post a copy to the team channel so people see what went out"_s},
    };
    return edits;
}

const QList<DemoFailure> &DemoText::failures()
{
    static const QList<DemoFailure> failures{
        {u"Model provider rate limit (HTTP 429)"_s,
         u"The model provider answered 429 Too Many Requests three times; retries with backoff (2 s, 4 s, 8 s) "
         "were used up. The run stopped before producing output."_s},
        {u"Tool call timed out after 30 s"_s,
         u"A tool call got no answer within 30 seconds (upstream HTTP 504 Gateway Timeout). The run stopped; "
         "nothing was written."_s},
        {u"Output failed schema validation"_s,
         u"The model's answer was missing the required field \"summary\" after two attempts; the output was "
         "discarded."_s},
        {u"Permission denied by the tool"_s,
         u"The tool refused the call with 403 Forbidden: the agent's service account lacks the scope it "
         "needs. Ask an admin to check the grant."_s},
        {u"Context length exceeded"_s,
         u"The input was longer than the model's context window after loading all records; the run stopped. "
         "Consider summarising inputs first."_s},
        {u"Upstream service unavailable"_s,
         u"A dependency answered 503 Service Unavailable during maintenance; the run stopped and will be "
         "retried by the next trigger."_s},
    };
    return failures;
}

const QStringList &DemoText::approvalReasons()
{
    static const QStringList reasons{u"Reviewed the diff; looks good"_s, u"Fine by me"_s,
                                     u"Checked against the brief; approved"_s, u"OK, small and reversible"_s,
                                     u"Approved after a quick test run"_s};
    return reasons;
}

const QStringList &DemoText::nameSuffixes()
{
    static const QStringList suffixes{u"emea"_s,  u"apac"_s,    u"amer"_s,   u"latam"_s,  u"dach"_s,   u"nordics"_s,
                                      u"smb"_s,   u"mid-market"_s, u"enterprise"_s, u"pilot"_s, u"nightly"_s,
                                      u"weekly"_s, u"v2"_s,      u"beta"_s};
    return suffixes;
}

const QStringList &DemoText::firstNames()
{
    static const QStringList names{
        u"Ada"_s,    u"Amara"_s,  u"Andrei"_s, u"Aisha"_s,  u"Ben"_s,    u"Carmen"_s, u"Chen"_s,   u"Chloe"_s,
        u"Daniel"_s, u"Elena"_s,  u"Emeka"_s,  u"Eva"_s,    u"Farah"_s,  u"Felix"_s,  u"Grace"_s,  u"Hannah"_s,
        u"Hiro"_s,   u"Ines"_s,   u"Ivan"_s,   u"Jonas"_s,  u"Julia"_s,  u"Kai"_s,    u"Kofi"_s,   u"Lara"_s,
        u"Leila"_s,  u"Lucas"_s,  u"Maya"_s,   u"Mateo"_s,  u"Mei"_s,    u"Mia"_s,    u"Nadia"_s,  u"Noah"_s,
        u"Olivia"_s, u"Omar"_s,   u"Paulo"_s,  u"Quinn"_s,  u"Rafael"_s, u"Rosa"_s,   u"Ravi"_s,   u"Sara"_s,
        u"Sofia"_s,  u"Tariq"_s,  u"Tomas"_s,  u"Uma"_s,    u"Victor"_s, u"Wen"_s,    u"Yara"_s,   u"Yusuf"_s,
        u"Zoe"_s,    u"Anton"_s,  u"Bianca"_s, u"Diego"_s,  u"Freya"_s,  u"Ingrid"_s, u"Jamal"_s,  u"Linh"_s,
    };
    return names;
}

const QStringList &DemoText::lastNames()
{
    static const QStringList names{
        u"Adeyemi"_s, u"Alvarez"_s,  u"Andersen"_s, u"Bauer"_s,   u"Becker"_s,  u"Castro"_s,  u"Chen"_s,
        u"Costa"_s,   u"Dubois"_s,   u"Eriksen"_s,  u"Fischer"_s, u"Garcia"_s,  u"Hansen"_s,  u"Hoffmann"_s,
        u"Ibrahim"_s, u"Ivanova"_s,  u"Jensen"_s,   u"Khan"_s,    u"Kowalski"_s, u"Lee"_s,    u"Lindqvist"_s,
        u"Mendes"_s,  u"Meyer"_s,    u"Moreau"_s,   u"Mueller"_s, u"Nakamura"_s, u"Nguyen"_s, u"Novak"_s,
        u"Okafor"_s,  u"Olsen"_s,    u"Park"_s,     u"Patel"_s,   u"Petrov"_s,  u"Quintero"_s, u"Rahman"_s,
        u"Reyes"_s,   u"Richter"_s,  u"Rossi"_s,    u"Santos"_s,  u"Schmidt"_s, u"Silva"_s,   u"Singh"_s,
        u"Suzuki"_s,  u"Tanaka"_s,   u"Torres"_s,   u"Vargas"_s,  u"Weber"_s,   u"Wong"_s,    u"Yilmaz"_s,
        u"Zhang"_s,   u"Horvat"_s,   u"Mensah"_s,   u"Haddad"_s,  u"Sato"_s,    u"Kaur"_s,    u"Larsen"_s,
    };
    return names;
}

const QStringList &DemoText::customerCompanies()
{
    static const QStringList names{
        u"Northwind Logistics"_s, u"Bluefin Analytics"_s, u"Harbor Health"_s,      u"Kestrel Robotics"_s,
        u"Meridian Foods"_s,      u"Orchid Biotech"_s,    u"Pinecrest Insurance"_s, u"Quartz Energy"_s,
        u"Redwood Retail"_s,      u"Solstice Media"_s,    u"Tidewater Shipping"_s, u"Umbra Security"_s,
        u"Vantage Mobility"_s,    u"Willow Education"_s,  u"Zenith Aerospace"_s,   u"Alder Capital"_s,
        u"Brightline Rail"_s,     u"Cobalt Mining"_s,     u"Driftwood Hotels"_s,   u"Evergreen Clinics"_s,
        u"Falcon Freight"_s,      u"Granite Construction"_s, u"Helix Pharma"_s,    u"Ironclad Manufacturing"_s,
    };
    return names;
}

const QStringList &DemoText::products()
{
    static const QStringList names{u"Acme Flow"_s, u"Acme Insights"_s, u"Acme Connect"_s, u"Acme Vault"_s,
                                   u"Acme Forms"_s, u"Acme Mobile"_s};
    return names;
}

QStringList DemoText::departmentPolicy(const QString &department)
{
    if (department == u"sales") {
        return {u"Follow the sales playbook for tone and next steps."_s};
    }
    if (department == u"marketing") {
        return {u"Follow the brand voice guide."_s};
    }
    if (department == u"support") {
        return {u"Customers come first: be accurate, then be fast."_s};
    }
    if (department == u"finance") {
        return {u"Every number must trace back to a source record."_s};
    }
    if (department == u"people") {
        return {u"Treat personal data as confidential."_s};
    }
    if (department == u"engineering") {
        return {u"Prefer small, reversible changes."_s};
    }
    if (department == u"legal") {
        return {u"This is not legal advice; a lawyer decides."_s};
    }
    return {u"Follow the operations runbook."_s};
}

const QStringList &DemoText::commonInstructions()
{
    static const QStringList lines{u"Log every tool call with its purpose."_s,
                                   u"Stop and report when a tool fails twice."_s};
    return lines;
}

QString DemoText::storyAgentName()
{
    return u"prospect-mailer"_s;
}

QString DemoText::storyTeam()
{
    return u"outbound"_s;
}

QString DemoText::storyOwner()
{
    return u"dana.kim"_s;
}

QString DemoText::storyOwnerDisplayName()
{
    return u"Dana Kim"_s;
}

QString DemoText::storyEditor()
{
    return u"priya.shah"_s;
}

QString DemoText::storyEditorDisplayName()
{
    return u"Priya Shah"_s;
}

QString DemoText::storyEditorTeam()
{
    return u"events"_s;
}

const QList<DemoStoryVersion> &DemoText::storyVersions()
{
    using Kind = DemoSpecEdit::Kind;
    static const QList<DemoStoryVersion> versions{
        {2, u"dana.kim"_s, u"First version for the summit invitation campaign"_s, u"Lisbon"_s, std::nullopt},
        {19, u"dana.kim"_s, u"Tighten tone after complaints from APAC prospects"_s, u"Lisbon"_s,
         DemoSpecEdit{Kind::AddInstruction, u"Write in plain words; no jargon, no exclamation marks."_s, {}}},
        {37, u"dana.kim"_s, u"Sign as the account executive from the CRM record"_s, u"Lisbon"_s,
         DemoSpecEdit{Kind::AddInstruction, u"Sign as the account executive named in the CRM record."_s, {}}},
        {52, u"priya.shah"_s, u"Refresh event copy from marketing brief"_s, u"London"_s, std::nullopt},
        {66, u"dana.kim"_s, u"Switch to cheaper model for first drafts"_s, u"London"_s, DemoSpecEdit{Kind::CheaperModel, {}, {}}},
    };
    return versions;
}

QString DemoText::summit(const QString &city)
{
    return u"Acme Summit 2027 in "_s + city;
}

} // namespace steward
