"""The companion page against the real kiosk (headless, real clock): the log
line with the address and code, pairing, the status following the kiosk,
an action from the phone moving it exactly as the remote's key does, the
history as --history --json gives it, the CSV export, the event stream,
and a phone that stays paired across a restart.
Usage: web_kiosk.py ULTRALEGS_BINARY"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_web import (NOW, Kiosk, make_history, pair, request,  # noqa: E402
                       temp_dir)

BIN = sys.argv[1]


def status(k, cookie):
    st, _, b = request(k.port, "GET", "/api/status",
                       headers={"Cookie": cookie})
    assert st == 200, (st, b)
    return json.loads(b)


def wait_screen(k, cookie, want, timeout=30):
    end = time.time() + timeout
    s = None
    while time.time() < end:
        s = status(k, cookie)
        if s["screen"] in want:
            return s
        time.sleep(0.05)
    raise AssertionError(f"screen {s} never became {want}")


def action(k, cookie, csrf, name):
    st, _, b = request(k.port, "POST", "/api/action", {"action": name},
                       {"Cookie": cookie, "X-CSRF-Token": csrf})
    assert st == 204, (name, st, b)


def main():
    d = temp_dir()
    try:
        os.environ["HOME"] = d
        os.environ["XDG_CONFIG_HOME"] = os.path.join(d, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(d, "data")
        make_history(BIN, d)
        k = Kiosk(BIN, d)
        assert k.url == f"http://127.0.0.1:{k.port}/", k.url
        first_code = k.code

        # Nothing without pairing.
        st, h, body = request(k.port, "GET", "/")
        assert st == 200 and b"<form" in body
        assert "default-src 'self'" in h["content-security-policy"]
        st, _, _ = request(k.port, "GET", "/api/status")
        assert st == 401, st
        wrong = "%06d" % ((int(k.code) + 1) % 1000000)
        st, _, _ = request(k.port, "POST", "/api/pair", {"code": wrong})
        assert st == 403, st

        cookie, csrf = pair(k)
        # The code pairs one device: a new one is in the log.
        k.wait_code(other_than=first_code)

        s = status(k, cookie)
        assert s["screen"] == "home", s
        for key in ("routine", "exercise", "set", "sets", "side", "reps_done",
                    "reps_target", "seconds_left"):
            assert key in s and s[key] is None, (key, s)

        # The history is the object --history --json prints.
        st, _, b = request(k.port, "GET", "/api/history",
                           headers={"Cookie": cookie})
        assert st == 200, st
        cli = subprocess.run([BIN, "--history", "--json", "--data-dir", d,
                              "--now", NOW], check=True, capture_output=True)
        assert json.loads(b) == json.loads(cli.stdout), (b, cli.stdout)
        assert json.loads(b)["weekly_streak"]["current"] >= 1

        # The CSV export, as --export-history writes it.
        st, h, b = request(k.port, "GET", "/api/history.csv",
                           headers={"Cookie": cookie})
        assert st == 200 and h["content-type"].startswith("text/csv"), st
        exp = os.path.join(d, "export.csv")
        subprocess.run([BIN, "--export-history", exp, "--data-dir", d],
                       check=True, capture_output=True)
        with open(exp, "rb") as f:
            assert b == f.read(), b

        # The event stream: the status now, then as it changes.
        ev = socket.create_connection(("127.0.0.1", k.port), timeout=20)
        ev.sendall(("GET /api/events HTTP/1.1\r\nHost: x\r\nCookie: %s\r\n\r\n"
                    % cookie).encode())
        got = b""
        while b"}\n\n" not in got:  # one whole event (the stream is chunked)
            more = ev.recv(4096)
            assert more, got
            got += more
        assert b"text/event-stream" in got
        assert b'"screen":"home"' in got, got

        # OK on the phone: the kiosk starts today's routine, as the remote's
        # OK would, and says so in its cue log.
        action(k, cookie, csrf, "ok")
        s = wait_screen(k, cookie, ("intro", "countdown", "work", "routines"))
        if s["screen"] == "routines":  # the easy-day question: yes
            action(k, cookie, csrf, "ok")
            s = wait_screen(k, cookie, ("intro", "countdown", "work"))
        assert s["routine"] and s["exercise"], s
        assert s["set"] == 1 and s["sets"] >= 1, s
        got = b""
        while b'"screen":"home"' in got or b"}\n\n" not in got:
            more = ev.recv(4096)
            assert more, got
            got = got + more if b"}\n\n" not in got else more
        assert b'"screen":"intro"' in got or b'"exercise"' in got, got
        ev.close()

        # Pause from the phone; OK on the pause menu resumes.
        action(k, cookie, csrf, "pause")
        wait_screen(k, cookie, ("paused",))
        assert k.stop() == 0
        # The cue log (written out as the kiosk stops) has the routine's
        # start, its first exercise and the pause.
        with open(k.cues) as f:
            cues = f.read()
        assert "\tstart\t" in cues, repr(cues)
        assert s["exercise"] in cues, (s, cues)

        # A restart: the phone is still paired; a new code is shown.
        k2 = Kiosk(BIN, d)
        s = status(k2, cookie)
        assert s["screen"] == "home", s
        st, _, _ = request(k2.port, "POST", "/api/action", {"action": "ok"},
                           {"Cookie": cookie})
        assert st == 403, st  # no CSRF token
        assert k2.stop() == 0
        print("web_kiosk: all passed")
    finally:
        shutil.rmtree(d, ignore_errors=True)


main()
