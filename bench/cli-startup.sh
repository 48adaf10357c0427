#!/usr/bin/env bash
# `imggenhub-vast instances` against Vast's own legacy CLI (`vast.py show instances`), same simulator, N alternating
# rounds (default 20), each command run once per round so both see the same load. Prints each command's median
# and the ratio ours/theirs (below 1 means faster than Vast's CLI).
#
#   VAST_CLI=/path/to/vast-cli/vast.py bench/cli-startup.sh 20
#
# vast.py comes from a checkout of github.com/vast-ai/vast-cli (never part of this repository); it needs python3 and
# the `requests` package. Without VAST_CLI only our side is timed. LAUNCHER overrides the launcher (default: the
# image from `mvn -B -ntp -DskipTests package`, or the installed command with LAUNCHER=imggenhub-vast).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
LAUNCHER=${LAUNCHER:-target/image/bin/imggenhub-vast}
home=$(mktemp -d)
out=$(mktemp)
# Without the simulator's rate limits: back-to-back runs of two CLIs would otherwise meet Vast's one list a second
# and time the 429 back-off instead of the start-up.
"$LAUNCHER" simulator --instances 3 --rate-limits off >"$out" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true; rm -rf "$home" "$out"' EXIT
for _ in $(seq 1 100); do grep -q 'listening on' "$out" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$out")
key=$(sed -n 's/.*api key: \([0-9a-f]*\).*/\1/p' "$out")
export HOME="$home" XDG_CONFIG_HOME="$home/.config" VAST_URL="$url" VAST_API_KEY="$key"

ms() { # runs "$@" quietly and prints its wall time in ms
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

ours=() theirs=()
if [ -n "${VAST_CLI:-}" ]; then
  python3 "$VAST_CLI" show instances >/dev/null 2>&1 # fills its GPU-name cache, as on any machine that used it once
fi
for _ in 1 2 3; do "$LAUNCHER" instances >/dev/null; done # warm the page cache
for _ in $(seq 1 "$N"); do
  ours+=("$(ms "$LAUNCHER" instances)")
  [ -n "${VAST_CLI:-}" ] && theirs+=("$(ms python3 "$VAST_CLI" show instances)")
done
o=$(printf '%s\n' "${ours[@]}" | median)
echo "imggenhub-vast instances: median ${o} ms over $N runs (min $(printf '%s\n' "${ours[@]}" | sort -n | head -1) ms)"
if [ -n "${VAST_CLI:-}" ]; then
  t=$(printf '%s\n' "${theirs[@]}" | median)
  echo "vast.py show instances:   median ${t} ms over $N runs (min $(printf '%s\n' "${theirs[@]}" | sort -n | head -1) ms)"
  awk -v o="$o" -v t="$t" 'BEGIN {printf "ratio ours/theirs: %.2fx\n", o / t}'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
