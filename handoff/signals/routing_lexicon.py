"""Routing cues: what a message says about fraud, scams, vulnerability and wanting a person.

These are facts for routing, not moods: fraud, scam and vulnerability cues weigh nothing in
the frustration score (a bereaved customer is not an angry one), and rules read them as cue
kinds (``cues: {contains_any: [fraud, scam]}``). Requests for a person are ``human_demand``
cues, like the English ones in :mod:`handoff.signals.lexicon`, so they set ``human_request``.

The phrases are matched by the same spaCy ``PhraseMatcher`` as the frustration lexicon (one
pass per message). Four things widen them without loosening them:

* :data:`TYPOS` maps common misspellings of the words that carry a request ("humna",
  "somone", "agnet", "pls", "spk", "2") to the word the phrases use, in messages and in
  phrases alike;
* every phrase and message word is compared folded (:func:`fold`: NFKD compatibility forms,
  casefold, accents and Arabic/Indic marks removed, joiners and tatweel dropped, Arabic and
  Persian letter variants read as Urdu's): customers type "czlowiekiem", "persoana",
  "اريد" for "أريد", fullwidth "ＡＧＥＮＴ", or mix accented and bare letters in one message;
* a group may refuse a match followed by certain words (``not_before``): "call me back" is a
  request for a person, "call me when it arrives" is not;
* a group may be negated (``negated_before``/``negated_after``, see :class:`Negation`): "I
  don't need to speak to a person", "no need to call me back", "nie chcę rozmawiać z
  konsultantem", "insaan se baat nahi karni", "不需要人工客服" are not requests. Fraud and
  scam phrases are never negated (many are negative: "I didn't make this payment").

Decisions on the hard cases (each is a test in tests/test_routing_cues.py or
tests/test_routing_cues_multilingual.py): "call me when it arrives", "ring me if it fails"
ask for news, not a person (refused by ``not_before``); "the agent at the branch said" and
"my husband is a travel agent" are about someone, so a bare "agent" counts only as a whole
message ("agent!!"); "I'm a real person's carer" is not a request ("person's" is another
word) but is a vulnerability cue (carers often act for someone vulnerable); "my card has
been disabled", "my phone died" and "I can't afford to wait" are not vulnerability. "Are you
a real person?" / "am I talking to a real person?" is a question about the bot, which the
bot answers (it says it is a virtual assistant and offers a person; CLINC150 files these
under its ``are_you_a_bot`` small-talk intent): not yet a request, whereas "is there a
(real) person I can talk to", "is anyone there?" and "put me through" are requests. The
English lexicon's bare "operator" (handoff.signals.lexicon) still counts as a request.

Languages (:mod:`handoff.signals.routing_languages`). Besides English, requests for a
person, fraud, scams, vulnerability, threats to leave, formal complaints and legal threats
are recognised in the ten most common main languages other than English in England and
Wales (ONS, "Language, England and Wales: Census 2021", 29 November 2022, table TS024 main
language): Polish (612,000 usual residents aged 3+, 1.1%), Romanian (472,000, 0.8%), Panjabi
(291,000, 0.5%), Urdu (270,000, 0.5%), Portuguese (225,000, 0.4%), Spanish (215,000, 0.4%),
then Arabic, Bengali (with Sylheti and Chatgaya), Gujarati and Italian (each with fewer
speakers than Spanish; their exact figures are in TS024, not repeated here from memory).
A UK retail bank's customers are England and Wales's residents, so the census of their main
languages is the best public measure of which languages its chat will see. Also covered:
Welsh (538,300 speakers aged 3+, 17.8% of Wales's residents, Census 2021; a bank serving
Wales is expected to answer in it), Hindi (written in Devanagari and in "Hinglish", which
shares its romanisation with Roman Urdu), French, Chinese, Turkish and Lithuanian, further
languages with many speakers in England and Wales, then Tamil, Somali, Russian, Ukrainian and
Bulgarian. Round 14 (batch A) goes on down the census's main-language table with German,
Persian (Farsi), Pashto, Kurdish (Sorani and Kurmanji), Albanian, Tigrinya, Amharic, Greek and
Hungarian: languages of large settled and newly arrived communities whose requests, frauds and
hardship went unanswered in the tenth held-out set (15 conversations in six of them). A short
one-word phrase of a language counts only in a message that shows that language
(:func:`shows_language`): folded, Albanian "mirë" (good) is Lithuanian "mirė" (died). Batch B
goes further down the same table: Latvian, Slovak, Czech, Malayalam, Nepali, Tagalog/Filipino,
Vietnamese, Yoruba, Sinhala and Dutch (in that order, after the languages above and batch A's),
so that a customer writing in one of them is not left with no cue at all; their phrases await
review by native speakers like the others.

Scripts: Latin with or without diacritics for the European languages; Panjabi in Gurmukhi,
Shahmukhi and Latin letters; Urdu in Nastaliq and Roman Urdu; Hindi in Devanagari and Latin;
Bengali and Gujarati in their scripts and in Latin letters; Arabic in Arabic script (with or
without vowel marks and hamza) and Arabizi ("3ayez atkallam ma3 7ad"); Chinese in simplified
and traditional characters, matched as substrings (it has no spaces; pinyin is not covered);
Cyrillic; Persian, Pashto and Sorani in Arabic script (and Finglish, Latin Sorani); Tigrinya
and Amharic in Ge'ez script; Greek in Greek script and Greeklish; Malayalam, Nepali
(Devanagari) and Sinhala in their scripts and in Latin letters; Vietnamese and Yoruba with or
without their marks.

Known limits. The non-English phrases were written for this project by non-native speakers
from common customer-service chat phrasings, and no recall on real multilingual chats has
been measured: review by native-speaking colleagues is the next step. Phrases are contiguous
word sequences, so inflected or reordered forms not listed are missed (Polish, Lithuanian
and Turkish inflection; Arabic prefixes such as و/ف/ب attached to the first word). Negation
is local: right before the phrase, or at most one word after it in verb-final languages
("mujhe kisi se baat karne ki zaroorat nahi" still reads as a request, which errs towards a
person). Bare nouns such as "fraude", "oszustwo" or "欺诈" count as fraud cues, also in a
question about fraud. Sylheti and Pahari-Pothwari are covered only where speakers write
standard Bengali or Urdu/Panjabi forms. Frustration cues (repeated asking, sarcasm, insults)
and VADER's sentiment remain English only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from handoff.signals.lexicon import ASK_FOR, PhraseGroup
from handoff.signals.routing_languages import (
    ENGLISH_NEGATED_BEFORE,
    LANGUAGE_ONLY_KINDS,
    LANGUAGES,
    UNSPACED,
    Language,
)
from handoff.signals.slots import slot_product

__all__ = [
    "DETERMINERS",
    "FRAUD",
    "HUMAN_DEMAND",
    "LANGUAGE_WEIGHTS",
    "PRAISE",
    "PROCLITICS",
    "ROUTING_GROUPS",
    "SCAM",
    "SCAM_MENTION",
    "TYPOS",
    "VULNERABILITY",
    "CueGroup",
    "Negation",
    "fold",
    "lone_cues",
    "negation_of",
    "shows_language",
    "unspaced_cues",
]

FRAUD = "fraud"
SCAM = "scam"
# Words a language writes joined to the next word, as one letter (round 19, one tokenisation
# for cues and stories): Arabic "and"/"so" ("وقال" is "و" + "قال", "he said"). The cue matcher
# (handoff.signals.text) reads a word beginning with one as the rest of the word when the
# whole word is no phrase word; the story shapes (handoff.signals.stories) let every entry
# of the language begin after one at a word's start.
PROCLITICS: dict[str, str] = {"ar": "وف"}
# A language's determiners and quantifiers, the negative "no"/"any" among them (round 19,
# a slot class, not one more literal): a story entry of several words also matches with one
# of them between two of its words, so "maine payment nahi ki" finds "maine koi payment nahi
# ki" and "maine ye payment nahi ki" ("I made no / this payment"), and a determiner inside an
# entry is that slot (any of them, or none). Romanised Urdu and Hinglish (the story tables'
# "ur" Latin entries) and Spanish, for now.
DETERMINERS: dict[str, tuple[str, ...]] = {
    "ur": ("koi", "ye", "yeh", "ek", "is", "us", "wo", "woh", "yah", "aisi", "aisa"),
    # Spanish: articles, demonstratives and quantifiers, the negative "ningún" among them;
    # not "el", "la", "lo", "los", "las", which are also pronouns ("él", "me la quitaron")
    "es": (
        "un",
        "una",
        "unos",
        "unas",
        "este",
        "esta",
        "estos",
        "estas",
        "ese",
        "esa",
        "esos",
        "esas",
        "algún",
        "alguna",
        "algunos",
        "algunas",
        "ningún",
        "ninguna",
        "varios",
        "varias",
        "dos",
        "tres",
    ),
}
VULNERABILITY = "vulnerability"
HUMAN_DEMAND = "human_demand"  # the lexicon's kind: sets TextAnalysis.human_request
# Asking for a person is a routing fact (human_request), not a mood: these phrasings add
# nothing to frustration (the English lexicon's own "I want a real person" keeps its 0.3).
_HUMAN_WEIGHT = 0.0


@dataclass(frozen=True)
class CueGroup(PhraseGroup):
    """A phrase group with guards: a match followed by one of ``not_before`` is dropped, and
    so is one preceded by a word sequence in ``negated_before`` ("don't need to", "nie") or
    followed, at once or after one word, by one in ``negated_after`` (Urdu "nahi")."""

    not_before: frozenset[str] = frozenset()
    negated_before: frozenset[str] = frozenset()
    negated_after: frozenset[str] = frozenset()
    # round 14: the code of the language whose phrases these are ("" for English), and
    # whether they are its short one-word phrases: a match of those counts only in a message
    # that shows the language (shows_language) or holds a longer phrase of it, so Albanian
    # "mirë" (good) is not Lithuanian "mirė" (died).
    language: str = ""
    one_word: bool = False


def _combine(heads: tuple[str, ...], tails: tuple[str, ...]) -> tuple[str, ...]:
    return slot_product(heads, tails)


# Letters that NFKD does not decompose but customers type without their mark.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "đ": "d", "ß": "ss", "ı": "i"})
# Arabic-script letters typed from Arabic or Persian keyboards: Urdu uses the second form.
# Also: joiners (U+200C/D) and the Arabic tatweel are typing artefacts, not letters; the
# Devanagari/Bengali candrabindu is typed for the anusvara and back; Gurmukhi's addak
# (doubling) is often left out and its tippi typed as a bindi.
_ARABIC = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ه": "ہ",
        "ة": "ہ",
        "\u200c": None,
        "\u200d": None,
        "\u0640": None,
        "\u0901": "\u0902",
        "\u0981": "\u0982",
        "\u0a71": None,
        "\u0a70": "\u0a02",
    }
)


# Neither table maps an ASCII character (NFKD, the combining marks and casefold() leave ASCII
# as lower() does): checked here so that a table entry added for ASCII keeps fold() exact.
_ASCII_UNCHANGED = all(k >= 128 for k in (*_LETTERS, *_ARABIC))


def fold(text: str) -> str:
    """``text`` as matching compares it: compatibility forms unified (NFKD: fullwidth and
    ligature letters, Arabic presentation forms), accents and other combining marks removed
    ("człowiekiem" → "czlowiekiem", "persoană" → "persoana", "أريد" → "اريد"), Arabic letter
    variants read as Urdu's, typing artefacts dropped, case folded ("STRASSE" = "straße")."""
    if text.isascii() and _ASCII_UNCHANGED:
        return text.lower()  # what the steps below do to ASCII (most words of most messages)
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS).translate(_ARABIC))
    if decomposed.isascii():  # (no combining marks: the join below would keep every one)
        return decomposed.casefold()
    return "".join([c for c in decomposed if not unicodedata.combining(c)]).casefold()


