"""Other-language tables by FORM, generated, not listed (principle 3).

The round 23 diagnosis (tests/data/routing_holdout19/README.md) found the other-language
tables holding a concept in one grammatical form while a customer writes another: the object
pronoun "him" where the table has "them", an article before a possessive, a gerund where
the table has the imperfect of a posing verb, the other word order of verb and noun, another
preposition around the same noun. This module GENERATES those forms from the phrases the
tables already have, declared once per language (:data:`FORMS`):

* ``classes``: sets of interchangeable word sequences (object pronouns, article with or
  without a possessive, the finite/participle/gerund forms of a posing verb, determiners of
  a code, people nouns): every phrase of an applicable kind holding one member gets the
  same phrase with each other member (longest member first, one class after another, so
  forms combine: "j'ai donné le code" -> "je lui ai donné mon code");
* ``orders``: regular expressions rewriting a phrase into the other word order the language
  allows (Sorani verb-noun "قسە لەگەڵ X بکەم" beside "لەگەڵ X قسە بکەم").

Only the kinds listed in :data:`APPLIED` are expanded (requests, posing and codes given,
money gone and disowning, threats), so a generated form fires only in its own role. Concepts
a table lacked entirely are added as slot templates (:data:`FILLS`) expanded by the same
product of word classes as the earlier rounds. The Bengali story table gets a relative
posing from a new number (:data:`BENGALI_FAMILY`).

Written in round 23 (helper r23l).
Review status: written by a NON-NATIVE author from each language's grammar, not from any
routing set; tests/test_round23_r23l.py holds the concept x language matrix (fresh
sentences in the NEW forms, must-match) and calm sentences per language (must-not-match).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping
from itertools import product
from typing import Protocol, TypedDict

from handoff.signals.story_slots import append_entries

__all__ = [
    "APPLIED",
    "BENGALI_FAMILY",
    "FILLS",
    "FORMS",
    "add_bengali_family_stories",
    "add_forms_and_fills",
    "variants",
]

# the kinds of handoff.signals.routing_languages (not imported: it imports this module)
HUMAN = "human_demand"
FRAUD = "fraud"
FRAUD_REPORT = "fraud_report"
SCAM = "scam"
CHURN = "churn_threat"
LEGAL = "legal_threat"
PUBLIC = "public_threat"
REPEATED = "repeated_asking"
STILL_NOT = "still_not"

APPLIED = frozenset({HUMAN, FRAUD, FRAUD_REPORT, SCAM, CHURN, LEGAL, PUBLIC})
_CAP = 96  # variants per phrase at most (a phrase with many members would multiply)


class _Forms(TypedDict, total=False):
    classes: tuple[tuple[str, ...], ...]
    orders: tuple[tuple[str, str], ...]


class _Language(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def cues(self) -> MutableMapping[str, tuple[str, ...]]: ...


# the posing verbs' forms: imperfect, gerund, past, present, plural
_FR_POSE = (
    "se faisait passer pour",
    "se faisant passer pour",
    "s'est fait passer pour",
    "se fait passer pour",
    "se faisaient passer pour",
    "se sont fait passer pour",
    "s'étant fait passer pour",
)
_ES_POSE = (
    "se hizo pasar por",
    "se hacía pasar por",
    "haciéndose pasar por",
    "se hace pasar por",
    "se hicieron pasar por",
    "se hacían pasar por",
    "haciéndose pasar como",
)
_IT_POSE = (
    "si spacciava per",
    "spacciandosi per",
    "si è spacciato per",
    "si è spacciata per",
    "si spaccia per",
    "si sono spacciati per",
    "fingendosi",
)
_PT_POSE = (
    "se fez passar por",
    "se fazia passar por",
    "se fazendo passar por",
    "fazendo-se passar por",
    "se passando por",
    "se passou por",
    "fingindo ser",
)

FORMS: dict[str, _Forms] = {
    "pt": {
        # an article before a possessive is optional in Portuguese: both forms
        "classes": (
            ("a conta", "a minha conta", "minha conta"),
            ("a minha", "minha"),
            ("o meu", "meu"),
            ("as minhas", "minhas"),
            ("os meus", "meus"),
            _PT_POSE,
        ),
    },
    "it": {
        "classes": (("la mia", "mia"), ("il mio", "mio"), ("i miei", "miei"), _IT_POSE),
    },
    "fr": {
        "classes": (
            _FR_POSE,
            # the giving verb with or without its object pronoun (him/her, them)
            ("j'ai donné", "je lui ai donné", "je leur ai donné", "j'ai communiqué",
             "je lui ai communiqué", "je leur ai communiqué", "j'ai transmis",
             "je lui ai transmis", "je leur ai transmis"),
            ("le code", "mon code", "ce code", "les codes", "mes codes", "son code"),
        ),
    },
    "es": {
        "classes": (
            _ES_POSE,
            ("le di", "les di", "le he dado", "les he dado", "le dije", "les dije"),
        ),
    },
    # object clitics: him, her, them (dative)
    "sk": {"classes": (("im", "mu", "jej"),)},
    "cs": {"classes": (("jim", "mu", "jí"),)},
    "pl": {"classes": (("im", "mu", "jej"),)},
    "ro": {"classes": (("i-am", "le-am"),)},
    # Pashto: the noun between "له/د ... سره" (with), either preposition
    "ps": {
        "classes": (("کارکوونکي", "کس", "سړي", "انسان", "کارمند"),),
        "orders": ((r"(^| )له (.+?) سره", r"\1د \2 سره"),),
    },
    # Sorani: "talk with someone" with the noun of the light verb first or last
    "ckb": {"orders": ((r"^لەگەڵ (\S+) قسە (\S+)$", r"قسە لەگەڵ \1 \2"),)},
}  # fmt: skip


def _class_pattern(members: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(m) for m in sorted(members, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)")


def variants(phrase: str, forms: _Forms) -> list[str]:
    """``phrase`` and the forms its language's classes and word orders allow."""
    found = [phrase]
    for members in forms.get("classes", ()):
        pattern = _class_pattern(members)
        grown = list(found)
        for current in found:
            for match in pattern.finditer(current):
                head, tail = current[: match.start()], current[match.end() :]
                grown += [f"{head}{m}{tail}" for m in members if m != match.group()]
        found = list(dict.fromkeys(grown))[:_CAP]
    for pattern_text, replacement in forms.get("orders", ()):
        found += [re.sub(pattern_text, replacement, p) for p in found]
    return list(dict.fromkeys(found))


