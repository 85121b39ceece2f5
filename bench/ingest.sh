#!/usr/bin/env bash
# Ingest benchmark: import + release of the full-scale generated corpus with cablegate, and the bare Lucene indexer
# of BENCHMARK-ANCHORS.md on the same file, side by side in one run. Prints one line per run; medians go to BENCHMARKS.md.
#
#   bench/ingest.sh [RUNS] [CORPUS.csv]
#
# Without CORPUS it generates one (seeded from ../shared/corpus when present, else the bundled sample).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
work="${BENCH_DIR:-/tmp/cablegate-bench}"
corpus="${2:-$work/cables-full.csv}"
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
size=$(stat -c %s "$corpus")
echo "corpus: $corpus ($size bytes)"
cat "$corpus" > /dev/null   # warm the page cache, as the anchors did

# Runs one command under /usr/bin/time; prints "label wall_s peak_rss_mb cpu_s" (CPU: user + system, all threads).
timed() {
  local label="$1"; shift
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %M %U %S" -o "$t" "$@" > "$work/$label.out" 2>&1 || { echo "$label failed:"; tail -20 "$work/$label.out"; exit 1; }
  read -r wall rss user sys < "$t"; rm -f "$t"
  echo "$label $wall $((rss / 1024)) $(echo "$user + $sys" | bc)"
}

for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  a=$(timed import java $heap -jar "$jar" import --data "$work/data" "$corpus")
  b=$(timed release java $heap -jar "$jar" release --data "$work/data" --all)
  read -r _ iw irss icpu <<< "$a"; read -r _ rw rrss rcpu <<< "$b"
  total=$(echo "$iw + $rw" | bc)
  echo "run $i cablegate import ${iw}s (peak ${irss} MB, CPU ${icpu}s) + release ${rw}s (peak ${rrss} MB, CPU ${rcpu}s) = ${total}s;" \
       "$(echo "251287 / $total" | bc) cables/s; $(echo "$size / 1000000 / $total" | bc) MB/s"
  c=$(timed bare-lucene java $heap -cp "$benchjar" org.cablegate.bench.BareLuceneIngest "$corpus" "$work/bare-index" 2 english)
  read -r _ lw lrss lcpu <<< "$c"
  echo "run $i bare-lucene-2-threads-english ${lw}s (peak ${lrss} MB, CPU ${lcpu}s)"
done
