#!/usr/bin/env bash
# npm run notebooks [-- paths]: execute every notebooks/*.ipynb (or the given
# ones) on the project's tslab kernel and write the outputs back.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bash scripts/system-deps.sh
npm run --silent build
node scripts/jupyter-kernel.mjs
shopt -s nullglob
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/*.ipynb)
/usr/bin/python3 scripts/run-notebooks.py "${notebooks[@]}"
