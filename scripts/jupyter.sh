#!/usr/bin/env bash
# npm run jupyter: Jupyter Notebook at the project's root, on the project's
# tslab kernel. The root is served so that figures load plotly.js from
# /files/node_modules/plotly.js-dist-min, offline.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
npm run --silent build
node scripts/jupyter-kernel.mjs
JUPYTER_PATH="$PWD/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}" exec jupyter notebook --notebook-dir="$PWD" "$@"
