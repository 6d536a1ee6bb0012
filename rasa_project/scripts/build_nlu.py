"""Build the demo bot's training data and dialogue rules: data/nlu.yml and data/rules.yml.

Sources, all in the repository (nothing is downloaded):
- data/banking77/{train,test}.csv: banking77 (PolyAI, CC-BY-4.0; data/banking77/SOURCE.md).
  Every one of its 77 categories becomes an intent of the same name (rules/banking.yaml
  refers to them), trained on a fixed-seed sample of the train split. The test split is
  never trained on: scripts/measure_nlu.py measures the bot on all of it.
- data/clinc150/clinc150_subset.csv: a subset of CLINC150 (Larson et al. 2019, CC-BY-3.0;
  data/clinc150/SOURCE.md): its 15 small-talk intents (chit-chat the bot answers itself),
  its out-of-scope queries, and a few queries from its non-banking domains (weather,
  recipes, flights...), which the bot also treats as out of scope.
- The support intents (greet, request_human, complain, report_fraud...) are written below.

Same inputs, same seeds, same output. Edit this script, not the generated files.

    python rasa_project/scripts/build_nlu.py                      # rebuild from the repository
    python rasa_project/scripts/build_nlu.py --clinc150 DIR       # re-extract the CLINC150 subset
                                                                  # from upstream data_full.json
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
BANKING77 = DATA / "banking77"
CLINC150_SUBSET = DATA / "clinc150" / "clinc150_subset.csv"
SEED = 77

# Training examples per intent. 77 banking intents x 40 is most of the training set; it
# trains in about 5 minutes on 2 cores (measured, see README.md), where DIET's time grows
# with the number of examples. Small talk is easier to tell apart and needs fewer.
BANKING77_PER_INTENT = 40
SMALL_TALK_PER_INTENT = 30
# CLINC150 examples added to the written greet / goodbye / thank_you examples.
MERGED_SMALL_TALK_PER_INTENT = 15
# Queries from each of CLINC150's non-banking intents (flights, recipes...) that join its
# out-of-scope training queries (oos_train, all 100) in the out_of_scope intent.
OTHER_DOMAIN_PER_INTENT = 2
MAX_CHARS = 160  # banking77 has a few paragraph-long messages; they slow DIET and add little

OUT_OF_SCOPE = "out_of_scope"

# Upstream files the committed data was built from.
BANKING77_SHA256 = {
    "train.csv": "b06e26ac675513959a63135f11b94ea7786ed02da65db93a5650d8838cbc664b",
    "test.csv": "d12d6e3bc4c3103966ae786dc435913c0c563dfa328f5a3646d0e62cfeeb474d",
}
CLINC150_SHA256 = {
    "data_full.json": "36923c3705a59e08fe9c3883d8bc2dd966ef93e22cb78ac41171782a698d56e0",
}

# CLINC150's small-talk domain -> the bot's intent. Three merge into the written support
# intents of the same meaning; the others keep CLINC150's names.
SMALL_TALK: dict[str, str] = {
    "greeting": "greet",
    "goodbye": "goodbye",
    "thank_you": "thank_you",
    "are_you_a_bot": "are_you_a_bot",
    "what_is_your_name": "what_is_your_name",
    "how_old_are_you": "how_old_are_you",
    "tell_joke": "tell_joke",
    "fun_fact": "fun_fact",
    "meaning_of_life": "meaning_of_life",
    "who_made_you": "who_made_you",
    "who_do_you_work_for": "who_do_you_work_for",
    "what_are_your_hobbies": "what_are_your_hobbies",
    "where_are_you_from": "where_are_you_from",
    "do_you_have_pets": "do_you_have_pets",
    "what_can_i_ask_you": "what_can_i_ask_you",
}

# CLINC150 domains whose queries a bank's assistant cannot answer. Its "banking",
# "credit_cards", "small_talk" and "meta" (yes, no, cancel, repeat...) domains are left out.
OTHER_DOMAINS = ("kitchen_and_dining", "auto_and_commute", "home", "utility", "travel", "work")
# ... and, within those domains, intents a bank customer may well mean as a banking question.
NOT_OUT_OF_SCOPE = frozenset(
    {
        "exchange_rate",  # banking77 exchange_rate
        "travel_notification",  # telling the bank about a trip abroad
        "find_phone",  # "I can't find my phone": lost_or_stolen_phone, a fraud red line
        "order",
        "order_status",  # "where is my order" reads like card_arrival
        "direct_deposit",
        "payday",
        "income",  # money arriving in the account
    }
)

# Hand-written intents for a support conversation. Keep them apart from the banking77 ones:
# report_fraud is about scams and account takeover in general, banking77 covers specific
# unrecognised payments; both reach the fraud lane, so confusing them costs nothing.
WRITTEN_INTENTS: dict[str, tuple[str, ...]] = {
    "greet": (
        "hi",
        "hello",
        "hey",
        "hey there",
        "hi there",
        "hello there",
        "good morning",
        "good afternoon",
        "good evening",
        "morning",
        "hiya",
        "howdy",
        "hello, is anyone there?",
        "hi, I need some help",
        "hello bot",
        "hey, can you help me?",
        "greetings",
        "hi again",
        "yo",
        "hello, I have a question",
        "good day",
        "hi! quick question",
    ),
    "goodbye": (
        "bye",
        "goodbye",
        "bye bye",
        "see you",
        "see you later",
        "that's all, bye",
        "talk to you later",
        "have a nice day",
        "have a good one",
        "I'm done, thanks bye",
        "cheers, bye",
        "ok bye",
        "good night",
        "catch you later",
        "that will be all",
        "nothing else, goodbye",
        "I have to go now",
        "farewell",
        "later",
        "bye for now",
        "ciao",
    ),
    "thank_you": (
        "thanks",
        "thank you",
        "thank you so much",
        "thanks a lot",
        "many thanks",
        "cheers",
        "great, thanks",
        "thanks for your help",
        "thank you very much",
        "that's helpful, thanks",
        "much appreciated",
        "thanks, that solved it",
        "ok thanks",
        "perfect, thank you",
        "thx",
        "ty",
        "brilliant, thanks",
        "thanks for sorting that out",
        "I appreciate it",
        "you've been a great help",
        "awesome thank you",
    ),
    "affirm": (
        "yes",
        "yeah",
        "yep",
        "yes please",
        "sure",
        "of course",
        "correct",
        "that's right",
        "absolutely",
        "ok",
        "okay",
        "sounds good",
        "indeed",
        "yes it is",
        "right",
        "definitely",
        "that's correct",
        "go ahead",
        "please do",
        "yes, that's it",
        "uh huh",
    ),
    "deny": (
        "no",
        "nope",
        "no thanks",
        "not really",
        "no, that's not it",
        "never",
        "I don't think so",
        "not at all",
        "no way",
        "nah",
        "that's wrong",
        "incorrect",
        "no it isn't",
        "don't do that",
        "no, please don't",
        "not now",
        "negative",
        "that's not what I asked",
        "no, something else",
        "not that",
        "no need",
    ),
    "request_human": (
        "I want to talk to a human",
        "real person please",
        "agent",
        "can I speak to someone",
        "let me talk to a real person",
        "human please",
        "I need to speak to an agent",
        "connect me to a human",
        "transfer me to an operator",
        "can I talk to a customer service representative",
        "get me a person",
        "I don't want to talk to a bot",
        "is there a human I can talk to?",
        "put me through to an adviser",
        "speak to a human",
        "I'd like to chat with a live agent",
        "stop, I want a real person",
        "can a staff member help me",
        "I want to talk to someone from the bank",
        "operator",
        "representative please",
        "you're a bot, get me a human",
        "can I speak with a manager",
        "please pass me to a person",
        "live chat with an agent",
        "talk to human",
        "I need a human being to help me",
        "is anyone real there? I need a person",
    ),
    "complain": (
        "I want to make a complaint",
        "I'd like to file a complaint",
        "how do I complain?",
        "your service is terrible",
        "this is unacceptable, I want to complain",
        "I'm very unhappy with your bank",
        "I want to raise a formal complaint",
        "I'm disappointed with how I've been treated",
        "the service I got was awful",
        "I wish to lodge a complaint about your staff",
        "I'm fed up with this bank",
        "I want to complain about the fees you charged",
        "this is the worst customer service ever",
        "I'm going to take this to the ombudsman",
        "I will report you to the financial regulator",
        "my lawyer will hear about this",
        "I've been treated unfairly and want to complain",
        "I need to make a complaint about my account being closed",
        "how can I escalate a complaint",
        "you people are useless",
        "I am not happy at all with your service",
        "where do I send a complaint",
        "I want to complain about the app",
    ),
    "report_fraud": (
        "I want to report fraud",
        "I think I've been scammed",
        "someone else is using my account",
        "my account has been hacked",
        "I've been a victim of fraud",
        "someone used my card and I didn't make this payment",
        "there's fraud on my account",
        "I got a call from someone pretending to be the bank and I sent them money",
        "I was told to move my money to a safe account",
        "I think someone stole my identity",
        "a scammer has my details",
        "I gave my PIN to someone on the phone",
        "there are transactions I didn't authorise",
        "I clicked a link in a text and now money is gone",
        "someone logged into my online banking",
        "report a scam",
        "fraudulent activity on my account",
        "I paid a seller who turned out to be a fraudster",
        "my money was stolen from my account",
        "I shared my one-time passcode with a caller",
        "I need to report suspicious activity",
        "I think this is fraud",
    ),
    "faq_opening_hours": (
        "what are your opening hours?",
        "when are you open?",
        "what time do you open?",
        "what time do you close?",
        "are you open on Sundays?",
        "are you open today?",
        "when can I call you?",
        "what are your business hours?",
        "is the branch open on Saturday?",
        "opening times",
        "until what time are your advisers available?",
        "are you open at the weekend?",
        "when is customer support available?",
        "what hours is the phone line open?",
        "are you open on bank holidays?",
        "hours of operation",
        "can I reach someone in the evening?",
        "what time does support start in the morning?",
        "when do your agents work?",
        "are you available 24/7?",
        "when is the bank open?",
    ),
    "check_balance": (
        "what's my balance?",
        "check my balance",
        "how much money do I have?",
        "show me my account balance",
        "what is my current balance?",
        "how much is in my account?",
        "balance please",
        "can you tell me my balance",
        "how much can I spend?",
        "what's left in my account",
        "how much money is on my card?",
        "I want to see my balance",
        "what's my available balance",
        "account balance",
        "do I have enough money in my account?",
        "how much have I got?",
        "tell me how much money I have left",
        "can I check how much is in my savings?",
        "where can I see my balance?",
        "what is the balance of my current account?",
        "how do I check my balance in the app?",
    ),
}

# Word patterns the RegexFeaturizer turns into features. Words only, no intent decisions:
# "someone" is left out on purpose ("someone used my card" is fraud, not a human request).
REGEXES: dict[str, tuple[str, ...]] = {
    "asks_for_person": (
        r"\b(human|humans|person|people|agent|agents|operator|representative|adviser|advisor|manager|staff)\b",
    ),
    "fraud_words": (
        r"\b(fraud|fraudulent|fraudster|scam|scammed|scammer|hacked|stolen|stole|unauthori[sz]ed)\b",
    ),
    "complaint_words": (r"\b(complain|complaint|ombudsman|regulator|lawyer|solicitor)\b",),
}

_BAD_CHARS = re.compile(r"[\[\]{}()]")  # Rasa reads [text](entity) annotations in examples


def clean(text: str) -> str | None:
    """One line of plain text, or None when the example should be skipped."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_CHARS or _BAD_CHARS.search(text):
        return None
    return text


