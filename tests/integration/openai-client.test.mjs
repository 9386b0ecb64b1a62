// The official `openai` npm client (pinned in tests/package.json) against the real binary and the fake Ollama:
// chat (whole, streamed, the stream helper), tool calls, usage, models, embeddings, text completions, and errors
// surfacing as the SDK's own classes — including 429 after the SDK's own retries and a retry that succeeds.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import OpenAI from 'openai';
import { startFakeOllama, startGateway, httpRequest, httpStream, parseSse, waitFor, WEATHER_TOOL, user } from './lib/harness.mjs';

const MODEL = 'llama3.2:latest';
const REPLY = 'Hello! How are you today?'; // chat-nonstream.json, the fake's chat reply
const GENERATE_TEXT = 'The sky is blue because it is the color of the sky.'; // the fake's /api/generate reply

let ollama;
let gw;
let client;
let sent; // the SDK's requests as they left it: { method, url, body }

/** An OpenAI client for a gateway; every request it sends is recorded in `log` (retries included). */
function openaiFor(gateway, log = [], options = {}) {
  return new OpenAI({
    baseURL: `${gateway.url}/v1`,
    apiKey: 'sk-unused', // the gateway runs without API_KEY; the SDK insists on one
    fetch: async (url, init) => {
      log.push({ method: init?.method, url: String(url), body: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
      return fetch(url, init);
    },
    ...options,
  });
}

/** The gateway's access log line of one request. */
const logOf = (gateway, requestId) => gateway.waitForLog((o) => o.msg === 'request' && o.request_id === requestId);

/** Native requests the fake received for a path. */
const nativeRequests = async (path) => (await ollama.requests()).filter((r) => r.path === path);

async function closedPort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

before(async () => {
  ollama = await startFakeOllama();
  // CACHE_ENABLED off: repeated identical requests must reach the (scripted) fake, not the response cache
  gw = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', CACHE_ENABLED: 'false' } });
  sent = [];
  client = openaiFor(gw, sent);
});

after(async () => {
  assert.equal(await gw?.stop(), 0);
  await ollama?.stop();
});

beforeEach(async () => {
  await ollama.reset();
  sent.length = 0;
});

// ------------------------------------------------------------------------------------------------------------------
// chat completions

test('chat.completions.create (non-streaming) returns the fake\'s reply; _request_id is the logged X-Request-ID', async () => {
  const completion = await client.chat.completions.create({ model: MODEL, messages: user('Hello') });
  assert.equal(completion.object, 'chat.completion');
  assert.match(completion.id, /^chatcmpl-/);
  assert.equal(completion.model, MODEL);
  assert.ok(Number.isInteger(completion.created));
  assert.equal(completion.choices.length, 1);
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.equal(completion.choices[0].message.content, REPLY);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  const words = REPLY.split(' ').length;
  assert.deepEqual(completion.usage, { prompt_tokens: 26, completion_tokens: words, total_tokens: 26 + words });

  assert.match(completion._request_id, /\S/);
  const line = await logOf(gw, completion._request_id);
  assert.equal(line.path, '/v1/chat/completions');
  assert.equal(line.status, 200);

  const [native] = await nativeRequests('/api/chat');
  assert.equal(native.body.stream, false, 'native stream is always sent explicitly');
  assert.deepEqual(native.body.messages, [{ role: 'user', content: 'Hello' }]);
});

test('a client\'s own X-Request-ID is kept and surfaces as _request_id', async () => {
  const tagged = openaiFor(gw, [], { defaultHeaders: { 'X-Request-ID': 'client-chosen-id-42' } });
  const completion = await tagged.chat.completions.create({ model: MODEL, messages: user('Hello') });
  assert.equal(completion._request_id, 'client-chosen-id-42');
  assert.equal((await logOf(gw, 'client-chosen-id-42')).path, '/v1/chat/completions');
});

test('two completions get different ids', async () => {
  const a = await client.chat.completions.create({ model: MODEL, messages: user('a') });
  const b = await client.chat.completions.create({ model: MODEL, messages: user('b') });
  assert.notEqual(a.id, b.id);
  assert.notEqual(a._request_id, b._request_id);
});

test('create({stream:true}): role chunk first, deltas join to the reply, finish_reason, [DONE] ends it', async () => {
  const { data: stream, request_id: requestId } = await client.chat.completions
    .create({ model: MODEL, messages: user('Hello'), stream: true })
    .withResponse();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);

  assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
  assert.deepEqual(chunks[0].choices[0].delta, { role: 'assistant', content: '' });
  for (const c of chunks.slice(1)) assert.equal(c.choices[0]?.delta?.role, undefined, 'role only in the first chunk');
  const ids = new Set(chunks.map((c) => c.id));
  assert.equal(ids.size, 1, 'all chunks share one id');
  assert.match([...ids][0], /^chatcmpl-/);
  for (const c of chunks) {
    assert.equal(c.object, 'chat.completion.chunk');
    assert.equal(c.model, MODEL);
    assert.equal(c.created, chunks[0].created);
  }
  assert.equal(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''), REPLY);
  const last = chunks.at(-1);
  assert.equal(last.choices[0].finish_reason, 'stop');
  assert.deepEqual(last.choices[0].delta, {});
  for (const c of chunks.slice(0, -1)) assert.equal(c.choices[0].finish_reason, null);
  assert.equal(last.usage, undefined, 'no usage chunk unless include_usage');

  const line = await logOf(gw, requestId);
  assert.equal(line.stream, true);
  assert.equal(line.status, 200);
  const [native] = await nativeRequests('/api/chat');
  assert.equal(native.body.stream, true);
});

