#!/usr/bin/env bash
# The search flood of issue 12, finding 1, against a running `cablegate serve`: wrk -t2 -c256 -d10s on each of the
# probe's two queries (50 regular expressions; 400 fuzzy words) and on one costly query the limits accept (an
# unanchored regular expression), all at once, while GET / is timed every 100 ms. Prints the GET / times and the
# statuses wrk saw; with a process id, the heap after a full collection before and after the flood.
#
#   bench/flood.sh http://127.0.0.1:8080 [PID] [SECONDS]
# CLIENTS (default 256) sets wrk's connections per query: CLIENTS=22 is issue 13's 64 clients of costly searches.
set -euo pipefail
base=${1:?usage: bench/flood.sh BASE_URL [PID] [SECONDS]}
pid=${2:-}
secs=${3:-10}
command -v wrk >/dev/null || { echo "flood.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
regexps=$(python3 -c 'print(" OR ".join("/.*%s.*/" % chr(97 + i % 26) for i in range(50)))')
fuzzy=$(python3 -c 'print(" OR ".join("ab%d~2" % i for i in range(400)))')

heap() {
  [ -n "$pid" ] || return 0
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}'
}


echo "heap used before: $(heap)"
for q in "$regexps" "$fuzzy" "/.*a.*/"; do
  wrk -t2 -c"${CLIENTS:-256}" -d"${secs}s" --timeout 5s "$base/api/search?q=$(enc "$q")" \
    > "$work/wrk-${#q}.txt" 2>&1 &
done
sleep 1
# GET / as a browser asks it (one kept-alive connection), and on a new connection each time, every 100 ms.
python3 - "$base" "$((secs - 2))" <<'PY' &
import http.client, sys, time, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1]); end = time.time() + float(sys.argv[2])
def conn(): return http.client.HTTPConnection(u.hostname, u.port, timeout=5)
c = conn(); kept = []; fresh = []; bad = 0
while time.time() < end:
    for kind, times in (("kept", kept), ("new", fresh)):
        t = time.time()
        try:
            if kind == "new":
                c2 = conn(); c2.request("GET", "/"); r = c2.getresponse(); r.read(); c2.close()
            else:
                c.request("GET", "/"); r = c.getresponse(); r.read()
            bad += r.status != 200; times.append((time.time() - t) * 1000)
        except Exception:
            times.append(5000); bad += 1; c = conn()
    time.sleep(0.1)
for name, ts in (("kept-alive connection", kept), ("new connection each", fresh)):
    ts.sort()
    print("GET / during the flood, %s: %d requests, median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
          % (name, len(ts), ts[len(ts) // 2], ts[int(len(ts) * 0.9)], ts[int(len(ts) * 0.99)], ts[-1]))
print("GET / not 200: %d" % bad)
PY
wait
for f in "$work"/wrk-*.txt; do n=${f##*/wrk-}; echo "== wrk on the query of ${n%.txt} characters"; grep -E "requests in|Requests/sec|Non-2xx|Socket errors|Latency" "$f"; done
sleep 2
echo "heap used after: $(heap)"
