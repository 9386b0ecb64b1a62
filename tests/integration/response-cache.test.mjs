// The response cache over HTTP, with the real binary and the fake Ollama: X-Cache HIT/MISS/BYPASS, hits that never
// reach Ollama, a streamed hit replayed as SSE that the official `openai` client reads exactly like the original,
// a streamed miss stored and served whole, what is not stored, eviction, persistence across a restart, a corrupt
// cache file, concurrent identical requests, and GET/DELETE /v1/cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { startFakeOllama, startGateway, httpRequest, httpStream, parseSse, WEATHER_TOOL, user } from './lib/harness.mjs';

const MODEL = 'llama3.2:latest';
const REPLY = 'Hello! How are you today?'; // the fake's chat reply

let ollama;
let gw;
let client;

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0' } });
  client = openaiFor(gw);
});

after(async () => {
  assert.equal(await gw?.stop(), 0);
  await ollama?.stop();
});

function openaiFor(gateway) {
  return new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'sk-unused', maxRetries: 0 });
}

/** Native chat requests the fake received whose last message says `text`. */
async function upstreamCalls(text, nativePath = '/api/chat') {
  return (await ollama.requests()).filter((r) => r.path === nativePath && JSON.stringify(r.body).includes(text));
}

function chat(gateway, body, headers = {}) {
  return httpRequest({ method: 'POST', url: `${gateway.url}/v1/chat/completions`, body: { model: MODEL, ...body }, headers });
}

async function cacheStats(gateway) {
  const r = await httpRequest({ url: `${gateway.url}/v1/cache` });
  assert.equal(r.status, 200);
  return JSON.parse(r.body);
}

/** What a client makes of a stream of chat chunks: one id, the role, text, reasoning, tool calls, finish, usage. */
function foldChunks(chunks) {
  const ids = new Set(chunks.map((c) => c.id));
  assert.equal(ids.size, 1, 'all chunks share one id');
  assert.equal(new Set(chunks.map((c) => c.created)).size, 1, 'all chunks share one created');
  assert.deepEqual(chunks[0].choices[0].delta.role, 'assistant', 'the role chunk comes first');
  const calls = [];
  for (const c of chunks) {
    for (const call of c.choices[0]?.delta?.tool_calls ?? []) {
      calls[call.index] ??= { id: call.id, name: '', arguments: '' };
      calls[call.index].name += call.function?.name ?? '';
      calls[call.index].arguments += call.function?.arguments ?? '';
    }
  }
  return {
    id: [...ids][0],
    created: chunks[0].created,
    model: chunks[0].model,
    content: chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''),
    reasoning: chunks.map((c) => c.choices[0]?.delta?.reasoning ?? '').join(''),
    tool_calls: calls,
    finish_reason: chunks.map((c) => c.choices[0]?.finish_reason).filter(Boolean),
    usage: chunks.at(-1).usage ?? null,
  };
}

async function streamWithClient(body) {
  const { data: stream, response } = await client.chat.completions
    .create({ model: MODEL, stream: true, ...body })
    .withResponse();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { xCache: response.headers.get('x-cache'), ...foldChunks(chunks) };
}

// ------------------------------------------------------------------------------------------------------------------

test('MISS, then HIT without reaching Ollama; a new id and created; X-Cache on every answer', async () => {
  const first = await chat(gw, { messages: user('hit-miss: why is the sky blue?') });
  assert.equal(first.status, 200);
  assert.equal(first.headers['x-cache'], 'MISS');
  const second = await chat(gw, { messages: user('hit-miss: why is the sky blue?'), user: 'someone-else' });
  assert.equal(second.status, 200);
  assert.equal(second.headers['x-cache'], 'HIT');
  assert.equal((await upstreamCalls('hit-miss:')).length, 1, 'the hit never reached Ollama');

  const a = JSON.parse(first.body);
  const b = JSON.parse(second.body);
  assert.notEqual(b.id, a.id);
  assert.match(b.id, /^chatcmpl-/);
  assert.ok(b.created >= a.created);
  assert.deepEqual({ ...b, id: a.id, created: a.created }, a, 'the rest of the answer is the stored one');

  const other = await chat(gw, { messages: user('hit-miss: why is the sky blue?'), temperature: 0.1 });
  assert.equal(other.headers['x-cache'], 'MISS', 'a sampling option changes the key');
  const line = await gw.waitForLog((o) => o.msg === 'request' && o.request_id === second.headers['x-request-id']);
  assert.equal(line.cache, 'hit');
});

