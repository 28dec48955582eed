#!/usr/bin/env python3
"""Load test: the full middleware stack against a bare Hummingbird route.

  swift build -c release --product handbook-service
  python3 scripts/load_test.py [--binary .build/release/handbook-service] [--duration 10]

Starts each server on a free loopback port and runs `wrk -t2 -c32 --latency`
against it, one after the other, then prints a Markdown table for the
README. Everything (servers and wrk) shares this machine's cores, so the
ratio is the number to read, not the absolute requests per second.

Runs (each in every round, interleaved, medians reported):
  bare      `handbook-service --bare`: GET /health, one route, no middleware
  full      GET /health through request id, request log, rate limit
            (in-memory token bucket, limit raised so wrk is never refused),
            problem mapping and body limit: the per-request cost of the stack;
            once with the access log on (LOG_LEVEL=info, one line per request
            through swift-log's StreamLogHandler, to a file) and once off
  cached    GET /orders/{id} of a confirmed order: the full stack plus the
            TTL cache (a hit: no database read)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request


def start(binary, arguments, env, log_path):
    """Starts a server whose output goes straight to a file (a pipe read by
    this script would put Python on the measured cores), and waits for its
    `listening` line there."""
    full = dict(os.environ)
    full.update({"HOST": "127.0.0.1", "PORT": "0"})
    full.update(env)
    log = open(log_path, "w")
    process = subprocess.Popen([binary] + arguments, env=full, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while True:
        with open(log_path) as lines:
            for line in lines:
                match = re.search(r"port=(\d+)", line) if "listening" in line else None
                if match:
                    return process, int(match.group(1))
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"{binary} {arguments} did not start; see {log_path}")
        time.sleep(0.05)


def wrk(url, duration):
    output = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{duration}s", "--latency", "-H", "X-Client-ID: load", url],
        check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", output).group(1)
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def milliseconds(text):
    value = float(re.match(r"[\d.]+", text).group(0))
    unit = text[len(re.match(r"[\d.]+", text).group(0)):]
    return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def seed_order(base):
    urllib.request.urlopen(urllib.request.Request(
        base + "/inventory/widget", data=b'{"stock": 10}', method="PUT")).read()
    order = json.loads(urllib.request.urlopen(urllib.request.Request(
        base + "/orders", data=b'{"item":"widget","quantity":1,"priceCents":100}', method="POST",
        headers={"Idempotency-Key": "load-test", "Content-Type": "application/json"})).read())
    return order["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/handbook-service")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are reported")
    arguments = parser.parse_args()
    servers = []
    with tempfile.TemporaryDirectory() as workdir:
        bare = start(arguments.binary, ["--bare"], {"LOG_LEVEL": "notice"}, os.path.join(workdir, "bare.log"))
        servers.append(bare[0])
        urls = [("bare Hummingbird route, `GET /health`", f"http://127.0.0.1:{bare[1]}/health")]
        for level, label in (("info", "access log on (info)"), ("notice", "access log off (notice)")):
            env = {"SQLITE_PATH": os.path.join(workdir, f"{level}.sqlite"), "RATE_LIMIT_REQUESTS": "1000000000",
                   "LOG_LEVEL": level}
            process, port = start(arguments.binary, [], env, os.path.join(workdir, f"{level}.log"))
            servers.append(process)
            order_id = seed_order(f"http://127.0.0.1:{port}")
            urls.append((f"full stack, {label}, `GET /health`", f"http://127.0.0.1:{port}/health"))
            urls.append((f"full stack, {label}, `GET /orders/{{id}}` (cache hit)",
                         f"http://127.0.0.1:{port}/orders/{order_id}"))
        # Interleaved rounds: this machine's speed drifts between runs, so
        # every configuration is measured in every round and medians compared.
        samples = {name: [] for name, _ in urls}
        for _ in range(arguments.rounds):
            for name, url in urls:
                samples[name].append(wrk(url, arguments.duration))
        for process in servers:
            process.terminate()
            process.wait()

    def median(values):
        return sorted(values)[len(values) // 2]

    results = []
    for name, _ in urls:
        runs = samples[name]
        results.append((name, median([r[0] for r in runs]), median([milliseconds(r[1]) for r in runs]),
                        median([milliseconds(r[2]) for r in runs]), sum(r[3] for r in runs)))
    baseline = results[0][1]
    print(f"wrk -t2 -c32 -d{arguments.duration}s --latency, {arguments.rounds} interleaved rounds (medians), "
          f"release build, loopback, {os.cpu_count()} cores shared by the servers and wrk\n")
    print("| run | requests/s | vs bare | p50 | p99 | non-2xx |")
    print("|---|---|---|---|---|---|")
    for name, rps, p50, p99, errors in results:
        print(f"| {name} | {rps:,.0f} | {rps / baseline:.2f}× | {p50:.2f} ms | {p99:.2f} ms | {errors} |")
    for name, rps, _, p99, _ in results[1:]:
        met = rps >= 0.8 * baseline and p99 < 10
        print(f"- {name}: target (≥ 0.8× bare, p99 < 10 ms) {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
