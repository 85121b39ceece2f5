#!/usr/bin/env bash
# CPU spent per request on one page: `cablegate serve` (512 MB heap) against nginx serving the same bytes, each
# loaded by wrk (-t2 -c64) for DURATION, alternating, RUNS times. A server's CPU is the user and system time of all
# its threads (from /proc) over the run, divided by the requests it answered. On a shared machine this is steadier
# than requests/s, and it says where a gap comes from (user: the server's own code; system: syscalls and copies).
#
#   BENCH_DATA=DATA bench/page-cpu.sh [PAGE] [RUNS] [DURATION]
#
# Run bench/site.sh once before: it builds, and writes the pages nginx serves to BENCH_DIR/www.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
page="${1:-/tag/PREL_0.html}"
runs="${2:-2}"
duration="${3:-5s}"
work="${BENCH_DIR:-/tmp/cablegate-bench-site}"
port_app=18181
port_nginx=18182
jar="$top/cablegate-app/target/cablegate.jar"
data="${BENCH_DATA:-$work/demo}"
[ -f "$work/www$page" ] || { echo "run bench/site.sh first: $work/www$page is missing" >&2; exit 2; }

java -Xmx512m -Xms512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --port "$port_app" > "$work/serve.out" 2>&1 &
app=$!
nginx -c "$work/nginx.conf" &
ngx=$!
trap 'kill $app $ngx 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port_app/" && break; sleep 0.2; done
cmp <(curl -sf "http://127.0.0.1:$port_nginx$page") <(curl -sf "http://127.0.0.1:$port_app$page")
wrk -t2 -c64 -d5s "http://127.0.0.1:$port_app$page" > /dev/null   # warm-up: JIT, cache
wrk -t2 -c64 -d3s "http://127.0.0.1:$port_nginx$page" > /dev/null

# Prints "user system" clock ticks of every thread of the given processes.
ticks() {
  local u=0 s=0 f
  for pid in "$@"; do
    for f in /proc/"$pid"/task/*/stat; do
      read -r -a a < "$f" 2>/dev/null || continue
      u=$((u + a[13])); s=$((s + a[14]))
    done
  done
  echo "$u $s"
}
hz=$(getconf CLK_TCK)
for i in $(seq 1 "$runs"); do
  for server in nginx cablegate; do
    if [ "$server" = nginx ]; then pids=$(pgrep -P "$ngx" | tr '\n' ' ')" $ngx"; port=$port_nginx; else pids=$app; port=$port_app; fi
    # shellcheck disable=SC2086
    read -r u0 s0 < <(ticks $pids)
    n=$(wrk -t2 -c64 -d"$duration" "http://127.0.0.1:$port$page" | awk '/requests in/ { print $1 }')
    # shellcheck disable=SC2086
    read -r u1 s1 < <(ticks $pids)
    awk -v i="$i" -v srv="$server" -v n="$n" -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v hz="$hz" 'BEGIN {
      printf "run %d %-9s %8d requests | CPU %5.1f us/request (user %4.1f, system %4.1f)\n", i, srv, n,
        (u + s) * 1e6 / hz / n, u * 1e6 / hz / n, s * 1e6 / hz / n }'
  done
done
