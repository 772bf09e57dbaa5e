#!/bin/bash
# Integration tests of what a runner meets when something is wrong: a broken
# --routine, mistyped options, odd files in routines/, importing a folder, a
# read-only history. Each case asserts the exact message the runner sees.
# Usage: startup.sh ULTRALEGS_BINARY CASE
set -u
BIN=$1
CASE=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data
export ULTRALEGS_VIDEOS_DIR=$TMP/no-videos
mkdir -p "$HOME"
cd "$TMP" || exit 1

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { # want, command... (a kiosk that starts by mistake is stopped)
    local want=$1; shift
    timeout 60 "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" = "$want" ] || { cat "$TMP/out" "$TMP/err" >&2; fail "$* exited $got, want $want"; }
}
expect_out() { grep -qxF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout lacks the line: $1"; }; }
# A logged line ends with the message (the log puts its time and level first).
expect_err() {
    awk -v m="$1" 'length($0) >= length(m) && substr($0, length($0) - length(m) + 1) == m { f = 1 }
                   END { exit !f }' "$TMP/err" || { cat "$TMP/err" >&2; fail "stderr lacks: $1"; }
}
expect_no_out() { ! grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout has: $1"; }; }
USAGE="Usage: ultralegs [OPTIONS] (ultralegs --help lists them)"

# A routine with a typo in its exercise id, as a runner would write it.
speed_legs() {
    mkdir -p "$1/routines"
    printf '[routine]\ntitle = Speed Legs\n\n[step]\nexercise = rear lunges\nreps = 10\n' \
        >"$1/routines/speed-legs.ini"
}

case $CASE in
value_is_an_option)
    # "--data-dir --check": refused, and no folder named "--check" appears.
    expect_status 2 "$BIN" --headless --data-dir --check
    expect_err "ultralegs: --data-dir needs a value, not the option '--check'"
    expect_err "$USAGE"
    [ ! -e "$TMP/--check" ] || fail "a folder named --check was made"
    expect_status 2 "$BIN" --routine --headless
    expect_err "ultralegs: --routine needs a value, not the option '--headless'"
    expect_err "$USAGE"
    ;;
trailing_junk)
    expect_status 2 "$BIN" --windowed=1280x720junk
    expect_err "ultralegs: --windowed=WxH: bad size '1280x720junk' (e.g. 1280x720)"
    expect_err "$USAGE"
    expect_status 2 "$BIN" --bench x.mp4 --frames 300x
    expect_err "ultralegs: --frames: bad number '300x' (a whole number from 1 to 100000000)"
    expect_err "$USAGE"
    expect_status 2 "$BIN" --headless --screenshot 2s:a.png
    expect_err "ultralegs: --screenshot: bad seconds '2s'"
    expect_status 2 "$BIN" --bogus
    expect_err "ultralegs: unknown option '--bogus' (see --help)"
    expect_err "$USAGE"
    ;;
broken_routine_starts_home)
    # The kiosk comes up on home (exit 0), says which file and line to fix,
    # and coaches nothing it was not asked to.
    speed_legs "$TMP/d"
    expect_status 0 "$BIN" --headless --virtual-clock --routine speed-legs --data-dir "$TMP/d" \
        --cue-log "$TMP/cues.tsv" --screenshot 3:"$TMP/home.png"
    expect_err "ultralegs: Cannot start 'speed-legs': routines/speed-legs.ini:5: bad exercise id 'rear lunges': did you mean 'rear-lunges'?"
    expect_err "ultralegs: 1 routine file skipped: run --check"
    grep -qxF "0.000	notice	Cannot start 'speed-legs': routines/speed-legs.ini:5: bad exercise id 'rear lunges': did you mean 'rear-lunges'?" "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "no notice in the cue log"; }
    ! grep -qvP '\tnotice\t' "$TMP/cues.tsv" || { cat "$TMP/cues.tsv" >&2; fail "something was coached"; }
    [ -s "$TMP/home.png" ] || fail "no screenshot"
    # --check says the same, once: the first cause and what became of the file.
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "  $TMP/d/routines/speed-legs.ini:5: error: bad exercise id 'rear lunges': did you mean 'rear-lunges'?"
    expect_out "  $TMP/d/routines/speed-legs.ini: notice: routine 'speed-legs' skipped because of its errors"
    expect_out "1 error, 9 warnings"
    expect_status 1 "$BIN" --describe speed-legs --data-dir "$TMP/d"
    expect_err "ultralegs: routine 'speed-legs' cannot be coached: $TMP/d/routines/speed-legs.ini:5: error: bad exercise id 'rear lunges': did you mean 'rear-lunges'?"
    ;;
