-- A practitioners' mix for the footprint under load: one case opened in ten requests (which sets off the whole
-- pipeline: access, notifications, e-mail), the rest reads of a case and of the first page of cases.
local token = os.getenv("TOKEN")
local case_path = "/api/v1/cases/" .. os.getenv("CASE_ID")
local n = 0

function request()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if n % 10 == 0 then
    return wrk.format("POST", "/api/v1/cases", headers,
      '{"type":"ASB_PERSONAL","title":"Footprint load ' .. n .. '","leadOfficer":"raj.patel","team":"STOCKTON_ASB"}')
  elseif n % 10 == 5 then
    return wrk.format("GET", "/api/v1/cases?limit=20", headers)
  end
  return wrk.format("GET", case_path, headers)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.2f p99_ms=%.2f rps=%.1f requests=%d non2xx=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
