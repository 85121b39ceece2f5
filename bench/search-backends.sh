#!/usr/bin/env bash
# Issue 10: the embedded archive and an OpenSearch cluster as search backends, side by side in one run.
#  1. starts one OpenSearch node (the distribution the cablegate-opensearch tests unpack; 1 GB heap, as the anchors'),
#  2. ClusterSearchBenchmark: the bulk publish, then the 20 anchor queries through /api/search on each backend and
#     bare on the node (p50/p99),
#  3. `cablegate serve` and `cablegate serve --search` (512 MB heap each), and wrk -t2 on /api/search at 16 and 64
#     clients for DURATION each, the 20 queries in turn (bench/search-queries.lua).
#
#   bench/search-backends.sh DATA_DIR OPENSEARCH_HOME [DURATION]
#
# OPENSEARCH_HOME: an unpacked opensearch-2.19.x with modules/analysis-common (the tests leave one under
# cablegate-opensearch/target/opensearch, or under $TMPDIR/cablegate-opensearch-* when run as root). As root the node
# runs as the user `opensearch` (.ci/run creates it). Ports 19380-19383.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
data="$(cd "${1:?usage: bench/search-backends.sh DATA_DIR OPENSEARCH_HOME [DURATION]}" && pwd)"
home="$(cd "${2:?OPENSEARCH_HOME}" && pwd)"
duration="${3:-10s}"
work="${BENCH_DIR:-/tmp/h-search/bench-backends}"
os_http=19380 os_transport=19381 port_embedded=19382 port_cluster=19383
command -v wrk >/dev/null || { echo "search-backends.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }

rm -rf "$work/node"; mkdir -p "$work/node/config" "$work/node/data" "$work/node/logs" "$work/node/tmp"
cp "$home/config/log4j2.properties" "$home/config/opensearch.yml" "$work/node/config/"
cat > "$work/node/config/jvm.options" <<OPTS
-Xms1g
-Xmx1g
-XX:+UseG1GC
-Xlog:disable
-Djava.io.tmpdir=\${OPENSEARCH_TMPDIR}
-Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory
18-:-Djava.security.manager=allow
OPTS
run_as=()
if [ "$(id -u)" = 0 ]; then chown -R opensearch "$work/node"; chmod o+rx "$work" "$(dirname "$work")"; run_as=(runuser -u opensearch --); fi
env OPENSEARCH_PATH_CONF="$work/node/config" OPENSEARCH_TMPDIR="$work/node/tmp" OPENSEARCH_JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
  "${run_as[@]}" "$home/bin/opensearch" -Enode.name=bench -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 \
  -Ehttp.port=$os_http -Etransport.port=$os_transport -Epath.data="$work/node/data" -Epath.logs="$work/node/logs" \
  -Ecluster.routing.allocation.disk.threshold_enabled=false > "$work/node.out" 2>&1 &
node=$!
pids=()
# Only the processes this script started, by their ids: the servers, the node's JVM, its launcher.
cleanup() { for p in "${pids[@]}" ${node_jvm:-} "$node"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
until curl -fs "http://127.0.0.1:$os_http/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null; do
  kill -0 "$node" 2>/dev/null || { tail -20 "$work/node.out"; exit 3; }; sleep 1
done
# As root the JVM is the child of runuser; otherwise the launch script has exec'd into it.
node_jvm=$(pgrep -P "$node" | head -1 || true); node_jvm=${node_jvm:-$node}
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }

echo "== load before: $(uptime)"
os_cpu0=$(cpu "$node_jvm")
/usr/bin/time -v java -Xmx2g -Dcablegate.bench.runs="${BENCH_RUNS:-200}" -cp "$top/cablegate-bench/target/cablegate-bench.jar" org.cablegate.bench.ClusterSearchBenchmark \
  "$data/public" "opensearch://127.0.0.1:$os_http/cables" 2> "$work/bench.time"
grep -E "Elapsed|User time|System time" "$work/bench.time"
echo "node CPU during the publish and the queries: $(echo "$(cpu "$node_jvm") - $os_cpu0" | bc) s"
echo "== load after the latency run: $(uptime)"

jar="$top/cablegate-app/target/cablegate.jar"
java -Xmx512m -Xms512m -jar "$jar" serve --data "$data" --port $port_embedded > "$work/serve-embedded.out" 2>&1 &
pids+=($!)
java -Xmx512m -Xms512m -jar "$jar" serve --data "$data" --port $port_cluster \
  --search "opensearch://127.0.0.1:$os_http/cables" > "$work/serve-cluster.out" 2>&1 &
pids+=($!)
for p in $port_embedded $port_cluster; do until curl -fs "http://127.0.0.1:$p/healthz" >/dev/null; do sleep 0.5; done; done
cat "$work/serve-cluster.out"
for c in 16 64; do
  for backend in embedded cluster; do
    port=$port_embedded; [ $backend = cluster ] && port=$port_cluster
    wrk -t2 -c$c -d"$duration" --timeout 5s --latency -s "$top/bench/search-queries.lua" "http://127.0.0.1:$port" > "$work/wrk-$backend-$c.txt"
    echo "== /api/search, $backend, $c clients, $duration (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    grep -E "Requests/sec|Latency |99%|Non-2xx|Socket errors" "$work/wrk-$backend-$c.txt"
  done
done
