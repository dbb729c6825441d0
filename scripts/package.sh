#!/usr/bin/env bash
# Builds the Debian package target/debian/office-kiosk_<version>_amd64.deb with cargo-deb
# (installed with `cargo install --locked cargo-deb` if missing) and prints its path on the
# last line. The package's metadata is [package.metadata.deb] in Cargo.toml; its maintainer
# scripts and copyright are in debian/, the unit and desktop files in deploy/.
#   scripts/package.sh [--no-build] [--deb-version VERSION] [--lintian]
#     --no-build        package the release binary already built
#     --deb-version V   the package's version instead of Cargo.toml's (upgrade tests)
#     --lintian         also run lintian (installed if missing) and fail on its errors
# Uses $CARGO_TARGET_DIR when set; the .deb always goes to target/debian/ in the project.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 version= lint=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build= ;;
    --deb-version) version=$2; shift ;;
    --lintian) lint=1 ;;
    *) echo "usage: $0 [--no-build] [--deb-version VERSION] [--lintian]" >&2; exit 2 ;;
  esac
  shift
done

apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@" >&2 ||
    { $sudo apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@" >&2; }
}

if ! cargo deb --version >/dev/null 2>&1; then
  echo "package: installing cargo-deb" >&2
  cargo install --locked cargo-deb >&2
fi
# dpkg-shlibdeps ($auto in Depends) comes with dpkg-dev.
command -v dpkg-shlibdeps >/dev/null || apt_install dpkg-dev

target=${CARGO_TARGET_DIR:-target}
if [ -n "$build" ]; then
  cargo build --release --locked >&2
fi
bin="$target/release/office-kiosk"
[ -x "$bin" ] || { echo "package: no release binary at $bin (run without --no-build)" >&2; exit 1; }
# cargo-deb takes the binary from target/release/ (the assets say so); with another target
# dir, link it in.
if [ "$(realpath -m "$target")" != "$(realpath -m target)" ]; then
  mkdir -p target/release
  ln -sf "$(realpath "$bin")" target/release/office-kiosk
fi

args=(--no-build --output target/debian/)
[ -n "$version" ] && args+=(--deb-version "$version")
out=$(CARGO_TARGET_DIR=target cargo deb "${args[@]}" | tail -n 1)
deb=$(realpath "$out")
# cargo-deb names it NAME_VERSION-REVISION_ARCH.deb; check it is the kind of file we expect.
case "$deb" in
  */target/debian/office-kiosk_*_amd64.deb) ;;
  *) echo "package: unexpected cargo-deb output: $out" >&2; exit 1 ;;
esac
dpkg-deb --info "$deb" >&2

if [ -n "$lint" ]; then
  command -v lintian >/dev/null || apt_install lintian
  # Errors fail the build; warnings are printed (see README for those that stay and why).
  lintian --no-tag-display-limit --display-info "$deb" >&2 || true
  if lintian --fail-on error "$deb" >/dev/null 2>&1; then
    echo "package: lintian reports no errors" >&2
  else
    echo "package: lintian reports errors" >&2
    exit 1
  fi
fi
echo "$deb"
