#!/usr/bin/env bash
# Installs the build dependencies, builds a release LlamaGate and starts it on 127.0.0.1:8080 (or $PORT) against
# $OLLAMA_HOST (default http://localhost:11434). With a display it opens its window; without one it runs headless.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash installers/linux/install-deps.sh
cmake --preset release
cmake --build --preset release

args=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    args+=(--headless)
fi
exec ./build/release/app/llamagate "${args[@]}" "$@"
