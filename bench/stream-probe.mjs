#!/usr/bin/env node
// Streaming probe: runs `--streams` streamed chats (`--concurrency` at a time) against one URL and records, per
// stream, the time to the response headers (TTFB) and, for every content chunk, its arrival time measured from the
// moment the request was written and — when the fake stamps its lines (bench/fake-cluster.mjs --stamp) — its one-way
// delay: arrival minus the "[t=<ns>]" send time in the content (both process.hrtime, CLOCK_MONOTONIC).
// Prints one JSON object on stdout.
//
//   node bench/stream-probe.mjs --url http://127.0.0.1:P --kind openai|native [--streams N] [--concurrency C]
//                               [--expect-chunks 200] [--timeout-ms 30000]
// openai: POST /v1/chat/completions {stream:true}; a chunk = an SSE `data:` frame whose choices[0].delta.content is
//         non-empty (the role frame, the finish frame and [DONE] are not chunks).
// native: POST /api/chat {stream:true}; a chunk = an NDJSON line whose message.content is non-empty (the final
//         done line is not a chunk).
// Keep-alive agent; every stream is bounded by --timeout-ms and the whole run by streams × timeout.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

function parseArgs(argv) {
  const o = { url: null, kind: 'native', streams: 10, concurrency: 1, expectChunks: 200, timeoutMs: 30000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    switch (a) {
      case '--url': o.url = v(); break;
      case '--kind': o.kind = v(); break;
      case '--streams': o.streams = Number(v()); break;
      case '--concurrency': o.concurrency = Number(v()); break;
      case '--expect-chunks': o.expectChunks = Number(v()); break;
      case '--timeout-ms': o.timeoutMs = Number(v()); break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!o.url || !['openai', 'native'].includes(o.kind)) throw new Error('need --url and --kind openai|native');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const target = new URL(opts.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
// Every request is unique, so that a response cache in front of the model never answers.
const runId = `${process.pid}-${Date.now()}`;
const bodyFor = (i) => Buffer.from(JSON.stringify(
  { model: 'llama3.2', messages: [{ role: 'user', content: `Hello! #${runId}-${i}` }], stream: true }));
const path = opts.kind === 'openai' ? '/v1/chat/completions' : '/api/chat';

function chunkText(line) {
  if (opts.kind === 'openai') {
    if (!line.startsWith('data:')) return null;
    const payload = line.slice(5).trim();
    if (payload === '[DONE]') return null;
    const obj = JSON.parse(payload);
    if (obj.error) throw new Error(`SSE error frame: ${payload}`);
    return obj.choices?.[0]?.delta?.content || null;
  }
  if (line.trim() === '') return null;
  const obj = JSON.parse(line);
  if (obj.error) throw new Error(`error line: ${line}`);
  return obj.message?.content || null;
}

function oneStream(i) {
  const body = bodyFor(i);
  return new Promise((resolve) => {
    const result = { status: 0, ttfbMs: null, chunks: [], delays: [], endMs: null, error: null };
    let buffer = '';
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) result.error = String(error.message ?? error);
      resolve(result);
    };
    const t0 = performance.now();
    const req = http.request({
      host: target.hostname, port: target.port, method: 'POST', path, agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
    }, (res) => {
      result.ttfbMs = performance.now() - t0;
      result.status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (data) => {
        const now = process.hrtime.bigint();
        const t = performance.now() - t0;
        buffer += data;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          try {
            const text = chunkText(line);
            if (text) {
              result.chunks.push(t);
              const stamp = /^\[t=(\d+)\]/.exec(text);
              if (stamp) result.delays.push(Number(now - BigInt(stamp[1])) / 1e6);
            }
          } catch (e) {
            req.destroy();
            finish(e);
            return;
          }
        }
      });
      res.on('end', () => { result.endMs = performance.now() - t0; finish(null); });
      res.on('error', finish);
    });
    const timer = setTimeout(() => { req.destroy(); finish(new Error('timeout')); }, opts.timeoutMs);
    req.on('error', finish);
    req.end(body);
  });
}

const results = new Array(opts.streams);
let next = 0;
async function worker() {
  while (next < opts.streams) {
    const i = next++;
    results[i] = await oneStream(i);
  }
}
await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.streams) }, worker));
agent.destroy();

const bad = results.filter((r) => r.error || r.status !== 200 || r.chunks.length !== opts.expectChunks);
process.stdout.write(JSON.stringify({
  kind: opts.kind, url: opts.url, streams: opts.streams, concurrency: opts.concurrency,
  failures: bad.map((r) => ({ status: r.status, error: r.error, chunks: r.chunks.length })),
  results: results.map((r) => ({ ttfbMs: r.ttfbMs, endMs: r.endMs, chunks: r.chunks, delays: r.delays })),
}) + '\n');
