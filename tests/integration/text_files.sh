#!/bin/bash
# Text files as people save them: Latin-1 bytes are an error with file:line,
# --check --json stays valid UTF-8, length limits count characters (not
# bytes), and --check warns about characters no installed font can draw.
# Usage: text_files.sh ULTRALEGS_BINARY
set -u
BIN=$1
TMP=$(mktemp -d /tmp/ul-text-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
mkdir -p "$TMP/d/routines"
step=$'[step]\nexercise = step-ups\nreps = 3\n'

# Latin-1: "Café Legs" saved by an old editor.
printf '[routine]\ntitle = Caf\xe9 Legs\n%s' "$step" >"$TMP/d/routines/latin.ini"
# 22 Chinese characters (66 bytes): within the 63-character limit.
zh=$(printf '\xe8\x85\xbf%.0s' $(seq 22))
printf '[routine]\ntitle = %s\n%s' "$zh" "$step" >"$TMP/d/routines/zh.ini"
# 64 characters: over it.
long=$(printf 'a%.0s' $(seq 64))
printf '[routine]\ntitle = %s\n%s' "$long" "$step" >"$TMP/d/routines/long.ini"
# An Egyptian hieroglyph: no font of the chain has it.
printf '[routine]\ntitle = Pharaoh \xf0\x93\x80\x80 Legs\n%s' "$step" >"$TMP/d/routines/eg.ini"
# Chinese, accents, Arabic and an emoji: every one can be drawn.
printf '[routine]\ntitle = \xe8\x85\xbf Caf\xc3\xa9 \xd8\xb3\xd8\xa7\xd9\x82 \xf0\x9f\x94\xa5\n%s' \
    "$step" >"$TMP/d/routines/mixed.ini"

"$BIN" --data-dir "$TMP/d" --check >"$TMP/out.txt" 2>&1
grep -q "routines/latin.ini:2: error: not UTF-8: saved as Latin-1?" "$TMP/out.txt" ||
    bad "no file:line error for the Latin-1 file"
# The first cause only: the title is on the unreadable line, so it is not
# also reported missing.
[ "$(grep -c "routines/latin.ini" "$TMP/out.txt")" = 2 ] ||
    bad "Latin-1 file: more than its one error and the skip notice: $(grep latin.ini "$TMP/out.txt")"
grep -q "routines/zh.ini" "$TMP/out.txt" && bad "22 Chinese characters refused: $(grep zh.ini "$TMP/out.txt")"
grep -q "routines/long.ini:2: error: 'title' is too long (at most 63 characters)" "$TMP/out.txt" ||
    bad "64 characters accepted"
grep -q "routines/eg.ini: warning: the title has a character no installed font can draw (U+13000)" \
    "$TMP/out.txt" || bad "no warning for a character no font has"
grep -q "routines/mixed.ini" "$TMP/out.txt" && bad "a drawable title warned: $(grep mixed.ini "$TMP/out.txt")"

"$BIN" --data-dir "$TMP/d" --check --json >"$TMP/out.json" 2>/dev/null
iconv -f UTF-8 -t UTF-8 "$TMP/out.json" >/dev/null 2>&1 || bad "--check --json is not UTF-8"
/usr/bin/python3 "$(dirname "$0")/json_check.py" "$TMP/out.json" \
    'any(r["title"] == s(0) for r in d["routines"])' "$zh" || bad "the Chinese title is not in the JSON"
[ "$fail" = 0 ] && echo "text files: all checks passed"
exit $fail
