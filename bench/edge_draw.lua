-- wrk script: POST a draw for a new player on every request
-- (unique per thread and request, so no player limit or rate limit applies).
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  campaign = args[1] or "bench"
end

function request()
  counter = counter + 1
  local body = string.format('{"player":"bench-%d-%d-%d","request_id":"r%d"}', thread_id, counter, math.random(1, 1000000000), counter)
  return wrk.format("POST", "/api/v1/campaigns/" .. campaign .. "/draws",
    { ["content-type"] = "application/json" }, body)
end
