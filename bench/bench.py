#!/usr/bin/env python3
"""Drives one benchmark run against a Keycloak that bench/run.sh started: creates the bench realm,
seeds users through the admin REST API, measures the memory of pending challenges, runs wrk
against Keycloak's grants and the trader4 endpoints round after round, and writes the report.
Standard library only. Not meant to be run by hand: bench/run.sh passes the server's facts.
"""
import argparse
import datetime
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import browser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "bench", "lua")
REALM = "bench"
# Diagnostic: the same realm with near-free password hashing, so Keycloak's password grant shows
# what a login that creates a user session costs without the hashing.
CHEAP_REALM, CHEAP_POLICY = "bench-cheaphash", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)"
API = f"/realms/{REALM}/trader4/v1/oauth"
TOKEN = f"/realms/{REALM}/protocol/openid-connect/token"
CC_SECRET = "bench-cc-secret-not-for-production"
PW_USER_FORMAT, PW_USERS, PW_PASSWORD = "pw%04d@bench.test", 32, "bench-password-not-for-production"
# Keycloak's brute-force protection answers user_temporarily_disabled when one user logs in too
# often in a row (seen from ~10 logins/s per user): the fast diagnostic grant takes turns over more users.
PW_USERS_CHEAP = 1000
# The same grant over as many users as verify signs in (each once per pass): more than Keycloak's
# user cache holds (10,000 by default) in a full run, so that its logins, like verify's, meet users
# the cache does not hold. Like for like with verify; the 1000 users above stay in the cache.
PW_COLD_USER_FORMAT = "pwc%05d@bench.test"
# X-Forwarded-For addresses the sign phases take turns with (the bench server trusts the header):
# sign by the log channel runs at thousands per second, past the highest per-IP cap (100,000/h).
XFF_NETS = "64"
THREADS = 2

# Realm attributes of the bench realm: all load comes from 127.0.0.1, so the per-IP caps are at
# their maximum; codes live 15 minutes so that codes harvested before a verify phase stay valid;
# no resend cooldown, so any user can be signed again in the next round.
OTP_ATTRIBUTES = {
    "trader4.otp.devLogChannel": "true",
    "trader4.otp.codeTtlSeconds": "900",
    "trader4.otp.resendCooldownSeconds": "0",
    "trader4.otp.sendsPerIdentifierPerHour": "100",
    "trader4.otp.sendsPerIpPerHour": "100000",
    "trader4.otp.failuresPerIpPerHour": "100000",
    # QR logins: the highest per-IP create cap (the QR phases also take turns over addresses), and
    # ten minutes to live so that logins created before a round's check and authorize stay pending.
    "trader4.qr.createsPerIpPerHour": "10000",
    "trader4.qr.ttlSeconds": "600",
}
QR_XFF_NETS = "256"
QR_APPROVER = "qr-approver@bench.test"  # signs in once per qr_authorize phase; no other phase signs it

ENDPOINTS = [
    # key, label, what it is
    ("client_credentials", "client_credentials grant", "Keycloak token endpoint, confidential client, client secret"),
    ("password", "password grant", "Keycloak token endpoint, public direct-grant client, scope=openid, "
                                   f"{PW_USERS} users in turn (the realm's default password hashing)"),
    ("password_cheap", "password grant, 1-iteration hash", "diagnostic: the same grant in a copy of the realm "
                                                          f"whose policy is {CHEAP_POLICY}: a login with a user session, no hashing cost"),
    ("password_cheap_cold", "password grant, 1-iteration hash, as many users as verify",
     "diagnostic: the same grant over as many users as verify signs in, each once per pass (a full run: 12,000, "
     "more than Keycloak's user cache holds), so that its logins meet users the cache does not hold, as verify's do"),
    ("sign_log", "POST /sign (log channel)", "code printed to the server log (development channel)"),
    ("sign_email", "POST /sign (email)", "code mailed through the realm's SMTP server to a local sink"),
    ("verify", "POST /verify", "a valid code harvested before the phase; answers tokens"),
    ("qr_create", "GET /qr + its PNG", "one unit = a QR login created and its image fetched (two requests; "
                                        "requests/s and KC CPU count units, latency is per request)"),
    ("qr_check", "POST /qr check", "token and secret of a pending login, no wait: answers 202 authorization_pending"),
    ("qr_authorize", "POST /qr/authorize", "a signed-in user's access token (from /verify) approves a pending "
                                           "login created before the phase; each login once"),
    ("browser_otp", "browser OTP login", "the realm's browser flow, trader4 OTP by identifier, by form posts with "
                                         "cookies (no browser): authorization endpoint, identifier, code from the "
                                         "SMTP sink, until the redirect with code= (not redeemed); one unit = one login"),
    ("browser_password", "browser password login", "Keycloak's own browser flow (username + password form) "
                                                   "of the same realm and users, 1-iteration hash, measured by the same driver"),
    ("browser_password_default", "browser password login, default hashing",
     f"the same login in the bench realm itself, its {PW_USERS} password users in turn with the realm's default "
     "password hashing: the baseline of the browser OTP login's aim"),
    # Add a phase function in Phases below and a row here; the report and chart pick them up.
]
ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when bench/run.sh rewrites this file -->"
AIMS = {"verify": 0.5, "sign_log": 0.8, "sign_email": 0.8, "qr_create": 0.5, "qr_check": 1.0}
VERIFY_OVER_CHEAP_PASSWORD = 1.2  # verify ÷ Keycloak's session-creating login without hashing
CHALLENGE_BYTES_AIM = 1024
BROWSER_BASELINE = "browser_password_default"  # what a user of Keycloak's password login pays, hashing included


def log(msg):
    print(f"\033[1;34m[bench]\033[0m {msg}", flush=True)


# ---------------------------------------------------------------- HTTP and the admin REST API

class Http:
    def __init__(self, base):
        self.base = base
        self._token = None
        self._token_at = 0

    def call(self, method, path, body=None, headers=None, timeout=120):
        data = None
        headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            data = body.encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def admin(self, method, path, body=None, ok=(200, 201, 204)):
        if self._token is None or time.time() - self._token_at > 40:
            status, raw = self.call("POST", "/realms/master/protocol/openid-connect/token",
                                    "grant_type=password&client_id=admin-cli&username=admin&password=admin")
            if status != 200:
                sys.exit(f"admin login failed: {status} {raw[:200]!r}")
            self._token = json.loads(raw)["access_token"]
            self._token_at = time.time()
        status, raw = self.call(method, "/admin" + path, body, {"Authorization": "Bearer " + self._token})
        if ok and status not in ok:
            sys.exit(f"admin {method} {path} failed: {status} {raw[:300]!r}")
        return status, raw


