#!/usr/bin/env bash
# Scale runs of issue 10 (not run by the tests): for each COUNT, writes synthetic lists with
# `cluster-search generate` into a fresh folder, indexes them through the launcher (INDEX_HEAP,
# default 256m) and reports indexing clusters/s, index size and the indexer's peak RSS; then starts
# the server over that index (launch → first 200 of /api/ready) and measures with wrk from one
# thread and 2 connections for SECONDS (default 10): search+facets q=生物医药, /api/facets, /api/stats;
# and three JSON exports of everything with curl (median time, bytes), with the server's RSS after.
# The response cache is off for these runs (a copy of config/ with responseCacheMegabytes 0, and
# the list limits raised) and
# every URL is warmed up for 5 s first: the figures are of the search path, not of the cache.
# Needs wrk and /usr/bin/time. Usage: bench/scale.sh [COUNT ...]   (default: 10000 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${SECONDS_PER_RUN:-10}"
port="${PORT:-7095}"
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(10000 100000)
base="http://127.0.0.1:$port"
config="$(mktemp -d)"
cp -r "$root/config/." "$config"
sed -i 's/^\(  responseCacheMegabytes:\) *[0-9]*/\1 0/' "$config/settings.yaml"
# Synthetic lists of 200,000 rows are far past the limits of a published list (lists.*).
sed -i -e 's/^\(  maxBytes:\) *[0-9]*/\1 4294967296/' -e 's/^\(  maxRows:\) *[0-9]*/\1 10000000/' \
  "$config/settings.yaml"
server=""
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; rm -rf "$config"' EXIT
[ -f "$root/target/cluster-search.jar" ] || "$root/cluster-search" --help > /dev/null

ms() { # a wrk duration (295.00us, 1.92ms, 1.20s) in milliseconds
  awk -v d="$1" 'BEGIN { v = d + 0; if (d ~ /us$/) v /= 1000; else if (d ~ /ms$/) v += 0; else if (d ~ /s$/) v *= 1000; printf "%.3f", v }'
}
latency() { # name url; sets p50 and p99 (ms)
  local out
  wrk -t1 -c2 -d5s "$2" > /dev/null
  out=$(wrk -t1 -c2 -d"${secs}s" --latency "$2")
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  printf "  %-20s p50 %9s  p99 %9s  %8s req/s\n" "$1" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')"
}

csv="$root/target/bench/scale.csv"
mkdir -p "$(dirname "$csv")"
echo "clusters,index_s,search_p50_ms,search_p99_ms,facets_p50_ms,stats_p50_ms,stats_query_p50_ms,export_ms" > "$csv"
for n in "${counts[@]}"; do
  home="$(mktemp -d "${TMPDIR:-/tmp}/cluster-search-scale-$n.XXXX")"
  echo "== $n clusters ($home)"
  "$root/cluster-search" --home "$home" --config "$root/config" generate --count "$n" --out "$home/data" | tail -1
  JAVA_OPTS="-Xmx${INDEX_HEAP:-256m}" /usr/bin/time -v "$root/cluster-search" --home "$home" \
    --config "$config" index > "$home/index.log" 2> "$home/time.log"
  grep "^indexed" "$home/index.log" | sed 's/^/  /'
  echo "  index size $(du -sm "$home/index" | cut -f1) MB, indexer peak RSS $(awk '/Maximum resident/ {printf "%d", $6 / 1024}' "$home/time.log") MB"
  t0=$(date +%s%N)
  "$root/cluster-search" --home "$home" --config "$config" serve --port "$port" > "$home/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1200); do curl -sf "$base/api/ready" > /dev/null && break; sleep 0.05; done
  echo "  server start (launch → ready) $(( ($(date +%s%N) - t0) / 1000000 )) ms, RSS $(awk '/VmRSS/ {printf "%d", $2 / 1024}' /proc/$server/status) MB"
  latency "search 生物医药" "$base/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"
  search_p50=$p50 search_p99=$p99
  latency "facets" "$base/api/facets"
  facets_p50=$p50
  latency "stats" "$base/api/stats"
  stats_p50=$p50
  latency "stats 生物医药" "$base/api/stats?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"
  stats_query_p50=$p50
  export=$(for _ in 1 2 3; do
    curl -s -o /dev/null -w "%{time_total} %{size_download} %{http_code}\n" "$base/api/export?format=json"
  done | sort -n | awk 'NR == 2 {print}')
  echo "$export" | awk '{printf "  export json (all)    median %.0f ms, %d bytes, HTTP %s\n", $1 * 1000, $2, $3}'
  index_s=$(grep "^indexed" "$home/index.log" | sed 's/.* in \([0-9.]*\) s .*/\1/')
  echo "$n,$index_s,$search_p50,$search_p99,$facets_p50,$stats_p50,$stats_query_p50,$(echo "$export" | awk '{printf "%.0f", $1 * 1000}')" >> "$csv"
  echo "  server RSS after $(awk '/VmRSS/ {printf "%d", $2 / 1024}' /proc/$server/status) MB; 5xx (but /api/ready while starting): $(grep ' status=5' "$home/server.log" | grep -vc 'route=/api/ready' || true)"
  stop
  rm -rf "$home"
done
echo "figures in $csv (bench/plot.sh draws them)"
