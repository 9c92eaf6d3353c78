<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>The control room for background AI agents.</source>
        <translation>Die Schaltzentrale für KI-Agenten im Hintergrund.</translation>
    </message>
    <message>
        <source>The workspace file to open.</source>
        <translation>Die zu öffnende Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>Open the demo workspace, building it first if it is not there yet.</source>
        <translation>Den Demo-Arbeitsbereich öffnen und ihn vorher erstellen, falls er noch nicht vorhanden ist.</translation>
    </message>
    <message>
        <source>Select the node at PATH in the tree.</source>
        <translation>Den Knoten PATH im Baum auswählen.</translation>
    </message>
    <message>
        <source>Save a picture of the window to PNG once it is shown, then quit.</source>
        <translation>Ein Bild des Fensters als PNG speichern, sobald es angezeigt wird, und dann beenden.</translation>
    </message>
    <message>
        <source>With --tab versions: select these versions, e.g. 3,4 (one is compared with its parent).</source>
        <translation>Mit --tab versions: diese Versionen auswählen, z. B. 3,4 (eine einzelne wird mit ihrer Vorgängerversion verglichen).</translation>
    </message>
    <message>
        <source>Open the audit bundle FILE read-only (auditor mode).</source>
        <translation>Das Prüfpaket FILE schreibgeschützt öffnen (Prüfermodus).</translation>
    </message>
    <message>
        <source>With --bundle: the public key (hex) to check its signature against.</source>
        <translation>Mit --bundle: der öffentliche Schlüssel (hex), mit dem seine Signatur geprüft wird.</translation>
    </message>
    <message>
        <source>Work on the workspace this server shares; the token comes from the STEWARD_TOKEN environment variable.</source>
        <translation>Mit dem Arbeitsbereich arbeiten, den dieser Server bereitstellt; das Token kommt aus der Umgebungsvariablen STEWARD_TOKEN.</translation>
    </message>
    <message>
        <source>--server needs STEWARD_TOKEN set.</source>
        <translation>--server braucht die Umgebungsvariable STEWARD_TOKEN.</translation>
    </message>
    <message>
        <source>Show TAB: overview, versions, reliability or runs (of the selected node), audit, feed or inbox.</source>
        <translation>TAB anzeigen: overview, versions, reliability oder runs (des ausgewählten Knotens), audit, feed oder inbox.</translation>
    </message>
</context>
<context>
    <name>steward::AccessService</name>
    <message>
        <source>&quot;%1&quot; is not a valid name: use lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; (at most 64).</source>
        <translation>„%1“ ist kein gültiger Name: Verwenden Sie Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos; (höchstens 64).</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 gibt es bereits.</translation>
    </message>
    <message>
        <source>The agent role is for agent identities, and agent identities hold only the agent role.</source>
        <translation>Die Rolle agent ist für Agentenidentitäten, und Agentenidentitäten haben nur die Rolle agent.</translation>
    </message>
    <message>
        <source>An agent identity acts for one agent: grant it on an agent, not on %1.</source>
        <translation>Eine Agentenidentität handelt für einen Agenten: Vergeben Sie die Rolle auf einem Agenten, nicht auf %1.</translation>
    </message>
    <message>
        <source>%1 is already %2 on %3.</source>
        <translation>%1 hat bereits die Rolle %2 auf %3.</translation>
    </message>
    <message>
        <source>A token needs a name of 1 to 64 characters.</source>
        <translation>Ein Token braucht einen Namen mit 1 bis 64 Zeichen.</translation>
    </message>
    <message>
        <source>%1 already has a live token called %2; revoke it first.</source>
        <translation>%1 hat bereits ein gültiges Token namens %2; widerrufen Sie es zuerst.</translation>
    </message>