def group(rows: Iterable[tuple[str, str]], exclude: set[str]) -> dict[str, list[str]]:
    """Cleaned examples per intent, in file order, without duplicates or excluded texts."""
    by_intent: dict[str, list[str]] = {}
    seen = set(exclude)
    for intent, raw in rows:
        text = clean(raw)
        if text is None or text.lower() in seen:
            continue
        seen.add(text.lower())
        by_intent.setdefault(intent, []).append(text)
    return by_intent


def sample(texts: list[str], count: int, rng: random.Random) -> list[str]:
    return sorted(rng.sample(texts, min(count, len(texts))))


def read_banking77(name: str) -> list[tuple[str, str]]:
    with (BANKING77 / name).open(newline="", encoding="utf-8") as handle:
        return [(row["category"], row["text"]) for row in csv.DictReader(handle)]


def read_clinc150_subset() -> list[dict[str, str]]:
    with CLINC150_SUBSET.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def check_sha256(folder: Path, expected: dict[str, str]) -> None:
    for name, digest in expected.items():
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            print(f"warning: {folder / name} differs from the upstream file", file=sys.stderr)


def extract_clinc150(folder: Path) -> int:
    """Write data/clinc150/clinc150_subset.csv from upstream data_full.json and domains.json:
    the small-talk intents (train and test), the out-of-scope queries (oos_train and
    oos_test) and OTHER_DOMAIN_PER_INTENT train queries of each non-banking intent."""
    check_sha256(folder, CLINC150_SHA256)
    full = json.loads((folder / "data_full.json").read_text(encoding="utf-8"))
    domains = json.loads((folder / "domains.json").read_text(encoding="utf-8"))
    other = sorted(
        name for d in OTHER_DOMAINS for name in domains[d] if name not in NOT_OUT_OF_SCOPE
    )
    rows: list[tuple[str, str, str]] = []
    for split in ("train", "val", "test"):
        rows += [(split, i, t) for t, i in full[split] if i in SMALL_TALK]
    for split in ("oos_train", "oos_val", "oos_test"):
        rows += [(split, "oos", t) for t, _ in full[split]]
    rng = random.Random(SEED + 2)
    for name in other:
        texts = [t for t, i in full["train"] if i == name]
        rows += [("other_domain_train", name, t) for t in sample(texts, OTHER_DOMAIN_PER_INTENT, rng)]
    CLINC150_SUBSET.parent.mkdir(parents=True, exist_ok=True)
    with CLINC150_SUBSET.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["split", "intent", "text"])
        writer.writerows(rows)
    return len(rows)


