// Flow control of the inference routes, against the real binary and the fake Ollama: client disconnects abort the
// upstream request, mid-stream upstream failures end in an SSE error frame (never a hang), keep-alive comments while
// the first token is slow, frames flushed as the native lines arrive, and the bounded per-model queue (concurrency
// really reached above Qt's 6 connections per QNetworkAccessManager, and never exceeded).
//
// Timing checks are generous bounds only (2 cores, tests run in parallel); the measured numbers are printed as
// test diagnostics.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { startFakeOllama, startGateway, httpRequest, httpStream, parseSse, waitFor, user } from './lib/harness.mjs';

const MODEL = 'llama3.2:latest';
const REPLY = 'Hello! How are you today?';
const KEEPALIVE_MS = 300;
const chatBody = (extra = {}) => ({ model: MODEL, messages: user('Hello'), ...extra });

let ollama;
let gw; // MODEL_CONCURRENCY 1 (the default), STREAM_KEEPALIVE 300 ms

const openaiFor = (gateway, options = {}) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'sk-unused', ...options });

/** The fake's log entries of one native path. */
const nativeRequests = async (path = '/api/chat') => (await ollama.requests()).filter((r) => r.path === path);

function startGw(env = {}) {
  // CACHE_ENABLED off: repeated identical requests must reach the (scripted) fake, not the response cache
  return startGateway({
    env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', STREAM_KEEPALIVE: `${KEEPALIVE_MS}ms`, CACHE_ENABLED: 'false', ...env },
  });
}

/** Data frames (parsed JSON, or the string '[DONE]') of an SSE body. */
const dataFrames = (body) => parseSse(body).filter((f) => f.data !== null)
  .map((f) => (f.data === '[DONE]' ? '[DONE]' : JSON.parse(f.data)));

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGw();
});

after(async () => {
  assert.equal(await gw?.stop(), 0);
  await ollama?.stop();
});

beforeEach(async () => { await ollama.reset(); });

// ------------------------------------------------------------------------------------------------------------------
// client disconnects

test('a client that disconnects mid-stream aborts the upstream request promptly', async (t) => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 100, chunk_delay_ms: 50 });
  const t0 = Date.now();
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }), abortAfterLines: 4 });
  const abortedAt = t0 + r.lines.at(-1).t;
  assert.equal(r.status, 200);
  assert.equal(r.aborted, true);
  const entry = await waitFor(async () => (await nativeRequests()).find((q) => q.aborted), { what: 'the fake to see the abort' });
  const latency = entry.closed_at - abortedAt;
  t.diagnostic(`raw client: upstream closed ${latency} ms after the client hung up; ${entry.lines_sent} of 101 lines sent`);
  assert.ok(latency < 2000, `upstream closed ${latency} ms after the client`);
  assert.ok(entry.lines_sent < 50, `${entry.lines_sent} lines sent`);
  const line = await gw.waitForLog((o) => o.msg === 'request' && o.aborted_upstream === true);
  assert.equal(line.client_closed, true);
});

test('breaking out of the SDK\'s stream iteration aborts the upstream request', async (t) => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 100, chunk_delay_ms: 50 });
  const stream = await openaiFor(gw).chat.completions.create(chatBody({ stream: true }));
  let n = 0;
  let brokeAt = 0;
  for await (const chunk of stream) {
    void chunk;
    if (++n === 3) { brokeAt = Date.now(); break; } // the SDK aborts its request on break
  }
  const entry = await waitFor(async () => (await nativeRequests()).find((q) => q.aborted), { what: 'the fake to see the abort' });
  const latency = entry.closed_at - brokeAt;
  t.diagnostic(`openai SDK break: upstream closed ${latency} ms later`);
  assert.ok(latency < 2000, `upstream closed ${latency} ms after the break`);
});

test('a client leaving while the first token is slow (keep-alive phase) aborts upstream', async () => {
  await ollama.script({ path: '/api/chat', count: 1, delay_ms: 10_000 });
  const t0 = Date.now();
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }), abortAfterLines: 1 });
  assert.equal(r.lines[0].text, ': keep-alive');
  const entry = await waitFor(async () => (await nativeRequests()).find((q) => q.aborted), { what: 'the fake to see the abort' });
  assert.ok(entry.closed_at - (t0 + r.lines[0].t) < 2000);
  assert.equal(entry.status, null, 'the fake never answered');
});

