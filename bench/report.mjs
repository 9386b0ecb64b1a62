// Renders a benchmark summary (see bench.mjs summarize()) as a plain-text table and as docs/benchmarks.md.

const f = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const signed = (x, digits = 0) => (Number.isFinite(x) ? (x >= 0 ? '+' : '') + x.toFixed(digits) : '–');
const mib = (kb) => (kb / 1024).toFixed(1);
const mb = (kb) => (kb * 1024 / 1e6).toFixed(1);
const cpu = (c, proxy = true) => `${f(c.cpuFake)} / ${proxy ? f(c.cpuProxy) : '–'} / ${f(c.cpuClient)} / ${f(c.cpuOther)}`;

/// Rows: [metric, direct, nginx, LlamaGate /v1, nginx added, LlamaGate added, LlamaGate/nginx, passthrough added]
function rows(s) {
  const p = s.paths;
  const a = s.added;
  const ratio = (x, y) => (Number.isFinite(x / y) && x > 0 && y > 0 ? `${(x / y).toFixed(2)}×` : '–');
  const C = s.settings.connections;
  const L = s.settings.loadConcurrency;
  return [
    ['non-stream c=1 p50 (µs)', f(p.direct.c1.p50us), f(p.nginx.c1.p50us), f(p.llamagate.c1.p50us),
      signed(a.nginx.c1p50us), signed(a.llamagate.c1p50us), ratio(a.llamagate.c1p50us, a.nginx.c1p50us), signed(a.passthrough.c1p50us)],
    ['non-stream c=1 p99 (µs)', f(p.direct.c1.p99us), f(p.nginx.c1.p99us), f(p.llamagate.c1.p99us),
      signed(a.nginx.c1p99us), signed(a.llamagate.c1p99us), ratio(a.llamagate.c1p99us, a.nginx.c1p99us), signed(a.passthrough.c1p99us)],
    [`non-stream c=${C} throughput (req/s)`, f(p.direct.c32.rps), f(p.nginx.c32.rps), f(p.llamagate.c32.rps),
      '', '', ratio(p.llamagate.c32.rps, p.nginx.c32.rps), `(${f(p.passthrough.c32.rps)} req/s)`],
    [`non-stream c=${C} p50 (µs)`, f(p.direct.c32.p50us), f(p.nginx.c32.p50us), f(p.llamagate.c32.p50us),
      signed(a.nginx.c32p50us), signed(a.llamagate.c32p50us), ratio(a.llamagate.c32p50us, a.nginx.c32p50us),
      signed(a.passthrough.c32p50us)],
    [`proxy CPU per request at c=${C} (µs)`, '', f(p.nginx.c32.proxyCpuUsPerRequest), f(p.llamagate.c32.proxyCpuUsPerRequest),
      '', '', ratio(p.llamagate.c32.proxyCpuUsPerRequest, p.nginx.c32.proxyCpuUsPerRequest), `(${f(p.passthrough.c32.proxyCpuUsPerRequest)})`],
    [`CPU % at c=${C}: fake / proxy / wrk / other processes`, cpu(p.direct.c32, false), cpu(p.nginx.c32), cpu(p.llamagate.c32),
      '', '', '', `(${cpu(p.passthrough.c32)})`],
    ['stream: time to first byte (ms)', f(p.direct.stream.ttfbMs, 2), f(p.nginx.stream.ttfbMs, 2), f(p.llamagate.stream.ttfbMs, 2),
      signed(a.nginx.ttfbMs, 2), signed(a.llamagate.ttfbMs, 2), ratio(a.llamagate.ttfbMs, a.nginx.ttfbMs), signed(a.passthrough.ttfbMs, 2)],
    ['stream: first content chunk (ms)', f(p.direct.stream.firstChunkMs, 2), f(p.nginx.stream.firstChunkMs, 2), f(p.llamagate.stream.firstChunkMs, 2),
      signed(a.nginx.firstChunkMs, 2), signed(a.llamagate.firstChunkMs, 2), ratio(a.llamagate.firstChunkMs, a.nginx.firstChunkMs), signed(a.passthrough.firstChunkMs, 2)],
    ['stream: slowest chunk of a stream, median over streams (ms)', f(p.direct.stream.worstChunkMs, 2), f(p.nginx.stream.worstChunkMs, 2), f(p.llamagate.stream.worstChunkMs, 2),
      signed(a.nginx.worstChunkMs, 2), signed(a.llamagate.worstChunkMs, 2), ratio(a.llamagate.worstChunkMs, a.nginx.worstChunkMs), signed(a.passthrough.worstChunkMs, 2)],
    ['stream: chunks held back > 10 ms, per stream', f(p.direct.stream.heldPerStream, 1), f(p.nginx.stream.heldPerStream, 1), f(p.llamagate.stream.heldPerStream, 1),
      signed(a.nginx.heldPerStream, 1), signed(a.llamagate.heldPerStream, 1), '', signed(a.passthrough.heldPerStream, 1)],
    ['stream: per-chunk delay, median (ms)', f(p.direct.stream.chunkDelayMs.p50, 3), f(p.nginx.stream.chunkDelayMs.p50, 3), f(p.llamagate.stream.chunkDelayMs.p50, 3),
      signed(a.nginx.chunkMs, 3), signed(a.llamagate.chunkMs, 3), ratio(a.llamagate.chunkMs, a.nginx.chunkMs), signed(a.passthrough.chunkMs, 3)],
    ['stream: per-chunk delay, mean (ms)', f(p.direct.stream.chunkDelayMs.mean, 3), f(p.nginx.stream.chunkDelayMs.mean, 3), f(p.llamagate.stream.chunkDelayMs.mean, 3),
      signed(a.nginx.chunkMeanMs, 3), signed(a.llamagate.chunkMeanMs, 3), ratio(a.llamagate.chunkMeanMs, a.nginx.chunkMeanMs), signed(a.passthrough.chunkMeanMs, 3)],
    ['stream: per-chunk delay, p99 (ms)', f(p.direct.stream.chunkDelayMs.p99, 3), f(p.nginx.stream.chunkDelayMs.p99, 3), f(p.llamagate.stream.chunkDelayMs.p99, 3),
      signed(a.nginx.chunkP99Ms, 3), signed(a.llamagate.chunkP99Ms, 3), ratio(a.llamagate.chunkP99Ms, a.nginx.chunkP99Ms), signed(a.passthrough.chunkP99Ms, 3)],
    ['stream: arrival of chunk k vs direct, mean over k (ms)', '0', f(p.nginx.arrivalAddedMs, 3), f(p.llamagate.arrivalAddedMs, 3),
      signed(p.nginx.arrivalAddedMs, 3), signed(p.llamagate.arrivalAddedMs, 3), ratio(p.llamagate.arrivalAddedMs, p.nginx.arrivalAddedMs), signed(p.passthrough.arrivalAddedMs, 3)],
    ['stream: last byte (ms)', f(p.direct.stream.endMs, 1), f(p.nginx.stream.endMs, 1), f(p.llamagate.stream.endMs, 1),
      signed(a.nginx.endMs, 1), signed(a.llamagate.endMs, 1), ratio(a.llamagate.endMs, a.nginx.endMs), signed(a.passthrough.endMs, 1)],
    [`${L} streams at once: per-chunk delay, median (ms)`, f(p.direct.streamLoad.chunkDelayMs.p50, 3), f(p.nginx.streamLoad.chunkDelayMs.p50, 3), f(p.llamagate.streamLoad.chunkDelayMs.p50, 3),
      signed(a.nginx.loadChunkMs, 3), signed(a.llamagate.loadChunkMs, 3), ratio(a.llamagate.loadChunkMs, a.nginx.loadChunkMs), signed(a.passthrough.loadChunkMs, 3)],
    [`${L} streams at once: per-chunk delay, mean (ms)`, f(p.direct.streamLoad.chunkDelayMs.mean, 3), f(p.nginx.streamLoad.chunkDelayMs.mean, 3), f(p.llamagate.streamLoad.chunkDelayMs.mean, 3),
      signed(a.nginx.loadChunkMeanMs, 3), signed(a.llamagate.loadChunkMeanMs, 3), ratio(a.llamagate.loadChunkMeanMs, a.nginx.loadChunkMeanMs), signed(a.passthrough.loadChunkMeanMs, 3)],
    ['LlamaGate RSS idle / end / peak (MiB)', '', '', `${mib(s.rss.idleKb)} / ${mib(s.rss.endKb)} / ${mib(s.rss.peakKb)}`, '', '', '', ''],
  ];
}

