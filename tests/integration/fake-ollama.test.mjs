// Self-test of the fake Ollama (tests/fake-ollama) and of the integration-test harness (tests/integration/lib).
// Needs only node; the gateway itself is replaced by lib/stand-in-gateway.mjs where the harness is tested.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startFakeOllama, startGateway, runGateway, httpRequest, httpStream, rawRequest, parseSse, waitFor,
  FAKE_OLLAMA_PATH, FIXTURES_DIR, user,
} from './lib/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STAND_IN = path.join(HERE, 'lib', 'stand-in-gateway.mjs');
const native = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'ollama', 'native', name), 'utf8'));
const ndjson = (name) => fs.readFileSync(path.join(FIXTURES_DIR, 'ollama', 'native', name), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const withoutTime = (o) => { const c = structuredClone(o); delete c.created_at; return c; };

let fake;
const post = (p, body, headers) => httpRequest({ method: 'POST', url: fake.url + p, body, headers });
const get = (p) => httpRequest({ url: fake.url + p });
const json = (r) => JSON.parse(r.body);

before(async () => { fake = await startFakeOllama(); });
after(async () => { assert.equal(await fake.stop(), 0); });
beforeEach(async () => { await fake.reset(); });

describe('process contract', () => {
  test('prints exactly one JSON line on stdout and logs requests to stderr only', async () => {
    const child = spawn(process.execPath, [FAKE_OLLAMA_PATH, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const first = await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.split('\n')[0]); });
      child.once('exit', (c) => reject(new Error(`exited ${c}: ${err}`)));
    });
    const ev = JSON.parse(first);
    assert.equal(ev.event, 'listening');
    assert.ok(Number.isInteger(ev.port) && ev.port > 0);
    assert.equal(ev.url, `http://127.0.0.1:${ev.port}`);
    assert.deepEqual(Object.keys(ev).sort(), ['event', 'port', 'url']);
    const r = await httpRequest({ url: `${ev.url}/api/version` });
    assert.equal(r.status, 200);
    await waitFor(() => err.includes('/api/version'), { what: 'a stderr log line' });
    const code = await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
    assert.equal(code, 0);
    assert.equal(out.trim().split('\n').length, 1, `stdout: ${out}`);
  });

  test('rejects unknown CLI arguments with exit code 2', async () => {
    const child = spawn(process.execPath, [FAKE_OLLAMA_PATH, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /unknown argument --bogus/);
  });

  test('--fast serves the same API without a request log or stderr output', async () => {
    const fast = await startFakeOllama({ fast: true });
    try {
      const r = await httpRequest({ method: 'POST', url: `${fast.url}/api/chat`, body: { model: 'llama3.2', messages: user('hi'), stream: false } });
      assert.equal(r.status, 200);
      assert.equal(json(r).message.content, native('chat-nonstream.json').message.content);
      const s = await httpStream({ url: `${fast.url}/api/chat`, body: { model: 'llama3.2', messages: user('hi') } });
      assert.equal(s.lines.length, 6);
      assert.deepEqual(await fast.requests(), []);
      assert.equal((await fast.stats()).total, 2);
      assert.equal(fast.stderr, '');
    } finally {
      assert.equal(await fast.stop(), 0);
    }
  });

  test('--chunks and --chunk-delay-ms set the defaults of every stream', async () => {
    const f = await startFakeOllama({ chunks: 3, chunkDelayMs: 40 });
    try {
      const s = await httpStream({ url: `${f.url}/api/generate`, body: { model: 'llama3.2', prompt: 'why?' } });
      assert.equal(s.lines.length, 4);
      assert.ok(s.lines[3].t - s.lines[0].t >= 3 * 40 - 5, `lines at ${s.lines.map((l) => l.t.toFixed(0))}`);
    } finally {
      await f.stop();
    }
  });

  test('keeps connections alive (two pipelined requests on one socket) and answers malformed HTTP with 400', async () => {
    const two = 'GET /api/version HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    const r = await rawRequest(fake.port, two);
    assert.equal(r.timedOut, false);
    assert.equal(r.data.match(/HTTP\/1\.1 200 OK/g)?.length, 2, r.data);
    assert.match(r.data, /keep-alive/i);
    assert.match(r.data, /Ollama is running$/);
    const bad = await rawRequest(fake.port, 'GARBAGE\r\n\r\n');
    assert.match(bad.data, /^HTTP\/1\.1 400 Bad Request/);
    assert.equal(bad.closed, true);
  });
});

