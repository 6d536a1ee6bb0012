"""Request fillers and a repeat counted by ordinal, European tables.

A request for a person with another determiner or an adjective in the slot before the person
noun ("talk to SOME employee", "MY PERSONAL adviser") and asking "a second / third time" as a
repeat. Templates whose {SLOT}s take every word of the class (as round 20's _expand), added
to :data:`handoff.signals.routing_languages.LANGUAGES` at import.

Written in round 21 (helper r21la).
Review status: written by a NON-NATIVE author; tests/test_round21_r21la.py holds must-match
and must-not-match sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from itertools import product
from typing import Protocol

__all__ = ["add_request_fillers"]

# the kinds of handoff.signals.routing_languages (not imported: it imports this module)
HUMAN = "human_demand"
REPEATED = "repeated_asking"


class _Language(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def cues(self) -> MutableMapping[str, tuple[str, ...]]: ...


_SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "TALK": ("porozmawiać z", "rozmawiać z", "pogadać z", "połączyć się z", "połączyć z"),
        "DET": ("jakimś", "którymś", "moim", "żywym", "prawdziwym", "innym"),
        "ADJ": ("osobistym", "prawdziwym", "żywym", ""),
        "WHO": ("pracownikiem", "konsultantem", "doradcą", "człowiekiem", "opiekunem"),
        "ORD": ("drugi", "trzeci", "czwarty", "kolejny", "n-ty", "enty"),
        "ASK": ("pytam", "piszę", "proszę", "dzwonię", "zgłaszam"),
    },
    "es": {
        "TALK": ("hablar con", "comunicarme con", "pasarme con", "pásame con", "póngame con"),
        "DET": ("algún", "alguna", "mi", "otro", "otra", "cualquier"),
        "ADJ": ("personal", "real", "humano", ""),
        "WHO": ("empleado", "empleada", "asesor", "asesora", "agente", "persona", "gestor",
                "gestora", "operador", "operadora"),
        "ORD": ("segunda", "tercera", "cuarta", "enésima"),
        "ASK": ("pregunto", "escribo", "pido", "llamo", "lo pido", "lo pregunto"),
    },
    "it": {
        "TALK": ("parlare con", "passarmi", "mettermi in contatto con"),
        "DET": ("qualche", "un qualche", "il mio", "un altro", "qualcuno dei"),
        "ADJ": ("personale", "vero", ""),
        "WHO": ("impiegato", "impiegata", "consulente", "operatore", "operatrice", "addetto",
                "persona", "gestore"),
        "ORD": ("seconda", "terza", "quarta", "ennesima"),
        "ASK": ("chiedo", "scrivo", "domando", "lo chiedo", "chiamo"),
    },
    "de": {
        "TALK": ("mit",),
        "DET": ("irgendeinem", "irgendeiner", "meinem", "meiner", "einem echten", "einer echten"),
        "ADJ": ("persönlichen", "zuständigen", "echten", ""),
        "WHO": ("mitarbeiter", "mitarbeiterin", "berater", "beraterin", "menschen",
                "sachbearbeiter", "ansprechpartner"),
        "ORD": ("zweiten", "dritten", "vierten", "x-ten", "zigsten"),
        "ASK": ("frage", "schreibe", "bitte", "rufe"),
    },
    "fr": {
        "TALK": ("parler à", "parler avec", "joindre"),
        "DET": ("un quelconque", "n'importe quel", "mon", "ma", "un vrai", "une vraie"),
        "ADJ": ("personnel", "personnelle", "attitré", "attitrée", ""),
        "WHO": ("employé", "employée", "conseiller", "conseillère", "agent", "humain",
                "interlocuteur"),
        "ORD": ("deuxième", "troisième", "quatrième", "énième", "seconde"),
        "ASK": ("demande", "écris", "appelle", "le demande"),
    },
    "pt": {
        "TALK": ("falar com",),
        "DET": ("algum", "alguma", "o meu", "a minha", "meu", "minha", "outro"),
        "ADJ": ("pessoal", "real", "humano", ""),
        "WHO": ("funcionário", "funcionária", "gestor", "gestora", "assistente", "atendente",
                "pessoa", "consultor"),
        "ORD": ("segunda", "terceira", "quarta", "enésima"),
        "ASK": ("pergunto", "peço", "escrevo", "ligo"),
    },
}  # fmt: skip

_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        HUMAN: ("{TALK} {DET} {ADJ} {WHO}",),
        REPEATED: ("{ASK} {ORD} raz", "{ORD} raz {ASK}", "{ASK} po raz {ORD}"),
    },
    "es": {
        HUMAN: ("{TALK} {DET} {WHO} {ADJ}",),
        REPEATED: ("es la {ORD} vez que {ASK}", "{ASK} por {ORD} vez"),
    },
    "it": {
        HUMAN: ("{TALK} {DET} {WHO} {ADJ}",),
        REPEATED: ("è la {ORD} volta che {ASK}", "{ASK} per la {ORD} volta"),
    },
    "de": {
        HUMAN: ("{TALK} {DET} {ADJ} {WHO} sprechen", "{TALK} {DET} {ADJ} {WHO} reden"),
        REPEATED: ("{ASK} jetzt zum {ORD} mal", "{ASK} zum {ORD} mal", "zum {ORD} mal {ASK}"),
    },
    "fr": {
        HUMAN: ("{TALK} {DET} {WHO} {ADJ}",),
        REPEATED: ("{ASK} pour la {ORD} fois", "c'est la {ORD} fois que je"),
    },
    "pt": {
        HUMAN: ("{TALK} {DET} {WHO} {ADJ}",),
        REPEATED: ("é a {ORD} vez que {ASK}", "{ASK} pela {ORD} vez"),
    },
}


def _expand(template: str, slots: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    parts = [
        slots[part[1:-1]] if part.startswith("{") and part.endswith("}") else (part,)
        for part in template.split()
    ]
    return tuple(" ".join(w for w in words if w) for words in product(*parts))


def add_request_fillers(languages: Iterable[_Language]) -> None:
    """The templates' phrases appended to each language's cues (once)."""
    by_code = {language.code: language for language in languages}
    for code, kinds in _TEMPLATES.items():
        cues = by_code[code].cues
        for kind, templates in kinds.items():
            have = cues.get(kind, ())
            new = [p for t in templates for p in _expand(t, _SLOTS[code]) if p not in have]
            cues[kind] = (*have, *dict.fromkeys(new))
