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

# JSON is checked parsed, as a reader takes it (Debian's Python): the
# expression must hold on $TMP/out; see json_check.py.
JSON_CHECK=$(dirname "$0")/json_check.py
expect_json() { # expression [args...]
    /usr/bin/python3 "$JSON_CHECK" "$TMP/out" "$@" || { cat "$TMP/out" >&2; fail "JSON: $1"; }
}
# In --describe --json output, KEY of the first step that coaches exercise ID
# equals WANT (JSON).
expect_field() { # id key want
    expect_json 'step(s(0))[s(1)] == j(2)' "$@"
}

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
    # With every clip in place (and playable) the check is fully clean.
    mkdir -p "$TMP/clips"
    ffmpeg -loglevel error -f lavfi -i testsrc2=size=160x90:rate=30 -t 0.5 \
        -c:v libx264 "$TMP/clip.mp4" || fail "ffmpeg"
    for id in band-work step-ups split-squats nordic-curls glute-bridges clams \
              single-leg-deadlifts calf-raises rear-lunges; do
        cp "$TMP/clip.mp4" "$TMP/clips/$id.mp4"
    done
    expect_status 0 "$BIN" --check --videos-dir "$TMP/clips"
    expect_out "0 errors, 0 warnings"
    ;;
check_clips_broken)
    # Clips that cannot play are found by --check, each with the reason.
    mkdir -p "$TMP/clips"
    ffmpeg -loglevel error -f lavfi -i testsrc2=size=160x90:rate=30 -t 1 \
        -c:v libvpx -deadline realtime -f webm "$TMP/clips/band-work.mp4" || fail "ffmpeg"
    : >"$TMP/clips/step-ups.mp4"
    echo "the coach's video goes here" >"$TMP/clips/split-squats.mp4"
    head -c 600 "$TMP/clips/band-work.mp4" >"$TMP/clips/nordic-curls.mp4"
    expect_status 0 "$BIN" --check --videos-dir "$TMP/clips"
    expect_out "exercises.ini:43: warning: clip 'step-ups.mp4' cannot play ($TMP/clips/step-ups.mp4: empty file): the demo is shown instead"
    expect_out "exercises.ini:56: warning: clip 'split-squats.mp4' cannot play ($TMP/clips/split-squats.mp4: cannot open: Invalid data found when processing input): the demo is shown instead"
    expect_out "exercises.ini:69: warning: clip 'nordic-curls.mp4' cannot play ($TMP/clips/nordic-curls.mp4: no picture could be decoded): the demo is shown instead"
    if grep -q "clip 'band-work.mp4'" "$TMP/out"; then cat "$TMP/out" >&2; fail "a good clip reported"; fi
    expect_status 0 "$BIN" --check --json --videos-dir "$TMP/clips"
    expect_json 'any(p["message"].startswith(s(0)) for p in d["problems"])' \
        "clip 'step-ups.mp4' cannot play ($TMP/clips/step-ups.mp4: empty file)"
    ;;
bench_clips)
    # Every frame of 30 fps WebM/MKV/MP4 and 29.97 fps clips is presented on
    # a 60 Hz refresh, none dropped or late; a 5.1 Opus track holds nothing up.
    src="-f lavfi -i testsrc2=size=320x180:rate=30 -t 2"
    ffmpeg -loglevel error $src -c:v libvpx -deadline realtime "$TMP/a.webm" &&
    ffmpeg -loglevel error $src -c:v libx264 "$TMP/b.mkv" &&
    ffmpeg -loglevel error $src -c:v libx264 "$TMP/c.mp4" &&
    ffmpeg -loglevel error -f lavfi -i testsrc2=size=320x180:rate=30000/1001 -t 2 \
        -c:v libx264 "$TMP/d.mp4" &&
    ffmpeg -loglevel error $src -f lavfi -i sine=f=440:r=48000 -t 2 \
        -filter_complex "[1]aformat=channel_layouts=5.1[a]" -map 0 -map "[a]" \
        -c:v libvpx -deadline realtime -c:a libopus "$TMP/e.webm" || fail "ffmpeg"
    for f in a.webm b.mkv c.mp4 d.mp4 e.webm; do
        expect_status 0 "$BIN" --bench "$TMP/$f" --headless --windowed=320x180 --frames 50 --json
        expect_json 'd["frames"] == 50 and d["dropped_frames"] == 0 and d["late_frames"] == 0'
    done
    ;;
bench_interrupted)
    # A run asked for far too many frames is capped, and Ctrl+C prints what
    # it has so far.
    ffmpeg -loglevel error -f lavfi -i testsrc2=size=160x90:rate=30 -t 1 -c:v libx264 \
        "$TMP/a.mp4" || fail "ffmpeg"
    "$BIN" --bench "$TMP/a.mp4" --headless --windowed=320x180 --frames 100000000 \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 1 100); do
        grep -q "running 360000" "$TMP/err" && break
        sleep 0.1
    done
    sleep 1
    kill -INT $pid
    wait $pid
    got=$?
    [ "$got" = 0 ] || { cat "$TMP/err" >&2; fail "exit status $got after SIGINT, want 0"; }
    expect_err "--frames 100000000 is more than 360000: running 360000"
    expect_out ", interrupted"
    expect_out "at 60 Hz        0 dropped, 0 late"
    grep -qE '^frames +[1-9][0-9]* of 360000' "$TMP/out" || { cat "$TMP/out" >&2; fail "no partial figures"; }
    ;;
check_json)
    expect_status 0 "$BIN" --check --json
    expect_json 'd["ok"] is True and d["errors"] == 0 and d["warnings"] == 9'
    expect_json '[r["id"] for r in d["routines"]] == ["daily-hips", "mountain-legs", "ultra-legs"]'
    expect_json 'all(e["clip_path"] is None for e in d["exercises"])'
    ;;
describe_json)
    expect_status 0 "$BIN" --describe ultra-legs --json
    expect_json 'same(videos(d, s(1)), load_file(s(0)))' \
        "$DATA/describe-ultra-legs.json" "$ULTRALEGS_VIDEOS_DIR"
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
    expect_json '[x["exercise_id"] for x in d["steps"]] == ["rear-lunges", "split-squats"]'
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
    expect_json 'd["title"] == "Ultra Legs"'
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
user_exercise_partial)
    # The README's example: a section of just clip, clip_start and clip_end
    # gives the exercise its part of a long video; the rest stays built in.
    mkdir -p "$TMP/d"
    cat >"$TMP/d/exercises.ini" <<'INI'