describe('native API from the fixtures', () => {
  test('GET / and HEAD /', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.equal(r.body, 'Ollama is running');
    assert.match(r.headers['content-type'], /^text\/plain/);
    const h = await httpRequest({ method: 'HEAD', url: fake.url + '/' });
    assert.equal(h.status, 200);
    assert.equal(h.body, '');
  });

  test('GET and HEAD /api/version, /api/tags, /api/ps answer the fixtures', async () => {
    for (const [p, file] of [['/api/version', 'version.json'], ['/api/tags', 'tags.json'], ['/api/ps', 'ps.json']]) {
      const r = await get(p);
      assert.equal(r.status, 200, p);
      assert.match(r.headers['content-type'], /^application\/json/);
      assert.deepEqual(json(r), native(file), p);
    }
    const h = await httpRequest({ method: 'HEAD', url: fake.url + '/api/version' });
    assert.equal(h.status, 200);
    assert.equal(h.body, '');
    assert.equal(Number(h.headers['content-length']), JSON.stringify(native('version.json')).length);
  });

  test('wrong method is 405, unknown path is 404, bad bodies are 400', async () => {
    assert.equal((await httpRequest({ method: 'POST', url: fake.url + '/api/tags', body: {} })).status, 405);
    assert.equal((await get('/api/chat')).status, 405);
    const nf = await get('/api/nothing');
    assert.equal(nf.status, 404);
    assert.equal(nf.body, '404 page not found');
    const empty = await post('/api/chat', '');
    assert.equal(empty.status, 400);
    assert.deepEqual(json(empty), { error: 'missing request body' });
    const broken = await post('/api/chat', '{"model":', { 'Content-Type': 'application/json' });
    assert.equal(broken.status, 400);
    assert.equal(typeof json(broken).error, 'string');
    const noModel = await post('/api/chat', { messages: user('hi') });
    assert.equal(noModel.status, 400);
    assert.deepEqual(json(noModel), { error: 'model is required' });
  });

  test('POST /api/show by model and by name, with and without tag; unknown is 404', async () => {
    const show = native('show-abridged.json');
    for (const body of [{ model: 'llama3.2' }, { name: 'llama3.2:latest' }, { model: 'deepseek-r1' }]) {
      const r = await post('/api/show', body);
      assert.equal(r.status, 200, JSON.stringify(body));
      const s = json(r);
      assert.equal(s.template, show.template);
      assert.deepEqual(s.model_info, show.model_info);
      assert.deepEqual(s.capabilities, show.capabilities);
      assert.equal(typeof s.modified_at, 'string');
    }
    assert.equal(json(await post('/api/show', { model: 'deepseek-r1' })).details.family, 'qwen2');
    const nf = await post('/api/show', { model: 'nope' });
    assert.equal(nf.status, 404);
    assert.deepEqual(json(nf), native('error-model-not-found-chat.json'));
  });

  test('POST /api/chat streams by default: NDJSON, one line per chunk, text of the fixture', async () => {
    const s = await httpStream({ url: fake.url + '/api/chat', body: { model: 'llama3.2', messages: user('hi') } });
    assert.equal(s.status, 200);
    assert.equal(s.headers['content-type'], 'application/x-ndjson');
    assert.equal(s.headers['transfer-encoding'], 'chunked');
    const lines = s.lines.map((l) => JSON.parse(l.text));
    const expected = native('chat-nonstream.json').message.content;
    assert.equal(lines.length, expected.split(' ').length + 1);
    assert.equal(lines.map((l) => l.message.content).join(''), expected);
    for (const l of lines.slice(0, -1)) {
      assert.equal(l.done, false);
      assert.equal(l.model, 'llama3.2');
      assert.equal(l.message.role, 'assistant');
    }
    const last = lines.at(-1);
    const fixtureLast = ndjson('chat-stream.ndjson').at(-1);
    assert.equal(last.done, true);
    assert.equal(last.done_reason, 'stop');
    assert.equal(last.message.content, '');
    for (const k of Object.keys(fixtureLast)) assert.ok(k in last, `final line lacks ${k}`);
    assert.equal(last.eval_count, lines.length - 1);
  });

  test('POST /api/chat stream:false answers one JSON object with the same text and counts', async () => {
    const r = await post('/api/chat', { model: 'llama3.2', messages: user('hi'), stream: false });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json/);
    const fixture = native('chat-nonstream.json');
    const c = json(r);
    assert.deepEqual(Object.keys(c).sort(), [...Object.keys(fixture), 'done_reason'].sort());
    assert.deepEqual(c.message, fixture.message);
    assert.equal(c.prompt_eval_count, fixture.prompt_eval_count);
    const s = await httpStream({ url: fake.url + '/api/chat', body: { model: 'llama3.2', messages: user('hi'), stream: true } });
    const last = JSON.parse(s.lines.at(-1).text);
    assert.equal(c.eval_count, last.eval_count);
    assert.equal(c.prompt_eval_count, last.prompt_eval_count);
  });

  test('POST /api/chat with tools answers the tool-call fixtures; after a tool result, the history reply', async () => {
    const req = native('chat-request-tools-stream.json');
    const s = await httpStream({ url: fake.url + '/api/chat', body: req });
    assert.deepEqual(s.lines.map((l) => withoutTime(JSON.parse(l.text))),
      ndjson('chat-tool-call-stream.ndjson').map(withoutTime).map((l, i, a) => (i === a.length - 1 ? { ...l, ...pick(native('chat-tool-call-nonstream.json')) } : l)));
    const ns = await post('/api/chat', { ...req, stream: false });
    assert.deepEqual(withoutTime(json(ns)), withoutTime(native('chat-tool-call-nonstream.json')));
    const hist = await post('/api/chat', native('chat-request-tool-history.json'));
    assert.deepEqual(withoutTime(json(hist)), withoutTime({ ...native('chat-tool-history-reply.json'), eval_count: json(hist).eval_count }));
    assert.equal(json(hist).message.content, native('chat-tool-history-reply.json').message.content);
    // a tool other than the fixture's get_weather: the model calls the first offered tool
    const other = await post('/api/chat', {
      model: 'llama3.2', stream: false, messages: user('list files'),
      tools: [{ type: 'function', function: { name: 'fs__list', parameters: { type: 'object', required: ['path'], properties: { path: { type: 'string' } } } } }],
    });
    assert.deepEqual(json(other).message.tool_calls, [{ function: { name: 'fs__list', arguments: { path: 'test' } } }]);
  });

  test('POST /api/chat with format answers the structured-output fixture; think adds thinking', async () => {
    const req = native('chat-structured-output-request.json');
    await fake.setModels(['llama3.1', 'llama3.2']);
    const r = await post('/api/chat', req);
    assert.equal(r.status, 200);
    assert.deepEqual(json(r).message, native('chat-structured-output-reply.json').message);
    assert.equal(json(r).model, 'llama3.1');
    const t = await post('/api/chat', { model: 'llama3.2', messages: user('hi'), stream: false, think: true });
    assert.equal(typeof json(t).message.thinking, 'string');
    assert.ok(json(t).message.thinking.length > 0);
    const ts = await httpStream({ url: fake.url + '/api/chat', body: { model: 'llama3.2', messages: user('hi'), think: 'high' } });
    const lines = ts.lines.map((l) => JSON.parse(l.text));
    assert.ok(lines[0].message.thinking, 'thinking comes first');
    assert.equal(lines.filter((l) => l.message.thinking).map((l) => l.message.thinking).join(''), json(t).message.thinking);
  });

  test('POST /api/chat without messages loads (or with keep_alive 0 unloads) the model', async () => {
    const load = await post('/api/chat', { model: 'llama3.2', stream: false });
    assert.deepEqual(withoutTime(json(load)), withoutTime(native('chat-load-reply.json')));
    const unload = await post('/api/chat', { model: 'llama3.2', messages: [], keep_alive: 0, stream: false });
    assert.deepEqual(withoutTime(json(unload)), withoutTime(native('chat-unload-reply.json')));
  });

  test('unknown model is 404 on chat, generate, embed, embeddings', async () => {
    for (const [p, body] of [['/api/chat', { messages: user('hi') }], ['/api/generate', { prompt: 'x' }], ['/api/embed', { input: 'x' }], ['/api/embeddings', { prompt: 'x' }]]) {
      const r = await post(p, { model: 'nope', ...body });
      assert.equal(r.status, 404, p);
      assert.deepEqual(json(r), native('error-model-not-found-chat.json'), p);
    }
  });

  test('POST /api/generate streams by default, stream:false answers JSON, empty prompt loads', async () => {
    const s = await httpStream({ url: fake.url + '/api/generate', body: { model: 'llama3.2', prompt: 'Why is the sky blue?' } });
    assert.equal(s.headers['content-type'], 'application/x-ndjson');
    const lines = s.lines.map((l) => JSON.parse(l.text));
    assert.ok(lines.length >= 3);
    const text = lines.map((l) => l.response).join('');
    assert.equal(lines.at(-1).done, true);
    assert.deepEqual(lines.at(-1).context, [1, 2, 3]);
    const r = await post('/api/generate', { model: 'llama3.2', prompt: 'Why is the sky blue?', stream: false });
    assert.equal(json(r).response, text);
    assert.equal(json(r).done_reason, 'stop');
    const load = await post('/api/generate', { model: 'llama3.2', stream: false });
    assert.equal(json(load).done_reason, 'load');
    assert.equal(json(load).response, '');
  });

  test('POST /api/embed: string or array, one vector per input, dimensions truncates; legacy /api/embeddings', async () => {
    const one = json(await post('/api/embed', { model: 'llama3.2', input: 'Why is the sky blue?' }));
    assert.deepEqual(one.embeddings, native('embed-single.json').embeddings);
    assert.equal(one.model, 'llama3.2');
    assert.ok(one.prompt_eval_count > 0);
    const two = json(await post('/api/embed', { model: 'llama3.2', input: ['Why is the sky blue?', 'Why is the grass green?'] }));
    assert.deepEqual(two.embeddings, native('embed-multi.json').embeddings);
    const three = json(await post('/api/embed', { model: 'llama3.2', input: ['a', 'b', 'a'] }));
    assert.equal(three.embeddings.length, 3);
    assert.deepEqual(three.embeddings[0], three.embeddings[2]);
    assert.notDeepEqual(three.embeddings[0], three.embeddings[1]);
    for (const v of three.embeddings) assert.equal(v.length, 10);
    const cut = json(await post('/api/embed', { model: 'llama3.2', input: ['a', 'b'], dimensions: 4 }));
    for (const v of cut.embeddings) {
      assert.equal(v.length, 4);
      assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-9, 'truncated vectors are re-normalized like Ollama does');
    }
    assert.deepEqual(json(await post('/api/embed', { model: 'llama3.2', input: [] })).embeddings, []);
    assert.equal((await post('/api/embed', { model: 'llama3.2', input: [1, 2] })).status, 400);
    const legacy = json(await post('/api/embeddings', { model: 'llama3.2', prompt: 'Why is the sky blue?' }));
    assert.deepEqual(legacy, { embedding: native('embed-single.json').embeddings[0] });
  });

  test('pull, create, copy, delete change the model list; push streams statuses', async () => {
    const names = async () => json(await get('/api/tags')).models.map((m) => m.name);
    const pull = await httpStream({ url: fake.url + '/api/pull', body: { model: 'all-minilm' } });
    assert.equal(pull.headers['content-type'], 'application/x-ndjson');
    const st = pull.lines.map((l) => JSON.parse(l.text));
    assert.equal(st[0].status, 'pulling manifest');
    assert.equal(st.at(-1).status, 'success');
    assert.ok(st.some((x) => x.total > 0 && x.completed === x.total));
    assert.ok((await names()).includes('all-minilm:latest'));
    assert.deepEqual(json(await post('/api/create', { model: 'mine', from: 'llama3.2', stream: false })), { status: 'success' });
    const cp = await post('/api/copy', { source: 'mine', destination: 'mine-copy' });
    assert.equal(cp.status, 200);
    assert.equal(cp.body, '');
    assert.equal((await post('/api/copy', { source: 'nope', destination: 'x' })).status, 404);
    const push = await httpStream({ url: fake.url + '/api/push', body: { model: 'mine' } });
    assert.equal(JSON.parse(push.lines.at(-1).text).status, 'success');
    const del = await httpRequest({ method: 'DELETE', url: fake.url + '/api/delete', body: { model: 'all-minilm' } });
    assert.equal(del.status, 200);
    assert.equal((await httpRequest({ method: 'DELETE', url: fake.url + '/api/delete', body: { model: 'all-minilm' } })).status, 404);
    assert.deepEqual(await names(), ['deepseek-r1:latest', 'llama3.2:latest', 'mine:latest', 'mine-copy:latest']);
    await fake.reset();
    assert.deepEqual(await names(), ['deepseek-r1:latest', 'llama3.2:latest']);
  });

  test('/_fake/models replaces the known models; null makes /api/tags answer {"models":null}', async () => {
    await fake.setModels(['only-one']);
    assert.deepEqual(json(await get('/api/tags')).models.map((m) => m.name), ['only-one:latest']);
    assert.equal((await post('/api/chat', { model: 'llama3.2', messages: user('hi') })).status, 404);
    assert.equal((await post('/api/chat', { model: 'only-one', messages: user('hi'), stream: false })).status, 200);
    await fake.setModels(null);
    assert.equal((await get('/api/tags')).body, '{"models":null}');
    await fake.setModels([]);
    assert.equal((await get('/api/tags')).body, '{"models":[]}');
  });
});

