#!/usr/bin/env bash
# Trains the window's AOT cache into the image (JDK 25: JEP 483 loaded and linked classes, JEP 514's one-step
# -XX:AOTCacheOutput, JEP 515 method profiles): one demo start of the finished launcher, up to the first painted
# table, then exit. The cache has to come from the window itself: one trained on a headless run that only loads the
# window's classes by name made no difference to its start (docs/benchmarks.md).
# Usage: train-window.sh IMAGE [REQUIRED]. It runs under a private Xvfb when one is installed (no window flashes
# up on a desktop), else on $DISPLAY; with neither it leaves the cache out, or fails if REQUIRED is "true".
set -euo pipefail
image=$1
required=${2:-false}
cache="$image/lib/window.aot"
rm -f "$cache"
xvfb=
display=
if command -v Xvfb >/dev/null; then
  for n in $(seq 150 199); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
      display=":$n"
      break
    fi
  done
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 1 100); do
    [ -e "/tmp/.X11-unix/X${display#:}" ] && break
    sleep 0.1
  done
elif [ -n "${DISPLAY:-}" ]; then
  display=$DISPLAY
else
  if [ "$required" = true ]; then
    echo "train-window.sh: no Xvfb and no DISPLAY: cannot train the window's AOT cache, which the installers need" >&2
    exit 1
  fi
  echo "train-window.sh: no Xvfb and no DISPLAY: the image has no AOT cache (the window starts ~0.3 s slower)" >&2
  exit 0
fi
home=$(mktemp -d)
log="$home/train.log"
trap 'if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi; rm -rf "$home"' EXIT
# A fresh home: demo mode (no key or settings of whoever builds), nothing left behind.
rc=0
env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/.config" DISPLAY="$display" \
  ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} \
  JDK_JAVA_OPTIONS="-XX:AOTCacheOutput=$cache -Dimggenhub.startupProbe=true -Dimggenhub.startupProbe.exit=true" \
  timeout 180 "$image/bin/imggenhub-vast" >"$log" 2>&1 || rc=$?
if [ "$rc" != 0 ] || [ ! -s "$cache" ]; then
  echo "train-window.sh: training the window's AOT cache failed (exit $rc):" >&2
  cat "$log" >&2
  exit 1
fi
grep 'startup-probe: first table' "$log" || true
echo "train-window.sh: $(du -h "$cache" | cut -f1) AOT cache at $cache"
