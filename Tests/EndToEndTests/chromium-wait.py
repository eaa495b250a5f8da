"""Open a page in headless Chromium, wait (in real time) until a JavaScript expression is truthy
on whatever page the tab then shows, and print that page's DOM.

Used by the forms tests instead of --dump-dom: --virtual-time-budget stands still while a request
is open, and a page served by `densho serve` always has its live-reload request open.

usage: chromium-wait.py CHROMIUM URL EXPRESSION TIMEOUT_SECONDS [SCREENSHOT.png]
"""
import base64, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Browser

chromium, url, expression, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
browser = Browser(chromium, ["--window-size=1100,1450"])
try:
    session = browser.open_tab(url)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if browser.evaluate(session, "!!(" + expression + ")"):
                break
        except Exception:
            pass  # between two pages: no context to evaluate in yet
        time.sleep(0.2)
    else:
        sys.stderr.write("timed out waiting for: " + expression + "\n")
    if len(sys.argv) > 5:
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
        with open(sys.argv[5], "wb") as out:
            out.write(base64.b64decode(shot["result"]["data"]))
    sys.stdout.write(browser.evaluate(session, "document.documentElement.outerHTML") or "")
finally:
    browser.close()
