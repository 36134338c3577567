#!/usr/bin/env bash
# Checks the Debian packages the browser tests run on: Chromium, and Jupyter
# Notebook 6 for the one test that still drives it. (JupyterLab, Notebook 7 and
# nbclient come from pip, in .venv: scripts/python-env.sh.) Exits 1 with the
# install command when one is missing, unless LEAKY_RELU_SKIP_SYSTEM_TESTS=1.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/jupyter-notebook ] || missing+=(jupyter-notebook)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing Debian packages for the notebook and browser tests: ${missing[*]}" >&2
if [ "${LEAKY_RELU_SKIP_SYSTEM_TESTS:-}" = 1 ]; then
  echo "LEAKY_RELU_SKIP_SYSTEM_TESTS=1: those tests are skipped." >&2
  exit 0
fi
echo "Install them with: apt-get install -y ${missing[*]}" >&2
echo "(or set LEAKY_RELU_SKIP_SYSTEM_TESTS=1 to skip those tests)" >&2
exit 1
