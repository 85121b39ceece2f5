#!/usr/bin/env bash
# Releases under load (issue 13): wrk at saturation for SECONDS over pages, listings, searches and API answers of
# `cablegate serve -Xmx512m`, while new cables, a redaction and a withdrawal are released underneath, one command
# after the other, as a publisher would run them. What it checks, from the answers themselves:
#   - every answer names its release (X-Cablegate-Release) and none is an error (wrk: non-2xx, socket errors);
#   - every count an answer shows is its release's: the counter of every HTML page, `released` of /api/status and the
#     total of the empty search, against the release log (/api/releases.json: added - withdrawn, release by release);
#   - a prober on a connection of its own, beside the flood: the cable withdrawn is 200 in every answer of a release
#     before the withdrawal and 410 from it on; the cable redacted has one JSON before its redaction's release and
#     another from it on.
# Prints wrk's figures (requests/s, p50/p90/p99) and the checks; exits 1 if one fails.
#
#   bench/releases-under-load.sh [SECONDS] [CONNECTIONS]        e.g. bench/releases-under-load.sh 60 64
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-60}"
conns="${2:-64}"
work="${BENCH_DIR:-/tmp/cablegate-bench}/under-load"
port="${PORT:-19221}"
jar="${CABLEGATE_JAR:-$top/cablegate-app/target/cablegate.jar}"
corpus="${CORPUS:-$top/../shared/corpus/cables-2011-04.csv.gz}"
command -v wrk >/dev/null || { echo "releases-under-load.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
if ss -Hltn "( sport = :$port )" | grep -q .; then echo "port $port is in use: stop what listens there" >&2; exit 2; fi
rm -rf "$work"; mkdir -p "$work"
data="$work/data"
# The desk's short commands run as the launcher runs them (quick compiler).
cg() { java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar" "$@" --data "$data"; }

# The archive before: the corpus imported, its 3,000 oldest cables public.
cg import "$corpus" > "$work/import.out"
cg release --count 3000 --name "before the flood" > "$work/release-0.out"

java -Xmx512m -Xms512m -XX:+UseParallelGC -jar "$jar" serve --data "$data" --port "$port" > "$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/serve.out"; exit 3; }; sleep 0.5
done
base="http://127.0.0.1:$port"

# The mix: 200 cable pages, 60 listing pages, 100 API answers of cables, the front page, the status, the empty search
# and a few searches (seeded). The two cables the run redacts and withdraws are left to the prober.
curl -fs "$base/api/search.jsonl?q=&limit=1000" > "$work/public.jsonl"
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
hits = [json.loads(l) for l in open(work + "/public.jsonl") if l.strip()]
rnd = random.Random(2010)
withdrawn, redacted = hits[10], hits[20]
rest = [h for h in hits if h["id"] not in (withdrawn["id"], redacted["id"])]
paths = [h["url"].split("://", 1)[-1].split("/", 1)[1] for h in rnd.sample(rest, 200)]
paths = ["/" + p for p in paths]
paths += ["/api/cable/%s.json" % h["id"] for h in rnd.sample(rest, 100)]
paths += ["/reldate/index.html", "/date/index.html", "/tag/index.html", "/origin/index.html"] * 5
paths += ["/tag/%s_0.html" % t for t in ("PREL", "PGOV", "ECON", "PHUM", "MARR")] * 8
# Searches are one answer in 25: the search pool (2 at once, 16 waiting) refuses what exceeds it with a 503, by
# design, and this run is about releases, not about that limit (bench/flood.sh and HostileHttpTest are).
paths += ["/"] * 20 + ["/api/status"] * 20 + ["/api/search?q="] * 8
paths += ["/api/search?q=" + q for q in ("iran", "nuclear+AND+iran", "subject:visit", "tag:PREL")]
paths += ["/search?q=" + q for q in ("moscow", "oil")]
open(work + "/paths.txt", "w").write("\n".join(paths) + "\n")
open(work + "/withdrawn.txt", "w").write(withdrawn["id"] + " " + withdrawn["url"].split("://", 1)[-1].split("/", 1)[1] + "\n")
open(work + "/redacted.txt", "w").write(redacted["id"] + "\n")
PY
read -r withdrawn withdrawn_path < "$work/withdrawn.txt"
read -r redacted < "$work/redacted.txt"
echo "mix: $(wc -l < "$work/paths.txt") paths; the run withdraws $withdrawn and redacts $redacted"

# The prober: one connection, the withdrawn cable's page and the redacted cable's JSON in turn, each answer recorded
# with its release.
python3 - "$base" "/$withdrawn_path" "/api/cable/$redacted.json" "$secs" "$work/probe.tsv" <<'PY' &
import hashlib, http.client, sys, time, urllib.parse
base, page, api, secs, out = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), open(sys.argv[5], "w")
u = urllib.parse.urlsplit(base)
c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
end = time.time() + secs
while time.time() < end:
    for path in (page, api):
        try:
            c.request("GET", path); r = c.getresponse(); body = r.read()
            out.write("%s\t%d\t%s\t%s\n" % (path, r.status, r.getheader("X-Cablegate-Release"), hashlib.sha256(body).hexdigest()[:16]))
        except Exception as e:
            out.write("%s\terror\t-\t%s\n" % (path, type(e).__name__)); c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    time.sleep(0.02)
