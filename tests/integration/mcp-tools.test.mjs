// MCP tools in chat, end to end: the real binary, the fake Ollama scripted to call tools, and server-everything over
// stdio. The tool loop (round trip whole and streamed through the official openai client, parallel calls, the
// per-round cap, the round limit, timeouts, the policy, result capping, images, a server killed mid-call, client
// tools next to MCP tools), mcp:// resources, the management API, and sampling answered or declined.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { TESTS_DIR, startFakeOllama, startGateway, runGateway, httpRequest, httpStream, waitFor, user, WEATHER_TOOL } from './lib/harness.mjs';

const MODEL = 'llama3.2:latest';
const HISTORY_REPLY = JSON.parse(fs.readFileSync(path.join(TESTS_DIR, 'fixtures/ollama/native/chat-tool-history-reply.json'), 'utf8'))
  .message.content; // the fake's answer once the last message is a tool result
const EVERYTHING = path.join(TESTS_DIR, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const everything = (name, extra = {}) => ({ name, command: process.execPath, args: [EVERYTHING, 'stdio'], ...extra });
const UNLIMITED = { RATE_LIMIT_RPS: '0', RATE_LIMIT_IP_RPM: '0' }; // these tests poll and call a lot
const call = (name, args = {}) => ({ function: { name, arguments: args } });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-mcp-tools-'));
const victimPidFile = path.join(tmp, 'victim.pid');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let ollama;
let gw;
let client;

async function json(method, url, body) {
  const res = await httpRequest({ method, url, body, headers: body ? { 'content-type': 'application/json' } : {} });
  return { ...res, json: res.body ? JSON.parse(res.body) : null };
}

async function untilReady(gateway, names) {
  await waitFor(async () => {
    const { json: list } = await json('GET', `${gateway.url}/v1/mcp/servers`);
    return names.every((n) => list.servers?.find((s) => s.name === n)?.status === 'ready');
  }, { timeoutMs: 30000, intervalMs: 100, what: `MCP servers ${names} ready` });
}

/** The chat requests the fake received since the last clear. */
async function chatRequests() {
  return (await ollama.requests()).filter((r) => r.path === '/api/chat').map((r) => r.body);
}

const toolMessages = (body) => body.messages.filter((m) => m.role === 'tool');
const offered = (body) => (body.tools ?? []).map((t) => t.function.name);

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGateway({
    env: {
      OLLAMA_HOST: ollama.url,
      ...UNLIMITED,
      MCP_ENABLED: 'true',
      MCP_MAX_TOOL_ROUNDS: '3',
      MCP_MAX_TOOL_CALLS_PER_ROUND: '3',
      MCP_MAX_TOOL_RESULT_SIZE: '8KB',
      MCP_DENY_TOOLS: 'mcp.*.get-env',
      MCP_ALLOW_SAMPLING: 'true',
      MCP_SAMPLING_MODEL: MODEL,
      MCP_SERVERS: JSON.stringify([
        everything('everything'),
        everything('slow', { timeout: 1 }),
        { name: 'victim', command: '/bin/sh', args: ['-c', `echo $$ > '${victimPidFile}'; exec '${process.execPath}' '${EVERYTHING}' stdio`] },
      ]),
    },
  });
  client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'sk-unused', maxRetries: 0 });
  await untilReady(gw, ['everything', 'slow', 'victim']);
});

