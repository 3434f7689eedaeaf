#!/usr/bin/env bash
# Makes sure the card tests' PC/SC stack is installed: Debian's pcscd and the vpcd reader
# driver (vsmartcard-vpcd), which a virtual My Number card connects to. The tests start
# their own pcscd on a private socket (kakanai.benchmarks.smartcard_lab); nothing here
# starts or touches a system pcscd.
set -euo pipefail

PACKAGES=(pcscd libpcsclite1 vsmartcard-vpcd)

log() { echo "smartcard.sh: $*" >&2; }

command -v dpkg-query >/dev/null || {
  log "not a Debian system; install ${PACKAGES[*]} yourself"
  exit 0
}
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
log "installing Debian's ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
