#!/usr/bin/env bash
# npm start: install, build the documentation site if its sources changed, and serve it.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
node website/build/build.mjs --if-needed
node website/build/serve.mjs --port 3000
