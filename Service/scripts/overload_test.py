#!/usr/bin/env python3
"""Overload test: POST /orders at a fixed arrival rate (open loop), below and
far above what the service can sustain, to show that it sheds (503 with
Retry-After) with a bounded latency instead of growing a queue.

  swift build -c release --product handbook-service
  python3 scripts/overload_test.py [--binary .build/release/handbook-service]

Why open loop: a closed-loop generator (wrk) waits for each answer before
sending the next request, so it slows down with the server and can never
offer "3x what it can take". Here requests are sent on a schedule, whatever
happens to earlier ones, and each latency is measured from its *scheduled*
time (no coordinated omission).

The provider is made the bottleneck on purpose (PAYMENT_LATENCY_MS with a
small bulkhead), so the capacity is low enough for a Python generator to
offer three times it on this machine. Little's law bounds it by slots /
time per order = 8 / (20 ms + the database's few ms) ≈ 300-400 orders per
second; measured here, the shed run completes about 300 per second, which
is the `--capacity` default. Runs: 0.8x capacity (everything should pass),
3x with the bulkhead, and 3x with the queue unbounded in effect.
"""
import argparse
import asyncio
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time


def start(binary, env, log_path):
    full = dict(os.environ)
    full.update({"HOST": "127.0.0.1", "PORT": "0", "LOG_LEVEL": "notice"})
    full.update(env)
    log = open(log_path, "w")
    process = subprocess.Popen([binary], env=full, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with open(log_path) as lines:
            for line in lines:
                match = re.search(r"port=(\d+)", line) if "listening" in line else None
                if match:
                    return process, int(match.group(1))
        time.sleep(0.05)
    sys.exit(f"the service did not start; see {log_path}")


async def request(port, method, path, body, headers, pool):
    reader, writer = pool.pop() if pool else await asyncio.open_connection("127.0.0.1", port)
    head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    writer.write((head + "\r\n").encode() + body)
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length, retry_after = 0, None
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "retry-after":
            retry_after = value.strip()
    await reader.readexactly(length)
    pool.append((reader, writer))
    return status, retry_after


async def offer(port, rate, seconds, prefix):
    pool, results, tasks = [], [], []
    counter = itertools.count()
    body = b'{"item":"widget","quantity":1,"priceCents":100}'
    start = time.monotonic()

    async def one(scheduled, key):
        try:
            status, retry_after = await request(
                port, "POST", "/orders", body,
                {"Idempotency-Key": key, "Content-Type": "application/json"}, pool)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            status, retry_after = 0, None
        results.append((status, retry_after, time.monotonic() - scheduled))

    total = int(rate * seconds)
    for index in range(total):
        scheduled = start + index / rate
        delay = scheduled - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(scheduled, f"{prefix}-{next(counter)}")))
    await asyncio.gather(*tasks)
    behind = time.monotonic() - start - seconds
    return results, behind


def summary(label, rate, results, behind):
    latencies = sorted(latency for _, _, latency in results)
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    counts = {}
    for status, _, _ in results:
        counts[status] = counts.get(status, 0) + 1
    with_retry_after = sum(1 for status, retry_after, _ in results if status == 503 and retry_after)
    ok = counts.get(201, 0)
    return (f"| {label} | {rate}/s | {len(results)} | {ok} | {counts.get(503, 0)} ({with_retry_after} with "
            f"Retry-After) | {sum(v for k, v in counts.items() if k not in (201, 503))} | {pct(0.5):.0f} ms | "
            f"{pct(0.99):.0f} ms | {max(latencies) * 1000:.0f} ms |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/handbook-service")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--capacity", type=int, default=300, help="orders per second the service completes")
    arguments = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for label, queued, factor in [
            ("0.8x capacity, bulkhead 8 + 16 queued", "16", 0.8),
            ("3x capacity, bulkhead 8 + 16 queued", "16", 3),
            ("3x capacity, queue unbounded in effect (8 + 1,000,000)", "1000000", 3),
        ]:
            env = {"SQLITE_PATH": os.path.join(workdir, f"{factor}-{queued}.sqlite"), "PAYMENT_LATENCY_MS": "20",
                   "ORDERS_MAX_CONCURRENT": "8", "ORDERS_MAX_QUEUED": queued, "ORDERS_QUEUE_TIMEOUT_MS": "250",
                   "RATE_LIMIT_REQUESTS": "1000000000", "REQUEST_TIMEOUT_MS": "60000",
                   "PAYMENT_TIMEOUT_MS": "60000", "SAGA_LEASE_MS": "120000"}
            if queued == "1000000":
                env["ORDERS_QUEUE_TIMEOUT_MS"] = "600000"
            process, port = start(arguments.binary, env, os.path.join(workdir, "service.log"))
            try:
                urlopen_put(port)
                rate = int(arguments.capacity * factor)
                results, behind = asyncio.run(offer(port, rate, arguments.seconds, f"{factor}-{queued}"))
                rows.append(summary(label, rate, results, behind))
                if behind > 1:
                    rows[-1] += f" (the generator fell {behind:.1f} s behind)"
            finally:
                process.terminate()
                process.wait(timeout=60)
    print(f"open loop, {arguments.seconds} s per run, PAYMENT_LATENCY_MS=20, SQLite, release build, 2 shared cores\n")
    print("| run | offered | requests | 201 | 503 | other | p50 | p99 | max |")
    # (201s per second of the run = the capacity actually reached)
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)


def urlopen_put(port):
    import urllib.request
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/inventory/widget", data=b'{"stock": 100000000}', method="PUT",
        # urllib labels a body application/x-www-form-urlencoded unless told: the service answers 415.
        headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()


if __name__ == "__main__":
    main()
