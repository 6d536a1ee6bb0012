"""Build data/nlu.yml (training) and tests/nlu_holdout.yml (evaluation) for the demo bot.

Banking intents come from banking77 (PolyAI, CC-BY-4.0; see data/banking77/SOURCE.md): a
fixed-seed sample of the train split keeps training fast, and the test split, which the bot
never sees, becomes the hold-out set for `rasa test nlu`. The support intents (greet,
request_human, complain, ...) are written here by hand. Same inputs, same seed, same output.

    python scripts/build_nlu.py --banking77 /path/to/banking77   # folder with train.csv, test.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SEED = 77
TRAIN_PER_INTENT = 30
HOLDOUT_PER_INTENT = 20
MAX_CHARS = 160  # banking77 has a few paragraph-long messages; they slow DIET and add little

# Files the output was built from (upstream banking_data/, see data/banking77/SOURCE.md).
EXPECTED_SHA256 = {
    "train.csv": "b06e26ac675513959a63135f11b94ea7786ed02da65db93a5650d8838cbc664b",
    "test.csv": "d12d6e3bc4c3103966ae786dc435913c0c563dfa328f5a3646d0e62cfeeb474d",
}

# banking77 categories the routing rules care about (rules/banking.yaml): the fraud red line,
# money in limbo, and everyday questions the bot answers itself.
BANKING77_INTENTS = (
    "compromised_card",
    "card_payment_not_recognised",
    "cash_withdrawal_not_recognised",
    "direct_debit_payment_not_recognised",
    "lost_or_stolen_card",
    "lost_or_stolen_phone",
    "card_arrival",
    "declined_card_payment",
    "pending_card_payment",
    "transfer_not_received_by_recipient",
    "balance_not_updated_after_bank_transfer",
    "exchange_rate",
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
        "someone is using my account",
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


def read_banking77(path: Path) -> dict[str, list[str]]:
    """Cleaned, de-duplicated examples per selected intent, in file order."""
    by_intent: dict[str, list[str]] = {name: [] for name in BANKING77_INTENTS}
    seen: set[str] = set()
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["category"] not in by_intent:
                continue
            text = clean(row["text"])
            if text is None or text.lower() in seen:
                continue
            seen.add(text.lower())
            by_intent[row["category"]].append(text)
    return by_intent


def sample(
    by_intent: dict[str, list[str]], per_intent: int, rng: random.Random
) -> dict[str, list[str]]:
    return {
        name: sorted(rng.sample(texts, min(per_intent, len(texts))))
        for name, texts in by_intent.items()
    }


def examples_block(name: str, texts: list[str] | tuple[str, ...]) -> list[str]:
    lines = [f"- intent: {name}", "  examples: |"]
    lines += [f"    - {text}" for text in texts]
    return lines


def render_training(banking: dict[str, list[str]]) -> str:
    lines = [
        "# GENERATED by scripts/build_nlu.py; edit the script, not this file.",
        "# banking77 intents: PolyAI banking77 (CC-BY-4.0), see data/banking77/SOURCE.md.",
        "# Other intents: written for this project.",
        'version: "3.1"',
        "",
        "nlu:",
    ]
    for name, texts in WRITTEN_INTENTS.items():
        lines += examples_block(name, texts)
        lines.append("")
    for name in BANKING77_INTENTS:
        lines += examples_block(name, banking[name])
        lines.append("")
    for name, patterns in REGEXES.items():
        lines += [f"- regex: {name}", "  examples: |"]
        lines += [f"    - {pattern}" for pattern in patterns]
        lines.append("")
    return "\n".join(lines)


def render_holdout(banking: dict[str, list[str]]) -> str:
    lines = [
        "# GENERATED by scripts/build_nlu.py from the banking77 TEST split (never trained on).",
        "# PolyAI banking77, CC-BY-4.0, see data/banking77/SOURCE.md.",
        "# rasa test nlu --nlu tests/nlu_holdout.yml -m <model>",
        'version: "3.1"',
        "",
        "nlu:",
    ]
    for name in BANKING77_INTENTS:
        lines += examples_block(name, banking[name])
        lines.append("")
    return "\n".join(lines)


def check_source(folder: Path) -> None:
    for name, expected in EXPECTED_SHA256.items():
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        if digest != expected:
            print(
                f"warning: {folder / name} differs from the file this data was built from",
                file=sys.stderr,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--banking77",
        type=Path,
        default=PROJECT / "data" / "banking77",
        help="folder with banking77 train.csv and test.csv (default: data/banking77)",
    )
    args = parser.parse_args(argv)
    missing = [n for n in EXPECTED_SHA256 if not (args.banking77 / n).is_file()]
    if missing:
        parser.error(f"{args.banking77} lacks {', '.join(missing)}; see data/banking77/SOURCE.md")
    check_source(args.banking77)

    # Separate generators: changing the training sample size leaves the hold-out set alone.
    train = sample(
        read_banking77(args.banking77 / "train.csv"), TRAIN_PER_INTENT, random.Random(SEED)
    )
    train_texts = {t.lower() for texts in train.values() for t in texts}
    test = read_banking77(args.banking77 / "test.csv")
    test = {n: [t for t in ts if t.lower() not in train_texts] for n, ts in test.items()}
    holdout = sample(test, HOLDOUT_PER_INTENT, random.Random(SEED + 1))

    (PROJECT / "data" / "nlu.yml").write_text(render_training(train), encoding="utf-8")
    (PROJECT / "tests").mkdir(exist_ok=True)
    (PROJECT / "tests" / "nlu_holdout.yml").write_text(render_holdout(holdout), encoding="utf-8")
    total = sum(map(len, train.values())) + sum(map(len, WRITTEN_INTENTS.values()))
    print(f"data/nlu.yml: {len(train) + len(WRITTEN_INTENTS)} intents, {total} examples")
    print(f"tests/nlu_holdout.yml: {sum(map(len, holdout.values()))} banking77 test examples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