// The final line of the tool-call stream carries the counts of the non-stream fixture (the doc samples differ).
function pick(o) {
  const { total_duration, load_duration, prompt_eval_count, prompt_eval_duration, eval_count, eval_duration } = o;
  return { total_duration, load_duration, prompt_eval_count, prompt_eval_duration, eval_count, eval_duration };
}

describe('scripting', () => {
  const chat = (extra = {}) => ({ model: 'llama3.2', messages: user('hi'), ...extra });

  test('chunks sets the number of content lines; content replaces the text', async () => {
    await fake.script({ chunks: 12, count: 1 });
    const s = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.equal(s.lines.length, 13);
    const text = s.lines.slice(0, -1).map((l) => JSON.parse(l.text).message.content);
    assert.ok(text.every((t) => t.length > 0));
    assert.ok(text.join('').startsWith(native('chat-nonstream.json').message.content));
    await fake.script({ chunks: 2, content: 'one two three four', count: 1 });
    const s2 = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.deepEqual(s2.lines.slice(0, -1).map((l) => JSON.parse(l.text).message.content), ['one two ', 'three four']);
    const s3 = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.equal(s3.lines.length, 6, 'count:1 scripts apply once');
  });

  test('chunk_delay_ms: every line is flushed on its own, as it is produced', async () => {
    const delay = 100;
    await fake.script({ chunks: 5, chunk_delay_ms: delay });
    const s = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.equal(s.lines.length, 6);
    const t = s.lines.map((l) => l.t);
    for (let i = 1; i < t.length; i++) assert.ok(t[i] >= i * delay - 5, `line ${i} at ${t[i].toFixed(1)} ms`);
    // buffered output would make all lines arrive together at the end
    assert.ok(t.at(-1) - t[0] >= 0.6 * (t.length - 1) * delay, `arrivals ${t.map((x) => x.toFixed(0))}`);
    const gaps = t.slice(1).map((x, i) => x - t[i]);
    assert.ok(gaps.filter((g) => g >= delay / 2).length >= gaps.length - 1, `gaps ${gaps.map((g) => g.toFixed(0))}`);
  });

  test('delay_ms delays the headers; first_token_delay_ms sends headers, then waits for the first line', async () => {
    await fake.script({ delay_ms: 300, count: 1 });
    const a = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.ok(a.ttfb >= 295, `headers after ${a.ttfb}`);
    await fake.script({ first_token_delay_ms: 400, count: 1 });
    const b = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.ok(b.ttfb < 300, `headers after ${b.ttfb}`);
    assert.ok(b.lines[0].t >= 395, `first line after ${b.lines[0].t}`);
    await fake.script({ first_token_delay_ms: 300, count: 1 });
    const c = await httpStream({ url: fake.url + '/api/chat', body: chat({ stream: false }) });
    assert.ok(c.ttfb < 250 && c.lines[0].t >= 295, `non-stream: headers ${c.ttfb}, body ${c.lines[0].t}`);
    assert.equal(JSON.parse(c.body).done, true);
  });

  test('status + error fail with that status and body; defaults follow the fixtures', async () => {
    await fake.script({ status: 503, count: 1, headers: { 'Retry-After': '2' } });
    const busy = await post('/api/chat', chat());
    assert.equal(busy.status, 503);
    assert.deepEqual(json(busy), native('error-queue-full-503.json'));
    assert.equal(busy.headers['retry-after'], '2');
    await fake.script({ status: 500, count: 1 });
    assert.deepEqual(json(await post('/api/chat', chat())), native('error.json'));
    await fake.script({ status: 400, error: 'bad things', count: 1 });
    const b = await post('/api/generate', { model: 'llama3.2', prompt: 'x' });
    assert.equal(b.status, 400);
    assert.deepEqual(json(b), { error: 'bad things' });
    await fake.script({ status: 502, body: 'upstream text', count: 1 });
    const t = await get('/api/version');
    assert.equal(t.status, 502);
    assert.equal(t.body, 'upstream text');
    assert.equal((await get('/api/version')).status, 200);
  });

  test('path, method and count filter which requests a script applies to; newest script wins', async () => {
    await fake.script({ path: '/api/tags', status: 500, count: 2 });
    assert.equal((await get('/api/version')).status, 200);
    assert.equal((await get('/api/tags')).status, 500);
    await fake.script({ path: '/api/*', method: 'GET', status: 418, count: 1 });
    assert.equal((await get('/api/tags')).status, 418);
    assert.equal((await post('/api/show', { model: 'llama3.2' })).status, 200);
    assert.equal((await get('/api/tags')).status, 500);
    assert.equal((await get('/api/tags')).status, 200);
  });

  test('die_after_chunks destroys the socket mid-stream (not counted as a client abort)', async () => {
    await fake.script({ die_after_chunks: 2, chunk_delay_ms: 10, count: 1 });
    const s = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.equal(s.status, 200);
    assert.equal(s.lines.length, 2);
    assert.ok(s.error, 'the client sees a broken response');
    const [r] = (await fake.requests()).filter((x) => x.path === '/api/chat');
    assert.equal(r.destroyed_by_fake, true);
    assert.equal(r.aborted, false);
    assert.equal(r.lines_sent, 2);
    await fake.script({ die_after_chunks: 0, count: 1 });
    await assert.rejects(post('/api/chat', chat({ stream: false })), /socket hang up|ECONNRESET/);
  });

  test('midstream_error sends an error line after K lines with status 200', async () => {
    await fake.script({ midstream_error: 3, count: 1 });
    const s = await httpStream({ url: fake.url + '/api/generate', body: { model: 'llama3.2', prompt: 'x' } });
    assert.equal(s.status, 200);
    assert.equal(s.error, null);
    assert.equal(s.lines.length, 4);
    assert.deepEqual(JSON.parse(s.lines[3].text), ndjson('error-midstream-generate.ndjson').at(-1));
    assert.equal(JSON.parse(s.lines[2].text).done, false);
    await fake.script({ midstream_error: 1, error: 'boom', count: 1 });
    const s2 = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    assert.deepEqual(s2.lines.map((l) => JSON.parse(l.text)).at(-1), { error: 'boom' });
    assert.equal(s2.lines.length, 2);
  });

  test('hang never answers; the client hanging up is recorded as aborted with closed_at', async () => {
    await fake.script({ hang: true, path: '/api/chat', count: 1 });
    const t0 = Date.now();
    // httpRequest's own timeout is the client hanging up
    await assert.rejects(httpRequest({ method: 'POST', url: fake.url + '/api/chat', body: chat(), timeoutMs: 300 }), /timed out/);
    const r = await waitFor(async () => (await fake.requests()).find((x) => x.path === '/api/chat' && x.aborted), { what: 'an aborted request' });
    assert.equal(r.status, null);
    assert.equal(r.finished, false);
    assert.ok(r.closed_at >= t0 && r.closed_at >= r.received_at);
  });

  test('abort detection: a client that hangs up mid-stream is seen, and the fake stops writing', async () => {
    await fake.script({ chunks: 40, chunk_delay_ms: 30, count: 1 });
    const s = await httpStream({ url: fake.url + '/api/chat', body: chat(), abortAfterLines: 3 });
    assert.equal(s.aborted, true);
    assert.equal(s.lines.length, 3);
    const r = await waitFor(async () => (await fake.requests()).find((x) => x.aborted), { what: 'an aborted request' });
    assert.equal(r.path, '/api/chat');
    assert.equal(r.status, 200);
    assert.equal(r.finished, false);
    assert.equal(r.destroyed_by_fake, false);
    assert.ok(r.lines_sent >= 3 && r.lines_sent < 10, `lines_sent ${r.lines_sent}`);
    assert.equal(typeof r.closed_at, 'number');
    const stats = await fake.stats();
    assert.equal(stats.aborted, 1);
    assert.equal(stats.in_flight, 0);
    // a request that completed normally is not marked aborted
    await httpStream({ url: fake.url + '/api/chat', body: chat() });
    const all = await fake.requests();
    assert.equal(all.length, 2);
    assert.equal(all[1].aborted, false);
    assert.equal(all[1].finished, true);
  });

  test('tool_calls, tool_call_ids, done_reason, thinking and usage knobs shape the reply', async () => {
    await fake.script({ tool_calls: [{ function: { name: 'a', arguments: { x: 1 } } }, { function: { name: 'b', arguments: {} } }], tool_call_ids: true, count: 1 });
    const r = json(await post('/api/chat', chat({ stream: false })));
    assert.deepEqual(r.message.tool_calls.map((c) => c.function.name), ['a', 'b']);
    for (const c of r.message.tool_calls) assert.match(c.id, /^call_[0-9a-f]{8}$/);
    assert.notEqual(r.message.tool_calls[0].id, r.message.tool_calls[1].id);
    // streamed: all calls on one line, or one line per call with split_tool_calls
    const calls = [{ function: { name: 'a', arguments: { x: 1 } } }, { function: { name: 'b', arguments: {} } }];
    const toolLines = async () => (await httpStream({ url: fake.url + '/api/chat', body: chat() })).lines
      .map((l) => JSON.parse(l.text)).filter((l) => l.message.tool_calls)
      .map((l) => l.message.tool_calls.map((c) => c.function.name));
    await fake.script({ tool_calls: calls, count: 1 });
    assert.deepEqual(await toolLines(), [['a', 'b']]);
    await fake.script({ tool_calls: calls, split_tool_calls: true, count: 1 });
    assert.deepEqual(await toolLines(), [['a'], ['b']]);
    await fake.script({ done_reason: 'length', thinking: 'hmm', prompt_eval_count: 7, eval_count: 9, count: 1 });
    const s = await httpStream({ url: fake.url + '/api/chat', body: chat() });
    const lines = s.lines.map((l) => JSON.parse(l.text));
    assert.equal(lines[0].message.thinking, 'hmm');
    assert.equal(lines.at(-1).done_reason, 'length');
    assert.equal(lines.at(-1).prompt_eval_count, 7);
    assert.equal(lines.at(-1).eval_count, 9);
    await fake.script({ done_reason: null, count: 1 });
    assert.equal('done_reason' in json(await post('/api/chat', chat({ stream: false }))), false);
  });

  test('drop closes the connection without an answer', async () => {
    await fake.script({ drop: true, count: 1 });
    await assert.rejects(get('/api/tags'), /socket hang up|ECONNRESET/);
    assert.equal((await get('/api/tags')).status, 200);
  });

  test('the control API rejects unknown knobs and bad values', async () => {
    const bad = await post('/_fake/script', { chunk_dealy_ms: 5 });
    assert.equal(bad.status, 400);
    assert.match(json(bad).error, /chunk_dealy_ms/);
    assert.equal((await post('/_fake/script', { delay_ms: -1 })).status, 400);
    assert.equal((await post('/_fake/script', { count: 0 })).status, 400);
    await assert.rejects(fake.script({ hangs: true }), /400/);
    assert.deepEqual(json(await get('/_fake/scripts')), []);
  });

  test('reset forgets scripts and the log', async () => {
    await fake.script({ status: 500 });
    assert.equal((await get('/api/version')).status, 500);
    await fake.reset();
    assert.equal((await get('/api/version')).status, 200);
    assert.equal((await fake.requests()).length, 1);
  });
});

