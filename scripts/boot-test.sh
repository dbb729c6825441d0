#!/usr/bin/env bash
# The boot test: the built .deb installed in a Debian 12 root that boots with systemd as
# PID 1 (systemd-nspawn -b), with cage, xwayland, seatd and libpam-systemd as a Debian
# machine has them, the PIN set and the unit enabled; then checks from inside the booted
# system (scripts/boot-test/checks.sh): the unit comes up and stays up, its processes stay in
# its cgroup and systemd ignores none of their notifications, cage gets its seat from seatd,
# a frozen UI is replaced by the watchdog, ten leaves do not end the unit, systemctl stop
# leaves it inactive with the usage figures written (also when cage aborts), a missing PIN
# fails it saying why, an upgrade ends with the new binary running. A second boot, with
# systemd.mask=office-kiosk.service, checks the way back in for staff.
#   scripts/boot-test.sh [DEB]   (default: build it with scripts/package.sh)
# Needs root. Installs mmdebstrap, systemd-container and imagemagick with apt-get if missing.
# The container lacks tty1, a GPU, DRM and input devices: scripts/boot-test/container.conf
# changes only those lines of the unit (each one says why), and a headless sway stands in for
# the screen. The base root is built once (mmdebstrap, about 90 s) and kept as
# target/boot-test/base-HASH.tar, HASH naming what it holds. Everything made is removed at
# the end; an overall limit (BOOT_TEST_TIMEOUT, 25m) ends a run that hangs.
# Output: each check as "  ok    ..." or "  FAIL  ...: why", then "N passed, M failed" and
# the wall time; exit status 1 if anything failed. Journals and screenshots stay in
# target/boot-test/out-*/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "boot-test: run as root (systemd-nspawn, chroot)" >&2; exit 2; }
if [ -z "${BOOT_TEST_LIMITED:-}" ]; then
  # timeout signals this script's whole process group, nspawn included; the trap below
  # cleans up, and SIGKILL follows 30 s later if that hangs too.
  BOOT_TEST_LIMITED=1 exec timeout --kill-after=30s "${BOOT_TEST_TIMEOUT:-25m}" "$0" "$@"
fi
started=$SECONDS
work=$PWD/target/boot-test
files=$PWD/scripts/boot-test
mkdir -p "$work"

apt_install() { # apt_install COMMAND PACKAGE: install PACKAGE unless COMMAND is there
  command -v "$1" >/dev/null && return 0
  echo "boot-test: installing $2"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "$2" >"$work/apt.log" 2>&1 ||
    { apt-get update -q >>"$work/apt.log" 2>&1 &&
      apt-get install -y -q --no-install-recommends "$2" >>"$work/apt.log" 2>&1; } ||
    { tail -n 20 "$work/apt.log" >&2; echo "boot-test: cannot install $2" >&2; exit 1; }
}
apt_install mmdebstrap mmdebstrap
apt_install systemd-nspawn systemd-container
apt_install convert imagemagick

