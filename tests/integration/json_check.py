#!/usr/bin/python3
# Checks a JSON text the kiosk wrote, as a strict reader would take it: the
# bytes must be UTF-8, the text one JSON document with no NaN and no key
# twice in an object. Then a Python expression must hold on it.
#
# Usage: json_check.py [--lines] FILE EXPRESSION [ARG ...]
# --lines: FILE is JSON Lines (the layout log), one document per line, and d
# is the list of them.
# In EXPRESSION: d is the document; s(i) is ARG i as the text a strict UTF-8
# reader sees (ill-formed bytes as U+FFFD, as the kiosk writes them); j(i) is
# ARG i parsed as JSON; step(id) is the first of d["steps"] that coaches
# exercise id; same(a, b) compares two documents and prints a diff when they
# differ; videos(x, dir) is x with dir replaced by VIDEOS in every string;
# streak(csv, now, ...) is the weekly streak worked out independently from
# the imported CSV (streak_ref.py).
import json
import os
import sys


def strict_object(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError("key %r twice in one object" % k)
        obj[k] = v
    return obj


def no_constant(name):
    raise ValueError("%s is not JSON" % name)


def load(raw):
    return json.loads(raw.decode("utf-8"), object_pairs_hook=strict_object,
                      parse_constant=no_constant)


argv = sys.argv[1:]
lines = argv[:1] == ["--lines"]
if lines:
    argv = argv[1:]
path, expression, args = argv[0], argv[1], argv[2:]
try:
    with open(path, "rb") as f:
        raw = f.read()
    if lines:
        if not raw.endswith(b"\n"):
            raise ValueError("the last line is not ended")
        d = [load(line) for line in raw.split(b"\n")[:-1]]
    else:
        d = load(raw)
except (ValueError, UnicodeDecodeError) as e:
    sys.exit("%s: not valid JSON: %s" % (path, e))


def s(i):
    return os.fsencode(args[i]).decode("utf-8", "replace")


def j(i):
    return json.loads(args[i])


def step(exercise_id):
    return next(x for x in d["steps"] if x["exercise_id"] == exercise_id)


def same(a, b):
    if a == b:
        return True
    import difflib
    sys.stderr.writelines(difflib.unified_diff(
        json.dumps(b, indent=2, ensure_ascii=False).splitlines(True),
        json.dumps(a, indent=2, ensure_ascii=False).splitlines(True),
        "want", "got"))
    return False


def videos(x, folder):
    if isinstance(x, str):
        return x.replace(folder, "VIDEOS")
    if isinstance(x, list):
        return [videos(v, folder) for v in x]
    if isinstance(x, dict):
        return {k: videos(v, folder) for k, v in x.items()}
    return x


def streak(csv_path, now, target=2, routines=("ultra-legs",), paused=()):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import streak_ref
    return streak_ref.weekly_streak(csv_path, now, target, routines, paused)


def load_file(p):
    with open(p, "rb") as f:
        return load(f.read())


try:
    ok = eval(expression)
except (KeyError, IndexError, StopIteration, TypeError) as e:
    sys.exit("%s: %s: no such value (%r)" % (path, expression, e))
if not ok:
    sys.exit("%s: not so: %s %s" % (path, expression, " ".join(map(repr, args))))
