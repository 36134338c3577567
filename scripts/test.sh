#!/usr/bin/env bash
# npm test: install what the tests need, then run the whole suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

echo "== Debian packages for the browser tests"
bash scripts/system-deps.sh

echo "== Python environment for the notebook tests (.venv: JupyterLab, Notebook 7, nbclient)"
source scripts/python-env.sh jupyter

echo "== build (dist/, as the package is published)"
npm run --silent build

echo "== type-check src, test and the site (tsc --noEmit)"
npm run --silent typecheck

echo "== documentation site (build/, skipped when built from the same sources)"
node scripts/site/build.mjs --if-needed

echo "== vitest: unit, property, doc-example, snippet, notebook and browser tests"
npx vitest run "$@"
