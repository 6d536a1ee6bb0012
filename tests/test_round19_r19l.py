"""Round 19 (helper r19l): other languages matched by concept and slot, one tokenisation.

The sentences were written fresh from how people write in support chats (NON-NATIVE author),
not taken from any evaluation set."""

from __future__ import annotations

import pytest

from handoff.signals.stories import story_cues
from handoff.signals.text import analyze_text


def _kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in story_cues(text)}


# ---------------------------------------------------------------- the danda ends a word

DANDA = [
    # Bengali: "someone said he is from the police, I gave him the code."
    "একজন বলল সে পুলিশ, আমি ওকে কোড দিয়েছি",
    # Bengali: "he introduced himself as from the bank, I gave him the code"
    "ব্যাংক থেকে বলে সে পরিচয় দিল, আমি ওকে কোডটা দিয়ে দিলাম",
    # Hindi: "he said he is from the police, I had to send money"
    "उसने कहा कि वह पुलिस से है, मुझे पैसे भेजने पड़े",
]


@pytest.mark.parametrize("text", DANDA)
@pytest.mark.parametrize("stop", ["।", "॥", " ।"])
def test_a_danda_after_the_verb_reads_as_without_it(text: str, stop: str) -> None:
    bare = _kinds(text)
    assert bare & {"scam", "scam_step"}
    assert _kinds(text + stop) == bare


def test_a_lone_step_before_a_danda_is_a_step() -> None:
    assert _kinds("আমি ওকে কোড দিয়েছি।") == {"scam_step"}


@pytest.mark.parametrize(
    "text",
    [
        "কোড কীভাবে পরিবর্তন করব।",  # how do I change the code.
        "আমার কার্ডের সীমা কত।",  # what is my card's limit.
        "मेरा बैलेंस कितना है।",  # what is my balance.
    ],
)
def test_calm_questions_with_a_danda_stay_calm(text: str) -> None:
    assert _kinds(text) == set()


# ------------------------------------------- a conjunction joined to the word (Arabic و ف)

ARABIC_JOINED = [
    # "a man rang me and said he is from the bank"
    ("رجل اتصل بي وقال إنه من البنك", {"posing"}),
    # "and they said they were the police, so I gave them the code"
    ("وقالوا إنهم من الشرطة فأعطيتهم الرمز", {"posing", "scam_step", "scam"}),
    # "so I transferred the amount"
    ("فحولت المبلغ كله", {"scam_step"}),
]


@pytest.mark.parametrize(("text", "kinds"), ARABIC_JOINED)
def test_arabic_entries_match_after_a_joined_conjunction(text: str, kinds: set[str]) -> None:
    assert kinds <= _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "كيف أحول المال إلى حساب آخر؟",  # how do I transfer money to another account?
        "وقت التحويل كم يوم؟",  # the transfer time, how many days?
        "وقال لي الموظف إن البطاقة ستصل غدا",  # and the clerk told me the card comes tomorrow
    ],
)
def test_arabic_calm_questions_stay_calm(text: str) -> None:
    assert not _kinds(text) & {"posing", "scam", "scam_step", "fraud_report"}


# ------------------------------------------------ a determiner in the slot (romanised Urdu)


@pytest.mark.parametrize(
    "text",
    [
        "account se paise kat gaye, maine koi payment nahi ki",
        "maine is payment nahi ki",
        "maine ek payment nahi ki, phir bhi 300 pound kat gaye",
        "card mere paas hai, maine yeh payment nahi ki",
    ],
)
def test_urdu_not_me_with_any_determiner(text: str) -> None:
    assert "fraud_report" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "koi payment kaise karun?",  # how do I make a payment?
        "maine ek payment ki thi, kab pahunchegi?",  # I made a payment, when will it arrive?
        "kya koi fee hai transfer par?",  # is there any fee on a transfer?
    ],
)
def test_urdu_calm_payment_questions_stay_calm(text: str) -> None:
    assert _kinds(text) == set()


# ------------------------------------- a payment "made" by someone else (Romanian light verb)


@pytest.mark.parametrize(
    "text",
    [
        "mi-au furat telefonul și cineva a făcut plăți din aplicație",
        "cineva a facut tranzactii cu cardul meu",
        "cineva a făcut transferuri din contul meu azi noapte",
    ],
)
def test_romanian_someone_made_payments(text: str) -> None:
    assert "fraud_report" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "cum fac transferuri din aplicație?",  # how do I make transfers from the app?
        "am făcut plăți cu cardul în străinătate, e vreun comision?",  # I paid abroad: a fee?
        "pot face tranzacții din aplicație noaptea?",  # can I make transactions at night?
    ],
)
def test_romanian_calm_payment_questions_stay_calm(text: str) -> None:
    assert _kinds(text) == set()


# --------------------------------------------- credit taken in the customer's name (Gujarati)


