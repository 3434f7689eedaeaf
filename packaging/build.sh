#!/usr/bin/env bash
# Builds the one-folder kakanai app with PyInstaller (packaging/kakanai.spec) into
# dist/kakanai/ (or $1), with the IPAex and IPAmj fonts and their licences bundled.
# Needs the checkout's venv (bash scripts/setup.sh). Prints the folder and its size.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/dist}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kakanai-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || bash "$ROOT/scripts/setup.sh"

# The fonts a counter PC may lack, each with its licence (IPA Font License v1.0).
LICENCES="$WORK/licences"
mkdir -p "$LICENCES"
fonts=()
add_font() { # file name, licence file (may be gzipped), name of the licence in the bundle
  local font
  font="$(find /usr/share/fonts -name "$1" -print -quit 2>/dev/null || true)"
  if [ -z "$font" ]; then
    echo "build.sh: $1 not found (Debian: fonts-ipaexfont, fonts-ipamj-mincho); not bundled" >&2
    return
  fi
  fonts+=("$font")
  if [[ "$2" == *.gz ]]; then gzip -dc "$2" > "$LICENCES/$3"; else cp "$2" "$LICENCES/$3"; fi
  fonts+=("$LICENCES/$3")
}
add_font ipaexg.ttf /usr/share/doc/fonts-ipaexfont-gothic/copyright IPAexGothic-LICENSE.txt
add_font ipaexm.ttf /usr/share/doc/fonts-ipaexfont-mincho/copyright IPAexMincho-LICENSE.txt
add_font ipamjm.ttf /usr/share/doc/fonts-ipamj-mincho/IPA_Font_License_Agreement_v1.0.txt.gz \
  IPAmjMincho-LICENSE.txt
KAKANAI_FONTS="$(IFS=:; echo "${fonts[*]}")"
export KAKANAI_FONTS

# PyInstaller's cache and work files stay in the temporary folder, never in the home folder.
export PYINSTALLER_CONFIG_DIR="$WORK/config"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$WORK/work" --distpath "$OUT" "$ROOT/packaging/kakanai.spec"
echo "build.sh: $OUT/kakanai ($(du -sh "$OUT/kakanai" | cut -f1))"