def examples_block(name: str, texts: Iterable[str]) -> list[str]:
    lines = [f"- intent: {name}", "  examples: |"]
    lines += [f"    - {text}" for text in texts]
    lines.append("")
    return lines


def build_training() -> dict[str, list[str]]:
    """Training examples per intent, in the order they are written out."""
    banking_test = {t.lower() for _, t in read_banking77("test.csv")}
    banking = group(read_banking77("train.csv"), exclude=banking_test)
    clinc = read_clinc150_subset()
    # Validation (scripts/measure_nlu.py --validation) and test messages are never trained on.
    clinc_test = {
        r["text"].lower() for r in clinc if r["split"] in ("val", "oos_val", "test", "oos_test")
    }
    small_talk = group(
        ((r["intent"], r["text"]) for r in clinc if r["split"] == "train"), exclude=clinc_test
    )
    other = group(
        (("other", r["text"]) for r in clinc if r["split"] in ("oos_train", "other_domain_train")),
        exclude=clinc_test,
    )

    # Separate generators per source: resizing one sample leaves the others alone.
    rng_banking, rng_small_talk = random.Random(SEED), random.Random(SEED + 3)
    # No training example may be a message the bot is measured on (scripts/measure_nlu.py).
    measured = banking_test | clinc_test
    training = {
        name: [t for t in texts if t.lower() not in measured]
        for name, texts in WRITTEN_INTENTS.items()
    }
    for clinc_name, intent in SMALL_TALK.items():
        if intent in training:
            known = {t.lower() for t in training[intent]}
            extra = [t for t in small_talk[clinc_name] if t.lower() not in known]
            training[intent] += sample(extra, MERGED_SMALL_TALK_PER_INTENT, rng_small_talk)
        else:
            training[intent] = sample(small_talk[clinc_name], SMALL_TALK_PER_INTENT, rng_small_talk)
    for intent in sorted(banking, key=str.lower):
        training[intent] = sample(banking[intent], BANKING77_PER_INTENT, rng_banking)
    training[OUT_OF_SCOPE] = sorted(other["other"])
    return training


