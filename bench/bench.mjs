#!/usr/bin/env node
// LlamaGate benchmark (issue 3): direct → fake Ollama, nginx → fake Ollama, LlamaGate → fake Ollama, in one run.
// Started by bench/run.sh, which installs nginx and wrk, builds the release binary and passes --bin.
//
//   node bench/bench.mjs --bin PATH [--out docs/benchmarks.md] [--command TEXT] [--quick]
//   node bench/bench.mjs --render bench/results/<run>.json --out docs/benchmarks.md   (report only, no run)
//
// Everything listens on 127.0.0.1 only; every phase is bounded in time (wrk -d, probe timeouts) and every process
// started here is stopped at the end (also on errors and signals). Results: a table on stdout, a JSON summary in
// bench/results/, and (with --out) the Markdown report.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport, renderTable } from './report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

// ---------- options ----------
function parseArgs(argv) {
  const o = {
    bin: null, out: null, command: null, quick: false,
    duration: 3, warmup: 1, rounds: 5, connections: 32,
    streams: 12, streamRounds: 3, streamWarmup: 2, chunks: 200, chunkDelayMs: 5,
    loadStreams: 32, loadConcurrency: 16,
    fakeWorkers: 2, settleMs: 2000, build: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    switch (a) {
      case '--bin': o.bin = path.resolve(v()); break;
      case '--out': o.out = path.resolve(v()); break;
      case '--command': o.command = v(); break;
      case '--build': o.build = v(); break;
      case '--fake-workers': o.fakeWorkers = Number(v()); break;
      case '--duration': o.duration = Number(v()); break;
      case '--rounds': o.rounds = Number(v()); break;
      case '--render': o.render = path.resolve(v()); break;
      case '--quick': o.quick = true; o.duration = 2; o.rounds = 1; o.streams = 3; o.streamRounds = 1; o.loadStreams = 16; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!o.bin && !o.render) throw new Error('--bin PATH (the release llamagate) is required');
  return o;
}
const opts = parseArgs(process.argv.slice(2));

// --render RESULT.json --out FILE: rewrite the report from a saved run (e.g. after editing bench/analysis.md).
if (opts.render) {
  const resultsDir = path.join(HERE, 'results');
  const history = fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json') && !f.includes('quick')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')));
  const summary = JSON.parse(fs.readFileSync(opts.render, 'utf8'));
  const report = renderReport(summary, history, fs.readFileSync(path.join(HERE, 'analysis.md'), 'utf8'));
  if (opts.out) writeReport(opts.out, report);
  else process.stdout.write(report);
  process.exit(0);
}

// ---------- process bookkeeping ----------
const children = new Set();
let gateProcess = null; // for the error report
let gateLogPath = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-bench-'));
fs.chmodSync(tmp, 0o755); // nginx workers run as nobody
const HARD_LIMIT_MS = 30 * 60 * 1000; // the whole run, whatever happens
const hardTimer = setTimeout(() => { log('bench: hard time limit reached'); stopAll().finally(() => process.exit(3)); }, HARD_LIMIT_MS);
hardTimer.unref();

function log(text) { process.stderr.write(text + '\n'); }
function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

function track(child, name) {
  child.benchName = name;
  children.add(child);
  child.exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    children.delete(child);
    resolve({ code, signal });
  }));
  return child;
}

async function stopChild(child, signal = 'SIGTERM', graceMs = 5000) {
  if (!children.has(child)) return child.exitedPromise;
  child.kill(signal);
  const done = await Promise.race([child.exitedPromise, sleep(graceMs).then(() => null)]);
  if (done) return done;
  log(`bench: ${child.benchName} did not stop on ${signal}; killing it`);
  child.kill('SIGKILL');
  return child.exitedPromise;
}

// Processes started by our children (nginx workers, fake cluster workers): killed too if their parent was.
const grandchildren = new Set();

