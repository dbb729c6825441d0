#!/bin/bash
# The boot test's checks, run as root inside the booted container by boot-test.service
# (scripts/boot-test.sh puts everything in place). Each check is one line in
# /var/lib/boot-test/results, "  ok    ..." or "  FAIL  ...: why", which the host prints;
# the last line is "done N M" (passed, failed). Every wait has a limit. The mode, from
# /var/lib/boot-test/mode:
#   kiosk  the installed kiosk: starts, stays, watchdog, ten leaves, stops, a missing PIN,
#          an upgrade (the newer package is /var/cache/boot-test/upgrade.deb)
#   mask   booted with systemd.mask=office-kiosk.service: the way back in for staff
# The container has no procps: processes are read from /proc.
set -u
out=/var/lib/boot-test
results=$out/results
exec >>"$out/checks.log" 2>&1
set -x
unit=office-kiosk.service
pin=/etc/office-kiosk/admin.pin
pass=0 fail=0

say() { echo "$*" >>"$results"; }
ok() { say "  ok    $*"; pass=$((pass + 1)); }
bad() { say "  FAIL  $*"; fail=$((fail + 1)); }
check() { # check CONDITION-STATUS DESCRIPTION [WHY-IF-NOT]
  if [ "$1" -eq 0 ]; then ok "$2"; else bad "$2${3:+: $3}"; fi
}
section() { say "== $*"; }
finish() {
  journalctl -b --no-pager >"$out/journal.txt" 2>&1
  say "done $pass $fail"
}
trap finish EXIT

