-- wrk script of bench/cache-hit.mjs: one JSON line of results at the end.
--   wrk -t2 -c32 -d10s -s bench/cache-hit.lua URL -- root|hit
-- root: GET / (the trivial route); hit: POST /v1/chat/completions with a body whose answer is in the response cache.
function init(args)
  if args[1] == "hit" then
    wrk.method = "POST"
    wrk.path = "/v1/chat/completions"
    wrk.body = '{"model":"llama3.2","messages":[{"role":"user","content":"cache-hit benchmark"}]}'
    wrk.headers["Content-Type"] = "application/json"
  else
    wrk.method = "GET"
    wrk.path = "/"
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"latency_us":{"p50":%d,"p99":%d}}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
