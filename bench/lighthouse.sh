#!/usr/bin/env bash
# Lighthouse scores of the search page and the dashboard (issue 9): starts the server through the
# launcher on a spare port, runs npm's lighthouse (installed into ~/.cache/cluster-search/lighthouse
# on first use; it runs offline) against Debian's chromium RUNS times per page and form factor, and
# prints each run's category scores, CLS, TBT, LCP and FCP, then the median TBT and CLS. Lighthouse's
# mobile run simulates a mid-range phone (4x CPU slowdown); on a busy 2-core machine single runs
# vary, hence the median.
# Usage: bench/lighthouse.sh [PORT] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-7092}"
runs="${2:-5}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "no $CHROME_PATH: apt-get install chromium" >&2; exit 1; }
tools="$HOME/.cache/cluster-search/lighthouse"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund lighthouse@12 >/dev/null)
fi
cd "$root"

log="${TMPDIR:-/tmp}/cluster-search-lighthouse.log"
"$root/cluster-search" serve --port "$port" > "$log" 2>&1 &
server=$!
out="$(mktemp -d)"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$port/api/ready" >/dev/null && break; sleep 0.5; done

for page in / /dashboard; do
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    for run in $(seq 1 "$runs"); do
      "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" "${preset[@]}" --quiet \
        --chrome-flags="--headless=new --no-sandbox" --output=json \
        --output-path="$out/$form-$(echo "$page" | tr '/' '_')-$run.json" > /dev/null 2>&1
    done
    node - "$page" "$form" "$out"/"$form-$(echo "$page" | tr '/' '_')"-*.json <<'JS'
const [page, form, ...files] = process.argv.slice(2);
const runs = files.map((f) => require(f));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of runs) {
  const c = r.categories, a = r.audits;
  console.log(`${page} ${form}: ` + Object.entries(c).map(([k, v]) => `${k} ${Math.round(v.score * 100)}`).join(', ')
    + `; CLS ${a['cumulative-layout-shift'].numericValue.toFixed(3)}, TBT ${Math.round(a['total-blocking-time'].numericValue)} ms`
    + `, LCP ${Math.round(a['largest-contentful-paint'].numericValue)} ms, FCP ${Math.round(a['first-contentful-paint'].numericValue)} ms`);
}
console.log(`${page} ${form}: median of ${runs.length}: TBT ${Math.round(median(runs.map((r) => r.audits['total-blocking-time'].numericValue)))} ms,`
  + ` CLS ${median(runs.map((r) => r.audits['cumulative-layout-shift'].numericValue)).toFixed(3)},`
  + ` performance ${median(runs.map((r) => Math.round(r.categories.performance.score * 100)))}`);
JS
  done
done