[band-work]
clip = ultra-legs-video.mp4
clip_start = 2:01
clip_end = 2:52
INI
    expect_status 0 "$BIN" --check --data-dir "$TMP/d"
    expect_out "$TMP/d/exercises.ini:1: notice: exercise [band-work]: your file changes clip, clip_start, clip_end"
    expect_out "band-work              Band work                  warning  (yours)"
    expect_status 0 "$BIN" --describe ultra-legs --json --data-dir "$TMP/d"
    expect_field band-work name '"Band work"'
    expect_field band-work unit '"steps"'
    expect_field band-work cadence_s 1.20
    expect_field band-work clip '"ultra-legs-video.mp4"'
    expect_field band-work clip_start 121.000
    expect_field band-work clip_end 172.000
    expect_field step-ups per_side true
    # A new exercise still needs a name.
    printf '[wall-sit]\ncadence = 3\n' >>"$TMP/d/exercises.ini"
    expect_status 1 "$BIN" --check --data-dir "$TMP/d"
    expect_out "$TMP/d/exercises.ini:5: error: exercise [wall-sit] has no name"
    ;;
coach_video_cut)
    # coach_video cuts the coach's one video into every exercise with an
    # offset (to the next offset, the last to the end), unless a clip of the
    # runner's own is set.
    mkdir -p "$TMP/d/videos"
    printf '[settings]\ncoach_video = ultra-legs-video.mp4\n' >"$TMP/d/config.ini"
    printf '[step-ups]\nclip = my-step-ups.mp4\n' >"$TMP/d/exercises.ini"
    expect_status 0 "$BIN" --describe ultra-legs --json --data-dir "$TMP/d"
    expect_field band-work clip '"ultra-legs-video.mp4"'
    expect_field band-work clip_start 121.000
    expect_field band-work clip_end 172.000
    expect_field band-work clip_from_coach_video true
    expect_field step-ups clip '"my-step-ups.mp4"'
    expect_field step-ups clip_start null
    expect_field step-ups clip_from_coach_video false
    expect_field split-squats clip_start 235.000
    expect_field split-squats clip_end 329.000
    expect_field calf-raises clip_start 682.000
    expect_field calf-raises clip_end null

    expect_status 0 "$BIN" --check --data-dir "$TMP/d"
    expect_out "clip 'ultra-legs-video.mp4' not found in the videos folders"
    printf '[settings]\ncoach_video = ../x.mp4\n' >"$TMP/d/config.ini"
    expect_status 0 "$BIN" --describe ultra-legs --json --data-dir "$TMP/d"
    expect_field band-work clip '"band-work.mp4"'
    ;;
json_hostile_text)
    # Text from files and names goes out exactly as it came in: quotes,
    # backslashes, control characters and every script; bytes that are not
    # UTF-8 (a Latin-1 folder name) become U+FFFD, so the JSON stays readable.
    title=$'Say "go" \\ back\\slash \x01\x1f\t\x7f café 日本 🏃'
    d=$TMP/$'runner\xe9s "data"'
    mkdir -p "$d/routines"
    printf '[routine]\ntitle = %s\nblurb = %s\n[step]\nexercise = rear-lunges\nvariant = %s\nreps = 10\n' \
        "$title" "$title" "$title" >"$d/routines/hostile.ini"
    expect_status 0 "$BIN" --check --json --data-dir "$d"
    expect_json 'any(r["id"] == "hostile" and r["title"] == s(0) and r["file"] == s(1) for r in d["routines"])' \
        "$title" "$d/routines/hostile.ini"
    expect_status 0 "$BIN" --describe hostile --json --data-dir "$d"
    expect_json 'd["title"] == s(0) and d["blurb"] == s(0) and d["steps"][0]["variant"] == s(0)' "$title"
    expect_status 0 "$BIN" --history --json --data-dir "$d" --now 2026-11-27T10:00:00-07:00
    expect_json '[p["title"] for p in d["progression"] if p["routine"] == "hostile"] == ["Single-leg rear lunges, " + s(0)]' "$title"
    clip=$TMP/$'clip "q" \\ \x01 ünï 日本 \xe9\xe2\x82.mp4'
    ffmpeg -loglevel error -f lavfi -i testsrc2=size=160x90:rate=30 -t 0.5 -c:v libx264 \
        -f mp4 "$clip" || fail "ffmpeg"
    expect_status 0 "$BIN" --bench "$clip" --headless --windowed=320x180 --frames 5 --json
    expect_json 'd["clip"] == s(0) and d["clip"].endswith("\ufffd\ufffd.mp4") and d["frames"] == 5' "$clip"
    ;;
bad_args)
    expect_status 2 "$BIN" --bogus
    expect_err "ultralegs: unknown option '--bogus' (see --help)"
    expect_status 2 "$BIN" --now yesterday
    expect_err "ultralegs: --now: bad time 'yesterday'"
    expect_status 0 "$BIN" --help
    expect_out "--describe ROUTINE"
    expect_status 0 "$BIN" --version
    grep -qE '^ultralegs [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" || { cat "$TMP/out" >&2; fail "--version: no release number"; }
    expect_status 0 "$BIN" --version
    expect_out "ultralegs "
    ;;
missing_assets)
    ULTRALEGS_ASSETS_DIR=$TMP/nowhere expect_status 1 "$BIN" --check
    expect_err "assets folder $TMP/nowhere not found"
    ;;
