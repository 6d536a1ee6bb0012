"""Round 17 of issue 11 (principle 2): story shapes read over the customer's messages together.

A story told in pieces, one short message each, fires on the message that brings its last
part (handoff/signals/spread.py): a phone line lost, then the log-in taken (a SIM swap); a
step a scammer asks for, then the reveal that it was not who it seemed or the money is gone
(in either order). One part alone, a calm question about such stories, or a part beside a
harmless other stays with the bot. Every sentence here was written for this file, not taken
from any routing set; the conversations are routed turn by turn through the Router with the
state (and its carried analysis) of the turn before, as the evaluation plays them.
"""

from __future__ import annotations

import pytest

from handoff.models.conversation import CARRY_FORMAT, Conversation
from handoff.signals import spread
from handoff.signals.text import analyze_text
from tests.conftest import play_carried
from tests.test_routing_round3 import NOW, ROUTER, route

# (messages, the message at which the fraud team is reached)
SPREAD_STORIES: list[tuple[tuple[str, ...], int]] = [
    # the phone line lost, then the log-in taken
    (
        (
            "my sim card stopped working this morning",
            "and now the app says my passcode has been reset",
        ),
        2,
    ),
    (
        (
            "our phone has had no signal since yesterday",
            "and the app now says my PIN has been changed",
        ),
        2,
    ),
    (
        (
            "my mobile went dead at lunch, it says SOS only",
            "I'm locked out of my online banking now",
        ),
        2,
    ),
    (("I'm locked out of my account since last night", "and my phone isn't working either"), 2),
    (
        (
            "my phone has no service at all today",
            "a text came with a code I didn't ask for",
            "what's going on",
        ),
        2,
    ),
    # a step a scammer asks for, then the reveal
    (
        (
            "a man from a delivery firm rang about a parcel",
            "I read him the code from my texts",
            "then £640 has gone from my current account",
        ),
        3,
    ),
    (
        (
            "my daughter messaged from her work phone needing rent money",
            "I sent her £750 straight away",
            "she just rang me, she never sent it",
        ),
        3,
    ),
    (
        (
            "an online shop had trainers cheap so I went for it",
            "I paid them £95 by bank transfer",
            "and now the number isn't answering at all",
        ),
        3,
    ),
    (
        (
            "the text looked like it came from my energy supplier",
            "I typed in my card number and the security code",
            "turns out the site was fake",
        ),
        3,
    ),
    (
        (
            "someone messaged pretending to be my manager",
            "I got the vouchers and texted him the codes",
            "turns out it was not really him",
        ),
        3,
    ),
    (
        (
            "the landlord wanted the deposit before the viewing",
            "I transferred £400 on Friday",
            "now they aren't answering my calls",
        ),
        3,
    ),
    # the reveal first, then the step
    (("there's £300 missing from my account", "earlier I gave the caller my card details"), 2),
]

# Calm: a question about such stories, one part beside a harmless other, someone else's.
CALM_CONVERSATIONS: list[tuple[str, ...]] = [
    (
        "what should I do if my phone suddenly loses signal?",
        "how do I reset my password in the app?",
    ),
    ("I've been offered a new job in Leeds", "what time does the Leeds branch open on Saturday?"),
    ("my phone stopped working so I've bought a new one", "how do I log in on the new phone?"),
    ("my phone had no signal on holiday", "my password was changed by me last week, all fine"),
    ("I sent my landlord £650 for rent", "can I set that up as a standing order?"),
    ("I gave your adviser my card number on the phone yesterday", "the new card arrived, thanks"),
    ("what should I do if £500 has gone from my account?", "and how long do refunds take?"),
    ("I sent £40 to my son for his lunch", "he said thanks, it's arrived"),
    ("our phone stopped working yesterday", "can you post me a new PIN reminder?"),
    ("I transferred £2,000 to my savings", "it's not showing yet, is that normal?"),
    ("I paid the plumber £120 yesterday", "he said thanks, it arrived fine"),
    ("my sim isn't working after the network upgrade", "can I still get my statements by post?"),
    ("I bought gift cards for my nieces", "can I pay my credit card bill from savings?"),
]


@pytest.mark.parametrize(("messages", "at"), SPREAD_STORIES)
def test_a_story_spread_over_messages_reaches_the_fraud_team(
    messages: tuple[str, ...], at: int
) -> None:
    lane, number, _ = route(*messages)
    assert lane == "fraud"
    assert number is not None
    assert number <= at


@pytest.mark.parametrize(("messages", "at"), SPREAD_STORIES)
def test_no_message_of_a_spread_story_fires_alone(messages: tuple[str, ...], at: int) -> None:
    """The stories are spread: the message that completes one does not fire on its own."""
    assert route(messages[at - 1])[0] == "bot"


@pytest.mark.parametrize("messages", CALM_CONVERSATIONS)
def test_calm_conversations_stay_with_the_bot(messages: tuple[str, ...]) -> None:
    assert route(*messages) == ("bot", None, None)


def test_the_carried_parts_decide_as_a_full_recompute() -> None:
    """Every turn of every story: the decision with the carried analysis equals the one made
    from the whole conversation with no carry (issue 16)."""
    for messages, _ in SPREAD_STORIES + [(m, 0) for m in CALM_CONVERSATIONS]:
        for state in play_carried(ROUTER, messages, NOW):
            assert state.carry is not None
            assert state.carry.v == CARRY_FORMAT
            assert state.carry.parts is not None
            assert len(state.carry.parts) <= spread.WINDOW - 1


