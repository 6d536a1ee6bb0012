"""Round 17 of issue 11, principle 3: a calm mention is no report, and a resolution the
customer states in other forms stops earlier frustration.

1. The words of a red line are not the customer's trouble now (situation kind
   ``not_current``, whose span drops the fraud, scam or vulnerability cue it covers) when the
   incident is told as past and put right, when the word is asked about as a word (spelling,
   meaning), or when the question is general or hypothetical (if or when *someone* ...).
2. An accessibility request beside a stated condition is a service request (``coping``).
3. Self-directed criticism is no insult and no complaint, and a complaint withdrawn is none
   (``no_complaint``; text.py drops the insult or low-mood words of the criticism).
4. A how-to asked in any question form is ``howto``.
5. A slip the customer owns, an explanation accepted and agreeing to wait are ``resolved``
   (a slip is no scam step): earlier frustration no longer backs a fallback run or the
   escalation model.

Every decoy has must-still-fire neighbours: a theft today is still fraud, a death told as
happened still vulnerability, a complaint made after all still a complaint, a condition on
the wait or a "but" still not resolved. Every sentence here was written for this file, not
taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)


_RED = {"fraud", "fraud_report", "scam", "scam_mention", "vulnerability"}

# ---------------------------------------------------------------- 1. not the trouble now
PAST_PUT_RIGHT = [
    "years ago my debit card was cloned and you refunded everything, can I order a spare?",
    "my purse was nicked in 2017, all sorted then, just want to update my address",
    "I had my online banking hacked a couple of years ago and it got resolved quickly",
    "back in 2020 my card was stolen abroad and you sorted it out, how do I add a travel note?",
    "my account was compromised last year but it was dealt with, is 2FA on by default now?",
    "my aunt passed away in 2021 and I closed her accounts with you then, all done",
]
PAST_BUT_NOW = [
    "my card was cloned in 2019 and you sorted it, now it's been cloned again",
    "my card was stolen last year and it still isn't refunded",
    "my purse was nicked in 2017 and today someone used my new card",
    "my wallet was stolen this morning",
    "someone stole my card yesterday and spent £300",
    "my dad died last year and I'm still struggling, the estate is sorted",
    "my gran passed away last week",
]
WORD_ASKED = [
    "how do you spell bereavement? filling in a form",
    "scammer... is that how you spell it?",
    "what does 'vulnerable customer' mean in your letter",
    "what's the meaning of fraudulent in the terms",
    "how would you spell defrauded",
]
WORD_NOT_ASKED = [
    "what does it mean that someone spent £90 on my card in Leeds",
    "I think I've been scammed, I paid a fake seller £200 for a sofa",
    "my dad died on Sunday, how do I tell you",
]
GENERAL_QUESTION = [
    "what's the procedure if someone has lasting power of attorney over a parent's account",
    "what happens to the savings when one of the account holders dies",
    "how does it work when a customer loses mental capacity",
    "how does lasting power of attorney work?",
    "what paperwork do you need if a relative goes into a care home",
]
NOT_GENERAL = [
    "what happens now my wife has died",
    "what happens if someone has stolen my card and used it",
    "my mum has dementia and I have power of attorney, she's been scammed",
    "what happens if someone has no money for food",
]


@pytest.mark.parametrize("text", PAST_PUT_RIGHT + WORD_ASKED + GENERAL_QUESTION)
def test_a_calm_mention_leaves_no_red_line_cue(text: str) -> None:
    kinds = cue_kinds(text)
    assert "not_current" in kinds
    assert not kinds & _RED, kinds


@pytest.mark.parametrize("text", PAST_BUT_NOW + WORD_NOT_ASKED + NOT_GENERAL)
def test_trouble_now_keeps_its_cue(text: str) -> None:
    kinds = cue_kinds(text)
    assert kinds & _RED, kinds


# ---------------------------------------------------------------- 2. accessibility
ACCESSIBILITY = [
    "I'm partially sighted, could I get large-print letters please",
    "I'm dyslexic, do you do easy-read versions of the terms?",
    "I'm profoundly deaf, can I use relay uk to call you?",
    "my son is autistic and prefers easy read statements, can you send those",
    "I have MS but I'm fine doing most things online, how do I set up a standing order",
]
ACCESSIBILITY_IN_TROUBLE = [
    "I'm registered blind and I can't cope, someone keeps taking money, large-print please",
    "I'm deaf and struggling to pay my rent, do you have easy-read debt letters",
]


@pytest.mark.parametrize("text", ACCESSIBILITY)
def test_an_accessibility_request_is_a_service_request(text: str) -> None:
    assert "coping" in cue_kinds(text)


@pytest.mark.parametrize("text", ACCESSIBILITY_IN_TROUBLE)
def test_an_accessibility_request_in_trouble_is_not_calm(text: str) -> None:
    kinds = cue_kinds(text)
    assert "coping" not in kinds


# ---------------------------------------------------------------- 3. criticism, withdrawn
SELF_CRITICISM = [
    "I'm hopeless with technology, where's the statements button?",
    "lol I'm rubbish with passwords, how do I reset mine",
    "I'm such a dinosaur with online banking, how do I pay a bill",
    "I'm completely useless at apps, can you walk me through it",
]
CRITICISM_OF_THE_BANK = [
    "your app is useless",
    "you're hopeless, three days and nothing",
    "I'm useless with apps but your staff were rude and I want to complain",
]
WITHDRAWN = [
    "it's not a serious complaint, just an observation",
    "don't log that as a complaint please",
    "I wasn't really complaining, just curious",
    "ignore me, forget I said anything",
]
NOT_WITHDRAWN = [
    "forget that, I want to make a formal complaint",
    "not a real complaint but I do want to complain about the fee",
    "I want to make a complaint",
]


@pytest.mark.parametrize("text", SELF_CRITICISM)
def test_self_directed_criticism_is_no_insult_or_complaint(text: str) -> None:
    kinds = cue_kinds(text)
    assert "no_complaint" in kinds
    assert not kinds & {"insult", "vulnerability", "exasperation"}, kinds


@pytest.mark.parametrize("text", CRITICISM_OF_THE_BANK)
def test_criticism_of_the_bank_stays(text: str) -> None:
    kinds = cue_kinds(text)
    assert "no_complaint" not in kinds
    assert kinds & {"insult", "complaint", "exasperation"}, kinds


@pytest.mark.parametrize("text", WITHDRAWN)
def test_a_withdrawn_complaint_is_none(text: str) -> None:
    assert "no_complaint" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_WITHDRAWN)
def test_a_complaint_made_after_all_is_not_withdrawn(text: str) -> None:
    assert "no_complaint" not in cue_kinds(text)


# ---------------------------------------------------------------- 4. how-to questions
HOWTO = [
    "what's the quickest way to report a phishing email?",
    "is there a way to flag a suspicious text message",
    "how to report a fake investment advert?",
    "could you tell me how to report a dodgy caller",
    "how would I go about reporting a scam website?",
]
NOT_HOWTO = [
    "I clicked a link in a text and put my card details in",
    "report fraud",
    "what's the best way to get my £400 back, I paid a fake seller",
]


@pytest.mark.parametrize("text", HOWTO)
def test_a_how_to_in_any_question_form(text: str) -> None:
    assert "howto" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_HOWTO)
def test_a_report_is_no_how_to(text: str) -> None:
    assert "howto" not in cue_kinds(text)


# ---------------------------------------------------------------- 5. resolutions
RESOLVED = [
    "ah hang on, I'd put the wrong pin in, my fault",
    "oh I must have typed the card number wrong",
    "user error, sorry!",
    "it's the annual card fee? fair enough",
    "ahh ok that makes sense, thanks",
    "oh right, that's why. cheers",
    "ok I'll wait then",
    "happy to wait, thanks",
    "I'll give it a couple of days",
    "I'll check back tomorrow 👍",
]
NOT_RESOLVED = [
    "I typed the pin wrong once and now the card's blocked",
    "the machine says I entered it wrong but I didn't",
    "I never typed it in wrong",
    "fair enough but why wasn't I warned",
    "fair enough?",
    "oh I see you've taken the fee twice",
    "I'll wait for someone to call me",
    "I suppose I'll have to wait 🙄",
    "I'll wait, but if it's not back by Monday I'm going to the ombudsman",
    "I can't wait any longer",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_a_resolution_in_other_forms(text: str) -> None:
    assert "resolved" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_a_problem_that_goes_on_is_not_resolved(text: str) -> None:
    assert "resolved" not in cue_kinds(text)


def test_a_slip_owned_is_no_scam_step() -> None:
    assert "scam_step" not in cue_kinds("oh wait, I'd typed my pin in wrong three times")


# ---------------------------------------------------------------- routing
@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[tuple[str, str, float]]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r17-calm")


STAY_WITH_THE_BOT = [
    [
        ("back in 2018 my card got skimmed and you refunded it, great", "nlu_fallback", 0.4),
        ("can I get a contactless card now?", "card_about_to_expire", 0.7),
    ],
    [("what does fraudulent mean, writing an essay", "nlu_fallback", 0.4)],
    [
        ("what's the procedure if someone has power of attorney for an aunt", "nlu_fallback", 0.4),
        ("just asking in general", "nlu_fallback", 0.4),
    ],
    [("I'm blind and would like braille or large-print statements", "nlu_fallback", 0.4)],
    [
        ("lol I'm hopeless with technology, the kids despair", "complain", 0.6),
        ("where do I see my pin", "get_physical_card", 0.7),
    ],
    [
        ("complaint: your branch has no biscuits 😂", "complain", 0.9),
        ("it's not a serious complaint, just an observation", "complain", 0.8),
    ],
    [("what's the quickest way to report a scam text to you?", "out_of_scope", 0.6)],
    [
        ("why on earth was my card declined at the till!!", "nlu_fallback", 0.4),
        ("ah hang on, I'd put the wrong pin in, my fault", "nlu_fallback", 0.4),
    ],
    [
        ("What is this £25 charge??", "extra_charge_on_statement", 0.7),
        ("oh it's the annual card fee? fair enough", "nlu_fallback", 0.4),
        ("how do I switch to the free account", "nlu_fallback", 0.4),
    ],
    [
        ("my transfer to my landlord hasn't arrived, it's been 3 days", "pending_transfer", 0.6),
        ("oh the app says processing, ok I'll wait then", "nlu_fallback", 0.4),
    ],
]


@pytest.mark.parametrize("messages", STAY_WITH_THE_BOT, ids=lambda m: m[0][0][:30])
def test_a_calm_mention_or_a_resolution_stays_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    assert _route(router, messages) == ("bot", None)


_FRESH_THEFT = "someone stole my card this morning and spent £250 at a garage"
_REAL_DEATH = "my husband died last week and I don't know what to do"
_COMPLAINT_AFTER_ALL = "forget that, I want to make a formal complaint about your staff"
_PHISHED = "I clicked a link in a text pretending to be you and typed in my card details"
STILL_ESCALATED = [
    # a fresh theft is still fraud
    ([(_FRESH_THEFT, "report_fraud", 0.8)], "fraud"),
    # a death told as happened is still vulnerability
    ([(_REAL_DEATH, "nlu_fallback", 0.4)], "vulnerable_customers"),
    # a complaint made after all is still a complaint
    ([(_COMPLAINT_AFTER_ALL, "complain", 0.9)], "complaints"),
    # criticism of the bank is still a complaint
    ([("your app is useless and I want to complain", "complain", 0.9)], "complaints"),
    # a report is still fraud
    ([(_PHISHED, "report_fraud", 0.8)], "fraud"),
]


@pytest.mark.parametrize(("messages", "lane"), STILL_ESCALATED, ids=lambda m: str(m)[:30])
def test_trouble_told_now_still_reaches_a_person(
    router: Router, messages: list[tuple[str, str, float]], lane: str
) -> None:
    assert _route(router, messages)[0] == lane


def test_a_slip_with_trouble_after_it_still_reaches_a_person(router: Router) -> None:
    lane, turn = _route(
        router,
        [
            ("why was my card declined at the till!!", "nlu_fallback", 0.4),
            ("I typed the pin wrong once and now it's blocked, I can't pay", "nlu_fallback", 0.4),
            ("this is ridiculous, I need it working now", "nlu_fallback", 0.4),
        ],
    )
    assert lane == "general_banking"
    assert turn is not None