history_streak_story)
    # Two years imported from a spreadsheet (long_history.py): broken weeks
    # 20, 60 and 90, week 40 paused on the settings screen that week, this
    # week open with one Ultra Legs. The streak, its dates and what this
    # week needs agree with an independent reckoning from the CSV.
    /usr/bin/python3 "$(dirname "$0")/long_history.py" "$TMP/h.csv"
    printf '1 settings\n1.1 down\n1.2 down\n1.3 down\n1.4 down\n1.5 down\n1.6 down\n1.7 ok\n2 back\n2.5 quit\n' >"$TMP/p.txt"
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/p.txt" --data-dir "$TMP/d" \
        --now 2025-09-10T12:00-07:00 --cue-log "$TMP/cues.tsv"
    grep -qP '\tsettings\tStreak paused this week$' "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "week 40 was not paused"; }
    expect_status 0 "$BIN" --import-history "$TMP/h.csv" --data-dir "$TMP/d"
    expect_out "imported 312 sessions, 0 already stored, 0 bad rows"
    NOW=2026-11-25T18:00-07:00
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now $NOW
    expect_json 'same(d["weekly_streak"], streak(s(0), s(1), paused=[s(2)]))' \
        "$TMP/h.csv" $NOW 2025-09-08
    # The story itself, as the runner reads it.
    expect_json 'd["weekly_streak"]["current"] == 12 and d["weekly_streak"]["longest"] == 38'
    expect_json 'd["weekly_streak"]["needed_this_week"] == 1 and d["weekly_streak"]["deadline"] == "2026-11-29"'
    # Band work: Sunday's Ultra Legs, Monday's and Tuesday's Daily Hips,
    # all imported without their sets.
    expect_json 'd["daily_band_streak"]["current"] == 3'
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now $NOW
    expect_out "Still needed this week: 1 by Sunday 29 Nov 2026 (1 more Ultra Legs by Sunday keeps your streak)"
    expect_out "Weekly streak: 12 (longest 38): 12 weeks since 31 Aug 2026; best 38 weeks: 28 Apr 2025 – 25 Jan 2026"
    expect_out "Imported sessions carry no per-exercise detail"
    # Sunday, the week met: nothing more is needed.
    printf 'started_at,routine,completed,duration_s\n2026-11-27T18:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/more.csv"
    expect_status 0 "$BIN" --import-history "$TMP/more.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now 2026-11-29T10:00-07:00
    expect_json 'd["weekly_streak"]["needed_this_week"] == 0 and d["weekly_streak"]["current"] == 13'
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-29T10:00-07:00
    expect_out "Still needed this week: none (Week done: streak 13 weeks)"
    ;;
history_json)
    # Two weeks met (W46, W47), one session so far in W48; band work daily
    # on the last three days.
    cat >"$TMP/h.csv" <<'CSV'
started_at,routine,completed,duration_s,sets
2026-11-11T18:00:00-07:00,ultra-legs,yes,900,nordic-curls//4/0/-/10/10/0/0
2026-11-15T18:00:00-07:00,ultra-legs,yes,900,
2026-11-18T18:00:00-07:00,ultra-legs,yes,900,
2026-11-22T18:00:00-07:00,ultra-legs,yes,900,
2026-11-24T07:00:00-07:00,daily-hips,yes,400,band-work//0/0/-/20/20/0/0
2026-11-25T18:02:00-07:00,ultra-legs,yes,950,band-work//0/0/-/20/20/0/0;step-ups//2/0/L/30/30/0/0;step-ups//2/0/R/30/30/0/0
2026-11-27T00:30:00-07:00,daily-hips,yes,400,band-work//0/0/-/20/20/0/0
2026-11-26T21:00:00-07:00,mountain-legs,no,100,
CSV
    expect_status 0 "$BIN" --import-history "$TMP/h.csv" --data-dir "$TMP/d"
    expect_out "imported 8 sessions, 0 already stored, 0 bad rows"
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now 2026-11-27T10:00:00-07:00
    expect_json 'd["weekly_target"] == 2'
    expect_json 'd["this_week"] == {"iso_week": "2026-W48", "sessions": 1}'
    expect_json 'd["total_sessions"] == 7'
    expect_json '"first-full-week" in [b["id"] for b in d["badges"]]'
    expect_json 'd["daily_band_streak"] == {"current": 3, "longest": 3}'
    expect_json 'd["weekly_streak"] == {"current": 2, "longest": 2, "status": "open", "current_from": "2026-11-09", "longest_from": "2026-11-09", "longest_to": "2026-11-22", "needed_this_week": 1, "deadline": "2026-11-29"}'
    expect_json 'same(d["weekly_streak"], streak(s(0), s(1)))' "$TMP/h.csv" 2026-11-27T10:00:00-07:00
    # One more Ultra Legs this week meets the target and extends the streak.
    printf 'started_at,routine,completed,duration_s\n2026-11-27T08:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/more.csv"
    expect_status 0 "$BIN" --import-history "$TMP/more.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now 2026-11-27T10:00:00-07:00
    expect_json 'd["weekly_streak"] == {"current": 3, "longest": 3, "status": "met", "current_from": "2026-11-09", "longest_from": "2026-11-09", "longest_to": "2026-11-29", "needed_this_week": 0, "deadline": "2026-11-29"}'
    # The text report says the same.
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-27T10:00:00-07:00
    expect_out "This week (2026-W48): 2 of 2 sessions, met"
    expect_out "Weekly streak: 3 (longest 3)"
    ;;
export_import_roundtrip)
    printf 'started_at,routine,completed,duration_s,sets\n2026-10-07T18:00:00+02:00,ultra-legs,yes,910,split-squats//3/0/L/10/10/8/0\n2026-10-11T09:30:00+02:00,ultra-legs,no,300,split-squats//3/0/L/10/6/8/0\n' >"$TMP/in.csv"
    expect_status 0 "$BIN" --import-history "$TMP/in.csv" --data-dir "$TMP/a"
    expect_status 0 "$BIN" --export-history "$TMP/out.csv" --data-dir "$TMP/a"
    expect_status 0 "$BIN" --import-history "$TMP/out.csv" --data-dir "$TMP/b"
    expect_out "imported 2 sessions"
    expect_status 0 "$BIN" --import-history "$TMP/out.csv" --data-dir "$TMP/b"
    expect_out "imported 0 sessions, 2 already stored, 0 bad rows"
    "$BIN" --history --json --data-dir "$TMP/a" --now 2026-11-01T12:00Z >"$TMP/ha"
    "$BIN" --history --json --data-dir "$TMP/b" --now 2026-11-01T12:00Z >"$TMP/hb"
    diff -u "$TMP/ha" "$TMP/hb" || fail "history differs after export and import"
    grep -q '2026-10-07T18:00:00+02:00,ultra-legs,yes,910' "$TMP/out.csv" || fail "export row"
    ;;
