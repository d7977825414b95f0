-- POST .../v1/oauth/sign, cycling over the identifiers in BENCH_IDS (one per line). Each thread
-- takes every n-th identifier from its own offset, so no identifier is signed by two connections
-- at once. With BENCH_ONCE=1 a thread stops after its share (each identifier signed once).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done

local ids, n, i, sent, once
local xff = os.getenv("BENCH_XFF_NETS") -- e.g. 50: X-Forwarded-For from 50 addresses (memory phase)

function init(args)
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local all = bench_lines(os.getenv("BENCH_IDS"))
  ids = {}
  for k = tid + 1, #all, nt do ids[#ids + 1] = all[k] end
  n = #ids
  i = 0
  sent = 0
  once = os.getenv("BENCH_ONCE") == "1"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  i = i % n + 1
  sent = sent + 1
  local headers = nil
  if xff then
    headers = { ["Content-Type"] = "application/x-www-form-urlencoded",
                ["X-Forwarded-For"] = string.format("10.9.%d.1", i % tonumber(xff)) }
  end
  return wrk.format("POST", nil, headers, "id=" .. bench_urlencode(ids[i]))
end

function response(status, headers, body)
  bench_response(status, headers, body)
  if once and ok_count + bad_count >= n then bench_stop() end
end