test('a client leaving a non-streaming request aborts upstream too', async (t) => {
  await ollama.script({ path: '/api/chat', count: 1, delay_ms: 10_000 });
  const t0 = Date.now();
  await assert.rejects(httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody(), timeoutMs: 300 }), /timed out/);
  const gone = t0 + 300;
  const entry = await waitFor(async () => (await nativeRequests()).find((q) => q.aborted),
    { timeoutMs: 5000, what: 'the fake to see the non-streaming request aborted' });
  t.diagnostic(`non-streaming: upstream closed ${entry.closed_at - gone} ms after the client`);
  assert.ok(entry.closed_at - gone < 2000);
});

test('a client leaving while queued never reaches Ollama', async () => {
  await ollama.script({ path: '/api/chat', count: 1, delay_ms: 1500 });
  const holder = httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody() });
  await waitFor(async () => (await ollama.stats()).in_flight === 1, { what: 'the slot holder at the fake' });
  // waits for the slot (MODEL_CONCURRENCY 1), then gives up
  await assert.rejects(httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody({ messages: user('queued') }), timeoutMs: 300 }));
  assert.equal((await holder).status, 200);
  // a third request after the slot freed is served next
  const third = await httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody({ messages: user('third') }) });
  assert.equal(third.status, 200);
  const contents = (await nativeRequests()).map((q) => q.body.messages[0].content);
  assert.deepEqual(contents, ['Hello', 'third'], 'the abandoned request was never sent upstream');
});

// ------------------------------------------------------------------------------------------------------------------
// upstream failures mid-stream

test('mid-stream upstream death: an SSE error frame, and the SDK raises APIError (no hang)', async () => {
  await ollama.script({ path: '/api/chat', count: 1, die_after_chunks: 3 });
  const started = Date.now();
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }), timeoutMs: 10_000 });
  assert.equal(r.error, null, 'the SSE response ended properly');
  assert.ok(Date.now() - started < 5000);
  const frames = dataFrames(r.body);
  const last = frames.at(-1);
  assert.notEqual(last, '[DONE]', 'no [DONE] after a failure');
  assert.deepEqual(Object.keys(last), ['error']);
  assert.equal(last.error.type, 'api_error');
  assert.equal(typeof last.error.message, 'string');
  assert.ok('param' in last.error && 'code' in last.error);
  // the lines Ollama sent before dying were relayed: role chunk + 3 content deltas
  assert.equal(frames.slice(0, -1).map((f) => f.choices[0].delta.content).join(''), 'Hello! How are ');

  for (const dieAfter of [3, 0]) {
    await ollama.script({ path: '/api/chat', count: 1, die_after_chunks: dieAfter });
    let text = '';
    const t0 = Date.now();
    await assert.rejects((async () => {
      const stream = await openaiFor(gw, { maxRetries: 0 }).chat.completions.create(chatBody({ stream: true }));
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })(), (err) => {
      assert.ok(err instanceof OpenAI.APIError, `${err.constructor.name}: ${err.message}`);
      assert.ok(!(err instanceof OpenAI.APIConnectionError), 'an error frame, not a broken connection');
      return true;
    });
    assert.ok(Date.now() - t0 < 5000, 'no hang');
    assert.equal(text, dieAfter === 3 ? 'Hello! How are ' : '');
  }
});

