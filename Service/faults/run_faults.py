#!/usr/bin/env python3
"""Process-level fault tests for the handbook service (standard library only).

What an in-process test cannot show: real processes, real sockets, signals.

  python3 faults/run_faults.py --binary .build/debug/handbook-service
  python3 faults/run_faults.py --binary ... --postgres postgres://postgres@127.0.0.1:55432/postgres

SQLite: graceful shutdown lets a slow request finish; kill -9 during a burst
of POSTs loses no acknowledged order and leaves stock consistent. PostgreSQL
adds the two-instance checks: one idempotency key sent to both instances runs
the saga once, a client's limit holds across both, an event published on one
instance reaches an /events subscriber on the other, and kill -9 of one
instance mid-burst is settled by the survivor's lease-based recovery.

Waiting is always on an observable condition (a log line, a row, a socket),
bounded by a deadline; a check that times out fails.
"""
import argparse
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

DEADLINE = 30.0
FAILURES = []
PASSED = []


def check(name, condition, detail=""):
    (PASSED if condition else FAILURES).append(name)
    print(("  ok   " if condition else "  FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def wait_for(predicate, what, timeout=DEADLINE, interval=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out waiting for {what}")


class Instance:
    """One service process; PORT=0, the bound port read from its 'listening' log line."""

    def __init__(self, binary, env):
        full = dict(os.environ)
        full.update({"HOST": "127.0.0.1", "PORT": "0", "LOG_LEVEL": "notice"})
        full.update(env)
        self.admin_token = env.get("ADMIN_TOKEN")
        self.process = subprocess.Popen([binary], env=full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.port = None
        threading.Thread(target=self._read, daemon=True).start()
        wait_for(lambda: self.port or (self.process.poll() is not None and self.fail_start()), "the service to listen")

    def fail_start(self):
        raise RuntimeError("service exited during start-up:\n" + "".join(self.lines[-20:]))

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            if self.port is None and "listening" in line:
                match = re.search(r"port=(\d+)", line)
                if match:
                    self.port = int(match.group(1))

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            payload = json.dumps(body) if body is not None else None
            connection.request(method, path, body=payload, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), data
        finally:
            connection.close()

    def order(self, key, item="widget", quantity=1, client=None, timeout=30):
        """`client`: the address a trusted proxy reports (X-Forwarded-For; the
        instance must list 127.0.0.1 in TRUSTED_PROXIES)."""
        headers = {"Idempotency-Key": key, "Content-Type": "application/json"}
        if client:
            headers["X-Forwarded-For"] = client
        return self.request("POST", "/orders", {"item": item, "quantity": quantity, "priceCents": 100}, headers,
                            timeout=timeout)

    def set_stock(self, item, stock):
        headers = {"Authorization": f"Bearer {self.admin_token}"} if self.admin_token else {}
        status, _, _ = self.request("PUT", f"/inventory/{item}", {"stock": stock}, headers)
        assert status == 200, status

    def inventory(self, item):
        return json.loads(self.request("GET", f"/inventory/{item}")[2])

    def terminate(self, sig=signal.SIGTERM, timeout=DEADLINE):
        self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=DEADLINE)


def burst(instance, prefix, workers, per_worker, acknowledged, lock, cut_off=None):
    """POSTs with unique keys from several threads; records every 201, and
    in `cut_off` the keys whose request the crash interrupted."""

    def work(worker):
        for index in range(per_worker):
            key = f"{prefix}-{worker}-{index}"
            try:
                status, _, body = instance.order(key, quantity=1 + index % 3)
            except (OSError, http.client.HTTPException):
                if cut_off is not None:
                    with lock:
                        cut_off.append(key)
                return  # the instance died: unacknowledged
            if status == 201:
                with lock:
                    acknowledged[key] = json.loads(body)["id"]

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(workers)]
    for thread in threads:
        thread.start()
    return threads


# ---------------------------------------------------------------- SQLite


