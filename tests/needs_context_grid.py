"""Threshold grid for the context model's rules, chosen leave-one-set-out (round 13).

Needs the engine wiring and rules of commit cb438cd (the experiment; not shipped: findings in
tests/needs_context.py); at later commits the rules have no context-model blocks to vary.

    nice -n 19 .venv/bin/python -m tests.needs_context_grid   # route every variant, pick LOSO

Each variant is rules/banking.yaml with the context model's thresholds replaced (specialist
lanes: fraud and vulnerable at L, complaint at L - 0.2; the adviser rule at P, or removed).
For each tuning set held out, the variant with the most conversations as expected on the
other eleven is chosen (ties: the higher thresholds) and scored on the held-out set; the sum
over sets is the LOSO estimate of what the rules add. holdout7: aggregate only.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

from tests import needs_context as nc

SPECIALIST = (0.6, 0.75, 0.9, None)
PERSON = (0.5, 0.65, 0.8, None)
OUT = Path("/tmp/r13m_grid.json")


def variant(text: str, level: float | None, person: float | None) -> str:
    blocks = re.findall(
        r"\n  # >>> context needs model.*?# <<< context needs model[^\n]*\n", text, re.S
    )
    spec, adviser = blocks
    new_spec = spec
    if level is None:
        new_spec = "\n"
    else:
        for cls, value in (("fraud", level), ("vulnerable", level), ("complaint", level - 0.2)):
            new_spec = re.sub(
                rf"(need: {cls}\n      need_score: {{gte: )[0-9.]+", rf"\g<1>{value:.2f}", new_spec
            )
    new_adv = (
        "\n"
        if person is None
        else re.sub(
            r"(need: person\n      need_score: {gte: )[0-9.]+", rf"\g<1>{person:.2f}", adviser
        )
    )
    return text.replace(spec, new_spec).replace(adviser, new_adv)


def main() -> int:
    text = (nc.ROOT / "rules" / "banking.yaml").read_text(encoding="utf-8")
    names = (*nc.TUNING, nc.CHECK_SET)
    results = json.loads(OUT.read_text()) if OUT.exists() else {}
    for level, person in itertools.product(SPECIALIST, PERSON):
        key = f"{level}/{person}"
        if key not in results:
            results[key] = nc.route(variant(text, level, person), names)
            OUT.write_text(json.dumps(results))
            print(
                key,
                sum(r.get("as_expected", 0) for n, r in results[key].items() if n != nc.CHECK_SET),
                flush=True,
            )
    base = results["None/None"]
    gain = 0
    for held in nc.TUNING:

        def score(key: str, held: str = held) -> tuple[int, int, str]:
            kept = sum(results[key][n].get("as_expected", 0) for n in nc.TUNING if n != held)
            return kept, key.count("None"), key

        best = max(results, key=score)
        d = results[best][held].get("as_expected", 0) - base[held].get("as_expected", 0)
        gain += d
        print(f"held out {held:15s} chosen {best:10s} gain {d:+d}")
    print("LOSO gain over rules alone:", gain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
