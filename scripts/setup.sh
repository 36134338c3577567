# Sourced by start.sh and test.sh: installs the npm packages the lock file
# names when node_modules does not already hold them.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# `npm install`, not `npm ci`: the registry reachable here serves only the
# linux-x64 build of @swc/html's platform packages (@docusaurus/faster needs
# it), so the lock file cannot list the others, and `npm ci` refuses a lock
# file without them. With the lock file present, `npm install` still installs
# exactly the versions it names.
if ! node scripts/node-modules-in-sync.mjs; then
  echo "Installing npm packages (npm install, from package-lock.json)..."
  npm install --no-audit --no-fund
fi
# The patches of patches/ (npm's `prepare` applies them on install): applied
# again here, since a patch can change while the packages do not. Quiet when
# they are already applied; a patch that no longer applies stops the command.
node node_modules/patch-package/index.js --error-on-fail > /dev/null
