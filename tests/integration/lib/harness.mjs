// Helpers for LlamaGate's node:test integration tests: the fake Ollama, the real `llamagate` binary started in an
// isolated environment, and small HTTP clients (including raw bytes over TCP for malformed requests).
//
// Every process started through this module is killed when the test file finishes (a top-level node:test `after`
// hook) and when the test process exits for any reason (an 'exit' handler, SIGINT/SIGTERM handlers); the fake
// also exits by itself when its stdin pipe closes, so it cannot outlive a test process that was SIGKILLed.

import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TESTS_DIR = path.resolve(HERE, '../..');
export const FAKE_OLLAMA_PATH = path.join(TESTS_DIR, 'fake-ollama', 'fake-ollama.mjs');
export const FIXTURES_DIR = path.join(TESTS_DIR, 'fixtures');

/** A client-side function tool, as an OpenAI client would send it. */
export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
/** The messages of a chat that is one user turn. */
export const user = (content) => [{ role: 'user', content }];

// ---------------------------------------------------------------------------------------------------------------
// process tracking and cleanup

const tracked = new Set(); // { child, tmpRoot }

function killAllSync() {
  for (const t of tracked) {
    if (t.child.exitCode === null && t.child.signalCode === null) {
      try { t.child.kill('SIGKILL'); } catch { /* already gone */ }
    }
    removeTmp(t);
  }
  tracked.clear();
}

function removeTmp(t) {
  if (t.tmpRoot && !process.env.LLAMAGATE_KEEP_TMP) {
    try { fs.rmSync(t.tmpRoot, { recursive: true, force: true }); } catch { /* best effort */ }
    t.tmpRoot = null;
  }
}

// The end-of-file hook: node:test runs it before the test file's own top-level `after` hooks (it was registered
// first), so it is gentle: SIGTERM, then SIGKILL for what is still alive after a grace period. A test's own later
// `stop()` then still sees the process's real exit code.
async function killAll() {
  const waits = [];
  for (const t of tracked) {
    if (t.child.exitCode === null && t.child.signalCode === null) {
      waits.push(new Promise((resolve) => {
        const timer = setTimeout(() => { try { t.child.kill('SIGKILL'); } catch { /* gone */ } resolve(); }, 3000);
        t.child.once('exit', () => { clearTimeout(timer); resolve(); });
      }));
      try { t.child.kill('SIGTERM'); } catch { /* already gone */ }
    }
  }
  await Promise.all(waits);
  killAllSync();
}

process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killAllSync();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}
if (process.env.NODE_TEST_CONTEXT || /\.test\.m?js$/.test(process.argv[1] ?? '')) {
  const { after } = await import('node:test');
  after(killAll);
}

function track(child, tmpRoot = null) {
  const t = { child, tmpRoot };
  tracked.add(t);
  child.once('exit', () => {
    // temp dirs of the gateway stay until the end of the test file so tests can inspect files written there
    if (!t.tmpRoot) tracked.delete(t);
  });
  return t;
}

function lineSplitter(onLine) {
  let buf = '';
  return (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      onLine(line);
    }
  };
}

const MAX_KEPT = 4 * 1024 * 1024;
const appendCapped = (s, add) => (s.length + add.length > MAX_KEPT ? (s + add).slice(-MAX_KEPT) : s + add);