prop() { systemctl show -P "$1" "$unit"; }
now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
# wait_for SECS COMMAND...: until COMMAND succeeds, every 0.2 s; fails after SECS.
wait_for() {
  local deadline
  deadline=$(awk -v n="$EPOCHREALTIME" -v s="$1" 'BEGIN { printf "%d", n + s }')
  shift
  until "$@"; do
    [ "${EPOCHREALTIME%.*}" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
is_active() { [ "$(systemctl is-active "$unit")" = active ]; }
is_state() { [ "$(prop ActiveState)/$(prop SubState)" = "$1" ]; }
cursor() { journalctl -n 0 --show-cursor --no-pager | sed -n 's/^-- cursor: //p'; }
# log_after CURSOR [journalctl options]: the journal since CURSOR, with everything logged
# so far in it (journald may be a little behind).
log_after() {
  local c=$1
  shift
  journalctl --sync
  journalctl --after-cursor="$c" --no-pager -o cat "$@"
}
count_after() { log_after "$1" -u "$unit" | grep -c -- "$2"; }
# The process whose parent is $1 and whose name is $2, or nothing.
child_of() {
  local stat pid comm state ppid rest
  for stat in /proc/[0-9]*/stat; do
    read -r pid comm state ppid rest <"$stat" 2>/dev/null || continue
    [ "$ppid" = "$1" ] && [ "$comm" = "($2)" ] && { echo "$pid"; return 0; }
  done
  return 1
}
kiosk_pid() { child_of "$(prop MainPID)" office-kiosk; }
# Every process named cage, office-kiosk or Xwayland, as "PID NAME CGROUP".
kiosk_processes() {
  local p comm
  for p in /proc/[0-9]*; do
    comm=$(cat "$p/comm" 2>/dev/null) || continue
    case "$comm" in
      cage | office-kiosk | Xwayland) echo "${p#/proc/} $comm $(sed -n 's/^0:://p' "$p/cgroup")" ;;
    esac
  done
}
# The stand-in screen, as its user: a screenshot, or key presses.
on_screen() {
  setpriv --reuid kiosk --regid kiosk --init-groups env XDG_RUNTIME_DIR=/run/boot-test-screen \
    WAYLAND_DISPLAY=wayland-1 "$@"
}
start_fresh() { # start the unit from a clean slate and wait (30 s at most) for it to be active
  systemctl reset-failed "$unit" 2>/dev/null
  systemctl start --no-block "$unit" && wait_for 30 is_active
}

kiosk_mode() {
  section "the kiosk comes up at boot"
  local t0 t1 up=''
  wait_for 60 is_active
  local active=$?
  if [ "$active" -eq 0 ]; then
    t0=$(prop InactiveExitTimestampMonotonic) t1=$(prop ActiveEnterTimestampMonotonic)
    up=", $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e6 }') s after its start began (READY=1 after the first frame)"
  fi
  check "$active" "the unit is active after boot$up" \
    "$(systemctl is-active $unit); $(systemctl status $unit --no-pager -n 20 | tail -n 12)"
  local cage kiosk cg
  cage=$(prop MainPID) cg=$(prop ControlGroup)
  kiosk=$(kiosk_pid)
  [ "$(cat /proc/"$cage"/comm 2>/dev/null)" = cage ] && [ -n "$kiosk" ]
  check $? "the main process is cage ($cage), the kiosk its child (${kiosk:-none})"
  local procs strays
  procs=$(kiosk_processes)
  strays=$(echo "$procs" | awk -v cg="$cg" '$3 != cg')
  [ -n "$procs" ] && [ -z "$strays" ]
  check $? "every cage, kiosk and Xwayland process is in the unit's cgroup $cg: $(echo "$procs" | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')" \
    "outside it: $strays"
  [ -z "$(loginctl list-sessions --no-legend 2>/dev/null)" ]
  check $? "no logind session: nothing moved the kiosk into a session scope" "$(loginctl list-sessions --no-legend)"
  local mem
  mem=$(cat "/sys/fs/cgroup$cg/memory.max" 2>/dev/null || true)
  if [ -n "$mem" ]; then
    [ "$mem" = 1073741824 ]
    check $? "MemoryMax=1G holds for that cgroup (memory.max $mem)"
  else
    say "  note  this host gives the container no memory controller: MemoryMax=1G is set ($(prop MemoryMax)) but not enforced here"
  fi

  section "the seat comes from seatd"
  local seat_log
  journalctl --sync
  seat_log=$(journalctl -b -u seatd.service --no-pager -o cat)
  echo "$seat_log" | grep -q "New client connected (pid: $cage, uid: $(id -u kiosk)" &&
    echo "$seat_log" | grep -q "Opened client"
  check $? "cage ($cage, as kiosk) opened seat0 through seatd" "$(echo "$seat_log" | tail -n 5)"
  [ "$(stat -c %G /run/seatd.sock)" = video ] && id -nG kiosk | tr ' ' '\n' | grep -qx video
  check $? "seatd's socket belongs to the group video, and kiosk is in video"
  prop Wants | tr ' ' '\n' | grep -qx seatd.service && prop After | tr ' ' '\n' | grep -qx seatd.service
  check $? "the shipped unit wants seatd.service and starts after it"
  tr '\0' '\n' <"/proc/$cage/environ" | grep -qx LIBSEAT_BACKEND=seatd
  check $? "cage runs with LIBSEAT_BACKEND=seatd"

  section "what is on the screen"
  on_screen grim - >"$out/home.png" 2>"$out/grim.log"
  check $? "a screenshot of the stand-in screen (judged on the host)" "$(cat "$out/grim.log")"

  section "it stays active"
  local pings=() last='' i
  for i in $(seq 26); do
    local w
    w=$(prop WatchdogTimestampMonotonic)
    [ "$w" != "$last" ] && pings+=("$w") && last=$w
    sleep 1
  done
  is_active && [ "$(prop MainPID)" = "$cage" ] && [ "$(prop NRestarts)" = 0 ]
  check $? "still active after 26 s: same cage ($cage), NRestarts=0" "$(prop ActiveState), MainPID $(prop MainPID), NRestarts $(prop NRestarts)"
  # The first sample is where it stood; each later change is a ping systemd took.
  [ $((${#pings[@]} - 1)) -ge 2 ]
  check $? "the watchdog's pings are accepted: its last-ping time moved $((${#pings[@]} - 1)) times in 26 s (a ping every 10 s)"

  section "a visitor, then systemctl stop"
  on_screen wtype -s 1000 -k Next -s 500 -k Next -s 500 >"$out/wtype.log" 2>&1
  check $? "a visitor's key presses on the stand-in screen" "$(cat "$out/wtype.log")"
  local c started took usage=/var/lib/office-kiosk/usage.ron written
  written=$(stat -c %y "$usage" 2>/dev/null || true)
  c=$(cursor) started=$(now)
  systemctl stop "$unit"
  took=$(since "$started")
  [ "$(systemctl is-failed "$unit")" = inactive ]
  check $? "systemctl stop took $took s and left the unit $(systemctl is-failed "$unit") (result $(prop Result))"
  [ "$(prop ExecMainCode)/$(prop ExecMainStatus)" = "1/0" ]
  check $? "cage ended by itself with status 0 once the kiosk had gone" "ExecMainCode $(prop ExecMainCode), status $(prop ExecMainStatus)"
  [ "$(count_after "$c" "told systemd the kiosk is stopping")" -ge 1 ]
  check $? "the kiosk sent STOPPING=1"
  [ -f "$usage" ] && [ "$(stat -c %y "$usage")" != "$written" ] && grep -q "sessions: 1" "$usage"
  check $? "the usage figures were written on the way out: $usage with the visitor's session" \
    "$(ls -l --time-style=full-iso "$usage" 2>&1) (before the stop: ${written:-none})"

  section "a stop when the kiosk hangs and cage aborts"
  start_fresh
  check $? "started again"
  kiosk=$(kiosk_pid)
  kill -STOP "$kiosk"
  c=$(cursor) started=$(now)
  systemctl stop "$unit"
  took=$(since "$started")
  [ "$(prop ExecMainCode)/$(prop ExecMainStatus)" = "2/6" ] &&
    log_after "$c" -u "$unit" | grep -q "wl_display_terminate: Assertion"
  check $? "cage, sent SIGTERM by systemd after ExecStop's 5 s, aborted (SIGABRT, wl_display_terminate's assertion)" \
    "ExecMainCode $(prop ExecMainCode), status $(prop ExecMainStatus); $(log_after "$c" -u "$unit" | tail -n 4)"
  [ "$(systemctl is-failed "$unit")" = inactive ]
  check $? "and the unit still ended inactive, in $took s (SuccessExitStatus=SIGABRT)" "$(systemctl is-failed "$unit"), result $(prop Result)"

  section "a hung UI is replaced by the watchdog"
  start_fresh
  check $? "started again"
  cage=$(prop MainPID) kiosk=$(kiosk_pid)
  local restarts stopped_at killed_at
  restarts=$(prop NRestarts)
  c=$(cursor)
  kill -STOP "$kiosk"
  stopped_at=$(now)
  wait_for 60 sh -c "journalctl --sync; journalctl --after-cursor='$c' -u $unit --no-pager | grep -q 'Watchdog timeout'"
  check $? "the watchdog fired $(since "$stopped_at") s after the UI was frozen (SIGSTOP; WatchdogSec=30s, a ping every 10 s)"
  killed_at=$(now)
  wait_for 30 sh -c "[ \"\$(systemctl show -P MainPID $unit)\" != $cage ] && [ \"\$(systemctl is-active $unit)\" = active ]"
  check $? "a new kiosk was active $(since "$killed_at") s later (NRestarts $restarts -> $(prop NRestarts))" \
    "$(prop ActiveState)/$(prop SubState)"
  [ "$(prop NRestarts)" = $((restarts + 1)) ]
  check $? "restarted once by systemd, as a crash is"

  section "ten Leave the kiosk in a row"
  # The debug switch, for this check only: the kiosk takes the admin screen's Leave path
  # 2 s after each start (including its restarts in place).
  mkdir -p /run/systemd/system/$unit.d
  printf '[Service]\nEnvironment=OFFICE_KIOSK_DEBUG_LEAVE_AFTER_SECS=2\n' >/run/systemd/system/$unit.d/zz-leave.conf
  systemctl daemon-reload
  systemctl stop "$unit"
  start_fresh
  check $? "started with the switch set"
  cage=$(prop MainPID) kiosk=$(kiosk_pid) restarts=$(prop NRestarts)
  c=$(cursor)
  wait_for 120 sh -c "journalctl --sync; [ \$(journalctl --after-cursor='$c' -u $unit --no-pager | grep -c 'restarting in place instead of leaving') -ge 10 ]"
  check $? "ten leaves, each restarting the kiosk in place ($(count_after "$c" 'restarting in place instead of leaving') logged)"
  # After the tenth, the kiosk is drawing again: its eleventh READY=1 since the first leave.
  wait_for 20 sh -c "journalctl --sync; [ \$(journalctl --after-cursor='$c' -u $unit --no-pager | grep -c 'told systemd the kiosk is ready') -ge 10 ]"
  check $? "and ready again after each ($(count_after "$c" 'told systemd the kiosk is ready') READY=1)"
  is_active && [ "$(prop MainPID)" = "$cage" ] && [ "$(prop NRestarts)" = "$restarts" ] &&
    [ "$(kiosk_pid)" = "$kiosk" ]
  check $? "the unit still active: same cage ($cage), same kiosk process ($kiosk), NRestarts still $restarts" \
    "$(prop ActiveState), MainPID $(prop MainPID), NRestarts $(prop NRestarts), kiosk $(kiosk_pid)"
  rm -f /run/systemd/system/$unit.d/zz-leave.conf
  systemctl daemon-reload

  section "a missing PIN file"
  systemctl stop "$unit"
  mv "$pin" "$pin.away"
  c=$(cursor)
  systemctl reset-failed "$unit"
  systemctl start --no-block "$unit"
  wait_for 60 is_state failed/failed
  check $? "the unit ends failed ($(prop ActiveState), result $(prop Result), after $(prop NRestarts) restarts)"
  local status
  status=$(systemctl status "$unit" --no-pager -l 2>&1)
  echo "$status" | grep -q "Status: \".*there is no PIN file at $pin"
  check $? "systemctl status says why, on its Status line: $(echo "$status" | grep -o 'Status: .*' | head -n 1 | cut -c1-150)" \
    "$(echo "$status" | head -n 8)"
  ! kiosk_processes | grep -q .
  check $? "no cage or kiosk left running"
  mv "$pin.away" "$pin"

  section "an upgrade while the kiosk runs"
  start_fresh
  check $? "started again with the PIN back"
  cage=$(prop MainPID) kiosk=$(kiosk_pid) restarts=$(prop NRestarts)
  local before after upgraded_at
  before=$(dpkg-query -W -f '${Version}' office-kiosk)
  c=$(cursor)
  dpkg -i /var/cache/boot-test/upgrade.deb >"$out/upgrade.log" 2>&1
  check $? "dpkg -i upgrade.deb" "$(tail -n 5 "$out/upgrade.log")"
  upgraded_at=$(now)
  after=$(dpkg-query -W -f '${Version}' office-kiosk)
  [ "$after" != "$before" ]
  check $? "the package is now $after (was $before)"
  readlink "/proc/$kiosk/exe" | grep -q ' (deleted)$'
  check $? "the running kiosk ($kiosk) still runs the old, replaced file: $(readlink "/proc/$kiosk/exe")"
  new_binary() {
    [ "$(readlink "/proc/$kiosk/exe")" = /usr/bin/office-kiosk ] &&
      [ "$(stat -L -c %i "/proc/$kiosk/exe")" = "$(stat -c %i /usr/bin/office-kiosk)" ]
  }
  wait_for 150 new_binary
  check $? "the new binary runs $(since "$upgraded_at") s after the upgrade, once the attract loop was on screen (the kiosk's first 60 s without a touch)" \
    "$(readlink "/proc/$kiosk/exe")"
  [ "$(count_after "$c" "the program file was replaced")" -ge 1 ]
  check $? "logged: $(log_after "$c" -u "$unit" | grep -o 'the program file was replaced.*' | head -n 1 | cut -c1-110)"
  is_active && [ "$(prop MainPID)" = "$cage" ] && [ "$(prop NRestarts)" = "$restarts" ] &&
    [ "$(kiosk_pid)" = "$kiosk" ]
  check $? "restarted in place: the unit active, same cage and kiosk process, NRestarts still $restarts (the package restarts nothing)"
  wait_for 20 sh -c "journalctl --sync; [ \$(journalctl --after-cursor='$c' -u $unit --no-pager | grep -c 'told systemd the kiosk is ready') -ge 1 ]"
  check $? "and the new binary is drawing (READY=1)"

  section "systemd ignores none of the kiosk's notifications"
  # systemd says that it took or ignored a notification only at debug level: on for a
  # restart (STOPPING=1, READY=1) and two watchdog pings, then back to info.
  systemd-analyze log-level debug
  c=$(cursor)
  systemctl stop "$unit"
  start_fresh
  sleep 22
  systemd-analyze log-level info
  local window ignored taken
  window=$(log_after "$c")
  ignored=$(echo "$window" | grep -E "notification message.*, ignoring|notify message of PID .*, ignoring|reception only permitted for main PID" || true)
  taken=$(echo "$window" | grep -o "^$unit: Got notification message from PID [0-9]* ([A-Z]*=1)" | sed 's/.*(//; s/)//' | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
  [ -z "$ignored" ] && echo "$taken" | grep -q READY=1 && echo "$taken" | grep -q WATCHDOG=1
  check $? "none ignored, all taken by $unit (${taken:-none}), over a stop, a start and 22 s" \
    "$(echo "$ignored" | head -n 3)"
}

mask_mode() {
  section "booted with systemd.mask=office-kiosk.service"
  wait_for 60 sh -c '[ "$(systemctl is-system-running)" != starting ]'
  tr '\0' ' ' </proc/1/cmdline | grep -q 'systemd.mask=office-kiosk.service'
  check $? "systemd's command line has it (in a container it stands in for the kernel's): $(tr '\0' ' ' </proc/1/cmdline)"
  [ "$(systemctl is-enabled "$unit" 2>/dev/null)" = masked-runtime ]
  check $? "the unit is masked for this boot only ($(systemctl is-enabled "$unit" 2>/dev/null))"
  [ "$(systemctl is-active "$unit")" = inactive ] && ! kiosk_processes | grep -q .
  check $? "the kiosk did not start: no cage, no kiosk"
  [ -L /etc/systemd/system/graphical.target.wants/$unit ]
  check $? "it is still enabled on disk: the next ordinary boot starts it"
  systemctl is-enabled getty@tty1.service >/dev/null 2>&1 &&
    systemctl show -P Wants getty.target | tr ' ' '\n' | grep -qx getty@tty1.service
  check $? "getty@tty1 is enabled and nothing conflicts with it: tty1 has its login prompt (not seen here: no tty1)"
  wait_for 20 sh -c '[ "$(systemctl is-active console-getty.service)" = active ]'
  check $? "a login prompt runs on the container's console (console-getty, its stand-in for tty1)"
  printf '1357\n' | office-kiosk set-pin "$pin" >/dev/null 2>&1 && chown kiosk:kiosk "$pin" &&
    office-kiosk check --admin-pin-file "$pin" /var/lib/office-kiosk/content/content.ron >/dev/null 2>&1
  check $? "from that shell a lost PIN is set anew and passes the unit's check"
}

case "$(cat "$out/mode" 2>/dev/null)" in
  kiosk) kiosk_mode ;;
  mask) mask_mode ;;
  *) bad "no mode in $out/mode" ;;
esac
