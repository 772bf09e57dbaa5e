"""Setting the kiosk up from the companion page in a real browser (Debian's
chromium, headless, selenium), as a runner would: pair, upload a clip (made
here with ffmpeg) and see the progress bar reach 100% and the clip listed as
playing, make it the coach's video, cut one exercise's part with the player
and the buttons, save a routine with an error (shown at its line), fix it
in the form and save it, change a setting (a refusal shown by its field
first); then --describe --json coaches what was set. Screenshots of every
section at 360x740 and 1280x800 (and the whole phone page) go to
SCREENSHOT_DIR, with no sideways scrolling on the phone.
Usage: companion_setup_browser.py ULTRALEGS_BINARY [SCREENSHOT_DIR]"""

import json
import os
import shutil
import subprocess
import sys
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from companion_util import (browser, console_errors, no_sideways_scroll,  # noqa: E402
                            pair_browser)
from kiosk_web import Kiosk, temp_dir  # noqa: E402

BIN = sys.argv[1]
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
TABS = ("dash", "clips", "coach", "routines", "settings")
# The page redraws a list when the kiosk says something changed (a save, a
# reload): an element read just then is gone, and is looked up again.
STALE = (StaleElementReferenceException,)


def waiter(d, seconds):
    return WebDriverWait(d, seconds, ignored_exceptions=STALE)


def shot(d, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        d.save_screenshot(os.path.join(SHOTS, name))


def shots(d, tag, width, height, whole=False):
    """Every section at this size (and the whole page when whole)."""
    for tab in TABS:
        d.find_element(By.CSS_SELECTOR, f"#tabs [data-tab={tab}]").click()
        waiter(d, 10).until(
            lambda d: d.find_element(By.ID, tab).is_displayed())
        time.sleep(0.5)  # the section's data
        d.execute_script("window.scrollTo(0, 0)")
        if width <= 400:
            no_sideways_scroll(d)
        shot(d, f"{tab}-{tag}.png")
        if whole:
            tall = d.execute_script(
                "return document.documentElement.scrollHeight")
            # A window taller than the screen is cut to it: the page is
            # laid out at the whole height instead.
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(tall, 6000),
                "deviceScaleFactor": 1, "mobile": False})
            no_sideways_scroll(d)
            shot(d, f"{tab}-{tag}-whole.png")
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def tab(d, name):
    d.find_element(By.CSS_SELECTOR, f"#tabs [data-tab={name}]").click()
    waiter(d, 10).until(
        lambda d: d.find_element(By.ID, name).is_displayed())


def click(d, css):
    for attempt in range(3):
        try:
            e = d.find_element(By.CSS_SELECTOR, css)
            d.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                             e)
            e.click()
            return
        except StaleElementReferenceException:
            if attempt == 2:
                raise


def seek(d, t):
    d.execute_script("""const v = document.getElementById('coach-player');
        v.pause(); v.currentTime = arguments[0];""", t)
    waiter(d, 20).until(lambda d: d.execute_script(
        "const v = document.getElementById('coach-player');"
        "return !v.seeking && Math.abs(v.currentTime - arguments[0]) < 0.05",
        t))


def value(d, id_):
    return d.find_element(By.ID, id_).get_attribute("value")


def describe(d, routine):
    out = subprocess.run([BIN, "--describe", routine, "--json", "--data-dir",
                          d], check=True, capture_output=True)
    return json.loads(out.stdout)