test('the raw stream behind the SDK: text/event-stream, one data frame per chunk, [DONE] last', async () => {
  const r = await httpStream({
    url: `${gw.url}/v1/chat/completions`,
    body: { model: MODEL, messages: user('Hello'), stream: true },
  });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/event-stream/);
  assert.equal(r.headers['cache-control'], 'no-cache');
  const frames = parseSse(r.body).filter((f) => f.data !== null);
  assert.equal(frames.at(-1).data, '[DONE]');
  assert.equal(frames.filter((f) => f.data === '[DONE]').length, 1);
  const words = REPLY.split(' ').length;
  // role chunk + one per native content line + finish chunk
  assert.equal(frames.length - 1, 1 + words + 1);
});

test('chat.completions.stream() with finalChatCompletion() assembles the message', async () => {
  const stream = client.chat.completions.stream({ model: MODEL, messages: user('Hello') });
  let fromEvents = '';
  stream.on('content', (delta) => { fromEvents += delta; });
  const final = await stream.finalChatCompletion();
  assert.equal(final.choices[0].message.content, REPLY);
  assert.equal(final.choices[0].message.role, 'assistant');
  assert.equal(final.choices[0].finish_reason, 'stop');
  assert.equal(fromEvents, REPLY);
  assert.equal(await stream.finalContent(), REPLY);
});

test('tool calls, non-streaming: generated call_ ids, arguments a JSON string, finish_reason tool_calls', async () => {
  const completion = await client.chat.completions.create({
    model: MODEL, messages: user('Weather in Tokyo?'), tools: [WEATHER_TOOL],
  });
  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.tool_calls.length, 1);
  const [call] = choice.message.tool_calls;
  assert.match(call.id, /^call_[A-Za-z0-9]+$/);
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.equal(typeof call.function.arguments, 'string');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Tokyo' });
  const [native] = await nativeRequests('/api/chat');
  assert.deepEqual(native.body.tools, [WEATHER_TOOL]);

  // a tool-call id that Ollama (>= 0.12.10) sends is kept
  await ollama.script({
    path: '/api/chat', count: 1,
    tool_calls: [{ id: 'call_fromollama1', function: { name: 'get_weather', arguments: { city: 'Oslo' } } }],
  });
  const again = await client.chat.completions.create({ model: MODEL, messages: user('Oslo?'), tools: [WEATHER_TOOL] });
  assert.equal(again.choices[0].message.tool_calls[0].id, 'call_fromollama1');
  assert.deepEqual(JSON.parse(again.choices[0].message.tool_calls[0].function.arguments), { city: 'Oslo' });
});