test('round trip: the model calls everything__get-sum, the result goes back, the client gets the final answer', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-sum', { a: 2, b: 3 })] });
  const { data, response } = await client.chat.completions.create({ model: MODEL, messages: user('What is 2+3?') }).withResponse();
  assert.equal(data.choices[0].message.content, HISTORY_REPLY);
  assert.equal(data.choices[0].finish_reason, 'stop');
  assert.equal(response.headers.get('x-llamagate-tool-calls'), 'everything__get-sum');
  assert.deepEqual(data.llamagate.tool_calls, ['everything__get-sum']);
  const [first, second] = await chatRequests();
  assert.ok(offered(first).includes('everything__get-sum'));
  assert.equal(second.messages.at(-2).role, 'assistant');
  assert.equal(second.messages.at(-2).tool_calls[0].function.name, 'everything__get-sum');
  const [result] = toolMessages(second);
  assert.equal(result.tool_name, 'everything__get-sum');
  assert.match(result.content, /\b5\b/);
  const line = await gw.waitForLog((l) => l.msg === 'request' && Array.isArray(l.tool_calls));
  assert.equal(line.tool_calls[0].server, 'everything');
  assert.equal(line.tool_calls[0].tool, 'get-sum');
  assert.equal(line.tool_calls[0].outcome, 'ok');
  assert.equal(typeof line.tool_calls[0].duration_ms, 'number');
});

test('round trip streamed through the openai client, with SSE progress comments', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-sum', { a: 2, b: 3 })] });
  const stream = await client.chat.completions.create({ model: MODEL, messages: user('2+3?'), stream: true });
  let text = '';
  let finish = null;
  let summary = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    summary = chunk.llamagate ?? summary;
  }
  assert.equal(text, HISTORY_REPLY);
  assert.equal(finish, 'stop');
  assert.deepEqual(summary.tool_calls, ['everything__get-sum']);
  assert.match(JSON.stringify(toolMessages((await chatRequests())[1])), /\b5\b/);

  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-sum', { a: 2, b: 3 })] });
  const raw = await httpStream({ url: `${gw.url}/v1/chat/completions`, headers: { 'content-type': 'application/json' },
    body: { model: MODEL, messages: user('2+3?'), stream: true } });
  assert.equal(raw.status, 200);
  const texts = raw.lines.map((l) => l.text);
  assert.ok(texts.includes(': tool everything__get-sum running'), texts.join('\n'));
  assert.ok(texts.some((t) => /^: tool everything__get-sum ok in \d+ ms$/.test(t)), texts.join('\n'));
  assert.equal(texts.at(-1), 'data: [DONE]');
});

test('a client that hangs up during a tool call: the MCP call is cancelled at the server at once', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__trigger-long-running-operation', { duration: 20, steps: 20 })] });
  const stats = async () => (await json('GET', `${gw.url}/v1/mcp/servers/everything/stats`)).json;
  const raw = await httpStream({ url: `${gw.url}/v1/chat/completions`, headers: { 'content-type': 'application/json' },
    body: { model: MODEL, messages: user('take your time'), stream: true },
    abortWhen: (text) => text === ': tool everything__trigger-long-running-operation running' });
  assert.ok(raw.aborted, raw.lines.map((l) => l.text).join('\n'));
  // The call would hold a request open at the server for 20 s; cancelled, nothing is left pending.
  await waitFor(async () => (await stats()).pending_requests === 0, { timeoutMs: 5000, intervalMs: 50, what: 'no MCP request pending' });
  assert.equal((await stats()).status, 'ready');
  // The server still serves the next request.
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-sum', { a: 2, b: 3 })] });
  const data = await client.chat.completions.create({ model: MODEL, messages: user('What is 2+3?') });
  assert.equal(data.choices[0].message.content, HISTORY_REPLY);
});

test('calls of one round run in parallel', async () => {
  await ollama.reset();
  const slowCall = call('everything__trigger-long-running-operation', { duration: 2, steps: 2 });
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [slowCall, slowCall, slowCall] });
  const started = Date.now();
  const data = await client.chat.completions.create({ model: MODEL, messages: user('go') });
  const elapsed = Date.now() - started;
  assert.equal(data.choices[0].message.content, HISTORY_REPLY);
  const results = toolMessages((await chatRequests())[1]);
  assert.equal(results.length, 3);
  for (const r of results) assert.match(r.content, /Long running operation completed/);
  assert.ok(elapsed < 5000, `three 2 s calls took ${elapsed} ms: not run in parallel`);
});

