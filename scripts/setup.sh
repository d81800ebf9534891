#!/usr/bin/env bash
# Installs what building and testing need, only where missing: Debian's Chromium, Firefox ESR and
# a CJK font (as root, via apt), then the exact npm dependencies from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# Firefox ESR for the Firefox e2e suite; without recommends (no extra desktop packages).
lean=()
command -v firefox-esr >/dev/null 2>&1 || lean+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]} ${lean[*]} from Debian"
    apt-get update -qq
    if [ ${#missing[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if [ ${#lean[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
    fi
  else
    [ ${#missing[@]} -gt 0 ] && echo "setup: please install ${missing[*]} (sudo apt-get install -y ${missing[*]})" >&2
    [ ${#lean[@]} -gt 0 ] && echo "setup: please install ${lean[*]} (sudo apt-get install -y --no-install-recommends ${lean[*]})" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
