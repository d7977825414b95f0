-- GET .../v1/oauth/qr, then GET of the PNG its answer names: one unit is both requests, and only a
-- PNG answered 2xx counts as ok (a failed create or image counts as bad). Each thread keeps a queue
-- of images to fetch: a connection's next request is a queued image when there is one, otherwise
-- a new create. With BENCH_QR_OUT set, each thread appends "token<TAB>secret" of every create to
-- BENCH_QR_OUT.<tid> (the pending logins the check and authorize phases use); BENCH_QR_PNG=0
-- skips the images (untimed preparation). X-Forwarded-For takes turns over BENCH_XFF_NETS
-- addresses (the bench server trusts it) so the per-IP create cap does not refuse the load.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "common"

setup = bench_setup
done = bench_done

local queue, head, tail, sent, nets, out, png, limit, created

function init(args)
  queue, head, tail, sent, created = {}, 1, 0, 0, 0
  nets = tonumber(os.getenv("BENCH_XFF_NETS") or "256")
  png = os.getenv("BENCH_QR_PNG") ~= "0"
  limit = tonumber(os.getenv("BENCH_QR_LIMIT") or "0")
  local path = os.getenv("BENCH_QR_OUT")
  if path then out = assert(io.open(path .. "." .. wrk.thread:get("tid"), "w")) end
end

function request()
  if head <= tail then
    local path = queue[head]
    queue[head] = nil
    head = head + 1
    return wrk.format("GET", path)
  end
  sent = sent + 1
  local tid = tonumber(wrk.thread:get("tid"))
  return wrk.format("GET", nil, { ["X-Forwarded-For"] = string.format("10.%d.%d.1", 20 + tid, sent % nets) })
end

function response(status, headers, body)
  counting = 1
  local image = body and string.sub(body, 2, 4) == "PNG"
  if status >= 200 and status < 300 and not image then
    local token = body:match('"token"%s*:%s*"([^"]+)"')
    local secret = body:match('"secret"%s*:%s*"([^"]+)"')
    local url = body:match('"url"%s*:%s*"([^"]+)"')
    if token and secret and url then
      created = created + 1
      if out then out:write(token, "\t", secret, "\n"); out:flush() end
      if png then
        tail = tail + 1
        queue[tail] = url:gsub("^https?://[^/]+", "")
      else
        ok_count = ok_count + 1
      end
    else
      bench_response(500, headers, body)
    end
  elseif image and status == 200 then
    ok_count = ok_count + 1
  else
    bench_response(status, headers, body)
  end
  if limit > 0 and created >= limit then bench_stop() end
end
