#!/bin/bash
# Integration tests of the command line: run the built binary as a person
# would and check what it prints and its exit status.
# Usage: cli.sh ULTRALEGS_BINARY TEST_DATA_DIR CASE
set -u
BIN=$1
DATA=$2
CASE=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# A clean user: no config, no clips anywhere, unless a case adds them.
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data
export ULTRALEGS_VIDEOS_DIR=$TMP/no-videos
mkdir -p "$HOME"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { # want, command...
    local want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" = "$want" ] || { cat "$TMP/out" "$TMP/err" >&2; fail "$* exited $got, want $want"; }
}
expect_out() { grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout lacks: $1"; }; }
expect_err() { grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "stderr lacks: $1"; }; }

case $CASE in
check_builtin)
    expect_status 0 "$BIN" --check
    expect_out "ultra-legs             Ultra Legs                 10 steps  ok"
    expect_out "mountain-legs          Mountain Legs               2 steps  ok"
    expect_out "daily-hips             Daily Hips                  5 steps  ok"
    expect_out "0 errors, 9 warnings"
    expect_out "exercises.ini:28: warning: clip 'band-work.mp4' not found in the videos folders"
    ;;
check_clips_present)
    # With every clip in place the check is fully clean.
    mkdir -p "$TMP/clips"
    for id in band-work step-ups split-squats nordic-curls glute-bridges clams \
              single-leg-deadlifts calf-raises rear-lunges; do
        : >"$TMP/clips/$id.mp4"
    done
    expect_status 0 "$BIN" --check --videos-dir "$TMP/clips"
    expect_out "0 errors, 0 warnings"
    ;;
check_json)
    expect_status 0 "$BIN" --check --json
    expect_out '"ok": true'
    expect_out '"errors": 0'
    expect_out '"id": "ultra-legs"'
    expect_out '"clip_path": null'
    ;;
describe_json)
    expect_status 0 "$BIN" --describe ultra-legs --json
    sed "s|$ULTRALEGS_VIDEOS_DIR|VIDEOS|g" "$TMP/out" >"$TMP/norm"
    diff -u "$DATA/describe-ultra-legs.json" "$TMP/norm" || fail "describe differs"
    ;;
describe_unknown)
    expect_status 1 "$BIN" --describe speed-legs --json
    expect_err "ultralegs: no routine 'speed-legs' (known: daily-hips mountain-legs ultra-legs)"
    ;;
user_routine_added)
    mkdir -p "$TMP/d/routines"
    cat >"$TMP/d/routines/speed-legs.ini" <<'INI'
[routine]
title = Speed Legs
[step]
exercise = rear-lunges
reps = 10
[step]
exercise = split-squats
reps = 8
INI
    expect_status 0 "$BIN" --check --data-dir "$TMP/d"
    expect_out "speed-legs             Speed Legs                  2 steps  ok       (yours)"
    expect_status 0 "$BIN" --describe speed-legs --json --data-dir "$TMP/d"
    expect_out '"exercise_id": "rear-lunges"'
    ;;
user_override_broken)
    # A broken user copy of ultra-legs: the error names file:line, --check
    # fails, and the built-in routine is still the one coached.
    mkdir -p "$TMP/cfg/ultralegs/routines"
    export XDG_CONFIG_HOME=$TMP/cfg
    f=$TMP/cfg/ultralegs/routines/ultra-legs.ini
    printf '[routine]\ntitle = My Legs\n[step]\nexercise = step-ups\nreps = 50-30\n' >"$f"
    expect_status 1 "$BIN" --check
    expect_out "$f:5: error: rep range 50-30 runs backwards: write 30-50"
    expect_out "$f: notice: routine 'ultra-legs' skipped because of its errors; the built-in one stays"
    expect_out "1 error, 9 warnings"
    expect_status 0 "$BIN" --describe ultra-legs --json
    expect_out '"title": "Ultra Legs"'
    ;;
user_override_valid)
    mkdir -p "$TMP/d/routines"
    printf '[routine]\ntitle = My Legs\n[step]\nexercise = step-ups\nreps = 40\n' \
        >"$TMP/d/routines/ultra-legs.ini"
    expect_status 0 "$BIN" --describe ultra-legs --data-dir "$TMP/d"
    expect_out "My Legs (ultra-legs)"
    expect_out "1. Single-leg step-ups                      40 reps each leg"
    ;;
user_file_unreadable)
    mkdir -p "$TMP/d/routines/weird.ini"   # a directory named like a file
    printf '\xff\xfe\x00garbage' >"$TMP/d/routines/bin.ini"
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "$TMP/d/routines/bin.ini:1: error: NUL byte in the line: is this a text file?"
    expect_out "$TMP/d/routines/weird.ini: error: is a folder, not a file: skipped"
    expect_out "ultra-legs             Ultra Legs                 10 steps  ok"
    ;;
bad_args)
    expect_status 2 "$BIN" --bogus
    expect_err "ultralegs: unknown option '--bogus' (see --help)"
    expect_status 2 "$BIN" --now yesterday
    expect_err "ultralegs: --now: bad time 'yesterday'"
    expect_status 0 "$BIN" --help
    expect_out "--describe ROUTINE"
    expect_status 0 "$BIN" --version
    expect_out "ultralegs "
    ;;
missing_assets)
    ULTRALEGS_ASSETS_DIR=$TMP/nowhere expect_status 1 "$BIN" --check
    expect_err "assets folder $TMP/nowhere not found"
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo "ok: $CASE"
