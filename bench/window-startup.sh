#!/usr/bin/env bash
# Launch -> first painted table of the desktop window, in demo mode, N runs (default 10).
# Needs Xvfb (or a real display in DISPLAY) and the image from `mvn -B -ntp -DskipTests package`.
# Each run uses a fresh temporary home, so no real API key or settings are picked up.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :99 -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  export DISPLAY=:99
  sleep 1
fi
for _ in $(seq 1 "$N"); do
  home=$(mktemp -d)
  env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/.config" DISPLAY="$DISPLAY" \
    JDK_JAVA_OPTIONS="-Dimggenhub.startupProbe=true -Dimggenhub.startupProbe.exit=true" \
    target/image/bin/imggenhub-vast 2>&1 | grep startup-probe || true
  rm -rf "$home"
done
