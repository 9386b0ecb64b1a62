#!/usr/bin/env node
// Cache-hit throughput (issue 4): requests per second of a chat completion answered from the response cache, as a
// ratio of the trivial `GET /` route's throughput, both measured with wrk at the same concurrency in the same run
// against the same gateway (goal: ratio >= 0.5). The rounds alternate (root, hit, root, hit, …) so that drift in a
// busy machine hits both alike; the medians are compared. Afterwards it checks that every hit was one: the cache
// counted one miss (the warm-up) and at least as many hits as wrk completed requests.
//
//   node bench/cache-hit.mjs --bin build/release/app/llamagate [--connections 32] [--threads 2] [--seconds 10]
//                            [--rounds 3]
//
// Needs wrk and Node >= 20. Starts the fake Ollama (--fast) and the gateway on loopback ports of their own, with
// fresh XDG folders; prints one JSON object on stdout. Not part of CTest.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.resolve(HERE, '../tests/fake-ollama/fake-ollama.mjs');
const LUA = path.join(HERE, 'cache-hit.lua');

function parseArgs(argv) {
  const opts = { bin: process.env.LLAMAGATE_BIN && path.resolve(process.env.LLAMAGATE_BIN), connections: 32, threads: 2, seconds: 10, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (!(name in opts) || value === undefined) throw new Error(`usage: see the header of ${path.basename(process.argv[1])}`);
    opts[name] = name === 'bin' ? path.resolve(value) : Number(value);
  }
  if (!opts.bin) throw new Error('--bin PATH (or LLAMAGATE_BIN) is required');
  return opts;
}

const children = [];
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Spawns a process and resolves with the first stdout JSON line that `isReady` accepts; later lines are drained. */
function startProcess(command, args, options, isReady) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], ...options });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start`)), 20000);
    let ready = false;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready) return;
      try {
        const event = JSON.parse(line);
        if (isReady(event)) {
          ready = true;
          clearTimeout(timer);
          resolve({ child, event });
        }
      } catch { /* not JSON */ }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}`)));
  });
}

async function request(url, init) {
  const response = await fetch(url, init);
  return { status: response.status, xCache: response.headers.get('x-cache'), body: await response.text() };
}

/** One wrk run; asynchronous, so that this process keeps draining the gateway's log lines meanwhile. */
async function wrk(url, kind, opts) {
  const { stdout } = await promisify(execFile)('wrk', [`-t${opts.threads}`, `-c${opts.connections}`,
    `-d${opts.seconds}s`, '--latency', '-s', LUA, url, '--', kind], { encoding: 'utf8' });
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  if (result.errors || result.non2xx) throw new Error(`wrk ${kind}: ${result.errors} socket errors, ${result.non2xx} non-2xx`);
  return { rps: result.requests / (result.duration_us / 1e6), requests: result.requests, ...result.latency_us };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const fake = await startProcess(process.execPath, [FAKE, '--port', '0', '--fast', '--exit-with-stdin'], {},
    (e) => e.event === 'listening');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'llamagate-cache-bench-'));
  const env = {
    PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'), XDG_CACHE_HOME: path.join(home, 'cache'), XDG_RUNTIME_DIR: home,
    OLLAMA_HOST: fake.event.url, RATE_LIMIT_RPS: '0',
  };
  const gateway = await startProcess(opts.bin, ['--headless', '--port', '0'], { env, cwd: home },
    (e) => e.msg === 'listening' && Number.isInteger(e.port));
  const url = `http://127.0.0.1:${gateway.event.port}`;
  try {
    const chat = () => request(`${url}/v1/chat/completions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'cache-hit benchmark' }] }),
    });
    const first = await chat();
    const second = await chat();
    if (first.status !== 200 || first.xCache !== 'MISS' || second.xCache !== 'HIT')
      throw new Error(`warm-up: ${first.status} ${first.xCache}, then ${second.xCache}`);

    const root = [];
    const hit = [];
    for (let round = 0; round < opts.rounds; round++) {
      root.push(await wrk(url, 'root', opts));
      hit.push(await wrk(url, 'hit', opts));
    }
    const stats = JSON.parse((await request(`${url}/v1/cache`)).body);
    const sent = hit.reduce((sum, r) => sum + r.requests, 0);
    if (stats.misses !== 1 || stats.hits < sent)
      throw new Error(`not all hits: ${stats.misses} misses, ${stats.hits} hits for ${sent} requests`);

    const rootRps = median(root.map((r) => r.rps));
    const hitRps = median(hit.map((r) => r.rps));
    console.log(JSON.stringify({
      connections: opts.connections, threads: opts.threads, seconds: opts.seconds, rounds: opts.rounds,
      root_rps: Math.round(rootRps), hit_rps: Math.round(hitRps), ratio: Number((hitRps / rootRps).toFixed(2)),
      goal: 0.5, round_ratios: hit.map((h, i) => Number((h.rps / root[i].rps).toFixed(2))),
      root_rounds: root, hit_rounds: hit, cache_hits: stats.hits,
    }, (k, v) => (k === 'rps' ? Math.round(v) : v)));
  } finally {
    gateway.child.kill('SIGTERM');
    fake.child.kill('SIGTERM');
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
