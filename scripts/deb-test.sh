#!/usr/bin/env bash
# Installs the Debian package into a throw-away Debian 12 root (mmdebstrap, then chroot) and
# checks each step of its life: install (files, the kiosk user, the unit disabled and not
# started, the starter content in /var/lib/office-kiosk owned by the kiosk), the office's edits, an upgrade to a
# newer version and a reinstall (edits and PIN kept), remove (kept) and purge (gone).
# Exits non-zero if any check fails; prints every check.
#   scripts/deb-test.sh [DEB]   (default: build it with scripts/package.sh)
# Needs root (chroot). The base root, with the package's dependencies already installed, is
# cached as target/deb-test/base-*.tar (its name holds a hash of the Depends line).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "deb-test: run as root (it uses chroot)" >&2; exit 2; }

work=target/deb-test
mkdir -p "$work"
deb=${1:-}
if [ -z "$deb" ]; then
  deb=$(scripts/package.sh | tail -n 1)
fi
# Kept aside: cargo-deb may clear target/debian/ when it builds the upgrade package.
cp "$deb" "$work/"
deb=$(realpath "$work/$(basename "$deb")")
version=$(dpkg-deb -f "$deb" Version)
# The upgrade: the same package with a higher version.
up_version="${version%-*}+upgrade-${version##*-}"
up_deb=$(scripts/package.sh --no-build --deb-version "$up_version" | tail -n 1)
[ "$(basename "$up_deb")" != "$(basename "$deb")" ] || { echo "deb-test: the upgrade package has the same name" >&2; exit 1; }
cp "$up_deb" "$work/"
rm -f "$up_deb"
up_deb=$(realpath "$work/$(basename "$up_deb")")
cp "$deb" target/debian/   # leave target/debian/ as package.sh left it

command -v mmdebstrap >/dev/null || {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap >&2
}

# The package's dependencies, without $auto's version constraints or alternatives.
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/ //g' | grep . | sort -u | paste -sd, -)
base="$work/base-$(echo "$deps" | sha256sum | cut -c1-12).tar"
if [ ! -f "$base" ]; then
  echo "deb-test: building the Debian 12 base root with: $deps (a few minutes, once)"
  mmdebstrap --format=tar --variant=minbase --include="systemd,$deps" bookworm "$base.tmp" \
    http://deb.debian.org/debian >"$work/mmdebstrap.log" 2>&1 ||
    { tail -20 "$work/mmdebstrap.log" >&2; exit 1; }
  mv "$base.tmp" "$base"
fi

root="$work/root"
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
cleanup() { rm -rf "$root"; }
trap cleanup EXIT

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
pass=0 fail=0
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then
    echo "  ok    $what"; pass=$((pass + 1))
  else
    echo "  FAIL  $what"; fail=$((fail + 1))
  fi
}
no() { ! "$@"; }
exists() { [ -e "$root$1" ]; }
same() { cmp -s "$root$1" "$2"; }
owner_is() { [ "$(in_root stat -c %U "$2")" = "$1" ]; }
unit_state() { [ "$(in_root systemctl is-enabled office-kiosk.service 2>/dev/null)" = "$1" ]; }
pkg_status() { [ "$(in_root dpkg-query -W -f '${db:Status-Abbrev}' office-kiosk 2>/dev/null | tr -d ' ')" = "$1" ]; }
user_in() { in_root id -nG kiosk | tr ' ' '\n' | grep -qx "$1"; }
sum() { sha256sum "$root$1" | cut -d' ' -f1; }

cp "$deb" "$up_deb" "$root/tmp/"
pkg=/tmp/$(basename "$deb")
up_pkg=/tmp/$(basename "$up_deb")

echo "== install $(basename "$deb")"
in_root dpkg -i "$pkg" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
check "installed" pkg_status ii
for f in /usr/bin/office-kiosk /lib/systemd/system/office-kiosk.service /usr/libexec/office-kiosk/session \
  /usr/share/applications/office-kiosk.desktop /usr/share/applications/office-kiosk-present.desktop \
  /usr/share/icons/hicolor/scalable/apps/office-kiosk.svg \
  /usr/share/office-kiosk/content/content.ron /usr/share/office-kiosk/content/README.md \
  /usr/share/office-kiosk/content/images/belize-map.png \
  /usr/share/doc/office-kiosk/copyright /usr/share/doc/office-kiosk/changelog.Debian.gz; do
  check "file $f" exists "$f"