const HEAD = ['metric', 'direct', 'nginx', 'LlamaGate /v1', 'nginx added', 'LlamaGate added', 'LlamaGate/nginx', 'LlamaGate /api passthrough added'];

export function renderTable(s) {
  const all = [HEAD, ...rows(s)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(s).map(line), ''];
  for (const g of s.goals) out.push(`${g.met ? 'MET   ' : 'MISSED'}  ${g.goal}: ${g.detail}`);
  out.push(`load average before ${s.loadBefore.join(' ')}, after ${s.loadAfter.join(' ')} (${s.machine.nproc} CPUs)`);
  return out.join('\n');
}

function mdTable(head, body) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function historyTable(history) {
  const body = history.map((h) => [
    h.date.replace('T', ' ').replace(/\..*/, ' UTC'),
    h.loadBefore.join(' '),
    `${f(h.added.nginx.c1p50us)} / ${f(h.added.llamagate.c1p50us)} (${f(h.ratios.c1p50Added, 2)}×)${h.method === 'paired' ? '' : ' †'}`,
    `${f(h.paths.direct.c32.rps)} / ${f(h.paths.nginx.c32.rps)} / ${f(h.paths.llamagate.c32.rps)} (${f(h.ratios.c32rps, 2)}×)`,
    `${f(h.added.nginx.chunkMeanMs, 3)} / ${f(h.added.llamagate.chunkMeanMs, 3)}`,
    `${f(h.paths.nginx.stream.heldPerStream, 1)} / ${f(h.paths.llamagate.stream.heldPerStream, 1)}`,
    `${mb(h.rss.idleKb)} / ${mb(h.rss.endKb)}`,
    h.goals.map((g) => (g.met ? '✓' : '✗')).join(' '),
    (h.build || '').replace(/^release build \(-O3\) of (the )?/, '').replace(/ \(.*$/, '')
      .replace(/ with (\d+) uncommitted file\(s\).*/, ' + $1 uncommitted files'),
  ]);
  return mdTable(['run (date)', 'load before (1/5/15 min)', 'c=1 added p50 µs nginx / LlamaGate', 'c=32 req/s direct / nginx / LlamaGate',
    'added per chunk, mean ms, nginx / LlamaGate', 'chunks held > 10 ms per stream, nginx / LlamaGate', 'RSS MB idle / end', 'goals (p50, rps, chunk, RSS)', 'LlamaGate build'], body);
}

export function renderReport(s, history, analysis) {
  const st = s.settings;
  const otherC1 = Object.values(s.paths).map((p) => p.c1.cpuOther).sort((a, b) => a - b);
  const OTHER_C1 = f(otherC1[otherC1.length >> 1] ?? NaN);
  const goals = mdTable(['goal', 'measured', 'result'],
    s.goals.map((g) => [g.goal, g.detail, g.met ? '**met**' : '**MISSED**']));
  return `# Benchmarks

LlamaGate against nginx, both in front of the same fake Ollama, with the fake reached directly as the baseline
(issue 3). **This part of the file, up to the other benchmarks' sections at the end, is written by
\`bench/run.sh\`** from its last run (the prose comes from \`bench/report.mjs\` and \`bench/analysis.md\`); the
numbers below are that run's. The sections after it are kept as they are.

## Command

\`\`\`sh
${s.command}
\`\`\`

Installs \`nginx\` and \`wrk\` with apt when missing, builds the release binary (\`cmake --preset release &&
cmake --build --preset release --target llamagate\`), runs everything (about five minutes), prints the table and
rewrites this file. Not part of CTest. \`bench/run.sh --quick\` is a one-minute smoke run that leaves this file alone;
\`node bench/bench.mjs --render bench/results/<run>.json --out docs/benchmarks.md\` rewrites it from a saved run
(after editing \`bench/analysis.md\`).

## What runs

All on 127.0.0.1, started and stopped by \`bench/bench.mjs\`:

- **Fake Ollama**: \`tests/fake-ollama/fake-ollama.mjs\` in \`--fast\` mode, run by \`bench/fake-cluster.mjs\` as
  ${st.fakeWorkers} \`node:cluster\` workers sharing one port (so one single-threaded Node process is not the
  ceiling), defaults \`--chunks ${st.chunks} --chunk-delay-ms ${st.chunkDelayMs}\` (they only shape streamed replies), and
  \`--stamp\`: each streamed content line carries the \`CLOCK_MONOTONIC\` time at which the fake wrote it. Its CPU
  is measured in every throughput run (row "CPU %" below) to show whether it was the bottleneck.
- **direct**: the load client talks to the fake itself: \`POST /api/chat\` with \`"stream":false\` (and \`true\` for
  streams) — the native request.
- **nginx** (Debian package, ${s.machine.nginx.replace(/^nginx version: /, '')}): the same native request to nginx, which
  \`proxy_pass\`es it unchanged to the fake over an HTTP/1.1 keep-alive upstream pool (\`keepalive 64\`,
  \`proxy_set_header Connection ""\`), \`proxy_buffering off\`, \`worker_processes auto\` (= ${s.machine.nproc}),
  access log on (to a file). Config generated into a temp dir, run with \`-p <tmpdir>\` and \`daemon off\`; the exact
  config is at the end of this file. nginx does **no** translation: it is the cost of a plain reverse proxy.
- **LlamaGate /v1** (the goals are measured on this path): the release binary, \`--headless --port 0\`, fresh
  HOME/XDG dirs, request log to a file (stdout redirected), \`OLLAMA_HOST\` = the fake,
  \`MODEL_CONCURRENCY=64\` — **its default is 1 request per model at a time**, which would serialize every request of
  the benchmark (and its default queue depth of 32 would then turn the c=32 run into 429s) — and \`RATE_LIMIT_RPS=0\`
  (the default global limit of 10 req/s would otherwise cap the throughput run). Everything else is default —
  including the response cache where the build has one: every request of the benchmark is unique (a counter in
  the user message, on all paths), so the cache never answers and its lookup and store are part of the measured
  cost, as for real, varied prompts. The client
  sends the OpenAI request \`POST /v1/chat/completions\`; LlamaGate parses and validates it, translates it to a native
  \`/api/chat\` request (\`"stream":false\`/\`true\` set explicitly), queues it per model, sends it to the fake with
  \`QNetworkAccessManager\`, and translates the native answer back (a \`chat.completion\` object, or for streams each
  NDJSON line into an SSE \`chat.completion.chunk\` frame, plus the finish frame and \`[DONE]\`). So LlamaGate does
  strictly more work per request than nginx; that is the point of the comparison.
- **LlamaGate /api passthrough** (extra column, for diagnosis only): the same native request as nginx, relayed by
  LlamaGate's \`/api/*\` passthrough without translation — separates the cost of the translation from the cost
  of LlamaGate's HTTP server and upstream client.

Load clients, the same for every path:

- Non-streaming: \`wrk\` (Debian package, ${s.machine.wrk.split(' [')[0]}), 1 thread, keep-alive, POST body from
  \`bench/wrk-chat.lua\` (\`{"model":"llama3.2","messages":[{"role":"user","content":"Hello! #<run>-<n>"}]}\`,
  plus \`"stream":false\` for the native request; the fake answers "Hello! How are you today?"). Concurrency 1 for latency, ${st.connections} connections for throughput;
  each measurement ${st.duration} s after a ${st.warmup} s warm-up on the same path; ${st.rounds} rounds with the paths
  interleaved (order rotated every round); the table gives the median of the rounds. wrk runs bounded in time
  (\`-d\`), every request is checked (non-2xx, socket errors and timeouts are counted — the run reports them).
- Streaming: \`bench/stream-probe.mjs\` (Node, keep-alive agent): ${st.chunks} content chunks per reply, spaced
  ${st.chunkDelayMs} ms apart by the fake. ${st.streams} streams per path one at a time (after ${st.streamWarmup} warm-up
  streams), interleaved in ${st.streamRounds} rounds; then ${st.loadStreams} streams per path ${st.loadConcurrency} at a time.
  *Time to first byte* = request written → response headers. *Per-chunk delay* = arrival of a chunk at the client
  minus the time the fake wrote it (the stamp), over all ${st.chunks} chunks of all streams: the delay a path adds to
  each chunk, without the fake's timer jitter; a proxy's *added* delay per chunk is its value minus direct's. A
  chunk *held back* is one that took more than 10 ms from the fake to the client (a stall, not noise). The
  row "arrival of chunk k vs direct" is the plain comparison (median arrival time of chunk k through the path minus
  through direct, averaged over k): it includes the once-per-request forwarding delay, and it is dominated by the
  fake's timer jitter (several ms over a one-second stream, different in every stream) — which is why the stamped
  per-chunk delay is the one the goal is judged on. A "–" in the ratio column: a ratio of a negative or zero
  difference (noise) means nothing.
- RSS: \`VmRSS\` from \`/proc/<pid>/status\` of LlamaGate, 2 s after it started listening (before any request),
  and 2 s after the last phase; peak is \`VmHWM\`.

## Machine and run

- Date: ${s.date.replace('T', ' ').replace(/\..*/, ' UTC')}
- Machine: ${s.machine.nproc} CPUs (\`nproc\`), ${s.machine.cpuModel}, ${s.machine.memGiB} GiB RAM, Linux ${s.machine.kernel}, Node ${s.machine.node}
- LlamaGate: ${s.build || 'release build'}
- Load average (1/5/15 min) before the run: ${s.loadBefore.join(' ')}; after: ${s.loadAfter.join(' ')}. This is a
  shared 2-core machine: other engineers' builds and tests may run at the same time. The client, the proxy and the
  fake all share the ${s.machine.nproc} cores, so the throughput figures are CPU-bound system figures, not the proxy's
  alone. The "CPU %" row says who used the CPU during each throughput measurement (100 % = one core): the fake
  (all its processes), the proxy (nginx master and workers, or LlamaGate with all its threads), wrk, and "other
  processes" = the whole machine's busy time minus those three — other engineers' builds and tests. The c=1 runs
  saw a median of ${OTHER_C1} % of a core used by other processes.
- LlamaGate exit on SIGTERM: ${s.gate.exit.code ?? s.gate.exit.signal}; error lines in its log: ${s.gate.errorLogLines}.

## Results

"added" = the path's figure minus direct's: for the non-streaming latencies, the median over the rounds of (path −
direct in the same round) — the paths of a round run back to back, so this cancels the drift between rounds —
hence it can differ a little from the difference of the columns (which are medians over the rounds); for the
streams, the difference of the medians over all streams or chunks. Throughput: median over the rounds.

${mdTable(HEAD, rows(s))}

## Goals

${goals}

## All runs kept in \`bench/results/\` (spread between runs)

Every full run on this machine, oldest first; the builds differ (see the last column: the gateway changed while
the benchmark was written — the early runs are from before the fixes described below).

${historyTable(history)}

† Early runs computed the added c=1 latency as median(path) − median(direct) over the rounds; later runs take the
median of the per-round differences (see Results).

${analysis.trim()}

## nginx configuration used

\`\`\`nginx
${s.nginxConf.replace(/\/tmp\/llamagate-bench-[^/]+/g, '<tmpdir>').trim()}
\`\`\`
`;
}
