-- wrk script: POST a draw for a new player on every request. Players are
-- unique per run (args[2]), thread and request, so no player limit, rate
-- limit or replay of an earlier request applies.
local counter = 0
local next_thread = 0

function setup(thread)
  -- Runs in the main Lua state; sets a global in the thread's own state.
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  campaign = args[1] or "bench"
  run = args[2] or "0"
end

function request()
  counter = counter + 1
  -- request ids are 16-128 characters of [A-Za-z0-9_-]
  local body = string.format('{"player":"bench-%s-%d-%d","request_id":"bench-request-%012d"}', run, thread_number, counter, counter)
  return wrk.format("POST", "/api/v1/campaigns/" .. campaign .. "/draws",
    { ["content-type"] = "application/json" }, body)
end