unknown_routine_starts_home)
    expect_status 0 "$BIN" --headless --virtual-clock --routine speed-legs \
        --cue-log "$TMP/cues.tsv" --screenshot 2:"$TMP/home.png"
    expect_err "ultralegs: No routine 'speed-legs' (known: daily-hips mountain-legs ultra-legs)"
    # A file that would have been it, misnamed: that is the reason given.
    mkdir -p "$TMP/d/routines"
    printf '[routine]\ntitle = S\n[step]\nexercise = step-ups\nreps = 9\n' >"$TMP/d/routines/speed-legs.ini.txt"
    expect_status 0 "$BIN" --headless --virtual-clock --routine speed-legs --data-dir "$TMP/d" \
        --screenshot 2:"$TMP/home.png"
    expect_err "ultralegs: Cannot start 'speed-legs': routines/speed-legs.ini.txt: named .ini.txt, not .ini (rename it to speed-legs.ini): skipped"
    ;;
skipped_files_named)
    R=$TMP/d/routines
    mkdir -p "$R/old" "$R/folder.ini"
    printf '[routine]\ntitle = Hill\n[step]\nexercise = step-ups\nreps = 10\n' >"$R/Hill.INI"
    printf '[routine]\ntitle = Notepad\n[step]\nexercise = step-ups\nreps = 10\n' >"$R/speed-legs.ini.txt"
    ln -s loop.ini "$R/loop.ini"
    ln -s /nowhere/gone.ini "$R/gone.ini"
    mkfifo "$R/pipe.ini"
    echo notes >"$R/README.md"
    : >"$R/.hidden.ini.swp"
    ln -s /nowhere/ex.ini "$TMP/d/exercises.ini"
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "  $TMP/d/exercises.ini: error: is a link to '/nowhere/ex.ini', which does not exist: skipped"
    expect_out "  $R/README.md: warning: is not a routine file (their names end in .ini): skipped"
    expect_out "  $R/folder.ini: error: is a folder, not a file: skipped"
    expect_out "  $R/gone.ini: error: is a link to '/nowhere/gone.ini', which does not exist: skipped"
    expect_out "  $R/loop.ini: error: is a symbolic link that loops back to itself: skipped"
    expect_out "  $R/old: warning: is a folder (routines in sub-folders are not read): skipped"
    expect_out "  $R/pipe.ini: error: is not a regular file: skipped"
    expect_out "  $R/speed-legs.ini.txt: error: named .ini.txt, not .ini (rename it to speed-legs.ini): skipped"
    expect_no_out ".hidden"
    # Upper-case extensions are read; the id is the name in lower case.
    expect_out "  hill                   Hill                        1 step   ok       (yours)"
    expect_out "6 errors, 11 warnings"
    # Listed in name order, whatever order the folder holds them in.
    grep -F ': skipped' "$TMP/out" | sed 's/:.*//' >"$TMP/order"
    sort -c "$TMP/order" || fail "skipped files not in name order"
    # The same count on screen.
    expect_status 0 "$BIN" --headless --virtual-clock --data-dir "$TMP/d" \
        --cue-log "$TMP/cues.tsv" --screenshot 1:"$TMP/home.png"
    grep -qxF "0.000	notice	7 routine files skipped: run --check" "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "no count on screen"; }
    # The file's own name finds the routine it holds.
    expect_status 0 "$BIN" --headless --virtual-clock --auto --data-dir "$TMP/d" --routine Hill \
        --cue-log "$TMP/hill.tsv"
    grep -q "	start	Hill: 1 exercise, about 1 minute" "$TMP/hill.tsv" \
        || { cat "$TMP/hill.tsv" >&2; fail "--routine Hill did not start the routine of Hill.INI"; }
    ;;
unreadable_file)
    # A file the kiosk's user cannot read: named, with the reason. As root
    # every file is readable, so the kiosk runs as "nobody" there.
    R=$TMP/d/routines
    mkdir -p "$R"
    printf '[routine]\ntitle = S\n[step]\nexercise = step-ups\nreps = 9\n' >"$R/secret.ini"
    chmod 000 "$R/secret.ini"
    chmod 755 "$TMP" "$TMP/d" "$R"
    RUN=()
    [ "$(id -u)" = 0 ] && RUN=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    expect_status 1 "${RUN[@]}" "$BIN" --check --data-dir "$TMP/d"
    expect_out "  $R/secret.ini: error: cannot open: Permission denied: skipped"
    ;;
