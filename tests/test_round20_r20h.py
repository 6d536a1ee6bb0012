"""Round 20, helper r20h: a CONCEPT MATRIX of frustration, hardship and requests (principle 1,
cues side). For each concept English reads (attempts counted, time counted, the stakes,
futility, helplessness, economic abuse, an explicit request for a person, polite and curt),
one fresh English sentence must fire the concept's kind and a calm one must not; then the
same sentence translated into each language table, with a calm sentence per language on the
same topic ("how many days does a transfer take?", "can I pay rent by standing order?", a
call the bank made, reported: no request).

Every sentence here was written fresh for this test from the concept (NON-NATIVE author, see
routing_languages' review status), not taken from any evaluation set. A cell listed in
_GAPS is a translation the tables do not read yet: it is expected to fail (xfail, not
strict), so that filling it shows as XPASS and the matrix fill can be counted."""

from __future__ import annotations

import pytest

import tests.test_round21_r21lb as r21lb
from handoff.signals.routing_languages import LANGUAGES
from tests.conftest import cue_kinds

ATTEMPTS = "attempts"
TIME = "time"
STAKES = "stakes"
FUTILITY = "futility"
HELPLESS = "helpless"
ABUSE = "abuse"
POLITE = "request_polite"
CURT = "request_curt"

# concept -> the kinds that read it (English's kind first; the other languages read a time
# counted as repeated asking, as round 17's "the third day", and futility as no_help)
KINDS: dict[str, frozenset[str]] = {
    ATTEMPTS: frozenset({"repeated_asking"}),
    TIME: frozenset({"repeated_asking", "stated_wait", "long_wait"}),
    STAKES: frozenset({"deadline", "vulnerability"}),
    FUTILITY: frozenset({"insult", "no_help"}),
    HELPLESS: frozenset({"what_now"}),
    ABUSE: frozenset({"vulnerability"}),
    POLITE: frozenset({"human_demand"}),
    CURT: frozenset({"human_demand"}),
}
# the kinds a calm sentence must not show (a request concept: no request)
CALM_NOT: dict[str, frozenset[str]] = {
    concept: kinds | {"no_help", "repeated_asking", "deadline", "what_now"}
    if concept not in (POLITE, CURT)
    else kinds
    for concept, kinds in KINDS.items()
}

