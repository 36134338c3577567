#!/usr/bin/env bash
# npm start: install, build, and run the spec's usage example with the built package.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
npm run --silent build
node scripts/spec-usage.mjs
