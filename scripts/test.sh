#!/usr/bin/env bash
# Set up a virtual environment (once) and run the test suite: the README's test command.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k terms -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${SUMMARYLINT_VENV:-.venv}
PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
"$VENV/bin/python" -m ruff check src tests benchmarks scripts
exec "$VENV/bin/python" -m pytest "$@"