test('Cache-Control: no-cache skips the lookup and refreshes the entry; no-store neither reads nor stores', async () => {
  const messages = user('cache-control: tell me something');
  assert.equal((await chat(gw, { messages })).headers['x-cache'], 'MISS');

  await ollama.script({ path: '/api/chat', content: 'refreshed answer', count: 1 });
  const refreshed = await chat(gw, { messages }, { 'Cache-Control': 'no-cache' });
  assert.equal(refreshed.headers['x-cache'], 'BYPASS');
  assert.equal(JSON.parse(refreshed.body).choices[0].message.content, 'refreshed answer');

  await ollama.script({ path: '/api/chat', content: 'not to be kept', count: 1 });
  const unstored = await chat(gw, { messages }, { 'Cache-Control': 'max-age=0, No-Store' });
  assert.equal(unstored.headers['x-cache'], 'BYPASS');
  assert.equal(JSON.parse(unstored.body).choices[0].message.content, 'not to be kept');

  const hit = await chat(gw, { messages });
  assert.equal(hit.headers['x-cache'], 'HIT');
  assert.equal(JSON.parse(hit.body).choices[0].message.content, 'refreshed answer');
  assert.equal((await upstreamCalls('cache-control:')).length, 3);
});

test('a streamed hit is replayed as SSE, and the openai client reads it exactly as it read the original', async () => {
  for (const body of [
    { messages: user('replay: plain text'), stream_options: { include_usage: true } },
    { messages: user('replay: think first'), reasoning_effort: 'low' },
    { messages: user('replay: weather in Tokyo?'), tools: [WEATHER_TOOL], stream_options: { include_usage: true } },
  ]) {
    const original = await streamWithClient(body);
    const replay = await streamWithClient(body);
    assert.equal(original.xCache, 'MISS');
    assert.equal(replay.xCache, 'HIT');
    assert.notEqual(replay.id, original.id, 'a new response id');
    assert.match(replay.id, /^chatcmpl-/);
    assert.ok(replay.created >= original.created);
    const { id: _a, created: _b, xCache: _c, ...originalRest } = original;
    const { id: _d, created: _e, xCache: _f, ...replayRest } = replay;
    assert.deepEqual(replayRest, originalRest);
    assert.equal((await upstreamCalls(body.messages[0].content)).length, 1);
  }
  const tools = await streamWithClient({ messages: user('replay: weather in Tokyo?'), tools: [WEATHER_TOOL] });
  assert.equal(tools.tool_calls.length, 1);
  assert.match(tools.tool_calls[0].id, /^call_/);
  assert.deepEqual(JSON.parse(tools.tool_calls[0].arguments), { city: 'Tokyo' });
  assert.deepEqual(tools.finish_reason, ['tool_calls']);
  assert.equal(tools.usage, null, 'no usage chunk when this request did not ask for it');
  const thinking = await streamWithClient({ messages: user('replay: think first'), reasoning_effort: 'low' });
  assert.ok(thinking.reasoning.length > 0, 'the reasoning is replayed');
});

test('the raw replayed stream: text/event-stream, data frames, [DONE] last', async () => {
  const body = { model: MODEL, messages: user('raw replay'), stream: true };
  const miss = await httpStream({ url: `${gw.url}/v1/chat/completions`, body });
  const hit = await httpStream({ url: `${gw.url}/v1/chat/completions`, body });
  assert.equal(hit.status, 200);
  assert.equal(hit.headers['x-cache'], 'HIT');
  assert.match(hit.headers['content-type'], /^text\/event-stream/);
  const frames = parseSse(hit.body);
  assert.equal(frames.at(-1).data, '[DONE]');
  const text = (f) => parseSse(f.body).filter((x) => x.data && x.data !== '[DONE]')
    .map((x) => JSON.parse(x.data).choices[0]?.delta?.content ?? '').join('');
  assert.equal(text(hit), text(miss));
  assert.equal(text(hit), REPLY);
});

