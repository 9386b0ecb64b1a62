#!/usr/bin/env node
// A scripted fake of Ollama's native HTTP API, built from the samples in tests/fixtures/ollama/native.
// Used by the integration tests and the benchmark; see README.md beside this file for the control API.
// Node >= 20, no dependencies (node:http only).

import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FIXTURES = path.resolve(HERE, '../fixtures/ollama');

// Inputs of the two documented /api/embed samples (docs/api.md "Generate Embeddings").
const KNOWN_EMBED_INPUTS = ['Why is the sky blue?', 'Why is the grass green?'];
const GENERATE_TEXT = 'The sky is blue because it is the color of the sky.';
const THINKING_TEXT = 'The user greets me. I should greet back.';

const SCRIPT_KEYS = new Set([
  'path', 'method', 'count', 'delay_ms', 'first_token_delay_ms', 'chunk_delay_ms', 'chunks', 'status', 'error',
  'body', 'headers', 'die_after_chunks', 'midstream_error', 'hang', 'drop', 'content', 'thinking', 'tool_calls',
  'tool_call_ids', 'split_tool_calls', 'done_reason', 'prompt_eval_count', 'eval_count',
]);
const NUMERIC_KEYS = ['count', 'delay_ms', 'first_token_delay_ms', 'chunk_delay_ms', 'chunks', 'status',
  'die_after_chunks', 'midstream_error', 'prompt_eval_count', 'eval_count'];

const JSON_TYPE = 'application/json; charset=utf-8';
const NDJSON_TYPE = 'application/x-ndjson';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function loadFixtures(dir) {
  const native = (name) => JSON.parse(readFileSync(path.join(dir, 'native', name), 'utf8'));
  const ndjson = (name) => readFileSync(path.join(dir, 'native', name), 'utf8')
    .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  return {
    version: native('version.json'),
    tags: native('tags.json'),
    ps: native('ps.json'),
    show: native('show-abridged.json'),
    chat: native('chat-nonstream.json'),
    chatStream: ndjson('chat-stream.ndjson'),
    toolCallStream: ndjson('chat-tool-call-stream.ndjson'),
    toolCallNonStream: native('chat-tool-call-nonstream.json'),
    toolHistoryReply: native('chat-tool-history-reply.json'),
    structuredReply: native('chat-structured-output-reply.json'),
    loadReply: native('chat-load-reply.json'),
    unloadReply: native('chat-unload-reply.json'),
    embedSingle: native('embed-single.json'),
    embedMulti: native('embed-multi.json'),
    error: native('error.json'),
    midstreamGenerate: ndjson('error-midstream-generate.ndjson'),
    notFound: native('error-model-not-found-chat.json'),
    queueFull: native('error-queue-full-503.json'),
  };
}

// Splits text into exactly n pieces. n <= number of words: contiguous groups whose concatenation is the text.
// n > number of words: the words repeat cyclically (so long streams can be produced from a short reply).
export function splitIntoChunks(text, n) {
  const tokens = text.match(/\S+\s*|\s+/g) ?? [''];
  if (n == null) return tokens;
  n = Math.max(1, Math.floor(n));
  if (n <= tokens.length) {
    const out = [];
    const base = Math.floor(tokens.length / n);
    let extra = tokens.length % n;
    let i = 0;
    for (let k = 0; k < n; k++) {
      const size = base + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      out.push(tokens.slice(i, i + size).join(''));
      i += size;
    }
    return out;
  }
  const spaced = tokens.map((t) => (/\s$/.test(t) ? t : t + ' '));
  const out = [];
  for (let k = 0; k < n; k++) out.push(k < tokens.length ? tokens[k] : spaced[k % tokens.length]);
  // the last word of the first pass needs a separator before the repetition starts
  out[tokens.length - 1] = spaced[tokens.length - 1];
  return out;
}

function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function normalize(v) {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm === 0 ? v : v.map((x) => x / norm);
}