test('a native mid-stream {"error"} line becomes an SSE error frame carrying its message', async () => {
  await ollama.script({ path: '/api/chat', count: 1, midstream_error: 2, error: 'CUDA error: out of memory' });
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }) });
  assert.equal(r.status, 200);
  const frames = dataFrames(r.body);
  assert.deepEqual(frames.at(-1), { error: { message: 'CUDA error: out of memory', type: 'api_error', param: null, code: null } });
  assert.equal(frames.filter((f) => f === '[DONE]').length, 0);

  await ollama.script({ path: '/api/chat', count: 1, midstream_error: 2, error: 'CUDA error: out of memory' });
  let text = '';
  await assert.rejects((async () => {
    const stream = await openaiFor(gw).chat.completions.create(chatBody({ stream: true }));
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  })(), (err) => err instanceof OpenAI.APIError && /CUDA error: out of memory/.test(err.message));
  assert.equal(text, 'Hello! How ');

  // the same through /v1/completions (native /api/generate)
  await ollama.script({ path: '/api/generate', count: 1, midstream_error: 1, error: 'generate broke' });
  const c = await httpStream({ url: `${gw.url}/v1/completions`, body: { model: MODEL, prompt: 'sky?', stream: true } });
  assert.deepEqual(dataFrames(c.body).at(-1), { error: { message: 'generate broke', type: 'api_error', param: null, code: null } });
});

// ------------------------------------------------------------------------------------------------------------------
// keep-alive and flushing

test('a slow first token: keep-alive comments before the first data frame, and the SDK still works', async (t) => {
  // headers at once, first line late (first_token_delay_ms) and headers late too (delay_ms, like a cold load)
  for (const knob of ['first_token_delay_ms', 'delay_ms']) {
    await ollama.script({ path: '/api/chat', count: 1, [knob]: 1500 });
    const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }) });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^text\/event-stream/);
    const firstData = r.lines.findIndex((l) => l.text.startsWith('data:'));
    const comments = r.lines.slice(0, firstData);
    t.diagnostic(`${knob} 1500: ${comments.length} keep-alive comments at ${comments.map((c) => c.t.toFixed(0)).join(', ')} ms; first data at ${r.lines[firstData].t.toFixed(0)} ms; ttfb ${r.ttfb.toFixed(0)} ms`);
    assert.ok(comments.length >= 2, `${comments.length} comments before the first data frame`);
    for (const c of comments) assert.equal(c.text, ': keep-alive');
    assert.ok(comments[0].t < 1200, `first comment at ${comments[0].t.toFixed(0)} ms, before the token`);
    assert.ok(r.ttfb < 1200, 'the response started before the first token');
    const frames = dataFrames(r.body);
    assert.equal(frames.at(-1), '[DONE]');
    assert.equal(frames.slice(0, -1).map((f) => f.choices[0]?.delta?.content ?? '').join(''), REPLY);
  }

  await ollama.script({ path: '/api/chat', count: 1, first_token_delay_ms: 1000 });
  const final = await openaiFor(gw).chat.completions.stream(chatBody()).finalChatCompletion();
  assert.equal(final.choices[0].message.content, REPLY);
});

test('a model that is not found after a slow start still ends with an error the SDK raises', async () => {
  // the keep-alive already committed the response to 200 SSE; the late 404 must become an error frame
  await ollama.script({ path: '/api/chat', count: 1, delay_ms: 800, status: 404, error: "model 'llama3.2:latest' not found" });
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }) });
  assert.equal(r.status, 200);
  const last = dataFrames(r.body).at(-1);
  assert.match(last.error?.message ?? '', /llama3\.2:latest/);
  assert.equal(last.error.type, 'api_error');

  await ollama.script({ path: '/api/chat', count: 1, delay_ms: 800, status: 404, error: "model 'llama3.2:latest' not found" });
  await assert.rejects((async () => {
    const stream = await openaiFor(gw).chat.completions.create(chatBody({ stream: true }));
    for await (const chunk of stream) void chunk;
  })(), (err) => err instanceof OpenAI.APIError && /llama3\.2:latest/.test(err.message));
});

test('each SSE frame is flushed as its native line arrives (chunk_delay_ms 200)', async (t) => {
  await ollama.script({ path: '/api/chat', count: 1, chunks: 6, chunk_delay_ms: 200 });
  const r = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: chatBody({ stream: true }) });
  const content = r.lines.filter((l) => /"content":"[^"]/.test(l.text));
  assert.equal(content.length, 6);
  const gaps = content.slice(1).map((l, i) => l.t - content[i].t);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  t.diagnostic(`inter-arrival of content frames: ${gaps.map((g) => g.toFixed(0)).join(', ')} ms (fake: 200 ms)`);
  // buffered frames would arrive together (gaps ~0)
  assert.ok(median >= 120 && median <= 1000, `median gap ${median.toFixed(0)} ms`);
  assert.ok(content.at(-1).t - content[0].t >= 600, 'the frames spread over the fake\'s ~1 s');
  // nothing is held back until the end: the first content frame came long before the stream ended
  assert.ok(r.lines.at(-1).t - content[0].t >= 600);
});

