#!/usr/bin/env bash
# Records which classes a real window start loads (demo mode, until the first table is painted) and adds them to
# src/build/cds/window-classes.txt (names recorded before stay: the tray, the charts load after the first frame), so that the next `mvn package` puts them into the image's
# class-data-sharing archive (CdsTraining loads them by name). The lambda proxies and method-handle forms the same
# start generates go to src/build/cds/window-lambdas.txt (replaced each time: their names follow the code), which
# the build appends to the archive's class list. Run after larger UI changes.
# Needs Xvfb (or DISPLAY) and the image from `mvn -B -ntp -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DISPLAY:-}" ]; then
  Xvfb "${XVFB_DISPLAY:-:99}" -screen 0 1400x900x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  export DISPLAY=${XVFB_DISPLAY:-:99}
  sleep 1
fi
# Without the AOT cache (AOTMode=off): the list records what a start loads and links by itself.
work=$(mktemp -d)
env -i PATH=/usr/bin:/bin HOME="$work" DISPLAY="$DISPLAY" \
  JDK_JAVA_OPTIONS="-XX:AOTMode=off -XX:DumpLoadedClassList=$work/window.lst -Dimggenhub.startupProbe=true -Dimggenhub.startupProbe.exit=true" \
  target/image/bin/imggenhub-vast 2>&1 | grep startup-probe
out=src/build/cds/window-classes.txt
{
  sed -n '1,2p' "$out"
  # Plain class names only: lambdas, proxies and generated classes cannot be loaded by name.
  { grep -v '^[#@]' "$work/window.lst" | grep -v -F -e '$$Lambda' -e 'LambdaForm$' -e '$Proxy' -e 'jdk/proxy' -e '/0x'
    grep -v '^#' "$out"; } | awk '!seen[$0]++'
} > "$work/new.txt"
mv "$work/new.txt" "$out"
lambdas=src/build/cds/window-lambdas.txt
grep -E '^@(lambda-proxy|lambda-form-invoker) ' "$work/window.lst" > "$lambdas"
rm -rf "$work"
echo "$(grep -vc '^#' "$out") classes in $out, $(wc -l < "$lambdas") lambda and method-handle lines in $lambdas"
