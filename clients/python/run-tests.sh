#!/usr/bin/env bash
# Runs the Python client's tests against real `synthos serve` processes (tests/conftest.py).
#
# The interpreter is $SYNTHOS_PYTHON, else the first of `python3` on PATH and /usr/bin/python3 that
# imports everything the client and its tests need (a python3 of a version manager often lacks the
# Debian packages). Without one, or without protoc and grpc_python_plugin, it exits 77 ("skipped")
# with the reason; under CI=true that is an error instead, so CI never passes by skipping.
# Arguments go to pytest instead of the default `tests`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
modules="grpc, google.protobuf, pandas, tqdm, pytest"

missing() {
  if [ "${CI:-}" = true ]; then
    echo "run-tests.sh: $1 (CI=true: failing rather than skipping)" >&2
    exit 1
  fi
  echo "run-tests.sh: skipped: $1" >&2
  exit 77
}

python=""
for candidate in ${SYNTHOS_PYTHON:-python3 /usr/bin/python3}; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import $modules" 2>/dev/null; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] || missing "no python3 that imports $modules (Debian: apt-get install python3-grpcio \
python3-protobuf python3-pandas python3-tqdm python3-pytest)"
if ! command -v "${PROTOC:-protoc}" >/dev/null 2>&1 ||
  ! command -v "${GRPC_PYTHON_PLUGIN:-grpc_python_plugin}" >/dev/null 2>&1; then
  missing "protoc and grpc_python_plugin are needed to generate the stubs (Debian: apt-get install \
protobuf-compiler protobuf-compiler-grpc)"
fi

cd "$here"
# No caches or bytecode in the source tree.
export PYTHONDONTWRITEBYTECODE=1
exec "$python" -m pytest -p no:cacheprovider -q -rs "${@:-tests}"