function cleanup() {
  for (const child of children) {
    try { child.kill('SIGKILL'); } catch { /* gone */ }
  }
  for (const pid of grandchildren) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

/// On errors: ask every process to stop (nginx's master stops its workers on SIGTERM), then kill what is left.
async function stopAll() {
  await Promise.all([...children].map((child) => stopChild(child, 'SIGTERM', 5000)));
  cleanup();
}
process.on('exit', cleanup);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log(`bench: ${sig}: stopping everything`);
    stopAll().finally(() => { fs.rmSync(tmp, { recursive: true, force: true }); process.exit(130); });
  });
}

async function waitFor(what, fn, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function runCapture(cmd, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }), cmd);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code ?? signal}: ${err.slice(-2000)}`));
    });
  });
}

// ---------- /proc readings ----------
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function procStatus(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text) ?? [])[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM'), threads: Number(/^Threads:\s+(\d+)/m.exec(text)?.[1] ?? NaN) };
}

function cpuTicks(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
    } catch { /* exited */ }
  }
  return total;
}

function childPids(parent) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch { /* raced */ }
  }
  return pids;
}

/// CPU ticks of this process plus its reaped children (wrk and the stream probes, once they have exited).
function selfTicks() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

function loadAverage() { return os.loadavg().map((x) => Number(x.toFixed(2))); }

// ---------- the three upstream paths ----------
async function startFake() {
  const args = [path.join(HERE, 'fake-cluster.mjs'), '--workers', String(opts.fakeWorkers), '--chunks', String(opts.chunks),
    '--chunk-delay-ms', String(opts.chunkDelayMs), '--stamp', '--max-seconds', String(HARD_LIMIT_MS / 1000)];
  const child = track(spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] }), 'fake-ollama');
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const line = await waitFor('the fake Ollama', () => {
    if (!children.has(child)) throw new Error(`fake Ollama exited: ${err}`);
    return out.includes('\n') ? out.split('\n')[0] : null;
  });
  const info = JSON.parse(line);
  for (const pid of info.pids) grandchildren.add(pid);
  return { child, port: info.port, url: info.url, pids: [child.pid, ...info.pids] };
}

async function startLlamaGate(fakeUrl) {
  const dir = path.join(tmp, 'llamagate');
  for (const sub of ['home', 'config', 'data', 'cache', 'runtime', 'cwd']) fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o700 });
  const logPath = path.join(dir, 'stdout.log');
  const stdout = fs.openSync(logPath, 'w');
  const stderr = fs.openSync(path.join(dir, 'stderr.log'), 'w');
  const env = {
    PATH: process.env.PATH, LANG: 'C.UTF-8',
    HOME: path.join(dir, 'home'), XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'), XDG_RUNTIME_DIR: path.join(dir, 'runtime'),
    OLLAMA_HOST: fakeUrl,
    // The default is 1 request per model at a time, which would serialize every request of the benchmark.
    MODEL_CONCURRENCY: '64',
    // The default global rate limit (10/s) would cap the throughput run; the benchmark measures the proxy itself.
    RATE_LIMIT_RPS: '0',
  };
  // A private copy of the binary: the shared build tree may be rebuilt by someone else while the benchmark runs.
  const bin = path.join(dir, 'llamagate');
  fs.copyFileSync(opts.bin, bin);
  fs.chmodSync(bin, 0o755);
  const child = track(spawn(bin, ['--headless', '--port', '0'], { env, cwd: path.join(dir, 'cwd'), stdio: ['ignore', stdout, stderr] }), 'llamagate');
  gateProcess = child;
  gateLogPath = logPath;
  fs.closeSync(stdout);
  fs.closeSync(stderr);
  const port = await waitFor('LlamaGate to listen', () => {
    if (!children.has(child)) throw new Error(`LlamaGate exited: ${fs.readFileSync(path.join(dir, 'stderr.log'), 'utf8')}${fs.readFileSync(logPath, 'utf8')}`);
    const text = fs.readFileSync(logPath, 'utf8');
    const m = /"msg":"listening".*?"port":(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  });
  return { child, port, url: `http://127.0.0.1:${port}`, pids: [child.pid], logPath };
}