import_bad_rows)
    printf 'started_at,routine,completed,duration_s\n2026-11-25T18:02:00-07:00,ultra-legs,yes,900\nnot-a-date,ultra-legs,yes,900\n' >"$TMP/bad.csv"
    expect_status 1 "$BIN" --import-history "$TMP/bad.csv" --data-dir "$TMP/d"
    expect_err "$TMP/bad.csv:3: error: bad started_at 'not-a-date'"
    expect_out "imported 1 session, 0 already stored, 1 bad row"
    expect_err "importing: 2 rows"
    printf 'started_at,routine,completed,duration_s\n2026-11-26T18:02:00-07:00,ultra-legs,yes,900\n' >"$TMP/one.csv"
    expect_status 0 "$BIN" --import-history "$TMP/one.csv" --data-dir "$TMP/d"
    expect_err "importing: 1 row (100%)"
    ;;
history_damaged_db)
    mkdir -p "$TMP/d"
    head -c 3000 /dev/urandom >"$TMP/d/history.db"
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-27T10:00Z
    expect_err "History file damaged and no backup: 0 sessions recovered"
    expect_out "Sessions completed: 0"
    ls "$TMP/d"/history.db.damaged-* >/dev/null || fail "damaged file not kept"
    ;;
export_onto_database)
    printf 'started_at,routine,completed,duration_s\n2026-11-25T18:02:00-07:00,ultra-legs,yes,900\n' >"$TMP/in.csv"
    expect_status 0 "$BIN" --import-history "$TMP/in.csv" --data-dir "$TMP/d"
    expect_status 1 "$BIN" --export-history "$TMP/d/history.db" --data-dir "$TMP/d"
    expect_err "refusing to write over the history"
    expect_status 1 "$BIN" --export-history "$TMP/d/../d/history.db-wal" --data-dir "$TMP/d"
    expect_err "refusing to write over the history"
    expect_status 1 "$BIN" --export-history /dev/full --data-dir "$TMP/d"
    expect_err "cannot write /dev/full: No space left on device"
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-27T10:00-07:00
    expect_out "Sessions completed: 1"
    ;;
import_spreadsheet)
    # What a European spreadsheet saves: BOM, CRLF, ';', local times, padding.
    printf '\xef\xbb\xbfstarted_at;routine;completed;duration_s;;;;\r\n25/11/2026 18:02;ultra-legs;yes;900;;;;\r\n2026-11-26 07:30:00;daily-hips;yes;600;;;;\r\n04/05/2026 18:00;ultra-legs;yes;900;;;;\r\n' >"$TMP/sheet.csv"
    TZ=Europe/Berlin expect_status 1 "$BIN" --import-history "$TMP/sheet.csv" --data-dir "$TMP/d"
    expect_out "imported 2 sessions, 0 already stored, 1 bad row"
    expect_err "sheet.csv:4: error: ambiguous date '04/05/2026': write it as 2026-05-04 or 2026-04-05"
    expect_err "importing: 3 rows"
    expect_status 0 "$BIN" --export-history "$TMP/out.csv" --data-dir "$TMP/d"
    grep -q '^2026-11-25T18:02:00+01:00,ultra-legs,yes,900' "$TMP/out.csv" || { cat "$TMP/out.csv" >&2; fail "local time not read with its offset"; }
    ;;
suspect_sessions)
    printf 'started_at,routine,completed,duration_s\n2026-11-20T18:00:00-07:00,ultra-legs,yes,900\n2027-11-21T18:00:00-07:00,ultra-legs,yes,900\n2026-11-23T18:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/in.csv"
    expect_status 0 "$BIN" --import-history "$TMP/in.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_out "This week (2026-W48): 1 of"
    expect_out "1 session has a suspect date: see --suspect-sessions"
    expect_status 0 "$BIN" --suspect-sessions --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_out "2027-11-21T18:00:00-07:00  ultra-legs  in the future"
    id=$(awk '/in the future/ {print $1}' "$TMP/out")
    [ -n "$id" ] || fail "no id listed"
    expect_status 0 "$BIN" --suspect-sessions --json --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_json 'd["suspect_sessions"] == [{"id": int(s(0)), "started_at": "2027-11-21T18:00:00-07:00", "routine": "ultra-legs", "why": "in the future"}]' "$id"
    # A new date in the future is refused like 2015 is, with the reason.
    expect_status 1 "$BIN" --fix-session-date "$id" 2027-06-01T10:00-07:00 --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_err "--fix-session-date: a session cannot start more than a day after now (the clock says 24 Nov 2026)"
    expect_status 1 "$BIN" --fix-session-date "$id" 2015-06-01T10:00-07:00 --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_err "--fix-session-date: a session cannot start before 2020"
    expect_status 0 "$BIN" --fix-session-date "$id" 2026-11-21T18:00-07:00 --data-dir "$TMP/d"
    expect_out "session $id now starts 2026-11-21T18:00:00-07:00"
    expect_status 0 "$BIN" --suspect-sessions --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_out "No session has a suspect date."
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_out "Sessions completed: 3"
    # Deleting asks for --yes when nobody can be asked.
    expect_status 1 "$BIN" --delete-session "$id" --data-dir "$TMP/d" </dev/null
    expect_err "add --yes to delete it"
    # On a terminal it asks, naming the session's start and routine.
    asked=$(echo n | script -qec "'$BIN' --delete-session $id --data-dir '$TMP/d'" /dev/null)
    case $asked in
    *"Delete session $id (2026-11-21T18:00:00-07:00, ultra-legs) and its sets? [y/N]"*) ;;
    *) fail "the question does not name the session: $asked" ;;
    esac
    expect_status 0 "$BIN" --delete-session "$id" --yes --data-dir "$TMP/d"
    expect_out "deleted session $id"
    expect_status 1 "$BIN" --delete-session "$id" --yes --data-dir "$TMP/d"
    expect_err "no session $id in the history"
    expect_status 2 "$BIN" --fix-session-date 3 yesterday --data-dir "$TMP/d"
    expect_err "--fix-session-date: bad date 'yesterday'"
    ;;
