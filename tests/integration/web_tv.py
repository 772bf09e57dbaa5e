"""The TV's side of the companion page, read from the kiosk's layout log: a
banner with the pairing code while a phone is asking; Settings > Phone
shows the address by name and by IP, a QR code and the code, lists the
paired phone, and forgets it (its browser is then refused).
Usage: web_tv.py ULTRALEGS_BINARY [SCREENSHOT_DIR]"""

import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_web import Kiosk, pair, request, temp_dir  # noqa: E402

BIN = sys.argv[1]
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None


def wait_file(path, k, timeout=60):
    end = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > end or k.proc.poll() is not None:
            raise AssertionError("no " + path + "\n" + k.text())
        time.sleep(0.05)


def main():
    d = temp_dir()
    try:
        os.environ["HOME"] = d
        os.environ["XDG_CONFIG_HOME"] = os.path.join(d, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(d, "data")
        shots = SHOTS or d
        os.makedirs(shots, exist_ok=True)
        script = os.path.join(d, "script.txt")
        with open(script, "w") as f:
            # Settings; up wraps to the last row, up again is Phone
            # companion; OK opens it; later OK forgets the chosen phone.
            f.write("4 settings\n4.3 up\n4.6 up\n5 ok\n7 ok\n")
        layout = os.path.join(d, "layout.jsonl")
        s = [os.path.join(shots, n) for n in
             ("tv-asking.png", "tv-phone.png", "tv-forgotten.png")]
        k = Kiosk(BIN, d, ["--windowed=1280x720", "--layout-log", layout,
                           "--script", script, "--screenshot", "3:" + s[0],
                           "--screenshot", "6:" + s[1],
                           "--screenshot", "8:" + s[2]])
        # A phone opens the page unpaired: the TV shows the code.
        st, _, _ = request(k.port, "GET", "/")
        assert st == 200
        wait_file(s[0], k)
        code_then = k.code
        cookie, _ = pair(k)
        wait_file(s[2], k)
        k.proc.wait(timeout=60)
        frames = [json.loads(line) for line in open(layout)]
        texts = [[t["text"] for t in f["texts"]] for f in frames]
        spaced = lambda c: f"{c[:3]} {c[3:]}"  # noqa: E731
        assert frames[0]["screen"] == "home", frames[0]["screen"]
        assert f"A phone asks to pair: code {spaced(code_then)}" in \
            texts[0], texts[0]

        # Settings > Phone: address, IP, the new code, the phone paired.
        assert frames[1]["screen"] == "phone", frames[1]["screen"]
        new_code = k.wait_code(other_than=code_then)
        assert k.url in texts[1], (k.url, texts[1])
        assert any(t.endswith(".local:%d/" % k.port) and
                   t.startswith("http://") for t in texts[1]), texts[1]
        assert spaced(new_code) in texts[1], (new_code, texts[1])
        assert "Paired: 1" in texts[1], texts[1]
        assert "1. Linux" in texts[1] or any(t.startswith("1. ")
                                              for t in texts[1]), texts[1]
        assert not any("asks to pair" in t for t in texts[1]), texts[1]

        # Forgotten: the list is empty and the phone is refused.
        assert "No phone paired yet" in texts[2], texts[2]
        with open(os.path.join(d, "cues.tsv")) as f:
            assert "\tsettings\tForgot a device" in f.read()
        k2 = Kiosk(BIN, d)
        st, _, _ = request(k2.port, "GET", "/api/status",
                           headers={"Cookie": cookie})
        assert st == 401, st
        assert k2.stop() == 0
        print("web_tv: all passed")
    finally:
        shutil.rmtree(d, ignore_errors=True)


main()
