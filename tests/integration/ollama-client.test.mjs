// The official `ollama` npm client (pinned in tests/package.json) against the gateway's /api/* passthrough, compared
// with the same client talking to the fake Ollama directly: list, show, chat (whole and streamed), generate, embed;
// request and response bytes unchanged, native statuses kept, aborts and mid-stream failures passed on.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Ollama } from 'ollama';
import { startFakeOllama, startGateway, httpRequest, httpStream, waitFor, user } from './lib/harness.mjs';

const MODEL = 'llama3.2:latest';
const REPLY = 'Hello! How are you today?';
const GENERATE_TEXT = 'The sky is blue because it is the color of the sky.';

let ollama;
let gw;
let viaGateway;
let direct;

/** Removes what differs between two otherwise identical native answers: the per-line timestamps. */
const withoutTimestamps = (text) => text.replace(/"created_at":"[^"]*"/g, '"created_at":"T"');

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0' } });
  viaGateway = new Ollama({ host: gw.url });
  direct = new Ollama({ host: ollama.url });
});

after(async () => {
  assert.equal(await gw?.stop(), 0);
  await ollama?.stop();
});

beforeEach(async () => { await ollama.reset(); });

test('list() and show() through the gateway equal the direct answers', async () => {
  const listed = await viaGateway.list();
  assert.deepEqual(listed.models.map((m) => m.name), ['deepseek-r1:latest', 'llama3.2:latest']);
  assert.deepEqual(listed, await direct.list());
  const shown = await viaGateway.show({ model: MODEL });
  assert.equal(typeof shown.details?.family, 'string');
  assert.deepEqual(shown, await direct.show({ model: MODEL }));
  assert.deepEqual(await viaGateway.ps(), await direct.ps());
  assert.deepEqual(await viaGateway.version(), await direct.version());
  const line = await gw.waitForLog((o) => o.msg === 'request' && o.path === '/api/show'); // written after its answer
  assert.equal(line.passthrough, true);
  assert.equal(line.status, 200);
});

test('chat() non-streaming', async () => {
  const reply = await viaGateway.chat({ model: MODEL, messages: user('Hello') });
  assert.equal(reply.message.role, 'assistant');
  assert.equal(reply.message.content, REPLY);
  assert.equal(reply.done, true);
  assert.equal(reply.done_reason, 'stop');
  assert.equal(reply.prompt_eval_count, 26);
  const [native] = (await ollama.requests()).filter((r) => r.path === '/api/chat');
  assert.deepEqual(native.body, { model: MODEL, messages: user('Hello'), stream: false });
  assert.match(native.headers['content-type'], /^application\/json/);
});

test('chat() streaming yields the parts as Ollama sent them', async () => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 12 }); // the 5 words of the reply, repeated
  const parts = [];
  for await (const part of await viaGateway.chat({ model: MODEL, messages: user('Hello'), stream: true })) parts.push(part);
  assert.equal(parts.length, 13, '12 content lines and the final line');
  assert.equal(parts.map((p) => p.message.content).join(''), `${REPLY} ${REPLY} Hello! How `);
  assert.equal(parts.at(-1).done, true);
  assert.equal(parts.at(-1).done_reason, 'stop');
  for (const p of parts.slice(0, -1)) assert.equal(p.done, false);

  // tool calls pass through in Ollama's shape (arguments an object, no translation)
  const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
  const withTools = [];
  for await (const part of await viaGateway.chat({ model: MODEL, messages: user('Tokyo?'), tools, stream: true })) withTools.push(part);
  const calls = withTools.flatMap((p) => p.message.tool_calls ?? []);
  assert.deepEqual(calls, [{ function: { name: 'get_weather', arguments: { city: 'Tokyo' } } }]);
});

test('generate() whole and streamed', async () => {
  const whole = await viaGateway.generate({ model: MODEL, prompt: 'Why is the sky blue?' });
  assert.equal(whole.response, GENERATE_TEXT);
  assert.deepEqual(whole.context, [1, 2, 3]);
  let text = '';
  for await (const part of await viaGateway.generate({ model: MODEL, prompt: 'Why is the sky blue?', stream: true })) text += part.response;
  assert.equal(text, GENERATE_TEXT);
});

