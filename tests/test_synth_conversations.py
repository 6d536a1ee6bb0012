"""`handoff synth conversations`: a synthetic log of any size, reproducible from its seed,
varied, readable by `handoff replay`, written shard by shard in bounded memory."""

from __future__ import annotations

import json
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff.cli import cli
from handoff.cluster.synth import KINDS, conversations, shard_sizes, write_shard
from handoff.testing import conversation_from_data
from tests.conftest import RULES


def _synth(*args: str) -> str:
    result = CliRunner().invoke(cli, ["synth", "conversations", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    """Byte for byte; another seed writes other conversations."""
    _synth("300", "--out", str(tmp_path / "a"), "--shards", "3", "--seed", "5")
    _synth("300", "--out", str(tmp_path / "b"), "--shards", "3", "--seed", "5", "--jobs", "2")
    out = _synth("300", "--out", str(tmp_path / "c"), "--shards", "3", "--seed", "6")
    assert "wrote 300 conversations in 3 jsonl shards" in out
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == [f"conversations-0000{k}-of-00003.jsonl" for k in range(3)]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()
    ids = [
        json.loads(line)["id"]
        for name in names
        for line in (tmp_path / "a" / name).read_text().splitlines()
    ]
    assert ids == [f"syn-5-{n}" for n in range(300)]


def test_varied_readable_and_mostly_fresh() -> None:
    """Every kind shows up, every record is a routable conversation, texts rarely repeat."""
    records = list(conversations(1, 0, 2_000))
    kinds = Counter(r["metadata"]["synthetic"] for r in records)
    assert set(kinds) == set(KINDS)
    assert kinds["faq"] > kinds["legal"] > 0
    texts = [t["text"] for r in records for t in r["turns"] if t["role"] == "user"]
    short = {"hi", "hello", "hey there", "good morning", "agent please"}
    long_texts = [t for t in texts if t not in short and len(t) > 25]
    assert len(set(long_texts)) > 0.85 * len(long_texts)
    for record in records[:200]:
        loaded = conversation_from_data(record)
        turn = loaded.conversation.user_turns[-1]
        assert turn.intent is not None
        assert 0.0 <= turn.intent.confidence <= 1.0
        assert turn.timestamp is not None
    tiers = Counter(r["account"]["tier"] for r in records)
    assert tiers["gold"] + tiers["platinum"] > 0


def test_a_shard_is_written_in_bounded_memory(tmp_path: Path) -> None:
    """Record by record: the memory peak is a small fraction of the file."""
    write_shard(tmp_path, 0, shards=1, count=10, first=0, seed=0, fmt="jsonl")  # warm-up
    tracemalloc.start()
    try:
        path = write_shard(tmp_path, 1, shards=2, count=5_000, first=0, seed=0, fmt="jsonl")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert path.stat().st_size > 3_000_000
    assert peak < path.stat().st_size / 10, (peak, path.stat().st_size)


def test_shard_sizes_split_evenly() -> None:
    assert shard_sizes(10, 3) == [4, 3, 3]
    assert shard_sizes(2, 4) == [1, 1, 0, 0]
    assert sum(shard_sizes(1_000_000, 64)) == 1_000_000


def test_a_folder_with_shards_is_not_written_over(tmp_path: Path) -> None:
    """Nothing lost: a second log into the same folder is refused, the first untouched."""
    _synth("10", "--out", str(tmp_path), "--shards", "2")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = CliRunner().invoke(cli, ["synth", "conversations", "10", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "holds shards already" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("fmt", ["jsonl.gz", "parquet"])
def test_replay_reads_what_synth_writes(tmp_path: Path, fmt: str) -> None:
    """The generated log is the replay's input, in every format."""
    _synth("60", "--out", str(tmp_path), "--shards", "2", "--format", fmt)
    result = CliRunner().invoke(
        cli, ["replay", str(RULES / "default.yaml"), str(tmp_path), "--now", "2026-11-24T10:30Z"]
    )
    assert result.exit_code == 0, result.output
    assert "lanes (60 conversations)" in result.stdout
