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

    def order(self, key, item="widget", quantity=1, client=None):
        headers = {"Idempotency-Key": key, "Content-Type": "application/json"}
        if client:
            headers["X-Client-ID"] = client
        return self.request("POST", "/orders", {"item": item, "quantity": quantity, "priceCents": 100}, headers)

    def set_stock(self, item, stock):
        status, _, _ = self.request("PUT", f"/inventory/{item}", {"stock": stock})
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
                    "WHERE c.refunded = 0 GROUP BY o.idempotency_key HAVING COUNT(*) > 1")
    check("no request (idempotency key) was charged twice", not doubled, doubled[:5])
    twice = query("SELECT idempotency_key FROM orders WHERE status = 'confirmed' GROUP BY idempotency_key HAVING COUNT(*) > 1")
    check("no idempotency key bought twice", not twice, twice[:5])
    unpaid = query("SELECT o.id FROM orders o LEFT JOIN charges c ON c.order_id = o.id AND c.refunded = 0 "
                   "WHERE o.status = 'confirmed' AND c.id IS NULL")
    check("every confirmed order has a live charge", not unpaid, unpaid[:5])
    live = query("SELECT COUNT(*) FROM charges WHERE refunded = 0")[0][0]
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
    env = {"DATABASE_URL": url, "PAYMENT_LATENCY_MS": "50", "RATE_LIMIT_REQUESTS": "10", "RATE_LIMIT_WINDOW_SECONDS": "3600"}
    a, b = Instance(binary, env), Instance(binary, env)
    a.set_stock("widget", 1000)

    # One key, both instances, concurrently.
    results, lock = [], threading.Lock()

    def send(instance, index):
        status = instance.order("shared-key", client=f"dup-{index}")[0]
        with lock:
            results.append(status)

    threads = [threading.Thread(target=send, args=(a if i % 2 else b, i)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE)
    check("one key sent to both instances: only 201 or 409 answers", set(results) <= {201, 409}, results)
    check("... exactly one order", psql(url, "SELECT COUNT(*) FROM orders")[0][0] == 1)
    check("... exactly one charge", psql(url, "SELECT COUNT(*) FROM charges")[0][0] == 1)
    check("... and a retry on the other instance replays 201", a.order("shared-key", client="dup-x")[0] == 201
          and b.order("shared-key", client="dup-y")[0] == 201)

    # One client, limit 10, six requests to each instance.
    statuses = [(a if i % 2 else b).request("GET", "/health", headers={"X-Client-ID": "limited"})[0] for i in range(12)]
    check("a client's limit of 10 holds across both instances", statuses.count(200) == 10 and statuses.count(429) == 2,
          statuses)

    # An event published on A reaches a subscriber on B.
    events = socket.create_connection(("127.0.0.1", b.port), timeout=DEADLINE)
    events.sendall(b"GET /events HTTP/1.1\r\nHost: b\r\nX-Client-ID: events\r\n\r\n")
    received = b""
    while b": subscribed" not in received:
        received += events.recv(4096)
    status, _, body = a.order("event-key", client="events-producer")
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
           "SAGA_LEASE_MS": "2000", "MAINTENANCE_INTERVAL_MS": "200"}
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
    arguments = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as workdir:
        graceful_shutdown(arguments.binary, workdir)
        kill_during_burst_sqlite(arguments.binary, workdir)
        idle_events_client(arguments.binary, workdir)
    if arguments.postgres:
        two_instances(arguments.binary, arguments.postgres)
        kill_during_burst_postgres(arguments.binary, arguments.postgres)
    print(f"fault tests: {len(PASSED)} passed, {len(FAILURES)} failed in {time.monotonic() - started:.1f} s")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
