-- wrk script for benchmarks/bench.py: one request shape per run, a JSON summary at the end.
--   BENCH_METHOD    GET, POST or DELETE (GET)
--   BENCH_AUTH      the Authorization header value (required)
--   BENCH_BODY      the JSON body of a POST (none)
--   BENCH_SCENARIO  sent as X-Bench-Scenario: the floor answers that scenario's body by it
--   BENCH_MODE      plain (default): the same request every time;
--                   create: a POST whose parties are new on each request (+1404..., +1405...);
--                   expire: request n goes to the path BENCH_PREFIX .. line n of BENCH_UUIDS
--   BENCH_OFFSET    requests made by earlier runs (create and expire go on from there)
-- The summary line starts with "BENCH_JSON " and carries latencies in microseconds.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
wrk.headers["Accept"] = "application/json"
wrk.headers["X-Bench-Scenario"] = os.getenv("BENCH_SCENARIO") or ""
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local mode = os.getenv("BENCH_MODE") or "plain"
local counter = tonumber(os.getenv("BENCH_OFFSET") or "0")

if mode == "create" then
  wrk.headers["Content-Type"] = "application/json"
  function request()
    counter = counter + 1
    local parties = string.format(
      '{"first_party": "+1404%07d", "second_party": "+1405%07d"}', counter, counter)
    return wrk.format(nil, nil, nil, parties)
  end
elseif mode == "expire" then
  local uuids = {}
  for line in io.lines(os.getenv("BENCH_UUIDS")) do
    uuids[#uuids + 1] = line
  end
  local prefix = os.getenv("BENCH_PREFIX")
  function request()
    counter = counter + 1
    return wrk.format(nil, prefix .. (uuids[counter] or "none"))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max))
end