def render_training(training: dict[str, list[str]]) -> str:
    lines = [
        "# GENERATED by scripts/build_nlu.py; edit the script, not this file.",
        "# banking77 intents: PolyAI banking77 (CC-BY-4.0), see data/banking77/SOURCE.md.",
        "# Small talk and out_of_scope: CLINC150 (CC-BY-3.0), see data/clinc150/SOURCE.md.",
        "# Other intents: written for this project.",
        'version: "3.1"',
        "",
        "nlu:",
    ]
    for name, texts in training.items():
        lines += examples_block(name, texts)
    for name, patterns in REGEXES.items():
        lines += [f"- regex: {name}", "  examples: |"]
        lines += [f"    - {pattern}" for pattern in patterns]
        lines.append("")
    return "\n".join(lines)


RULES_HEADER = """\
# GENERATED by scripts/build_nlu.py (one rule per intent); edit the script, not this file.
# Dialogue rules of the handoff demo bot.
#
# THE PATTERN: every rule is "user intent -> action_handoff_route -> the bot's normal answer".
#
# Why every rule starts with the routing action: handoff decides on EACH user turn whether a
# person takes over (a fraud report, a request for a human, the second misunderstanding in a
# row, a mood that keeps sliding...). Its signals build up over the conversation, so it must
# see every turn, including greetings, small talk and thank-yous, not only the "risky"
# intents; and it must run BEFORE the bot answers, so that a customer bound for a person does
# not first get a bot answer.
#
# What happens next depends on the action's decision:
# - bot lane: the action only updates slots (handoff_lane, handoff_state, ...), RulePolicy
#   continues the rule and the bot answers as usual.
# - human lane: the action sends the lane's message to the customer itself ("I'm connecting
#   you straight to our fraud team..."), sets the lane slots, delivers the context payload to
#   the agents and returns ConversationPaused. A paused Rasa stops predicting, so the rule's
#   utter_* is NOT run. That is intended. Later messages are still logged on the tracker but
#   get no bot reply until the conversation is resumed (hand-back, see README.md).
# - action server down: Rasa logs the error and carries on, so the customer still gets the
#   bot's answer (the bot degrades to "no routing", never to silence).
#
# Every intent gets a rule of this shape: a rule without action_handoff_route would hide
# that turn from the router. out_of_scope (a question that is not about banking) is answered
# politely by the bot and is NOT a fallback: handoff counts only nlu_fallback and the
# fallback actions (rules: fallback_intents, fallback_actions) as the bot failing.
version: "3.1"

rules:
"""


