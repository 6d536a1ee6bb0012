"""Issue 11, routing round 3: the failure classes of both development sets, tested with
phrasings written for these tests (none copied from tests/data/routing_eval or routing_dev),
each with near-miss negatives: routine questions that mention fraud, a hold, a complaint or
a lawyer in passing, or praise that is sincere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from handoff import Router
from handoff.models.conversation import Conversation
from handoff.signals import situations
from handoff.signals.text import analyze_text

ROOT = Path(__file__).resolve().parents[1]
ROUTER = Router.from_path(ROOT / "rules" / "banking.yaml")
NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)  # a Tuesday morning: every team open


def kinds(text: str) -> set[str]:
    return {c.kind for c in analyze_text(text).cues}


def play(
    users: Sequence[dict[str, Any]], flags: tuple[str, ...] = ()
) -> tuple[str, int | None, str | None]:
    """(lane, customer message at which a person came in or None, rule): each of ``users`` (a
    customer turn with its parse) is routed with the state of the turn before and answered by
    the bot with its intent's utterance, as the evaluation plays a conversation."""
    turns: list[dict[str, Any]] = []
    state = None
    for number, user in enumerate(users, start=1):
        turns.append(user)
        conversation = Conversation.model_validate(
            {"turns": turns, "account": {"risk_flags": list(flags)}}
        )
        if state is not None:
            conversation = conversation.model_copy(update={"state": state})
        decision = ROUTER.route(conversation, now=NOW)
        state = decision.state
        if decision.handoff:
            return decision.lane, number, decision.rule_id
        turns.append({"role": "bot", "action": f"utter_{user['intent']['name']}"})
    return "bot", None, None


def route(
    *messages: str, intent: str = "out_of_scope", flags: tuple[str, ...] = ()
) -> tuple[str, int | None, str | None]:
    """(lane, customer message at which a person came in or None, rule): each message parsed
    as ``intent`` at 0.9 and answered by the bot, as the evaluation plays a conversation."""
    parse = {"name": intent, "confidence": 0.9}
    return play([{"role": "user", "text": text, "intent": parse} for text in messages], flags)


# ------------------------------------------------------------------ the anchor gating


def _ungated(text: str) -> list[tuple[str, int, int, float]]:
    lowered = text.lower().replace("’", "'")
    found = []
    for shape in situations._SHAPES:
        match = shape.pattern.search(lowered)
        if match is not None:
            found.append((shape.kind, *situations.evidence_span(match), shape.weight))
    return found


