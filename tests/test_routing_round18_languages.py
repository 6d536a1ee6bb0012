"""Routing cues of round 18 in the languages with a table (the fourteenth held-out set's
diagnosis, principle 1, part A): the polite or conditional request for a person with the
case officer, clerk, client or relationship manager nouns; "I don't know what to do"
(what_now); refused again; eviction as the consequence of a payment; hardship and a partner
who controls the money told as circumstance; reporting the bank or calling it illegal;
thanks for a harm as sarcasm; a hold told as a state; a death or a fraud with a time marker
right after it (not_current, which disarms them); and, for each, calm messages about the
same topic that must stay without the cue.

The sentences were written fresh from how people write in support chats (NON-NATIVE author,
see the module's review status), not taken from any evaluation set."""

from __future__ import annotations

import pytest

from handoff.signals.routing_languages import (
    BANK_HOLD,
    DEADLINE,
    LANGUAGE_ONLY_KINDS,
    LANGUAGES,
    NOT_CURRENT,
    WHAT_NOW,
)
from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds

HUMAN = "human_demand"
REPEATED = "repeated_asking"
VULNERABLE = "vulnerability"
LEGAL = "legal_threat"
SARCASM = "sarcasm"
FRAUD = "fraud"


def test_new_kinds_weigh_nothing_and_are_english_kinds() -> None:
    for kind in (WHAT_NOW, BANK_HOLD, NOT_CURRENT):
        assert LANGUAGE_ONLY_KINDS[kind] == (0.0, True)


def test_every_batch_b_table_lists_a_deadline() -> None:
    batch_b = {"lv", "sk", "cs", "ml", "ne", "tl", "vi", "yo", "si", "nl"}
    with_deadline = {language.code for language in LANGUAGES if language.cues.get(DEADLINE)}
    assert batch_b <= with_deadline


# ---------------------------------------------------------------- polite requests for a person

POLITE_REQUESTS = [
    ("pl", "dzień dobry, chciałabym porozmawiać z moim doradcą"),
    ("pl", "czy mogę porozmawiać z pracownikiem banku?"),
    ("pl", "chciałbym się skontaktować z opiekunem klienta"),
    ("ro", "aș vrea să vorbesc cu un consultant, vă rog"),
    ("ro", "as dori sa vorbesc cu managerul meu"),
    ("pt", "gostaria de falar com o meu gestor"),
    ("pt", "posso falar com um funcionário?"),
    ("es", "quisiera hablar con mi asesora, por favor"),
    ("es", "¿podría hablar con un empleado?"),
    ("it", "vorrei parlare con il mio consulente"),
    ("fr", "bonjour, j'aimerais parler à mon conseiller"),
    ("fr", "je voudrais parler à une personne"),
    ("de", "ich würde gerne mit meinem Kundenbetreuer sprechen"),
    ("de", "könnte ich mit einem Sachbearbeiter sprechen?"),
    ("hu", "jó napot, az ügyintézőmmel szeretnék beszélni"),
    ("hu", "beszélhetnék egy tanácsadóval?"),
    ("nl", "ik zou graag met mijn adviseur spreken"),
    ("ru", "я хотела бы поговорить с моим менеджером"),
    ("uk", "чи можу я поговорити з консультантом?"),
    ("lt", "norėčiau pasikalbėti su darbuotoju"),
    ("cs", "chtěla bych mluvit s mým poradcem"),
    ("sk", "chcel by som hovoriť s poradcom"),
    ("el", "θα ήθελα να μιλήσω με έναν υπάλληλο"),
    ("ar", "أود التحدث مع موظف من فضلك"),
    ("tr", "müşteri temsilcimle görüşebilir miyim?"),
    ("sq", "do të doja të flisja me menaxherin tim"),
]

NOT_A_REQUEST = [
    ("pl", "rozmawiałem wczoraj z doradcą i wszystko jasne"),
    ("pl", "nie chciałbym rozmawiać z konsultantem, wolę czat"),
    ("es", "ya hablé con mi asesor ayer, gracias"),
    ("pt", "qual é o número para ligar se eu perder o cartão nas férias?"),
    ("es", "¿cuál es el número para llamar desde el extranjero?"),
    ("it", "qual è il numero da chiamare se perdo la carta in vacanza?"),
    ("fr", "quel est le numéro à appeler depuis l'étranger ?"),
    ("pl", "jaki jest numer na infolinię z zagranicy?"),
    ("de", "ich habe gestern mit meinem Berater gesprochen"),
]


@pytest.mark.parametrize(("language", "text"), POLITE_REQUESTS)
def test_a_polite_request_for_a_person_is_read(language: str, text: str) -> None:
    result = analyze_text(text)
    assert result.human_request, (language, text, result.cues)


@pytest.mark.parametrize(("language", "text"), NOT_A_REQUEST)
def test_past_talk_a_refusal_or_a_number_for_later_is_no_request(language: str, text: str) -> None:
    result = analyze_text(text)
    assert not result.human_request, (language, text, result.cues)


# ---------------------------------------------------------------- the kinds, read and not read

