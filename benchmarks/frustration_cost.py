"""What the learned frustration model costs per message, warm, on this machine.

Not part of the timed suite (no pytest collection: the name does not start with bench_).
Times, over the 246 messages of tests/data/frustration/support_messages.tsv (mean 77
characters), each message analysed uncached: the whole analysis (VADER, lexicon, learned
model, blend) and the learned part alone (features, weight look-ups, whether the model knows
the words, shapes, blend). Best of 7 rounds of the whole set, so the figure is the machine's
quiet-time cost, not its noise.

    .venv/bin/python benchmarks/frustration_cost.py
"""

from __future__ import annotations

import csv
import statistics
import time
from pathlib import Path

from handoff.signals import learned
from handoff.signals.text import _capped, _lexicon, _words, analyze_text

SET = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "frustration" / "support_messages.tsv"
)
ROUNDS = 7


def main() -> None:
    with SET.open(encoding="utf-8", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    words = [_words(t) for t in texts]
    uncached = analyze_text.__wrapped__
    for t in texts:  # warm: spaCy, VADER and the model are loaded, code paths run once
        uncached(t)

    def best(run: object) -> float:
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            run()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times) / len(texts) * 1e6

    whole = best(lambda: [uncached(t) for t in texts])
    lexicon = best(lambda: [_lexicon(_capped(t)) for t in texts])
    pairs = list(zip(texts, words, strict=True))

    def learned_part(text: str, w: list[str]) -> float:
        logit, _ = learned.logit_and_knows(w)
        return learned.blend(0.0, logit, shapes=learned.shape(text, w, logit))

    model = best(lambda: [learned_part(t, w) for t, w in pairs])
    chars = statistics.mean(len(t) for t in texts)
    print(f"{len(texts)} messages, mean {chars:.0f} characters, best of {ROUNDS} rounds")
    print(
        f"analyze_text, uncached (VADER + lexicon + learned model + blend): {whole:.1f} us/message"
    )
    print(f"VADER + lexicon only (no learned part, no result object): {lexicon:.1f} us/message")
    print(f"learned part alone (features, look-ups, knows, shapes, blend): {model:.1f} us/message")


if __name__ == "__main__":
    main()