def _x(template: str, slots: dict[str, tuple[str, ...]]) -> list[str]:
    names = re.findall(r"\{([A-Z_0-9]+)\}", template)
    out = []
    for words in product(*(slots[n] for n in names)):
        text = template
        for name, word in zip(names, words, strict=True):
            text = text.replace("{" + name + "}", word, 1)
        out.append(" ".join(text.split()))
    return out


# ------------------------------------------------------------ concepts a table lacked
_SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "sk": {
        "SAID": ("povedal", "povedala", "tvrdil", "tvrdila", "hovoril", "hovorila",
                 "predstavil sa", "predstavila sa"),
        "FROM": ("je z banky", "volá z banky", "je z polície", "volá z polície",
                 "je z vašej banky", "je pracovník banky", "je policajt"),
        "MONEY": ("peniaze", "moje peniaze", "všetky peniaze", "úspory"),
        "GONE": ("zmizli", "zmizli z účtu", "sú preč", "chýbajú"),
        "ACC": ("na účte", "z účtu", "z môjho účtu", "na mojom účte"),
        "MISS": ("chýba", "mi chýba", "mi chýbajú", "chýbajú"),
    },
    "hi": {
        "WHO": ("banda", "bande", "insaan", "insan", "aadmi", "agent", "employee",
                "staff member", "manager", "person", "asli insaan"),
        "TALK": ("baat kar sakta hai", "baat kar sakti hai", "baat kar sakte hain",
                 "baat karega", "baat karegi", "mujhse baat kar", "call kar sakta hai",
                 "call kar sakti hai"),
    },
    "es": {
        "ERR": ("el error", "el mismo error", "error", "la misma pantalla", "el fallo",
                "el mismo fallo", "lo mismo"),
        "AGAIN": ("otra vez", "de nuevo", "una vez más"),
        "HOW": ("así", "con esto", "con este problema", "con lo mismo", "esperando"),
        "SINCE": ("desde el", "desde hace", "desde ayer", "desde la semana pasada",
                  "desde el mes pasado", "desde esta mañana"),
    },
    "bn": {
        "KIN": ("ছেলে", "মেয়ে", "আমার ছেলে", "আমার মেয়ে", "ভাই", "বোন", "নাতি",
                "ছেলের", "মেয়ের", "আমার ছেলের", "আমার মেয়ের"),
        "POSE": ("সেজে", "পরিচয়ে", "পরিচয় দিয়ে", "নাম দিয়ে", "নামে", "বলে পরিচয় দিয়ে"),
        "NEWNUM": ("নতুন নম্বর থেকে", "নতুন নাম্বার থেকে", "অচেনা নম্বর থেকে"),
    },
    "so": {
        "SAID": ("wuxuu yiri", "wuxuu yidhi", "wuxuu sheegay", "wuxuu igu yiri",
                 "wuxuu ii sheegay", "waxay yiraahdeen", "waxay sheegeen", "wuxuu isku sheegay"),
        "IS": ("waa", "inuu yahay", "in uu yahay", "inay yihiin", "inuu ka yimid",
               "inuu ka socdo", "inay ka yimaadeen"),
        "WHO": ("bangiga", "bangi", "booliiska", "booliis", "shaqaale bangi", "sarkaal"),
        "GAVE": ("waxaan siiyay", "waxaan u siiyay", "waan siiyay", "waan u siiyay",
                 "aan siiyay", "aan u siiyay", "u siiyay"),
        "CODE": ("koodhka", "koodka", "lambarka sirta ah", "lambarka sirta", "furaha sirta ah",
                 "erayga sirta ah", "pin-ka", "pinka", "koodhkii", "lambarkii sirta ahaa"),
        "FOCUS": ("ayaan", "baan", "waan"),
        "MONEY": ("lacag", "lacagtii", "lacagta", "lacagtayda", "lacagtaydii", "lacago"),
        "F2": ("baa", "ayaa", "way", ""),
        "GONE": ("maqan", "ka maqan", "lumay", "luntay", "la qaaday", "ka baxday", "ka tagtay"),
    },
}  # fmt: skip

