#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver when they are absent, plus one small CJK
# font when the system has none (so that screenshots of the HTML report show Chinese
# instead of boxes; the DOM checks do not need it).
# The HTML report's browser test (tests/report/test_html.py) loads the page in headless
# Chromium; .ci/run calls this script before the tests.  Needs root or sudo, and apt-get.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  packages+=(fonts-wqy-microhei)
fi

if [ ${#packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium.sh: apt-get not found; install ${packages[*]} by other means" >&2
    exit 1
  fi
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "install_chromium.sh: need root or sudo to install ${packages[*]}" >&2
      exit 1
    fi
    SUDO=(sudo)
  fi
  echo "install_chromium.sh: installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
echo "install_chromium.sh: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