# ---------------------------------------------------------------- requests for a person

# English phrasings the frustration lexicon does not have: phoning, call-backs, staff (asked
# for with the lexicon's own heads, ASK_FOR).
_STAFF = (
    "an advisor",
    "an adviser",
    "a advisor",
    "a adviser",
    "an actual advisor",
    "an actual adviser",
    "a member of staff",
    # the qualified forms: "I want a real member of staff", "an actual human adviser"
    *_combine(
        ("a real", "an actual", "a proper", "a human", "a live"),
        ("member of staff", "staff member", "adviser", "advisor", "agent", "employee"),
    ),
    "one of your staff",
    "one of your team",
    "one of your advisers",
    "one of your advisors",
    "one of your colleagues",
    "a member of your staff",
    "a staff member",
    "a member of your team",
    "someone from the bank",
    "someone from your team",
    "someone in your team",
    "someone who can help",
    "someone real",
    "a proper person",
    "a living person",
    "a live person",
    "a real one",
    "your team",
    "customer services",
    "a colleague",
    "a colleague of yours",
    "an employee",
    "a banker",
    "the fraud team",
    "someone on the phone",
    # "I still want to talk to one of you lot"
    "one of you",
    "one of you lot",
    "one of you guys",
    "one of your people",
    # round 13: staff named by role ("my relationship manager", "a bank employee")
    "a bank employee",
    "a member of the team",
    "an operator",
    *_combine(
        ("my", "a"),
        ("relationship manager", "account manager", "personal banker", "private banker"),
    ),
)
# Preferring to do it with a member of staff: "I'd feel happier going through this with one of
# your colleagues", "can I sort this out with an adviser?". Only with staff words: "go
# through this with my husband" is not a request.
_WITH_STAFF = (
    "go through this with",
    "going through this with",
    "go through it with",
    "going through it with",
    "go over this with",
    "going over this with",
    "sort this out with",
    "sorting this out with",
    "sort it out with",
    "discuss this with",
    "discussing this with",
    "discuss it with",
)
_CALL_ME = (
    "call me",
    "phone me",
    "ring me",
    "call me back",
    "phone me back",
    "ring me back",
    "give me a call",
    "give me a ring",
    "give me a phone call",
    "telephone me",
    "telephone me back",
)
_ASKING_TO_BE_CALLED = (
    *_combine(
        (
            "can you",
            "could you",
            "can someone",
            "could someone",
            "can somebody",
            "could somebody",
            "can anyone",
            "someone",
            "please",
            "i want someone to",
            "i need someone to",
            "i'd like someone to",
            "get someone to",
            "have someone",
        ),
        _CALL_ME,
    ),
    # round 13: the caller named ("can someone from the bank call me", "could one of your
    # team ring me back")
    *_combine(
        _combine(
            ("can", "could", "i'd like", "i want", "i need", "please can", "get"),
            (
                "someone from the bank",
                "somebody from the bank",
                "someone from your team",
                "somebody from your team",
                "someone from your side",
                "one of your staff",
                "one of your team",
                "one of your advisers",
                "one of your advisors",
                "an adviser",
                "an advisor",
            ),
        ),
        _CALL_ME,
    ),
    "call me back",
    "phone me back",
    "ring me back",
    "give me a call",
    "give me a ring",
    "call me please",
    "call me asap",
    "call me now",
    "call me urgently",
)
_PHONING_YOU = (
    "can i phone someone",
    "can i call someone",
    "can i ring someone",
    "phone someone",
    "ring someone",
    "call someone",
    "want to call you",
    "want to phone you",
    "like to call you",
    "like to phone you",
    "number to call you on",
    "what number do i call",
    "what number can i call",
    "what number do i ring",
    "what's your phone number",
    "whats your phone number",
    "can i phone you",
    "can i call you",
    "can i ring you",
    "a number i can call",
    "a number to call",
    "number i can ring",
    "phone number to call",
    "talk on the phone",
    "speak on the phone",
    "speak to someone on the phone",
    "request a call",
    "request a callback",
    "request a call back",
    "arrange a call",
    "arrange a callback",
    "book a call",
    "book a callback",
    "callback please",
    "call back please",
    "phone call please",
    "get a callback",
    "get a call back",
)
# The passive: "could I be rung back instead?", "can I get called back". Not news asked for
# ("be rung back when it clears") nor a promise told ("I was told I'd be rung back").
_BE_CALLED = (
    "be rung back",
    "be called back",
    "be phoned back",
    "be telephoned",
    "get rung back",
    "get called back",
    "get phoned back",
)
_TOLD_I_WOULD = frozenset(
    {"told i'd", "told i would", "said i'd", "said i would", "promised i'd", "promised i would",
     "meant to", "supposed to", "was to", "i'll", "i will", "should"}
)  # fmt: skip
# Asking whether anyone is there, or to be put through, in so many words.
_IS_ANYONE_THERE = (
    "is there a human",
    "is there a person",
    "is there a real person",
    "is there a real human",
    "is there an actual person",
    "is there anyone i can",
    "is there someone i can",
    "someone i can talk to",
    "someone i can speak to",
    "a person i can talk to",
    "a person i can speak to",
    "a human i can talk to",
    "is anyone there",
    "is anybody there",
    "anyone there",
    "get a human",
    "get a person",
    "get a real person",
    "get an agent",
    "get an adviser",
    "get an advisor",
    "anybody there",
    "anyone real",
    "any humans",
    "put me through",
    "put me thru",
    "escalate this",
    "escalate it",
    "escalate to a human",
    "escalate me",
)
# Asking for a person with heads the lexicon's own list lacks.
_MAY_I_HAVE = _combine(
    (
        "can i get",
        "could i get",
        "can i have",
        "could i have",
        "may i have",
        "may i speak to",
        "may i speak with",
        "i'd prefer to speak to",
        "i'd rather speak to",
        "i'd rather talk to",
        "get put through to",
        "be put through to",
        "put me thru to",
    ),
    (
        "a human",
        "a person",
        "a real person",
        "a human being",
        "someone",
        "somebody",
        "an agent",
        "a manager",
        "a supervisor",
        "an operator",
        "a representative",
    ),
)
_A_CALLBACK = (
    *_combine(
        ("i'd like", "i would like", "can i have", "can i get", "could i have", "i want", "i need"),
        ("a callback", "a call back", "a call", "a phone call"),
    ),
    "a callback please",
    "a call back please",
    "phone me please",
    "ring me please",
    "phone me now",
    "ring me now",
    "phone me asap",
    "ring me asap",
)
# round 13: a member of staff asked to act ("could a member of your team look at my
# account?") and a person preferred ("I'd rather a person checked"). Not "can a person
# check their balance online?" (a person as "one": staff words only after "can").
_STAFF_TO_ACT = (
    *_combine(
        _combine(
            ("could", "can", "please could", "please can", "i'd like", "i want", "i need"),
            (
                "a member of your team",
                "a member of staff",
                "one of your team",
                "one of your staff",
                "someone from the bank",
                "someone from your team",
                "an adviser",
                "an advisor",
            ),
        ),
        ("look at", "check", "have a look", "look into", "review", "go through"),
    ),
    *_combine(
        ("i'd rather", "i would rather", "i'd prefer", "i would prefer", "i'd feel better if"),
        (
            "a person",
            "a human",
            "a real person",
            "someone real",
            "an adviser",
            "an advisor",
            "a member of staff",
            "someone from the bank",
        ),
    ),
)
# "I'd rather a person didn't see my statements": a wish about privacy, not a request.
_NOT_TO_ACT = frozenset(
    {"didn't", "didnt", "never", "wouldn't", "wouldnt", "couldn't", "can't", "cannot"}
)
# English as a second language drops the "to": "I need speak with person".
_NEED_SPEAK = _combine(
    (
        "need speak with",
        "need speak to",
        "need talk with",
        "need talk to",
        "want speak with",
        "want speak to",
        "want talk with",
        "want talk to",
    ),
    ("person", "a person", "someone", "somebody", "human", "a human", "agent", "an agent",
     "adviser", "an adviser", "manager", "a manager", "staff"),
)  # fmt: skip
# Asking for someone who speaks one's language is asking for a person.
# round 18: a person asked for by channel or appointment: "put me through to live chat",
# "transfer me to an adviser line", "discuss my account with someone in person", "could you
# arrange an appointment or a call?". Not a question about the channel ("what are live
# chat's opening hours?", "how do I book an appointment?": negated by _HOW_TO_ASK).
_BY_CHANNEL = (
    *_combine(
        (
            "transfer me to",
            "put me through to",
            "connect me to",
            "connect me with",
            "pass me to",
            "pass me over to",
            "switch me to",
            "take me to",
            "move me to",
            "i want",
            "i need",
            "i'd like",
            "i would like",
        ),
        (
            "live chat",
            "the live chat",
            "a live chat",
            "webchat",
            "web chat",
            "the adviser line",
            "an adviser line",
            "the advisor line",
            "an advisor line",
            "the phone line",
            "the helpline",
            "a helpline",
        ),
    ),
    *_combine(
        ("someone", "somebody", "a person", "an adviser", "an advisor", "a member of staff"),
        ("in person", "face to face", "face-to-face"),
    ),
    *_combine(
        (
            "arrange",
            "book me",
            "set up",
            "get me",
            "organise",
            "organize",
            "schedule",
            "make me",
        ),
        (
            "an appointment",
            "a call",
            "a phone call",
            "a meeting",
            "a callback",
            "a call back",
            "an appointment or a call",
            "a call or an appointment",
        ),
    ),
    *_combine(
        ("meet", "meet with", "sit down with", "see"),
        ("an adviser", "an advisor", "a member of staff", "someone at the branch", "a banker"),
    ),
)
_HOW_TO_ASK = frozenset(
    {
        "how do i",
        "how can i",
        "how to",
        "how would i",
        "how should i",
        "where do i",
        "where can i",
        "when can i",
        "is it possible to",
        "do i need to",
        "do you",
        "does",
        "if i",
    }
)
_LANGUAGE_NAMES = (
    "polish", "romanian", "punjabi", "panjabi", "urdu", "portuguese", "spanish", "arabic",
    "bengali", "bangla", "sylheti", "gujarati", "italian", "welsh", "hindi", "french",
    "chinese", "mandarin", "cantonese", "turkish", "lithuanian",
)  # fmt: skip
_SPEAKS_MY_LANGUAGE = (
    *_combine(
        (
            "someone who speaks",
            "somebody who speaks",
            "anyone who speaks",
            "anybody who speaks",
            "a person who speaks",
            "someone that speaks",
            "an adviser who speaks",
            "speak to someone in",
            "talk to someone in",
        ),
        _LANGUAGE_NAMES,
    ),
)
_RING_ME = _combine(
    # not a bare "just call me": "just call me Sam"
    ("someone could", "someone could just", "somebody could", "could just", "can you just"),
    ("ring me", "call me", "phone me", "give me a call", "give me a ring"),
)  # fmt: skip
# round 21 (principle 2): a call back asked with any contact verb, by its grammar: a contact
# verb (call, ring, phone, telephone, bell, buzz) + "me" + where or when ("ring me on the
# number on file", "bell me back", "phone me at home", "buzz me asap"), and "give me a" + a
# call noun ("give me a bell", "give me a buzz"). Not "call me Sam" (no tail), "ring me a
# reminder" (no tail), "call me when it arrives" (_NOT_A_CALL_REQUEST), "did you ring me on
# Monday?" (a call asked about: _ASKED_ABOUT_A_CALL).
_CONTACT_VERBS = ("call", "ring", "phone", "telephone", "bell", "buzz")
_CONTACT_ME = (
    *_combine(
        _CONTACT_VERBS,
        ("me back", "me on", "me at", "me asap", "me now", "me please", "me today",
         "me urgently", "me straight back", "me instead", "me bk"),
    ),
    *_combine(
        ("give me a", "gimme a", "give us a"),
        ("bell", "buzz", "ring back", "call back", "quick call", "quick ring", "quick bell",
         "phone", "tinkle", "callback"),
    ),
)  # fmt: skip
_ASKED_ABOUT_A_CALL = frozenset(
    {"did you", "didn't you", "why did you", "they", "he", "she", "they'll", "he'll",
     "she'll", "tried to", "used to"}
)  # fmt: skip
# round 16: a person asked for by role, anaphora or circumlocution: "can I talk to one of
# them", "I want someone with a pulse", "someone who can actually help", "who can do this for
# me", "ask my relationship manager to call me". Heads that ask (talk to, put me through to)
# with tails that can only mean people; a bare "can I have one of them" is too often a card.
# Anaphora: only with a head that asks to talk ("I want one of those" is a card).
_ROLE_ONES = (
    "one of them",
    "one of those",
    "one of your humans",
    "a real one",
    "an actual one",
    "a human one",
)
# Only people, with any head that asks ("I'd like that explained by someone with a pulse").
_ROLE_PEOPLE = (
    "someone with a pulse",
    "somebody with a pulse",
    "a human with a pulse",
    "a person with a pulse",
    "someone with a brain",
    "a real human being",
    "an actual human being",
    "someone competent",
    "someone who can actually help",
    "someone who can actually",
    "someone who actually knows",
    "somebody who can actually",
    "someone who knows what they're doing",
    "someone who knows what they are doing",
)
# Senior staff: only with a head that asks to talk ("I want a manager" is the lexicon's).
_ROLE_SENIOR = (
    "a manager",
    "your manager",
    "the manager",
    "a supervisor",
    "your supervisor",
    "a team leader",
    "someone senior",
    "someone more senior",
    "someone in charge",
)
_TALK_HEADS = (
    "talk to",
    "talk with",
    "speak to",
    "speak with",
    "chat to",
    "chat with",
    "transfer me to",
    "put me through to",
    "pass me to",
    "connect me to",
    "connect me with",
)
_BY_ROLE = (
    *_combine(_TALK_HEADS, (*_ROLE_ONES, *_ROLE_PEOPLE, *_ROLE_SENIOR)),
    *_combine(
        (
            "explained by",
            "dealt with by",
            "handled by",
            "looked at by",
            "sorted by",
            "i want",
            "i need",
            "get me",
            "i'd like",
            "can i have",
            "can i get",
            "give me",
        ),
        _ROLE_PEOPLE,
    ),
    # who does it, asked of the bot: "who can do this for me", "who can sort this out"
    *_combine(
        ("who can", "who could", "is there anyone who can", "is there someone who can"),
        (
            "do this for me",
            "do it for me",
            "sort this out for me",
            "sort this for me",
            "help me with this",
            "actually help me",
            "authorise this",
            "approve this",
            "deal with this",
            "sort this out",
        ),
    ),
    # someone asked to act on it now: "need someone to sort this right now", "can someone
    # look into this for me" (not "can someone else use my card")
    *_combine(
        (
            "i need someone to",
            "need someone to",
            "i want someone to",
            "get someone to",
            "can someone",
            "could someone",
            "can somebody",
            "could somebody",
        ),
        (
            "sort this",
            "sort this out",
            "sort it out",
            "look at this",
            "look into this",
            "look into it",
            "fix this",
            "deal with this",
            "check this for me",
            "help me with this",
        ),
    ),
    # a named or role-named member of staff asked to ring: "can you ask Daniel, my
    # relationship manager, to call me", "get an adviser to ring me"
    *_combine(
        (
            "relationship manager",
            "account manager",
            "personal banker",
            "private banker",
            "my manager",
            "an adviser",
            "an advisor",
            "a manager",
            "someone",
            "somebody",
            "a person",
            "a human",
            "a member of staff",
            "the team",
        ),
        (
            "to call me",
            "to ring me",
            "to phone me",
            "to call me back",
            "to ring me back",
            "to phone me back",
            "to give me a call",
            "to give me a ring",
            "to get in touch",
            "to contact me",
        ),
    ),
    # round 17: a colleague or a senior asked for by role to look at it: "can you get a
    # colleague to look at this", "ask your supervisor to check it", "have a manager look at
    # my case", "pass this to a colleague". Only people who work there, each with an act on
    # the case ("my colleague said to look at this" has no head that asks).
    # "A colleague" is the customer's own after "I'll ask a colleague to check the
    # invoice": those nouns only after "you" or "please".
    *_combine(
        (
            *_combine(
                ("get", "ask", "have", "let"),
                (
                    "your colleague",
                    "one of your colleagues",
                    "your supervisor",
                    "your manager",
                    "your team leader",
                    "someone senior",
                    "someone more senior",
                ),
            ),
            *_combine(
                ("you get", "you ask", "you have", "please get", "please ask", "just get"),
                (
                    "a colleague",
                    "a supervisor",
                    "a manager",
                    "a team leader",
                    "a specialist",
                    "a human",
                    "a real person",
                    "an actual person",
                ),
            ),
        ),
        (
            "to look at",
            "to look into",
            "to check",
            "to review",
            "to have a look",
            "to take a look",
            "to deal with",
            "to sort",
            "look at",
            "look into",
            "check",
            "review",
            "have a look",
            "take a look",
            "deal with",
        ),
    ),
    *_combine(
        (
            "pass this to",
            "pass this on to",
            "pass it to",
            "pass me to",
            "escalate this to",
            "escalate it to",
            "hand this to",
            "hand this over to",
            "refer this to",
        ),
        (
            "a colleague",
            "one of your colleagues",
            "your colleague",
            "a supervisor",
            "your supervisor",
            "a manager",
            "your manager",
            "someone senior",
            "a human",
            "a real person",
            "a team leader",
        ),
    ),
)