FILLS: dict[str, dict[str, tuple[str, ...]]] = {
    "sk": {
        # posing: "he said he is from the bank"
        SCAM: ("{SAID} že {FROM}", "{SAID}, že {FROM}"),
        # money gone / missing from the account
        FRAUD_REPORT: ("{MONEY} {GONE}", "{ACC} {MISS}", "{MISS} {ACC}"),
    },
    # someone (nominative) can talk: "kya koi X baat kar sakta hai"
    "hi": {HUMAN: ("koi {WHO} {TALK}", "kya koi {WHO} {TALK}")},
    "es": {
        # the same failure back again (a failure the warm words of sarcasm sit beside)
        STILL_NOT: ("{AGAIN} {ERR}", "{ERR} {AGAIN}", "{AGAIN} me sale {ERR}"),
        # how long: "I've been like this since ..."
        REPEATED: ("llevo {HOW} {SINCE}", "estoy {HOW} {SINCE}", "sigo {HOW} {SINCE}"),
    },
    # posing as a relative, from a new number
    "bn": {SCAM: ("{KIN} {POSE} {NEWNUM}", "{NEWNUM} {KIN} {POSE}")},
    "so": {
        SCAM: ("{SAID} {IS} {WHO}", "{GAVE} {CODE}", "{CODE} {FOCUS} {GAVE}",
               "{CODE} {FOCUS} u siiyay"),
        FRAUD_REPORT: ("{MONEY} {F2} iga {GONE}", "{MONEY} {F2} xisaabta iga {GONE}",
                       "{MONEY} {F2} ka maqan xisaabtayda"),
    },
}  # fmt: skip


