#!/usr/bin/env bash
# npm run lab / npm run notebook: JupyterLab 4 or Notebook 7 from .venv, with
# the project's two kernels, "TypeScript" (tslab) and "TypeScript (Deno)",
# opened on notebooks/.
#   bash scripts/jupyter.sh lab|notebook [jupyter options...]
# The server's root is the project's root, not notebooks/, so that figures
# load plotly.js from <base URL>/files/node_modules/plotly.js-dist-min, offline;
# the page opens on notebooks/ through the front end's default URL.
set -euo pipefail
front_end=${1:-}
case "$front_end" in
  lab) app=LabApp default_url=/lab/tree/notebooks ;;
  notebook) app=JupyterNotebookApp default_url=/tree/notebooks ;;
  *) echo "usage: bash scripts/jupyter.sh lab|notebook [jupyter options...]" >&2; exit 2 ;;
esac
shift
source "$(dirname "$0")/setup.sh"
source scripts/python-env.sh jupyter
npm run --silent build
node scripts/jupyter-kernel.mjs
export JUPYTER_PATH="$PWD/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec "$PWD/.venv/bin/jupyter" "$front_end" --ServerApp.root_dir="$PWD" --"$app".default_url="$default_url" "$@"
