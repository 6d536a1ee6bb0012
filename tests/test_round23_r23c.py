"""Round 23 of issue 11 (helper r23c), principle 1: a calm state carried across the chat.

1. CALM FRAME: once the customer frames the chat as a how-to or general question, someone
   else's story with no harm, or a past event, later scam words that tell no harm of their
   own stay in that frame (cue calm_frame in cues_seen); a new harm told later (a step a
   scammer asks for, money gone, unauthorised use) closes the frame at once.
2. CALM FALLBACKS: a run of NLU fallbacks in a calm frame is not the bot failing; a failure
   told in words (repeating, "still not", anger) still counts.
3. "... OR NOT": the customer asking what they may do ("can I do it online or not") is a
   how-to, not pressing for a straight answer.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, play_carried, route_fallbacks, route_parsed

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# 1. calm frame
CALM_FRAMED = [
    [
        ("my son's school wants a talk on avoiding scams, what should I cover?", "out_of_scope"),
        ("what does a fake bank call usually sound like?", "report_fraud"),
    ],
    [
        ("how can I tell if a call from the bank is real?", "out_of_scope"),
        ("what do scammers usually say when they pretend to be you?", "compromised_card"),
    ],
    [
        ("my neighbour had a dodgy text about a parcel, she ignored it", "out_of_scope"),
        ("are those scam texts common at the moment?", "report_fraud"),
    ],
]


@pytest.mark.parametrize("messages", CALM_FRAMED)
def test_scam_words_inside_a_calm_frame_stay_with_the_bot(
    router: Router, messages: list[tuple[str, str]]
) -> None:
    lane, _ = route_parsed(router, [(t, i, 0.6) for t, i in messages], _NOW)
    assert lane == "bot", messages


NEW_HARM_AFTER_FRAME = [
    ("how do I spot scams?", "actually I just gave a caller my code"),
    (
        "what's the best way to avoid phone scams",
        "oh no, I've just read the one-time passcode to someone saying they're from you",
    ),
    ("how do I report a scam text?", "someone took £500 from my account, I didn't make that"),
]


@pytest.mark.parametrize("messages", NEW_HARM_AFTER_FRAME)
def test_new_harm_breaks_the_calm_frame(router: Router, messages: tuple[str, ...]) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert (lane, turn) == ("fraud", 2), messages


def test_calm_frame_is_carried_and_closed(router: Router) -> None:
    states = play_carried(
        router,
        [
            "how can I tell if a text from the bank is fake?",
            "what is a safe account scam anyway?",
            "I moved £2,000 to the safe account the caller gave me",
        ],
        _NOW,
    )
    assert states


# 2. calm fallback runs
CALM_RUNS = [
    (
        "my uncle got a text saying his parcel was held, he ignored it",
        "how would he report it?",
        "ok thanks",
    ),
    (
        "my friend had a weird call about his pension",
        "he didn't give them anything, wants to know if he should report it",
        "he banks with you too",
    ),
    (
        "my sister had a call from someone pretending to be you but she hung up",
        "how can she report the number",
        "that's all",
    ),
]


@pytest.mark.parametrize("messages", CALM_RUNS)
def test_calm_fallback_run_stays_with_the_bot(router: Router, messages: tuple[str, ...]) -> None:
    lane, _ = route_fallbacks(router, _NOW, *messages)
    assert lane == "bot", messages


FAILING_RUNS = [
    (
        "how do I change my address",
        "still not working, I've done what it said",
        "this is the third time I'm asking",
    ),
    (
        "how do I spot a fake text from you",
        "you're not understanding me",
        "I've asked this three times now",
    ),
]


@pytest.mark.parametrize("messages", FAILING_RUNS)
def test_failure_told_in_words_still_counts(router: Router, messages: tuple[str, ...]) -> None:
    lane, _ = route_fallbacks(router, _NOW, *messages)
    assert lane == "general_banking", messages


# 3. "... or not"
@pytest.mark.parametrize(
    "text",
    [
        "can I do it in the app or not",
        "do we need to sign the form or not?",
        "can I pay it off early or not",
        "should I cancel the old card or not",
    ],
)
def test_own_options_or_not_is_no_repeated_asking(text: str) -> None:
    assert "repeated_asking" not in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "is it approved or not",
        "has my refund gone through or not?",
        "are you going to fix this or not",
        "will I get my money back or not",
    ],
)
def test_pressing_or_not_is_still_repeated_asking(text: str) -> None:
    assert "repeated_asking" in cue_kinds(text), text