# "put me through hell": not a transfer.
_NOT_A_TRANSFER = frozenset({"hell", "this", "that", "all", "so", "the"})

# "what number do I call if my card is stolen?", "... when I'm abroad": a number for later.
_FOR_LATER = frozenset({"if", "when", "whenever"})

# "call me when it arrives", "ring me if it's late", "phone me about it tomorrow": the
# customer wants news, not a person now.
_NOT_A_CALL_REQUEST = frozenset({"when", "once", "if", "after", "about", "as", "whenever"})

_POLISH = (
    *_combine(
        (
            "porozmawiać z",
            "rozmawiać z",
            "pogadać z",
            "połącz mnie z",
            "połączcie mnie z",
            "połączyć z",
            "połączenie z",
            "kontakt z",
        ),
        (
            "człowiekiem",
            "prawdziwym człowiekiem",
            "żywym człowiekiem",
            "konsultantem",
            "konsultantką",
            "doradcą",
            "pracownikiem",
            "pracownikiem banku",
            "osobą",
            "prawdziwą osobą",
            "kimś",
            "kimś z obsługi",
        ),
    ),
    *_combine(
        ("przełącz mnie do", "przekieruj mnie do", "połącz mnie do", "poproszę", "chcę"),
        ("konsultanta", "człowieka", "doradcy", "pracownika", "żywego człowieka"),
    ),
    "żywego człowieka",
    "prawdziwego człowieka",
    "zadzwońcie do mnie",
    "zadzwoń do mnie",
    "proszę o telefon",
    "proszę o kontakt telefoniczny",
    "oddzwońcie do mnie",
)
_ROMANIAN = (
    *_combine(
        (
            "să vorbesc cu",
            "vorbesc cu",
            "vorbi cu",
            "vorbim cu",
            "conectați-mă cu",
            "conectati-ma cu",
            "legați-mă cu",
            "faceți-mi legătura cu",
            "transferați-mă la",
            "dați-mi",
            "vreau",
        ),
        (
            "un om",
            "un om adevărat",
            "o persoană",
            "o persoană reală",
            "un operator",
            "un consultant",
            "un agent",
            "cineva",
            "un angajat",
            "un reprezentant",
        ),
    ),
    "operator uman",
    "persoană reală",
    "om adevărat",
    "sunați-mă",
    "să mă sunați",
    "mă puteți suna",
    "puteți să mă sunați",
)
_PORTUGUESE = (
    *_combine(
        (
            "falar com",
            "conversar com",
            "passar para",
            "me passa para",
            "me passe para",
            "transferir para",
            "me transfere para",
            "quero",
            "preciso de",
        ),
        (
            "um atendente",
            "uma atendente",
            "um humano",
            "uma pessoa",
            "uma pessoa real",
            "alguém",
            "um operador",
            "um assistente",
            "um funcionário",
            "um agente",
            "um gerente",
            "o gerente",
            "um ser humano",
        ),
    ),
    "atendente humano",
    "atendimento humano",
    "pessoa real",
    "me liguem",
    "liguem-me",
    "podem me ligar",
    "pode me ligar",
    "me ligue",
)
_SPANISH = (
    *_combine(
        (
            "hablar con",
            "comunicarme con",
            "pásame con",
            "pásenme con",
            "ponme con",
            "páseme con",
            "transferir a",
            "transferirme a",
            "conectarme con",
            "quiero",
            "necesito",
        ),
        (
            "una persona",
            "una persona real",
            "un humano",
            "un ser humano",
            "un agente",
            "un asesor",
            "una asesora",
            "un operador",
            "una operadora",
            "alguien",
            "un representante",
            "un empleado",
            "un gestor",
            "el gerente",
        ),
    ),
    "persona real",
    "agente humano",
    "atención humana",
    "llámenme",
    "me pueden llamar",
    "pueden llamarme",
    "me puede llamar",
    "llámame",
)
_URDU = (
    # Nastaliq
    "کسی انسان سے بات",
    "انسان سے بات",
    "ایجنٹ سے بات",
    "نمائندے سے بات",
    "کسی بندے سے بات",
    "بندے سے بات",
    "کسی سے بات کروا",
    "کسی سے بات کرنی",
    "اصلی انسان",
    "کسٹمر سروس سے بات",
    "مجھے کال کریں",
    "مجھے فون کریں",
    # Roman Urdu, as typed in chat
    *_combine(
        ("insaan", "insan", "kisi insaan", "kisi insan", "agent", "banday", "bande", "kisi"),
        ("se baat", "sy baat", "se bat", "sy bat"),
    ),
    "representative se baat",
    "customer care se baat",
    "customer service se baat",
    "asli insaan",
    "asli insan",
    "zinda insaan",
    *_combine(("mujhe", "mujhy", "muje"), ("call karo", "call karein", "call kren", "call krein",
                                           "phone karo", "phone karein", "phone kren")),
)  # fmt: skip
_PANJABI = (
    # Gurmukhi
    "ਕਿਸੇ ਬੰਦੇ ਨਾਲ ਗੱਲ",
    "ਬੰਦੇ ਨਾਲ ਗੱਲ",
    "ਇਨਸਾਨ ਨਾਲ ਗੱਲ",
    "ਏਜੰਟ ਨਾਲ ਗੱਲ",
    # staff words: employee, staff member, adviser, officer ("ਕਿਸੇ ਮੁਲਾਜ਼ਮ ਨਾਲ ਗੱਲ ਕਰਨੀ ਹੈ")
    *_combine(("ਮੁਲਾਜ਼ਮ", "ਕਰਮਚਾਰੀ", "ਸਟਾਫ਼", "ਸਟਾਫ", "ਸਲਾਹਕਾਰ", "ਅਧਿਕਾਰੀ"), ("ਨਾਲ ਗੱਲ",)),
    "ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਾ",
    "ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਵਾ",
    "ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਨੀ",
    "ਮੈਨੂੰ ਫ਼ੋਨ ਕਰੋ",
    "ਮੈਨੂੰ ਕਾਲ ਕਰੋ",
    # Shahmukhi
    "بندے نال گل",
    "کسے نال گل",
    "کسی نال گل",
    "ایجنٹ نال گل",
    "انسان نال گل",
    "ملازم نال گل",
    "سٹاف نال گل",
    "مینوں فون کرو",
    "مینوں کال کرو",
    # In Latin letters
    *_combine(
        ("bande", "banday", "kise", "kisi", "agent", "insaan", "insan", "mulazam", "staff"),
        ("naal gal", "nal gal", "naal gall", "nal gall"),
    ),
    *_combine(("mainu", "menu", "mennu"), ("call karo", "phone karo", "call kardo", "phone kardo")),
)
_WELSH = (
    "siarad â pherson",
    "siarad gyda pherson",
    "siarad â rhywun",
    "siarad gyda rhywun",
    "siarad ag ymgynghorydd",
    "person go iawn",
    "ffoniwch fi",
)

