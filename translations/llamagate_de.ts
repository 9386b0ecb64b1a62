<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>llamagate::ApiKeysPage</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>No keychain is connected: a new key&apos;s secret is shown once, here, and stored nowhere. Only a salted hash is saved, which is all the gateway needs to check the key.</source>
        <translation>Kein Schlüsselbund verbunden: Das Geheimnis eines neuen Schlüssels wird einmal hier angezeigt und nirgends gespeichert. Gespeichert wird nur ein gesalzener Hash – mehr braucht das Gateway zum Prüfen nicht.</translation>
    </message>
    <message>
        <source>e.g. editor</source>
        <translation>z. B. editor</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>&amp;inference</source>
        <translation>&amp;inference</translation>
    </message>
    <message>
        <source>Models, completions, embeddings, read-only /api/*</source>
        <translation>Modelle, Completions, Embeddings, lesende /api/*</translation>
    </message>
    <message>
        <source>a&amp;dmin</source>
        <translation>a&amp;dmin</translation>
    </message>
    <message>
        <source>Management endpoints, /v1/cache, /metrics, state-changing /api/*</source>
        <translation>Verwaltungs-Endpunkte, /v1/cache, /metrics, ändernde /api/*</translation>
    </message>
    <message>
        <source>no limit of its own</source>
        <translation>keine eigene Grenze</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Bereiche:</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Grenze:</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>Der neue Schlüssel</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Wählen Sie mindestens einen Bereich.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is ready. Copy it now: it is shown only this once.</source>
        <translation>Der Schlüssel „%1“ ist bereit. Kopieren Sie ihn jetzt: Er wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>Revoke API Key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot;? Clients that use it are refused from now on.</source>
        <translation>Den Schlüssel „%1“ widerrufen? Clients, die ihn benutzen, werden ab sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation>Schlüssel &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the chosen key from the keychain</source>
        <translation>Den gewählten Schlüssel aus dem Schlüsselbund kopieren</translation>
    </message>
    <message>
        <source>The keychain did not take the secret (%1): copy it now.</source>
        <translation>Der Schlüsselbund hat das Geheimnis nicht angenommen (%1): Kopieren Sie es jetzt.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is ready. It is kept in the keychain: Copy Key copies it again later.</source>
        <translation>Der Schlüssel „%1“ ist bereit. Er liegt im Schlüsselbund: „Schlüssel kopieren“ kopiert ihn später erneut.</translation>
    </message>
    <message>
        <source>The keychain has no secret for &quot;%1&quot; (made without a keychain?).</source>
        <translation>Der Schlüsselbund hat kein Geheimnis für „%1“ (ohne Schlüsselbund erstellt?).</translation>
    </message>
    <message>
        <source>Copied the key &quot;%1&quot;.</source>
        <translation>Schlüssel „%1“ kopiert.</translation>
    </message>
</context>
<context>
    <name>llamagate::CachePage</name>
    <message>
        <source>The response cache answers a repeated request without asking Ollama again. Its size and lifetime are set under Response cache in Settings.</source>
        <translation>Der Antwort-Cache beantwortet eine wiederholte Anfrage, ohne Ollama erneut zu fragen. Seine Größe und Lebensdauer stellen Sie unter „Antwort-Cache“ in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Hits:</source>
        <translation>Treffer:</translation>
    </message>
    <message>
        <source>Misses:</source>
        <translation>Fehlschläge:</translation>
    </message>
    <message>
        <source>Hit ratio:</source>
        <translation>Trefferquote:</translation>
    </message>
    <message>
        <source>Entries kept for:</source>
        <translation>Einträge gelten für:</translation>
    </message>
    <message>
        <source>&amp;Clear Cache…</source>
        <translation>Cache &amp;leeren…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Off (CACHE_ENABLED): every request goes to Ollama</source>
        <translation>Aus (CACHE_ENABLED): Jede Anfrage geht an Ollama</translation>
    </message>
    <message>
        <source>On, kept across restarts</source>
        <translation>An, bleibt über Neustarts erhalten</translation>
    </message>
    <message>
        <source>On, in memory until LlamaGate quits</source>
        <translation>An, im Arbeitsspeicher, bis LlamaGate beendet wird</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1 von höchstens %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n cached answer(s)? The next requests go to Ollama again.</source>
        <translation>
            <numerusform>Die %n gespeicherte Antwort entfernen? Die nächsten Anfragen gehen wieder an Ollama.</numerusform>
            <numerusform>Die %n gespeicherten Antworten entfernen? Die nächsten Anfragen gehen wieder an Ollama.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::ControlPanel</name>
    <message>
        <source>LlamaGate Control Panel</source>
        <translation>LlamaGate-Steuerzentrale</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>llamagate::DesktopController</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Live Log</source>
        <translation>Live-Protokoll</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Launch at Login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation>%1 konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Tool Policy</source>
        <translation>Werkzeugregeln</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
</context>
<context>
    <name>llamagate::LiveLogPage</name>
    <message>
        <source>Filter (path, model, status, key…)</source>
        <translation>Filtern (Pfad, Modell, Status, Schlüssel …)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Auto-scroll</source>
        <translation>Automatisch &amp;scrollen</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Details der Anfrage</translation>
    </message>
    <message>
        <source>Choose a request to see its full entry.</source>
        <translation>Wählen Sie eine Anfrage, um ihren vollständigen Eintrag zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n new while paused</source>
        <translation>
            <numerusform>%n neue während der Pause</numerusform>
            <numerusform>%n neue während der Pause</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::OllamaHealthProbe</name>
    <message>
        <source>Ollama answered HTTP %1</source>
        <translation>Ollama antwortete mit HTTP %1</translation>
    </message>
</context>
<context>
    <name>llamagate::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the endpoint URL to the clipboard</source>
        <translation>Die Endpunkt-URL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Ollama:</source>
        <translation>Ollama:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>(not listening)</source>
        <translation>(lauscht nicht)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Prüfe %1 …</translation>
    </message>
    <message>
        <source>Reachable at %1, version %2</source>
        <translation>Erreichbar unter %1, Version %2</translation>
    </message>
    <message>
        <source>Not reachable at %1: %2</source>
        <translation>Nicht erreichbar unter %1: %2</translation>
    </message>
    <message>
        <source>%1 per minute, %2 served since LlamaGate started</source>
        <translation>%1 pro Minute, %2 beantwortet seit dem Start von LlamaGate</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache:</translation>
    </message>
    <message>
        <source>MCP servers:</source>
        <translation>MCP-Server:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none installed</source>
        <translation>keine installiert</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>no lookups yet</source>
        <translation>noch keine Abfragen</translation>
    </message>
    <message numerus="yes">
        <source>%1 % hit ratio (%2 of %n lookup(s) answered from the cache)</source>
        <translation>
            <numerusform>%1 % Trefferquote (%2 von %n Abfrage aus dem Cache beantwortet)</numerusform>
            <numerusform>%1 % Trefferquote (%2 von %n Abfragen aus dem Cache beantwortet)</numerusform>
        </translation>
    </message>
    <message>
        <source>none running</source>
        <translation>keine in Betrieb</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n ready</source>
        <translation>
            <numerusform>%1 von %n bereit</numerusform>
            <numerusform>%1 von %n bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>; in error: %1</source>
        <translation>; fehlerhaft: %1</translation>
    </message>
</context>
<context>
    <name>llamagate::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
</context>
<context>
    <name>llamagate::SettingOverride</name>
    <message>
        <source>Set by the environment variable %1; change it there.</source>
        <translation>Durch die Umgebungsvariable %1 gesetzt; dort ändern.</translation>
    </message>
    <message>
        <source>Set by %1 in the .env file; change it there.</source>
        <translation>Durch %1 in der .env-Datei gesetzt; dort ändern.</translation>
    </message>
    <message>
        <source>Set by --%1 on the command line.</source>
        <translation>Durch --%1 auf der Befehlszeile gesetzt.</translation>
    </message>
</context>
<context>
    <name>llamagate::SettingsPage</name>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation>Antwort-Cache</translation>
    </message>
    <message>
        <source>MCP tools</source>
        <translation>MCP-Werkzeuge</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>(set; type to replace)</source>
        <translation>(gesetzt; zum Ersetzen tippen)</translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Einstellungen gespeichert und übernommen.</translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: expected %3</source>
        <translation>Ungültiger Wert für %1 „%2“: erwartet wird %3</translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>Nichts zu übernehmen.</translation>
    </message>
    <message>
        <source>Beyond loopback: other computers can reach LlamaGate. Clients then need an API key.</source>
        <translation>Über Loopback hinaus: Andere Computer können LlamaGate erreichen. Clients brauchen dann einen API-Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Ask this Ollama server for its version</source>
        <translation>Diesen Ollama-Server nach seiner Version fragen</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1 …</translation>
    </message>
    <message>
        <source>Ollama %1 answers at %2.</source>
        <translation>Ollama %1 antwortet unter %2.</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Keine Antwort von %1: %2</translation>
    </message>
</context>
<context>
    <name>llamagate::StatusTracker</name>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt …</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation>Ollama ist nicht erreichbar</translation>
    </message>
    <message numerus="yes">
        <source>MCP server %1 is in error</source>
        <translation>
            <numerusform>MCP-Server %1 ist fehlerhaft</numerusform>
            <numerusform>MCP-Server %1 sind fehlerhaft</numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation>Eingeschränkt: %1</translation>
    </message>
</context>
<context>
    <name>llamagate::ToolPolicyPage</name>
    <message>
        <source>Which MCP tools are offered to models. Patterns are globs on &lt;tt&gt;mcp.&amp;lt;server&amp;gt;.&amp;lt;tool&amp;gt;&lt;/tt&gt;, one per line, for example &lt;tt&gt;mcp.files.*&lt;/tt&gt; or &lt;tt&gt;mcp.*.get-env&lt;/tt&gt;. A deny pattern beats every allow pattern; an empty allow list allows every tool. A server&apos;s own lists apply too.</source>
        <translation>Welche MCP-Werkzeuge den Modellen angeboten werden. Muster sind Platzhaltermuster auf &lt;tt&gt;mcp.&amp;lt;Server&amp;gt;.&amp;lt;Werkzeug&amp;gt;&lt;/tt&gt;, eines pro Zeile, zum Beispiel &lt;tt&gt;mcp.files.*&lt;/tt&gt; oder &lt;tt&gt;mcp.*.get-env&lt;/tt&gt;. Ein Sperrmuster schlägt jedes Erlaubnismuster; eine leere Erlaubnisliste erlaubt jedes Werkzeug. Die eigenen Listen eines Servers gelten zusätzlich.</translation>
    </message>
    <message>
        <source>&amp;Allow (MCP_ALLOW_TOOLS)</source>
        <translation>&amp;Erlauben (MCP_ALLOW_TOOLS)</translation>
    </message>
    <message>
        <source>&amp;Deny (MCP_DENY_TOOLS)</source>
        <translation>&amp;Sperren (MCP_DENY_TOOLS)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Tool policy saved and applied.</source>
        <translation>Werkzeugregeln gespeichert und übernommen.</translation>
    </message>
    <message>
        <source>MCP is switched off (MCP_ENABLED), so no tools are offered to models. Switch it on in Settings; the tools of your MCP servers are then listed here.</source>
        <translation>MCP ist ausgeschaltet (MCP_ENABLED), daher werden den Modellen keine Werkzeuge angeboten. Schalten Sie es in den Einstellungen ein; die Werkzeuge Ihrer MCP-Server werden dann hier aufgeführt.</translation>
    </message>
    <message>
        <source>No MCP servers are configured. Add one on the MCP Servers page; its tools are then listed here.</source>
        <translation>Es sind keine MCP-Server eingerichtet. Fügen Sie auf der Seite „MCP-Server“ einen hinzu; seine Werkzeuge werden dann hier aufgeführt.</translation>
    </message>
</context>
<context>
    <name>llamagate::ToolPolicyPreview</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>In error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Server and tool</source>
        <translation>Server und Werkzeug</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>Tool policy preview</source>
        <translation>Vorschau der Werkzeugregeln</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>Nicht angeboten</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 von %n</numerusform>
            <numerusform>%1 von %n</numerusform>
        </translation>
    </message>
    <message>
        <source>MCP_DENY_TOOLS pattern %1</source>
        <translation>Muster %1 in MCP_DENY_TOOLS</translation>
    </message>
    <message>
        <source>the server&apos;s deny pattern %1</source>
        <translation>Sperrmuster %1 des Servers</translation>
    </message>
    <message>
        <source>no allow pattern of the server matches</source>
        <translation>kein Erlaubnismuster des Servers passt</translation>
    </message>
    <message>
        <source>the server&apos;s allow pattern %1</source>
        <translation>Erlaubnismuster %1 des Servers</translation>
    </message>
    <message>
        <source>no MCP_ALLOW_TOOLS pattern matches</source>
        <translation>kein Muster in MCP_ALLOW_TOOLS passt</translation>
    </message>
    <message>
        <source>MCP_ALLOW_TOOLS pattern %1</source>
        <translation>Muster %1 in MCP_ALLOW_TOOLS</translation>
    </message>
    <message>
        <source>no allow list restricts it</source>
        <translation>keine Erlaubnisliste schränkt es ein</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>llamagate::TrayIcon</name>
    <message>
        <source>Open Control Panel</source>
        <translation>Steuerzentrale öffnen</translation>
    </message>
    <message>
        <source>Copy Endpoint URL</source>
        <translation>Endpunkt-URL kopieren</translation>
    </message>
    <message>
        <source>Launch at Login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Quit LlamaGate</source>
        <translation>LlamaGate beenden</translation>
    </message>
    <message>
        <source>Ollama is back</source>
        <translation>Ollama ist wieder da</translation>
    </message>
    <message>
        <source>Ollama at %1 answers again.</source>
        <translation>Ollama unter %1 antwortet wieder.</translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation>Ollama ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Ollama at %1 does not answer: %2</source>
        <translation>Ollama unter %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>Start Gateway</source>
        <translation>Gateway starten</translation>
    </message>
    <message>
        <source>Stop Gateway</source>
        <translation>Gateway stoppen</translation>
    </message>
    <message>
        <source>LlamaGate — %1</source>
        <translation>LlamaGate – %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) served</source>
        <translation>
            <numerusform>%n Anfrage beantwortet</numerusform>
            <numerusform>%n Anfragen beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>MCP server %1 is back</source>
        <translation>MCP-Server %1 ist wieder da</translation>
    </message>
    <message>
        <source>MCP server %1 failed</source>
        <translation>MCP-Server %1 ist ausgefallen</translation>
    </message>
    <message>
        <source>Its tools can be used again.</source>
        <translation>Seine Werkzeuge sind wieder nutzbar.</translation>
    </message>
</context>
</TS>
