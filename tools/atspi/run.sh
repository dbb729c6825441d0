#!/usr/bin/env bash
# Shows what a screen reader (Orca, through AT-SPI) reads of office-kiosk: starts a private
# Xvfb, the AT-SPI bus with screen reading on, the app, and prints its accessibility tree.
#   apt-get install python3-pyatspi at-spi2-core dbus xvfb
#   dbus-run-session -- tools/atspi/run.sh target/release/office-kiosk [--press NAME] -- [ARGS...]
set -euo pipefail
bin=$1; shift
press=()
if [ "${1:-}" = "--press" ]; then press=(--press "$2"); shift 2; fi
[ "${1:-}" = "--" ] && shift
work=$(mktemp -d)
dn=$(( 150 + RANDOM % 100 ))
Xvfb ":$dn" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=":$dn"
sleep 1
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/bus.log" 2>&1 &
pids+=($!)
sleep 1
for property in IsEnabled ScreenReaderEnabled; do
  dbus-send --session --dest=org.a11y.Bus --print-reply /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status "string:$property" \
    variant:boolean:true >/dev/null
done
XDG_STATE_HOME="$work/state" "$bin" --window-size 1920x1080 "$@" >"$work/app.log" 2>&1 &
pids+=($!)
sleep 6
/usr/bin/python3 "$(dirname "$0")/dump.py" "${press[@]}"
