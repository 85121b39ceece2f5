#!/usr/bin/env bash
# The publisher's desk on the full archive: imports the full-scale corpus into a fresh data directory, then (one JVM)
# releases all but the 1,000 newest cables, the 1,000 new ones, 1 redacted cable, 100 redacted cables, and
# withdraws 1, printing the time of each step and where it went. Figures go to BENCHMARKS.md.
#
#   bench/desk.sh [CORPUS.csv]
#
# Without CORPUS it uses (or generates) the one bench/ingest.sh uses.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/cablegate-bench}"
corpus="${1:-$work/cables-full.csv}"
mkdir -p "$work"
(cd "$top" && mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package)
jar="$top/cablegate-app/target/cablegate.jar"
benchjar="$top/cablegate-bench/target/cablegate-bench.jar"
heap="${BENCH_HEAP:--Xmx4g -XX:+UseParallelGC}"
if [ ! -f "$corpus" ]; then
  from=()
  [ -f "$top/../shared/corpus/cables-2011-04.csv.gz" ] && from=(--from "$top/../shared/corpus/cables-2011-04.csv.gz")
  java -jar "$jar" generate --count 251287 --out "$corpus" "${from[@]}"
fi
rm -rf "$work/desk"
java $heap -jar "$jar" import --data "$work/desk" "$corpus" > "$work/desk-import.out" 2>&1
java $heap -cp "$benchjar" org.cablegate.bench.DeskBenchmark "$work/desk"
