"""Open one page of `densho serve` in several tabs of one headless Chromium, edit a note, and
report (as JSON on stdout) how the browser used the live-reload channel.

Each tab starts blank, gets the DevTools Network domain, then loads the page, so every request
it makes is seen: the report counts the `/__densho/events` streams the browser opened and the
most that were open at once, each tab's load time, and whether every tab reloaded into a page
that shows the edit.

usage: chromium-tabs.py CHROMIUM URL TABS NOTE APPENDED_TEXT TIMEOUT_SECONDS
Talks the DevTools protocol over --remote-debugging-pipe (fd 3: to Chromium, fd 4: from it).
"""
import json, os, shutil, subprocess, sys, tempfile, time

chromium, url, tab_count, note, appended, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6])
profile = tempfile.mkdtemp(prefix="densho-chromium-tabs-")
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def wire():
    reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(reading, 3)
    os.dup2(writing, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
     "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
    preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
next_id = 0
streams_opened = 0
open_streams = set()
most_open = 0
log = []
started_at = time.time()


def handle_event(message):
    """Keeps count of the event streams: opened, and open right now across every tab."""
    global streams_opened, most_open
    method, params = message.get("method"), message.get("params", {})
    session = message.get("sessionId")
    key = (session, params.get("requestId"))
    if method == "Page.frameNavigated" and not params.get("frame", {}).get("parentId"):
        # A tab's new page took its place: the old page, and its stream, are gone (DevTools
        # reports no end for them). Until this moment the old page lives on, and may even have
        # taken the lock from a page unloaded before it.
        log.append((round(time.time() - started_at, 3), "navigate", session[-6:] if session else None))
        for stale in [open_key for open_key in open_streams if open_key[0] == session]:
            open_streams.discard(stale)
    if method == "Network.requestWillBeSent" and "/__densho/events" in params.get("request", {}).get("url", ""):
        streams_opened += 1
        log.append((round(time.time() - started_at, 3), "stream", session[-6:] if session else None, params.get("requestId")))
        open_streams.add(key)
        most_open = max(most_open, len(open_streams))
    elif method in ("Network.loadingFinished", "Network.loadingFailed"):
        if key in open_streams:
            log.append((round(time.time() - started_at, 3), "end", session[-6:] if session else None, params.get("requestId")))
        open_streams.discard(key)


def read_message():
    global buffer
    while b"\0" not in buffer:
        chunk = os.read(from_chrome_r, 65536)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        buffer += chunk
    raw, buffer = buffer.split(b"\0", 1)
    return json.loads(raw)


def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        answer = read_message()
        if answer.get("id") == next_id:
            return answer
        handle_event(answer)


def evaluate(session, text):
    answer = send("Runtime.evaluate", {"expression": text, "returnByValue": True}, session)
    return answer.get("result", {}).get("result", {}).get("value")


def wait_until(session, expression, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if evaluate(session, "!!(" + expression + ")"):
                return True
        except Exception:
            pass  # between two pages: no context to evaluate in yet
        time.sleep(0.1)
    return False


def settle(seconds):
    """Lets the tabs run (and their network events arrive) for a while."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        send("Browser.getVersion")
        time.sleep(0.1)


report = {"loadSeconds": [], "loaded": [], "reloaded": []}
try:
    sessions = []
    for _ in range(tab_count):
        target = send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        send("Network.enable", {}, session)
        send("Page.enable", {}, session)
        started = time.time()
        send("Page.navigate", {"url": url}, session)
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
        evaluate(session, "window.__denshoNotReloaded = true")
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
    try:
        send("Browser.close")
    except BaseException:
        pass
    try:
        browser.wait(timeout=10)
    except subprocess.TimeoutExpired:
        browser.kill()
    shutil.rmtree(profile, ignore_errors=True)