async function startNginx(fakePort) {
  const dir = path.join(tmp, 'nginx');
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const conf = `# generated by bench/bench.mjs
daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    upstream ollama {
        server 127.0.0.1:${fakePort};
        keepalive 64;
    }
    server {
        listen 127.0.0.1:${port};
        location / {
            proxy_pass http://ollama;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_read_timeout 300s;
        }
    }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = track(spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] }), 'nginx');
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  await waitFor('nginx to listen', async () => {
    if (!children.has(child)) throw new Error(`nginx exited: ${err}`);
    return canConnect(port);
  });
  const workers = await waitFor('nginx workers', () => { const w = childPids(child.pid); return w.length ? w : null; });
  for (const pid of workers) grandchildren.add(pid);
  return { child, port, url: `http://127.0.0.1:${port}`, pids: [child.pid, ...workers], conf };
}

// ---------- load generation ----------
let wrkRuns = 0;
async function wrk(url, kind, connections, seconds) {
  const runId = `${process.pid}-${Date.now()}-${++wrkRuns}`; // requests never repeat across wrk runs either
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', path.join(HERE, 'wrk-chat.lua'), url, '--', kind, runId];
  const out = await runCapture('wrk', args, (seconds + 30) * 1000);
  const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  const r = JSON.parse(line);
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return { ...r, rps: r.requests / (r.duration_us / 1e6), errorCount: errors };
}

async function probe(url, kind, streams, concurrency) {
  const args = [path.join(HERE, 'stream-probe.mjs'), '--url', url, '--kind', kind, '--streams', String(streams),
    '--concurrency', String(concurrency), '--expect-chunks', String(opts.chunks), '--timeout-ms', '30000'];
  const out = await runCapture(process.execPath, args, (Math.ceil(streams / concurrency) * 30 + 30) * 1000);
  const r = JSON.parse(out);
  if (r.failures.length) throw new Error(`streams through ${url} failed: ${JSON.stringify(r.failures.slice(0, 3))}`);
  return r.results;
}

async function check(url, kind, wantStream) {
  const body = JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: `Hello! #check-${Math.random()}` }], stream: wantStream });
  const res = await fetch(url + (kind === 'openai' ? '/v1/chat/completions' : '/api/chat'),
    { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(10000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const ok = kind === 'openai'
    ? (wantStream ? text.includes('[DONE]') : JSON.parse(text).choices?.[0]?.message?.content)
    : (wantStream ? text.trim().split('\n').length === opts.chunks + 1 : JSON.parse(text).message?.content);
  if (!ok) throw new Error(`${url} answered an unexpected body: ${text.slice(0, 300)}`);
}

// ---------- statistics ----------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const HELD_MS = 10; // a chunk later than this (from the fake's write to the client) counts as held back
const signedMs = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(3)} ms`;

function streamSummary(results) {
  const delays = results.flatMap((r) => r.delays);
  const n = opts.chunks;
  // Arrival time of chunk k since the request was written, median over the streams, for every k.
  const arrival = Array.from({ length: n }, (_, k) => median(results.map((r) => r.chunks[k])));
  return {
    streams: results.length,
    ttfbMs: median(results.map((r) => r.ttfbMs)),
    firstChunkMs: median(results.map((r) => r.chunks[0])),
    endMs: median(results.map((r) => r.endMs)),
    chunkDelayMs: { p50: median(delays), mean: mean(delays), p90: quantile(delays, 0.9), p99: quantile(delays, 0.99), max: Math.max(...delays) },
    firstChunkDelayMs: median(results.map((r) => r.delays[0])),
    // A stream's slowest chunk (median over the streams), and how many chunks per stream were held back > 10 ms.
    worstChunkMs: median(results.map((r) => Math.max(...r.delays))),
    heldPerStream: mean(results.map((r) => r.delays.filter((d) => d > HELD_MS).length)),
    arrival,
  };
}

// ---------- the report file (shared: other benchmarks append their own sections to it) ----------
/// Writes the generated report into `file`, keeping whatever else is in it (other benchmarks' sections): the text
/// outside the BEGIN/END markers, or — in a file without markers — every "## " section that is not one of ours.
function writeReport(file, generated) {
  const BEGIN = '<!-- bench/run.sh: begin of the generated part (issue 3; rewritten by every run, edit bench/analysis.md instead) -->';
  const END = '<!-- bench/run.sh: end of the generated part -->';
  const OWN_HEADINGS = ['Command', 'What runs', 'Machine and run', 'Results', 'Goals', 'All runs kept', 'Analysis',
    'Why LlamaGate misses', 'nginx configuration used'];
  const block = `${BEGIN}\n${generated.trimEnd()}\n${END}\n`;
  let before = '';
  let after = '';
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const b = text.indexOf(BEGIN);
    const e = text.indexOf(END);
    if (b >= 0 && e > b) {
      before = text.slice(0, b);
      after = text.slice(e + END.length).replace(/^\n/, '');
    } else {
      const kept = [];
      let current = null;
      let fenced = false;
      for (const line of text.split('\n')) {
        if (line.startsWith('```')) fenced = !fenced;
        if (!fenced && line.startsWith('## ')) {
          current = { own: OWN_HEADINGS.some((h) => line.slice(3).startsWith(h)), lines: [] };
          kept.push(current);
        }
        if (current) current.lines.push(line);
      }
      after = kept.filter((c) => !c.own).map((c) => c.lines.join('\n').trimEnd() + '\n').join('\n');
    }
  }
  fs.writeFileSync(file, before + block + (after.trim() ? `\n${after.trimEnd()}\n` : ''));
}

