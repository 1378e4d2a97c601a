#!/usr/bin/env python3
"""Load check: clients that flood `decide` and never read must not take the server's memory, nor
delay a sign-in.

1. start `shinrai serve --demo` on a free port with a throw-away data directory;
2. start 20 clients, each on its own loopback address (127.0.0.2 ... 127.0.0.21, so that the
   per-address quota of anonymous decisions does not hide the load); half of them send an API
   token of the demo admin (signed-in callers are not held by the quota, so every one of their
   requests is a decision). Each opens a new connection every 20 ms and posts the sample case
   on it (by default the largest the bounds on decide inputs allow) 10 times, without ever
   reading an answer, and holds up to 25 such connections, closing the oldest beyond that;
3. meanwhile, read the server's memory (VmRSS, VmHWM in /proc/PID/status) ten times a second
   (killing the server should it pass twice the limit) and, once a second, time a normal
   sign-in (POST /api/v1/session as the demo admin) on a fresh connection;
4. after the flood time, stop everything and print the figures.

Fails (exit 1) when the server's peak memory reaches the limit (400 MB), when a sign-in takes
the time limit (1 s) or longer or does not succeed, or when the server dies; 2 when it cannot
run at all. Bounded: the flood lasts --seconds, each client keeps at most --connections open.

    scripts/decide-flood.py [--shinrai PATH] [--clients 20] [--signed-in 10] [--seconds 20]
                            [--connections 25] [--pipeline 10] [--case JSON]
                            [--rss-limit-mb 400] [--sign-in-limit 1.0]

Needs Python 3 (standard library only) and Linux (/proc, the 127.0.0.0/8 loopback).
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

DEMO_PASSWORD = "shinrai-demo-2026"
# The largest sample case the bounds on decide inputs allow.
LARGEST_SAMPLE = '{"frequency":"daily","population":1000000000,"seed":1,"table":{"daily":1000}}'


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    return os.path.join(target, "release", "shinrai")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_mb(pid):
    """(VmRSS, VmHWM) of the process in MB, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
    except OSError:
        return None
    kb = lambda name: int(fields[name].split()[0]) if name in fields else 0
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


class MemoryWatcher(threading.Thread):
    """Samples the server's memory ten times a second; past `ceiling` MB it kills the server and
    stops the flood, so that a failing server cannot take the machine."""

    def __init__(self, server, ceiling, stop):
        super().__init__(daemon=True)
        self.server, self.ceiling, self.stop = server, ceiling, stop
        self.peak_rss = self.peak_hwm = 0.0
        self.stopped_server = False

    def run(self):
        while not self.stop.is_set():
            memory = memory_mb(self.server.pid)
            if memory is None:
                return
            self.peak_rss, self.peak_hwm = max(self.peak_rss, memory[0]), max(self.peak_hwm, memory[1])
            if memory[0] >= self.ceiling:
                self.stopped_server = True
                self.server.kill()
                self.stop.set()
                return
            self.stop.wait(0.1)