def add_forms_and_fills(languages: Iterable[_Language]) -> None:
    """Generate the forms of :data:`FORMS` and add the concepts of :data:`FILLS` (once)."""
    by_code = {language.code: language for language in languages}
    for code, kinds in FILLS.items():
        if code not in by_code:
            continue
        cues = by_code[code].cues
        slots = _SLOTS.get(code, {})
        for kind, templates in kinds.items():
            have = cues.get(kind, ())
            new = [p for t in templates for p in _x(t, slots) if p not in have]
            cues[kind] = (*have, *dict.fromkeys(new))
    for code, forms in FORMS.items():
        if code not in by_code:
            continue
        cues = by_code[code].cues
        for kind in APPLIED & set(cues):
            have = cues[kind]
            seen = set(have)
            new = [v for p in have for v in variants(p, forms) if v not in seen]
            cues[kind] = (*have, *dict.fromkeys(new))


# ------------------------------------------------------------ story tables (Bengali)
# A message from a new number in a relative's name, money sent in any currency, the relative
# saying he or she did not ask: the concepts the English story reads (family + new_number
# posing, a step, an impostor), which the Bengali story table lacked; merged into
# handoff.signals.stories' tables by add_bengali_family_stories.
_BN_KIN = ("ছেলে", "মেয়ে", "মা", "বাবা", "ভাই", "বোন", "নাতি", "নাতনি", "স্বামী", "স্ত্রী")
_BN_KIN_OF = ("ছেলের", "মেয়ের", "মায়ের", "বাবার", "ভাইয়ের", "বোনের", "নাতির", "নাতনির")
BENGALI_FAMILY: dict[str, dict[str, tuple[str, ...]]] = {
    "bn": {
        "family": (*_BN_KIN, *_BN_KIN_OF),
        "new_number": ("নতুন নম্বর", "নতুন নাম্বার", "অচেনা নম্বর", "অজানা নম্বর",
                       "নতুন নম্বরে", "নতুন নাম্বারে"),
        "impostor": tuple(_x(
            "{KIN} {SAYS} {WHAT}",
            {
                "KIN": (*_BN_KIN, *(f"আমার {k}" for k in _BN_KIN)),
                "SAYS": ("বলছে সে", "বলল সে", "বলেছে সে", "বলছে ও", "বলল ও", "বলছে", "বলল"),
                "WHAT": ("কিছু চায়নি", "টাকা চায়নি", "চায়নি", "মেসেজ পাঠায়নি",
                         "কোনো মেসেজ পাঠায়নি"),
            },
        )),
        "step": tuple(_x(
            "{CUR} {SENT}",
            {
                "CUR": ("পাউন্ড", "ইউরো", "ডলার", "টাকা"),
                "SENT": ("পাঠিয়েছি", "পাঠিয়ে দিয়েছি", "পাঠালাম", "পাঠিয়ে দিলাম",
                         "ট্রান্সফার করেছি"),
            },
        )),
    },
}  # fmt: skip


def add_bengali_family_stories(
    tables: Iterable[tuple[str, MutableMapping[str, tuple[str, ...]]]],
) -> None:
    """BENGALI_FAMILY's entries appended to each (code, concepts) story table of their language."""
    for code, concepts in tables:
        append_entries(concepts, BENGALI_FAMILY.get(code, {}))
