#!/usr/bin/env bash
# Sets up everything, then runs the whole quality gate: format, lint, types, layers, tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# The store tests run against SQLite and a real PostgreSQL server on loopback.
KAKANAI_TEST_POSTGRES_URL="${KAKANAI_TEST_POSTGRES_URL:-$(bash scripts/postgres.sh)}"
export KAKANAI_TEST_POSTGRES_URL
# The card tests run a private pcscd with the vpcd reader driver and a virtual card.
bash scripts/smartcard.sh
export QT_QPA_PLATFORM=offscreen
V="$ROOT/.venv/bin"
echo "== ruff format"; "$V/ruff" format --check src tests scripts packaging
echo "== ruff check";  "$V/ruff" check src tests scripts packaging
echo "== mypy";        "$V/mypy"
echo "== import contracts"; "$V/lint-imports"
echo "== kakanai check (questionnaires, form templates)"; "$V/kakanai" check
echo "== pytest";      "$V/pytest" -q -p no:cacheprovider "$@"
