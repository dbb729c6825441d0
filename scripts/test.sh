#!/usr/bin/env bash
# Runs the whole test suite: unit, content, CLI, whole-app (egui_kittest) and snapshot tests.
# Snapshots render headless through Mesa's software Vulkan driver.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
# The software renderer wants a runtime directory; a fresh root shell has none.
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "${XDG_RUNTIME_DIR}" ]; then
  XDG_RUNTIME_DIR=$(mktemp -d)
  export XDG_RUNTIME_DIR
fi
cargo test "$@"
