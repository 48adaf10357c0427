#!/usr/bin/env bash
# Launch -> first painted table, by the wall clock: from just before this script starts the process to the epoch
# millisecond the process prints at the first pulse after its table's rows were laid out. (Not the kernel's process
# start time: it counts from a boot time rounded to the second and was 0.65 s early on the machines here, which
# flattered both sides and the ratio.)
# The desktop window in demo mode against a bare JavaFX window with a 6-row TableView
# (bench/BareTableWindow.java) on the same runtime image and JVM options, N alternating rounds (default 10) so both see the same
# load. Prints every run, each side's median and the ratio window/bare.
# Needs Xvfb (or a real display in DISPLAY), a JDK's javac on PATH (17 or later), and the image from
# `mvn -B -ntp -DskipTests package`. XVFB_DISPLAY picks the X display Xvfb is started on (default :99).
# Each run uses a fresh temporary home, so no real API key or settings are picked up.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
IMAGE=${IMAGE:-target/image}
if [ -z "${DISPLAY:-}" ]; then
  Xvfb "${XVFB_DISPLAY:-:99}" -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  export DISPLAY=${XVFB_DISPLAY:-:99}
  sleep 1
fi
bare=$(mktemp -d)
# Compiled against the JavaFX modules the image was linked from (target/modules), at release 17 so any javac will
# do; it runs on the image, so on exactly the same Java and JavaFX. It gets the image's class-data-sharing archive
# (which holds JavaFX's classes), not the window's AOT cache: that one is trained on the window and the launcher
# names it, the bare window has none of its own.
javac --release 17 --module-path "${MODULES:-$(dirname "$IMAGE")/modules}" --add-modules javafx.controls -d "$bare" \
  bench/BareTableWindow.java
# The same JVM options as the launcher's (its -X tuning and -Djdk. settings), so the comparison is the window, not
# the flags.
flags=$(sed -n 's/^JLINK_VM_OPTIONS="\(.*\)"$/\1/p' "$IMAGE/bin/imggenhub-vast" | tr ' ' '\n' | grep -e '^-X' -e '^-Djdk\.' | tr '\n' ' ')
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
app=() floor=()
for _ in $(seq 1 "$N"); do
  home=$(mktemp -d)
  t0=$(now_ms)
  line=$(env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/.config" DISPLAY="$DISPLAY" \
    JDK_JAVA_OPTIONS="-Dimggenhub.startupProbe=true -Dimggenhub.startupProbe.exit=true" \
    "$IMAGE/bin/imggenhub-vast" 2>&1 | grep startup-probe || true)
  echo "$line"
  app+=($(( $(sed -n 's/.*painted at epoch ms \([0-9]*\).*/\1/p' <<<"$line") - t0 )))
  t0=$(now_ms)
  line=$(env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY="$DISPLAY" \
    "$IMAGE/bin/java" $flags --add-modules javafx.controls -cp "$bare" BareTableWindow 2>&1 | grep bare-window || true)
  echo "$line"
  floor+=($(( $(sed -n 's/.*painted at epoch ms \([0-9]*\).*/\1/p' <<<"$line") - t0 )))
  echo "launch to first painted table: window ${app[-1]} ms, bare ${floor[-1]} ms"
  rm -rf "$home"
done
rm -rf "$bare"
a=$(printf '%s\n' "${app[@]}" | median)
f=$(printf '%s\n' "${floor[@]}" | median)
echo "window (demo): median ${a} ms from launch to the first painted table, $N runs"
echo "bare JavaFX window with a 6-row TableView: median ${f} ms"
awk -v a="$a" -v f="$f" 'BEGIN {printf "ratio window/bare: %.2fx\n", a / f}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
