"""Round 20 of issue 11 (helper r20c), principle 3: a cue in its role, and calm read as calm.

1. Vulnerability only about the customer's own state: money left until payday is a stake
   (cue deadline), a balance that is low is no low mood, arrears the bank made are a
   complaint, a carer's admin request or the person's consent is a service asked for. Any
   distress of the customer's own in the message keeps the cue.
2. A death told as long past disarms the paperwork of that death in a later message of the
   window (a death certificate, probate), carried in the routing state; a death told again,
   trouble now or a notification keeps the cue.
3. A how-to stays a how-to when the customer adds why they ask; not when they add a step.
4. ``resolved`` by class: an own slip found (the wrong card or detail, money short, a typo,
   a step forgotten, the card expired), a retry of their own that worked, "nvm" beside a
   success. Never when the trouble goes on, and never undoing a red line.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import CARRY_FORMAT
from handoff.signals import spread
from tests.conftest import cue_kinds, play_carried, route_fallbacks

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# 1. vulnerability in its role
NOT_OWN_STATE = [
    "I've only got £6.50 till payday",
    "got 80p left until friday lol",
    "can you text me when I'm low on money?",
    "is there an alert for when my balance gets low",
    "I'm low on funds this week, can I move my payment date",
    "your double payment has put my mortgage into arrears",
    "the loan is in arrears because you took the instalment twice",
    "I'm behind on my card payments due to your error with the direct debit",
    "I look after my dad, could I get a card on his account? he's happy with it",
    "I'm my nan's carer, how do I get access to her online banking with her consent",
    "as her carer can I set up a third party mandate on my mum's account",
]
OWN_STATE = [
    "my mum is in hospital and I'm her carer, I can't cope",
    "I'm behind on my mortgage and can't sleep",
    "I've got £2 until payday and I'm scared, there's no food in the house",
    "I'm in arrears on my rent and the landlord wants me out",
    "I'm a carer for my husband and I'm struggling, can I get a card on his account",
    "I'm feeling really low since the funeral",
    "I'm in arrears with my council tax and don't know what to do",
    "I've only got £5 till friday and the baby needs formula",
    # essentials on a prepayment meter, and pennies that must last a week or more (round 9's
    # principle, kept when round 20 read money left until payday as a stake)
    "£3 left till payday and the electric's about to run out",
    "I've got £2.40 till payday and we're on emergency credit for the gas",
    "I've got £9 to last me the whole month",
]


@pytest.mark.parametrize("text", NOT_OWN_STATE)
def test_vulnerability_not_read_out_of_its_role(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text), text


@pytest.mark.parametrize("text", OWN_STATE)
def test_vulnerability_about_the_customers_own_state_stays(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), text


def test_money_left_until_payday_is_a_stake() -> None:
    assert "deadline" in cue_kinds("I've only got £4.10 to last till the 28th")


def test_carer_admin_stays_with_the_bot(router: Router) -> None:
    lane, turn = route_fallbacks(
        router,
        _NOW,
        "I care for my grandad, can I be added to his account to pay his bills? he agreed",
    )
    assert (lane, turn) == ("bot", None)


def test_overdue_refund_then_money_left_reaches_an_adviser_not_a_specialist(
    router: Router,
) -> None:
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "the refund was meant to be in my account by Monday",
        "it's Thursday now",
        "I've got £1.80 left until I get paid",
    )
    assert lane == "general_banking"


# 2. a past death's paperwork, carried over messages
def test_past_death_is_a_story_part() -> None:
    mask, _ = spread.parts("my husband passed away years ago, in 2012", ["not_current"])
    assert mask & spread.PAST_DEATH
    assert not spread.parts("my husband passed away last week", [])[0] & spread.PAST_DEATH


def test_past_death_paperwork_later_stays_with_the_bot(router: Router) -> None:
    states = play_carried(
        router,
        [
            "my grandmother died years ago, back in 2011, and I've found a building society book",
            "it's in her maiden name",
            "right, I'll post a copy of the death certificate and the book then",
        ],
        _NOW,
    )
    last = states[-1]
    assert last.lane == "bot"
    assert last.carry is not None
    assert last.carry.v == CARRY_FORMAT == 5
    assert any(p & spread.PAST_DEATH for p in last.carry.parts or ())


@pytest.mark.parametrize(
    "later",
    [
        "and my mum died last week, I have her death certificate too",
        "I'm struggling with all the probate, it's too much",
        "I need to tell you about her death certificate being wrong, it upset me",
    ],
)
def test_a_new_death_or_trouble_after_a_past_one_is_still_vulnerability(
    router: Router, later: str
) -> None:
    states = play_carried(
        router,
        ["my grandfather died years ago, in 2009, is his old account still open?", later],
        _NOW,
    )
    assert states[-1].lane == "vulnerable_customers", later


def test_paperwork_with_no_past_death_told_is_still_vulnerability(router: Router) -> None:
    lane, _ = route_fallbacks(router, _NOW, "where do I send the death certificate for my wife")
    assert lane == "vulnerable_customers"


# 3. a how-to with its reason
HOWTO = [
    "how can I tell if an email from you is fake? my dad keeps getting them",
    "How do I know if a call is really the bank? I get loads of those",
    "how would I check whether a text is a phishing one? just curious",
]
NOT_HOWTO = [
    "how can I tell if a text is a scam? I clicked one this morning",
    "how do I know if it's fake? I gave them my code",
    "how would I know if a text is a scam? they have my card details now",
]


@pytest.mark.parametrize("text", HOWTO)
def test_howto_with_its_reason(text: str) -> None:
    assert "howto" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_HOWTO)
def test_howto_with_a_step_told_is_not(text: str) -> None:
    assert "howto" not in cue_kinds(text), text


def test_howto_then_an_example_stays_with_the_bot(router: Router) -> None:
    lane, turn = route_fallbacks(
        router,
        _NOW,
        "how do I know if an email from the bank is a scam? my mum gets so many",
        "like the ones saying her tax refund is waiting",
        "great, thanks",
    )
    assert (lane, turn) == ("bot", None)


# 4. resolved by class
RESOLVED = [
    "oh hang on, wrong account, sorry",
    "ah I used the wrong card, my bad",
    "I'd put in the wrong sort code, sorry",
    "the new card went through",
    "my other one works",
    "sorry I was 40p short",
    "I was a few quid short, all topped up",
    "ok I've topped up",
    "oops, my typo",
    "I mistyped the reference",
    "oh I forgot to unfreeze it",
    "ah wait the card has expired",
    "nvm it's working now",
    "never mind, got in with my fingerprint",
    "scratch that, it went through",
    "found it, nvm",
]
NOT_RESOLVED = [
    "never mind, still doesn't work",
    "nvm, I'll take my money elsewhere",
    "you sent me the wrong card",
    "wrong amount taken from my account",
    "the new card works but the app won't load",
    "I was short changed at the cashpoint",
    "I've topped up but it still says declined",
    "there's a typo in my name on the statement",
    "I forgot to lock my card and someone used it",
    "why has my card expired already, I only got it in March",
    "my old card worked yesterday and now this one doesn't",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_resolved_by_class(text: str) -> None:
    assert "resolved" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_not_resolved_when_trouble_goes_on(text: str) -> None:
    assert "resolved" not in cue_kinds(text), text


@pytest.mark.parametrize(
    "messages",
    [
        ("WHY WON'T MY CARD WORK", "oh wait, wrong card, sorry. the green one worked"),
        ("ugh locked out of the app again", "never mind, face id got me in"),
        ("my card got declined again at the shop, fed up", "sorry, I was £3 short, topped up now"),
    ],
)
def test_calm_turns_back_to_calm(router: Router, messages: tuple[str, ...]) -> None:
    assert route_fallbacks(router, _NOW, *messages) == ("bot", None)


def test_resolved_never_undoes_a_red_line(router: Router) -> None:
    # fraud told, then a slip of their own found: the fraud red line already holds
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "someone has taken £900 out of my account that I didn't do",
        "oh and I used the wrong card earlier, sorry",
    )
    assert lane == "fraud"
    lane, _ = route_fallbacks(router, _NOW, "I'm going to the ombudsman about this, my typo or not")
    assert lane == "complaints"
