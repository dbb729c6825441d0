#!/usr/bin/env bash
# Runs the kiosk with the embedded Belize content (extra arguments are passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
exec cargo run --release -- "$@"
