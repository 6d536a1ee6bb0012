"""Round 18 of issue 11, principle 4: English forms no cue covered.

1. A person asked for by channel or appointment ("put me through to live chat", "could you
   set up a meeting with an adviser?") is a request; a question about the channel is not.
2. "Not me" about a payment named by its amount, intensified or not, "I don't remember it"
   about one, and credit told as taken out in the customer's name by a letter are reports.
3. A compensation claim for a loss the bank caused is a complaint; a question about
   compensation schemes is not.
4. A hold told as a state in a question ("is my account frozen") is a bank hold; a
   hypothetical ("... if I go overdrawn?") is not.
5. Vulnerability told as circumstance: a stated old age with a failing sense or no one to
   help, the relative who helped gone.
6. Scam shapes: remote access told by its effect, an authority's title who rang beside a
   payment, a threat of arrest unless paid, a payee's changed bank details before a large
   payment (not when confirmed with the payee by phone).
7. Warm praise of the bank's reasoning ("flawless logic") is sarcasm; logic asked about or
   understood is not.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


REQUESTS = [
    "please connect me to live chat",
    "can you put me through to the adviser line",
    "pass me over to web chat",
    "I need to talk about my mortgage with someone face to face",
    "could you arrange a call with me tomorrow?",
    "please schedule an appointment or a call, whichever is sooner",
    "I'd like to meet an adviser about my savings",
]
NOT_REQUESTS = [
    "when does live chat open on Sundays?",
    "is web chat available at the weekend?",
    "how do I arrange an appointment?",
    "how can I set up a call with the mortgage team?",
    "I met an adviser last week and she was lovely",
    "I need telephone banking set up, how?",
]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_person_asked_for_by_channel_or_appointment(text: str) -> None:
    assert "human_demand" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_a_question_about_a_channel_is_no_request(text: str) -> None:
    assert "human_demand" not in cue_kinds(text)


NOT_ME = [
    "the £89.50 at a petrol station, I absolutely didn't make that",
    "I genuinely never bought a £600 laptop",
    "there's £45 to a gaming site I really didn't authorise",
    "honestly not me, no idea who did it",
    "what's the £12.99 to 'QZV LTD' last Monday? I can't remember making it",
    "I just had a letter saying I've opened a credit card with you, I haven't",
    "my credit report says I have taken out a loan, never heard of it",
]
NOT_A_DENIAL = [
    "I don't remember my PIN, can I reset it?",
    "I've got £200 I didn't spend last month, can it go into savings?",
    "I didn't make the £50 payment yet, when is it due?",
    "I spent £400 on things I don't remember buying properly, I was unwell",
    "I sent £60 and don't remember it arriving quickly last time",
    "a letter saying I've been approved for an overdraft, thanks",
]


@pytest.mark.parametrize("text", NOT_ME)
def test_not_me_about_a_named_payment_or_credit_is_a_report(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_A_DENIAL)
def test_memory_or_own_spending_is_no_denial(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


COMPENSATION = [
    "your outage cost me a £90 late fee and I expect compensation",
    "I'm claiming compensation for the missed mortgage payment your error caused",
    "you need to reimburse me for the charges I got hit with",
    "I deserve compensation, the transfer was three days late because of you",
]
NOT_COMPENSATION = [
    "how does the compensation scheme protect my savings?",
    "how do I claim compensation if a shop goes bust?",
    "what is the FSCS limit for compensation",
]


@pytest.mark.parametrize("text", COMPENSATION)
def test_a_compensation_claim_is_a_complaint(text: str) -> None:
    assert "complaint" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_COMPENSATION)
def test_a_question_about_compensation_is_no_complaint(text: str) -> None:
    assert "complaint" not in cue_kinds(text)


HOLDS = [
    "why is my account blocked??",
    "are my payments suspended or what",
    "has my card been frozen, it won't work anywhere",
    "my debit card is suspended and I didn't do anything",
]
NOT_HOLDS = [
    "is my account frozen if I go over my overdraft?",
    "are my payments stopped when I report a lost card?",
    "what happens if my card is blocked abroad?",
    "my card is blocked because I typed the wrong PIN three times, how do I unblock it?",
    "is my card blocked? I froze it in the app yesterday",
]


@pytest.mark.parametrize("text", HOLDS)
def test_a_hold_told_as_a_state_is_a_bank_hold(text: str) -> None:
    assert "bank_hold" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_HOLDS)
def test_a_hypothetical_hold_is_none(text: str) -> None:
    assert "bank_hold" not in cue_kinds(text)


VULNERABLE = [
    "I am 91 and my eyesight is poor, I can't manage the app",
    "I'm 78 and I get confused with the phone banking menus",
    "my daughter used to do my banking but she's gone abroad",
    "my husband always helped me but he passed last spring",
]
NOT_VULNERABLE = [
    "I'm 80 and perfectly fine with the app, just checking my balance",
    "I'm 90 and live alone but I'm fine, just checking my balance",
    "my son used to help but now I manage the app myself",
    "I'm 25 and I can't see the numbers on my statement, is the pdf broken?",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_vulnerability_told_as_circumstance(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_age_or_past_help_alone_is_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)


SCAMS = [
    "the caller was able to see my screen while I typed",
    "the man talked me into installing some software so he could fix it",
    "they took control of my laptop and opened my banking",
    "I sent £700 to a 'court officer' that phoned me this morning",
    "he told me I would be arrested unless I paid the fine today",
    "our conveyancer's email says they have new bank details, we complete Friday on £40k",
    "is it normal for a builder to change their bank details just before the final payment?",
]
NOT_SCAMS = [
    "can you see my screen?",
    "the app asked me to update to the latest version",
    "I phoned my solicitor and confirmed their new account details, sending the deposit now",
    "my builder switched banks last year, how do I edit a saved payee?",
    "a police officer rang about my stolen bike, gave me a crime number",
    "can you be arrested for not paying council tax?",
]


@pytest.mark.parametrize("text", SCAMS)
def test_scam_shapes_in_other_words(text: str) -> None:
    assert "scam" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_SCAMS)
def test_calm_neighbours_of_scam_shapes(text: str) -> None:
    assert "scam" not in cue_kinds(text)


SARCASTIC_REASONING = [
    "you block my card to protect me and then charge me for a new one. brilliant reasoning",
    "fee for having no money because of your fee. flawless logic",
    "so I pay to get my own money back? watertight logic there",
]
SINCERE_REASONING = [
    "is there any logic to how the overdraft fees work?",
    "ok the logic is clear now, thanks",
    "great thinking there, thanks for the tip about round-ups",
]


@pytest.mark.parametrize("text", SARCASTIC_REASONING)
def test_warm_praise_of_the_banks_reasoning_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


@pytest.mark.parametrize("text", SINCERE_REASONING)
def test_logic_asked_about_or_understood_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)


# ---------------------------------------------------------------- routing
@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[tuple[str, str, float]]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r18-english")


STAY_WITH_THE_BOT = [
    [("when does live chat open on Sundays?", "nlu_fallback", 0.4)],
    [("how do I arrange an appointment?", "nlu_fallback", 0.4)],
    [("is my account frozen if I go over my overdraft?", "nlu_fallback", 0.4)],
    [("how does the compensation scheme protect my savings?", "nlu_fallback", 0.4)],
    [("I don't remember my PIN, can I reset it?", "get_physical_card", 0.6)],
    [
        (
            "I phoned my solicitor and confirmed their new account details, sending the deposit",
            "transfer_into_account",
            0.6,
        )
    ],
    [("is there any logic to how the overdraft fees work?", "nlu_fallback", 0.4)],
]


@pytest.mark.parametrize("messages", STAY_WITH_THE_BOT, ids=lambda m: m[0][0][:30])
def test_calm_questions_about_these_topics_stay_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    assert _route(router, messages) == ("bot", None)


REACH_A_PERSON = [
    ([("please connect me to live chat", "nlu_fallback", 0.4)], "general_banking"),
    (
        [("I definitely didn't make that £200 payment to a gaming site", "nlu_fallback", 0.4)],
        "fraud",
    ),
    (
        [("I expect compensation, your outage made me miss my rent", "nlu_fallback", 0.4)],
        "complaints",
    ),
    (
        [
            (
                "our conveyancer's email says they have new bank details, we complete Friday",
                "nlu_fallback",
                0.4,
            )
        ],
        "fraud",
    ),
]


@pytest.mark.parametrize(("messages", "lane"), REACH_A_PERSON, ids=lambda m: str(m)[:30])
def test_these_forms_reach_a_person(
    router: Router, messages: list[tuple[str, str, float]], lane: str
) -> None:
    assert _route(router, messages)[0] == lane