check_config)
    mkdir -p "$TMP/config/ultralegs"
    printf '[settings]\nvolume = loud\nvoice = perhaps\ntempo = 20\nweekly_target = 9\nunits = stone\nthis line is wrong\nspeech_rate = 5\nvideo_fit = stretch\n' >"$TMP/config/ultralegs/config.ini"
    expect_status 1 "$BIN" --check
    c=$TMP/config/ultralegs/config.ini
    expect_out "$c:2: error: 'volume' must be 0 to 100, not 'loud'"
    expect_out "$c:3: error: 'voice' must be yes or no"
    expect_out "$c:4: error: 'tempo'"
    expect_out "$c:5: error: 'weekly_target'"
    expect_out "$c:6: error: 'units'"
    expect_out "$c:7: error: not a setting, a section or a comment"
    expect_out "$c:8: error: 'speech_rate'"
    expect_out "$c:9: error: 'video_fit'"
    expect_out "8 errors, 9 warnings"
    expect_status 1 "$BIN" --check --json
    expect_json 'd["ok"] is False and d["errors"] == 8'
    expect_json '[p["line"] for p in d["problems"] if p["file"] == s(0)] == list(range(2, 10))' "$c"
    # The kiosk keeps coaching and says how many, not only the first.
    expect_status 0 "$BIN" --headless --virtual-clock --auto --routine daily-hips \
        --data-dir "$TMP/config/ultralegs" --cue-log "$TMP/cues.tsv"
    grep -qP '\tnotice\tconfig.ini has 8 problems \(defaults kept\): run ultralegs --check$' "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "no count of the settings problems"; }
    ;;
kiosk_restores_backup)
    # The kiosk's daily backup, then a session, then a zeroed page (a failing
    # SD card): the backup comes back and the screen says what was lost.
    printf 'started_at,routine,completed,duration_s\n2026-11-20T18:00:00-07:00,ultra-legs,yes,900\n2026-11-22T18:00:00-07:00,daily-hips,yes,900\n' >"$TMP/a.csv"
    printf 'started_at,routine,completed,duration_s\n2026-11-26T18:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/b.csv"
    printf '1 quit\n' >"$TMP/quit.txt"
    expect_status 0 "$BIN" --import-history "$TMP/a.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/quit.txt" --data-dir "$TMP/d" \
        --now 2026-11-25T10:00-07:00
    [ -e "$TMP/d/backups/history-2026-11-25.db" ] || fail "no daily backup"
    expect_status 0 "$BIN" --import-history "$TMP/b.csv" --data-dir "$TMP/d"
    dd if=/dev/zero of="$TMP/d/history.db" bs=4096 seek=1 count=1 conv=notrunc 2>/dev/null
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/quit.txt" --data-dir "$TMP/d" \
        --now 2026-11-28T10:00-07:00 --cue-log "$TMP/cues.tsv"
    grep -qP '\tnotice\tHistory restored from the backup of 25 Nov: 1 recent session could not be read$' \
        "$TMP/cues.tsv" || { cat "$TMP/cues.tsv" "$TMP/err" >&2; fail "no short notice of the restore"; }
    expect_err "kept as $TMP/d/history.db.damaged-"
    [ -e "$TMP/d/backups/pre-damage-2026-11-25.db" ] || fail "the pre-damage backup is not kept"
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-28T10:00-07:00
    expect_out "Sessions completed: 2"
    ;;
history_read_only_user)
    # A folder the kiosk's user cannot write: the history is shown, read-only,
    # with the real reason. As root the check runs as a user 'runner'.
    printf 'started_at,routine,completed,duration_s\n2026-11-24T18:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/a.csv"
    expect_status 0 "$BIN" --import-history "$TMP/a.csv" --data-dir "$TMP/ro"
    chmod 755 "$TMP" "$HOME"
    chmod 555 "$TMP/ro"
    as_user=()
    if [ "$(id -u)" = 0 ]; then
        id runner >/dev/null 2>&1 || useradd -m runner || fail "cannot add a user 'runner'"
        as_user=(runuser -u runner --)
    fi
    expect_status 0 "${as_user[@]}" env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        "$BIN" --history --data-dir "$TMP/ro" --now 2026-11-25T10:00-07:00
    expect_err "History is read-only (folder not writable): new sessions will not be saved"
    expect_out "This week (2026-W48): 1 of"
    [ ! -e "$TMP/ro/history.db-shm" ] || fail "a stray -shm was left"
    [ "$(grep -c 'read-only' "$TMP/err")" = 1 ] \
        || { cat "$TMP/err" >&2; fail "the read-only reason is not logged exactly once"; }
    # A change refused: the reason once, and what was not done.
    expect_status 1 "${as_user[@]}" env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        "$BIN" --delete-session 1 --yes --data-dir "$TMP/ro"
    [ "$(grep -c 'History is read-only (folder not writable)' "$TMP/err")" = 1 ] \
        || { cat "$TMP/err" >&2; fail "the read-only reason is not logged exactly once"; }
    expect_err "ultralegs: --delete-session: not done"
    expect_status 1 "${as_user[@]}" env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        "$BIN" --export-history "$TMP/ro/out.csv" --data-dir "$TMP/ro"
    [ "$(grep -c 'out.csv' "$TMP/err")" = 1 ] \
        || { cat "$TMP/err" >&2; fail "the export's failure is not logged exactly once"; }
    chmod 755 "$TMP/ro"
    ;;
settings_doubtful_dates)
    # The settings screen lists the sessions with a doubtful date: one moved
    # to its right day, one deleted after a confirmation. Right never goes
    # past a day from now (10:00 on the 24th): the 24th at 18:00 is the last.
    printf 'started_at,routine,completed,duration_s\n2019-05-01T10:00:00Z,ultra-legs,yes,900\n2026-11-20T18:00:00-07:00,ultra-legs,yes,900\n2027-11-21T18:00:00-07:00,daily-hips,yes,600\n' >"$TMP/a.csv"
    expect_status 0 "$BIN" --import-history "$TMP/a.csv" --data-dir "$TMP/d"
    printf '1 settings\n1.2 up\n1.4 ok\n1.6 down\n1.7 right\n1.8 right\n1.9 right\n2.2 ok\n2.4 pause\n2.5 back\n2.6 pause\n2.8 ok\n3 back\n3.5 quit\n' >"$TMP/s.txt"
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/s.txt" --data-dir "$TMP/d" \
        --now 2026-11-24T10:00-07:00 --cue-log "$TMP/cues.tsv" --screenshot 2.0:"$TMP/dates.png"
    grep -qP '\tnotice\t1 session dated in the future: see Settings, Doubtful dates$' "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "no notice of the future session"; }
    grep -qP '^2\.200\tsettings\tSession moved to Tue 24 Nov 2026 18:00$' "$TMP/cues.tsv" \
        || { cat "$TMP/cues.tsv" >&2; fail "the date was not saved"; }
    [ "$(grep -c 'Session deleted' "$TMP/cues.tsv")" = 1 ] || { cat "$TMP/cues.tsv" >&2; fail "Back did not keep it, or OK did not delete it"; }
    [ -s "$TMP/dates.png" ] || fail "no screenshot"
    expect_status 0 "$BIN" --suspect-sessions --data-dir "$TMP/d" --now 2026-11-24T10:00-07:00
    expect_out "No session has a suspect date."
    expect_status 0 "$BIN" --export-history "$TMP/out.csv" --data-dir "$TMP/d"
    grep -q '^2026-11-24T18:00:00-07:00,daily-hips,yes,600' "$TMP/out.csv" || { cat "$TMP/out.csv" >&2; fail "not moved"; }
    ! grep -q '^2019' "$TMP/out.csv" || fail "not deleted"
    ;;