test('tool calls, streaming: the SDK stream helper assembles them (integer index, arguments JSON strings)', async () => {
  const calls = [
    { function: { name: 'get_weather', arguments: { city: 'Tokyo' } } },
    { function: { name: 'get_weather', arguments: { city: 'Paris', unit: 'C' } } },
    { function: { name: 'get_time', arguments: { zone: 'UTC' } } },
  ];
  // each call on its own native line (as newer Ollama sends them): the index must keep running across lines
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: calls, split_tool_calls: true });
  const stream = client.chat.completions.stream({ model: MODEL, messages: user('Weather?'), tools: [WEATHER_TOOL] });
  const deltas = [];
  stream.on('chunk', (chunk) => { for (const tc of chunk.choices[0]?.delta?.tool_calls ?? []) deltas.push(tc); });
  const final = await stream.finalChatCompletion();
  assert.deepEqual(deltas.map((d) => d.index), [0, 1, 2]);
  for (const d of deltas) {
    assert.ok(Number.isInteger(d.index));
    assert.equal(typeof d.function.arguments, 'string');
  }
  const message = final.choices[0].message;
  assert.equal(final.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(message.tool_calls.map((c) => c.function.name), ['get_weather', 'get_weather', 'get_time']);
  assert.deepEqual(message.tool_calls.map((c) => JSON.parse(c.function.arguments)), calls.map((c) => c.function.arguments));
  const ids = message.tool_calls.map((c) => c.id);
  for (const id of ids) assert.match(id, /^call_/);
  assert.equal(new Set(ids).size, 3, 'distinct ids');

  // all calls on one native line (the fixture's shape), via plain create({stream:true})
  await ollama.script({ path: '/api/chat', count: 1, tool_calls: calls.slice(0, 2), tool_call_ids: true });
  const raw = await client.chat.completions.create({
    model: MODEL, messages: user('Weather?'), tools: [WEATHER_TOOL], stream: true,
  });
  const oneLine = [];
  let finish = null;
  for await (const chunk of raw) {
    oneLine.push(...(chunk.choices[0]?.delta?.tool_calls ?? []));
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  assert.deepEqual(oneLine.map((d) => d.index), [0, 1]);
  assert.deepEqual(oneLine.map((d) => JSON.parse(d.function.arguments)), [{ city: 'Tokyo' }, { city: 'Paris', unit: 'C' }]);
  for (const d of oneLine) assert.match(d.id, /^call_[0-9a-f]{8}$/, 'the native ids are kept');
  assert.equal(finish, 'tool_calls');
});

test('stream_options.include_usage adds a usage chunk with empty choices before [DONE]', async () => {
  const stream = await client.chat.completions.create({
    model: MODEL, messages: user('Hello'), stream: true, stream_options: { include_usage: true },
  });
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const last = chunks.at(-1);
  assert.deepEqual(last.choices, []);
  const words = REPLY.split(' ').length;
  assert.deepEqual(last.usage, { prompt_tokens: 26, completion_tokens: words, total_tokens: 26 + words });
  assert.equal(chunks.at(-2).choices[0].finish_reason, 'stop');
  assert.equal(chunks.filter((c) => c.usage).length, 1);

  // the stream helper reports it too
  const helper = client.chat.completions.stream({
    model: MODEL, messages: user('Hello'), stream_options: { include_usage: true },
  });
  const final = await helper.finalChatCompletion();
  assert.deepEqual(final.usage, last.usage);
});

// ------------------------------------------------------------------------------------------------------------------
// models

