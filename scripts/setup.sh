# Sourced by start.sh and test.sh: installs the npm packages the lock file
# names when node_modules does not already hold them.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
if ! node scripts/node-modules-in-sync.mjs; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund
fi