// ------------------------------------------------------------------------------------------------------------------
// the per-model queue

test('MODEL_CONCURRENCY=2: 5 parallel slow requests all succeed, at most 2 at Ollama', async (t) => {
  const q2 = await startGw({ MODEL_CONCURRENCY: '2' });
  try {
    await ollama.script({ path: '/api/chat', delay_ms: 600 });
    const client = openaiFor(q2, { maxRetries: 0 });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      client.chat.completions.create(chatBody({ messages: user(`q${i}`) }))));
    const elapsed = Date.now() - started;
    for (const r of results) assert.equal(r.choices[0].message.content, REPLY);
    const stats = await ollama.stats();
    t.diagnostic(`5 requests, concurrency 2: max_in_flight ${stats.max_in_flight}, ${elapsed} ms`);
    assert.equal(stats.total, 5);
    assert.equal(stats.max_in_flight, 2);
    assert.ok(elapsed >= 3 * 600 * 0.9, `three rounds of 600 ms took ${elapsed} ms`);

    // streams hold their slot until they end
    await ollama.reset();
    await ollama.script({ path: '/api/chat', chunks: 5, chunk_delay_ms: 100 });
    const streams = await Promise.all(Array.from({ length: 4 }, () =>
      httpStream({ url: `${q2.url}/v1/chat/completions`, body: chatBody({ stream: true }) })));
    for (const s of streams) assert.equal(dataFrames(s.body).at(-1), '[DONE]');
    assert.equal((await ollama.stats()).max_in_flight, 2);
  } finally {
    assert.equal(await q2.stop(), 0);
  }
});

test('MODEL_CONCURRENCY=10: 10 parallel slow requests are all at Ollama at once (more than 6 connections)', async (t) => {
  const q10 = await startGw({ MODEL_CONCURRENCY: '10' });
  try {
    await ollama.script({ path: '/api/chat', delay_ms: 1500 });
    const client = openaiFor(q10, { maxRetries: 0 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      client.chat.completions.create(chatBody({ messages: user(`p${i}`) }))));
    for (const r of results) assert.equal(r.choices[0].message.content, REPLY);
    let stats = await ollama.stats();
    t.diagnostic(`openai routes: max_in_flight ${stats.max_in_flight} of 10`);
    assert.equal(stats.max_in_flight, 10);

    // the same through the native passthrough
    await ollama.clearRequests();
    const native = await Promise.all(Array.from({ length: 10 }, (_, i) => httpRequest({
      method: 'POST', url: `${q10.url}/api/chat`, body: chatBody({ messages: user(`n${i}`), stream: false }),
    })));
    for (const r of native) assert.equal(r.status, 200);
    stats = await ollama.stats();
    t.diagnostic(`passthrough: max_in_flight ${stats.max_in_flight} of 10`);
    assert.equal(stats.max_in_flight, 10);
  } finally {
    assert.equal(await q10.stop(), 0);
  }
});

test('the queue is per model: another model is not held up, and the passthrough shares the queue', async () => {
  await ollama.script({ path: '/api/chat', delay_ms: 800 });
  // one /v1 and one native request for the same model: one at a time (MODEL_CONCURRENCY 1)
  await Promise.all([
    httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody() }),
    httpRequest({ method: 'POST', url: `${gw.url}/api/chat`, body: chatBody({ stream: false }) }),
  ]);
  assert.equal((await ollama.stats()).max_in_flight, 1, 'the passthrough waits in the same queue');

  // two different models run side by side
  await ollama.clearRequests();
  await Promise.all([
    httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody() }),
    httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody({ model: 'deepseek-r1:latest' }) }),
  ]);
  assert.equal((await ollama.stats()).max_in_flight, 2);
});

