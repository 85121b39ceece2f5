#!/usr/bin/env bash
# Mirror figures: a full export of an archive of COUNT generated cables, the delta after a further release of 1,000,
# and verify of the full export. Each step is timed with /usr/bin/time (wall, CPU, peak RSS); the export's size and
# the disk's write rate (dd of 1 GiB, fdatasync) are printed beside it, as the export's limit.
#
#   bench/mirror.sh [COUNT] [WORK]        e.g. bench/mirror.sh 251287 /tmp/cablegate-bench-mirror
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-251287}"
work="${2:-/tmp/cablegate-bench-mirror}"
# CABLEGATE_JAR: a jar built before (e.g. of an earlier commit, for a before/after figure); else the tree is built.
jar="${CABLEGATE_JAR:-$top/cablegate-app/target/cablegate.jar}"
[ -n "${CABLEGATE_JAR:-}" ] || (cd "$top" && mvn -q -B -o -DskipTests package >&2)
java_cg=(java -Xmx4g -XX:+UseParallelGC -jar "$jar")
cg() { "${java_cg[@]}" "$@"; }
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB peak RSS" "$@"; }

rm -rf "$work" && mkdir -p "$work"
csv="$work/cables.csv"
first=$((count - 1000))
cg generate --count "$count" --out "$csv" > /dev/null
cg import --data "$work/data" "$csv" > /dev/null
cg keys init --data "$work/data" > "$work/key.txt" 2> /dev/null
cg release --data "$work/data" --count "$first" --at 2011-01-01T00:00 > /dev/null
echo "disk write rate:"; dd if=/dev/zero of="$work/dd" bs=1M count=1024 conv=fdatasync 2>&1 | tail -1; rm -f "$work/dd"

echo "full export of $first cables:"
timed "${java_cg[@]}" export --data "$work/data" --base-url https://cablegate.example --valid-until 2099-01-01T00:00:00Z "$work/export"
du -sb "$work/export/" | awk '{print $1 " bytes"}'
echo "verify of the full export:"
timed "${java_cg[@]}" verify "$work/export" --key "$work/key.txt" --state "$work/state"

cg release --data "$work/data" --all --at 2011-01-08T00:00 > /dev/null
echo "export and delta after a release of 1,000 cables:"
timed "${java_cg[@]}" export --data "$work/data" --base-url https://cablegate.example --valid-until 2099-01-01T00:00:00Z \
  "$work/export" --since 1 --delta-to "$work/delta-2.tar.gz"