def bench_realm(name=REALM, password_policy=None):
    with open(os.path.join(ROOT, "realm", "trader4-realm.json")) as f:
        rep = json.load(f)
    rep["realm"] = name
    rep["displayName"] = "trader4 bench"
    if password_policy:
        rep["passwordPolicy"] = password_policy
    rep["users"] = []  # seeded through the admin REST API
    rep.setdefault("attributes", {}).update(OTP_ATTRIBUTES)
    rep["clients"] += [
        {"clientId": "bench-cc", "name": "bench: client_credentials baseline", "enabled": True,
         "publicClient": False, "clientAuthenticatorType": "client-secret", "secret": CC_SECRET,
         "serviceAccountsEnabled": True, "standardFlowEnabled": False, "directAccessGrantsEnabled": False,
         "protocol": "openid-connect"},
        {"clientId": "bench-direct", "name": "bench: password grant baseline", "enabled": True,
         "publicClient": True, "directAccessGrantsEnabled": True, "standardFlowEnabled": False,
         "protocol": "openid-connect", "attributes": {"use.refresh.tokens": "true"}},
        # The browser phases: the realm's browser flow (trader4 OTP) and, by a flow binding set once
        # the realm exists (flow ids are not known before), Keycloak's own username+password flow.
        {"clientId": "bench-browser", "name": "bench: browser OTP login", "enabled": True, "publicClient": True,
         "standardFlowEnabled": True, "directAccessGrantsEnabled": False, "protocol": "openid-connect",
         "redirectUris": [browser.REDIRECT_URI]},
        {"clientId": "bench-browser-pw", "name": "bench: browser password login baseline", "enabled": True,
         "publicClient": True, "standardFlowEnabled": True, "directAccessGrantsEnabled": False,
         "protocol": "openid-connect", "redirectUris": [browser.REDIRECT_URI]},
    ]
    return rep


def user_email(i):
    return f"b{i:06d}@bench.test"


class Users:
    """Seeded users b000000@bench.test ... through the admin REST API (partialImport, in batches)."""

    def __init__(self, http):
        self.http = http
        self.count = 0

    def ensure(self, n):
        if n <= self.count:
            return
        started = time.time()
        batch = 1000
        for start in range(self.count, n, batch):
            users = [{"username": user_email(i), "email": user_email(i), "emailVerified": True, "enabled": True,
                      "firstName": "Bench", "lastName": f"User {i}", "attributes": {"locale": ["en"]}}
                     for i in range(start, min(n, start + batch))]
            self.http.admin("POST", f"/realms/{REALM}/partialImport", {"ifResourceExists": "SKIP", "users": users})
        log(f"seeded users {self.count}..{n - 1} in {time.time() - started:.1f} s")
        self.count = n

    def emails(self):
        return [user_email(i) for i in range(self.count)]


def set_smtp(http, port, realm=REALM):
    smtp = {"host": "127.0.0.1", "port": str(port), "from": "login@bench.test", "starttls": "false",
            "auth": "false"} if port else {}
    http.admin("PUT", f"/realms/{realm}", {"smtpServer": smtp})


PASSWORD_FLOW = "bench password browser"


def bind_password_browser_flow(http, realm):
    """Binds bench-browser-pw to Keycloak's built-in "browser" flow (cookie, identity provider
    redirector, username+password form, conditional OTP) when the realm has it; a realm imported
    with its own flows may not, and then to a flow holding only Keycloak's username+password form."""
    _, raw = http.admin("GET", f"/realms/{realm}/authentication/flows")
    flows = {f["alias"]: f["id"] for f in json.loads(raw)}
    flow_id = flows.get("browser")
    if flow_id is None:
        if PASSWORD_FLOW not in flows:
            http.admin("POST", f"/realms/{realm}/authentication/flows",
                       {"alias": PASSWORD_FLOW, "providerId": "basic-flow", "topLevel": True, "builtIn": False,
                        "description": "bench: Keycloak's username and password form alone"})
            quoted = urllib.parse.quote(PASSWORD_FLOW)
            http.admin("POST", f"/realms/{realm}/authentication/flows/{quoted}/executions/execution",
                       {"provider": "auth-username-password-form"})
            _, raw = http.admin("GET", f"/realms/{realm}/authentication/flows/{quoted}/executions")
            execution = json.loads(raw)[0]
            execution["requirement"] = "REQUIRED"
            http.admin("PUT", f"/realms/{realm}/authentication/flows/{quoted}/executions", execution)
            _, raw = http.admin("GET", f"/realms/{realm}/authentication/flows")
            flows = {f["alias"]: f["id"] for f in json.loads(raw)}
        flow_id = flows[PASSWORD_FLOW]
    _, raw = http.admin("GET", f"/realms/{realm}/clients?clientId=bench-browser-pw")
    client = json.loads(raw)[0]
    client["authenticationFlowBindingOverrides"] = {"browser": flow_id}
    http.admin("PUT", f"/realms/{realm}/clients/{client['id']}", client)
    return "browser" if "browser" in flows else PASSWORD_FLOW


# ---------------------------------------------------------------- wrk