stop_signal)
    # The service manager stops the kiosk mid-session: it ends cleanly and
    # the session is kept as far as it went.
    "$BIN" --headless --auto --routine ultra-legs --data-dir "$TMP/d" \
        --cue-log "$TMP/cues.tsv" >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 1 200); do [ -e "$TMP/cues.tsv" ] && break; sleep 0.1; done
    sleep 2
    kill -TERM $pid
    wait $pid
    got=$?
    [ "$got" = 0 ] || { cat "$TMP/err" >&2; fail "exit status $got after SIGTERM, want 0"; }
    expect_err "ultralegs: stopping (signal 15)"
    grep -qP '\tended\tWorkout ended early$' "$TMP/cues.tsv" || fail "no end in the cue log"
    expect_status 0 "$BIN" --export-history "$TMP/h.csv" --data-dir "$TMP/d"
    grep -q ',ultra-legs,no,' "$TMP/h.csv" || { cat "$TMP/h.csv" >&2; fail "the cut session is not in the history"; }
    ;;
loop_routines)
    # --auto --loop coaches every routine in turn, in one process.
    "$BIN" --headless --virtual-clock --auto --loop --routine daily-hips \
        --data-dir "$TMP/d" >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 1 1200); do
        grep -q "loop 3 done" "$TMP/err" && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.1
    done
    kill -TERM $pid
    wait $pid
    got=$?
    [ "$got" = 0 ] || { cat "$TMP/err" >&2; fail "exit status $got, want 0"; }
    expect_err "ultralegs: loop 3 done"
    expect_status 0 "$BIN" --export-history "$TMP/h.csv" --data-dir "$TMP/d"
    for r in daily-hips ultra-legs mountain-legs; do
        grep -q ",$r,yes," "$TMP/h.csv" || { cat "$TMP/h.csv" >&2; fail "$r not coached in the loop"; }
    done
    ;;
loop_needs_auto)
    expect_status 2 "$BIN" --headless --loop
    expect_err "--loop goes with --auto"
    ;;
history_unreadable)
    # The history opens but part of it cannot be read: the kiosk says so on
    # screen (a notice), and the store's reason is in the log once.
    printf 'started_at,routine,completed,duration_s\n2026-11-20T18:00:00-07:00,ultra-legs,yes,900\n' >"$TMP/a.csv"
    expect_status 0 "$BIN" --import-history "$TMP/a.csv" --data-dir "$TMP/d"
    sqlite3 "$TMP/d/history.db" 'DROP TABLE paused_weeks' || fail "cannot change the test database"
    printf '1 quit\n' >"$TMP/quit.txt"
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/quit.txt" --data-dir "$TMP/d" \
        --now 2026-11-25T10:00-07:00 --cue-log "$TMP/cues.tsv"
    grep -qP '\tnotice\tHistory could not be read \(reading the history: no such table: paused_weeks\)' \
        "$TMP/cues.tsv" || { cat "$TMP/cues.tsv" "$TMP/err" >&2; fail "no notice of the unreadable history"; }
    [ "$(grep -c 'store: reading the history: no such table' "$TMP/err")" = 1 ] \
        || { cat "$TMP/err" >&2; fail "the store's reason is not logged exactly once"; }
    # --history: the reason once, and a failing exit status.
    expect_status 1 "$BIN" --history --data-dir "$TMP/d" --now 2026-11-25T10:00-07:00
    [ "$(grep -c 'reading the history: no such table: paused_weeks' "$TMP/err")" = 1 ] \
        || { cat "$TMP/err" >&2; fail "--history logs the failure other than once"; }
    ;;
profiles_two_runners)
    # Ana's two weeks come from a spreadsheet, Bo trains on the kiosk: each
    # has their own streak, XP and sessions, and a session of one moves
    # nothing of the other's.
    NOW=2026-11-25T18:00-07:00
    cat >"$TMP/ana.csv" <<'CSV'