</context>
<context>
    <name>steward::ActivityQueryParser</name>
    <message>
        <source>the query is %1 characters long; at most %2 are allowed</source>
        <translation>die Abfrage ist %1 Zeichen lang; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>the control character U+%1 is not allowed</source>
        <translation>das Steuerzeichen U+%1 ist nicht erlaubt</translation>
    </message>
    <message>
        <source>the query is empty; expected a word, a &quot;phrase&quot; or a filter such as kind:error</source>
        <translation>die Abfrage ist leer; erwartet wird ein Wort, eine &quot;Phrase&quot; oder ein Filter wie kind:error</translation>
    </message>
    <message>
        <source>unmatched &apos;)&apos;</source>
        <translation>&apos;)&apos; ohne Gegenstück</translation>
    </message>
    <message>
        <source>at %1: %2</source>
        <translation>bei %1: %2</translation>
    </message>
    <message>
        <source>OR must be followed by a term</source>
        <translation>auf OR muss ein Suchbegriff folgen</translation>
    </message>
    <message>
        <source>expected a term before OR</source>
        <translation>vor OR wird ein Suchbegriff erwartet</translation>
    </message>
    <message>
        <source>AND must stand between two terms</source>
        <translation>AND muss zwischen zwei Suchbegriffen stehen</translation>
    </message>
    <message>
        <source>expected a term</source>
        <translation>ein Suchbegriff wird erwartet</translation>
    </message>
    <message>
        <source>expected a term before &apos;)&apos;</source>
        <translation>vor &apos;)&apos; wird ein Suchbegriff erwartet</translation>
    </message>
    <message>
        <source>&apos;-&apos; must be directly followed by the word, &quot;phrase&quot;, filter or group to exclude</source>
        <translation>auf &apos;-&apos; muss direkt das auszuschließende Wort, die &quot;Phrase&quot;, der Filter oder die Gruppe folgen</translation>
    </message>
    <message>
        <source>too many terms; at most %1 are allowed</source>
        <translation>zu viele Suchbegriffe; höchstens %1 sind erlaubt</translation>
    </message>
    <message>
        <source>parentheses nested too deeply; at most %1 levels are allowed</source>
        <translation>Klammern zu tief verschachtelt; höchstens %1 Ebenen sind erlaubt</translation>
    </message>
    <message>
        <source>empty parentheses; expected a term</source>
        <translation>leere Klammern; ein Suchbegriff wird erwartet</translation>
    </message>
    <message>
        <source>unclosed &apos;(&apos;</source>
        <translation>nicht geschlossene &apos;(&apos;</translation>
    </message>
    <message>
        <source>unterminated quote; expected a closing &apos;&quot;&apos;</source>
        <translation>nicht abgeschlossenes Anführungszeichen; erwartet wird ein schließendes &apos;&quot;&apos;</translation>
    </message>
    <message>
        <source>the phrase has no letters or digits to search for</source>
        <translation>die Phrase enthält keine Buchstaben oder Ziffern, nach denen gesucht werden kann</translation>
    </message>
    <message>
        <source>unknown filter &apos;%1&apos;; expected one of %2 (put text with &apos;:&apos; in quotes)</source>
        <translation>unbekannter Filter &apos;%1&apos;; erwartet wird einer von %2 (setzen Sie Text mit &apos;:&apos; in Anführungszeichen)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no letters or digits; expected a word, a &quot;phrase&quot; or a filter</source>
        <translation>&apos;%1&apos; enthält keine Buchstaben oder Ziffern; erwartet wird ein Wort, eine &quot;Phrase&quot; oder ein Filter</translation>
    </message>
    <message>
        <source>a prefix needs at least %1 letters before &apos;*&apos;</source>
        <translation>ein Präfix braucht mindestens %1 Buchstaben vor &apos;*&apos;</translation>
    </message>
    <message>
        <source>%1 takes &apos;:&apos;, not a comparison; comparisons are for tokens, cost and latency</source>
        <translation>%1 erwartet &apos;:&apos;, keinen Vergleich; Vergleiche gibt es für tokens, cost und latency</translation>
    </message>
    <message>
        <source>%1 needs a value, e.g. %2</source>
        <translation>%1 braucht einen Wert, z. B. %2</translation>
    </message>
    <message>
        <source>the value of %1 is longer than %2 characters</source>
        <translation>der Wert von %1 ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>expected an agent path such as /sales/lead-bot, or a subtree such as /sales/*</source>
        <translation>erwartet wird ein Agentenpfad wie /sales/lead-bot oder ein Teilbaum wie /sales/*</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to %1</source>
        <translation>erwartet wird eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>expected one of schedule, event, manual</source>
        <translation>erwartet wird schedule, event oder manual</translation>
    </message>
    <message>
        <source>expected a date (2026-11-24), a time (2026-11-24T09:30, UTC unless it has an offset) or an age (30m, 24h, 7d, 2w)</source>
        <translation>erwartet wird ein Datum (2026-11-24), eine Uhrzeit (2026-11-24T09:30, UTC, sofern kein Offset angegeben ist) oder ein Alter (30m, 24h, 7d, 2w)</translation>
    </message>
    <message>
        <source>expected a whole number such as 2000</source>
        <translation>erwartet wird eine ganze Zahl wie 2000</translation>
    </message>
    <message>
        <source>expected a number such as 0.5</source>
        <translation>erwartet wird eine Zahl wie 0.5</translation>
    </message>
    <message>
        <source>%1 is too large; at most %2</source>
        <translation>%1 ist zu groß; höchstens %2</translation>
    </message>
</context>
<context>
    <name>steward::ActivityRepository</name>
    <message>
        <source>reading the activity log</source>
        <translation>beim Lesen des Aktivitätsprotokolls</translation>
    </message>
    <message>
        <source>preparing the activity log</source>
        <translation>beim Vorbereiten des Aktivitätsprotokolls</translation>
    </message>
    <message>
        <source>recording activity</source>
        <translation>beim Erfassen von Aktivität</translation>
    </message>
    <message>
        <source>indexing activity for search</source>
        <translation>beim Indizieren der Aktivität für die Suche</translation>
    </message>
    <message>
        <source>updating activity rollups</source>
        <translation>beim Aktualisieren der Aktivitätszusammenfassungen</translation>
    </message>
    <message>
        <source>recording a run</source>
        <translation>beim Erfassen eines Laufs</translation>
    </message>
    <message>
        <source>reading runs</source>
        <translation>beim Lesen der Läufe</translation>
    </message>
    <message>
        <source>counting activity</source>
        <translation>beim Zählen der Aktivität</translation>
    </message>
    <message>
        <source>There is no run %1.</source>
        <translation>Es gibt keinen Lauf %1.</translation>
    </message>
    <message>
        <source>reading activity</source>
        <translation>beim Lesen der Aktivität</translation>
    </message>
</context>
<context>
    <name>steward::ActivitySearch</name>
    <message>
        <source>searching activity</source>
        <translation>beim Durchsuchen der Aktivität</translation>
    </message>
    <message>
        <source>limit: %1 is not from 1 to %2.</source>
        <translation>limit: %1 liegt nicht zwischen 1 und %2.</translation>
    </message>
</context>
<context>
    <name>steward::ActivityService</name>
    <message>
        <source>there is no agent %1</source>
        <translation>es gibt keinen Agenten %1</translation>
    </message>
    <message>
        <source>%1 is not an agent</source>
        <translation>%1 ist kein Agent</translation>
    </message>
    <message>
        <source>%1 is archived</source>
        <translation>%1 ist archiviert</translation>
    </message>
    <message>
        <source>agent %1 has no version %2</source>
        <translation>Agent %1 hat keine Version %2</translation>
    </message>
    <message>
        <source>there is no run %1</source>
        <translation>es gibt keinen Lauf %1</translation>
    </message>
    <message>
        <source>run %1 belongs to another agent</source>
        <translation>Lauf %1 gehört zu einem anderen Agenten</translation>
    </message>
    <message>
        <source>the kind is empty</source>
        <translation>das Feld kind ist leer</translation>
    </message>
    <message>
        <source>events[%1]: %2</source>
        <translation>events[%1]: %2</translation>
    </message>
    <message>
        <source>The run cannot be recorded: %1.</source>
        <translation>Der Lauf kann nicht erfasst werden: %1.</translation>
    </message>
    <message>
        <source>A finished run needs its outcome: succeeded, failed or interrupted.</source>
        <translation>Ein beendeter Lauf braucht sein Ergebnis: succeeded, failed oder interrupted.</translation>
    </message>
    <message>
        <source>Run %1 belongs to another agent.</source>
        <translation>Lauf %1 gehört zu einem anderen Agenten.</translation>
    </message>
    <message>
        <source>Run %1 has already finished.</source>
        <translation>Lauf %1 ist bereits beendet.</translation>
    </message>
</context>
<context>
    <name>steward::AgentCommand</name>
    <message>
        <source>The agent, e.g. /acme/sales/outbound/prospect-mailer.</source>
        <translation>Der Agent, z. B. /acme/sales/outbound/prospect-mailer.</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>Cannot read the spec %1: %2</source>
        <translation>Die Spezifikation (%1) kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The spec %1 is larger than 1 MiB; that is not an agent spec.</source>
        <translation>Die Spezifikation (%1) ist größer als 1 MiB; das ist keine Agenten-Spezifikation.</translation>
    </message>
    <message>
        <source>%1 has no version %2; its versions are 1 to %3.</source>
        <translation>%1 hat keine Version %2; die Versionen reichen von 1 bis %3.</translation>
    </message>
    <message>
        <source>saved version %1</source>
        <translation>Version %1 gespeichert</translation>
    </message>
    <message>
        <source>proposed as proposal %1 (critical agent: needs a second person&apos;s approval)</source>
        <translation>als Änderungsvorschlag %1 eingereicht (kritischer Agent: braucht die Freigabe einer zweiten Person)</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Kritikalität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Head version</source>
        <translation>Aktuelle Version</translation>
    </message>
    <message>
        <source>%1 of %2, by %3 at %4</source>
        <translation>%1 von %2, erstellt von %3 am %4</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Recent runs:</source>
        <translation>Letzte Läufe:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>GESTARTET</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>TRIGGER</source>
        <translation>AUSLÖSER</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKENS</translation>
    </message>
    <message>
        <source>COST</source>
        <translation>KOSTEN</translation>
    </message>
    <message>
        <source>LATENCY</source>
        <translation>LATENZ</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Shows the agent at PATH: its attributes, its head version with author, time and reason, and its recent runs.</source>
        <translation>Zeigt den Agenten PATH: seine Eigenschaften, seine aktuelle Version mit Autor, Zeit und Begründung sowie seine letzten Läufe.</translation>
    </message>
    <message>
        <source>Creates an agent named NAME below PARENT_PATH with its first spec version. Its criticality is the one the spec declares.</source>
        <translation>Legt unter PARENT_PATH einen Agenten namens NAME mit der ersten Version seiner Spezifikation an. Seine Kritikalität ist die, die in der Spezifikation steht.</translation>
    </message>
    <message>
        <source>The person accountable for the agent. Required.</source>
        <translation>Die für den Agenten verantwortliche Person. Erforderlich.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>public, team or private (default team).</source>
        <translation>public, team oder private (Standard: team).</translation>
    </message>
    <message>
        <source>visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>The spec file; - reads it from standard input. Required.</source>
        <translation>Die Spezifikationsdatei; - liest sie von der Standardeingabe. Erforderlich.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The team or department, e.g. /acme/sales/outbound.</source>
        <translation>Das Team oder die Abteilung, z. B. /acme/sales/outbound.</translation>
    </message>
    <message>
        <source>The agent&apos;s name, e.g. renewal-reminder.</source>
        <translation>Der Name des Agenten, z. B. renewal-reminder.</translation>
    </message>
    <message>
        <source>Name the agent&apos;s owner with --owner NAME.</source>
        <translation>Geben Sie mit --owner NAME an, wer für den Agenten verantwortlich ist.</translation>
    </message>
    <message>
        <source>Give the agent&apos;s spec with --spec FILE (or --spec - for standard input).</source>
        <translation>Geben Sie die Spezifikation des Agenten mit --spec FILE an (oder --spec - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>--visibility takes public, team or private, not &apos;%1&apos;.</source>
        <translation>--visibility erwartet public, team oder private, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Created %1 (version 1, %2)</source>
        <translation>%1 erstellt (Version 1, %2)</translation>
    </message>
    <message>
        <source>Lists the agent&apos;s versions, newest first, with author, time, reason and approver, and its pending proposals.</source>
        <translation>Listet die Versionen des Agenten auf, die neueste zuerst, mit Autor, Zeit, Begründung und freigebender Person, sowie seine offenen Änderungsvorschläge.</translation>
    </message>
    <message>
        <source>AUTHOR</source>
        <translation>AUTOR</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>APPROVED BY</source>
        <translation>FREIGEGEBEN VON</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>BEGRÜNDUNG</translation>
    </message>
    <message>
        <source>Pending proposals: none</source>
        <translation>Offene Änderungsvorschläge: keine</translation>
    </message>
    <message>
        <source>Pending proposals:</source>
        <translation>Offene Änderungsvorschläge:</translation>
    </message>
    <message>
        <source>Prints the spec text of one of the agent&apos;s versions (the head version unless --version is given).</source>
        <translation>Gibt den Spezifikationstext einer Version des Agenten aus (die aktuelle Version, sofern --version nicht angegeben ist).</translation>
    </message>
    <message>
        <source>The version to print (default: the head).</source>
        <translation>Die auszugebende Version (Standard: die aktuelle).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Compares two versions of the agent&apos;s spec: by default the head version with the one before it.</source>
        <translation>Vergleicht zwei Versionen der Spezifikation des Agenten: standardmäßig die aktuelle Version mit der vorherigen.</translation>
    </message>
    <message>
        <source>The older version (default: the one before --to).</source>
        <translation>Die ältere Version (Standard: die vor --to).</translation>
    </message>
    <message>
        <source>The newer version (default: the head).</source>
        <translation>Die neuere Version (Standard: die aktuelle).</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>unified (default), side-by-side, summary or json.</source>
        <translation>unified (Standard), side-by-side, summary oder json.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>--format takes unified, side-by-side, summary or json, not &apos;%1&apos;.</source>
        <translation>--format erwartet unified, side-by-side, summary oder json, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Version 1 is the first version of %1; there is nothing before it to compare with.</source>
        <translation>Version 1 ist die erste Version von %1; davor gibt es nichts zum Vergleichen.</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
    <message>
        <source>Prints a version of the agent&apos;s spec (the head unless --version is given) with, for each line, the version that introduced it, its author and date.</source>
        <translation>Gibt eine Version der Spezifikation des Agenten aus (die aktuelle, sofern --version nicht angegeben ist) und nennt zu jeder Zeile die Version, die sie eingeführt hat, deren Autor und Datum.</translation>
    </message>
    <message>
        <source>The version to explain (default: the head).</source>
        <translation>Die zu erläuternde Version (Standard: die aktuelle).</translation>
    </message>
    <message>
        <source>Saves a new spec for the agent as its next version, or proposes it when the agent is critical (a second person approves it with &apos;proposal approve&apos;). --base names the version you edited: if someone saved since, the change is refused.</source>
        <translation>Speichert eine neue Spezifikation als nächste Version des Agenten oder reicht sie als Änderungsvorschlag ein, wenn der Agent kritisch ist (eine zweite Person gibt sie mit &apos;proposal approve&apos; frei). --base nennt die Version, die Sie bearbeitet haben: Hat seitdem jemand gespeichert, wird die Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>The new spec file; - reads it from standard input. Required.</source>
        <translation>Die neue Spezifikationsdatei; - liest sie von der Standardeingabe. Erforderlich.</translation>
    </message>
    <message>
        <source>The version the change is based on. Required.</source>
        <translation>Die Version, auf der die Änderung beruht. Erforderlich.</translation>
    </message>
    <message>
        <source>Give the new spec with --spec FILE (or --spec - for standard input).</source>
        <translation>Geben Sie die neue Spezifikation mit --spec FILE an (oder --spec - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Name the version you edited with --base N.</source>
        <translation>Geben Sie mit --base N die Version an, die Sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Makes a new version with the content of an older one (a proposal when the agent is critical). History only grows.</source>
        <translation>Erzeugt eine neue Version mit dem Inhalt einer älteren (einen Änderungsvorschlag, wenn der Agent kritisch ist). Der Verlauf wächst nur.</translation>
    </message>
    <message>
        <source>The version whose content comes back. Required.</source>
        <translation>Die Version, deren Inhalt wiederhergestellt wird. Erforderlich.</translation>
    </message>
    <message>
        <source>The current head, which the rollback replaces. Required.</source>
        <translation>Die aktuelle Version, die durch das Rollback abgelöst wird. Erforderlich.</translation>
    </message>
    <message>
        <source>Name the version to go back to with --to N and the current head with --base M.</source>
        <translation>Geben Sie mit --to N die Version an, zu der zurückgekehrt werden soll, und mit --base M die aktuelle Version.</translation>
    </message>
    <message>
        <source>Shows, creates and changes agents, and explains their versions.</source>
        <translation>Zeigt, erstellt und ändert Agenten und erläutert ihre Versionen.</translation>
    </message>
    <message>
        <source>&apos;agent create&apos; works on a workspace file (--store FILE); on a server, agents are created through the API (POST /api/v1/nodes).</source>
        <translation>&apos;agent create&apos; arbeitet mit einer Arbeitsbereichsdatei (--store FILE); auf einem Server werden Agenten über die API angelegt (POST /api/v1/nodes).</translation>
    </message>
    <message>
        <source>Runs the agent now with its runner. On a store file the run happens in this command, which waits for it and fails when the run fails; on a server the request is queued for the server&apos;s runtime and the command answers at once.</source>
        <translation>Führt den Agenten jetzt mit seinem Runner aus. Bei einer Arbeitsbereichsdatei findet der Lauf in diesem Befehl statt, der auf ihn wartet und fehlschlägt, wenn der Lauf fehlschlägt; auf einem Server wird die Anfrage in die Warteschlange der Laufzeitumgebung des Servers gestellt, und der Befehl antwortet sofort.</translation>
    </message>
    <message>
        <source>A JSON object handed to the runner (default {}).</source>
        <translation>Ein JSON-Objekt, das an den Runner übergeben wird (Standard: {}).</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>--payload must be a JSON object: %1</source>
        <translation>--payload muss ein JSON-Objekt sein: %1</translation>
    </message>
    <message>
        <source>Run request %1: %2</source>
        <translation>Laufanfrage %1: %2</translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation>, Lauf %1</translation>
    </message>
    <message>
        <source>, %1 after %2 ms</source>
        <translation>, %1 nach %2 ms</translation>
    </message>
    <message>
        <source>Pauses the agent: its triggers no longer start it until it is resumed. The reason goes to the audit log.</source>
        <translation>Pausiert den Agenten: Seine Auslöser starten ihn nicht mehr, bis er fortgesetzt wird. Die Begründung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Resumes a paused agent: its triggers start it again. The reason goes to the audit log.</source>
        <translation>Setzt einen pausierten Agenten fort: Seine Auslöser starten ihn wieder. Die Begründung wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>paused %1</source>
        <translation>%1 pausiert</translation>
    </message>
    <message>
        <source>resumed %1</source>
        <translation>%1 fortgesetzt</translation>
    </message>
</context>
<context>
    <name>steward::AgentService</name>
    <message>
        <source>Every agent needs an owner.</source>
        <translation>Jeder Agent braucht eine verantwortliche Person.</translation>
    </message>
    <message>
        <source>The agent is created as %1 but its spec says %2; make them agree.</source>
        <translation>Der Agent wird als %1 angelegt, seine Spezifikation sagt aber %2; bringen Sie beides in Einklang.</translation>
    </message>
    <message>
        <source>%1 is archived and cannot change.</source>
        <translation>%1 ist archiviert und kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>%1 has changed since you started editing: you based your change on version %2, but version %3 is now the latest. Review it and apply your change again.</source>
        <translation>%1 wurde geändert, seit Sie mit der Bearbeitung begonnen haben: Ihre Änderung beruht auf Version %2, die neueste Version ist jetzt aber %3. Sehen Sie sich diese an und nehmen Sie Ihre Änderung erneut vor.</translation>
    </message>
    <message>
        <source>The spec is unchanged; there is nothing to save.</source>
        <translation>Die Spezifikation ist unverändert; es gibt nichts zu speichern.</translation>
    </message>
    <message>
        <source>%1 is critical: a change to it is a proposal until a second person approves it.</source>
        <translation>%1 ist kritisch: Eine Änderung daran bleibt ein Änderungsvorschlag, bis eine zweite Person sie freigibt.</translation>
    </message>
    <message>
        <source>Proposal %1 has already been decided.</source>
        <translation>Über den Änderungsvorschlag %1 wurde bereits entschieden.</translation>
    </message>
    <message>
        <source>A change to a critical agent needs a second person: %1 proposed it and cannot approve it.</source>
        <translation>Eine Änderung an einem kritischen Agenten braucht eine zweite Person: %1 hat sie vorgeschlagen und kann sie nicht freigeben.</translation>
    </message>
    <message>
        <source>An agent is paused or resumed here; it cannot be retired this way.</source>
        <translation>Hier wird ein Agent pausiert oder fortgesetzt; außer Dienst stellen lässt er sich auf diesem Weg nicht.</translation>
    </message>
    <message>
        <source>%1 is retired; it stays retired.</source>
        <translation>%1 ist außer Dienst und bleibt es.</translation>
    </message>
    <message>
        <source>%1 is already paused.</source>
        <translation>%1 ist bereits pausiert.</translation>
    </message>
    <message>
        <source>%1 is already active.</source>
        <translation>%1 ist bereits aktiv.</translation>
    </message>
</context>
<context>
    <name>steward::AgentServices</name>
    <message>
        <source>PROPOSAL</source>
        <translation>VORSCHLAG</translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation>AGENT</translation>
    </message>
    <message>
        <source>BASE</source>
        <translation>BASIS</translation>
    </message>
    <message>
        <source>AUTHOR</source>
        <translation>AUTOR</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>BEGRÜNDUNG</translation>
    </message>
</context>
<context>
    <name>steward::AgentSpec</name>
    <message>
        <source>an indented line belongs below &quot;instructions: |&quot;, &quot;tools:&quot; or &quot;triggers:&quot;, and list items start with &quot;- &quot;.</source>
        <translation>eine eingerückte Zeile gehört unter &quot;instructions: |&quot;, &quot;tools:&quot; oder &quot;triggers:&quot;, und Listeneinträge beginnen mit &quot;- &quot;.</translation>
    </message>
    <message>
        <source>expected &quot;field: value&quot;.</source>
        <translation>erwartet wurde &quot;Feld: Wert&quot;.</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;.</source>
        <translation>unbekanntes Feld &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice.</source>
        <translation>&quot;%1&quot; kommt zweimal vor.</translation>
    </message>
    <message>
        <source>instructions are written as &quot;instructions: |&quot; followed by lines indented by two spaces.</source>
        <translation>instructions wird als &quot;instructions: |&quot; geschrieben, gefolgt von Zeilen, die um zwei Leerzeichen eingerückt sind.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; is followed by its items on the next lines, each starting with &quot;  - &quot;.</source>
        <translation>auf &quot;%1:&quot; folgen die Einträge in den nächsten Zeilen, jeder beginnend mit &quot;  - &quot;.</translation>
    </message>
    <message>
        <source>The spec has no &quot;%1&quot; field.</source>
        <translation>Die Spezifikation hat kein Feld &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The instructions are empty.</source>
        <translation>Die Anweisungen (instructions) sind leer.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a tool is written as &quot;name (permission)&quot;, for example &quot;crm.lookup (read)&quot;.</source>
        <translation>ein Werkzeug wird als &quot;Name (Berechtigung)&quot; geschrieben, zum Beispiel &quot;crm.lookup (read)&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tool name.</source>
        <translation>&quot;%1&quot; ist kein gültiger Werkzeugname.</translation>
    </message>
    <message>
        <source>unknown tool permission &quot;%1&quot;; use read, write or send.</source>
        <translation>unbekannte Werkzeugberechtigung &quot;%1&quot;; verwenden Sie read, write oder send.</translation>
    </message>
    <message>
        <source>an event trigger is written as &quot;event name&quot;, for example &quot;event lead.created&quot;.</source>
        <translation>ein Ereignis-Auslöser wird als &quot;event Name&quot; geschrieben, zum Beispiel &quot;event lead.created&quot;.</translation>
    </message>
    <message>
        <source>a schedule is written as &quot;schedule&quot;, five cron fields and an optional time zone, for example &quot;schedule 0 9 * * 1-5 Europe/Berlin&quot;.</source>
        <translation>ein Zeitplan wird als &quot;schedule&quot; mit fünf Cron-Feldern und einer optionalen Zeitzone geschrieben, zum Beispiel &quot;schedule 0 9 * * 1-5 Europe/Berlin&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone.</source>
        <translation>&quot;%1&quot; ist keine bekannte Zeitzone.</translation>
    </message>
    <message>
        <source>a trigger starts with &quot;schedule&quot; or &quot;event&quot;.</source>
        <translation>ein Auslöser beginnt mit &quot;schedule&quot; oder &quot;event&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid model name.</source>
        <translation>&quot;%1&quot; ist kein gültiger Modellname.</translation>
    </message>
    <message>
        <source>the temperature is a number from 0 to 2.</source>
        <translation>temperature ist eine Zahl von 0 bis 2.</translation>
    </message>
    <message>
        <source>max_tokens is a whole number from 1 to 1000000.</source>
        <translation>max_tokens ist eine ganze Zahl von 1 bis 1000000.</translation>
    </message>
    <message>
        <source>approval.required is a whole number from 0 to 10.</source>
        <translation>approval.required ist eine ganze Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <source>approval.reviewers is a path in the org tree, such as /acme/sales.</source>
        <translation>approval.reviewers ist ein Pfad im Organigramm, etwa /acme/sales.</translation>
    </message>
    <message>
        <source>approval.expires is a duration such as 30m, 48h or 7d.</source>
        <translation>approval.expires ist eine Dauer wie 30m, 48h oder 7d.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid output channel.</source>
        <translation>&quot;%1&quot; ist kein gültiger Ausgabekanal.</translation>
    </message>
    <message>
        <source>criticality is critical, standard or experimental.</source>
        <translation>criticality ist critical, standard oder experimental.</translation>
    </message>
    <message>
        <source>a command runner names the program to start, for example &quot;runner: command /opt/agents/score --fast&quot;.</source>
        <translation>ein command-Runner nennt das zu startende Programm, zum Beispiel &quot;runner: command /opt/agents/score --fast&quot;.</translation>
    </message>
    <message>
        <source>an http runner names the harness&apos;s http or https URL, for example &quot;runner: http https://harness.example/run&quot;.</source>
        <translation>ein http-Runner nennt die http- oder https-URL des Harness, zum Beispiel &quot;runner: http https://harness.example/run&quot;.</translation>
    </message>
    <message>
        <source>the openai runner takes nothing after its name; the model is the spec&apos;s &quot;model&quot;.</source>
        <translation>auf den Namen des openai-Runners folgt nichts weiter; das Modell ist das Feld &quot;model&quot; der Spezifikation.</translation>
    </message>
    <message>
        <source>the runner is command, http or openai, for example &quot;runner: command /opt/agents/score&quot;.</source>
        <translation>der Runner ist command, http oder openai, zum Beispiel &quot;runner: command /opt/agents/score&quot;.</translation>
    </message>
    <message>
        <source>runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.</source>
        <translation>runner.timeout ist eine Dauer von 1s bis 24h, etwa 30s, 5m oder 1h.</translation>
    </message>
    <message>
        <source>runner.overlap is skip or queue: what a trigger does while a run is under way.</source>
        <translation>runner.overlap ist skip oder queue: was ein Auslöser tut, während ein Lauf im Gange ist.</translation>
    </message>
    <message>
        <source>runner.concurrency is a whole number from 1 to 100.</source>
        <translation>runner.concurrency ist eine ganze Zahl von 1 bis 100.</translation>
    </message>
    <message>
        <source>runner settings need a runner: add a line such as &quot;runner: command /opt/agents/score&quot;.</source>
        <translation>Runner-Einstellungen brauchen einen Runner: Fügen Sie eine Zeile wie &quot;runner: command /opt/agents/score&quot; hinzu.</translation>
    </message>
</context>
<context>
    <name>steward::ApiClient</name>
    <message>
        <source>Cannot write what %1 sent to %2</source>
        <translation>Die Antwort von %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The answer of %1 broke off: %2</source>
        <translation>Die Antwort von %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: its certificate is not trusted (%2). If the server&apos;s certificate is self-signed, pin it.</source>
        <translation>%1 ist nicht erreichbar: Seinem Zertifikat wird nicht vertraut (%2). Ist das Zertifikat des Servers selbstsigniert, pinnen Sie es.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 hat mit HTTP-Status %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 did not answer %2 with JSON: %3</source>
        <translation>%1 hat auf %2 nicht mit JSON geantwortet: %3</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalAnalyticsRoutes</name>
    <message>
        <source>%1: &quot;%2&quot; is not an ISO 8601 time</source>
        <translation>%1: &quot;%2&quot; ist keine ISO-8601-Zeit</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalAnalyticsService</name>
    <message>
        <source>the range must end after it starts</source>
        <translation>der Zeitraum muss nach seinem Beginn enden</translation>
    </message>
    <message>
        <source>the range may span at most %1 days</source>
        <translation>der Zeitraum darf höchstens %1 Tage umfassen</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalAnalyticsView</name>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Per reviewer</source>
        <translation>Nach Prüfer</translation>
    </message>
    <message>
        <source>Per agent</source>
        <translation>Nach Agent</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s); median time to decision %1, 90th percentile %2.</source>
        <translation>
            <numerusform>%n Entscheidung; Median der Zeit bis zur Entscheidung %1, 90. Perzentil %2.</numerusform>
            <numerusform>%n Entscheidungen; Median der Zeit bis zur Entscheidung %1, 90. Perzentil %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s) may be rubber-stamping.</source>
        <translation>
            <numerusform>%n Prüfer winkt möglicherweise nur durch.</numerusform>
            <numerusform>%n Prüfer winken möglicherweise nur durch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalCommand</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation>AGENT</translation>
    </message>
    <message>
        <source>SUBMITTED</source>
        <translation>EINGEREICHT</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>Lists approvals, newest first, with the pending version proposals on top.</source>
        <translation>Listet Freigaben auf, die neuesten zuerst, mit den offenen Versionsvorschlägen oben.</translation>
    </message>
    <message>
        <source>Only this state: pending, approved, rejected, expired, executed, failed.</source>
        <translation>Nur dieser Status: pending, approved, rejected, expired, executed, failed.</translation>
    </message>
    <message>
        <source>Only this agent&apos;s.</source>
        <translation>Nur die dieses Agenten.</translation>
    </message>
    <message>
        <source>Only agents at or below this node.</source>
        <translation>Nur Agenten an diesem Knoten oder darunter.</translation>
    </message>
    <message>
        <source>Only those the actor may decide now.</source>
        <translation>Nur die, über die der Akteur jetzt entscheiden darf.</translation>
    </message>
    <message>
        <source>Only ids below this (the next page).</source>
        <translation>Nur IDs kleiner als diese (die nächste Seite).</translation>
    </message>
    <message>
        <source>At most N (default 100).</source>
        <translation>Höchstens N (Standard: 100).</translation>
    </message>
    <message>
        <source>--state: &quot;%1&quot; is not an approval state.</source>
        <translation>--state: &quot;%1&quot; ist kein Freigabestatus.</translation>
    </message>
    <message>
        <source>No approvals.</source>
        <translation>Keine Freigaben.</translation>
    </message>
    <message>
        <source>More: --before %1</source>
        <translation>Weitere: --before %1</translation>
    </message>
    <message>
        <source>Shows approval ID: its payload, action, policy and decisions.</source>
        <translation>Zeigt die Freigabe ID: ihren Inhalt, ihre Aktion, ihre Richtlinie und ihre Entscheidungen.</translation>
    </message>
    <message>
        <source>The approval.</source>
        <translation>Die Freigabe.</translation>
    </message>
    <message>
        <source>Approval %1: %2
Agent: %3 (version %4)
State: %5, revision %6
Submitted: %7 by %8
Expires: %9
Action: %10
</source>
        <translation>Freigabe %1: %2
Agent: %3 (Version %4)
Status: %5, Revision %6
Eingereicht: %7 von %8
Läuft ab: %9
Aktion: %10
</translation>
    </message>
    <message>
        <source>Payload (%1):</source>
        <translation>Inhalt (%1):</translation>
    </message>
    <message>
        <source>%1 %2 %3 on revision %4: %5</source>
        <translation>%1 %2 %3 bei Revision %4: %5</translation>
    </message>
    <message>
        <source>You may decide it.</source>
        <translation>Sie dürfen darüber entscheiden.</translation>
    </message>
    <message>
        <source>Approves approval ID with the payload in FILE instead of the proposed one; the original and the diff are kept.</source>
        <translation>Gibt die Freigabe ID mit dem Inhalt aus FILE statt dem vorgeschlagenen frei; das Original und die Änderung bleiben erhalten.</translation>
    </message>
    <message>
        <source>Approves approval ID (it executes once the quorum has approved).</source>
        <translation>Gibt die Freigabe ID frei (sie wird ausgeführt, sobald das Quorum zugestimmt hat).</translation>
    </message>
    <message>
        <source>Rejects approval ID; it never executes.</source>
        <translation>Lehnt die Freigabe ID ab; sie wird nie ausgeführt.</translation>
    </message>
    <message>
        <source>The revision you reviewed (from &apos;approval show&apos;); refused when it has changed since. The current one when not given.</source>
        <translation>Die Revision, die Sie geprüft haben (aus &apos;approval show&apos;); abgewiesen, wenn sie sich seitdem geändert hat. Ohne Angabe die aktuelle.</translation>
    </message>
    <message>
        <source>The edited payload.</source>
        <translation>Der bearbeitete Inhalt.</translation>
    </message>
    <message>
        <source>--payload-file: cannot read &quot;%1&quot;.</source>
        <translation>--payload-file: &quot;%1&quot; kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>approval %1 is now %2 (revision %3)</source>
        <translation>Freigabe %1 ist jetzt %2 (Revision %3)</translation>
    </message>
    <message>
        <source>Lists, shows and decides what agents propose to send or do.</source>
        <translation>Listet, zeigt und entscheidet, was Agenten senden oder tun möchten.</translation>
    </message>
    <message numerus="yes">
        <source>%n proposed change(s) to critical agents: see &apos;proposal list&apos;.</source>
        <translation>
            <numerusform>%n vorgeschlagene Änderung an kritischen Agenten: siehe &apos;proposal list&apos;.</numerusform>
            <numerusform>%n vorgeschlagene Änderungen an kritischen Agenten: siehe &apos;proposal list&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalDetailView</name>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>edited and approved</source>
        <translation>bearbeitet und freigegeben</translation>
    </message>
    <message>
        <source>What will happen if approved</source>
        <translation>Was bei Freigabe geschieht</translation>
    </message>
    <message>
        <source>Raw payload</source>
        <translation>Roher Inhalt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Since Last Approved</source>
        <translation>Seit der letzten Freigabe</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Select an item to read it. J and K move through the inbox; ? lists every key.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn zu lesen. Mit J und K bewegen Sie sich durch den Posteingang; ? listet alle Tasten auf.</translation>
    </message>
    <message>
        <source>Nothing selected. J and K move through the inbox; ? lists every key.</source>
        <translation>Nichts ausgewählt. Mit J und K bewegen Sie sich durch den Posteingang; ? listet alle Tasten auf.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>head version</source>
        <translation>aktuelle Version</translation>
    </message>
    <message>
        <source>revision %1, %2</source>
        <translation>Revision %1, %2</translation>
    </message>
    <message>
        <source>You may not decide this item (or already approved it).</source>
        <translation>Sie dürfen über diesen Eintrag nicht entscheiden (oder haben ihn bereits freigegeben).</translation>
    </message>
    <message>
        <source>A approve · R reject · E edit then approve · O open the agent · ? every key</source>
        <translation>A freigeben · R ablehnen · E bearbeiten und freigeben · O Agent öffnen · ? alle Tasten</translation>
    </message>
    <message>
        <source>New version proposed by %1</source>
        <translation>Neue Version vorgeschlagen von %1</translation>
    </message>
    <message>
        <source>based on version %1</source>
        <translation>basierend auf Version %1</translation>
    </message>
    <message>
        <source>A approve · R reject (both ask a reason) · O open the agent · ? every key</source>
        <translation>A freigeben · R ablehnen (beide fragen nach einer Begründung) · O Agent öffnen · ? alle Tasten</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>proposal by %1</source>
        <translation>Vorschlag von %1</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>Proposed by:</source>
        <translation>Vorgeschlagen von:</translation>
    </message>
    <message>
        <source>Proposed:</source>
        <translation>Vorgeschlagen:</translation>
    </message>
    <message>
        <source>#%1 as approved</source>
        <translation>#%1 wie freigegeben</translation>
    </message>
    <message>
        <source>#%1 proposed</source>
        <translation>#%1 vorgeschlagen</translation>
    </message>
    <message>
        <source>No earlier approved output of this agent to compare with.</source>
        <translation>Keine frühere freigegebene Ausgabe dieses Agenten zum Vergleichen.</translation>
    </message>
    <message>
        <source>Submitted by:</source>
        <translation>Eingereicht von:</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Eingereicht:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Run %1 (not among the agent&apos;s recent runs)</source>
        <translation>Lauf %1 (nicht unter den letzten Läufen des Agenten)</translation>
    </message>
    <message>
        <source>Run %1: %2, started %3 by %4, v%5, %6 ms, %7 tokens</source>
        <translation>Lauf %1: %2, gestartet %3 von %4, v%5, %6 ms, %7 Tokens</translation>
    </message>
    <message>
        <source>Decisions on this item:</source>
        <translation>Entscheidungen zu diesem Eintrag:</translation>
    </message>
    <message>
        <source>%1 %2 revision %3: %4</source>
        <translation>%1 %2 Revision %3: %4</translation>
    </message>
    <message>
        <source>Earlier decisions on this agent:</source>
        <translation>Frühere Entscheidungen zu diesem Agenten:</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Noch keine.</translation>
    </message>
    <message>
        <source>#%1 %2 by %3 on %4: %5</source>
        <translation>#%1 %2 von %3 am %4: %5</translation>
    </message>
    <message>
        <source>The run recorded no events.</source>
        <translation>Der Lauf hat keine Ereignisse erfasst.</translation>
    </message>
    <message>
        <source>What the run did:</source>
        <translation>Was der Lauf getan hat:</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more event(s) (open the run in the Live feed for all).</source>
        <translation>
            <numerusform>… und %n weiteres Ereignis (öffnen Sie den Lauf im Live-Feed, um alle zu sehen).</numerusform>
            <numerusform>… und %n weitere Ereignisse (öffnen Sie den Lauf im Live-Feed, um alle zu sehen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ApprovalEditDialog</name>
    <message>
        <source>Edit Then Approve</source>
        <translation>Bearbeiten und freigeben</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;. What you approve is the edited text; the original, the change and your reason are kept.</source>
        <translation>&quot;%1&quot; bearbeiten. Freigegeben wird der bearbeitete Text; das Original, die Änderung und Ihre Begründung bleiben erhalten.</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Why it needed changing</source>
        <translation>Warum eine Änderung nötig war</translation>
    </message>
    <message>
        <source>Approve Edited</source>
        <translation>Bearbeitet freigeben</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalInbox</name>
    <message>
        <source>Show items of</source>
        <translation>Einträge anzeigen von</translation>
    </message>
    <message>
        <source>Show items by time</source>
        <translation>Einträge nach Zeit anzeigen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Expiring within an hour</source>
        <translation>Läuft innerhalb einer Stunde ab</translation>
    </message>
    <message>
        <source>Expiring within a day</source>
        <translation>Läuft innerhalb eines Tages ab</translation>
    </message>
    <message>
        <source>Waiting over a day</source>
        <translation>Wartet seit über einem Tag</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>Offene Freigaben</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Next Item</source>
        <translation>Nächster Eintrag</translation>
    </message>
    <message>
        <source>Previous Item</source>
        <translation>Vorheriger Eintrag</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Edit Then Approve…</source>
        <translation>Bearbeiten und freigeben…</translation>
    </message>
    <message>
        <source>Open Agent in the Tree</source>
        <translation>Agent im Baum öffnen</translation>
    </message>
    <message>
        <source>Select for Bulk</source>
        <translation>Für Sammelentscheidung auswählen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>For me %1 · My teams %2</source>
        <translation>Für mich %1 · Meine Teams %2</translation>
    </message>
    <message>
        <source>Approved #%1 %2.</source>
        <translation>#%1 %2 freigegeben.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Reject #%1 &quot;%2&quot; of %3. The agent reads your reason.</source>
        <translation>#%1 &quot;%2&quot; von %3 ablehnen. Der Agent liest Ihre Begründung.</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Rejected #%1 %2.</source>
        <translation>#%1 %2 abgelehnt.</translation>
    </message>
    <message>
        <source>A proposed version is approved or rejected as it is; to change it, edit the agent&apos;s spec in its Versions tab.</source>
        <translation>Eine vorgeschlagene Version wird so freigegeben oder abgelehnt, wie sie ist; um sie zu ändern, bearbeiten Sie die Spezifikation des Agenten in seinem Reiter „Versionen“.</translation>
    </message>
    <message>
        <source>Approved #%1 %2 as edited.</source>
        <translation>#%1 %2 in bearbeiteter Form freigegeben.</translation>
    </message>
    <message numerus="yes">
        <source>Bulk decisions are refused for critical agents: %n of the selected items belong to one. Decide those one by one, or leave them out of the selection.</source>
        <translation>
            <numerusform>Sammelentscheidungen sind für kritische Agenten nicht erlaubt: %n der ausgewählten Einträge gehört zu einem solchen. Entscheiden Sie diesen einzeln oder nehmen Sie ihn aus der Auswahl.</numerusform>
            <numerusform>Sammelentscheidungen sind für kritische Agenten nicht erlaubt: %n der ausgewählten Einträge gehören zu einem solchen. Entscheiden Sie diese einzeln oder nehmen Sie sie aus der Auswahl.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve Selected</source>
        <translation>Ausgewählte freigeben</translation>
    </message>
    <message>
        <source>Reject Selected</source>
        <translation>Ausgewählte ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>Approve the %n selected items. A bulk decision needs a reason.</source>
        <translation>
            <numerusform>Den %n ausgewählten Eintrag freigeben. Eine Sammelentscheidung braucht eine Begründung.</numerusform>
            <numerusform>Die %n ausgewählten Einträge freigeben. Eine Sammelentscheidung braucht eine Begründung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject the %n selected items. The agents read your reason.</source>
        <translation>
            <numerusform>Den %n ausgewählten Eintrag ablehnen. Die Agenten lesen Ihre Begründung.</numerusform>
            <numerusform>Die %n ausgewählten Einträge ablehnen. Die Agenten lesen Ihre Begründung.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Approve All</source>
        <translation>Alle &amp;freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject All</source>
        <translation>Alle &amp;ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>Decided %n items.</source>
        <translation>
            <numerusform>%n Eintrag entschieden.</numerusform>
            <numerusform>%n Einträge entschieden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decided %n items; refused: %1</source>
        <translation>
            <numerusform>%n Eintrag entschieden; abgewiesen: %1</numerusform>
            <numerusform>%n Einträge entschieden; abgewiesen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve Proposed Version</source>
        <translation>Vorgeschlagene Version freigeben</translation>
    </message>
    <message>
        <source>Reject Proposed Version</source>
        <translation>Vorgeschlagene Version ablehnen</translation>
    </message>
    <message>
        <source>Make %1&apos;s proposal the new version of %2.</source>
        <translation>Den Vorschlag von %1 zur neuen Version von %2 machen.</translation>
    </message>
    <message>
        <source>Reject %1&apos;s proposed version of %2.</source>
        <translation>Die von %1 vorgeschlagene Version von %2 ablehnen.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Approved the proposed version of %1.</source>
        <translation>Die vorgeschlagene Version von %1 wurde freigegeben.</translation>
    </message>
    <message>
        <source>Rejected the proposed version of %1.</source>
        <translation>Die vorgeschlagene Version von %1 wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Inbox Keyboard Shortcuts</source>
        <translation>Tastenkürzel im Posteingang</translation>
    </message>
    <message>
        <source>Down / Up</source>
        <translation>Nach unten / Nach oben</translation>
    </message>
    <message>
        <source>Next / previous item</source>
        <translation>Nächster / vorheriger Eintrag</translation>
    </message>
    <message>
        <source>Shift+Down / Shift+Up</source>
        <translation>Umschalt+Nach unten / Umschalt+Nach oben</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Auswahl erweitern</translation>
    </message>
    <message>
        <source>A / R with several selected</source>
        <translation>A / R bei mehreren ausgewählten Einträgen</translation>
    </message>
    <message>
        <source>Approve / reject them all (a reason is required; not for critical agents)</source>
        <translation>Alle freigeben / ablehnen (eine Begründung ist nötig; nicht für kritische Agenten)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalInboxModel</name>
    <message>
        <source>New version proposed by %1</source>
        <translation>Neue Version vorgeschlagen von %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>For me</source>
        <translation>Für mich</translation>
    </message>
    <message>
        <source>My teams</source>
        <translation>Meine Teams</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Kritikalität</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalPolicy</name>
    <message>
        <source>%1 must be a whole number of seconds from 0 to %2.</source>
        <translation>%1 muss eine ganze Zahl von Sekunden zwischen 0 und %2 sein.</translation>
    </message>
    <message>
        <source>An approval policy has no field %1.</source>
        <translation>Eine Freigaberichtlinie hat kein Feld %1.</translation>
    </message>
    <message>
        <source>quorum must be a whole number from 1 to %1.</source>
        <translation>quorum muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>excludeOwnerForCritical must be true or false.</source>
        <translation>excludeOwnerForCritical muss true oder false sein.</translation>
    </message>
    <message>
        <source>expiryOutcome must be &quot;reject&quot; or &quot;approve&quot;.</source>
        <translation>expiryOutcome muss &quot;reject&quot; oder &quot;approve&quot; sein.</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalPolicyRepository</name>
    <message>
        <source>reading approval policies</source>
        <translation>beim Lesen der Freigaberichtlinien</translation>
    </message>
    <message>
        <source>saving an approval policy</source>
        <translation>beim Speichern einer Freigaberichtlinie</translation>
    </message>
    <message>
        <source>removing an approval policy</source>
        <translation>beim Entfernen einer Freigaberichtlinie</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalRepository</name>
    <message>
        <source>recording a proposal</source>
        <translation>beim Erfassen eines Änderungsvorschlags</translation>
    </message>
    <message>
        <source>reading proposals</source>
        <translation>beim Lesen der Änderungsvorschläge</translation>
    </message>
    <message>
        <source>counting proposals</source>
        <translation>beim Zählen der Änderungsvorschläge</translation>
    </message>
    <message>
        <source>reading a proposal</source>
        <translation>beim Lesen eines Vorschlags</translation>
    </message>
    <message>
        <source>There is no approval %1.</source>
        <translation>Es gibt keine Freigabe %1.</translation>
    </message>
    <message>
        <source>updating a proposal</source>
        <translation>beim Aktualisieren eines Vorschlags</translation>
    </message>
    <message>
        <source>recording a decision</source>
        <translation>beim Erfassen einer Entscheidung</translation>
    </message>
    <message>
        <source>reading decisions</source>
        <translation>beim Lesen der Entscheidungen</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalRoutes</name>
    <message>
        <source>%1: &quot;%2&quot; is not an ISO 8601 time with a time zone.</source>
        <translation>%1: &quot;%2&quot; ist keine ISO-8601-Zeit mit Zeitzone.</translation>
    </message>
    <message>
        <source>There is no approval %1.</source>
        <translation>Es gibt keine Freigabe %1.</translation>
    </message>
    <message>
        <source>state: &quot;%1&quot; is not an approval state.</source>
        <translation>state: &quot;%1&quot; ist kein Freigabestatus.</translation>
    </message>
    <message>
        <source>mine: give true or false, not &quot;%1&quot;.</source>
        <translation>mine: Geben Sie true oder false an, nicht &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>steward::ApprovalService</name>
    <message>
        <source>An action has no field %1.</source>
        <translation>Eine Aktion hat kein Feld %1.</translation>
    </message>
    <message>
        <source>The only action is a webhook: {&quot;type&quot;: &quot;webhook&quot;, &quot;url&quot;: &quot;https://...&quot;, &quot;secret&quot;: &quot;name&quot;}.</source>
        <translation>Die einzige Aktion ist ein Webhook: {&quot;type&quot;: &quot;webhook&quot;, &quot;url&quot;: &quot;https://...&quot;, &quot;secret&quot;: &quot;name&quot;}.</translation>
    </message>
    <message>
        <source>A webhook needs an http or https URL with a host.</source>
        <translation>Ein Webhook braucht eine http- oder https-URL mit Host.</translation>
    </message>
    <message>
        <source>A webhook&apos;s secret is the name of a configured secret.</source>
        <translation>Das secret eines Webhooks ist der Name eines konfigurierten Geheimnisses.</translation>
    </message>
    <message>
        <source>A proposal needs a payload.</source>
        <translation>Ein Vorschlag braucht einen Inhalt.</translation>
    </message>
    <message>
        <source>The payload is not valid JSON: %1 at offset %2.</source>
        <translation>Der Inhalt ist kein gültiges JSON: %1 bei Offset %2.</translation>
    </message>
    <message>
        <source>A payload is markdown, email or json, not &quot;%1&quot;.</source>
        <translation>Ein Inhalt ist markdown, email oder json, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 submitted approval %2 and cannot decide it.</source>
        <translation>%1 hat die Freigabe %2 eingereicht und kann nicht darüber entscheiden.</translation>
    </message>
    <message>
        <source>%1 owns the critical agent %2 and may not approve its outputs; another reviewer must decide.</source>
        <translation>%1 ist verantwortlich für den kritischen Agenten %2 und darf dessen Ausgaben nicht freigeben; ein anderer Prüfer muss entscheiden.</translation>
    </message>
    <message>
        <source>%1 may not decide approvals of %2: that takes a reviewer granted on it or above it.</source>
        <translation>%1 darf nicht über Freigaben von %2 entscheiden: Dafür ist eine Prüferrolle auf diesem Knoten oder darüber nötig.</translation>
    </message>
    <message>
        <source>%1 may not decide approvals of %2: that takes a reviewer granted on %3 or below it.</source>
        <translation>%1 darf nicht über Freigaben von %2 entscheiden: Dafür ist eine Prüferrolle auf %3 oder darunter nötig.</translation>
    </message>
    <message>
        <source>A proposal needs a title of 1 to %1 characters.</source>
        <translation>Ein Vorschlag braucht einen Titel mit 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <source>%1 is not an agent.</source>
        <translation>%1 ist kein Agent.</translation>
    </message>
    <message>
        <source>%1 is archived and cannot submit proposals.</source>
        <translation>%1 ist archiviert und kann keine Vorschläge einreichen.</translation>
    </message>
    <message>
        <source>%1 has no version %2.</source>
        <translation>%1 hat keine Version %2.</translation>
    </message>
    <message>
        <source>%1 has no run %2.</source>
        <translation>%1 hat keinen Lauf %2.</translation>
    </message>
    <message>
        <source>Approval %1 has already been decided: it is %2.</source>
        <translation>Über die Freigabe %1 wurde bereits entschieden: Sie ist %2.</translation>
    </message>
    <message>
        <source>A decision is approve, reject or edit, not &quot;%1&quot;.</source>
        <translation>Eine Entscheidung ist approve, reject oder edit, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Say why: a rejection or an edit needs a reason.</source>
        <translation>Begründen Sie: Eine Ablehnung oder Bearbeitung braucht eine Begründung.</translation>
    </message>
    <message>
        <source>Approval %1 has changed since you read it: you decided on revision %2, but it is now at revision %3. Read it again and decide anew.</source>
        <translation>Die Freigabe %1 hat sich geändert, seit Sie sie gelesen haben: Sie haben über Revision %2 entschieden, sie ist aber jetzt bei Revision %3. Lesen Sie sie erneut und entscheiden Sie neu.</translation>
    </message>
    <message>
        <source>%1 has already approved revision %2 of approval %3; it waits for other reviewers.</source>
        <translation>%1 hat Revision %2 der Freigabe %3 bereits freigegeben; sie wartet auf weitere Prüfer.</translation>
    </message>
    <message>
        <source>The edited payload is the same as the proposed one; approve it instead.</source>
        <translation>Der bearbeitete Inhalt ist derselbe wie der vorgeschlagene; geben Sie stattdessen diesen frei.</translation>
    </message>
    <message>
        <source>Nobody decided in time, and the policy approves on expiry.</source>
        <translation>Niemand hat rechtzeitig entschieden, und die Richtlinie gibt bei Ablauf frei.</translation>
    </message>
    <message>
        <source>Nobody decided in time; expiry rejects it.</source>
        <translation>Niemand hat rechtzeitig entschieden; der Ablauf lehnt sie ab.</translation>
    </message>
    <message>
        <source>Nobody decided in time; every reviewer of the agent may already decide it.</source>
        <translation>Niemand hat rechtzeitig entschieden; jeder Prüfer des Agenten darf bereits darüber entscheiden.</translation>
    </message>
    <message>
        <source>Nobody decided in time; the reviewers of %1 may decide it too.</source>
        <translation>Niemand hat rechtzeitig entschieden; auch die Prüfer von %1 dürfen darüber entscheiden.</translation>
    </message>
    <message>
        <source>%1 is archived and cannot change.</source>
        <translation>%1 ist archiviert und kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>%1 has no policy of its own to remove.</source>
        <translation>%1 hat keine eigene Richtlinie, die entfernt werden könnte.</translation>
    </message>
</context>
<context>
    <name>steward::AuditBundle</name>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>beim Schreiben von %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the manifest %1: %2</source>
        <translation>Das Manifest %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a bundle manifest.</source>
        <translation>%1 ist zu groß für das Manifest eines Prüfpakets.</translation>
    </message>
    <message>
        <source>The manifest names another signing key (%1) than the one given (%2).</source>
        <translation>Das Manifest nennt einen anderen Signaturschlüssel (%1) als den angegebenen (%2).</translation>
    </message>
    <message>
        <source>The manifest&apos;s signature does not verify with the given key: the manifest was changed or signed by someone else.</source>
        <translation>Die Signatur des Manifests lässt sich mit dem angegebenen Schlüssel nicht bestätigen: Das Manifest wurde verändert oder von jemand anderem signiert.</translation>
    </message>
    <message>
        <source>The bundle file was changed after it was signed (its SHA-256 differs from the manifest&apos;s).</source>
        <translation>Die Prüfpaketdatei wurde nach dem Signieren verändert (ihr SHA-256 weicht von dem im Manifest ab).</translation>
    </message>
    <message>
        <source>The audit log ends at entry %1, but the manifest was signed at entry %2: entries were added or removed after the export.</source>
        <translation>Das Prüfprotokoll endet bei Eintrag %1, das Manifest wurde aber bei Eintrag %2 signiert: Nach dem Export wurden Einträge hinzugefügt oder entfernt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>preparing the bundle</source>
        <translation>beim Vorbereiten des Prüfpakets</translation>
    </message>
    <message>
        <source>This is not a valid Steward bundle manifest: %1</source>
        <translation>Dies ist kein gültiges Manifest eines Steward-Prüfpakets: %1</translation>
    </message>
    <message>
        <source>unknown format %1.</source>
        <translation>unbekanntes Format %1.</translation>
    </message>
    <message>
        <source>a required field is missing or malformed.</source>
        <translation>ein Pflichtfeld fehlt oder ist fehlerhaft.</translation>
    </message>
</context>
<context>
    <name>steward::AuditCommand</name>
    <message>
        <source>Recomputes the audit log&apos;s hash chain and names the first entry that is missing, altered or out of order. Exits with 1 when the chain is broken.</source>
        <translation>Berechnet die Hash-Kette des Prüfprotokolls neu und nennt den ersten Eintrag, der fehlt, verändert wurde oder an falscher Stelle steht. Der Exit-Code ist 1, wenn die Kette unterbrochen ist.</translation>
    </message>
    <message>
        <source>Checked %1 entries</source>
        <translation>%1 Einträge geprüft</translation>
    </message>
    <message>
        <source>intact: %1 entries, head %2 %3</source>
        <translation>intakt: %1 Einträge, Kopf %2 %3</translation>
    </message>
    <message>
        <source>audit chain broken at entry %1</source>
        <translation>Protokollkette bei Eintrag %1 unterbrochen</translation>
    </message>
    <message>
        <source>Lists audit entries, newest first. The filters combine; times are UTC.</source>
        <translation>Listet Protokolleinträge auf, die neuesten zuerst. Die Filter lassen sich kombinieren; Zeiten sind in UTC.</translation>
    </message>
    <message>
        <source>Only this actor&apos;s entries.</source>
        <translation>Nur die Einträge dieses Akteurs.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Only this action (version.save), or a family ending in a dot (node.).</source>
        <translation>Nur diese Aktion (version.save) oder eine Gruppe, die auf einen Punkt endet (node.).</translation>
    </message>
    <message>
        <source>action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Only entries about PATH and what is below it.</source>
        <translation>Nur Einträge zu PATH und allem darunter.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>From this time: 2026-05-01, an ISO 8601 time, or 7d, 24h, 30m ago.</source>
        <translation>Ab diesem Zeitpunkt: 2026-05-01, eine ISO-8601-Zeit oder eine Zeitspanne zurück (7d, 24h, 30m).</translation>
    </message>
    <message>
        <source>when</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Up to this time (a date includes the whole day).</source>
        <translation>Bis zu diesem Zeitpunkt (ein Datum schließt den ganzen Tag ein).</translation>
    </message>
    <message>
        <source>At most this many entries (default 50).</source>
        <translation>Höchstens so viele Einträge (Standard: 50).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>No audit entries match.</source>
        <translation>Keine passenden Protokolleinträge.</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>NR</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>AKTEUR</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>GEGENSTAND</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>BEGRÜNDUNG</translation>
    </message>
    <message>
        <source>Checks and lists the hash-chained audit log.</source>
        <translation>Prüft das hash-verkettete Prüfprotokoll und listet seine Einträge auf.</translation>
    </message>
</context>
<context>
    <name>steward::AuditLogModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>steward::AuditRepository</name>
    <message>
        <source>reading the audit log</source>
        <translation>beim Lesen des Prüfprotokolls</translation>
    </message>
    <message>
        <source>writing the audit log</source>
        <translation>beim Schreiben des Prüfprotokolls</translation>
    </message>
</context>
<context>
    <name>steward::AuditStatus</name>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Protokollkette wird geprüft…</translation>
    </message>
    <message>
        <source>Audit chain verified (%1 entries)</source>
        <translation>Protokollkette bestätigt (%1 Einträge)</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1</source>
        <translation>Protokollkette bei Eintrag %1 UNTERBROCHEN</translation>
    </message>
    <message>
        <source>Audit chain not checked</source>
        <translation>Protokollkette nicht geprüft</translation>
    </message>
    <message>
        <source>Recomputing every entry&apos;s hash on a background thread.</source>
        <translation>Der Hash jedes Eintrags wird im Hintergrund neu berechnet.</translation>
    </message>
    <message>
        <source>Every entry&apos;s hash was recomputed and chains to the one before it. The newest is entry %1, hash %2.</source>
        <translation>Der Hash jedes Eintrags wurde neu berechnet und ist mit dem vorherigen verkettet. Der neueste ist Eintrag %1, Hash %2.</translation>
    </message>
</context>
<context>
    <name>steward::AuditVerifier</name>
    <message>
        <source>reading the audit log</source>
        <translation>beim Lesen des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Audit entry %1 is missing: the log jumps from entry %2 to entry %3.</source>
        <translation>Protokolleintrag %1 fehlt: Das Protokoll springt von Eintrag %2 zu Eintrag %3.</translation>
    </message>
    <message>
        <source>Audit entry %1 was altered: its content does not match its hash.</source>
        <translation>Protokolleintrag %1 wurde verändert: Sein Inhalt passt nicht zu seinem Hash.</translation>
    </message>
    <message>
        <source>Audit entry %1 does not follow entry %2: entries were removed, replaced or reordered.</source>
        <translation>Protokolleintrag %1 folgt nicht auf Eintrag %2: Einträge wurden entfernt, ersetzt oder umsortiert.</translation>
    </message>
    <message>
        <source>The audit check was cancelled after %1 entries.</source>
        <translation>Die Prüfung des Prüfprotokolls wurde nach %1 Einträgen abgebrochen.</translation>
    </message>
</context>
<context>
    <name>steward::AuditView</name>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>%1* (all)</source>
        <translation>%1* (alle)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Any path, e.g. /acme/sales</source>
        <translation>Beliebiger Pfad, z. B. /acme/sales</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>Bi&amp;s:</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>A&amp;kteur:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>Akt&amp;ion:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Gegenstand:</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Eintragsdetails</translation>
    </message>
    <message>
        <source>Select an entry to see all of it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Entry:         %1
Time:          %2
Actor:         %3
Action:        %4 (%5)
Subject:       %6
Reason:        %7
Previous hash: %8
Hash:          %9
Details:
%10</source>
        <translation>Eintrag:         %1
Zeit:            %2
Akteur:          %3
Aktion:          %4 (%5)
Gegenstand:      %6
Begründung:      %7
Vorheriger Hash: %8
Hash:            %9
Details:
%10</translation>
    </message>
</context>
<context>
    <name>steward::AuditorBanner</name>
    <message>
        <source>✔ ok</source>
        <translation>✔ OK</translation>
    </message>
    <message>
        <source>✘ FAILED</source>
        <translation>✘ FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Read-only audit bundle: checks FAILED. Do not rely on what it shows.</source>
        <translation>Schreibgeschütztes Prüfpaket: Prüfungen FEHLGESCHLAGEN. Verlassen Sie sich nicht auf seinen Inhalt.</translation>
    </message>
    <message>
        <source>Read-only audit bundle: its content is whole, but who signed it was not checked.</source>
        <translation>Schreibgeschütztes Prüfpaket: Der Inhalt ist vollständig, aber wer es signiert hat, wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>Read-only audit bundle: every check passed. Exported by %1 on %2.</source>
        <translation>Schreibgeschütztes Prüfpaket: Alle Prüfungen bestanden. Exportiert von %1 am %2.</translation>
    </message>
    <message>
        <source>Signature: %1 — %2</source>
        <translation>Signatur: %1 — %2</translation>
    </message>
    <message>
        <source>made with the key you gave</source>
        <translation>mit dem angegebenen Schlüssel erstellt</translation>
    </message>
    <message>
        <source>not made with the key you gave</source>
        <translation>nicht mit dem angegebenen Schlüssel erstellt</translation>
    </message>
    <message>
        <source>Signature: ? not checked — no public key was given. The manifest names the key %1; its signature %2 that key.</source>
        <translation>Signatur: ? nicht geprüft — es wurde kein öffentlicher Schlüssel angegeben. Das Manifest nennt den Schlüssel %1; seine Signatur %2 zu diesem Schlüssel.</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>passt</translation>
    </message>
    <message>
        <source>does NOT match</source>
        <translation>passt NICHT</translation>
    </message>
    <message>
        <source>Content: %1 — the file&apos;s SHA-256 %2 the manifest&apos;s</source>
        <translation>Inhalt: %1 — der SHA-256 der Datei %2 dem im Manifest</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>entspricht</translation>
    </message>
    <message>
        <source>differs from</source>
        <translation>entspricht nicht</translation>
    </message>
    <message>
        <source>Audit chain: %1 — %2</source>
        <translation>Protokollkette: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries verified</source>
        <translation>
            <numerusform>%n Eintrag bestätigt</numerusform>
            <numerusform>%n Einträge bestätigt</numerusform>
        </translation>
    </message>
    <message>
        <source>broken at entry %1</source>
        <translation>bei Eintrag %1 unterbrochen</translation>
    </message>
    <message>
        <source>Head: %1 — the log ends at entry %2, the manifest was signed at entry %3</source>
        <translation>Kettenkopf: %1 — das Protokoll endet bei Eintrag %2, das Manifest wurde bei Eintrag %3 signiert</translation>
    </message>
    <message>
        <source>Read-only audit bundle: it could not be checked.</source>
        <translation>Schreibgeschütztes Prüfpaket: Es konnte nicht geprüft werden.</translation>
    </message>
</context>
<context>
    <name>steward::Authorizer</name>
    <message>
        <source>%1 may not see %2.</source>
        <translation>%1 darf %2 nicht sehen.</translation>
    </message>
    <message>
        <source>%1 may not edit the tree at %2.</source>
        <translation>%1 darf das Organigramm unter %2 nicht bearbeiten.</translation>
    </message>
    <message>
        <source>%1 may not change agent specs at %2.</source>
        <translation>%1 darf Agenten-Spezifikationen unter %2 nicht ändern.</translation>
    </message>
    <message>
        <source>%1 may not decide proposed changes at %2.</source>
        <translation>%1 darf unter %2 nicht über Änderungsvorschläge entscheiden.</translation>
    </message>
    <message>
        <source>%1 may not read the audit log of %2.</source>
        <translation>%1 darf das Prüfprotokoll von %2 nicht lesen.</translation>
    </message>
    <message>
        <source>%1 may not export an audit bundle of %2.</source>
        <translation>%1 darf kein Prüfpaket von %2 exportieren.</translation>
    </message>
    <message>
        <source>%1 may not report activity for %2.</source>
        <translation>%1 darf keine Aktivität für %2 melden.</translation>
    </message>
    <message>
        <source>%1 may not submit outputs for approval at %2.</source>
        <translation>%1 darf unter %2 keine Ausgaben zur Freigabe einreichen.</translation>
    </message>
    <message>
        <source>%1 may not decide approvals at %2.</source>
        <translation>%1 darf unter %2 nicht über Freigaben entscheiden.</translation>
    </message>
    <message>
        <source>%1 may not manage access at %2.</source>
        <translation>%1 darf den Zugriff unter %2 nicht verwalten.</translation>
    </message>
    <message>
        <source>It takes one of these roles there or above: %1.</source>
        <translation>Dafür ist dort oder weiter oben eine dieser Rollen nötig: %1.</translation>
    </message>
</context>
<context>
    <name>steward::BlameView</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Blame</source>
        <translation>Blame</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>v%1 by %2 on %3: “%4”
Click to see what this version changed.</source>
        <translation>v%1 von %2 am %3: „%4“
Klicken Sie, um zu sehen, was diese Version geändert hat.</translation>
    </message>
</context>
<context>
    <name>steward::BundleCommand</name>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>created the signing key %1 for this workspace.</source>
        <translation>Signaturschlüssel %1 für diesen Arbeitsbereich erstellt.</translation>
    </message>
    <message>
        <source>Writes a signed audit bundle: FILE (a read-only copy of the workspace, cut to --subtree and the time range) and FILE.manifest.json (its signed description). Prints the public key, the audit chain&apos;s head and the file&apos;s SHA-256 for the auditor.</source>
        <translation>Schreibt ein signiertes Prüfpaket: FILE (eine schreibgeschützte Kopie des Arbeitsbereichs, beschränkt auf --subtree und den Zeitraum) und FILE.manifest.json (seine signierte Beschreibung). Gibt für den Prüfer den öffentlichen Schlüssel, den Kopf der Protokollkette und den SHA-256 der Datei aus.</translation>
    </message>
    <message>
        <source>The bundle file to write. Required.</source>
        <translation>Die zu schreibende Prüfpaketdatei. Erforderlich.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Only this part of the org tree, e.g. /acme/sales.</source>
        <translation>Nur dieser Teil des Organigramms, z. B. /acme/sales.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Activity from this time: 2026-05-01, an ISO 8601 time, or 7d, 24h, 30m ago.</source>
        <translation>Aktivität ab diesem Zeitpunkt: 2026-05-01, eine ISO-8601-Zeit oder eine Zeitspanne zurück (7d, 24h, 30m).</translation>
    </message>
    <message>
        <source>when</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Activity up to this time (a date includes the whole day).</source>
        <translation>Aktivität bis zu diesem Zeitpunkt (ein Datum schließt den ganzen Tag ein).</translation>
    </message>
    <message>
        <source>The signing key file (default: the workspace&apos;s key, created if missing).</source>
        <translation>Die Signaturschlüsseldatei (Standard: der Schlüssel des Arbeitsbereichs, wird bei Bedarf erstellt).</translation>
    </message>
    <message>
        <source>Name the bundle file to write with --out FILE.</source>
        <translation>Geben Sie die zu schreibende Prüfpaketdatei mit --out FILE an.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Prüfpaket</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Chain head</source>
        <translation>Kettenkopf</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Checks an audit bundle offline: the manifest&apos;s signature with the public key you were given, the file&apos;s hash, the audit chain inside and its head. Exits with 0 only when every check passes. Needs no workspace.</source>
        <translation>Prüft ein Prüfpaket offline: die Signatur des Manifests mit dem öffentlichen Schlüssel, den Sie erhalten haben, den Hash der Datei, die enthaltene Protokollkette und ihren Kopf. Der Exit-Code ist nur dann 0, wenn jede Prüfung bestanden ist. Braucht keinen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The signer&apos;s public key: 64 hex digits, given to you out of band. Required.</source>
        <translation>Der öffentliche Schlüssel des Unterzeichners: 64 Hexadezimalziffern, die Ihnen auf separatem Weg übermittelt wurden. Erforderlich.</translation>
    </message>
    <message>
        <source>hex</source>
        <translation>hex</translation>
    </message>
    <message>
        <source>The bundle (FILE.manifest.json must be beside it).</source>
        <translation>Das Prüfpaket (FILE.manifest.json muss daneben liegen).</translation>
    </message>
    <message>
        <source>Give the signer&apos;s public key with --key PUBKEY_HEX.</source>
        <translation>Geben Sie den öffentlichen Schlüssel des Unterzeichners mit --key PUBKEY_HEX an.</translation>
    </message>
    <message>
        <source>--key takes a public key of 64 hex digits, not &apos;%1&apos;.</source>
        <translation>--key erwartet einen öffentlichen Schlüssel aus 64 Hexadezimalziffern, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>signed by the given key</source>
        <translation>mit dem angegebenen Schlüssel signiert</translation>
    </message>
    <message>
        <source>content hash</source>
        <translation>Inhalts-Hash</translation>
    </message>
    <message>
        <source>audit chain</source>
        <translation>Protokollkette</translation>
    </message>
    <message>
        <source>chain head</source>
        <translation>Kettenkopf</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>the bundle failed verification: %1</source>
        <translation>das Prüfpaket hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <source>--key is for workspace files: a server signs bundles with its own key.</source>
        <translation>--key gilt für Arbeitsbereichsdateien: Ein Server signiert Prüfpakete mit seinem eigenen Schlüssel.</translation>
    </message>
</context>
<context>
    <name>steward::BundleOpenDialog</name>
    <message>
        <source>Open Audit Bundle</source>
        <translation>Prüfpaket öffnen</translation>
    </message>
    <message>
        <source>Open a bundle read-only and check that nothing in it changed since it was signed. Its manifest (FILE.manifest.json) must sit beside it.</source>
        <translation>Ein Prüfpaket schreibgeschützt öffnen und prüfen, dass sich darin seit dem Signieren nichts geändert hat. Sein Manifest (FILE.manifest.json) muss daneben liegen.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>64 hex digits, as given to you with the bundle</source>
        <translation>64 Hexadezimalziffern, wie Sie sie mit dem Prüfpaket erhalten haben</translation>
    </message>
    <message>
        <source>Left empty, the bundle opens but nobody can tell who signed it.</source>
        <translation>Bleibt das Feld leer, wird das Prüfpaket geöffnet, aber niemand kann sagen, wer es signiert hat.</translation>
    </message>
    <message>
        <source>&amp;Bundle file:</source>
        <translation>&amp;Prüfpaketdatei:</translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation>Öffentlicher &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Steward audit bundles (*.steward);;All files (*)</source>
        <translation>Steward-Prüfpakete (*.steward);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>steward::Cli</name>
    <message>
        <source>Steward&apos;s command-line tool, for scripts, CI and auditors.</source>
        <translation>Das Befehlszeilenwerkzeug von Steward, für Skripte, CI und Prüfer.</translation>
    </message>
    <message>
        <source>One of the commands below.</source>
        <translation>Einer der folgenden Befehle.</translation>
    </message>
    <message>
        <source>Name a command: %1. See stewardctl --help.</source>
        <translation>Geben Sie einen Befehl an: %1. Siehe stewardctl --help.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Use %2.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;. Verwenden Sie %2.</translation>
    </message>
    <message>
        <source>Build the demo workspace: a company with agents, history and activity.</source>
        <translation>Den Demo-Arbeitsbereich erstellen: ein Unternehmen mit Agenten, Verlauf und Aktivität.</translation>
    </message>
    <message>
        <source>Print the org tree.</source>
        <translation>Das Organigramm ausgeben.</translation>
    </message>
    <message>
        <source>Change the org tree: create, rename, move or archive a node.</source>
        <translation>Das Organigramm ändern: einen Knoten anlegen, umbenennen, verschieben oder archivieren.</translation>
    </message>
    <message>
        <source>Show, create and change agents; their history, diffs and blame.</source>
        <translation>Agenten anzeigen, anlegen und ändern; ihr Verlauf, Diffs und Blame.</translation>
    </message>
    <message>
        <source>List, approve or reject proposed changes to critical agents.</source>
        <translation>Änderungsvorschläge für kritische Agenten auflisten, freigeben oder ablehnen.</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain; list its entries.</source>
        <translation>Die Hash-Kette des Prüfprotokolls prüfen; seine Einträge auflisten.</translation>
    </message>
    <message>
        <source>Create or show the key that signs audit bundles.</source>
        <translation>Den Schlüssel, der Prüfpakete signiert, erstellen oder anzeigen.</translation>
    </message>
    <message>
        <source>Write a signed audit bundle for auditors.</source>
        <translation>Ein signiertes Prüfpaket für Prüfer schreiben.</translation>
    </message>
    <message>
        <source>Check a signed audit bundle offline.</source>
        <translation>Ein signiertes Prüfpaket offline prüfen.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;stewardctl &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation>Mit &apos;stewardctl &lt;command&gt; --help&apos; sehen Sie die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>Add people and agent identities; grant and revoke roles.</source>
        <translation>Personen und Agentenidentitäten hinzufügen; Rollen vergeben und entziehen.</translation>
    </message>
    <message>
        <source>Create or revoke bearer tokens.</source>
        <translation>Bearer-Tokens erstellen oder widerrufen.</translation>
    </message>
    <message>
        <source>Search the activity log with the query language.</source>
        <translation>Das Aktivitätsprotokoll mit der Abfragesprache durchsuchen.</translation>
    </message>
    <message>
        <source>List, show and decide what agents propose to send or do.</source>
        <translation>Auflisten, anzeigen und entscheiden, was Agenten senden oder tun möchten.</translation>
    </message>
    <message>
        <source>Show or set approval policies.</source>
        <translation>Freigaberichtlinien anzeigen oder festlegen.</translation>
    </message>
</context>
<context>
    <name>steward::CommandLine</name>
    <message>
        <source>The workspace file to work on.</source>
        <translation>Die Arbeitsbereichsdatei, mit der gearbeitet wird.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Print JSON for programs instead of text for people.</source>
        <translation>JSON für Programme statt Text für Menschen ausgeben.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a workspace: give it with --store FILE.</source>
        <translation>&apos;%1&apos; braucht einen Arbeitsbereich: Geben Sie ihn mit --store FILE an.</translation>
    </message>
    <message>
        <source>Missing arguments. Usage: %1</source>
        <translation>Fehlende Argumente. Aufruf: %1</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;. Usage: %2</source>
        <translation>Unerwartetes Argument &apos;%1&apos;. Aufruf: %2</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>Unterbefehle:</translation>
    </message>
    <message>
        <source>Run &apos;stewardctl %1 &lt;subcommand&gt; --help&apos; for its options.</source>
        <translation>Mit &apos;stewardctl %1 &lt;subcommand&gt; --help&apos; sehen Sie die Optionen eines Unterbefehls.</translation>
    </message>
    <message>
        <source>Name what to do: %1 %2.</source>
        <translation>Geben Sie an, was geschehen soll: %1 %2.</translation>
    </message>
    <message>
        <source>Unknown subcommand &apos;%1 %2&apos;. Use %3.</source>
        <translation>Unbekannter Unterbefehl &apos;%1 %2&apos;. Verwenden Sie %3.</translation>
    </message>
    <message>
        <source>Who acts (default: the user running stewardctl).</source>
        <translation>Wer handelt (Standard: der Benutzer, der stewardctl ausführt).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Why: kept in the audit log. Required.</source>
        <translation>Warum: wird im Prüfprotokoll festgehalten. Erforderlich.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Give a reason with --reason TEXT; it is kept in the audit log.</source>
        <translation>Geben Sie mit --reason TEXT eine Begründung an; sie wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 erwartet eine ganze Zahl von %2 bis %3, nicht &apos;%4&apos;.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>The stewardd to work with instead of a file, e.g. https://steward.example.com.</source>
        <translation>Der stewardd, mit dem statt mit einer Datei gearbeitet wird, z. B. https://steward.example.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The bearer token for --server (default: $STEWARD_TOKEN, which other users cannot see in the process list).</source>
        <translation>Das Bearer-Token für --server (Standard: $STEWARD_TOKEN, das andere Benutzer in der Prozessliste nicht sehen können).</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The server&apos;s own certificate (PEM), trusted even though no authority signed it.</source>
        <translation>Das eigene Zertifikat des Servers (PEM), dem vertraut wird, obwohl keine Zertifizierungsstelle es signiert hat.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; works on a workspace file (--store FILE), not on a server.</source>
        <translation>&apos;%1&apos; arbeitet mit einer Arbeitsbereichsdatei (--store FILE), nicht mit einem Server.</translation>
    </message>
    <message>
        <source>Give either --store FILE or --server URL, not both.</source>
        <translation>Geben Sie entweder --store FILE oder --server URL an, nicht beides.</translation>
    </message>
    <message>
        <source>--actor is for workspace files: on a server, the owner of the token is the actor.</source>
        <translation>--actor gilt für Arbeitsbereichsdateien: Auf einem Server ist der Inhaber des Tokens der Akteur.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a workspace: give it with --store FILE or --server URL.</source>
        <translation>&apos;%1&apos; braucht einen Arbeitsbereich: Geben Sie ihn mit --store FILE oder --server URL an.</translation>
    </message>
    <message>
        <source>A server connection saved by the desktop app: its address, its pinned certificate and the token the system keychain keeps for it.</source>
        <translation>Eine in der Desktop-App gespeicherte Serververbindung: ihre Adresse, ihr gepinntes Zertifikat und das Token, das der Schlüsselbund des Systems für sie aufbewahrt.</translation>
    </message>
    <message>
        <source>The desktop app has no saved connection named &apos;%1&apos;.</source>
        <translation>Die Desktop-App hat keine gespeicherte Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; on a server needs a token: give it with --token TOKEN, in the STEWARD_TOKEN environment variable, or through --profile.</source>
        <translation>„%1“ braucht auf einem Server ein Token: Geben Sie es mit --token TOKEN, in der Umgebungsvariablen STEWARD_TOKEN oder über --profile an.</translation>
    </message>
</context>
<context>
    <name>steward::CommandRunner</name>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>no command to run: the spec&apos;s runner names none</source>
        <translation>kein Befehl zum Ausführen: Der Runner der Spezifikation nennt keinen</translation>
    </message>
    <message>
        <source>could not write the instructions file: %1</source>
        <translation>die Anweisungsdatei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the program wrote more than %1 MiB of output</source>
        <translation>das Programm hat mehr als %1 MiB ausgegeben</translation>
    </message>
    <message>
        <source>line %1 of the output is not a JSON event: it is not valid UTF-8</source>
        <translation>Zeile %1 der Ausgabe ist kein JSON-Ereignis: Sie ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>line %1 of the output is not a JSON event: %2 at character %3</source>
        <translation>Zeile %1 der Ausgabe ist kein JSON-Ereignis: %2 bei Zeichen %3</translation>
    </message>
    <message>
        <source>line %1 of the output is not a JSON event: it is not a JSON object</source>
        <translation>Zeile %1 der Ausgabe ist kein JSON-Ereignis: Sie ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>a proposal&apos;s line holds nothing but &quot;proposal&quot;</source>
        <translation>die Zeile eines Vorschlags enthält nichts außer &quot;proposal&quot;</translation>
    </message>
    <message>
        <source>&quot;proposal&quot; must be an object</source>
        <translation>&quot;proposal&quot; muss ein Objekt sein</translation>
    </message>
    <message>
        <source>line %1 of the output is not a proposal: %2</source>
        <translation>Zeile %1 der Ausgabe ist kein Vorschlag: %2</translation>
    </message>
    <message>
        <source>line %1 of the output is not a JSON event: %2</source>
        <translation>Zeile %1 der Ausgabe ist kein JSON-Ereignis: %2</translation>
    </message>
    <message>
        <source>line %1 of the output is not a JSON event: it is longer than %2 bytes</source>
        <translation>Zeile %1 der Ausgabe ist kein JSON-Ereignis: Sie ist länger als %2 Bytes</translation>
    </message>
    <message>
        <source>crashed (signal %1)</source>
        <translation>abgestürzt (Signal %1)</translation>
    </message>
    <message>
        <source>crashed (signal %1, %2)</source>
        <translation>abgestürzt (Signal %1, %2)</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more lines of the output were not JSON events</source>
        <translation>
            <numerusform>%n weitere Zeile der Ausgabe war kein JSON-Ereignis</numerusform>
            <numerusform>%n weitere Zeilen der Ausgabe waren keine JSON-Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::ConnectDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>Work on a workspace shared through a Steward server. Its administrator gives you the server&apos;s address and a token (stewardctl token create).</source>
        <translation>Arbeiten Sie in einem Arbeitsbereich, der über einen Steward-Server geteilt wird. Der Administrator des Servers nennt Ihnen dessen Adresse und gibt Ihnen ein Token (stewardctl token create).</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Ver&amp;gessen</translation>
    </message>
    <message>
        <source>Remove this connection and its saved token</source>
        <translation>Diese Verbindung und ihr gespeichertes Token entfernen</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>z. B. Acme Produktion</translation>
    </message>
    <message>
        <source>https://steward.example.com</source>
        <translation>https://steward.example.com</translation>
    </message>
    <message>
        <source>The token your administrator gave you</source>
        <translation>Das Token, das Sie von Ihrem Administrator erhalten haben</translation>
    </message>
    <message>
        <source>&amp;Remember the token in the system keychain</source>
        <translation>Token im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Optional, for a self-signed server</source>
        <translation>Optional, für einen Server mit selbstsigniertem Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Pinned certificate:</source>
        <translation>Gepinntes &amp;Zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Ver&amp;binden</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 as %3</source>
        <translation>%1 — %2 als %3</translation>
    </message>
    <message>
        <source>Reading the saved token…</source>
        <translation>Gespeichertes Token wird gelesen…</translation>
    </message>
    <message>
        <source>Enter the token for this server.</source>
        <translation>Geben Sie das Token für diesen Server ein.</translation>
    </message>
    <message>
        <source>Forgot the connection %1.</source>
        <translation>Verbindung %1 vergessen.</translation>
    </message>
    <message>
        <source>Pinned Certificate</source>
        <translation>Gepinntes Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the token.</source>
        <translation>Geben Sie das Token ein.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird abgefragt…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Angemeldet als %1 (%2).</translation>
    </message>
    <message>
        <source>%1 Saving the token in the system keychain…</source>
        <translation>%1 Token wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>%1 Connect again to connect without remembering the token.</source>
        <translation>%1 Klicken Sie erneut auf „Verbinden“, um die Verbindung ohne gemerktes Token herzustellen.</translation>
    </message>
</context>
<context>
    <name>steward::ConnectionGuard</name>
    <message>
        <source>The request&apos;s header is larger than %1 bytes.</source>
        <translation>Der Header der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>The request body has %1 bytes; at most %2 are accepted.</source>
        <translation>Der Body der Anfrage hat %1 Bytes; angenommen werden höchstens %2.</translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Body der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>The request did not arrive completely within %1 seconds.</source>
        <translation>Die Anfrage ist nicht innerhalb von %1 Sekunden vollständig angekommen.</translation>
    </message>
</context>
<context>
    <name>steward::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://steward.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://steward.example.com.</translation>
    </message>
    <message>
        <source>That is not a server address; one looks like https://steward.example.com.</source>
        <translation>Das ist keine Serveradresse; eine Serveradresse sieht etwa so aus: https://steward.example.com.</translation>
    </message>
    <message>
        <source>A server address starts with https:// (or http://), not %1://.</source>
        <translation>Eine Serveradresse beginnt mit https:// (oder http://), nicht mit %1://.</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the server address: the token signs you in.</source>
        <translation>Lassen Sie Benutzername und Passwort in der Serveradresse weg: Die Anmeldung erfolgt über das Token.</translation>
    </message>
    <message>
        <source>A server address has no query (?…) or fragment (#…).</source>
        <translation>Eine Serveradresse hat keine Abfrage (?…) und kein Fragment (#…).</translation>
    </message>
</context>
<context>
    <name>steward::CronSchedule</name>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a name.</source>
        <translation>&quot;%1&quot; ist weder eine Zahl noch ein Name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3.</source>
        <translation>%1 liegt außerhalb des Bereichs %2-%3.</translation>
    </message>
    <message>
        <source>the step in &quot;%1&quot; is not a whole number from 1 to %2.</source>
        <translation>die Schrittweite in &quot;%1&quot; ist keine ganze Zahl von 1 bis %2.</translation>
    </message>
    <message>
        <source>in &quot;%1&quot; a step follows * or a range, as in */15 or 0-30/5.</source>
        <translation>in &quot;%1&quot; folgt eine Schrittweite auf * oder einen Bereich, wie in */15 oder 0-30/5.</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; runs backwards.</source>
        <translation>der Bereich &quot;%1&quot; verläuft rückwärts.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty list item.</source>
        <translation>&quot;%1&quot; hat einen leeren Listeneintrag.</translation>
    </message>
    <message>
        <source>A schedule is at most %1 characters long.</source>
        <translation>Ein Zeitplan ist höchstens %1 Zeichen lang.</translation>
    </message>
    <message numerus="yes">
        <source>A schedule has five fields (minute, hour, day of month, month, day of week); &quot;%1&quot; has %n.</source>
        <translation>
            <numerusform>Ein Zeitplan hat fünf Felder (Minute, Stunde, Tag des Monats, Monat, Wochentag); &quot;%1&quot; hat %n.</numerusform>
            <numerusform>Ein Zeitplan hat fünf Felder (Minute, Stunde, Tag des Monats, Monat, Wochentag); &quot;%1&quot; hat %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; never fires: none of its months has the days of the month it names.</source>
        <translation>&quot;%1&quot; wird nie ausgelöst: Keiner der genannten Monate hat die genannten Tage des Monats.</translation>
    </message>
</context>
<context>
    <name>steward::DecisionStatsModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Median time to decision under %1 s with at least %2 % approvals: are these decisions read?</source>
        <translation>Median der Zeit bis zur Entscheidung unter %1 s bei mindestens %2 % Freigaben: Werden diese Entscheidungen gelesen?</translation>
    </message>
    <message>
        <source>Rubber-stamping?</source>
        <translation>Durchgewunken?</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>Zeit (Median)</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>steward::DemoBuilder</name>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation>Unter %1 existiert bereits eine Datei; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Building the demo workspace was cancelled.</source>
        <translation>Das Erstellen des Demo-Arbeitsbereichs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The demo needs between 1 and %1 agents, not %2.</source>
        <translation>Die Demo braucht zwischen 1 und %1 Agenten, nicht %2.</translation>
    </message>
    <message>
        <source>The demo needs 0 or between %1 and %2 events, not %3.</source>
        <translation>Die Demo braucht 0 Ereignisse oder zwischen %1 und %2, nicht %3.</translation>
    </message>
</context>
<context>
    <name>steward::DemoCommand</name>
    <message>
        <source>--%1 takes a whole number, not &apos;%2&apos;.</source>
        <translation>--%1 erwartet eine ganze Zahl, nicht &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>--until takes a date like 2026-05-31, not &apos;%1&apos;.</source>
        <translation>--until erwartet ein Datum wie 2026-05-31, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Abteilungen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>Ausstehende Freigaben</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Builds the demo workspace: the company acme with departments, teams, people, agents with version histories, 90 days of activity and pending approvals. The same seed and end date give the same workspace.</source>
        <translation>Erstellt den Demo-Arbeitsbereich: das Unternehmen acme mit Abteilungen, Teams, Personen, Agenten mit Versionsverläufen, 90 Tagen Aktivität und ausstehenden Freigaben. Gleicher Startwert und gleiches Enddatum ergeben denselben Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The workspace file to create.</source>
        <translation>Die anzulegende Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>How many agents (default 300).</source>
        <translation>Anzahl der Agenten (Standard: 300).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>How many activity events (default 200000).</source>
        <translation>Anzahl der Aktivitätsereignisse (Standard: 200000).</translation>
    </message>
    <message>
        <source>Seed of the random choices (default 1).</source>
        <translation>Startwert für die Zufallsauswahl (Standard: 1).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Last day of the history (default yesterday, UTC).</source>
        <translation>Letzter Tag des Verlaufs (Standard: gestern, UTC).</translation>
    </message>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>jjjj-mm-tt</translation>
    </message>
    <message>
        <source>Replace the file if it exists.</source>
        <translation>Die Datei ersetzen, falls sie existiert.</translation>
    </message>
    <message>
        <source>Name the file to create with --out FILE.</source>
        <translation>Geben Sie die anzulegende Datei mit --out FILE an.</translation>
    </message>
    <message>
        <source>%1 already exists; add --force to replace it.</source>
        <translation>%1 existiert bereits; fügen Sie --force hinzu, um die Datei zu ersetzen.</translation>
    </message>
    <message>
        <source>%1 is not a file; it cannot be replaced.</source>
        <translation>%1 ist keine Datei und kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Building the demo workspace: %1%</source>
        <translation>Demo-Arbeitsbereich wird erstellt: %1 %</translation>
    </message>
    <message>
        <source>demo builds a new workspace file (--out FILE); it does not work on a server.</source>
        <translation>demo erstellt eine neue Arbeitsbereichsdatei (--out FILE); auf einem Server funktioniert es nicht.</translation>
    </message>
</context>
<context>
    <name>steward::DemoTask</name>
    <message>
        <source>Building the demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Building the demo workspace was cancelled.</source>
        <translation>Das Erstellen des Demo-Arbeitsbereichs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not build the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>steward::DetailPane</name>
    <message>
        <source>Select a department, team or agent in the tree to see its details.</source>
        <translation>Wählen Sie im Baum eine Abteilung, ein Team oder einen Agenten aus, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <source>Visibility:</source>
        <translation>Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Criticality:</source>
        <translation>Kritikalität:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Head version:</source>
        <translation>Aktuelle Version:</translation>
    </message>
    <message>
        <source>Directly below:</source>
        <translation>Direkt darunter:</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Letzte Änderungen</translation>
    </message>
    <message>
        <source>none saved yet</source>
        <translation>noch keine gespeichert</translation>
    </message>
    <message>
        <source>v%1 by %2 on %3: “%4”</source>
        <translation>v%1 von %2 am %3: „%4“</translation>
    </message>
    <message>
        <source>%1 (approved by %2)</source>
        <translation>%1 (freigegeben von %2)</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>No recorded changes at this path.</source>
        <translation>Für diesen Pfad sind keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <source>Changes are shown to those who may read the audit log here.</source>
        <translation>Änderungen sehen hier nur Personen, die das Prüfprotokoll lesen dürfen.</translation>
    </message>
</context>
<context>
    <name>steward::DiffView</name>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Einspaltig</translation>
    </message>
    <message>
        <source>One column with removed and added lines, instead of side by side</source>
        <translation>Eine Spalte mit entfernten und hinzugefügten Zeilen statt nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Previous change</source>
        <translation>&amp;Vorherige Änderung</translation>
    </message>
    <message>
        <source>Previous change (Shift+F7 or p)</source>
        <translation>Vorherige Änderung (Shift+F7 oder p)</translation>
    </message>
    <message>
        <source>&amp;Next change</source>
        <translation>&amp;Nächste Änderung</translation>
    </message>
    <message>
        <source>Next change (F7 or n)</source>
        <translation>Nächste Änderung (F7 oder n)</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>Alte Version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Version</translation>
    </message>
    <message>
        <source>Unified diff</source>
        <translation>Einspaltiger Diff</translation>
    </message>
    <message>
        <source>Select a version to see what it changed, or two versions to compare them.</source>
        <translation>Wählen Sie eine Version aus, um zu sehen, was sie geändert hat, oder zwei Versionen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 → %2: no field changed.</source>
        <translation>%1 → %2: kein Feld geändert.</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>Änderungen: %1</translation>
    </message>
</context>
<context>
    <name>steward::DisplayText</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Umbenannt</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Version</translation>
    </message>
    <message>
        <source>Proposed a version</source>
        <translation>Version vorgelegt</translation>
    </message>
    <message>
        <source>Approved a version</source>
        <translation>Version freigegeben</translation>
    </message>
    <message>
        <source>Rejected a version</source>
        <translation>Version abgelehnt</translation>
    </message>
    <message>
        <source>Exported an audit bundle</source>
        <translation>Prüfpaket exportiert</translation>
    </message>
</context>
<context>
    <name>steward::Enums</name>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Experimental</source>
        <translation>Experimentell</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Außer Dienst</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Failed runs</source>
        <translation>Fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Approval rate</source>
        <translation>Freigabequote</translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation>Ablehnungsquote</translation>
    </message>
    <message>
        <source>Edit rate</source>
        <translation>Bearbeitungsquote</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
</context>
<context>
    <name>steward::EventDetail</name>
    <message>
        <source>Show the change that made this version, in the agent&apos;s Versions tab</source>
        <translation>Die Änderung, aus der diese Version entstand, im Reiter „Versionen“ des Agenten anzeigen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Select an event to see its run and the change that produced it.</source>
        <translation>Wählen Sie ein Ereignis aus, um seinen Lauf und die Änderung zu sehen, die es hervorgebracht hat.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · v%4%5</source>
        <translation>%1 · %2 · %3 · v%4%5</translation>
    </message>
    <message>
        <source> · run %1</source>
        <translation> · Lauf %1</translation>
    </message>
    <message>
        <source>Open Version %1</source>
        <translation>Version %1 öffnen</translation>
    </message>
    <message>
        <source>The run&apos;s other steps could not be read: %1</source>
        <translation>Die übrigen Schritte des Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This event belongs to no run.</source>
        <translation>Dieses Ereignis gehört zu keinem Lauf.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>+%1 ms · %2 ms</source>
        <translation>+%1 ms · %2 ms</translation>
    </message>
    <message>
        <source>No agent version is recorded for this event.</source>
        <translation>Für dieses Ereignis ist keine Agentenversion erfasst.</translation>
    </message>
    <message>
        <source>Version %1 of %2 could not be read: %3</source>
        <translation>Version %1 von %2 konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Produced by %1, version %2.</source>
        <translation>Erzeugt von %1, Version %2.</translation>
    </message>
    <message>
        <source>Changed by %1 on %2.</source>
        <translation>Geändert von %1 am %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(keine angegeben)</translation>
    </message>
    <message>
        <source>The change was approved by %1.</source>
        <translation>Die Änderung wurde von %1 freigegeben.</translation>
    </message>
    <message>
        <source>v%1 by %2</source>
        <translation>v%1 von %2</translation>
    </message>
    <message>
        <source>(nothing before)</source>
        <translation>(nichts davor)</translation>
    </message>
    <message>
        <source>Version %1 could not be read: %2</source>
        <translation>Version %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>approved and executed</source>
        <translation>freigegeben und ausgeführt</translation>
    </message>
    <message>
        <source>approved, execution failed</source>
        <translation>freigegeben, Ausführung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Edited and approved</source>
        <translation>Bearbeitet und freigegeben</translation>
    </message>
    <message>
        <source>The approvals of this run could not be read: %1</source>
        <translation>Die Freigaben dieses Laufs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Output “%1” (approval #%2): %3.</source>
        <translation>Ausgabe „%1“ (Freigabe #%2): %3.</translation>
    </message>
    <message>
        <source>Its decisions could not be read: %1</source>
        <translation>Ihre Entscheidungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No reviewer has decided yet.</source>
        <translation>Noch hat kein Prüfer entschieden.</translation>
    </message>
    <message>
        <source>%1 by %2 on %3%4</source>
        <translation>%1 von %2 am %3%4</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
</context>
<context>
    <name>steward::ExecutionRepository</name>
    <message>
        <source>looking for approved actions</source>
        <translation>beim Suchen nach freigegebenen Aktionen</translation>
    </message>
    <message>
        <source>claiming an approved action</source>
        <translation>beim Übernehmen einer freigegebenen Aktion</translation>
    </message>
    <message>
        <source>recording an attempt</source>
        <translation>beim Erfassen eines Versuchs</translation>
    </message>
    <message>
        <source>recording an executed action</source>
        <translation>beim Erfassen einer ausgeführten Aktion</translation>
    </message>
    <message>
        <source>reading an execution</source>
        <translation>beim Lesen einer Ausführung</translation>
    </message>
    <message>
        <source>approval %1 has not been executed</source>
        <translation>Freigabe %1 wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>reading an approved action</source>
        <translation>beim Lesen einer freigegebenen Aktion</translation>
    </message>
    <message>
        <source>there is no approval %1</source>
        <translation>es gibt keine Freigabe %1</translation>
    </message>
</context>
<context>
    <name>steward::ExecutionService</name>
    <message>
        <source>Steward cannot perform actions of type &quot;%1&quot;</source>
        <translation>Steward kann keine Aktionen vom Typ &quot;%1&quot; ausführen</translation>
    </message>
    <message>
        <source>the approval holds no payload to execute</source>
        <translation>die Freigabe enthält keinen Inhalt, der ausgeführt werden kann</translation>
    </message>
    <message>
        <source>the webhook action names no secret to sign with</source>
        <translation>die Webhook-Aktion nennt kein Geheimnis zum Signieren</translation>
    </message>
    <message>
        <source>stewardd has no secret named &quot;%1&quot; (see --secrets)</source>
        <translation>stewardd hat kein Geheimnis namens &quot;%1&quot; (siehe --secrets)</translation>
    </message>
    <message>
        <source>gave up after %1 attempts; the last: %2</source>
        <translation>nach %1 Versuchen aufgegeben; der letzte: %2</translation>
    </message>
    <message>
        <source>approval %1 is no longer approved</source>
        <translation>Freigabe %1 ist nicht mehr freigegeben</translation>
    </message>
    <message>
        <source>Executed &quot;%1&quot;: %2 answered %3</source>
        <translation>&quot;%1&quot; ausgeführt: %2 antwortete %3</translation>
    </message>
    <message>
        <source>Could not execute &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; konnte nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>steward::ExportBundleDialog</name>
    <message>
        <source>Export Audit Bundle</source>
        <translation>Prüfpaket exportieren</translation>
    </message>
    <message>
        <source>A signed, read-only copy of the workspace for an auditor. Versions and the whole audit log are always included, so the chain can be verified.</source>
        <translation>Eine signierte, schreibgeschützte Kopie des Arbeitsbereichs für Prüfer. Versionen und das gesamte Prüfprotokoll sind immer enthalten, damit die Protokollkette geprüft werden kann.</translation>
    </message>
    <message>
        <source>audit-bundle.steward</source>
        <translation>pruefpaket.steward</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>The whole workspace</source>
        <translation>Der ganze Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation>Warum? Wird im Prüfprotokoll festgehalten</translation>
    </message>
    <message>
        <source>&amp;Bundle file:</source>
        <translation>&amp;Prüfpaketdatei:</translation>
    </message>
    <message>
        <source>&amp;Subtree:</source>
        <translation>&amp;Teilbaum:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Give the auditor this public key, through another channel than the bundle, so they can check who signed it:</source>
        <translation>Geben Sie den Prüfern diesen öffentlichen Schlüssel auf einem anderen Weg als das Prüfpaket, damit sie prüfen können, wer es signiert hat:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Steward audit bundles (*.steward);;All files (*)</source>
        <translation>Steward-Prüfpakete (*.steward);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Wrote the bundle to %1 and its signed manifest to %2 (audit log up to entry %3).</source>
        <translation>Prüfpaket nach %1 und sein signiertes Manifest nach %2 geschrieben (Prüfprotokoll bis Eintrag %3).</translation>
    </message>
</context>
<context>
    <name>steward::HttpRunner</name>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>the harness URL &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>die Harness-URL &quot;%1&quot; ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>the harness&apos;s answer is longer than %1 bytes</source>
        <translation>die Antwort des Harness ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>no answer from the harness: %1</source>
        <translation>keine Antwort vom Harness: %1</translation>
    </message>
    <message>
        <source>the harness says the run failed</source>
        <translation>laut Harness ist der Lauf fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>steward::JsonCodec</name>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be at most %1 characters long (it has %2)</source>
        <translation>darf höchstens %1 Zeichen lang sein (es sind %2)</translation>
    </message>
    <message>
        <source>must be valid Unicode text</source>
        <translation>muss gültiger Unicode-Text sein</translation>
    </message>
    <message>
        <source>must be lower-case hexadecimal</source>
        <translation>muss hexadezimal in Kleinbuchstaben sein</translation>
    </message>
    <message>
        <source>must be a positive integer</source>
        <translation>muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a non-negative integer</source>
        <translation>muss eine nicht negative ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a non-negative number</source>
        <translation>muss eine nicht negative Zahl sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a time zone, such as 2026-11-24T13:11:20.123Z</source>
        <translation>muss eine ISO-8601-Zeit mit Zeitzone sein, etwa 2026-11-24T13:11:20.123Z</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>darf höchstens %1 sein</translation>
    </message>
    <message>
        <source>The answer is not a Steward error (%1).</source>
        <translation>Die Antwort ist keine Steward-Fehlermeldung (%1).</translation>
    </message>
    <message>
        <source>The request body has %1 bytes; the limit is %2 bytes.</source>
        <translation>Der Body der Anfrage hat %1 Bytes; die Grenze liegt bei %2 Bytes.</translation>
    </message>
    <message>
        <source>The request body is not valid UTF-8.</source>
        <translation>Der Body der Anfrage ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at byte %2.</source>
        <translation>Der Body der Anfrage ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Der Body der Anfrage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>is more than %1 hours ahead of the server&apos;s clock</source>
        <translation>liegt mehr als %1 Stunden vor der Uhr des Servers</translation>
    </message>
    <message>
        <source>must be one of: ok, error</source>
        <translation>muss einer dieser Werte sein: ok, error</translation>
    </message>
    <message>
        <source>must hold at least one event</source>
        <translation>muss mindestens ein Ereignis enthalten</translation>
    </message>
    <message>
        <source>must hold at most %1 events (it has %2)</source>
        <translation>darf höchstens %1 Ereignisse enthalten (es sind %2)</translation>
    </message>
    <message>
        <source>a company has no parent</source>
        <translation>ein Unternehmen hat keinen übergeordneten Knoten</translation>
    </message>
    <message>
        <source>only agents have this field</source>
        <translation>nur Agenten haben dieses Feld</translation>
    </message>
    <message>
        <source>nothing to change: give name, parentId or both</source>
        <translation>nichts zu ändern: Geben Sie name, parentId oder beides an</translation>
    </message>
    <message>
        <source>nextCursor: &quot;%1&quot; is not an event id.</source>
        <translation>nextCursor: &quot;%1&quot; ist keine Ereignis-ID.</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time</source>
        <translation>muss eine ISO-8601-Zeit sein</translation>
    </message>
    <message>
        <source>must be an array of %1 counts</source>
        <translation>muss ein Array aus %1 Zählwerten sein</translation>
    </message>
    <message>
        <source>must be hour, day or week</source>
        <translation>muss hour, day oder week sein</translation>
    </message>
    <message>
        <source>must not contain the character U+0000</source>
        <translation>darf das Zeichen U+0000 nicht enthalten</translation>
    </message>
</context>
<context>
    <name>steward::KeyCommand</name>
    <message>
        <source>--%1 needs a file name.</source>
        <translation>--%1 braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>Creates a signing key for audit bundles and prints its public key. Without --out the key goes to the workspace&apos;s default key file, so --store is needed. An existing key file is never replaced.</source>
        <translation>Erstellt einen Signaturschlüssel für Prüfpakete und gibt seinen öffentlichen Schlüssel aus. Ohne --out kommt der Schlüssel in die Standard-Schlüsseldatei des Arbeitsbereichs; dafür ist --store nötig. Eine vorhandene Schlüsseldatei wird nie ersetzt.</translation>
    </message>
    <message>
        <source>The key file to create.</source>
        <translation>Die anzulegende Schlüsseldatei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 already exists; a signing key is never replaced. Use &apos;key show&apos; to see its public key.</source>
        <translation>%1 existiert bereits; ein Signaturschlüssel wird nie ersetzt. Mit &apos;key show&apos; sehen Sie seinen öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <source>created the signing key %1; its public key is on the next line.</source>
        <translation>Signaturschlüssel %1 erstellt; sein öffentlicher Schlüssel steht in der nächsten Zeile.</translation>
    </message>
    <message>
        <source>Prints the public key of a signing key: the one at --key, or the workspace&apos;s default key (which needs --store).</source>
        <translation>Gibt den öffentlichen Schlüssel eines Signaturschlüssels aus: des Schlüssels unter --key oder des Standardschlüssels des Arbeitsbereichs (dafür ist --store nötig).</translation>
    </message>
    <message>
        <source>The key file.</source>
        <translation>Die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Creates and shows the Ed25519 keys that sign audit bundles.</source>
        <translation>Erstellt und zeigt die Ed25519-Schlüssel, die Prüfpakete signieren.</translation>
    </message>
    <message>
        <source>A server signs bundles with its own key, which stays on the server; &apos;key&apos; works on key files and workspace files.</source>
        <translation>Ein Server signiert Prüfpakete mit seinem eigenen Schlüssel, der auf dem Server bleibt; &apos;key&apos; arbeitet mit Schlüsseldateien und Arbeitsbereichsdateien.</translation>
    </message>
</context>
<context>
    <name>steward::LiveFeedModel</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
</context>
<context>
    <name>steward::LiveFeedView</name>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Recent queries</source>
        <translation>Letzte Abfragen</translation>
    </message>
    <message>
        <source>No recent queries</source>
        <translation>Keine letzten Abfragen</translation>
    </message>
    <message>
        <source>Only the selected node</source>
        <translation>Nur der ausgewählte Knoten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Hold new events back (Ctrl+P)</source>
        <translation>Neue Ereignisse zurückhalten (Strg+P)</translation>
    </message>
    <message>
        <source>Show the newest events</source>
        <translation>Die neuesten Ereignisse anzeigen</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>The query cannot be run: %1</source>
        <translation>Die Abfrage kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s): resume</source>
        <translation>
            <numerusform>%n neues Ereignis: fortsetzen</numerusform>
            <numerusform>%n neue Ereignisse: fortsetzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s) above</source>
        <translation>
            <numerusform>%n neues Ereignis oben</numerusform>
            <numerusform>%n neue Ereignisse oben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::LocalWorkspace</name>
    <message>
        <source>This is an auditor&apos;s bundle: it can be read, not changed.</source>
        <translation>Dies ist ein Prüfpaket für Prüfer: Es kann gelesen, aber nicht geändert werden.</translation>
    </message>
    <message>
        <source>the workspace was closed</source>
        <translation>der Arbeitsbereich wurde geschlossen</translation>
    </message>
</context>
<context>
    <name>steward::MainWindow</name>
    <message>
        <source>Steward workspaces (*.steward);;All files (*)</source>
        <translation>Steward-Arbeitsbereiche (*.steward);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Steward</source>
        <translation>Steward</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>&amp;New Local Workspace…</source>
        <translation>&amp;Neuer lokaler Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Create &amp;Demo Workspace…</source>
        <translation>&amp;Demo-Arbeitsbereich erstellen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>New &amp;Company…</source>
        <translation>Neues Unter&amp;nehmen…</translation>
    </message>
    <message>
        <source>New &amp;Department…</source>
        <translation>Neue &amp;Abteilung…</translation>
    </message>
    <message>
        <source>New &amp;Team…</source>
        <translation>Neues &amp;Team…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>A&amp;rchivieren…</translation>
    </message>
    <message>
        <source>&amp;About Steward</source>
        <translation>Ü&amp;ber Steward</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>%1 — Steward</source>
        <translation>%1 — Steward</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>This workspace has no company yet: use Edit › New Company… to start one.</source>
        <translation>Dieser Arbeitsbereich hat noch kein Unternehmen: Legen Sie über Bearbeiten › Neues Unternehmen… eines an.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>New Local Workspace</source>
        <translation>Neuer lokaler Arbeitsbereich</translation>
    </message>
    <message>
        <source>company.steward</source>
        <translation>unternehmen.steward</translation>
    </message>
    <message>
        <source>Create Demo Workspace</source>
        <translation>Demo-Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <source>demo.steward</source>
        <translation>demo.steward</translation>
    </message>
    <message>
        <source>The demo workspace is still being built.</source>
        <translation>Der Demo-Arbeitsbereich wird noch erstellt.</translation>
    </message>
    <message>
        <source>Building the demo workspace at %1…</source>
        <translation>Demo-Arbeitsbereich wird unter %1 erstellt…</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>About Steward</source>
        <translation>Über Steward</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Steward %1&lt;/h3&gt;&lt;p&gt;The control room for your company&apos;s background AI agents: where each agent sits, who owns it, what changed and why.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Steward %1&lt;/h3&gt;&lt;p&gt;Die Schaltzentrale für die KI-Agenten, die in Ihrem Unternehmen im Hintergrund arbeiten: wo jeder Agent angesiedelt ist, wer für ihn verantwortlich ist, was sich geändert hat und warum.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>Unter %1 befindet sich nichts.</translation>
    </message>
    <message>
        <source>New Company</source>
        <translation>Neues Unternehmen</translation>
    </message>
    <message>
        <source>Name the company at the root of this workspace. Its name starts every path.</source>
        <translation>Benennen Sie das Unternehmen an der Wurzel dieses Arbeitsbereichs. Mit seinem Namen beginnt jeder Pfad.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Created the company %1.</source>
        <translation>Unternehmen %1 erstellt.</translation>
    </message>
    <message>
        <source>New Department</source>
        <translation>Neue Abteilung</translation>
    </message>
    <message>
        <source>New Team</source>
        <translation>Neues Team</translation>
    </message>
    <message>
        <source>A new department in %1.</source>
        <translation>Eine neue Abteilung in %1.</translation>
    </message>
    <message>
        <source>A new team in %1.</source>
        <translation>Ein neues Team in %1.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 erstellt.</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Rename %1. Paths below it change with it.</source>
        <translation>%1 umbenennen. Die Pfade darunter ändern sich mit.</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Moved %1 to %2.</source>
        <translation>%1 nach %2 verschoben.</translation>
    </message>
    <message>
        <source>Archive %1</source>
        <translation>%1 archivieren</translation>
    </message>
    <message>
        <source>Archive %1? It leaves the tree; its versions and activity stay readable.</source>
        <translation>%1 archivieren? Der Eintrag verschwindet aus dem Baum; seine Versionen und Aktivitäten bleiben lesbar.</translation>
    </message>
    <message>
        <source>Archive %1 and everything below it? They leave the tree; their history stays readable.</source>
        <translation>%1 und alles darunter archivieren? Die Einträge verschwinden aus dem Baum; ihr Verlauf bleibt lesbar.</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation>%1 archiviert.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Open Audit &amp;Bundle…</source>
        <translation>&amp;Prüfpaket öffnen…</translation>
    </message>
    <message>
        <source>&amp;Export Audit Bundle…</source>
        <translation>Prüfpaket &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>&amp;Agenten</translation>
    </message>
    <message>
        <source>A&amp;udit Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Agent &amp;Overview</source>
        <translation>Agenten-Über&amp;sicht</translation>
    </message>
    <message>
        <source>Agent &amp;Versions</source>
        <translation>Agenten-&amp;Versionen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>%1 (read-only audit bundle) — Steward</source>
        <translation>%1 (schreibgeschütztes Prüfpaket) — Steward</translation>
    </message>
    <message>
        <source>Audit bundle: %1</source>
        <translation>Prüfpaket: %1</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>This server&apos;s workspace has no company yet; its administrator starts one with stewardctl.</source>
        <translation>Der Arbeitsbereich dieses Servers hat noch kein Unternehmen; der Administrator des Servers legt es mit stewardctl an.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Disconnected from %1 — reconnecting…</source>
        <translation>Verbindung zu %1 getrennt — wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Disconnected from %1 — reconnecting in %2 s</source>
        <translation>Verbindung zu %1 getrennt — neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>Disconnected from %1 — reconnecting now…</source>
        <translation>Verbindung zu %1 getrennt — neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>What is shown is what the server sent before the link went down; changes can be made again once it is back.</source>
        <translation>Angezeigt wird, was der Server vor dem Verbindungsabbruch gesendet hat; Änderungen sind wieder möglich, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Live Feed</source>
        <translation>Live-Feed</translation>
    </message>
    <message>
        <source>Approval Inbox</source>
        <translation>Freigabe-Posteingang</translation>
    </message>
    <message>
        <source>&amp;Live Feed</source>
        <translation>&amp;Live-Feed</translation>
    </message>
    <message>
        <source>Approval &amp;Inbox</source>
        <translation>&amp;Freigabe-Posteingang</translation>
    </message>
    <message>
        <source>%1 is no longer in the tree.</source>
        <translation>%1 ist nicht mehr im Baum.</translation>
    </message>
    <message>
        <source>Approval Inbox (%1 · %2)</source>
        <translation>Freigabe-Posteingang (%1 · %2)</translation>
    </message>
    <message>
        <source>For me %1 · My teams %2</source>
        <translation>Für mich %1 · Meine Teams %2</translation>
    </message>
    <message>
        <source>%1 asks for approval: %2</source>
        <translation>%1 bittet um Freigabe: %2</translation>
    </message>
    <message>
        <source>New in your inbox: %1</source>
        <translation>Neu in Ihrem Posteingang: %1</translation>
    </message>
    <message>
        <source>New in your approval inbox</source>
        <translation>Neu in Ihrem Freigabe-Posteingang</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Agent &amp;Runs</source>
        <translation>Agenten-Lä&amp;ufe</translation>
    </message>
    <message>
        <source>&amp;OpenAI Settings…</source>
        <translation>&amp;OpenAI-Einstellungen…</translation>
    </message>
    <message>
        <source>Agents with the openai runner cannot run here: %1</source>
        <translation>Agenten mit dem openai-Runner können hier nicht laufen: %1</translation>
    </message>
</context>
<context>
    <name>steward::Migrator</name>
    <message>
        <source>preparing the schema table</source>
        <translation>beim Vorbereiten der Schematabelle</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>beim Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>upgrading the workspace to schema %1</source>
        <translation>beim Aktualisieren des Arbeitsbereichs auf Schema %1</translation>
    </message>
</context>
<context>
    <name>steward::ModelPrices</name>
    <message>
        <source>%1: the model &quot;%2&quot; needs &quot;%3&quot;: a price in US dollars per million tokens, 0 or more</source>
        <translation>%1: das Modell &quot;%2&quot; braucht &quot;%3&quot;: einen Preis in US-Dollar pro Million Tokens, 0 oder mehr</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB</source>
        <translation>%1 ist größer als 1 MiB</translation>
    </message>
    <message>
        <source>%1 is not a JSON object of models and prices, e.g. {&quot;gpt-4o-mini&quot;: {&quot;input&quot;: 0.15, &quot;output&quot;: 0.60}}</source>
        <translation>%1 ist kein JSON-Objekt aus Modellen und Preisen, z. B. {&quot;gpt-4o-mini&quot;: {&quot;input&quot;: 0.15, &quot;output&quot;: 0.60}}</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a model name with an object of prices</source>
        <translation>%1: &quot;%2&quot; muss ein Modellname mit einem Objekt aus Preisen sein</translation>
    </message>
    <message>
        <source>%1: the model &quot;%2&quot; has an unknown price &quot;%3&quot; (input, output)</source>
        <translation>%1: das Modell &quot;%2&quot; hat einen unbekannten Preis &quot;%3&quot; (input, output)</translation>
    </message>
</context>
<context>
    <name>steward::MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Move &lt;b&gt;%1&lt;/b&gt; to:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; verschieben nach:</translation>
    </message>
    <message>
        <source>Filter groups</source>
        <translation>Gruppen filtern</translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation>Warum? Wird im Prüfprotokoll festgehalten</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
</context>
<context>
    <name>steward::NodeCommand</name>
    <message>
        <source>Creates a department or a team at PATH.</source>
        <translation>Legt eine Abteilung oder ein Team mit dem Pfad PATH an.</translation>
    </message>
    <message>
        <source>The new node&apos;s path, e.g. /acme/sales/partnerships.</source>
        <translation>Der Pfad des neuen Knotens, z. B. /acme/sales/partnerships.</translation>
    </message>
    <message>
        <source>Renames the node at PATH.</source>
        <translation>Benennt den Knoten PATH um.</translation>
    </message>
    <message>
        <source>The node to rename.</source>
        <translation>Der umzubenennende Knoten.</translation>
    </message>
    <message>
        <source>Its new name.</source>
        <translation>Sein neuer Name.</translation>
    </message>
    <message>
        <source>Moves the node at PATH below another node.</source>
        <translation>Verschiebt den Knoten PATH unter einen anderen Knoten.</translation>
    </message>
    <message>
        <source>The node to move.</source>
        <translation>Der zu verschiebende Knoten.</translation>
    </message>
    <message>
        <source>Where it goes, e.g. /acme/sales/inbound.</source>
        <translation>Das Ziel, z. B. /acme/sales/inbound.</translation>
    </message>
    <message>
        <source>Archives the node at PATH and everything below it.</source>
        <translation>Archiviert den Knoten PATH und alles darunter.</translation>
    </message>
    <message>
        <source>The node to archive.</source>
        <translation>Der zu archivierende Knoten.</translation>
    </message>
    <message>
        <source>Give the full path of the new node below the company, e.g. /acme/sales/new-team, not &apos;%1&apos;.</source>
        <translation>Geben Sie den vollständigen Pfad des neuen Knotens unterhalb des Unternehmens an, z. B. /acme/sales/new-team, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation>Umbenannt in %1</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>Verschoben nach %1</translation>
    </message>
    <message>
        <source>Archived %1</source>
        <translation>%1 archiviert</translation>
    </message>
    <message>
        <source>Changes the org tree. Every change needs --reason and is recorded in the audit log with its actor.</source>
        <translation>Ändert das Organigramm. Jede Änderung braucht --reason und wird mit ihrem Akteur im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>company, department or team.</source>
        <translation>company, department oder team.</translation>
    </message>
    <message>
        <source>Say what to create with --kind company, department or team.</source>
        <translation>Geben Sie mit --kind company, department oder team an, was angelegt werden soll.</translation>
    </message>
    <message>
        <source>--kind takes company, department or team, not &apos;%1&apos;.</source>
        <translation>--kind erwartet company, department oder team, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A company sits at the top: give its path as /name, not &apos;%1&apos;.</source>
        <translation>Ein Unternehmen steht ganz oben: Geben Sie seinen Pfad als /name an, nicht &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>steward::OpenAiOptions</name>
    <message>
        <source>secrets: %1</source>
        <translation>secrets: %1</translation>
    </message>
    <message>
        <source>openai-prices: %1</source>
        <translation>openai-prices: %1</translation>
    </message>
</context>
<context>
    <name>steward::OpenAiRunner</name>
    <message>
        <source>no OpenAI-compatible server is configured (stewardd --openai-base-url)</source>
        <translation>es ist kein OpenAI-kompatibler Server eingerichtet (stewardd --openai-base-url)</translation>
    </message>
    <message>
        <source>the OpenAI base URL &quot;%1&quot; is not an http or https URL with a host</source>
        <translation>die OpenAI-Basis-URL &quot;%1&quot; ist keine http- oder https-URL mit Host</translation>
    </message>
    <message>
        <source>the agent&apos;s spec names no model</source>
        <translation>die Spezifikation des Agenten nennt kein Modell</translation>
    </message>
    <message>
        <source>no answer from the model server within %1 s</source>
        <translation>keine Antwort vom Modellserver innerhalb von %1 s</translation>
    </message>
    <message>
        <source>cannot reach the model server at %1: %2</source>
        <translation>der Modellserver unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the model server&apos;s answer is larger than %1 MiB</source>
        <translation>die Antwort des Modellservers ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>the model server refused the call, and no API key is configured</source>
        <translation>der Modellserver hat den Aufruf abgewiesen, und es ist kein API-Schlüssel eingerichtet</translation>
    </message>
    <message>
        <source>the model server refused the API key</source>
        <translation>der Modellserver hat den API-Schlüssel abgewiesen</translation>
    </message>
    <message>
        <source>the model server is rate limiting or out of quota</source>
        <translation>der Modellserver drosselt die Aufrufe, oder das Kontingent ist erschöpft</translation>
    </message>
    <message>
        <source>the model server failed</source>
        <translation>beim Modellserver ist ein Fehler aufgetreten</translation>
    </message>
    <message>
        <source>the model server redirected the call (redirects are not followed)</source>
        <translation>der Modellserver hat den Aufruf umgeleitet (Umleitungen wird nicht gefolgt)</translation>
    </message>
    <message>
        <source>the model server refused the request</source>
        <translation>der Modellserver hat die Anfrage abgewiesen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>the model server&apos;s answer is not a JSON object</source>
        <translation>die Antwort des Modellservers ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the model server&apos;s answer has no choices</source>
        <translation>die Antwort des Modellservers enthält keine choices</translation>
    </message>
    <message>
        <source>the answer was truncated at max_tokens (%1); raise max_tokens in the spec or ask for less</source>
        <translation>die Antwort wurde bei max_tokens (%1) abgeschnitten; erhöhen Sie max_tokens in der Spezifikation oder fordern Sie weniger an</translation>
    </message>
    <message>
        <source>the model server withheld the answer (content filter)</source>
        <translation>der Modellserver hat die Antwort zurückgehalten (Inhaltsfilter)</translation>
    </message>
    <message>
        <source>the model&apos;s answer is empty</source>
        <translation>die Antwort des Modells ist leer</translation>
    </message>
    <message>
        <source>the model refused: %1</source>
        <translation>das Modell hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>the answer is %1 characters long, more than the %2 a proposal may have</source>
        <translation>die Antwort ist %1 Zeichen lang, mehr als die %2, die ein Vorschlag haben darf</translation>
    </message>
    <message>
        <source>model call: %1</source>
        <translation>Modellaufruf: %1</translation>
    </message>
</context>
<context>
    <name>steward::OpenAiSettings</name>
    <message>
        <source>The server&apos;s address is an http:// or https:// URL such as https://api.openai.com/v1.</source>
        <translation>Die Adresse des Servers ist eine http://- oder https://-URL wie https://api.openai.com/v1.</translation>
    </message>
</context>
<context>
    <name>steward::OpenAiSettingsDialog</name>
    <message>
        <source>OpenAI Settings</source>
        <translation>OpenAI-Einstellungen</translation>
    </message>
    <message>
        <source>Agents whose runner is openai send their instructions and the trigger&apos;s payload to an OpenAI-compatible server. These settings are for the workspaces this app runs itself; a shared workspace&apos;s server has its own.</source>
        <translation>Agenten mit dem Runner openai senden ihre Anweisungen und den Inhalt des Auslösers an einen OpenAI-kompatiblen Server. Diese Einstellungen gelten für die Arbeitsbereiche, die diese App selbst ausführt; der Server eines geteilten Arbeitsbereichs hat eigene.</translation>
    </message>
    <message>
        <source>Looking in the system keychain…</source>
        <translation>Schlüsselbund des Systems wird durchsucht…</translation>
    </message>
    <message>
        <source>&amp;Forget the saved key</source>
        <translation>Gespeicherten Schlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>Optional: {&quot;model&quot;: {&quot;input&quot;: 0.15, &quot;output&quot;: 0.60}} per million tokens</source>
        <translation>Optional: {&quot;model&quot;: {&quot;input&quot;: 0.15, &quot;output&quot;: 0.60}} pro Million Tokens</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Prices:</source>
        <translation>&amp;Preise:</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>The key your provider gave you; a local server may need none</source>
        <translation>Der Schlüssel, den Sie von Ihrem Anbieter erhalten haben; ein lokaler Server braucht eventuell keinen</translation>
    </message>
    <message>
        <source>A key is saved in the system keychain.</source>
        <translation>Im Schlüsselbund des Systems ist ein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>No key is saved; calls go without one.</source>
        <translation>Es ist kein Schlüssel gespeichert; Aufrufe erfolgen ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Choose a Price List</source>
        <translation>Preisliste auswählen</translation>
    </message>
    <message>
        <source>Price lists (*.json);;All files (*)</source>
        <translation>Preislisten (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>steward::Operations</name>
    <message>
        <source>The database does not answer: %1</source>
        <translation>Die Datenbank antwortet nicht: %1</translation>
    </message>
</context>
<context>
    <name>steward::OrgNode</name>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>The name is longer than 64 characters.</source>
        <translation>Der Name ist länger als 64 Zeichen.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; may only use lower-case letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and must start with a letter or digit.</source>
        <translation>Der Name &quot;%1&quot; darf nur Kleinbuchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
</context>
<context>
    <name>steward::OrgService</name>
    <message>
        <source>Give a reason for the change; it is kept in the audit log.</source>
        <translation>Geben Sie eine Begründung für die Änderung an; sie wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>%1 is archived; nothing can be added to it.</source>
        <translation>%1 ist archiviert; darin kann nichts mehr angelegt werden.</translation>
    </message>
    <message>
        <source>A %1 cannot hold a %2.</source>
        <translation>Ein Element der Art &quot;%1&quot; kann kein Element der Art &quot;%2&quot; enthalten.</translation>
    </message>
    <message>
        <source>%1 already has something called &quot;%2&quot;.</source>
        <translation>In %1 gibt es bereits etwas namens &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The workspace already has a company, %1.</source>
        <translation>Der Arbeitsbereich hat bereits ein Unternehmen: %1.</translation>
    </message>
    <message>
        <source>Only departments and teams are created here; agents are created with their spec.</source>
        <translation>Hier werden nur Abteilungen und Teams angelegt; Agenten werden mit ihrer Spezifikation angelegt.</translation>
    </message>
    <message>
        <source>%1 is archived and cannot be renamed.</source>
        <translation>%1 ist archiviert und kann nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>%1 is already called &quot;%2&quot;.</source>
        <translation>%1 heißt bereits &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>There is already something called &quot;%1&quot; next to %2.</source>
        <translation>Neben %2 gibt es bereits etwas namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 is archived and cannot be moved.</source>
        <translation>%1 ist archiviert und kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>The company is the root of the tree and cannot be moved.</source>
        <translation>Das Unternehmen ist die Wurzel des Baums und kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>%1 is already there.</source>
        <translation>%1 befindet sich bereits dort.</translation>
    </message>
    <message>
        <source>%1 cannot be moved into itself or below itself.</source>
        <translation>%1 kann nicht in sich selbst oder unter sich selbst verschoben werden.</translation>
    </message>
    <message>
        <source>%1 is already archived.</source>
        <translation>%1 ist bereits archiviert.</translation>
    </message>
    <message>
        <source>The company is the root of the tree and cannot be archived.</source>
        <translation>Das Unternehmen ist die Wurzel des Baums und kann nicht archiviert werden.</translation>
    </message>
</context>
<context>
    <name>steward::OrgTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>steward::PolicyCommand</name>
    <message>
        <source>the default (no node sets one)</source>
        <translation>der Standard (kein Knoten legt eine fest)</translation>
    </message>
    <message>
        <source>set here</source>
        <translation>hier festgelegt</translation>
    </message>
    <message>
        <source>inherited from %1</source>
        <translation>geerbt von %1</translation>
    </message>
    <message>
        <source>Approval policy at %1: %2
Quorum: %3
Owner of a critical agent excluded: %4
Expiry: %5
Escalation to the parent&apos;s reviewers: %6</source>
        <translation>Freigaberichtlinie an %1: %2
Quorum: %3
Verantwortliche Person eines kritischen Agenten ausgeschlossen: %4
Ablauf: %5
Eskalation an die Prüfer des übergeordneten Knotens: %6</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>after %1 s, then %2</source>
        <translation>nach %1 s, dann %2</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>freigeben</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>after %1 s</source>
        <translation>nach %1 s</translation>
    </message>
    <message>
        <source>Shows the approval policy in force at PATH and the node that sets it.</source>
        <translation>Zeigt die Freigaberichtlinie, die an PATH gilt, und den Knoten, der sie festlegt.</translation>
    </message>
    <message>
        <source>A node or an agent.</source>
        <translation>Ein Knoten oder ein Agent.</translation>
    </message>
    <message>
        <source>Sets the approval policy of the node at PATH, for it and everything below it that sets none of its own; options not given take their defaults. --inherit removes the node&apos;s own policy instead.</source>
        <translation>Legt die Freigaberichtlinie des Knotens PATH fest, für ihn und alles darunter, das keine eigene festlegt; nicht angegebene Optionen erhalten ihre Standardwerte. --inherit entfernt stattdessen die eigene Richtlinie des Knotens.</translation>
    </message>
    <message>
        <source>Distinct reviewers who must approve (default 1).</source>
        <translation>Verschiedene Prüfer, die freigeben müssen (Standard: 1).</translation>
    </message>
    <message>
        <source>Let the owner of a critical agent approve its outputs (refused by default).</source>
        <translation>Der verantwortlichen Person eines kritischen Agenten erlauben, dessen Ausgaben freizugeben (standardmäßig abgewiesen).</translation>
    </message>
    <message>
        <source>Seconds until a pending approval expires (0: never).</source>
        <translation>Sekunden, bis eine offene Freigabe abläuft (0: nie).</translation>
    </message>
    <message>
        <source>Expiry approves instead of rejecting.</source>
        <translation>Der Ablauf gibt frei, statt abzulehnen.</translation>
    </message>
    <message>
        <source>Seconds until the parent node&apos;s reviewers may decide too (0: never).</source>
        <translation>Sekunden, bis auch die Prüfer des übergeordneten Knotens entscheiden dürfen (0: nie).</translation>
    </message>
    <message>
        <source>Remove the node&apos;s own policy.</source>
        <translation>Die eigene Richtlinie des Knotens entfernen.</translation>
    </message>
    <message>
        <source>Show or set approval policies.</source>
        <translation>Freigaberichtlinien anzeigen oder festlegen.</translation>
    </message>
</context>
<context>
    <name>steward::PrincipalRepository</name>
    <message>
        <source>adding a person</source>
        <translation>beim Hinzufügen einer Person</translation>
    </message>
    <message>
        <source>reading people</source>
        <translation>beim Lesen der Personen</translation>
    </message>
    <message>
        <source>There is nobody called %1.</source>
        <translation>Es gibt niemanden namens %1.</translation>
    </message>
    <message>
        <source>granting a role</source>
        <translation>beim Vergeben einer Rolle</translation>
    </message>
    <message>
        <source>revoking a role</source>
        <translation>beim Entziehen einer Rolle</translation>
    </message>
    <message>
        <source>There is no such grant to revoke.</source>
        <translation>Diese Rolle ist nicht vergeben.</translation>
    </message>
    <message>
        <source>reading roles</source>
        <translation>beim Lesen der Rollen</translation>
    </message>
    <message>
        <source>creating a token</source>
        <translation>beim Erstellen eines Tokens</translation>
    </message>
    <message>
        <source>checking a token</source>
        <translation>beim Prüfen eines Tokens</translation>
    </message>
    <message>
        <source>The token is unknown or revoked.</source>
        <translation>Das Token ist unbekannt oder widerrufen.</translation>
    </message>
    <message>
        <source>reading tokens</source>
        <translation>beim Lesen der Tokens</translation>
    </message>
    <message>
        <source>revoking a token</source>
        <translation>beim Widerrufen eines Tokens</translation>
    </message>
    <message>
        <source>There is no live token called %1.</source>
        <translation>Es gibt kein gültiges Token namens %1.</translation>
    </message>
    <message>
        <source>recording a token&apos;s use</source>
        <translation>beim Vermerken einer Token-Nutzung</translation>
    </message>
    <message>
        <source>There is nobody with id %1.</source>
        <translation>Es gibt niemanden mit der Kennung %1.</translation>
    </message>
</context>
<context>
    <name>steward::ProposalCommand</name>
    <message>
        <source>Lists the pending proposals, oldest first: of the agent at PATH, or of every agent.</source>
        <translation>Listet die offenen Änderungsvorschläge auf, die ältesten zuerst: die des Agenten PATH oder die aller Agenten.</translation>
    </message>
    <message>
        <source>Only this agent&apos;s proposals.</source>
        <translation>Nur die Änderungsvorschläge dieses Agenten.</translation>
    </message>
    <message>
        <source>No pending proposals.</source>
        <translation>Keine offenen Änderungsvorschläge.</translation>
    </message>
    <message>
        <source>Approves proposal ID: the change becomes the agent&apos;s new head version, naming --actor as its approver.</source>
        <translation>Gibt den Änderungsvorschlag ID frei: Die Änderung wird zur neuen aktuellen Version des Agenten, mit --actor als freigebender Person.</translation>
    </message>
    <message>
        <source>Rejects proposal ID; the agent stays as it is.</source>
        <translation>Lehnt den Änderungsvorschlag ID ab; der Agent bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>The proposal, as &apos;proposal list&apos; shows it.</source>
        <translation>Der Änderungsvorschlag, wie &apos;proposal list&apos; ihn anzeigt.</translation>
    </message>
    <message>
        <source>approved proposal %1: %2 is now at version %3</source>
        <translation>Änderungsvorschlag %1 freigegeben: %2 ist jetzt auf Version %3</translation>
    </message>
    <message>
        <source>rejected proposal %1</source>
        <translation>Änderungsvorschlag %1 abgelehnt</translation>
    </message>
    <message>
        <source>Lists, approves and rejects proposed changes to critical agents.</source>
        <translation>Listet Änderungsvorschläge für kritische Agenten auf, gibt sie frei oder lehnt sie ab.</translation>
    </message>
</context>
<context>
    <name>steward::ProposalRepository</name>
    <message>
        <source>recording a proposal</source>
        <translation>beim Erfassen eines Änderungsvorschlags</translation>
    </message>
    <message>
        <source>There is no proposal %1.</source>
        <translation>Es gibt keinen Änderungsvorschlag %1.</translation>
    </message>
    <message>
        <source>recording a decision</source>
        <translation>beim Erfassen einer Entscheidung</translation>
    </message>
    <message>
        <source>Proposal %1 was decided by someone else first.</source>
        <translation>Über den Änderungsvorschlag %1 hat bereits jemand anderes entschieden.</translation>
    </message>
    <message>
        <source>reading proposals</source>
        <translation>beim Lesen der Änderungsvorschläge</translation>
    </message>
</context>
<context>
    <name>steward::QueryBar</name>
    <message>
        <source>Search activity: words, &quot;phrases&quot;, agent:/sales/* kind:error since:24h latency&gt;1000</source>
        <translation>Aktivität durchsuchen: Wörter, &quot;Phrasen&quot;, agent:/sales/* kind:error since:24h latency&gt;1000</translation>
    </message>
</context>
<context>
    <name>steward::ReasonDialog</name>
    <message>
        <source>lower-case letters, digits, - _ .</source>
        <translation>Kleinbuchstaben, Ziffern, - _ .</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation>Warum? Wird im Prüfprotokoll festgehalten</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityCharts</name>
    <message>
        <source>Runs and error rate</source>
        <translation>Läufe und Fehlerquote</translation>
    </message>
    <message>
        <source>Approvals and rejections</source>
        <translation>Freigaben und Ablehnungen</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>Tokens und Kosten</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>% of decisions</source>
        <translation>% der Entscheidungen</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>US-Dollar</translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityRankingModel</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1 of %2 finished runs failed</source>
        <translation>%1 von %2 abgeschlossenen Läufen fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 approved, %2 rejected, %3 edited</source>
        <translation>%1 freigegeben, %2 abgelehnt, %3 bearbeitet</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityRepository</name>
    <message>
        <source>A decision is approve, reject or edit, not &quot;%1&quot;.</source>
        <translation>Eine Entscheidung ist approve, reject oder edit, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>counting a decision</source>
        <translation>beim Zählen einer Entscheidung</translation>
    </message>
    <message>
        <source>reading activity rollups</source>
        <translation>beim Lesen der Aktivitätszusammenfassungen</translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityService</name>
    <message>
        <source>A time range needs a start before its end.</source>
        <translation>Ein Zeitraum braucht einen Beginn vor seinem Ende.</translation>
    </message>
    <message>
        <source>There is no time zone &quot;%1&quot;.</source>
        <translation>Es gibt keine Zeitzone &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A series has at most %1 points; choose a wider bucket or a shorter range.</source>
        <translation>Eine Reihe hat höchstens %1 Punkte; wählen Sie ein größeres Intervall oder einen kürzeren Zeitraum.</translation>
    </message>
</context>
<context>
    <name>steward::ReliabilityTab</name>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Series…</source>
        <translation>Reihe…</translation>
    </message>
    <message>
        <source>Agent Ranking…</source>
        <translation>Agenten-Rangliste…</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Nach:</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
    <message>
        <source>reliability-agents.csv</source>
        <translation>reliability-agents.csv</translation>
    </message>
    <message>
        <source>reliability-series.csv</source>
        <translation>reliability-series.csv</translation>
    </message>
    <message>
        <source>Export Agent Ranking</source>
        <translation>Agenten-Rangliste exportieren</translation>
    </message>
    <message>
        <source>Export Series</source>
        <translation>Reihe exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>steward::RemoteWorkspace</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The workspace has no company yet.</source>
        <translation>Der Arbeitsbereich hat noch kein Unternehmen.</translation>
    </message>
    <message>
        <source>A server&apos;s company is created on the server&apos;s database before anyone signs in: stewardctl --store DATABASE node create /NAME --kind company.</source>
        <translation>Das Unternehmen eines Servers wird in der Datenbank des Servers angelegt, bevor sich jemand anmeldet: stewardctl --store DATABASE node create /NAME --kind company.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>%1 sent a bundle without a readable manifest: %2</source>
        <translation>%1 hat ein Prüfpaket ohne lesbares Manifest gesendet: %2</translation>
    </message>
    <message>
        <source>The bundle from %1 arrived incomplete or changed: its SHA-256 does not match its manifest.</source>
        <translation>Das Prüfpaket von %1 ist unvollständig oder verändert angekommen: Sein SHA-256 passt nicht zu seinem Manifest.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>steward::RunDispatcher</name>
    <message numerus="yes">
        <source>backing off after %n failed run(s) in a row, until %1</source>
        <translation>
            <numerusform>Wartezeit nach %n fehlgeschlagenen Lauf in Folge, bis %1</numerusform>
            <numerusform>Wartezeit nach %n fehlgeschlagenen Läufen in Folge, bis %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::RunHistoryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>Run %1, ended %2</source>
        <translation>Lauf %1, beendet am %2</translation>
    </message>
    <message>
        <source>Run %1, under way</source>
        <translation>Lauf %1, läuft noch</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>steward::RunNowDialog</name>
    <message>
        <source>Run Now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Start a run of %1 now, with its current version. The payload is what a trigger would hand the agent; leave it empty for none.</source>
        <translation>Jetzt einen Lauf von %1 mit seiner aktuellen Version starten. Der Inhalt ist das, was ein Auslöser dem Agenten übergeben würde; lassen Sie ihn leer, wenn es keinen gibt.</translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation>Warum? Wird im Prüfprotokoll festgehalten</translation>
    </message>
    <message>
        <source>&amp;Payload (JSON):</source>
        <translation>&amp;Inhalt (JSON):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>The payload is not JSON: %1 at character %2.</source>
        <translation>Der Inhalt ist kein JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The payload must be a JSON object, like {&quot;ticket&quot;: 4711}.</source>
        <translation>Der Inhalt muss ein JSON-Objekt sein, etwa {&quot;ticket&quot;: 4711}.</translation>
    </message>
</context>
<context>
    <name>steward::RunRequestRepository</name>
    <message>
        <source>there is no run request %1</source>
        <translation>es gibt keine Laufanfrage %1</translation>
    </message>
</context>
<context>
    <name>steward::RunRequestTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Waits until %1</source>
        <translation>Wartet bis %1</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>steward::RunsPage</name>
    <message>
        <source>Run &amp;Now…</source>
        <translation>Jetzt &amp;ausführen…</translation>
    </message>
    <message>
        <source>Run Now…</source>
        <translation>Jetzt ausführen…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>Runner</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Bisherige Läufe</translation>
    </message>
    <message>
        <source>Double-click a run, or press Enter, to see its trace</source>
        <translation>Doppelklicken Sie auf einen Lauf oder drücken Sie die Eingabetaste, um seinen Ablauf zu sehen</translation>
    </message>
    <message>
        <source>Requests that did not run</source>
        <translation>Anfragen, die nicht ausgeführt wurden</translation>
    </message>
    <message>
        <source>Not run: skipped, refused or waiting</source>
        <translation>Nicht ausgeführt: übersprungen, abgewiesen oder wartend</translation>
    </message>
    <message>
        <source>Runs of %1</source>
        <translation>Läufe von %1</translation>
    </message>
    <message>
        <source>The current version&apos;s spec could not be read: %1</source>
        <translation>Die Spezifikation der aktuellen Version konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not started by Steward: this agent runs elsewhere and reports its activity.</source>
        <translation>Nicht von Steward gestartet: Dieser Agent läuft anderswo und meldet seine Aktivität.</translation>
    </message>
    <message>
        <source>Runs the command %1</source>
        <translation>Führt den Befehl %1 aus</translation>
    </message>
    <message>
        <source>Posts each run to the agent harness at %1</source>
        <translation>Sendet jeden Lauf an das Agenten-Harness unter %1</translation>
    </message>
    <message>
        <source>Steward&apos;s built-in agent, through the OpenAI-compatible endpoint the server is configured with</source>
        <translation>Der eingebaute Agent von Steward, über den OpenAI-kompatiblen Endpunkt, der auf dem Server eingerichtet ist</translation>
    </message>
    <message>
        <source>Runner %1 %2</source>
        <translation>Runner %1 %2</translation>
    </message>
    <message>
        <source>a trigger during a run waits for it</source>
        <translation>ein Auslöser während eines Laufs wartet auf dessen Ende</translation>
    </message>
    <message>
        <source>a trigger during a run is skipped</source>
        <translation>ein Auslöser während eines Laufs wird übersprungen</translation>
    </message>
    <message>
        <source>%1.
Timeout %2 s · %3 · at most %4 at once.</source>
        <translation>%1.
Zeitlimit %2 s · %3 · höchstens %4 gleichzeitig.</translation>
    </message>
    <message>
        <source>Paused: no runs</source>
        <translation>Pausiert: keine Läufe</translation>
    </message>
    <message>
        <source>Retired: no runs</source>
        <translation>Außer Dienst: keine Läufe</translation>
    </message>
    <message>
        <source>No runner: Steward does not start this agent</source>
        <translation>Kein Runner: Steward startet diesen Agenten nicht</translation>
    </message>
    <message>
        <source>Triggers: none (only Run Now starts it)</source>
        <translation>Auslöser: keine (nur „Jetzt ausführen“ startet ihn)</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The requests to run it could not be read: %1</source>
        <translation>Die Laufanfragen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No agent is selected.</source>
        <translation>Es ist kein Agent ausgewählt.</translation>
    </message>
    <message>
        <source>This workspace is read-only.</source>
        <translation>Dieser Arbeitsbereich ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The link to the server is down.</source>
        <translation>Die Verbindung zum Server ist unterbrochen.</translation>
    </message>
    <message>
        <source>You need the editor or admin role on this agent.</source>
        <translation>Sie benötigen für diesen Agenten die Rolle editor oder admin.</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>&amp;Fortsetzen…</translation>
    </message>
    <message>
        <source>&amp;Pause…</source>
        <translation>&amp;Pausieren…</translation>
    </message>
    <message>
        <source>A retired agent stays retired.</source>
        <translation>Ein außer Dienst gestellter Agent bleibt außer Dienst.</translation>
    </message>
    <message>
        <source>Let the triggers start runs again</source>
        <translation>Die Auslöser wieder Läufe starten lassen</translation>
    </message>
    <message>
        <source>Stop the triggers from starting runs until resumed</source>
        <translation>Die Auslöser keine Läufe mehr starten lassen, bis der Agent fortgesetzt wird</translation>
    </message>
    <message>
        <source>A paused or retired agent never runs.</source>
        <translation>Ein pausierter oder außer Dienst gestellter Agent läuft nie.</translation>
    </message>
    <message>
        <source>This agent has no runner: Steward does not start it.</source>
        <translation>Dieser Agent hat keinen Runner: Steward startet ihn nicht.</translation>
    </message>
    <message>
        <source>Start a run now (Ctrl+R)</source>
        <translation>Jetzt einen Lauf starten (Strg+R)</translation>
    </message>
    <message>
        <source>Resume Agent</source>
        <translation>Agenten fortsetzen</translation>
    </message>
    <message>
        <source>Pause Agent</source>
        <translation>Agenten pausieren</translation>
    </message>
    <message>
        <source>Resume %1? Its triggers start runs again.</source>
        <translation>%1 fortsetzen? Seine Auslöser starten dann wieder Läufe.</translation>
    </message>
    <message>
        <source>Pause %1? Its triggers stop starting runs until it is resumed; a run under way finishes.</source>
        <translation>%1 pausieren? Seine Auslöser starten keine Läufe mehr, bis er fortgesetzt wird; ein Lauf, der gerade läuft, wird noch beendet.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Paused: no trigger starts a run until it is resumed.</source>
        <translation>Pausiert: Kein Auslöser startet einen Lauf, bis der Agent fortgesetzt wird.</translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation>Lauf %1 gestartet.</translation>
    </message>
    <message>
        <source>Run requested; it shows in the history when it starts.</source>
        <translation>Lauf angefordert; er erscheint unter „Bisherige Läufe“, sobald er startet.</translation>
    </message>
    <message>
        <source>Not run (%1): %2</source>
        <translation>Nicht ausgeführt (%1): %2</translation>
    </message>
    <message>
        <source>Run %1 reported no events.</source>
        <translation>Lauf %1 hat keine Ereignisse gemeldet.</translation>
    </message>
    <message>
        <source>Run %1 of %2</source>
        <translation>Lauf %1 von %2</translation>
    </message>
</context>
<context>
    <name>steward::RunsTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
</context>
<context>
    <name>steward::SearchCommand</name>
    <message>
        <source>Searches the activity log, newest first. The query has words and &quot;phrases&quot;, filters (agent:/sales/*, kind:, status:, version:, run:, trigger:, since:7d, until:2026-05-31, tokens&gt;1000, cost&gt;0.5, latency&gt;=2000), OR, a leading - to exclude, and parentheses; several arguments are one query. Put -- before a query that starts with &apos;-&apos;. Hits are marked «like this».</source>
        <translation>Durchsucht das Aktivitätsprotokoll, die neuesten zuerst. Die Abfrage besteht aus Wörtern und &quot;Phrasen&quot;, Filtern (agent:/sales/*, kind:, status:, version:, run:, trigger:, since:7d, until:2026-05-31, tokens&gt;1000, cost&gt;0.5, latency&gt;=2000), OR, einem vorangestellten - zum Ausschließen und Klammern; mehrere Argumente bilden eine Abfrage. Setzen Sie -- vor eine Abfrage, die mit &apos;-&apos; beginnt. Treffer werden «so» markiert.</translation>
    </message>
    <message>
        <source>At most this many hits (default 20).</source>
        <translation>Höchstens so viele Treffer (Standard: 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only events older than this event id (the next page).</source>
        <translation>Nur Ereignisse, die älter als diese Ereignis-ID sind (die nächste Seite).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>No activity matches.</source>
        <translation>Keine Aktivität passt.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>AGENT</source>
        <translation>AGENT</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>SNIPPET</source>
        <translation>AUSZUG</translation>
    </message>
    <message>
        <source>More: --before %1</source>
        <translation>Weitere: --before %1</translation>
    </message>
</context>
<context>
    <name>steward::ServerCheck</name>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>If the server has a self-signed certificate, pin it.</source>
        <translation>Hat der Server ein selbstsigniertes Zertifikat, hinterlegen Sie es als gepinntes Zertifikat.</translation>
    </message>
    <message>
        <source>%1 redirects to %2; connect to that address instead.</source>
        <translation>%1 leitet auf %2 weiter; verbinden Sie sich stattdessen mit dieser Adresse.</translation>
    </message>
    <message>
        <source>%1 answers, but it is not a Steward server (HTTP %2 for /healthz).</source>
        <translation>%1 antwortet, ist aber kein Steward-Server (HTTP %2 für /healthz).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 sent an answer this version of Steward cannot read: %2</source>
        <translation>%1 hat eine Antwort gesendet, die diese Version von Steward nicht lesen kann: %2</translation>
    </message>
</context>
<context>
    <name>steward::ServerConfig</name>
    <message>
        <source>executor: expected on or off, not &quot;%1&quot;</source>
        <translation>executor: erwartet on oder off, nicht &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>steward::ServerConnection</name>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>Das Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address; give one such as https://steward.example.com or http://127.0.0.1:8080.</source>
        <translation>&apos;%1&apos; ist keine Serveradresse; geben Sie eine Adresse wie https://steward.example.com oder http://127.0.0.1:8080 an.</translation>
    </message>
    <message>
        <source>No token for %1: a server only answers to a bearer token.</source>
        <translation>Kein Token für %1: Ein Server antwortet nur, wenn ein Bearer-Token mitgesendet wird.</translation>
    </message>
</context>
<context>
    <name>steward::SigningKey</name>
    <message>
        <source>The cryptography library could not start.</source>
        <translation>Die Kryptografie-Bibliothek konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>There is no signing key at %1.</source>
        <translation>Unter %1 gibt es keinen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>The signing key %1 can be read by other users; make it private (chmod 600) first.</source>
        <translation>Der Signaturschlüssel %1 ist für andere Benutzer lesbar; machen Sie ihn zuerst privat (chmod 600).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Steward signing key.</source>
        <translation>%1 ist kein Steward-Signaturschlüssel.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>steward::SpecEditDialog</name>
    <message>
        <source>Spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source>Why? Kept in the audit log</source>
        <translation>Warum? Wird im Prüfprotokoll festgehalten</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Reload Latest</source>
        <translation>&amp;Neueste laden</translation>
    </message>
    <message>
        <source>Replace the text with the latest version; your edits are dropped</source>
        <translation>Den Text durch die neueste Version ersetzen; Ihre Änderungen gehen verloren</translation>
    </message>
    <message>
        <source>Propose a Change to %1</source>
        <translation>Änderung an %1 vorschlagen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>&amp;Vorschlagen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Changing version %1. The agent is critical: your change becomes a proposal that a second person must approve.</source>
        <translation>Sie ändern Version %1. Der Agent ist kritisch: Ihre Änderung wird zu einem Änderungsvorschlag, den eine zweite Person freigeben muss.</translation>
    </message>
    <message>
        <source>Changing version %1.</source>
        <translation>Sie ändern Version %1.</translation>
    </message>
    <message>
        <source>Proposed a change on version %1. It awaits a second person&apos;s approval.</source>
        <translation>Änderung auf Basis von Version %1 vorgeschlagen. Sie wartet auf die Freigabe durch eine zweite Person.</translation>
    </message>
    <message>
        <source>Saved version %1.</source>
        <translation>Version %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>steward::SpecSummary</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>umsortiert</translation>
    </message>
    <message>
        <source>lines changed: %1</source>
        <translation>geänderte Zeilen: %1</translation>
    </message>
</context>
<context>
    <name>steward::StewardServer</name>
    <message>
        <source>secrets: %1</source>
        <translation>secrets: %1</translation>
    </message>
</context>
<context>
    <name>steward::Store</name>
    <message>
        <source>The workspace is in use by another program (while %1). Close it there and try again.</source>
        <translation>Der Arbeitsbereich wird von einem anderen Programm verwendet (%1). Schließen Sie ihn dort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The workspace is damaged (while %1): %2</source>
        <translation>Der Arbeitsbereich ist beschädigt (%1): %2</translation>
    </message>
    <message>
        <source>The database failed while %1: %2</source>
        <translation>Datenbankfehler %1: %2</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>beim Öffnen von %1</translation>
    </message>
    <message>
        <source>preparing %1</source>
        <translation>beim Vorbereiten von %1</translation>
    </message>
    <message>
        <source>%1 has schema %2, and this version of Steward reads schema %3 without changing a file. Open a copy of it as a workspace instead.</source>
        <translation>%1 hat Schema %2, und diese Version von Steward liest ohne Änderung an der Datei nur Schema %3. Öffnen Sie stattdessen eine Kopie davon als Arbeitsbereich.</translation>
    </message>
    <message>
        <source>A file already exists at %1; choose another name.</source>
        <translation>Unter %1 existiert bereits eine Datei; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation>beim Anlegen von %1</translation>
    </message>
    <message>
        <source>starting a change</source>
        <translation>beim Beginnen einer Änderung</translation>
    </message>
    <message>
        <source>saving a change</source>
        <translation>beim Speichern einer Änderung</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Steward workspace (it is not an SQLite database).</source>
        <translation>%1 ist kein Steward-Arbeitsbereich (es ist keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation>Unter %1 gibt es keinen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>beim Lesen von %1</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Steward workspace.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein Steward-Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Steward (schema %2; this version knows up to %3). Update Steward to open it.</source>
        <translation>%1 wurde von einer neueren Version von Steward geschrieben (Schema %2; diese Version kennt Schemas bis %3). Aktualisieren Sie Steward, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>There is no workspace in the database %1: it is empty.</source>
        <translation>In der Datenbank %1 gibt es keinen Arbeitsbereich: Sie ist leer.</translation>
    </message>
    <message>
        <source>The database %1 holds other tables, but not a Steward workspace.</source>
        <translation>Die Datenbank %1 enthält andere Tabellen, aber keinen Steward-Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The workspace is busy: another program holds what this change needs (while %1). Try again.</source>
        <translation>Der Arbeitsbereich ist belegt: Ein anderes Programm hält, was diese Änderung braucht (%1). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot connect to the database (while %1): %2</source>
        <translation>Keine Verbindung zur Datenbank (%1): %2</translation>
    </message>
    <message>
        <source>The database %1 already holds tables; create the workspace in an empty database.</source>
        <translation>Die Datenbank %1 enthält bereits Tabellen; legen Sie den Arbeitsbereich in einer leeren Datenbank an.</translation>
    </message>
</context>
<context>
    <name>steward::StoreCopier</name>
    <message>
        <source>copying %1</source>
        <translation>beim Kopieren von %1</translation>
    </message>
</context>
<context>
    <name>steward::StoreLocation</name>
    <message>
        <source>The database address is not valid. Write it as postgresql://user:password@host:port/database.</source>
        <translation>Die Datenbankadresse ist ungültig. Schreiben Sie sie als postgresql://user:password@host:port/database.</translation>
    </message>
</context>
<context>
    <name>steward::StreamClient</name>
    <message>
        <source>the server&apos;s certificate is not trusted (%1)</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut (%1)</translation>
    </message>
    <message>
        <source>the connection closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
</context>
<context>
    <name>steward::StreamListener</name>
    <message>
        <source>listening for changes to %1</source>
        <translation>beim Abonnieren der Änderungen an %1</translation>
    </message>
</context>
<context>
    <name>steward::StreamRepository</name>
    <message>
        <source>recording the change stream</source>
        <translation>beim Erfassen des Änderungsstroms</translation>
    </message>
    <message>
        <source>reading the change stream</source>
        <translation>beim Lesen des Änderungsstroms</translation>
    </message>
</context>
<context>
    <name>steward::TextDiff</name>
    <message>
        <source>The text does not match the diff at line %1.</source>
        <translation>Der Text passt in Zeile %1 nicht zum Diff.</translation>
    </message>
</context>
<context>
    <name>steward::TimeText</name>
    <message>
        <source>%1 takes a date (2026-05-31), an ISO 8601 time (2026-05-31T09:00:00Z) or a time ago (7d, 24h, 30m), not &apos;%2&apos;.</source>
        <translation>%1 erwartet ein Datum (2026-05-31), eine ISO-8601-Zeit (2026-05-31T09:00:00Z) oder eine Zeitspanne zurück (7d, 24h, 30m), nicht &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1 reaches back too far: &apos;%2&apos;.</source>
        <translation>%1 reicht zu weit zurück: &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>steward::TokenCommand</name>
    <message>
        <source>Creates a bearer token for NAME and prints it once; keep it secret.</source>
        <translation>Erstellt ein Bearer-Token für NAME und gibt es einmal aus; halten Sie es geheim.</translation>
    </message>
    <message>
        <source>Revokes NAME&apos;s token LABEL; it stops working.</source>
        <translation>Widerruft das Token LABEL von NAME; es funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>Whose token.</source>
        <translation>Wessen Token.</translation>
    </message>
    <message>
        <source>What the token is for (default: default).</source>
        <translation>Wofür das Token ist (Vorgabe: default).</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Which token.</source>
        <translation>Welches Token.</translation>
    </message>
    <message>
        <source>revoked %1&apos;s token %2</source>
        <translation>Token %2 von %1 widerrufen</translation>
    </message>
    <message>
        <source>Creates and revokes bearer tokens.</source>
        <translation>Erstellt und widerruft Bearer-Tokens.</translation>
    </message>
</context>
<context>
    <name>steward::TokenStore</name>
    <message>
        <source>no keychain is available (error %1)</source>
        <translation>kein Schlüsselbund verfügbar (Fehler %1)</translation>
    </message>
    <message>
        <source>No token is saved in the system keychain for %1.</source>
        <translation>Im Schlüsselbund des Systems ist für %1 kein Token gespeichert.</translation>
    </message>
    <message>
        <source>Could not read the token from the system keychain: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund des Systems gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not save the token in the system keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not remove the token from the system keychain: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund des Systems entfernt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The system keychain did not answer within %n seconds; is it locked?</source>
        <translation>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunde geantwortet; ist er gesperrt?</numerusform>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunden geantwortet; ist er gesperrt?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>steward::TreeCommand</name>
    <message>
        <source>Prints the org tree below PATH (the whole tree without it): each node with its kind, and for agents their owner, visibility, criticality and head version.</source>
        <translation>Gibt das Organigramm unterhalb von PATH aus (ohne PATH den ganzen Baum): jeden Knoten mit seiner Art und bei Agenten zusätzlich Verantwortliche, Sichtbarkeit, Kritikalität und aktuelle Version.</translation>
    </message>
    <message>
        <source>Where to start, e.g. /acme/sales.</source>
        <translation>Wo begonnen wird, z. B. /acme/sales.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>VERANTWORTLICH</translation>
    </message>
    <message>
        <source>VISIBILITY</source>
        <translation>SICHTBARKEIT</translation>
    </message>
    <message>
        <source>CRITICALITY</source>
        <translation>KRITIKALITÄT</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
</context>
<context>
    <name>steward::TreePaths</name>
    <message>
        <source>%1 is a %2, not an agent.</source>
        <translation>%1 ist kein Agent (Art: %2).</translation>
    </message>
</context>
<context>
    <name>steward::TreeRepository</name>
    <message>
        <source>reading a node</source>
        <translation>beim Lesen eines Knotens</translation>
    </message>
    <message>
        <source>There is no node with id %1.</source>
        <translation>Es gibt keinen Knoten mit der ID %1.</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>Unter %1 befindet sich nichts.</translation>
    </message>
    <message>
        <source>reading the company</source>
        <translation>beim Lesen des Unternehmens</translation>
    </message>
    <message>
        <source>The workspace has no company yet.</source>
        <translation>Der Arbeitsbereich hat noch kein Unternehmen.</translation>
    </message>
    <message>
        <source>reading the tree</source>
        <translation>beim Lesen des Baums</translation>
    </message>
    <message>
        <source>checking sibling names</source>
        <translation>beim Prüfen der Namen auf derselben Ebene</translation>
    </message>
    <message>
        <source>adding a node</source>
        <translation>beim Hinzufügen eines Knotens</translation>
    </message>
    <message>
        <source>moving a node</source>
        <translation>beim Verschieben eines Knotens</translation>
    </message>
    <message>
        <source>archiving a node</source>
        <translation>beim Archivieren eines Knotens</translation>
    </message>
    <message>
        <source>reading an agent</source>
        <translation>beim Lesen eines Agenten</translation>
    </message>
    <message>
        <source>There is no agent with id %1.</source>
        <translation>Es gibt keinen Agenten mit der ID %1.</translation>
    </message>
    <message>
        <source>adding an agent</source>
        <translation>beim Hinzufügen eines Agenten</translation>
    </message>
    <message>
        <source>updating an agent</source>
        <translation>beim Aktualisieren eines Agenten</translation>
    </message>
    <message>
        <source>reading agents&apos; visibility</source>
        <translation>beim Lesen der Sichtbarkeit der Agenten</translation>
    </message>
    <message>
        <source>reading nodes</source>
        <translation>beim Lesen von Knoten</translation>
    </message>
    <message>
        <source>reading agents</source>
        <translation>beim Lesen von Agenten</translation>
    </message>
    <message>
        <source>updating an agent&apos;s status</source>
        <translation>beim Aktualisieren des Status eines Agenten</translation>
    </message>
</context>
<context>
    <name>steward::TriggerTableModel</name>
    <message>
        <source>When the event arrives</source>
        <translation>Wenn das Ereignis eintrifft</translation>
    </message>
    <message>
        <source>None ahead</source>
        <translation>Keine anstehend</translation>
    </message>
    <message>
        <source>%1 (your time %2)</source>
        <translation>%1 (Ihre Zeit %2)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Started by POST /api/v1/triggers/%1</source>
        <translation>Gestartet durch POST /api/v1/triggers/%1</translation>
    </message>
    <message>
        <source>In %1; your time zone is %2</source>
        <translation>In %1; Ihre Zeitzone ist %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Schedule or event</source>
        <translation>Zeitplan oder Ereignis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Nächste Läufe</translation>
    </message>
</context>
<context>
    <name>steward::UserCommand</name>
    <message>
        <source>Unknown role &apos;%1&apos;; use admin, editor, reviewer, auditor or agent.</source>
        <translation>Unbekannte Rolle &apos;%1&apos;; verwenden Sie admin, editor, reviewer, auditor oder agent.</translation>
    </message>
    <message>
        <source>Adds a person (or, with --agent, an agent identity), optionally with a role on a subtree.</source>
        <translation>Fügt eine Person hinzu (oder mit --agent eine Agentenidentität), auf Wunsch mit einer Rolle auf einem Teilbaum.</translation>
    </message>
    <message>
        <source>Login-style name, e.g. dana.kim.</source>
        <translation>Anmeldename, z. B. dana.kim.</translation>
    </message>
    <message>
        <source>The name people read.</source>
        <translation>Der Name, den Menschen lesen.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>An agent identity, not a person.</source>
        <translation>Eine Agentenidentität, keine Person.</translation>
    </message>
    <message>
        <source>A role to grant at once.</source>
        <translation>Eine Rolle, die sofort vergeben wird.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Where the role applies.</source>
        <translation>Wo die Rolle gilt.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>--role and --on go together.</source>
        <translation>--role und --on gehören zusammen.</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Lists people and agent identities with their roles.</source>
        <translation>Listet Personen und Agentenidentitäten mit ihren Rollen auf.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>DISPLAY NAME</source>
        <translation>ANZEIGENAME</translation>
    </message>
    <message>
        <source>ROLES</source>
        <translation>ROLLEN</translation>
    </message>
    <message>
        <source>Grants NAME the ROLE on PATH and everything below it.</source>
        <translation>Vergibt an NAME die Rolle ROLE auf PATH und allem darunter.</translation>
    </message>
    <message>
        <source>Revokes NAME&apos;s ROLE on PATH.</source>
        <translation>Entzieht NAME die Rolle ROLE auf PATH.</translation>
    </message>
    <message>
        <source>Who.</source>
        <translation>Wer.</translation>
    </message>
    <message>
        <source>admin, editor, reviewer, auditor or agent.</source>
        <translation>admin, editor, reviewer, auditor oder agent.</translation>
    </message>
    <message>
        <source>Where.</source>
        <translation>Wo.</translation>
    </message>
    <message>
        <source>granted %1 %2 on %3</source>
        <translation>%1 hat jetzt die Rolle %2 auf %3</translation>
    </message>
    <message>
        <source>revoked %1 %2 on %3</source>
        <translation>%1 hat die Rolle %2 auf %3 nicht mehr</translation>
    </message>
    <message>
        <source>Adds and lists people and agent identities; grants and revokes roles.</source>
        <translation>Fügt Personen und Agentenidentitäten hinzu und listet sie auf; vergibt und entzieht Rollen.</translation>
    </message>
</context>
<context>
    <name>steward::VersionHistoryModel</name>
    <message>
        <source>on v%1</source>
        <translation>auf Basis von v%1</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
</context>
<context>
    <name>steward::VersionRepository</name>
    <message>
        <source>reading a version</source>
        <translation>beim Lesen einer Version</translation>
    </message>
    <message>
        <source>Agent %1 has no version %2.</source>
        <translation>Agent %1 hat keine Version %2.</translation>
    </message>
    <message>
        <source>reading the version history</source>
        <translation>beim Lesen des Versionsverlaufs</translation>
    </message>
    <message>
        <source>saving a version</source>
        <translation>beim Speichern einer Version</translation>
    </message>
</context>
<context>
    <name>steward::VersionsTab</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>Bea&amp;rbeiten…</translation>
    </message>
    <message>
        <source>Roll &amp;Back…</source>
        <translation>&amp;Zurücksetzen…</translation>
    </message>
    <message>
        <source>Make a new version with the selected version&apos;s content</source>
        <translation>Eine neue Version mit dem Inhalt der ausgewählten Version erzeugen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Ab&amp;lehnen…</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>Versionsverlauf</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>D&amp;iff</translation>
    </message>
    <message>
        <source>Bla&amp;me</source>
        <translation>Bla&amp;me</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>proposal by %1</source>
        <translation>Vorschlag von %1</translation>
    </message>
    <message>
        <source>v%1 by %2</source>
        <translation>v%1 von %2</translation>
    </message>
    <message>
        <source>No versions to show.</source>
        <translation>Keine Versionen vorhanden.</translation>
    </message>
    <message>
        <source>Select a version to see what it changed, or two versions to compare them.</source>
        <translation>Wählen Sie eine Version aus, um zu sehen, was sie geändert hat, oder zwei Versionen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>A proposal has no blame until it is approved.</source>
        <translation>Für einen Änderungsvorschlag gibt es erst nach der Freigabe eine Blame-Ansicht.</translation>
    </message>
    <message>
        <source>Select a version to see who wrote each line.</source>
        <translation>Wählen Sie eine Version aus, um zu sehen, wer welche Zeile geschrieben hat.</translation>
    </message>
    <message>
        <source>&amp;Propose…</source>
        <translation>Vor&amp;schlagen…</translation>
    </message>
    <message>
        <source>Propose a change to the spec; a second person must approve it</source>
        <translation>Eine Änderung der Spezifikation vorschlagen; eine zweite Person muss sie freigeben</translation>
    </message>
    <message>
        <source>Change the spec; the change becomes a new version</source>
        <translation>Die Spezifikation ändern; die Änderung wird zu einer neuen Version</translation>
    </message>
    <message>
        <source>You proposed this change, so a second person must approve it.</source>
        <translation>Sie haben diese Änderung vorgeschlagen, daher muss eine zweite Person sie freigeben.</translation>
    </message>
    <message>
        <source>Approve the selected proposal; it becomes the current version</source>
        <translation>Den ausgewählten Änderungsvorschlag freigeben; er wird zur aktuellen Version</translation>
    </message>
    <message>
        <source>Roll Back to v%1</source>
        <translation>Auf v%1 zurücksetzen</translation>
    </message>
    <message>
        <source>Propose a new version with the content of v%1? The agent is critical: a second person must approve it.</source>
        <translation>Eine neue Version mit dem Inhalt von v%1 vorschlagen? Der Agent ist kritisch: Eine zweite Person muss sie freigeben.</translation>
    </message>
    <message>
        <source>Make a new version with the content of v%1? The versions since stay in the history.</source>
        <translation>Eine neue Version mit dem Inhalt von v%1 erzeugen? Die Versionen seitdem bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>&amp;Propose Roll Back</source>
        <translation>Zurücksetzen &amp;vorschlagen</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Proposed rolling back to v%1. It awaits a second person&apos;s approval.</source>
        <translation>Zurücksetzen auf v%1 vorgeschlagen. Es wartet auf die Freigabe durch eine zweite Person.</translation>
    </message>
    <message>
        <source>Rolled back to v%1 as version %2.</source>
        <translation>Auf v%1 zurückgesetzt, als Version %2.</translation>
    </message>
    <message>
        <source>Approve Proposal</source>
        <translation>Änderungsvorschlag freigeben</translation>
    </message>
    <message>
        <source>Reject Proposal</source>
        <translation>Änderungsvorschlag ablehnen</translation>
    </message>
    <message>
        <source>Approve %1&apos;s change “%2”? It becomes the current version.</source>
        <translation>Die Änderung „%2“ von %1 freigeben? Sie wird zur aktuellen Version.</translation>
    </message>
    <message>
        <source>Reject %1&apos;s change “%2”? The current version stays.</source>
        <translation>Die Änderung „%2“ von %1 ablehnen? Die aktuelle Version bleibt bestehen.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Approved: version %1 is now current.</source>
        <translation>Freigegeben: Version %1 ist jetzt aktuell.</translation>
    </message>
    <message>
        <source>Rejected the proposal.</source>
        <translation>Änderungsvorschlag abgelehnt.</translation>
    </message>
</context>
<context>
    <name>steward::WebhookSecrets</name>
    <message>
        <source>%1 is not a JSON object of secret names and values</source>
        <translation>%1 ist kein JSON-Objekt aus Geheimnisnamen und -werten</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a secret name (letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;)</source>
        <translation>%1: &quot;%2&quot; ist kein Geheimnisname (Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;)</translation>
    </message>
    <message>
        <source>%1: the secret &quot;%2&quot; must be a non-empty string</source>
        <translation>%1: Das Geheimnis &quot;%2&quot; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1, line %2: expected name = value</source>
        <translation>%1, Zeile %2: erwartet wird Name = Wert</translation>
    </message>
    <message>
        <source>%1, line %2: the secret &quot;%3&quot; is empty</source>
        <translation>%1, Zeile %2: Das Geheimnis &quot;%3&quot; ist leer</translation>
    </message>
    <message>
        <source>%1, line %2: the secret &quot;%3&quot; is given twice</source>
        <translation>%1, Zeile %2: Das Geheimnis &quot;%3&quot; ist doppelt angegeben</translation>
    </message>
    <message>
        <source>There is no secret file at %1.</source>
        <translation>Unter %1 gibt es keine Geheimnisdatei.</translation>
    </message>
    <message>
        <source>The secret file %1 can be read by other users; make it private (chmod 600) first.</source>
        <translation>Die Geheimnisdatei %1 kann von anderen Benutzern gelesen werden; machen Sie sie zuerst privat (chmod 600).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>steward::WebhookSender</name>
    <message>
        <source>&quot;%1&quot; is not a URL</source>
        <translation>&quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>a webhook URL must start with http:// or https://, not %1://</source>
        <translation>eine Webhook-URL muss mit http:// oder https:// beginnen, nicht mit %1://</translation>
    </message>
    <message>
        <source>the webhook URL names no host</source>
        <translation>die Webhook-URL nennt keinen Host</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>%1 (webhooks do not follow redirects)</source>
        <translation>%1 (Webhooks folgen keinen Weiterleitungen)</translation>
    </message>
</context>
<context>
    <name>steward::WelcomePage</name>
    <message>
        <source>Welcome to Steward</source>
        <translation>Willkommen bei Steward</translation>
    </message>
    <message>
        <source>Steward keeps your company&apos;s background agents in one place: where each agent sits in the organisation, who owns it, what changed and why.

To look around, open the demo workspace: a made-up company with a few hundred agents and three months of activity.</source>
        <translation>Steward hält die Hintergrundagenten Ihres Unternehmens an einem Ort zusammen: wo jeder Agent in der Organisation angesiedelt ist, wer für ihn verantwortlich ist, was sich geändert hat und warum.

Um sich umzusehen, öffnen Sie den Demo-Arbeitsbereich: ein erfundenes Unternehmen mit einigen hundert Agenten und drei Monaten Aktivität.</translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Open a workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>Mit einem &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Saved servers:</source>
        <translation>Gespeicherte Server:</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
</context>
</TS>
