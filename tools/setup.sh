#!/usr/bin/env bash
# One-step setup (called by `make setup`): system packages via apt when possible, the project venv in .venv,
# and the package installed in editable mode with its dev extras. Safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "setup: $PY is missing or older than Python 3.10; install Python 3.11 (apt-get install python3) or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi

# System packages: Tesseract with Japanese (horizontal + vertical) is the OCR judge; IPA Gothic is a fallback font, and IPA
# Mincho + Gothic are the other fonts of the held-out page renderer (02b_heldout);
# Chromium runs the docs preview's browser check (tools/test_docs.py, driven by pip playwright: no browser download);
# python3-venv is needed to create the venv on Debian/Ubuntu.
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
langs=$(tesseract --list-langs 2>/dev/null || true)
grep -qx jpn <<<"$langs" || missing+=(tesseract-ocr-jpn)
grep -qx jpn_vert <<<"$langs" || missing+=(tesseract-ocr-jpn-vert)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
[ -f /usr/share/fonts/opentype/ipafont-mincho/ipam.ttf ] || missing+=(fonts-ipafont-mincho)
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
{ [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; } || missing+=(chromium)
venv_ok=1; "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1 || { venv_ok=0; missing+=(python3-venv); }

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && SUDO="sudo"; } || true
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; }; then
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: cannot install system packages here (no apt-get, or not root and no passwordless sudo)." >&2
    echo "setup: missing: ${missing[*]}" >&2
    echo "setup: install them with:  sudo apt-get install -y ${missing[*]}" >&2
    echo "setup: (tesseract is needed only for OCR evaluation, chromium only for the docs browser check; everything else works without them)" >&2
    [ "$venv_ok" = 1 ] || exit 1
  fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"   # the exact versions CI uses; setup.py holds ranges
echo "setup: ready (.venv, $(.venv/bin/python --version))"
