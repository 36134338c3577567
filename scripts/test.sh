#!/usr/bin/env bash
# npm test: install what the tests need, then run the whole suite.
# `npm run test:notebook6` (--notebook6): the opt-in suite instead, the one
# test on Debian's Jupyter Notebook 6, which the default suite leaves out.
set -euo pipefail
notebook6=()
if [ "${1:-}" = --notebook6 ]; then notebook6=(--notebook6); shift; fi
source "$(dirname "$0")/setup.sh"

echo "== Debian packages for the browser and notebook tests (installed when missing, as root or with sudo)"
bash scripts/system-deps.sh "${notebook6[@]}"

echo "== Python environment for the notebook tests (.venv: JupyterLab, Notebook 7, nbclient)"
source scripts/python-env.sh jupyter

echo "== build (dist/, as the package is published)"
npm run --silent build

if [ ${#notebook6[@]} -gt 0 ]; then
  echo "== vitest: Notebook 6"
  LEAKY_RELU_NOTEBOOK6=1 npx vitest run test/notebooks/notebook6-browser.test.ts "$@"
  exit
fi

echo "== type-check src, test and the site (tsc --noEmit)"
npm run --silent typecheck

echo "== lint (ESLint with typescript-eslint: floating promises, unused values, any leaking out)"
npm run --silent lint

echo "== documentation site (build/, skipped when built from the same sources)"
node website/build/build.mjs --if-needed

echo "== vitest: unit, property, doc-example, snippet, notebook, browser and packaging tests"
npx vitest run "$@"
