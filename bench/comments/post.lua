-- wrk script: every request posts a different, valid comment (unique text and email), so the
-- duplicate check and the per-email limit see what real traffic would.
local counter = 0
local threads = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  article = args[1]
  token = args[2]
  acknowledged = 0
  refused = 0
end

function request()
  counter = counter + 1
  local id = tid .. "-" .. counter
  local body = "article_id=" .. article .. "&token=" .. token ..
    "&comment=Benchmark+comment+" .. id .. "+on+the+council+budget%2C+with+a+second+thought." ..
    "&name=Bench+Reader+" .. id .. "&email=bench" .. id .. "%40example.org&website=https%3A%2F%2Fexample.org%2F"
  return wrk.format("POST", "/comments", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
  if status == 303 then acknowledged = acknowledged + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("acknowledged")
    bad = bad + t:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("acknowledged (303): %d  refused: %d  in %.1f s\n", ok, bad, seconds))
  io.write(string.format("comments/s: %.0f  p50: %.1f ms  p99: %.1f ms\n", ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
