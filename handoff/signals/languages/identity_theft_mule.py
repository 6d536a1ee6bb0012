"""Identity theft and the money-mule job: fraud concepts the other-language stories lacked.

* Identity theft: credit taken out IN THE CUSTOMER'S NAME by someone else. Three concepts of
  :mod:`handoff.signals.stories`: ``in_my_name`` (the customer's name or data used: "à mon
  nom", "na moje nazwisko", "আমার নামে"), ``credit`` (a loan, credit, a credit card, a
  finance agreement; not an account: "an account in my name" is ordinary) and, in the same
  message, someone else (``someone``) or the customer's denial (``not_me``, ``unknowing``).
  "I want a loan in my name" names no one else and stays calm.
* The money-mule job: the customer's account used to pass money through, ``mule_in`` (money
  or transfers received INTO my account) with ``mule_out`` (sent on, back or abroad) in one
  message: "devo ricevere soldi sul mio conto e rimandarli", "recibir dinero en mi cuenta y
  reenviarlo". English reads both in :mod:`handoff.signals.spread` (r24s).

Each slot is a class: every receiving phrase with every forwarding verb of its language.

Written in round 24 (helper r24s, issue 11).
Review status: written by a NON-NATIVE author from each language's grammar, not from any
routing set; tests/test_round24_r24s.py holds fresh must-match and must-not-match sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping

from handoff.signals.story_slots import append_entries

IDENTITY_THEFT_AND_MULE: dict[str, dict[str, tuple[str, ...]]] = {
    "bn": {
        "in_my_name": ("আমার নামে", "amar name", "amar nam e", "amar naame"),
        "credit": ("লোন", "ঋণ", "ক্রেডিট কার্ড", "loan", "rin"),
    },
    "it": {
        "unknown_payee": (
            "verso un conto sconosciuto",
            "su un conto sconosciuto",
            "a un conto sconosciuto",
            "a uno sconosciuto",
        ),
        "transfer": ("bonifico", "bonifici", "pagamento", "pagamenti", "addebito"),
        "in_my_name": ("a mio nome", "a nome mio", "intestato a me", "con i miei dati"),
        "credit": ("prestito", "finanziamento", "carta di credito", "mutuo", "credito"),
        "mule_in": (
            "ricevere soldi sul mio conto",
            "ricevere denaro sul mio conto",
            "ricevere bonifici sul mio conto",
            "ricevere pagamenti sul mio conto",
            "ricevo soldi sul mio conto",
            "ricevo bonifici sul mio conto",
            "versare soldi sul mio conto",
        ),
        "mule_out": (
            "rimandarli",
            "rimandarlo",
            "girarli",
            "girarlo",
            "inoltrarli",
            "trasferirli",
            "mandarli",
            "rispedirli",
            "restituirli",
            "mandarli all'estero",
        ),
    },
    "fr": {
        "unknown_payee": (
            "vers un compte inconnu",
            "sur un compte inconnu",
            "à un compte inconnu",
            "à un inconnu",
        ),
        "transfer": ("virement", "virements", "paiement", "prélèvement"),
        "in_my_name": ("à mon nom", "en mon nom", "avec mes données", "avec mon identité"),
        "credit": ("crédit", "prêt", "carte de crédit", "emprunt", "financement"),
        "mule_in": (
            "recevoir de l'argent sur mon compte",
            "recevoir des virements sur mon compte",
            "recevoir des paiements sur mon compte",
            "je reçois de l'argent sur mon compte",
            "je reçois des virements sur mon compte",
        ),
        "mule_out": (
            "le renvoyer",
            "les renvoyer",
            "le transférer",
            "les transférer",
            "le reverser",
            "les reverser",
            "le retransférer",
            "les retransférer",
        ),
    },
    "es": {
        "unknown_payee": (
            "a una cuenta desconocida",
            "hacia una cuenta desconocida",
            "a un desconocido",
        ),
        "transfer": ("transferencia", "transferencias", "pago", "cargo"),
        "in_my_name": ("a mi nombre", "en mi nombre", "con mis datos"),
        "credit": ("préstamo", "crédito", "tarjeta de crédito", "financiación", "hipoteca"),
        "mule_in": (
            "recibir dinero en mi cuenta",
            "recibir transferencias en mi cuenta",
            "recibir pagos en mi cuenta",
            "recibo dinero en mi cuenta",
        ),
        "mule_out": ("reenviarlo", "reenviarlos", "devolverlo", "transferirlo", "transferirlos"),
    },
    "pt": {
        "unknown_payee": (
            "para uma conta desconhecida",
            "a uma conta desconhecida",
            "para um desconhecido",
        ),
        "transfer": ("transferência", "transferências", "pagamento", "débito"),
        "in_my_name": ("em meu nome", "no meu nome", "com os meus dados", "com meus dados"),
        "credit": ("empréstimo", "crédito", "cartão de crédito", "financiamento"),
        "mule_in": (
            "receber dinheiro na minha conta",
            "receber transferências na minha conta",
            "recebo dinheiro na minha conta",
        ),
        "mule_out": ("repassar", "repassá-lo", "devolvê-lo", "transferi-lo", "reenviar"),
    },
    "pl": {
        "unknown_payee": (
            "na nieznane konto",
            "na nieznany rachunek",
            "na obce konto",
            "na nieznany numer konta",
        ),
        "transfer": ("przelew", "przelewy", "przelewu", "płatność", "płatności", "transakcj*"),
        "in_my_name": ("na moje nazwisko", "na moje dane", "na mój pesel", "na moj pesel"),
        "credit": ("kredyt", "pożyczk*", "chwilówk*", "kartę kredytową"),
        "mule_in": (
            "przyjąć pieniądze na moje konto",
            "przyjmować pieniądze na moje konto",
            "przyjmować przelewy na moje konto",
            "otrzymać przelew na moje konto",
            "dostawać przelewy na moje konto",
            "dostać pieniądze na moje konto",
        ),
        "mule_out": ("przelać dalej", "przelewać dalej", "odesłać", "przesłać dalej", "oddać"),
    },
    "de": {
        "unknown_payee": (
            "auf ein unbekanntes konto",
            "an ein unbekanntes konto",
            "an einen unbekannten",
        ),
        "transfer": ("überweisung", "überweisungen", "zahlung", "abbuchung"),
        "in_my_name": ("auf meinen namen", "in meinem namen", "mit meinen daten"),
        "credit": ("kredit", "darlehen", "kreditkarte", "ratenkredit", "finanzierung"),
        "mule_in": (
            "geld auf mein konto",
            "überweisungen auf mein konto",
            "zahlungen auf mein konto",
        ),
        "mule_out": ("weiterleiten", "weiterüberweisen", "zurücküberweisen", "weiterschicken"),
    },
    "ro": {
        "unknown_payee": (
            "într-un cont necunoscut",
            "către un cont necunoscut",
            "în cont necunoscut",
        ),
        "transfer": ("transfer", "plată", "plata", "tranzacți*"),
        "in_my_name": ("pe numele meu", "cu datele mele"),
        "credit": ("credit", "împrumut", "card de credit"),
        "mule_in": ("bani în contul meu", "bani pe contul meu", "transferuri în contul meu"),
        "mule_out": ("să îi trimit mai departe", "să-i trimit mai departe", "să îi trimit înapoi"),
    },
    "tr": {
        "in_my_name": ("benim adıma", "adıma", "kimliğimle"),
        "credit": ("kredi", "kredi kartı", "borç"),
    },
    "hi": {
        "in_my_name": ("मेरे नाम पर", "मेरे नाम से", "mere naam par", "mere naam pe"),
        "credit": ("लोन", "कर्ज", "क़र्ज़", "ऋण", "loan", "karz"),
    },
    "ur": {
        "in_my_name": ("میرے نام پر", "میرے نام سے", "mere naam par", "mere naam pe"),
        "credit": ("قرض", "لون", "loan", "qarz"),
    },
    "ru": {
        "in_my_name": ("на моё имя", "на мое имя", "на мои данные", "на меня"),
        "credit": ("кредит", "займ", "заём", "микрозайм"),
    },
    "uk": {
        "in_my_name": ("на моє ім'я", "на мої дані", "на мене"),
        "credit": ("кредит", "позик*", "мікрозайм"),
    },
    "lt": {
        "in_my_name": ("mano vardu", "mano vardą", "mano duomenimis"),
        "credit": ("paskol*", "kredit*", "greitąjį kreditą"),
    },
    "ar": {
        "in_my_name": ("باسمي", "بإسمي", "ببياناتي"),
        "credit": ("قرض", "بطاقة ائتمان", "تمويل"),
    },
}


def add_identity_theft_and_mule(
    tables: Iterable[tuple[str, MutableMapping[str, tuple[str, ...]]]],
) -> None:
    """IDENTITY_THEFT_AND_MULE's entries appended to each (code, concepts) story table of
    their language."""
    for code, concepts in tables:
        append_entries(concepts, IDENTITY_THEFT_AND_MULE.get(code, {}))
