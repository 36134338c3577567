#!/usr/bin/env bash
# Checks the Debian packages the notebook and browser tests run on: Jupyter
# Notebook 6, nbclient (with /usr/bin/python3) and Chromium. Exits 1 with the
# install command when one is missing, unless LEAKY_RELU_SKIP_SYSTEM_TESTS=1.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/jupyter-notebook ] || missing+=(jupyter-notebook)
/usr/bin/python3 -c 'import nbclient' 2>/dev/null || missing+=(python3-nbclient)
/usr/bin/python3 -c 'import nbconvert' 2>/dev/null || missing+=(python3-nbconvert)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing Debian packages for the notebook and browser tests: ${missing[*]}" >&2
if [ "${LEAKY_RELU_SKIP_SYSTEM_TESTS:-}" = 1 ]; then
  echo "LEAKY_RELU_SKIP_SYSTEM_TESTS=1: those tests are skipped." >&2
  exit 0
fi
echo "Install them with: apt-get install -y chromium jupyter-notebook python3-nbclient python3-nbconvert" >&2
echo "(or set LEAKY_RELU_SKIP_SYSTEM_TESTS=1 to skip those tests)" >&2
exit 1