READ = [
    (WHAT_NOW, "pl", "przelew nie przeszedł i już nie wiem co robić"),
    (WHAT_NOW, "pl", "nie wiem, co mam robić"),
    (WHAT_NOW, "es", "ya no sé qué hacer, nada funciona"),
    (WHAT_NOW, "fr", "je ne sais plus quoi faire"),
    (WHAT_NOW, "ru", "не знаю, что делать"),
    (WHAT_NOW, "ro", "nu mai știu ce să fac"),
    (WHAT_NOW, "bg", "не знам, какво да правя вече"),
    (REPEATED, "pl", "płatność znowu odrzucona"),
    (REPEATED, "es", "el pago, rechazado otra vez"),
    (REPEATED, "de", "die Zahlung wurde schon wieder abgelehnt"),
    (REPEATED, "ru", "платёж опять отклонили"),
    (DEADLINE, "pl", "właścicielka każe mi się wyprowadzić, bo czynsz nie doszedł"),
    (DEADLINE, "es", "si no pago este mes me van a desahuciar"),
    (DEADLINE, "pt", "se não pagar a renda vou ser despejada"),
    (DEADLINE, "ru", "если не заплачу, нас выселят"),
    (VULNERABLE, "pl", "straciłam pracę i nie mam z czego żyć"),
    (VULNERABLE, "es", "me quedé sin trabajo y estoy desesperado"),
    (VULNERABLE, "pt", "perdi o emprego e não consigo pagar nada"),
    (VULNERABLE, "it", "mio marito mi ha cacciata di casa"),
    (VULNERABLE, "fr", "mon compagnon m'a mise à la porte"),
    (VULNERABLE, "de", "mein Freund hat mich rausgeworfen"),
    (LEGAL, "es", "os voy a denunciar, lo que hacéis es ilegal"),
    (LEGAL, "pt", "vou processar o banco"),
    (LEGAL, "pl", "to jest nielegalne, pozwę bank"),
    (LEGAL, "fr", "c'est illégal ce que vous faites"),
    (LEGAL, "de", "das ist rechtswidrig"),
    (LEGAL, "ru", "это незаконно"),
    (SARCASM, "fr", "merci de m'avoir bloquée, super service"),
    (SARCASM, "es", "gracias por bloquearme la tarjeta un sábado"),
    (SARCASM, "it", "grazie per avermi bloccato la carta al supermercato"),
    (SARCASM, "pl", "dzięki za zablokowanie karty w sobotę wieczorem"),
    (BANK_HOLD, "pl", "moje konto jest zamrożone od rana"),
    (BANK_HOLD, "es", "mi tarjeta está bloqueada y no sé por qué"),
    (BANK_HOLD, "fr", "ma carte est bloquée depuis hier"),
    (BANK_HOLD, "de", "meine Karte ist gesperrt"),
    (BANK_HOLD, "ru", "почему счёт заблокирован?"),
    (BANK_HOLD, "ro", "contul e blocat de ieri"),
    (BANK_HOLD, "bg", "картата ми е блокирана от сутринта"),
]

NOT_READ = [
    (WHAT_NOW, "es", "no sé qué hacer con el dinero ahorrado, ¿qué cuenta me recomiendas?"),
    (WHAT_NOW, "pl", "nie wiem co robić z nadpłatą, można ją przelać?"),
    (WHAT_NOW, "fr", "je ne sais pas quoi faire pour changer mon adresse"),
    (WHAT_NOW, "sq", "nuk di çfarë të bëj me kartën e re, si aktivizohet?"),
    (REPEATED, "pl", "przelew został odrzucony, dlaczego?"),
    (DEADLINE, "es", "¿cómo pago el alquiler por transferencia?"),
    (VULNERABLE, "es", "trabajo desde casa, ¿puedo cambiar mi dirección?"),
    (VULNERABLE, "pt", "mudei de emprego, como altero o meu salário na conta?"),
    (LEGAL, "es", "¿es ilegal compartir mi PIN con mi pareja?"),
    (SARCASM, "pl", "dziękuję za odblokowanie karty"),
    (SARCASM, "es", "gracias por desbloquear la tarjeta tan rápido"),
    (BANK_HOLD, "es", "¿cómo desbloqueo mi tarjeta?"),
    (BANK_HOLD, "pl", "jak zablokować kartę w aplikacji?"),
]


@pytest.mark.parametrize(("kind", "language", "text"), READ)
def test_the_kind_is_read(kind: str, language: str, text: str) -> None:
    assert kind in cue_kinds(text), (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(("kind", "language", "text"), NOT_READ)
def test_a_calm_question_about_the_topic_is_not_read(kind: str, language: str, text: str) -> None:
    assert kind not in cue_kinds(text), (language, text, analyze_text(text).cues)


# ---------------------------------------------------------------- time markers disarm

LONG_AGO = [
    ("es", "mi padre falleció hace años; ¿puedo ver sus extractos antiguos?"),
    ("pt", "a minha mãe faleceu há três anos, ainda posso levantar um cheque dela?"),
    ("pl", "tata zmarł pięć lat temu, jak zamknąć jego stare konto?"),
    ("it", "mia nonna è morta due anni fa, come chiudo il suo libretto?"),
    ("ur", "bhai ke saath fraud hua tha pichle saal, ab 2FA kaise lagaun?"),
    ("ru", "бабушка умерла несколько лет назад, можно закрыть её вклад?"),
]

RECENT = [
    ("es", "mi padre falleció ayer y no sé qué hacer con su cuenta"),
    ("pl", "tata zmarł w zeszłym tygodniu"),
    ("pt", "a minha mãe faleceu esta semana"),
]


@pytest.mark.parametrize(("language", "text"), LONG_AGO)
def test_a_death_or_a_fraud_long_ago_is_no_current_cue(language: str, text: str) -> None:
    kinds = cue_kinds(text)
    assert NOT_CURRENT in kinds, (language, text, analyze_text(text).cues)
    assert not kinds & {VULNERABLE, FRAUD}, (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(("language", "text"), RECENT)
def test_a_recent_death_stays_a_vulnerability(language: str, text: str) -> None:
    kinds = cue_kinds(text)
    assert VULNERABLE in kinds, (language, text, analyze_text(text).cues)
    assert NOT_CURRENT not in kinds, (language, text)
