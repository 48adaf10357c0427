#!/usr/bin/env bash
# Resident memory of `imggenhub-vast simulator --instances N` (default 10000) after every page of the instance list
# has been read once (GET /api/v1/instances/, 25 a page, following next_token; vast-api.md §3.1), from VmRSS and
# VmHWM in /proc/PID/status. Uses the image from `mvn -B -ntp -DskipTests package`, or IMGGENHUB_CMD (e.g.
# "java -cp target/classes:$(cat cp.txt) io.imggenhub.vast.Main") to run from classes. SIM_ARGS (default
# "--rate-limits off") go to the simulator: Vast's 1 s per list request would only make the run take 400 s longer.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
CMD=${IMGGENHUB_CMD:-target/image/bin/imggenhub-vast}
out=$(mktemp)
# shellcheck disable=SC2086
$CMD simulator --port 0 --instances "$N" ${SIM_ARGS:---rate-limits off} >"$out" 2>&1 &
LAUNCHER=$!
JAVA=""
# The launcher script starts java as its child: stop both, or the simulator outlives the benchmark.
trap 'kill $JAVA "$LAUNCHER" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 600); do grep -q "listening on" "$out" && break; sleep 0.1; done
line=$(grep "listening on" "$out")
url=$(sed -E 's/.*listening on ([^ ]+).*/\1/' <<<"$line")
key=$(sed -E 's/.*api key: ([^)]+)\).*/\1/' <<<"$line")
JAVA=$(pgrep -P "$LAUNCHER" java || echo "$LAUNCHER")
echo "after start:        VmRSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$JAVA/status) MB"
python3 - "$url" "$key" <<'PY'
import json, sys, time, urllib.parse, urllib.request
url, key = sys.argv[1], sys.argv[2]
token, pages, rows = None, 0, 0
while True:
    q = "limit=25" + ("" if token is None else "&after_token=" + urllib.parse.quote(token))
    req = urllib.request.Request(url + "/api/v1/instances/?" + q, headers={"Authorization": "Bearer " + key})
    try:
        body = json.load(urllib.request.urlopen(req, timeout=30))
    except urllib.error.HTTPError as e:
        if e.code == 429:
            time.sleep(1)
            continue
        raise
    pages += 1
    rows += len(body["instances"] or [])
    token = body.get("next_token")
    if not token:
        break
print(f"listed {rows} instances in {pages} pages")
PY
echo "after listing all:  VmRSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$JAVA/status) MB," \
  "peak VmHWM $(awk '/VmHWM/ {print int($2/1024)}' /proc/$JAVA/status) MB"
