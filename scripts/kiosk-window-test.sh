#!/usr/bin/env bash
# Real-window test of kiosk mode under Xvfb with xdotool: a key moves to another page, Escape
# and Alt+F4 do not end the kiosk, after the idle timeout it is back on Home, and SIGTERM ends it
# cleanly with its usage figures written.
#   scripts/kiosk-window-test.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/office-kiosk}
out=target/kiosk-window-test
rm -rf "$out"; mkdir -p "$out"
. scripts/xvfb.sh "$out"
# There is no window manager under Xvfb to make the window full screen: give it the screen's size.
XDG_STATE_HOME="$PWD/$out/state" "$bin" --kiosk --idle-timeout 6 --idle-warning 3 \
  --window-size 1920x1080 >"$out/app.log" 2>&1 &
app=$!
fail() { echo "kiosk-window-test: FAILED: $*" >&2; tail -5 "$out/app.log" >&2; exit 1; }
shot() { xwd -root -silent | convert xwd:- "$out/$1.png"; }
differ() { # prints the number of differing pixels
  compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 | cut -d' ' -f1 || true
}
alive() { kill -0 "$app" 2>/dev/null; }
win=
for _ in $(seq 100); do
  win=$(xdotool search --class "office-kiosk" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || fail "no kiosk window"
sleep 1.5
xdotool windowfocus --sync "$win" 2>/dev/null || true
shot home
xdotool key --window "$win" Next   # Page Down
sleep 0.8
shot moved
[ "$(differ home moved)" -gt 1000 ] || fail "Page Down did not change the page"
xdotool key --window "$win" Escape
xdotool key --window "$win" alt+F4
xdotool key --window "$win" ctrl+w
sleep 0.5
alive || fail "the kiosk exited after Escape / Alt+F4 / Ctrl+W"
shot after-keys
[ "$(differ moved after-keys)" -lt 1000 ] || fail "Escape / Alt+F4 / Ctrl+W changed the screen"
# Idle: the warning at 3 s, the reset to Home at 6 s; then the attract loop.
sleep 4
shot warning
sleep 4
alive || fail "the kiosk exited while idle"
grep -q "idle: back to the start" "$out/app.log" || fail "no idle reset in the log"
shot attract
# A key wakes it: Home, exactly as it first looked.
xdotool key --window "$win" shift
sleep 1
shot woke
[ "$(differ home woke)" -lt 1000 ] || fail "after the idle reset the kiosk is not on Home"
# systemd stops the service with SIGTERM: the kiosk leaves cleanly, writing its usage figures.
kill -TERM "$app"
for _ in $(seq 50); do alive || break; sleep 0.1; done
alive && fail "the kiosk did not end within 5 s of SIGTERM"
code=0
wait "$app" || code=$?
[ "$code" = 0 ] || fail "the kiosk ended with exit code $code after SIGTERM"
grep -q "signal 15: leaving" "$out/app.log" || fail "no polite leave on SIGTERM in the log"
[ -n "$(find "$out/state" -name usage.ron -size +0)" ] || fail "no usage figures written on SIGTERM"
echo "kiosk-window-test: page change, no escape, idle reset to Home, clean stop on SIGTERM: all seen (screenshots in $out)"
echo "1 passed, 0 failed"
