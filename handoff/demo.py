"""The README demo: route the bundled sample conversations and show lane, reasons and payload.

    python -m handoff.demo [RULES] [SAMPLES_FOLDER] [--full]

RULES defaults to rules/default.yaml, samples to rules/samples/<rules name>/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from handoff.errors import HandoffError
from handoff.router import Router
from handoff.testing import check_case, load_cases

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the demo; exit status 0 when every sample routes where it says it should."""
    parser = argparse.ArgumentParser(
        prog="python -m handoff.demo",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("rules", nargs="?", default="rules/default.yaml")
    parser.add_argument("samples", nargs="?", default=None)
    parser.add_argument("--full", action="store_true", help="print whole payloads")
    args = parser.parse_args(argv)

    rules = Path(args.rules)
    samples = Path(args.samples) if args.samples else rules.parent / "samples" / rules.stem
    try:
        router = Router.from_path(rules)
        cases = list(load_cases(samples))
    except HandoffError as error:
        print(error, file=sys.stderr)
        return 1
    if not cases:
        print(f"no sample conversations (*.json) in {samples}", file=sys.stderr)
        return 1

    print(f"rules {rules} (ruleset {router.ruleset.name!r}, version {router.version})")
    failures = 0
    for path, case in cases:
        result = check_case(router, case, path.stem)
        decision = result.decision
        mark = "ok " if result.passed else "FAIL"
        print(f"\n[{mark}] {path.stem}: {case.description}")
        print(
            f"  lane      {decision.lane} ({decision.lane_kind}, queue {decision.queue}, "
            f"priority {decision.priority})"
        )
        print(f"  reason    {decision.reason}")
        for fired in decision.fired[:1]:
            for check in fired.checks:
                print(f"  observed  {check.describe()}")
        if decision.anti_flapping.action != "none":
            print(f"  anti-flap {decision.anti_flapping.action}: {decision.anti_flapping.detail}")
        if not result.passed:
            failures += 1
            print(f"  expected  {result.message}")
        if decision.handoff:
            payload = router.payload(case.conversation, decision, now=case.now)
            data = payload.model_dump(mode="json")
            if not args.full:
                data = {
                    key: data[key]
                    for key in (
                        "routing",
                        "why",
                        "sentiment",
                        "cues",
                        "transcript",
                        "next_steps",
                        "empathy_checklist",
                    )
                }
                data["sentiment"].pop("per_turn", None)
                data["transcript"] = data["transcript"][-3:]
            text = json.dumps(data, indent=2, ensure_ascii=False)
            print("  payload   " + text.replace("\n", "\n            "))
    print(f"\n{len(cases) - failures} of {len(cases)} samples routed as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