routine_limit)
    # 70 files: the first 61 by name fill the kiosk's 64 places with the 3
    # built-in ones; each of the other 9 is named. Made in reverse order, so
    # the folder's own order is not the name order.
    R=$TMP/d/routines
    mkdir -p "$R"
    for i in $(seq 69 -1 0); do
        printf '[routine]\ntitle = R%02d\n[step]\nexercise = step-ups\nreps = 10\n' "$i" >"$R/r$(printf %02d "$i").ini"
    done
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "  r60                    R60                         1 step   ok       (yours)"
    expect_no_out "  r61   "
    for i in $(seq 61 69); do
        expect_out "  $R/r$i.ini: error: too many routines (the kiosk holds 64, 3 of them built in): skipped"
    done
    [ "$(grep -c 'too many routines' "$TMP/out")" = 9 ] || fail "want 9 files over the limit"
    expect_out "9 errors, 9 warnings"
    ;;
first_cause_only)
    speed_legs "$TMP/d"
    printf '[routine]\ntitle = Big\n[step]\nexercise = step-ups\nreps = 99999999999\n' >"$TMP/d/routines/big.ini"
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "  $TMP/d/routines/big.ini:5: error: reps 99999999999 is more than the limit (500)"
    expect_out "  $TMP/d/routines/speed-legs.ini:5: error: bad exercise id 'rear lunges': did you mean 'rear-lunges'?"
    expect_no_out "has no 'exercise ='"
    expect_no_out "every step is optional"
    expect_out "2 errors, 9 warnings"
    ;;
import_folder)
    mkdir -p "$TMP/exports"
    expect_status 1 "$BIN" --import-history "$TMP/exports" --data-dir "$TMP/d"
    expect_err "ultralegs: --import-history $TMP/exports: is a folder, not a CSV file"
    [ ! -e "$TMP/d/history.db" ] || fail "the history was opened for nothing"
    expect_status 1 "$BIN" --export-history "$TMP/exports" --data-dir "$TMP/d"
    expect_err "ultralegs: --export-history $TMP/exports: is a folder, not a CSV file (give a file name, e.g. history.csv)"
    expect_status 1 "$BIN" --import-history "$TMP/nothing.csv" --data-dir "$TMP/d"
    expect_err "ultralegs: --import-history $TMP/nothing.csv: no such file"
    ;;
read_only_history)
    # A history file the kiosk cannot write: one notice, with the reason,
    # not one at the start, one per set and one at the end.
    printf 'started_at,routine,completed,duration_s\n2026-11-25T18:02:00-07:00,ultra-legs,yes,900\n' >"$TMP/h.csv"
    expect_status 0 "$BIN" --import-history "$TMP/h.csv" --data-dir "$TMP/d"
    chmod 444 "$TMP/d/history.db"
    mkdir -p "$TMP/out-dir"
    chmod 777 "$TMP/d" "$TMP/out-dir"
    chmod 755 "$TMP"
    RUN=()
    [ "$(id -u)" = 0 ] && RUN=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    expect_status 0 "${RUN[@]}" "$BIN" --headless --virtual-clock --auto --routine daily-hips \
        --data-dir "$TMP/d" --cue-log "$TMP/out-dir/cues.tsv"
    grep -qP '\tdone\tDaily Hips done' "$TMP/out-dir/cues.tsv" || fail "not coached to the end"
    grep -P '\tnotice\t' "$TMP/out-dir/cues.tsv" | grep -i 'saved' >"$TMP/saves"
    [ "$(wc -l <"$TMP/saves")" = 1 ] || { cat "$TMP/out-dir/cues.tsv" >&2; fail "want one notice about saving"; }
    grep -qiE 'read-?only' "$TMP/saves" || { cat "$TMP/saves" >&2; fail "the notice gives no reason"; }
    # A folder it cannot write either: still one notice about saving.
    rm -rf "$TMP/d"/history.db-* "$TMP/d/backups"
    chmod 555 "$TMP/d"
    expect_status 0 "${RUN[@]}" "$BIN" --headless --virtual-clock --auto --routine daily-hips \
        --data-dir "$TMP/d" --cue-log "$TMP/out-dir/cues2.tsv"
    grep -qP '\tdone\tDaily Hips done' "$TMP/out-dir/cues2.tsv" || fail "not coached to the end"
    [ "$(grep -P '\tnotice\t' "$TMP/out-dir/cues2.tsv" | grep -ci 'saved')" = 1 ] \
        || { cat "$TMP/out-dir/cues2.tsv" >&2; fail "want one notice about saving"; }
    chmod 755 "$TMP/d"
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo "ok: $CASE"