test('a streamed miss is stored when it completes, and then served to a non-streaming request', async () => {
  const streamed = await streamWithClient({ messages: user('stream then whole: weather?'), tools: [WEATHER_TOOL] });
  assert.equal(streamed.xCache, 'MISS');
  const { data: whole, response } = await client.chat.completions
    .create({ model: MODEL, messages: user('stream then whole: weather?'), tools: [WEATHER_TOOL] })
    .withResponse();
  assert.equal(response.headers.get('x-cache'), 'HIT');
  const message = whole.choices[0].message;
  assert.equal(message.content, streamed.content);
  assert.deepEqual(message.tool_calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })),
    streamed.tool_calls, 'the same tool calls, ids included');
  assert.equal(whole.choices[0].finish_reason, 'tool_calls');
  assert.equal(whole.usage.prompt_tokens, 169);

  const text = await streamWithClient({ messages: user('stream then whole: text') });
  const again = await client.chat.completions.create({ model: MODEL, messages: user('stream then whole: text') });
  assert.equal(again.choices[0].message.content, text.content);
  assert.equal((await upstreamCalls('stream then whole:')).length, 2);
});

test('text completions and embeddings are cached too', async () => {
  const completion = { model: MODEL, prompt: 'completion-cache: once upon a time' };
  const c1 = await httpRequest({ method: 'POST', url: `${gw.url}/v1/completions`, body: completion });
  const c2 = await httpStream({ url: `${gw.url}/v1/completions`, body: { ...completion, stream: true } });
  assert.equal(c1.headers['x-cache'], 'MISS');
  assert.equal(c2.headers['x-cache'], 'HIT');
  const streamedText = parseSse(c2.body).slice(0, -1).map((f) => JSON.parse(f.data).choices[0].text).join('');
  assert.equal(streamedText, JSON.parse(c1.body).choices[0].text);
  assert.equal((await upstreamCalls('completion-cache:', '/api/generate')).length, 1);

  const embed = { model: MODEL, input: 'embedding-cache: sky', encoding_format: 'float' };
  const e1 = await httpRequest({ method: 'POST', url: `${gw.url}/v1/embeddings`, body: embed });
  const e2 = await httpRequest({ method: 'POST', url: `${gw.url}/v1/embeddings`, body: embed });
  const e3 = await httpRequest({ method: 'POST', url: `${gw.url}/v1/embeddings`, body: { ...embed, encoding_format: 'base64' } });
  assert.deepEqual([e1.headers['x-cache'], e2.headers['x-cache'], e3.headers['x-cache']], ['MISS', 'HIT', 'MISS']);
  assert.deepEqual(JSON.parse(e2.body), JSON.parse(e1.body));
  assert.equal(typeof JSON.parse(e3.body).data[0].embedding, 'string');
  assert.equal((await upstreamCalls('embedding-cache:', '/api/embed')).length, 2);
});

test('only complete, successful answers are stored', async () => {
  await ollama.script({ path: '/api/chat', status: 500, count: 1 });
  const failed = await chat(gw, { messages: user('not stored: upstream error') });
  assert.ok(failed.status >= 500, `status ${failed.status}`);
  assert.equal(failed.headers['x-cache'], 'MISS');
  assert.equal((await chat(gw, { messages: user('not stored: upstream error') })).headers['x-cache'], 'MISS');

  await ollama.script({ path: '/api/chat', midstream_error: 2, count: 1 });
  const broken = await httpStream({ url: `${gw.url}/v1/chat/completions`, body: { model: MODEL, stream: true, messages: user('not stored: midstream') } });
  assert.ok(parseSse(broken.body).some((f) => f.data?.includes('"error"')), 'the stream ended with an error frame');
  assert.equal((await chat(gw, { messages: user('not stored: midstream') })).headers['x-cache'], 'MISS');

  await ollama.script({ path: '/api/chat', chunk_delay_ms: 100, count: 1 });
  const left = await httpStream({
    url: `${gw.url}/v1/chat/completions`, body: { model: MODEL, stream: true, messages: user('not stored: client left') }, abortAfterLines: 2,
  });
  assert.equal(left.aborted, true);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await chat(gw, { messages: user('not stored: client left') })).headers['x-cache'], 'MISS');
});

