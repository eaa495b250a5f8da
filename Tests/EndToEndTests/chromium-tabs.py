"""Open one page of `densho serve` in several tabs of one headless Chromium, edit a note, and
report (as JSON on stdout) how the browser used the live-reload channel.

Each tab starts blank, gets the DevTools Network and Page domains, then loads the page, so every
request it makes is seen: the report counts the `/__densho/events` streams the browser opened and
the most that were open at once, each tab's load time, and whether every tab reloaded into a page
that shows the edit. `log` lists the stream and navigation events in the order DevTools sent them.

usage: chromium-tabs.py CHROMIUM URL TABS NOTE APPENDED_TEXT TIMEOUT_SECONDS
"""
import json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Browser

chromium, url, tab_count, note, appended, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6])
streams_opened = 0
open_streams = set()
most_open = 0
log = []


def handle_event(message):
    """Keeps count of the event streams: opened, and open right now across every tab."""
    global streams_opened, most_open
    method, params = message.get("method"), message.get("params", {})
    session = message.get("sessionId")
    key = (session, params.get("requestId"))
    tab = session[-6:] if session else None
    if method == "Page.frameNavigated" and not params.get("frame", {}).get("parentId"):
        # A tab's new page took its place: the old page, and its stream, are gone (DevTools
        # reports no end for them). Until this moment the old page lives on, and may even have
        # taken the lock from a page unloaded before it.
        log.append(("navigated", tab))
        for stale in [open_key for open_key in open_streams if open_key[0] == session]:
            open_streams.discard(stale)
    if method == "Network.requestWillBeSent" and "/__densho/events" in params.get("request", {}).get("url", ""):
        streams_opened += 1
        log.append(("stream", tab, params.get("requestId")))
        open_streams.add(key)
        most_open = max(most_open, len(open_streams))
    elif method in ("Network.loadingFinished", "Network.loadingFailed") and key in open_streams:
        log.append(("end", tab, params.get("requestId")))
        open_streams.discard(key)


browser = Browser(chromium, on_event=handle_event)


def wait_until(session, expression, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if browser.evaluate(session, "!!(" + expression + ")"):
                return True
        except Exception:
            pass  # between two pages: no context to evaluate in yet
        time.sleep(0.1)
    return False


def settle(seconds):
    """Lets the tabs run (and their network events arrive) for a while."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        browser.send("Browser.getVersion")
        time.sleep(0.1)


report = {"loadSeconds": [], "loaded": [], "reloaded": []}
try:
    sessions = []
    for _ in range(tab_count):
        session = browser.open_tab("about:blank")
        browser.send("Network.enable", {}, session)
        browser.send("Page.enable", {}, session)
        started = time.time()
        browser.send("Page.navigate", {"url": url}, session)
        # Loaded, and its live-reload script has run (the lock is asked for at once).
        loaded = wait_until(session, "document.readyState === 'complete' && document.querySelector('script[data-densho-build]')", timeout)
        report["loadSeconds"].append(round(time.time() - started, 3))
        report["loaded"].append(loaded)
        sessions.append(session)
    settle(1.5)
    report["streamsOpenedBeforeEdit"] = streams_opened
    report["mostOpenBeforeEdit"] = most_open
    report["openBeforeEdit"] = len(open_streams)
    for session in sessions:
        browser.evaluate(session, "window.__denshoNotReloaded = true")
    with open(note, "a", encoding="utf-8") as out:
        out.write("\n" + appended + "\n")
    expression = "!window.__denshoNotReloaded && document.body && document.body.innerText.includes(" + json.dumps(appended) + ")"
    for session in sessions:
        report["reloaded"].append(wait_until(session, expression, timeout))
    most_open = len(open_streams)
    settle(1.5)
    report["mostOpenAfterReload"] = most_open
    report["openAfterReload"] = len(open_streams)
    report["streamsOpenedInAll"] = streams_opened
    report["log"] = log
    sys.stdout.write(json.dumps(report))
finally:
    browser.close()