test('models.list() and models.retrieve() with ids containing ":" and "/"', async () => {
  const names = ['llama3.2:latest', 'library/llama3:8b', 'someone/tool-model:q4_K_M', 'hf.co/org/repo:Q8_0'];
  await ollama.setModels(names);
  const ids = [];
  for await (const model of client.models.list()) {
    ids.push(model.id);
    assert.equal(model.object, 'model');
    assert.ok(Number.isInteger(model.created) && model.created > 1_600_000_000);
    assert.equal(typeof model.owned_by, 'string');
  }
  assert.deepEqual(ids, names);
  for (const id of names) {
    const model = await client.models.retrieve(id);
    assert.equal(model.id, id);
    assert.equal(model.object, 'model');
  }
  // the SDK percent-encodes the path segment; the gateway must decode it before asking Ollama
  const shows = (await nativeRequests('/api/show')).map((r) => r.body.model ?? r.body.name);
  assert.deepEqual(shows, names);
  assert.ok(sent.some((s) => s.url.includes('%2F')), 'the SDK really sent an encoded "/"');
});

test('models.retrieve() of an unknown model is a NotFoundError', async () => {
  await assert.rejects(client.models.retrieve('no-such/model:1b'), (err) => {
    assert.ok(err instanceof OpenAI.NotFoundError, `${err.constructor.name}: ${err.message}`);
    assert.equal(err.code, 'model_not_found');
    return true;
  });
});

// ------------------------------------------------------------------------------------------------------------------
// embeddings

/** The fake's own float vectors for these inputs (asked directly, not through the gateway). */
async function fakeVectors(input, extra = {}) {
  const r = await httpRequest({ method: 'POST', url: `${ollama.url}/api/embed`, body: { model: MODEL, input, ...extra } });
  assert.equal(r.status, 200);
  return JSON.parse(r.body).embeddings;
}

test('embeddings.create() with the default encoding (the SDK asks for base64 and decodes it)', async () => {
  const input = ['Why is the sky blue?', 'Why is the grass green?', 'something else'];
  const result = await client.embeddings.create({ model: MODEL, input });
  assert.equal(sent.at(-1).body.encoding_format, 'base64', 'the SDK asked for base64');
  assert.equal(result.object, 'list');
  assert.equal(result.model, MODEL);
  const expected = await fakeVectors(input);
  assert.equal(result.data.length, 3);
  result.data.forEach((d, i) => {
    assert.equal(d.object, 'embedding');
    assert.equal(d.index, i);
    assert.ok(Array.isArray(d.embedding), 'decoded to numbers by the SDK');
    // base64 carries float32: equal to the fake's doubles rounded to float32
    assert.deepEqual(d.embedding, expected[i].map(Math.fround));
  });
  assert.ok(Number.isInteger(result.usage.prompt_tokens) && result.usage.prompt_tokens > 0);
  assert.equal(result.usage.total_tokens, result.usage.prompt_tokens);
});

test('embeddings.create() with encoding_format float returns the fake\'s vectors exactly', async () => {
  const result = await client.embeddings.create({ model: MODEL, input: 'Why is the sky blue?', encoding_format: 'float' });
  assert.equal(result.data.length, 1);
  assert.deepEqual(result.data[0].embedding, (await fakeVectors('Why is the sky blue?'))[0]);
  // dimensions is forwarded (the fake truncates and re-normalizes, as Ollama does)
  const short = await client.embeddings.create({ model: MODEL, input: 'hello', encoding_format: 'float', dimensions: 4 });
  assert.deepEqual(short.data[0].embedding, (await fakeVectors('hello', { dimensions: 4 }))[0]);
  const natives = await nativeRequests('/api/embed');
  assert.equal(natives.find((r) => r.body.input === 'hello' || r.body.input?.[0] === 'hello').body.dimensions, 4);
});

// ------------------------------------------------------------------------------------------------------------------
// text completions

