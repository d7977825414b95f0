-- POST .../v1/oauth/qr {token, secret} without wait, over the pending logins in BENCH_QR
-- ("token<TAB>secret" lines), each thread its own share in turn. A pending login answers 202
-- (authorization_pending): nothing is consumed, so the logins are checked again and again.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done
request = bench_each_again
response = bench_response

function init(args)
  bench_bodies = bench_share(os.getenv("BENCH_QR"), function(line)
    local token, secret = line:match("^([^\t]+)\t(.+)$")
    return "token=" .. bench_urlencode(token) .. "&secret=" .. bench_urlencode(secret)
  end)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
