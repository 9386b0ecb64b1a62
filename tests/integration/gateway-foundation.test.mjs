// The real binary, started headless, against the scripted fake Ollama: health, models, errors, limits, logs,
// request ids, settings errors and graceful shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import http from 'node:http';
import {
  startFakeOllama, startGateway, runGateway, httpRequest, rawRequest, waitFor,
} from './lib/harness.mjs';

let ollama;
let gw;

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGateway({ env: { OLLAMA_HOST: ollama.url, TIMEOUT: '2s', HEALTH_TIMEOUT: '1s' } });
});

after(async () => {
  await gw?.stop();
  await ollama?.stop();
});

function errorEnvelope(body) {
  const json = JSON.parse(body);
  assert.equal(typeof json.error, 'object');
  for (const key of ['message', 'type', 'param', 'code']) assert.ok(key in json.error, `error.${key} present`);
  assert.equal(typeof json.error.message, 'string');
  return json.error;
}

/** A port with nothing listening on it. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

test('/health is 200 with Ollama up, in the original format', async () => {
  const r = await httpRequest({ url: `${gw.url}/health` });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /application\/json/);
  assert.deepEqual(JSON.parse(r.body), { status: 'healthy', ollama: 'connected', ollama_host: ollama.url });
});

test('/health is 503 with Ollama down, and the gateway keeps serving', async () => {
  const port = await closedPort();
  const down = await startGateway({ env: { OLLAMA_HOST: `http://127.0.0.1:${port}` } });
  try {
    const r = await httpRequest({ url: `${down.url}/health` });
    assert.equal(r.status, 503);
    const body = JSON.parse(r.body);
    assert.equal(body.status, 'unhealthy');
    assert.equal(body.error, 'Ollama unreachable');
    assert.equal(body.ollama_host, `http://127.0.0.1:${port}`);
    const models = await httpRequest({ url: `${down.url}/v1/models` });
    assert.equal(models.status, 502);
    const error = errorEnvelope(models.body);
    assert.equal(error.code, 'upstream_unreachable');
    assert.equal(error.type, 'api_error');
    assert.equal((await httpRequest({ url: `${down.url}/` })).status, 200);
  } finally {
    assert.equal(await down.stop(), 0);
  }
});

test('/health is 503 when Ollama hangs longer than HEALTH_TIMEOUT', async () => {
  await ollama.script({ path: '/api/version', hang: true, count: 1 });
  const started = Date.now();
  const r = await httpRequest({ url: `${gw.url}/health` });
  assert.equal(r.status, 503);
  assert.ok(Date.now() - started < 5000, 'answered within the health timeout, not the request timeout');
  await ollama.reset();
});

test('GET / and HEAD / answer for native clients', async () => {
  const get = await httpRequest({ url: `${gw.url}/` });
  assert.equal(get.status, 200);
  assert.equal(get.body, 'LlamaGate is running');
  const head = await httpRequest({ method: 'HEAD', url: `${gw.url}/` });
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], String(Buffer.byteLength('LlamaGate is running')));
  assert.equal(head.body, '');
});

test('/v1/models lists Ollama models in the OpenAI shape', async () => {
  const tags = JSON.parse(fs.readFileSync(path.join(process.env.LLAMAGATE_FIXTURES, 'ollama/native/tags.json'), 'utf8'));
  const r = await httpRequest({ url: `${gw.url}/v1/models` });
  assert.equal(r.status, 200);
  const list = JSON.parse(r.body);
  assert.equal(list.object, 'list');
  assert.deepEqual(list.data.map((m) => m.id), tags.models.map((m) => m.name));
  for (const model of list.data) {
    assert.equal(model.object, 'model');
    assert.ok(Number.isInteger(model.created) && model.created > 1_600_000_000, 'created is unix seconds');
    assert.equal(typeof model.owned_by, 'string');
  }
});

test('/v1/models is an empty array, not null, when Ollama has no models', async () => {
  await ollama.setModels(null);
  try {
    const r = await httpRequest({ url: `${gw.url}/v1/models` });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { object: 'list', data: [] });
  } finally {
    await ollama.reset();
  }
});

test('/v1/models/{id} accepts ids with ":" and "/"', async () => {
  await ollama.setModels(['llama3.2:latest', 'library/llama3:8b', 'someone/tool-model:q4']);
  try {
    for (const id of ['llama3.2:latest', 'library/llama3:8b', 'someone/tool-model:q4']) {
      const r = await httpRequest({ url: `${gw.url}/v1/models/${id}` });
      assert.equal(r.status, 200, r.body);
      const model = JSON.parse(r.body);
      assert.equal(model.id, id);
      assert.equal(model.object, 'model');
    }
    const shows = (await ollama.requests()).filter((q) => q.path === '/api/show').map((q) => q.body.model ?? q.body.name);
    assert.deepEqual(shows, ['llama3.2:latest', 'library/llama3:8b', 'someone/tool-model:q4']);
  } finally {
    await ollama.reset();
  }
});

test('/v1/models/{id} of an unknown model is a 404 model_not_found envelope', async () => {
  const r = await httpRequest({ url: `${gw.url}/v1/models/no-such-model:1b` });
  assert.equal(r.status, 404);
  const error = errorEnvelope(r.body);
  assert.equal(error.code, 'model_not_found');
  assert.equal(error.type, 'invalid_request_error');
  assert.match(error.message, /no-such-model:1b/);
});

test('an upstream slower than TIMEOUT is a 504 envelope', async () => {
  await ollama.script({ path: '/api/tags', delay_ms: 4000, count: 1 });
  const started = Date.now();
  const r = await httpRequest({ url: `${gw.url}/v1/models` });
  assert.equal(r.status, 504);
  assert.equal(errorEnvelope(r.body).code, 'upstream_timeout');
  assert.ok(Date.now() - started < 3900, 'the gateway gave up at TIMEOUT (2s)');
  await ollama.reset();
});

test('unknown paths get a JSON 404 envelope, wrong methods a 405 with Allow', async () => {
  const missing = await httpRequest({ url: `${gw.url}/v2/nothing` });
  assert.equal(missing.status, 404);
  assert.match(missing.headers['content-type'], /application\/json/);
  assert.equal(errorEnvelope(missing.body).type, 'invalid_request_error');

  const wrong = await httpRequest({ method: 'DELETE', url: `${gw.url}/v1/models` });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.allow, 'GET, HEAD');
  assert.equal(errorEnvelope(wrong.body).code, 'method_not_allowed');
});

test('every response carries X-Request-ID; a sane incoming one is kept, others replaced', async () => {
  const fresh = await httpRequest({ url: `${gw.url}/` });
  assert.match(fresh.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const kept = await httpRequest({ url: `${gw.url}/`, headers: { 'X-Request-ID': 'client-trace-0001' } });
  assert.equal(kept.headers['x-request-id'], 'client-trace-0001');
  const replaced = await httpRequest({ url: `${gw.url}/`, headers: { 'X-Request-ID': 'bad id with spaces <script>' } });
  assert.match(replaced.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const notFound = await httpRequest({ url: `${gw.url}/missing` });
  assert.ok(notFound.headers['x-request-id']);
});

test('log lines are JSON objects carrying the request id the response header carries', async () => {
  const r = await httpRequest({ url: `${gw.url}/v1/models`, headers: { Authorization: 'Bearer sk-secret-do-not-log' } });
  const id = r.headers['x-request-id'];
  const line = await gw.waitForLog((o) => o.request_id === id);
  assert.equal(line.msg, 'request');
  assert.equal(line.level, 'info');
  assert.equal(line.method, 'GET');
  assert.equal(line.path, '/v1/models');
  assert.equal(line.status, 200);
  assert.equal(typeof line.latency_ms, 'number');
  assert.equal(line.ip, '127.0.0.1');
  assert.ok(!Number.isNaN(Date.parse(line.time)));
  assert.deepEqual(gw.badLines, [], 'every stdout line is a JSON object');
  assert.ok(!gw.stdout.includes('sk-secret-do-not-log'), 'no secret in the log');
});

test('an announced oversized body gets 413 and a streamed one too, with memory staying bounded', async () => {
  const small = await startGateway({ env: { OLLAMA_HOST: ollama.url, MAX_REQUEST_SIZE: '1MB' } });
  try {
    const announced = await httpRequest({
      method: 'POST', url: `${small.url}/v1/models`, body: Buffer.alloc(3 * 1024 * 1024, 0x61),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(announced.status, 413);
    assert.equal(errorEnvelope(announced.body).code, 'request_too_large');

    const before = rssKb(small.process.pid);
    // 64 MB in chunked encoding, with no length announced.
    const status = await new Promise((resolve, reject) => {
      const req = http.request(`${small.url}/v1/chat/completions`, { method: 'POST', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', (e) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve('reset') : reject(e)));
      const block = Buffer.alloc(256 * 1024, 0x62);
      let sent = 0;
      const pump = () => {
        while (sent < 256) {
          sent += 1;
          if (!req.write(block)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    const grownKb = rssKb(small.process.pid) - before;
    assert.ok(grownKb < 16 * 1024, `RSS grew by ${grownKb} KB while 64 MB were refused`);
    assert.equal((await httpRequest({ url: `${small.url}/` })).status, 200, 'still serving');
  } finally {
    assert.equal(await small.stop(), 0);
  }
});

test('oversized and too many headers get 431', async () => {
  const big = await httpRequest({ url: `${gw.url}/`, headers: { 'X-Big': 'a'.repeat(40 * 1024) } }).catch((e) => e);
  assert.equal(big.status, 431, String(big));
  const many = {};
  for (let i = 0; i < 120; i++) many[`X-H${i}`] = 'v';
  const r = await httpRequest({ url: `${gw.url}/`, headers: many });
  assert.equal(r.status, 431);
  assert.equal(errorEnvelope(r.body).code, 'request_header_fields_too_large');
});

test('a stalled connection is closed at HEADER_TIMEOUT', async () => {
  const strict = await startGateway({ env: { OLLAMA_HOST: ollama.url, HEADER_TIMEOUT: '500ms' } });
  try {
    const started = Date.now();
    const r = await rawRequest(strict.port, 'GET / HTTP/1.1\r\nHost: x\r\n', { timeoutMs: 5000 });
    assert.ok(r.closed && !r.timedOut, 'the server closed the connection');
    assert.ok(Date.now() - started < 4000);
    assert.match(r.data, /^HTTP\/1\.1 408 /);
  } finally {
    await strict.stop();
  }
});

test('a client that disconnects while its answer is pending does not crash the gateway', async () => {
  await ollama.script({ path: '/api/tags', delay_ms: 700, count: 3 });
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => {
      const req = http.get(`${gw.url}/v1/models`, { agent: false });
      req.on('error', () => resolve());
      setTimeout(() => { req.destroy(); resolve(); }, 100);
    });
  }
  await waitFor(async () => (await ollama.requests()).filter((q) => q.path === '/api/tags' && q.aborted).length === 3,
    { timeoutMs: 5000, what: 'the fake Ollama to see three aborted requests' });
  assert.equal((await httpRequest({ url: `${gw.url}/health` })).status, 200);
  const gone = await gw.waitForLog((o) => o.msg === 'request' && o.status === 499);
  assert.equal(gone.path, '/v1/models');
  await ollama.reset();
});

test('SIGTERM during a slow request lets it finish, then exits 0', async () => {
  const draining = await startGateway({ env: { OLLAMA_HOST: ollama.url } });
  await ollama.script({ path: '/api/tags', delay_ms: 1500, count: 1 });
  const pending = httpRequest({ url: `${draining.url}/v1/models` });
  await waitFor(async () => (await ollama.requests()).some((q) => q.path === '/api/tags'), { what: 'upstream request' });
  const code = draining.stop('SIGTERM');
  await draining.waitForLog((o) => o.msg === 'shutting down');
  // New connections are refused while draining.
  await assert.rejects(httpRequest({ url: `${draining.url}/`, timeoutMs: 2000 }));
  const r = await pending;
  assert.equal(r.status, 200);
  assert.equal(JSON.parse(r.body).object, 'list');
  assert.equal(await code, 0);
  // Its log line (written after the answer, in a batch) is not lost at exit, and comes before "stopped".
  const lineOf = (predicate) => draining.logs.findIndex(predicate);
  const requestLine = lineOf((o) => o.msg === 'request' && o.path === '/v1/models' && o.request_id === r.headers['x-request-id']);
  assert.ok(requestLine >= 0, 'the drained request is logged');
  assert.equal(draining.logs[requestLine].status, 200);
  assert.ok(requestLine < lineOf((o) => o.msg === 'stopped'), 'before "stopped"');
  await ollama.reset();
});

test('a second SIGTERM while draining exits at once', async () => {
  const draining = await startGateway({ env: { OLLAMA_HOST: ollama.url } });
  await ollama.script({ path: '/api/tags', delay_ms: 10000, count: 1 });
  const pending = httpRequest({ url: `${draining.url}/v1/models` }).catch((e) => e);
  await waitFor(async () => (await ollama.requests()).some((q) => q.path === '/api/tags'), { what: 'upstream request' });
  draining.process.kill('SIGTERM');
  await draining.waitForLog((o) => o.msg === 'shutting down');
  const started = Date.now();
  draining.process.kill('SIGTERM');
  const { code } = await draining.exited;
  assert.equal(code, 128 + 15);
  assert.ok(Date.now() - started < 3000, 'did not wait for the drain');
  assert.ok((await pending) instanceof Error, 'the pending request was cut off');
  await ollama.reset();
});

test('an invalid setting exits 2 naming the variable, the value and what is accepted', async () => {
  const env = await runGateway({ env: { PORT: 'eighty' } });
  assert.equal(env.code, 2);
  assert.match(env.stderr, /Invalid PORT "eighty": expected an integer from 0 to 65535/);
  const flag = await runGateway({ args: ['--timeout', '31m'] });
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /Invalid --timeout "31m": expected a duration .* from 1s to 30m/);
  const open = await runGateway({ env: { LISTEN_ADDRESS: '0.0.0.0' } });
  assert.equal(open.code, 2);
  assert.match(open.stderr, /without an API key/);
});

test('a .env file in the working directory is read; a bad line is reported with its number', async () => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'llamagate-env-'));
  try {
    fs.writeFileSync(path.join(dir, '.env'), `# settings\nOLLAMA_HOST=${ollama.url}\nDEBUG=true\n`);
    const fromEnvFile = await startGateway({ cwd: dir });
    const r = await httpRequest({ url: `${fromEnvFile.url}/health` });
    assert.equal(JSON.parse(r.body).ollama_host, ollama.url);
    await fromEnvFile.waitForLog((o) => o.level === 'debug' && o.msg === 'upstream request');
    await fromEnvFile.stop();

    fs.writeFileSync(path.join(dir, '.env'), 'PORT=1\nthis is not a setting\n');
    const bad = await runGateway({ cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.env line 2: expected KEY=value/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without DEBUG there are no debug lines', async () => {
  await httpRequest({ url: `${gw.url}/v1/models` });
  assert.ok(!gw.logs.some((o) => o.level === 'debug'));
});

test('LOG_FILE gets the same lines and rotates by LOG_MAX_SIZE', async () => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'llamagate-log-'));
  const file = path.join(dir, 'gateway.log');
  const logged = await startGateway({ env: { OLLAMA_HOST: ollama.url, LOG_FILE: file, LOG_MAX_SIZE: '4KB', LOG_MAX_FILES: '2' } });
  try {
    for (let i = 0; i < 100; i++) await httpRequest({ url: `${logged.url}/` });
    await waitFor(() => fs.existsSync(`${file}.2`), { what: 'two rotations' });
    assert.ok(!fs.existsSync(`${file}.3`));
    for (const name of [file, `${file}.1`, `${file}.2`]) {
      const text = fs.readFileSync(name, 'utf8');
      assert.ok(Buffer.byteLength(text) <= 4096);
      for (const line of text.trim().split('\n')) assert.equal(typeof JSON.parse(line).msg, 'string');
    }
  } finally {
    await logged.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--version and --help', async () => {
  const version = await runGateway({ args: ['--version'], headless: false });
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^llamagate \d+\.\d+\.\d+ \(Qt 6\.\d+\.\d+\)/);
  const help = await runGateway({ args: ['--help'], headless: false });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: llamagate \[options\]/);
  for (const text of ['--headless', '--port', '--ollama-host', 'OLLAMA_HOST', 'MCP_DENY_TOOLS', '--shutdown-timeout']) {
    assert.ok(help.stdout.includes(text), `--help mentions ${text}`);
  }
  const unknown = await runGateway({ args: ['--no-such-flag'] });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no-such-flag/);
});