test('completions.create(), whole and streamed', async () => {
  const completion = await client.completions.create({ model: MODEL, prompt: 'Why is the sky blue?', max_tokens: 40 });
  assert.equal(completion.object, 'text_completion');
  assert.match(completion.id, /^cmpl-/);
  assert.equal(completion.choices[0].text, GENERATE_TEXT);
  assert.equal(completion.choices[0].index, 0);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.equal(completion.usage.prompt_tokens, 26);
  const [native] = await nativeRequests('/api/generate');
  assert.equal(native.body.prompt, 'Why is the sky blue?');
  assert.equal(native.body.stream, false);
  assert.equal(native.body.options?.num_predict, 40);

  const stream = await client.completions.create({ model: MODEL, prompt: 'Why is the sky blue?', stream: true });
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  assert.equal(chunks.map((c) => c.choices[0]?.text ?? '').join(''), GENERATE_TEXT);
  assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
  for (const c of chunks) assert.equal(c.object, 'text_completion');
  assert.equal(chunks.at(-1).choices[0].finish_reason, 'stop');
});

// ------------------------------------------------------------------------------------------------------------------
// errors as SDK classes

test('an unknown model is a NotFoundError (model_not_found), whole and streamed', async () => {
  await assert.rejects(client.chat.completions.create({ model: 'nope:1b', messages: user('hi') }), (err) => {
    assert.ok(err instanceof OpenAI.NotFoundError, `${err.constructor.name}: ${err.message}`);
    assert.equal(err.status, 404);
    assert.equal(err.code, 'model_not_found');
    assert.equal(err.type, 'invalid_request_error');
    assert.match(err.message, /nope:1b/);
    return true;
  });
  await assert.rejects((async () => {
    const stream = await client.chat.completions.create({ model: 'nope:1b', messages: user('hi'), stream: true });
    for await (const chunk of stream) void chunk;
  })(), (err) => {
    assert.ok(err instanceof OpenAI.NotFoundError, `${err.constructor.name}: ${err.message}`);
    assert.equal(err.code, 'model_not_found');
    return true;
  });
  await assert.rejects(client.embeddings.create({ model: 'nope:1b', input: 'x' }), OpenAI.NotFoundError);
  await assert.rejects(client.completions.create({ model: 'nope:1b', prompt: 'x' }), OpenAI.NotFoundError);
  assert.equal(sent.length, 4, '404 is not retried');
});

test('a field of the wrong type is a BadRequestError naming the param; the error\'s request id is the logged one', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: MODEL, messages: user('hi'), temperature: 'hot' }),
    (err) => {
      assert.ok(err instanceof OpenAI.BadRequestError, `${err.constructor.name}: ${err.message}`);
      assert.equal(err.status, 400);
      assert.equal(err.type, 'invalid_request_error');
      assert.equal(err.param, 'temperature');
      assert.match(err.message, /temperature/);
      assert.match(err.requestID, /\S/);
      return true;
    },
  );
  await assert.rejects(
    client.chat.completions.create({ model: MODEL, messages: 'hi' }),
    (err) => err instanceof OpenAI.BadRequestError && err.param === 'messages',
  );
  let requestId;
  await assert.rejects(
    client.chat.completions.create({ model: MODEL, messages: user('hi'), max_tokens: 'ten', stream: true }),
    (err) => { requestId = err.requestID; return err instanceof OpenAI.BadRequestError && err.param === 'max_tokens'; },
  );
  const line = await logOf(gw, requestId);
  assert.equal(line.status, 400);
  assert.equal((await nativeRequests('/api/chat')).length, 0, 'nothing reached Ollama');
  assert.equal(sent.length, 3, '400 is not retried');
});

test('n > 1 is a BadRequestError, never one silent choice', async () => {
  await assert.rejects(client.chat.completions.create({ model: MODEL, messages: user('hi'), n: 2 }), (err) => {
    assert.ok(err instanceof OpenAI.BadRequestError, `${err.constructor.name}: ${err.message}`);
    assert.equal(err.param, 'n');
    assert.match(err.message, /n/);
    return true;
  });
  // n: 1 is fine
  const ok = await client.chat.completions.create({ model: MODEL, messages: user('hi'), n: 1 });
  assert.equal(ok.choices.length, 1);
});

