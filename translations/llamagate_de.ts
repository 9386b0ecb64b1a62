<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Settings</name>
    <message>
        <source>Base URL of the Ollama server</source>
        <translation>Basis-URL des Ollama-Servers</translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation>Ollama-Server</translation>
    </message>
    <message>
        <source>An API key clients must send (X-API-Key or Authorization: Bearer); empty turns auth off</source>
        <translation>Ein API-Schlüssel, den Clients senden müssen (X-API-Key oder Authorization: Bearer); leer schaltet die Anmeldung ab</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Address to listen on; beyond loopback only while an API key is set</source>
        <translation>Adresse, auf der gelauscht wird; über Loopback hinaus nur, solange ein API-Schlüssel gesetzt ist</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>TCP port to listen on (0 picks a free one)</source>
        <translation>TCP-Port, auf dem gelauscht wird (0 wählt einen freien)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Longest wait for Ollama: a whole answer, or a stream&apos;s first bytes and then each pause</source>
        <translation>Längste Wartezeit auf Ollama: eine ganze Antwort, oder die ersten Bytes eines Streams und danach jede Pause</translation>
    </message>
    <message>
        <source>Ollama timeout</source>
        <translation>Ollama-Zeitlimit</translation>
    </message>
    <message>
        <source>Upstream timeout of the /health probe</source>
        <translation>Zeitlimit der /health-Prüfung gegenüber Ollama</translation>
    </message>
    <message>
        <source>Health check timeout</source>
        <translation>Zeitlimit der Statusprüfung</translation>
    </message>
    <message>
        <source>Requests of one model sent to Ollama at once; match Ollama&apos;s OLLAMA_NUM_PARALLEL</source>
        <translation>Anfragen an ein Modell, die Ollama gleichzeitig erhält; passend zu Ollamas OLLAMA_NUM_PARALLEL</translation>
    </message>
    <message>
        <source>Requests per model at once</source>
        <translation>Gleichzeitige Anfragen pro Modell</translation>
    </message>
    <message>
        <source>Requests of one model that may wait for a slot; more get 429 with Retry-After</source>
        <translation>Anfragen an ein Modell, die auf einen Platz warten dürfen; weitere erhalten 429 mit Retry-After</translation>
    </message>
    <message>
        <source>Queue depth per model</source>
        <translation>Warteschlangentiefe pro Modell</translation>
    </message>
    <message>
        <source>While a stream waits for its first token, send an SSE comment this often</source>
        <translation>Solange ein Stream auf sein erstes Token wartet, in diesem Abstand einen SSE-Kommentar senden</translation>
    </message>
    <message>
        <source>Stream keep-alive</source>
        <translation>Stream-Keep-alive</translation>
    </message>
    <message>
        <source>Global request rate limit per second (0 turns it off)</source>
        <translation>Globale Obergrenze an Anfragen pro Sekunde (0 schaltet sie ab)</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Requests allowed at once before a rate limit spaces them out (also caps per-key and per-address bursts)</source>
        <translation>Anfragen, die auf einmal erlaubt sind, bevor eine Obergrenze sie verteilt (begrenzt auch Spitzen pro Schlüssel und pro Adresse)</translation>
    </message>
    <message>
        <source>Burst size</source>
        <translation>Spitzenlast</translation>
    </message>
    <message>
        <source>While API keys exist: requests per minute from one address without a valid key, refused ones included (0 turns it off)</source>
        <translation>Solange API-Schlüssel existieren: Anfragen pro Minute von einer Adresse ohne gültigen Schlüssel, abgewiesene eingeschlossen (0 schaltet es ab)</translation>
    </message>
    <message>
        <source>Requests per minute without a key</source>
        <translation>Anfragen pro Minute ohne Schlüssel</translation>
    </message>
    <message>
        <source>Write debug log lines</source>
        <translation>Debug-Zeilen ins Protokoll schreiben</translation>
    </message>
    <message>
        <source>Debug logging</source>
        <translation>Debug-Protokoll</translation>
    </message>
    <message>
        <source>Also append log lines to this file</source>
        <translation>Protokollzeilen zusätzlich an diese Datei anhängen</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Rotate the log file when it would grow past this size</source>
        <translation>Die Protokolldatei rotieren, wenn sie über diese Größe wachsen würde</translation>
    </message>
    <message>
        <source>Log file size limit</source>
        <translation>Größenlimit der Protokolldatei</translation>
    </message>
    <message>
        <source>Rotated log files to keep</source>
        <translation>Anzahl der rotierten Protokolldateien, die aufbewahrt werden</translation>
    </message>
    <message>
        <source>Rotated log files kept</source>
        <translation>Aufbewahrte rotierte Protokolle</translation>
    </message>
    <message>
        <source>Largest request body accepted (413 above)</source>
        <translation>Größter angenommener Anfrage-Body (darüber 413)</translation>
    </message>
    <message>
        <source>Largest request body</source>
        <translation>Größter Anfrage-Body</translation>
    </message>
    <message>
        <source>Largest request line + headers (431 above)</source>
        <translation>Größte Anfragezeile samt Headern (darüber 431)</translation>
    </message>
    <message>
        <source>Largest request head</source>
        <translation>Größter Anfragekopf</translation>
    </message>
    <message>
        <source>Most request headers accepted (431 above)</source>
        <translation>Höchstzahl angenommener Anfrage-Header (darüber 431)</translation>
    </message>
    <message>
        <source>Most request headers</source>
        <translation>Höchstzahl an Headern</translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers, and the longest pause in its body</source>
        <translation>Zeit, die ein Client für die Header einer Anfrage hat, und die längste Pause in ihrem Body</translation>
    </message>
    <message>
        <source>Request header timeout</source>
        <translation>Zeitlimit für Anfrage-Header</translation>
    </message>
    <message>
        <source>Close keep-alive connections idle this long</source>
        <translation>Keep-alive-Verbindungen schließen, die so lange ruhen</translation>
    </message>
    <message>
        <source>Idle connection timeout</source>
        <translation>Zeitlimit für ruhende Verbindungen</translation>
    </message>
    <message>
        <source>On shutdown, how long in-flight requests may still run</source>
        <translation>Wie lange laufende Anfragen beim Beenden noch laufen dürfen</translation>
    </message>
    <message>
        <source>Shutdown timeout</source>
        <translation>Zeitlimit beim Beenden</translation>
    </message>
    <message>
        <source>Comma-separated origins browser clients may call from (&quot;*&quot; for any); empty turns CORS off</source>
        <translation>Kommagetrennte Ursprünge, von denen Browser-Clients aufrufen dürfen (&quot;*&quot; für alle); leer schaltet CORS ab</translation>
    </message>
    <message>
        <source>Allowed browser origins (CORS)</source>
        <translation>Erlaubte Browser-Ursprünge (CORS)</translation>
    </message>
    <message>
        <source>Answer repeated identical chat, completion and embedding requests from the response cache</source>
        <translation>Wiederholte identische Chat-, Completion- und Embedding-Anfragen aus dem Antwort-Cache beantworten</translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation>Antwort-Cache</translation>
    </message>
    <message>
        <source>Most answers the response cache holds</source>
        <translation>Höchstzahl an Antworten im Antwort-Cache</translation>
    </message>
    <message>
        <source>Most cached answers</source>
        <translation>Höchstzahl gespeicherter Antworten</translation>
    </message>
    <message>
        <source>Most bytes of answers the response cache holds</source>
        <translation>Höchstzahl an Bytes von Antworten im Antwort-Cache</translation>
    </message>
    <message>
        <source>Cache size limit</source>
        <translation>Größenlimit des Caches</translation>
    </message>
    <message>
        <source>How long a cached answer is served</source>
        <translation>Wie lange eine gespeicherte Antwort ausgeliefert wird</translation>
    </message>
    <message>
        <source>Cache lifetime</source>
        <translation>Lebensdauer im Cache</translation>
    </message>
    <message>
        <source>Keep the response cache in a file across restarts</source>
        <translation>Den Antwort-Cache über Neustarts hinweg in einer Datei behalten</translation>
    </message>
    <message>
        <source>Keep the cache across restarts</source>
        <translation>Cache über Neustarts behalten</translation>
    </message>
    <message>
        <source>The response cache file (empty: response-cache.ndjson in the app data folder)</source>
        <translation>Die Datei des Antwort-Caches (leer: response-cache.ndjson im Datenordner der App)</translation>
    </message>
    <message>
        <source>Cache file</source>
        <translation>Cache-Datei</translation>
    </message>
    <message>
        <source>Offer MCP tools to models</source>
        <translation>Modellen MCP-Werkzeuge anbieten</translation>
    </message>
    <message>
        <source>MCP tools</source>
        <translation>MCP-Werkzeuge</translation>
    </message>
    <message>
        <source>Most model rounds in one tool loop</source>
        <translation>Höchstzahl an Modellrunden in einer Werkzeugschleife</translation>
    </message>
    <message>
        <source>Most tool rounds</source>
        <translation>Höchstzahl an Werkzeugrunden</translation>
    </message>
    <message>
        <source>Most tool calls executed in one round</source>
        <translation>Höchstzahl an Werkzeugaufrufen, die in einer Runde ausgeführt werden</translation>
    </message>
    <message>
        <source>Most tool calls per round</source>
        <translation>Höchstzahl an Werkzeugaufrufen pro Runde</translation>
    </message>
    <message>
        <source>Timeout of one tool call</source>
        <translation>Zeitlimit eines Werkzeugaufrufs</translation>
    </message>
    <message>
        <source>Tool call timeout</source>
        <translation>Zeitlimit für Werkzeugaufrufe</translation>
    </message>
    <message>
        <source>Tool results longer than this are cut</source>
        <translation>Längere Werkzeugergebnisse werden gekürzt</translation>
    </message>
    <message>
        <source>Largest tool result</source>
        <translation>Größtes Werkzeugergebnis</translation>
    </message>
    <message>
        <source>Comma-separated globs of mcp.&lt;server&gt;.&lt;tool&gt; names offered to models (empty: all)</source>
        <translation>Kommagetrennte Muster für Namen mcp.&lt;server&gt;.&lt;tool&gt;, die Modellen angeboten werden (leer: alle)</translation>
    </message>
    <message>
        <source>Allowed tools</source>
        <translation>Erlaubte Werkzeuge</translation>
    </message>
    <message>
        <source>Comma-separated globs of mcp.&lt;server&gt;.&lt;tool&gt; names never offered (beats allow)</source>
        <translation>Kommagetrennte Muster für Namen mcp.&lt;server&gt;.&lt;tool&gt;, die nie angeboten werden (schlägt Erlauben)</translation>
    </message>
    <message>
        <source>Denied tools</source>
        <translation>Verbotene Werkzeuge</translation>
    </message>
    <message>
        <source>The MCP servers as a JSON array of {name, enabled, transport, command, args, env, url, headers, timeout}; the management API saves its changes here</source>
        <translation>Die MCP-Server als JSON-Array von {name, enabled, transport, command, args, env, url, headers, timeout}; die Verwaltungs-API speichert ihre Änderungen hier</translation>
    </message>
    <message>
        <source>MCP servers</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <source>A JSON file in the mcpServers format of Claude Desktop, Cursor and LM Studio</source>
        <translation>Eine JSON-Datei im mcpServers-Format von Claude Desktop, Cursor und LM Studio</translation>
    </message>
    <message>
        <source>MCP config file</source>
        <translation>MCP-Konfigurationsdatei</translation>
    </message>
    <message>
        <source>mcp:// resources injected into a message are cut at this size</source>
        <translation>mcp://-Ressourcen, die in eine Nachricht eingefügt werden, werden bei dieser Größe gekürzt</translation>
    </message>
    <message>
        <source>Largest injected resource</source>
        <translation>Größte eingefügte Ressource</translation>
    </message>
    <message>
        <source>Answer MCP servers&apos; sampling requests with MCP_SAMPLING_MODEL</source>
        <translation>Sampling-Anfragen von MCP-Servern mit MCP_SAMPLING_MODEL beantworten</translation>
    </message>
    <message>
        <source>Allow sampling</source>
        <translation>Sampling erlauben</translation>
    </message>
    <message>
        <source>The Ollama model that answers MCP servers&apos; sampling requests</source>
        <translation>Das Ollama-Modell, das Sampling-Anfragen von MCP-Servern beantwortet</translation>
    </message>
    <message>
        <source>Sampling model</source>
        <translation>Sampling-Modell</translation>
    </message>
