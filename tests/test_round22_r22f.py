"""Round 22 (r22f): frustration parts read by concept over the conversation
(handoff.signals.spread): a stake told as a consequence for the customer's life, a fault by
any failure verb, money there as any amount, time spent and counts of tries, another channel
tried, and a lone evaluative word that is sarcasm only after trouble told earlier.

The sentences below are written for these tests (none is a conversation of the routing sets).
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from handoff.signals.text import analyze_text
from tests import escalation_model as em
from tests.conftest import play_carried, play_parsed

_NOW = datetime(2026, 12, 5, 11, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(em.RULES)


def _route(router: Router, *messages: str) -> tuple[str, int | None, str | None]:
    result = play_parsed(router, [(m, "out_of_scope", 0.9) for m in messages], _NOW)
    return result.lane, result.handoff_turn, result.rule


@pytest.mark.parametrize(
    "messages",
    [
        # a failure verb after its thing, an amount there, a late fee as the consequence
        (
            "my standing order to the landlord bounced",
            "I had 500 quid sitting in there",
            "and now there's a late fee on top",
        ),
        # rejected at a shop, money in, stuck at the till (a state, not a due date)
        (
            "payment rejected at the supermarket",
            "there's €90 in my account",
            "standing at the till with a trolley full of shopping",
        ),
        # how long, paying for it, then a lone mock word
        (
            "a transfer abroad takes a whole week",
            "and I'm paying for this",
            "splendid",
        ),
        # time spent on hold, the fault, a lone "oh wonderful"
        ("been on hold for 25 mins", "the transfer still hasn't arrived", "oh wonderful"),
        # taken twice (a fault), the children as the stake, mock thanks
        ("my mortgage payment got taken twice", "the kids need shoes", "thanks a lot"),
        # a count of tries alone, after the fault and the stake, then "how helpful"
        ("the app froze my card payment for the gas bill", "three times", "how helpful"),
        # a laugh at the bank's own words quoted is mockery, not a joke that disarms; then
        # time spent calling (an attempt and how long) and a lone mock word
        ("'we value your custom' lol", "45 minutes on the line to you earlier", "superb"),
    ],
)
def test_frustration_parts_by_concept_reach_an_adviser(
    router: Router, messages: tuple[str, ...]
) -> None:
    lane, turn, _ = _route(router, *messages)
    assert lane == "general_banking", messages
    assert turn is not None, messages


@pytest.mark.parametrize(
    "messages",
    [
        # a calm customer telling a consequence as context, with a question
        ("I need the money for the rent, when does it clear?", "ok", "perfect thanks"),
        ("I drive for work, can I get a car loan?", "how long does it take?"),
        # real thanks after help, and a solved problem
        ("my card was declined at the shop", "ok it's working now", "brilliant, that worked"),
        ("my card got declined", "what should I do?", "great, thanks"),
        # a lone mock word as the first message, no trouble before
        ("amazing", "how do I order a new card?"),
        # how-tos
        (
            "how do I set up a direct debit for the rent?",
            "what happens if a payment bounces?",
            "thanks",
        ),
        ("how do I avoid overdraft fees?", "can I get alerts for my kids' accounts?"),
        # someone else's story
        (
            "my friend's card got declined at the till and she was so embarrassed",
            "she said she had money in there",
            "marvellous, she said",
        ),
        # the fault and how long, then a stake said to be no hurry
        ("my transfer is still processing", "it's for my son's birthday, no hurry"),
        # a consequence told calmly twice, no fault
        ("I'm saving for Christmas", "and for my son's birthday", "can I open a saver?"),
    ],
)
def test_calm_customers_stay_with_the_bot(router: Router, messages: tuple[str, ...]) -> None:
    lane, turn, rule = _route(router, *messages)
    assert (lane, turn) == ("bot", None), (messages, rule)


def test_lone_praise_counts_only_after_trouble() -> None:
    lone = spread.parts("marvellous")
    assert lone[0] & spread.SARCASTIC
    # first in the window: no trouble before it, no kind counted
    assert spread._grounded([lone[0]]) == [0]
    fee = spread.parts("and now I'm paying for the privilege")[0]
    week = spread.parts("it's taken a whole week")[0]
    assert fee & spread.AT_STAKE
    assert week & spread.LASTING
    kinds = [k for k, _, _ in spread.joined([week, fee], lone)]
    assert spread.FRUSTRATION_BUILT in kinds
    # plain thanks and a lone plain praise word are sincere
    for text in ("great, thanks", "brilliant thank you", "perfect", "thanks", "lovely"):
        assert not spread.parts(text)[0] & spread.SARCASTIC, text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("the direct debit was reversed", "FAULT"),
        ("payment not authorised at the cash machine", "FAULT"),
        ("the refund still hasn't cleared", "FAULT"),
        ("got double charged for the hotel", "FAULT"),
        ("the insurer says the policy has lapsed", "AT_STAKE"),
        ("can't even buy food this week", "AT_STAKE"),
        ("I'll be late for my shift", "AT_STAKE"),
        ("it's put me into my overdraft", "AT_STAKE"),
        ("I was mortified", "AT_STAKE"),
        ("I've rung you already", "ATTEMPT"),
        ("spent an hour on the phone", "ATTEMPT"),
        ("sat on hold", "LASTING"),
        ("I've chased it four times", "LASTING"),
        ("I've got £1,200 in there", "FAILED_ANSWER"),
    ],
)
def test_parts_read_by_class(text: str, part: str) -> None:
    assert spread.parts(text)[0] & getattr(spread, part), text


@pytest.mark.parametrize(
    "text",
    [
        "I declined the upgrade offer",
        "will the fee be charged if it goes overdrawn?",
        "I'll call back in 10 minutes",
        "can I get cash for Christmas shopping?",
    ],
)
def test_no_part_out_of_its_role(text: str) -> None:
    mask = spread.parts(text)[0]
    assert not mask & (spread.FAULT | spread.AT_STAKE | spread.LASTING), (text, mask)


def test_lone_sarcasm_is_carried_turn_by_turn(router: Router) -> None:
    """The carried decision equals the whole conversation's (play_carried asserts it)."""
    states = play_carried(
        router,
        ["my rent payment bounced", "there's £700 in my account", "fantastic", "oh brilliant"],
        _NOW,
    )
    assert any(s.rule == "frustration_built_up" for s in states)


def test_a_laugh_after_quoted_words_is_no_joke() -> None:
    kinds = {c.kind for c in analyze_text("'we value your custom' lol").cues}
    assert "joking" not in kinds
    assert "joking" in {c.kind for c in analyze_text("switching to a bank with cake lol").cues}
