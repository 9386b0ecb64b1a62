<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>Tool Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache</source>
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
        <source>Server and tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
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
        <source>Reason</source>
        <translation type="unfinished"></translation>
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
        <source>MCP server %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its tools can be used again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
