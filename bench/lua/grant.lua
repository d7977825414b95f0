-- Keycloak's token endpoint: BENCH_BODY is the whole form body (client_credentials or password
-- grant). With BENCH_USERS=n, "%USER%" in the body becomes user 0..n-1 in turn (each thread its
-- own users): Keycloak's brute-force protection refuses concurrent logins of one user
-- (user_temporarily_disabled), so the password grant needs several users to be measured at all.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done
request = bench_each_again
response = bench_response

function init(args)
  local body = os.getenv("BENCH_BODY")
  local users = tonumber(os.getenv("BENCH_USERS") or "0")
  local tid = tonumber(wrk.thread:get("tid"))
  local nt = tonumber(wrk.thread:get("nthreads"))
  local bodies = {}
  if users > 0 then
    for u = tid, users - 1, nt do
      local user = bench_urlencode(string.format(os.getenv("BENCH_USER_FORMAT"), u))
      bodies[#bodies + 1] = (body:gsub("%%USER%%", (user:gsub("%%", "%%%%"))))
    end
  else
    bodies[1] = body
  end
  bench_bodies = bodies
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
