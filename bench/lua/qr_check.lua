-- POST .../v1/oauth/qr {token, secret} without wait, over the pending logins in BENCH_QR
-- ("token<TAB>secret" lines), each thread its own share in turn. A pending login answers 202
-- (authorization_pending): nothing is consumed, so the logins are checked again and again.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done
response = bench_response

local bodies, n, i

function init(args)
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local all = bench_lines(os.getenv("BENCH_QR"))
  bodies = {}
  for k = tid + 1, #all, nt do
    local token, secret = all[k]:match("^([^\t]+)\t(.+)$")
    bodies[#bodies + 1] = "token=" .. bench_urlencode(token) .. "&secret=" .. bench_urlencode(secret)
  end
  n = #bodies
  i = 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  i = i % n + 1
  return wrk.format("POST", nil, nil, bodies[i])
end
