-- wrk script: every connection waits PACE_MS milliseconds before each request, so the offered
-- load is about connections / (PACE_MS + latency). Used to run at a fraction of saturation.
local ms = tonumber(os.getenv("PACE_MS") or "10")
function delay()
  return ms
end