def sqlite_rows(path, sql):
    connection = sqlite3.connect(path, timeout=10)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def graceful_shutdown(binary, workdir):
    print("graceful shutdown: a slow in-flight request finishes, then exit 0")
    path = os.path.join(workdir, "graceful.sqlite")
    instance = Instance(binary, {"SQLITE_PATH": path, "PAYMENT_LATENCY_MS": "1500"})
    instance.set_stock("widget", 10)
    result = {}
    thread = threading.Thread(target=lambda: result.update(response=instance.order("slow-1")))
    thread.start()
    # In flight = the saga has reserved stock and is charging (the order is pending).
    wait_for(lambda: sqlite_rows(path, "SELECT COUNT(*) FROM orders WHERE status = 'pending'")[0][0] == 1,
             "the slow order to be in flight")
    code = instance.terminate(signal.SIGTERM)
    thread.join(DEADLINE)
    status = result.get("response", (None,))[0]
    check("the in-flight request finished with 201 after SIGTERM", status == 201, f"status {status}")
    check("the process exited 0", code == 0, f"exit code {code}")
    refused = False
    try:
        socket.create_connection(("127.0.0.1", instance.port), timeout=2).close()
    except OSError:
        refused = True
    check("the port no longer accepts connections", refused)


def time_bounds(binary, workdir):
    print("time bounds: idle and half-sent connections are closed; /ready turns 503 before the drain; "
          "a stuck request cannot hold the shutdown past SHUTDOWN_TIMEOUT_SECONDS")
    path = os.path.join(workdir, "bounds.sqlite")
    instance = Instance(binary, {
        "SQLITE_PATH": path, "HTTP_IDLE_TIMEOUT_SECONDS": "1", "DRAIN_DELAY_MS": "1000",
        "SHUTDOWN_TIMEOUT_SECONDS": "2", "PAYMENT_LATENCY_MS": "60000", "PAYMENT_TIMEOUT_MS": "60000",
        "REQUEST_TIMEOUT_MS": "120000", "SAGA_LEASE_MS": "300000"})
    for name, sent in [("an idle connection", b""), ("a half-sent request", b"GET /health HTTP/1.1\r\nHost: x\r\n")]:
        connection = socket.create_connection(("127.0.0.1", instance.port), timeout=DEADLINE)
        connection.sendall(sent)
        started = time.monotonic()
        try:
            closed = connection.recv(4096) == b""
        except OSError:
            closed = True
        waited = time.monotonic() - started
        connection.close()
        check(f"{name} is closed by the server's idle timeout (after {waited:.1f} s)", closed and waited < 10, waited)
    instance.set_stock("widget", 10)
    thread = threading.Thread(target=lambda: _swallow(lambda: instance.order("stuck-1", timeout=DEADLINE)))
    thread.start()
    wait_for(lambda: sqlite_rows(path, "SELECT COUNT(*) FROM orders WHERE status = 'pending'")[0][0] == 1,
             "the stuck order to be in flight")
    started = time.monotonic()
    instance.process.send_signal(signal.SIGTERM)
    ready = wait_for(lambda: _status(instance, "/ready") == 503 and "draining", "/ready to turn 503")
    check("on SIGTERM /ready answers 503 while /health still answers 200 (the drain delay)",
          ready and _status(instance, "/health") == 200)
    code = instance.process.wait(timeout=DEADLINE)
    elapsed = time.monotonic() - started
    check(f"a request stuck for 60 s did not hold the shutdown: exited after {elapsed:.1f} s (drain 1 s + at most 2 s)",
          elapsed < 8, elapsed)
    print(f"  exit status after the cut-short drain: {code} (the stuck order stays pending: start-up recovery "
          "settles it)")
    thread.join(DEADLINE)


def _status(instance, path):
    try:
        return instance.request("GET", path, timeout=2)[0]
    except (OSError, http.client.HTTPException):
        return None


def _swallow(call):
    try:
        call()
    except (OSError, http.client.HTTPException):
        pass