test('a queue full of one model is a RateLimitError after the SDK\'s own retries, with Retry-After headers', async (t) => {
  const busy = await startGateway({
    env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', MODEL_CONCURRENCY: '1', MODEL_QUEUE_DEPTH: '0' },
  });
  try {
    // a slow request holds the only slot until it is released
    await ollama.script({ path: '/api/chat', hang: true, count: 1 });
    const holder = new AbortController();
    const holding = fetch(`${busy.url}/v1/chat/completions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, signal: holder.signal,
      body: JSON.stringify({ model: MODEL, messages: user('slow') }),
    }).catch((e) => e);
    await waitFor(async () => (await ollama.stats()).in_flight === 1, { what: 'the slow request at the fake' });

    const attempts = [];
    const sdk = openaiFor(busy, attempts); // default maxRetries (2)
    const started = Date.now();
    let error;
    await assert.rejects(sdk.chat.completions.create({ model: MODEL, messages: user('hi') }), (err) => {
      error = err;
      return true;
    });
    const elapsed = Date.now() - started;
    assert.ok(error instanceof OpenAI.RateLimitError, `${error.constructor.name}: ${error.message}`);
    assert.equal(error.status, 429);
    assert.equal(error.type, 'rate_limit_error');
    const retryAfter = error.headers.get('retry-after');
    const retryAfterMs = error.headers.get('retry-after-ms');
    assert.match(retryAfter ?? '', /^\d+$/, 'Retry-After in whole seconds');
    assert.match(retryAfterMs ?? '', /^\d+$/, 'retry-after-ms present');
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60, `Retry-After ${retryAfter}`);
    assert.ok(Number(retryAfterMs) >= 1 && Number(retryAfterMs) <= 60_000, `retry-after-ms ${retryAfterMs}`);
    assert.equal(Number(retryAfter), Math.max(1, Math.ceil(Number(retryAfterMs) / 1000)), 'the two headers agree');

    // the SDK tried 1 + 2 times, each refused by the gateway, waiting as the headers said
    assert.equal(attempts.length, 3);
    // the log line of a request follows its response: wait for the last one
    await logOf(busy, error.requestID);
    const refused = busy.logs.filter((o) => o.msg === 'request' && o.path === '/v1/chat/completions' && o.status === 429);
    assert.equal(refused.length, 3, 'the gateway logged three refusals');
    assert.equal(refused.at(-1).request_id, error.requestID);
    assert.ok(elapsed >= 2 * Number(retryAfterMs) * 0.9, `${elapsed} ms for two waits of ${retryAfterMs} ms`);
    t.diagnostic(`429: Retry-After ${retryAfter}, retry-after-ms ${retryAfterMs}; ${attempts.length} attempts in ${elapsed} ms`);
    assert.equal((await ollama.stats()).total, 1, 'nothing but the slow request reached Ollama');

    holder.abort();
    await holding;
  } finally {
    assert.equal(await busy.stop(), 0);
  }
});

test('a retry succeeds once the slot frees (default maxRetries)', async (t) => {
  const busy = await startGateway({
    env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', MODEL_CONCURRENCY: '1', MODEL_QUEUE_DEPTH: '0' },
  });
  try {
    await ollama.script({ path: '/api/chat', delay_ms: 800, count: 1 });
    const holding = httpRequest({
      method: 'POST', url: `${busy.url}/v1/chat/completions`, body: { model: MODEL, messages: user('slow') },
    });
    await waitFor(async () => (await ollama.stats()).in_flight === 1, { what: 'the slow request at the fake' });
    const attempts = [];
    const completion = await openaiFor(busy, attempts).chat.completions.create({ model: MODEL, messages: user('hi') });
    assert.equal(completion.choices[0].message.content, REPLY);
    assert.equal((await holding).status, 200);
    const refused = busy.logs.filter((o) => o.msg === 'request' && o.status === 429);
    assert.ok(refused.length >= 1 && refused.length <= 2, `${refused.length} refusals before the success`);
    assert.equal(attempts.length, refused.length + 1);
    t.diagnostic(`${refused.length} refusal(s), then success`);
    assert.equal((await logOf(busy, completion._request_id)).status, 200);
  } finally {
    assert.equal(await busy.stop(), 0);
  }
});

test('Ollama busy (native 503): the SDK waits Retry-After and its retry succeeds', async () => {
  await ollama.script({ path: '/api/chat', status: 503, count: 1 });
  const started = Date.now();
  const completion = await client.chat.completions.create({ model: MODEL, messages: user('hi') });
  assert.equal(completion.choices[0].message.content, REPLY);
  assert.equal(sent.length, 2, 'one retry');
  assert.ok(gw.logs.some((o) => o.msg === 'request' && o.path === '/v1/chat/completions' && o.status === 503),
    'the gateway answered the first attempt 503');
  assert.ok(Date.now() - started >= 900, 'the SDK waited as Retry-After said (>= 1 s)');

  // with no retries left: InternalServerError 503 with the headers
  await ollama.script({ path: '/api/chat', status: 503, count: 1 });
  await assert.rejects(openaiFor(gw, [], { maxRetries: 0 }).chat.completions.create({ model: MODEL, messages: user('hi') }), (err) => {
    assert.ok(err instanceof OpenAI.InternalServerError, `${err.constructor.name}: ${err.message}`);
    assert.equal(err.status, 503);
    assert.equal(err.type, 'api_error');
    assert.match(err.headers.get('retry-after') ?? '', /^\d+$/);
    return true;
  });
});

test('an upstream slower than TIMEOUT is an APIError 504 upstream_timeout', async () => {
  const slow = await startGateway({ env: { OLLAMA_HOST: ollama.url, RATE_LIMIT_RPS: '0', TIMEOUT: '1s' } });
  try {
    await ollama.script({ path: '/api/chat', delay_ms: 4000, count: 1 });
    await assert.rejects(openaiFor(slow, [], { maxRetries: 0 }).chat.completions.create({ model: MODEL, messages: user('hi') }), (err) => {
      assert.ok(err instanceof OpenAI.InternalServerError, `${err.constructor.name}: ${err.message}`);
      assert.equal(err.status, 504);
      assert.equal(err.code, 'upstream_timeout');
      return true;
    });
  } finally {
    assert.equal(await slow.stop(), 0);
  }
});

test('Ollama down: an APIError with status 502 upstream_unreachable after the SDK\'s retries', async (t) => {
  const down = await startGateway({ env: { OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}`, RATE_LIMIT_RPS: '0' } });
  try {
    const attempts = [];
    // retries of 5xx use the SDK's own backoff (~0.5 s, ~1 s) unless the gateway says x-should-retry: false
    let error;
    await assert.rejects(openaiFor(down, attempts).chat.completions.create({ model: MODEL, messages: user('hi') }), (err) => {
      error = err;
      return true;
    });
    assert.ok(error instanceof OpenAI.InternalServerError, `${error.constructor.name}: ${error.message}`);
    assert.ok(!(error instanceof OpenAI.APIConnectionError), 'the gateway answered; the connection was fine');
    assert.equal(error.status, 502);
    assert.equal(error.code, 'upstream_unreachable');
    assert.equal(error.type, 'api_error');
    const noRetry = error.headers.get('x-should-retry') === 'false';
    assert.equal(attempts.length, noRetry ? 1 : 3);
    t.diagnostic(`502: x-should-retry ${error.headers.get('x-should-retry')}, ${attempts.length} attempts by the SDK`);
    await logOf(down, error.requestID); // the log line of a request follows its response
    const logged = down.logs.filter((o) => o.msg === 'request' && o.path === '/v1/chat/completions');
    assert.equal(logged.length, attempts.length);
    for (const l of logged) assert.equal(l.status, 502);

    // streamed: the same error before any frame
    await assert.rejects((async () => {
      const stream = await openaiFor(down, [], { maxRetries: 0 }).chat.completions.create({
        model: MODEL, messages: user('hi'), stream: true,
      });
      for await (const chunk of stream) void chunk;
    })(), (err) => err instanceof OpenAI.InternalServerError && err.status === 502 && err.code === 'upstream_unreachable');
  } finally {
    assert.equal(await down.stop(), 0);
  }
});
