#!/usr/bin/env python3
"""Summarises a JFR recording from bench/run.sh --profile: where the CPU samples are, by the
method on top of the stack (self) and by every method on the stack (total), optionally only
for frames whose name matches a filter.

    python3 bench/jfr_top.py bench/out/jfr/verify.jfr [N] [FILTER-REGEX]
"""
import collections
import json
import re
import subprocess
import sys


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    pattern = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_counts, total_counts = collections.Counter(), collections.Counter()
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        names = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in frames]
        if not names:
            continue
        self_counts[names[0]] += 1
        for name in set(names):
            if pattern is None or pattern.search(name):
                total_counts[name] += 1
    count = len(events)
    print(f"{count} samples in {path}")
    print("\n-- self (top of stack)")
    for name, c in self_counts.most_common(n):
        print(f"{100 * c / count:5.1f}%  {name}")
    print("\n-- total (anywhere on the stack)" + (f", matching {pattern.pattern}" if pattern else ""))
    for name, c in total_counts.most_common(n):
        print(f"{100 * c / count:5.1f}%  {name}")


if __name__ == "__main__":
    main()
