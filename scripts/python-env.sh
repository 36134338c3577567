#!/usr/bin/env bash
# Sourced or run: makes the project's Python environment, .venv/ (gitignored),
# and installs python/requirements-<name>.txt for each name given (default:
# jupyter). pip, no root, nothing global; a file already installed at the same
# content is skipped. Exports LEAKY_RELU_PYTHON, the venv's python.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv="$PWD/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# Node reads a .js file's module type from the nearest package.json, which for
# files in .venv is the project's ("type": "module"). JupyterLab runs its
# bundled CommonJS yarn.js (jupyter_builder) with Node at start-up, which then
# fails with "Dynamic require of util is not supported" and prints the whole
# bundle. This file makes everything under .venv CommonJS again.
[ -f "$venv/package.json" ] || echo '{ "type": "commonjs" }' > "$venv/package.json"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(jupyter)
for name in "${names[@]}"; do
  requirements="python/requirements-$name.txt"
  [ -f "$requirements" ] || { echo "No such requirements file: $requirements" >&2; exit 2; }
  stamp="$venv/.installed-$name"
  digest=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    echo "Installing $requirements into .venv (pip)..."
    # --retries 0: where only a local wheel index answers, the default index
    # fails at once instead of after five retries per package.
    "$venv/bin/pip" install --quiet --retries 0 --requirement "$requirements"
    echo "$digest" > "$stamp"
  fi
done
export LEAKY_RELU_PYTHON="$venv/bin/python"
