"""Rebuild texts.jsonl.gz: every text of the shared data sets not already in the repository.

tests/test_vader_fast.py compares handoff's faster VADER with vaderSentiment on every text of
the VADER tweets, GoEmotions, BANKING77 and CLINC150 sets. Most of them are already here
(tests/data/vader, tests/data/frustration_train/train.jsonl.gz); this file holds the rest.

    .venv/bin/python tests/data/vader_equality/build.py   # reads $SHARED_DATA (/work/shared/data)
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent
SHARED = Path(os.environ.get("SHARED_DATA", "/work/shared/data"))


def main() -> None:
    have: set[str] = set()
    with gzip.open(DATA / "frustration_train" / "train.jsonl.gz", "rt", encoding="utf-8") as f:
        have.update(json.loads(line)["text"] for line in f)
    with open(DATA / "vader" / "tweets_GroundTruth.txt", encoding="utf-8") as f:
        have.update(line.rstrip("\n").split("\t", 2)[2] for line in f)
    rows: list[dict[str, str]] = []

    def add(source: str, text: str) -> None:
        if text not in have:
            have.add(text)
            rows.append({"source": source, "text": text})

    for split in ("train", "dev", "test"):
        with open(SHARED / "goemotions" / f"{split}.tsv", encoding="utf-8") as f:
            for line in f:
                add(f"goemotions/{split}", line.split("\t")[0])
    for split in ("train", "test"):
        with open(SHARED / "banking77" / f"{split}.csv", encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            for row in reader:
                add(f"banking77/{split}", row[0])
    with open(SHARED / "clinc150" / "data_full.json", encoding="utf-8") as f:
        for split, pairs in json.load(f).items():
            for text, _intent in pairs:
                add(f"clinc150/{split}", text)
    with gzip.GzipFile(HERE / "texts.jsonl.gz", "wb", mtime=0) as out:
        for row in rows:
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode())
    print(f"{len(rows)} texts")


if __name__ == "__main__":
    main()
