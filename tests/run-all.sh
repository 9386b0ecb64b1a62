#!/usr/bin/env bash
# Installs everything the test suite needs (Debian packages, the pinned npm packages), builds LlamaGate and runs
# the whole suite with CTest. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installers/linux/install-deps.sh --test
(cd tests && npm ci --no-audit --no-fund)
cmake --preset debug
cmake --build --preset debug
ctest --preset debug --parallel "$(nproc)" "$@"
