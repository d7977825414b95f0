-- POST .../v1/oauth/qr/authorize {token} with the access token in BENCH_BEARER (a signed-in user
-- of the API client), each pending login of BENCH_QR ("token<TAB>secret" lines) approved once. A
-- thread stops when its share is answered, like verify; requests sent after that count as bad.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done

local bodies, n, i

function init(args)
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local all = bench_lines(os.getenv("BENCH_QR"))
  bodies = {}
  for k = tid + 1, #all, nt do
    bodies[#bodies + 1] = "token=" .. bench_urlencode(all[k]:match("^([^\t]+)"))
  end
  n = #bodies
  i = 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_BEARER")
end

function request()
  i = i + 1
  return wrk.format("POST", nil, nil, bodies[math.min(i, n)])
end

function response(status, headers, body)
  bench_response(status, headers, body)
  if ok_count + bad_count >= n then bench_stop() end
end
