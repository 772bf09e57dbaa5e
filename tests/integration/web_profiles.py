"""The companion and the household's runners, against the real kiosk: the
status says whose kiosk it is and lists the runners; the page's switcher
(POST /api/profile) makes it another runner's, the TV goes home, and the
history the page gets is that runner's; an unknown name changes nothing.
Usage: web_profiles.py ULTRALEGS_BINARY"""

import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_web import NOW, Kiosk, pair, request, temp_dir  # noqa: E402

BIN = sys.argv[1]

ANA = ("started_at,routine,completed,duration_s\n"
       "2026-11-17T18:00:00-07:00,ultra-legs,yes,1500\n"
       "2026-11-19T18:00:00-07:00,ultra-legs,yes,1500\n")
BO = ("started_at,routine,completed,duration_s\n"
      "2026-11-24T18:00:00-07:00,ultra-legs,yes,1500\n")


def get(k, cookie, path):
    st, _, b = request(k.port, "GET", path, headers={"Cookie": cookie})
    assert st == 200, (path, st, b)
    return json.loads(b)


def wait(k, cookie, path, test, timeout=30):
    end = time.time() + timeout
    d = None
    while time.time() < end:
        d = get(k, cookie, path)
        if test(d):
            return d
        time.sleep(0.05)
    raise AssertionError(f"{path} never became as expected: {d}")


def main():
    d = temp_dir()
    k = None
    try:
        os.environ["HOME"] = d
        os.environ["XDG_CONFIG_HOME"] = os.path.join(d, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(d, "data")
        for name, rows in (("Ana", ANA), ("Bo", BO)):
            csv = os.path.join(d, name + ".csv")
            with open(csv, "w") as f:
                f.write(rows)
            subprocess.run([BIN, "--profile", name, "--import-history", csv,
                            "--data-dir", d], check=True, capture_output=True)
        k = Kiosk(BIN, d)
        cookie, csrf = pair(k)
        # Two runners: the TV asks who is training; Ana (the first) is
        # preselected and the kiosk is hers until someone chooses.
        s = wait(k, cookie, "/api/status", lambda s: "profile" in s)
        assert s["profile"] == "Ana", s
        assert [p["name"] for p in s["profiles"]] == ["Ana", "Bo"], s
        assert all(p["colour"].startswith("#") and len(p["colour"]) == 7
                   for p in s["profiles"]), s
        h = wait(k, cookie, "/api/history", lambda h: h.get("profile") == "Ana")
        assert h["this_week"]["sessions"] == 0 and h["total_sessions"] == 2, h

        # The switcher: Bo's kiosk, Bo's history.
        hdr = {"Cookie": cookie, "X-CSRF-Token": csrf}
        st, _, b = request(k.port, "POST", "/api/profile", {"name": "bo"}, hdr)
        assert st == 204, (st, b)
        s = wait(k, cookie, "/api/status", lambda s: s["profile"] == "Bo")
        assert s["screen"] == "home", s
        h = wait(k, cookie, "/api/history", lambda h: h.get("profile") == "Bo")
        assert h["this_week"]["sessions"] == 1 and h["total_sessions"] == 1, h

        # Bad requests: no CSRF token, no name, an unknown runner.
        st, _, _ = request(k.port, "POST", "/api/profile", {"name": "Ana"},
                           {"Cookie": cookie})
        assert st == 403, st
        st, _, _ = request(k.port, "POST", "/api/profile", {"who": "Ana"}, hdr)
        assert st == 400, st
        st, _, _ = request(k.port, "POST", "/api/profile", {"name": "Cy"}, hdr)
        assert st == 204, st
        time.sleep(1)
        assert get(k, cookie, "/api/status")["profile"] == "Bo"
        print("ok: web_profiles")
    finally:
        if k:
            k.stop()
        shutil.rmtree(d, ignore_errors=True)


main()
