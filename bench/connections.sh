#!/usr/bin/env bash
# Floods of readers (issue 13): CONNS open connections at once on loopback (wrk -c), each asking for pages of a mix of
# cable pages, listings and API JSON drawn from an export, against `cablegate serve -Xmx512m` and against nginx
# serving that export with its shipped configuration (only `listen` changed), alternating; then cablegate alone with
# searches added to the mix (nginx has no search). Prints requests/s, p50, p99, socket errors and non-2xx answers for
# each, and the connections still open on each server's port two seconds after wrk ended (must be 0). With BARE=1, a
# third server takes turns with them: bare Jetty answering the same files from memory (BareJettyServer), the ceiling
# of any server on the Jetty that `serve` runs.
#
#   bench/connections.sh DATA EXPORT [DURATION] [CONNS...]      e.g. bench/connections.sh data export 15s 1000 10000
# (EXPORT made with `cablegate export EXPORT --data DATA --base-url https://cablegate.example`)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
data="$1"
export_dir="$(cd "$2" && pwd -P)"
duration="${3:-15s}"
shift $(( $# < 3 ? $# : 3 ))
conns=("$@")
[ ${#conns[@]} -gt 0 ] || conns=(1000 10000)
work="${BENCH_DIR:-/tmp/cablegate-bench-connections}"
port_app="${PORT_APP:-19211}"
port_nginx="${PORT_NGINX:-19212}"
port_bare="${PORT_BARE:-19213}"
bare="${BARE:-0}"
jar="${CABLEGATE_JAR:-$top/cablegate-app/target/cablegate.jar}"
mkdir -p "$work"
# wrk, nginx and the server each hold one descriptor per connection: as many as the hard limit allows.
ulimit -n "$(ulimit -Hn)"

# The mix, from the export: 300 cable pages, 100 listing pages, 100 API answers (seeded: the same on every run).
( cd "$export_dir"
  find cable -mindepth 3 -name '*.html' ! -name 'history.html' | sort | shuf -n 300 --random-source=<(yes)
  find tag origin date reldate classification -name '*.html' 2>/dev/null | sort | shuf -n 100 --random-source=<(yes)
  find api -name '*.json' 2>/dev/null | sort | shuf -n 100 --random-source=<(yes)
) | sed 's|^|/|' > "$work/pages.txt"
cp "$work/pages.txt" "$work/pages-and-search.txt"
for q in iran moscow 'nuclear+AND+iran' 'subject:visit' 'tag:PREL' 'berlusconi' 'origin:moscow+AND+oil'; do
  echo "/search?q=$q" >> "$work/pages-and-search.txt"
  echo "/api/search?q=$q" >> "$work/pages-and-search.txt"
done
echo "mix: $(wc -l < "$work/pages.txt") pages; with searches $(wc -l < "$work/pages-and-search.txt")"

for port in "$port_app" "$port_nginx" "$port_bare"; do
  if ss -Hltn "( sport = :$port )" | grep -q .; then echo "port $port is in use: stop what listens there"; exit 1; fi
done
java -Xmx512m -Xms512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --port "$port_app" \
  --base-url https://cablegate.example > "$work/serve.out" 2>&1 &
app=$!
sed -e "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$port_nginx;/" \
    -e "s|include nginx-statuses.conf;|include $export_dir/nginx-statuses.conf;|" \
    "$export_dir/nginx.conf" > "$work/nginx.conf"
nginx -p "$export_dir/" -c "$work/nginx.conf" -g "pid $work/nginx.pid; daemon off;" &
ngx=$!
bare_pid=
if [ "$bare" = 1 ]; then
  java -Xmx512m -Xms512m -XX:+UseParallelGC -cp "$top/cablegate-bench/target/cablegate-bench.jar" \
    org.cablegate.bench.BareJettyServer "$export_dir" "$port_bare" "$work/pages.txt" > "$work/bare.out" 2>&1 &
  bare_pid=$!
fi
# A server that does not stop within its drain time is killed: the next run must not measure it.
trap 'kill $app $ngx $bare_pid 2>/dev/null || true; sleep 12; kill -9 $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port_app/" && break; sleep 0.2; done
while read -r p; do
  a=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_app$p")
  n=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_nginx$p")
  [ "$a" = 200 ] && [ "$n" = 200 ] || { echo "not 200 from both: $p (cablegate $a, nginx $n)"; exit 1; }
done < "$work/pages.txt"

open_on() { ss -Htn state established "( sport = :$1 )" | wc -l; }

run() {
  local name="$1" port="$2" c="$3" paths="$4"
  PATHS="$paths" wrk -t2 -c"$c" -d"$duration" --timeout 10s --latency -s "$top/bench/connections.lua" \
    "http://127.0.0.1:$port" > "$work/wrk.out" 2>&1 || true
  sleep 2
  awk -v name="$name" -v c="$c" -v open="$(open_on "$port")" '
    function ms(v) { if (v ~ /us$/) { sub(/us/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms/, "", v); return v }
                     if (v ~ /s$/) { sub(/s/, "", v); return v * 1000 } return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Socket errors/ { errors = $0; sub(/.*Socket errors: /, "", errors) }
    /Non-2xx/ { non2xx = $NF }
    /requests in/ { total = $1 }
    END { printf "%-10s c=%-6d %9.0f req/s  p50 %7.2f ms  p99 %8.2f ms  requests %s  socket errors: %s  non-2xx: %s  open after: %d\n",
          name, c, rps, p50, p99, total, errors == "" ? "none" : errors, non2xx == "" ? 0 : non2xx, open }' "$work/wrk.out"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${conns[@]}"; do
  # A short warm-up of each at this many connections, then the measured runs, alternating.
  PATHS="$work/pages.txt" wrk -t2 -c"$c" -d3s --timeout 10s -s "$top/bench/connections.lua" "http://127.0.0.1:$port_nginx" > /dev/null 2>&1 || true
  PATHS="$work/pages.txt" wrk -t2 -c"$c" -d3s --timeout 10s -s "$top/bench/connections.lua" "http://127.0.0.1:$port_app" > /dev/null 2>&1 || true
  if [ "$bare" = 1 ]; then PATHS="$work/pages.txt" wrk -t2 -c"$c" -d3s --timeout 10s -s "$top/bench/connections.lua" "http://127.0.0.1:$port_bare" > /dev/null 2>&1 || true; fi
  sleep 2
  for _ in 1 2; do
    run nginx "$port_nginx" "$c" "$work/pages.txt"
    run cablegate "$port_app" "$c" "$work/pages.txt"
    if [ "$bare" = 1 ]; then run bare-jetty "$port_bare" "$c" "$work/pages.txt"; fi
  done
  run cg+search "$port_app" "$c" "$work/pages-and-search.txt"
done
sleep 5
echo "cablegate after the floods, idle 5 s: CPU now $(top -b -n1 -p $app | tail -1 | awk '{print $9}')%; $(jcmd $app GC.heap_info 2>/dev/null | grep -m1 -E 'ParOldGen|garbage-first' | sed 's/^ *//')"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