test('calls beyond MCP_MAX_TOOL_CALLS_PER_ROUND get an error result', async () => {
  await ollama.reset();
  const calls = [1, 2, 3, 4].map((n) => call('everything__echo', { message: `m${n}` }));
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: calls });
  const { response } = await client.chat.completions.create({ model: MODEL, messages: user('echo') }).withResponse();
  assert.equal(response.headers.get('x-llamagate-tool-calls'), 'everything__echo, everything__echo, everything__echo');
  const results = toolMessages((await chatRequests())[1]);
  assert.equal(results.length, 4);
  results.slice(0, 3).forEach((r, i) => assert.match(r.content, new RegExp(`m${i + 1}`)));
  assert.match(results[3].content, /Not executed: at most 3 tool calls run in one round/);
});

test('the round limit answers with the last reply and says so', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', content: 'still thinking', tool_calls: [call('everything__get-sum', { a: 1, b: 1 })] });
  const { data, response } = await client.chat.completions.create({ model: MODEL, messages: user('loop') }).withResponse();
  assert.equal(response.headers.get('x-llamagate-tool-round-limit'), '3');
  assert.equal(data.llamagate.tool_round_limit_reached, true);
  assert.equal(data.choices[0].message.content, 'still thinking');
  assert.equal(data.choices[0].message.tool_calls, undefined);
  assert.equal((await chatRequests()).length, 3);
});

test('a tool that runs past its server timeout comes back as a failure result', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('slow__trigger-long-running-operation', { duration: 6, steps: 6 })] });
  const started = Date.now();
  const data = await client.chat.completions.create({ model: MODEL, messages: user('slow') });
  assert.equal(data.choices[0].message.content, HISTORY_REPLY);
  const [result] = toolMessages((await chatRequests())[1]);
  assert.match(result.content, /^The tool call failed: .*tim/i);
  assert.ok(Date.now() - started < 5000, 'the timeout of 1 s applied');
});

test('a denied tool is offered nowhere and refused when called', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-env')] });
  const { response } = await client.chat.completions.create({ model: MODEL, messages: user('env?') }).withResponse();
  assert.equal(response.headers.get('x-llamagate-tool-calls'), null);
  const [first, second] = await chatRequests();
  assert.ok(!offered(first).includes('everything__get-env'));
  assert.ok(offered(first).includes('everything__echo'));
  const [result] = toolMessages(second);
  assert.match(result.content, /not allowed by LlamaGate's tool policy \(MCP_DENY_TOOLS: mcp\.\*\.get-env\)/);
  assert.doesNotMatch(result.content, /PATH|HOME/);
});

test('an oversized result is cut with a visible note', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__echo', { message: 'x'.repeat(20000) })] });
  await client.chat.completions.create({ model: MODEL, messages: user('echo') });
  const [result] = toolMessages((await chatRequests())[1]);
  assert.match(result.content, /\[LlamaGate: cut from \d+ to 8192 bytes \(MCP_MAX_TOOL_RESULT_SIZE\)\]$/);
  assert.ok(Buffer.byteLength(result.content) < 8192 + 100);
});

test('an image result is attached to the tool message', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-tiny-image')] });
  await client.chat.completions.create({ model: MODEL, messages: user('image') });
  const [result] = toolMessages((await chatRequests())[1]);
  assert.equal(result.images?.length, 1, JSON.stringify(result).slice(0, 300));
  assert.ok(Buffer.from(result.images[0], 'base64').subarray(1, 4).toString() === 'PNG', 'a PNG image');
  assert.match(result.content, /\[image image\/png, \d+ bytes\]\n.*\n\[1 image\(s\) attached to this message\]$/);
});

