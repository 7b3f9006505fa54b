#!/usr/bin/env bash
# The benchmark harness of issue 10 (not run by the tests). Starts the server through the launcher
# (with its JVM settings) on a spare port over the project's index, with the response cache on and then off
# (server.responseCacheMegabytes 16 / 0, through a copy of config/), warms it up, and measures with
# wrk from one client thread:
#   health (16 connections), search+facets q=生物医药 (16 and 2), the mixed set of bench/mixed.lua
#   (every judgment set's queries and the list's names, builders, industries and cities: 500+
#   distinct queries, 2,000+ distinct requests; 16 and 2 connections): req/s, p50, p99, the ratio to health of the same run, server CPU per request (from
#   /proc/PID/stat) and bytes allocated per request (jvm_gc_memory_allocated_bytes_total of /metrics);
#   the server's RSS after each run;
# then the cold start: launch → first 200 of /api/ready, median of 3.
# Needs wrk (apt-get install wrk). Usage: bench/harness.sh [SECONDS per run, default 20] [PORT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${1:-20}"
warm="${WARM:-$(( secs > 15 ? secs : 15 ))}"
port="${2:-7093}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cd "$root"
[ -f target/cluster-search.jar ] || ./cluster-search --help > /dev/null
[ -f index/CURRENT ] || ./cluster-search index > /dev/null

base="http://127.0.0.1:$port"
search="$base/api/search?q=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF"
work="$(mktemp -d)"
server=""
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; rm -rf "$work"' EXIT

start() { # config dir
  "$root/cluster-search" --config "$1" serve --port "$port" > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 400); do curl -sf "$base/api/ready" > /dev/null && return; sleep 0.05; done
  echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1
}
# The launcher writes its class-data archive (AppCDS) by a training run before the first server
# without one starts: one start and stop comes first, so that no cold start below includes it.
if [[ ! target/cluster-search.jsa -nt target/cluster-search.jar ]]; then
  start config
  stop
fi

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
allocated() { curl -s "$base/metrics" | awk '/^jvm_gc_memory_allocated_bytes_total/ {printf "%.0f", $2 + 0}'; }
rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status"; }
hz=$(getconf CLK_TCK)

health_rps=0
run() { # name connections url [script]
  local name=$1 conns=$2 url=$3 script=${4:-}
  local t0 a0 out t1 a1 reqs rps p50 p99
  t0=$(ticks); a0=$(allocated)
  if [ -n "$script" ]; then
    out=$(wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$script" "$url")
  else
    out=$(wrk -t1 -c"$conns" -d"${secs}s" --latency "$url")
  fi
  t1=$(ticks); a1=$(allocated)
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  [ "$name" = health ] && health_rps=$rps
  printf "%-22s %3d conns %8s req/s  p50 %8s  p99 %8s  ratio %5s  cpu %6s µs/req  alloc %7s KB/req  rss %s MB\n" \
    "$name" "$conns" "$rps" "$p50" "$p99" \
    "$(awk -v a="$rps" -v b="$health_rps" 'BEGIN {printf "%.2f", b ? a / b : 0}')" \
    "$(awk -v t=$((t1 - t0)) -v n="$reqs" -v hz="$hz" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')" \
    "$(awk -v a=$((a1 - a0)) -v n="$reqs" 'BEGIN {printf "%.1f", a / 1024 / n}')" \
    "$(rss)"
}

for cache in on off; do
  cp -r config "$work/config-$cache"
  [ "$cache" = off ] && sed -i 's/^\(  responseCacheMegabytes:\) *[0-9]*/\1 0/' "$work/config-$cache/settings.yaml"
  start "$work/config-$cache"
  if [ ! -s "$work/queries.txt" ]; then
    # Beyond the judgment sets: the list's regions, cities, names, builder and recommending units,
    # industries and English names, and each name's first four characters (as typed into the box),
    # for 500+ queries.
    curl -s "$base/api/export?format=csv" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin.read().lstrip("\ufeff").splitlines()))[1:]
for r in rows:
    for q in (r[3], r[5], r[6], r[7], r[8], r[10], r[12], r[6][:4]):
        if q:
            print(q)' | sort -u > "$work/queries.txt"
    export QUERIES="$work/queries.txt"
  fi
  echo "== response cache $cache (RSS after start: $(rss) MB); warming up health, then the mixed set, ${warm} s each"
  # Both paths: health alone triples its rate as the JIT compiles it, so a ratio to a cold health
  # flatters the search.
  wrk -t1 -c16 -d"${warm}s" "$base/api/health" > /dev/null
  wrk -t1 -c16 -d"${warm}s" -s bench/mixed.lua "$base" > /dev/null
  run health 16 "$base/api/health"
  run "search 生物医药" 16 "$search"
  run "mixed set" 16 "$base" bench/mixed.lua
  run "search 生物医药" 2 "$search"
  run "mixed set" 2 "$base" bench/mixed.lua
  stop
done

echo "== cold start: launch to the first 200 of /api/ready (built jar and index)"
times=()
for _ in 1 2 3; do
  t0=$(date +%s%N)
  start config
  t1=$(date +%s%N)
  times+=("$(( (t1 - t0) / 1000000 ))")
  # The server's own account of its stages from main() on (printed once it serves).
  for _ in $(seq 1 100); do grep -q "started in" "$work/server.log" && break; sleep 0.05; done
  grep -o "started in.*" "$work/server.log" || true
  stop
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "cold start: median %d ms (runs: ", a[2]; for (i = 1; i <= NR; i++) printf "%d%s", a[i], i < NR ? ", " : ")\n"}'
