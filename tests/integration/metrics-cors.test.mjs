// /metrics in the Prometheus text format, checked with a real parser against the traffic sent; CORS for browsers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startFakeOllama, startGateway, httpRequest } from './lib/harness.mjs';

let ollama;
let gw;

before(async () => {
  ollama = await startFakeOllama();
  gw = await startGateway({
    // CACHE_ENABLED off: identical requests must each reach the upstream path (and the queue) to be counted there
    env: { OLLAMA_HOST: ollama.url, CORS_ALLOWED_ORIGINS: 'http://app.test', MODEL_CONCURRENCY: '1', MODEL_QUEUE_DEPTH: '0',
      CACHE_ENABLED: 'false' },
  });
});

after(async () => {
  await gw?.stop();
  await ollama?.stop();
});

const chat = (model = 'llama3.2') => ({
  method: 'POST', url: `${gw.url}/v1/chat/completions`,
  body: { model, messages: [{ role: 'user', content: 'hi' }] },
});

async function scrape() {
  const r = await httpRequest({ url: `${gw.url}/metrics` });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const families = Object.fromEntries(parsePrometheusTextFormat(r.body).map((f) => [f.name, f]));
  Object.defineProperty(families, 'text', { value: r.body });
  return families;
}

/** One sample line's value, read from the raw text (the npm parser flattens labelled histograms into one). */
function rawValue(text, series) {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(line, `${series} is exposed`);
  return Number(line.slice(series.length + 1));
}

function sample(family, labels) {
  const found = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return found;
}

test('counters, histogram and gauges match the traffic sent', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await httpRequest(chat())).status, 200);
  assert.equal((await httpRequest(chat('no-such-model'))).status, 404);
  assert.equal((await httpRequest({ url: `${gw.url}/v1/models` })).status, 200);
  assert.equal((await httpRequest({ url: `${gw.url}/nowhere` })).status, 404);

  // One slow request holds the only slot; a second one finds the queue full (depth 0).
  await ollama.script({ path: '/api/chat', delay_ms: 800, count: 1 });
  const slow = httpRequest(chat());
  await new Promise((r) => setTimeout(r, 200));
  const refused = await httpRequest(chat());
  assert.equal(refused.status, 429);
  assert.equal((await slow).status, 200);

  const families = await scrape();
  const requests = families.llamagate_http_requests_total;
  assert.equal(requests.type, 'COUNTER');
  assert.equal(sample(requests, { route: '/v1/chat/completions', method: 'POST', model: 'llama3.2', status: '200' }).value, '4');
  assert.equal(sample(requests, { route: '/v1/chat/completions', model: 'no-such-model', status: '404' }).value, '1');
  assert.equal(sample(requests, { route: '/v1/chat/completions', model: 'llama3.2', status: '429' }).value, '1');
  assert.equal(sample(requests, { route: '/v1/models', status: '200' }).value, '1');
  assert.equal(sample(requests, { route: 'unmatched', status: '404' }).value, '1');

  const latency = families.llamagate_http_request_duration_seconds;
  assert.equal(latency.type, 'HISTOGRAM');
  const route = 'route="/v1/chat/completions"';
  const text = families.text;
  assert.equal(rawValue(text, `llamagate_http_request_duration_seconds_count{${route}}`), 6);
  assert.ok(rawValue(text, `llamagate_http_request_duration_seconds_sum{${route}}`) >= 0.8, 'the slow request is in the sum');
  assert.equal(rawValue(text, `llamagate_http_request_duration_seconds_bucket{${route},le="+Inf"}`), 6);
  assert.equal(rawValue(text, `llamagate_http_request_duration_seconds_bucket{${route},le="0.5"}`), 5, 'all but the slow one');

  assert.equal(sample(families.llamagate_rate_limited_total, { reason: 'queue_full' }).value, '1');
  // The fake reports 26 prompt tokens and one completion token per streamed line for every chat.
  const promptTokens = sample(families.llamagate_tokens_total, { model: 'llama3.2', type: 'prompt' });
  assert.equal(Number(promptTokens.value) % 4, 0);
  assert.ok(Number(promptTokens.value) > 0);
  assert.equal(families.llamagate_queue_waiting_requests.type, 'GAUGE');
  assert.equal(families.llamagate_queue_waiting_requests.metrics[0].value, '0');
  assert.equal(families.llamagate_http_requests_in_flight.metrics[0].value, '1', 'the scrape itself');
  assert.equal(families.llamagate_cache_entries.type, 'GAUGE');
  assert.equal(families.llamagate_cache_entries.metrics[0].value, '0', 'this gateway runs with the cache off');
});

