#!/usr/bin/env bash
# Sets up everything that is missing, then starts kakanai on the sample city.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
exec "$ROOT/.venv/bin/kakanai" "$@"
