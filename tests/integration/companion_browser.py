"""The companion page in a real browser (Debian's chromium, headless, through
chromium-driver and python3-selenium): pair by typing the code the kiosk
wrote to its log, see the streak, press OK on the page and watch the kiosk
start the routine, with no errors in the browser's console; screenshots at
a phone's size and a laptop's, and no sideways scrolling on the phone.
Usage: companion_browser.py ULTRALEGS_BINARY [SCREENSHOT_DIR]"""

import json
import os
import shutil
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from companion_util import (browser, console_errors,  # noqa: E402
                            no_sideways_scroll)
from kiosk_web import Kiosk, make_history, request, temp_dir  # noqa: E402

BIN = sys.argv[1]
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None


def shot(d, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        d.save_screenshot(os.path.join(SHOTS, name))


def kiosk_status(k, d):
    """The kiosk's status, asked with the browser's own cookie."""
    c = d.get_cookie("ulk_session")
    st, _, b = request(k.port, "GET", "/api/status",
                       headers={"Cookie": f"ulk_session={c['value']}"})
    assert st == 200, st
    return json.loads(b)


def main():
    tmp = temp_dir()
    k = None
    drivers = []
    try:
        os.environ["HOME"] = tmp
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(tmp, "data")
        make_history(BIN, tmp)
        k = Kiosk(BIN, tmp)

        # A phone (360 x 740).
        d = browser(360, 740, os.path.join(tmp, "phone"))
        drivers.append(d)
        wait = WebDriverWait(d, 30)
        d.get(k.url)
        code = wait.until(EC.visibility_of_element_located((By.ID, "code")))
        shot(d, "pair-360x740.png")
        no_sideways_scroll(d)
        code.send_keys(k.code)
        d.find_element(By.CSS_SELECTOR, "#pair button[type=submit]").click()
        wait.until(EC.visibility_of_element_located((By.ID, "dash")))
        # The streak from the history: two weeks met.
        wait.until(lambda d: d.find_element(By.ID, "streak-weeks").text == "2")
        assert d.find_element(By.ID, "week-done").text == "1"
        assert d.find_element(By.ID, "week-target").text == "2"
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#heatmap rect"))
        marked = d.find_elements(By.CSS_SELECTOR,
                                 "#heatmap rect[data-sessions='1']")
        assert len(marked) == 6, len(marked)  # six days with a session
        assert d.find_elements(By.CSS_SELECTOR, "#progression svg")
        assert "First full week" in d.find_element(By.ID, "badges").text
        wait.until(lambda d: d.find_element(By.ID, "live-screen").text == "Home")
        wait.until(lambda d: "on" in d.find_element(By.ID, "link")
                   .get_attribute("class"))
        no_sideways_scroll(d)
        shot(d, "dashboard-360x740.png")
        # The whole page at a phone's width, to look at below the fold.
        tall = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(360, tall)
        no_sideways_scroll(d)
        shot(d, "dashboard-360-whole.png")
        d.set_window_size(360, 740)

        # OK on the page: the kiosk starts today's routine (on an easy day
        # it asks first; OK again says yes).
        ok = d.find_element(By.ID, "ok")
        ok.click()
        end = time.time() + 30
        s = kiosk_status(k, d)
        while s["screen"] in ("home", "routines") and time.time() < end:
            if s["screen"] == "routines":
                ok.click()
                time.sleep(0.3)
            time.sleep(0.1)
            s = kiosk_status(k, d)
        assert s["screen"] in ("intro", "countdown", "work"), s
        # The page shows it live, from the event stream.
        wait.until(lambda d: d.find_element(By.ID, "live-exercise").text ==
                   s["exercise"])
        wait.until(lambda d: d.find_element(By.ID, "live-set").text ==
                   f"1/{s['sets']}")
        shot(d, "live-360x740.png")
        no_sideways_scroll(d)
        errs = console_errors(d)
        assert not errs, errs

        # A laptop (1280 x 800): the same page, paired already? No: its own
        # browser pairs with the new code the kiosk now shows.
        code2 = k.wait_code(other_than=None)
        lap = browser(1280, 800, os.path.join(tmp, "laptop"))
        drivers.append(lap)
        lwait = WebDriverWait(lap, 30)
        lap.get(k.url)
        lwait.until(EC.visibility_of_element_located((By.ID, "code"))) \
            .send_keys(code2)
        lap.find_element(By.CSS_SELECTOR, "#pair button[type=submit]").click()
        lwait.until(lambda d: d.find_element(By.ID, "streak-weeks").text == "2")
        lwait.until(lambda d: d.find_element(By.ID, "live-exercise").text ==
                    s["exercise"])
        shot(lap, "dashboard-1280x800.png")
        errs = console_errors(lap)
        assert not errs, errs

        assert k.stop() == 0
        k = None
        with open(os.path.join(tmp, "cues.tsv")) as f:
            cues = f.read()
        assert "\tstart\t" in cues and s["exercise"] in cues, cues
        print("companion_browser: all passed")
    finally:
        for d in drivers:
            d.quit()
        if k:
            k.stop()
        shutil.rmtree(tmp, ignore_errors=True)


main()
