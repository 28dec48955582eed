#!/usr/bin/env python3
"""Load test: the full middleware stack against a bare Hummingbird route.

  swift build -c release --product handbook-service
  python3 scripts/load_test.py [--binary .build/release/handbook-service] [--duration 10]

Starts each server on a free loopback port and runs `wrk -t2 -c32 --latency`
against it, one after the other, then prints a Markdown table for the
README. Everything (servers and wrk) shares this machine's cores, so the
ratio is the number to read, not the absolute requests per second.

This VM's speed drifts by tens of percent from minute to minute, so a run is
compared with the bare run *of the same round* (rounds alternate their
order), and the median of those paired ratios is reported. A second,
drift-resistant number is the server's own CPU time per request (from
/proc/PID/stat): what the stack costs, whatever the machine's mood.

Runs (each in every round, interleaved, medians reported):
  bare      `handbook-service --bare`: GET /health, one route, no middleware
  full      GET /health through request id, request log, deadline, client
            identity, problem mapping (a probe: the rate limiter lets it
            through without a decision), the per-request cost of the stack;
            once with the access log on (LOG_LEVEL=info, one line per request
            through swift-log's StreamLogHandler, to a file) and once off
  cached    GET /orders/{id} of a confirmed order: every layer, the rate
            limiter (in-memory token bucket, limit raised so wrk is never
            refused) included, plus the TTL cache (a hit: no database read)
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


def cpu_seconds(pid):
    """User plus system CPU time of a process so far (Linux /proc)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk_command(url, duration, threads=2):
    return ["wrk", f"-t{threads}", "-c32", f"-d{duration}s", "--latency", url]


def wrk(url, duration):
    return parse(subprocess.run(wrk_command(url, duration), check=True, capture_output=True, text=True).stdout)


def paired(first, second, duration):
    """Loads two servers at the same time (one wrk thread, 32 connections
    each), so both see the same machine: whatever this VM's speed does
    during the run, it does to both."""
    runs = [subprocess.Popen(wrk_command(url, duration, threads=1), stdout=subprocess.PIPE, text=True)
            for url in (first, second)]
    outputs = [run.communicate()[0] for run in runs]
    return [parse(output) for output in outputs]


def parse(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", output).group(1)
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return rps, p50, p99, int(errors.group(1)) if errors else 0, requests


def milliseconds(text):
    value = float(re.match(r"[\d.]+", text).group(0))
    unit = text[len(re.match(r"[\d.]+", text).group(0)):]
    return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def seed_order(base):
    urllib.request.urlopen(urllib.request.Request(
        base + "/inventory/widget", data=b'{"stock": 10}', method="PUT",
        headers={"Content-Type": "application/json"})).read()
    order = json.loads(urllib.request.urlopen(urllib.request.Request(
        base + "/orders", data=b'{"item":"widget","quantity":1,"priceCents":100}', method="POST",
        headers={"Idempotency-Key": "load-test", "Content-Type": "application/json"})).read())
    return order["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/handbook-service")
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds; medians are reported")
    arguments = parser.parse_args()
    servers = []
    with tempfile.TemporaryDirectory() as workdir:
        bare = start(arguments.binary, ["--bare"], {"LOG_LEVEL": "notice"}, os.path.join(workdir, "bare.log"))
        servers.append(bare[0])
        urls = [("bare Hummingbird route, `GET /health`", f"http://127.0.0.1:{bare[1]}/health", bare[0].pid)]
        for level, label in (("info", "access log on (info)"), ("notice", "access log off (notice)")):
            env = {"SQLITE_PATH": os.path.join(workdir, f"{level}.sqlite"), "RATE_LIMIT_REQUESTS": "1000000000",
                   "LOG_LEVEL": level}
            process, port = start(arguments.binary, [], env, os.path.join(workdir, f"{level}.log"))
            servers.append(process)
            order_id = seed_order(f"http://127.0.0.1:{port}")
            urls.append((f"full stack, {label}, `GET /health`", f"http://127.0.0.1:{port}/health", process.pid))
            urls.append((f"full stack, {label}, `GET /orders/{{id}}` (cache hit)",
                         f"http://127.0.0.1:{port}/orders/{order_id}", process.pid))
        # Interleaved rounds, alternating direction so no configuration
        # always runs first or last.
        samples = {name: [] for name, _, _ in urls}
        for round_index in range(arguments.rounds):
            ordered = urls if round_index % 2 == 0 else list(reversed(urls))
            for name, url, pid in ordered:
                before = cpu_seconds(pid)
                rps, p50, p99, errors, requests = wrk(url, arguments.duration)
                cpu = (cpu_seconds(pid) - before) / max(requests, 1) * 1e6
                samples[name].append((rps, p50, p99, errors, cpu))
        # Paired rounds: the bare route and the full stack (access log on)
        # under load together: `GET /health` (a probe: it skips the rate
        # limiter) and the cache hit (every layer, the limiter included).
        pairs = [paired(urls[0][1], urls[1][1], arguments.duration) for _ in range(arguments.rounds)]
        hit_pairs = [paired(urls[0][1], urls[2][1], arguments.duration) for _ in range(arguments.rounds)]
        for process in servers:
            process.terminate()
            process.wait()

    def median(values):
        return sorted(values)[len(values) // 2]

    bare_runs = samples[urls[0][0]]
    results = []
    for name, _, _ in urls:
        runs = samples[name]
        ratio = median([run[0] / base[0] for run, base in zip(runs, bare_runs)])
        results.append((name, median([r[0] for r in runs]), ratio, median([milliseconds(r[1]) for r in runs]),
                        median([milliseconds(r[2]) for r in runs]), sum(r[3] for r in runs),
                        median([r[4] for r in runs])))
    bare_cpu = results[0][6]
    print(f"wrk -t2 -c32 -d{arguments.duration}s --latency, {arguments.rounds} interleaved rounds (medians; "
          f"'vs bare' is the median of same-round ratios), release build, loopback, {os.cpu_count()} cores "
          "shared by the servers and wrk\n")
    print("| run | requests/s | vs bare | p50 | p99 | non-2xx | server CPU per request |")
    print("|---|---|---|---|---|---|---|")
    for name, rps, ratio, p50, p99, errors, cpu in results:
        print(f"| {name} | {rps:,.0f} | {ratio:.2f}× | {p50:.2f} ms | {p99:.2f} ms | {errors} | "
              f"{cpu:.0f} µs ({cpu / bare_cpu:.2f}×) |")
    for name, _, ratio, _, p99, _, _ in results[1:]:
        met = ratio >= 0.8 and p99 < 10
        print(f"- {name}: target (≥ 0.8× bare, p99 < 10 ms) {'met' if met else 'NOT met'}")
    for route, runs in (("`GET /health`", pairs), ("`GET /orders/{id}` (cache hit)", hit_pairs)):
        ratios = sorted(full[0] / bare[0] for bare, full in runs)
        p99s = sorted(milliseconds(full[2]) for _, full in runs)
        print(f"\nPaired ({arguments.rounds} rounds, both under load at once, wrk -t1 -c32 each): full stack with "
              f"the access log on vs bare, {route}: median {median(ratios):.2f}× "
              f"(range {ratios[0]:.2f}–{ratios[-1]:.2f}), full-stack p99 median {median(p99s):.2f} ms")


if __name__ == "__main__":
    main()