function modelKey(name) {
  if (typeof name !== 'string' || name === '') return null;
  return name.includes(':') ? name : `${name}:latest`;
}

function isTruthyThink(v) {
  return v === true || (typeof v === 'string' && v !== '' && v !== 'false' && v !== 'none');
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function createFakeOllama(options = {}) {
  const fixturesDir = options.fixtures ?? DEFAULT_FIXTURES;
  const fast = !!options.fast;
  const defaultChunks = options.chunks ?? null;
  const defaultChunkDelay = options.chunkDelayMs ?? 0;
  const embedDim = options.embedDim ?? 10;
  const log = options.log ?? ((line) => process.stderr.write(line + '\n'));
  const fx = loadFixtures(fixturesDir);

  const initialModels = () => (fx.tags.models ?? []).map((m) => structuredClone(m));
  let models = initialModels();
  let modelsNull = false;
  let scripts = [];
  let requestLog = [];
  let nextId = 1;
  let scriptSeq = 1;
  const stats = { total: 0, in_flight: 0, max_in_flight: 0, aborted: 0 };
  const pending = new Set(); // contexts of requests in progress (for hang cleanup on stop)

  const findModel = (name) => {
    const key = modelKey(name);
    return key ? models.find((m) => m.name === key || m.model === key) : undefined;
  };
  const requireModel = (name) => {
    if (typeof name !== 'string' || name === '') throw new HttpError(400, 'model is required');
    const m = findModel(name);
    if (!m) throw new HttpError(404, fx.notFound.error.replace(/'[^']*'/, `'${name}'`));
    return m;
  };
  const addModel = (name, from) => {
    const key = modelKey(name);
    if (!key || findModel(key)) return;
    const base = from ? structuredClone(from) : structuredClone(fx.tags.models[0] ?? { details: {} });
    base.name = key;
    base.model = key;
    base.modified_at = new Date().toISOString();
    base.digest = randomBytes(32).toString('hex');
    models.push(base);
    modelsNull = false;
  };

  function takeScript(method, pathname) {
    for (let i = scripts.length - 1; i >= 0; i--) {
      const s = scripts[i];
      if (s.method && s.method.toUpperCase() !== method) continue;
      if (s.path) {
        if (s.path.endsWith('*') ? !pathname.startsWith(s.path.slice(0, -1)) : s.path !== pathname) continue;
      }
      if (s.count != null) {
        s.count -= 1;
        if (s.count <= 0) scripts.splice(i, 1);
      }
      return s;
    }
    return null;
  }

  function validateScript(s) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) throw new HttpError(400, 'script must be an object');
    for (const k of Object.keys(s)) if (!SCRIPT_KEYS.has(k)) throw new HttpError(400, `unknown script key '${k}'`);
    for (const k of NUMERIC_KEYS) {
      if (s[k] != null && (typeof s[k] !== 'number' || !Number.isFinite(s[k]) || s[k] < 0)) {
        throw new HttpError(400, `script key '${k}' must be a non-negative number`);
      }
    }
    if (s.count === 0) throw new HttpError(400, "script key 'count' must be at least 1");
    return { ...s, id: scriptSeq++ };
  }

  // ---- helpers writing responses ----
  function sendJson(res, status, obj, extraHeaders) {
    const body = Buffer.from(JSON.stringify(obj));
    res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length, ...extraHeaders });
    res.end(body);
  }
  function sendText(res, status, text, type = TEXT_TYPE) {
    const body = Buffer.from(text);
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
    res.end(body);
  }

  const sleep = (ms, ctx) => new Promise((resolve) => {
    if (!ms || ms <= 0 || ctx.cancelled) return resolve();
    const t = setTimeout(() => { ctx.wakers.delete(wake); resolve(); }, ms);
    const wake = () => { clearTimeout(t); resolve(); };
    ctx.wakers.add(wake);
  });

  // A reply is either {kind:'json', status, obj} , {kind:'text', ...}, {kind:'empty'} or {kind:'stream', lines:[obj]}.
  async function deliver(ctx, reply, script) {
    const { res } = ctx;
    const sc = script ?? {};
    if (reply.kind === 'stream') {
      res.writeHead(200, { 'Content-Type': NDJSON_TYPE });
      res.flushHeaders();
      ctx.markHeaders(200);
      await sleep(sc.first_token_delay_ms, ctx);
      const chunkDelay = sc.chunk_delay_ms ?? defaultChunkDelay;
      const lines = reply.lines;
      for (let i = 0; i < lines.length; i++) {
        if (ctx.cancelled) return;
        if (sc.die_after_chunks != null && i >= sc.die_after_chunks) return ctx.destroy();
        if (sc.midstream_error != null && i >= sc.midstream_error) {
          const msg = sc.error ?? fx.midstreamGenerate.at(-1).error;
          res.end(JSON.stringify({ error: msg }) + '\n');
          ctx.linesSent++;
          return;
        }
        if (i > 0) {
          await sleep(chunkDelay, ctx);
          if (ctx.cancelled) return;
        }
        if (sc.die_after_chunks != null) {
          ctx.lastWrite = new Promise((resolve) => res.write(JSON.stringify(lines[i]) + '\n', resolve));
        } else {
          res.write(JSON.stringify(lines[i]) + '\n');
        }
        ctx.linesSent++;
      }
      if (sc.die_after_chunks != null && sc.die_after_chunks >= lines.length) return ctx.destroy();
      res.end();
      return;
    }
    if (sc.die_after_chunks != null) return ctx.destroy(); // non-stream: the connection dies before any byte
    if (sc.first_token_delay_ms) {
      res.writeHead(reply.status ?? 200, { 'Content-Type': reply.kind === 'json' ? JSON_TYPE : TEXT_TYPE });
      res.flushHeaders();
      ctx.markHeaders(reply.status ?? 200);
      await sleep(sc.first_token_delay_ms, ctx);
      if (ctx.cancelled) return;
      res.end(reply.kind === 'json' ? JSON.stringify(reply.obj) : (reply.text ?? ''));
      return;
    }
    ctx.markHeaders(reply.status ?? 200);
    if (reply.kind === 'json') sendJson(res, reply.status ?? 200, reply.obj);
    else if (reply.kind === 'text') sendText(res, reply.status ?? 200, reply.text);
    else { res.writeHead(reply.status ?? 200, { 'Content-Length': 0 }); res.end(); }
  }

  // ---- native API ----
  const now = () => new Date().toISOString();
  const wantStream = (body) => body.stream !== false; // Ollama streams unless told otherwise

  function doneFields(base, promptEval, evalCount, sc) {
    return {
      total_duration: base.total_duration ?? 4883583458,
      load_duration: base.load_duration ?? 1334875,
      prompt_eval_count: sc.prompt_eval_count ?? promptEval,
      prompt_eval_duration: base.prompt_eval_duration ?? 342546000,
      eval_count: sc.eval_count ?? evalCount,
      eval_duration: base.eval_duration ?? 4535599000,
    };
  }
  const doneReasonOf = (sc, dflt = 'stop') => (sc.done_reason === null ? {} : { done_reason: sc.done_reason ?? dflt });

  function withIds(calls, sc) {
    return calls.map((c) => (sc.tool_call_ids && !c.id ? { id: `call_${randomBytes(4).toString('hex')}`, ...c } : c));
  }

  function pickToolCalls(tools) {
    const fixtureCalls = fx.toolCallNonStream.message.tool_calls;
    const names = tools.map((t) => t?.function?.name).filter(Boolean);
    if (names.includes(fixtureCalls[0].function.name)) return structuredClone(fixtureCalls);
    // a model calls a tool it was offered: the first one, with its required string parameters filled in
    const t = tools[0]?.function ?? { name: 'tool' };
    const args = {};
    for (const p of t.parameters?.required ?? []) args[p] = 'test';
    return [{ function: { name: t.name, arguments: args } }];
  }

  function chatReply(body, sc) {
    requireModel(body.model);
    const model = body.model;
    const stream = wantStream(body);
    const messages = Array.isArray(body.messages) ? body.messages : [];
    if (messages.length === 0 && sc.content == null) {
      const unload = body.keep_alive === 0 || body.keep_alive === '0' || body.keep_alive === '0s';
      const obj = { ...structuredClone(unload ? fx.unloadReply : fx.loadReply), model, created_at: now() };
      return stream ? { kind: 'stream', lines: [obj] } : { kind: 'json', obj };
    }
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const lastRole = messages.at(-1)?.role;
    let toolCalls = null;
    if (sc.tool_calls) toolCalls = structuredClone(sc.tool_calls);
    else if (tools.length > 0 && lastRole !== 'tool') toolCalls = pickToolCalls(tools);
    if (toolCalls) toolCalls = withIds(toolCalls, sc);

    let base = fx.chat;
    let text = fx.chat.message.content;
    if (toolCalls) { base = fx.toolCallNonStream; text = ''; }
    else if (body.format != null && body.format !== '') { base = fx.structuredReply; text = base.message.content; }
    else if (tools.length > 0 && lastRole === 'tool') { base = fx.toolHistoryReply; text = base.message.content; }
    if (sc.content != null) text = String(sc.content);
    const thinking = sc.thinking != null ? String(sc.thinking) : (isTruthyThink(body.think) ? THINKING_TEXT : null);

    const chunkCount = sc.chunks ?? defaultChunks;
    const contentPieces = text === '' ? [] : splitIntoChunks(text, chunkCount);
    const thinkingPieces = thinking ? splitIntoChunks(thinking, null) : [];
    const evalCount = toolCalls ? (fx.toolCallNonStream.eval_count ?? 1) : contentPieces.length + thinkingPieces.length;
    const done = { ...doneReasonOf(sc), done: true, ...doneFields(base, base.prompt_eval_count ?? 26, evalCount, sc) };

    if (!stream) {
      const message = { role: 'assistant', content: text };
      if (thinking) message.thinking = thinking;
      if (toolCalls) message.tool_calls = toolCalls;
      return { kind: 'json', obj: { model, created_at: now(), message, ...done } };
    }
    const lines = [];
    for (const t of thinkingPieces) {
      lines.push({ model, created_at: now(), message: { role: 'assistant', content: '', thinking: t }, done: false });
    }
    for (const c of contentPieces) {
      lines.push({ model, created_at: now(), message: { role: 'assistant', content: c }, done: false });
    }
    if (toolCalls) {
      // Ollama sends all calls on one line, or (split_tool_calls) each call on a line of its own as newer versions do
      const groups = sc.split_tool_calls ? toolCalls.map((c) => [c]) : [toolCalls];
      for (const g of groups) {
        lines.push({ model, created_at: now(), message: { role: 'assistant', content: '', tool_calls: g }, done: false });
      }
    }
    lines.push({ model, created_at: now(), message: { role: 'assistant', content: '' }, ...done });
    return { kind: 'stream', lines };
  }

  function generateReply(body, sc) {
    requireModel(body.model);
    const model = body.model;
    const stream = wantStream(body);
    if ((typeof body.prompt !== 'string' || body.prompt === '') && sc.content == null) {
      const unload = body.keep_alive === 0 || body.keep_alive === '0' || body.keep_alive === '0s';
      const obj = { model, created_at: now(), response: '', done: true, done_reason: unload ? 'unload' : 'load' };
      return stream ? { kind: 'stream', lines: [obj] } : { kind: 'json', obj };
    }
    let text = GENERATE_TEXT;
    if (body.format != null && body.format !== '') text = fx.structuredReply.message.content;
    if (sc.content != null) text = String(sc.content);
    const thinking = sc.thinking != null ? String(sc.thinking) : (isTruthyThink(body.think) ? THINKING_TEXT : null);
    const pieces = splitIntoChunks(text, sc.chunks ?? defaultChunks);
    const thinkingPieces = thinking ? splitIntoChunks(thinking, null) : [];
    const done = {
      ...doneReasonOf(sc), done: true, context: [1, 2, 3],
      ...doneFields(fx.chat, 26, pieces.length + thinkingPieces.length, sc),
    };
    if (!stream) {
      const obj = { model, created_at: now(), response: text };
      if (thinking) obj.thinking = thinking;
      return { kind: 'json', obj: { ...obj, ...done } };
    }
    const lines = [];
    for (const t of thinkingPieces) lines.push({ model, created_at: now(), response: '', thinking: t, done: false });
    for (const p of pieces) lines.push({ model, created_at: now(), response: p, done: false });
    lines.push({ model, created_at: now(), response: '', ...done });
    return { kind: 'stream', lines };
  }

  function vectorFor(input) {
    const known = KNOWN_EMBED_INPUTS.indexOf(input);
    if (known >= 0) return fx.embedMulti.embeddings[known].slice();
    let seed = fnv1a(String(input)) || 1;
    const v = [];
    for (let i = 0; i < embedDim; i++) {
      seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
      v.push(seed / 0xffffffff * 2 - 1);
    }
    return normalize(v);
  }

  function embedReply(body) {
    requireModel(body.model);
    let inputs;
    if (body.input == null) inputs = [];
    else if (typeof body.input === 'string') inputs = [body.input];
    else if (Array.isArray(body.input) && body.input.every((x) => typeof x === 'string')) inputs = body.input;
    else throw new HttpError(400, 'invalid input type');
    if (body.dimensions != null && (!Number.isInteger(body.dimensions) || body.dimensions < 0)) {
      throw new HttpError(400, 'dimensions must be a non-negative integer');
    }
    const embeddings = inputs.map((s) => {
      const v = vectorFor(s);
      return body.dimensions > 0 && body.dimensions < v.length ? normalize(v.slice(0, body.dimensions)) : v;
    });
    const tokens = inputs.reduce((n, s) => n + (s.match(/\S+/g)?.length ?? 0), 0);
    return {
      kind: 'json',
      obj: {
        model: body.model, embeddings,
        total_duration: fx.embedSingle.total_duration, load_duration: fx.embedSingle.load_duration,
        prompt_eval_count: tokens,
      },
    };
  }

  function statusStream(body, statuses) {
    if (!wantStream(body)) return { kind: 'json', obj: statuses.at(-1) };
    return { kind: 'stream', lines: statuses };
  }

  function route(method, pathname, body, sc) {
    const isGet = method === 'GET' || method === 'HEAD';
    const needPost = () => { if (method !== 'POST') throw new HttpError(405, '405 method not allowed'); };
    switch (pathname) {
      case '/':
        if (!isGet) throw new HttpError(405, '405 method not allowed');
        return { kind: 'text', text: 'Ollama is running' };
      case '/api/version':
        if (!isGet) throw new HttpError(405, '405 method not allowed');
        return { kind: 'json', obj: fx.version };
      case '/api/tags':
        if (!isGet) throw new HttpError(405, '405 method not allowed');
        return { kind: 'json', obj: { models: modelsNull ? null : models } };
      case '/api/ps':
        if (!isGet) throw new HttpError(405, '405 method not allowed');
        return { kind: 'json', obj: fx.ps };
      case '/api/show': {
        needPost();
        const name = body.model ?? body.name;
        const m = requireModel(name);
        return { kind: 'json', obj: { ...fx.show, details: m.details ?? fx.show.details, modified_at: m.modified_at } };
      }
      case '/api/chat': needPost(); return chatReply(body, sc);
      case '/api/generate': needPost(); return generateReply(body, sc);
      case '/api/embed': needPost(); return embedReply(body);
      case '/api/embeddings': {
        needPost();
        requireModel(body.model);
        return { kind: 'json', obj: { embedding: typeof body.prompt === 'string' && body.prompt !== '' ? vectorFor(body.prompt) : [] } };
      }
      case '/api/pull': {
        needPost();
        const name = body.model ?? body.name;
        if (typeof name !== 'string' || name === '') throw new HttpError(400, 'model is required');
        const digest = 'sha256:' + (findModel(name)?.digest ?? createHash('sha256').update(name).digest('hex'));
        const total = findModel(name)?.size ?? 2019393189;
        addModel(name);
        return statusStream(body, [
          { status: 'pulling manifest' },
          { status: `pulling ${digest.slice(7, 19)}`, digest, total, completed: 0 },
          { status: `pulling ${digest.slice(7, 19)}`, digest, total, completed: total },
          { status: 'verifying sha256 digest' },
          { status: 'writing manifest' },
          { status: 'success' },
        ]);
      }
      case '/api/push': {
        needPost();
        const m = requireModel(body.model ?? body.name);
        const digest = `sha256:${m.digest}`;
        return statusStream(body, [
          { status: 'retrieving manifest' },
          { status: 'starting upload', digest, total: m.size ?? 0 },
          { status: 'pushing manifest' },
          { status: 'success' },
        ]);
      }
      case '/api/create': {
        needPost();
        const name = body.model ?? body.name;
        if (typeof name !== 'string' || name === '') throw new HttpError(400, 'model is required');
        const from = body.from != null ? requireModel(body.from) : undefined;
        addModel(name, from);
        return statusStream(body, [
          { status: 'reading model metadata' },
          { status: 'creating system layer' },
          { status: 'using already created layer sha256:' + createHash('sha256').update(name).digest('hex') },
          { status: 'writing manifest' },
          { status: 'success' },
        ]);
      }
      case '/api/copy': {
        needPost();
        const src = requireModel(body.source);
        if (typeof body.destination !== 'string' || body.destination === '') throw new HttpError(400, 'destination is required');
        addModel(body.destination, src);
        return { kind: 'empty' };
      }
      case '/api/delete': {
        if (method !== 'DELETE') throw new HttpError(405, '405 method not allowed');
        const m = requireModel(body.model ?? body.name);
        models = models.filter((x) => x !== m);
        return { kind: 'empty' };
      }
      default:
        throw new HttpError(404, '404 page not found');
    }
  }

  // ---- control API ----
  function control(req, res, method, pathname, body) {
    try {
      if (pathname === '/_fake/script' && method === 'POST') {
        const list = (Array.isArray(body) ? body : [body]).map(validateScript);
        scripts.push(...list);
        return sendJson(res, 200, { ok: true, ids: list.map((s) => s.id), scripts: scripts.length });
      }
      if (pathname === '/_fake/scripts' && method === 'GET') return sendJson(res, 200, scripts);
      if (pathname === '/_fake/reset' && method === 'POST') {
        scripts = [];
        requestLog = [];
        models = initialModels();
        modelsNull = false;
        stats.total = 0; stats.aborted = 0; stats.max_in_flight = stats.in_flight;
        return sendJson(res, 200, { ok: true });
      }
      if (pathname === '/_fake/requests' && method === 'GET') return sendJson(res, 200, requestLog);
      if (pathname === '/_fake/requests' && method === 'DELETE') {
        requestLog = [];
        stats.total = 0; stats.aborted = 0; stats.max_in_flight = stats.in_flight;
        return sendJson(res, 200, { ok: true });
      }
      if (pathname === '/_fake/stats' && method === 'GET') return sendJson(res, 200, stats);
      if (pathname === '/_fake/models' && method === 'POST') {
        if (body.models === null) { models = []; modelsNull = true; }
        else if (Array.isArray(body.models)) {
          models = [];
          modelsNull = false;
          for (const m of body.models) {
            if (typeof m === 'string') addModel(m);
            else if (m && typeof m === 'object' && typeof m.name === 'string') models.push(structuredClone(m));
            else throw new HttpError(400, 'models must be names or /api/tags entries');
          }
        } else throw new HttpError(400, 'models must be an array or null');
        return sendJson(res, 200, { ok: true, models: models.map((m) => m.name) });
      }
      throw new HttpError(404, `unknown control endpoint ${method} ${pathname}`);
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      throw e;
    }
  }

  // ---- request entry point ----
  function onRequest(req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
      handle(req, res, raw).catch((e) => {
        if (!fast) log(`fake-ollama: internal error: ${e.stack ?? e}`);
        if (!res.headersSent) sendJson(res, 500, { error: String(e.message ?? e) });
        else res.destroy();
      });
    });
    res.on('error', () => {});
    req.on('error', () => {});
  }

  async function handle(req, res, raw) {
    const method = req.method;
    const qpos = req.url.indexOf('?');
    const pathname = qpos < 0 ? req.url : req.url.slice(0, qpos);
    let body = null;
    let parseError = null;
    if (raw !== '') {
      try { body = JSON.parse(raw); } catch (e) { parseError = e.message; }
    }
    if (pathname.startsWith('/_fake/')) return control(req, res, method, pathname, body ?? {});

    const started = Date.now();
    stats.total++;
    stats.in_flight++;
    if (stats.in_flight > stats.max_in_flight) stats.max_in_flight = stats.in_flight;
    const entry = fast ? null : {
      id: nextId++, method, path: pathname, query: qpos < 0 ? '' : req.url.slice(qpos + 1),
      headers: req.headers, body: parseError ? raw : body, received_at: started,
      status: null, lines_sent: 0, finished: false, finished_at: null, aborted: false, closed_at: null,
      destroyed_by_fake: false, script: null,
    };
    if (entry) requestLog.push(entry);

    const ctx = {
      res, cancelled: false, finished: false, destroyedByFake: false, wakers: new Set(), linesSent: 0,
      markHeaders(status) { if (entry) entry.status = status; },
      lastWrite: null, // set while a die_after_chunks script runs: the socket dies only after the lines are out
      async destroy() {
        ctx.destroyedByFake = true;
        if (entry) entry.destroyed_by_fake = true;
        if (ctx.lastWrite) await ctx.lastWrite;
        res.socket?.destroy();
        req.socket?.destroy();
      },
    };
    pending.add(ctx);
    res.on('finish', () => { ctx.finished = true; });
    res.on('close', () => {
      pending.delete(ctx);
      stats.in_flight--;
      const aborted = !ctx.finished && !ctx.destroyedByFake;
      ctx.cancelled = true;
      for (const w of ctx.wakers) w();
      ctx.wakers.clear();
      if (aborted) stats.aborted++;
      if (entry) {
        entry.lines_sent = ctx.linesSent;
        entry.closed_at = Date.now();
        entry.finished = ctx.finished;
        if (ctx.finished) entry.finished_at = entry.closed_at;
        entry.aborted = aborted;
        if (entry.status == null && res.headersSent) entry.status = res.statusCode;
      }
      if (!fast) {
        const what = aborted ? 'ABORTED by client' : ctx.destroyedByFake ? 'DESTROYED by script' : res.statusCode;
        log(`fake-ollama: ${method} ${pathname} ${what} ${Date.now() - started}ms`);
      }
    });

    const sc = scripts.length > 0 ? takeScript(method, pathname) : null;
    if (entry && sc) entry.script = sc.id;
    if (sc) {
      await sleep(sc.delay_ms, ctx);
      if (ctx.cancelled) return;
      if (sc.hang) return; // never answer; the close handler records the client's abort
      if (sc.drop) return ctx.destroy();
      if (sc.status != null || sc.body != null) {
        const status = sc.status ?? 200;
        let payload = sc.body;
        if (payload == null) {
          let msg = sc.error;
          if (msg == null) {
            if (status === 404) msg = fx.notFound.error.replace(/'[^']*'/, `'${body?.model ?? body?.name ?? ''}'`);
            else if (status === 503) msg = fx.queueFull.error;
            else if (status === 500) msg = fx.error.error;
            else msg = http.STATUS_CODES[status] ?? 'error';
          }
          payload = { error: msg };
        }
        ctx.markHeaders(status);
        const isText = typeof payload === 'string';
        const buf = Buffer.from(isText ? payload : JSON.stringify(payload));
        res.writeHead(status, { 'Content-Type': isText ? TEXT_TYPE : JSON_TYPE, 'Content-Length': buf.length, ...(sc.headers ?? {}) });
        res.end(buf);
        return;
      }
    }

    let reply;
    try {
      if (parseError) throw new HttpError(400, parseError);
      const needsBody = method === 'POST' || method === 'DELETE';
      if (needsBody && body == null && pathname.startsWith('/api/') ) throw new HttpError(400, 'missing request body');
      if (needsBody && (typeof body !== 'object' || Array.isArray(body)) && pathname.startsWith('/api/')) {
        throw new HttpError(400, 'request body must be a JSON object');
      }
      reply = route(method, pathname, body ?? {}, sc ?? {});
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      ctx.markHeaders(e.status);
      if (e.status === 404 && e.message === '404 page not found') return sendText(res, 404, e.message);
      if (e.status === 405) return sendText(res, 405, e.message);
      return sendJson(res, e.status, { error: e.message });
    }
    if (sc?.headers) for (const [k, v] of Object.entries(sc.headers)) res.setHeader(k, v);
    await deliver(ctx, reply, sc);
  }

  const server = http.createServer({ keepAlive: true, noDelay: true, requestTimeout: 0, headersTimeout: 60000 }, onRequest);
  server.keepAliveTimeout = 65000;
  server.on('clientError', (err, socket) => { if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'); });

  return {
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const p = server.address().port;
          resolve({ port: p, url: `http://${host.includes(':') ? `[${host}]` : host}:${p}` });
        });
      });
    },
    close() {
      for (const ctx of pending) ctx.res.socket?.destroy();
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseArgs(argv) {
  const opts = { port: 0, host: '127.0.0.1', fixtures: DEFAULT_FIXTURES, fast: false, exitWithStdin: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const num = () => {
      const v = Number(val());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a non-negative number`);
      return v;
    };
    switch (a) {
      case '--port': opts.port = num(); break;
      case '--host': opts.host = val(); break;
      case '--fixtures': opts.fixtures = path.resolve(val()); break;
      case '--fast': opts.fast = true; break;
      case '--chunks': opts.chunks = Math.max(1, num()); break;
      case '--chunk-delay-ms': opts.chunkDelayMs = num(); break;
      case '--embed-dim': opts.embedDim = Math.max(1, num()); break;
      case '--exit-with-stdin': opts.exitWithStdin = true; break;
      case '--help': case '-h':
        process.stdout.write('usage: node fake-ollama.mjs [--port N] [--host 127.0.0.1] [--fixtures DIR] [--fast]\n' +
          '       [--chunks N] [--chunk-delay-ms MS] [--embed-dim N] [--exit-with-stdin]\n');
        process.exit(0);
        break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fake-ollama: ${e.message}\n`);
    process.exit(2);
  }
  const fake = createFakeOllama({
    fixtures: opts.fixtures, fast: opts.fast, chunks: opts.chunks, chunkDelayMs: opts.chunkDelayMs, embedDim: opts.embedDim,
  });
  const { port, url } = await fake.listen(opts.port, opts.host);
  process.stdout.write(JSON.stringify({ event: 'listening', port, url }) + '\n');
  const quit = () => process.exit(0);
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  if (opts.exitWithStdin) {
    process.stdin.on('end', quit);
    process.stdin.on('close', quit);
    process.stdin.resume();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`fake-ollama: ${e.stack ?? e}\n`);
    process.exit(1);
  });
}