# ---------------------------------------------------------------- fraud and scams

_MY_THING = ("my card", "my account", "my bank account", "my debit card", "my credit card")
_FRAUD = (
    "don't recognise",
    "do not recognise",
    "didn't recognise",
    "dont recognise",
    "not recognise",
    "unrecognised payment",
    "unrecognised transaction",
    "unrecognised transactions",
    "unrecognised payments",
    "payment i didn't make",
    "payments i didn't make",
    "transaction i didn't make",
    "i didn't make this",
    "i didn't make these",
    "i did not make this",
    "i never made",
    "that i didn't make",
    "that i did not make",
    "which i didn't make",
    "that i never made",
    "that i didn't authorise",
    "that wasn't me",
    "didn't authorise",
    "did not authorise",
    "never authorised",
    "unauthorised",
    "without my permission",
    "never heard of them",
    "never heard of this company",
    "never heard of the company",
    "never heard of this shop",
    "never heard of the shop",
    "never heard of that company",
    *_combine(
        (
            "someone used",
            "someone has used",
            "someone's used",
            "someone is using",
            "someone's using",
            "somebody used",
            "somebody has used",
            "somebody is using",
            "someone got into",
            "someone accessed",
            "someone has accessed",
            "someone logged into",
            "someone has logged into",
            "someone emptied",
            "someone took money from",
            "someone has taken money from",
        ),
        _MY_THING,
    ),
    "money taken from my account",
    "money has been taken from my account",
    "money was taken from my account",
    "took money from my account",
    "money disappeared from my account",
    "money has disappeared from my account",
    "fraudulent",
    "fraud on my account",
    "fraud on my card",
    "report fraud",
    "reporting fraud",
    "victim of fraud",
    "this is fraud",
    "it's fraud",
    "fraudster",
    "fraudsters",
    "card has been cloned",
    "card was cloned",
    "cloned my card",
    "card cloned",
    "card was stolen",
    "card has been stolen",
    "card got stolen",
    "stolen card",
    "wallet was stolen",
    "wallet has been stolen",
    "purse was stolen",
    "phone was stolen",
    "phone has been stolen",
    "been hacked",
    "account hacked",
    "account was hacked",
    "account has been hacked",
    "hacked my account",
    "hacked into",
    "card is compromised",
    "card has been compromised",
    "card was compromised",
    "compromised card",
    "account is compromised",
    "account has been compromised",
    "account was compromised",
    "details were compromised",
    "details have been compromised",
    # Not "lost my card", "lost my wallet" or "can't find my card": a lost card with no
    # payment the customer denies is the bot's (freeze it, order another); a payment after
    # the loss is a fraud_report (handoff.signals.situations).
)
# Being scammed, told by the customer: "I've been scammed", "we got conned". Not when it
# happened to someone else ("my friend got scammed last week, is this text from you?").
_SCAMMED = ("scammed", "conned")
_SOMEONE_ELSE = (
    frozenset(
        f"{whose} {who} {verb}"
        for whose in ("my", "a", "our")
        for who in (
            "friend",
            "mate",
            "colleague",
            "neighbour",
            "neighbor",
            "friend's",
            "mate's",
            "pal",
            "workmate",
        )
        for verb in ("got", "was", "been", "has been", "had been", "just got", "nearly got")
    )
    | frozenset(
        # "my mate at work got scammed last year", "a friend from church was conned"
        f"{who} {where} {verb}"
        for who in ("friend", "mate", "colleague", "neighbour", "neighbor", "pal")
        for where in (
            "at work",
            "from work",
            "from church",
            "from school",
            "next door",
            "down the road",
        )
        for verb in ("got", "was", "has been", "had been", "just got", "nearly got")
    )
    | frozenset({"people getting", "people get", "people got", "people being", "others got"})
    | (
        # a near miss: "I nearly got scammed, how do I check a payee?"
        frozenset({"nearly got", "almost got", "nearly been", "almost been", "nearly was"})
        # a hypothetical: "do banks pay back if you get scammed?", "what if I ever got scammed"
        | frozenset(
            {
                "you get",
                "you got",
                "you've been",
                "you have been",
                "you were",
                "you are",
                "if i get",
                "if i got",
                "if i ever get",
                "if we get",
                "anyone who gets",
                "people who get",
                "someone who gets",
                "if someone gets",
            }
        )
    )
)
# Talk of scams that is not yet a report: the word itself ("is this a scam?", "£4 for a
# coffee is a scam"), a text recognised as phishing, someone pretending to be the bank. A
# person checks it when the NLU reads fraud too, or an adviser does (fraud_words_unbacked);
# "I haven't clicked anything" (cue no_harm) leaves it with the bot.
SCAM_MENTION = "scam_mention"
_SCAM_MENTION: tuple[str, ...] = (
    "scam",
    "scams",
    "scammer",
    "scammers",
    "a scam",
    "scam call",
    "scam text",
    "scam email",
    "phishing",
    "fake link",
    "dodgy link",
    "suspicious link",
    "fake website",
    "fake text",
    "dodgy text",
    "suspicious text",
    "suspicious email",
    "fake email",
    "fake call",
    "suspicious call",
    "pretending to be from",
    "pretended to be from",
    "pretending to be the bank",
    "claiming to be from",
    "claimed to be from",
    "impersonating",
    "impersonation",
    "investment scam",
    "romance scam",
    "crypto scam",
)
# What a scammer asks for.
_SECRETS = (
    "my card details",
    "my card number",
    "my details",
    "my bank details",
    "my pin",
    "my password",
    "my passcode",
    "the code",
    "my code",
    "the security code",
    "the one time code",
    "my login",
)
# Details typed in somewhere: into a fake page, or a real shop's checkout ("I entered my card
# details and the payment was declined"). A scam shape (handoff.signals.situations) tells
# the first when the customer says where the page came from or why it was fake.
_SCAM_MENTION += _combine(("entered", "typed", "typed in", "put in"), _SECRETS)
# Harm told: a link clicked, details or codes given, money moved on someone's say-so.
_SCAM = (
    "clicked a link",
    "clicked on a link",
    "clicked the link in a text",
    "clicked a link in a text",
    "clicked a link in an email",
    "clicked on a link in a text",
    "clicked on a link in an email",
    *_combine(
        (
            "gave",
            "gave them",
            "gave him",
            "gave her",
            "shared",
            "told them",
            "read out",
        ),
        _SECRETS,
    ),
    "safe account",
    "move my money to a safe",
    "transfer my money to a safe",
    "said they were from the bank",
    "said they were from your",
    "said he was from the bank",
    "said she was from the bank",
    "sim swap",
    "sim swapped",
    "sim card stopped working",
    "sim stopped working",
    "remote access",
    "anydesk",
    "teamviewer",
    "authorised push payment",
    "told me to move my money",
    "asked me to move my money",
    "told me to transfer",
    "asked me to transfer",
)