# concept -> language -> (must match, must not match); "en" is the English source.
MATRIX: dict[str, dict[str, tuple[str, str]]] = {
    ATTEMPTS: {
        "en": (
            "I tried four times and it keeps failing",
            "can I try my PIN again tomorrow?",
        ),
        "pl": (
            "próbowałam cztery razy i dalej nie działa",
            "ile razy mogę wpisać PIN zanim się zablokuje?",
        ),
        "ro": (
            "am încercat de patru ori și tot nu merge",
            "de câte ori pot introduce PIN-ul până se blochează?",
        ),
        "ur": (
            "میں نے چار بار کوشش کی پھر بھی نہیں ہو رہا",
            "پن کتنی بار ڈال سکتے ہیں؟",
        ),
        "hi": (
            "maine 4 baar try kiya phir bhi nahi ho raha",
            "PIN kitni baar daal sakte hain?",
        ),
        "pt": (
            "já tentei quatro vezes e continua sem funcionar",
            "quantas vezes posso tentar o PIN antes de bloquear?",
        ),
        "es": (
            "lo intenté cuatro veces y sigue sin funcionar",
            "¿cuántas veces puedo intentar el PIN antes de que se bloquee?",
        ),
        "ar": (
            "حاولت أربع مرات وما زال لا يعمل",
            "كم مرة يمكنني إدخال الرقم السري قبل أن يقفل؟",
        ),
        "it": (
            "ho provato quattro volte e ancora non funziona",
            "quante volte posso provare il PIN prima del blocco?",
        ),
        "fr": (
            "j'ai essayé quatre fois et ça ne marche toujours pas",
            "combien de fois puis-je essayer le code avant le blocage ?",
        ),
        "de": (
            "ich habe es viermal versucht und es geht immer noch nicht",
            "wie oft kann ich die PIN eingeben, bevor sie gesperrt wird?",
        ),
        "tr": ("dört kez denedim hâlâ olmuyor", "şifreyi kaç kez deneyebilirim?"),
        "ru": (
            "я пробовала четыре раза и всё равно не работает",
            "сколько раз можно ввести ПИН до блокировки?",
        ),
        "zh": ("我试了四次还是不行", "密码可以试几次？"),
        "uk": ("я пробувала чотири рази і все одно не працює", "скільки разів можна ввести ПІН?"),
        "nl": (
            "ik heb het vier keer geprobeerd en het werkt nog steeds niet",
            "hoe vaak mag ik mijn pincode proberen?",
        ),
        "cs": ("zkoušela jsem to čtyřikrát a pořád to nejde", "kolikrát můžu zadat PIN?"),
    },
    TIME: {
        "en": (
            "my money has not come for three days",
            "how many days does a transfer take?",
        ),
        "pl": ("pieniądze nie doszły od trzech dni", "ile dni trwa przelew?"),
        "ro": ("banii nu au venit de trei zile", "câte zile durează un transfer?"),
        "ur": ("تین دن سے پیسے نہیں آئے", "ٹرانسفر میں کتنے دن لگتے ہیں؟"),
        "hi": ("do din se paise nahi aaye", "transfer mein kitne din lagte hain?"),
        "pt": (
            "faz três dias que o dinheiro não chega",
            "quantos dias demora uma transferência?",
        ),
        "es": (
            "llevo tres días sin recibir el dinero",
            "¿cuántos días tarda una transferencia?",
        ),
        "ar": ("منذ ثلاثة أيام لم يصل المال", "كم يوما يستغرق التحويل؟"),
        "it": ("da tre giorni i soldi non arrivano", "quanti giorni ci vogliono per un bonifico?"),
        "fr": (
            "ça fait trois jours que l'argent n'est pas arrivé",
            "combien de jours prend un virement ?",
        ),
        "de": ("seit drei Tagen ist das Geld nicht da", "wie viele Tage dauert eine Überweisung?"),
        "tr": ("üç gündür para gelmedi", "havale kaç gün sürer?"),
        "ru": ("деньги не пришли уже три дня", "сколько дней идёт перевод?"),
        "zh": ("钱三天了还没到", "转账需要几天？"),
        "uk": ("гроші не прийшли вже три дні", "скільки днів іде переказ?"),
        "nl": ("al drie dagen is het geld niet binnen", "hoeveel dagen duurt een overschrijving?"),
        "cs": ("už tři dny mi nepřišly peníze", "kolik dní trvá převod?"),
    },
    STAKES: {
        "en": (
            "the school fees are due tomorrow and I have nothing",
            "can I pay rent by standing order?",
        ),
        "pl": (
            "jutro muszę zapłacić czynsz, a nie mam z czego",
            "czy mogę płacić czynsz zleceniem stałym?",
        ),
        "ro": (
            "mâine trebuie să plătesc chiria și nu am bani",
            "pot plăti chiria prin ordin de plată recurent?",
        ),
        "ur": (
            "کل اسکول کی فیس دینی ہے اور پیسے نہیں ہیں",
            "کیا میں کرایہ اسٹینڈنگ آرڈر سے دے سکتا ہوں؟",
        ),
        "hi": (
            "kal school ki fees deni hai aur paise nahi hain",
            "kya main kiraya standing order se de sakta hoon?",
        ),
        "pt": (
            "amanhã tenho que pagar a renda e não tenho dinheiro",
            "posso pagar a renda por débito direto?",
        ),
        "es": (
            "mañana tengo que pagar el alquiler y no tengo dinero",
            "¿puedo pagar el alquiler con una orden permanente?",
        ),
        "ar": (
            "يجب أن أدفع الإيجار غدا وليس عندي مال",
            "هل يمكنني دفع الإيجار بأمر دفع دائم؟",
        ),
        "it": (
            "domani devo pagare l'affitto e non ho soldi",
            "posso pagare l'affitto con un bonifico periodico?",
        ),
        "fr": (
            "je dois payer le loyer demain et je n'ai rien",
            "puis-je payer le loyer par virement permanent ?",
        ),
        "de": (
            "ich muss morgen die Miete zahlen und habe kein Geld",
            "kann ich die Miete per Dauerauftrag zahlen?",
        ),
        "tr": (
            "yarın kirayı ödemem lazım ve hiç param yok",
            "kirayı otomatik ödeme talimatıyla ödeyebilir miyim?",
        ),
        "ru": (
            "завтра надо платить за квартиру, а денег нет",
            "можно платить за квартиру автоплатежом?",
        ),
        "zh": ("明天要交房租，我一分钱都没有", "房租可以设置自动转账吗？"),
        "uk": (
            "завтра треба платити за квартиру, а грошей немає",
            "чи можна платити за квартиру автоплатежем?",
        ),
        "nl": (
            "ik moet morgen de huur betalen en ik heb niks",
            "kan ik de huur met een periodieke overboeking betalen?",
        ),
        "cs": ("zítra musím zaplatit nájem a nemám z čeho", "můžu platit nájem trvalým příkazem?"),
    },
    FUTILITY: {
        "en": ("this is pointless", "is it worth opening a savings account?"),
        "pl": ("to wszystko nie ma sensu", "czy warto otworzyć konto oszczędnościowe?"),
        "ro": ("degeaba, tot nu merge", "merită să deschid un cont de economii?"),
        "ur": ("کوئی فائدہ نہیں، کچھ نہیں ہو رہا", "کیا بچت اکاؤنٹ کا فائدہ ہے؟"),
        "hi": ("koi fayda nahi, kuch nahi ho raha", "savings account ka kya fayda hai?"),
        "pt": ("não adianta nada", "vale a pena abrir uma conta poupança?"),
        "es": ("no sirve de nada", "¿vale la pena abrir una cuenta de ahorro?"),
        "ar": ("لا فائدة من هذا", "ما فائدة حساب التوفير؟"),
        "it": ("è inutile, non serve a niente", "a cosa serve questo campo?"),
        "fr": ("ça ne sert à rien", "à quoi sert ce champ ?"),
        "de": ("das ist sinnlos", "lohnt sich ein Sparkonto?"),
        "tr": ("hiçbir işe yaramıyor", "bu kart yurt dışında işe yarar mı?"),
        "ru": ("это бесполезно", "стоит ли открыть сберегательный счёт?"),
        "zh": ("根本没用", "这个功能有什么用？"),
        "uk": ("це марно", "чи варто відкривати ощадний рахунок?"),
        "nl": ("het heeft geen zin", "heeft een spaarrekening zin?"),
        "cs": ("je to zbytečné", "vyplatí se spořicí účet?"),
    },
    HELPLESS: {
        "en": ("what am I supposed to do now?", "what do I need to open an account?"),
        "pl": ("i co ja mam teraz zrobić?", "co muszę zrobić, żeby otworzyć konto?"),
        "ro": ("și acum ce fac?", "ce trebuie să fac ca să deschid un cont?"),
        "ur": ("اب میں کیا کروں؟", "اکاؤنٹ کھولنے کے لیے کیا کرنا ہوگا؟"),
        "hi": ("ab main kya karoon?", "account kholne ke liye kya karna hoga?"),
        "pt": ("e agora, o que eu faço?", "o que preciso fazer para abrir uma conta?"),
        "es": ("¿y ahora qué hago?", "¿qué hago para abrir una cuenta?"),
        "ar": ("ماذا أفعل الآن؟", "ماذا أفعل لفتح حساب؟"),
        "it": ("e adesso cosa dovrei fare?", "cosa devo fare per aprire un conto?"),
        "fr": ("et maintenant je fais quoi ?", "que dois-je faire pour ouvrir un compte ?"),
        "de": ("was soll ich jetzt machen?", "was muss ich tun, um ein Konto zu eröffnen?"),
        "tr": ("şimdi ne yapacağım?", "hesap açmak için ne yapmam gerekiyor?"),
        "ru": ("и что мне теперь делать?", "что нужно сделать, чтобы открыть счёт?"),
        "zh": ("那我现在怎么办？", "开户需要准备什么？"),
        "uk": ("і що мені тепер робити?", "що треба зробити, щоб відкрити рахунок?"),
        "nl": ("wat moet ik nu doen?", "wat moet ik doen om een rekening te openen?"),
        "cs": ("a co mám teď dělat?", "co musím udělat, abych si otevřel účet?"),
    },
    ABUSE: {
        "en": (
            "my husband takes my whole salary and threatens me",
            "my husband and I want a joint account for our salaries",
        ),
        "pl": (
            "mąż zabiera mi całą pensję i mi grozi",
            "mąż i ja chcemy wspólne konto na nasze pensje",
        ),
        "ro": (
            "soțul îmi ia tot salariul și mă amenință",
            "eu și soțul meu vrem un cont comun pentru salarii",
        ),
        "ur": (
            "میرا شوہر میری ساری تنخواہ لے لیتا ہے اور دھمکیاں دیتا ہے",
            "میں اور میرا شوہر تنخواہ کے لیے مشترکہ اکاؤنٹ چاہتے ہیں",
        ),
        "hi": (
            "mera pati meri puri salary le leta hai aur dhamki deta hai",
            "main aur mera pati salary ke liye joint account chahte hain",
        ),
        "pt": (
            "o meu marido fica com o meu salário todo e me ameaça",
            "eu e o meu marido queremos uma conta conjunta para os salários",
        ),
        "es": (
            "mi marido me quita todo el sueldo y me amenaza",
            "mi marido y yo queremos una cuenta conjunta para los sueldos",
        ),
        "ar": ("زوجي يأخذ كل راتبي ويهددني", "أنا وزوجي نريد حسابا مشتركا لرواتبنا"),
        "it": (
            "mio marito mi prende tutto lo stipendio e mi minaccia",
            "io e mio marito vogliamo un conto cointestato per gli stipendi",
        ),
        "fr": (
            "mon mari me prend tout mon salaire et me menace",
            "mon mari et moi voulons un compte joint pour nos salaires",
        ),
        "de": (
            "mein Mann nimmt mir mein ganzes Gehalt weg und droht mir",
            "mein Mann und ich möchten ein Gemeinschaftskonto für unsere Gehälter",
        ),
        "tr": (
            "kocam bütün maaşımı alıyor ve beni tehdit ediyor",
            "kocam ve ben maaşlarımız için ortak hesap istiyoruz",
        ),
        "ru": (
            "муж забирает всю мою зарплату и угрожает мне",
            "мы с мужем хотим общий счёт для зарплаты",
        ),
        "zh": ("我丈夫拿走我全部工资还威胁我", "我和丈夫想开一个联名账户存工资"),
        "uk": (
            "чоловік забирає всю мою зарплату і погрожує мені",
            "ми з чоловіком хочемо спільний рахунок для зарплати",
        ),
        "nl": (
            "mijn man pakt mijn hele salaris af en bedreigt me",
            "mijn man en ik willen een gezamenlijke rekening voor onze salarissen",
        ),
        "cs": (
            "manžel mi bere celou výplatu a vyhrožuje mi",
            "s manželem chceme společný účet na výplaty",
        ),
    },
    POLITE: {
        "en": (
            "could I speak to a person please?",
            "the bank called me yesterday about my card, was it you?",
        ),
        "pl": (
            "czy mogłabym porozmawiać z konsultantem?",
            "bank dzwonił do mnie wczoraj w sprawie karty, to wy?",
        ),
        "ro": (
            "aș putea vorbi cu o persoană, vă rog?",
            "banca m-a sunat ieri despre card, ați fost voi?",
        ),
        "ur": (
            "کیا میں کسی نمائندے سے بات کر سکتا ہوں؟",
            "کل بینک نے مجھے کارڈ کے بارے میں فون کیا تھا، کیا وہ آپ تھے؟",
        ),
        "hi": (
            "kya main kisi insaan se baat kar sakta hoon?",
            "kal bank ne mujhe card ke baare mein call kiya tha, kya wo aap the?",
        ),
        "pt": (
            "poderia falar com uma pessoa, por favor?",
            "o banco me ligou ontem sobre o cartão, foram vocês?",
        ),
        "es": (
            "¿podría hablar con una persona, por favor?",
            "el banco me llamó ayer por la tarjeta, ¿fueron ustedes?",
        ),
        "ar": (
            "هل يمكنني التحدث مع موظف من فضلك؟",
            "البنك اتصل بي أمس بخصوص البطاقة، هل كنتم أنتم؟",
        ),
        "it": (
            "potrei parlare con una persona, per favore?",
            "la banca mi ha chiamato ieri per la carta, eravate voi?",
        ),
        "fr": (
            "pourrais-je parler à quelqu'un, s'il vous plaît ?",
            "la banque m'a appelé hier pour ma carte, c'était vous ?",
        ),
        "de": (
            "könnte ich bitte mit einem Menschen sprechen?",
            "die Bank hat mich gestern wegen der Karte angerufen, waren Sie das?",
        ),
        "tr": (
            "bir insanla konuşabilir miyim lütfen?",
            "banka dün kartım için beni aradı, siz miydiniz?",
        ),
        "ru": (
            "можно поговорить с человеком, пожалуйста?",
            "мне вчера звонили из банка насчёт карты, это были вы?",
        ),
        "zh": ("可以帮我转人工吗？", "银行昨天给我打电话说我的卡有问题，是你们吗？"),
        "uk": (
            "чи можна поговорити з людиною, будь ласка?",
            "мені вчора дзвонили з банку щодо картки, це були ви?",
        ),
        "nl": (
            "zou ik met een medewerker kunnen spreken?",
            "de bank heeft me gisteren gebeld over mijn kaart, was u dat?",
        ),
        "cs": (
            "mohla bych mluvit s člověkem, prosím?",
            "včera mi volali z banky kvůli kartě, byli jste to vy?",
        ),
    },
    CURT: {
        "en": ("get me a human", "did a person from the bank call me yesterday?"),
        "pl": ("dajcie mi człowieka", "czy ktoś z banku dzwonił do mnie wczoraj?"),
        "ro": ("dați-mi un om", "m-a sunat cineva de la bancă ieri?"),
        "ur": ("کسی انسان سے بات کراؤ", "کیا کل بینک سے کسی نے فون کیا تھا؟"),
        "hi": ("insaan se baat karao", "kya kal bank se kisi ne call kiya tha?"),
        "pt": ("quero um atendente já", "alguém do banco me ligou ontem?"),
        "es": ("pásame con una persona ya", "¿alguien del banco me llamó ayer?"),
        "ar": ("أريد موظفا الآن", "هل اتصل بي أحد من البنك أمس؟"),
        "it": ("passatemi un operatore", "qualcuno della banca mi ha chiamato ieri?"),
        "fr": ("passez-moi un conseiller", "quelqu'un de la banque m'a appelé hier ?"),
        "de": (
            "geben Sie mir einen Mitarbeiter",
            "hat mich gestern jemand von der Bank angerufen?",
        ),
        "tr": ("bana bir temsilci bağla", "dün bankadan biri beni aradı mı?"),
        "ru": ("дайте мне оператора", "мне вчера кто-то звонил из банка?"),
        "zh": ("转人工", "昨天银行有人给我打电话了吗？"),
        "uk": ("дайте мені оператора", "мені вчора хтось дзвонив з банку?"),
        "nl": ("geef me een medewerker", "heeft iemand van de bank me gisteren gebeld?"),
        "cs": ("dejte mi operátora", "volal mi včera někdo z banky?"),
    },
}