class Wrk:
    def __init__(self, args, http):
        self.args = args
        self.http = http
        self.files = os.path.join(args.work, "files")
        os.makedirs(self.files, exist_ok=True)

    def write(self, name, lines):
        path = os.path.join(self.files, name)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def run(self, label, script, path, duration, env, jfr=None):
        environment = dict(os.environ, BENCH_LUA_DIR=LUA, BENCH_THREADS=str(THREADS), **env)
        cmd = ["wrk", f"-t{THREADS}", f"-c{self.args.connections}", f"-d{duration}s", "--timeout", "30s",
               "-s", os.path.join(LUA, script), self.args.base_url + path]
        if jfr:
            jcmd(self.args.kc_pid, "JFR.start", f"name={jfr}", "settings=profile",
                 f"filename={os.path.join(self.args.work, 'jfr', jfr + '.jfr')}")
        kc_cpu0, machine0 = process_cpu_seconds(self.args.kc_pid), machine_cpu()
        done_dir = tempfile.mkdtemp(prefix="wrk-", dir=self.files)
        environment["BENCH_DONE_DIR"] = done_dir
        with subprocess.Popen(cmd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            deadline = time.time() + duration + 900
            while proc.poll() is None:
                if len(os.listdir(done_dir)) >= THREADS:
                    proc.send_signal(signal.SIGINT)  # every thread has stopped: end the run now
                    break
                if time.time() > deadline:
                    proc.kill()
                    break
                time.sleep(0.02)
            stdout, stderr = proc.communicate(timeout=120)
            done = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
        shutil.rmtree(done_dir, ignore_errors=True)
        kc_cpu = process_cpu_seconds(self.args.kc_pid) - kc_cpu0
        machine1 = machine_cpu()
        busy = (machine1[0] - machine0[0]) / max(1, machine1[1] - machine0[1])
        if jfr:
            jcmd(self.args.kc_pid, "JFR.stop", f"name={jfr}")
        line = next((l for l in done.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
        if done.returncode != 0 or line is None:
            sys.exit(f"wrk failed for {label}: rc={done.returncode}\n{done.stdout}\n{done.stderr}")
        return self.figures(label, json.loads(line[len("BENCH_JSON "):]), kc_cpu, busy)

    def drive(self, label, duration, users, login, jfr=None):
        """The browser phases: bench/browser.py's driver instead of wrk, measured the same way
        (one login counts as one request)."""
        if jfr:
            jcmd(self.args.kc_pid, "JFR.start", f"name={jfr}", "settings=profile",
                 f"filename={os.path.join(self.args.work, 'jfr', jfr + '.jfr')}")
        kc_cpu0, machine0 = process_cpu_seconds(self.args.kc_pid), machine_cpu()
        r = browser.run(self.args.base_url, self.args.connections, duration, users, login)
        kc_cpu = process_cpu_seconds(self.args.kc_pid) - kc_cpu0
        machine1 = machine_cpu()
        busy = (machine1[0] - machine0[0]) / max(1, machine1[1] - machine0[1])
        if jfr:
            jcmd(self.args.kc_pid, "JFR.stop", f"name={jfr}")
        return self.figures(label, r, kc_cpu, busy)

    def figures(self, label, r, kc_cpu, busy):
        seconds = r["duration_us"] / 1e6
        r.update(label=label, seconds=seconds, rps=r["ok"] / seconds, p50_ms=r["p50_us"] / 1000,
                 p99_ms=r["p99_us"] / 1000, cpu_ms=1000 * kc_cpu / max(1, r["requests"]),
                 kc_cores=kc_cpu / seconds, machine_busy=busy)
        socket_errors = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
        note = f", {r['bad']} non-2xx (first: {r['first_bad']})" if r["bad"] else ""
        note += f", {socket_errors} socket errors" if socket_errors else ""
        log(f"  {label:<28} {r['rps']:8.1f} req/s  p50 {r['p50_ms']:7.2f} ms  p99 {r['p99_ms']:7.2f} ms"
            f"  KC {r['cpu_ms']:5.2f} CPU-ms/req, machine {100 * busy:3.0f}% busy  ({r['ok']} ok in {seconds:.1f} s{note})")
        return r


def process_cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def machine_cpu():
    """(busy, total) jiffies of the whole machine."""
    v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def jcmd(pid, *command):
    done = subprocess.run(["jcmd", str(pid), *command], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"jcmd {' '.join(command)} failed: {done.stdout} {done.stderr}")
    return done.stdout


# ---------------------------------------------------------------- the phases

class Phases:
    def __init__(self, args, http, wrk, users, cheap_users):
        self.args = args
        self.http = http
        self.wrk = wrk
        self.users = users
        self.cheap_users = cheap_users
        self.smtp_on = None
        self.sink_offset = None  # where this round's sign_email phase began in the sink

    def start_round(self):
        self.sink_offset = None

    def smtp(self, on):
        if self.smtp_on != on:
            set_smtp(self.http, self.args.smtp_port if on else None)
            self.smtp_on = on

    def client_credentials(self, duration, jfr):
        body = f"grant_type=client_credentials&client_id=bench-cc&client_secret={CC_SECRET}"
        return self.wrk.run("client_credentials", "grant.lua", TOKEN, duration, {"BENCH_BODY": body}, jfr)

    def password_grant(self, key, realm, users, user_format, duration, jfr):
        """Keycloak's password grant of the direct-grant client, users 0..users-1 of user_format in turn."""
        body = f"grant_type=password&client_id=bench-direct&scope=openid&username=%USER%&password={urllib.parse.quote(PW_PASSWORD)}"
        return self.wrk.run(key, "grant.lua", f"/realms/{realm}/protocol/openid-connect/token", duration,
                            {"BENCH_BODY": body, "BENCH_USERS": str(users), "BENCH_USER_FORMAT": user_format}, jfr)

    def password(self, duration, jfr):
        return self.password_grant("password", REALM, PW_USERS, PW_USER_FORMAT, duration, jfr)

    def password_cheap(self, duration, jfr):
        return self.password_grant("password_cheap", CHEAP_REALM, self.cheap_users, PW_USER_FORMAT, duration, jfr)

    def password_cheap_cold(self, duration, jfr):
        return self.password_grant("password_cheap_cold", CHEAP_REALM, self.args.users, PW_COLD_USER_FORMAT, duration, jfr)

    def sign_log(self, duration, jfr):
        self.smtp(False)
        emails = self.users.emails()
        shift = random.randrange(len(emails))
        ids = self.wrk.write("sign-log-ids.txt", emails[shift:] + emails[:shift])
        return self.wrk.run("sign_log", "sign.lua", API + "/sign", duration, {"BENCH_IDS": ids, "BENCH_XFF_NETS": XFF_NETS}, jfr)

    def sign_email(self, duration, jfr):
        self.smtp(True)
        emails = self.users.emails()
        shift = random.randrange(len(emails))
        self.sink_offset = os.path.getsize(self.args.sink_file)
        ids = self.wrk.write("sign-email-ids.txt", emails[shift:] + emails[:shift])
        r = self.wrk.run("sign_email", "sign.lua", API + "/sign", duration, {"BENCH_IDS": ids, "BENCH_ONCE": "1", "BENCH_XFF_NETS": XFF_NETS}, jfr)
        self.sign_email_rps = r["rps"]
        return r

    def harvest(self):
        codes = {}
        with open(self.args.sink_file) as f:
            f.seek(self.sink_offset)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3 and parts[2] != "-":
                    codes[parts[1]] = parts[2]  # the latest code per recipient wins
        return codes

    def verify(self, duration, jfr, need):
        """Codes come from this round's sign_email phase, topped up (untimed) when too few."""
        self.smtp(True)
        if self.sink_offset is None:  # sign_email was left out (--only)
            self.sink_offset = os.path.getsize(self.args.sink_file)
        codes = self.harvest()
        if len(codes) < need:
            self.users.ensure(need + 100)
            missing = [e for e in self.users.emails() if e not in codes][: int((need - len(codes)) * 1.05) + 10]
            log(f"  preparing {len(missing)} more codes for verify (untimed, email channel)")
            ids = self.wrk.write("prepare-ids.txt", missing)
            self.wrk.run("prepare (untimed)", "sign.lua", API + "/sign", 900,
                         {"BENCH_IDS": ids, "BENCH_ONCE": "1", "BENCH_XFF_NETS": XFF_NETS})
            codes = self.harvest()
        pairs = [f"{e}\t{c}" for e, c in codes.items()]
        random.shuffle(pairs)
        path = self.wrk.write("verify-codes.tsv", pairs)
        r = self.wrk.run("verify", "verify.lua", API + "/verify", duration, {"BENCH_CODES": path}, jfr)
        r["codes"] = len(pairs)
        return r


    # ------------------------------------------------------------ QR

    # ------------------------------------------------------------ browser logins

    def browser_otp(self, duration, jfr):
        """In the 1-iteration-hash realm, with the password phase's users: the same realm, users and
        driver on both sides. Codes reach the SMTP sink; the driver follows its file."""
        sink = browser.SinkCodes(self.args.sink_file)
        try:
            users = [PW_USER_FORMAT % i for i in range(self.cheap_users)]
            return self.wrk.drive("browser_otp", duration, users, lambda b, user, n: browser.otp_login(
                b, CHEAP_REALM, "bench-browser", user, n, sink), jfr)
        finally:
            sink.stop()

    def browser_password(self, duration, jfr):
        users = [PW_USER_FORMAT % i for i in range(self.cheap_users)]
        return self.wrk.drive("browser_password", duration, users, lambda b, user, n: browser.password_login(
            b, CHEAP_REALM, "bench-browser-pw", user, PW_PASSWORD, n), jfr)

    def browser_password_default(self, duration, jfr):
        users = [PW_USER_FORMAT % i for i in range(PW_USERS)]
        return self.wrk.drive("browser_password_default", duration, users, lambda b, user, n: browser.password_login(
            b, REALM, "bench-browser-pw", user, PW_PASSWORD, n), jfr)

    def qr_logins(self, name, env_extra, duration, label="prepare QR logins (untimed)", jfr=None):
        """Runs qr_create.lua writing every created login to files/<name>.<tid>; returns the
        wrk result and the "token<TAB>secret" lines of all threads."""
        out = os.path.join(self.wrk.files, name)
        for tid in range(THREADS):
            if os.path.exists(f"{out}.{tid}"):
                os.remove(f"{out}.{tid}")
        r = self.wrk.run(label, "qr_create.lua", API + "/qr", duration,
                         dict({"BENCH_QR_OUT": out, "BENCH_XFF_NETS": QR_XFF_NETS}, **env_extra), jfr)
        lines = []
        for tid in range(THREADS):
            if os.path.exists(f"{out}.{tid}"):
                lines += [l for l in open(f"{out}.{tid}").read().splitlines() if l]
        return r, lines

    def qr_create(self, duration, jfr):
        r, self.qr_pending = self.qr_logins("qr-created", {}, duration, "qr_create", jfr)
        # A unit is two requests: Keycloak's CPU per unit, so "× cc by CPU" compares a unit with a grant.
        r["cpu_ms"] *= r["requests"] / max(1, r["ok"] + r["bad"])
        return r

    def qr_check(self, duration, jfr):
        path = self.wrk.write("qr-check.tsv", self.qr_pending)
        return self.wrk.run("qr_check", "qr_check.lua", API + "/qr", duration, {"BENCH_QR": path}, jfr)

    def qr_authorize(self, duration, jfr, need):
        """Logins from this round's qr_create phase (still pending: check consumes nothing), topped
        up untimed when too few; approved with an access token obtained by sign (email) + verify."""
        pending = list(self.qr_pending)
        if len(pending) < need:
            more = need - len(pending) + 10
            log(f"  preparing {more} more QR logins for qr_authorize (untimed)")
            _, extra = self.qr_logins("qr-extra", {"BENCH_QR_PNG": "0", "BENCH_QR_LIMIT": str(math.ceil(more / THREADS))}, 900)
            pending += extra
        random.shuffle(pending)
        path = self.wrk.write("qr-authorize.tsv", pending)
        bearer = self.access_token()
        r = self.wrk.run("qr_authorize", "qr_authorize.lua", API + "/qr/authorize", duration,
                         {"BENCH_QR": path, "BENCH_BEARER": bearer}, jfr)
        r["codes"] = len(pending)
        return r

    def access_token(self):
        """An access token of the API client for the first seeded user: sign by email to the sink,
        read the code the sink recorded, verify (untimed)."""
        self.smtp(True)
        email = QR_APPROVER
        offset = os.path.getsize(self.args.sink_file)
        status, raw = self.http.call("POST", API + "/sign", "id=" + urllib.parse.quote(email))
        if status != 200:
            sys.exit(f"sign for the QR approver failed: {status} {raw[:300]!r}")
        code = wait_for_code(self.args.sink_file, offset, email)
        status, raw = self.http.call("POST", API + "/verify", f"id={urllib.parse.quote(email)}&code={code}")
        if status != 200:
            sys.exit(f"verify for the QR approver failed: {status} {raw[:300]!r}")
        return json.loads(raw)["results"]["access_token"]


def wait_for_code(sink_file, offset, email, timeout=60):
    """The code the sink recorded for email after offset: the sink writes its line once the mail is
    accepted, which may be a moment after sign answered."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        with open(sink_file) as f:
            f.seek(offset)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3 and parts[1] == email and parts[2] != "-":
                    return parts[2]
        time.sleep(0.01)
    sys.exit(f"no code reached the SMTP sink for {email} within {timeout} s")


def check_api(http):
    """One sign and one verify by hand before any load, so a broken setup fails fast and clearly."""
    status, raw = http.call("POST", API + "/sign", "id=" + urllib.parse.quote(user_email(0)))
    if status != 200:
        sys.exit(f"sign failed: {status} {raw[:300]!r}")
    for name, body in [("client_credentials", f"grant_type=client_credentials&client_id=bench-cc&client_secret={CC_SECRET}"),
                       ("password", f"grant_type=password&client_id=bench-direct&scope=openid&username={urllib.parse.quote(PW_USER_FORMAT % 0)}&password={urllib.parse.quote(PW_PASSWORD)}")]:
        status, raw = http.call("POST", TOKEN, body)
        if status != 200:
            sys.exit(f"{name} grant failed: {status} {raw[:300]!r}")


def smoke_check(results, memory, connections):
    """A phase that answered nothing, or mostly errors, means the harness or the server broke.
    Allowed: the requests still in flight when a phase runs out of codes or identifiers."""
    broken = [f"{r['endpoint']}: {r['ok']} ok, {r['bad']} non-2xx (first: {r['first_bad']})" for r in results
              if r["ok"] == 0 or r["bad"] > max(connections, 0.05 * r["requests"])]
    if memory is not None and memory["bad"] > 0:
        broken.append(f"memory: {memory['bad']} non-2xx")
    if broken:
        sys.exit("SMOKE FAILED: " + "; ".join(broken))
    log(f"SMOKE OK: {len(results)} phases answered 2xx" + (", memory phase measured" if memory else "")
        + " (smoke figures are not benchmarks)")


# ---------------------------------------------------------------- memory

def live_heap(pid):
    """Live objects after a full GC: GC.class_histogram collects first (it is not run with -all)."""
    jcmd(pid, "GC.run")
    out = jcmd(pid, "GC.class_histogram")
    classes = {}
    total = None
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
        m = re.match(r"Total\s+(\d+)\s+(\d+)", line)
        if m:
            total = (int(m.group(1)), int(m.group(2)))
    return total, classes


def memory_phase(args, http, wrk):
    """Bytes per pending challenge. Unknown identifiers still get a stored challenge (so sign and
    verify reveal nothing), which lets 100,000 challenges exist without 100,000 accounts and
    without 100,000 cached users skewing the heap. Step A signs n distinct identifiers once:
    each call stores the challenge plus one slot in the per-IP and one in the per-identifier
    hourly window. Step B signs the same n again: the challenges are only replaced, so step B adds
    just the two slots. A - B is the challenge alone. Requests carry X-Forwarded-For (see XFF_NETS)
    so the per-IP cap never refuses them."""
    n = args.memory_challenges
    nets = XFF_NETS
    set_smtp(http, None)
    warm = wrk.write("mem-warm-ids.txt", [f"w{i:06d}@warm.bench" for i in range(min(3000, 10 * n))])
    wrk.run("memory warm-up", "sign.lua", API + "/sign", 1 if args.smoke else 5, {"BENCH_IDS": warm, "BENCH_XFF_NETS": nets})
    ids = wrk.write("mem-ids.txt", [f"m{i:06d}@mem.bench" for i in range(n)])
    heap0, classes0 = live_heap(args.kc_pid)
    hour_before = int(time.time()) // 3600
    ra = wrk.run(f"memory A: {n} sign", "sign.lua", API + "/sign", 1800,
                 {"BENCH_IDS": ids, "BENCH_ONCE": "1", "BENCH_XFF_NETS": nets})
    heap1, classes1 = live_heap(args.kc_pid)
    rb = wrk.run(f"memory B: {n} sign again", "sign.lua", API + "/sign", 1800,
                 {"BENCH_IDS": ids, "BENCH_ONCE": "1", "BENCH_XFF_NETS": nets})
    heap2, classes2 = live_heap(args.kc_pid)
    # The limiter's slots live in fixed hourly windows and all expire when theirs ends: if the hour
    # turned during A or B, the heap lost slots taken before it and A - B is no challenge's size.
    hour_turned = int(time.time()) // 3600 != hour_before
    a = (heap1[1] - heap0[1]) / n
    b = (heap2[1] - heap1[1]) / n
    top = sorted(((c1[1] - classes0.get(k, (0, 0))[1], c1[0] - classes0.get(k, (0, 0))[0], k)
                  for k, c1 in classes1.items()), reverse=True)[:12]
    result = {"n": n, "heap0": heap0[1], "heap1": heap1[1], "heap2": heap2[1],
              "objects_a": (heap1[0] - heap0[0]) / n, "objects_b": (heap2[0] - heap1[0]) / n,
              "per_sign": a, "per_slot_pair": b, "per_challenge": a - b,
              "bad": ra["bad"] + rb["bad"], "rps_a": ra["rps"], "top": top, "hour_turned": hour_turned}
    log(f"memory: {a:.0f} B per first sign (challenge + 2 limiter slots), {b:.0f} B per repeat sign "
        f"(2 slots), so {a - b:.0f} B per pending challenge")
    return result


# ---------------------------------------------------------------- facts and report

def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_facts(args):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), platform.system())
    jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_mb": mem, "os": os_name, "kernel": platform.release(),
            "jdk": jdk[1] if len(jdk) > 1 else jdk[0] if jdk else "?",
            "wrk": (sh("wrk", "-v").splitlines() or ["?"])[0], "db": args.db,
            "heap": os.environ.get("JAVA_OPTS_KC_HEAP", "")}


def load_and_others():
    load = open("/proc/loadavg").read().split()[:3]
    ps = sh("ps", "-eo", "pcpu,comm,args", "--sort=-pcpu", "--no-headers").splitlines()[:6]
    return {"load": " ".join(load), "top": [re.sub(r"\s+", " ", p)[:110] for p in ps]}


def summarise(results):
    """Per endpoint over the timed rounds: median figures and the ratios to client_credentials of
    the same round (a ratio compares two phases minutes apart, on the same server and load)."""
    summary = {}
    rounds = sorted({r["round"] for r in results})
    for key, _, _ in ENDPOINTS:
        rows = [r for r in results if r["endpoint"] == key]
        if not rows:
            continue
        ratios = []
        for rnd in rounds:
            cc = next(r for r in results if r["round"] == rnd and r["endpoint"] == "client_credentials")
            mine = next((r for r in rows if r["round"] == rnd), None)
            if mine:
                ratios.append((mine["rps"] / cc["rps"], mine["p50_ms"] / cc["p50_ms"], mine["p99_ms"] / cc["p99_ms"],
                               cc["cpu_ms"] / mine["cpu_ms"]))
        summary[key] = {"rps": statistics.median(r["rps"] for r in rows),
                        "p50": statistics.median(r["p50_ms"] for r in rows),
                        "p99": statistics.median(r["p99_ms"] for r in rows),
                        "ratio": statistics.median(x[0] for x in ratios),
                        "ratio_p50": statistics.median(x[1] for x in ratios),
                        "ratio_p99": statistics.median(x[2] for x in ratios),
                        "cpu_ms": statistics.median(r["cpu_ms"] for r in rows),
                        "cpu_ratio": statistics.median(x[3] for x in ratios),
                        "ratios": [x[0] for x in ratios]}
    return summary


def report(args, facts, before, after, results, summary, memory, started, elapsed, command):
    labels = {k: l for k, l, _ in ENDPOINTS}
    lines = []
    w = lines.append
    w("# Benchmarks")
    w("")
    w("Keycloak's own grants and the trader4 endpoints, measured side by side on one Keycloak in one run")
    w("by `bench/run.sh` (see [docs/benchmarking.md](benchmarking.md)). Ratios to `client_credentials` are the figures")
    w("that carry over to other machines; absolute requests/s describe only this one.")
    w("")
    w(f"Command: `{command}` — {started:%Y-%m-%d %H:%M} UTC, {elapsed / 60:.1f} minutes.")
    w("")
    w("![requests per second and ratio to client_credentials](benchmarks.png)")
    w("")
    w("## Summary")
    w("")
    w(f"Median over {args.rounds} timed rounds of {args.duration} s each (after a {args.warmup} s warm-up "
      f"round); {args.connections} connections, {THREADS} wrk threads. Ratio = requests/s of the endpoint ÷ "
      "requests/s of `client_credentials` in the same round (median of the rounds); latency ratios the same "
      "for p50 and p99 (lower is better there). KC CPU ms/req: CPU time the Keycloak JVM used during the phase "
      "(all its threads, GC and JIT included, from /proc) per request; × cc by CPU = that of `client_credentials` ÷ "
      "this one: the throughput ratio the two would have if CPU were the only limit and nothing else ran.")
    w("")
    w("| endpoint | requests/s | p50 ms | p99 ms | × cc req/s | × cc p50 | × cc p99 | KC CPU ms/req | × cc by CPU | aim |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for key, s in summary.items():
        aim = ""
        if key in AIMS:
            aim = f"≥ {AIMS[key]}× cc: " + ("met" if s["ratio"] >= AIMS[key] else "**not met**")
        if key == "browser_otp" and BROWSER_BASELINE in summary:
            x = over(results, "browser_otp", BROWSER_BASELINE)
            aim += f"≥ 5× browser password (default hashing): {x:.1f}× " + ("met" if x >= 5 else "**not met**")
        if key == "verify" and "password_cheap" in summary:
            x = over(results, "verify", "password_cheap")
            aim += f"; ≥ {VERIFY_OVER_CHEAP_PASSWORD}× 1-iteration password: {x:.2f}× " + (
                "met" if x >= VERIFY_OVER_CHEAP_PASSWORD else "**not met**")
        if key == "verify" and "password" in summary:
            x = verify_over_password(results)
            aim += f"; ≥ 10× password: {x:.1f}× " + ("met" if x >= 10 else "**not met**")
        if key == "verify" and "password_cheap_cold" in summary:
            aim += (f"; like for like (no aim): {over(results, 'verify', 'password_cheap_cold'):.2f}× the 1-iteration "
                    "grant over as many users")
        w(f"| {labels[key]} | {s['rps']:.1f} | {s['p50']:.2f} | {s['p99']:.2f} | {s['ratio']:.2f} | "
          f"{s['ratio_p50']:.2f} | {s['ratio_p99']:.2f} | {s['cpu_ms']:.2f} | {s['cpu_ratio']:.2f} | {aim} |")
    w("")
    w("```")
    for line in ratio_lines(summary, results):
        w(line)
    w("```")
    w("")
    w("## Rounds")
    w("")
    w("| round | endpoint | requests/s | p50 ms | p99 ms | × cc req/s | × cc p50 | × cc p99 | KC CPU ms/req | machine busy | ok | non-2xx | seconds |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        cc = next(x for x in results if x["round"] == r["round"] and x["endpoint"] == "client_credentials")
        w(f"| {r['round']} | {labels[r['endpoint']]} | {r['rps']:.1f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
          f"{r['rps'] / cc['rps']:.2f} | {r['p50_ms'] / cc['p50_ms']:.2f} | {r['p99_ms'] / cc['p99_ms']:.2f} | "
          f"{r['cpu_ms']:.2f} | {100 * r['machine_busy']:.0f}% | {r['ok']} | {r['bad']} | {r['seconds']:.1f} |")
    w("")
    w("Non-2xx in `verify` rows are the requests a connection had in flight after its share of codes ran out")
    w("(at most one per connection); `verify` stops when its codes are used up, so it may run shorter.")
    w("")
    if memory:
        w("## Memory: bytes per pending challenge")
        w("")
        m = memory
        w(f"Live heap after a full GC (`jcmd <pid> GC.class_histogram`), before and after {m['n']:,} `sign` calls "
          f"for {m['n']:,} distinct identifiers, then after signing the same {m['n']:,} again:")
        w("")
        w("| | live heap | per call | objects per call |")
        w("|---|---:|---:|---:|")
        w(f"| before | {m['heap0'] / 2**20:.1f} MiB | | |")
        w(f"| A: after {m['n']:,} first signs | {m['heap1'] / 2**20:.1f} MiB | {m['per_sign']:.0f} B | {m['objects_a']:.1f} |")
        w(f"| B: after {m['n']:,} repeat signs | {m['heap2'] / 2**20:.1f} MiB | {m['per_slot_pair']:.0f} B | {m['objects_b']:.1f} |")
        w("")
        if m.get('hour_turned'):
            w("**Not a valid figure:** the hour turned during steps A and B, and the limiter slots of the hour")
            w("before expired with it, so A − B below is not a challenge's size. Run the benchmark again.")
            w("")
            verdict = "not measured"
        else:
            verdict = "met" if m['per_challenge'] <= CHALLENGE_BYTES_AIM else "**not met**"
        w(f"- **{m['per_challenge']:.0f} bytes per pending challenge** (A − B; aim ≤ {CHALLENGE_BYTES_AIM} B: {verdict}), in the")
        w("  `actionTokens` cache of the single-use object store (local cache, objects stored as Java objects).")
        w(f"- **{m['per_sign']:.0f} bytes per `sign` call** in all, for an hour: the challenge plus one slot in the per-IP")
        w("  and one in the per-identifier hourly window (B adds only those two slots: the challenges are replaced).")
        w(f"- {m['n']:,} pending challenges take {m['per_challenge'] * m['n'] / 2**20:.0f} MiB; with their hour of limiter slots "
          f"{m['per_sign'] * m['n'] / 2**20:.0f} MiB.")
        w("")
        w("Method: the identifiers have no account. `sign` stores a challenge for unknown identifiers too (so")
        w("neither endpoint reveals who has an account), which gives 100,000 pending challenges without seeding")
        w("100,000 users, whose user-cache entries would blur the heap. A challenge for an existing account also")
        w("holds its 36-character user id and the channel name: about 100 bytes more. Resend cooldown is 0 in the")
        w("bench realm (a cooldown adds one more entry per identifier for its 30 s). Requests carried")
        w("`X-Forwarded-For` from 64 addresses (the bench server trusts it) to stay below the per-IP cap. The")
        w("memory phase runs first, right after a warm-up, so no entry of the load phases expires in between.")
        w("")
        w("Largest growth by class during A:")
        w("")
        w("| class | bytes | instances |")
        w("|---|---:|---:|")
        for dbytes, dcount, name in m["top"]:
            w(f"| `{name}` | {dbytes:,} | {dcount:,} |")
        w("")
    w("## Machine")
    w("")
    w(f"- {facts['cores']} cores: {facts['cpu']}; {facts['memory_mb']:,} MiB RAM; {facts['os']}, kernel {facts['kernel']}")
    w(f"- JDK: {facts['jdk']}; Keycloak heap `{facts['heap']}`")
    w(f"- Keycloak 26.7.3, `kc.sh start` (production mode), `--cache=local`, one node; {facts['db']}")
    w(f"- Load generator: {facts['wrk']}, on the same machine (it shares the cores with Keycloak), and for")
    w("  the email phases a Python SMTP sink on 127.0.0.1, also on the same cores")
    w(f"- Load average before: {before['load']}; after: {after['load']}. Busiest processes before the run:")
    w("")
    for p in before["top"]:
        w(f"      {p}")
    w("")
    w("  and at the end:")
    w("")
    for p in after["top"]:
        w(f"      {p}")
    w("")
    w("## What each phase does")
    w("")
    for key, label, what in ENDPOINTS:
        w(f"- **{label}**: {what}.")
    w("")
    w("The bench realm is `realm/trader4-realm.json` renamed `bench`, with the caps raised (all load comes")
    w("from 127.0.0.1): " + ", ".join(f"`{k}={v}`" for k, v in OTP_ATTRIBUTES.items()) + "; plus a confidential")
    w("client `bench-cc` and a public direct-grant client `bench-direct`. Events stay on, as in the demo realm,")
    w("so every grant and every verify writes a login event. The `sign` phases send `X-Forwarded-For` from")
    w(f"{XFF_NETS} addresses in turn (the bench server trusts the header): `sign` by the log channel would otherwise")
    w("exhaust even the highest per-IP cap (100,000 an hour) within a minute; every call still takes its per-IP")
    w("slot exactly as before. Users are seeded with the admin REST API")
    w("(`partialImport`). Codes for `verify` are those mailed to the SMTP sink during the round's")
    w("`sign (email)` phase (topped up, untimed, when too few); each is used once. The QR phases send")
    w(f"`X-Forwarded-For` from {QR_XFF_NETS} addresses per wrk thread (the per-IP create cap is at its highest, 10,000 an hour);")
    w("`qr_check` and `qr_authorize` use the logins `qr_create` made in the same round (topped up, untimed,")
    w("when too few), approved with an access token `sign` + `verify` gave a user of the API client. The")
    w("browser phases are all driven by `bench/browser.py` (Python threads, one per connection, a fresh cookie")
    w("jar per login), so their ratios compare flows and not load generators; their ratio to `client_credentials`")
    w("also carries the driver's own cost, so read `browser_otp/browser_password_default` (the aim: Keycloak's")
    w("password login as its users pay for it, hashing included) and `browser_otp/browser_password` (the same")
    w("login in the 1-iteration-hash realm with the password grant's users: the flows alone) rather than their × cc.")
    w("")
    return "\n".join(lines)


def ratio_lines(summary, results=None):
    out = []
    for key, s in summary.items():
        if key != "client_credentials":
            out.append(f"{key}/client_credentials: {s['ratio']:.2f}   (rounds: {', '.join(f'{x:.2f}' for x in s['ratios'])})")
    if results and "verify" in summary and "password_cheap" in summary:
        out.append(f"verify/password_cheap: {over(results, 'verify', 'password_cheap'):.2f}")
    if results and "verify" in summary and "password_cheap_cold" in summary:
        out.append(f"verify/password_cheap_cold: {over(results, 'verify', 'password_cheap_cold'):.2f}")
    if results and "verify" in summary and "password" in summary:
        out.append(f"verify/password: {verify_over_password(results):.1f}")
    for base in ("browser_password", BROWSER_BASELINE):
        if results and "browser_otp" in summary and base in summary:
            out.append(f"browser_otp/{base}: {over(results, 'browser_otp', base):.2f}")
    return out


def verify_over_password(results):
    """Median over the rounds of verify's requests/s ÷ the password grant's in the same round."""
    return over(results, "verify", "password")


def over(results, key, base):
    """Median over the rounds of key's requests/s ÷ base's in the same round."""
    per_round = {}
    for r in results:
        per_round.setdefault(r["round"], {})[r["endpoint"]] = r["rps"]
    return statistics.median(x[key] / x[base] for x in per_round.values() if key in x and base in x)


def chart(args, summary, results, path):
    tsv = os.path.join(args.work, "chart.tsv")
    labels = {k: l for k, l, _ in ENDPOINTS}
    with open(tsv, "w") as f:
        for key, s in summary.items():
            per_round = ",".join(f"{x:.3f}" for x in s["ratios"]) if key != "client_credentials" else "1"
            f.write(f"{labels[key]}\t{s['rps']:.1f}\t{s['ratio']:.3f}\t{AIMS.get(key, 0)}\t{per_round}\t{s['p50']:.2f}"
                    f"\t{s['p99']:.2f}\t{s['cpu_ratio']:.3f}\n")
    done = subprocess.run(["java", "-Djava.awt.headless=true", os.path.join(ROOT, "bench", "Chart.java"), tsv, path],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        log(f"chart failed: {done.stderr.strip()[:500]}")


# ---------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--kc-pid", required=True, type=int)
    p.add_argument("--kc-home", required=True)
    p.add_argument("--smtp-port", required=True, type=int)
    p.add_argument("--sink-file", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--profile", action="store_true")
    p.add_argument("--rounds", type=int)
    p.add_argument("--duration", type=int)
    p.add_argument("--warmup", type=int)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--users", type=int)
    p.add_argument("--memory-challenges", type=int)
    p.add_argument("--out")
    p.add_argument("--only", help="comma-separated endpoint keys to measure (client_credentials always runs: "
                                  "every ratio divides by it); the report goes to the work folder unless --out says")
    args = p.parse_args()
    keys = [k for k, _, _ in ENDPOINTS]
    only = set(args.only.split(",")) if args.only else set(keys)
    unknown = only - set(keys)
    if unknown:
        p.error(f"unknown endpoint(s) {', '.join(sorted(unknown))}; known: {', '.join(keys)}")
    # qr_check and qr_authorize use the logins qr_create made in the same round
    if only & {"qr_check", "qr_authorize"}:
        only.add("qr_create")
    measured = [k for k in keys if k in only or k == "client_credentials"]
    if args.smoke:
        # Every phase for a second or two (after a one-second warm-up: the first mail opens the SMTP
        # path), the memory phase on a few hundred challenges: proves the harness still runs end to
        # end; its figures mean nothing and are written only under the work folder.
        args.rounds, args.duration = args.rounds or 1, args.duration or 2
        args.warmup = 1 if args.warmup is None else args.warmup
        args.users = args.users or 50
        args.memory_challenges = 300 if args.memory_challenges is None else args.memory_challenges
        args.out = args.out or os.path.join(args.work, "smoke")
    quick = args.quick or args.smoke
    args.rounds = args.rounds or (2 if quick else 3)
    args.duration = args.duration or (4 if quick else 20)
    args.warmup = args.warmup if args.warmup is not None else (2 if quick else 10)
    args.users = args.users or (2000 if quick else 12000)
    if args.memory_challenges is None:
        args.memory_challenges = 0 if quick else 100_000
    args.out = os.path.abspath(args.out or (args.work if quick or args.only else os.path.join(ROOT, "docs")))
    # Smoke: enough users that the browser password login (faster than the grant) stays below the
    # per-user rate at which brute-force protection refuses logins.
    cheap_users = 200 if args.smoke else PW_USERS_CHEAP
    os.makedirs(args.out, exist_ok=True)
    command = os.environ.get("BENCH_COMMAND", "bench/run.sh")
    started = datetime.datetime.utcnow()
    t0 = time.time()

    facts = machine_facts(args)
    before = load_and_others()
    log(f"machine: {facts['cores']} cores ({facts['cpu']}), {facts['jdk']}; load average {before['load']}")

    http = Http(args.base_url)
    http.admin("DELETE", f"/realms/{REALM}", ok=(204, 404))
    http.admin("POST", "/realms", bench_realm())
    http.admin("DELETE", f"/realms/{CHEAP_REALM}", ok=(204, 404))
    http.admin("POST", "/realms", bench_realm(CHEAP_REALM, CHEAP_POLICY))
    for realm, user_format, count in ((REALM, PW_USER_FORMAT, PW_USERS), (CHEAP_REALM, PW_USER_FORMAT, cheap_users),
                                      (CHEAP_REALM, PW_COLD_USER_FORMAT, args.users if "password_cheap_cold" in measured else 0)):
        for start in range(0, count, 1000):
            http.admin("POST", f"/realms/{realm}/partialImport", {"ifResourceExists": "SKIP", "users": [
                {"username": user_format % i, "email": user_format % i, "emailVerified": True, "enabled": True,
                 "firstName": "Password", "lastName": f"User {i}",
                 "credentials": [{"type": "password", "value": PW_PASSWORD, "temporary": False}]}
                for i in range(start, min(count, start + 1000))]})
    set_smtp(http, args.smtp_port, CHEAP_REALM)  # the browser OTP phase mails its codes to the sink
    password_flow = bind_password_browser_flow(http, CHEAP_REALM)
    bind_password_browser_flow(http, REALM)
    log(f"browser password login: client bench-browser-pw bound to the flow \"{password_flow}\"")
    http.admin("POST", f"/realms/{REALM}/partialImport", {"ifResourceExists": "SKIP", "users": [
        {"username": QR_APPROVER, "email": QR_APPROVER, "emailVerified": True, "enabled": True,
         "firstName": "QR", "lastName": "Approver"}]})
    users = Users(http)
    users.ensure(args.users)
    wrk = Wrk(args, http)
    phases = Phases(args, http, wrk, users, cheap_users)
    phases.smtp(False)
    check_api(http)
    if args.profile:
        os.makedirs(os.path.join(args.work, "jfr"), exist_ok=True)

    memory = memory_phase(args, http, wrk) if args.memory_challenges > 0 else None

    results = []
    for rnd in range(0, args.rounds + 1):
        warm = rnd == 0
        duration = args.warmup if warm else args.duration
        if duration <= 0:
            continue
        log(f"round {rnd}{' (warm-up, not reported)' if warm else ''}: {duration} s per endpoint")
        jfr_round = args.profile and rnd == args.rounds
        row = {}
        phases.start_round()
        for key in measured:
            jfr = key if jfr_round else None
            if key == "verify":
                # Enough codes for verify to run the whole phase even at client_credentials' rate.
                need = math.ceil((1.1 if quick else 1.3) * duration * row["client_credentials"]["rps"])
                r = phases.verify(duration, jfr, need)
            elif key == "qr_authorize":
                need = math.ceil((1.1 if quick else 1.3) * duration * row["client_credentials"]["rps"])
                r = phases.qr_authorize(duration, jfr, need)
            else:
                r = getattr(phases, key)(duration, jfr)
            row[key] = r
            if not warm:
                results.append(dict(r, round=rnd, endpoint=key))
    after = load_and_others()
    summary = summarise(results)
    print()
    for line in ratio_lines(summary, results):
        print(line)
    print()
    if args.smoke:
        smoke_check(results, memory, args.connections)
    elapsed = time.time() - t0
    md = report(args, facts, before, after, results, summary, memory, started, elapsed, command)
    md_path = os.path.join(args.out, "benchmarks.md")
    if os.path.exists(md_path):
        # Hand-written analysis below the marker survives a new run.
        kept = open(md_path).read().split(ANALYSIS_MARKER, 1)
        if len(kept) == 2:
            md = md.rstrip("\n") + "\n\n" + ANALYSIS_MARKER + kept[1]
    with open(md_path, "w") as f:
        f.write(md)
    chart(args, summary, results, os.path.join(args.out, "benchmarks.png"))
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({"facts": facts, "results": results, "summary": summary, "memory": memory}, f, indent=1)
    log(f"report: {md_path} (chart: {os.path.join(args.out, 'benchmarks.png')}), {elapsed:.0f} s")


if __name__ == "__main__":
    main()
