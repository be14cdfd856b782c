#!/usr/bin/env bash
# Install the outside tools that the test suite drives, where this machine lets us.
# Debian packages need root; without it we say what is missing and the tests that need
# a tool report it (CI sets TEIKIT_REQUIRE_TOOLS=1, which turns a missing tool into a failure).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v jing >/dev/null 2>&1 || need+=(jing)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
command -v epubcheck >/dev/null 2>&1 || need+=(epubcheck)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "note: missing ${need[*]}; install them (Debian: apt-get install ${need[*]})" >&2
  fi
fi

if [ -f tests/js/package.json ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd tests/js && npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null)
  else
    echo "note: npm is missing; the CSL-JSON check needs Node.js and npm" >&2
  fi
fi
