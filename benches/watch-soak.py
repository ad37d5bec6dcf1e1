#!/usr/bin/env python3
"""The writer and the judge of benches/watch-soak.sh.

Starts `shrinkray-cli --watch --json` on WORK/in, then drops FILES photos (copies of the ~2 MP sources) into 10
folders, evenly over SECONDS: most written at once, 1 in 10 slowly in five chunks half a second apart, 1 in 20
written as a hidden `.NAME.part` and renamed into place, 1 in 20 replaced by another photo 20 s after it arrived.
Then it waits for the watcher to catch up, stops it with SIGTERM and checks: every input has exactly one copy,
no numbered duplicates, no failure, every copy up to date with its input's final bytes (a dry run with
--update plans nothing), and no input copied more often than it changed. Prints the watcher's RSS (start,
peak, end) and the delay from each file's completion to its copy (median, p99).
"""

import argparse
import heapq
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path


def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--sources", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--args", default="--long-edge 800")
    a = ap.parse_args()

    work = Path(a.work)
    inp, out = work / "in", work / "out"
    for k in range(10):
        (inp / f"folder{k}").mkdir(parents=True, exist_ok=True)
    sources = [p.read_bytes() for p in sorted(Path(a.sources).glob("*.jpg"))]
    rng = random.Random(42)

    cmd = [a.cli, "--watch", "--json", *a.args.split(), "--out", str(out), str(inp)]
    watcher = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    events = []  # (time, event dict)
    lock = threading.Lock()
    armed = threading.Event()

    def read():
        for line in watcher.stdout:
            e = json.loads(line)
            with lock:
                events.append((time.time(), e))
            if e["event"] == "pass":
                armed.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    rss = []

    def sample():
        while watcher.poll() is None:
            r = rss_kb(watcher.pid)
            if r:
                rss.append((time.time(), r))
            time.sleep(1)

    threading.Thread(target=sample, daemon=True).start()
    if not armed.wait(60):
        sys.exit("watch-soak: the watcher never finished its first pass")
    rss_start = rss_kb(watcher.pid)

    # The schedule: (when, seq, action, args). Completion times per input (the last one counts).
    t0 = time.time()
    plan = []
    completed = {}
    expected = {}
    seq = 0

    def at(when, action, *args):
        nonlocal seq
        seq += 1
        heapq.heappush(plan, (when, seq, action, args))

    for i in range(a.files):
        path = inp / f"folder{i % 10}" / f"img{i:05d}.jpg"
        data = sources[i % len(sources)]
        when = t0 + a.seconds * i / a.files
        expected[path] = 1
        if i % 10 == 1:
            chunk = -(-len(data) // 5)
            for c in range(5):
                at(when + 0.5 * c, "append", path, data[c * chunk:(c + 1) * chunk], c == 4)
        elif i % 20 == 2:
            at(when, "renamed", path, data)
        elif i % 20 == 3:
            at(when, "write", path, data)
            other = sources[(i + 7) % len(sources)]
            at(when + 20, "write", path, other)
            expected[path] = 2
        else:
            at(when, "write", path, data)

    while plan:
        when, _, action, args = heapq.heappop(plan)
        delay = when - time.time()
        if delay > 0:
            time.sleep(delay)
        if action == "write":
            path, data = args
            tmp_free = path.open("wb")
            tmp_free.write(data)
            tmp_free.close()
            completed[path] = time.time()
        elif action == "append":
            path, data, last = args
            with path.open("ab") as f:
                f.write(data)
            if last:
                completed[path] = time.time()
        elif action == "renamed":
            path, data = args
            part = path.with_name(f".{path.name}.part")
            part.write_bytes(data)
            os.rename(part, path)
            completed[path] = time.time()
    written = time.time() - t0

    # Catch up: every input's last completion followed by a copy, or two minutes of nothing new.
    want = sum(expected.values())
    deadline = time.time() + 120
    while time.time() < deadline:
        with lock:
            done = sum(1 for _, e in events if e["event"] == "done")
        if done >= want:
            break
        time.sleep(1)
    time.sleep(5)
    rss_end = rss_kb(watcher.pid)
    watcher.send_signal(signal.SIGTERM)
    stopped = time.time()
    code = watcher.wait(60)
    stop_time = time.time() - stopped
    reader.join(10)
    stderr = watcher.stderr.read()

    problems = []
    if code != 0:
        problems.append(f"the watcher exited with {code}: {stderr[-500:]}")
    with lock:
        evs = list(events)
    failed = [e for _, e in evs if e["event"] == "failed"]
    if failed:
        problems.append(f"{len(failed)} failed, first: {failed[0]}")
    dones = {}
    for t, e in evs:
        if e["event"] == "done":
            dones.setdefault(Path(e["input"]).resolve(), []).append(t)
    copies = [p for p in out.rglob("*") if p.is_file() and ".shrinkray" not in p.parts]
    if len(copies) != a.files:
        problems.append(f"{len(copies)} copies for {a.files} inputs")
    numbered = [p for p in copies if " (" in p.name]
    if numbered:
        problems.append(f"{len(numbered)} numbered duplicates, first {numbered[0]}")
    missing = [p for p in expected if not (out / "in" / p.relative_to(inp)).exists()]
    if missing:
        problems.append(f"{len(missing)} inputs without a copy, first {missing[0]}")
    extra = [p for p in expected if len(dones.get(p.resolve(), [])) > expected[p]]
    if extra:
        problems.append(f"{len(extra)} inputs copied more often than they changed, first {extra[0]}")
    dry = subprocess.run(
        [a.cli, "--dry-run", "--update", "--json", *a.args.split(), "--out", str(out), str(inp)],
        capture_output=True, text=True)
    planned = [json.loads(l) for l in dry.stdout.splitlines()]
    stale = [e for e in planned if e.get("event") == "planned" and e.get("action") != "skip"]
    if stale:
        problems.append(f"{len(stale)} copies not made from their input's final bytes, first {stale[0]}")

    delays = []
    for path, t_done in completed.items():
        after = [t for t in dones.get(path.resolve(), []) if t >= t_done]
        if after:
            delays.append(after[0] - t_done)
    delays.sort()
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))] if delays else float("nan")
    passes = sum(1 for _, e in evs if e["event"] == "pass")
    peak = max((r for _, r in rss), default=0)
    print(f"files: {a.files} in {written:.0f} s over 10 folders; {passes} passes; stopped in {stop_time:.1f} s")
    print(f"copies: {len(copies)}; done events: {sum(len(v) for v in dones.values())} (expected {want}); failed: {len(failed)}")
    print(f"delay from completion to copy: median {statistics.median(delays):.2f} s, p99 {p99:.2f} s, max {delays[-1]:.2f} s")
    print(f"watcher RSS: start {rss_start / 1024:.0f} MB, peak {peak / 1024:.0f} MB, end {rss_end / 1024:.0f} MB")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("ok: every input has exactly its copy, made from its final bytes")


if __name__ == "__main__":
    main()