test('cache results and size are exposed', async () => {
  const cached = await startGateway({ env: { OLLAMA_HOST: ollama.url } });
  try {
    const body = { model: 'llama3.2', messages: [{ role: 'user', content: 'cache me' }] };
    const first = await httpRequest({ method: 'POST', url: `${cached.url}/v1/chat/completions`, body });
    const second = await httpRequest({ method: 'POST', url: `${cached.url}/v1/chat/completions`, body });
    assert.deepEqual([first.headers['x-cache'], second.headers['x-cache']], ['MISS', 'HIT']);
    const r = await httpRequest({ url: `${cached.url}/metrics` });
    const families = Object.fromEntries(parsePrometheusTextFormat(r.body).map((f) => [f.name, f]));
    assert.equal(sample(families.llamagate_cache_requests_total, { result: 'hit' }).value, '1');
    assert.equal(sample(families.llamagate_cache_requests_total, { result: 'miss' }).value, '1');
    assert.equal(families.llamagate_cache_entries.metrics[0].value, '1');
    assert.ok(Number(families.llamagate_cache_bytes.metrics[0].value) > 100, 'the stored answer has a size');
  } finally {
    await cached.stop();
  }
});

test('upstream errors are counted', async () => {
  const before = await scrape();
  const value = (families) => Number(sample(families.llamagate_upstream_errors_total, { route: '/v1/models' })?.value ?? 0);
  await ollama.script({ path: '/api/tags', hang: true, count: 1 });
  const slowGw = await startGateway({ env: { OLLAMA_HOST: ollama.url, TIMEOUT: '1s' } });
  try {
    assert.equal((await httpRequest({ url: `${slowGw.url}/v1/models` })).status, 504);
    const r = await httpRequest({ url: `${slowGw.url}/metrics` });
    const families = Object.fromEntries(parsePrometheusTextFormat(r.body).map((f) => [f.name, f]));
    assert.equal(value(families), 1);
  } finally {
    await slowGw.stop();
    await ollama.reset();
  }
  assert.equal(value(await scrape()), value(before), 'counters are per gateway');
});

test('a CORS preflight from an allowed origin is answered with what the OpenAI browser client needs', async () => {
  const r = await httpRequest({
    method: 'OPTIONS', url: `${gw.url}/v1/chat/completions`,
    headers: {
      Origin: 'http://app.test',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,openai-beta,x-stainless-lang,x-stainless-retry-count',
    },
  });
  assert.equal(r.status, 204);
  assert.equal(r.headers['access-control-allow-origin'], 'http://app.test');
  assert.match(r.headers['access-control-allow-methods'], /POST/);
  for (const h of ['authorization', 'content-type', 'openai-beta', 'x-stainless-lang', 'x-stainless-retry-count']) {
    assert.ok(r.headers['access-control-allow-headers'].split(',').map((s) => s.trim()).includes(h), h);
  }
  assert.equal(r.headers.vary, 'Origin');

  const actual = await httpRequest({ ...chat(), headers: { Origin: 'http://app.test' } });
  assert.equal(actual.status, 200);
  assert.equal(actual.headers['access-control-allow-origin'], 'http://app.test');
  assert.match(actual.headers['access-control-expose-headers'], /X-Request-ID/);
});

test('other origins get no CORS headers, and their preflight a 403', async () => {
  const preflight = await httpRequest({
    method: 'OPTIONS', url: `${gw.url}/v1/chat/completions`,
    headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 403);
  assert.equal(JSON.parse(preflight.body).error.type, 'permission_error');
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  const actual = await httpRequest({ url: `${gw.url}/v1/models`, headers: { Origin: 'http://evil.test' } });
  assert.equal(actual.headers['access-control-allow-origin'], undefined);
});

test('with CORS off, OPTIONS is just a method the routes do not have', async () => {
  const plain = await startGateway({ env: { OLLAMA_HOST: ollama.url } });
  try {
    const r = await httpRequest({
      method: 'OPTIONS', url: `${plain.url}/v1/chat/completions`,
      headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(r.status, 405);
    assert.equal(r.headers['access-control-allow-origin'], undefined);
  } finally {
    await plain.stop();
  }
});