pids=()
root=
cleanup() {
  local status=$?
  # timeout sends SIGTERM to this script and to its whole process group: a second one must
  # not cut the clean-up short.
  trap '' TERM INT
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$p" 2>/dev/null || true
  done
  [ -n "$root" ] && rm -rf "$root"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 124' TERM INT

# The package, and the same package re-versioned as its upgrade.
deb=${1:-}
if [ -z "$deb" ]; then
  deb=$(scripts/package.sh | tail -n 1)
fi
[ -f "$deb" ] || { echo "boot-test: no package at $deb" >&2; exit 2; }
cp "$deb" "$work/kiosk.deb"
version=$(dpkg-deb -f "$work/kiosk.deb" Version)
up_version="${version%-*}+boot-upgrade-${version##*-}"
rm -rf "$work/upgrade"
dpkg-deb -R "$work/kiosk.deb" "$work/upgrade"
sed -i "s/^Version: .*/Version: $up_version/" "$work/upgrade/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/upgrade" "$work/upgrade.deb" >/dev/null
rm -rf "$work/upgrade"
dpkg --compare-versions "$up_version" gt "$version" ||
  { echo "boot-test: $up_version is not newer than $version" >&2; exit 1; }

# The base root: what a Debian 12 machine with the kiosk has, plus the test's stand-in
# screen (sway), its screenshots (grim) and its keyboard (wtype).
deps=$(dpkg-deb -f "$work/kiosk.deb" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/ //g' | grep . | sort -u | paste -sd, -)
include="systemd,systemd-sysv,dbus,libpam-systemd,cage,xwayland,seatd,$deps,sway,grim,wtype"
key=$(printf 'bookworm minbase %s\n' "$include" | sha256sum | cut -c1-12)
base=$work/base-$key.tar
if [ ! -f "$base" ]; then
  rm -f "$work"/base-*.tar
  echo "boot-test: building the Debian 12 base root (once; about 90 s) with $include"
  t=$SECONDS
  mmdebstrap --variant=minbase --format=tar --include="$include" bookworm "$base.tmp" \
    http://deb.debian.org/debian >"$work/mmdebstrap.log" 2>&1 &
  pids+=($!)
  wait "${pids[-1]}" || { tail -n 20 "$work/mmdebstrap.log" >&2; rm -f "$base.tmp"; exit 1; }
  mv "$base.tmp" "$base"
  echo "boot-test: base root built in $((SECONDS - t)) s ($base)"
else
  echo "boot-test: base root $base (cached)"
fi

pass=0 fail=0
ok() { echo "  ok    $*"; pass=$((pass + 1)); }
bad() { echo "  FAIL  $*"; fail=$((fail + 1)); }

# prepare: a fresh root from the base with the package installed as the README says: the
# PIN set, the unit enabled; plus the test's own files.
prepare() {
  root=$work/root
  rm -rf "$root"
  mkdir -p "$root"
  tar -C "$root" -xf "$base"
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
  mkdir -p "$root/var/cache/boot-test"
  cp "$work/kiosk.deb" "$work/upgrade.deb" "$root/var/cache/boot-test/"
  in_root dpkg -i /var/cache/boot-test/kiosk.deb >"$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; exit 1; }
  echo 2468 | in_root office-kiosk set-pin /etc/office-kiosk/admin.pin >>"$work/install.log" 2>&1
  in_root chown kiosk:kiosk /etc/office-kiosk/admin.pin
  in_root systemctl enable office-kiosk.service >>"$work/install.log" 2>&1
  # What the container lacks (see each file).
  install -D -m 644 "$files/container.conf" "$root/etc/systemd/system/office-kiosk.service.d/container.conf"
  install -D -m 644 "$files/seatd.conf" "$root/etc/systemd/system/seatd.service.d/container.conf"
  install -D -m 644 "$files/boot-test-screen.service" "$root/etc/systemd/system/boot-test-screen.service"
  install -D -m 644 "$files/sway.conf" "$root/usr/local/lib/boot-test/sway.conf"
  install -D -m 755 "$files/checks.sh" "$root/usr/local/lib/boot-test/checks.sh"
  install -D -m 644 "$files/boot-test.service" "$root/etc/systemd/system/boot-test.service"
  in_root systemctl enable boot-test.service >>"$work/install.log" 2>&1
}

# boot NAME MODE [ARGUMENTS FOR SYSTEMD]: boots the root, prints the checks as they come.
boot() {
  local name=$1 mode=$2 out=$work/out-$1
  shift 2
  rm -rf "$out"
  mkdir -p "$out"
  echo "$mode" >"$out/mode"
  : >"$out/results"
  local t=$SECONDS
  # --private-network: the kiosk is offline, and its X11 socket (abstract, per network
  # namespace) cannot meet the host's. The unified cgroup hierarchy, as Debian 12 boots.
  SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 timeout --kill-after=10s 15m systemd-nspawn -b -D "$root" \
    --register=no --keep-unit --private-network --console=read-only \
    --bind="$out:/var/lib/boot-test" -- "$@" </dev/null >"$out/console.log" 2>&1 &
  local nspawn=$!
  pids+=($nspawn)
  tail -n +1 -F --pid="$nspawn" "$out/results" 2>/dev/null | grep --line-buffered -v '^done ' &
  local printer=$!
  local status=0
  wait "$nspawn" || status=$?
  wait "$printer" 2>/dev/null || true
  local counts
  counts=$(sed -n 's/^done //p' "$out/results")
  if [ -n "$counts" ]; then
    pass=$((pass + ${counts% *})) fail=$((fail + ${counts#* }))
  else
    bad "the $name boot ended before its checks did (nspawn status $status; see $out/console.log, $out/checks.log)"
  fi
  [ "$status" -eq 0 ] || bad "systemd-nspawn ended with status $status (124: over 15 minutes)"
  echo "   ($name boot: $((SECONDS - t)) s; journal in $out/journal.txt)"
}

# is_home IMAGE: the kiosk's Home: mostly its light page background, the white navigation
# panel and tiles, the primary blue, and text (many colours). The attract loop, the idle
# warning, an error and a black screen all fail this.
is_home() {
  local img=$1 cream white blue colours
  frac() { convert "$img" -alpha off -fuzz 3% -fill black +opaque "$1" -fill white -opaque "$1" -format '%[fx:mean]' info:; }
  cream=$(frac '#F6F4EF') white=$(frac '#FFFFFF') blue=$(frac '#0B4A8B')
  colours=$(convert "$img" -format %k info:)
  why="light page $cream, white $white, blue $blue, $colours colours"
  awk -v c="$cream" -v w="$white" -v b="$blue" -v n="$colours" \
    'BEGIN { exit !(c >= 0.25 && w >= 0.05 && b >= 0.003 && n >= 64) }'
}

echo "== boot 1: the installed kiosk ($(basename "$deb"), upgrade $up_version)"
prepare
boot kiosk kiosk
shot=$work/out-kiosk/home.png
if [ -s "$shot" ] && is_home "$shot"; then
  ok "the screenshot shows the kiosk's Home ($why): $shot"
else
  bad "the screenshot does not show Home (${why:-no screenshot}): $shot"
fi

echo "== boot 2: the way back in, with systemd.mask=office-kiosk.service"
prepare
boot mask mask systemd.mask=office-kiosk.service

echo "boot-test: $pass passed, $fail failed in $((SECONDS - started)) s"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