test('a server killed during a call: the request still succeeds with a failure result', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('victim__trigger-long-running-operation', { duration: 10, steps: 10 })] });
  const pending = client.chat.completions.create({ model: MODEL, messages: user('victim') });
  await waitFor(async () => (await chatRequests()).length === 1, { what: 'the first round' });
  await new Promise((r) => setTimeout(r, 500));
  process.kill(Number(fs.readFileSync(victimPidFile, 'utf8').trim()), 'SIGKILL');
  const data = await pending;
  assert.equal(data.choices[0].message.content, HISTORY_REPLY);
  const [result] = toolMessages((await chatRequests())[1]);
  assert.match(result.content, /^The tool call failed: /);
});

test('client tools end the loop; MCP calls next to them are not run', async () => {
  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('everything__get-sum', { a: 1, b: 2 }), call('get_weather', { city: 'Paris' })] });
  const data = await client.chat.completions.create({ model: MODEL, messages: user('weather'), tools: [WEATHER_TOOL] });
  assert.equal(data.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(data.choices[0].message.tool_calls.map((c) => c.function.name), ['get_weather']);
  const requests = await chatRequests();
  assert.equal(requests.length, 1);
  assert.ok(offered(requests[0]).includes('get_weather') && offered(requests[0]).includes('everything__get-sum'));

  await ollama.reset();
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: [call('get_weather', { city: 'Paris' })] });
  const stream = await client.chat.completions.create({ model: MODEL, messages: user('weather'), tools: [WEATHER_TOOL], stream: true });
  const names = [];
  let finish = null;
  for await (const chunk of stream) {
    for (const c of chunk.choices[0]?.delta?.tool_calls ?? []) names.push(c.function.name);
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  assert.deepEqual(names, ['get_weather']);
  assert.equal(finish, 'tool_calls');

  await ollama.reset();
  await client.chat.completions.create({ model: MODEL, messages: user('none'), tools: [WEATHER_TOOL], tool_choice: 'none' });
  assert.deepEqual(offered((await chatRequests())[0]), []);
});

test('mcp:// resources are injected into the user message; an unknown server is a 400', async () => {
  const { json: listed } = await json('GET', `${gw.url}/v1/mcp/servers/everything/resources`);
  const uri = listed.resources.find((r) => r.uri.startsWith('demo://resource/static/document/')).uri;
  const { json: read } = await json('GET', `${gw.url}/v1/mcp/servers/everything/resources/${encodeURIComponent(uri)}`);
  const text = read.contents[0].text;
  assert.ok(text.length > 0);

  await ollama.reset();
  await client.chat.completions.create({ model: MODEL, messages: user(`Summarise mcp://everything/${uri}.`) });
  const [body] = await chatRequests();
  const content = body.messages.at(-1).content;
  assert.ok(content.startsWith(`Summarise mcp://everything/${uri}.`));
  assert.ok(content.includes(`--- BEGIN MCP RESOURCE mcp://everything/${uri} ---\n${text}\n--- END MCP RESOURCE mcp://everything/${uri} ---`));

  const bad = await json('POST', `${gw.url}/v1/chat/completions`, { model: MODEL, messages: user('read mcp://nosuch/demo://x please') });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.message, /mcp:\/\/nosuch\/demo:\/\/x/);
  assert.match(bad.json.error.message, /no MCP server named 'nosuch'/);
});

