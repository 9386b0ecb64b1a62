#!/usr/bin/env node
// Runs the fake Ollama (tests/fake-ollama/fake-ollama.mjs, --fast) in N node:cluster workers sharing one port, so that
// one single-threaded Node process is not the upstream's ceiling. Every worker gets the same defaults (--chunks,
// --chunk-delay-ms), which only shape streamed replies; a non-streaming /api/chat answers the fixture message as usual.
// The control API (/_fake/...) is per worker and is not used by the benchmark.
//
//   node bench/fake-cluster.mjs [--workers N] [--chunks N] [--chunk-delay-ms MS] [--stamp] [--max-seconds S]
//
// --stamp: every streamed content line gets its send time prepended to message.content as "[t=<ns>]", from
// process.hrtime (CLOCK_MONOTONIC, the same clock in every process of the machine), taken when the line is handed to
// the socket. The stream probe subtracts it from the line's arrival time: the one-way delay of each chunk through a
// path, free of the fake's timer jitter. Non-streaming answers are untouched.
//
// Prints one line on stdout once every worker listens: {"event":"listening","port":P,"url":...,"pids":[...]}.
// Exits on SIGTERM/SIGINT, when stdin closes, or after --max-seconds (default 1800) whatever happens.
import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.resolve(HERE, '../tests/fake-ollama/fake-ollama.mjs');

function parseArgs(argv) {
  const opts = { workers: 2, chunks: undefined, chunkDelayMs: undefined, stamp: false, maxSeconds: 1800 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a non-negative number`);
      return v;
    };
    switch (a) {
      case '--workers': opts.workers = Math.max(1, Math.floor(num())); break;
      case '--chunks': opts.chunks = Math.max(1, num()); break;
      case '--chunk-delay-ms': opts.chunkDelayMs = num(); break;
      case '--max-seconds': opts.maxSeconds = num(); break;
      case '--stamp': opts.stamp = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

if (cluster.isPrimary) {
  // Round-robin in the primary: connections are spread evenly (they are kept alive, so accepting costs nothing).
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const quit = (code) => {
    for (const w of Object.values(cluster.workers ?? {})) w.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 200).unref();
  };
  process.on('SIGTERM', () => quit(0));
  process.on('SIGINT', () => quit(0));
  process.stdin.on('end', () => quit(0));
  process.stdin.on('close', () => quit(0));
  process.stdin.resume();
  setTimeout(() => quit(3), opts.maxSeconds * 1000).unref();

  let port = null;
  let ready = 0;
  for (let i = 0; i < opts.workers; i++) cluster.fork();
  cluster.on('listening', (worker, address) => {
    if (port !== null && address.port !== port) {
      process.stderr.write(`fake-cluster: workers listen on different ports (${port}, ${address.port})\n`);
      quit(1);
      return;
    }
    port = address.port;
    if (++ready === opts.workers) {
      const pids = Object.values(cluster.workers).map((w) => w.process.pid);
      process.stdout.write(JSON.stringify({ event: 'listening', port, url: `http://127.0.0.1:${port}`, pids }) + '\n');
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (signal !== 'SIGTERM') {
      process.stderr.write(`fake-cluster: worker ${worker.process.pid} exited (${code ?? signal})\n`);
      quit(1);
    }
  });
} else {
  if (opts.stamp) {
    const http = await import('node:http');
    const write = http.ServerResponse.prototype.write;
    // The fake writes each NDJSON line of a stream as one string; only content lines (done:false) are stamped.
    http.ServerResponse.prototype.write = function stampedWrite(chunk, ...rest) {
      if (typeof chunk === 'string' && chunk.includes('"done":false')) {
        chunk = chunk.replace('"content":"', `"content":"[t=${process.hrtime.bigint()}]`);
      }
      return write.call(this, chunk, ...rest);
    };
  }
  const { createFakeOllama } = await import(pathToFileURL(FAKE).href);
  const fake = createFakeOllama({ fast: true, chunks: opts.chunks, chunkDelayMs: opts.chunkDelayMs });
  // Port 0 in every worker: the primary hands all of them the same listening socket.
  await fake.listen(0, '127.0.0.1');
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}
