#!/usr/bin/env bash
# The long fuzzing run of issue 13: every @FuzzTest of the suite, one after the other, for SECONDS each (default 300:
# 12 targets, an hour in all), with Jazzer's own driver, so that the time is not capped by the few seconds the
# annotation gives the run inside `mvn verify`. Each target starts from its committed seeds and the corpus the earlier
# runs grew (MODULE/.cifuzz-corpus/CLASS/METHOD, ignored by git); a crash is written into the target's Inputs
# directory under src/test/resources, where `mvn verify` replays it from then on. Prints, per target, the executions,
# the edges covered (libFuzzer's cov) and the features (ft), and the CPU time, with the load average beside them.
#
#   bench/fuzz.sh [SECONDS] [FILTER]       e.g. bench/fuzz.sh 120 Csv   (only the targets whose class matches)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
per="${1:-300}"
filter="${2:-}"
work="${BENCH_DIR:-/tmp/cablegate-bench}/fuzz"
mkdir -p "$work"

# module  class  method
targets=(
  "cablegate-core org.cablegate.core.read.CsvFuzzTest csvRows"
  "cablegate-core org.cablegate.core.read.SitePageFuzzTest sitePage"
  "cablegate-core org.cablegate.core.read.PlainTextFuzzTest plainText"
  "cablegate-core org.cablegate.core.read.TarEntriesFuzzTest tarEntries"
  "cablegate-core org.cablegate.core.read.ZipEntriesFuzzTest zipEntries"
  "cablegate-core org.cablegate.core.read.SevenZEntriesFuzzTest sevenZEntries"
  "cablegate-core org.cablegate.core.parse.CableParserFuzzTest parse"
  "cablegate-core org.cablegate.core.redact.RedactionFileFuzzTest redactionFile"
  "cablegate-archive org.cablegate.archive.index.QueryParserFuzzTest parse"
  "cablegate-opensearch org.cablegate.opensearch.TranslatorFuzzTest translate"
  "cablegate-web org.cablegate.web.mirror.ManifestFuzzTest manifest"
  "cablegate-web org.cablegate.web.mirror.DeltaFuzzTest delta"
)

# The test classes and every module's test class path (the reactor's own modules as jars: package, no tests).
(cd "$top" && mvn -B -o -q -Dfuzz.skip=true -DskipTests -pl cablegate-web,cablegate-opensearch -am package \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath)

printf '%-24s %-14s %10s %8s %8s %9s  %s\n' target method executions cov ft cpu-s load
for t in "${targets[@]}"; do
  read -r module class method <<<"$t"
  simple="${class##*.}"
  [[ -n "$filter" && "$simple" != *"$filter"* ]] && continue
  dir="$top/$module"
  inputs="$dir/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method"
  corpus="$dir/.cifuzz-corpus/$class/$method"
  mkdir -p "$corpus" "$inputs"
  cp="$dir/target/test-classes:$dir/target/classes:$(cat "$dir/target/fuzz.classpath")"
  log="$work/$simple.log"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  # -artifact_prefix: a crash lands in the Inputs directory the JUnit run replays; -rss_limit_mb: an input that makes
  # the reader allocate past 2 GB is a finding (the heap is 1 GB).
  /usr/bin/time -f '%U %S' -o "$work/$simple.time" \
    java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
      --reproducer_path="$work" -max_total_time="$per" -rss_limit_mb=2560 -artifact_prefix="$inputs/" -print_final_stats=1 \
      "$corpus" "$inputs" >"$log" 2>&1 || echo "  $simple: finding, see $log and $inputs"
  runs="$(grep -a -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)"
  cov="$(grep -a -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)"
  ft="$(grep -a -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)"
  cpu="$(tail -1 "$work/$simple.time" | awk '{printf "%.0f", $1 + $2}')"
  printf '%-24s %-14s %10s %8s %8s %9s  %s\n' "$simple" "$method" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$cpu" "$load"
done
