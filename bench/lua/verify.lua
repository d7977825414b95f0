-- POST .../v1/oauth/verify with codes harvested before the timed phase: BENCH_CODES holds
-- "identifier<TAB>code" lines. Each thread takes every n-th pair; a code is used once, so a thread
-- stops when its share is answered (the run is then shorter than asked; wrk measures the time
-- actually taken). Requests sent after the share ran out are counted as "bad" (a few at most).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done

local pairs_, n, i

function init(args)
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local all = bench_lines(os.getenv("BENCH_CODES"))
  pairs_ = {}
  for k = tid + 1, #all, nt do
    local id, code = all[k]:match("^([^\t]+)\t(%d+)$")
    pairs_[#pairs_ + 1] = "id=" .. bench_urlencode(id) .. "&code=" .. code
  end
  n = #pairs_
  i = 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  i = i + 1
  return wrk.format("POST", nil, nil, pairs_[math.min(i, n)])
end

function response(status, headers, body)
  bench_response(status, headers, body)
  if ok_count + bad_count >= n then bench_stop() end
end
