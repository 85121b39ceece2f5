#!/usr/bin/env bash
# A mirror served by nginx against `cablegate serve` of the same archive, on the pages of the page benchmark
# (bench/site.sh): an export's files with the configuration the export carries (its nginx.conf, gzip_static,
# nginx-statuses.conf), only the `listen` line changed. wrk -t2 -c64 on loopback, without and with gzip asked,
# alternating, RUNS times; checks first that both send the same bytes for each page.
#
#   bench/mirror-serve.sh DATA EXPORT [RUNS] [DURATION]     DATA: a data directory; EXPORT: `cablegate export` of it
# (exported with --base-url https://cablegate.example, which serve is given too, so that the pages are the same bytes)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
data="$1"
export_dir="$(cd "$2" && pwd -P)"
runs="${3:-3}"
duration="${4:-10s}"
work="${BENCH_DIR:-/tmp/cablegate-bench-mirror-serve}"
port_app="${PORT_APP:-19201}"
port_nginx="${PORT_NGINX:-19202}"
jar="${CABLEGATE_JAR:-$top/cablegate-app/target/cablegate.jar}"
# The page benchmark's pages; PAGES (space-separated paths) for an archive without them (a generated one).
read -r -a pages <<< "${PAGES:-/cable/2008/06/08MOSCOW1647.html /cable/2008/07/08STATE79112.html /tag/PREL_0.html}"
mkdir -p "$work"

java -Xmx512m -Xms512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --port "$port_app" \
  --base-url https://cablegate.example > "$work/serve.out" 2>&1 &
app=$!
sed -e "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$port_nginx;/" \
    -e "s|include nginx-statuses.conf;|include $export_dir/nginx-statuses.conf;|" \
    "$export_dir/nginx.conf" > "$work/nginx.conf"
nginx -p "$export_dir/" -c "$work/nginx.conf" -g "pid $work/nginx.pid; daemon off;" &
ngx=$!
trap 'kill $app $ngx 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port_app/" && break; sleep 0.2; done

for p in "${pages[@]}"; do
  cmp <(curl -sf "http://127.0.0.1:$port_nginx$p") <(curl -sf "http://127.0.0.1:$port_app$p")
  echo "page $p: $(curl -sf "http://127.0.0.1:$port_nginx$p" | wc -c) bytes, identical from both"
done

measure() {
  local url="$1"; shift
  wrk -t2 -c64 -d"$duration" --latency "$@" "$url" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    END { printf "%.0f %.2f\n", rps, p99 }'
}
for p in "${pages[@]}"; do
  wrk -t2 -c64 -d3s "http://127.0.0.1:$port_app$p" > /dev/null
  wrk -t2 -c64 -d3s "http://127.0.0.1:$port_nginx$p" > /dev/null
done
echo "run page encoding nginx_rps nginx_p99_ms cablegate_rps cablegate_p99_ms  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
for i in $(seq 1 "$runs"); do
  for p in "${pages[@]}"; do
    for enc in plain gzip; do
      h=(); [ "$enc" = gzip ] && h=(-H 'Accept-Encoding: gzip')
      read -r n_rps n_p99 < <(measure "http://127.0.0.1:$port_nginx$p" "${h[@]}")
      read -r c_rps c_p99 < <(measure "http://127.0.0.1:$port_app$p" "${h[@]}")
      echo "$i $p $enc $n_rps $n_p99 $c_rps $c_p99"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