function exitPromise(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function stopChild(child, exited, signal, timeoutMs) {
  if (child.exitCode === null && child.signalCode === null) {
    try { child.kill(signal); } catch { /* gone */ }
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
    clearTimeout(timer);
  }
  return (await exited).code;
}

// ---------------------------------------------------------------------------------------------------------------
// fake Ollama

/**
 * Starts tests/fake-ollama/fake-ollama.mjs on an ephemeral loopback port.
 * opts: { fast, chunks, chunkDelayMs, embedDim, fixtures, args: [...extra CLI args], timeoutMs }
 */
export async function startFakeOllama(opts = {}) {
  const args = [FAKE_OLLAMA_PATH, '--port', '0', '--host', '127.0.0.1', '--exit-with-stdin'];
  if (opts.fast) args.push('--fast');
  if (opts.chunks != null) args.push('--chunks', String(opts.chunks));
  if (opts.chunkDelayMs != null) args.push('--chunk-delay-ms', String(opts.chunkDelayMs));
  if (opts.embedDim != null) args.push('--embed-dim', String(opts.embedDim));
  if (opts.fixtures) args.push('--fixtures', opts.fixtures);
  args.push(...(opts.args ?? []));

  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  track(child);
  const exited = exitPromise(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr = appendCapped(stderr, d); });

  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fake Ollama did not start within ${opts.timeoutMs ?? 10000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 10000);
    child.stdout.on('data', lineSplitter((line) => {
      stdout = appendCapped(stdout, line + '\n');
      try {
        const ev = JSON.parse(line);
        if (ev.event === 'listening') { clearTimeout(timer); resolve(ev); }
      } catch { /* not the listening line */ }
    }));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fake Ollama exited (code ${code}, signal ${signal}) before listening\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });

  const url = info.url;
  const control = async (method, p, body) => {
    const r = await httpRequest({ method, url: url + p, body });
    if (r.status !== 200) throw new Error(`fake Ollama control ${method} ${p} failed: ${r.status} ${r.body}`);
    return JSON.parse(r.body);
  };
  return {
    url,
    port: info.port,
    process: child,
    get stderr() { return stderr; },
    /** Scripts the next requests: an object (or an array of them) with the knobs in tests/fake-ollama/README.md. */
    script: (obj) => control('POST', '/_fake/script', obj),
    /** Forgets scripts, the request log and stats; restores the model list of tags.json. */
    reset: () => control('POST', '/_fake/reset', {}),
    /** Every request received (not the control calls): method, path, query, headers, body, status, aborted, … */
    requests: () => control('GET', '/_fake/requests'),
    clearRequests: () => control('DELETE', '/_fake/requests'),
    /** { total, in_flight, max_in_flight, aborted } */
    stats: () => control('GET', '/_fake/stats'),
    /** Replaces the known models: names (or /api/tags entries); null makes /api/tags answer {"models":null}. */
    setModels: (models) => control('POST', '/_fake/models', { models }),
    stop: (signal = 'SIGTERM') => stopChild(child, exited, signal, 5000),
    exited,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// the real gateway

function isolatedEnv(env, cwd) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-test-'));
  const dirs = { root };
  for (const d of ['home', 'config', 'data', 'cache', 'runtime', 'cwd']) {
    dirs[d] = path.join(root, d);
    fs.mkdirSync(dirs[d], { mode: 0o700 });
  }
  if (cwd) dirs.cwd = cwd;
  const fullEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: process.env.LANG ?? 'C.UTF-8',
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.runtime, // keeps Qt from warning about a missing runtime dir
    ...env,
  };
  return { dirs, fullEnv };
}

function gatewayBin(override) {
  const bin = override ?? process.env.LLAMAGATE_BIN;
  if (!bin) throw new Error('LLAMAGATE_BIN is not set (CTest sets it to the built llamagate binary)');
  return bin;
}

/**
 * Starts the real binary: `$LLAMAGATE_BIN --headless --port 0 ...args` with an isolated environment.
 * opts: { args = [], env = {}, cwd, port = 0 (null: no --port flag), headless = true, timeoutMs = 20000,
 *         bin (default: $LLAMAGATE_BIN) }
 * Resolves when a stdout log line has "msg":"listening" and a numeric "port".
 */
