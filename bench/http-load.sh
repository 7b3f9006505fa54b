#!/usr/bin/env bash
# HTTP load check for issue 2: starts the server through the launcher (its server JVM settings) on a spare port,
# warms it up, finds the saturating throughput of /api/search?q=生物医药 and /api/health with wrk,
# then offers half of the search saturation and prints the latency percentiles.
# Needs wrk (apt-get install wrk). Usage: bench/http-load.sh [PORT] [WARMUP_SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-7090}"
warmup="${2:-60}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

"$root/cluster-search" serve --port "$port" > "${TMPDIR:-/tmp}/cluster-search-load.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$port/api/health" >/dev/null && break; sleep 0.5; done

search="http://127.0.0.1:$port/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"
health="http://127.0.0.1:$port/api/health"
rps() { awk '/Requests\/sec/ {print int($2)}'; }

echo "warming up for ${warmup}s ..."
wrk -t1 -c8 -d"${warmup}s" "$search" > /dev/null
wrk -t1 -c8 -d10s "$health" > /dev/null

saturate() {
  local url=$1 best=0
  for c in 4 8 16 32; do
    local r
    r=$(wrk -t2 -c"$c" -d15s "$url" | rps)
    echo "  $c connections: $r req/s" >&2
    (( r > best )) && best=$r
  done
  echo "$best"
}
echo "saturation, /api/search?q=生物医药:"
search_max=$(saturate "$search")
echo "saturation, /api/health:"
health_max=$(saturate "$health")

# Half load, from one client thread so that wrk takes as little of the two cores as it can. Each
# connection pauses PACE ms before each request; the number of connections is calibrated in a short
# run so that the achieved rate is half the saturating one. The same pacing against /api/health
# shows what the machine and the client add on their own.
target=$(( search_max / 2 ))
pace=3
connections=$(( (target * (pace + 1) + 999) / 1000 ))
achieved=$(PACE_MS=$pace wrk -t1 -c"$connections" -d10s -s "$root/bench/pace.lua" "$search" | rps)
connections=$(( (connections * target + achieved / 2) / achieved ))
echo "half load: target $target req/s, $connections connections pausing ${pace} ms"
for url in "$search" "$health"; do
  echo "  $url"
  PACE_MS=$pace wrk -t1 -c"$connections" -d30s --latency -s "$root/bench/pace.lua" "$url" \
    | grep -E "50%|90%|99%|Requests/sec"
done

echo "summary: search saturates at $search_max req/s, health at $health_max req/s"
