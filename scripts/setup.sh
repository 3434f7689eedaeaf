#!/usr/bin/env bash
# Installs what kakanai needs on Debian/Ubuntu (system packages, fonts, the Python venv).
# Safe to run again: it skips whatever is already in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# libzbar0: pyzbar; fonts-ipa*: Japanese glyphs in PDFs and Qt; poppler-utils: pdftoppm;
# libgl1 ... libdbus: what Qt's offscreen platform loads; libxcb-*: Qt's X11 (desktop)
# platform; libcups2: Qt's printer support; pcscd, libpcsclite1: IC card readers (the My
# Number card's 券面事項入力補助AP) through PC/SC.
APT_PACKAGES=(
  python3 python3-venv libzbar0 fonts-ipaexfont fonts-ipafont fonts-ipamj-mincho
  poppler-utils libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libcups2 pcscd libpcsclite1
)

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || echo "$pkg"
  done
}

install_apt_packages() {
  command -v dpkg-query >/dev/null || { echo "setup: not a Debian system; install ${APT_PACKAGES[*]} yourself" >&2; return; }
  local missing
  missing="$(missing_apt_packages | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return
  echo "setup: installing Debian packages: $missing"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

install_python_packages() {
  local python="${KAKANAI_PYTHON:-python3}"
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  local stamp="$VENV/.kakanai-lock.sha256"
  local want
  want="$(sha256sum "$ROOT/requirements.lock" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  echo "setup: installing Python packages from requirements.lock"
  "$VENV/bin/python" -m pip install -q --upgrade pip uv
  # Bytecode compiled at install time: the app starts in about a second even where
  # PYTHONDONTWRITEBYTECODE keeps Python from caching it on first use.
  "$VENV/bin/uv" pip install -q --compile-bytecode --python "$VENV/bin/python" -r "$ROOT/requirements.lock"
  "$VENV/bin/uv" pip install -q --python "$VENV/bin/python" --no-deps -e "$ROOT"
  echo "$want" > "$stamp"
}

compile_sources() {
  "$VENV/bin/python" -m compileall -q "$ROOT/src" >/dev/null
}

install_apt_packages
install_python_packages
compile_sources