# (concept, language) cells the tables do not read yet (see the module docstring).
_GAPS: frozenset[tuple[str, str]] = frozenset()


def _cells() -> list[tuple[str, str]]:
    return [(concept, code) for concept, row in MATRIX.items() for code in row]


def _param(concept: str, code: str) -> object:
    marks = [pytest.mark.xfail(reason="not filled yet")] if (concept, code) in _GAPS else []
    return pytest.param(concept, code, marks=marks, id=f"{concept}-{code}")


def test_every_language_of_the_matrix_has_a_table() -> None:
    codes = {language.code for language in LANGUAGES}
    for row in MATRIX.values():
        assert set(row) - {"en"} <= codes


@pytest.mark.parametrize(("concept", "code"), [_param(c, k) for c, k in _cells()])
def test_the_concept_is_read(concept: str, code: str) -> None:
    text = MATRIX[concept][code][0]
    assert cue_kinds(text) & KINDS[concept], text


@pytest.mark.parametrize(
    ("concept", "code"),
    [pytest.param(c, k, id=f"{c}-{k}") for c, k in _cells()],
)
def test_the_calm_sentence_is_not_read(concept: str, code: str) -> None:
    text = MATRIX[concept][code][1]
    assert not cue_kinds(text) & CALM_NOT[concept], (text, cue_kinds(text))


