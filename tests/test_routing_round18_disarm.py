"""Round 18 of issue 11, principle 2: cue over-firing. A calm message is not a specialist's
case because one word in it is a red line's.

1. A time marker of years ("4 years ago", "back in 2019", "last year", "hace cinco años") or
   a closure marker ("it was all wrapped up in 2023", "she's fine now", "all sorted then")
   speaks for every red-line cue of its message, not only for its own span: grief words,
   an executor or an estate, bare fraud or scam words (handoff.signals.text). Never when the
   message also tells trouble now: a death weeks ago, a theft today, an incident again,
   money the customer cannot reach, distress, a payment not recognised.
2. An impostor's calls recognised and always hung up on, with no step and no loss, asked
   about, are no harm: a how-to (situation kind ``no_harm``).
3. Joy told with capitals (a birth, an engagement, happy tears, "SO HAPPY") is good news,
   which disarms shouting; angry capitals still shout.
4. A grin or a laugh beside a complaint about something trivial is jest (``joking``); not
   beside a charge, a block or a wait.
5. A presence check that is a greeting's whole message ("hello is anyone there") and a
   number asked for to use later are information, not a request for a person now; an
   insistent presence check and a number wanted now still are.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)
_RED = {"fraud", "scam_mention", "vulnerability"}


# ---------------------------------------------------------------- 1. time and closure markers
PAST_FOR_THE_WHOLE_MESSAGE = [
    "my late uncle left us his flat in 2016, we've sold it and want a fixed-rate saver",
    "my mother passed away many years ago, can I take her maiden name off my security questions?",
    "I inherited some money from my late father a few years ago, is a lifetime ISA worth it?",
    "I was named executor for my aunt's will, the whole thing was settled years ago, can I "
    "remove myself as a contact on her old account?",
    "I was the executrix for my godmother and it all got wrapped up ages ago, do you still "
    "need my details?",
    "my brother was defrauded last year, he's fine now, how do I turn on card controls?",
    "someone scammed my cousin back in 2018 and it was all sorted then, what's your advice on "
    "safe passwords?",
    "mi tío murió hace siete años, ¿cómo cambio la dirección de la cuenta conjunta?",
    "meu avô faleceu há dois anos; posso usar o dinheiro da herança para um depósito a prazo?",
    "mere chachu ke saath fraud hua tha 3 saal pehle, ab sab theek hai. naya card kaise milega?",
]
TROUBLE_NOW = [
    # a death weeks ago is recent
    "my husband died 3 weeks ago and I can't access our money",
    "my wife passed away last month and the bills are in her name",
    # a death years ago but hardship or distress now
    "my dad died years ago but since then I've been struggling to keep up with the mortgage",
    "my partner passed away last year and I can't cope with the paperwork",
    # an old fraud and a new harm today
    "I was scammed back in 2019, and today someone has taken £400 from my account",
    "my card was cloned last year and it's happened again, there's a payment I don't recognise",
    "I was defrauded years ago and now I've been scammed again by a fake courier",
    # trouble that began years ago and goes on
    "I've had scam calls pretending to be you every week since last year, and I'm scared",
    "my mum died in 2019 and since 2019 I've been behind on the rent",
    # an old fraud never put right
    "my purse was taken in 2018 and I was never refunded for the fraud on my card",
    # a time marker about something else, fraud told now
    "I opened this account back in 2015 and there's a payment on it I didn't make",
]


@pytest.mark.parametrize("text", PAST_FOR_THE_WHOLE_MESSAGE)
def test_a_marker_of_the_past_disarms_every_red_line_cue(text: str) -> None:
    assert not cue_kinds(text) & _RED, analyze_text(text).cues


@pytest.mark.parametrize("text", TROUBLE_NOW)
def test_trouble_now_keeps_its_red_line_cue(text: str) -> None:
    assert cue_kinds(text) & (_RED | {"fraud_report", "scam"}), analyze_text(text).cues


def test_a_described_theft_keeps_its_cue_beside_an_old_year() -> None:
    # fraud_report and scam are a story told, not a word: a year elsewhere does not disarm them
    text = "I've banked with you since 2010. someone used my card in a shop in Leeds an hour ago"
    assert "fraud_report" in cue_kinds(text)


# ---------------------------------------------------------------- 2. impostors refused
REFUSED = [
    "my dad gets calls from someone pretending to be your security team, he always hangs up, "
    "should he report it?",
    "a woman rang claiming to be from the bank, I hung up straight away. is that a known scam?",
    "I keep getting calls from people saying they're from HMRC, I just put the phone down on "
    "them, anything else I should do?",
]
NOT_REFUSED = [
    "a man pretending to be your fraud team rang, I hung up but then he rang again and I gave "
    "him the code",
    "someone claiming to be you called, I hung up after I'd sent £900 to the account he gave me",
]


@pytest.mark.parametrize("text", REFUSED)
def test_an_impostor_always_refused_is_no_harm(text: str) -> None:
    assert "no_harm" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_REFUSED)
def test_an_impostor_refused_after_a_step_is_harm(text: str) -> None:
    kinds = cue_kinds(text)
    assert "no_harm" not in kinds
    assert kinds & {"scam", "scam_step"}


# ---------------------------------------------------------------- 3. joyful capitals
JOY = [
    "WE'RE EXPECTING TWINS!!! want to start a savings pot for them",
    "SHE SAID YES!!! 💍 need to move money for the ring insurance",
    "I'M SO HAPPY, IT'S A GIRL!! how do I open a junior ISA",
    "OUR GRANDSON WAS BORN THIS MORNING 🥹🥹 can I set up a regular gift to him?",
    "WE GOT ENGAGED!!! can we open a joint account",
]
ANGER = [
    "WHY IS MY CARD BLOCKED AGAIN!!! I'M NOT HAPPY",
    "SO HAPPY TO BE ON HOLD FOR 2 HOURS!!!",
    "I'VE BEEN CHARGED TWICE AND NOBODY CARES!!!",
]


@pytest.mark.parametrize("text", JOY)
def test_joy_in_capitals_is_good_news(text: str) -> None:
    assert "good_news" in cue_kinds(text)


@pytest.mark.parametrize("text", ANGER)
def test_angry_capitals_are_no_good_news(text: str) -> None:
    kinds = cue_kinds(text)
    assert "good_news" not in kinds
    assert "shouting" in kinds


# ---------------------------------------------------------------- 4. jest
JEST = [
    "I'd like to lodge a complaint, the pens in your branch never have ink 😆",
    "complaint: the hold music is too catchy hehe",
    "formal complaint about the app's new shade of green 😁",
]
NOT_JEST = [
    "I want to complain, you charged me £35 for nothing 😄",
    "complaint: my card's been blocked for 3 days 😆",
]


@pytest.mark.parametrize("text", JEST)
def test_a_grin_beside_a_trivial_complaint_is_jest(text: str) -> None:
    assert "joking" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_JEST)
def test_a_grin_beside_a_charge_or_a_block_is_no_jest(text: str) -> None:
    assert "joking" not in cue_kinds(text)


# ---------------------------------------------------------------- 5. information, not a request
NOT_A_REQUEST = [
    "hi is anybody there",
    "good morning, anyone there?",
    "hey there is someone there",
    "which number should I ring from Spain if my card gets swallowed by a machine?",
    "what's the phone number for lost cards, want to write it on the fridge",
    "cuál es el número para llamar desde Francia si pierdo la tarjeta?",
]
STILL_A_REQUEST = [
    "hello?? is anyone there??",
    "is anyone there, I've been waiting for ages",
    "hello anyone there!!",
    "what number do I call to speak to someone right now, this is urgent",
]


@pytest.mark.parametrize("text", NOT_A_REQUEST)
def test_a_presence_greeting_or_a_number_for_later_is_no_request(text: str) -> None:
    assert not analyze_text(text).human_request, analyze_text(text).cues


@pytest.mark.parametrize("text", STILL_A_REQUEST)
def test_an_insistent_presence_check_or_a_number_wanted_now_is_a_request(text: str) -> None:
    assert analyze_text(text).human_request, analyze_text(text).cues


# ---------------------------------------------------------------- routing
@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[tuple[str, str, float]]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r18-disarm")


STAY_WITH_THE_BOT = [
    [("my late nan left me her savings back in 2017, what's the best easy-access account?",
      "nlu_fallback", 0.4)],
    [("I'm executor for my grandad, his estate was finalised in 2021, can I shut the estate "
      "account online?", "nlu_fallback", 0.4)],
    [("my sister got scammed last year, she's ok now. how do I set a daily limit?",
      "report_fraud", 0.5)],
    [("my neighbour keeps getting calls from a number pretending to be you, he hangs up every "
      "time, what should he do?", "report_fraud", 0.5)],
    [("WE'RE HAVING A BABY!!! 😭 how do I add a child to my savings", "nlu_fallback", 0.4)],
    [("hello is anybody there", "greet", 0.8), ("what's my balance", "check_balance", 0.9)],
]  # fmt: skip


@pytest.mark.parametrize("messages", STAY_WITH_THE_BOT, ids=lambda m: m[0][0][:30])
def test_a_marker_or_a_joy_keeps_a_calm_customer_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    assert _route(router, messages) == ("bot", None)


STILL_ESCALATED = [
    ([("my husband died 3 weeks ago and I can't access our money", "nlu_fallback", 0.4)],
     "vulnerable_customers"),
    ([("I was scammed back in 2019 and today someone has taken £400 from my account",
       "report_fraud", 0.8)], "fraud"),
    ([("my mum died last year and I'm struggling to pay the rent on my own", "nlu_fallback", 0.4)],
     "vulnerable_customers"),
]  # fmt: skip


@pytest.mark.parametrize(("messages", "lane"), STILL_ESCALATED, ids=lambda m: str(m)[:30])
def test_trouble_now_still_reaches_its_specialist(
    router: Router, messages: list[tuple[str, str, float]], lane: str
) -> None:
    assert _route(router, messages)[0] == lane
