// API keys, scopes and rate limits against the real binary and the fake Ollama: `llamagate keys` end to end (the
// gateway picks up keys created and revoked while it runs), the auth matrix (no key, wrong key, X-API-Key before
// Bearer, each scope against each route class, API_KEY from the environment), the loopback-only rule, and 429s
// whose Retry-After is true — the official `openai` client's own retry then succeeds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { startFakeOllama, startGateway, runGateway, httpRequest, waitFor } from './lib/harness.mjs';

const KEY_FORMAT = /^lg-[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/;
const ENV_KEY = 'sk-from-the-environment';

let ollama;
const configDirs = [];

before(async () => {
  ollama = await startFakeOllama();
});

after(async () => {
  await ollama?.stop();
  for (const dir of configDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A settings folder (XDG_CONFIG_HOME) that `llamagate keys` and a gateway share. */
function configDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-keys-'));
  configDirs.push(dir);
  return dir;
}

/** `llamagate keys …` on the settings in dir. */
const keys = (dir, ...args) => runGateway({ args: ['keys', ...args], headless: false, env: { XDG_CONFIG_HOME: dir } });

/** Creates a key and returns its secret (the only line on stdout). */
async function createKey(dir, ...args) {
  const r = await keys(dir, 'create', ...args);
  assert.equal(r.code, 0, r.stderr);
  const secret = r.stdout.trim();
  assert.match(secret, KEY_FORMAT);
  return secret;
}

async function listKeys(dir) {
  const r = await keys(dir, 'list', '--json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const gateway = (dir, env = {}) =>
  startGateway({ env: { OLLAMA_HOST: ollama.url, XDG_CONFIG_HOME: dir, ...env } });

const get = (gw, p, headers = {}) => httpRequest({ url: `${gw.url}${p}`, headers });

const errorOf = (r) => JSON.parse(r.body).error;

test('keys create → use over HTTP → list → revoke while running → 401; last used is saved', async () => {
  const dir = configDir();
  const ci = await createKey(dir, '--name', 'ci', '--scope', 'inference', '--rpm', '600');
  const unused = await createKey(dir, '--name', 'unused', '--scope', 'inference,admin');

  const gw = await gateway(dir);
  try {
    const ok = await get(gw, '/v1/models', { Authorization: `Bearer ${ci}` });
    assert.equal(ok.status, 200);
    const line = await gw.waitForLog((o) => o.msg === 'request' && o.request_id === ok.headers['x-request-id']);
    assert.equal(line.key, 'ci');

    const listed = await keys(dir, 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^ID\s+NAME\s+SCOPES\s+RPM\s+CREATED\s+LAST USED$/m);
    assert.match(listed.stdout, /^[0-9a-f]{16}\s+ci\s+inference\s+600\s/m);
    assert.match(listed.stdout, /^[0-9a-f]{16}\s+unused\s+inference,admin\s+-\s/m);

    const revoked = await keys(dir, 'revoke', 'ci');
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stderr, /Revoked key "ci"/);
    const refused = await waitFor(async () => {
      const r = await get(gw, '/v1/models', { Authorization: `Bearer ${ci}` });
      return r.status === 401 ? r : null;
    }, { timeoutMs: 5000, what: 'the revoked key to be refused' });
    assert.equal(errorOf(refused).type, 'authentication_error');
    assert.equal(errorOf(refused).code, 'invalid_api_key');
    assert.equal((await get(gw, '/v1/models', { 'X-API-Key': unused })).status, 200, 'the other key still works');
  } finally {
    assert.equal(await gw.stop(), 0);
  }
  for (const secret of [ci, unused]) assert.ok(!gw.stdout.includes(secret), 'no secret in the log');
  const settings = fs.readFileSync(path.join(dir, 'LlamaGate', 'LlamaGate.ini'), 'utf8');
  for (const secret of [ci, unused]) assert.ok(!settings.includes(secret.slice(20)), 'no secret in the settings');

  const [remaining] = await listKeys(dir);
  assert.equal(remaining.name, 'unused');
  assert.deepEqual(remaining.scopes, ['inference', 'admin']);
  assert.ok(remaining.last_used, 'last used was saved when the gateway stopped');
  assert.ok(Math.abs(Date.parse(remaining.last_used) - Date.now()) < 60000);
  assert.ok(Math.abs(Date.parse(remaining.created) - Date.now()) < 60000);
});

test('keys commands: exit 2 for usage errors, 1 for failures, never a secret in a list', async () => {
  const dir = configDir();
  const secret = await createKey(dir, '--name', 'one', '--scope', 'admin');
  for (const [args, pattern] of [
    [[], /needs a subcommand/],
    [['rotate'], /Unknown keys subcommand: rotate/],
    [['create', '--scope', 'inference'], /--name/],
    [['create', '--name', 'bad name', '--scope', 'inference'], /--name/],
    [['create', '--name', 'API_KEY', '--scope', 'inference'], /API_KEY is reserved/],
    [['create', '--name', 'two'], /--scope/],
    [['create', '--name', 'two', '--scope', 'root'], /--scope/],
    [['create', '--name', 'two', '--scope', 'inference', '--rpm', 'fast'], /--rpm/],
    [['create', '--name', 'two', '--scope', 'inference', '--color'], /color/],
    [['revoke'], /exactly one/],
  ]) {
    const r = await keys(dir, ...args);
    assert.equal(r.code, 2, `keys ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  }
  const duplicate = await keys(dir, 'create', '--name', 'ONE', '--scope', 'inference');
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /already exists/);
  const unknown = await keys(dir, 'revoke', 'nobody');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No key with the name or id "nobody"/);
  const help = await keys(dir, '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /keys create --name <name> --scope inference\[,admin\]/);

  const list = await keys(dir, 'list');
  const json = await keys(dir, 'list', '--json');
  for (const r of [list, json]) {
    assert.ok(!r.stdout.includes(secret) && !r.stdout.includes(secret.slice(20)));
    assert.ok(r.stdout.includes('one'));
  }
  const [one] = JSON.parse(json.stdout);
  assert.equal((await keys(dir, 'revoke', one.id)).code, 0, 'revoke by id');
  assert.deepEqual(await listKeys(dir), []);
});

test('auth matrix: each key against each route class, headers, API_KEY', async () => {
  const dir = configDir();
  const inference = await createKey(dir, '--name', 'inf', '--scope', 'inference');
  const admin = await createKey(dir, '--name', 'adm', '--scope', 'admin');
  const gw = await gateway(dir, { API_KEY: ENV_KEY, RATE_LIMIT_RPS: '0', RATE_LIMIT_IP_RPM: '0' });
  const chat = { model: 'llama3.2', messages: [{ role: 'user', content: 'hi' }], stream: false };
  const routes = [
    { cls: 'inference', method: 'GET', p: '/v1/models' },
    { cls: 'inference', method: 'GET', p: '/v1/models/llama3.2' },
    { cls: 'inference', method: 'POST', p: '/v1/chat/completions', body: chat },
    { cls: 'inference', method: 'POST', p: '/v1/completions', body: { model: 'llama3.2', prompt: 'hi' } },
    { cls: 'inference', method: 'POST', p: '/v1/embeddings', body: { model: 'llama3.2', input: 'hi' } },
    { cls: 'inference', method: 'GET', p: '/api/tags' },
    { cls: 'inference', method: 'POST', p: '/api/show', body: { model: 'llama3.2' } },
    { cls: 'inference', method: 'POST', p: '/api/chat', body: chat },
    { cls: 'admin', method: 'GET', p: '/metrics' },
    { cls: 'admin', method: 'POST', p: '/api/pull', body: { model: 'tinyllama', stream: false } },
    { cls: 'admin', method: 'POST', p: '/api/copy', body: { source: 'llama3.2', destination: 'llama3.2-copy' } },
    { cls: 'open', method: 'GET', p: '/health' },
    { cls: 'open', method: 'GET', p: '/' },
  ];
  const callers = {
    none: {},
    wrong: { 'X-API-Key': 'lg-0000000000000000_nope' },
    inference: { Authorization: `Bearer ${inference}` },
    admin: { 'X-API-Key': admin },
    environment: { Authorization: `Bearer ${ENV_KEY}` },
  };
  const expected = (cls, caller) => {
    if (cls === 'open') return 200;
    if (caller === 'none' || caller === 'wrong') return 401;
    if (caller === 'environment' || caller === cls) return 200;
    return 403;
  };
  try {
    for (const route of routes) {
      for (const [caller, headers] of Object.entries(callers)) {
        const r = await httpRequest({ method: route.method, url: `${gw.url}${route.p}`, headers, body: route.body });
        const want = expected(route.cls, caller);
        assert.equal(r.status, want, `${caller} → ${route.method} ${route.p}: ${r.body}`);
        if (want === 401) assert.deepEqual([errorOf(r).type, errorOf(r).code], ['authentication_error', 'invalid_api_key']);
        if (want === 403) assert.equal(errorOf(r).type, 'permission_error');
      }
    }
    // X-API-Key is read first; Bearer only when there is none.
    assert.equal((await get(gw, '/v1/models', { 'X-API-Key': inference, Authorization: 'Bearer nope' })).status, 200);
    assert.equal((await get(gw, '/v1/models', { 'X-API-Key': 'nope', Authorization: `Bearer ${inference}` })).status, 401);
    // Unknown paths answer 404 only to callers with a key.
    assert.equal((await get(gw, '/nowhere')).status, 401);
    assert.equal((await get(gw, '/nowhere', { 'X-API-Key': admin })).status, 404);
    const envLine = gw.logs.find((o) => o.msg === 'request' && o.key === 'API_KEY');
    assert.ok(envLine, 'the API_KEY key is logged by its name');
  } finally {
    await gw.stop();
  }
  for (const secret of [inference, admin, ENV_KEY]) assert.ok(!gw.stdout.includes(secret), 'no secret in the log');
});

test('with no key at all auth is off', async () => {
  const gw = await gateway(configDir(), { RATE_LIMIT_RPS: '0' });
  try {
    assert.equal((await get(gw, '/v1/models')).status, 200);
    assert.equal((await httpRequest({ method: 'POST', url: `${gw.url}/api/pull`, body: { model: 'x', stream: false } })).status, 200);
  } finally {
    await gw.stop();
  }
});

test('listening beyond loopback needs a key, and a stored key counts', async () => {
  // 192.0.2.1 (TEST-NET-1) is not loopback and not on this machine: with a key the settings are accepted and only
  // binding fails (exit 1); nothing ever listens beyond loopback.
  const dir = configDir();
  const without = await runGateway({ env: { XDG_CONFIG_HOME: dir, LISTEN_ADDRESS: '192.0.2.1', PORT: '0' } });
  assert.equal(without.code, 2);
  assert.match(without.stderr, /Refusing to listen on 192\.0\.2\.1 \(beyond loopback\) without an API key/);
  await createKey(dir, '--name', 'remote', '--scope', 'inference');
  const stored = await runGateway({ env: { XDG_CONFIG_HOME: dir, LISTEN_ADDRESS: '192.0.2.1', PORT: '0' } });
  assert.equal(stored.code, 1, stored.stderr);
  assert.match(stored.stdout, /"msg":"cannot start"/);
  const env = await runGateway({ env: { API_KEY: ENV_KEY, LISTEN_ADDRESS: '192.0.2.1', PORT: '0' } });
  assert.equal(env.code, 1, env.stderr);
});

test('a burst gets 429 with a true Retry-After; /health is exempt; the openai client retries and succeeds', async () => {
  const gw = await gateway(configDir(), { RATE_LIMIT_RPS: '2', RATE_LIMIT_BURST: '1' });
  try {
    assert.equal((await get(gw, '/v1/models')).status, 200);
    const first = await get(gw, '/v1/models');
    assert.equal(first.status, 429);
    assert.deepEqual([errorOf(first).type, errorOf(first).code], ['rate_limit_error', 'rate_limit_exceeded']);
    const firstMs = Number(first.headers['retry-after-ms']);
    assert.ok(firstMs > 0 && firstMs <= 500, `retry-after-ms ${firstMs}`);
    assert.equal(first.headers['retry-after'], '1');
    const line = await gw.waitForLog((o) => o.msg === 'request' && o.request_id === first.headers['x-request-id']);
    assert.equal(line.rate_limit, 'global');

    for (let i = 0; i < 10; i++) assert.notEqual((await get(gw, '/health')).status, 429);

    const second = await get(gw, '/v1/models');
    assert.equal(second.status, 429);
    const secondMs = Number(second.headers['retry-after-ms']);
    assert.ok(secondMs > 0 && secondMs <= firstMs, `the wait shrinks as the bucket refills: ${firstMs} → ${secondMs}`);
    await new Promise((r) => setTimeout(r, secondMs));
    assert.equal((await get(gw, '/v1/models')).status, 200, 'waiting retry-after-ms is enough');

    // The bucket is empty again; the SDK gets a 429, waits what it says, and its retry succeeds.
    const calls = [];
    const client = new OpenAI({
      baseURL: `${gw.url}/v1`,
      apiKey: 'sk-unused',
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        calls.push({ status: response.status, retryMs: Number(response.headers.get('retry-after-ms')), at: Date.now() });
        return response;
      },
    });
    const models = await client.models.list();
    assert.ok(models.data.length > 0);
    assert.deepEqual(calls.map((c) => c.status), [429, 200]);
    assert.ok(calls[1].at - calls[0].at >= calls[0].retryMs - 5, 'the client waited the time the gateway named');
  } finally {
    await gw.stop();
  }
});

test('per-key and per-address limits', async () => {
  const dir = configDir();
  const slow = await createKey(dir, '--name', 'slow', '--scope', 'inference', '--rpm', '2');
  const fast = await createKey(dir, '--name', 'fast', '--scope', 'inference');
  const gw = await gateway(dir, { RATE_LIMIT_RPS: '0', RATE_LIMIT_IP_RPM: '3' });
  try {
    const withSlow = { 'X-API-Key': slow };
    assert.equal((await get(gw, '/v1/models', withSlow)).status, 200);
    assert.equal((await get(gw, '/v1/models', withSlow)).status, 200);
    const limited = await get(gw, '/v1/models', withSlow);
    assert.equal(limited.status, 429);
    const ms = Number(limited.headers['retry-after-ms']);
    assert.ok(ms > 29000 && ms <= 30000, `retry-after-ms ${ms}: a token every 30 s`);
    assert.equal(limited.headers['retry-after'], String(Math.ceil(ms / 1000)));
    const line = await gw.waitForLog((o) => o.msg === 'request' && o.request_id === limited.headers['x-request-id']);
    assert.deepEqual([line.rate_limit, line.key], ['key', 'slow']);
    assert.equal((await get(gw, '/v1/models', { 'X-API-Key': fast })).status, 200, 'other keys are not affected');

    // Without a valid key an address gets 3 requests a minute: refused keys count, then 429 replaces 401.
    const wrong = { 'X-API-Key': 'lg-0000000000000000_guess' };
    for (let i = 0; i < 3; i++) assert.equal((await get(gw, '/v1/models', wrong)).status, 401);
    const guessing = await get(gw, '/v1/models', wrong);
    assert.equal(guessing.status, 429);
    assert.ok(Number(guessing.headers['retry-after-ms']) > 19000, 'a token every 20 s');
    assert.equal((await get(gw, '/')).status, 429, 'GET / counts as keyless traffic');
    assert.equal((await get(gw, '/v1/models', { 'X-API-Key': fast })).status, 200, 'a key is not limited by its address');
  } finally {
    await gw.stop();
  }
});