test('identical requests waiting in the model queue are served by the first one; only it reaches Ollama', async () => {
  await ollama.script({ path: '/api/chat', first_token_delay_ms: 400, count: 1 });
  const results = await Promise.all([
    chat(gw, { messages: user('concurrent: same question') }),
    ...[1, 2, 3].map(() => chat(gw, { messages: user('concurrent: same question') })),
    httpStream({ url: `${gw.url}/v1/chat/completions`, body: { model: MODEL, stream: true, messages: user('concurrent: same question') } }),
  ]);
  for (const r of results) assert.equal(r.status, 200);
  assert.deepEqual(results.map((r) => r.headers['x-cache']).sort(), ['HIT', 'HIT', 'HIT', 'HIT', 'MISS']);
  const contents = results.slice(0, 4).map((r) => JSON.parse(r.body).choices[0].message.content);
  assert.deepEqual(contents, Array(4).fill(REPLY));
  assert.equal(new Set(results.slice(0, 4).map((r) => JSON.parse(r.body).id)).size, 4, 'each answer has its own id');
  assert.equal((await upstreamCalls('concurrent:')).length, 1);
});

test('with MODEL_CONCURRENCY above 1, identical requests running at the same time each go upstream', async () => {
  const wide = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', MODEL_CONCURRENCY: '4' } });
  try {
    await ollama.script({ path: '/api/chat', first_token_delay_ms: 300, count: 3 });
    const results = await Promise.all([1, 2, 3].map(() => chat(wide, { messages: user('parallel: same question') })));
    assert.deepEqual(results.map((r) => r.headers['x-cache']), ['MISS', 'MISS', 'MISS']);
    assert.equal((await upstreamCalls('parallel:')).length, 3);
    assert.equal((await chat(wide, { messages: user('parallel: same question') })).headers['x-cache'], 'HIT');
    assert.equal((await cacheStats(wide)).entries, 1);
  } finally {
    assert.equal(await wide.stop(), 0);
  }
});

test('eviction: least recently used beyond CACHE_MAX_ENTRIES, and answers older than CACHE_TTL', async () => {
  const small = await startGateway({
    env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', CACHE_MAX_ENTRIES: '2', CACHE_TTL: '1s' },
  });
  try {
    const ask = async (q) => (await chat(small, { messages: user(`evict: ${q}`) })).headers['x-cache'];
    assert.deepEqual([await ask('a'), await ask('b'), await ask('a'), await ask('c')], ['MISS', 'MISS', 'HIT', 'MISS']);
    assert.equal((await cacheStats(small)).entries, 2);
    assert.equal(await ask('b'), 'MISS', 'b was the least recently used');
    assert.equal(await ask('c'), 'HIT');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await cacheStats(small)).entries, 0);
    assert.equal(await ask('c'), 'MISS', 'past its TTL');
  } finally {
    assert.equal(await small.stop(), 0);
  }
});

test('CACHE_ENABLED=false: every answer says BYPASS and reaches Ollama', async () => {
  const off = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', CACHE_ENABLED: 'false' } });
  try {
    for (let i = 0; i < 2; i++) assert.equal((await chat(off, { messages: user('disabled: q') })).headers['x-cache'], 'BYPASS');
    assert.equal((await upstreamCalls('disabled:')).length, 2);
    const stats = await cacheStats(off);
    assert.equal(stats.enabled, false);
    assert.equal(stats.entries, 0);
  } finally {
    assert.equal(await off.stop(), 0);
  }
});