export async function startGateway({ args = [], env = {}, cwd, port = 0, headless = true, timeoutMs = 20000, bin: binOverride } = {}) {
  const bin = gatewayBin(binOverride);
  const { dirs, fullEnv } = isolatedEnv(env, cwd);
  const argv = [...(headless ? ['--headless'] : []), ...(port != null ? ['--port', String(port)] : []), ...args];
  const child = spawn(bin, argv, { cwd: dirs.cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child, dirs.root);
  const exited = exitPromise(child);
  const logs = [];
  const badLines = [];
  const waiters = new Set();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr = appendCapped(stderr, d); });
  child.stdout.on('data', lineSplitter((line) => {
    stdout = appendCapped(stdout, line + '\n');
    if (line.trim() === '') return;
    let obj;
    try { obj = JSON.parse(line); } catch { badLines.push(line); return; }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) { badLines.push(line); return; }
    logs.push(obj);
    for (const w of waiters) w(obj);
  }));
  child.once('exit', () => { for (const w of waiters) w(null); });
  const describe = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;

  const waitForLog = (predicate, waitMs = 5000) => new Promise((resolve, reject) => {
    const found = logs.find(predicate);
    if (found) return resolve(found);
    let timer;
    const w = (obj) => {
      if (obj === null) {
        waiters.delete(w); clearTimeout(timer);
        reject(new Error(`llamagate exited (code ${child.exitCode}, signal ${child.signalCode}) while waiting for a log line\n${describe()}`));
      } else if (predicate(obj)) {
        waiters.delete(w); clearTimeout(timer); resolve(obj);
      }
    };
    if (child.exitCode !== null || child.signalCode !== null) return w(null);
    waiters.add(w);
    timer = setTimeout(() => {
      waiters.delete(w);
      reject(new Error(`no matching llamagate log line within ${waitMs} ms\n${describe()}`));
    }, waitMs);
  });

  let listening;
  try {
    listening = await waitForLog((o) => o.msg === 'listening' && Number.isInteger(o.port), timeoutMs);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`llamagate did not start (${argv.join(' ')}): ${e.message}`);
  }
  const gw = {
    url: `http://127.0.0.1:${listening.port}`,
    port: listening.port,
    process: child,
    logs,
    badLines,
    dirs,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    waitForLog,
    /** Sends the signal and resolves with the exit code (null if it died by a signal); SIGKILL after timeoutMs. */
    stop: (signal = 'SIGTERM', timeoutMs = 15000) => stopChild(child, exited, signal, timeoutMs),
    exited,
  };
  return gw;
}

/**
 * Runs the binary expecting it to exit by itself (invalid settings, --help, --version).
 * opts: { args = [], env = {}, cwd, headless = true, timeoutMs = 20000, bin }. No --port flag is added.
 * Resolves { code, signal, stdout, stderr, timedOut }; a run that does not exit in time is SIGKILLed.
 */
