"""Per-message cost of story_cues before and after a change, interleaved in one process.

Loads ``handoff/signals/stories.py`` of another checkout (``--before DIR``, e.g. a ``git
archive`` of the parent commit) beside this checkout's, checks both give the same output on
every text, then times each on the same texts in alternating rounds (so load from other
processes falls on both alike) and prints the median per-message cost of each round kind.
Texts: the customer messages of the tuning routing sets (never the blind ones) and the
frustration sets, split into ASCII (mostly English) and the rest.

    .venv/bin/python scripts/story_prefilter_bench.py --before /tmp/base
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from story_prefilter_check import BLIND, sets

from handoff.signals.stories import story_cues


def _load(path: Path) -> Callable[[str], list[tuple[str, int, int]]]:
    spec = importlib.util.spec_from_file_location("stories_before", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.story_cues  # type: ignore[no-any-return]


def _cost(function: Callable[[str], object], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        function(text)
    return (time.perf_counter() - started) / len(texts) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    before = _load(args.before / "handoff" / "signals" / "stories.py")
    texts = [t for name, found in sets().items() if name not in BLIND for t in found]
    groups = {
        "ascii": [t for t in texts if t.isascii()],
        "other": [t for t in texts if not t.isascii()],
    }
    for text in texts:
        assert before(text) == story_cues(text), "outputs differ"
    result: dict[str, object] = {"texts": {k: len(v) for k, v in groups.items()}}
    for name, group in groups.items():
        costs: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(args.rounds):
            costs["before"].append(_cost(before, group))
            costs["after"].append(_cost(story_cues, group))
        result[name] = {
            k: {"median_us": round(statistics.median(v), 2), "min_us": round(min(v), 2)}
            for k, v in costs.items()
        }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
