#!/usr/bin/env bash
# Desktop app benchmark (issue 7): time from start to the tray icon being visible, and the tray app's idle memory.
#
#   bash bench/tray.sh [runs]     default 7 runs of each start mode; prints a table (not part of CTest)
#
# On a private X server (Xvfb) with a real tray host (trayer, XEmbed), LlamaGate's release binary starts with a fresh
# HOME in front of the fake Ollama of tests/fake-ollama. "Tray visible" is the moment the tray host shows LlamaGate's
# icon window (embedded in trayer's panel and viewable), polled with xwininfo every ~5 ms from the start of the
# process. Two start modes: `--autostart` (as at login: straight to the tray) and a plain start (the control panel
# opens too). Idle RSS is VmRSS from /proc 5 s after the icon showed, with no request made; peak is VmHWM.
# Installs xvfb, trayer and x11-utils with apt when missing; LLAMAGATE_BIN=/path skips the release build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
runs="${1:-7}"

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v trayer >/dev/null 2>&1 || missing+=(trayer)
command -v xwininfo >/dev/null 2>&1 || missing+=(x11-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
if ((${#missing[@]})); then
    echo "tray bench: installing ${missing[*]}" >&2
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ -n "${LLAMAGATE_BIN:-}" ]]; then
    bin="$LLAMAGATE_BIN"
    build="the binary $bin (LLAMAGATE_BIN)"
else
    cmake --preset release >/dev/null && cmake --build --preset release --target llamagate >/dev/null
    bin="$ROOT/build/release/app/llamagate"
    build="release build of $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app gateway mcp ui || echo ' + uncommitted changes')"
fi

work="$(mktemp -d /tmp/llamagate-tray-bench.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A private X server (it picks a free display and writes its number) and a tray host on it.
exec {displayfd}<> <(:)
Xvfb -displayfd "$displayfd" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 10 -u "$displayfd" display_number
export DISPLAY=":$display_number"
trayer --edge top --align right --widthtype request --height 32 >"$work/trayer.log" 2>&1 &
pids+=($!)
panel=""
for _ in $(seq 200); do
    panel="$(xwininfo -root -tree 2>/dev/null | awk '/\("panel" "trayer"\)/ {print $1; exit}')"
    [[ -n "$panel" ]] && break
    sleep 0.05
done
[[ -n "$panel" ]] || { echo "tray bench: trayer did not start" >&2; exit 1; }

# The fake Ollama, so that the app sees a reachable Ollama as a user's would.
node tests/fake-ollama/fake-ollama.mjs --port 0 --exit-with-stdin >"$work/fake.log" 2>&1 < <(sleep infinity) &
pids+=($!)
for _ in $(seq 200); do grep -q '"url"' "$work/fake.log" 2>/dev/null && break; sleep 0.05; done
ollama_url="$(node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0];console.log(JSON.parse(l).url)' "$work/fake.log")"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Prints "<ms to tray visible> <idle RSS KiB> <peak KiB>" for one start with these extra arguments.
measure() {
    local home="$work/home-$RANDOM"
    mkdir -p "$home"
    local start
    start="$(now_ms)"
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        XDG_CACHE_HOME="$home/.cache" OLLAMA_HOST="$ollama_url" LOG_FILE="$home/llamagate.log" \
        "$bin" --port 0 "$@" >"$home/stdout.log" 2>&1 &
    local pid=$!
    local visible=""
    for _ in $(seq 2000); do
        local icon
        icon="$(xwininfo -tree -id "$panel" 2>/dev/null | awk '/\("llamagate" "LlamaGate"\)/ {print $1; exit}')"
        if [[ -n "$icon" ]] && xwininfo -id "$icon" 2>/dev/null | grep -q 'IsViewable'; then
            visible="$(($(now_ms) - start))"
            break
        fi
        sleep 0.005
    done
    [[ -n "$visible" ]] || { echo "tray bench: the tray icon never showed" >&2; kill "$pid"; exit 1; }
    sleep 5
    local rss hwm
    rss="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
    hwm="$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
    kill -TERM "$pid"
    wait "$pid" || { echo "tray bench: LlamaGate did not exit cleanly" >&2; exit 1; }
    # Wait until trayer has dropped the icon before the next start.
    while xwininfo -tree -id "$panel" 2>/dev/null | grep -q '("llamagate" "LlamaGate")'; do sleep 0.02; done
    echo "$visible $rss $hwm"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

declare -A results
for round in $(seq "$runs"); do
    results[autostart]+="$(measure --autostart)"$'\n'
    results[panel]+="$(measure)"$'\n'
    echo "tray bench: round $round of $runs done" >&2
done

echo
echo "LlamaGate tray app: $build; $runs starts per mode, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| start | time to tray icon visible, median (min–max) ms | idle RSS, median MiB | peak RSS, median MiB |"
echo "|:--|--:|--:|--:|"
for mode in autostart panel; do
    rows="$(printf '%s' "${results[$mode]}" | sed '/^$/d')"
    t_med="$(cut -d' ' -f1 <<<"$rows" | median)"
    t_min="$(cut -d' ' -f1 <<<"$rows" | sort -n | head -1)"
    t_max="$(cut -d' ' -f1 <<<"$rows" | sort -n | tail -1)"
    rss="$(cut -d' ' -f2 <<<"$rows" | median)"
    hwm="$(cut -d' ' -f3 <<<"$rows" | median)"
    label="--autostart (straight to the tray)"
    [[ "$mode" == panel ]] && label="plain start (tray + control panel)"
    awk -v l="$label" -v m="$t_med" -v lo="$t_min" -v hi="$t_max" -v r="$rss" -v h="$hwm" \
        'BEGIN {printf "| %s | %s (%s–%s) | %.1f | %.1f |\n", l, m, lo, hi, r / 1024, h / 1024}'
done
echo
echo "Goals: time to tray < 1000 ms, idle RSS < 80 MB (76.3 MiB)."
