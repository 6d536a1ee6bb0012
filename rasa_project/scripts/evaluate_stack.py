"""The routing evaluation set through the real stack: Rasa 3.6 REST channel → our action
server → payload receiver, scored exactly as ``handoff evaluate`` scores the engine.

    .venv/bin/python rasa_project/scripts/evaluate_stack.py                 # print the report
    .venv/bin/python rasa_project/scripts/evaluate_stack.py --out before-stack.json

Starts its own stack on free 127.0.0.1 ports (the payload receiver, ``handoff.adapters.server``
and ``rasa run --enable-api --jwt-secret`` with the model prepare_rasa.py trains), with the
rules' opening hours removed so every team is open whatever the clock says (the set's
``defaults.now`` is a Tuesday morning, when all are open). Every conversation gets its own
sender id; each customer message is POSTed to ``/webhooks/rest/webhook`` with the account
in the message metadata (``tier``, ``risk_flags``: what the adapter reads), and after each
message the tracker is read through Rasa's HTTP API (an admin JWT): whether the
conversation is paused, the ``handoff_lane`` slot, the reason and the deciding rule (from
the routing state slot), and the NLU parse Rasa made. The first paused message is the
handoff turn; the remaining messages are still sent (Rasa logs them, the bot stays quiet).

At the end it checks that the receiver stored a signed payload for every handoff, runs the
engine evaluation with the committed NLU parses (tests/data/routing_eval/nlu/), and lists
every conversation whose outcome differs, saying whether Rasa's parse of its messages
differed from the committed one. Exit status 0 if every message went through (transport
errors and lost payloads make it 1); routing quality is reported, not judged.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import jwt
from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
import prepare_rasa  # noqa: E402

from handoff import Router  # noqa: E402
from handoff.evaluation import (  # noqa: E402
    ConversationResult,
    EvalConversation,
    EvalSet,
    Evaluation,
    NluParses,
    evaluate,
    load_eval_set,
    load_parses,
    score,
    summarize,
)

ROOT = prepare_rasa.ROOT
PROJECT = ROOT / "rasa_project"
EVALSET = ROOT / "tests" / "data" / "routing_eval" / "banking.yaml"
PARSES = ROOT / "tests" / "data" / "routing_eval" / "nlu" / "banking.jsonl"
RULES = ROOT / "rules" / "banking.yaml"
CONFIDENCE_TOLERANCE = 1e-6


@dataclass
class Stack:
    """A running stack and the secrets to talk to it."""

    rasa: str
    receiver: str
    receiver_token: str
    jwt_secret: str
    work: Path
    logs: dict[str, Path] = field(default_factory=dict)

    def admin_token(self, seconds: int = 7200) -> str:
        """A JWT Rasa accepts for every conversation (role admin), for reading trackers."""
        now = int(time.time())
        claims = {"user": {"username": "evaluation", "role": "admin"}, "iat": now,
                  "exp": now + seconds}  # fmt: skip
        return jwt.encode(claims, self.jwt_secret, algorithm="HS256")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def always_open(source: Path, target: Path) -> Path:
    """A copy of a rules file without opening hours: every lane open on the real clock."""
    yaml = YAML(typ="rt")
    data = yaml.load(source.read_text(encoding="utf-8"))
    for lane in data["lanes"].values():
        lane.pop("hours", None)
    with target.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return target


def _wait(url: str, seconds: float, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{log.stem} exited while starting; see {log}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{log.stem} did not answer {url} within {seconds:.0f} s; see {log}")


def model_path() -> Path:
    """Install Rasa and train the bot if needed (prepare_rasa.py), and return the model."""
    done = subprocess.run([sys.executable, str(prepare_rasa.__file__)], cwd=ROOT, check=False,
                          stdout=subprocess.PIPE, text=True)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError("prepare_rasa.py failed (its output above)")
    return Path(done.stdout.strip())


@contextlib.contextmanager
def running_stack(work: Path, rules: Path, model: Path) -> Iterator[Stack]:
    """Receiver, action server and Rasa on free loopback ports; stopped on exit."""
    work.mkdir(parents=True, exist_ok=True)
    webhook_secret, action_token = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    state_secret, receiver_token = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    jwt_secret = secrets.token_urlsafe(32)
    receiver_port, action_port, rasa_port = free_port(), free_port(), free_port()
    receiver = f"http://127.0.0.1:{receiver_port}"
    processes: list[subprocess.Popen[bytes]] = []
    files = []
    stack = Stack(f"http://127.0.0.1:{rasa_port}", receiver, receiver_token, jwt_secret, work)

    def start(
        name: str, command: list[str], env: dict[str, str], cwd: Path
    ) -> subprocess.Popen[bytes]:
        log = work / f"{name}.log"
        out = log.open("w")
        files.append(out)
        stack.logs[name] = log
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        processes.append(process)
        return process

    try:
        process = start(
            "receiver",
            [sys.executable, "-m", "handoff.delivery.receiver", "--port", str(receiver_port),
             "--db", str(work / "received.sqlite")],
            os.environ | {"HANDOFF_RECEIVER_SECRET": webhook_secret,
                          "HANDOFF_RECEIVER_TOKEN": receiver_token}, ROOT,
        )  # fmt: skip
        _wait(f"{receiver}/health", 60, process, stack.logs["receiver"])
        open_rules = always_open(rules, work / f"{rules.stem}-always-open.yaml")
        process = start(
            "actions", [sys.executable, "-m", "handoff.adapters.server"],
            os.environ | {
                "HANDOFF_RULES": str(open_rules),
                "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.sqlite'}",
                "HANDOFF_WEBHOOK_URL": f"{receiver}/payloads",
                "HANDOFF_WEBHOOK_SECRET": webhook_secret,
                "HANDOFF_ACTION_TOKEN": action_token,
                "HANDOFF_STATE_SECRET": state_secret,
                "HANDOFF_PSEUDONYM_KEY": secrets.token_urlsafe(32),
                "HANDOFF_PORT": str(action_port),
            }, ROOT,
        )  # fmt: skip
        _wait(f"http://127.0.0.1:{action_port}/health", 60, process, stack.logs["actions"])
        process = start(
            "rasa",
            [str(prepare_rasa.VENV / "bin" / "rasa"), "run", "--enable-api", f"--jwt-secret={jwt_secret}",
             "--jwt-method", "HS256", "-i", "127.0.0.1", "--port", str(rasa_port),
             "-m", str(model), "--endpoints", str(PROJECT / "endpoints.yml"),
             "--credentials", str(PROJECT / "credentials.yml")],
            prepare_rasa.rasa_env() | {"HANDOFF_ACTION_PORT": str(action_port),
                                       "HANDOFF_ACTION_TOKEN": action_token,
                                       "HANDOFF_RASA_EVENTS_DB": str((work / "rasa-events.sqlite").resolve()),
                                       # credentials.yml's callback channel; unused here
                                       "HANDOFF_CHAT_CALLBACK_URL": "http://127.0.0.1:9/",
                                       "HANDOFF_CHAT_CALLBACK_TOKEN": secrets.token_urlsafe(32)},
            PROJECT,
        )  # fmt: skip
        _wait(f"{stack.rasa}/", 300, process, stack.logs["rasa"])
        yield stack
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for out in files:
            out.close()


# ------------------------------------------------------------------------------ one run


@dataclass
class StackRun:
    """What the stack did with one conversation."""

    sender: str
    handoff_turn: int | None = None
    lane: str | None = None
    reason: str = ""
    rule: str | None = None
    intents: list[str] = field(default_factory=list)
    parses: list[dict[str, Any]] = field(default_factory=list)
    lane_after: str | None = None
    errors: list[str] = field(default_factory=list)


def _rule(slot: Any) -> str | None:
    """The escalating rule from the handoff_state slot (signed ``{"v","state","sig"}`` form)."""
    if isinstance(slot, dict):
        state = slot.get("state") if set(slot) == {"v", "state", "sig"} else slot
        if isinstance(state, dict) and isinstance(state.get("rule"), str):
            return str(state["rule"])
    return None


def run_conversation(
    client: httpx.Client, stack: Stack, conversation: EvalConversation, run_id: str
) -> StackRun:
    """Send each customer message and read the tracker after each (never raises)."""
    sender = f"eval-{run_id}-{conversation.id}"
    run = StackRun(sender)
    account = conversation.account
    metadata = {"tier": account.tier, "risk_flags": list(account.risk_flags)}
    headers = {"Authorization": f"Bearer {stack.admin_token()}"}
    for number, text in enumerate(conversation.customer, start=1):
        try:
            reply = client.post(
                f"{stack.rasa}/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata},
            )
            reply.raise_for_status()
            answer = client.get(f"{stack.rasa}/conversations/{sender}/tracker", headers=headers)
            answer.raise_for_status()
            tracker = answer.json()
        except (httpx.HTTPError, ValueError) as error:
            run.errors.append(f"message {number}: {type(error).__name__}: {error}")
            return run
        slots = tracker.get("slots") or {}
        if run.handoff_turn is not None:
            run.lane_after = slots.get("handoff_lane")
            continue
        latest = tracker.get("latest_message") or {}
        run.parses.append(latest)
        intent = latest.get("intent") or {}
        run.intents.append(
            f"{intent.get('name') or '(none)'} {float(intent.get('confidence') or 0):.2f}"
        )
        run.lane = slots.get("handoff_lane")
        run.reason = str(slots.get("handoff_reason") or "")
        if tracker.get("paused"):
            run.handoff_turn = number
            run.rule = _rule(slots.get("handoff_state"))
            run.lane_after = run.lane
    return run


def nlu_differences(run: StackRun, parses: NluParses) -> list[str]:
    """Messages whose parse by the running Rasa differs from the committed one."""
    out = []
    for number, live in enumerate(run.parses, start=1):
        stored = parses.get(str(live.get("text")))
        if stored is None:
            out.append(f"message {number}: no committed parse")
            continue
        mine = live.get("intent") or {}
        theirs = stored.intent or {}
        same = mine.get("name") == theirs.get("name") and math.isclose(
            float(mine.get("confidence") or 0), float(theirs.get("confidence") or 0),
            abs_tol=CONFIDENCE_TOLERANCE,
        )  # fmt: skip
        ranking = [(i.get("name"), round(float(i.get("confidence") or 0), 5))
                   for i in live.get("intent_ranking") or ()]  # fmt: skip
        committed = [(i.get("name"), round(float(i.get("confidence") or 0), 5))
                     for i in stored.intent_ranking]  # fmt: skip
        if not same or ranking != committed:
            out.append(
                f"message {number}: Rasa parsed {mine.get('name')} {mine.get('confidence')}, "
                f"committed {theirs.get('name')} {theirs.get('confidence')}"
            )
    return out


def stored_payloads(stack: Stack) -> dict[str, int]:
    """How many payloads the receiver stored (signature checked) per conversation id."""
    listing = httpx.get(f"{stack.receiver}/payloads", timeout=60,
                        headers={"Authorization": f"Bearer {stack.receiver_token}"})  # fmt: skip
    listing.raise_for_status()
    counts: dict[str, int] = {}
    for item in listing.json():
        key = str(item["payload"]["conversation_id"])
        counts[key] = counts.get(key, 0) + 1
    return counts


def _lost_payloads(stack: Stack, runs: dict[str, StackRun], wait: float = 60) -> list[str]:
    """Handoffs without exactly one stored payload, and lanes that moved after a pause.

    The outbox delivers asynchronously, so the receiver is polled until every handoff's
    payload has arrived or ``wait`` seconds have passed.
    """
    handed = {cid: run for cid, run in runs.items() if run.handoff_turn is not None}
    deadline = time.monotonic() + wait
    while True:
        stored = stored_payloads(stack)
        if all(stored.get(run.sender, 0) >= 1 for run in handed.values()):
            break
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    lost = [f"{cid}: handoff at message {run.handoff_turn} but {stored.get(run.sender, 0)} "
            "payloads stored" for cid, run in handed.items()
            if stored.get(run.sender, 0) != 1]  # fmt: skip
    unasked = [f"{cid}: {stored[run.sender]} payloads stored without a handoff"
               for cid, run in runs.items()
               if run.handoff_turn is None and stored.get(run.sender)]  # fmt: skip
    moved = [f"{cid}: lane changed after the pause ({run.lane} -> {run.lane_after})"
             for cid, run in handed.items() if run.lane_after != run.lane]  # fmt: skip
    return lost + unasked + moved


@dataclass
class StackEvaluation:
    """The stack's results beside the engine's, and everything that went wrong on the way."""

    evaluation: Evaluation
    runs: dict[str, StackRun]
    transport_errors: list[str]
    lost_payloads: list[str]
    nlu_differs: dict[str, list[str]]
    engine: Evaluation | None
    differences: list[str]


def evaluate_stack(
    stack: Stack, evalset: EvalSet, rules: Path, parses: NluParses | None,
    *, progress: bool = False,
) -> StackEvaluation:  # fmt: skip
    """Run every conversation through the stack, score it, compare with the engine."""
    router = Router.from_path(rules)
    kinds = {name: lane.kind for name, lane in router.ruleset.lanes.items()}
    run_id = uuid.uuid4().hex[:6]
    results: list[ConversationResult] = []
    runs: dict[str, StackRun] = {}
    errors: list[str] = []
    with httpx.Client(timeout=120) as client:
        for index, conversation in enumerate(evalset.conversations, start=1):
            run = run_conversation(client, stack, conversation, run_id)
            runs[conversation.id] = run
            errors.extend(f"{conversation.id}: {e}" for e in run.errors)
            lane = run.lane or router.ruleset.settings.default_lane
            kind = kinds.get(lane, "unknown")
            results.append(
                ConversationResult(
                    id=conversation.id,
                    category=conversation.category,
                    expected=conversation.expect,
                    outcome=score(conversation.expect, lane, kind, run.handoff_turn),
                    lane=lane,
                    lane_kind=kind,
                    handoff_turn=run.handoff_turn,
                    rule=run.rule,
                    reason=run.reason,
                    intents=tuple(run.intents),
                )
            )
            if progress and index % 25 == 0:
                print(f"  {index} of {len(evalset.conversations)} conversations", file=sys.stderr)
    lost = _lost_payloads(stack, runs)
    evaluation = Evaluation(
        ruleset=router.ruleset.name,
        ruleset_version=router.version,
        now=datetime.now(timezone.utc).replace(microsecond=0),
        nlu_fingerprint=prepare_rasa.fingerprint(),
        summary=summarize(results),
        conversations=tuple(results),
    )
    engine = None
    differs: dict[str, list[str]] = {}
    differences: list[str] = []
    if parses is not None:
        engine = evaluate(router, evalset, parses)
        differs = {cid: d for cid, run in runs.items() if (d := nlu_differences(run, parses))}
        by_id = {r.id: r for r in engine.conversations}
        for result in results:
            other = by_id[result.id]
            mine = (result.outcome, result.lane, result.handoff_turn)
            theirs = (other.outcome, other.lane, other.handoff_turn)
            if mine != theirs:
                nlu = "NLU differs: " + "; ".join(differs[result.id]) if result.id in differs \
                    else "same NLU"  # fmt: skip
                differences.append(
                    f"{result.id}: stack {mine[0]} {mine[1]}@{mine[2]}, engine {theirs[0]} "
                    f"{theirs[1]}@{theirs[2]} ({nlu})"
                )
    return StackEvaluation(evaluation, runs, errors, lost, differs, engine, differences)


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("-dirty" if dirty.strip() else "")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document(result: StackEvaluation, rules: Path, evalset: Path, model: Path) -> dict[str, Any]:
    """The results file: what ran, on what, and each conversation's outcome."""
    return {
        "kind": "stack",
        "commit": git_commit(),
        "date": result.evaluation.now.isoformat(),
        "rules": rules.relative_to(ROOT).as_posix() if rules.is_relative_to(ROOT) else str(rules),
        "rules_version": result.evaluation.ruleset_version,
        "evalset": evalset.relative_to(ROOT).as_posix()
        if evalset.is_relative_to(ROOT)
        else str(evalset),
        "evalset_sha256": sha256(evalset),
        "model": model.name,
        "model_fingerprint": prepare_rasa.fingerprint(),
        "rasa_version": prepare_rasa.RASA_VERSION,
        "conditions": "real Rasa 3.6 REST channel, handoff.adapters.server and the payload "
        "receiver on 127.0.0.1; rules with opening hours removed (all teams open)",
        "transport_errors": result.transport_errors,
        "lost_payloads": result.lost_payloads,
        "nlu_differs_from_parses": result.nlu_differs,
        "differences_from_engine": result.differences,
        "evaluation": result.evaluation.model_dump(mode="json"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", type=Path, default=RULES)
    parser.add_argument("--evalset", type=Path, default=EVALSET)
    parser.add_argument("--nlu", type=Path, default=PARSES,
                        help="committed parses, for the comparison with the engine")  # fmt: skip
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--work", type=Path, default=ROOT / ".e2e" / "evaluate-stack",
                        help="logs and databases of the stack (default .e2e/evaluate-stack)")  # fmt: skip
    args = parser.parse_args(argv)
    evalset = load_eval_set(args.evalset)
    parses = load_parses(args.nlu) if args.nlu.exists() else None
    model = model_path()
    print(f"starting the stack (logs: {args.work}/{{receiver,actions,rasa}}.log)", file=sys.stderr)
    with running_stack(args.work, args.rules.resolve(), model) as stack:
        started = time.monotonic()
        result = evaluate_stack(stack, evalset, args.rules, parses, progress=True)
        seconds = time.monotonic() - started
    total = result.evaluation.summary.total
    print(f"{total.conversations} conversations through the stack in {seconds:.0f} s: "
          f"{total.as_expected} routed as expected ({total.pct('as_expected'):.1f}%), "
          f"{total.false_escalation} false escalations, {total.missed} missed, {total.late} late, "
          f"{total.wrong_lane} wrong lane")  # fmt: skip
    print(f"transport errors: {len(result.transport_errors)}; lost payloads: "
          f"{len(result.lost_payloads)}; conversations whose NLU differs from the committed "
          f"parses: {len(result.nlu_differs)}")  # fmt: skip
    for line in result.transport_errors + result.lost_payloads:
        print(f"  {line}")
    print(f"differences from the engine evaluation: {len(result.differences)}")
    for line in result.differences:
        print(f"  {line}")
    if args.out:
        doc = document(result, args.rules.resolve(), args.evalset.resolve(), model)
        args.out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 1 if result.transport_errors or result.lost_payloads else 0


if __name__ == "__main__":
    sys.exit(main())