test('embed() returns the fake\'s vectors', async () => {
  const input = ['Why is the sky blue?', 'Why is the grass green?'];
  const result = await viaGateway.embed({ model: MODEL, input });
  assert.equal(result.embeddings.length, 2);
  assert.deepEqual(result, await direct.embed({ model: MODEL, input }));
  const one = await viaGateway.embed({ model: MODEL, input: 'hello', dimensions: 3 });
  assert.equal(one.embeddings[0].length, 3);
});

test('a native error keeps its status and body: the client raises ResponseError 404', async () => {
  await assert.rejects(viaGateway.chat({ model: 'nope:1b', messages: user('hi') }), (err) => {
    assert.equal(err.name, 'ResponseError');
    assert.equal(err.status_code, 404);
    assert.equal(err.error, "model 'nope:1b' not found");
    return true;
  });
  await assert.rejects(viaGateway.show({ model: 'nope:1b' }), (err) => err.status_code === 404);
  const body = { model: 'nope:1b', messages: user('hi') };
  const [through, straight] = await Promise.all([
    httpRequest({ method: 'POST', url: `${gw.url}/api/chat`, body }),
    httpRequest({ method: 'POST', url: `${ollama.url}/api/chat`, body }),
  ]);
  assert.equal(through.status, straight.status);
  assert.equal(through.headers['content-type'], straight.headers['content-type']);
  assert.equal(through.body, straight.body);
});

test('response bytes unchanged: a streamed NDJSON body equals the fake\'s direct answer (timestamps aside)', async () => {
  const body = { model: MODEL, messages: user('Hello'), think: true };
  const [through, straight] = [
    await httpStream({ url: `${gw.url}/api/chat`, body }),
    await httpStream({ url: `${ollama.url}/api/chat`, body }),
  ];
  assert.equal(through.status, 200);
  assert.equal(through.headers['content-type'], 'application/x-ndjson');
  assert.equal(through.headers['content-type'], straight.headers['content-type']);
  assert.ok(through.lines.length > 5);
  assert.equal(withoutTimestamps(through.body), withoutTimestamps(straight.body));

  for (const [method, path, req] of [['GET', '/api/tags'], ['GET', '/api/version'], ['POST', '/api/show', { model: MODEL }],
    ['POST', '/api/chat', { model: MODEL, messages: user('Hello'), stream: false }]]) {
    const a = await httpRequest({ method, url: gw.url + path, body: req });
    const b = await httpRequest({ method, url: ollama.url + path, body: req });
    assert.equal(a.status, b.status, path);
    assert.equal(a.headers['content-type'], b.headers['content-type'], path);
    assert.equal(withoutTimestamps(a.body), withoutTimestamps(b.body), path);
  }
});

test('request bytes unchanged: odd spacing, unknown fields and even invalid JSON reach Ollama as sent', async () => {
  const text = '{ "model" :"llama3.2:latest",\n  "messages":[{"role":"user","content":"hi"}],"stream":false,  "x_custom":{"a":[1,2]} }';
  const r = await httpRequest({ method: 'POST', url: `${gw.url}/api/chat`, body: text, headers: { 'Content-Type': 'application/json' } });
  assert.equal(r.status, 200);
  const [native] = (await ollama.requests()).filter((q) => q.path === '/api/chat');
  assert.equal(Number(native.headers['content-length']), Buffer.byteLength(text), 'the same number of bytes');
  assert.deepEqual(native.body, JSON.parse(text));

  const broken = '{"model": "llama3.2", oops';
  const bad = await httpRequest({ method: 'POST', url: `${gw.url}/api/show`, body: broken, headers: { 'Content-Type': 'application/json' } });
  assert.equal(bad.status, 400, 'Ollama\'s own 400, passed on');
  const shows = (await ollama.requests()).filter((q) => q.path === '/api/show');
  assert.equal(shows.at(-1).body, broken, 'the fake logged the raw text it could not parse');
});