test('a model named without its tag shares the queue of name:latest (the same model at Ollama)', async () => {
  await ollama.script({ path: '/api/chat', delay_ms: 800 });
  const results = await Promise.all([
    httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody({ model: 'llama3.2' }) }),
    httpRequest({ method: 'POST', url: `${gw.url}/v1/chat/completions`, body: chatBody({ model: 'llama3.2:latest' }) }),
  ]);
  for (const r of results) assert.equal(r.status, 200);
  assert.equal((await ollama.stats()).max_in_flight, 1, 'MODEL_CONCURRENCY 1 holds for one model under two names');
});

test('queue full through the passthrough: 429 with Retry-After and retry-after-ms', async () => {
  const full = await startGw({ MODEL_QUEUE_DEPTH: '0' });
  try {
    await ollama.script({ path: '/api/chat', count: 1, hang: true });
    // the holder gives up after 1.5 s (the fake hangs until then); its rejection is expected
    const holder = httpStream({ url: `${full.url}/api/chat`, body: chatBody(), timeoutMs: 1500 }).catch((e) => e);
    await waitFor(async () => (await ollama.stats()).in_flight === 1, { what: 'the slot holder at the fake' });
    const r = await httpRequest({ method: 'POST', url: `${full.url}/api/chat`, body: chatBody({ stream: false }) });
    assert.equal(r.status, 429);
    assert.match(r.headers['retry-after'], /^\d+$/);
    assert.match(r.headers['retry-after-ms'], /^\d+$/);
    assert.equal(JSON.parse(r.body).error.type, 'rate_limit_error');
    await holder;
  } finally {
    assert.equal(await full.stop(), 0);
  }
});

test('one slot, no queue: back-to-back requests of every kind each get the slot the last one freed', async () => {
  // The slot is freed as soon as each answer has been handled, not when the server later does its bookkeeping:
  // with MODEL_CONCURRENCY 1 and MODEL_QUEUE_DEPTH 0, a client sending one request after another never sees 429.
  const one = await startGw({ MODEL_QUEUE_DEPTH: '0' });
  try {
    await ollama.script({ path: '/api/chat', count: 1, status: 500 });
    const sequence = [
      ['chat, upstream 500', { url: `${one.url}/v1/chat/completions`, body: chatBody() }, 500],
      ['chat', { url: `${one.url}/v1/chat/completions`, body: chatBody() }, 200],
      ['chat streamed', { url: `${one.url}/v1/chat/completions`, body: chatBody({ stream: true }) }, 200],
      ['completion', { url: `${one.url}/v1/completions`, body: { model: MODEL, prompt: 'Hi' } }, 200],
      ['embeddings', { url: `${one.url}/v1/embeddings`, body: { model: MODEL, input: 'Hi' } }, 200],
      ['passthrough', { url: `${one.url}/api/chat`, body: chatBody({ stream: false }) }, 200],
      ['chat again', { url: `${one.url}/v1/chat/completions`, body: chatBody() }, 200],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [what, request, status] of sequence) {
        if (round > 0 && status !== 200) continue;
        const r = await httpRequest({ method: 'POST', ...request });
        assert.equal(r.status, status, `${what} (round ${round + 1}): ${r.body.slice(0, 200)}`);
      }
    }
  } finally {
    assert.equal(await one.stop(), 0);
  }
});

test('no gateway stream outlives its client: nothing in flight at Ollama afterwards', async () => {
  // several streams abandoned at different points, then the fake must see every one closed
  await ollama.script({ path: '/api/chat', chunks: 100, chunk_delay_ms: 30 });
  const q = await startGw({ MODEL_CONCURRENCY: '4' });
  try {
    await Promise.all([1, 2, 5, 9].map((n) =>
      httpStream({ url: `${q.url}/v1/chat/completions`, body: chatBody({ stream: true }), abortAfterLines: n })));
    await waitFor(async () => (await ollama.stats()).in_flight === 0, { timeoutMs: 5000, what: 'all upstream requests closed' });
    const stats = await ollama.stats();
    assert.equal(stats.aborted, 4);
    // the slots were freed: a new request runs at once
    const r = await httpRequest({ method: 'POST', url: `${q.url}/v1/chat/completions`, body: chatBody({ stream: false }) });
    assert.equal(r.status, 200);
  } finally {
    assert.equal(await q.stop(), 0);
  }
});