started_at,routine,completed,duration_s
2026-11-10T18:00:00-07:00,ultra-legs,yes,1500
2026-11-12T18:00:00-07:00,ultra-legs,yes,1500
2026-11-17T18:00:00-07:00,ultra-legs,yes,1500
2026-11-19T18:00:00-07:00,ultra-legs,yes,1500
CSV
    expect_status 0 "$BIN" --profile Ana --import-history "$TMP/ana.csv" --data-dir "$TMP/d" --now $NOW
    expect_out "imported 4 sessions, 0 already stored, 0 bad rows"
    # A new file's empty "Runner" took Ana's name: one runner, no picker.
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd == [{"name": "Ana", "sessions": 4, "weekly_streak": 2}]'
    expect_status 0 "$BIN" --history --json --profile Ana --data-dir "$TMP/d" --now $NOW
    cp "$TMP/out" "$TMP/ana-before.json"
    expect_json 'd["profile"] == "Ana" and d["weekly_streak"]["current"] == 2'
    # Bo is new: the kiosk adds him and coaches a whole session.
    expect_status 0 "$BIN" --profile Bo --headless --virtual-clock --auto --routine ultra-legs \
        --data-dir "$TMP/d" --now $NOW --cue-log "$TMP/cues.tsv"
    grep -qP '^0\.000\trunner\tBo$' "$TMP/cues.tsv" || { cat "$TMP/cues.tsv" >&2; fail "the cue log does not name Bo"; }
    grep -qP '\tdone\tUltra Legs done' "$TMP/cues.tsv" || fail "Bo's session did not end"
    expect_status 0 "$BIN" --history --json --profile Bo --data-dir "$TMP/d" --now $NOW
    expect_json 'd["profile"] == "Bo" and d["total_sessions"] == 1 and d["this_week"]["sessions"] == 1'
    expect_json 'd["weekly_streak"]["current"] == 0 and d["xp"] > 0'
    expect_json 'any(p["sessions"] == 1 for p in d["progression"])'
    # Ana's history is as it was, to the byte.
    expect_status 0 "$BIN" --history --json --profile ana --data-dir "$TMP/d" --now $NOW
    cmp -s "$TMP/out" "$TMP/ana-before.json" || { diff "$TMP/ana-before.json" "$TMP/out" >&2; fail "Bo's session changed Ana's history"; }
    expect_json 'all(p["sessions"] == 0 for p in d["progression"])'
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd == [{"name": "Ana", "sessions": 4, "weekly_streak": 2}, {"name": "Bo", "sessions": 1, "weekly_streak": 0}]'
    # Without --profile: the runner used last (Bo).
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd["profile"] == "Bo"'
    expect_status 0 "$BIN" --history --data-dir "$TMP/d" --now $NOW
    expect_out "Bo's history"
    # An unknown runner is an error that lists who there is.
    expect_status 1 "$BIN" --history --profile Cy --data-dir "$TMP/d" --now $NOW
    expect_err "no profile called 'Cy' (the profiles: Ana and Bo)"
    expect_status 1 "$BIN" --export-history "$TMP/cy.csv" --profile Cy --data-dir "$TMP/d"
    expect_err "no profile called 'Cy'"
    [ ! -e "$TMP/cy.csv" ] || fail "an export for no one wrote a file"
    expect_status 2 "$BIN" --history --profile --json --data-dir "$TMP/d"
    expect_err "--profile needs a value, not the option '--json'"
    ;;
profiles_export_import)
    # A runner's export, imported as another runner, is theirs too; the
    # same file twice for one runner is stored once.
    cat >"$TMP/ana.csv" <<'CSV'
started_at,routine,completed,duration_s,sets
2026-11-17T18:00:00-07:00,ultra-legs,yes,1500,nordic-curls//4/0/-/10/10/0/0
2026-11-19T18:00:00-07:00,ultra-legs,yes,1500,nordic-curls//4/0/-/10/11/0/0
CSV
    expect_status 0 "$BIN" --profile Ana --import-history "$TMP/ana.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --profile Ana --export-history "$TMP/out-ana.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --profile Cy --import-history "$TMP/out-ana.csv" --data-dir "$TMP/d"
    expect_out "imported 2 sessions, 0 already stored, 0 bad rows"
    expect_err "new profile: Cy"
    expect_status 0 "$BIN" --profile Cy --import-history "$TMP/out-ana.csv" --data-dir "$TMP/d"
    expect_out "imported 0 sessions, 2 already stored, 0 bad rows"
    expect_status 0 "$BIN" --profile Cy --export-history "$TMP/out-cy.csv" --data-dir "$TMP/d"
    cmp -s "$TMP/out-ana.csv" "$TMP/out-cy.csv" || fail "Cy's export differs from Ana's"
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now 2026-11-20T10:00-07:00
    expect_json '[p["sessions"] for p in d] == [2, 2] and [p["name"] for p in d] == ["Ana", "Cy"]'
    ;;
profiles_overrides)
    # A runner's own weekly target: their streak and their "this week" by
    # it; the other runner keeps the plan's.
    NOW=2026-11-25T18:00-07:00
    printf 'started_at,routine,completed,duration_s\n2026-11-17T18:00:00-07:00,ultra-legs,yes,1500\n' >"$TMP/one.csv"
    expect_status 0 "$BIN" --profile Ana --import-history "$TMP/one.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --profile Bo --import-history "$TMP/one.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --profile Bo --profile-set target=1 --data-dir "$TMP/d"
    expect_out "Bo: target 1 a week"
    expect_status 0 "$BIN" --history --json --profile Bo --data-dir "$TMP/d" --now $NOW
    expect_json 'd["weekly_target"] == 1 and d["weekly_streak"]["current"] == 1'
    expect_status 0 "$BIN" --history --json --profile Ana --data-dir "$TMP/d" --now $NOW
    expect_json 'd["weekly_target"] == 2 and d["weekly_streak"]["current"] == 0'
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now $NOW
    expect_json '[p["weekly_streak"] for p in d] == [0, 1]'
    expect_status 1 "$BIN" --profile Bo --profile-set tempo=20 --data-dir "$TMP/d"
    expect_err "tempo: bad value '20'"
    expect_status 2 "$BIN" --profile-set tempo=90 --data-dir "$TMP/d"
    expect_err "--profile-set goes with --profile NAME"
    # Back to the household's.
    expect_status 0 "$BIN" --profile Bo --profile-set target= --data-dir "$TMP/d"
    expect_out "Bo: the household's settings"
    expect_status 0 "$BIN" --history --json --profile Bo --data-dir "$TMP/d" --now $NOW
    expect_json 'd["weekly_target"] == 2'
    # The settings screen as Bo (--profile: no picker): a faster
    # tempo is Bo's own; config.ini keeps the household's.
    printf '2 settings\n2.2 down\n2.4 down\n2.6 right\n3 back\n4 quit\n' >"$TMP/tempo.txt"
    expect_status 0 "$BIN" --profile Bo --headless --virtual-clock --script "$TMP/tempo.txt" \
        --data-dir "$TMP/d" --now $NOW
    expect_status 0 "$BIN" --profiles --data-dir "$TMP/d" --now $NOW
    expect_out "tempo 110%"
    grep -q '^tempo *= *110' "$TMP/d/config.ini" && fail "Bo's tempo went to config.ini"
    grep -q '^tempo' "$TMP/d/config.ini" || fail "config.ini was not saved"
    ;;
profiles_migrate)
    # A history file from before profiles (schema 3, written here with
    # Python's sqlite3 as that version wrote it) becomes "Runner"'s; every
    # session and the streak are there.
    mkdir -p "$TMP/d"
    /usr/bin/python3 - "$TMP/d/history.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
