"""The browser-login phases: what a browser sends for a login by form posts, without a browser.
One driver measures both sides (the trader4 OTP login and Keycloak's username+password login), so
their ratio compares the servers, not two load generators. wrk cannot follow a multi-step form flow
with cookies per connection cleanly, hence Python: each virtual user is a thread with its own
keep-alive connection and cookie jar; a login starts with an empty jar (a new browser, so the SSO
cookie never short-cuts it) and ends at the redirect that carries `code=` (never redeemed).
Standard library only.
"""
import html
import http.client
import re
import statistics
import threading
import time
import urllib.parse

REDIRECT_URI = "http://127.0.0.1/bench-callback"
FORM = re.compile(r'<form[^>]*\bid="([^"]*)"[^>]*\baction="([^"]+)"', re.S)


class LoginFailed(Exception):
    pass


class Browser:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = None
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body, headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        return response.status, response.getheader("Location") or "", data.decode("utf-8", "replace")

    def form_action(self, page, form_id):
        forms = FORM.findall(page)
        action = next((a for i, a in forms if i == form_id), None)
        if action is None:
            raise LoginFailed(f"no form {form_id} on the page (forms: {[i for i, _ in forms]})")
        action = html.unescape(action)
        parts = urllib.parse.urlsplit(action)
        return parts.path + ("?" + parts.query if parts.query else "")


def auth_path(realm, client_id, n):
    query = urllib.parse.urlencode({"client_id": client_id, "response_type": "code", "scope": "openid",
                                    "redirect_uri": REDIRECT_URI, "state": f"s{n}"})
    return f"/realms/{realm}/protocol/openid-connect/auth?{query}"


FEEDBACK = re.compile(r'(?:kc-feedback-text|input-error[\w-]*)"[^>]*>\s*([^<]+)')


def expect_code(status, location, page):
    if status != 302 or "code=" not in location:
        feedback = FEEDBACK.search(page)
        raise LoginFailed(f"{status} {location[:80] or (feedback.group(1).strip() if feedback else page[:160])}")


class SinkCodes:
    """Follows the SMTP sink's file ("<ms>\\t<recipient>\\t<code>" lines) and hands each recipient's
    next code to whoever waits for it."""

    def __init__(self, path):
        self.path = path
        self.codes = {}
        self.cond = threading.Condition()
        self.running = True
        with open(path) as f:
            f.seek(0, 2)
            self.offset = f.tell()
        self.thread = threading.Thread(target=self._follow, daemon=True)
        self.thread.start()

    def _follow(self):
        with open(self.path) as f:
            f.seek(self.offset)
            partial = ""
            while self.running:
                chunk = f.read()
                if not chunk:
                    time.sleep(0.002)
                    continue
                partial += chunk
                *lines, partial = partial.split("\n")
                with self.cond:
                    for line in lines:
                        parts = line.split("\t")
                        if len(parts) == 3 and parts[2] != "-":
                            self.codes.setdefault(parts[1], []).append(parts[2])
                    self.cond.notify_all()

    def seen(self, email):
        with self.cond:
            return len(self.codes.get(email, ()))

    def wait(self, email, seen, timeout=30):
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.codes.get(email, ())) > seen, timeout):
                raise LoginFailed(f"no code mailed to the sink within {timeout} s")
            return self.codes[email][seen]

    def stop(self):
        self.running = False
        self.thread.join()


def otp_login(browser, realm, client_id, email, n, sink):
    status, _, page = browser.request("GET", auth_path(realm, client_id, n))
    if status != 200:
        raise LoginFailed(f"authorization endpoint: {status}")
    seen = sink.seen(email)
    status, _, page = browser.request("POST", browser.form_action(page, "kc-trader4-otp-identifier-form"),
                                      {"identifier": email})
    if status != 200:
        raise LoginFailed(f"identifier: {status}")
    action = browser.form_action(page, "kc-trader4-otp-code-form")
    code = sink.wait(email, seen)
    expect_code(*browser.request("POST", action, {"code": code}))


def password_login(browser, realm, client_id, username, password, n):
    status, _, page = browser.request("GET", auth_path(realm, client_id, n))
    if status != 200:
        raise LoginFailed(f"authorization endpoint: {status}")
    expect_code(*browser.request("POST", browser.form_action(page, "kc-form-login"),
                                 {"username": username, "password": password, "credentialId": ""}))


def run(base_url, virtual_users, duration, users, login):
    """login(browser, user, n) for `duration` seconds on `virtual_users` threads, each taking
    users[vu], users[vu + virtual_users], ... in turn (no user logs in on two threads at once).
    Answers the figures wrk's scripts answer (common.lua), per login instead of per request."""
    parts = urllib.parse.urlsplit(base_url)
    latencies, failures = [], []
    lock = threading.Lock()
    stop_at = time.time() + duration

    def virtual_user(vu):
        browser = Browser(parts.hostname, parts.port)
        mine = users[vu::virtual_users] or users
        n = 0
        while time.time() < stop_at:
            user = mine[n % len(mine)]
            n += 1
            browser.cookies = {}
            t0 = time.perf_counter()
            try:
                login(browser, user, n)
                with lock:
                    latencies.append(time.perf_counter() - t0)
            except (LoginFailed, http.client.HTTPException, OSError) as e:
                with lock:
                    failures.append(str(e)[:160])

    started = time.perf_counter()
    threads = [threading.Thread(target=virtual_user, args=(vu,)) for vu in range(virtual_users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]

    def pct(p):
        return int(1e6 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))])

    return {"requests": len(latencies) + len(failures), "ok": len(latencies), "bad": len(failures),
            "duration_us": int(elapsed * 1e6), "status_errors": len(failures), "connect_errors": 0,
            "read_errors": 0, "write_errors": 0, "timeouts": 0, "p50_us": pct(50), "p90_us": pct(90),
            "p99_us": pct(99), "mean_us": 1e6 * statistics.mean(ordered), "max_us": pct(100),
            "first_bad": failures[0] if failures else ""}
