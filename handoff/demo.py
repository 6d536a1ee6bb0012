"""Route the bundled sample conversations and show, for each: the lane and why, what the
customer is told, and the payload the agent receives.

Each sample is routed turn by turn, as the bot would, and ends on the customer message that
decides it. For a handoff, the customer sees the lane's message from the rules file (what
the Rasa adapter sends when it pauses the bot) and the agent gets the context payload, shown
compact by default: every field, laid out to read, with turns numbered as in the payload
(a message's position in the conversation, from 1). A last line names any field the compact
view leaves out. --full prints each payload exactly as delivered, as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from handoff.errors import HandoffError, describe_missing_file
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.models.payload import ContextPayload
from handoff.router import Router
from handoff.testing import check_case, load_cases

DEMO_PSEUDONYM_KEY = b"handoff demo: sample conversations only"

__all__ = ["SHOWN", "customer_message", "left_out", "main", "render_payload"]

EXAMPLES = """\
examples:
  .venv/bin/python -m handoff.demo rules/default.yaml
  .venv/bin/python -m handoff.demo rules/banking.yaml --full
  .venv/bin/python -m handoff.demo rules/retail.yaml rules/samples/retail

exit status: 0 every sample routed as it expects, 1 a sample did not or an input could not
be read, 2 a wrong command line.
"""

# Top-level payload fields the compact view renders (all of them, today). A field added to
# ContextPayload later is named under "left out" until it is rendered here.
SHOWN = (
    "schema_version", "conversation_id", "channel", "created_at", "customer", "routing",
    "why", "intent", "sentiment", "cues", "entities", "transcript", "analysis", "bot_tried",
    "previous_interactions", "next_steps", "empathy_checklist", "ruleset", "ruleset_version",
    "experiment", "arm",
)  # fmt: skip
_INDENT = " " * 16


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo; exit status 0 when every sample routes where it says it should."""
    parser = argparse.ArgumentParser(
        prog="python -m handoff.demo",
        description=__doc__,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "rules",
        nargs="?",
        default="rules/default.yaml",
        help="rules file or folder (default: rules/default.yaml)",
    )
    parser.add_argument(
        "samples",
        nargs="?",
        default=None,
        help="folder of sample cases (*.json) (default: rules/samples/<name of RULES>/)",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="print each payload whole, exactly as delivered (JSON), instead of the compact view",
    )
    args = parser.parse_args(argv)

    rules = Path(args.rules)
    samples = Path(args.samples) if args.samples else rules.parent / "samples" / rules.stem
    for path in (rules, samples):
        if not path.exists():
            print(describe_missing_file(path), file=sys.stderr)
            return 1
    try:
        # A demo key: the samples carry no real ids, and the production warning about the
        # public default key would interrupt the output (servers still warn; see Router).
        router = Router.from_path(rules, pseudonym_key=DEMO_PSEUDONYM_KEY)
        cases = list(load_cases(samples))
    except HandoffError as error:
        print(error, file=sys.stderr)
        return 1
    if not cases:
        print(f"{samples}: no sample conversations (*.json)", file=sys.stderr)
        return 1

    print(f"rules {rules} (ruleset {router.ruleset.name!r}, version {router.version})")
    print(
        "turns are numbered by position in the conversation, from 1; "
        + ("payloads in full (JSON)" if args.full else "payloads compact (--full: as JSON)")
    )
    failures = 0
    for path, case in cases:
        result = check_case(router, case, path.stem)
        decision = result.decision
        mark = "ok " if result.passed else "FAIL"
        print(f"\n[{mark}] {path.stem}: {case.description}")
        sla = f", SLA {decision.sla_seconds} s" if decision.sla_seconds is not None else ""
        print(
            f"  lane      {decision.lane} ({decision.lane_kind}, queue {decision.queue}, "
            f"priority {decision.priority}{sla})"
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
        message = customer_message(router, decision)
        if not decision.handoff:
            print("  customer  hears nothing new: the bot continues the conversation (no payload)")
            continue
        told = f'"{message}"' if message else "nothing (the lane has no message)"
        print(f"  customer  is told {told}")
        print("            (the lane's message; the bot pauses once the payload is stored)")
        payload = router.payload(case.conversation, decision, now=case.now)
        if args.full:
            text = json.dumps(payload.model_dump(mode="json"), indent=2, ensure_ascii=False)
            print("  agent     receives this payload:")
            print("            " + text.replace("\n", "\n            "))
        else:
            print("  agent     receives this payload (compact; --full prints it as JSON):")
            for line in render_payload(payload, case.conversation):
                print("    " + line)
    print(f"\n{len(cases) - failures} of {len(cases)} samples routed as expected")
    return 1 if failures else 0


def customer_message(router: Router, decision: Decision) -> str | None:
    """What the customer is told when this decision hands off: the lane's ``message`` from the
    rules file, as the Rasa adapter (``handoff.adapters.rasa.route_tracker``) sends it with
    the pause once the payload is stored; None for the bot lane or a lane without one."""
    if not decision.handoff:
        return None
    return router.ruleset.lanes[decision.lane].message or None


def left_out() -> list[str]:
    """Payload fields the compact view does not show."""
    return [name for name in ContextPayload.model_fields if name not in SHOWN]


def render_payload(payload: ContextPayload, conversation: Conversation) -> list[str]:
    """The payload as lines of text: every field in ``SHOWN``, values as in its JSON."""
    data = payload.model_dump(mode="json")
    out: list[str] = []

    def row(label: str, *lines: str) -> None:
        first, *rest = lines or ("",)
        out.append(f"{label:<14}  {first}")
        out.extend(_INDENT + line for line in rest)

    customer = data["customer"]
    row(
        "payload",
        f"schema {data['schema_version']}, conversation {data['conversation_id']} on "
        f"{data['channel']}, created {data['created_at']}",
        f"ruleset {data['ruleset']} (version {data['ruleset_version']})"
        + (
            f", experiment {data['experiment']} arm {data['arm']}"
            if data["experiment"] is not None
            else ""
        ),
    )
    row(
        "customer",
        f"id {customer['customer_id']}, tier {customer['tier']}, risk flags "
        f"{_list(customer['risk_flags'])}"
        + (f", name {customer['name']}" if customer["name"] is not None else ""),
    )
    routing = data["routing"]
    row(
        "routing",
        f"{routing['lane']} ({routing['kind']}), queue {routing['queue']}, priority "
        f"{routing['priority']}, skills {_list(routing['skills'])}",
        f"SLA {routing['sla_seconds']} s, answer by {routing['sla_deadline']}"
        if routing["sla_seconds"] is not None
        else "no SLA",
    )
    why = data["why"]
    row(
        "why",
        why["summary"],
        *[f"rule {rule}" for rule in why["rules"]] or ["rule none (no rule decided: see above)"],
        *(f"  {observation}" for observation in why["observations"]),
    )
    intent = data["intent"]
    alternatives = ", ".join(f"{name} {confidence}" for name, confidence in intent["alternatives"])
    row(
        "intent",
        f"{intent['name']} {intent['confidence']}" if intent["name"] is not None else "none",
        f"alternatives: {alternatives or 'none'}",
    )
    sentiment = data["sentiment"]
    row(
        "sentiment",
        f"{sentiment['label']} (latest message {sentiment['latest']}); trend "
        f"{sentiment['trend']}, change since the first message {sentiment['delta']}, lowest "
        f"{sentiment['minimum']}; frustration {sentiment['frustration']}",
        "per customer message (turn: sentiment): "
        + (" · ".join(f"{turn}: {score}" for turn, score in sentiment["per_turn"]) or "none"),
    )
    out.extend(_transcript(data, len(conversation.turns)))
    row(
        "entities",
        ", ".join(f"{name} = {value}" for name, value in data["entities"]) or "none",
    )
    tried = data["bot_tried"]
    row(
        "bot tried",
        f"intents {_list(tried['intents'])}",
        f"actions {_list(tried['actions'])}",
        f"fallbacks {tried['fallbacks']}",
    )
    row(
        "previous",
        *[
            f"{p['when']} {p['channel']}: {p['summary']}"
            + (f" → {p['outcome']}" if p["outcome"] else "")
            + (f" (lane {p['lane']})" if p["lane"] is not None else "")
            for p in data["previous_interactions"]
        ]
        or ["none"],
    )
    analysis = data["analysis"]
    row(
        "analysis",
        f"characters cut {analysis['cut_chars']}, earliest turns not analysed "
        f"{analysis['turns_not_analysed']}",
    )
    row("next steps", *[f"{n}. {s}" for n, s in enumerate(data["next_steps"], 1)] or ["none"])
    row(
        "empathy",
        *[f"{step['step']}: {step['prompt']}" for step in data["empathy_checklist"]] or ["none"],
    )
    missing = left_out()
    row(
        "left out",
        f"{', '.join(missing)} (--full prints every field)"
        if missing
        else "nothing: every field is shown; --full prints it as delivered (JSON)",
    )
    return out


def _transcript(data: dict[str, Any], total: int) -> list[str]:
    """The payload's transcript with each cue under the line it came from; cues on turns
    before the transcript's window are listed, never dropped."""
    lines = data["transcript"]
    cues: dict[int, list[dict[str, Any]]] = {}
    for cue in data["cues"]:
        cues.setdefault(cue["turn"], []).append(cue)
    if lines:
        first, last = lines[0]["turn"], lines[-1]["turn"]
        head = f"turn {first} of {total}" if first == last else f"turns {first}-{last} of {total}"
        if len(lines) < total:
            head += " (the payload carries the latest messages only)"
    else:
        head = f"no lines (of {total})"
    out = [f"{'transcript':<14}  {head}"]
    shown = {line["turn"] for line in lines}
    earlier = [cue for turn, group in sorted(cues.items()) if turn not in shown for cue in group]
    for cue in earlier:
        out.append(
            f"{_INDENT}cue {cue['cue']} on turn {cue['turn']} (before these lines): "
            f'"{cue["evidence"]}"'
        )
    for line in lines:
        extra = [f"intent {line['intent']}"] if line["intent"] is not None else []
        if line["cut_chars"]:
            extra.append(f"{line['cut_chars']} characters cut")
        tail = f"  [{', '.join(extra)}]" if extra else ""
        text = str(line["text"]).replace("\n", "\n" + _INDENT + " " * 10)
        out.append(f"{_INDENT}{line['turn']:>3} {line['role']:<6} {text}{tail}")
        for cue in cues.get(line["turn"], ()):
            out.append(f'{_INDENT}           cue {cue["cue"]}: "{cue["evidence"]}"')
    return out


def _list(values: Sequence[Any]) -> str:
    return ", ".join(str(v) for v in values) or "none"


if __name__ == "__main__":
    raise SystemExit(main())
