-- A practitioners' mix for the footprint under load: one case opened in ten requests (which sets off the whole
-- pipeline: access, notifications, e-mail), the rest reads of a case and of the first page of cases.
-- The token and the closing RESULT line come from report.lua; its single GET is replaced below.
dofile("bench/wrk/report.lua")
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