def kill_during_burst_sqlite(binary, workdir):
    print("kill -9 during a burst of POSTs (SQLite), then restart")
    path = os.path.join(workdir, "crash.sqlite")
    env = {"SQLITE_PATH": path, "PAYMENT_LATENCY_MS": "5", "RATE_LIMIT_REQUESTS": "1000000"}
    instance = Instance(binary, env)
    instance.set_stock("widget", 100000)
    acknowledged, lock, cut_off = {}, threading.Lock(), []
    threads = burst(instance, "burst", workers=8, per_worker=10000, acknowledged=acknowledged, lock=lock,
                    cut_off=cut_off)
    wait_for(lambda: len(acknowledged) >= 150, "150 acknowledged orders")
    instance.kill()
    for thread in threads:
        thread.join(DEADLINE)
    acked = dict(acknowledged)
    restarted = Instance(binary, env)
    recovery = [line.strip() for line in restarted.lines if "recovered after restart" in line]
    print("  restart log:", recovery[0] if recovery else "(no recovery line)")
    orders = dict(sqlite_rows(path, "SELECT id, status FROM orders"))
    check(f"every acknowledged order ({len(acked)}) is present and confirmed",
          all(orders.get(order_id) == "confirmed" for order_id in acked.values()),
          [k for k, v in acked.items() if orders.get(v) != "confirmed"][:5])
    pending = [k for k, v in orders.items() if v == "pending"]
    check("no order is left pending after restart", not pending, pending[:5])
    verify_consistency(lambda sql: sqlite_rows(path, sql), restarted.inventory("widget"), 100000)
    # The requests cut off by the crash: retried with the same key, each runs at most once more.
    check("the crash cut requests off mid-flight", len(cut_off) > 0, cut_off)
    for key in cut_off:
        check_retry(restarted, key)
    verify_consistency(lambda sql: sqlite_rows(path, sql), restarted.inventory("widget"), 100000)
    # SQLite mode is one process per file: a second one would "recover" the
    # first one's in-flight orders. It must refuse to start, and say why.
    full = dict(os.environ)
    full.update({"HOST": "127.0.0.1", "PORT": "0", "LOG_LEVEL": "notice"})
    full.update(env)
    second = subprocess.run([binary], env=full, capture_output=True, text=True, timeout=DEADLINE)
    check("a second process on the same SQLite file refuses to start (exit 1, 'in use by another process')",
          second.returncode == 1 and "in use by another process" in second.stdout,
          (second.returncode, second.stdout[-300:]))
    check("restarted instance exits 0 on SIGINT (Ctrl-C)", restarted.terminate(signal.SIGINT) == 0)


def check_retry(instance, key):
    """A request the crash cut off, retried with its key: it runs (or adopts
    the order the dead attempt paid for) once, and the next retry replays."""
    quantity = 1 + int(key.rsplit("-", 1)[1]) % 3  # the same body as the cut-off request (see burst)
    # 409 while the dead attempt's claim is still leased (PostgreSQL: until its lease ends).
    end = time.monotonic() + DEADLINE
    first = instance.order(key, quantity=quantity)
    while first[0] == 409 and time.monotonic() < end:
        time.sleep(0.1)
        first = instance.order(key, quantity=quantity)
    again = instance.order(key, quantity=quantity)
    check(f"retrying cut-off key {key}: 201, then the same 201 replayed",
          first[0] == 201 and again[0] == 201 and again[2] == first[2]
          and again[1].get("Idempotent-Replayed") == "true", (first[0], again[0]))


def verify_consistency(query, level, initial):
    confirmed = query("SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM orders WHERE status = 'confirmed' AND item = 'widget'")[0][0]
    check("reserved == sum of confirmed quantities", level["reserved"] == confirmed, (level, confirmed))
    check("stock + reserved == the stock set", level["stock"] + level["reserved"] == initial, level)
    # charges.order_id is UNIQUE, so "charged twice" means twice per request (idempotency key).
    doubled = query("SELECT o.idempotency_key FROM charges c JOIN orders o ON o.id = c.order_id "
                    "WHERE c.refunded = 0 AND c.kind = 'charge' GROUP BY o.idempotency_key HAVING COUNT(*) > 1")
    check("no request (idempotency key) was charged twice", not doubled, doubled[:5])
    twice = query("SELECT idempotency_key FROM orders WHERE status = 'confirmed' GROUP BY idempotency_key HAVING COUNT(*) > 1")
    check("no idempotency key bought twice", not twice, twice[:5])
    unpaid = query("SELECT o.id FROM orders o LEFT JOIN charges c ON c.order_id = o.id AND c.refunded = 0 "
                   "WHERE o.status = 'confirmed' AND c.id IS NULL")
    check("every confirmed order has a live charge", not unpaid, unpaid[:5])
    live = query("SELECT COUNT(*) FROM charges WHERE refunded = 0 AND kind = 'charge'")[0][0]
    paid = query("SELECT COUNT(*) FROM orders WHERE status = 'confirmed'")[0][0]
    check("one live charge per confirmed order", live == paid, (live, paid))


# ---------------------------------------------------------------- PostgreSQL


