#!/usr/bin/env bash
# Gathers every wheel kakanai needs, for Windows (win_amd64) and Linux (manylinux x86_64) and
# one Python version, into one folder, so that a PC without internet installs kakanai with
#   python -m pip install --no-index --find-links WHEELHOUSE kakanai
# Usage: bash packaging/wheelhouse.sh [OUT] (default dist/wheelhouse). Python version:
# KAKANAI_WHEELHOUSE_PYTHON (default 3.11). Needs PyPI; versions are requirements.lock's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/dist/wheelhouse}"
PYVER="${KAKANAI_WHEELHOUSE_PYTHON:-3.11}"
ABI="cp${PYVER/./}"
V="$ROOT/.venv/bin"
[ -x "$V/python" ] || bash "$ROOT/scripts/setup.sh"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kakanai-wheelhouse.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# kakanai itself, with its shipped content (packaging/wheel_content.py).
rm -rf "$ROOT/build"
"$V/uv" build --wheel --no-build-isolation -q --python "$V/python" -o "$OUT" "$ROOT"

# The runtime dependencies only (no dev tools), resolved for each platform at the lock's
# versions: pip download would judge environment markers by this machine, not the target.
download() { # uv platform name, then pip --platform tags
  local uv_platform="$1"; shift
  local pins="$WORK/$uv_platform.txt" platforms=()
  "$V/uv" pip compile -q "$ROOT/pyproject.toml" --python-version "$PYVER" \
    --python-platform "$uv_platform" -c "$ROOT/requirements.lock" --no-header -o "$pins"
  for tag in "$@"; do platforms+=(--platform "$tag"); done
  "$V/python" -m pip download -q --no-deps --only-binary=:all: --dest "$OUT" \
    --python-version "$PYVER" --implementation cp --abi "$ABI" --abi abi3 --abi none \
    "${platforms[@]}" -r "$pins"
}
download windows win_amd64
# manylinux tags up to glibc 2.36 (Debian 12); pure-Python wheels serve both platforms.
linux_tags=(manylinux2014_x86_64 linux_x86_64)
for minor in $(seq 5 36); do linux_tags+=("manylinux_2_${minor}_x86_64"); done
linux_tags+=(manylinux1_x86_64 manylinux2010_x86_64)
download x86_64-manylinux_2_36 "${linux_tags[@]}"

echo "wheelhouse.sh: $OUT ($(find "$OUT" -name '*.whl' | wc -l) wheels, $(du -sh "$OUT" | cut -f1))"
