"""What the rules read besides requests, in the other languages: a described fraud, asking
again, not being understood, sarcastic praise, threats to leave, and questions ABOUT fraud
or the bot that must not be read as reports or requests (handoff.signals.routing_languages).

Most messages in another language are out_of_scope to the English-only NLU, so these cues
are all the engine has. The sentences were written for these tests from how people write in
support chats, not taken from any evaluation set; each kind has decoys that must not fire.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import Conversation
from handoff.signals.routing_languages import LANGUAGES, PRAISE
from handoff.signals.routing_lexicon import fold
from handoff.signals.text import analyze_text
from tests.conftest import ROOT, cue_kinds

# kind -> (language, message) that must carry a cue of that kind.
MUST: dict[str, list[tuple[str, str]]] = {
    "fraud_report": [
        ("pl", "widzę dwie płatności, których nie robiłam"),
        ("pl", "ktoś płacił moją kartą w Niemczech"),
        ("pl", "nie zrobilem tych platnosci"),
        ("ro", "am trei plăți pe care nu le-am făcut"),
        ("ro", "cineva a folosit cardul meu online"),
        ("pt", "tem uma compra de 300 libras que eu não fiz"),
        ("pt", "acho que alguém está usando o meu cartão"),
        ("es", "hay dos cargos que yo no hice"),
        ("es", "alguien usó mi tarjeta en una gasolinera"),
        ("it", "vedo un addebito che non ho autorizzato"),
        ("it", "qualcuno ha usato la mia carta a Milano"),
        ("fr", "il y a un paiement que je n'ai pas fait"),
        ("fr", "quelqu'un a utilisé ma carte hier soir"),
        ("tr", "hesabımda yapmadığım bir ödeme var"),
        ("tr", "biri kartımı kullandı"),
        ("lt", "matau mokėjimą, kurio nedariau"),
        ("lt", "kažkas panaudojo mano kortelę"),
        ("ur", "kisi ne mera card use kiya hai"),
        ("hi", "किसी ने मेरा कार्ड इस्तेमाल किया"),
        ("ta", "yaaro en card use pannirukanga"),
        ("so", "waxaa jira lacag bixin aanan samayn"),
        ("zh", "有人盗用我的卡买东西"),
        ("zh", "这笔不是我付的"),
        ("hi", "mere account se do payment gaye jo maine nahi kiye"),
        ("pt", "não fiz esse pagamento de 80 libras"),
    ],
    "repeated_asking": [
        ("pl", "pytam już po raz trzeci"),
        ("pl", "już pisałam o tym wczoraj"),
        ("ro", "e a treia oară când întreb"),
        ("pt", "é a terceira vez que pergunto"),
        ("es", "te lo pregunto por tercera vez"),
        ("es", "una y otra vez lo mismo"),
        ("it", "è la terza volta che lo chiedo"),
        ("fr", "c'est la troisième fois que je demande"),
        ("tr", "üçüncü kez soruyorum"),
        ("lt", "klausiu jau trečią kartą"),
        ("hi", "teesri baar puch raha hoon"),
        ("ur", "main pooch rahi hoon paise kab aayenge"),
        ("pa", "teeji vaar puch reha haan"),
        ("ta", "moonavathu thadava kekkuren"),
        ("so", "tani waa markii saddexaad"),
        ("zh", "这是我第三次问了"),
    ],
    "not_understood": [
        ("pl", "nadal nie rozumiem"),
        ("pl", "ehh nie rozumiem"),
        ("pl", "ty mnie nie rozumiesz"),
        ("ro", "nu înțelegeți ce vă spun"),
        ("pt", "você não entende o que eu escrevo"),
        ("es", "no me entiendes nada"),
        ("it", "non mi capisci proprio"),
        ("fr", "vous ne comprenez pas ma question"),
        ("lt", "jūs nesuprantate manęs"),
        ("hi", "aap samajh nahi rahe ho"),
        ("zh", "你听不懂我说的话"),
    ],
    "sarcasm": [
        ("es", "otra vez el mismo error. genial"),
        ("es", "gracias por nada"),
        ("pt", "terceira vez. parabéns"),
        ("it", "terza volta che si blocca, complimenti"),
        ("fr", "troisième fois, félicitations"),
        ("pl", "po raz trzeci to samo, rewelacja"),
        ("ro", "a treia oară, felicitări"),
        ("tr", "üçüncü kez oluyor, tebrikler"),
        ("lt", "jau trečią kartą, puiku"),
        ("fr", "merci pour rien"),
    ],
    "churn_threat": [
        ("ro", "dacă nu rezolvați, îmi închid contul și plec"),
        ("ro", "mă mut la o altă bancă"),
        ("pl", "przechodzę do innego banku"),
        ("pt", "vou encerrar a minha conta"),
        ("es", "me paso a otro banco"),
        ("it", "chiudo il conto e vado altrove"),
        ("fr", "je pars dans une autre banque"),
        ("tr", "başka bankaya geçiyorum"),
        ("lt", "pereisiu į kitą banką"),
    ],
    "howto": [
        ("hi", "धोखाधड़ी से बचने के लिए क्या सेटिंग है?"),
        ("ur", "fraud se bachne ke liye app mein kya hai?"),
        ("pl", "jak zgłosić oszustwo?"),
        ("es", "¿cómo evitar fraudes con la tarjeta?"),
        ("pt", "como me proteger de golpes?"),
        ("it", "come segnalare una truffa?"),
        ("fr", "comment signaler une arnaque ?"),
        ("zh", "如何防范诈骗？"),
    ],
}

# kind -> messages that must NOT carry that kind (questions, recurrences, sincere praise,
# someone else's trouble, a question about how to leave).
MUST_NOT: dict[str, list[tuple[str, str]]] = {
    "fraud_report": [
        ("pl", "płatność, której jeszcze nie zrobiłem, bo czekam na fakturę"),
        ("es", "¿cómo hago un pago con mi tarjeta?"),
        ("pt", "posso usar o meu cartão em Espanha?"),
        ("it", "posso usare la mia carta all'estero?"),
    ],
    "repeated_asking": [
        ("pl", "ile razy mogę wypłacić za darmo?"),
        ("es", "¿cuántas veces puedo sacar dinero gratis?"),
        ("pt", "quantas vezes posso transferir por mês?"),
        ("it", "quante volte posso prelevare gratis?"),
        ("fr", "combien de fois puis-je retirer ?"),
        ("hi", "kitni baar paise nikal sakte hain?"),
    ],
    "not_understood": [
        ("pl", "nie rozumiem, dlaczego pobrano opłatę"),
        ("pl", "nie rozumiem tej opłaty na wyciągu"),
        ("pl", "nie rozumiem po angielsku za dobrze"),
    ],
    "sarcasm": [
        ("es", "genial, gracias, ya funciona"),
        ("it", "complimenti per la nuova app!"),
        ("pl", "świetnie, dziękuję bardzo"),
        ("pt", "parabéns pela nova app, está ótima"),
    ],
    "churn_threat": [
        ("ro", "cum îmi închid contul de economii?"),
        ("es", "¿cómo cierro la cuenta de ahorro?"),
        ("pt", "como encerro a conta poupança?"),
    ],
}


def _cases(table: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    return [(kind, lang, text) for kind, rows in table.items() for lang, text in rows]


@pytest.mark.parametrize(("kind", "language", "text"), _cases(MUST))
def test_cue_is_read(kind: str, language: str, text: str) -> None:
    assert kind in cue_kinds(text), (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(("kind", "language", "text"), _cases(MUST_NOT))
def test_decoy_is_not_read(kind: str, language: str, text: str) -> None:
    assert kind not in cue_kinds(text), (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Ciao, sei un bot o una persona vera? chiedo per curiosità"),
        ("it", "sei una persona reale?"),
        ("es", "¿eres un bot o una persona real?"),
        ("pt", "você é um robô ou uma pessoa real?"),
        ("fr", "vous êtes une vraie personne ?"),
        ("fr", "c'est un robot ou une vraie personne ?"),
        ("tr", "gerçek insan mısın?"),
        ("tr", "bot musun yoksa gerçek insan mı?"),
        ("lt", "ar tu tikras žmogus?"),
        ("pl", "czy to bot czy prawdziwy człowiek?"),
        ("so", "ma tahay qof dhab ah mise bot?"),
    ],
)
def test_asking_what_the_bot_is_is_not_a_request(language: str, text: str) -> None:
    """Curiosity about the bot is answered by the bot (it says what it is and offers a
    person), as in English ("are you a real person?")."""
    assert not analyze_text(text).human_request, (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "llamadme por favor, es urgente"),
        ("it", "mi richiamate? grazie"),
        ("it", "potete chiamarmi oggi?"),
        ("fr", "passez-moi un conseiller svp"),
        ("tr", "beni arayabilir misiniz?"),
        ("tr", "müşteri temsilcisine bağlar mısınız"),
        ("lt", "ar galite man paskambinti?"),
        ("pl", "czy ktoś może do mnie zadzwonić?"),
        ("pl", "proszę oddzwonić"),
        ("ar", "ممكن تتصلوا بي؟"),
        ("ur", "mujhe call kar do please"),
        ("so", "ma jiraa qof aan la hadlo?"),
    ],
)
def test_asking_to_be_called_or_put_through(language: str, text: str) -> None:
    assert analyze_text(text).human_request, (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "mi madre me llamó ayer por la tarjeta"),
        ("it", "ho chiamato ieri per la carta"),
        ("tr", "dün aradım ama kimse açmadı mı?"),
        ("pl", "dzwoniłem wczoraj w sprawie karty"),
        ("ur", "maine kal call kiya tha"),
    ],
)
def test_telling_of_a_call_is_not_asking_for_one(language: str, text: str) -> None:
    assert not analyze_text(text).human_request, (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "voglio parlare con una persona vera"),
        ("es", "quiero hablar con una persona real"),
        ("pt", "quero falar com uma pessoa real"),
        ("fr", "je veux parler à une vraie personne"),
        ("tr", "gerçek bir insanla görüşmek istiyorum"),
        ("lt", "noriu kalbėti su tikru žmogumi"),
        ("so", "waxaan rabaa inaan la hadlo qof dhab ah"),
    ],
)
def test_asking_for_a_real_person_still_is(language: str, text: str) -> None:
    assert analyze_text(text).human_request, (language, text, analyze_text(text).cues)


def test_sarcastic_praise_needs_a_failure_beside_it() -> None:
    """A warm word is sarcasm only next to a failure ("third time, congratulations"); alone
    it is praise and no cue."""
    assert "sarcasm" in cue_kinds("terza volta che non funziona. complimenti")
    assert not cue_kinds("complimenti, funziona benissimo")


def test_a_question_about_fraud_protection_is_a_howto_not_a_report() -> None:
    """The fraud rules skip a bare fraud word beside a how-to ("where is the anti-fraud
    setting?"); a described fraud is never a how-to."""
    kinds = cue_kinds("मेरे भाई ने कहा कि धोखाधड़ी से बचने के लिए ऐप में एक सेटिंग है, कहाँ है?")
    assert "howto" in kinds
    assert "fraud_report" not in kinds
    kinds = cue_kinds("alguien usó mi tarjeta, ¿cómo denunciar un fraude?")
    assert "fraud_report" in kinds


def test_each_warm_word_belongs_to_one_language() -> None:
    """Sarcastic praise counts warm words (three or more read as sincere enthusiasm), so a
    word listed by two languages must not count twice."""
    seen: dict[str, str] = {}
    for language in LANGUAGES:
        for phrase in language.cues.get(PRAISE, ()):
            key = fold(phrase)
            assert key not in seen, (phrase, language.code, seen.get(key))
            seen[key] = language.code


@pytest.mark.parametrize(
    "text",
    [
        "Sveiki, pervedimas vis dar neatėjo. Jau trečią kartą rašau",
        "Otra vez el mismo fallo al pagar. Qué maravilla",
        "Dacă nu-mi dați banii înapoi, îmi închid contul și mă mut la altă bancă",
        "Widzę płatność 40 funtów, której nie zrobiłam",
    ],
)
def test_each_message_fires_no_human_request(text: str) -> None:
    """Repetition, sarcasm, threats and fraud reports route by their own rules: none of them
    is read as a request for a person."""
    assert not analyze_text(text).human_request


# ---------------------------------------------------------------- routed end to end
# The English-only NLU reads these as out_of_scope: the cues alone must route them.
_ROUTER = Router.from_path(ROOT / "rules" / "banking.yaml")


_OPEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


def _route(*messages: str) -> tuple[str, str | None]:
    turns: list[dict[str, object]] = []
    for text in messages:
        if turns:
            turns.append({"role": "bot", "text": "Sorry, I didn't get that."})
        turns.append({"role": "user", "text": text, "intent": {"name": "out_of_scope"}})
    # A Tuesday morning, when every team is open: a closed team would turn a request into a
    # callback and make the test depend on the clock it runs at.
    decision = _ROUTER.route(Conversation.model_validate({"turns": turns}), now=_OPEN)
    return decision.lane, decision.rule_id


@pytest.mark.parametrize(
    ("messages", "lane"),
    [
        # a described fraud goes to the fraud team at once
        (("Na wyciągu są dwie płatności, których nie robiłam",), "fraud"),
        (("Alguém usou o meu cartão ontem à noite, estou em casa com ele",), "fraud"),
        (("hesabımda yapmadığım bir ödeme var, kart bende",), "fraud"),
        # asking again, or sarcasm about a repeated failure, reaches an adviser
        (
            ("Przelew nie doszedł", "Pytam już po raz trzeci, gdzie są pieniądze?"),
            "general_banking",
        ),
        (("Otra vez el mismo error al pagar. Genial.",), "general_banking"),
        (("Quanto custa?", "ainda não entendi, você não está entendendo"), "general_banking"),
        # a threat to leave, once frustrated
        (
            ("De ce am plătit comision?", "îmi închid contul și mă mut la altă bancă"),
            "general_banking",
        ),
        # a request for a person in Tamil or Somali
        (("வணக்கம், மேலாளருடன் பேச முடியுமா?",), "general_banking"),
        (("Fadlan dib ii soo wac, waxaan rabaa inaan la hadlo qof",), "general_banking"),
        # questions about the bot or about fraud stay with the bot
        (("Ciao, sei un bot o una persona vera? Solo curiosità",), "bot"),
        (("धोखाधड़ी से बचने के लिए ऐप में कौन सी सेटिंग है?",), "bot"),
        (("¿cómo evitar fraudes con la tarjeta?",), "bot"),
        (("Ile razy mogę wypłacić pieniądze za darmo?",), "bot"),
    ],
)
def test_routed_by_the_cues_alone(messages: tuple[str, ...], lane: str) -> None:
    assert _route(*messages)[0] == lane, (messages, _route(*messages))