@pytest.mark.parametrize(
    "text",
    ["મારા નામે કોઈએ લોન લીધી છે", "koie mara naam par loan lidhi, mane khabar nathi"],
)
def test_gujarati_loan_in_my_name_by_someone(text: str) -> None:
    assert "fraud_report" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "mara naam par loan levi che, shu karvu?",  # I want a loan in my name, what to do?
        "મારે લોન લેવી છે",  # I want to take a loan
    ],
)
def test_gujarati_calm_loan_questions_stay_calm(text: str) -> None:
    assert _kinds(text) == set()


# ------------------------------------------------ Somali: both word orders (the focus order)


@pytest.mark.parametrize(
    "text",
    [
        "lacagta baan u wareejiyay",  # the money, I transferred it
        "koodhka ayaan siiyay",  # the code, I gave it
        "lambarka waxaan siiyey",  # the number, I gave it
    ],
)
def test_somali_step_in_the_focus_order(text: str) -> None:
    assert "scam_step" in _kinds(text)


def test_somali_impostor_and_a_focus_step_is_a_scam() -> None:
    text = "nin ayaa i soo wacay oo yiri waxaa ka socda bangiga, lacag baan u diray"
    assert "scam" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    ["sidee lacag ugu diraa walaalkay?", "immisa ayay qaadanaysaa lacag dirista?"],
)
def test_somali_calm_transfer_questions_stay_calm(text: str) -> None:
    assert _kinds(text) == set()


# -------------------------------------------- an alibi beside a charge (seven tables)

ALIBIS = [
    "dos pagos con mi tarjeta en Roma y no estuve en Italia",
    "vários pagamentos no meu cartão em Lisboa, nunca estive em Portugal",
    "ci sono due addebiti sulla mia carta da Berlino, non sono mai stata in Germania",
    "deux paiements sur ma carte à Rome, je ne suis jamais allée en Italie",
    "widzę trzy płatności na mojej karcie z Paryża, nigdy nie byłam we Francji",
    "trei plăți pe cardul meu din Spania, n-am fost în Spania",
    "zwei Abbuchungen auf meiner Karte aus Madrid, ich war noch nie in Spanien",
]


@pytest.mark.parametrize("text", ALIBIS)
def test_a_charge_where_the_customer_never_was_is_unauthorised_use(text: str) -> None:
    assert "fraud_report" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿puedo usar mi tarjeta en Francia? nunca he estado en Francia",
        "hay un cargo en mi tarjeta del hotel de Roma, ¿cuándo se devuelve la fianza?",
        "nie byłam w oddziale, czy są opłaty na moim koncie?",
        "je n'ai jamais été en Italie, faut-il prévenir la banque avant le voyage?",
    ],
)
def test_an_alibi_or_a_charge_alone_stays_calm(text: str) -> None:
    assert "fraud_report" not in _kinds(text)


# ------------------------------------ cues: a request across two languages, Urdu time, dues


def _cues(text: str) -> set[str]:
    return {c.kind for c in analyze_text(text).cues}


@pytest.mark.parametrize(
    "text",
    [
        "hi can I speak to kimś z obsługi klienta pls",
        "can i talk to konsultantem?",
        "could I speak to una persona por favor",
        "I want to speak to einem Mitarbeiter",
        "put me through to un operator te rog",
        "can i speak to quelqu'un de la banque",
    ],
)
def test_english_request_verb_with_another_tables_person_noun(text: str) -> None:
    assert "human_demand" in _cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "can i speak to you in polish?",
        "I don't want to speak to una persona, the bot is fine",
        "what does 'ktoś z obsługi' mean?",
    ],
)
def test_mixed_calm_messages_ask_for_no_person(text: str) -> None:
    assert "human_demand" not in _cues(text)


@pytest.mark.parametrize(
    "text",
    ["teen ghante se try kar raha hoon", "do ghanton se koshish kar rahi hoon", "5 din se"],
)
def test_urdu_attempts_counted_by_time(text: str) -> None:
    assert "repeated_asking" in _cues(text)


def test_urdu_a_duration_asked_about_is_no_repeated_asking() -> None:
    assert "repeated_asking" not in _cues("kya transfer mein teen ghante se zyada lagta hai?")


@pytest.mark.parametrize(
    "text", ["hospital ka bill dena hai aaj", "aaj kiraya dena hai", "fees aaj hi dena hai"]
)
def test_urdu_a_payment_due_today_is_a_deadline(text: str) -> None:
    assert "deadline" in _cues(text)


def test_urdu_a_bill_question_has_no_deadline() -> None:
    assert "deadline" not in _cues("bill kaise pay karun app se?")


# ------------------------------------------- Spanish: the determiner slot inside an entry


@pytest.mark.parametrize(
    "text",
    [
        "yo no hice ningún pago y me faltan 300 libras",
        "no hice ese pago, no sé qué es",
        "me aparece algún cargo que no reconozco",
    ],
)
def test_spanish_not_me_with_any_determiner(text: str) -> None:
    assert "fraud_report" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿cómo hago un pago con tarjeta?",
        "hice una compra ayer, ¿cuándo aparece el cargo?",
        "¿hay algún cargo por transferir al extranjero?",
    ],
)
def test_spanish_calm_payment_questions_stay_calm(text: str) -> None:
    assert "fraud_report" not in _kinds(text)
