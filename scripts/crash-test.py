#!/usr/bin/env python3
"""Crash test: no acknowledged write may be lost when `shinrai serve` is killed mid-write.

For each engine (SQLite, then PostgreSQL):

1. start `shinrai serve --demo` on a free port with a fresh data directory (for PostgreSQL also a
   fresh database `shinrai_crash_<pid>`, created with `psql` and dropped at the end);
2. sign in as the demo admin and create an API token;
3. run several client threads that each create organisations with unique ids, remembering every
   id whose POST answered 201 (acknowledged);
4. after about 2 s, kill the server with SIGKILL while requests are still in flight;
5. run `shinrai log verify` on the data as the crash left it;
6. start `shinrai serve` again (without --demo), list the organisations with the same token and
   check every acknowledged one is there; stop it with SIGTERM and run `shinrai log verify` again.

It prints a summary per engine and exits 1 on any lost write, unexpected answer or failed
verification (2 when it cannot run at all). SIGKILL ends the process, not the machine: this
checks that an answer is sent only after the write is committed, not what survives a power cut.

    scripts/crash-test.py [--shinrai PATH] [--engines sqlite,postgres]
                          [--postgres-admin postgres://postgres@127.0.0.1:5432/test]
                          [--threads 8] [--seconds 2]

Needs Python 3 (standard library only) and, for PostgreSQL, `psql` on the PATH.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

DEMO_PASSWORD = "shinrai-demo-2026"


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    return os.path.join(target, "release", "shinrai")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, timeout=30):
    """One request on a fresh connection; returns (status, headers, parsed JSON or text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        all_headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = raw.decode(errors="replace")
        return response.status, response.headers, parsed
    finally:
        conn.close()


class Server:
    """One `shinrai serve` process; its output goes to a log file in the work directory."""

    def __init__(self, binary, data_dir, db, log_path, demo):
        self.port = free_port()
        command = [binary, "--lang", "en", "--data-dir", data_dir]
        if db:
            command += ["--db", db]
        command += ["serve", "--addr", f"127.0.0.1:{self.port}"]
        if demo:
            command.append("--demo")
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"shinrai serve exited with status {self.process.returncode}")
            try:
                if request(self.port, "GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("shinrai serve did not answer /healthz in time")

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        status = self.process.wait(timeout=60)
        self.log.close()
        return status


def admin_token(port):
    status, headers, body = request(
        port, "POST", "/api/v1/session", {"login": "admin", "password": DEMO_PASSWORD}
    )
    if status != 200:
        raise RuntimeError(f"sign-in answered {status}: {body}")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    status, _, body = request(
        port,
        "POST",
        "/api/v1/tokens",
        {"name": "crash test"},
        {"Cookie": cookie, "X-CSRF-Token": body["csrf_token"]},
    )
    if status != 201:
        raise RuntimeError(f"token creation answered {status}: {body}")
    return body["secret"]


class Writer(threading.Thread):
    """Creates organisations `crash-<n>-<i>` one after another on a keep-alive connection."""

    def __init__(self, number, port, token, stop):
        super().__init__(daemon=True)
        self.number, self.port, self.token, self.stop = number, port, token, stop
        self.acknowledged = []  # answered 201
        self.in_flight = []  # sent, but the connection died before an answer came
        self.unexpected = []  # (id, status, body): any other answer
        self.never_sent = 0  # connection refused: the server was already gone

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        i = 0
        while not self.stop.is_set():
            org_id = f"crash-{self.number}-{i}"
            i += 1
            body = json.dumps(
                {"id": org_id, "kind": "provider", "name": {"ja": f"試験 {org_id}", "en": f"Test {org_id}"}}
            )
            try:
                conn.request("POST", "/api/v1/organisations", body=body, headers=headers)
                response = conn.getresponse()
                raw = response.read()
            except ConnectionRefusedError:
                self.never_sent += 1
                break
            except (OSError, http.client.HTTPException):
                self.in_flight.append(org_id)
                break
            if response.status == 201:
                self.acknowledged.append(org_id)
            else:
                self.unexpected.append((org_id, response.status, raw[:300].decode(errors="replace")))
        conn.close()


def verify_log(binary, data_dir, db):
    command = [binary, "--lang", "en", "--data-dir", data_dir]
    if db:
        command += ["--db", db]
    done = subprocess.run(command + ["log", "verify"], capture_output=True, text=True)
    return done.returncode, (done.stdout + done.stderr).strip()


def run_engine(engine, args, work):
    """Runs the whole test on one engine; returns a list of problems (empty when it passed)."""
    data_dir = os.path.join(work, engine)
    os.makedirs(data_dir)
    log_path = os.path.join(work, f"{engine}-serve.log")
    db = None
    if engine == "postgres":
        admin = urllib.parse.urlsplit(args.postgres_admin)
        name = f"shinrai_crash_{os.getpid()}"
        subprocess.run(["psql", args.postgres_admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        db = urllib.parse.urlunsplit(admin._replace(path="/" + name))
    try:
        return crash_and_check(engine, args, data_dir, db, log_path)
    finally:
        if db:
            subprocess.run(
                ["psql", args.postgres_admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
                check=False,
            )


def crash_and_check(engine, args, data_dir, db, log_path):
    problems = []
    server = Server(args.shinrai, data_dir, db, log_path, demo=True)
    try:
        server.wait_ready()
        token = admin_token(server.port)
        stop = threading.Event()
        writers = [Writer(n, server.port, token, stop) for n in range(args.threads)]
        for writer in writers:
            writer.start()
        time.sleep(args.seconds)
        # Kill first, then tell the writers to stop: requests under way at this moment are cut.
        server.process.send_signal(signal.SIGKILL)
        stop.set()
        for writer in writers:
            writer.join(timeout=60)
    finally:
        server.stop(signal.SIGKILL)

    acknowledged = [i for w in writers for i in w.acknowledged]
    in_flight = [i for w in writers for i in w.in_flight]
    unexpected = [u for w in writers for u in w.unexpected]
    refused = sum(w.never_sent for w in writers)
    for org_id, status, body in unexpected[:10]:
        problems.append(f"POST {org_id} answered {status}: {body}")

    crashed_status, crashed_output = verify_log(args.shinrai, data_dir, db)
    if crashed_status != 0:
        problems.append(f"log verify after the kill exited {crashed_status}: {crashed_output}")

    server = Server(args.shinrai, data_dir, db, log_path, demo=False)
    try:
        server.wait_ready()
        status, _, listed = request(
            server.port, "GET", "/api/v1/organisations", headers={"Authorization": f"Bearer {token}"}
        )
    finally:
        stopped_status = server.stop(signal.SIGTERM)
    if status != 200:
        problems.append(f"GET /api/v1/organisations after the restart answered {status}: {listed}")
        listed = []
    present = {org["id"] for org in listed}
    lost = [i for i in acknowledged if i not in present]
    landed = [i for i in in_flight if i in present]
    for org_id in lost[:10]:
        problems.append(f"acknowledged organisation {org_id} is missing after the restart")
    if stopped_status != 0:
        problems.append(f"the restarted server exited {stopped_status} on SIGTERM")
    final_status, final_output = verify_log(args.shinrai, data_dir, db)
    if final_status != 0:
        problems.append(f"log verify after the restart exited {final_status}: {final_output}")

    print(f"## {engine}")
    print(f"  acknowledged writes (201) : {len(acknowledged)} in {args.seconds:g} s with {args.threads} threads")
    print(f"  lost after the restart    : {len(lost)}")
    print(f"  in flight at the kill     : {len(in_flight)} ({len(landed)} landed, {len(in_flight) - len(landed)} did not)")
    print(f"  refused after the kill    : {refused}")
    print(f"  other answers             : {len(unexpected)}")
    print(f"  organisations after restart: {len(present)}")
    print(f"  log verify after the kill : exit {crashed_status} ({first_line(crashed_output)})")
    print(f"  log verify after restart  : exit {final_status} ({first_line(final_output)})")
    print(f"  result                    : {'PASS' if not problems else 'FAIL'}")
    for problem in problems:
        print(f"    - {problem}")
    return problems


def first_line(text):
    return text.splitlines()[0] if text else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shinrai", default=default_binary())
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--postgres-admin", default="postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    if not os.access(args.shinrai, os.X_OK):
        print(f"crash-test: no executable at {args.shinrai} (cargo build --release)", file=sys.stderr)
        return 2
    args.shinrai = os.path.abspath(args.shinrai)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    for engine in engines:
        if engine not in ("sqlite", "postgres"):
            print(f"crash-test: unknown engine {engine}", file=sys.stderr)
            return 2

    work = tempfile.mkdtemp(prefix="shinrai-crash-")
    failed = []
    try:
        for engine in engines:
            try:
                if run_engine(engine, args, work):
                    failed.append(engine)
            except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
                print(f"## {engine}\n  result: FAIL ({error}; server log in {work})")
                failed.append(engine)
    finally:
        if not failed:
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        print(f"crash-test: FAILED on {', '.join(failed)}; files kept in {work}")
        return 1
    print("crash-test: every acknowledged write survived and the log verifies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
