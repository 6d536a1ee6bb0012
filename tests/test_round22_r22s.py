"""Round 22 of issue 11 (helper r22s), principle 1: fraud read by what happened.

The scam types the round-21 shape classes missed are told as the same parts (a lure, a step,
a discovery; handoff.signals.spread) with wider word classes in each slot: lures by what drew
the customer in (a job or tasks over an app, a firm offering to get lost money back, a loan
offered by a stranger, a dating app, a QR code on a sign, a stranger at a cash machine, a
caller "from" the Home Office or customs, a payee whose name does not match, a relative's
account writing); a sum paid with any quantifier or payment told with no object; discoveries
(asked for more, the money cannot be got out, the body named was not it or does not work that
way, the firm does not exist, the number not theirs); and, in CRED_STEP (no new bit), a PIN
seen by the stranger or pressure to pay now (urged, threatened, a fee first) beside a lure:
the money about to leave, which the fraud lane wants before it does. Questions, a lure with
no step, a kind stranger, a fee asked about stay with the bot.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from tests.conftest import play_carried, route_fallbacks

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# (messages, the turn by which the fraud lane must be reached)
FRAUD = [
    # a job over an app, paid, asked for more
    (
        [
            "I was offered a part-time job over Telegram rating hotels",
            "I've transferred around £700 to unlock the next level",
            "and now they're demanding another deposit before I get anything",
        ],
        3,
    ),
    (
        [
            "it was a task scheme on WhatsApp, paid them 400 quid already",
            "they keep asking for more money and I can't withdraw my commission",
        ],
        2,
    ),
    # a recovery firm, a fee first
    (
        [
            "a company rang promising to get back what I lost to a crypto scheme",
            "they need a £1,200 release fee upfront",
        ],
        2,
    ),
    # an advance-fee loan
    (
        [
            "I was approved for a personal loan by a broker on Instagram",
            "sent them £95 for the admin charge",
            "now they're saying I need another £250 for insurance",
        ],
        3,
    ),
    (["a loan company texted me, they want a £60 arrangement payment in advance"], 1),
    # a dating app, a threat of exposure, money sent
    (
        [
            "a girl I was chatting with on Hinge recorded our video call",
            "she'll share it with all my Facebook friends unless I pay her",
        ],
        2,
    ),
    # a QR code on a sign, paid, the council does not do it that way
    (
        [
            "scanned a QR code stuck on the pay machine in the car park and paid",
            "apparently the council never use them",
        ],
        2,
    ),
    (
        [
            "the parking company doesn't even exist",
            "I paid £4.50 for parking through a QR code on the sign",
        ],
        2,
    ),
    # a stranger at a cash machine who saw the PIN
    (
        [
            "a bloke standing next to the cashpoint offered to help me when it ate my card",
            "he must have watched me typing my pin",
        ],
        2,
    ),
    # Confirmation of Payee mismatch under pressure, before the money leaves
    (
        [
            "the app says the account name doesn't match for the roofer's invoice",
            "he's insisting I transfer it right now or he walks off the job",
        ],
        2,
    ),
    # an official caller with a threat and a fee
    (
        [
            "a woman phoned saying she's from immigration enforcement",
            "she said I'd be deported unless I paid a £900 fine",
        ],
        2,
    ),
    (
        [
            "someone rang claiming to be from HM Customs about a parcel",
            "I sent them £180",
            "turns out customs don't ring people like that",
        ],
        3,
    ),
    # a romance contact, money sent with a quantifier
    (
        [
            "I met someone on a dating app last year, he works overseas",
            "I've sent nearly £6,000 for his flights and fees",
        ],
        2,
    ),
]


@pytest.mark.parametrize(("messages", "by_turn"), FRAUD)
def test_fraud_story_reaches_the_fraud_team(
    router: Router, messages: list[str], by_turn: int
) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert lane == "fraud", (lane, turn)
    assert turn is not None
    assert turn <= by_turn


CALM = [
    ["how do QR code payments work?"],
    ["is a task job on WhatsApp legit? I haven't paid anything"],
    ["I paid the builder, when will the CoP check clear?"],
    ["my loan needs an arrangement fee, is that normal?"],
    ["someone at the cash machine helped me, so kind"],
    ["I scanned the QR code on the menu and paid for lunch", "can I get a receipt?"],
    ["the payee name didn't match so I cancelled the payment"],
    ["I'm applying for a loan online, how long does approval take?"],
    ["I paid my car insurance, they want the first month upfront, when does it leave?"],
    ["can I pay my council tax in advance?"],
    # a threat or a fee first with no lure: a real payee's demand, the bot's help
    ["my tutor says unless I pay for the next term today I lose my place, can I use my card?"],
    ["I need to pay the Home Office fee for my visa renewal today, which card works?"],
    ["I met my wife on a dating app years ago", "can I add her to my account?"],
]


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert route_fallbacks(router, _NOW, *messages) == ("bot", None)


def test_parts_are_read_in_their_role() -> None:
    lure, _ = spread.parts("got offered work from home liking videos on TikTok")
    assert lure & spread.LURE
    more, _ = spread.parts("now they want £300 more")
    assert more & spread.DISCOVERY
    pressure, _ = spread.parts("he said to pay the fee today or I'll be arrested")
    assert pressure & spread.CRED_STEP
    weak, _ = spread.parts("I scanned it and paid")
    assert weak & spread.WEAK_STEP
    # no part in a question about it
    assert not spread.parts("how do QR code payments work?", ("howto",))[0]


def test_story_carried_over_turns_matches_the_whole(router: Router) -> None:
    states = play_carried(
        router,
        [
            "a man saying he was from the Home Office rang about my visa",
            "he told me to transfer the fee immediately",
        ],
        _NOW,
    )
    assert states[-1].lane == "fraud"
