-- S1 driven by wrk: sales of one unit over LEAN_PRODUCTS products, a new order each, as the Gatling scenario,
-- from a load generator as lean as the SQL baseline's pgbench (bench/run, lean rows).
--
-- The product of a thread's k-th order follows from (thread, k), so that done() can list the orders that may
-- not have been applied: those still in flight when wrk stopped, and the first thread's first, which wrk asks
-- for before the run to check the script and never sends. bench/lean/settle.py sends them again (a repeated
-- order is answered, not applied twice), and every order this run generated is then acknowledged once.
local threads = {}
local run = os.getenv("LEAN_RUN") or tostring(os.time())
local products = tonumber(os.getenv("LEAN_PRODUCTS") or "10000")
local token = os.getenv("LEAN_TOKEN")
local clients = tonumber(os.getenv("LEAN_CLIENTS") or "16")

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

counter = 0

local function order(thread_id, k)
  return "lean-" .. run .. "-" .. thread_id .. "-" .. k, "b-" .. (k * 7919 + thread_id * 104729) % products
end

function request()
  counter = counter + 1
  local order_id, product = order(id, counter)
  return wrk.format("POST", "/api/v1/inventory/" .. product .. "/sales", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept"] = "application/json"},
    '{"orderId":"' .. order_id .. '","variantId":"v1","quantity":1}')
end

function done(summary, latency, requests)
  local generated, unsettled = 0, {}
  local function unsettle(thread_id, k)
    local order_id, product = order(thread_id, k)
    unsettled[#unsettled + 1] = '["' .. order_id .. '","' .. product .. '"]'
  end
  for _, thread in ipairs(threads) do
    local n, thread_id = thread:get("counter"), thread:get("id")
    generated = generated + n
    -- a thread's connections each hold at most one request: those in flight are among its last ones
    local first = math.max(1, n - clients + 1)
    if first > 1 then
      unsettle(thread_id, 1)
    end
    for k = first, n do
      unsettle(thread_id, k)
    end
  end
  local e = summary.errors
  io.write(string.format('LEAN {"requests":%d,"seconds":%.3f,"statusErrors":%d,"socketErrors":%d,' ..
    '"p50":%.3f,"p99":%.3f,"p999":%.3f,"generated":%d,"unsettled":[%s]}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    generated, table.concat(unsettled, ",")))
end