POSITIVES = [
    # fraud_report: denials, with the anchor words that used to be missing
    ("fraud_report", "there are two transactions on my statement we did not make"),
    ("fraud_report", "a charge for £310 that I do not authorise, please stop it"),
    ("fraud_report", "I certainly didn't order anything from that website"),
    ("fraud_report", "no idea who made these withdrawals, my card never left my bag"),
    ("fraud_report", "That was not me, I was asleep at 3am"),
    ("fraud_report", "my sister still has my bank details from when she borrowed my card"),
    ("fraud_report", "a purchase in Leeds yesterday and I have never even been to Leeds"),
    # scams
    ("scam", "an email about my tax refund came through and I opened it and followed the steps"),
    ("scam", "the page wanted my online banking details and we typed them all in"),
    ("scam", "the supplier says they never changed their bank details but we paid the new ones"),
    ("scam", "we have never met in person, he is working on an oil rig"),
    ("scam", "a trader I met on Telegram says the returns are 30% a month"),
    ("scam", "they want a release fee so I can withdraw my investment"),
    # vulnerability
    ("vulnerability", "I keep chasing my losses on the slots"),
    ("vulnerability", "it's been a rough month mentally and I'm spending without thinking"),
    ("vulnerability", "my boyfriend checks my statements and I'm never allowed my own money"),
    ("vulnerability", "there's nothing left for food this week"),
    ("vulnerability", "my grandson normally does my online banking"),
    ("vulnerability", "worried we'll have enough to pay the rent after this"),
    # sarcasm and failure
    ("sarcasm", "thank you very much for nothing"),
    ("sarcasm", "what a genius you are. still no refund"),
    ("sarcasm", "app crashed again. Brilliant."),
    ("sarcasm", "precisely how I wanted to start my Monday"),
    ("sarcasm", "is it too much to ask for a straight answer"),
    ("sarcasm", "like it's the 1970s"),
    ("repeated_asking", "my card has been declined five times today"),
    ("repeated_asking", "fine, I'll ask it again. where is my statement"),
    ("no_help", "you just sent me another link"),
    ("no_help", "will you fix it or not"),
    # asking for someone able to act
    ("human_demand", "could somebody please process the refund"),
    ("human_demand", "there must be someone who can sort this"),
    ("human_demand", "I want somebody more senior"),
    ("human_demand", "who can I talk to about a mortgage holiday"),
    # holds, complaints, legal, resolution
    ("bank_hold", "my funds have been frozen since Monday"),
    ("bank_hold", "you have suspended my account without telling me"),
    ("complaint", "is there any progress on my complaint from March"),
    ("legal_threat", "you'll get a letter before claim from me"),
    ("resolved", "false alarm, it was the gym"),
    ("resolved", "ah I forgot about that, sorry"),
    ("good_news", "LOAN APPROVED, FINALLY!!"),
    ("deadline", "my council tax payment has to go today"),
    ("deadline", "we could lose our deposit on the flat"),
    ("deadline", "I have to transfer the money this afternoon"),
    # a third batch
    ("sarcasm", "ta for your help, not"),
    ("repeated_asking", "I have literally already explained this"),
    ("repeated_asking", "you are repeating yourself"),
    ("churn_threat", "we're moving our business to a proper bank"),
    ("vulnerability", "I'm off work with depression at the moment"),
    ("good_news", "we've just paid off the overdraft!!"),
    ("not_understood", "all I want is a straight answer"),
    ("still_not", "I was promised the fee would be reversed and it never was"),
    ("no_help", "ok so no one has a clue then"),
    # a second batch, written to probe the shapes after the first round of fixes
    ("human_demand", "can I have a word with one of your team"),
    ("human_demand", "I'd rather deal with a person"),
    ("human_demand", "pls get a human"),
    ("human_demand", "I want to call you, what's the number"),
    ("fraud_report", "there's a £52 payment to Uber that isn't mine"),
    ("fraud_report", "these Deliveroo orders aren't mine"),
    ("fraud_report", "I've got 4 payments to a betting site I've never used"),
    ("fraud_report", "someone has been logging into my app"),
    ("fraud_report", "my phone suddenly lost signal and now I can't get into my banking"),
    ("scam", "he said my account was at risk and told me to move everything to a new account"),
    ("scam", "I paid a deposit for a puppy and now the seller won't answer"),
    ("scam", "I sent £2k to a platform and now they want more before I can withdraw"),
    ("scam", "my elderly mum has been giving money to someone she met on Facebook"),
    ("vulnerability", "I'm going through a really hard time at the moment"),
    ("vulnerability", "I have ADHD and I keep forgetting to pay things"),
]


@pytest.mark.parametrize(("kind", "text"), POSITIVES)
def test_new_phrasing_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text)


def _development_messages() -> list[str]:
    """Every customer message of the two development sets (routing_dev and routing_eval)."""

    messages: list[str] = []
    for name in ("routing_dev", "routing_eval"):
        data = yaml.safe_load((ROOT / "tests" / "data" / name / "banking.yaml").read_text())
        messages += [m for c in data["conversations"] for m in c["customer"]]
    return messages


def test_anchor_gating_never_changes_a_result_on_the_development_sets() -> None:
    """The same invariant over the 1,100-odd real messages of both development sets."""
    differing = [t for t in _development_messages() if situations.situation_cues(t) != _ungated(t)]
    assert differing == []


@pytest.mark.parametrize("text", [t for _, t in POSITIVES])
def test_anchor_gating_never_changes_a_result(text: str) -> None:
    """Every shape's anchors hold a word each of its alternatives needs: trying every shape
    on every message finds exactly what the gated search finds (the fraud_report anchors once
    lacked "not"/"do", so "payments I did not make" was never tried)."""
    assert situations.situation_cues(text) == _ungated(text)


