#!/usr/bin/env bash
# The reception kiosk's Wayland session, seen working: runs the systemd unit's exact ExecStart
# line (cage with the kiosk inside) as the `kiosk` user, nested in weston's headless compositor
# (cage's own headless output shows black on machines without a GPU), takes a screenshot with
# weston-screenshooter and fails unless it shows Home; then the same with the kiosk directly on
# weston's Wayland. Also runs the unit's ExecStartPre check as `kiosk`, with the PIN file and
# without it. Installs the Debian packages it needs. Needs root (it creates the `kiosk` user
# if missing, and the content, the PIN file with its folder and /run/office-kiosk for the run
# if missing, and removes what it made). Every failure is printed with its reason; whatever
# it started is ended by PID at the end (SIGTERM, then SIGKILL after 5 s), the kiosk it hung
# on purpose included.
#   scripts/cage-test.sh [BINARY]   (default: the release binary; /usr/bin/office-kiosk in the
#                                    unit's command line is replaced by it)
# Screenshots: target/cage-test/cage.png and target/cage-test/direct.png.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'echo "cage-test: FAIL: stopped at line $LINENO: $BASH_COMMAND (exit status $?)" >&2' ERR
[ "$(id -u)" -eq 0 ] || { echo "cage-test: run as root" >&2; exit 2; }
bin=$(realpath "${1:-${CARGO_TARGET_DIR:-target}/release/office-kiosk}")
[ -x "$bin" ] || { echo "cage-test: no binary at $bin" >&2; exit 2; }
unit=deploy/office-kiosk.service
out=$PWD/target/cage-test
rm -rf "$out"; mkdir -p "$out"