# ---------------------------------------------------------------- vulnerability

_FAMILY = (
    "husband",
    "wife",
    "partner",
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "son",
    "daughter",
    "brother",
    "sister",
    "nan",
    "gran",
    "grandad",
    "grandmother",
    "grandfather",
    "child",
    "baby",
    "fiancé",
    "fiance",
)
_VULNERABILITY = (
    *_combine(
        tuple(f"my {f}" for f in _FAMILY),
        (
            "died",
            "has died",
            "passed away",
            "has passed away",
            "is dying",
            "is in hospital",
            "is seriously ill",
            "has cancer",
            "has dementia",
            # round 13: a sudden or violent death is a bereavement too
            "was killed",
            "got killed",
            "has been killed",
            "was murdered",
            "has been murdered",
            "took his own life",
            "took her own life",
            "took their own life",
            "is in intensive care",
        ),
    ),
    *_combine(("lost my", "my late", "death of my"), _FAMILY),
    "passed away",
    "bereavement",
    "bereaved",
    "funeral",
    "death certificate",
    "probate",
    "widow",
    "widowed",
    "widower",
    "terminally ill",
    "terminal illness",
    "terminal cancer",
    "i have cancer",
    "i've got cancer",
    "diagnosed with",
    "cancer treatment",
    "chemo",
    "chemotherapy",
    "in hospital",
    "in the hospital",
    "hospitalised",
    "hospitalized",
    "seriously ill",
    "very ill",
    "long term illness",
    "long-term illness",
    # not "disabled" alone: "my card has been disabled" is a card status
    "i'm disabled",
    "i am disabled",
    "disabled person",
    "my disabled",
    "disability",
    "mental health",
    "depression",
    "depressed",
    "anxiety",
    "panic attacks",
    "dementia",
    "alzheimer's",
    "carer",
    "caring for my",
    "i look after my",
    "power of attorney",
    "can't cope",
    "cannot cope",
    "can not cope",
    "cant cope",
    "not coping",
    "struggling to cope",
    "can't take it anymore",
    "can't take this anymore",
    "breaking point",
    "suicidal",
    "end my life",
    "kill myself",
    "want to die",
    "self harm",
    "financial hardship",
    "financial difficulty",
    "financial difficulties",
    "money worries",
    "struggling financially",
    "struggling with money",
    "can't pay my rent",
    "can't pay my bills",
    "can't pay my mortgage",
    "behind on my rent",
    "behind on my mortgage",
    "behind on payments",
    "behind with payments",
    "arrears",
    "debt collector",
    "debt collectors",
    "bailiffs",
    "in debt",
    "drowning in debt",
    "food bank",
    "foodbank",
    "lost my job",
    "made redundant",
    "redundancy",
    "unemployed",
    "lost my income",
    "evicted",
    "eviction",
    "homeless",
    "domestic abuse",
    "domestic violence",
    "abusive partner",
    "abusive relationship",
    "controls my money",
    "coercive control",
    "financial abuse",
    "economic abuse",
    "fleeing",
    "refuge",
    # round 16: vulnerability told as circumstance, not named. No home: "I'm living in my
    # car", "sofa surfing", "nowhere to sleep" (the customer's own: "my car", not "her car").
    *_combine(("living in my", "sleeping in my", "living out of my"), ("car", "van", "tent")),
    "sleeping rough",
    "sleeping on the streets",
    "sleeping on the street",
    "living on the streets",
    "living on the street",
    "sofa surfing",
    "sofa-surfing",
    "no fixed address",
    "nowhere to live",
    "nowhere to sleep",
    "nowhere to stay",
    "homeless shelter",
    "emergency accommodation",
    # Hopelessness: "I don't really see the point anymore", "no way out of this debt".
    *_combine(
        (
            "don't see the point",
            "don't really see the point",
            "dont see the point",
            "can't see the point",
            "cant see the point",
            "see no point",
            "no point in anything",
            "there's no point",
        ),
        (
            "anymore",
            "any more",
            "in anything",
            "of anything",
            "in living",
            "in going on",
            "of going on",
            "of living",
        ),
    ),
    "no point in living",
    "no reason to live",
    "nothing to live for",
    "can't go on",
    "cant go on",
    "can't go on like this",
    "better off without me",
    "better off dead",
    "end it all",
    "don't want to be here anymore",
    "don't want to be here any more",
    "dont want to be here anymore",
    "everything is just debt",
    "everything is debt",
    "nothing but debt",
    "buried in debt",
    "up to my eyes in debt",
    "crushed by debt",
    # Economic control: a partner who holds the money and keeps it from the customer.
    *_combine(
        (
            "i'm not allowed",
            "im not allowed",
            "i am not allowed",
            "i'm not even allowed",
            "i'm not allowed to have",
        ),
        (
            "a card",
            "my own card",
            "my own bank card",
            "a bank card",
            "a card of my own",
            "my own money",
            "my own account",
            "a bank account",
            "my own bank account",
            "access to our money",
            "access to the money",
            "access to our account",
            "to see our statements",
            "to see the statements",
            "to see the bank statements",
            "any money of my own",
        ),
    ),
    *_combine(
        (
            "he",
            "she",
            "my husband",
            "my wife",
            "my partner",
            "my boyfriend",
            "my girlfriend",
            "my ex",
        ),
        (
            "controls all the money",
            "controls all our money",
            "controls all my money",
            "controls the money",
            "takes my wages",
            "takes all my wages",
            "takes my benefits",
            "takes all my money",
            "took all my money",
            "keeps my card",
            "won't let me have money",
            "won't let me have my own",
            "won't let me see",
            "left and took everything",
            "left and emptied",
            "left and cleared out",
            "emptied the joint account",
            "emptied our joint account",
            "cleared out the joint account",
            "cleared out our joint account",
            "drained the joint account",
            "drained our joint account",
            "took everything out of the joint account",
            "took everything out of our joint account",
            "took all the money out of the joint account",
            "took all the money out of our joint account",
        ),
    ),
    *_combine(
        ("i have to ask", "i've got to ask", "i need to ask"),
        (
            "him for money",
            "her for money",
            "my husband for money",
            "my wife for money",
            "my partner for money",
            "him for everything",
            "her for everything",
            "him for every penny",
            "her for every penny",
        ),
    ),
    # A dependant's basic needs unmet because the money is gone: "the baby needs nappies",
    # "I can't feed the kids", "down to my last £5".
    *_combine(
        ("the baby needs", "my baby needs", "baby needs", "no money for", "no money left for"),
        ("nappies", "formula", "milk", "food"),
    ),
    *_combine(
        ("can't feed", "cant feed", "cannot feed", "can't afford to feed"),
        (
            "my kids",
            "the kids",
            "my children",
            "the children",
            "my baby",
            "the baby",
            "my family",
            "myself",
        ),
    ),
    "kids are hungry",
    "children are hungry",
    "no food in the house",
    "nothing to eat",
    "skipping meals",
    # money, not "down to my last cheque in the book"
    *_combine(
        ("down to my last", "down to our last"),
        ("£", "tenner", "fiver", "few quid", "pound", "penny", "pennies", "few pounds"),
    ),
    "no gas or electric",
    "no gas or electricity",
    "meter has run out",
    "can't top up the meter",
    "can't top up my meter",
    "just to eat",
    "no heating",
    "heating off",
    # Low mood told in passing ("I don't want to be a burden anymore", "not that anyone
    # would care"), fear and avoidance ("letters piling up", "I get really anxious"), a
    # condition that makes banking hard ("learning difficulties", "my eyesight is going").
    "don't want to be a burden",
    "dont want to be a burden",
    "a burden to everyone",
    "not that anyone would care",
    "nobody would care",
    "no one would care",
    "nobody would miss me",
    "no one would miss me",
    "letters piling up",
    "can't bring myself to open",
    "too scared to open",
    *_combine(("i get", "i get really", "i get very", "i get so"), ("anxious", "panicky")),
    "learning difficulties",
    "learning difficulty",
    "learning difficultys",
    "learning disability",
    "learning disabilities",
    "my eyesight is going",
    "losing my sight",
    "losing my eyesight",
    "my eyesight is getting worse",
    # round 19: a failing sense told by any of its states ("gone", "bad", "not what it was",
    # "stopped working"), the subject contracted or not
    *_combine(
        (
            "my eyesight",
            "my eyesight's",
            "my sight",
            "my sight's",
            "my hearing",
            "my hearing's",
            "my eyes",
        ),
        (
            "is going",
            "is gone",
            "has gone",
            "gone",
            "going",
            "is failing",
            "are failing",
            "failing",
            "is bad",
            "are bad",
            "bad",
            "is terrible",
            "terrible",
            "is very poor",
            "is poor",
            "is getting worse",
            "are getting worse",
            "getting worse",
            "has got worse",
            "got worse",
            "not what it was",
            "isn't what it was",
            "is not what it was",
            "aren't what they were",
            "have gone",
            "has stopped working",
            "stopped working",
            "have stopped working",
            "is really bad",
            "really bad",
            "are really bad",
            "not great",
            "isn't great",
            "is not great",
            "aren't great",
            "not good",
            "isn't good",
            "is not good",
            "aren't good",
            "not so good",
            "isn't so good",
        ),
    ),
    # Someone pressing the customer now ("he's stood next to me") or angry at a refusal.
    "stood next to me",
    "standing over me",
    "watching me type",
    *_combine(("he's", "he is", "she's", "she is"), ("forcing me", "pressuring me")),
    *_combine(
        ("he", "she", "my son", "my daughter", "my husband", "my wife", "my partner"),
        ("gets angry", "gets aggressive", "threatens me", "shouts at me"),
    ),
    # round 18: vulnerability told as circumstance: a stated old age with a failing sense,
    # a disability or a struggle ("I'm 84 and I can't see the numbers"; not "I'm 90 and live
    # alone but I'm fine"), and the
    # relative who helped gone ("my grandson used to help but he's moved away").
    *_combine(
        _combine(("i'm", "i am", "im"), tuple(str(age) for age in range(75, 106))),
        (
            "and i can't see",
            "and can't see",
            "and i can't hear",
            "and can't hear",
            "and i can't read",
            "and nearly blind",
            "and partially sighted",
            "and registered blind",
            "and disabled",
            "and housebound",
            "and struggling",
            "and i'm struggling",
            "and i struggle",
            "and confused",
            "and i get confused",
        ),
    ),
    *_combine(
        (
            "used to help",
            "used to help me",
            "used to help me with it",
            "used to do it for me",
            "used to do my banking",
            "used to do all my banking",
            "used to sort it",
            "used to sort it for me",
            "always helped me",
            "used to help me with my banking",
            # round 19: any object of "do" or "sort" ("used to do this", "used to sort all
            # that for me"): the helper's task, whatever the pronoun
            *_combine(
                (
                    "used to do",
                    "used to sort",
                    "used to handle",
                    "used to manage",
                    "used to deal with",
                ),
                (
                    "this",
                    "that",
                    "all this",
                    "all that",
                    "everything",
                    "it all",
                    "all of it",
                    "this for me",
                    "that for me",
                    "everything for me",
                    "the banking",
                    "all my money",
                    "my money",
                    "the bills",
                    "my bills",
                    "the money",
                    "my accounts",
                ),
            ),
        ),
        (
            "but he's",
            "but she's",
            "but they've",
            "but he has",
            "but she has",
            "but they have",
            "but he died",
            "but she died",
            "but he passed",
            "but she passed",
        ),
    ),
    "don't feel safe at home",
    "dont feel safe at home",
    "not safe at home",
)