NEGATIVES = [
    # routine questions that mention fraud, holds, complaints, lawyers or people in passing
    ("fraud_report", "how do I report fraud if it ever happens to me?"),
    ("fraud_report", "it wasn't me who rang you, it was my husband"),
    ("fraud_report", "I haven't made a payment to him yet, how do I add a payee?"),
    ("fraud_report", "payments I made yesterday aren't showing"),
    ("fraud_report", "there's a payment I don't recognise"),  # the weaker `fraud` cue
    ("scam", "I clicked the link in your email and it worked, thanks"),
    ("scam", "the text said my parcel was late, I didn't click anything"),
    ("scam", "what's the fee to withdraw cash abroad?"),
    ("vulnerability", "a financial adviser I met at a fair made me a good offer on savings"),
    ("vulnerability", "my daughter wants to open an account, what does she need?"),
    ("human_demand", "can someone else use my card if I say they can?"),
    ("human_demand", "can anyone pay money into my account with my sort code?"),
    ("human_demand", "who can see my transactions on a joint account?"),
    ("bank_hold", "how long does a transfer usually stay pending?"),
    ("complaint", "I don't want to complain, just asking about fees"),
    ("legal_threat", "I need to pay my solicitor for the house, what's the limit?"),
    ("legal_threat", "we're going to court next week for my divorce, can I get a statement?"),
    ("sarcasm", "Great, that worked perfectly, thanks!"),
    ("sarcasm", "Perfect. My card arrived today and it works."),
    ("no_help", "send me a link to the app please"),
    ("sarcasm", "brilliant, that's exactly what I needed, thank you"),
    ("repeated_asking", "I asked my employer when they pay salaries"),
    ("vulnerability", "I'm having a hard time finding the statements page"),
    ("human_demand", "what's the phone number for the branch in Leeds?"),
    ("fraud_report", "I've never used Apple Pay, how do I set it up?"),
    ("shouting", "I have ADHD and I keep forgetting to pay things"),
    ("no_help", "nobody knows my PIN except me, right?"),
    ("good_news", "YOU APPROVED A PAYMENT I NEVER MADE"),
    ("deadline", "what time do payments go out on a Friday?"),
    ("deadline", "can I pay my rent by standing order?"),
    ("still_not", "I was told it would be sorted by Friday, is it done?"),
]


@pytest.mark.parametrize(("kind", "text"), NEGATIVES)
def test_near_miss_is_not_that_kind(kind: str, text: str) -> None:
    assert kind not in kinds(text)
    assert situations.situation_cues(text) == _ungated(text)


# ------------------------------------------------------------------ the rules


