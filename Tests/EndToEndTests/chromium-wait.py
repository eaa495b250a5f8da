"""Open a page in headless Chromium, wait (in real time) until a JavaScript expression is truthy
on whatever page the tab then shows, and print that page's DOM.

Used by the forms tests instead of --dump-dom: --virtual-time-budget stands still while a request
is open, and a page served by `densho serve` always has its live-reload request open.
Talks the DevTools protocol over --remote-debugging-pipe (fd 3: to Chromium, fd 4: from it).

usage: chromium-wait.py CHROMIUM URL EXPRESSION TIMEOUT_SECONDS [SCREENSHOT.png]
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

chromium, url, expression, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
profile = tempfile.mkdtemp(prefix="densho-chromium-")
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()

def wire():
    # Through fresh copies: a pipe may already sit on fd 3 or 4, and dup2 onto itself would keep
    # its close-on-exec flag.
    reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(reading, 3)
    os.dup2(writing, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)

browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
     "--user-data-dir=" + profile, "--window-size=1100,1450", "--remote-debugging-pipe", "about:blank"],
    preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
next_id = 0

def send(method, params=None, session=None):
    global next_id, buffer
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in buffer:
            chunk = os.read(from_chrome_r, 65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            buffer += chunk
        raw, buffer = buffer.split(b"\0", 1)
        answer = json.loads(raw)
        if answer.get("id") == next_id:
            return answer

def evaluate(session, text):
    answer = send("Runtime.evaluate", {"expression": text, "returnByValue": True}, session)
    return answer.get("result", {}).get("result", {}).get("value")

try:
    target = send("Target.createTarget", {"url": url})["result"]["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if evaluate(session, "!!(" + expression + ")"):
                break
        except Exception:
            pass  # between two pages: no context to evaluate in yet
        time.sleep(0.2)
    else:
        sys.stderr.write("timed out waiting for: " + expression + "\n")
    if len(sys.argv) > 5:
        shot = send("Page.captureScreenshot", {"format": "png"}, session)
        with open(sys.argv[5], "wb") as out:
            out.write(base64.b64decode(shot["result"]["data"]))
    sys.stdout.write(evaluate(session, "document.documentElement.outerHTML") or "")
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
