"""Synthetic support conversations of any size, for replay benchmarks, load tests and demos.

Each conversation is one JSON object in the line format ``handoff replay`` reads, drawn
from one of a few kinds a contact centre sees: calm FAQs, customers asking for a person,
frustration building over several turns, fraud reports, unhappy VIP customers, the bot
failing to understand, churn and legal threats. Texts are templates filled at random
(products, amounts, references, dates, names, filler), so almost every message is new and
per-process caches cannot make a replay unrealistically cheap. User turns carry intents
with confidences (and rankings), every turn a timestamp (the conversations are spread over
a year); ``metadata.synthetic`` names the kind. Replay them with ``--now`` for a
reproducible result: opening hours are judged at that moment.

Generation is shard by shard and record by record: memory stays bounded whatever the size,
and shard ``k`` of seed ``s`` is the same on every machine (its own random stream), so
shards can be written in parallel or regenerated one at a time. Ids and customers are made
up: nothing here is anyone's data.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from handoff.cluster import ClusterError
from handoff.cluster.shards import PARQUET_COLUMN

__all__ = ["FORMATS", "KINDS", "conversations", "shard_name", "shard_sizes", "write_shard"]

Format = Literal["jsonl", "jsonl.gz", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "jsonl.gz", "parquet")
_SUFFIX = {"jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "parquet": ".parquet"}
_PARQUET_ROWS = 8_192  # rows per Parquet row group (and per write)

_YEAR_START = datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp()
_YEAR = 365 * 86_400

# kind -> share of conversations
KINDS: dict[str, float] = {
    "faq": 0.40,
    "asks_for_human": 0.12,
    "frustrated": 0.14,
    "bot_failing": 0.12,
    "vip_unhappy": 0.08,
    "fraud": 0.05,
    "churn": 0.05,
    "legal": 0.02,
    "unsure": 0.02,
}
_KIND_NAMES = tuple(KINDS)
_KIND_WEIGHTS = tuple(KINDS.values())

_PRODUCTS = (
    "card", "debit card", "credit card", "savings account", "mortgage", "loan", "app",
    "online banking", "transfer", "direct debit", "standing order", "overdraft", "order",
    "parcel", "subscription", "refund", "invoice", "voucher", "phone plan", "router",
)  # fmt: skip
_FILLER = (
    "today", "yesterday", "this morning", "last week", "again", "please", "quickly", "now",
    "for my partner", "from abroad", "on my phone", "on the website", "at the shop",
    "before friday", "this month", "since monday", "right away", "if possible",
)  # fmt: skip
_NAMES = ("Sam", "Alex", "Priya", "Jordan", "Maria", "Chen", "Olu", "Fatima", "Luca", "Ana")
_CHANNELS = ("web", "web", "web", "whatsapp", "messenger", "app")
_TIERS = ("standard",) * 8 + ("silver", "gold")

_FAQ = (
    ("what time do you open on {day}?", "faq_opening_hours"),
    ("how do I change the pin on my {product}?", "change_pin"),
    ("where can I see my {product} statement from {month}?", "statement"),
    ("is there a fee for a {product} {filler}?", "fees"),
    ("how long does a {product} take to arrive?", "delivery_time"),
    ("can I update my address {filler}?", "update_address"),
    ("what is the limit on my {product}?", "limits"),
    ("how do I activate my new {product}?", "activate"),
    ("hi, quick question about my {product} reference {ref}", "general_question"),
)
_THANKS = ("thanks!", "great, thank you", "perfect, that helps", "ok thanks {name}", "cheers")
_HUMAN = (
    "can I speak to a real person please",
    "I want to talk to a human about my {product}",
    "agent please",
    "put me through to someone, this is about {ref}",
    "is there a person I can chat to about the {amount} charge?",
)
_ISSUE = (
    "my {product} payment of {amount} failed {filler}",
    "I was charged {amount} twice for {ref}",
    "my {product} is not working {filler}",
    "the {product} I ordered on {day} never arrived ({ref})",
    "why was {amount} taken from my {product}?",
)
_ANGRIER = (
    "this is the third time I'm asking about {ref}",
    "still not fixed. I already told you about the {product}",
    "you're not listening. {amount} is missing",
    "this is ridiculous!! nobody answers about my {product}",
    "I'm really fed up with this {product}, it's been {days} days",
    "seriously?? the same answer again",
    "WHY IS MY {product_upper} STILL BLOCKED",
    "great, another useless answer. thanks for nothing",
)
_FRAUD = (
    "there's a payment of {amount} I didn't make on my {product}",
    "someone used my card in {city}, I never went there",
    "I think my account was hacked, {amount} went to {ref}",
    "I got a text asking for my pin and I replied, what do I do",
)
_CHURN = (
    "I'm closing my account if this isn't sorted by {day}",
    "I'll move to another bank, I've had enough of the {product}",
    "cancel my {product}, I'm leaving",
)
_LEGAL = (
    "I will take this to the ombudsman if {ref} isn't refunded",
    "my lawyer will be in touch about the {amount}",
    "I'm reporting you to the regulator over this {product}",
)
_GIBBERISH = (
    "hmm {filler}", "the thing with the {product}", "{ref}?", "you know what I mean",
    "same as before {filler}", "erm the {product} {product2}",
)  # fmt: skip
_BOT = (
    ("Sure, here is what I found about that.", "utter_answer"),
    ("Let me check that for you.", "action_lookup"),
    ("I can help with that. Could you confirm the last 4 digits?", "utter_ask_digits"),
    ("Thanks, I've noted that.", "utter_noted"),
)
_FALLBACK = ("Sorry, I didn't get that. Could you rephrase?", "action_default_fallback")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august")
_CITIES = ("Lisbon", "Madrid", "Leeds", "Lagos", "Dublin", "Porto", "Krakow", "Bristol")


def shard_sizes(count: int, shards: int) -> list[int]:
    """How many conversations each shard holds: ``count`` split as evenly as it goes."""
    if count < 0 or shards < 1:
        raise ClusterError("give a count of 0 or more and at least one shard")
    base, extra = divmod(count, shards)
    return [base + (k < extra) for k in range(shards)]


def shard_name(index: int, shards: int, fmt: Format) -> str:
    """``conversations-00003-of-00064.jsonl``: sorts in shard order."""
    return f"conversations-{index:05d}-of-{shards:05d}{_SUFFIX[fmt]}"


class _Draw:
    """One shard's random stream and the text fills drawn from it."""

    def __init__(self, seed: int, shard: int) -> None:
        self.rng = random.Random(f"handoff-synth:{seed}:{shard}")

    def fill(self, template: str, name: str) -> str:
        rng = self.rng
        product = rng.choice(_PRODUCTS)
        values = {
            "product": product,
            "product2": rng.choice(_PRODUCTS),
            "product_upper": product.upper(),
            "filler": rng.choice(_FILLER),
            "amount": f"£{rng.randint(2, 2_500)}.{rng.randint(0, 99):02d}",
            "ref": f"{rng.choice('ABCDEFGHJKMNPQRSTUVWXYZ')}{rng.randint(100_000, 999_999)}",
            "day": rng.choice(_DAYS),
            "month": rng.choice(_MONTHS),
            "days": str(rng.randint(2, 30)),
            "city": rng.choice(_CITIES),
            "name": name,
        }
        text = template.format(**values)
        if rng.random() < 0.75:  # a tail of fresh words: few messages alike
            text += f" ({rng.choice(_FILLER)}, ref {rng.randint(1_000, 99_999)})"
        return text

    def intent(self, name: str, low: float, high: float) -> dict[str, Any]:
        rng = self.rng
        confidence = round(rng.uniform(low, high), 3)
        runner = round(rng.uniform(0.0, min(confidence, 1.0 - confidence)), 3)
        other = rng.choice(("greet", "statement", "fees", "nlu_fallback", "chitchat"))
        return {
            "intent": {"name": name, "confidence": confidence},
            "intent_ranking": [
                {"name": name, "confidence": confidence},
                {"name": other, "confidence": runner},
            ],
        }