</context>
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
        <source>MCP Servers</source>
        <translation>MCP-Server</translation>
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
    <name>llamagate::KeyValueTable</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
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
    <name>llamagate::McpImportDialog</name>
    <message>
        <source>Import MCP Servers</source>
        <translation>MCP-Server importieren</translation>
    </message>
    <message>
        <source>Paste the JSON of Claude Desktop, Cursor or LM Studio (an object with &quot;mcpServers&quot;), or open such a file.</source>
        <translation>Fügen Sie das JSON von Claude Desktop, Cursor oder LM Studio ein (ein Objekt mit „mcpServers“), oder öffnen Sie eine solche Datei.</translation>
    </message>
    <message>
        <source>mcpServers JSON</source>
        <translation>mcpServers-JSON</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Open mcpServers JSON</source>
        <translation>mcpServers-JSON öffnen</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: LlamaGate&apos;s server names hold only letters A-Z and a-z, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, at most 64 of them; rename it in the JSON.</source>
        <translation>„%1“: Servernamen in LlamaGate bestehen nur aus den Buchstaben A–Z und a–z, Ziffern, „_“, „.“ und „-“, höchstens 64 Zeichen; benennen Sie ihn im JSON um.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is a server of that name already; it stays as it is. Remove or rename one of them to import this one.</source>
        <translation>„%1“: Es gibt schon einen Server dieses Namens; er bleibt, wie er ist. Entfernen oder benennen Sie einen der beiden um, um diesen zu importieren.</translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation>Noch nichts zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) will be added:</source>
        <translation>
            <numerusform>%n Server wird hinzugefügt:</numerusform>
            <numerusform>%n Server werden hinzugefügt:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) refused:</source>
        <translation>
            <numerusform>%n Eintrag abgelehnt:</numerusform>
            <numerusform>%n Einträge abgelehnt:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::McpServerDialog</name>
    <message>
        <source>Add MCP Server</source>
        <translation>MCP-Server hinzufügen</translation>
    </message>
    <message>
        <source>e.g. filesystem</source>
        <translation>z. B. filesystem</translation>
    </message>
    <message>
        <source>stdio: a command on this computer</source>
        <translation>stdio: ein Befehl auf diesem Computer</translation>
    </message>
    <message>
        <source>Streamable HTTP, falling back to legacy SSE</source>
        <translation>Streamable HTTP, sonst altes SSE</translation>
    </message>
    <message>
        <source>Streamable HTTP only</source>
        <translation>Nur Streamable HTTP</translation>
    </message>
    <message>
        <source>Legacy HTTP+SSE only</source>
        <translation>Nur altes HTTP+SSE</translation>
    </message>
    <message>
        <source>e.g. npx</source>
        <translation>z. B. npx</translation>
    </message>
    <message>
        <source>e.g. -y @modelcontextprotocol/server-filesystem /home/me/notes</source>
        <translation>z. B. -y @modelcontextprotocol/server-filesystem /home/ich/notizen</translation>
    </message>
    <message>
        <source>Separated by spaces; put an argument with spaces in double quotes.</source>
        <translation>Durch Leerzeichen getrennt; ein Argument mit Leerzeichen in doppelte Anführungszeichen setzen.</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>LlamaGate&apos;s own when empty</source>
        <translation>Das von LlamaGate, wenn leer</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:3001/mcp</source>
        <translation>z. B. http://127.0.0.1:3001/mcp</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>HTTP-Header</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Deadline of each call to this server (and of Test Connection)</source>
        <translation>Frist jedes Aufrufs an diesen Server (und der Verbindungsprüfung)</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiviert</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>A&amp;rgumente:</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>Arbeits&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Te&amp;st Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Ergebnis der Prüfung</translation>
    </message>
    <message>
        <source>Test Connection starts the server as typed and lists its tools.</source>
        <translation>„Verbindung prüfen“ startet den Server wie eingegeben und listet seine Werkzeuge auf.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server wrote to stderr:</source>
        <translation>Der Server schrieb nach stderr:</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n tool(s).</source>
        <translation>
            <numerusform>Verbunden mit %1: %n Werkzeug.</numerusform>
            <numerusform>Verbunden mit %1: %n Werkzeuge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit MCP Server</source>
        <translation>MCP-Server bearbeiten</translation>
    </message>
    <message>
        <source>Values of secret headers (Authorization, or a name with token, key, secret, cookie, auth or password) are kept in the keychain; the settings keep only a ${secret:…} reference.</source>
        <translation>Werte geheimer Header (Authorization oder ein Name mit token, key, secret, cookie, auth oder password) liegen im Schlüsselbund; die Einstellungen enthalten nur einen Verweis ${secret:…}.</translation>
    </message>
    <message>
        <source>No keychain is connected: values of secret headers (Authorization, or a name with token, key, secret, cookie, auth or password) are kept in memory until LlamaGate quits and are never saved. Enter them again after a restart, or use ${env:VARIABLE}.</source>
        <translation>Kein Schlüsselbund verbunden: Werte geheimer Header (Authorization oder ein Name mit token, key, secret, cookie, auth oder password) bleiben nur im Speicher, bis LlamaGate beendet wird, und werden nie gespeichert. Geben Sie sie nach einem Neustart erneut ein, oder verwenden Sie ${env:VARIABLE}.</translation>
    </message>
    <message>
        <source>Give the server a name.</source>
        <translation>Geben Sie dem Server einen Namen.</translation>
    </message>
    <message>
        <source>The name may hold only letters A-Z and a-z, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, at most 64 of them.</source>
        <translation>Der Name darf nur die Buchstaben A–Z und a–z, Ziffern, „_“, „.“ und „-“ enthalten, höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>There is a server named &quot;%1&quot; already.</source>
        <translation>Es gibt schon einen Server namens „%1“.</translation>
    </message>
    <message>
        <source>Give the command that starts the server.</source>
        <translation>Geben Sie den Befehl an, der den Server startet.</translation>
    </message>
    <message>
        <source>Give the server&apos;s URL.</source>
        <translation>Geben Sie die URL des Servers an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL this server can be reached at: it must start with http:// or https:// and name a host.</source>
        <translation>„%1“ ist keine URL, unter der dieser Server erreichbar ist: Sie muss mit http:// oder https:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
