#!/usr/bin/env python3
"""Resolve an OSCAL profile with compliance-trestle and with shinrai, and check that both give
the same controls and the same parameter values. With --runs N, also time both (wall clock,
whole process: N runs of trestle, 3N of shinrai) and print the ratio of the medians.

Usage:
  scripts/trestle-compare.py --shinrai target/release/shinrai --data DIR \
      [--profile FedRAMP_rev5_HIGH-baseline_profile.json] [--catalog NIST_SP-800-53_rev5_catalog.json]
      [--runs 5]

Needs `pip install compliance-trestle` (the `trestle` command). Exit status 0 when the two
resolutions agree, 1 when they differ, 2 when a tool fails.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TRESTLE_CATALOG = "trestle://catalogs/source/catalog.json"
# The fields a profile's set-parameters can change.
PARAMETER_FIELDS = ("values", "select", "constraints", "label", "usage", "guidelines")


def run(command, cwd=None):
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(f"error: {' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}\n")
        sys.exit(2)
    return elapsed


def walk(node, controls, params):
    for param in node.get("params") or []:
        params[param["id"]] = param
    for key in ("groups", "controls"):
        for child in node.get(key) or []:
            if key == "controls":
                controls.append(child["id"])
            walk(child, controls, params)


def contents(path):
    with open(path, encoding="utf-8") as handle:
        catalog = json.load(handle)["catalog"]
    controls, params = [], {}
    walk(catalog, controls, params)
    return controls, params


def trestle_workspace(workdir, scratch, catalog_path, profile_path):
    """A trestle workspace with the catalog and the profile imported, the profile's import
    pointing at the imported catalog (trestle resolves only trestle:// imports)."""
    run(["trestle", "init"], cwd=workdir)
    run(["trestle", "import", "-f", catalog_path, "-o", "source"], cwd=workdir)
    with open(profile_path, encoding="utf-8") as handle:
        profile = json.load(handle)
    body = profile["profile"]
    for item in body["imports"]:
        item["href"] = TRESTLE_CATALOG
    # trestle refuses to import a file from inside its own workspace.
    rewritten = os.path.join(scratch, "profile-for-trestle.json")
    with open(rewritten, "w", encoding="utf-8") as handle:
        json.dump(profile, handle)
    run(["trestle", "import", "-f", rewritten, "-o", "baseline"], cwd=workdir)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shinrai", required=True)
    parser.add_argument("--data", required=True, help="folder holding the profile and the catalog")
    parser.add_argument("--profile", default="FedRAMP_rev5_HIGH-baseline_profile.json")
    parser.add_argument("--catalog", default="NIST_SP-800-53_rev5_catalog.json")
    parser.add_argument("--runs", type=int, default=1, help="timed runs of each tool")
    args = parser.parse_args()
    if shutil.which("trestle") is None:
        sys.stderr.write("error: trestle not found (pip install compliance-trestle)\n")
        return 2

    data = os.path.abspath(args.data)
    profile_path = os.path.join(data, args.profile)
    catalog_path = os.path.join(data, args.catalog)
    shinrai = os.path.abspath(args.shinrai)
    with tempfile.TemporaryDirectory(prefix="shinrai-trestle-") as scratch:
        workdir = os.path.join(scratch, "workspace")
        os.mkdir(workdir)
        trestle_workspace(workdir, scratch, catalog_path, profile_path)
        trestle_out = os.path.join(workdir, "catalogs", "baseline-resolved", "catalog.json")
        ours_out = os.path.join(scratch, "shinrai-resolved.json")
        trestle_command = ["trestle", "author", "profile-resolve", "-n", "baseline", "-o", "baseline-resolved"]
        shinrai_command = [shinrai, "oscal", "resolve", profile_path, "--catalog-dir", data, "-o", ours_out]
        # Each tool runs once untimed to warm the file cache, then its timed runs back to back, so
        # neither is timed right after the other has churned through memory. shinrai's runs are
        # short enough that a moment's stall of this shared machine moves one of them by half:
        # it runs three times as often, so that its median stays its usual time.
        timing = args.runs > 1 or "--runs" in sys.argv
        shinrai_runs = 3 * max(1, args.runs) if timing else 1
        trestle_times = [run(trestle_command, cwd=workdir) for _ in range(max(1, args.runs) + 1)][1:]
        shinrai_times = [run(shinrai_command) for _ in range(shinrai_runs + 1)][1:]
        theirs_controls, theirs_params = contents(trestle_out)
        ours_controls, ours_params = contents(ours_out)

    problems = []
    if sorted(theirs_controls) != sorted(ours_controls):
        only_theirs = sorted(set(theirs_controls) - set(ours_controls))
        only_ours = sorted(set(ours_controls) - set(theirs_controls))
        problems.append(f"control ids differ: only trestle {only_theirs[:10]}, only shinrai {only_ours[:10]}")
    if sorted(theirs_params) != sorted(ours_params):
        problems.append("parameter ids differ: "
                        f"{sorted(set(theirs_params) ^ set(ours_params))[:10]}")
    for param_id in sorted(set(theirs_params) & set(ours_params)):
        for field in PARAMETER_FIELDS:
            if theirs_params[param_id].get(field) != ours_params[param_id].get(field):
                problems.append(f"{param_id}: {field} differs: trestle {theirs_params[param_id].get(field)!r}, "
                                f"shinrai {ours_params[param_id].get(field)!r}")
    print(f"{args.profile}: {len(ours_controls)} controls, {len(ours_params)} parameters "
          f"compared ({', '.join(PARAMETER_FIELDS)})")
    if timing:
        trestle_median = statistics.median(trestle_times)
        shinrai_median = statistics.median(shinrai_times)
        print(f"trestle author profile-resolve: median {trestle_median:.3f} s over {len(trestle_times)} runs")
        print(f"shinrai oscal resolve:          median {shinrai_median:.3f} s over {len(shinrai_times)} runs")
        print(f"shinrai is {trestle_median / shinrai_median:.1f}x faster")
    for problem in problems[:50]:
        print(f"DIFFERENT: {problem}")
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print("same control ids and parameter values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