def sign_in(port, timeout):
    """Seconds a sign-in took, and its status (None when it failed to answer)."""
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        body = json.dumps({"login": "admin", "password": DEMO_PASSWORD})
        conn.request("POST", "/api/v1/session", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = None
    finally:
        conn.close()
    return time.monotonic() - start, status


class Flooder(threading.Thread):
    """From one address: every round opens a new connection and posts a batch of `pipeline`
    requests on it, never reading an answer, and holds up to `connections` of them, closing
    the oldest beyond that (as a client that never reads must move on to new connections)."""

    def __init__(self, address, port, request, args, stop):
        super().__init__(daemon=True)
        self.address, self.port, self.request, self.args, self.stop = address, port, request, args, stop
        self.connections = 0  # opened
        self.requests = 0  # handed to the kernel in full
        self.closed = 0  # connections refused, or reset while sending

    def open_one(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((self.address, 0))
            sock.settimeout(2)
            sock.connect(("127.0.0.1", self.port))
            sock.setblocking(False)
        except OSError:
            sock.close()
            self.closed += 1
            return None
        self.connections += 1
        return sock

    def run(self):
        batch = self.request * self.args.pipeline
        held = []  # [socket, bytes of its batch not yet sent]
        while not self.stop.is_set():
            sock = self.open_one()
            if sock is not None:
                held.append([sock, batch])
            while len(held) > self.args.connections:
                held.pop(0)[0].close()
            for entry in list(held):
                sock, rest = entry
                if not rest:
                    continue
                try:
                    sent = sock.send(rest)
                except BlockingIOError:
                    continue  # the server is not reading now: try again next round
                except OSError:
                    held.remove(entry)
                    sock.close()
                    self.closed += 1
                    continue
                entry[1] = rest[sent:]
                if not entry[1]:
                    self.requests += self.args.pipeline
            self.stop.wait(0.02)
        for sock, _ in held:
            sock.close()


def admin_token(port):
    """An API token of the demo admin, for the clients that flood signed in."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        body = json.dumps({"login": "admin", "password": DEMO_PASSWORD})
        conn.request("POST", "/api/v1/session", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        session = json.loads(response.read())
        cookie = response.headers["Set-Cookie"].split(";", 1)[0]
        headers = {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": session["csrf_token"]}
        conn.request("POST", "/api/v1/tokens", body=json.dumps({"name": "decide flood"}), headers=headers)
        response = conn.getresponse()
        created = json.loads(response.read())
        if response.status != 201:
            raise RuntimeError(f"token creation answered {response.status}: {created}")
        return created["secret"]
    finally:
        conn.close()


def sample_request(case, token):
    body = case.encode()
    head = (
        "POST /api/v1/decide/sample HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    )
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    return (head + "\r\n").encode() + body


def run(args, work):
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "wb")
    command = [args.shinrai, "--lang", "en", "--data-dir", os.path.join(work, "data"),
               "serve", "--addr", f"127.0.0.1:{port}", "--demo"]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    problems = []
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"shinrai serve exited with status {server.returncode}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
                conn.close()
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("shinrai serve did not answer /healthz in time")
            time.sleep(0.05)

        at_start = memory_mb(server.pid)
        token = admin_token(port) if args.signed_in else None
        anonymous = sample_request(args.case, None)
        signed_in = sample_request(args.case, token)
        stop = threading.Event()
        flooders = [
            Flooder(f"127.0.0.{2 + n}", port, signed_in if n < args.signed_in else anonymous, args, stop)
            for n in range(args.clients)
        ]
        for flooder in flooders:
            flooder.start()

        samples = []  # (seconds since start, rss, hwm, sign-in seconds, status)
        watcher = MemoryWatcher(server, args.rss_limit_mb * 2, stop)
        watcher.start()
        began = time.monotonic()
        while time.monotonic() - began < args.seconds and not stop.is_set():
            tick = time.monotonic()
            took, status = sign_in(port, timeout=max(5.0, args.sign_in_limit * 5))
            memory = memory_mb(server.pid)
            if memory is None or server.poll() is not None:
                break
            samples.append((tick - began, memory[0], memory[1], took, status))
            stop.wait(max(0.0, 1.0 - (time.monotonic() - tick)))
        stop.set()
        for flooder in flooders:
            flooder.join(timeout=30)
        watcher.join(timeout=30)
        if watcher.stopped_server:
            problems.append(f"the server passed {args.rss_limit_mb * 2:.0f} MB; stopped early")
        elif server.poll() is not None:
            problems.append("the server died during the flood")
        final = memory_mb(server.pid)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()

    peak_rss = max([s[1] for s in samples] + ([final[0]] if final else []) + [watcher.peak_rss], default=0.0)
    peak_hwm = max([s[2] for s in samples] + ([final[1]] if final else []) + [watcher.peak_hwm], default=0.0)
    times = [s[3] for s in samples]
    failed = [s for s in samples if s[4] != 200]
    slow = [s for s in samples if s[3] >= args.sign_in_limit]
    if peak_hwm >= args.rss_limit_mb or peak_rss >= args.rss_limit_mb:
        problems.append(f"peak memory {peak_hwm:.0f} MB reached the limit of {args.rss_limit_mb} MB")
    for s in slow[:5]:
        problems.append(f"a sign-in at {s[0]:.0f} s took {s[3]:.2f} s (limit {args.sign_in_limit} s)")
    for s in failed[:5]:
        problems.append(f"a sign-in at {s[0]:.0f} s answered {s[4]}")
    if not samples:
        problems.append("no sign-in was timed")

    print(f"decide flood: {args.clients} clients ({args.signed_in} signed in), a new connection every 20 ms "
          f"each with {args.pipeline} requests never read, up to {args.connections} held, for {args.seconds:g} s")
    print(f"  case                      : {args.case}")
    print(f"  connections opened        : {sum(f.connections for f in flooders)}")
    print(f"  requests sent             : {sum(f.requests for f in flooders)}")
    print(f"  refused or reset          : {sum(f.closed for f in flooders)}")
    if at_start:
        print(f"  server memory at start    : {at_start[0]:.0f} MB")
    print(f"  server memory, peak       : VmRSS {peak_rss:.0f} MB, VmHWM {peak_hwm:.0f} MB "
          f"(limit {args.rss_limit_mb} MB)")
    if times:
        print(f"  sign-ins                  : {len(times)}, median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms (limit {args.sign_in_limit * 1000:.0f} ms), "
              f"{len(failed)} not 200")
    print(f"  result                    : {'PASS' if not problems else 'FAIL'}")
    for problem in problems:
        print(f"    - {problem}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shinrai", default=default_binary())
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=25, help="connections each client holds, at most")
    parser.add_argument("--pipeline", type=int, default=10, help="requests posted on each connection")
    parser.add_argument("--signed-in", type=int, default=10, help="clients that send an API token")
    parser.add_argument("--case", default=LARGEST_SAMPLE)
    parser.add_argument("--rss-limit-mb", type=float, default=400.0)
    parser.add_argument("--sign-in-limit", type=float, default=1.0, help="seconds")
    args = parser.parse_args()
    if not os.access(args.shinrai, os.X_OK):
        print(f"decide-flood: no executable at {args.shinrai} (cargo build --release)", file=sys.stderr)
        return 2
    args.signed_in = max(0, min(args.signed_in, args.clients))
    if not 1 <= args.clients <= 250:
        print("decide-flood: --clients must be from 1 to 250 (one loopback address each)", file=sys.stderr)
        return 2
    args.shinrai = os.path.abspath(args.shinrai)
    work = tempfile.mkdtemp(prefix="shinrai-flood-")
    try:
        problems = run(args, work)
    except (RuntimeError, OSError) as error:
        print(f"decide-flood: FAIL ({error}; server log in {work})")
        return 1
    if problems:
        print(f"decide-flood: FAILED; server log in {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("decide-flood: memory and sign-in time stayed within their limits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
