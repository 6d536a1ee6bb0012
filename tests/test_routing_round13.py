"""Round 13 of issue 11: structural fixes and the safety lines.

Requests for a person are a closed vocabulary per language: for each language the cues
support, the ordinary ways to ask for a person, an adviser, an operator, a named role ("my
relationship manager") or a call back. Each language has positives and decoys (a question
about the bot, someone else's call told as a story, a role named in passing). Every sentence
here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text

# language -> (requests for a person that must be read as one, decoys that must not)
REQUESTS: dict[str, tuple[list[str], list[str]]] = {
    "en": (
        [
            "can someone from the bank call me",
            "could somebody from your team ring me back",
            "I want to talk to my relationship manager",
            "can I talk to a bank employee",
            "can one of your advisers phone me",
            "I'd like to speak to my personal banker",
        ],
        [
            "is this a real person?",
            "my relationship manager said I could raise the limit",
            "someone from the bank called me yesterday asking for my pin",
            "did someone from the bank call me today?",
            "my account manager left the bank",
            "how do I become a relationship manager",
        ],
    ),
    "pl": (
        ["chciałabym, żeby ktoś do mnie zadzwonił", "zeby ktos oddzwonil w sprawie karty"],
        ["ktoś do mnie zadzwonił z banku i pytał o kod", "ktoś zadzwonił do mnie wczoraj"],
    ),
    "ro": (
        ["mă puteți pune în legătură cu un consultant?", "ma puteti pune in legatura cu cineva"],
        ["cineva de la bancă m-a sunat aseară"],
    ),
    "es": (
        ["¿me puede atender un asesor?", "quiero que me atienda una persona"],
        ["ayer me atendió un señor muy amable en la sucursal"],
    ),
    "pt": (
        ["gostaria de falar com o meu gestor de conta", "podem ligar-me hoje?"],
        ["o meu gestor de conta disse que estava tudo bem"],
    ),
    "fr": (
        ["je voudrais parler à ma conseillère", "quelqu'un peut me rappeler ?"],
        ["mon conseiller m'a dit d'attendre trois jours"],
    ),
    "it": (
        ["posso parlare con il mio consulente?", "vorrei parlare con un consulente"],
        ["il mio consulente mi ha detto di aspettare"],
    ),
    "lt": (
        ["norėčiau pasikalbėti su banko darbuotoju", "ar galite paskambinti man rytoj"],
        ["banko darbuotojas man paskambino vakar"],
    ),
    "tr": (
        ["birisi beni arasın lütfen", "operatöre bağlanmak istiyorum"],
        ["dün biri beni aradı ve kod istedi"],
    ),
    "ru": (
        ["пусть мне позвонят из банка", "позовите оператора", "hochu pogovorit s chelovekom"],
        ["мне позвонили из банка и спросили код"],
    ),
    "uk": (
        ["нехай хтось мені зателефонує", "можна з живою людиною?"],
        ["мені зателефонували з банку вчора"],
    ),
    "cy": (["allwch chi fy ffonio i heddiw?"], ["ffoniodd rhywun fi ddoe"]),
    "ar": (["اريد التكلم مع موظف", "momken akalem mowazaf"], ["اتصل بي شخص امس"]),
    "bn": (["amake call korben please"], ["amake keu call korechilo"]),
    "ta": (["oru aal kitta pesanum"], ["yaro enakku call panninanga"]),
    "so": (["qof ila hadla fadlan"], ["qof ayaa i soo wacay shalay"]),
    "zh": (["帮我找个真人", "我想跟客服经理谈一下"], ["你是真人吗", "客服经理说要等三天"]),
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, (pos, _) in REQUESTS.items() for t in pos]
)
def test_requests_for_a_person_are_read_in_every_language(lang: str, text: str) -> None:
    assert analyze_text(text).human_request, (lang, text)


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, (_, neg) in REQUESTS.items() for t in neg]
)
def test_decoys_are_not_requests(lang: str, text: str) -> None:
    assert not analyze_text(text).human_request, (lang, text)


# Someone else's story (cue third_party): fraud told about another person, or seen in the
# media, is no harm to this customer. Not someone else's opinion of the customer's own case,
# not a scammer's claim, and not a partner's or child's card (often the customer's own).
THIRD_PARTY = [
    "my neighbour got scammed by a fake council officer",
    "my nan was conned out of £300 on the doorstep",
    "my mate at work got scammed buying a console online",
    "my friend from uni fell for a crypto scam",
    "some hacker has hacked my brother's instagram",
    "someone hacked his email last night",
    "I read an article about a fraudster who emptied pensions",
    "we watched a programme on romance scams last night",
    "我邻居被骗了五百块，我想提醒她",
    "我媽媽上當了，不過她不在你們銀行",
]
NOT_THIRD_PARTY = [
    "my daughter says it's a scam but I'm not sure",
    "I got scammed on a selling site",
    "someone hacked my account",
    "my wife's card got cloned",
    "a caller told my dad his card was cloned",
    "my son's been using my card for his games",
    "我被骗了，转了五千块",
    "我老公被骗了，用的是我的卡",
]


@pytest.mark.parametrize("text", THIRD_PARTY)
def test_someone_elses_story_is_third_party(text: str) -> None:
    assert "third_party" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_THIRD_PARTY)
def test_the_customers_own_case_is_not_third_party(text: str) -> None:
    assert "third_party" not in {c.kind for c in analyze_text(text).cues}, text


# A payment the customer denies knowing, in the ordinary words for it (the weak fraud cue:
# the NLU or a request for a person must agree before the fraud lane).
UNKNOWN_PAYMENT = [
    "there's a debit to some firm I have no idea about",
    "no idea what this £62 is",
    "no idea what these charges are for",
    "I can't remember buying anything from them",
    "dont remember ordering that",
]
NOT_UNKNOWN_PAYMENT = [
    "I have no idea how to set up a standing order",
    "I have no idea about payments abroad, can you explain",
    "I don't remember paying my council tax, can I check?",
    "no idea what time the transfer arrives",
]


@pytest.mark.parametrize("text", UNKNOWN_PAYMENT)
def test_a_payment_denied_in_other_words_is_a_fraud_cue(text: str) -> None:
    assert "fraud" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_UNKNOWN_PAYMENT)
def test_not_knowing_how_is_not_a_fraud_cue(text: str) -> None:
    assert "fraud" not in {c.kind for c in analyze_text(text).cues}, text


# Bereavement told as a sudden or violent death, and Polish with the verb first.
BEREAVEMENT = [
    "sorry, my sister was killed in a road accident last week",
    "my dad took his own life in March",
    "Zmarła moja mama, jak zamknąć jej konto?",
    "umarł mi tata w piątek",
]
NOT_BEREAVEMENT = [
    "the cold killed my phone battery",
    "umarł mi telefon, jak się zalogować?",
    "my card got killed by the cash machine",
]


@pytest.mark.parametrize("text", BEREAVEMENT)
def test_a_death_told_in_other_words_is_a_bereavement(text: str) -> None:
    assert "vulnerability" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_BEREAVEMENT)
def test_a_dead_device_is_not_a_bereavement(text: str) -> None:
    assert "vulnerability" not in {c.kind for c in analyze_text(text).cues}, text


# A public is threatened when the customer will tell, warn or show "everyone"; letters
# written to everyone (goodbye letters, a family told) are no threat to go public.
PUBLIC = [
    "I'm going to warn everyone at work about you lot",
    "I'll make sure everyone knows how you treat customers",
    "posting this on facebook tonight",
]
NOT_PUBLIC = [
    "I've written letters to everyone already",
    "let everyone in the family have access to the joint account",
    "do everyone a favour and fix the app",
]


@pytest.mark.parametrize("text", PUBLIC)
def test_telling_everyone_is_a_public_threat(text: str) -> None:
    assert "public_threat" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_PUBLIC)
def test_writing_to_everyone_is_not_a_public_threat(text: str) -> None:
    assert "public_threat" not in {c.kind for c in analyze_text(text).cues}, text


# A payment the customer says they cannot make is a repayment matter (what a collections or
# vulnerable flag makes sensitive); how to make one is not.
REPAYMENT = [
    "I cant make next month's car finance instalment",
    "I'm about to miss my mortgage repayment",
    "we won't be able to pay the loan this month",
]
NOT_REPAYMENT = [
    "how do I make a payment to a friend",
    "can I pay my loan off early",
    "I can't find the payment I made yesterday",
]


@pytest.mark.parametrize("text", REPAYMENT)
def test_a_payment_that_cannot_be_made_is_a_repayment_cue(text: str) -> None:
    assert "repayment" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_REPAYMENT)
def test_making_a_payment_is_not_a_repayment_cue(text: str) -> None:
    assert "repayment" not in {c.kind for c in analyze_text(text).cues}, text


# Unauthorised use told with "the card" (after its loss was told) by someone unknown.
CARD_USED = [
    "someone's already used the card at a petrol station",
    "the thieves have used the card in Tesco",
]
NOT_CARD_USED = [
    "he used the card to pay for dinner",
    "someone used the card machine wrong and it beeped",
    "can someone else use the card?",
]


@pytest.mark.parametrize("text", CARD_USED)
def test_the_card_used_by_someone_unknown_is_a_fraud_report(text: str) -> None:
    assert "fraud_report" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_CARD_USED)
def test_the_card_used_by_someone_known_is_not_a_fraud_report(text: str) -> None:
    assert "fraud_report" not in {c.kind for c in analyze_text(text).cues}, text


# English: a member of staff asked to act, a person preferred.
STAFF_TO_ACT = [
    "could one of your staff have a look at my mortgage account?",
    "I'd prefer a real person went through this with me",
    "please can someone from the bank review the charges",
]
NOT_STAFF_TO_ACT = [
    "can a person check their balance online?",
    "an adviser will review it within five days",
    "I'd rather a person didn't see my statements",
    "I don't need a member of staff to look at it",
]


@pytest.mark.parametrize("text", STAFF_TO_ACT)
def test_staff_asked_to_act_is_a_request_for_a_person(text: str) -> None:
    assert analyze_text(text).human_request, text


@pytest.mark.parametrize("text", NOT_STAFF_TO_ACT)
def test_staff_named_in_passing_is_not_a_request(text: str) -> None:
    assert not analyze_text(text).human_request, text


# The indirect warning signs of suicide that crisis services train staff to hear are a
# vulnerability, said in any of their ordinary forms; a plain question about death, a will,
# an absence or a payment to stop is not.
SUICIDE_WARNING = [
    "hi, what happens to my accounts when I'm not here anymore",
    "honestly I won't be around much longer",
    "everyone would be better off without me",
    "I've got nothing left to live for",
    "I've written my goodbye letters",
    "I feel like I'm a burden to everyone",
    "I can't see a way out of this debt",
    "I just want it all to stop",
    "I hope I don't wake up tomorrow",
    "i'm not going to be here much longer",
]
NOT_SUICIDE_WARNING = [
    "what happens to my account when I die?",
    "I won't be here on Friday, can I pay early?",
    "is the branch around here open any more?",
    "I want the payments to stop",
    "I wrote letters to everyone at the bank",
    "I'm not around much, I travel for work",
    "way out of my overdraft - any tips?",
]


@pytest.mark.parametrize("text", SUICIDE_WARNING)
def test_an_indirect_warning_sign_of_suicide_is_a_vulnerability(text: str) -> None:
    assert "vulnerability" in {c.kind for c in analyze_text(text).cues}, text


@pytest.mark.parametrize("text", NOT_SUICIDE_WARNING)
def test_death_absence_or_stopping_said_plainly_is_not(text: str) -> None:
    assert "vulnerability" not in {c.kind for c in analyze_text(text).cues}, text
