"""The companion page in Debian's chromium (headless, through chromium-driver
and python3-selenium), for the browser tests: a browser at a size, its
console errors, the phone's no-sideways-scroll check and pairing by typing
the code."""

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def browser(width, height, profile):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", f"--window-size={width},{height}",
              f"--user-data-dir={profile}", "--force-device-scale-factor=1",
              "--autoplay-policy=no-user-gesture-required", "--mute-audio"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_window_size(width, height)
    return d


def console_errors(d):
    return [e for e in d.get_log("browser")
            if e["level"] in ("SEVERE", "ERROR")]


def no_sideways_scroll(d):
    w = d.execute_script("return document.documentElement.scrollWidth")
    cw = d.execute_script("return document.documentElement.clientWidth")
    assert w <= cw, f"the page is {w} px wide in a {cw} px window"


def pair_browser(d, url, code):
    """Open the page and type the code; wait for the dashboard."""
    wait = WebDriverWait(d, 30)
    d.get(url)
    wait.until(EC.visibility_of_element_located((By.ID, "code"))) \
        .send_keys(code)
    d.find_element(By.CSS_SELECTOR, "#pair button[type=submit]").click()
    wait.until(EC.visibility_of_element_located((By.ID, "dash")))
