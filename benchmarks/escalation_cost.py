"""What the learned escalation score costs per turn, warm, on this machine.

Not part of the timed suite (no pytest collection: the name does not start with bench_).
Every customer message of the development routing set (tests/data/routing_dev/, played as
the evaluation plays it, with the committed NLU parses) has its signals computed once; then,
over those signals, the score alone (features and weight look-ups,
handoff.signals.escalation) and attaching it to the signals (the pydantic model_copy that
extract does), next to the whole signal extraction for the same turns (text analysis cached,
as on a live conversation's later turns). Best of 7 rounds, so the figure is the machine's
quiet-time cost, not its noise.

    .venv/bin/python benchmarks/escalation_cost.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from handoff import Router
from handoff.evaluation import load_eval_set, load_parses, transcript
from handoff.signals import escalation

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "routing_dev"
ROUNDS = 7


def main() -> None:
    router = Router.from_path(ROOT / "rules" / "banking.yaml")
    evalset = load_eval_set(DEV / "banking.yaml")
    parses = load_parses(DEV / "nlu" / "banking.jsonl")
    conversations = [
        transcript(c, parses, n)
        for c in evalset.conversations
        for n in range(1, len(c.customer) + 1)
    ]
    signals = [router.signals(c) for c in conversations]  # warm: every text analysed once
    model = escalation.load()

    def best(run: Callable[[], object]) -> float:
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times) / len(signals) * 1e6

    score = best(lambda: [model.score(s) for s in signals])
    attach = best(lambda: [s.model_copy(update={"escalation_score": 0.5}) for s in signals])
    whole = best(lambda: [router.signals(c) for c in conversations])
    print(f"{len(signals)} turns of {len(evalset.conversations)} conversations, best of {ROUNDS}")
    print(f"escalation score:           {score:6.2f} us per turn")
    print(f"attaching it to the signals: {attach:5.2f} us per turn")
    print(f"whole signal extraction:    {whole:6.2f} us per turn (text analysis cached)")


if __name__ == "__main__":
    main()
