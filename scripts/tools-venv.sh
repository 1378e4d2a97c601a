#!/usr/bin/env bash
# Builds the virtualenv of the test run's Python tools (compliance-trestle, schemathesis) from
# scripts/requirements-tools.txt with a Python of 3.12 or newer, and prints its folder.
#
#   venv="$(scripts/tools-venv.sh)" && export PATH="$venv/bin:$PATH"
#
# The virtualenv is kept between runs ($SHINRAI_VENV, default ~/.cache/shinrai-venv) and built
# anew whenever the requirements file or the interpreter changes: a stamp inside it holds the
# SHA-256 of both. Python 3.11 is refused on purpose: Hypothesis (under schemathesis) crashes
# inside CPython 3.11's own parser ("AST constructor recursion depth mismatch").
#
# The interpreter is the first of: $SHINRAI_PYTHON; python3.12 and newer on the PATH; pyenv's
# 3.12 and newer (~/.pyenv/versions, or $PYENV_ROOT/versions).
set -euo pipefail
cd "$(dirname "$0")/.."

requirements="scripts/requirements-tools.txt"
venv="${SHINRAI_VENV:-$HOME/.cache/shinrai-venv}"

# Prints the interpreter's version as MAJOR.MINOR when it is 3.12 or newer, else fails.
recent_enough() {
  "$1" -c 'import sys; assert sys.version_info >= (3, 12); print("%d.%d" % sys.version_info[:2])' \
    2>/dev/null
}

find_python() {
  local candidate
  local -a candidates=()
  [ -n "${SHINRAI_PYTHON:-}" ] && candidates+=("$SHINRAI_PYTHON")
  for minor in 12 13 14 15; do
    candidate="$(command -v "python3.$minor" 2>/dev/null || true)"
    # pyenv's shims answer for versions that are not selected by failing; the check below skips them.
    [ -n "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3; do
    [ -x "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    if recent_enough "$candidate" >/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

python="$(find_python)" || {
  echo "tools-venv: no Python 3.12 or newer found (set SHINRAI_PYTHON, or install one with pyenv)" >&2
  exit 2
}
stamp="$({ sha256sum "$requirements"; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"

if [ "$(cat "$venv/.shinrai-stamp" 2>/dev/null || true)" != "$stamp" ]; then
  echo "tools-venv: building $venv with $("$python" --version) from $requirements" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2
  # Every tool at exactly its pinned version, and nothing broken among their dependencies.
  "$venv/bin/pip" check >&2
  echo "$stamp" >"$venv/.shinrai-stamp"
fi
echo "$venv"
