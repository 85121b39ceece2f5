#!/usr/bin/env bash
# Page-serving benchmark: `cablegate serve` (512 MB heap) against nginx serving the very same bytes from files, with
# wrk as BENCHMARK-ANCHORS.md ran it (-t2 -c64 -d10s, loopback), without and with gzip asked, side by side in one
# run, alternating, RUNS times. Prints one line per run, page and encoding, then per page and encoding the median
# ratio and the worst p99 of each server (also in BENCH_DIR/results.txt).
#
#   bench/site.sh [RUNS] [DURATION]
#
# The archive is the demo's (the bundled sample), or the data directory in BENCH_DATA (a full-scale one). Each URL is fetched from cablegate once and written to a file that
# nginx serves (the gzipped answer too, through gzip_static), so both send identical bodies; the pages are then cache
# hits for cablegate, as popular pages are. Pages: 08MOSCOW1647 (the anchors' long page), 08STATE79112 (a cable of
# the median length of the bundled sample), a tag listing.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
duration="${2:-10s}"
work="${BENCH_DIR:-/tmp/cablegate-bench-site}"
port_app=18181
port_nginx=18182
pages=(/cable/2008/06/08MOSCOW1647.html /cable/2008/07/08STATE79112.html /tag/PREL_0.html)

mkdir -p "$work"
(cd "$top" && mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package)
jar="$top/cablegate-app/target/cablegate.jar"
data="${BENCH_DATA:-$work/demo}"
[ -n "${BENCH_DATA:-}" ] || [ -d "$data/public" ] || java -jar "$jar" demo --no-serve --data "$data" > "$work/demo.out"

java -Xmx512m -Xms512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --port "$port_app" > "$work/serve.out" 2>&1 &
app=$!
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/html html; }
  gzip_static on;
  server { listen 127.0.0.1:$port_nginx; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" &
ngx=$!
trap 'kill $app $ngx 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port_app/" && break; sleep 0.2; done

for p in "${pages[@]}"; do
  mkdir -p "$work/www$(dirname "$p")"
  curl -sf -o "$work/www$p" "http://127.0.0.1:$port_app$p"
  curl -sf -H 'Accept-Encoding: gzip' -o "$work/www$p.gz" "http://127.0.0.1:$port_app$p"
  cmp <(curl -sf "http://127.0.0.1:$port_nginx$p") <(curl -sf "http://127.0.0.1:$port_app$p")
  cmp <(curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_nginx$p") "$work/www$p.gz"
  echo "page $p: $(stat -c %s "$work/www$p") bytes, gzip $(stat -c %s "$work/www$p.gz"), identical from both"
done

# Prints "requests/s p99_ms" of one wrk run; further arguments go to wrk (a header).
measure() {
  local url="$1"; shift
  wrk -t2 -c64 -d"$duration" --latency "$@" "$url" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

for p in "${pages[@]}"; do
  wrk -t2 -c64 -d3s "http://127.0.0.1:$port_app$p" > /dev/null   # warm-up: JIT, cache
  wrk -t2 -c64 -d3s "http://127.0.0.1:$port_nginx$p" > /dev/null
done
results="$work/results.txt"
: > "$results"
for i in $(seq 1 "$runs"); do
  for p in "${pages[@]}"; do
    for enc in plain gzip; do
      h=(); [ "$enc" = gzip ] && h=(-H 'Accept-Encoding: gzip')
      read -r n_rps n_p99 < <(measure "http://127.0.0.1:$port_nginx$p" "${h[@]}")
      read -r c_rps c_p99 < <(measure "http://127.0.0.1:$port_app$p" "${h[@]}")
      awk -v i="$i" -v p="$p" -v e="$enc" -v nr="$n_rps" -v np="$n_p99" -v cr="$c_rps" -v cp="$c_p99" 'BEGIN {
        printf "run %d %s %s nginx %d req/s p99 %.2f ms | cablegate %d req/s p99 %.2f ms | ratio %.2f\n", i, p, e, nr, np, cr, cp, cr / nr }' \
        | tee -a "$results"
    done
  done
done
# Per page and encoding: the median ratio and the worst p99 of each server over the runs.
awk '
  { key = $3 " " $4; ratio[key, ++n[key]] = $NF
    if ($16 + 0 > cp99[key] + 0) cp99[key] = $16; if ($9 + 0 > np99[key] + 0) np99[key] = $9 }
  END { for (k in n) {
          c = n[k]
          for (i = 2; i <= c; i++) for (j = i; j > 1 && ratio[k, j - 1] > ratio[k, j]; j--) {
            t = ratio[k, j]; ratio[k, j] = ratio[k, j - 1]; ratio[k, j - 1] = t }
          m = c % 2 ? ratio[k, (c + 1) / 2] : (ratio[k, c / 2] + ratio[k, c / 2 + 1]) / 2
          printf "median %s: ratio %.2f over %d runs; worst p99 cablegate %.2f ms, nginx %.2f ms\n", k, m, c, cp99[k], np99[k] } }' "$results"
echo "cablegate heap after the runs: $(jcmd $app GC.heap_info 2>/dev/null | grep -m1 -i 'total' || echo 'n/a')"
