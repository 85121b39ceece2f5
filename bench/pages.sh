#!/usr/bin/env bash
# Page-serving benchmark: `cablegate serve` against nginx serving the very same bytes from files, side by side,
# with wrk on loopback (wrk -t2 -c64 -d10s, as in BENCHMARK-ANCHORS.md), without and with gzip asked.
#
#   bench/pages.sh DATA_DIR [ROUNDS] [PATH...]
#
# DATA_DIR holds a released archive (e.g. the full-scale one `bench/ingest.sh` leaves in /tmp/cablegate-bench/data).
# The server runs with a 512 MB heap. Each round measures every page on both servers, alternating, and prints one
# line per measurement: "<server> <gzip|plain> <path> <req/s> <p50 ms> <p99 ms>".
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
data="$1"; shift
rounds="${1:-3}"; shift || true
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/cable/2008/06/08MOSCOW1647.html /cable/2009/12/09STATE128700.html /reldate/2011-09-01_0.html)
work="${BENCH_DIR:-/tmp/cablegate-bench}/pages"
port_app=18080; port_nginx=18081
duration="${BENCH_DURATION:-10s}"

(cd "$top" && mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package)
jar="$top/cablegate-app/target/cablegate.jar"

rm -rf "$work"; mkdir -p "$work/root" "$work/nginx"
java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --host 127.0.0.1 --port "$port_app" \
    > "$work/serve.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port_app/" > /dev/null && break; sleep 1; done

# The bytes nginx serves are the server's own answers: plain, and gzip as the server compressed them.
for p in "${paths[@]}"; do
  mkdir -p "$work/root$(dirname "$p")"
  curl -sf "http://127.0.0.1:$port_app$p" -o "$work/root$p"
  curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_app$p" -o "$work/root$p.gz"
  echo "page $p: $(stat -c %s "$work/root$p") bytes, gzip $(stat -c %s "$work/root$p.gz") bytes"
done

cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=1000;
  gzip_static on;
  etag on;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$port_nginx; root $work/root; }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"

# Prints "req/s p50 p99" of one wrk run.
measure() {
  local url="$1"; shift
  wrk -t2 -c64 -d"$duration" --latency "$@" "$url" | awk '
    /^Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "%s %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}

for p in "${paths[@]}"; do   # warm both
  measure "http://127.0.0.1:$port_app$p" > /dev/null
  measure "http://127.0.0.1:$port_nginx$p" > /dev/null
done
for r in $(seq 1 "$rounds"); do
  for p in "${paths[@]}"; do
    for enc in plain gzip; do
      h=(); [ "$enc" = gzip ] && h=(-H 'Accept-Encoding: gzip')
      echo "round $r cablegate $enc $p $(measure "http://127.0.0.1:$port_app$p" "${h[@]}")"
      echo "round $r nginx $enc $p $(measure "http://127.0.0.1:$port_nginx$p" "${h[@]}")"
    done
  done
done
