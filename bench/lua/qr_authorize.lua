-- POST .../v1/oauth/qr/authorize {token} with the access token in BENCH_BEARER (a signed-in user
-- of the API client), each pending login of BENCH_QR ("token<TAB>secret" lines) approved once: a
-- thread stops when its share is answered, like verify.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done
request = bench_each_once
response = bench_response_each_once

function init(args)
  bench_bodies = bench_share(os.getenv("BENCH_QR"), function(line)
    return "token=" .. bench_urlencode(line:match("^([^\t]+)"))
  end)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_BEARER")
end