test('each native line is flushed as it arrives through the passthrough', async () => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 6, chunk_delay_ms: 200 });
  const r = await httpStream({ url: `${gw.url}/api/chat`, body: { model: MODEL, messages: user('Hello') } });
  assert.equal(r.lines.length, 7);
  const gaps = r.lines.slice(1).map((l, i) => l.t - r.lines[i].t);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  // buffering would deliver the lines together (gaps ~0); generous bounds for a loaded 2-core machine
  assert.ok(median >= 100, `median gap ${median.toFixed(0)} ms (gaps ${gaps.map((g) => g.toFixed(0)).join(', ')})`);
  assert.ok(r.lines.at(-1).t - r.lines[0].t >= 600, 'the lines spread over the fake\'s ~1.2 s');
});

test('abort() of a streamed chat aborts the request at Ollama', async () => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 100, chunk_delay_ms: 50 });
  const stream = await viaGateway.chat({ model: MODEL, messages: user('Hello'), stream: true });
  let seen = 0;
  let abortedAt = 0;
  await assert.rejects((async () => {
    for await (const part of stream) {
      void part;
      if (++seen === 3) { abortedAt = Date.now(); stream.abort(); }
    }
  })(), /abort/i);
  const entry = await waitFor(async () => (await ollama.requests()).find((q) => q.path === '/api/chat' && q.aborted),
    { timeoutMs: 5000, what: 'the fake to see the abort' });
  assert.ok(entry.lines_sent < 101, `${entry.lines_sent} lines sent of 101`);
  const latency = entry.closed_at - abortedAt;
  assert.ok(latency < 2000, `upstream closed ${latency} ms after the client's abort`);
});

test('mid-stream upstream death: the ollama client raises an error after every line sent (no hang)', async () => {
  // Repeated: whether lines get lost depends on how they and the close arrive at the gateway.
  const received = [];
  for (let i = 0; i < 6; i++) {
    await ollama.script({ path: '/api/chat', count: 1, die_after_chunks: 2, chunk_delay_ms: i % 2 ? 50 : 0 });
    const parts = [];
    const started = Date.now();
    await assert.rejects((async () => {
      for await (const part of await viaGateway.chat({ model: MODEL, messages: user('Hello'), stream: true })) parts.push(part);
    })());
    assert.ok(Date.now() - started < 10_000, 'no hang');
    received.push(parts.length);
  }
  assert.deepEqual(received, [2, 2, 2, 2, 2, 2], 'every line Ollama sent before dying reached the client');
});

test('mid-stream upstream death on the wire: every line sent, then a broken body (never a clean end), blamed on Ollama', async () => {
  const firstLog = gw.logs.length;
  const outcomes = [];
  const runs = 20;
  for (let i = 0; i < runs; i++) {
    await ollama.script({ path: '/api/chat', count: 1, die_after_chunks: 2, chunk_delay_ms: i % 2 ? 50 : 0 });
    const r = await httpStream({ url: `${gw.url}/api/chat`, body: { model: MODEL, messages: user('Hello') }, timeoutMs: 10_000 })
      .catch((e) => ({ status: null, lines: [], error: `no response: ${e.message}` }));
    outcomes.push(`${r.status} ${r.lines.length} lines ${r.error ? 'broken' : 'CLEAN END'}`);
  }
  const tally = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  assert.deepEqual(tally, { '200 2 lines broken': runs }, 'each run: status 200, both lines, then a truncated chunked body');
  // the access log blames Ollama, not the client
  const upstreamFailures = () => gw.logs.slice(firstLog).filter((o) => o.msg === 'request' && o.path === '/api/chat' && o.upstream_error);
  await waitFor(() => upstreamFailures().length === runs, { what: `${runs} access log lines with upstream_error` });
  for (const l of upstreamFailures()) {
    // Qt reports the cut either as a transport error or as an early end of the body; both blame Ollama.
    assert.match(l.upstream_error, /mid-response|before it was complete/);
    assert.equal(l.client_closed, undefined, 'the client did not close the connection');
  }
});

test('a native {"error"} line mid-stream passes through unchanged: the client raises it', async () => {
  await ollama.script({ path: '/api/chat', count: 1, midstream_error: 2, error: 'model runner crashed' });
  const before = [];
  await assert.rejects((async () => {
    for await (const part of await viaGateway.chat({ model: MODEL, messages: user('Hello'), stream: true })) before.push(part);
  })(), /model runner crashed/);
  assert.equal(before.length, 2);
});
