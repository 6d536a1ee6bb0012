"""Round 18 story forms (handoff.signals.stories, issue 11 round 18, principle 1 part B).

Every example was written fresh for this file by a non-native author; none is taken from a
routing set. The forms: the authority claimed in reported speech ("they said they were from the
police", "that he is from the bank"); the first-person step in its common forms ("I gave him
the card number", "I had to send / withdraw", cash handed to a courier); paying to unlock a
task job's earnings; an online seller paid who blocked the customer; a wallet or card stolen
and a payment seen in the same message (new concepts ``stolen`` and ``charge``); and ten
tables that had no story shapes (Malayalam, Pashto, Kurdish, Tigrinya, Amharic, Yoruba,
Sinhala, Nigerian Pidgin, Twi, romanised Cantonese). Calm messages that must stay calm: a
question about scams in general, a relative's fraud last year that is sorted, a caller
recognised and hung up on with nothing given (new concept ``refused``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from handoff import Router
from handoff.signals.stories import story_cues
from tests.conftest import play_parsed

# A step alone (cue scam_step) is fraud only after someone posed (rules/banking.yaml).
_FRAUD = {"scam", "posing", "fraud_report"}


def _kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in story_cues(text)}


MUST = [
    # reported-speech authority + a first-person step, in one message: a scam
    ("pl", "Mówili, że są z policji, i musiałem wypłacić gotówkę dla kuriera", "scam"),
    ("pl", "dzwonił pan, twierdził, że jest z banku, podałam numer karty", "scam"),
    ("ro", "mi-au spus că sunt de la poliție și a trebuit să trimit 900 de lire", "scam"),
    ("ro", "un tip a zis că e de la bancă, i-am dat numărul cardului", "scam"),
    ("hi", "उसने कहा कि वह पुलिस से है, मुझे पैसे भेजने पड़े", "scam"),
    ("ur-Latn", "ek aadmi bola bank se hai, maine card number de diya", "scam"),
    ("ur-Latn", "woh police se hain keh rahe the, mujhe paise bhejne pade", "scam"),
    ("ur", "اس نے کہا کہ وہ پولیس سے ہے، مجھے پیسے بھیجنے پڑے", "scam"),
    ("pa", "ਉਸਨੇ ਕਿਹਾ ਕਿ ਉਹ ਬੈਂਕ ਤੋਂ ਹੈ, ਮੈਨੂੰ ਪੈਸੇ ਭੇਜਣੇ ਪਏ", "scam"),
    ("pt", "disseram que eram da polícia e tive que transferir as poupanças", "scam"),
    ("pt", "um senhor disse que era do banco e eu dei o número do cartão", "scam"),
    ("es", "me dijeron que eran del banco y tuve que enviar 500 libras", "scam"),
    ("es", "dijo que era de la policía, le di el número de la tarjeta", "scam"),
    ("it", "hanno detto che erano della polizia e ho dovuto fare un bonifico", "scam"),
    ("it", "diceva di essere della banca, gli ho dato il numero della carta", "scam"),
    ("fr", "ils m'ont dit qu'ils étaient de la police, j'ai dû virer 700 livres", "scam"),
    ("fr", "une femme a dit qu'elle était de la banque, j'ai donné mon numéro de carte", "scam"),
    ("de", "sie sagten, sie seien von der Polizei, ich musste Geld abheben", "scam"),
    ("de", "ein Anrufer sagte, er wäre von der Bank, ich habe die Kartennummer gegeben", "scam"),
    ("nl", "ze zeiden dat ze van de politie waren, ik moest geld overmaken", "scam"),
    ("nl", "iemand zei dat hij van de bank was en ik heb mijn kaartnummer gegeven", "scam"),
    ("ru", "сказали, что из полиции, пришлось перевести все сбережения", "scam"),
    ("ru", "женщина сказала, что она из банка, я назвала номер карты", "scam"),
    ("uk", "сказали, що з поліції, довелося переказати гроші", "scam"),
    ("bg", "казаха, че са от полицията, и трябваше да преведа спестяванията", "scam"),
    ("tr", "bankadan olduklarını söylediler, kart numaramı verdim", "scam"),
    ("tr", "polis olduğunu söyledi, para göndermek zorunda kaldım", "scam"),
    ("fa", "گفتند از پلیس هستند و مجبور شدم پول واریز کنم", "scam"),
    ("vi", "họ nói họ là công an, tôi phải chuyển tiền ngay", "scam"),
    ("zh", "对方说他是银行的，我把卡号给了他", "scam"),
    ("sq", "thanë se janë nga policia dhe më duhej të dërgoja para", "scam"),
    ("cs", "řekli, že jsou z banky, musela jsem poslat peníze", "scam"),
    ("sk", "povedali, že sú z banky, musel som poslať peniaze", "scam"),
    ("el", "είπαν ότι είναι από την αστυνομία και έπρεπε να στείλω χρήματα", "scam"),
    ("hu", "felhívtak, hogy a rendőrségtől vannak, át kellett utalnom a pénzt", "scam"),
    ("hu", "azt mondta, hogy a bankból hív, megadtam neki a kártyaszámomat", "scam"),
    ("lv", "teica, ka ir no bankas, un man vajadzēja pārskaitīt naudu", "scam"),
    ("lt", "sakė, kad jie iš policijos, turėjau pervesti pinigus", "scam"),
    ("tl", "sabi niya taga bangko siya, kinailangan kong magpadala ng pera", "scam"),
    ("cy", "dywedodd menyw ei bod o'r banc, roedd rhaid i mi drosglwyddo arian", "scam"),
    ("ar", "قال لي إنه من البنك وأعطيته رقم البطاقة", "scam"),
    ("ar", "قالوا لي انهم من الشرطة وطلبوا مني إرسال المال", "scam"),
    ("so", "wuxuu yiri waxaan ka socdaa bangiga, waxaan siiyay lambarka kaarka", "scam"),
    ("bn", "একজন বলল সে পুলিশ থেকে, আমাকে টাকা পাঠাতে হলো", "scam_step"),
    ("gu", "એણે કહ્યું કે તે બેંકમાંથી છે, મેં કાર્ડ નંબર આપ્યો", "scam"),
    ("ta", "வங்கியிலிருந்து பேசுவதாக சொன்னார், கார்டு நம்பர் கொடுத்தேன்", "scam"),
    ("ne", "प्रहरीबाट हौं भने, मैले पैसा पठाउनुपर्यो", "scam"),
    # a step told alone (after an earlier message's impostor): scam_step
    ("pl", "musiałam przelać wszystko na nowe konto", "scam_step"),
    ("es", "tuve que sacar el dinero y dárselo a un mensajero", "scam_step"),
    ("de", "ich habe das Geld dem Kurier übergeben", "scam_step"),
    # paying to unlock a task job's earnings
    ("ro", "am plătit taxa ca să deblochez câștigurile din aplicație", "scam_step"),
    ("ro", "un job online: trebuie să plătesc pentru sarcini", "posing"),
    # an online seller paid, who blocked the customer
    ("tl", "nagbayad ako sa online seller ng 80 pounds tapos blinock niya ako", "scam"),
    ("ro", "am trimis banii vânzătorului și m-a blocat pe WhatsApp", "scam"),
    # a wallet or card stolen and a payment seen, in one message
    ("es", "me robaron la cartera en el metro y ahora veo un cargo de 90 libras", "fraud_report"),
    ("pl", "ukradli mi kartę, a dziś pojawiła się transakcja na 60 funtów", "fraud_report"),
    (
        "de",
        "meine Geldbörse wurde gestohlen, jetzt sehe ich eine Abbuchung über 80 Pfund",
        "fraud_report",
    ),
    ("fr", "on m'a volé mon portefeuille et il y a un paiement de 45 livres", "fraud_report"),
    ("tr", "cüzdanım çalındı, şimdi bir harcama görüyorum", "fraud_report"),
    ("ru", "в автобусе украли кошелёк, вижу списание 70 фунтов", "fraud_report"),
    ("ar", "سرقوا محفظتي وظهرت دفعة لا أعرفها", "fraud_report"),
    # the ten new tables
    ("ml", "ബാങ്കിൽ നിന്നാണ് എന്ന് പറഞ്ഞു, ഞാൻ ഒടിപി കൊടുത്തു", "scam"),
    ("ml", "ഞാൻ അയച്ചിട്ടില്ല, പക്ഷേ 200 പൗണ്ട് പോയി", "fraud_report"),
    ("ml", "ആരോ എന്റെ അക്കൗണ്ടിൽ നിന്ന് പണം എടുത്തു", "fraud_report"),
    ("ps", "یو سړي وویل چې د بانک نه دی، ما کوډ ورکړ", "scam"),
    ("ps", "ما هیڅ نه دي اخیستي خو له حساب نه پیسې تللې", "fraud_report"),
    ("kmr", "yekî got ku ew ji bankê ye, min kod da", "scam"),
    ("kmr", "min tiştek nekirî, lê 300 pound çûn", "fraud_report"),
    ("ckb", "پیاوێک وتی کە لە بانکەوە دەدوێت، کۆدەکەم پێدا", "scam"),
    ("ti", "ሓደ ሰብ ካብ ባንክ እየ ኢሉ ደዊሉ፣ ቁጽሪ ካርድ ሂበ", "scam"),
    ("ti", "ኣነ ኣይለኣኽኩን፣ ግን ገንዘብ ጎዲሉ", "fraud_report"),
    ("am", "ከባንክ ነኝ ብሎ ደወለ፣ ኮዱን ሰጠሁት", "scam"),
    ("am", "አንድ ሰው ከአካውንቴ ገንዘብ ወሰደ", "fraud_report"),
    ("yo", "ọkùnrin kan sọ pé òun wà láti banki, mo fún un ní kóòdù", "scam"),
    ("yo", "ki i se emi, mi o fi owo ranse si enikeni", "fraud_report"),
    ("si", "බැංකුවෙන් කියලා කතා කළා, මම ඕටීපී එක දුන්නා", "scam"),
    ("si", "කවුරුහරි මගේ ගිණුමෙන් සල්ලි අරගෙන", "fraud_report"),
    ("pcm", "one man call talk say e dey from bank, i give am di code", "scam"),
    ("pcm", "abeg somebody don comot money from my account", "fraud_report"),
    ("pcm", "no be me do am, i no send anything", "fraud_report"),
    ("ak", "obi frɛɛ me kaa sɛ ɔfiri bank, mede code no maa no", "scam"),
    ("ak", "ɛnyɛ me, mamfa sika amma obiara", "fraud_report"),
    ("yue", "jau jan da lai wa hai ngan hong ge, ngo bei zo go code keoi", "scam"),
    ("yue", "ngo mou zyun chin, m hai ngo zyun ge", "fraud_report"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), MUST)
def test_round18_story_is_recognised(lang: str, text: str, kind: str) -> None:
    assert kind in _kinds(text), (lang, text, story_cues(text))


MUST_NOT = [
    # calm questions about scams in general
    ("pl", "jak rozpoznać, że ktoś podaje się za pracownika banku?"),
    ("ro", "cum recunosc dacă cineva zice că e de la bancă?"),
    ("es", "¿qué hacer si alguien dice que es de la policía y pide dinero?"),
    ("de", "woran erkenne ich, ob jemand wirklich von der Bank anruft?"),
    ("hu", "hogyan ismerem fel, ha valaki azt mondja, hogy a banktól hív?"),
    ("ar", "كيف أعرف إذا كان المتصل من البنك فعلا؟"),
    ("ml", "തട്ടിപ്പ് കോൾ എങ്ങനെ തിരിച്ചറിയാം?"),
    ("yo", "bawo ni mo se le mo pe enikan ki i se lati banki?"),
    ("pcm", "how i go take know say person wey call me no be from bank?"),
    ("si", "බැංකුවෙන් කියලා කතා කරොත් කොහොමද දැනගන්නේ?"),
    ("am", "ከባንክ ነኝ የሚል ሰው እንዴት ማወቅ እችላለሁ?"),
    ("yue", "dim yeung sik jan wa hai ngan hong ge?"),
    # a relative's fraud last year, now sorted
    ("ro", "anul trecut cineva i-a luat banii mamei de pe card, dar i-au fost returnați"),
    ("pt", "no ano passado alguém tirou dinheiro da conta da minha mãe, já foi resolvido"),
    ("ml", "കഴിഞ്ഞ വർഷം അമ്മയുടെ അക്കൗണ്ടിൽ നിന്ന് ആരോ പണം എടുത്തു, തിരികെ കിട്ടി"),
    ("pcm", "last year somebody don comot my mama money but dem don return am"),
    ("yo", "odun to koja enikan gba owo iya mi, won ti da a pada"),
    ("si", "පහුගිය අවුරුද්දේ කවුරුහරි අම්මාගේ සල්ලි අරගෙන, ආපහු ලැබුණා"),
    ("am", "ባለፈው ዓመት አንድ ሰው የእናቴን ገንዘብ ወሰደ፣ ተመልሶልኛል"),
    # a caller recognised and hung up on, nothing given
    ("pl", "dzwonił ktoś, że jest z banku, ale się rozłączyłam, nic nie podałam"),
    ("ro", "un bărbat a zis că e de la poliție, am închis telefonul"),
    ("es", "dijeron que eran del banco, pero colgué y no les di nada"),
    ("pt", "disseram que eram do banco, desliguei logo"),
    ("it", "hanno detto che erano della banca, ho riattaccato subito"),
    ("fr", "un homme a dit qu'il était de la police, j'ai raccroché"),
    ("de", "ein Mann sagte, er sei von der Polizei, ich habe aufgelegt"),
    ("nl", "ze zeiden dat ze van de bank waren, ik heb opgehangen"),
    ("ru", "сказали, что из банка, я положила трубку и ничего не сказала"),
    ("hu", "azt mondta, hogy a banktól van, de letettem a telefont"),
    ("ar", "قال لي إنه من البنك، أغلقت الخط"),
    ("tr", "bankadan olduğunu söyledi, telefonu kapattım"),
    ("ur-Latn", "woh bola bank se hai, maine phone kaat diya"),
    ("ml", "ബാങ്കിൽ നിന്നാണ് എന്ന് പറഞ്ഞു, ഞാൻ ഫോൺ കട്ട് ചെയ്തു"),
    ("pcm", "one man talk say e dey from bank, i cut di call"),
    ("yo", "o so pe oun wa lati banki, mo ge foonu"),
    ("si", "බැංකුවෙන් කියලා කතා කළා, මම ෆෝන් එක කැපුවා"),
    ("ak", "obi kaa sɛ ɔfiri bank, mede phone no too hɔ"),
    # a stolen wallet asked about, no payment seen
    ("es", "me robaron la cartera, ¿cómo bloqueo la tarjeta?"),
    ("de", "mir wurde die Karte gestohlen, wie sperre ich sie?"),
    ("tr", "cüzdanım çalındı, yeni kart nasıl alırım?"),
    # routine
    ("pl", "wysłałam przelew w czwartek, kiedy dojdzie?"),
    ("ro", "am plătit factura, când apare în cont?"),
    ("hu", "mondta, hogy a kártya holnap megérkezik?"),
]


@pytest.mark.parametrize(("lang", "text"), MUST_NOT)
def test_round18_calm_message_gives_no_fraud_story(lang: str, text: str) -> None:
    assert not (_kinds(text) & _FRAUD), (lang, text, story_cues(text))


def test_round18_a_step_after_refused_is_still_a_story() -> None:
    # hung up, but the code was already given: the step stands
    text = "dijeron que eran del banco, colgué, pero ya les di el código"
    assert "scam_step" in _kinds(text), story_cues(text)


def test_round18_forms_keep_english_alone() -> None:
    for text in (
        "can somebody tell me where to collect my money",
        "someone from the bank said my card is on its way",
        "I hung up on a caller who said he was from the police, is that normal?",
        "how do I know a call from the bank is real",
        "I sent the money to my son yesterday",
        "the seller blocked me on the marketplace, can you help?",
    ):
        assert not (_kinds(text) & _FRAUD), (text, story_cues(text))


# ------------------------------------------------------------------ through the rules

_NOW = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _play(router: Router, messages: list[str], expect: dict[str, Any]) -> str:
    """The outcome of ``messages`` with an NLU that reads every one as out of scope."""
    parsed = [(text, "out_of_scope", 0.5) for text in messages]
    return play_parsed(router, parsed, _NOW, "r18-story", expect).outcome


@pytest.mark.parametrize(
    ("messages", "by_turn"),
    [
        (["dijeron que eran de la policía y tuve que sacar 2000 libras"], 1),
        (["un bărbat a zis că e de la bancă, i-am dat numărul cardului"], 1),
        (["valaki felhívott, hogy a bankból van", "megadtam neki a kártyaszámot"], 2),
        (["ബാങ്കിൽ നിന്നാണ് എന്ന് പറഞ്ഞു, ഞാൻ ഒടിപി കൊടുത്തു"], 1),
        (["one man call talk say e dey from bank, i give am di code"], 1),
        (["ከባንክ ነኝ ብሎ ደወለ፣ ኮዱን ሰጠሁት"], 1),
    ],
)
def test_round18_story_goes_to_fraud(router: Router, messages: list[str], by_turn: int) -> None:
    expect = {"lane_kind": "specialist", "lane": "fraud", "by_turn": by_turn}
    assert _play(router, messages, expect) == "as_expected", messages


@pytest.mark.parametrize(
    "messages",
    [
        ["un bărbat a zis că e de la poliție, am închis telefonul", "e normal?"],
        ["dijeron que eran del banco, pero colgué y no les di nada"],
        ["how i go take know say person wey call me no be from bank?"],
        ["wysłałam przelew w czwartek, kiedy dojdzie?"],
    ],
)
def test_round18_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert _play(router, messages, {"lane_kind": "bot", "lane": "bot"}) == "as_expected", messages