# "I can't afford to wait" is urgency, not hardship: "afford to" counts only with a need.
_CANT_AFFORD = ("can't afford", "cannot afford", "can not afford")
_CANT_AFFORD_TO = _combine(
    _CANT_AFFORD, ("to pay", "to eat", "to heat", "to live", "to buy food", "to feed")
)

# round 18: a compensation claim for a loss the bank caused is a complaint ("I want
# compensation for the two days your app was down"); a question about compensation
# schemes is not ("how does the FSCS compensation scheme work?").
_COMPENSATION = (
    *_combine(
        (
            "i want",
            "i'd like",
            "i would like",
            "i expect",
            "i demand",
            "i'm claiming",
            "i am claiming",
            "i'm asking for",
            "i am asking for",
            "i'm owed",
            "i am owed",
            "i deserve",
            "i want to claim",
            "i'd like to claim",
            "i'm entitled to",
            "you owe me",
            "we want",
            "we expect",
            "we deserve",
        ),
        ("compensation", "some compensation", "full compensation", "to be compensated"),
    ),
    *_combine(
        ("compensate me", "compensate us", "reimburse me", "reimburse us"),
        ("for", "for the", "for my"),
    ),
    *_combine(
        ("cover my", "cover our", "pay for my", "refund my", "make good my"),
        ("losses", "loss"),
    ),
)

# ---------------------------------------------------------------- threats and failures

# Ultimatums: the frustration lexicon has "switching banks" and, weakly, "close my account"
# (also a calm request); these first-person futures are threats.
_CHURN_THREATS = (
    *_combine(
        (
            "i'll",
            "i will",
            "i'm going to",
            "im going to",
            "going to",
            "i'm gonna",
            "or i'll",
            "or i will",
            "i'll have to",
            "i will have to",
        ),
        (
            "close my account",
            "close my accounts",
            "close all my accounts",
            "close the account",
            "leave",
            "leave this bank",
            "switch banks",
            "switch to another bank",
            "move my money",
            "move banks",
            "take my money out",
            "take my money elsewhere",
        ),
    ),
    "i'm closing my account",
    "i am closing my account",
    "close my account unless",
    "close my account if",
    "moving my money to another bank",
    "move my money to another bank",
    "move my money elsewhere",
    "moving my money elsewhere",
    "find another bank",
    "find a new bank",
)
# "I'll leave it open then", "I'll leave that for now": keeping something, not leaving.
_NOT_A_THREAT = frozenset({"it", "that", "this", "them", "alone", "open", "there", "a", "an"})
# A failure the customer says happened again: the same evidence as counting one's asks.
_FAILED_AGAIN = _combine(
    (
        "failed",
        "declined",
        "crashed",
        "broken",
        "wrong",
        "rejected",
        "didn't work",
        "doesn't work",
        "not working",
        "stuck",
        "down",
    ),
    ("again",),
)

# round 16: the bot told it has not understood, in the third person or as a correction of
# its answer ("the bot doesn't understand 'card eaten'", "that's not what I meant"). Not the
# customer's own "I don't understand the fee".
_BOT_MISSED = (
    *_combine(
        (
            "the bot",
            "this bot",
            "your bot",
            "the chatbot",
            "this chatbot",
            "the assistant",
            "it still",
            "you still",
            "you just",
            "you clearly",
        ),
        (
            "doesn't understand",
            "does not understand",
            "don't understand",
            "do not understand",
            "can't understand",
            "cannot understand",
            "doesn't get it",
            "don't get it",
            "isn't understanding",
            "aren't understanding",
            "has no idea",
            "have no idea",
        ),
    ),
    "you don't get it",
    "you're not getting it",
    "not what i meant",
    "that's not what i meant",
    "that's not what i said",
    "not what i said",
    "that's not my question",
    "you misunderstood",
    "you've misunderstood",
    "that isn't an answer",
    "that's not an answer",
    "thats not an answer",
    "that is not an answer",
    "automated replies",
    "automated answers",
)

# Warm words, matched in the same pass and kept only beside a complaint of failure, where
# they are sarcastic praise (handoff.signals.text turns them into sarcasm cues).
PRAISE = "praise"
_PRAISE = (
    "amazing",
    "great",
    "brilliant",
    "fantastic",
    "wonderful",
    "perfect",
    "awesome",
    "excellent",
    "superb",
    "lovely",
    "impressive",
    "genius",
    "marvellous",
    "marvelous",
    "stellar",
    "outstanding",
    "fabulous",
    "terrific",
    "splendid",
    "love it",
    "love this",
    "well done",
    "good job",
    "nice one",
    "nice work",
    "thanks a lot",
    "thanks a million",
    "thanks so much",
    "cheers",
    "wow",
    "bravo",
    "top notch",
    "world class",
    "5 stars",
    "five stars",
    # round 16: flat or quoted praise ("cool cool cool", "so helpful", my "award-winning"
    # bank): sarcasm only beside a failure, like the rest
    "cool",
    "yay",
    "so helpful",
    "very helpful",
    "really helpful",
    "super helpful",
    "award-winning",
    "award winning",
    "nice to see",
    "love how",
    "gotta love",
    "got to love",
    "love that",
    "love being",
    "best day ever",
    "how fun",
    "reassuring",
    "feels like you care",
)

# What a cue of each kind adds to frustration when another language says it: the English
# groups' weights (routing facts weigh nothing; a threat to leave, a formal complaint and a
# legal threat weigh what the English lexicon's own phrasings weigh).
LANGUAGE_WEIGHTS: dict[str, float] = {
    HUMAN_DEMAND: _HUMAN_WEIGHT,
    FRAUD: 0.0,
    SCAM: 0.0,
    VULNERABILITY: 0.0,
    "churn_threat": 0.55,
    "complaint": 0.35,
    "legal_threat": 0.6,
}
# The requests listed above in the first seven languages, kept with each language's new ones.
_EARLIER = {
    "pl": _POLISH,
    "ro": _ROMANIAN,
    "pt": _PORTUGUESE,
    "es": _SPANISH,
    "cy": _WELSH,
    "ur": _URDU,
    "pa": _PANJABI,
}
# Fraud phrases are never negated: many are negative themselves ("I didn't make this
# payment", "nu am făcut eu") and a missed fraud costs more than a false alarm. round 11: scam
# phrases are steps taken ("kliknąłem w link"), so a denial before one ("nie kliknąłem w
# link", "nu am apăsat pe link") cancels it: a customer checking a text they did not open.
_NEVER_NEGATED = frozenset({FRAUD})
# Hook for routing_languages: kinds that only the other languages' phrase lists add here
# (English finds them as situation shapes or lexicon groups: repeated asking, sarcastic
# praise, a described fraud...), with their weights, which are never negated, and words that
# may not follow a match of a kind ("nie rozumiem, dlaczego..." is a question, not a failure).
LANGUAGE_WEIGHTS.update({k: w for k, (w, _) in LANGUAGE_ONLY_KINDS.items()})
_NEVER_NEGATED |= {k for k, (_, never) in LANGUAGE_ONLY_KINDS.items() if never}


# round 14: what shows a message is in a language (Language.markers and .letters): a letter
# of its script or one only it writes, searched in the message as typed, and one of its
# common function words, searched whole in the folded message. Built once per language.
_SHOWN: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    language.code: (
        re.compile(f"[{language.letters}]") if language.letters else None,
        re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(fold(m)) for m in sorted(language.markers, key=len, reverse=True))
            + r")(?!\w)"
        )
        if language.markers
        else None,
    )
    for language in LANGUAGES
}


def shows_language(code: str, text: str) -> bool:
    """Whether ``text`` shows it is written in the language ``code``: a letter of its script
    (or one only it writes: Albanian "ë") or one of its common function words ("dhe", "nuk",
    "und", "nicht"). A language that lists neither is shown by every message."""
    letters, markers = _SHOWN.get(code, (None, None))
    if letters is None and markers is None:
        return True
    if letters is not None and letters.search(text.lower()) is not None:
        return True
    return markers is not None and markers.search(fold(text)) is not None


def _ascii_hint(code: str) -> tuple[bool, tuple[frozenset[str], ...]]:
    """p23: (whether an ASCII message may show ``code`` whatever its words, each marker's word
    runs). A marker matches only where each of its runs of word characters is a whole word
    run of the folded message (its edges are the marker's other characters or the pattern's
    word boundaries), and an ASCII message folds to itself lower-cased: so shows_language on
    an ASCII message is true only if the first is, or some marker's runs are all its words."""
    letters, markers = _SHOWN.get(code, (None, None))
    if letters is None and markers is None:
        return True, ()
    language = next(lang for lang in LANGUAGES if lang.code == code)
    runs = tuple(frozenset(_WORD.findall(fold(m))) for m in sorted(language.markers))
    anyway = (
        not _ASCII_UNCHANGED
        or (letters is not None and any(letters.search(chr(c)) for c in range(128)))
        or not all(runs)
    )
    return anyway, runs