test('management API: servers, health, stats, tools with the policy, resources, prompts, refresh, execute', async () => {
  const base = `${gw.url}/v1/mcp`;
  const list = await json('GET', `${base}/servers`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.servers.map((s) => s.name).sort(), ['everything', 'slow', 'victim']);
  const health = await json('GET', `${base}/servers/health`);
  assert.equal(health.status, 200);
  assert.ok(health.json.servers.find((s) => s.name === 'everything').healthy);
  const one = await json('GET', `${base}/servers/everything`);
  assert.equal(one.json.transport, 'stdio');
  assert.equal(one.json.status, 'ready');
  const oneHealth = await json('GET', `${base}/servers/everything/health`);
  assert.equal(oneHealth.json.healthy, true);
  assert.equal(typeof oneHealth.json.ping_ms, 'number');
  const stats = await json('GET', `${base}/servers/everything/stats`);
  assert.equal(stats.json.status, 'ready');
  assert.ok(stats.json.tool_count > 5);
  // The calls the earlier tests' chats made, counted per tool: sums went well, the slow server's call timed out.
  assert.ok(stats.json.tool_calls['get-sum'].calls >= 1, JSON.stringify(stats.json.tool_calls));
  assert.equal(stats.json.tool_calls['get-sum'].errors, 0);
  const slow = (await json('GET', `${base}/servers/slow/stats`)).json;
  assert.ok(slow.tool_calls['trigger-long-running-operation'].errors >= 1, JSON.stringify(slow.tool_calls));
  const tools = await json('GET', `${base}/servers/everything/tools`);
  const env = tools.json.tools.find((t) => t.name === 'get-env');
  assert.deepEqual([env.allowed, env.rule, env.exposed_name], [false, 'MCP_DENY_TOOLS: mcp.*.get-env', null]);
  const sum = tools.json.tools.find((t) => t.name === 'get-sum');
  assert.deepEqual([sum.allowed, sum.rule, sum.exposed_name], [true, 'no allow list', 'everything__get-sum']);
  const resources = await json('GET', `${base}/servers/everything/resources`);
  assert.ok(resources.json.resources.length > 0);
  assert.ok(resources.json.resource_templates.length > 0);
  const prompts = await json('GET', `${base}/servers/everything/prompts`);
  assert.ok(prompts.json.prompts.some((p) => p.name === 'args-prompt'));
  const prompt = await json('POST', `${base}/servers/everything/prompts/args-prompt`, { arguments: { city: 'Lisbon' } });
  assert.equal(prompt.status, 200);
  assert.match(JSON.stringify(prompt.json.messages), /Lisbon/);
  const refresh = await json('POST', `${base}/servers/everything/refresh`);
  assert.equal(refresh.json.refreshed, true);
  assert.ok(refresh.json.tools > 5);

  const executed = await json('POST', `${base}/execute`, { server: 'everything', tool: 'get-sum', arguments: { a: 2, b: 3 } });
  assert.equal(executed.status, 200);
  assert.equal(executed.json.isError, false);
  assert.match(executed.json.content[0].text, /\b5\b/);
  const denied = await json('POST', `${base}/execute`, { server: 'everything', tool: 'get-env' });
  assert.equal(denied.status, 403);
  assert.equal(denied.json.error.code, 'tool_not_allowed');
  const missing = await json('GET', `${base}/servers/nosuch`);
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, 'server_not_found');
  const missingExec = await json('POST', `${base}/execute`, { server: 'nosuch', tool: 'x' });
  assert.equal(missingExec.json.error.code, 'server_not_found');
});

test('management API: servers added, changed and removed at run time, saved to settings', async () => {
  const base = `${gw.url}/v1/mcp/servers`;
  const added = await json('POST', base, everything('extra', { env: { TOKEN: 'secret' } }));
  assert.equal(added.status, 201);
  assert.equal(added.json.env.TOKEN, '***');
  assert.equal((await json('POST', base, everything('extra'))).json.error.code, 'server_exists');
  await untilReady(gw, ['extra']);
  const settingsFile = () => fs.readFileSync(path.join(gw.dirs.config, 'LlamaGate', 'LlamaGate.ini'), 'utf8');
  assert.match(settingsFile(), /extra/);
  assert.match(settingsFile(), /secret/);
  const tools = await json('GET', `${base}/extra/tools`);
  assert.ok(tools.json.tools.some((t) => t.exposed_name === 'extra__echo'));

  const changed = await json('PUT', `${base}/extra`, { ...everything('extra'), enabled: false });
  assert.equal(changed.status, 200);
  assert.equal(changed.json.enabled, false);
  await waitFor(async () => (await json('GET', `${base}/extra`)).json.status === 'stopped', { what: 'extra stopped' });
  assert.equal((await json('GET', `${base}/extra/tools`)).json.error.code, 'server_not_ready');

  const bad = await json('PUT', `${base}/extra`, { name: 'extra', transport: 'http' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.param, 'url');

  const removed = await json('DELETE', `${base}/extra`);
  assert.equal(removed.status, 200);
  assert.equal((await json('GET', `${base}/extra`)).status, 404);
  assert.doesNotMatch(settingsFile(), /extra/);
});

test('sampling requests are answered by the Ollama model when allowed', async () => {
  await ollama.reset();
  const res = await json('POST', `${gw.url}/v1/mcp/execute`, { server: 'everything', tool: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 20 } });
  assert.equal(res.status, 200);
  assert.equal(res.json.isError, false);
  assert.match(JSON.stringify(res.json.content), /Hello! How are you today\?/);
  const [sampled] = await chatRequests();
  assert.equal(sampled.model, MODEL);
  assert.equal(sampled.options.num_predict, 20);
});