CREATE TABLE sessions(id INTEGER PRIMARY KEY, routine TEXT NOT NULL,
 started_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,
 training_day INTEGER NOT NULL, ended_utc INTEGER,
 completed INTEGER NOT NULL DEFAULT 0, duration_s INTEGER NOT NULL DEFAULT 0,
 clock_suspect INTEGER NOT NULL DEFAULT 0, boot_id TEXT NOT NULL DEFAULT '',
 boot_ms INTEGER NOT NULL DEFAULT 0, uid TEXT);
CREATE TABLE sets(id INTEGER PRIMARY KEY,
 session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
 exercise TEXT NOT NULL, set_no INTEGER NOT NULL, side TEXT NOT NULL,
 reps_target INTEGER NOT NULL, reps_done INTEGER NOT NULL,
 skipped INTEGER NOT NULL DEFAULT 0, load_kg REAL NOT NULL DEFAULT 0,
 block TEXT NOT NULL DEFAULT '', step INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sets_session ON sets(session_id);
CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
CREATE TABLE paused_weeks(week INTEGER PRIMARY KEY);
""")
day0 = 20766  # Monday 9 Nov 2026
for i, d in enumerate([day0 + 1, day0 + 3, day0 + 8, day0 + 10]):
    start = d * 86400 + 25 * 3600
    db.execute("INSERT INTO sessions VALUES(?, 'ultra-legs', ?, -420, ?, ?, 1,"
               " 1500, 0, '', 0, ?)", (i + 1, start, d, start + 1500,
                                       "%d:ultra-legs" % start))
    db.execute("INSERT INTO sets(session_id, exercise, set_no, side,"
               " reps_target, reps_done, load_kg, step) VALUES(?,"
               " 'nordic-curls', 0, '-', 10, ?, 0, 4)", (i + 1, 8 + i))
db.execute("PRAGMA user_version = 3")
db.commit()
PY
    NOW=2026-11-25T18:00-07:00
    expect_status 0 "$BIN" --history --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd["profile"] == "Runner" and d["total_sessions"] == 4 and d["weekly_streak"]["current"] == 2'
    expect_json '[p for p in d["progression"] if p["exercise"] == "nordic-curls"][0]["recent_reps"] == [8, 9, 10, 11]'
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd == [{"name": "Runner", "sessions": 4, "weekly_streak": 2}]'
    # Runner has history: the first named runner is a second profile.
    printf 'started_at,routine,completed,duration_s\n2026-11-24T18:00:00-07:00,ultra-legs,yes,1500\n' >"$TMP/bo.csv"
    expect_status 0 "$BIN" --profile Bo --import-history "$TMP/bo.csv" --data-dir "$TMP/d"
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now $NOW
    expect_json 'd == [{"name": "Runner", "sessions": 4, "weekly_streak": 2}, {"name": "Bo", "sessions": 1, "weekly_streak": 0}]'
    ;;
profiles_settings)
    # On the settings screen, with the remote only: add a runner by typing
    # their name on the keys, rename them, give them another colour; then
    # delete them, which asks twice and keeps their sessions in backups/.
    printf 'started_at,routine,completed,duration_s\n2026-11-17T18:00:00-07:00,ultra-legs,yes,1500\n' >"$TMP/one.csv"
    expect_status 0 "$BIN" --profile Ana --import-history "$TMP/one.csv" --data-dir "$TMP/d"
    # Keys: A B C ... in rows of ten, then Space, Delete, Done.
    cat >"$TMP/add.txt" <<'SCRIPT'
1 settings
1.1 up
1.2 up
1.3 up
1.4 up
1.6 ok
2 right
2.2 ok
2.4 down
2.6 right
2.8 right
3 right
3.2 ok
3.4 down
3.6 down
3.8 right
4 ok
4.2 up
4.4 up
4.6 ok
4.8 right
5 right
5.2 ok
5.4 down
5.6 down
5.8 right
6 right
6.2 ok
6.4 down
6.6 right
6.8 ok
7 down
7.2 right
8 back
9 quit
SCRIPT
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/add.txt" --data-dir "$TMP/d" \
        --now 2026-11-25T18:00-07:00 --cue-log "$TMP/add.tsv"
    for line in 'settings\tRunner added: Bo$' 'settings\tRunner renamed: Bo to Cy$' "settings\tCy's colour: green$"; do
        grep -qP "$line" "$TMP/add.tsv" || { cat "$TMP/add.tsv" >&2; fail "the cue log lacks $line"; }
    done
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now 2026-11-25T18:00-07:00
    expect_json '[p["name"] for p in d] == ["Ana", "Cy"]'
    expect_status 0 "$BIN" --profile Cy --import-history "$TMP/one.csv" --data-dir "$TMP/d"
    # Cy comes preselected (used last); the first Back at the second
    # question keeps Cy, the next OK, OK, OK deletes.
    cat >"$TMP/del.txt" <<'SCRIPT'
1 ok
2 settings
2.1 up
2.2 up
2.3 up
2.4 ok
2.6 ok
2.8 back
3 ok
3.2 ok
3.4 ok
4 back
5 quit
SCRIPT
    expect_status 0 "$BIN" --headless --virtual-clock --script "$TMP/del.txt" --data-dir "$TMP/d" \
        --now 2026-11-25T18:00-07:00 --cue-log "$TMP/del.tsv"
    [ "$(grep -cP '\tsettings\tRunner deleted: Cy ' "$TMP/del.tsv")" = 1 ] \
        || { cat "$TMP/del.tsv" >&2; fail "Cy was not deleted exactly once"; }
    grep -qP '\tnotice\tCy deleted: their sessions are in backups/profile-Cy-\d{8}-\d{6}\.csv$' "$TMP/del.tsv" \
        || { cat "$TMP/del.tsv" >&2; fail "no notice of the backup"; }
    expect_status 0 "$BIN" --profiles --json --data-dir "$TMP/d" --now 2026-11-25T18:00-07:00
    expect_json 'd == [{"name": "Ana", "sessions": 1, "weekly_streak": 0}]'
    # The backup brings Cy back.
    BACKUP=$(ls "$TMP"/d/backups/profile-Cy-*.csv)
    expect_status 0 "$BIN" --profile Cy --import-history "$BACKUP" --data-dir "$TMP/d"
    expect_out "imported 1 session, 0 already stored, 0 bad rows"
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo "ok: $CASE"
