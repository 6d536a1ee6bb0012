"""Same-output check for the story and language matching (issue 16, p23).

Runs ``story_cues``, ``unspaced_cues``, ``lone_cues`` and the token cues of
:mod:`handoff.signals.text` on every customer message of every routing set
(tests/data/routing_*/banking.yaml) and every text of the frustration sets, and writes one
SHA-256 per set of those outputs (JSON lines), plus the total. Run before and after a change
to the matching and compare the files. The blind sets (BLIND) are included only as hashes:
no text or result of theirs is printed or written, only the digest of the outputs.

    .venv/bin/python scripts/story_prefilter_check.py /tmp/before.json
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
BLIND = frozenset(
    {
        "routing_holdout13",
        "routing_holdout14",
        "routing_holdout15",
        "routing_holdout16",
        "routing_holdout17",
        "routing_holdout18",
        "routing_holdout19",
        "routing_holdout20",
        "routing_holdout21",
        "routing_holdout22",
    }
)


def _routing_texts(path: Path) -> list[str]:
    from handoff.evaluation import load_eval_set  # noqa: PLC0415

    eval_set = load_eval_set(path)
    return [m for c in eval_set.conversations for m in c.customer]


def _tsv_texts(path: Path) -> list[str]:
    csv.field_size_limit(10**7)
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row["text"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def sets() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(DATA.glob("routing_*/banking.yaml")):
        found[path.parent.name] = _routing_texts(path)
    for path in sorted(DATA.glob("frustration*/*.tsv")):
        found[f"{path.parent.name}/{path.name}"] = _tsv_texts(path)
    return found


def outputs(text: str) -> str:
    from handoff.signals import text as text_module  # noqa: PLC0415
    from handoff.signals.routing_lexicon import lone_cues, unspaced_cues  # noqa: PLC0415
    from handoff.signals.stories import story_cues  # noqa: PLC0415

    tokens = text_module._tokens(text)
    lowered = [t.group().lower() for t in tokens]
    return json.dumps(
        [
            story_cues(text),
            unspaced_cues(text),
            lone_cues(text),
            text_module._token_cues(text, tokens, lowered),
        ],
        ensure_ascii=False,
    )


def main() -> int:
    out = Path(sys.argv[1])
    report: dict[str, dict[str, object]] = {}
    total = hashlib.sha256()
    for name, texts in sets().items():
        digest = hashlib.sha256()
        for text in texts:
            digest.update(outputs(text).encode())
            digest.update(b"\n")
        report[name] = {"texts": len(texts), "sha256": digest.hexdigest()}
        total.update(digest.digest())
    count = sum(int(str(r["texts"])) for r in report.values())
    report["TOTAL"] = {"texts": count, "sha256": total.hexdigest()}
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(count, total.hexdigest())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
