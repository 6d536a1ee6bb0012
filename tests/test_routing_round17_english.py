"""Round 17 of issue 11 (helper r17e): English broken promises, sarcasm beside consequences,
requests by role, "not me" alibis and three scam shapes (principle 5 of the thirteenth set's
diagnosis).

1. A promise quoted or reported against the time since ("you said 3 days, it's been 10"), or
   a call back promised and not made, is a failure (still_not); a quoted promise mocked and a
   promise "heard before" are sarcasm. A promise still to run, or asked about, is not.
2. Praise beside a consequence the customer is left with (no money till Monday, a missed
   payment, a late fee) is sarcasm; praise after a success stays praise.
3. A colleague, supervisor or manager asked for by role to look at the case is a request for
   a person; the customer's own colleague, or staff talked about, is not.
4. Unauthorised use told as an alibi (lives elsewhere and has not used it, never been where
   the money went, a charge beside a card not used) or an unknown payee ("I haven't sent
   anything to them") is a fraud report; a card not used for a while, or a payee not paid
   yet, is not.
5. Scams: a payee-name mismatch pressed to pay anyway, credentials filled in on a page from a
   message, an ATM keeping the card while a stranger urges the PIN. Calm questions about
   Confirmation of Payee, phishing emails or a retained card are not.
6. Fear of court or bailiffs is vulnerability; a calm question about a court fee is not.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds

BROKEN_PROMISES = [
    "you said 48 hours, it's been 6 days",
    "I was told 3 to 5 working days and it's been two weeks",
    "they promised 24 hours and now it's been 4 days",
    "the app said 1 hour, it's been a week",
    "10 working days you said, 17 now",
    "you told me 2 days, five days later",
    "the adviser said a week, we're on day 12",
    "she promised me a call back and nothing",
    "my mortgage adviser was supposed to ring me back this morning",
    "the branch said they'd call me back about the cheque",
    "you lot were meant to call me back at 10",
]
PROMISES_KEPT_OR_ASKED = [
    "you said 3 days, is that working days?",
    "they said 2 hours, is that normal for an international payment?",
    "the app said 24 hours, when does that start?",
    "my adviser promised a call back tomorrow, can I check my balance meanwhile",
    "she said she'd call me back later today, that's fine",
    "you said 5 working days and it's arrived, thanks",
    "the letter said 10 days",
    "I was told to bring two forms of ID",
]


@pytest.mark.parametrize("text", BROKEN_PROMISES)
def test_a_promise_against_the_time_since_is_a_failure(text: str) -> None:
    assert "still_not" in cue_kinds(text)


@pytest.mark.parametrize("text", PROMISES_KEPT_OR_ASKED)
def test_a_promise_still_running_or_asked_about_is_no_failure(text: str) -> None:
    assert "still_not" not in cue_kinds(text)


MOCKED_PROMISES = [
    "lol 'within 2 working days' they said. it's been 8 days",
    "'should be there in 24 hours' 🙃 it's been 3 days",
    "yeah right, heard that one before",
    "funds released today? heard it all before",
    "oh sure, heard that line before",
]
NOT_MOCKED = [
    "I've heard that before about apple pay, is it true?",
    "heard that before?",
    "he said 'it will arrive in 2 days', can I track it?",
    "it says 'processing within 3 days' on the screen, what does it mean",
]


@pytest.mark.parametrize("text", MOCKED_PROMISES)
def test_a_promise_mocked_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_MOCKED)
def test_a_promise_quoted_or_heard_calmly_is_not_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)


SARCASM_BESIDE_A_CONSEQUENCE = [
    "brilliant, so I'm supposed to feed the kids on nothing till Friday",
    "great, so I'm expected to just wait while my rent is due",
    "lovely. I've now missed my rent",
    "wonderful, left without my wages for the weekend",
    "amazing, I've missed the mortgage payment thanks to you",
    "perfect, my direct debit bounced",
    "fantastic, no money till Tuesday",
]
PRAISE_AFTER_SUCCESS = [
    "great, it's arrived now, cheers",
    "brilliant, that worked, thanks",
    "lovely, the payment went through, cheers",
    "perfect, sorted now, thank you",
    "amazing, no fees at all on that, thanks",
    "great, so I'm meant to use the new card from today? thanks",
]


@pytest.mark.parametrize("text", SARCASM_BESIDE_A_CONSEQUENCE)
def test_praise_beside_a_consequence_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


@pytest.mark.parametrize("text", PRAISE_AFTER_SUCCESS)
def test_praise_after_success_stays_praise(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)


REQUESTS_BY_ROLE = [
    "could you get a colleague to check this please",
    "can you get a supervisor to have a look",
    "please get a manager to review my case",
    "ask your supervisor to look into it",
    "have one of your colleagues look at my account",
    "can you have a specialist take a look at this",
    "just get a human to deal with this",
    "could you pass this to a colleague",
    "escalate this to your manager please",
    "can you hand this over to someone senior",
    "let your team leader look at it",
]
NOT_REQUESTS = [
    "I'll ask a colleague to check the invoice first",
    "my colleague said to look at this page",
    "my manager asked me to check the statement",
    "do your colleagues work on Sundays?",
    "a colleague of mine banks with you too",
    "let me check with my manager and come back",
    "can I pass this card to my son?",
]


@pytest.mark.parametrize("text", REQUESTS_BY_ROLE)
def test_a_person_asked_for_by_role_is_a_request(text: str) -> None:
    assert analyze_text(text).human_request, text


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_staff_or_colleagues_talked_about_are_no_request(text: str) -> None:
    assert not analyze_text(text).human_request, text


NOT_ME = [
    "we live in Norwich and have never been there",
    "I'm based in Glasgow, I haven't been near the place",
    "I live in York but haven't used it in weeks",
    "charges from a petrol station in Hull, I've never been to Hull",
    "I've never even been to Spain and there are payments from Madrid",
    "there's a £75 payment from a takeaway, I haven't used my card since Sunday",
    "three transactions this morning and I didn't even have the card on me",
    "who is that? I've never sent money to them",
    "I haven't paid anything to this company",
    "we never transferred any money to him",
]
NOT_NOT_ME = [
    "I haven't used it in a while, is it still active?",
    "I haven't used my card since 2020, does it expire?",
    "I live in Leeds and haven't been to a branch in years",
    "I live in Spain, can I still use the app?",
    "I've never been to Spain, what fees would I pay there?",
    "I haven't sent anything to them yet, how do I add a payee",
    "I've never sent money to them before, is it safe?",
    "the payment went to my landlord, I haven't paid him this month yet",
]


@pytest.mark.parametrize("text", NOT_ME)
def test_an_alibi_or_an_unknown_payee_is_a_fraud_report(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_NOT_ME)
def test_a_card_unused_or_a_payee_unpaid_is_no_fraud_report(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


SCAMS = [
    # a payee-name mismatch pressed to pay anyway
    "the payee check came back as no match but the seller says pay it anyway",
    "it said the name doesn't match and she keeps messaging me to send it",
    "name check says not a match, he says it's his company account and he needs it now",
    "the agent keeps texting just pay, it's their trading account, it's urgent",
    # credentials filled in from a message
    "I filled the form in with my password and security answers",
    "filled everything in including my pin",
    "clicked the text link, went to the site and I entered my online banking password",
    "the email took me to a page and I typed in my memorable word",
    # card trapping
    "the cash machine swallowed my card and a woman next to me told me to put my PIN in again",
    "the cashpoint kept the card, a guy said to retype my pin and it would come out",
    "a man behind me said to enter my PIN again and then the machine kept my card",
]
CALM_SCAM_QUESTIONS = [
    "what does it mean when the payee check says no match?",
    "how does Confirmation of Payee work?",
    "the name doesn't match because it's my business account, is that ok?",
    "I got a phishing email, where do I forward it?",
    "how do I know if an email asking for my password is really from you?",
    "I typed my password wrong three times and now I'm locked out",
    "it asked for my memorable word but I didn't enter it",
    "what do I do if an ATM keeps my card?",
    "the cash machine kept my card, how do I get a new one",
    "can I change my PIN at a cash machine?",
]


@pytest.mark.parametrize("text", SCAMS)
def test_scam_shapes(text: str) -> None:
    assert "scam" in cue_kinds(text)


@pytest.mark.parametrize("text", CALM_SCAM_QUESTIONS)
def test_calm_questions_about_scams_are_no_scam(text: str) -> None:
    assert "scam" not in cue_kinds(text)


FEAR_OF_LEGAL_STEPS = [
    "I'm so scared, the letter talks about court",
    "really frightened the bailiffs will come",
    "I am terrified of being evicted",
    "we're afraid it means debt collectors",
]
NO_FEAR = [
    "what is the court fee for a claim?",
    "is a court order needed to freeze an account?",
    "I'm scared of heights lol, anyway how do I order a card",
]


@pytest.mark.parametrize("text", FEAR_OF_LEGAL_STEPS)
def test_fear_of_a_legal_step_is_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", NO_FEAR)
def test_no_fear_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)
