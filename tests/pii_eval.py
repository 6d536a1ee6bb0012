"""Measure PII redaction: recall on positive corpora, false positives on negative corpora, cost.

Used by tests/test_pii_obfuscated.py and runnable by hand (from the repository root):

    .venv/bin/python -m tests.pii_eval            # recall, false positives, per-kind table
    .venv/bin/python -m tests.pii_eval --timing   # plus the cost of redact() per message
    .venv/bin/python -m tests.pii_eval --baseline 27bbe0a --timing   # before/after, same run

A value counts as *gone* only if it is absent from the redacted text both as written and
after normalising both sides (NFKC, format characters removed, lower case) and stripping
separators; short values (CVV, expiry) are looked for as whole tokens instead, because
three digits stripped of context occur everywhere.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import timeit
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from handoff.signals import pii

DATA = Path(__file__).resolve().parent / "data" / "pii"
LABEL = re.compile(r"\[(?:CARD|EMAIL|PHONE|IBAN|SSN|CVV|EXPIRY)\]")
_SEPARATORS = re.compile(r"[\W_]+")
_SHORT = 6  # compact values this short are checked as whole tokens


@dataclass(frozen=True)
class Case:
    message: str
    kinds: tuple[str, ...]
    values: tuple[str, ...]


@dataclass
class Recall:
    total: int = 0
    gone: int = 0
    survivors: list[tuple[str, str]] = field(default_factory=list)  # (message, value)
    by_kind: Counter[str] = field(default_factory=Counter)
    gone_by_kind: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.gone / self.total if self.total else 1.0


@dataclass
class FalsePositives:
    messages: int = 0
    changed: list[tuple[str, str]] = field(default_factory=list)  # (message, redacted)
    tokens: int = 0  # labels that replaced something that was not PII


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf").lower()


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", _normal(text))


def survives(value: str, redacted: str) -> bool:
    """Whether ``value`` (or a reformatting of it) is still readable in ``redacted``."""
    compact = _compact(value)
    if len(compact) <= _SHORT:
        token = re.escape(_normal(value))
        return re.search(rf"(?<![0-9a-z]){token}(?![0-9a-z])", _normal(redacted)) is not None
    return value in redacted or compact in _compact(LABEL.sub(" ", redacted))


def load_cases(name: str = "obfuscated_corpus.tsv") -> list[Case]:
    cases = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        message, kinds, *values = line.split("\t")
        cases.append(Case(message, tuple(kinds.split(",")), tuple(values)))
    return cases


def load_lines(name: str) -> list[str]:
    return [
        line
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def legacy_cases() -> list[Case]:
    """The older corpus (pii_corpus.txt + pii_values.txt) as cases: each line's values."""
    values = load_lines("pii_values.txt")
    return [
        Case(line, ("legacy",), tuple(v for v in values if v in line))
        for line in load_lines("pii_corpus.txt")
    ]


def _value_kind(case: Case, index: int) -> str:
    if len(case.kinds) == len(case.values):
        return case.kinds[index]
    return case.kinds[0]


def measure_recall(redact: Callable[[str], str], cases: Iterable[Case]) -> Recall:
    result = Recall()
    for case in cases:
        redacted = redact(case.message)
        for index, value in enumerate(case.values):
            kind = _value_kind(case, index)
            result.total += 1
            result.by_kind[kind] += 1
            if survives(value, redacted):
                result.survivors.append((case.message, value))
            else:
                result.gone += 1
                result.gone_by_kind[kind] += 1
    return result


def measure_false_positives(redact: Callable[[str], str], lines: Iterable[str]) -> FalsePositives:
    result = FalsePositives()
    for line in lines:
        result.messages += 1
        redacted = redact(line)
        if redacted != line:
            result.changed.append((line, redacted))
            result.tokens += len(LABEL.findall(redacted)) - len(LABEL.findall(line))
    return result


