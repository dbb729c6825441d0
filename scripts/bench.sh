#!/usr/bin/env bash
# Measures the release binary in a real window under Xvfb and prints a table: binary size,
# time to first content, memory (PSS) and CPU while nobody touches it, in each mode.
#   scripts/bench.sh [BINARY] [--quick]
# Needs scripts/deps.sh test. Figures vary with the machine: compare runs on one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/office-kiosk
idle_secs=60
for arg in "$@"; do
  case "$arg" in
    --quick) idle_secs=15 ;;
    *) bin=$arg ;;
  esac
done
[ -x "$bin" ] || { echo "no $bin: run cargo build --release" >&2; exit 1; }
out=target/bench
mkdir -p "$out"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }

# run_case NAME SETTLE_SECS CPU_SECS ARGS...: prints "first_ms pss_mb cpu_pct"
run_case() {
  local name=$1 settle=$2 cpu_secs=$3; shift 3
  local dn=$(( 90 + RANDOM % 100 ))
  while [ -e "/tmp/.X11-unix/X$dn" ]; do dn=$((dn + 1)); done
  Xvfb ":$dn" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  for _ in $(seq 50); do xdpyinfo -display ":$dn" >/dev/null 2>&1 && break; sleep 0.1; done
  local start; start=$(date +%s%N)
  DISPLAY=":$dn" XDG_STATE_HOME="$PWD/$out/state" "$bin" --window-size 1920x1080 "$@" \
    >"$out/$name.log" 2>&1 &
  local app=$!
  local first=""
  for _ in $(seq 200); do
    if DISPLAY=":$dn" xwd -root -silent 2>/dev/null | convert xwd:- "$out/$name.png" 2>/dev/null \
      && [ "$(convert "$out/$name.png" -format %k info:)" -ge 16 ]; then
      first=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.05
  done
  sleep "$settle"
  local pss; pss=$(pss_kb "$app")
  local t0; t0=$(cpu_ticks "$app")
  sleep "$cpu_secs"
  local t1; t1=$(cpu_ticks "$app")
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
  local cpu; cpu=$(echo "scale=2; 100 * ($t1 - $t0) / $hz / $cpu_secs" | bc)
  printf '%s %s %s\n' "${first:-none}" "$(echo "scale=1; $pss / 1024" | bc)" "$cpu"
}

size_mb=$(echo "scale=1; $(stat -c %s "$bin") / 1048576" | bc)
printf '| measure | value |\n|---|---|\n'
printf '| release binary size | %s MB |\n' "$size_mb"
read -r first pss cpu < <(run_case laptop 8 "$idle_secs")
printf '| laptop: first content | %s ms |\n' "$first"
printf '| laptop: PSS after 10 s | %s MB |\n' "$pss"
printf '| laptop: idle CPU over %s s | %s %% |\n' "$idle_secs" "$cpu"
read -r first pss cpu < <(run_case kiosk-waiting 3 "$idle_secs" --kiosk --idle-timeout 3600)
printf '| kiosk, waiting for a touch: CPU over %s s | %s %% |\n' "$idle_secs" "$cpu"
printf '| kiosk: PSS | %s MB |\n' "$pss"
read -r first pss cpu < <(run_case kiosk-attract 5 "$idle_secs" --kiosk --idle-timeout 2 --idle-warning 1)
printf '| kiosk, attract loop running: CPU over %s s | %s %% |\n' "$idle_secs" "$cpu"
printf '| kiosk, attract loop: PSS | %s MB |\n' "$pss"
read -r first pss cpu < <(run_case present 3 "$idle_secs" --present --slide-interval 8)
printf '| presenter, slides every 8 s: CPU over %s s | %s %% |\n' "$idle_secs" "$cpu"

# Bad images: a content folder whose office image is a 12000x8000 JPEG, then, while the kiosk
# runs, a truncated PNG, an empty file and a text file named .png in its place. The kiosk
# must stay responsive (slowest frame, from the app's own frame timing) and small (PSS).
bad=$out/bad-images
rm -rf "$bad"
"$bin" init "$bad" >/dev/null
if [ ! -f "$out/huge.jpg" ]; then
  convert -size 12000x8000 gradient:navy-orange -quality 85 "$out/huge.jpg"
fi
cp "$out/huge.jpg" "$bad/images/office.jpg"
sed -i '0,/path: "images\/belize-map.png"/s//path: "images\/office.jpg"/' "$bad/content.ron"
dn=$(( 90 + RANDOM % 100 ))
while [ -e "/tmp/.X11-unix/X$dn" ]; do dn=$((dn + 1)); done
Xvfb ":$dn" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display ":$dn" >/dev/null 2>&1 && break; sleep 0.1; done
OFFICE_KIOSK_FRAME_STATS=1 DISPLAY=":$dn" XDG_STATE_HOME="$PWD/$out/state" "$bin" \
  --window-size 1920x1080 --kiosk --content "$bad/content.ron" --page office \
  >"$out/bad-images.log" 2>&1 &
app=$!
sleep 10
pss_huge=$(pss_kb "$app")
peak=$pss_huge
for bad_file in truncated empty text; do
  case $bad_file in
    truncated) head -c 3000 "$bad/images/belize-map.png" > "$bad/images/office.jpg.new" ;;
    empty) : > "$bad/images/office.jpg.new" ;;
    text) echo "this is not an image" > "$bad/images/office.jpg.new" ;;
  esac
  mv "$bad/images/office.jpg.new" "$bad/images/office.jpg"
  sleep 3
  p=$(pss_kb "$app"); [ "$p" -gt "$peak" ] && peak=$p
done
alive=no; kill -0 "$app" 2>/dev/null && alive=yes
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
slowest=$(grep -o 'KIOSK_SLOWEST_FRAME ms=[0-9.]*' "$out/bad-images.log" | tail -1 | cut -d= -f2)
printf '| bad images: PSS with a 12000x8000 JPEG shown | %s MB |\n' "$(echo "scale=1; $pss_huge / 1024" | bc)"
printf '| bad images: highest PSS through truncated, empty and text .png | %s MB |\n' "$(echo "scale=1; $peak / 1024" | bc)"
printf '| bad images: slowest frame (CPU, after start-up) | %s ms |\n' "${slowest:-n/a}"
printf '| bad images: still running at the end | %s |\n' "$alive"
