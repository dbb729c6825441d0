#!/usr/bin/env bash
# Installs the Debian packages office-kiosk needs, if any are missing.
#   scripts/deps.sh run    what the kiosk needs to open its window (OpenGL, X11/Wayland)
#   scripts/deps.sh test   that, plus what the tests need: a software Vulkan driver for the
#                          headless snapshot renderer, and Xvfb and tools for the real-window test
set -euo pipefail
run_pkgs=(libgl1 libegl1 libgl1-mesa-dri libegl-mesa0 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libwayland-client0 libwayland-egl1 fonts-dejavu-core)
test_pkgs=(mesa-vulkan-drivers libvulkan1 xvfb xauth x11-utils x11-apps xdotool imagemagick procps bc zbar-tools)
case "${1:-test}" in
  run) pkgs=("${run_pkgs[@]}") ;;
  test) pkgs=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