// ---------- main ----------
const PATHS = [
  { id: 'direct', label: 'direct → fake', kind: 'native' },
  { id: 'nginx', label: 'nginx → fake', kind: 'native' },
  { id: 'llamagate', label: 'LlamaGate /v1 → fake', kind: 'openai' },
  { id: 'passthrough', label: 'LlamaGate /api passthrough → fake', kind: 'native' },
];
const rotate = (xs, r) => xs.map((_, i) => xs[(i + r) % xs.length]);

async function main() {
  const started = new Date();
  const machine = {
    nproc: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    kernel: os.release(),
    node: process.version,
    nginx: '',
    wrk: '',
  };
  try { machine.nginx = execFileSync('sh', ['-c', 'nginx -v 2>&1'], { encoding: 'utf8' }).trim(); } catch { /* keep */ }
  try { machine.wrk = execFileSync('sh', ['-c', 'wrk -v 2>&1 | head -1'], { encoding: 'utf8' }).trim(); } catch { /* keep */ }
  const loadBefore = loadAverage();
  log(`bench: load average before the run ${loadBefore.join(' ')} on ${machine.nproc} CPUs`);

  const fake = await startFake();
  const gate = await startLlamaGate(fake.url);
  const nginx = await startNginx(fake.port);
  const urls = { direct: fake.url, nginx: nginx.url, llamagate: gate.url, passthrough: gate.url };
  const proxyPids = () => ({ direct: [], nginx: nginx.pids, llamagate: gate.pids, passthrough: gate.pids });
  log(`bench: fake ${fake.url} (${opts.fakeWorkers} workers), LlamaGate ${gate.url}, nginx ${nginx.url}; temp dir ${tmp}`);

  await sleep(opts.settleMs);
  const rssIdle = procStatus(gate.child.pid);
  log(`bench: LlamaGate idle RSS ${(rssIdle.rssKb / 1024).toFixed(1)} MiB, ${rssIdle.threads} threads`);

  for (const p of PATHS) {
    await check(urls[p.id], p.kind, false);
    await check(urls[p.id], p.kind, true);
  }

  const results = { c1: {}, c32: {}, stream: {}, streamLoad: {}, cpu: {} };
  for (const p of PATHS) { results.c1[p.id] = []; results.c32[p.id] = []; results.cpu[p.id] = []; }

  // Non-streaming latency at concurrency 1, then throughput at concurrency 32; paths interleaved, order rotated.
  for (const [phase, connections] of [['c1', 1], ['c32', opts.connections]]) {
    for (let round = 0; round < opts.rounds; round++) {
      for (const p of rotate(PATHS, round)) {
        await wrk(urls[p.id], p.kind, connections, opts.warmup);
        const pids = { fake: fake.pids, proxy: proxyPids()[p.id] };
        const before = { fake: cpuTicks(pids.fake), proxy: cpuTicks(pids.proxy), client: selfTicks(), machine: machineTicks(), t: Date.now() };
        const r = await wrk(urls[p.id], p.kind, connections, opts.duration);
        const after = { fake: cpuTicks(pids.fake), proxy: cpuTicks(pids.proxy), client: selfTicks(), machine: machineTicks(), t: Date.now() };
        // Percent of one CPU over the window from the first to the second reading (wrk's run plus its start and exit).
        const seconds = (after.t - before.t) / 1000;
        const pct = (ticks) => ticks / CLK_TCK / seconds * 100;
        const fakeCpu = pct(after.fake - before.fake);
        const proxyCpu = pct(after.proxy - before.proxy);
        const clientCpu = pct(after.client - before.client);
        const machineCpu = (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total) * 100 * machine.nproc;
        r.cpu = { fake: fakeCpu, proxy: proxyCpu, client: clientCpu, machine: machineCpu, other: Math.max(0, machineCpu - fakeCpu - proxyCpu - clientCpu) };
        r.proxyCpuUsPerRequest = ((after.proxy - before.proxy) / CLK_TCK) / r.requests * 1e6;
        if (!children.has(gate.child)) throw new Error(`LlamaGate stopped during the ${phase} run of ${p.id}`);
        if (r.errorCount) log(`bench: ${p.id} ${phase}: ${r.errorCount} errors ${JSON.stringify(r.errors)}`);
        results[phase][p.id].push(r);
        log(`bench: ${phase} round ${round + 1} ${p.id.padEnd(11)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.latency_us.p50} µs  p99 ${r.latency_us.p99} µs  cpu fake ${fakeCpu.toFixed(0)}% proxy ${proxyCpu.toFixed(0)}% client ${clientCpu.toFixed(0)}% other ${r.cpu.other.toFixed(0)}%`);
      }
    }
  }

  // Streaming, one stream at a time: warm-up streams first, then rounds interleaved over the paths.
  const streamRuns = {};
  for (const p of PATHS) { await probe(urls[p.id], p.kind, opts.streamWarmup, 1); streamRuns[p.id] = []; }
  const perRound = Math.ceil(opts.streams / opts.streamRounds);
  for (let round = 0; round < opts.streamRounds; round++) {
    for (const p of rotate(PATHS, round)) streamRuns[p.id].push(...await probe(urls[p.id], p.kind, perRound, 1));
  }
  for (const p of PATHS) {
    results.stream[p.id] = streamSummary(streamRuns[p.id]);
    const s = results.stream[p.id];
    log(`bench: stream ${p.id.padEnd(11)} ttfb ${s.ttfbMs.toFixed(2)} ms  first chunk ${s.firstChunkMs.toFixed(2)} ms  chunk delay p50 ${s.chunkDelayMs.p50.toFixed(3)} mean ${s.chunkDelayMs.mean.toFixed(3)} p99 ${s.chunkDelayMs.p99.toFixed(3)} ms  end ${s.endMs.toFixed(1)} ms`);
  }
  // Streaming under load: many streams at once (secondary figure).
  for (const p of PATHS) {
    results.streamLoad[p.id] = streamSummary(await probe(urls[p.id], p.kind, opts.loadStreams, opts.loadConcurrency));
    const s = results.streamLoad[p.id];
    log(`bench: ${opts.loadConcurrency} streams ${p.id.padEnd(11)} ttfb ${s.ttfbMs.toFixed(2)} ms  chunk delay p50 ${s.chunkDelayMs.p50.toFixed(3)} mean ${s.chunkDelayMs.mean.toFixed(3)} p99 ${s.chunkDelayMs.p99.toFixed(3)} ms`);
  }

  await sleep(opts.settleMs);
  const rssEnd = procStatus(gate.child.pid);
  const loadAfter = loadAverage();
  log(`bench: LlamaGate RSS at the end ${(rssEnd.rssKb / 1024).toFixed(1)} MiB (peak ${(rssEnd.hwmKb / 1024).toFixed(1)} MiB), load average after ${loadAfter.join(' ')}`);

  const gateExit = await stopChild(gate.child, 'SIGTERM', 10000);
  await stopChild(nginx.child, 'SIGTERM', 5000);
  fake.child.stdin.end();
  await stopChild(fake.child, 'SIGTERM', 5000);
  await sleep(300);
  cleanup(); // whatever worker is somehow still there
  grandchildren.clear();
  const gateErrors = fs.readFileSync(gate.logPath, 'utf8').split('\n').filter((l) => /"level":"error"/.test(l)).length;

  const summary = summarize({ started, machine, loadBefore, loadAfter, rssIdle, rssEnd, results, gateExit, gateErrors, nginxConf: nginx.conf });
  process.stdout.write(renderTable(summary) + '\n');

  const resultsDir = path.join(HERE, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
  const { arrivalCurves, ...compact } = summary;
  fs.writeFileSync(path.join(resultsDir, `${stamp}${opts.quick ? '-quick' : ''}.json`), JSON.stringify(compact, null, 1) + '\n');
  if (opts.out) {
    const history = fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json') && !f.includes('quick')).sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')));
    writeReport(opts.out, renderReport(summary, history, fs.readFileSync(path.join(HERE, 'analysis.md'), 'utf8')));
    log(`bench: wrote ${path.relative(process.cwd(), opts.out)}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

function summarize({ started, machine, loadBefore, loadAfter, rssIdle, rssEnd, results, gateExit, gateErrors, nginxConf }) {
  const agg = {};
  for (const p of PATHS) {
    const c1 = results.c1[p.id];
    const c32 = results.c32[p.id];
    const s = results.stream[p.id];
    const sl = results.streamLoad[p.id];
    agg[p.id] = {
      label: p.label,
      c1: {
        p50us: median(c1.map((r) => r.latency_us.p50)), p99us: median(c1.map((r) => r.latency_us.p99)),
        p50range: [Math.min(...c1.map((r) => r.latency_us.p50)), Math.max(...c1.map((r) => r.latency_us.p50))],
        p99range: [Math.min(...c1.map((r) => r.latency_us.p99)), Math.max(...c1.map((r) => r.latency_us.p99))],
        rps: median(c1.map((r) => r.rps)), errors: c1.reduce((a, r) => a + r.errorCount, 0),
        cpuOther: median(c1.map((r) => r.cpu.other)),
        proxyCpuUsPerRequest: median(c1.map((r) => r.proxyCpuUsPerRequest)),
      },
      rounds: {
        c1: c1.map((r) => ({ p50us: r.latency_us.p50, p99us: r.latency_us.p99, rps: Number(r.rps.toFixed(0)), otherCpu: Number(r.cpu.other.toFixed(0)) })),
        c32: c32.map((r) => ({ p50us: r.latency_us.p50, p99us: r.latency_us.p99, rps: Number(r.rps.toFixed(0)), otherCpu: Number(r.cpu.other.toFixed(0)) })),
      },
      c32: {
        rps: median(c32.map((r) => r.rps)), rpsRange: [Math.min(...c32.map((r) => r.rps)), Math.max(...c32.map((r) => r.rps))],
        p50us: median(c32.map((r) => r.latency_us.p50)), p99us: median(c32.map((r) => r.latency_us.p99)),
        errors: c32.reduce((a, r) => a + r.errorCount, 0),
        cpuFake: median(c32.map((r) => r.cpu.fake)), cpuProxy: median(c32.map((r) => r.cpu.proxy)),
        cpuMachine: median(c32.map((r) => r.cpu.machine)), cpuClient: median(c32.map((r) => r.cpu.client)),
        cpuOther: median(c32.map((r) => r.cpu.other)),
        proxyCpuUsPerRequest: median(c32.map((r) => r.proxyCpuUsPerRequest)),
      },
      stream: { ...s, arrival: undefined },
      streamLoad: { ...sl, arrival: undefined },
      // Added arrival time of chunk k (median over streams) vs direct, averaged over the chunks.
      arrivalAddedMs: p.id === 'direct' ? 0 : mean(s.arrival.map((t, k) => t - results.stream.direct.arrival[k])),
    };
  }
  const d = agg.direct;
  // Added latency of the non-streaming runs: the median over the rounds of (path − direct in the same round). The
  // paths of a round run back to back, so this cancels the machine's drift between rounds (other work, and whether
  // the other CPU is idle: waking an idle vCPU costs tens of µs on this VM).
  const paired = (id, phase, pick) => median(results[phase][id].map((r, i) => pick(r) - pick(results[phase].direct[i])));
  const added = (id) => ({
    c1p50us: paired(id, 'c1', (r) => r.latency_us.p50),
    c1p99us: paired(id, 'c1', (r) => r.latency_us.p99),
    c32p50us: paired(id, 'c32', (r) => r.latency_us.p50),
    ttfbMs: agg[id].stream.ttfbMs - d.stream.ttfbMs,
    firstChunkMs: agg[id].stream.firstChunkMs - d.stream.firstChunkMs,
    firstChunkDelayMs: agg[id].stream.firstChunkDelayMs - d.stream.firstChunkDelayMs,
    worstChunkMs: agg[id].stream.worstChunkMs - d.stream.worstChunkMs,
    heldPerStream: agg[id].stream.heldPerStream - d.stream.heldPerStream,
    chunkMs: agg[id].stream.chunkDelayMs.p50 - d.stream.chunkDelayMs.p50,
    chunkMeanMs: agg[id].stream.chunkDelayMs.mean - d.stream.chunkDelayMs.mean,
    chunkP99Ms: agg[id].stream.chunkDelayMs.p99 - d.stream.chunkDelayMs.p99,
    loadChunkMs: agg[id].streamLoad.chunkDelayMs.p50 - d.streamLoad.chunkDelayMs.p50,
    loadChunkMeanMs: agg[id].streamLoad.chunkDelayMs.mean - d.streamLoad.chunkDelayMs.mean,
    endMs: agg[id].stream.endMs - d.stream.endMs,
  });
  const addedBy = { nginx: added('nginx'), llamagate: added('llamagate'), passthrough: added('passthrough') };
  const lg = addedBy.llamagate;
  const ng = addedBy.nginx;
  const goals = [
    { goal: 'added p50 latency at concurrency 1 ≤ 1.5× nginx\'s', value: lg.c1p50us / ng.c1p50us, limit: 1.5, unit: '×',
      met: lg.c1p50us <= 1.5 * ng.c1p50us, detail: `${lg.c1p50us.toFixed(0)} µs vs nginx ${ng.c1p50us.toFixed(0)} µs` },
    { goal: 'throughput at concurrency 32 ≥ 0.7× nginx\'s', value: agg.llamagate.c32.rps / agg.nginx.c32.rps, limit: 0.7, unit: '×',
      met: agg.llamagate.c32.rps >= 0.7 * agg.nginx.c32.rps, detail: `${agg.llamagate.c32.rps.toFixed(0)} vs nginx ${agg.nginx.c32.rps.toFixed(0)} req/s` },
    // Judged per chunk, not only on average: the mean added delay over all chunks must be ≤ 1 ms AND chunks must not
    // be held back (> 10 ms) more often than through nginx (+0.5 per stream of slack for the machine's noise), so
    // that a stall of a few chunks in every stream is not averaged away by the ~195 chunks after it.
    { goal: '≤ 1 ms added per streamed chunk (mean over all chunks ≤ 1 ms, and no chunk held back > 10 ms more often than through nginx)',
      value: lg.chunkMeanMs, limit: 1, unit: 'ms',
      met: lg.chunkMeanMs <= 1 && agg.llamagate.stream.heldPerStream <= agg.nginx.stream.heldPerStream + 0.5,
      detail: `mean ${signedMs(lg.chunkMeanMs)}, median ${signedMs(lg.chunkMs)}, p99 ${signedMs(lg.chunkP99Ms)}; chunks held > 10 ms: ${agg.llamagate.stream.heldPerStream.toFixed(1)} per stream (nginx ${agg.nginx.stream.heldPerStream.toFixed(1)}, direct ${d.stream.heldPerStream.toFixed(1)}); nginx adds ${signedMs(ng.chunkMeanMs)} on average` },
    { goal: 'idle RSS headless < 40 MB', value: rssIdle.rssKb * 1024 / 1e6, limit: 40, unit: 'MB',
      met: rssIdle.rssKb * 1024 < 40e6, detail: `${(rssIdle.rssKb * 1024 / 1e6).toFixed(1)} MB (${(rssIdle.rssKb / 1024).toFixed(1)} MiB)` },
  ];
  return {
    date: started.toISOString(),
    command: opts.command ?? `node bench/bench.mjs --bin ${opts.bin}`,
    build: opts.build,
    quick: opts.quick,
    method: 'paired', // "added" non-streaming latency = median over rounds of (path − direct of the same round)
    machine, loadBefore, loadAfter,
    settings: {
      duration: opts.duration, warmup: opts.warmup, rounds: opts.rounds, connections: opts.connections,
      streams: opts.streams, streamRounds: opts.streamRounds, streamWarmup: opts.streamWarmup, chunks: opts.chunks, chunkDelayMs: opts.chunkDelayMs,
      loadStreams: opts.loadStreams, loadConcurrency: opts.loadConcurrency, fakeWorkers: opts.fakeWorkers,
    },
    paths: agg,
    added: addedBy,
    ratios: {
      c1p50Added: lg.c1p50us / ng.c1p50us,
      c1p99Added: lg.c1p99us / ng.c1p99us,
      c32rps: agg.llamagate.c32.rps / agg.nginx.c32.rps,
      ttfbAdded: lg.ttfbMs / ng.ttfbMs,
      chunkAdded: lg.chunkMeanMs / ng.chunkMeanMs,
      cpuPerRequest: agg.llamagate.c32.proxyCpuUsPerRequest / agg.nginx.c32.proxyCpuUsPerRequest,
    },
    rss: { idleKb: rssIdle.rssKb, idleThreads: rssIdle.threads, endKb: rssEnd.rssKb, peakKb: rssEnd.hwmKb, endThreads: rssEnd.threads },
    goals,
    gate: { exit: gateExit, errorLogLines: gateErrors },
    nginxConf,
  };
}

main().then(() => process.exit(0), async (e) => {
  if (stopping) return; // a signal is already stopping everything
  log(`bench: ${e.stack ?? e}`);
  if (gateProcess && gateProcess.exitCode === null && gateProcess.signalCode === null) {
    // still running
  } else if (gateProcess) {
    log(`bench: LlamaGate had exited: code ${gateProcess.exitCode}, signal ${gateProcess.signalCode}`);
  }
  if (gateLogPath) {
    // Its own log says why it stopped ("termination requested" = a SIGTERM/SIGINT from outside the benchmark).
    const lines = fs.readFileSync(gateLogPath, 'utf8').split('\n').filter((l) => l && !l.includes('"msg":"request"'));
    log(`bench: LlamaGate's log without the request lines (last 8):\n${lines.slice(-8).join('\n')}`);
  }
  await stopAll();
  // Keep the logs (LlamaGate's stdout/stderr, nginx's error log) for a look; the temp dir is removed only on success.
  log(`bench: logs kept in ${tmp}`);
  process.exit(1);
});
