-- POST .../v1/oauth/verify with codes harvested before the timed phase: BENCH_CODES holds
-- "identifier<TAB>code" lines. A code is used once, so a thread stops when its share is answered
-- (the run is then shorter than asked; wrk measures the time actually taken).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done
request = bench_each_once
response = bench_response_each_once

function init(args)
  bench_bodies = bench_share(os.getenv("BENCH_CODES"), function(line)
    local id, code = line:match("^([^\t]+)\t(%d+)$")
    return "id=" .. bench_urlencode(id) .. "&code=" .. code
  end)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