describe('request log and stats', () => {
  test('records method, path, query, headers and parsed body; DELETE clears it', async () => {
    await post('/api/chat?x=1', { model: 'llama3.2', messages: user('hello'), stream: false }, { 'X-Request-ID': 'abc-123' });
    await httpRequest({ method: 'POST', url: fake.url + '/api/generate', body: 'not json', headers: { 'Content-Type': 'text/plain' } });
    const log = await fake.requests();
    assert.equal(log.length, 2);
    assert.equal(log[0].method, 'POST');
    assert.equal(log[0].path, '/api/chat');
    assert.equal(log[0].query, 'x=1');
    assert.equal(log[0].headers['x-request-id'], 'abc-123');
    assert.deepEqual(log[0].body, { model: 'llama3.2', messages: user('hello'), stream: false });
    assert.equal(log[0].status, 200);
    assert.equal(log[0].finished, true);
    assert.equal(log[0].aborted, false);
    assert.equal(log[1].body, 'not json');
    assert.equal(log[1].status, 400);
    await fake.clearRequests();
    assert.deepEqual(await fake.requests(), []);
  });

  test('stats count requests in flight at once', async () => {
    await fake.script({ delay_ms: 300, path: '/api/tags', count: 3 });
    const rs = await Promise.all([get('/api/tags'), get('/api/tags'), get('/api/tags')]);
    assert.deepEqual(rs.map((r) => r.status), [200, 200, 200]);
    const st = await fake.stats();
    assert.equal(st.total, 3);
    assert.equal(st.max_in_flight, 3);
    assert.equal(st.in_flight, 0);
  });
});

