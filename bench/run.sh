#!/usr/bin/env bash
# LlamaGate benchmark (issue 3): direct vs nginx vs LlamaGate, all in front of the same fake Ollama, on 127.0.0.1.
#
#   bash bench/run.sh            full run (about five minutes): prints the table, writes docs/benchmarks.md and
#                                bench/results/<date>.json
#   bash bench/run.sh --quick    one-minute smoke run; writes only bench/results/<date>-quick.json
#
# Installs nginx and wrk with apt when missing (as root; no service is started), builds the release binary
# (cmake --preset release && cmake --build --preset release --target llamagate), then runs bench/bench.mjs.
# LLAMAGATE_BIN=/path/to/llamagate skips the build and benchmarks that binary instead.
# If the release build of the working tree fails (this checkout is shared, someone may be mid-edit), the script
# builds the committed HEAD from a `git archive` snapshot under /tmp instead, and the report says so.
# Not part of CTest.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

QUICK=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        *) echo "usage: bash bench/run.sh [--quick]" >&2; exit 2 ;;
    esac
done

# ---- tools ----
export PATH="$PATH:/usr/sbin:/sbin"
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v ninja >/dev/null 2>&1 || missing+=(ninja-build)
if ((${#missing[@]})); then
    echo "bench: installing ${missing[*]}" >&2
    # Debian starts nginx on port 80 after installing it unless policy-rc.d says no: never leave a service behind.
    added_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
    fi
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    ((added_policy)) && rm -f /usr/sbin/policy-rc.d
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major < 20)); then
    echo "bench: Node >= 20 is needed (the fake Ollama uses it); found $(node -v)" >&2
    exit 1
fi

# ---- LlamaGate release binary ----
rev="$(git rev-parse --short HEAD)"
dirty="$(git status --porcelain -- gateway app mcp ui CMakeLists.txt 2>/dev/null | wc -l)"
if [[ -n "${LLAMAGATE_BIN:-}" ]]; then
    bin="$LLAMAGATE_BIN"
    build="given binary $bin (LLAMAGATE_BIN)"
else
    buildlog="$(mktemp /tmp/llamagate-bench-build.XXXXXX.log)"
    if { cmake --preset release && cmake --build --preset release --target llamagate; } >"$buildlog" 2>&1; then
        bin="$ROOT/build/release/app/llamagate"
        build="release build (-O3) of the working tree at $rev"
        ((dirty)) && build="$build with $dirty uncommitted file(s) in gateway/ app/ mcp/ ui/ (other engineers' work in progress)"
    else
        echo "bench: the release build of the working tree failed (last lines below); building HEAD $rev from a snapshot" >&2
        tail -5 "$buildlog" >&2
        snap="/tmp/llamagate-bench-snapshot/$(git rev-parse HEAD)"
        if [[ ! -x "$snap/build/release/app/llamagate" ]]; then
            rm -rf "$snap" && mkdir -p "$snap"
            git archive HEAD | tar -x -C "$snap"
            (cd "$snap" && cmake --preset release && cmake --build --preset release --target llamagate) >"$buildlog" 2>&1 \
                || { tail -20 "$buildlog" >&2; exit 1; }
        fi
        bin="$snap/build/release/app/llamagate"
        build="release build (-O3) of the committed HEAD $rev (a git-archive snapshot: the working tree did not build at the time)"
    fi
    rm -f "$buildlog"
fi

echo "bench: $build" >&2
echo "bench: load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs" >&2

args=(--bin "$bin" --build "$build")
if ((QUICK)); then
    args+=(--quick --command "bash bench/run.sh --quick")
else
    args+=(--out "$ROOT/docs/benchmarks.md" --command "bash bench/run.sh")
fi
# Bounded: bench.mjs stops itself (and everything it started) after 30 minutes whatever happens.
exec timeout --kill-after=30 2000 node "$ROOT/bench/bench.mjs" "${args[@]}"
