-- wrk script: POST a small non-streaming chat, then print one JSON line with the results.
--   wrk -t1 -cN -dS -s bench/wrk-chat.lua URL -- openai|native RUN_ID
-- openai: POST /v1/chat/completions (what LlamaGate serves; it translates to /api/chat with stream:false)
-- native: POST /api/chat with stream:false (what the fake Ollama serves directly and through nginx)
-- Every request is unique ("Hello! #<RUN_ID>-<n>"), so that a response cache in front of the model never answers.
-- Use one wrk thread (-t1): the counter is per thread.
local template
local run = "0"
local n = 0

function init(args)
  local kind = args[1] or "native"
  run = args[2] or "0"
  if kind == "openai" then
    wrk.path = "/v1/chat/completions"
    template = '{"model":"llama3.2","messages":[{"role":"user","content":"Hello! #%s-%d"}]}'
  else
    wrk.path = "/api/chat"
    template = '{"model":"llama3.2","messages":[{"role":"user","content":"Hello! #%s-%d"}],"stream":false}'
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format(template, run, n))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