describe('harness', () => {
  const gwEnv = { LLAMAGATE_HARNESS_MARK: 'x' };

  test('startGateway: isolated env and dirs, logs collected, listening port, stop() exit code', async () => {
    process.env.HARNESS_LEAK_CHECK = 'must-not-leak';
    const gw = await startGateway({ bin: STAND_IN, env: gwEnv, args: ['--extra'] });
    const gw2 = await startGateway({ bin: STAND_IN });
    try {
      const listening = gw.logs.find((l) => l.msg === 'listening');
      assert.equal(listening.port, gw.port);
      assert.equal(gw.url, `http://127.0.0.1:${gw.port}`);
      assert.deepEqual(listening.argv, ['--headless', '--port', '0', '--extra']);
      assert.deepEqual(Object.keys(listening.env).filter((k) => k !== 'PWD' && k !== 'SHLVL' && k !== '_').sort(),
        ['HOME', 'LANG', 'LLAMAGATE_HARNESS_MARK', 'PATH', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR']);
      assert.equal(listening.cwd, gw.dirs.cwd);
      assert.notEqual(gw.dirs.home, gw2.dirs.home);
      assert.ok(fs.statSync(listening.env.XDG_CONFIG_HOME).isDirectory());
      assert.deepEqual(gw.badLines, ['this line is not JSON']);
      assert.equal(gw.logs[0].msg, 'starting');
      const r = await httpRequest({ url: gw.url + '/' });
      assert.equal(r.body, 'LlamaGate is running');
      const line = await gw.waitForLog((l) => l.msg === 'request' && l.path === '/');
      assert.equal(line.method, 'GET');
      await assert.rejects(gw.waitForLog((l) => l.msg === 'never', 200), /no matching llamagate log line/);
      assert.equal(await gw.stop(), 0);
      assert.deepEqual(await gw.exited, { code: 0, signal: null });
      assert.equal(gw.logs.at(-1).msg, 'stopping');
      assert.equal(await gw2.stop('SIGKILL'), null);
    } finally {
      delete process.env.HARNESS_LEAK_CHECK;
    }
  });

  test('startGateway rejects with the output when the process exits first or never listens', async () => {
    await assert.rejects(startGateway({ bin: STAND_IN, args: ['--exit-early'] }), /did not start[\s\S]*giving up/);
    const t0 = Date.now();
    await assert.rejects(startGateway({ bin: STAND_IN, args: ['--never-listen'], timeoutMs: 500 }), /did not start[\s\S]*within 500 ms/);
    assert.ok(Date.now() - t0 < 5000);
  });

  test('runGateway resolves the exit code and output of runs that end by themselves', async () => {
    const bad = await runGateway({ bin: STAND_IN, env: { PORT: 'abc' } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /PORT/);
    assert.equal(bad.timedOut, false);
    const help = await runGateway({ bin: STAND_IN, args: ['--help'] });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage:/);
    const stuck = await runGateway({ bin: STAND_IN, args: ['--never-listen'], timeoutMs: 300 });
    assert.equal(stuck.timedOut, true);
    assert.equal(stuck.signal, 'SIGKILL');
  });

  test('parseSse splits frames, data lines and comments', () => {
    const frames = parseSse(': keep-alive\n\ndata: {"a":1}\n\nevent: x\ndata: [DONE]\n\n');
    assert.deepEqual(frames, [
      { data: null, event: null, comment: 'keep-alive' },
      { data: '{"a":1}', event: null, comment: null },
      { data: '[DONE]', event: 'x', comment: null },
    ]);
  });

  test('waitFor resolves the first truthy value and rejects after its timeout', async () => {
    let n = 0;
    assert.equal(await waitFor(() => (++n >= 3 ? n : 0), { intervalMs: 1 }), 3);
    await assert.rejects(waitFor(() => false, { timeoutMs: 50, what: 'nothing' }), /waiting for nothing/);
  });
});