def psql(url, sql):
    output = subprocess.run(["psql", url, "-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [tuple(int(cell) if re.fullmatch(r"-?\d+", cell) else cell for cell in line.split("\t"))
            for line in output.splitlines() if line]


def fresh_database(base):
    name = "faults_" + uuid.uuid4().hex[:12]
    psql(base, f"CREATE DATABASE {name}")
    return re.sub(r"/[^/]*$", "/" + name, base)


def two_instances(binary, base):
    print("two instances on one PostgreSQL database")
    url = fresh_database(base)
    env = {"DATABASE_URL": url, "PAYMENT_LATENCY_MS": "50", "RATE_LIMIT_REQUESTS": "10", "RATE_LIMIT_WINDOW_SECONDS": "3600",
           "TRUSTED_PROXIES": "127.0.0.1",
           # Behind a proxy the service is reachable from the network: it refuses to start without these.
           "ADMIN_TOKEN": "fault-test-admin-token-0123456789abcdef", "CURSOR_SECRET": "fault-test-cursor-secret-0123456789abc"}
    a, b = Instance(binary, env), Instance(binary, env)
    a.set_stock("widget", 1000)

    # One key, both instances, concurrently.
    results, lock = [], threading.Lock()

    def send(instance, index):
        status = instance.order("shared-key", client=f"10.1.0.{index}")[0]
        with lock:
            results.append(status)

    threads = [threading.Thread(target=send, args=(a if i % 2 else b, i)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE)
    check("one key sent to both instances: only 201 or 409 answers", set(results) <= {201, 409}, results)
    check("... exactly one order", psql(url, "SELECT COUNT(*) FROM orders")[0][0] == 1)
    check("... exactly one charge", psql(url, "SELECT COUNT(*) FROM charges WHERE kind = 'charge'")[0][0] == 1)
    check("... and a retry on the other instance replays 201", a.order("shared-key", client="10.2.0.1")[0] == 201
          and b.order("shared-key", client="10.2.0.2")[0] == 201)

    # One client, limit 10, six requests to each instance; the limiter's
    # windows are aligned to the hour, so a run that crosses an hour
    # boundary (it would get a fresh window) is repeated with a new client.
    for attempt in range(2):
        hour = int(time.time()) // 3600
        client = f"10.3.0.{attempt}"
        statuses = [(a if i % 2 else b).request("GET", "/orders/none", headers={"X-Forwarded-For": client})[0]
                    for i in range(12)]
        if int(time.time()) // 3600 == hour:
            break
    check("a client's limit of 10 holds across both instances", statuses.count(404) == 10 and statuses.count(429) == 2,
          statuses)
    # The review's bypass: a new X-Client-ID per request. The key is the
    # client's address (from the trusted proxy), so it changes nothing.
    rotating = [a.request("GET", "/orders/none", headers={"X-Forwarded-For": "10.4.0.1", "X-Client-ID": f"r-{i}"})[0]
                for i in range(12)]
    check("rotating X-Client-ID does not get past the limit", rotating.count(404) == 10 and rotating.count(429) == 2,
          rotating)
    probes = [b.request("GET", path, headers={"X-Forwarded-For": "10.4.0.1"})[0] for path in ["/health", "/ready"] * 3]
    check("... while the probes still answer that client", probes == [200] * 6, probes)

    # An event published on A reaches a subscriber on B.
    events = socket.create_connection(("127.0.0.1", b.port), timeout=DEADLINE)
    events.sendall(b"GET /events HTTP/1.1\r\nHost: b\r\nX-Client-ID: events\r\n\r\n")
    received = b""
    while b": subscribed" not in received:
        received += events.recv(4096)
    status, _, body = a.order("event-key", client="10.5.0.1")
    order_id = json.loads(body)["id"]
    while order_id.encode() not in received:
        chunk = events.recv(4096)
        if not chunk:
            break
        received += chunk
    check("an order confirmed on A is an SSE event on B", status == 201 and order_id.encode() in received
          and b"event: order.confirmed" in received)
    # Graceful shutdown with an open /events stream still exits 0.
    check("instance B exits 0 on SIGTERM with an /events stream open", b.terminate() == 0)
    events.close()
    check("instance A exits 0 on SIGTERM", a.terminate() == 0)


def kill_during_burst_postgres(binary, base):
    print("kill -9 of one instance during a burst (PostgreSQL), survivor settles its orders")
    url = fresh_database(base)
    env = {"DATABASE_URL": url, "PAYMENT_LATENCY_MS": "5", "RATE_LIMIT_REQUESTS": "1000000",
           "SAGA_LEASE_MS": "2000", "REQUEST_TIMEOUT_MS": "1500", "PAYMENT_TIMEOUT_MS": "500",
           "MAINTENANCE_INTERVAL_MS": "200"}
    a, b = Instance(binary, env), Instance(binary, env)
    a.set_stock("widget", 100000)
    acknowledged, lock, cut_off = {}, threading.Lock(), []
    threads = burst(a, "pa", workers=4, per_worker=10000, acknowledged=acknowledged, lock=lock, cut_off=cut_off)
    threads += burst(b, "pb", workers=4, per_worker=200, acknowledged=acknowledged, lock=lock)
    wait_for(lambda: len(acknowledged) >= 150, "150 acknowledged orders")
    a.kill()
    for thread in threads:
        thread.join(120)
    # B's maintenance settles A's orphans once their 2 s lease ends.
    wait_for(lambda: psql(url, "SELECT COUNT(*) FROM orders WHERE status = 'pending'")[0][0] == 0,
             "the survivor to settle the dead instance's pending orders")
    settled = [line.strip() for line in b.lines if "recovered orders" in line]
    print("  survivor log:", settled[0] if settled else "(nothing to settle)")
    acked = dict(acknowledged)
    orders = dict(psql(url, "SELECT id, status FROM orders"))
    check(f"every acknowledged order ({len(acked)}) is present and confirmed",
          all(orders.get(order_id) == "confirmed" for order_id in acked.values()))
    check("the crash cut requests off mid-flight", len(cut_off) > 0, cut_off)
    for key in cut_off:
        check_retry(b, key)
    a = Instance(binary, env)
    verify_consistency(lambda sql: psql(url, sql), b.inventory("widget"), 100000)
    check("both instances exit 0 on SIGTERM", a.terminate() == 0 and b.terminate() == 0)


def lease_overrun_postgres(binary, base, rounds):
    """The review's H1: an instance pauses mid-charge (SIGSTOP: a VM stall, a
    long GC-like pause) past its order's lease, while its provider call
    stalls (half the time before the provider's ledger write, so the charge
    lands late; half after it, so the provider charged but answers late).
    The client retries on the other instance, whose recovery races the
    retry; then the paused instance resumes. Per round: one confirmed order
    for the key, one live charge, and every late charge refused or confirmed."""
    print(f"lease overrun: {rounds} rounds of pause-past-the-lease, retry elsewhere, resume (PostgreSQL)")
    url = fresh_database(base)
    common = {"DATABASE_URL": url, "SAGA_LEASE_MS": "600", "REQUEST_TIMEOUT_MS": "500", "PAYMENT_TIMEOUT_MS": "200",
              "MAINTENANCE_INTERVAL_MS": "100", "RATE_LIMIT_REQUESTS": "1000000"}
    a = Instance(binary, dict(common, PAYMENT_STALL_RATE="1", PAYMENT_STALL_MS="1500"))
    b = Instance(binary, common)
    a.set_stock("widget", 100000)
    first_answers, retry_answers, paused_without_call = {}, {}, [0]
    for index in range(rounds):
        key = f"overrun-{index}"
        result = {}
        thread = threading.Thread(target=lambda: result.update(status=a.order(key, timeout=60)[0]))
        thread.start()
        order_id = wait_for(lambda: (psql(url, f"SELECT id FROM orders WHERE idempotency_key = '{key}'") or [[None]])[0][0],
                            "A's order to be reserved")
        # Paused while its provider call is in flight (every call on A stalls);
        # if A never gets that far (its 500 ms deadline passed first, on a
        # loaded machine), the round pauses it anyway, before or after its roll-back.
        try:
            wait_for(lambda: any("provider stall" in line and order_id in line for line in list(a.lines)),
                     "A's provider call to be in flight", timeout=5)
        except TimeoutError:
            paused_without_call[0] += 1
        a.process.send_signal(signal.SIGSTOP)
        lease_until = psql(url, f"SELECT lease_until FROM orders WHERE idempotency_key = '{key}'")[0][0]
        wait_for(lambda: time.time() * 1_000_000 > lease_until + 50_000, "A's lease to end while it is paused")
        # The client gives up on A and retries on B; B's recovery runs every 100 ms meanwhile.
        end = time.monotonic() + DEADLINE
        retry = b.order(key)
        while retry[0] in (409, 503) and time.monotonic() < end:
            time.sleep(0.05)
            retry = b.order(key)
        retry_answers[retry[0]] = retry_answers.get(retry[0], 0) + 1
        a.process.send_signal(signal.SIGCONT)
        thread.join(DEADLINE)
        first_answers[result.get("status")] = first_answers.get(result.get("status"), 0) + 1
    # Every stalled provider call has landed (charged, refused, or answered late).
    def stalls_over():
        lines = list(a.lines)
        stalls = sum("provider stall" in line and "stall over" not in line for line in lines)
        after = sum("provider stall" in line and "after the charge" in line for line in lines)
        charges = sum("provider charge" in line for line in lines)
        over = sum("provider stall over" in line for line in lines)
        return stalls == charges and after == over
    wait_for(stalls_over, "A's stalled provider calls to finish", timeout=60)
    wait_for(lambda: psql(url, "SELECT COUNT(*) FROM orders WHERE status = 'pending'")[0][0] == 0,
             "no order left pending")
    refused = sum("provider charge" in line and "refused" in line for line in a.lines)
    late_after = sum("provider stall over" in line for line in a.lines)
    print(f"  first attempts on A answered {first_answers}; retries on B answered {retry_answers}")
    in_flight = rounds - paused_without_call[0]
    print(f"  provider calls in flight at the pause: {in_flight} of {rounds} rounds (stalled after the charge: "
          f"{late_after}, before it: {in_flight - late_after}); late charges refused by the void: {refused}")
    bought = psql(url, "SELECT idempotency_key, COUNT(*) FROM orders WHERE status = 'confirmed' GROUP BY idempotency_key")
    check(f"each of the {rounds} keys bought exactly one order", len(bought) == rounds and all(n == 1 for _, n in bought),
          bought[:5])
    check("every retry on B was answered 201", retry_answers == {201: rounds}, retry_answers)
    check("the overrun happened: late provider calls were refused or answered late", refused + late_after > 0)
    verify_consistency(lambda sql: psql(url, sql), b.inventory("widget"), 100000)
    check("both instances exit 0 on SIGTERM", a.terminate() == 0 and b.terminate() == 0)


def idle_events_client(binary, workdir):
    print("an /events client that goes away while no events flow")
    path = os.path.join(workdir, "events.sqlite")
    instance = Instance(binary, {"SQLITE_PATH": path, "EVENTS_HEARTBEAT_MS": "100", "LOG_LEVEL": "info"})
    events = socket.create_connection(("127.0.0.1", instance.port), timeout=DEADLINE)
    events.sendall(b"GET /events HTTP/1.1\r\nHost: e\r\n\r\n")
    received = b""
    events.settimeout(5)
    while received.count(b": heartbeat") < 2:
        try:
            chunk = events.recv(4096)
        except socket.timeout:
            break
        if not chunk:
            break
        received += chunk
    check("a quiet stream writes heartbeats", received.count(b": heartbeat") >= 2, received[-200:])
    events.close()
    try:
        wait_for(lambda: any("events stream ended" in line for line in instance.lines), "the stream to end",
                 timeout=10)
        ended = True
    except TimeoutError:
        ended = False
    check("closing the connection ends the stream and its subscription at the next heartbeat", ended,
          "".join(instance.lines[-5:]))
    check("the instance exits 0 on SIGTERM", instance.terminate() == 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--postgres")
    parser.add_argument("--overrun-rounds", type=int, default=30)
    arguments = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as workdir:
        graceful_shutdown(arguments.binary, workdir)
        time_bounds(arguments.binary, workdir)
        kill_during_burst_sqlite(arguments.binary, workdir)
        idle_events_client(arguments.binary, workdir)
    if arguments.postgres:
        two_instances(arguments.binary, arguments.postgres)
        kill_during_burst_postgres(arguments.binary, arguments.postgres)
        lease_overrun_postgres(arguments.binary, arguments.postgres, arguments.overrun_rounds)
    print(f"fault tests: {len(PASSED)} passed, {len(FAILURES)} failed in {time.monotonic() - started:.1f} s")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
