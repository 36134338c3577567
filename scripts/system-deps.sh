#!/usr/bin/env bash
# The Debian packages the tests run on, installed the way Playwright's
# install-deps does: as root, or through passwordless sudo, without asking.
# Elsewhere it stops with the one command to run. (JupyterLab, Notebook 7 and
# nbclient come from pip, in .venv: scripts/python-env.sh.)
#
#   bash scripts/system-deps.sh [--check] [--notebook6]
#
# The default suite needs Chromium (browser tests) and Python's venv (the
# .venv). --notebook6 adds Debian's Notebook 6 for the opt-in suite
# (`npm run test:notebook6`): end of life and only in Debian, it pulls about
# 230 more packages (210 MB) into a fresh Debian 12. --check installs nothing.
# LEAKY_RELU_SKIP_SYSTEM_TESTS=1 installs nothing either, and exits 0: the
# tests that need the packages are skipped.
check_only=0
packages=(chromium python3-venv)
for argument in "$@"; do
  case "$argument" in
    --check) check_only=1 ;;
    --notebook6) packages+=(jupyter-notebook) ;;
    *) echo "usage: bash scripts/system-deps.sh [--check] [--notebook6]" >&2; exit 2 ;;
  esac
done

installed() {
  case "$1" in
    chromium) [ -x /usr/bin/chromium ] ;;
    python3-venv) python3 -c 'import ensurepip, venv' 2>/dev/null ;;
    jupyter-notebook) [ -x /usr/bin/jupyter-notebook ] ;;
  esac
}
missing() {
  for package in "${packages[@]}"; do installed "$package" || echo "$package"; done
}
mapfile -t absent < <(missing)
[ ${#absent[@]} -eq 0 ] && exit 0

echo "Missing Debian packages for the notebook and browser tests: ${absent[*]}" >&2
if [ "${LEAKY_RELU_SKIP_SYSTEM_TESTS:-}" = 1 ]; then
  echo "LEAKY_RELU_SKIP_SYSTEM_TESTS=1: those tests are skipped." >&2
  exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ] && command -v sudo > /dev/null && sudo -n true 2> /dev/null; then as_root=(sudo -n); fi
if [ "$check_only" = 1 ] || ! command -v apt-get > /dev/null || { [ "$(id -u)" != 0 ] && [ ${#as_root[@]} -eq 0 ]; }; then
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${absent[*]}" >&2
  echo "(or set LEAKY_RELU_SKIP_SYSTEM_TESTS=1 to skip those tests)" >&2
  exit 1
fi

echo "Installing them: apt-get install -y ${absent[*]}" >&2
apt_get() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
# Package lists are refreshed when apt does not know a package yet (a fresh
# image has none), and once more when an install fails on stale lists.
if ! apt-cache show "${absent[@]}" > /dev/null 2>&1; then apt_get update -q; fi
apt_get install -y -q "${absent[@]}" || { apt_get update -q && apt_get install -y -q "${absent[@]}"; }
mapfile -t absent < <(missing)
if [ ${#absent[@]} -gt 0 ]; then
  echo "Still missing after apt-get install: ${absent[*]}" >&2
  exit 1
fi
