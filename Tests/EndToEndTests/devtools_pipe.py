"""Headless Chromium driven over the DevTools protocol on --remote-debugging-pipe (fd 3: to
Chromium, fd 4: from it), shared by the browser tests' scripts (chromium-wait.py, chromium-tabs.py).
Each browser gets its own profile folder, removed by close()."""
import json, os, shutil, subprocess, tempfile


class Browser:
    def __init__(self, chromium, extra_arguments=(), on_event=None):
        self.profile = tempfile.mkdtemp(prefix="densho-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def wire():
            # Through fresh copies: a pipe may already sit on fd 3 or 4, and dup2 onto itself would
            # keep its close-on-exec flag.
            reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--user-data-dir=" + self.profile, "--remote-debugging-pipe"] + list(extra_arguments) + ["about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.on_event = on_event or (lambda message: None)

    def read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None):
        """Sends one command and returns its answer; events read meanwhile go to on_event."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.read_message()
            if answer.get("id") == self.next_id:
                return answer
            if "method" in answer:
                self.on_event(answer)

    def evaluate(self, session, text):
        answer = self.send("Runtime.evaluate", {"expression": text, "returnByValue": True}, session)
        return answer.get("result", {}).get("result", {}).get("value")

    def open_tab(self, url):
        """A new tab showing url; returns its session id."""
        target = self.send("Target.createTarget", {"url": url})["result"]["targetId"]
        return self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]

    def close(self):
        try:
            self.send("Browser.close")
        except BaseException:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
