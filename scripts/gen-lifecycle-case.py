#!/usr/bin/env python3
"""Writes a large lifecycle case to standard output, for timing `shinrai decide lifecycle` as a
whole command: REGISTRATIONS registrations with 0-3 dependencies on earlier ones, and EVENTS
events on random days of 2025-2027 (mostly renewals; suspensions, reinstatements, a few
withdrawals and deregistrations). The same seed gives the same case.

    scripts/gen-lifecycle-case.py 100000 1000000 > case.json
    /usr/bin/time -f "%e s %M KB" shinrai decide lifecycle case.json --json > /dev/null
"""

import json
import random
import sys

KINDS = [
    ("renewal_applied", 30),
    ("renewal_registered", 25),
    ("renewal_rejected", 5),
    ("suspended", 10),
    ("reinstated", 10),
    ("withdrawn", 1),
    ("deregistered", 1),
]


def day(rng, first_year, years):
    return f"{rng.randint(first_year, first_year + years - 1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def main():
    registrations, events = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(7)
    names, weights = zip(*KINDS)
    out = {"as_of": "2027-06-30", "registrations": [], "events": []}
    for index in range(registrations):
        depends_on = sorted({f"s{rng.randrange(index)}" for _ in range(rng.randint(0, 3))}) if index else []
        out["registrations"].append(
            {"service": f"s{index}", "level": rng.randint(1, 3), "valid_until": day(rng, 2026, 3), "depends_on": depends_on}
        )
    for _ in range(events):
        kind = rng.choices(names, weights)[0]
        event = {"on": day(rng, 2025, 3), "service": f"s{rng.randrange(registrations)}", "kind": kind}
        if kind == "renewal_registered":
            event["valid_until"] = day(rng, 2027, 4)
        out["events"].append(event)
    json.dump(out, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
