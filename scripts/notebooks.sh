#!/usr/bin/env bash
# npm run notebooks [-- paths]: execute every notebooks/*.ipynb (or the given
# ones) on the project's tslab kernel and on Deno's, with nbclient from .venv,
# fail where they differ unlisted (notebooks/kernel-differences.json), and
# write tslab's outputs back. Chromium renders each figure's static picture.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source scripts/python-env.sh jupyter
bash scripts/system-deps.sh
npm run --silent build
node scripts/jupyter-kernel.mjs
shopt -s nullglob
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/*.ipynb)
"$LEAKY_RELU_PYTHON" scripts/run-notebooks.py "${notebooks[@]}"