test('with sampling not allowed it is declined; with MCP off nothing runs and the API says mcp_disabled', async () => {
  const strict = await startGateway({ env: { ...UNLIMITED, OLLAMA_HOST: ollama.url, MCP_ENABLED: 'true', MCP_SERVERS: JSON.stringify([everything('everything')]) } });
  try {
    await untilReady(strict, ['everything']);
    await ollama.reset();
    const res = await json('POST', `${strict.url}/v1/mcp/execute`, { server: 'everything', tool: 'trigger-sampling-request', arguments: { prompt: 'hi' } });
    assert.ok(res.status === 502 || res.json.isError, res.body);
    assert.match(res.body, /does not answer sampling requests/);
    assert.equal((await chatRequests()).length, 0);
  } finally {
    await strict.stop();
  }
  const off = await startGateway({ env: { ...UNLIMITED, OLLAMA_HOST: ollama.url, MCP_SERVERS: JSON.stringify([everything('everything')]) } });
  try {
    const res = await json('GET', `${off.url}/v1/mcp/servers`);
    assert.equal(res.status, 503);
    assert.equal(res.json.error.code, 'mcp_disabled');
    await ollama.reset();
    await json('POST', `${off.url}/v1/chat/completions`, { model: MODEL, messages: user('mcp://everything/demo://x') });
    const [body] = await chatRequests();
    assert.equal(body.tools, undefined);
    assert.equal(body.messages[0].content, 'mcp://everything/demo://x');
  } finally {
    await off.stop();
  }
});

test('the management API needs an admin key once keys exist; an inference key is refused', async () => {
  const config = fs.mkdtempSync(path.join(tmp, 'config-'));
  const createKey = async (name, scope) => {
    const run = await runGateway({ headless: false, args: ['keys', 'create', '--name', name, '--scope', scope], env: { XDG_CONFIG_HOME: config } });
    assert.equal(run.code, 0, run.stderr);
    return run.stdout.trim();
  };
  const adminKey = await createKey('ops', 'admin');
  const inferenceKey = await createKey('app', 'inference');
  const keyed = await startGateway({ env: { ...UNLIMITED, XDG_CONFIG_HOME: config, OLLAMA_HOST: ollama.url, MCP_ENABLED: 'true' } });
  try {
    const as = (key) => httpRequest({ url: `${keyed.url}/v1/mcp/servers`, headers: { authorization: `Bearer ${key}` } });
    const admin = await as(adminKey);
    assert.equal(admin.status, 200, admin.body);
    assert.deepEqual(JSON.parse(admin.body).servers, []);
    const inference = await as(inferenceKey);
    assert.equal(inference.status, 403, inference.body);
    const execute = await httpRequest({ method: 'POST', url: `${keyed.url}/v1/mcp/execute`, headers: { authorization: `Bearer ${inferenceKey}`, 'content-type': 'application/json' },
      body: { server: 'x', tool: 'y' } });
    assert.equal(execute.status, 403);
    assert.equal((await httpRequest({ url: `${keyed.url}/v1/mcp/servers` })).status, 401);
  } finally {
    await keyed.stop();
  }
});