out.close()
PY
prober=$!

cat > "$work/check.lua" <<'LUA'
-- Each answer: its release (header) and the count it shows, if it shows one; kept per thread, gathered in done().
-- seen and bad are globals: done() reads them from each thread (thread:get reads globals only).
local paths, threads = {}, {}
seen, bad = {}, {unstamped = 0, refused = 0}

function setup(thread) table.insert(threads, thread) end

function init(args)
  for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
  math.randomseed(tonumber(os.getenv("SEED") or "2010") + math.floor(os.clock() * 1e6))
end

function request() return wrk.format("GET", paths[math.random(#paths)]) end

local function note(release, kind, count)
  local key = release .. " " .. kind .. " " .. count
  seen[key] = (seen[key] or 0) + 1
end

function response(status, headers, body)
  -- A search the full pool refuses (503 with Retry-After, before it reads any release) is the designed answer to
  -- too many searches at once, counted apart; any other answer without a release is a failure.
  if status == 503 and headers["Retry-After"] then bad.refused = bad.refused + 1; return end
  local release = headers["X-Cablegate-Release"]
  if not release then bad.unstamped = bad.unstamped + 1; return end
  if status ~= 200 then bad.status = bad.status + 1; note(release, "status-" .. status, 0); return end
  local shown = body:match("Currently released so far%.%.%. ([%d,]+) /")
  if shown then note(release, "page", (shown:gsub(",", ""))) return end
  local released = body:match('^{"released":(%d+),')
  if released then note(release, "status", released) return end
  local total = body:match('^{"query":"","filters":%[%],"sort":"[%a-]+","total":(%d+),')
  if total then note(release, "search", total) end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("SEEN"), "w")
  for _, t in ipairs(threads) do
    local s, b = t:get("seen"), t:get("bad")
    for key, n in pairs(s) do out:write(key .. " " .. n .. "\n") end
    out:write("unstamped - 0 " .. b.unstamped .. "\n")
    out:write("refused - 0 " .. b.refused .. "\n")
  end
  out:close()
end
LUA

# The publisher, underneath: new cables, a redaction, more cables, a withdrawal, more cables, as fast as the
# commands run, until the flood ends.
start=$SECONDS
(
  sleep 3
  n=1
  step() {
    echo "$(date +%T.%N | cut -c1-12) $*" >> "$work/publisher.log"
    "$@" >> "$work/publisher.out" 2>&1 || echo "$(date +%T.%N | cut -c1-12) FAILED: $*" >> "$work/publisher.log"
  }
  while [ $SECONDS -lt $(( start + secs - 8 )) ]; do
    case $n in
      2) step cg redact "$redacted" --subject --reason "under load"; step cg release --changed ;;
      4) step cg withdraw "$withdrawn" --reason "under load" ;;
      *) step cg release --count 200 ;;
    esac
    n=$(( n + 1 ))
  done
) &
publisher=$!