class TestRules:
    def test_denied_payment_goes_to_fraud_without_the_nlu(self) -> None:
        """A payment the customer says they did not authorise is a fraud report in words: the
        NLU reading something else does not send them to an adviser first."""
        lane, turn, rule = route("£900 to an electronics shop in Rome that I did not authorise")
        assert (lane, turn, rule) == ("fraud", 1, "fraud")

    def test_unrecognised_payment_alone_stays_with_the_bot(self) -> None:
        """'I don't recognise it' needs the NLU to agree (often a subscription or a relative)."""
        assert route("a £4.99 payment I don't recognise, what is it?")[0] != "fraud"

    def test_asking_for_someone_able_to_act_is_a_request(self) -> None:
        assert route("could someone actually raise the dispute for me?")[:2] == (
            "general_banking",
            1,
        )

    def test_sarcasm_after_a_failed_reply_escalates_on_the_second_message(self) -> None:
        lane, turn, _ = route(
            "why was I charged twice for the same coffee",
            "thanks ever so much for nothing",
            intent="nlu_fallback",
        )
        assert (lane, turn) == ("general_banking", 2)

    def test_sarcasm_about_the_bot_in_a_first_message_escalates(self) -> None:
        """Irony that is itself about the bot failing them ('any point asking you?') needs no
        earlier exchange."""
        lane, turn, _ = route("what's the point in talking to you, I might as well talk to a wall")
        assert (lane, turn) == ("general_banking", 1)

    def test_a_warm_mood_is_not_the_bot_failing(self) -> None:
        """Three unparsed messages from a delighted customer stay with the bot."""
        assert route(
            "GOT THE KEYS TO OUR FIRST FLAT!!",
            "honestly so happy right now haha",
            "anyway what do I do about the mortgage account",
            intent="nlu_fallback",
        ) == ("bot", None, None)

    def test_sarcasm_in_a_first_message_waits_when_said_in_jest(self) -> None:
        """A first message's irony said in jest is about the world, not about the bot failing
        them. Round 16 (principle 3 of the twelfth set's diagnosis) changed the plain case:
        sarcasm about a failure that is already highly frustrated (here 0.99) is anger on
        the first message too, as tests/test_routing_round16_rules.py checks."""
        assert route("oh brilliant, the app has logged me out again 😂")[1] != 1
        assert route("oh brilliant, the app has logged me out again")[:2] == ("general_banking", 1)

    def test_bank_hold_reaches_an_adviser_when_the_customer_comes_back(self) -> None:
        assert route("why have you frozen my account?") == ("bot", None, None)
        lane, turn, rule = route(
            "why have you frozen my account?", "I need to pay my rent from it today"
        )
        assert (lane, turn, rule) == ("general_banking", 2, "bank_hold")

    def test_bank_hold_then_thanks_stays_with_the_bot(self) -> None:
        assert route("why has my payment been held?", "ok thanks", intent="thank_you")[0] == "bot"

    def test_resolution_stops_the_failure_count(self) -> None:
        """Three unparsed messages, the last saying it was their own doing: no adviser."""
        assert route(
            "my card won't work at the machine",
            "hang on",
            "ah it's my old card in my wallet, my mistake",
            intent="nlu_fallback",
        ) == ("bot", None, None)

    def test_three_failures_without_resolution_still_escalate(self) -> None:
        """round 17: the helpless next step ("what now", cue what_now) is the cue of trouble
        round 16's gate asks of three fallbacks: a malfunction told calmly still escalates."""
        lane, turn, _ = route(
            "my card won't work at the machine", "it just beeps", "what now",
            intent="nlu_fallback",
        )  # fmt: skip
        assert (lane, turn) == ("general_banking", 3)

    def test_closing_question_then_frustration_is_a_churn_threat(self) -> None:
        assert route("how do I close my account?") == ("bot", None, None)
        lane, _, rule = route(
            "how do I close my account?", "because your fees are a joke and I'm sick of it"
        )
        assert (lane, rule) == ("general_banking", "threatens_to_leave")

    def test_complaint_follow_up_goes_to_complaints(self) -> None:
        assert route("any update on my complaint? ref 5521")[0] == "complaints"

    def test_asking_how_to_report_a_scam_stays_with_the_bot(self) -> None:
        assert route("how do I report a scam text?") == ("bot", None, None)
        assert route("how can I report fraud?") == ("bot", None, None)

    def test_a_scam_told_with_a_howto_still_goes_to_fraud(self) -> None:
        """Only a message that is nothing but the short question is a how-to."""
        lane, turn, _ = route(
            "how do I report a scam? I've just sent £500 to a seller who vanished"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_a_deadline_after_a_failed_reply_reaches_an_adviser(self) -> None:
        lane, turn, rule = route(
            "my salary hasn't arrived", "the mortgage goes out tomorrow morning",
            intent="nlu_fallback",
        )  # fmt: skip
        assert (lane, turn, rule) == ("general_banking", 2, "deadline_at_risk")

    def test_a_deadline_alone_stays_with_the_bot(self) -> None:
        """A calm first question that names a date is not yet a deadline at risk."""
        assert route("I need to pay my rent today, how do I add a payee?") == ("bot", None, None)

    def test_flagged_account_with_one_misread_stays_with_the_bot(self) -> None:
        """A fraud flag plus one NLU fallback is not 'a sign of trouble' on its own."""
        lane, _, _ = route(
            "what time do payments go out", intent="nlu_fallback", flags=("fraud_suspected",)
        )
        assert lane == "bot"


def test_per_kind_shapes_compile_to_one_pattern_each() -> None:
    """Each shape is one compiled alternation (one regex search per gated shape)."""
    assert all(isinstance(s.pattern, re.Pattern) for s in situations._SHAPES)