def test_parts_further_apart_than_the_window_do_not_combine() -> None:
    step = spread.parts("I sent them £300 on Monday")
    reveal = spread.parts("and now they've blocked me")
    assert step[0] == spread.STEP
    assert reveal[0] == spread.REVEAL
    assert spread.joined([step[0]], reveal) == [("scam", 8, 26)]
    assert spread.joined([step[0], *[0] * (spread.WINDOW - 2)], reveal)
    assert spread.joined([step[0], *[0] * (spread.WINDOW - 1)], reveal) == []


def test_a_question_or_someone_elses_story_tells_no_part() -> None:
    for text in (
        "how do I know if my sim has been swapped, my phone has no signal",
        "how can I tell whether my password was changed?",
    ):
        analysis = analyze_text(text)
        assert analysis.cue_kinds & spread.CALM_KINDS, text
        assert spread.parts(analysis.text, analysis.cue_kinds) == (0, ())


def test_a_part_supposed_in_its_sentence_is_no_part() -> None:
    for text in (
        "what should I do if £500 has gone from my account?",
        "in case my phone stops working abroad, can I still log in?",
        "how would I know if my password was changed",
    ):
        assert spread.parts(text) == (0, ()), text
    assert spread.parts("my password was changed. what do I do if it happens again")[0]


def test_the_cue_of_a_spread_story_is_the_latest_messages_part() -> None:
    decision = None
    turns: list[dict[str, object]] = []
    for text in ("my phone lost all signal an hour ago", "my email address was changed, not by me"):
        turns.append({"role": "user", "text": text})
        conversation = Conversation.model_validate({"turns": turns})
        if decision is not None:
            conversation = conversation.model_copy(update={"state": decision.state})
        decision = ROUTER.route(conversation, now=NOW)
    assert decision is not None
    assert "fraud_report" in decision.signals.cues
    told = [c for c in decision.signals.cue_details if c.kind == "fraud_report"]
    assert [(c.turn, c.evidence) for c in told] == [(1, "email address was changed")]


# ---------------------------------------------------------------- consequences piling up
# Money that has not moved or come, then what it costs (a time limit, a penalty, money for
# essentials), in separate messages: a deadline at risk (cue ``deadline``) on the message
# that brings the last of them. (messages, the message whose cues hold it)
PILING_UP: list[tuple[tuple[str, ...], int]] = [
    (("my transfer to the letting agent is still pending", "the cut-off is 5pm today"), 2),
    (("wages haven't come in yet", "that was our food money", "what now"), 2),
    (("the cashpoint never gave me the notes", "£60 gone", "that was money for the week"), 3),
    (("council tax payment stuck on processing", "there's a penalty of £80 if it's late"), 2),
    (("they say the rent is due by Friday", "and my refund still hasn't arrived"), 2),
]

PILING_CALM: list[tuple[str, ...]] = [
    ("my transfer is pending, that's fine", "what's the interest rate on the easy saver?"),
    ("when is the deadline for ISA transfers?", "and can I do it in the app?"),
    ("what happens if a payment is stuck?", "is there a penalty for paying the card late?"),
    ("my refund arrived this morning", "the rent is due by Friday so that's perfect"),
    ("the food money jar is nearly full", "can kids have a savings account?"),
]


def _cues_by_turn(messages: tuple[str, ...]) -> list[frozenset[str]]:
    """The latest message's cue kinds on each turn, routed with the state before."""
    found: list[frozenset[str]] = []
    turns: list[dict[str, object]] = []
    state = None
    for text in messages:
        turns.append({"role": "user", "text": text})
        conversation = Conversation.model_validate({"turns": turns})
        if state is not None:
            conversation = conversation.model_copy(update={"state": state})
        decision = ROUTER.route(conversation, now=NOW)
        state = decision.state
        found.append(decision.signals.cues)
        turns.append({"role": "bot", "action": "utter_default"})
    return found


@pytest.mark.parametrize(("messages", "at"), PILING_UP)
def test_consequences_piling_up_are_a_deadline_at_risk(messages: tuple[str, ...], at: int) -> None:
    cues = _cues_by_turn(messages)
    assert "deadline" in cues[at - 1]
    assert not any("deadline" in kinds for kinds in cues[: at - 1])
    assert "deadline" not in _cues_by_turn((messages[at - 1],))[0]


@pytest.mark.parametrize("messages", PILING_CALM)
def test_a_calm_mention_of_a_delay_or_a_deadline_is_no_deadline_at_risk(
    messages: tuple[str, ...],
) -> None:
    assert not any("deadline" in kinds for kinds in _cues_by_turn(messages))


def test_a_format_3_carry_is_recomputed_with_the_same_decision() -> None:
    """A carry made before format 4 (no ``parts``) dumps as it was signed (no ``parts`` key),
    is analysed again once, and decides as the whole conversation does."""
    messages = ("our phone has had no signal since yesterday", "and my PIN has been changed")
    turns: list[dict[str, object]] = [{"role": "user", "text": messages[0]}]
    first = ROUTER.route(Conversation.model_validate({"turns": turns}), now=NOW)
    assert first.state.carry is not None
    values = first.state.carry.model_dump()
    del values["parts"]
    values["v"] = 3
    old_state = first.state.model_copy(update={"carry": first.state.carry.model_validate(values)})
    assert "parts" not in old_state.model_dump()["carry"]
    turns += [{"role": "bot", "action": "utter_default"}, {"role": "user", "text": messages[1]}]
    conversation = Conversation.model_validate({"turns": turns})
    carried = ROUTER.route(conversation.model_copy(update={"state": old_state}), now=NOW)
    whole = ROUTER.route(conversation, now=NOW)
    assert carried.lane == whole.lane == "fraud"
    assert carried.signals.cues == whole.signals.cues
    assert carried.state.carry is not None
    assert carried.state.carry.v == CARRY_FORMAT
    assert carried.state.carry.parts is not None
