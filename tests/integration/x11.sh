#!/bin/bash
# The kiosk fullscreen on a real X server (Xvfb), with no window manager and
# then under openbox, landscape and portrait: the window must cover the
# screen, the layout must be made for the screen's size, and what X shows
# must be what the kiosk itself saved at the same moment.
# Usage: x11.sh ULTRALEGS_BINARY
set -u
BIN=$1
for tool in Xvfb xdotool import compare openbox; do
    command -v "$tool" >/dev/null ||
        { echo "x11: $tool is missing (scripts/setup --test installs it)"; exit 1; }
done
# Under the sanitizers: no leak check here (the display drivers load Mesa
# and D-Bus, whose leaks cannot be told apart from ours; the headless tests
# check ours), and the fast unwinder: the slow one deadlocks against
# llvmpipe's JIT registering its frames.
export ASAN_OPTIONS=detect_leaks=0:fast_unwind_on_malloc=1
export LSAN_OPTIONS=fast_unwind_on_malloc=1
TMP=$(mktemp -d /tmp/ul-x11-XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    [ -n "${UL_KEEP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# Start an X server of this size on a free display; sets DISPLAY.
start_x() {
    rm -f "$TMP/dpy"
    Xvfb -screen 0 "$1"x24 -nolisten tcp -displayfd 9 9>"$TMP/dpy" >/dev/null 2>&1 &
    PIDS+=($!)
    for _ in $(seq 50); do [ -s "$TMP/dpy" ] && break; sleep 0.1; done
    [ -s "$TMP/dpy" ] || { echo "x11: Xvfb did not start"; exit 1; }
    export DISPLAY=":$(cat "$TMP/dpy")"
}

# One fullscreen run: geometry, the layout's size, X's picture against the
# kiosk's own.
check_run() {
    local size=$1 tag=$2 w=${1%x*} h=${1#*x}
    mkdir -p "$TMP/$tag"
    printf '8 quit\n' >"$TMP/$tag/quit.txt"
    timeout 60 "$BIN" --web-port 0 --data-dir "$TMP/$tag" --now 2026-11-25T18:00:00-07:00 --script "$TMP/$tag/quit.txt" \
        --screenshot 4:"$TMP/$tag/kiosk.png" --layout-log "$TMP/$tag/layout.jsonl" \
        >"$TMP/$tag/out.txt" 2>&1 &
    local kpid=$!
    PIDS+=($kpid)
    local win=""
    for _ in $(seq 50); do
        win=$(xdotool search --onlyvisible --name "^Ultra Legs$" 2>/dev/null | tail -1)
        [ -n "$win" ] && break
        sleep 0.1
    done
    [ -n "$win" ] || { bad "$tag: no window"; return; }
    # SDL may make its window again when the renderer starts: look again
    # once the kiosk is up.
    sleep 3
    win=$(xdotool search --onlyvisible --name "^Ultra Legs$" 2>/dev/null | tail -1)
    local geo
    geo=$(xdotool getwindowgeometry "$win")
    echo "$tag: $(echo "$geo" | tr '\n' ' ')"
    echo "$geo" | grep -q "Position: 0,0" || bad "$tag: window not at 0,0"
    echo "$geo" | grep -q "Geometry: $size" || bad "$tag: window is not $size"
    # What X shows, a moment after the kiosk saved its own picture.
    for _ in $(seq 40); do [ -s "$TMP/$tag/kiosk.png" ] && break; sleep 0.1; done
    sleep 0.3
    import -window root "$TMP/$tag/x11.png"
    wait "$kpid" || bad "$tag: the kiosk exited with $?"
    /usr/bin/python3 "$(dirname "$0")/json_check.py" --lines "$TMP/$tag/layout.jsonl" \
        'd and all([f["w"], f["h"]] == [j(0), j(1)] for f in d)' "$w" "$h" ||
        bad "$tag: not laid out for $size"
    [ -s "$TMP/$tag/kiosk.png" ] || { bad "$tag: no kiosk screenshot"; return; }
    # The same picture, but for the flame's flicker: under 1% of the pixels
    # differ by more than a little.
    local diff
    diff=$(compare -metric AE -fuzz 8% "$TMP/$tag/kiosk.png" "$TMP/$tag/x11.png" null: 2>&1)
    local limit=$((w * h / 100))
    echo "$tag: $diff of $((w * h)) pixels differ between X and the kiosk's screenshot"
    [[ "$diff" =~ ^[0-9]+$ ]] && [ "$diff" -lt "$limit" ] ||
        bad "$tag: the X screen is not the kiosk's picture ($diff pixels differ)"
}

for size in ${X11_SIZES:-1920x1080 1080x1920}; do
    start_x "$size"
    check_run "$size" "nowm-$size"
    openbox >/dev/null 2>&1 &
    PIDS+=($!)
    sleep 1
    check_run "$size" "openbox-$size"
done
exit $fail