def _turns(draw: _Draw, kind: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    """(role, fields) of the conversation's turns, without timestamps."""
    rng = draw.rng
    user: list[tuple[str, dict[str, Any]]] = []

    def say(template: str, intent: str, low: float = 0.75, high: float = 0.99) -> None:
        user.append(("user", {"text": draw.fill(template, name), **draw.intent(intent, low, high)}))

    if rng.random() < 0.5:
        say(rng.choice(("hi", "hello", "hey there", "good morning")), "greet", 0.9, 0.99)
    if kind == "faq":
        for _ in range(rng.randint(1, 3)):
            template, intent = rng.choice(_FAQ)
            say(template, intent)
        if rng.random() < 0.6:
            say(rng.choice(_THANKS), "thank_you", 0.85, 0.99)
    elif kind == "asks_for_human":
        if rng.random() < 0.6:
            say(rng.choice(_ISSUE), "report_problem", 0.6, 0.95)
        say(rng.choice(_HUMAN), "request_human", 0.7, 0.99)
    elif kind == "frustrated":
        say(rng.choice(_ISSUE), "report_problem", 0.6, 0.95)
        for _ in range(rng.randint(1, 4)):
            say(rng.choice(_ANGRIER), "complain", 0.4, 0.9)
    elif kind == "bot_failing":
        say(rng.choice(_ISSUE), "report_problem", 0.5, 0.9)
        for _ in range(rng.randint(1, 3)):
            say(rng.choice(_GIBBERISH), "nlu_fallback", 0.1, 0.35)
    elif kind == "vip_unhappy":
        say(rng.choice(_ISSUE), "report_problem", 0.6, 0.95)
        say(rng.choice(_ANGRIER[:5]), "complain", 0.5, 0.9)
    elif kind == "fraud":
        say(rng.choice(_FRAUD), "report_fraud", 0.6, 0.98)
        if rng.random() < 0.5:
            say("please block it {filler}", "block_card", 0.7, 0.98)
    elif kind == "churn":
        say(rng.choice(_ISSUE), "report_problem", 0.6, 0.95)
        say(rng.choice(_CHURN), "cancel", 0.5, 0.95)
    elif kind == "legal":
        say(rng.choice(_ISSUE), "report_problem", 0.6, 0.95)
        say(rng.choice(_LEGAL), "complain", 0.5, 0.95)
    else:  # unsure: the bot cannot tell what the customer wants
        for _ in range(rng.randint(3, 4)):
            say(rng.choice(_GIBBERISH), rng.choice(("statement", "fees", "limits")), 0.2, 0.38)
    turns: list[tuple[str, dict[str, Any]]] = []
    for index, turn in enumerate(user):
        turns.append(turn)
        if index == len(user) - 1 and rng.random() < 0.5:
            break  # the log ends on the customer's message, where routing decides
        failed = turn[1]["intent"]["name"] == "nlu_fallback"
        text, action = _FALLBACK if failed else rng.choice(_BOT)
        turns.append(("bot", {"text": text, "action": action}))
    return turns


def conversations(seed: int, shard: int, count: int, first: int = 0) -> Iterator[dict[str, Any]]:
    """``count`` conversations for shard ``shard`` of seed ``seed`` (ids from ``first``),
    one at a time, always the same for the same arguments."""
    draw = _Draw(seed, shard)
    rng = draw.rng
    for offset in range(count):
        number = first + offset
        kind = rng.choices(_KIND_NAMES, _KIND_WEIGHTS)[0]
        name = rng.choice(_NAMES)
        tier = rng.choice(("gold", "platinum")) if kind == "vip_unhappy" else rng.choice(_TIERS)
        account: dict[str, Any] = {"customer_id": f"syn-cust-{seed}-{number}", "tier": tier}
        if kind == "fraud" and rng.random() < 0.3:
            account["risk_flags"] = ["fraud_watch"]
        start = _YEAR_START + rng.random() * _YEAR
        moment = start
        turns = []
        for role, fields in _turns(draw, kind, name):
            moment += rng.uniform(2.0, 90.0)
            turns.append({"role": role, **fields, "timestamp": round(moment, 3)})
        yield {
            "id": f"syn-{seed}-{number}",
            "channel": rng.choice(_CHANNELS),
            "account": account,
            "turns": turns,
            "metadata": {"synthetic": kind},
        }


def write_shard(
    folder: str | Path, index: int, *, shards: int, count: int, first: int, seed: int, fmt: Format
) -> Path:
    """Write shard ``index`` of ``shards`` (``count`` conversations, ids from ``first``) into
    ``folder`` and return its path. Written to a temporary name and renamed when complete,
    so a shard that exists is whole."""
    if fmt not in FORMATS:
        raise ClusterError(f"{fmt!r}: the format is one of {', '.join(FORMATS)}")
    target = Path(folder) / shard_name(index, shards, fmt)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        if fmt == "parquet":
            _write_parquet(partial, conversations(seed, index, count, first))
        else:
            opener = gzip.open if fmt == "jsonl.gz" else open
            with opener(partial, "wt", encoding="utf-8") as out:
                for record in conversations(seed, index, count, first):
                    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
                    out.write("\n")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _write_parquet(path: Path, records: Iterator[dict[str, Any]]) -> None:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415  (cluster extra)
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # noqa: PLC0415
    except ModuleNotFoundError:
        raise ClusterError(
            "writing Parquet needs pyarrow: pip install 'handoff-router[cluster]'"
        ) from None
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("kind", pa.string()),
            (PARQUET_COLUMN, pa.string()),
        ]
    )
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: dict[str, list[str]] = {name: [] for name in schema.names}

        def flush() -> None:
            writer.write_table(pa.Table.from_pydict(batch, schema=schema))
            for column in batch.values():
                column.clear()

        for record in records:
            batch["id"].append(record["id"])
            batch["kind"].append(record["metadata"]["synthetic"])
            batch[PARQUET_COLUMN].append(
                json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            )
            if len(batch["id"]) >= _PARQUET_ROWS:
                flush()
        if batch["id"]:
            flush()
