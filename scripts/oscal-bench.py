#!/usr/bin/env python3
"""Whole-process timings and peak memory of `shinrai oscal` on the SP 800-53 catalog and the
FedRAMP HIGH baseline, next to compliance-trestle's `profile-resolve` in the same run.

Usage: scripts/oscal-bench.py --shinrai target/release/shinrai --data DIR [--runs 10]

Prints a Markdown table for docs/benchmarks.md. Needs GNU time (/usr/bin/time) and, for the
comparison, `trestle` (pip install compliance-trestle).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile


def timed(command):
    """Wall seconds and peak resident memory (KiB) of one run."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        done = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %M"] + command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode not in (0, 1):
            sys.stderr.write(f"error: {' '.join(command)} failed: {done.stderr}\n")
            sys.exit(2)
        wall, peak = report.read().split()[-2:]
    return float(wall), int(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shinrai", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    shinrai = os.path.abspath(args.shinrai)
    data = os.path.abspath(args.data)
    catalog = os.path.join(data, "NIST_SP-800-53_rev5_catalog.json")
    high = os.path.join(data, "FedRAMP_rev5_HIGH-baseline_profile.json")
    with tempfile.TemporaryDirectory() as scratch:
        cases = [
            ("shinrai oscal resolve FedRAMP HIGH (+ 10 MB catalog) -o out.json",
             [shinrai, "oscal", "resolve", high, "--catalog-dir", data, "-o", os.path.join(scratch, "high.json")]),
            ("shinrai oscal validate SP 800-53 catalog (10 MB)",
             [shinrai, "oscal", "validate", catalog]),
            ("shinrai oscal validate FedRAMP HIGH profile (loads the catalog)",
             [shinrai, "oscal", "validate", high, "--catalog-dir", data]),
            ("shinrai oscal convert SP 800-53 catalog to YAML",
             [shinrai, "oscal", "convert", catalog, "-o", os.path.join(scratch, "catalog.yaml")]),
        ]
        print("| Command | Runs | Median wall (s) | Max wall (s) | Peak memory (MiB) |")
        print("|---|---:|---:|---:|---:|")
        for name, command in cases:
            results = [timed(command) for _ in range(args.runs)]
            walls = [wall for wall, _ in results]
            peak = max(peak for _, peak in results) / 1024
            print(f"| {name} | {len(walls)} | {statistics.median(walls):.3f} | {max(walls):.3f} | {peak:.0f} |")
    print()
    compare = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trestle-compare.py")
    subprocess.run([sys.executable, compare, "--shinrai", shinrai, "--data", data,
                    "--runs", str(max(3, args.runs // 2))], check=True)


if __name__ == "__main__":
    main()
