<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Settings</name>
    <message>
        <source>Base URL of the Ollama server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key clients must send (X-API-Key or Authorization: Bearer); empty turns auth off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on; beyond loopback only while an API key is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port to listen on (0 picks a free one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait for Ollama: a whole answer, or a stream&apos;s first bytes and then each pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream timeout of the /health probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of one model sent to Ollama at once; match Ollama&apos;s OLLAMA_NUM_PARALLEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per model at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of one model that may wait for a slot; more get 429 with Retry-After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While a stream waits for its first token, send an SSE comment this often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global request rate limit per second (0 turns it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests allowed at once before a rate limit spaces them out (also caps per-key and per-address bursts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While API keys exist: requests per minute from one address without a valid key, refused ones included (0 turns it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute without a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write debug log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also append log lines to this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the log file when it would grow past this size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated log files to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated log files kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest request body accepted (413 above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest request body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest request line + headers (431 above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest request head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most request headers accepted (431 above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most request headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers, and the longest pause in its body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request header timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close keep-alive connections idle this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle connection timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On shutdown, how long in-flight requests may still run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shutdown timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated origins browser clients may call from (&quot;*&quot; for any); empty turns CORS off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed browser origins (CORS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer repeated identical chat, completion and embedding requests from the response cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most answers the response cache holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most cached answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most bytes of answers the response cache holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a cached answer is served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the response cache in a file across restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the cache across restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response cache file (empty: response-cache.ndjson in the app data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer MCP tools to models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most model rounds in one tool loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tool rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tool calls executed in one round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tool calls per round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout of one tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool call timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool results longer than this are cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest tool result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated globs of mcp.&lt;server&gt;.&lt;tool&gt; names offered to models (empty: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated globs of mcp.&lt;server&gt;.&lt;tool&gt; names never offered (beats allow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MCP servers as a JSON array of {name, enabled, transport, command, args, env, url, headers, timeout}; the management API saves its changes here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON file in the mcpServers format of Claude Desktop, Cursor and LM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcp:// resources injected into a message are cut at this size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest injected resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer MCP servers&apos; sampling requests with MCP_SAMPLING_MODEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Ollama model that answers MCP servers&apos; sampling requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::ApiKeysPage</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is connected: a new key&apos;s secret is shown once, here, and stored nowhere. Only a salted hash is saved, which is all the gateway needs to check the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models, completions, embeddings, read-only /api/*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a&amp;dmin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management endpoints, /v1/cache, /metrics, state-changing /api/*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is ready. Copy it now: it is shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot;? Clients that use it are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the chosen key from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not take the secret (%1): copy it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is ready. It is kept in the keychain: Copy Key copies it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no secret for &quot;%1&quot; (made without a keychain?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the key &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::CachePage</name>
    <message>
        <source>The response cache answers a repeated request without asking Ollama again. Its size and lifetime are set under Response cache in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries kept for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off (CACHE_ENABLED): every request goes to Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On, kept across restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On, in memory until LlamaGate quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n cached answer(s)? The next requests go to Ollama again.</source>
        <translation>
            <numerusform>Remove the %n cached answer? The next requests go to Ollama again.</numerusform>
            <numerusform>Remove the %n cached answers? The next requests go to Ollama again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::ControlPanel</name>
    <message>
        <source>LlamaGate Control Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::DesktopController</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch at Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::KeyValueTable</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::LiveLogPage</name>
    <message>
        <source>Filter (path, model, status, key…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to see its full entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new while paused</source>
        <translation>
            <numerusform>%n new while paused</numerusform>
            <numerusform>%n new while paused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::McpImportDialog</name>
    <message>
        <source>Import MCP Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the JSON of Claude Desktop, Cursor or LM Studio (an object with &quot;mcpServers&quot;), or open such a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcpServers JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open mcpServers JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: LlamaGate&apos;s server names hold only letters A-Z and a-z, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, at most 64 of them; rename it in the JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is a server of that name already; it stays as it is. Remove or rename one of them to import this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) will be added:</source>
        <translation>
            <numerusform>%n server will be added:</numerusform>
            <numerusform>%n servers will be added:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) refused:</source>
        <translation>
            <numerusform>%n entry refused:</numerusform>
            <numerusform>%n entries refused:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::McpServerDialog</name>
    <message>
        <source>Add MCP Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdio: a command on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streamable HTTP, falling back to legacy SSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streamable HTTP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy HTTP+SSE only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. npx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -y @modelcontextprotocol/server-filesystem /home/me/notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by spaces; put an argument with spaces in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LlamaGate&apos;s own when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:3001/mcp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline of each call to this server (and of Test Connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;st Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Connection starts the server as typed and lists its tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server wrote to stderr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n tool(s).</source>
        <translation>
            <numerusform>Connected to %1: %n tool.</numerusform>
            <numerusform>Connected to %1: %n tools.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit MCP Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of secret headers (Authorization, or a name with token, key, secret, cookie, auth or password) are kept in the keychain; the settings keep only a ${secret:…} reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is connected: values of secret headers (Authorization, or a name with token, key, secret, cookie, auth or password) are kept in memory until LlamaGate quits and are never saved. Enter them again after a restart, or use ${env:VARIABLE}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may hold only letters A-Z and a-z, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, at most 64 of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a server named &quot;%1&quot; already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the command that starts the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL this server can be reached at: it must start with http:// or https:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::McpServersModel</name>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error, next try at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n restart(s))</source>
        <translation>
            <numerusform>(%n restart)</numerusform>
            <numerusform>(%n restarts)</numerusform>
        </translation>
    </message>
    <message>
        <source>stdio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP (SSE fallback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legacy SSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (MCP_CONFIG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::McpServersPage</name>
    <message>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the server&apos;s connection and connect again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add servers from the mcpServers JSON of Claude Desktop, Cursor or LM Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools of the chosen server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error and stderr of the chosen server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error and &amp;stderr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP is off (MCP_ENABLED): no server below is started and models get no MCP tools. Switch it on under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server list cannot be changed here. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers marked MCP_CONFIG come from the file %1 and are read-only here: change them in that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved and applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a server to see its tools and what it last reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: from the MCP_CONFIG file, read-only here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tools are listed once the server is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret %1 is not known in this run (no keychain when it was saved?): edit the server and enter the value again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove MCP Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the MCP server &quot;%1&quot;? Models no longer get its tools, and its secret header values are deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::OllamaHealthProbe</name>
    <message>
        <source>Ollama answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the endpoint URL to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not listening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable at %1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per minute, %2 served since LlamaGate started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lookups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 % hit ratio (%2 of %n lookup(s) answered from the cache)</source>
        <translation>
            <numerusform>%1 % hit ratio (%2 of %n lookup answered from the cache)</numerusform>
            <numerusform>%1 % hit ratio (%2 of %n lookups answered from the cache)</numerusform>
        </translation>
    </message>
    <message>
        <source>none running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n ready</source>
        <translation>
            <numerusform>%1 of %n ready</numerusform>
            <numerusform>%1 of %n ready</numerusform>
        </translation>
    </message>
    <message>
        <source>; in error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::SettingOverride</name>
    <message>
        <source>Set by the environment variable %1; change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by %1 in the .env file; change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by --%1 on the command line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::SettingsPage</name>
    <message>
        <source>Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(set; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beyond loopback: other computers can reach LlamaGate. Clients then need an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask this Ollama server for its version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama %1 answers at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The servers and the tool policy have pages of their own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::StatusTracker</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>MCP server %1 is in error</source>
        <translation>
            <numerusform>MCP server %1 is in error</numerusform>
            <numerusform>MCP servers %1 are in error</numerusform>
        </translation>
    </message>
    <message>
        <source>Degraded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::ToolPolicyPage</name>
    <message>
        <source>Which MCP tools are offered to models. Patterns are globs on &lt;tt&gt;mcp.&amp;lt;server&amp;gt;.&amp;lt;tool&amp;gt;&lt;/tt&gt;, one per line, for example &lt;tt&gt;mcp.files.*&lt;/tt&gt; or &lt;tt&gt;mcp.*.get-env&lt;/tt&gt;. A deny pattern beats every allow pattern; an empty allow list allows every tool. A server&apos;s own lists apply too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allow (MCP_ALLOW_TOOLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deny (MCP_DENY_TOOLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool policy saved and applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP is switched off (MCP_ENABLED), so no tools are offered to models. Switch it on in Settings; the tools of your MCP servers are then listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MCP servers are configured. Add one on the MCP Servers page; its tools are then listed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llamagate::ToolPolicyPreview</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP_DENY_TOOLS pattern %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s deny pattern %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no allow pattern of the server matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s allow pattern %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MCP_ALLOW_TOOLS pattern matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP_ALLOW_TOOLS pattern %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no allow list restricts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server and tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool policy preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llamagate::TrayIcon</name>
    <message>
        <source>Open Control Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch at Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit LlamaGate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama at %1 answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama at %1 does not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LlamaGate — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) served</source>
        <translation>
            <numerusform>%n request served</numerusform>
            <numerusform>%n requests served</numerusform>
        </translation>
    </message>
    <message>
        <source>MCP server %1 is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its tools can be used again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP server %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