def time_redact(redact: Callable[[str], str], messages: list[str], rounds: int = 5) -> float:
    """Median microseconds per call of ``redact`` (uncached) over ``messages``, warm."""
    for message in messages:  # warm: lazy imports, compiled patterns, metadata
        redact(message)
    number = 20
    times = timeit.repeat(lambda: [redact(m) for m in messages], repeat=rounds, number=number)
    return statistics.median(times) / (number * len(messages)) * 1e6


def timing_messages() -> list[str]:
    """About 100-character messages: half with PII, half without."""
    pos = [c.message for c in load_cases()] + load_lines("pii_corpus.txt")
    neg = load_lines("obfuscated_negatives.txt") + load_lines("clean_corpus.txt")

    def widen(text: str) -> str:
        return (text + " - sent from my phone, please answer soon as this is urgent")[:100]

    return [widen(m) for m in pos[:60]] + [widen(m) for m in neg[:60]]


def load_revision(rev: str) -> ModuleType:
    """handoff/signals/pii.py as it was at git revision ``rev``, as a separate module."""
    source = subprocess.run(
        ["git", "show", f"{rev}:handoff/signals/pii.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=DATA.parent.parent.parent,
    ).stdout
    module = ModuleType(f"pii_at_{rev}")
    module.__dict__["__name__"] = module.__name__
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"pii.py@{rev}", "exec"), module.__dict__)
    return module


def compare_timing(old: Callable[[str], str], new: Callable[[str], str]) -> str:
    """Old and new redact(), uncached and warm, interleaved so that load hits both alike."""
    messages = timing_messages()
    half = len(messages) // 2
    lines = []
    for title, subset in (("with PII", messages[:half]), ("without PII", messages[half:])):
        olds, news = [], []
        for _ in range(5):
            olds.append(time_redact(old, subset, rounds=1))
            news.append(time_redact(new, subset, rounds=1))
        lines.append(
            f"  {title:12} before {statistics.median(olds):6.1f} us, "
            f"after {statistics.median(news):6.1f} us per ~100-char message"
        )
    return "\n".join(lines)


def report(redact: Callable[[str], str], timing: bool = False) -> str:
    lines = []
    for title, cases in (("obfuscated", load_cases()), ("legacy pii_corpus", legacy_cases())):
        recall = measure_recall(redact, cases)
        lines.append(f"{title}: recall {recall.gone}/{recall.total} = {recall.rate:.1%}")
        for kind in sorted(recall.by_kind):
            lines.append(f"  {kind:8} {recall.gone_by_kind[kind]}/{recall.by_kind[kind]}")
        for message, value in recall.survivors:
            lines.append(f"  SURVIVED {value!r} in {message!r}")
    for name in ("obfuscated_negatives.txt", "clean_corpus.txt"):
        fp = measure_false_positives(redact, load_lines(name))
        lines.append(
            f"{name}: {len(fp.changed)}/{fp.messages} messages changed, "
            f"{fp.tokens} tokens wrongly redacted"
        )
        for line, redacted in fp.changed:
            lines.append(f"  CHANGED {line!r} -> {redacted!r}")
    if timing:
        uncached = getattr(pii.redact, "__wrapped__", pii.redact)
        messages = timing_messages()
        per_call = time_redact(uncached, messages)
        lines.append(
            f"redact() uncached, warm: {per_call:.1f} us per ~100-char message "
            f"(median of 5 rounds, {len(messages)} messages, half with PII)"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timing", action="store_true")
    parser.add_argument(
        "--baseline", metavar="REV", help="also measure pii.py at this git revision, and compare"
    )
    args = parser.parse_args()
    if args.baseline:
        old = load_revision(args.baseline)
        print(f"== {args.baseline}")
        print(report(old.redact))
        print("== working tree")
    print(report(pii.redact, timing=args.timing and not args.baseline))
    if args.baseline and args.timing:
        old_redact = getattr(old.redact, "__wrapped__", old.redact)
        new_redact = getattr(pii.redact, "__wrapped__", pii.redact)
        print("redact() uncached, warm, median of 5 interleaved rounds of 20 passes:")
        print(compare_timing(old_redact, new_redact))


if __name__ == "__main__":
    main()