_WORD = re.compile(r"\w+")
_ASCII_HINTS = {language.code: _ascii_hint(language.code) for language in LANGUAGES}


def may_show_language(code: str, words: set[str]) -> bool:
    """False only when the ASCII message whose lower-cased word runs are ``words`` does not
    show the language ``code`` (:func:`shows_language`): set tests instead of its regexes,
    for a message that holds a short word of several languages ("card")."""
    anyway, markers = _ASCII_HINTS.get(code, (True, ()))
    return anyway or any(runs <= words for runs in markers)


# A one-word phrase of at most this many letters (folded) is short: long words ("wyłudzenie",
# "hastanedeyim") are rarely also another language's word, and a lone one is a message.
_SHORT_WORD = 7


def _is_short_word(phrase: str) -> bool:
    """A one-word phrase of up to _SHORT_WORD letters, or (round 15) a one-word stem
    ("człowiek~"), whose endings make it a word of any length."""
    words = fold(phrase).split()
    return len(words) == 1 and (len(words[0]) <= _SHORT_WORD or words[0].endswith("~"))


def _language_groups(language: Language) -> tuple[CueGroup, ...]:
    """A language's phrases as cue groups, per kind; round 14: its short one-word phrases in a
    group of their own that counts only in a message showing the language (shows_language,
    or a longer phrase of it matched), when the language lists what shows it: a short word
    is too often a word of another language too, once accents are folded away ("mirë",
    good, and "mirė", died, are both "mire")."""
    guarded = bool(language.markers or language.letters)
    groups = []
    for kind, own in language.cues.items():
        phrases = (*own, *_EARLIER.get(language.code, ())) if kind == HUMAN_DEMAND else own
        negatable = kind not in _NEVER_NEGATED
        short = tuple(p for p in phrases if _is_short_word(p)) if guarded else ()
        shorts = frozenset(short)  # (issue 16: a tuple's "in" read it all for every phrase)
        long = tuple(p for p in phrases if p not in shorts)
        for part, one_word in ((long, False), (short, True)):
            if not part:
                continue
            groups.append(
                CueGroup(
                    kind,
                    LANGUAGE_WEIGHTS[kind],
                    part,
                    language.not_before.get(kind, frozenset()),
                    negated_before=language.negated_before if negatable else frozenset(),
                    negated_after=language.negated_after if negatable else frozenset(),
                    language=language.code,
                    one_word=one_word,
                )
            )
    return tuple(groups)


# round 22: being put in contact with staff by any verb that connects ("put me in touch with
# my relationship manager", "get me through to someone", "hook me up with an adviser", "can
# I be transferred to a person"): the connecting verbs as one slot, the staff and people
# nouns (with any determiner for the named roles) as the other. Only people: "put me in touch
# with the app's settings" is no request.
_CONNECT_HEADS = (
    *_combine(
        ("put", "get", "pass", "hook", "transfer", "connect", "forward", "send", "redirect"),
        ("me", "us"),
    ),
)
_CONNECT = _combine(
    _CONNECT_HEADS,
    (
        "in touch with",
        "in contact with",
        "through to",
        "over to",
        "on to",
        "onto",
        "up with",
        "to",
        "with",
    ),
)
_BE_CONNECTED = _combine(
    ("can i be", "could i be", "can we be", "i'd like to be", "i want to be", "i need to be",
     "please can i be", "i'd rather be", "i'd prefer to be"),
    ("put through to", "put in touch with", "transferred to", "connected to", "connected with",
     "passed to", "passed over to", "passed on to", "put in contact with", "put through with"),
)  # fmt: skip
_ROLES = ("relationship manager", "account manager", "personal banker", "private banker",
          "adviser", "advisor", "case handler", "case manager", "fraud team",
          "branch manager")  # fmt: skip
_CONNECT_TAILS = (
    *_STAFF,
    *_combine(("my", "our", "the", "a", "an", "your", "my own"), _ROLES),
    "a human",
    "a person",
    "a real person",
    "a real human",
    "an actual person",
    "an actual human",
    "a human being",
    "someone",
    "somebody",
    "someone else",
    "an agent",
    "a live agent",
    "a human agent",
    "a representative",
    "a rep",
    "a manager",
    "your manager",
    "the manager",
    "a supervisor",
    "your supervisor",
    "customer service",
    "customer support",
    "your fraud team",
)

# round 23 (r23g): a member of staff asked to guide the customer through it, the staff noun
# as the subject ("can a colleague of yours take me through it?", "could someone there walk
# me through this", "would one of your team go through it with me"): the asking heads, the
# whole staff class (round 22's connecting tails: any staff noun, a person, a human) and the
# guiding verbs as three slots. Only guiding or helping the customer: "can a colleague sign as
# a witness?" asks nothing of staff for the customer. "Someone" alone helps as often as the
# bot does ("can someone help me"), so it guides only from there ("someone there").
_GUIDE_ASK = ("can", "could", "would", "will", "can't")
_GUIDE_WHO = (
    *_STAFF,
    "a person",
    "a human",
    "a real person",
    "an agent",
    "a manager",
    "a supervisor",
    *_combine(("someone", "somebody", "anyone"), ("there", "at the bank", "in branch")),
    "a team member",
    "a member of your staff",
    "a colleague of yours",
    "one of your colleagues",
    "one of your team",
)  # fmt: skip
_GUIDE_VERBS = (
    *_combine(
        ("take me through", "walk me through", "talk me through", "take us through",
         "walk us through", "talk us through", "run me through", "run through",
         "go through", "go over", "explain"),
        ("it", "this", "that", "the process"),
    ),
    *_combine(("go through", "go over", "look at", "sort"), ("it with me", "this with me",
                                                             "it for me", "this for me")),
    "help me",
    "help us",
    "explain it to me",
    "explain this to me",
    "sort this out for me",
    "sort it out for me",
)  # fmt: skip
_STAFF_GUIDES = _combine(_combine(_GUIDE_ASK, _GUIDE_WHO), _GUIDE_VERBS)

# round 23 (r23g): an anaphoric request ("I'd like one please", "can I speak to one"): the
# "one" is a person only when the customer's previous message named one (cue staff_named,
# any staff or person noun of the connecting tails, singular or plural: "does this chat have
# an actual adviser?", "are there real people?"); handoff.signals.extract pairs the two
# (ANAPHORIC_REQUEST then STAFF_NAMED) into human_demand. Alone neither asks for anyone:
# "I'd like one of those new cards" (and "one" followed by what it is) is no request.
STAFF_NAMED = "staff_named"
ANAPHORIC_REQUEST = "anaphoric_request"
_NAMED_STAFF = (
    *_CONNECT_TAILS,
    *_combine(("actual", "real", "human", "live", "proper"),
              ("adviser", "advisor", "advisers", "advisors", "person", "people", "humans",
               "agent", "agents", "staff", "human", "employee", "employees")),
    "advisers",
    "advisors",
    "humans",
    "human agents",
    "staff",
    "colleagues",
    "an adviser",
    "an advisor",
    "a human",
    "a person",
    "a team member",
    "a specialist",
)  # fmt: skip
_ONE_HEADS = (
    "i'd like", "i would like", "i'd love", "i want", "i need", "i'll have", "i'll take",
    "can i have", "could i have", "can i get", "could i get", "can i speak to",
    "can i talk to", "could i speak to", "could i talk to", "i'd like to speak to",
    "i'd like to talk to", "i want to speak to", "i want to talk to", "i need to speak to",
    "i need to talk to", "let me speak to", "let me talk to", "get me", "give me",
    "put me through to", "connect me to", "connect me with", "yes please", "yes",
)  # fmt: skip
_ANAPHORIC_ONE = (
    *_combine(_ONE_HEADS, ("one", "one of you")),
    "one please",
)
# "one" followed by what it is ("one of those new cards", "one for my son", "one with
# contactless") names a thing, not the person just asked about.
_NOT_THE_ONE = frozenset(
    {"of", "for", "with", "card", "cards", "account", "more", "that", "which", "in", "day",
     "time", "too", "thing", "like"}
)  # fmt: skip

_ENGLISH = ENGLISH_NEGATED_BEFORE
ROUTING_GROUPS: tuple[PhraseGroup, ...] = (
    CueGroup(
        HUMAN_DEMAND,
        _HUMAN_WEIGHT,
        _combine((*ASK_FOR, *_WITH_STAFF), _STAFF),
        negated_before=_ENGLISH,
    ),
    CueGroup(
        HUMAN_DEMAND,
        _HUMAN_WEIGHT,
        _combine((*_CONNECT, *_BE_CONNECTED), _CONNECT_TAILS),
        negated_before=_ENGLISH,
    ),
    CueGroup(
        HUMAN_DEMAND,
        _HUMAN_WEIGHT,
        _ASKING_TO_BE_CALLED,
        _NOT_A_CALL_REQUEST,
        negated_before=_ENGLISH,
    ),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _PHONING_YOU, _FOR_LATER, negated_before=_ENGLISH),
    CueGroup(
        HUMAN_DEMAND,
        _HUMAN_WEIGHT,
        _BE_CALLED,
        _NOT_A_CALL_REQUEST,
        negated_before=_ENGLISH | _TOLD_I_WOULD,
    ),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _IS_ANYONE_THERE, _NOT_A_TRANSFER, _ENGLISH),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _MAY_I_HAVE, negated_before=_ENGLISH),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _STAFF_TO_ACT, _NOT_TO_ACT, _ENGLISH),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _STAFF_GUIDES, negated_before=_ENGLISH),
    CueGroup(STAFF_NAMED, 0.0, _NAMED_STAFF),
    CueGroup(ANAPHORIC_REQUEST, 0.0, _ANAPHORIC_ONE, _NOT_THE_ONE, _ENGLISH),
    CueGroup(
        HUMAN_DEMAND, _HUMAN_WEIGHT, (*_NEED_SPEAK, *_SPEAKS_MY_LANGUAGE), frozenset(), _ENGLISH
    ),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _RING_ME, _NOT_A_CALL_REQUEST, _ENGLISH),
    CueGroup(
        HUMAN_DEMAND,
        _HUMAN_WEIGHT,
        _CONTACT_ME,
        _NOT_A_CALL_REQUEST,
        negated_before=_ENGLISH | _ASKED_ABOUT_A_CALL,
    ),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _BY_ROLE, _NOT_A_CALL_REQUEST, _ENGLISH),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _A_CALLBACK, _NOT_A_CALL_REQUEST, _ENGLISH),
    CueGroup(HUMAN_DEMAND, _HUMAN_WEIGHT, _BY_CHANNEL, _FOR_LATER, _ENGLISH | _HOW_TO_ASK),
    CueGroup("complaint", 0.35, _COMPENSATION, frozenset(), _ENGLISH | _HOW_TO_ASK),
    CueGroup(FRAUD, 0.0, _FRAUD),
    CueGroup(SCAM, 0.0, _SCAM),
    CueGroup(SCAM, 0.0, _SCAMMED, negated_before=_SOMEONE_ELSE),
    CueGroup(SCAM_MENTION, 0.0, _SCAM_MENTION),
    CueGroup(VULNERABILITY, 0.0, _VULNERABILITY, negated_before=_ENGLISH),
    CueGroup(VULNERABILITY, 0.0, _CANT_AFFORD, frozenset({"to"}), _ENGLISH),
    CueGroup(VULNERABILITY, 0.0, _CANT_AFFORD_TO, negated_before=_ENGLISH),
    # Weighted as the lexicon's own groups of these kinds (strong churn, mild repetition).
    CueGroup("churn_threat", 0.55, _CHURN_THREATS, _NOT_A_THREAT, _ENGLISH),
    CueGroup("repeated_asking", 0.35, _FAILED_AGAIN),
    CueGroup("not_understood", 0.45, _BOT_MISSED),
    CueGroup(PRAISE, 0.45, _PRAISE),  # the weight a sarcasm cue made of it carries
    # Chinese has no spaces between words: matched by unspaced_cues(), not word by word.
    *(g for lang in LANGUAGES if lang not in UNSPACED for g in _language_groups(lang)),
)

