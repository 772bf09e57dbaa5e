"""Setting the kiosk up from a browser, against the real kiosk (headless,
real clock): a clip uploaded, a routine saved with an error (the errors are
--check's, at their lines) and then fixed, the settings changed (refusals
with the parser's words) and the coach's video chosen; the kiosk picks every
change up at home and says so, and --describe --json coaches what was set.
Usage: web_setup.py ULTRALEGS_BINARY"""

import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_web import Kiosk, pair, request, temp_dir  # noqa: E402

BIN = sys.argv[1]

HILL_BAD = """; my hill session
[routine]
title = Hill
[step]
exercise = nordic-curlz
reps = 10
sets = 2
"""
HILL_OK = HILL_BAD.replace("nordic-curlz", "nordic-curls")


def raw_request(port, method, path, data, headers):
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path, body=data, headers=headers)
    r = c.getresponse()
    out = (r.status, r.read())
    c.close()
    return out


def wait_log(k, text, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if text in k.text():
            return
        time.sleep(0.05)
    raise AssertionError(f"never in the log: {text}\n" + k.text())


def describe(d, routine):
    out = subprocess.run([BIN, "--describe", routine, "--json", "--data-dir",
                          d], check=True, capture_output=True)
    return json.loads(out.stdout)


def main():
    d = temp_dir()
    kiosks = []
    try:
        os.environ["HOME"] = d
        os.environ["XDG_CONFIG_HOME"] = os.path.join(d, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(d, "data")
        clip = os.path.join(d, "coach.mp4")
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi",
                        "-i", "testsrc2=size=320x240:rate=25", "-t", "200",
                        "-pix_fmt", "yuv420p", "-g", "250", clip], check=True)
        k = Kiosk(BIN, d)
        kiosks.append(k)
        cookie, csrf = pair(k)
        auth = {"Cookie": cookie, "X-CSRF-Token": csrf}

        # The coach's video, uploaded.
        with open(clip, "rb") as f:
            body = f.read()
        st, b = raw_request(k.port, "PUT", "/api/clips/coach.mp4", body, auth)
        assert st == 201, (st, b)
        with open(os.path.join(d, "videos", "coach.mp4"), "rb") as f:
            assert f.read() == body
        st, _, b = request(k.port, "GET", "/api/clips",
                           headers={"Cookie": cookie})
        clips = json.loads(b)
        assert [c["name"] for c in clips] == ["coach.mp4"], clips
        assert clips[0]["playable"] and clips[0]["width"] == 320, clips
        assert abs(clips[0]["duration_s"] - 200) < 0.5, clips

        # A routine with an error: --check's message at its line; fixed.
        st, b = raw_request(k.port, "PUT", "/api/routines/hill",
                            HILL_BAD.encode(), auth)
        assert st == 422, (st, b)
        errors = json.loads(b)["errors"]
        path = os.path.join(d, "routines", "hill.ini")
        assert not os.path.exists(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:  # what --check says of the same text
            f.write(HILL_BAD)
        check = subprocess.run([BIN, "--check", "--data-dir", d],
                               capture_output=True, text=True).stdout
        os.remove(path)
        for e in errors:
            assert f"{path}:{e['line']}: error: {e['message']}" in check, (
                e, check)
        assert errors and errors[0]["line"] == 5, errors
        st, b = raw_request(k.port, "PUT", "/api/routines/hill",
                            HILL_OK.encode(), auth)
        assert st == 201, (st, b)
        wait_log(k, "Routine hill saved")
        got = describe(d, "hill")
        assert [(s["exercise_id"], s["sets"], s["reps_target"])
                for s in got["steps"]] == [("nordic-curls", 2, 10)], got

        # Settings: refused with the parser's words, then saved.
        st, _, b = request(k.port, "PUT", "/api/settings",
                           {"volume": 300, "units": "stone"}, auth)
        assert st == 422, (st, b)
        errs = {e["key"]: e["message"] for e in json.loads(b)["errors"]}
        assert errs["volume"].startswith("'volume' must be"), errs
        assert "kg or lb" in errs["units"], errs
        st, _, b = request(k.port, "PUT", "/api/settings",
                           {"coach_video": "nope.mp4"}, auth)
        assert st == 422 and b"no 'nope.mp4'" in b, (st, b)
        st, _, b = request(k.port, "PUT", "/api/settings",
                           {"volume": 30, "coach_video": "coach.mp4"}, auth)
        assert st == 200, (st, b)
        assert json.loads(b)["settings"]["volume"] == "30", b
        wait_log(k, "Settings changed: volume, coach_video")
        with open(os.path.join(d, "config.ini")) as f:
            ini = f.read()
        assert "volume = 30\n" in ini and "coach_video = coach.mp4\n" in ini
        st, _, b = request(k.port, "GET", "/api/settings",
                           headers={"Cookie": cookie})
        s = json.loads(b)
        assert s["settings"]["coach_video"] == "coach.mp4", s
        assert s["allowed"]["units"] == "kg or lb", s

        # --describe coaches the coach's video for every exercise with an
        # offset, from its offset on.
        got = describe(d, "ultra-legs")
        cut = [st for st in got["steps"] if st["clip_from_coach_video"]]
        assert cut and all(st["clip"] == "coach.mp4" for st in cut), got
        # Never mid-set: a change made during a workout waits for home.
        def status():
            st, _, b = request(k.port, "GET", "/api/status",
                               headers={"Cookie": cookie})
            return json.loads(b)

        def act(name):
            st, _, b = request(k.port, "POST", "/api/action",
                               {"action": name}, auth)
            assert st == 204, (name, st, b)

        def wait_screen(want, timeout=30):
            end = time.time() + timeout
            while time.time() < end:
                s = status()
                if s["screen"] in want:
                    return s
                time.sleep(0.05)
            raise AssertionError(f"{status()} never became {want}")

        act("ok")
        if wait_screen(("intro", "countdown", "work",
                        "routines"))["screen"] == "routines":
            act("ok")  # the easy-day question: yes
            wait_screen(("intro", "countdown", "work"))
        st, b = raw_request(k.port, "PUT", "/api/routines/later",
                            HILL_OK.encode(), auth)
        assert st == 201, (st, b)
        time.sleep(2)
        assert status()["screen"] in ("intro", "countdown", "work"), status()
        assert "Routine later saved" not in k.text(), k.text()
        act("back")  # the pause menu
        wait_screen(("paused",))
        act("up")  # the menu wraps to its last item: End the workout
        act("ok")
        s = wait_screen(("summary", "home"))
        if s["screen"] == "summary":
            act("ok")
        wait_log(k, "Routine later saved")
        assert status()["screen"] == "home", status()

        # No token, no change.
        st, _, _ = request(k.port, "PUT", "/api/settings", {"volume": 40},
                           {"Cookie": cookie})
        assert st == 403, st
        assert k.stop() == 0
        with open(k.cues) as f:
            cues = f.read()
        assert "\tsettings\tRoutine hill saved" in cues, cues
        print("web_setup: all passed")
    finally:
        for k in kiosks:  # a failed check leaves no kiosk running
            if k.proc.poll() is None:
                k.proc.kill()
                k.proc.wait()
        shutil.rmtree(d, ignore_errors=True)


main()
