#!/usr/bin/env bash
# Install the system programs that some tests drive, when they are absent (Debian packages):
# - Chromium and its WebDriver: the HTML report's browser test (tests/report/test_html.py);
# - LibreOffice Writer (headless) and poppler-utils: converting annotated .docx files to
#   PDF and PNG (tests/write, scripts/screenshots.py);
# - one small CJK font when the system has none, so rendered pages show Chinese.
# .ci/run calls this script before the tests.  Needs root or sudo, and apt-get.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  packages+=(fonts-wqy-microhei)
fi

if [ ${#packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps.sh: apt-get not found; install ${packages[*]} by other means" >&2
    exit 1
  fi
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "install_system_deps.sh: need root or sudo to install ${packages[*]}" >&2
      exit 1
    fi
    SUDO=(sudo)
  fi
  echo "install_system_deps.sh: installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
echo "install_system_deps.sh: $(/usr/bin/chromium --version 2>/dev/null); $(soffice --version 2>/dev/null | head -1)"
