"""Round 17 story forms (handoff.signals.stories, issue 11 principle 1 part B): fraud told as a
story or as "not me" in the languages with a story table.

Every example was written fresh for this file by a non-native author; none is taken from a
routing set. The forms: "not me" told as "I didn't send / buy / make this" and "someone
withdrew / took my money"; a call from the bank or the police whose warning is the claim ("said
my account is at risk"), then a transfer or withdrawal; a relative impersonated on a messenger
("a message in my son's name", "it wasn't my daughter"); a job offer and card details given; a
message from the bank with a link, opened, details given. Calm messages that must stay calm: a
question about how to spot a scam, a relative's real new number, a job offer asked about, "I
haven't sent it yet" (how do I), a past incident told as sorted, a fee asked about.
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
    # "not me": I didn't send / buy / make this
    ("pl", "z konta zeszło 200 funtów, a ja nikomu nie przelewałam", "fraud_report"),
    ("pl", "jest płatność na 90 funtów, nic nie kupowałem w tym sklepie", "fraud_report"),
    ("ro", "văd o plată de 60 de lire, dar n-am cumpărat nimic de acolo", "fraud_report"),
    ("ro", "mi-au dispărut 300 de lire și nu am trimis nimănui bani", "fraud_report"),
    ("pt", "saíram 150 libras da conta e eu não enviei nada a ninguém", "fraud_report"),
    ("es", "me aparece un cargo de 70 libras y no he comprado nada", "fraud_report"),
    ("it", "mi mancano 120 sterline e non ho mandato soldi a nessuno", "fraud_report"),
    ("fr", "il y a un paiement de 45 livres, je n'ai rien acheté", "fraud_report"),
    ("de", "da sind 200 Pfund weg, ich habe nichts überwiesen", "fraud_report"),
    ("nl", "er is 80 pond weg en ik heb niets gekocht", "fraud_report"),
    ("ru", "со счёта ушло 400 фунтов, я никому не переводила", "fraud_report"),
    ("uk", "з картки пішло 90 фунтів, я нічого не купувала", "fraud_report"),
    ("bg", "има плащане от 50 паунда, на никого не съм превеждала", "fraud_report"),
    ("tr", "hesabımdan 100 sterlin çıkmış, kimseye para göndermedim", "fraud_report"),
    ("cs", "z účtu odešlo 60 liber a nic jsem nekoupila", "fraud_report"),
    ("sk", "z účtu odišlo 60 libier a nič som nekúpil", "fraud_report"),
    ("lt", "matau mokėjimą, bet aš niekam nepervedžiau pinigų", "fraud_report"),
    ("sq", "shoh një pagesë prej 40 paundësh, nuk kam blerë asgjë", "fraud_report"),
    ("fa", "۲۰۰ پوند از حسابم کم شده، من چیزی نخریدم", "fraud_report"),
    ("ar", "خرج مبلغ من حسابي وأنا لم أرسل لأحد", "fraud_report"),
    ("bn", "কার্ড থেকে ১০০ পাউন্ড কাটা হয়েছে, আমি কাউকে পাঠাইনি", "fraud_report"),
    ("gu", "ખાતામાંથી £90 ગયા, મેં કોઈને મોકલ્યા નથી", "fraud_report"),
    ("hi", "खाते से £80 कट गए, मैंने किसी को नहीं भेजे", "fraud_report"),
    ("ur", "اکاؤنٹ سے ۱۰۰ پاؤنڈ کم ہیں، میں نے کسی کو نہیں بھیجے", "fraud_report"),
    ("ur-Latn", "card se 90 pound kat gaye, maine kisi ko nahi bheja", "fraud_report"),
    ("pa", "ਖਾਤੇ ਵਿੱਚੋਂ £50 ਘੱਟ ਨੇ, ਮੈਂ ਕਿਸੇ ਨੂੰ ਨਹੀਂ ਭੇਜੇ", "fraud_report"),
    ("ta", "என் கணக்கில் இருந்து 60 பவுண்ட் குறைஞ்சிருக்கு, நான் அனுப்பவில்லை", "fraud_report"),
    ("zh", "卡里少了两百镑，不是我转的", "fraud_report"),
    ("vi", "tài khoản bị trừ 50 bảng, tôi không mua gì cả", "fraud_report"),
    ("so", "akoonkayga lacag ayaa ka baxday, waxba ma iibsan", "fraud_report"),
    # someone took / withdrew the money
    ("lt", "kažkas paėmė pinigus iš mano kortelės", "fraud_report"),
    ("ro", "cineva mi-a luat banii din cont și nu știu cine", "fraud_report"),
    ("pt", "alguém tirou dinheiro da minha conta esta noite", "fraud_report"),
    ("es", "alguien sacó dinero de mi cuenta anoche", "fraud_report"),
    ("tr", "biri hesabımdan para çekti", "fraud_report"),
    ("ru", "кто-то забрал деньги с моей карты", "fraud_report"),
    ("cs", "někdo mi vzal peníze z účtu", "fraud_report"),
    ("zh", "有人盗刷了我的卡", "fraud_report"),
    # a call from the bank or police whose warning is the claim, then the money moved
    ("pl", "dzwonili z banku, że moje środki są zagrożone", "posing"),
    ("ro", "m-au sunat de la bancă că contul meu este în pericol", "posing"),
    ("pt", "me ligaram do banco dizendo que a conta está em risco", "posing"),
    ("es", "me llamaron del banco, que mi cuenta estaba en riesgo", "posing"),
    ("it", "mi hanno chiamato dalla banca: il conto è a rischio", "posing"),
    ("fr", "on m'a appelé de la banque, mon compte était en danger", "posing"),
    ("de", "ein Anruf, angeblich von meiner Bank: mein Konto ist in Gefahr", "posing"),
    ("ru", "позвонили из банка, сказали, что счёт под угрозой", "posing"),
    ("uk", "зателефонували з банку, рахунок під загрозою", "posing"),
    ("bg", "обадиха ми се от банката, сметката ми е в опасност", "posing"),
    ("tr", "bankadan aradılar, hesabım tehlikede dediler", "posing"),
    ("cs", "volali mi z banky, že můj účet je ohrožen", "posing"),
    ("nl", "er belde iemand van de bank: mijn rekening was in gevaar", "posing"),
    ("ar", "اتصلوا بي من البنك وقالوا حسابي في خطر", "posing"),
    ("ur-Latn", "bank se call aayi, bola account khatre mein hai", "posing"),
    ("hi", "बैंक से फोन आया, बोला खाता खतरे में है", "posing"),
    ("pl", "dzwonił ktoś z policji i kazał wypłacić gotówkę", "scam"),
    ("bg", "обадиха ми се от полицията и ми казаха да изтегля парите", "scam"),
    ("ur-Latn", "ek aadmi bola woh police se hai, paise nikal ke do", "scam"),
    # a relative impersonated
    ("pl", "dostałam SMS w imieniu córki, prosiła o pieniądze", "scam"),
    ("pl", "okazało się, że to nie był mój syn", "posing"),
    ("ro", "mi-a scris cineva în numele fiului meu și i-am trimis banii", "posing"),
    ("pt", "alguém se passou por meu filho no WhatsApp e pediu dinheiro", "scam"),
    ("es", "alguien se hizo pasar por mi hija y le mandé 300 libras", "posing"),
    ("it", "ho mandato i soldi, ma non era mia figlia", "posing"),
    ("fr", "ce n'était pas mon fils, j'ai déjà envoyé l'argent", "posing"),
    ("de", "jemand gab sich als mein Sohn aus und bat um Geld", "scam"),
    ("nl", "een bericht namens mijn dochter, ze vroeg om geld", "scam"),
    ("ru", "написали от имени сына и попросили деньги", "scam"),
    ("uk", "це була не моя донька, а я вже переказала", "posing"),
    ("tr", "oğlum değilmiş, parayı gönderdim bile", "posing"),
    ("ar", "رسالة باسم ابني على واتساب وطلب مني فلوس", "scam"),
    ("hi", "बेटी के नाम से मैसेज आया, पैसे मांगे", "scam"),
    ("ur-Latn", "mere bete ke naam se message aaya, paise maange", "scam"),
    ("pa", "ਧੀ ਦੇ ਨਾਂ ਤੇ ਮੈਸਜ ਆਇਆ, ਪੈਸੇ ਮੰਗੇ", "scam"),
    ("zh", "有人冒充我儿子让我转钱", "scam"),
    # a job offer, card details given
    ("pl", "dostałem ofertę pracy przez Telegram, podałem dane karty", "scam"),
    ("ro", "o ofertă de muncă pe WhatsApp, am dat datele cardului", "scam"),
    ("pt", "uma oferta de emprego no Telegram, dei os dados do cartão", "scam"),
    ("es", "vi una oferta de trabajo y di los datos de la tarjeta", "scam"),
    ("ru", "писали про работу в Telegram, я дала данные карты", "scam"),
    ("uk", "пропозиція роботи в Viber, я дав дані картки", "scam"),
    ("bg", "предложение за работа в Телеграм, дадох данните на картата", "scam"),
    ("de", "ein Jobangebot auf WhatsApp, ich habe meine Kartendaten angegeben", "scam"),
    ("tr", "Telegram'da iş teklifi geldi, kart bilgilerimi verdim", "scam"),
    ("cs", "nabídka práce přes WhatsApp, zadala jsem údaje karty", "scam"),
    # a message from the bank, the link opened, details given
    ("pl", "SMS z banku, otworzyłam link i podałam dane karty", "scam"),
    ("ro", "mesaj de la bancă, am deschis linkul și am dat datele cardului", "scam"),
    ("pt", "mensagem do banco, abri o link e dei os dados do cartão", "scam"),
    ("ar", "جاتني رسالة من البنك فتحت الرابط وأعطيتهم بيانات البطاقة", "scam"),
    ("ru", "смс из банка, перешла по ссылке и ввела данные карты", "scam"),
    ("bg", "съобщение от банката, отворих линка и въведох данните", "scam"),
    (
        "fr",
        "un SMS de la banque, j'ai cliqué sur le lien et donné mes coordonnées bancaires",
        "scam",
    ),
    # the six new tables (Greek, Hungarian, Latvian, Tagalog, Welsh, Nepali)
    ("el", "μου τηλεφώνησε κάποιος δήθεν από την τράπεζα και έδωσα τον κωδικό", "scam"),
    ("el", "από την τράπεζα, είπαν, ο λογαριασμός μου κινδυνεύει", "posing"),
    ("el", "λείπουν λεφτά από την κάρτα, δεν αγόρασα τίποτα", "fraud_report"),
    ("el", "πλήρωσα προκαταβολή και ο ιδιοκτήτης δεν απαντά", "scam"),
    ("el", "ήρθε μήνυμα στο όνομα του γιου μου, ζήτησε λεφτά", "scam"),
    ("hu", "egy férfi állítólag a bankból hívott, és megadtam a kódot", "scam"),
    ("hu", "valaki leemelt pénzt a számlámról, nem én voltam", "fraud_report"),
    ("hu", "nem vásároltam semmit, mégis van egy terhelés", "fraud_report"),
    ("hu", "a lányom nevében írt valaki, és pénzt kért", "scam"),
    ("hu", "állásajánlat jött, és megadtam a kártyaadataimat", "scam"),
    ("lv", "zvanīja it kā no bankas, un es iedevu kodu", "scam"),
    ("lv", "kāds noņēma naudu no mana konta, tas nebiju es", "fraud_report"),
    ("lv", "no bankas teica, ka konts ir apdraudēts", "posing"),
    ("lv", "samaksāju avansu, un pārdevējs neatbild", "scam"),
    ("tl", "tumawag daw taga bangko, binigay ko ang otp", "scam"),
    ("tl", "may kumuha ng pera sa account ko, hindi ako yun", "fraud_report"),
    ("tl", "wala akong binili pero may bawas sa card ko", "fraud_report"),
    ("tl", "nagpadala ako sa pangalan ng anak ko, hindi pala anak ko", "scam"),
    ("cy", "ffoniodd dyn yn honni ei fod o'r banc a rhoddais y cod iddo", "scam"),
    ("cy", "mae rhywun wedi tynnu arian o fy nghyfrif, nid fi oedd", "fraud_report"),
    ("cy", "wnes i ddim prynu dim byd, ond mae taliad ar y cyfrif", "fraud_report"),
    ("cy", "talais flaendal ac mae'r gwerthwr wedi diflannu", "scam"),
    ("ne", "बैंकबाट फोन आयो, खाता खतरामा छ भन्यो", "posing"),
    ("ne", "कसैले मेरो कार्डबाट पैसा निकालेछ", "fraud_report"),
    ("ne", "खाताबाट पैसा गयो, मैले कसैलाई पठाएको छैन", "fraud_report"),
    ("ne", "छोरीको नाममा मेसेज आयो, पैसा मागे", "scam"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), MUST)
def test_round17_story_is_recognised(lang: str, text: str, kind: str) -> None:
    assert kind in _kinds(text), (lang, text, story_cues(text))


MUST_NOT = [
    # how to spot a scam
    ("pl", "jak rozpoznać, że ktoś podszywa się pod mojego syna?"),
    ("ro", "cum recunosc un mesaj fals în numele băncii?"),
    ("ru", "как распознать, если звонят из банка и говорят, что счёт под угрозой?"),
    ("es", "¿qué hacer si alguien se hace pasar por mi hijo?"),
    ("bg", "как да разпозная измама с предложение за работа?"),
    # a relative's real new number
    ("pl", "córka ma nowy numer, to naprawdę ona, jak zmienić dane?"),
    ("pt", "meu filho mudou de número, é ele mesmo"),
    ("de", "meine Tochter hat eine neue Nummer, wie ändere ich die Kontaktdaten?"),
    # a job offer asked about
    ("pl", "dostałam ofertę pracy na Telegramie, czy to bezpieczne?"),
    ("ru", "мне предлагают вакансию в Telegram, это нормально?"),
    ("uk", "мені написали про роботу, це шахрайство?"),
    ("es", "tengo una oferta de trabajo, ¿cómo les doy mi cuenta para el sueldo?"),
    # "I haven't sent it yet" (how to)
    ("pl", "jeszcze nic nie wysłałem, jak zrobić przelew?"),
    ("ru", "я ещё не переводил, как отправить деньги сыну?"),
    ("bn", "আমি এখনও পাঠাইনি, কীভাবে পাঠাব?"),
    ("vi", "tôi không chuyển được tiền cho con trai tôi"),
    ("zh", "我没转成功，怎么办"),
    # a past incident told as sorted
    ("ro", "anul trecut cineva mi-a luat banii de pe card, dar mi i-au returnat"),
    ("pt", "uma vez alguém tirou dinheiro da minha conta, já foi resolvido"),
    # fees and routine
    ("pl", "czy ktoś mi wyjaśni, dlaczego pobrali opłatę z konta?"),
    ("it", "qualcuno mi può dire perché mi hanno addebitato sul conto 5 sterline?"),
    ("fr", "quelqu'un peut m'expliquer ce prélèvement de 3 livres sur mon compte?"),
    ("bg", "някой може ли да ми каже защо взеха такса от сметката?"),
    ("tr", "biri hesabımdan neden kesinti yapıldığını söyleyebilir mi?"),
    ("zh", "有人知道为什么被扣钱吗"),
    ("de", "ich habe einen neuen Nebenjob und habe Geld auf mein Sparkonto überwiesen"),
    ("ar", "هل يوجد خصم على حسابي؟"),
    ("nl", "iemand van de bank belde over mijn hypotheek, klopt dat?"),
    ("ro", "fiul meu mi-a trimis numărul lui nou, e chiar el"),
    # the six new tables, calm
    ("el", "πώς να καταλάβω αν κάποιος δήθεν από την τράπεζα με παίρνει τηλέφωνο;"),
    ("el", "ο φίλος μου λέει ότι κάποιος έβγαλε λεφτά από την κάρτα του"),
    ("el", "θέλω να αλλάξω τον κωδικό της κάρτας μου"),
    ("hu", "hogyan ismerem fel, ha valaki állítólag a bankból hív?"),
    ("hu", "a barátom mondta, hogy valaki leemelt pénzt a számlájáról"),
    ("hu", "kaptam egy állásajánlatot, hogyan adjam meg a számlaszámom a fizetéshez?"),
    ("lv", "kā atpazīt, ja kāds it kā no bankas zvana?"),
    ("lv", "mana meita nomainīja numuru, vai varu mainīt kontaktus?"),
    ("tl", "paano malalaman kung taga bangko talaga ang tumawag?"),
    ("tl", "hindi pa ako nagpadala, paano mag-transfer sa anak ko?"),
    ("cy", "sut i adnabod rhywun sy'n honni ei fod o'r banc?"),
    ("cy", "mae fy merch wedi cael rhif newydd, sut ydw i'n newid y manylion?"),
    ("ne", "ठगी कसरी चिन्ने? बैंकबाट फोन आयो भने के गर्ने?"),
    ("ne", "मेरो साथीको खाताबाट कसैले पैसा निकालेछ"),
    ("hi", "मैंने बेटी को पैसे भेजे, वो विदेश में पढ़ती है"),
]


@pytest.mark.parametrize(("lang", "text"), MUST_NOT)
def test_round17_calm_message_gives_no_fraud_story(lang: str, text: str) -> None:
    assert not (_kinds(text) & _FRAUD), (lang, text, story_cues(text))


@pytest.mark.parametrize(
    "messages",
    [
        # the warning first, then the money moved: posing, then a step
        ["zadzwonił ktoś z banku, że konto jest zagrożone", "przelałem wszystko na nowe konto"],
        ["обадиха ми се от банката, сметката ми е в опасност", "преведох 800 паунда"],
        ["позвонили из банка, сказали, что счёт под угрозой", "я перевела деньги"],
    ],
)
def test_round17_warning_then_step(messages: list[str]) -> None:
    seen: set[str] = set()
    for text in messages:
        seen |= _kinds(text)
    cues = [story_cues(m) for m in messages]
    assert "posing" in seen, cues
    assert "scam_step" in _kinds(messages[-1]), cues


def test_round17_forms_keep_english_alone() -> None:
    for text in (
        "I got a job offer on Telegram, is it legit?",
        "my son has a new number, it's really him",
        "the bank said my account is at risk, is that you?",
        "I didn't send it yet, how do I send money abroad?",
        "can someone explain this fee on my account",
        "the link in your email doesn't open",
    ):
        assert story_cues(text) == [], text


# ------------------------------------------------------------------ through the rules

_NOW = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _play(router: Router, messages: list[str], expect: dict[str, Any]) -> str:
    """The outcome of ``messages`` with an NLU that reads every one as out of scope."""
    parsed = [(text, "out_of_scope", 0.5) for text in messages]
    return play_parsed(router, parsed, _NOW, "r17-story", expect).outcome


@pytest.mark.parametrize(
    ("messages", "by_turn"),
    [
        (["dzwonili z banku, że moje środki są zagrożone", "przelałam wszystko"], 2),
        (["me llamaron del banco: mi cuenta estaba en riesgo", "luego saqué el dinero"], 2),
        (["alguém se passou por meu filho no WhatsApp e pediu dinheiro"], 1),
        (["Kažkas paėmė pinigus iš mano sąskaitos", "alio?"], 1),
        (["пропозиція роботи в Viber, я дав дані картки"], 1),
        (["valaki leemelt pénzt a számlámról, nem én voltam"], 1),
    ],
)
def test_round17_story_goes_to_fraud(router: Router, messages: list[str], by_turn: int) -> None:
    expect = {"lane_kind": "specialist", "lane": "fraud", "by_turn": by_turn}
    assert _play(router, messages, expect) == "as_expected", messages


@pytest.mark.parametrize(
    "messages",
    [
        ["dostałam ofertę pracy na Telegramie, czy to bezpieczne?", "dzięki"],
        ["meu filho mudou de número, é ele mesmo", "obrigado"],
        ["jeszcze nic nie wysłałem, jak zrobić przelew?"],
        ["qualcuno mi può dire perché mi hanno addebitato sul conto 5 sterline?"],
    ],
)
def test_round17_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert _play(router, messages, {"lane_kind": "bot", "lane": "bot"}) == "as_expected", messages
