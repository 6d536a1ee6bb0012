"""Round 21, helper r21g (principle 2): English ideas the cues know, matched by grammar, not by
the one wording a set used. Per class, fresh sentences (written for this test from the
concept, different words in each slot) must route as the idea asks, and calm sentences of the
same words must stay with the bot:

* a call back asked with any contact verb (call, ring, phone, bell, buzz) + me + where/when;
* a cue's noun in the possessive ("the ombudsman's address") still names it;
* a loss verb in every tense and aspect ("vanishes", "has vanished", "keeps disappearing");
* an amount disowned by "never"/"didn't" + a verb of the disowning class + "that";
* a caller's instruction reported (said/told me/asked me/got me + to + step) is the step."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals.text import analyze_text
from tests.conftest import RULES, cue_kinds, route_fallbacks

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)  # a Tuesday, lanes open


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "banking.yaml")


CALL_BACK = [
    "ring me on the mobile number you've got for me",
    "bell me back please, I have to go out soon",
    "phone me at work, I'm free till four",
    "buzz me back asap",
    "give me a bell, this chat is going nowhere",
    "can you give us a buzz, much easier",
    "telephone me on my landline instead",
    "could somebody ring me back today",
]
NOT_CALL_BACK = [
    "ring me a reminder? no, how do I set alerts",
    "just call me Dave, everyone does",
    "did you ring me on Monday? I missed it",
    "they'll phone me at 5 apparently, is that normal?",
    "don't ring me on this number, it's my work phone",
    "call me when the transfer lands",
]


@pytest.mark.parametrize("text", CALL_BACK)
def test_a_call_back_by_any_contact_verb_asks_for_a_person(router: Router, text: str) -> None:
    assert "human_demand" in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] != "bot"


@pytest.mark.parametrize("text", NOT_CALL_BACK)
def test_a_call_told_or_named_is_no_request(text: str) -> None:
    assert "human_demand" not in cue_kinds(text)


POSSESSIVE_LEGAL = [
    "where do I find the ombudsman's address",
    "give me the regulator's email, I'm done with you lot",
    "send me the Financial Ombudsman's contact form",
    "what's the solicitor's number you use, mine will be in touch",
]
POSSESSIVE_CALM = [
    "the ombudsman's job is what?",
    "what's the FCA's role exactly?",
    "what are the regulator's powers?",
]


@pytest.mark.parametrize("text", POSSESSIVE_LEGAL[:3])
def test_a_legal_noun_in_the_possessive_still_names_it(router: Router, text: str) -> None:
    assert "legal_threat" in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "complaints"


@pytest.mark.parametrize("text", POSSESSIVE_CALM)
def test_the_regulators_role_asked_is_a_topic(router: Router, text: str) -> None:
    assert "legal_topic" in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "bot"


@pytest.mark.parametrize(
    "text", ["I'm a real person's carer", "my adviser's name was Tom, is she in today?"]
)
def test_a_person_in_the_possessive_is_no_request(text: str) -> None:
    assert "human_demand" not in cue_kinds(text)


LOSS_TENSES = [
    "£210 just vanishes from my account overnight and it's not mine",
    "£75 has vanished from my account, that wasn't me",
    "money keeps disappearing from my account and I didn't do it",
    "my savings are draining and I never touched them, no idea where it went",
    "£40 disappears out of my balance every week, not me, no idea who",
]
LOSS_CALM = [
    "money vanishes so fast in December lol how do I budget",
    "my savings keep going down, how do I budget better?",
    "where does my wage go every month, can I see spending by category?",
]


@pytest.mark.parametrize("text", LOSS_TENSES)
def test_a_loss_verb_in_any_tense_with_a_disowning_is_fraud(router: Router, text: str) -> None:
    assert route_fallbacks(router, NOW, text)[0] == "fraud"


@pytest.mark.parametrize("text", LOSS_CALM)
def test_money_spent_fast_is_no_fraud(router: Router, text: str) -> None:
    assert route_fallbacks(router, NOW, text)[0] == "bot"


DISOWNED_AMOUNT = [
    "£85 at a garage in Leeds, I never spent that",
    "£300 cash out at 2am, I definitely didn't withdraw that",
    "£60 to some site called Zenbet, we never made that",
    "there's a £19.99 transaction from a shop in Spain, I didn't spend that",
    "a £40 purchase I never approved",
]
DISOWNED_CALM = [
    "I never use my card abroad, is it safe?",
    "I only had £50 this week, I didn't spend that much",
    "I got £200 for my birthday and I never spent it, can I save it?",
]


@pytest.mark.parametrize("text", DISOWNED_AMOUNT)
def test_an_amount_disowned_by_never_is_fraud(router: Router, text: str) -> None:
    assert "fraud_report" in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "fraud"


@pytest.mark.parametrize("text", DISOWNED_CALM)
def test_never_about_ones_own_habits_is_no_fraud(router: Router, text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "bot"


REPORTED_STEP = [
    "a woman rang saying she was from your fraud team and she said to read her the code",
    "someone phoned from your security team and they asked me to download an app",
    "a guy from your fraud department got me to approve the notification",
    "the police officer who rang made me send him £900",
    "he claimed to be from the bank and told us to transfer our savings",
]
REPORTED_CALM = [
    "my daughter said to send her the money for rent, how do I set up a payee?",
    "my adviser told me to move it into an ISA, how do I do that?",
    "the app told me to enter the code, where do I find it?",
]


@pytest.mark.parametrize("text", REPORTED_STEP)
def test_a_callers_instruction_reported_is_the_step(router: Router, text: str) -> None:
    assert "scam_step" in cue_kinds(text) or "scam" in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "fraud"


@pytest.mark.parametrize("text", REPORTED_CALM)
def test_an_instruction_from_no_poser_stays_with_the_bot(router: Router, text: str) -> None:
    assert route_fallbacks(router, NOW, text)[0] == "bot"


REPEAT_CLAUSE = [
    "I asked this already, that doesn't answer it",
    "told you that before and this still doesn't answer anything",
    "I've explained this twice, that does not answer my question",
]


@pytest.mark.parametrize("text", REPEAT_CLAUSE)
def test_a_repeat_with_its_object_counts_and_a_non_answer_is_no_harm_done(text: str) -> None:
    kinds = cue_kinds(text)
    assert "repeated_asking" in kinds
    assert "not_understood" in kinds
    assert "no_harm" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "mum keeps getting calls from people posing as you, she doesn't answer them",
        "we get fake bank calls all the time, I never answer them",
    ],
)
def test_calls_refused_are_still_no_harm(text: str) -> None:
    assert "no_harm" in cue_kinds(text)
    assert "not_understood" not in cue_kinds(text)


@pytest.mark.parametrize(
    "text", ["does that answer it? thanks, all good", "can you answer this: what's my limit?"]
)
def test_an_answer_asked_about_is_no_complaint(text: str) -> None:
    assert not {"not_understood", "repeated_asking"} & cue_kinds(text)


TRAVEL_FAILURE = [
    "transaction not permitted on my card and I'm at the airport, flight leaves in 2 hours",
    "I'm at the hotel and the hotel needs paying, card keeps saying payment not permitted",
    "at the train station and purchase denied every time, no other card on me",
]
TRAVEL_CALM = [
    "is contactless not allowed abroad?",
    "I'm flying to Spain next week, will my card work?",
]


@pytest.mark.parametrize("text", TRAVEL_FAILURE)
def test_a_refusal_as_a_terminal_prints_it_is_a_failure_beside_travel(
    router: Router, text: str
) -> None:
    assert {"harm_told", "travel_stakes"} <= cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "general_banking"


@pytest.mark.parametrize("text", TRAVEL_CALM)
def test_travel_asked_about_stays_with_the_bot(router: Router, text: str) -> None:
    assert "harm_told" not in cue_kinds(text)
    assert route_fallbacks(router, NOW, text)[0] == "bot"


# --- a call asked about is not a call asked for (integrator, after round 21's local CI) -----


@pytest.mark.parametrize(
    "text",
    [
        "did someone from the bank call me today?",
        "why did you ring me at 6am?",
        "hi, did anyone try to phone me on monday?",
        "did u guys call me earlier",
        "didnt someone call me at 3?",
    ],
)
def test_a_call_asked_about_is_no_request(text: str) -> None:
    assert not analyze_text(text).human_request


@pytest.mark.parametrize(
    "text",
    [
        "did my payment go through? call me back please",
        "did that go through, can someone call me back",
        "did it fail again, please ring me back",
        "can someone call me today please",
    ],
)
def test_a_call_asked_for_after_a_past_question_is_a_request(text: str) -> None:
    assert analyze_text(text).human_request
