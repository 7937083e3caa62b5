#!/usr/bin/env bash
# Run every test, on a fresh machine too: installs the Python packages into .venv and, when missing, the
# Debian packages the tests drive: chromium (browser tests), poppler-utils (pdftotext and pdftoppm read back
# printed pages) and zbar-tools (zbarimg decodes printed QR codes). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
# Two workers (pytest-xdist), each with its own build, server and Chromium; tests marked with one xdist_group
# stay together. `bash tests/run.sh -n 0 ...` runs in one process.
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
