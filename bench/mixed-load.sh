#!/usr/bin/env bash
# Mixed load at saturation (issue 7): starts the server through the launcher (its JVM settings) on a spare
# port, warms it up, then runs wrk for DURATION seconds (default 60) with the mixed request set of
# bench/mixed.lua from one client thread and CONNECTIONS connections (default 16). Prints req/s,
# latency percentiles, errors (socket errors and non-2xx/3xx answers from wrk, 5xx from /metrics)
# and the server's RSS before and after. Needs wrk (apt-get install wrk).
# Usage: bench/mixed-load.sh [PORT] [DURATION] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-7091}"
duration="${2:-60}"
connections="${3:-16}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cd "$root"

log="${TMPDIR:-/tmp}/cluster-search-mixed.log"
"$root/cluster-search" serve --port "$port" > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$port/api/ready" >/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server/status"; }

base="http://127.0.0.1:$port"
echo "RSS after start: $(rss)"
echo "warming up for 20 s ..."
wrk -t1 -c"$connections" -d20s -s bench/mixed.lua "$base" > /dev/null
echo "RSS after warm-up: $(rss)"

echo "mixed load: ${duration} s, 1 thread, $connections connections"
wrk -t1 -c"$connections" -d"${duration}s" --latency -s bench/mixed.lua "$base" \
  | grep -E "mixed set|Requests/sec|Latency  |50%|90%|99%|requests in|Socket errors|Non-2xx"
echo "RSS after the run: $(rss)"
# /api/ready answers 503 while the server starts (the script polls it): not an error.
errors=$(curl -s "$base/metrics" | awk '/^http_server_requests_seconds_count/ && /status="5/ && !/api\/ready/ {n += $2} END {print n + 0}')
echo "5xx answers counted by /metrics: $errors"
