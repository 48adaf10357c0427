#!/usr/bin/env bash
# Resident memory of the desktop window in demo mode while it polls every 2 s, sampled for SECONDS (default 600),
# then the live heap after a full GC (jcmd of a JDK 25: $JCMD, else the Temurin 25 under /usr/lib/jvm, else jcmd on PATH). Extra JVM options: JDK_JAVA_OPTIONS.
# Needs Xvfb and the image from `mvn -B -ntp -DskipTests package`. XVFB_DISPLAY picks the X display (default :98);
# LAUNCHER another launcher (default target/image/bin/imggenhub-vast).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-600}
home=$(mktemp -d)
mkdir -p "$home/.config/imggenhub-vast"
echo '{"pollSeconds": 2}' > "$home/.config/imggenhub-vast/settings.json"
DISPLAY_NUM=${XVFB_DISPLAY:-:98}
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
sleep 1
env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/.config" DISPLAY="$DISPLAY_NUM" \
  JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:-}" "${LAUNCHER:-target/image/bin/imggenhub-vast}" >/dev/null 2>&1 &
LAUNCHER=$!
sleep 3
# The launcher execs java, so its PID is the JVM's (an older launcher forked it: then it is the child).
JAVA=$(pgrep -P "$LAUNCHER" java || echo "$LAUNCHER")
start=$(date +%s)
for t in 10 30 60 120 180 240 300 360 420 480 540 600 900 1200 1800 3600; do
  [ "$t" -gt "$DURATION" ] && break
  sleep $(( start + t - $(date +%s) ))
  echo "t=${t}s rss=$(( $(ps -o rss= -p "$JAVA") / 1024 )) MB"
done
JCMD=${JCMD:-$(ls /usr/lib/jvm/*25*/bin/jcmd 2>/dev/null | head -1)}
JCMD=${JCMD:-jcmd}
if command -v "$JCMD" >/dev/null; then
  "$JCMD" "$JAVA" GC.run >/dev/null
  # One line per generation (serial) or one for the whole heap (G1): "... total NK, used NK ...".
  used=$("$JCMD" "$JAVA" GC.heap_info | grep -E '(generation|heap|DefNew|Tenured) +total' | sed -n 's/.*used \([0-9]*\)K.*/\1/p' \
    | awk '{s += $1} END {print int(s / 1024)}')
  echo "live heap after a full GC: ${used} MB"
fi
kill "$JAVA"
sleep 1
kill "$XVFB"
rm -rf "$home"