PATHS="$work/paths.txt" SEEN="$work/seen.txt" wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s --latency \
  -s "$work/check.lua" "$base" > "$work/wrk.txt" 2>&1 || true
wait $publisher || true
wait $prober || true
sleep 3  # the server takes the last release (it looks every 2 s)
curl -fs "$base/api/releases.json" > "$work/releases.json"
curl -fs "$base/api/status" > "$work/status.json"

echo "== wrk -t2 -c$conns -d${secs}s over the mix, load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "requests in|Requests/sec|Non-2xx|Socket errors|Latency |^ +(50|90|99)%" "$work/wrk.txt"
echo "== the publisher underneath"
cat "$work/publisher.log"
python3 - "$work" <<'PY'
import collections, json, sys
work = sys.argv[1]
log = json.load(open(work + "/releases.json"))
count, public = {0: 0}, 0
for r in log["releases"]:
    public += r["added"] - r["withdrawn"]
    count[r["number"]] = public
status = json.load(open(work + "/status.json"))
failures = []
if status["released"] != public:
    failures.append("the release log adds up to %d, /api/status says %d" % (public, status["released"]))
answers, kinds, releases, refused = 0, collections.Counter(), set(), 0
for line in open(work + "/seen.txt"):
    release, kind, shown, n = line.split()
    n = int(n); answers += n
    if kind == "-":
        if release == "refused":
            refused += n
        elif n:
            failures.append("%d answers without X-Cablegate-Release" % n)
        continue
    kinds[kind] += n; releases.add(int(release))
    if kind.startswith("status-"):
        failures.append("%d answers %s at release %s" % (n, kind, release))
    elif int(shown) != count.get(int(release)):
        failures.append("%d %s answers of release %s show %s cables; that release has %s" % (n, kind, release, shown, count.get(int(release))))
print("== checked: %d counted answers of %d releases (%s); releases made: %d, public at the end: %d"
      % (answers - refused, len(releases), ", ".join("%s %d" % kv for kv in sorted(kinds.items())), len(log["releases"]), public))
print("searches refused by the full search pool (503 with Retry-After, by design): %d" % refused)
if any("FAILED" in l for l in open(work + "/publisher.log")):
    failures.append("a command of the publisher failed: see publisher.log and publisher.out")
withdrawn_at = next((r["number"] for r in log["releases"] if r["withdrawn"]), None)
if withdrawn_at is None:
    failures.append("no release withdrew the cable (the run was too short?)")
    withdrawn_at = 10 ** 9
changed = [r["number"] for r in log["releases"] if r["changed"]]
probes = [l.rstrip("\n").split("\t") for l in open(work + "/probe.tsv")]
bodies = collections.defaultdict(set)
for path, st, rel, digest in probes:
    if st == "error":
        failures.append("prober: %s failed (%s)" % (path, digest)); continue
    rel = int(rel)
    if path.endswith(".html"):
        want = 410 if rel >= withdrawn_at else 200
        if int(st) != want:
            failures.append("the withdrawn cable answered %s at release %d (withdrawn in %d)" % (st, rel, withdrawn_at))
    else:
        # The redacted cable's JSON changes only with a release that changed it: one body per span between them.
        span = sum(1 for c in changed if c <= rel)
        bodies[span].add(digest)
for span, digests in bodies.items():
    if len(digests) != 1:
        failures.append("the redacted cable had %d different answers between two of its changes" % len(digests))
print("== prober: %d answers; withdrawn cable 410 from release %d; redacted cable's JSON: %d versions seen"
      % (len(probes), withdrawn_at, len(bodies)))
for f in failures: print("FAIL: " + f)
print("mixed states: %d" % len(failures))
sys.exit(1 if failures else 0)
PY
