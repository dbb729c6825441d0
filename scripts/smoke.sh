#!/usr/bin/env bash
# Real-window smoke test: the release binary under Xvfb must show content (a screenshot with
# many colours) within 5 s and still be running 5 s after start. Needs scripts/deps.sh test.
#   scripts/smoke.sh [BINARY] [-- extra kiosk args]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/office-kiosk}
shift || true
[ "${1:-}" = "--" ] && shift
out=target/smoke
mkdir -p "$out"
. scripts/xvfb.sh "$out"
start=$(date +%s.%N)
"$bin" --window-size 1920x1080 "$@" >"$out/app.log" 2>&1 &
app=$!
shown=
while :; do
  now=$(date +%s.%N)
  elapsed=$(echo "$now - $start" | bc)
  if xwd -root -silent | convert xwd:- "$out/shot.png" 2>/dev/null; then
    colours=$(convert "$out/shot.png" -format %k info:)
    if [ "$colours" -ge 16 ]; then shown=$elapsed; break; fi
  fi
  if [ "$(echo "$elapsed > 5" | bc)" = 1 ]; then break; fi
  sleep 0.1
done
if [ -z "$shown" ]; then
  echo "smoke: FAILED, no content on screen within 5 s (see $out/app.log)" >&2
  exit 1
fi
echo "smoke: content after ${shown}s with $colours colours"
sleep "$(echo "5 - ($(date +%s.%N) - $start)" | bc | sed 's/^-.*/0/')"
if ! kill -0 "$app" 2>/dev/null; then
  echo "smoke: FAILED, the kiosk exited within 5 s (see $out/app.log)" >&2
  exit 1
fi
echo "smoke: still running after 5 s; screenshot in $out/shot.png"
echo "1 passed, 0 failed"