pkgs=(weston cage xwayland imagemagick libgl1-mesa-dri libegl-mesa0 libegl1 libwayland-egl1
  libwayland-client0 libwayland-cursor0 libxkbcommon0 util-linux procps python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "cage-test: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >"$out/apt.log" 2>&1 ||
    { apt-get update -q >>"$out/apt.log" 2>&1 && apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$out/apt.log" 2>&1; } ||
    { tail -n 20 "$out/apt.log" >&2; echo "cage-test: cannot install ${missing[*]}" >&2; exit 1; }
fi

# The unit's command lines, with the binary under test in place of the installed one.
unit_line() { sed -n "s/^$1=//p" "$unit" | sed "s#/usr/bin/office-kiosk#$bin#g"; }
exec_start=$(unit_line ExecStart)
# The ExecStartPre that checks the content and the PIN file (the other waits for seatd).
exec_pre=$(unit_line ExecStartPre | grep -m 1 -- ' check ' || true)
runtime=$(echo "$exec_start" | grep -o 'XDG_RUNTIME_DIR=[^ ]*' | cut -d= -f2)
content=$(echo "$exec_start" | grep -o -- '--content [^ ]*' | cut -d' ' -f2)
pin=$(echo "$exec_start" | grep -o -- '--admin-pin-file [^ ]*' | cut -d' ' -f2)
[ -n "$runtime" ] && [ -n "$content" ] && [ -n "$pin" ] && [ -n "$exec_pre" ] ||
  { echo "cage-test: cannot read the runtime dir, content and PIN from ExecStart and the check from ExecStartPre: $exec_start" >&2; exit 1; }
echo "cage-test: ExecStart: $exec_start"

made=() state=
pids=()
# stop_pid PID: ends PID and its children: SIGTERM to the children first (cage ends by itself
# once its client has gone, and aborts when sent SIGTERM itself), then to PID, then SIGKILL
# to whatever is left after 5 s (a hung kiosk ignores SIGTERM); then reaps PID. Never waits
# longer.
stop_pid() {
  local p=$1 children
  kill -0 "$p" 2>/dev/null || { wait "$p" 2>/dev/null || true; return 0; }
  children=$(pgrep -P "$p" || true)
  # shellcheck disable=SC2086
  [ -z "$children" ] || kill -TERM $children 2>/dev/null || true
  for _ in $(seq 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  # shellcheck disable=SC2086
  kill -KILL "$p" $children 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - ERR
  for p in "${pids[@]}"; do stop_pid "$p"; done
  for m in "${made[@]}"; do rm -rf "$m"; done
  [ -z "$state" ] || rm -rf "$state"
  exit "$status"
}
trap cleanup EXIT

# The kiosk user, the content and the PIN, as the package and the README's set-up leave them.
if ! getent passwd kiosk >/dev/null; then
  useradd --system --user-group --home-dir /var/lib/office-kiosk --no-create-home kiosk
fi
for g in video input render; do getent group "$g" >/dev/null && usermod -aG "$g" kiosk; done
# make_dir DIR: DIR and its missing parents, each remembered for the clean-up.
make_dir() {
  [ -e "$1" ] && return 0
  make_dir "$(dirname "$1")"
  mkdir "$1"
  made=("$1" "${made[@]}")
}
if [ ! -e "$(dirname "$content")" ]; then
  make_dir "$(dirname "$(dirname "$content")")"
  "$bin" init "$(dirname "$content")" >"$out/init.log" 2>&1 ||
    { cat "$out/init.log" >&2; echo "cage-test: cannot write the starter content" >&2; exit 1; }
  made=("$(dirname "$content")" "${made[@]}")
fi
if [ ! -e "$pin" ]; then
  make_dir "$(dirname "$pin")"
  echo 2468 | "$bin" set-pin "$pin" >"$out/set-pin.log" 2>&1 ||
    { cat "$out/set-pin.log" >&2; echo "cage-test: cannot write the PIN file $pin" >&2; exit 1; }
  chown kiosk:kiosk "$pin"
  made=("$pin" "${made[@]}")
fi
if [ ! -e "$runtime" ]; then
  install -d -m 700 -o kiosk -g kiosk "$runtime"
  made=("$runtime" "${made[@]}")
fi
state=$(mktemp -d)
chown kiosk:kiosk "$state" "$out"


as_kiosk() { # exec: run in the background, the function's $! is then the program itself
  exec setpriv --reuid kiosk --regid kiosk --init-groups env -i PATH=/usr/bin:/bin HOME="$state" \
    XDG_RUNTIME_DIR="$runtime" LANG=C.UTF-8 "$@"
}
pass=0 fail=0
ok() { echo "  ok    $*"; pass=$((pass + 1)); }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }

echo "== ExecStartPre as kiosk"
if (as_kiosk sh -c "$exec_pre") >"$out/pre.log" 2>&1; then
  ok "passes with the content and the PIN file ($(tail -n 1 "$out/pre.log"))"
else
  bad "fails with the content and the PIN file: $(tail -n 3 "$out/pre.log")"
fi
nopin=${exec_pre//$pin/$state/no-such.pin}
if (as_kiosk sh -c "$nopin") >"$out/pre-nopin.log" 2>&1; then
  bad "passes without a PIN file (the kiosk would start with no way out)"
else
  ok "fails without a PIN file: $(grep -i pin "$out/pre-nopin.log" | head -n 1)"
fi
echo "v0\$broken" >"$state/broken.pin"; chown kiosk "$state/broken.pin"
broken=${exec_pre//$pin/$state/broken.pin}
if (as_kiosk sh -c "$broken") >"$out/pre-broken.log" 2>&1; then
  bad "passes with a broken PIN file"
else
  ok "fails with a broken PIN file: $(grep -i pin "$out/pre-broken.log" | head -n 1)"
fi

# weston's headless compositor as kiosk, with a screenshooter allowed (--debug).
socket=wl-cage-test
as_kiosk weston --backend=headless-backend.so --use-pixman --width=1920 --height=1080 \
  --debug --socket="$socket" >"$out/weston.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$runtime/$socket" ] && break; sleep 0.1; done
[ -S "$runtime/$socket" ] || { echo "cage-test: weston did not start" >&2; cat "$out/weston.log" >&2; exit 1; }

# shot NAME: a screenshot of weston's output in $out/NAME.png
shot() {
  local dir
  dir=$(mktemp -d -p "$state")
  chown kiosk "$dir"
  (cd "$dir" && as_kiosk env WAYLAND_DISPLAY="$socket" weston-screenshooter >/dev/null 2>&1) || true
  local f
  f=$(ls "$dir"/wayland-screenshot-*.png 2>/dev/null | head -n 1 || true)
  [ -n "$f" ] && mv "$f" "$out/$1.png"
  rm -rf "$dir"
  [ -f "$out/$1.png" ]
}
# frac IMAGE COLOUR [GEOMETRY]: the fraction of pixels of that colour (3 % fuzz)
frac() {
  convert "$1" ${3:+-crop "$3" +repage} -alpha off -fuzz 3% -fill black +opaque "$2" \
    -fill white -opaque "$2" -format '%[fx:mean]' info:
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
# is_home IMAGE: the kiosk's Home, wherever its window is: the light page background (cream)
# is found first (specks of text that happen to share its colour removed); Home has the white navigation panel just left of it, the primary blue of
# the selected language button at its top right, and text (many colours). The attract loop,
# the idle warning and a black screen all fail this.
cream='#F6F4EF' white='#FFFFFF' blue='#0B4A8B'
is_home() { # is_home IMAGE [MIN_WIDTH MIN_HEIGHT]: the light page at least that large
  local img=$1 min_w=${2:-600} min_h=${3:-400} box w h x y
  box=$(convert "$img" -alpha off -fuzz 2% -fill black +opaque "$cream" -fill white -opaque "$cream" -morphology Open Square:4 \
    -trim -format '%w %h %X %Y' info: 2>/dev/null) || return 1
  read -r w h x y <<<"${box//+/}"
  why="light page ${w}x${h} at $x,$y"
  [ "$w" -ge "$min_w" ] && [ "$h" -ge "$min_h" ] || { why="$why: too small"; return 1; }
  [ "$x" -ge $((w / 8)) ] || { why="$why: no room for the navigation panel"; return 1; }
  local nav top page colours
  nav=$(frac "$img" "$white" "$((w * 10 / 100))x$((h * 70 / 100))+$((x - w * 13 / 100))+$((y + h * 15 / 100))")
  top=$(frac "$img" "$blue" "$((w * 20 / 100))x$((h * 10 / 100))+$((x + w * 80 / 100))+$y")
  page=$(frac "$img" "$cream" "${w}x${h}+$x+$y")
  colours=$(convert "$img" -crop "${w}x${h}+$x+$y" +repage -format %k info:)
  why="$why; navigation panel white $nav, blue at its top right $top, page light $page, $colours colours"
  ge "$nav" 0.6 && ge "$top" 0.05 && ge "$page" 0.4 && [ "$colours" -ge 32 ]
}
# wait_home NAME [MIN_WIDTH MIN_HEIGHT]: Home on screen within 35 s of the start (the idle
# warning comes at 40 s)
wait_home() {
  why="no screenshot"
  local deadline=$((SECONDS + 35))
  while [ "$SECONDS" -lt "$deadline" ]; do
    sleep 1
    shot "$1" || continue
    is_home "$out/$1.png" "${2:-600}" "${3:-400}" && return 0
  done
  return 1
}

echo "== the unit's ExecStart (cage nested in weston) as kiosk"
# cage's Wayland backend draws into a weston window; no input devices; pixman, no GPU.
as_kiosk env WAYLAND_DISPLAY="$socket" WLR_BACKENDS=wayland WLR_RENDERER=pixman \
  WLR_LIBINPUT_NO_DEVICES=1 LIBGL_ALWAYS_SOFTWARE=1 STATE_DIRECTORY="$state" \
  LOGS_DIRECTORY="$state" sh -c "exec $exec_start" >"$out/cage.log" 2>&1 &
cage=$!
pids+=($cage)
if wait_home cage; then ok "Home shown inside cage ($why)"; else bad "no Home inside cage ($why)"; fi
kill -0 "$cage" 2>/dev/null && ok "cage and the kiosk still run" || bad "cage ended: $(tail -n 3 "$out/cage.log")"
grep -q "started on Wayland" "$out/cage.log" &&
  ok "logged: $(grep -o 'started on Wayland.*' "$out/cage.log" | head -n 1)" ||
  echo "  note  no 'started on' line in the log (platform::log_started is not wired yet)"
stop_pid "$cage"
sleep 2

echo "== the kiosk directly on weston's Wayland as kiosk"
cmd=${exec_start#*-- }
as_kiosk env WAYLAND_DISPLAY="$socket" LIBGL_ALWAYS_SOFTWARE=1 STATE_DIRECTORY="$state" \
  LOGS_DIRECTORY="$state" sh -c "exec $cmd" >"$out/direct.log" 2>&1 &
direct=$!
pids+=($direct)
# Full screen this time: the light page reaches across most of the 1920x1080 output.
if wait_home direct 1500 1000; then ok "Home shown full screen on weston ($why)"; else bad "no Home full screen on weston ($why)"; fi
kill -0 "$direct" 2>/dev/null && ok "the kiosk still runs" || bad "the kiosk ended: $(tail -n 3 "$out/direct.log")"

stop_pid "$direct"

echo "== without a display"
if (as_kiosk sh -c "exec $cmd") >"$out/nodisplay.log" 2>&1; then
  bad "the kiosk started without a display"
elif grep -q "set DISPLAY or WAYLAND_DISPLAY, or run under cage" "$out/nodisplay.log"; then
  ok "exits saying: $(grep -o 'no display to open.*' "$out/nodisplay.log" | sed 's/ (winit[^)]*)//' | head -n 1)"
else
  bad "no clear message: $(tail -n 2 "$out/nodisplay.log")"
fi

echo "== OpenGL that cannot start (no EGL vendor library found)"
(as_kiosk env WAYLAND_DISPLAY="$socket" __EGL_VENDOR_LIBRARY_DIRS=/nonexistent sh -c "exec $cmd") \
  >"$out/nogl.log" 2>&1 && bad "the kiosk started without OpenGL" || true
grep -q "running again once with Mesa's software renderer" "$out/nogl.log" &&
  ok "retried once with the software renderer" || bad "no software-renderer retry: $(tail -n 2 "$out/nogl.log")"
[ "$(grep -c "running again once" "$out/nogl.log")" -eq 1 ] && ok "and only once" || bad "retried more than once"
grep -q "not even with Mesa's software renderer" "$out/nogl.log" &&
  ok "then exits saying: $(grep -o 'OpenGL could not start on.*' "$out/nogl.log" | cut -c1-160 | head -n 1)..." ||
  bad "no final message: $(tail -n 2 "$out/nogl.log")"

echo "== the watchdog: READY=1, WATCHDOG=1 while it draws, none once the UI hangs"
# A stand-in for systemd's notify socket; the kiosk hangs on purpose after 6 s.
notify=$state/notify.sock
python3 - "$notify" 14 >"$out/notify.txt" 2>"$out/notify.err" <<'PY' &
import socket, sys, time, os
path, secs = sys.argv[1], float(sys.argv[2])
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o777)
s.settimeout(0.2)
start = time.monotonic()
while time.monotonic() - start < secs:
    try:
        msg = s.recv(256).decode().strip()
        print(f"{time.monotonic() - start:.2f} {msg}", flush=True)
    except socket.timeout:
        pass
PY
listener=$!
pids+=($listener)
for _ in $(seq 50); do [ -S "$notify" ] && break; sleep 0.1; done
as_kiosk env WAYLAND_DISPLAY="$socket" LIBGL_ALWAYS_SOFTWARE=1 NOTIFY_SOCKET="$notify" \
  WATCHDOG_USEC=2000000 OFFICE_KIOSK_DEBUG_HANG_AFTER_SECS=6 STATE_DIRECTORY="$state" \
  LOGS_DIRECTORY="$state" sh -c "exec $cmd" >"$out/watchdog.log" 2>&1 &
hung=$!
pids+=($hung)
wait "$listener" || true
ready=$(awk '$2 == "READY=1" { print $1; exit }' "$out/notify.txt")
if [ -n "$ready" ]; then ok "READY=1 after ${ready} s"; else bad "no READY=1 ($(head -c 300 "$out/notify.txt"))"; fi
hang=$(grep -o 'OFFICE_KIOSK_DEBUG_HANG_AFTER_SECS is set' "$out/watchdog.log" | head -n 1)
pings_before=$(awk -v r="${ready:-99}" '$2 == "WATCHDOG=1" && $1 < r + 5 { n++ } END { print n + 0 }' "$out/notify.txt")
last_ping=$(awk '$2 == "WATCHDOG=1" { t = $1 } END { print t + 0 }' "$out/notify.txt")
[ "$pings_before" -ge 3 ] && ok "$pings_before pings (every 2/3 s) while the UI drew" || bad "only $pings_before pings while the UI drew"
[ -n "$hang" ] && ok "the UI thread hung on purpose" || bad "the debug switch did not hang the UI"
# The hang comes 6 s after start, READY a little after start; a last ping may follow one tick.
if awk -v r="${ready:-0}" -v l="$last_ping" 'BEGIN { exit !(l < r + 7) }'; then
  ok "pings stopped after the hang (last at ${last_ping} s; listened 14 s): systemd would restart it"
else
  bad "pings went on after the hang (last at ${last_ping} s)"
fi
# The kiosk hung on purpose ignores SIGTERM: stop_pid kills it after 5 s.
stop_pid "$hung"

echo "cage-test: screenshots $out/cage.png and $out/direct.png"
echo "cage-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
