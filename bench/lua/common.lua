-- Shared by the bench scripts: per-thread numbering, status counting and one JSON line at the end.
-- wrk gives each thread its own Lua state; setup() runs in the main state and numbers them.
local threads = {}
local counter = 0

function bench_setup(thread)
  thread:set("tid", counter)
  thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS") or "2"))
  counter = counter + 1
  table.insert(threads, thread)
end

-- Reads one field per line (or the whole line) from a file into a table.
function bench_lines(path)
  local t = {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if line ~= "" then t[#t + 1] = line end
  end
  f:close()
  return t
end

-- This thread's share of the lines of a file (every n-th, from the thread's own offset, so no
-- line goes to two connections at once), each made into a form body by make(line).
function bench_share(path, make)
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local all = bench_lines(path)
  local bodies = {}
  for k = tid + 1, #all, nt do bodies[#bodies + 1] = make(all[k]) end
  return bodies
end

-- Form bodies a script posts in turn, again and again (bench_each_again) or each once
-- (bench_each_once: for what works once, a code or an approval; the thread stops when its share is
-- answered, and requests a connection sent after the share ran out count as bad, one at most).
bench_bodies = {}
local sent_bodies = 0

function bench_each_again()
  sent_bodies = sent_bodies % #bench_bodies + 1
  return wrk.format("POST", nil, nil, bench_bodies[sent_bodies])
end

function bench_each_once()
  sent_bodies = sent_bodies + 1
  return wrk.format("POST", nil, nil, bench_bodies[math.min(sent_bodies, #bench_bodies)])
end

function bench_response_each_once(status, headers, body)
  bench_response(status, headers, body)
  if ok_count + bad_count >= #bench_bodies then bench_stop() end
end

function bench_urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

ok_count = 0
bad_count = 0
first_bad = ""

-- Counts 2xx and others per thread; a script that wants it sets response = bench_response.
function bench_response(status, headers, body)
  counting = 1
  if status >= 200 and status < 300 then
    ok_count = ok_count + 1
  else
    bad_count = bad_count + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 160) end
    if bench_after_bad then bench_after_bad() end
  end
  if bench_after_response then bench_after_response() end
end

function bench_done(summary, latency, requests)
  local ok, bad, sample = 0, 0, ""
  local counted = false
  for _, t in ipairs(threads) do
    if t:get("counting") ~= nil then
      local o = t:get("ok_count")
      counted = true
      ok = ok + o
      bad = bad + t:get("bad_count")
      local fb = t:get("first_bad")
      if sample == "" and fb ~= nil then sample = fb end
    end
  end
  local e = summary.errors
  if not counted then
    ok = summary.requests - e.status
    bad = e.status
  end
  sample = sample:gsub('[%c"\\]', " ")
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"ok":%d,"bad":%d,"duration_us":%d,"status_errors":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"mean_us":%.1f,' ..
    '"max_us":%d,"first_bad":"%s"}\n',
    summary.requests, ok, bad, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max, sample))
end

-- Stops this thread for good. wrk's main thread sleeps for the whole -d duration whatever the
-- threads do, so each stopped thread leaves a marker file: bench.py interrupts wrk (SIGINT, which
-- wrk handles by ending the run and reporting) once every thread has left one.
local stopped = false
function bench_stop()
  if stopped then return end
  stopped = true
  local dir = os.getenv("BENCH_DONE_DIR")
  if dir then
    local f = io.open(dir .. "/thread-" .. tostring(wrk.thread:get("tid")), "w")
    if f then f:close() end
  end
  wrk.thread:stop()
end
