# Sourced by start.sh and test.sh: installs the npm packages the lock file
# names (`npm ci`) when node_modules does not already hold them.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
if ! node scripts/node-modules-in-sync.mjs; then
  echo "Installing npm packages (npm ci, from package-lock.json)..."
  npm ci --no-audit --no-fund
fi
# The patches of patches/, for the documentation site's dependencies. They are
# applied here, where the site is set up, and not by an npm lifecycle script,
# which would run in every install of the published package. Quiet when they
# are already applied; a patch that no longer applies stops the command.
node node_modules/patch-package/index.js --error-on-fail > /dev/null