test('GET /v1/cache counts entries, bytes, hits and misses; DELETE /v1/cache empties it', async () => {
  const fresh = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0' } });
  try {
    const empty = await cacheStats(fresh);
    assert.deepEqual(empty, {
      object: 'cache.stats', enabled: true, persistent: false, entries: 0, bytes: 0, hits: 0, misses: 0, hit_ratio: 0,
      max_entries: 1000, max_bytes: 64 * 1024 * 1024, ttl_seconds: 3600,
    });
    await chat(fresh, { messages: user('stats: one') });
    await chat(fresh, { messages: user('stats: one') });
    await chat(fresh, { messages: user('stats: one') });
    await chat(fresh, { messages: user('stats: two') });
    const stats = await cacheStats(fresh);
    assert.equal(stats.entries, 2);
    assert.ok(stats.bytes > 2 * 64 && stats.bytes < 4096, `bytes ${stats.bytes}`);
    assert.equal(stats.hits, 2);
    assert.equal(stats.misses, 2);
    assert.equal(stats.hit_ratio, 0.5);

    const cleared = await httpRequest({ method: 'DELETE', url: `${fresh.url}/v1/cache` });
    assert.equal(cleared.status, 200);
    const after = JSON.parse(cleared.body);
    assert.equal(after.cleared, 2);
    assert.equal(after.entries, 0);
    assert.equal(after.bytes, 0);
    assert.equal(after.hits, 2, 'counters survive a clear');
    assert.equal((await chat(fresh, { messages: user('stats: one') })).headers['x-cache'], 'MISS');
    assert.equal((await httpRequest({ method: 'POST', url: `${fresh.url}/v1/cache` })).status, 405);
  } finally {
    assert.equal(await fresh.stop(), 0);
  }
});

test('CACHE_PERSIST: the cache survives a restart of the binary, in the app data folder', async () => {
  const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-cache-data-'));
  const env = { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', XDG_DATA_HOME: dataHome };
  const file = path.join(dataHome, 'LlamaGate', 'LlamaGate', 'response-cache.ndjson');
  try {
    const notPersistent = await startGateway({ env });
    await chat(notPersistent, { messages: user('persist: default off') });
    assert.equal(await notPersistent.stop(), 0);
    assert.equal(fs.existsSync(file), false, 'persistence is off by default (headless)');

    const first = await startGateway({ env: { ...env, CACHE_PERSIST: 'true' } });
    assert.equal((await chat(first, { messages: user('persist: remember me') })).headers['x-cache'], 'MISS');
    const streamed = await httpStream({ url: `${first.url}/v1/chat/completions`, body: { model: MODEL, stream: true, messages: user('persist: streamed') } });
    assert.equal(streamed.headers['x-cache'], 'MISS');
    assert.equal((await cacheStats(first)).persistent, true);
    assert.equal(await first.stop(), 0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { format: 'llamagate-response-cache', version: 1 });
    assert.equal(lines.length, 3);

    const second = await startGateway({ env: { ...env, CACHE_PERSIST: 'true' } });
    try {
      const hit = await chat(second, { messages: user('persist: remember me') });
      assert.equal(hit.headers['x-cache'], 'HIT');
      assert.equal(JSON.parse(hit.body).choices[0].message.content, REPLY);
      const streamHit = await httpStream({ url: `${second.url}/v1/chat/completions`, body: { model: MODEL, stream: true, messages: user('persist: streamed') } });
      assert.equal(streamHit.headers['x-cache'], 'HIT');
      assert.equal((await upstreamCalls('persist: remember me')).length, 1);
      assert.equal((await upstreamCalls('persist: streamed')).length, 1);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  } finally {
    fs.rmSync(dataHome, { recursive: true, force: true });
  }
});

test('a corrupt cache file at start is set aside with a warning; the gateway starts and caches anew', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-cache-file-'));
  const file = path.join(dir, 'cache.ndjson');
  fs.writeFileSync(file, '{"format":"llamagate-response-cache","version":1}\n{"key":"not a key"\n');
  try {
    const gateway = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', CACHE_PERSIST: 'true', CACHE_FILE: file } });
    const warning = await gateway.waitForLog((o) => o.msg === 'response cache file set aside');
    assert.equal(warning.level, 'warn');
    assert.equal(warning.path, file);
    assert.match(warning.moved_to, /cache\.ndjson\.bad-/);
    assert.equal(fs.readFileSync(warning.moved_to, 'utf8'), '{"format":"llamagate-response-cache","version":1}\n{"key":"not a key"\n');
    assert.equal((await chat(gateway, { messages: user('after corrupt file') })).headers['x-cache'], 'MISS');
    assert.equal((await chat(gateway, { messages: user('after corrupt file') })).headers['x-cache'], 'HIT');
    assert.equal(await gateway.stop(), 0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2, 'a fresh, valid file with one entry');
    assert.equal(JSON.parse(lines[1]).key.length, 64);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