# The slots beyond the matrix's one sentence: another verb or object in the attempts slot,
# places counted, a bill that cannot be paid, the Chinese call-me request in its request
# forms; and calm sentences with a range, working days or "more than" after the count.
EXTRA_READ = [
    (ATTEMPTS, "am reinstalat aplicația de 3 ori și degeaba"),
    (ATTEMPTS, "fui a tres supermercados y no pasó la tarjeta"),
    (ATTEMPTS, "dzwoniłem pięć razy do was"),
    (TIME, "od pięciu dni czekam na przelew"),
    (TIME, "pesa paanch din se atka hua hai"),
    (STAKES, "nu am cu ce plăti facturile luna asta"),
    (STAKES, "wypłata nie doszła i nie mam na rachunki"),
    (FUTILITY, "e degeaba să vă mai scriu"),
    (POLITE, "请给我打电话，我的卡被盗了"),
    (ABUSE, "kocam bütün paramı alıyor"),
]
EXTRA_CALM = [
    (TIME, "ile trwa przelew, od 2 do 3 dni?"),
    (TIME, "czas realizacji to od 2 dni roboczych?"),
    (TIME, "التحويل يستغرق من ثلاثة أيام إلى خمسة؟"),
    (TIME, "کیا تین دن سے زیادہ لگتا ہے؟"),
    (TIME, "¿tarda dos días hábiles?"),
    (ATTEMPTS, "pot retrage bani de 3 ori pe lună?"),
    (ATTEMPTS, "¿se puede sacar dinero en tres cajeros distintos?"),
    (STAKES, "ile odkładać miesięcznie na czynsz?"),
    (POLITE, "有人冒充银行给我打电话，我该怎么举报？"),
]