</context>
<context>
    <name>llamagate::McpServersModel</name>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde …</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>error, next try at %1</source>
        <translation>Fehler, nächster Versuch um %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>(%n restart(s))</source>
        <translation>
            <numerusform>(%n Neustart)</numerusform>
            <numerusform>(%n Neustarts)</numerusform>
        </translation>
    </message>
    <message>
        <source>stdio</source>
        <translation>stdio</translation>
    </message>
    <message>
        <source>HTTP (SSE fallback)</source>
        <translation>HTTP (sonst SSE)</translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <source>legacy SSE</source>
        <translation>altes SSE</translation>
    </message>
    <message>
        <source>%1 (MCP_CONFIG)</source>
        <translation>%1 (MCP_CONFIG)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>llamagate::McpServersPage</name>
    <message>
        <source>MCP servers</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Res&amp;tart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Drop the server&apos;s connection and connect again now</source>
        <translation>Die Verbindung zum Server trennen und sofort neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Add servers from the mcpServers JSON of Claude Desktop, Cursor or LM Studio</source>
        <translation>Server aus dem mcpServers-JSON von Claude Desktop, Cursor oder LM Studio hinzufügen</translation>
    </message>
    <message>
        <source>Tools of the chosen server</source>
        <translation>Werkzeuge des gewählten Servers</translation>
    </message>
    <message>
        <source>Last error and stderr of the chosen server</source>
        <translation>Letzter Fehler und stderr des gewählten Servers</translation>
    </message>
    <message>
        <source>T&amp;ools:</source>
        <translation>&amp;Werkzeuge:</translation>
    </message>
    <message>
        <source>Last error and &amp;stderr:</source>
        <translation>Letzter Fehler und &amp;stderr:</translation>
    </message>
    <message>
        <source>MCP is off (MCP_ENABLED): no server below is started and models get no MCP tools. Switch it on under Settings.</source>
        <translation>MCP ist aus (MCP_ENABLED): Keiner der Server unten wird gestartet, und Modelle bekommen keine MCP-Werkzeuge. Schalten Sie es unter „Einstellungen“ ein.</translation>
    </message>
    <message>
        <source>The server list cannot be changed here. %1</source>
        <translation>Die Serverliste kann hier nicht geändert werden. %1</translation>
    </message>
    <message>
        <source>Servers marked MCP_CONFIG come from the file %1 and are read-only here: change them in that file.</source>
        <translation>Mit MCP_CONFIG markierte Server stammen aus der Datei %1 und sind hier schreibgeschützt: Ändern Sie sie in dieser Datei.</translation>
    </message>
    <message>
        <source>Saved and applied.</source>
        <translation>Gespeichert und übernommen.</translation>
    </message>
    <message>
        <source>Choose a server to see its tools and what it last reported.</source>
        <translation>Wählen Sie einen Server, um seine Werkzeuge und seine letzten Meldungen zu sehen.</translation>
    </message>
    <message>
        <source>%1: from the MCP_CONFIG file, read-only here</source>
        <translation>%1: aus der MCP_CONFIG-Datei, hier schreibgeschützt</translation>
    </message>
    <message>
        <source>The tools are listed once the server is ready.</source>
        <translation>Die Werkzeuge werden aufgelistet, sobald der Server bereit ist.</translation>
    </message>
    <message>
        <source>The secret %1 is not known in this run (no keychain when it was saved?): edit the server and enter the value again.</source>
        <translation>Das Geheimnis %1 ist in diesem Lauf nicht bekannt (beim Speichern kein Schlüsselbund?): Bearbeiten Sie den Server und geben Sie den Wert erneut ein.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>stderr:</source>
        <translation>stderr:</translation>
    </message>
    <message>
        <source>Nothing reported.</source>
        <translation>Nichts gemeldet.</translation>
    </message>
    <message>
        <source>Remove MCP Server</source>
        <translation>MCP-Server entfernen</translation>
    </message>
    <message>
        <source>Remove the MCP server &quot;%1&quot;? Models no longer get its tools, and its secret header values are deleted from the keychain.</source>
        <translation>Den MCP-Server „%1“ entfernen? Modelle bekommen seine Werkzeuge dann nicht mehr, und seine geheimen Header-Werte werden aus dem Schlüsselbund gelöscht.</translation>
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
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
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
    <message>
        <source>The servers and the tool policy have pages of their own.</source>
        <translation>MCP-Server und Werkzeugregeln haben eigene Seiten.</translation>
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
        <source>Server and tool</source>
        <translation>Server und Werkzeug</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
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
        <source>Its tools can be used again.</source>
        <translation>Seine Werkzeuge sind wieder nutzbar.</translation>
    </message>
    <message>
        <source>MCP server %1 failed</source>
        <translation>MCP-Server %1 ist ausgefallen</translation>
    </message>
</context>
</TS>
