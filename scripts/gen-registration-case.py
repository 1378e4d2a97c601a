#!/usr/bin/env python3
"""Writes a large registration case that must decide `register` at level 2 with no findings.

300 objectives x 4 controls = 1,200 controls (every other one mandatory, minimum levels 1-3,
all three service models), every control selected and conformant, every objective effective.
The same case every time (no randomness), for benchmarks such as scripts/http-bench.sh.

    scripts/gen-registration-case.py [--objectives 300] [--controls-per-objective 4] > case.json
    shinrai decide registration case.json     # Decision: register, Level: 2, no findings
"""

import argparse
import json
import sys


def objective_id(index):
    # Three-part ids like the scheme's (5.1.1, 5.1.2, ...), unique for up to 1,000 objectives.
    return f"{5 + index // 100}.{index // 10 % 10 + 1}.{index % 10 + 1}"


def case(objectives, per_objective):
    objective_ids = [objective_id(i) for i in range(objectives)]
    controls, results = [], []
    for objective in objective_ids:
        for number in range(1, per_objective + 1):
            control = f"{objective}.{number}"
            controls.append(
                {
                    "id": control,
                    "objective": objective,
                    "mandatory": number % 2 == 1,
                    "min_level": 1 + number % 3,
                    "service_models": ["IaaS", "PaaS", "SaaS"],
                }
            )
            results.append(
                {
                    "control": control,
                    "conformant": True,
                    "reason": "25 occurrences inspected against the procedure; see working paper",
                }
            )
    scope = "Example Cloud compute and managed database, Tokyo region"
    return {
        "criteria": {
            "version": "bench-2026",
            "objectives": [{"id": o} for o in objective_ids],
            "controls": controls,
        },
        "application": {
            "service": "example-cloud",
            "target_level": 2,
            "service_models": ["IaaS", "PaaS"],
            "registered_scope": scope,
            "depends_on": ["base-dc"],
        },
        "registry": [{"service": "base-dc", "status": "registered", "level": 3}],
        "audit_body": {
            "id": "audit-body-1",
            "status": "selected",
            "valid_from": "2023-01-01",
            "valid_until": "2028-12-31",
        },
        "signing_auditor": {
            "name": "auditor-1",
            "qualifications": ["CISA"],
            "experience_years": 8,
            "nationality": "JP",
        },
        "audit": {"period_start": "2025-04-01", "period_end": "2026-03-31", "audited_scope": scope},
        "statement": {"selected": [c["id"] for c in controls], "excluded": []},
        "report": {
            "objectives": [
                {"objective": o, "effective": True, "reason": "the controls together meet the objective"}
                for o in objective_ids
            ],
            "controls": results,
        },
        "explanations": [],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--objectives", type=int, default=300)
    parser.add_argument("--controls-per-objective", type=int, default=4)
    args = parser.parse_args()
    json.dump(case(args.objectives, args.controls_per_objective), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