@pytest.mark.parametrize(("concept", "text"), EXTRA_READ)
def test_another_word_in_the_slot_is_read(concept: str, text: str) -> None:
    assert cue_kinds(text) & KINDS[concept], text


@pytest.mark.parametrize(("concept", "text"), EXTRA_CALM)
def test_a_range_or_a_reported_call_is_not_read(concept: str, text: str) -> None:
    assert not cue_kinds(text) & CALM_NOT[concept], (text, cue_kinds(text))


def test_every_language_table_is_listed_with_its_matrix_fill() -> None:
    """The matrix covers the languages named in MATRIX; the others are listed here as not yet
    translated, so that a new table or a new translation changes this list on purpose."""
    covered = set(MATRIX[ATTEMPTS]) - {"en"}
    assert all(set(row) - {"en"} == covered for row in MATRIX.values())
    # round 21 (r21lb): the tables translated since, with their cells in their own test file
    covered |= set(r21lb.R21LB_MATRIX[ATTEMPTS])
    untranslated = {language.code for language in LANGUAGES} - covered
    assert untranslated == UNTRANSLATED


# round 21 (r21lb): bn, pa, fa, vi, tl translated (tests/test_round21_r21lb.py)
UNTRANSLATED = frozenset(
    {"gu", "cy", "lt", "ta", "so", "bg", "ps", "ckb", "kmr", "sq", "ti"}
    | {"am", "el", "hu", "lv", "sk", "ml", "ne", "yo", "si", "pcm", "ak", "yue"}
    # round 22 (r22la): the new Danish, Norwegian and Swedish tables, with their own concept
    # matrix in tests/test_round22_r22la.py, not yet in this frustration and request matrix
    | {"da", "nb", "sv"}
)
