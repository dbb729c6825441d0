# shellcheck shell=bash
# bench/lib.sh: what bench/run and bench/soak share (sourced, not run): installing the
# Debian packages they need, building the release binary and the screen watcher, a private
# Xvfb, starting a program tagged so that every one of its processes can be found again,
# its memory (PSS) and CPU, and stopping it, by PID only.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET_DIR/release/office-kiosk
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/office-kiosk-bench
XWATCH=$CACHE/xwatch

# need_packages PKG...: installs the Debian packages that are missing (as root or with sudo).
need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
}

# The packages every bench script needs: the X server, the tools, the compiler and headers
# for bench/xwatch.c, and the libraries office-kiosk opens at run time.
# shellcheck disable=SC2034 # used by the scripts that source this file
BASE_PACKAGES=(xvfb x11-utils xdotool imagemagick file gcc libc6-dev libx11-dev libxext-dev
  libxdamage-dev libxfixes-dev libxtst-dev libgl1-mesa-dri libegl-mesa0 libxkbcommon-x11-0)

# build_release: the release binary, with the cargo target dir in use.
build_release() {
  (cd "$ROOT" && cargo build --release --quiet) >&2
  [ -x "$BIN" ] || { echo "no $BIN after cargo build" >&2; return 1; }
}

# build_xwatch: compiles bench/xwatch.c into the cache when it is missing or older.
build_xwatch() {
  mkdir -p "$CACHE"
  if [ ! -x "$XWATCH" ] || [ "$BENCH_DIR/xwatch.c" -nt "$XWATCH" ]; then
    gcc -O2 -Wall -o "$XWATCH.new" "$BENCH_DIR/xwatch.c" -lX11 -lXext -lXdamage -lXfixes -lXtst
    mv "$XWATCH.new" "$XWATCH"
  fi
}

XVFB_PID=
# xvfb_start: a private X server at 1920x1080x24 on a free display; sets DISPLAY.
xvfb_start() {
  local dn=$((90 + RANDOM % 400))
  while [ -e "/tmp/.X11-unix/X$dn" ] || [ -e "/tmp/.X$dn-lock" ]; do dn=$((dn + 1)); done
  Xvfb ":$dn" -screen 0 1920x1080x24 -nolisten tcp -br -noreset >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$dn"
  unset WAYLAND_DISPLAY
  local _
  for _ in $(seq 100); do
    xdpyinfo >/dev/null 2>&1 && return 0
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "Xvfb did not start on :$dn" >&2
  return 1
}

xvfb_stop() {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
  fi
}

APP_PID=
APP_TAG=
# app_start T0FILE LOG CMD...: starts CMD in its own session with BENCH_TAG set, through
# `xwatch exec`, which writes the exec time to T0FILE; the pid stays the program's own.
app_start() {
  local t0file=$1 log=$2
  shift 2
  APP_TAG="bench-$$-$RANDOM$RANDOM"
  BENCH_TAG=$APP_TAG setsid "$XWATCH" exec "$t0file" "$@" >"$log" 2>&1 &
  APP_PID=$!
}

# app_pids: every process of the program: those carrying its BENCH_TAG (even when they left
# its session, like Chromium's crash handler) and those in its session (Chromium's zygote
# children start with a clean environment).
app_pids() {
  [ -n "$APP_PID" ] || return 0
  # (processes come and go while this runs: no failure here may stop the caller)
  {
    grep -l -a -x -z "BENCH_TAG=$APP_TAG" /proc/[0-9]*/environ 2>/dev/null || true
    ps -e -o pid=,sid= | awk -v s="$APP_PID" '$2 == s {print "/proc/" $1 "/"}' || true
  } | awk -F/ '{print $3}' | sort -un | awk -v me="$$" '$1 != me' || true
}

# pss_kb PID...: proportional set size summed over the processes, in kB.
pss_kb() {
  mem_kb "$@" | awk '{print $1}'
}

# mem_kb PID...: "PSS RSS USS ANON" summed over the processes, in kB. USS counts the pages
# no other process maps; ANON (Pss_Anon) is the program's own memory (heaps, GL buffers and,
# with a software renderer, textures), which no other program on the machine changes, while
# PSS and even USS move when another process maps or unmaps the same library pages.
mem_kb() {
  local p
  for p in "$@"; do cat "/proc/$p/smaps_rollup" 2>/dev/null || true; done |
    awk '/^Pss:/ {p += $2} /^Rss:/ {r += $2} /^Private_(Clean|Dirty):/ {u += $2} /^Pss_Anon:/ {a += $2}
         END {print p + 0, r + 0, u + 0, a + 0}'
}

# smaps_top PID [N]: where a process's PSS is, by mapping (a file, [heap], [stack], or
# "anonymous" for unnamed memory), largest first, in kB: the N (20) largest.
smaps_top() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / {name = (NF >= 6 ? $6 : "anonymous")}
       /^Pss:/ {pss[name] += $2}
       /^Rss:/ {rss[name] += $2}
       END {for (n in pss) printf "%8d kB PSS %8d kB RSS  %s\n", pss[n], rss[n], n}' \
    "/proc/$1/smaps" 2>/dev/null | sort -rn | head -"${2:-20}" || true
}

# alive PID: whether the process exists and is not a zombie (kill -0 succeeds on zombies).
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null || true)
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}

# procs_list PID...: one line a process: pid, PSS and RSS in kB, command line.
procs_list() {
  local p
  for p in "$@"; do
    printf '%s pss_kb=%s rss_kb=%s %s\n' "$p" \
      "$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)" \
      "$(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)" \
      "$( (tr '\0' ' ' <"/proc/$p/cmdline") 2>/dev/null | cut -c1-160 || true)"
  done
}

# cpu_ns PID...: CPU time used so far by every thread of the processes, in ns.
cpu_ns() {
  local p
  for p in "$@"; do cat /proc/"$p"/task/*/schedstat 2>/dev/null || true; done |
    awk '{s += $1} END {printf "%.0f\n", s + 0}'
}

# app_stop: TERM the program, then KILL its session and any tagged straggler, by PID.
app_stop() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  local left _
  for _ in $(seq 30); do alive "$APP_PID" || break; sleep 0.1; done
  for _ in $(seq 20); do
    left=$(app_pids)
    [ -z "$left" ] && break
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    sleep 0.1
  done
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# shot FILE: a PNG of the whole screen.
shot() {
  xwd -root -silent | convert xwd:- "$1"
}

# median: the median of the numbers on stdin (one a line); empty if none.
median() {
  sort -g | awk '{v[NR] = $1} END {if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}

# percentile P: the P-th percentile of the numbers on stdin (nearest rank).
percentile() {
  sort -g | awk -v p="$1" '{v[NR] = $1} END {if (NR) {r = int(p / 100 * NR + 0.999999); if (r < 1) r = 1; print v[r]}}'
}