done
check "the starter content is the Belize content" same /usr/share/office-kiosk/content/content.ron content/belize.ron
check "the binary runs: office-kiosk --version" in_root office-kiosk --version
check "user kiosk exists" in_root getent passwd kiosk
check "user kiosk is a system user (uid < 1000)" test "$(in_root id -u kiosk)" -lt 1000
check "kiosk's home is /var/lib/office-kiosk" test "$(in_root getent passwd kiosk | cut -d: -f6)" = /var/lib/office-kiosk
check "/var/lib/office-kiosk is owned by kiosk" owner_is kiosk /var/lib/office-kiosk
for g in video input render; do check "kiosk is in group $g" user_in "$g"; done
check "the unit is disabled" unit_state disabled
check "the postinst starts nothing" no grep -Eq 'deb-systemd-invoke (start|restart)|systemctl (start|restart)' "$root/var/lib/dpkg/info/office-kiosk.postinst"
check "no office-kiosk process runs" no pgrep -f "$root/usr/bin/office-kiosk"
check "/var/lib/office-kiosk/content/content.ron is the starter" same /var/lib/office-kiosk/content/content.ron content/belize.ron
check "/var/lib/office-kiosk/content/images/belize-map.png" exists /var/lib/office-kiosk/content/images/belize-map.png
check "/var/lib/office-kiosk/content/README.md (authoring guide)" same /var/lib/office-kiosk/content/README.md content/README.md
check "the starter content checks valid: office-kiosk check" in_root office-kiosk check /var/lib/office-kiosk/content/content.ron
check "the kiosk user can read the content" in_root setpriv --reuid kiosk --regid kiosk --init-groups cat /var/lib/office-kiosk/content/content.ron
check "the content belongs to the kiosk user (updates from a stick are installed there)" owner_is kiosk /var/lib/office-kiosk/content/content.ron

echo "== the office edits its content and sets a PIN"
sed -i '1i // edited by the office' "$root/var/lib/office-kiosk/content/content.ron"
echo 2468 | in_root office-kiosk set-pin /etc/office-kiosk/admin.pin >/dev/null 2>&1
in_root chown kiosk:kiosk /etc/office-kiosk/admin.pin
echo "remembered" >"$root/var/lib/office-kiosk/state-file"
# What systemd's StateDirectory= and LogsDirectory= would have made and the kiosk written.
mkdir -p "$root/var/log/office-kiosk" && echo "a log line" >"$root/var/log/office-kiosk/office-kiosk.log"
content_sum=$(sum /var/lib/office-kiosk/content/content.ron)
pin_sum=$(sum /etc/office-kiosk/admin.pin)
check "the edited content still checks valid" in_root office-kiosk check /var/lib/office-kiosk/content/content.ron
kept() {
  check "edited content kept" test "$(sum /var/lib/office-kiosk/content/content.ron)" = "$content_sum"
  check "PIN file kept" test "$(sum /etc/office-kiosk/admin.pin)" = "$pin_sum"
  check "PIN file still owned by kiosk" owner_is kiosk /etc/office-kiosk/admin.pin
  check "state kept" exists /var/lib/office-kiosk/state-file
  check "logs kept" exists /var/log/office-kiosk/office-kiosk.log
}

echo "== upgrade to $up_version"
in_root dpkg -i "$up_pkg" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; exit 1; }
check "upgraded to $up_version" test "$(in_root dpkg-query -W -f '${Version}' office-kiosk)" = "$up_version"
kept
check "the unit is still disabled" unit_state disabled
check "user kiosk still exists" in_root getent passwd kiosk

echo "== reinstall $up_version over itself"
in_root dpkg -i "$up_pkg" >"$work/reinstall.log" 2>&1 || { cat "$work/reinstall.log"; exit 1; }
kept

echo "== an enabled unit stays enabled across an upgrade"
in_root systemctl enable office-kiosk.service >/dev/null 2>&1
check "enabled by the administrator" unit_state enabled
in_root dpkg -i "$pkg" >"$work/downgrade.log" 2>&1 || { cat "$work/downgrade.log"; exit 1; }
check "still enabled after installing $version over it" unit_state enabled
kept

echo "== remove"
in_root dpkg -r office-kiosk >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; exit 1; }
check "removed, configuration left (rc)" pkg_status rc
check "binary gone" no exists /usr/bin/office-kiosk
check "unit file gone" no exists /lib/systemd/system/office-kiosk.service
check "starter content gone" no exists /usr/share/office-kiosk
kept
check "the unit is no longer enabled" no exists /etc/systemd/system/graphical.target.wants/office-kiosk.service

echo "== purge"
in_root dpkg -P office-kiosk >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; exit 1; }
check "purged: dpkg no longer lists its files" no exists /var/lib/dpkg/info/office-kiosk.list
check "/etc/office-kiosk gone" no exists /etc/office-kiosk
check "/var/lib/office-kiosk gone" no exists /var/lib/office-kiosk
check "/var/log/office-kiosk gone" no exists /var/log/office-kiosk
check "systemd's record of the unit gone" no exists /var/lib/systemd/deb-systemd-helper-enabled/office-kiosk.service.dsh-also
check "user kiosk kept (Debian keeps system users)" in_root getent passwd kiosk

echo "== reinstall after purge: the starter content comes back"
in_root dpkg -i "$pkg" >"$work/fresh.log" 2>&1 || { cat "$work/fresh.log"; exit 1; }
check "/var/lib/office-kiosk/content/content.ron is the starter again" same /var/lib/office-kiosk/content/content.ron content/belize.ron
check "no PIN file" no exists /etc/office-kiosk/admin.pin

echo "deb-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