def rule(intent: str, answers: Iterable[str]) -> list[str]:
    lines = [f"- rule: route, then answer {intent}", "  steps:", f"  - intent: {intent}"]
    lines.append("  - action: action_handoff_route")
    lines += [f"  - action: {answer}" for answer in answers]
    lines.append("")
    return lines


def render_rules(intents: Iterable[str]) -> str:
    lines = [RULES_HEADER.rstrip("\n")]
    for intent in intents:
        lines += rule(intent, [f"utter_{intent}"])
    lines += [
        "# Low NLU confidence (FallbackClassifier). handoff counts nlu_fallback turns; the second",
        "# in a row reaches a person (rule bot_keeps_failing).",
    ]
    lines += rule("nlu_fallback", ["utter_default", "utter_ask_rephrase"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--clinc150",
        type=Path,
        help="re-extract data/clinc150/clinc150_subset.csv from this folder (upstream "
        "data_full.json and domains.json) first",
    )
    args = parser.parse_args(argv)
    if args.clinc150 is not None:
        count = extract_clinc150(args.clinc150)
        print(f"{CLINC150_SUBSET.relative_to(PROJECT)}: {count} rows")
    check_sha256(BANKING77, BANKING77_SHA256)

    training = build_training()
    (DATA / "nlu.yml").write_text(render_training(training), encoding="utf-8")
    (DATA / "rules.yml").write_text(render_rules(training), encoding="utf-8")
    total = sum(map(len, training.values()))
    print(f"data/nlu.yml: {len(training)} intents, {total} examples")
    print(f"data/rules.yml: {len(training) + 1} rules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
