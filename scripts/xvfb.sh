# Sourced by the real-window scripts: starts a private Xvfb of 1920x1080, exports DISPLAY,
# and stops it (and the app in $app, if any) on exit. Sets $xvfb_log to its log.
#   . scripts/xvfb.sh OUTDIR
_xvfb_out=$1
dn=$(( 90 + RANDOM % 100 ))
while [ -e "/tmp/.X11-unix/X$dn" ]; do dn=$((dn + 1)); done
Xvfb ":$dn" -screen 0 1920x1080x24 -nolisten tcp >"$_xvfb_out/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
  # Keep the script's own exit status: the app and Xvfb end by our signal, not in failure.
  local status=$?
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo -display ":$dn" >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=":$dn"
unset WAYLAND_DISPLAY
