#!/usr/bin/env bash
# Draws target/bench/scale.csv (written by bench/scale.sh) as docs/benchmarks.png with JFreeChart
# (clustersearch.bench.ScalePlot, a test-scoped class). Usage: bench/plot.sh [CSV] [PNG]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
csv="${1:-target/bench/scale.csv}"
png="${2:-docs/benchmarks.png}"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt > /dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  clustersearch.bench.ScalePlot "$csv" "$png"
