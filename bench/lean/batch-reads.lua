-- S3 driven by wrk: batch reads of 50 consecutive products from a random start, as the Gatling scenario,
-- from a load generator as lean as the SQL baseline's pgbench (bench/run, lean rows).
local products = tonumber(os.getenv("LEAN_PRODUCTS") or "10000")
local token = os.getenv("LEAN_TOKEN")

function request()
  local first, ids = math.random(0, products - 51), {}
  for i = 0, 49 do
    ids[#ids + 1] = "b-" .. (first + i)
  end
  return wrk.format("GET", "/api/v1/stock?productIds=" .. table.concat(ids, ","), {
    ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json"})
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('LEAN {"requests":%d,"seconds":%.3f,"statusErrors":%d,"socketErrors":%d,' ..
    '"p50":%.3f,"p99":%.3f,"p999":%.3f,"generated":0,"unsettled":[]}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
