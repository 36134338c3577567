#!/usr/bin/env bash
# npm test: install what the tests need, then run the whole suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

echo "== Debian packages for the notebook and browser tests"
bash scripts/system-deps.sh

echo "== build (dist/, as the package is published)"
npm run --silent build

echo "== type-check src and test (tsc --noEmit)"
npm run --silent typecheck

echo "== vitest: unit, property, doc-example, snippet, notebook and browser tests"
npx vitest run "$@"