def main():
    tmp = temp_dir()
    k = None
    drivers = []
    try:
        os.environ["HOME"] = tmp
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        os.environ["XDG_DATA_HOME"] = os.path.join(tmp, "data")
        clip = os.path.join(tmp, "coach.mp4")
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi",
                        "-i", "testsrc2=size=320x240:rate=25", "-t", "60",
                        "-pix_fmt", "yuv420p", "-g", "25", "-movflags",
                        "+faststart", clip], check=True)
        k = Kiosk(BIN, tmp)
        d = browser(360, 740, os.path.join(tmp, "phone"))
        drivers.append(d)
        wait = waiter(d, 30)
        pair_browser(d, k.url, k.code)

        # Clips: upload, the bar reaches 100%, listed as playing.
        tab(d, "clips")
        d.find_element(By.ID, "clip-file").send_keys(clip)
        assert value(d, "clip-name") == "coach.mp4", value(d, "clip-name")
        click(d, "#upload-go")
        wait.until(lambda d: "uploaded" in d.find_element(By.ID,
                                                          "upload-msg").text)
        bar = d.find_element(By.ID, "upload-progress")
        assert bar.get_attribute("value") == "100", bar.get_attribute("value")
        assert int(bar.get_attribute("data-events")) >= 1
        assert d.find_element(By.ID, "upload-pct").text == "100%"
        def clip_row(d):
            row = d.find_element(By.CSS_SELECTOR,
                                 "#clip-list li[data-name='coach.mp4']")
            state = row.find_element(By.CSS_SELECTOR, ".state")
            return (state.get_attribute("data-playable"), state.text,
                    row.text)
        playable, state_text, row_text = wait.until(clip_row)
        assert playable == "yes", row_text
        assert "plays" in state_text and "320\u00d7240" in row_text, row_text
        with open(clip, "rb") as a, \
                open(os.path.join(tmp, "videos", "coach.mp4"), "rb") as b:
            assert a.read() == b.read()
        shot(d, "clips-uploaded-360x740.png")

        # The coach's video: chosen, played in the page from the kiosk.
        tab(d, "coach")
        wait.until(lambda d: d.find_elements(
            By.CSS_SELECTOR, "#coach-clip option[value='coach.mp4']"))
        Select(d.find_element(By.ID, "coach-clip")).select_by_value(
            "coach.mp4")
        click(d, "#coach-use")
        wait.until(lambda d: "now coach.mp4" in d.find_element(
            By.ID, "coach-msg").text)
        wait.until(lambda d: d.execute_script(
            "return document.getElementById('coach-player').readyState") >= 1)
        dur = d.execute_script(
            "return document.getElementById('coach-player').duration")
        assert abs(dur - 60) < 0.5, dur

        # Cut nordic curls: start at 12 s, +1, -0.1; end at 20.5 s, +0.1.
        click(d, "#segments li[data-id='nordic-curls'] button")
        wait.until(EC.visibility_of_element_located((By.ID, "cut")))
        seek(d, 12.0)
        click(d, "#start-here")
        assert value(d, "cut-start") == "12.0", value(d, "cut-start")
        click(d, "[data-for='cut-start'] [data-nudge='1']")
        click(d, "[data-for='cut-start'] [data-nudge='-0.1']")
        assert value(d, "cut-start") == "12.9", value(d, "cut-start")
        seek(d, 20.5)
        click(d, "#end-here")
        click(d, "[data-for='cut-end'] [data-nudge='0.1']")
        assert value(d, "cut-end") == "20.6", value(d, "cut-end")
        # The preview loops the part: it starts at the start.
        click(d, "#cut-preview")
        assert d.find_element(By.ID, "coach-loop").is_displayed()
        t = d.execute_script(
            "return document.getElementById('coach-player').currentTime")
        assert 12.85 <= t <= 20.6, t
        d.execute_script("document.getElementById('coach-player')"
                         ".scrollIntoView({block: 'start'})")
        shot(d, "coach-cut-360x740.png")
        click(d, "#cut-preview")  # stop it
        click(d, "#cut-save")
        wait.until(lambda d: "Saved" in d.find_element(By.ID, "cut-msg").text)
        wait.until(lambda d: "0:12.9 \u2013 0:20.6" in d.find_element(
            By.CSS_SELECTOR, "#segments li[data-id='nordic-curls']").text)

        # A routine: new, an unknown exercise typed into its text, saved:
        # the error beside its line; fixed in the form, saved.
        tab(d, "routines")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                             "#routine-list li"))
        click(d, "#routine-new")
        rid = value(d, "rt-id")
        assert rid == "my-routine-1", rid
        title = d.find_element(By.ID, "rt-title")
        title.clear()
        title.send_keys("Hill")
        text = d.find_element(By.ID, "ini-text")
        assert "title = Hill\n" in text.get_attribute("value")
        bad = text.get_attribute("value").replace(
            "exercise = band-work", "exercise = nordic-curlz")
        assert "nordic-curlz" in bad, bad
        text.clear()
        text.send_keys(bad)
        # The form follows the text: the unknown exercise is shown as such.
        sel = Select(d.find_element(By.CSS_SELECTOR,
                                    "#rt-steps .step select"))
        assert sel.first_selected_option.text == "nordic-curlz (unknown)"
        click(d, "#rt-save")
        err = wait.until(lambda d: d.find_element(By.CSS_SELECTOR,
                                                  "#ini-errors li"))
        line = int(err.get_attribute("data-line"))
        lines = text.get_attribute("value").split("\n")
        assert "nordic-curlz" in lines[line - 1], (line, lines)
        assert "nordic-curlz" in err.text, err.text
        assert "did you mean 'nordic-curls'?" in err.text, err.text
        marked = d.find_elements(By.CSS_SELECTOR, "#ini-lines span.bad")
        assert [m.text for m in marked] == [str(line)], [m.text for m in marked]
        assert "bad" in d.find_element(
            By.CSS_SELECTOR, "#rt-steps .step").get_attribute("class")
        assert not os.path.exists(os.path.join(tmp, "routines", f"{rid}.ini"))
        shot(d, "routines-error-360x740.png")
        # Fixed in the form; a second exercise added with a range, and the
        # two swapped.
        Select(d.find_element(By.CSS_SELECTOR,
                              "#rt-steps .step select")).select_by_value(
            "nordic-curls")
        assert "exercise = nordic-curls\n" in text.get_attribute("value")
        assert not d.find_elements(By.CSS_SELECTOR, "#ini-lines span.bad")
        click(d, "#rt-add")
        steps = d.find_elements(By.CSS_SELECTOR, "#rt-steps .step")
        assert len(steps) == 2
        Select(steps[1].find_element(By.CSS_SELECTOR, "select")) \
            .select_by_value("calf-raises")
        reps = steps[1].find_element(By.CSS_SELECTOR, "input[data-key=reps]")
        reps.clear()
        reps.send_keys("30-50")
        sets = steps[1].find_element(By.CSS_SELECTOR, "input[data-key=sets]")
        sets.send_keys("3")
        steps[1].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
        click(d, "#rt-steps .step:nth-child(2) [aria-label='Move up']")
        txt = text.get_attribute("value")
        assert txt.index("calf-raises") < txt.index("nordic-curls"), txt
        assert "reps = 30-50\nsets = 3\noptional = yes" in txt, txt
        click(d, "#rt-save")
        wait.until(lambda d: "Saved" in d.find_element(By.ID, "rt-msg").text)
        assert not d.find_elements(By.CSS_SELECTOR, "#ini-errors li")
        wait.until(lambda d: d.find_elements(
            By.CSS_SELECTOR, f"#routine-list li[data-id='{rid}']"))

        # Settings: a volume out of range is refused by its field; then 35.
        tab(d, "settings")
        vol = wait.until(lambda d: d.find_element(By.ID, "set-volume"))
        assert vol.get_attribute("type") == "number"
        assert vol.get_attribute("max") == "100"
        assert d.find_element(By.ID, "set-voice").get_attribute(
            "type") == "checkbox"
        assert Select(d.find_element(By.ID, "set-units")).options[1].text \
            == "lb"
        vol.clear()
        vol.send_keys("300")
        click(d, "#settings-save")
        vol_row = ".setting[data-key=volume]"
        wait.until(lambda d: "must be" in d.find_element(
            By.CSS_SELECTOR, vol_row + " .field-error").text)
        assert "bad" in d.find_element(
            By.CSS_SELECTOR, vol_row).get_attribute("class")
        shot(d, "settings-error-360x740.png")
        vol.clear()
        vol.send_keys("35")
        click(d, "#settings-save")
        wait.until(lambda d: "Saved: volume" in d.find_element(
            By.ID, "settings-msg").text)

        shots(d, "360x740", 360, 740, whole=True)
        # The two refusals asked for above are the only failed calls.
        errs = console_errors(d)
        refused = [e for e in errs if e["source"] == "network" and
                   "status of 422" in e["message"]]
        assert len(refused) == 2, errs
        errs = [e for e in errs if e not in refused]
        assert not errs, errs

        # A laptop: its own browser, paired with the next code (the phone
        # closed first: here both come from one address, which the kiosk
        # serves a bounded number of connections).
        d.quit()
        drivers.remove(d)
        code2 = k.wait_code(other_than=None)
        lap = browser(1280, 800, os.path.join(tmp, "laptop"))
        drivers.append(lap)
        pair_browser(lap, k.url, code2)
        shots(lap, "1280x800", 1280, 800)
        errs = console_errors(lap)
        assert not errs, errs

        assert k.stop() == 0
        k = None
        with open(os.path.join(tmp, "config.ini")) as f:
            ini = f.read()
        assert "volume = 35\n" in ini and "coach_video = coach.mp4\n" in ini

        # What the kiosk will coach.
        got = describe(tmp, rid)
        assert got["title"] == "Hill", got
        assert [(s["exercise_id"], s["sets"], s["reps_min"], s["reps_max"],
                 s["optional"]) for s in got["steps"]] == [
            ("calf-raises", 3, 30, 50, True),
            ("nordic-curls", 2, 10, 10, False)], got["steps"]
        legs = describe(tmp, "ultra-legs")
        nordic = [s for s in legs["steps"]
                  if s["exercise_id"] == "nordic-curls"][0]
        assert nordic["clip"] == "coach.mp4", nordic
        assert abs(nordic["clip_start"] - 12.9) < 0.01, nordic
        assert abs(nordic["clip_end"] - 20.6) < 0.01, nordic
        # The coach's video setting: the others play their offsets in it.
        others = [s for s in legs["steps"] if s["clip_from_coach_video"]]
        assert others and all(s["clip"] == "coach.mp4" for s in others), legs
        print("companion_setup_browser: all passed")
    finally:
        for d in drivers:
            d.quit()
        if k:
            k.stop()
        shutil.rmtree(tmp, ignore_errors=True)


main()