export async function runGateway({ args = [], env = {}, cwd, headless = true, timeoutMs = 20000, bin: binOverride } = {}) {
  const bin = gatewayBin(binOverride);
  const { dirs, fullEnv } = isolatedEnv(env, cwd);
  const argv = [...(headless ? ['--headless'] : []), ...args];
  const child = spawn(bin, argv, { cwd: dirs.cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const t = track(child, dirs.root);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { stdout = appendCapped(stdout, d); });
  child.stderr.on('data', (d) => { stderr = appendCapped(stderr, d); });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
  // 'close' comes after 'exit' and after both stdio pipes have been read to their end
  const { code, signal } = await new Promise((resolve) => child.once('close', (c, s) => resolve({ code: c, signal: s })));
  clearTimeout(timer);
  tracked.delete(t);
  removeTmp(t);
  return { code, signal, stdout, stderr, timedOut, dirs };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers

function encodeBody(body, headers) {
  if (body == null) return null;
  const has = (name) => Object.keys(headers).some((k) => k.toLowerCase() === name);
  let payload = body;
  if (!(typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Uint8Array)) {
    if (!has('content-type')) headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  // node sends no framing for a DELETE/GET body unless told the length; set it unless the test chose its own framing
  if (!has('content-length') && !has('transfer-encoding')) headers['Content-Length'] = Buffer.byteLength(payload);
  return payload;
}

/**
 * One HTTP request over node:http. body: string | Buffer | object (sent as JSON). A fresh connection unless `agent`
 * is given. Resolves { status, headers, rawHeaders, body } (body as text); rejects on socket errors and timeouts.
 */
export function httpRequest({ method = 'GET', url, headers = {}, body, timeoutMs = 30000, agent } = {}) {
  const hdrs = { ...headers };
  const payload = encodeBody(body, hdrs);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: hdrs, agent: agent ?? false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
    const timer = setTimeout(() => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    if (payload != null) req.end(payload); else req.end();
  });
}

/**
 * A request whose response is read line by line as it arrives (NDJSON, SSE). Each non-empty line is recorded
 * with `t`, milliseconds since the request was sent. abortAfterLines: the client hangs up after that many lines.
 * Resolves { status, headers, lines: [{ text, t }], body, aborted, error }. A connection that breaks mid-body
 * resolves with `error` set (the lines received until then are kept) instead of rejecting.
 */
export function httpStream({ method = 'POST', url, headers = {}, body, timeoutMs = 30000, abortAfterLines, abortWhen, agent } = {}) {
  const hdrs = { ...headers };
  const payload = encodeBody(body, hdrs);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let result = null;
    const finish = (extra) => {
      if (!result) return;
      clearTimeout(timer);
      const r = { ...result, ...extra };
      result = null;
      resolve(r);
    };
    const req = http.request(url, { method, headers: hdrs, agent: agent ?? false }, (res) => {
      result = { status: res.statusCode, headers: res.headers, lines: [], body: '', aborted: false, error: null, ttfb: performance.now() - t0 };
      const r = result;
      res.setEncoding('utf8');
      const split = lineSplitter((text) => {
        if (text === '' || r.aborted) return;
        r.lines.push({ text, t: performance.now() - t0 });
        if ((abortAfterLines != null && r.lines.length >= abortAfterLines) || abortWhen?.(text)) {
          r.aborted = true;
          req.destroy();
          finish({});
        }
      });
      res.on('data', (d) => { r.body += d; split(d); });
      res.on('end', () => { split('\n'); finish({}); }); // a last line without '\n' (non-stream JSON) counts too
      res.on('error', (e) => finish({ error: e.message }));
      res.on('close', () => finish(res.complete ? {} : { error: 'connection closed before the response ended' }));
    });
    const timer = setTimeout(() => {
      if (result) finish({ error: `timed out after ${timeoutMs} ms` });
      else reject(new Error(`${method} ${url} timed out after ${timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    req.on('error', (e) => {
      if (result) finish({ error: e.message });
      else { clearTimeout(timer); reject(e); }
    });
    if (payload != null) req.end(payload); else req.end();
  });
}

/** SSE text → [{ data, event, comment }] frames ("data: [DONE]" kept as data '[DONE]'). */
export function parseSse(text) {
  const frames = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (block.trim() === '') continue;
    const f = { data: null, event: null, comment: null };
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) f.comment = (f.comment ?? '') + line.slice(1).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      else if (line.startsWith('event:')) f.event = line.slice(6).trim();
    }
    if (data.length) f.data = data.join('\n');
    frames.push(f);
  }
  return frames;
}

/**
 * Raw bytes over TCP (node:net) for malformed HTTP. bytes: string | Buffer | array of them written gapMs apart.
 * Resolves when the server closes the connection or after timeoutMs: { data, closed, timedOut, error }.
 */
export function rawRequest(port, bytes, { host = '127.0.0.1', timeoutMs = 5000, gapMs = 0 } = {}) {
  const parts = Array.isArray(bytes) ? bytes : [bytes];
  return new Promise((resolve) => {
    const chunks = [];
    let done = false;
    const sock = net.connect(port, host);
    const finish = (extra) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed: false, timedOut: false, error: null, ...extra });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => finish({ closed: true }));
    sock.on('close', () => finish({ closed: true }));
    sock.on('error', (e) => finish({ closed: true, error: e.code ?? e.message }));
    sock.on('connect', async () => {
      for (let i = 0; i < parts.length && !done; i++) {
        if (i > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (!done) sock.write(parts[i]);
      }
    });
  });
}

/** Polls fn (sync or async) until it returns a truthy value; rejects after timeoutMs with `what` in the message. */
export async function waitFor(fn, { timeoutMs = 5000, intervalMs = 20, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