# The English lexicon's own kinds (handoff.signals.lexicon) that a preceding "don't" or "no
# need to" cancels: "I don't want to speak to a person", "not going to switch banks".
ENGLISH_NEGATABLE_KINDS = frozenset({HUMAN_DEMAND, "churn_threat"})


def _split_sequences(sequences: frozenset[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(s).split()) for s in sequences)


@dataclass(frozen=True)
class Negation:
    """Word sequences (folded, split) that cancel a match when right before or after it."""

    before: frozenset[tuple[str, ...]]
    after: frozenset[tuple[str, ...]]
    # The distinct lengths of the sequences: a window is compared with each length's slice
    # by one set look-up instead of with every sequence (a match is tested on every message).
    before_lengths: tuple[int, ...] = field(init=False, repr=False, compare=False)
    after_lengths: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "before_lengths", tuple(sorted({len(s) for s in self.before})))
        object.__setattr__(self, "after_lengths", tuple(sorted({len(s) for s in self.after})))

    @classmethod
    def of(cls, before: frozenset[str], after: frozenset[str]) -> Negation | None:
        if not before and not after:
            return None
        return cls(_split_sequences(before), _split_sequences(after))

    def cancels(self, words: list[str], first: int, last: int) -> bool:
        """Whether the match ``words[first:last]`` (lower-cased tokens) is negated."""
        if self.before:
            window = [fold(w) for w in words[max(0, first - _LONGEST) : first]]
            before = self.before
            if any(n <= len(window) and tuple(window[-n:]) in before for n in self.before_lengths):
                return True
        if self.after:
            window = [fold(w) for w in words[last : last + _LONGEST + 1]]
            after = self.after
            for skip in (0, 1):  # "baat nahi", "baat karni nahi"
                for n in self.after_lengths:
                    end = skip + n
                    seq = tuple(window[skip:end])
                    if (
                        len(seq) == n
                        and seq in after
                        and (end >= len(window) or window[end] not in _OTHERWISE)
                    ):
                        return True
        return False


_LONGEST = 5  # words in the longest negating sequence
# "nahi to ..." is "otherwise ...", not "not": "baat karao, nahi to account band".
_OTHERWISE = frozenset({"to", "toh", "تو", "तो", "ਤਾਂ", "تاں"})


def negation_of(group: PhraseGroup) -> Negation | None:
    """How ``group``'s matches can be negated, if at all."""
    if isinstance(group, CueGroup):
        return Negation.of(group.negated_before, group.negated_after)
    if group.kind in ENGLISH_NEGATABLE_KINDS:
        return Negation.of(ENGLISH_NEGATED_BEFORE, frozenset())
    return None


# One alternation of every Chinese phrase, longest first; the kind and the negators of a
# match are looked up afterwards (a look-behind per negator cost more than the search).
_UNSPACED_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    phrase: (kind, () if kind in _NEVER_NEGATED else tuple(lang.negated_before))
    for lang in UNSPACED
    for kind, phrases in lang.cues.items()
    for phrase in phrases
}
_UNSPACED_RE = re.compile(
    "|".join(re.escape(p) for p in sorted(_UNSPACED_KINDS, key=len, reverse=True))
)
# Characters of the scripts written without spaces (CJK ideographs, extension A, compatibility).
_UNSPACED_HINT = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def unspaced_cues(text: str) -> list[tuple[str, int, int]]:
    """Cues in Chinese, matched as substrings: [(kind, start, end)]. Costs one regex search
    on a message without Han characters (an ASCII message returns at once)."""
    if text.isascii() or _UNSPACED_HINT.search(text) is None:
        return []
    found = []
    for match in _UNSPACED_RE.finditer(text):
        kind, negators = _UNSPACED_KINDS[match.group()]
        start = match.start()
        # "不需要人工客服", "不用转人工": negated right before the phrase.
        if not any(text.endswith(n, 0, start) for n in negators):
            found.append((kind, start, match.end()))
    return found


# Misspellings of the words requests, fraud and hardship hinge on → the word the phrases use.
# Applied to phrases too (handoff.signals.text), so "cant cope" and "can't cope" are one.
TYPOS: dict[str, str] = {
    **dict.fromkeys(("humna", "huamn", "humen", "hooman", "humam", "hunan", "hman"), "human"),
    **dict.fromkeys(("persn", "preson", "perosn", "pesron", "peson", "persom"), "person"),
    **dict.fromkeys(("somone", "someon", "soemone", "someome", "sum1", "some1"), "someone"),
    **dict.fromkeys(("sombody", "somebdy", "somebidy", "sumbody"), "somebody"),
    **dict.fromkeys(("agnet", "agant", "agetn", "agen", "ajent"), "agent"),
    **dict.fromkeys(("operater", "oprator", "opperator", "operatr"), "operator"),
    **dict.fromkeys(
        ("represenative", "representitive", "reprsentative", "representive", "rep"),
        "representative",
    ),
    **dict.fromkeys(("advisr", "advisor", "advicer", "advsr", "advisir", "adviser's"), "adviser"),
    **dict.fromkeys(("speek", "sepak", "spaek", "speack", "spk", "speal", "spek"), "speak"),
    **dict.fromkeys(("tlak", "tallk", "talke", "tlk", "talkk"), "talk"),
    **dict.fromkeys(("sumone", "smone", "someonee"), "someone"),
    "2": "to",
    **dict.fromkeys(("wnat", "wnt", "wanna"), "want"),
    **dict.fromkeys(("pls", "plz", "pleas", "pleae", "plese", "pleace"), "please"),
    **dict.fromkeys(("phne", "fone"), "phone"),
    **dict.fromkeys(("recognize", "recognis", "reconise", "recognice"), "recognise"),
    **dict.fromkeys(("unrecognized", "unrecognized"), "unrecognised"),
    **dict.fromkeys(("unauthorized", "unathorised", "unauthorized"), "unauthorised"),
    **dict.fromkeys(("authorize", "authorized"), "authorise"),
    **dict.fromkeys(("scamed", "scamd"), "scammed"),
    **dict.fromkeys(("phising", "phissing"), "phishing"),
    "hospitalized": "hospitalised",
    "bereavment": "bereavement",
    "funral": "funeral",
    "didnt": "didn't",
    "dont": "don't",
    "cant": "can't",
    "u": "you",
    "ur": "your",
    # text speak in call-back requests: "cud u ring me bk"
    **dict.fromkeys(("cud", "cld", "culd"), "could"),
    **dict.fromkeys(("bk", "bak"), "back"),
}

# A whole message that is only a request word, with a please or a "now" and punctuation:
# "agent", "AGENT!!", "human pls", "representative now". Inside a sentence the same words
# are usually about someone ("the agent at the branch said..."), so only alone.
_LONE_WORDS = (
    "agent",
    "agents",
    "human",
    "humans",
    "person",
    "operator",
    "representative",
    "advisor",
    "adviser",
    "someone",
    "somebody",
    "a human",
    "a person",
    "an agent",
    "real person",
    "a real person",
    "human agent",
    "live agent",
    "customer service",
    "customer services",
    "call me",
    "call me back",
    # round 16: "transfer me", "a manager please", "staff" as a whole message
    "transfer me",
    "put me through",
    "escalate",
    "escalate me",
    "escalate this",
    "manager",
    "supervisor",
    "staff",
    "member of staff",
    "someone real",
    "real one",
    "a real one",
    "real human",
    "callback",
    "call back",
    "operador",
    "agente",
    "humano",
    "atendente",
    "konsultant",
    "człowiek",
    "czlowiek",
)
_LONE_FRAUD = ("fraud", "its fraud", "it's fraud", "this is fraud", "report fraud")


def _lone_pattern(words: set[str]) -> re.Pattern[str]:
    choices = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:(?:an?|the|to|get|give me|need|want)\s+)?(?:{choices})"
        r"(?:\s+(?:please|pls|plz|now|asap|please now|now please))?[\W_]*",
        re.IGNORECASE,
    )


_LONE = (
    (
        HUMAN_DEMAND,
        _lone_pattern(
            {
                *_LONE_WORDS,
                *(t for t, w in TYPOS.items() if w in {"human", "person", "agent", "operator"}),
            }
        ),
    ),
    (FRAUD, _lone_pattern(set(_LONE_FRAUD))),
)
_LONE_MAX_CHARS = 40


def lone_cues(text: str) -> list[tuple[str, int, int]]:
    """A message that is only a request for a person ("agent!!", "Human pls") or only the
    word fraud (as the callback lane's message invites): [(kind, start, end)], else []."""
    if len(text) > _LONE_MAX_CHARS:
        return []
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped)
    return [
        (kind, start, start + len(stripped))
        for kind, pattern in _LONE
        if pattern.fullmatch(stripped) is not None
    ]
