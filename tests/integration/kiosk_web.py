"""The kiosk with its companion page, for the web tests: a history made from
a spreadsheet, the kiosk started headless on a port the system chooses,
its address and pairing code read from its log as a runner reads them off
the TV, and small HTTP helpers (Debian's Python, standard library only)."""

import http.client
import json
import os
import re
import signal
import subprocess
import tempfile
import time

NOW = "2026-11-27T18:00:00-07:00"
HISTORY_CSV = """started_at,routine,completed,duration_s,sets
2026-11-11T18:00:00-07:00,ultra-legs,yes,900,nordic-curls//4/0/-/10/10/0/0
2026-11-15T18:00:00-07:00,ultra-legs,yes,900,
2026-11-18T18:00:00-07:00,ultra-legs,yes,900,
2026-11-22T18:00:00-07:00,ultra-legs,yes,900,
2026-11-24T07:00:00-07:00,daily-hips,yes,400,band-work//0/0/-/20/20/0/0
2026-11-25T18:02:00-07:00,ultra-legs,yes,950,band-work//0/0/-/20/20/0/0;step-ups//2/0/L/30/30/0/0;step-ups//2/0/R/30/30/0/0
"""
LINE = re.compile(r"web: (http://[0-9.]+:(\d+)/) pairing code (\d{6})")


class Kiosk:
    def __init__(self, binary, data_dir, extra=()):
        self.binary = binary
        self.data = data_dir
        self.cues = os.path.join(data_dir, "cues.tsv")
        self.log_path = os.path.join(data_dir, "kiosk.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [binary, "--headless", "--data-dir", data_dir, "--now", NOW,
             "--web-port", "any", "--web-bind", "127.0.0.1",
             "--cue-log", self.cues, *extra],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.url, self.port, self.code = None, None, None
        self.wait_code()

    def text(self):
        with open(self.log_path) as f:
            return f.read()

    def wait_code(self, other_than=None, timeout=60):
        """The latest pairing code in the log (one that differs from
        other_than when given)."""
        end = time.time() + timeout
        while time.time() < end:
            found = LINE.findall(self.text())
            if found and found[-1][2] != other_than:
                self.url, port, self.code = found[-1]
                self.port = int(port)
                return self.code
            if self.proc.poll() is not None:
                raise AssertionError("the kiosk exited:\n" + self.text())
            time.sleep(0.05)
        raise AssertionError("no new pairing code in the log:\n" + self.text())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        status = self.proc.wait(timeout=60)
        self.log.close()
        return status


def make_history(binary, data_dir):
    csv = os.path.join(data_dir, "h.csv")
    with open(csv, "w") as f:
        f.write(HISTORY_CSV)
    subprocess.run([binary, "--import-history", csv, "--data-dir", data_dir],
                   check=True, capture_output=True)


def request(port, method, path, body=None, headers=None):
    """(status, headers dict (lower-case names), body bytes)"""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    c.request(method, path, body=data, headers=h)
    r = c.getresponse()
    out = (r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    c.close()
    return out


def pair(kiosk):
    """Pair with the code from the log: (cookie header, csrf token)."""
    st, h, b = request(kiosk.port, "POST", "/api/pair", {"code": kiosk.code})
    assert st == 200, (st, b)
    cookie = h["set-cookie"].split(";")[0]
    return cookie, json.loads(b)["csrf"]


def temp_dir():
    return tempfile.mkdtemp(prefix="ul-webtest-")
