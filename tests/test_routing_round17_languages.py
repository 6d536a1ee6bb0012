"""Routing cues of round 17 in the languages with a table (the thirteenth held-out set's
diagnosis, principle 1, part A): "is anyone there?", a request with a role noun inside,
"I asked / I'm asking when", attempts and days counted, what the money is needed for now
(the deadline kind, as English's), no money for food and a relative killed, told as
circumstance; and, for each, calm messages about the same topic that must stay no cue.

The sentences were written fresh from how people write in support chats (NON-NATIVE author,
see the module's review status), not taken from any evaluation set."""

from __future__ import annotations

import pytest

from handoff.signals.routing_languages import DEADLINE, LANGUAGE_ONLY_KINDS, LANGUAGES
from tests.conftest import cue_kinds

HUMAN = "human_demand"
REPEATED = "repeated_asking"
STILL_NOT = "still_not"
VULNERABLE = "vulnerability"


def test_deadline_is_a_language_kind_weighted_as_english() -> None:
    assert LANGUAGE_ONLY_KINDS[DEADLINE] == (0.0, True)
    with_deadline = {language.code for language in LANGUAGES if language.cues.get(DEADLINE)}
    assert {"pl", "ro", "pt", "es", "it", "fr", "de", "uk", "ru", "tr", "ur", "hi"} <= with_deadline


# ---------------------------------------------------------------- is anyone there?

ANYONE_THERE = [
    ("pl", "halo, czy ktoś mnie słyszy?"),
    ("pl", "jest tu ktoś???"),
    ("ro", "buna ziua, e cineva acolo?"),
    ("ro", "mă aude cineva?"),
    ("pt", "olá? está alguém aí?"),
    ("pt", "alguem me ouve??"),
    ("es", "hola, ¿hay alguien ahí?"),
    ("es", "alguien me oye?"),
    ("it", "pronto? c'è qualcuno?"),
    ("it", "c'è nessuno??"),
    ("fr", "allô, il y a quelqu'un ?"),
    ("fr", "quelqu'un est là ?"),
    ("de", "hallo, ist da jemand?"),
    ("de", "ist jemand da???"),
    ("nl", "hallo is er iemand?"),
    ("uk", "є тут хтось? тут є хтось?"),
    ("uk", "хтось мене чує?"),
    ("ru", "алло, есть кто-нибудь?"),
    ("bg", "ало, има ли някой?"),
    ("lt", "ar kas nors yra?"),
    ("tr", "alo, kimse var mı?"),
    ("ur", "hello? koi hai?"),
    ("ur", "کوئی ہے؟"),
    ("hi", "कोई है?"),
    ("pa", "ਕੋਈ ਹੈ?"),
    ("bn", "কেউ আছেন?"),
    ("gu", "કોઈ છે?"),
    ("ar", "هل يوجد أحد؟"),
    ("cs", "haló, je tam někdo?"),
    ("sk", "je tu niekto?"),
    ("hu", "van ott valaki?"),
    ("el", "είναι κανείς εκεί;"),
    ("vi", "có ai ở đó không?"),
    ("tl", "may tao po ba diyan?"),
    ("pcm", "abeg anybody dey there?"),
    ("zh", "你好，有人在吗？"),
    ("fa", "سلام، کسی هست؟"),
    ("cy", "helo, oes rhywun yna?"),
    ("lv", "vai kāds ir?"),
    ("sq", "a ka njeri këtu?"),
    ("ta", "hello, yaaravathu irukkingala?"),
    ("ml", "aarenkilum undo?"),
    ("ne", "कोही हुनुहुन्छ?"),
    ("ak", "hello, obi wɔ hɔ anaa?"),
    ("kmr", "kes li wir e?"),
]


@pytest.mark.parametrize(("language", "text"), ANYONE_THERE)
def test_is_anyone_there_is_a_request(language: str, text: str) -> None:
    assert HUMAN in cue_kinds(text), (language, text)


# A bare greeting is no request, as in English; nor is "someone" about something else.
NOT_ANYONE_THERE = [
    ("pl", "halo"),
    ("pl", "ktoś z rodziny ma dostęp do konta?"),
    ("ro", "alo"),
    ("ro", "e cineva care îmi folosește cardul fără să știu"),
    ("fr", "il y a quelqu'un qui a utilisé ma carte"),
    ("uk", "хтось є в мене в акаунті, я не знаю хто"),
    ("ro", "Cât costă un card nou pentru cineva din familie?"),
    ("es", "hola"),
    ("es", "¿puede alguien de mi familia ingresar dinero en mi cuenta?"),
    ("pt", "olá"),
    ("it", "pronto"),
    ("fr", "allô"),
    ("de", "hallo"),
    ("uk", "алло"),
    ("ru", "алло"),
    ("ur", "koi charge hai kya?"),
    ("hi", "कोई फीस है क्या?"),
    ("tr", "kart ücreti var mı?"),
    ("ar", "مرحبا"),
    ("zh", "有人用了我的卡"),
    ("lv", "vai kāds ir izmantojis manu karti?"),
    ("el", "υπάρχει κανένας τρόπος να αλλάξω το pin;"),
    ("vi", "có ai khác dùng thẻ của tôi không thì làm sao biết"),
]


@pytest.mark.parametrize(("language", "text"), NOT_ANYONE_THERE)
def test_a_greeting_or_someone_else_is_no_request(language: str, text: str) -> None:
    assert HUMAN not in cue_kinds(text), (language, text)


# ---------------------------------------------------------------- a role noun inside a request

ROLE_REQUESTS = [
    ("ur", "mujhe kisi adviser se baat karni hai please"),
    ("ur", "kisi insaan se baat karwao"),
    ("hi", "kisi colleague se baat karwa do, ye bot kuch nahi samajhta"),
    ("hi", "मुझे किसी सलाहकार से बात करनी है"),
    ("pl", "chcę porozmawiać z doradcą"),
    ("pl", "proszę połączyć mnie z koleżanką z działu kart"),
    ("ro", "vreau să vorbesc cu un consultant"),
    ("pt", "quero falar com um gestor de conta"),
    ("es", "necesito hablar con un asesor"),
    ("it", "voglio parlare con un operatore"),
    ("fr", "je veux parler à un conseiller"),
    ("de", "ich möchte mit einem Berater sprechen"),
    ("uk", "хочу поговорити з консультантом"),
    ("ru", "можно поговорить с сотрудником?"),
]


@pytest.mark.parametrize(("language", "text"), ROLE_REQUESTS)
def test_a_role_noun_inside_a_request(language: str, text: str) -> None:
    assert HUMAN in cue_kinds(text), (language, text)


NOT_ROLE_REQUESTS = [
    ("hi", "advisor ne bola tha ki card aa jayega"),
    ("ur", "mera bhai bhi is bank mein advisor hai"),
    ("es", "mi hermano es asesor financiero"),
    ("fr", "mon conseiller m'a dit d'attendre"),
    ("de", "der Berater hat gesagt, es dauert drei Tage"),
    ("it", "il consulente mi ha detto di aspettare"),
]


@pytest.mark.parametrize(("language", "text"), NOT_ROLE_REQUESTS)
def test_a_role_told_of_is_no_request(language: str, text: str) -> None:
    assert HUMAN not in cue_kinds(text), (language, text)


# ---------------------------------------------------------------- asked when, counted

REPEATS = [
    ("pl", "pytam kiedy wreszcie przyjdzie karta"),
    ("pl", "pytałam już kiedy, nikt nie odpowiada"),
    ("pl", "próbowałem 5 razy i nic"),
    ("pl", "to już piąty dzień bez karty"),
    ("ro", "v-am întrebat când vine cardul"),
    ("ro", "am sunat de 3 ori"),
    ("ro", "e a patra zi fără bani"),
    ("pt", "já perguntei quando chega o cartão"),
    ("pt", "já liguei 3 vezes"),
    ("pt", "é o quinto dia sem acesso"),
    ("es", "os pregunté cuándo llega"),
    ("es", "he llamado 4 veces"),
    ("es", "es el tercer día sin tarjeta"),
    ("it", "vi ho chiesto quando arriva"),
    ("it", "ho provato 3 volte"),
    ("fr", "je vous ai demandé quand ça arrive"),
    ("fr", "j'ai appelé trois fois"),
    ("de", "ich habe gefragt wann das Geld kommt"),
    ("de", "ich habe es 3 mal versucht"),
    ("nl", "ik heb gevraagd wanneer het geld komt"),
    ("uk", "я вже питала коли прийдуть гроші"),
    ("uk", "третій день без картки"),
    ("ru", "я спрашивал когда придут деньги"),
    ("ru", "звонил 3 раза"),
    ("bg", "вече питах за картата"),
    ("lt", "jau klausiau dėl kortelės"),
    ("tr", "ne zaman diye sordum, cevap yok"),
    ("ur", "maine pehle bhi pucha tha"),
    ("hi", "मैंने पूछा कब आएगा पैसा"),
    ("cs", "ptal jsem se kdy přijde karta"),
    ("sk", "pýtam sa kedy príde karta"),
]


@pytest.mark.parametrize(("language", "text"), REPEATS)
def test_asked_when_or_counted_is_repeated_asking(language: str, text: str) -> None:
    assert REPEATED in cue_kinds(text), (language, text)


# A first polite question ("I wanted to ask when"), a frequency ("twice a month"), or a
# day named in a schedule is no repeat.
NOT_REPEATS = [
    ("pl", "chciałam zapytać, kiedy przyjdzie karta"),
    ("pl", "ile razy w miesiącu mogę wypłacić za darmo?"),
    ("ro", "vreau să întreb când se deschide banca"),
    ("ro", "pot plăti de 2 ori pe lună?"),
    ("pt", "queria perguntar quando abre o balcão"),
    ("pt", "posso levantar dinheiro 2 vezes por dia?"),
    ("es", "quería preguntar cuándo llega la transferencia"),
    ("es", "¿puedo sacar dinero 2 veces al día?"),
    ("it", "volevo chiedere quando arriva la carta"),
    ("fr", "je me demande quand ça arrive"),
    ("fr", "je voudrais demander quand la carte arrive"),
    ("de", "ich wollte fragen, wann die Filiale öffnet"),
    ("ru", "хотел спросить, когда придёт карта"),
    ("bg", "искам да питам кога идва картата"),
    ("lt", "norėjau paklausti, kada ateis kortelė"),
]


@pytest.mark.parametrize(("language", "text"), NOT_REPEATS)
def test_a_first_question_or_a_frequency_is_no_repeat(language: str, text: str) -> None:
    assert REPEATED not in cue_kinds(text), (language, text)


# ---------------------------------------------------------------- what the money is needed for

CONSEQUENCES = [
    ("pl", "to są pieniądze na leki dla taty"),
    ("pl", "czynsz do jutra, a przelewu nie ma"),
    ("pl", "nie mam czym zapłacić za zakupy"),
    ("ro", "trebuie să plătesc chiria mâine"),
    ("ro", "sunt la casă și nu am cu ce plăti"),
    ("ro", "sunt banii pentru medicamente"),
    ("pt", "tenho de pagar a renda amanhã"),
    ("pt", "é o dinheiro para os medicamentos da minha mãe"),
    ("es", "tengo que pagar el alquiler mañana"),
    ("es", "voy a perder el piso"),
    ("es", "estoy en la caja y no tengo con qué pagar"),
    ("it", "devo pagare l'affitto domani"),
    ("fr", "je dois payer le loyer demain"),
    ("de", "die Miete ist morgen fällig"),
    ("uk", "це гроші на ліки для мами"),
    ("ru", "мне нужны деньги на лекарства"),
    ("tr", "ilaç parası lazım"),
    ("ur", "ammi ki dawai ke paise hain"),
    ("hi", "kiraya kal dena hai"),
    ("pl", "właściciel grozi, że nas wyrzuci"),
    ("ro", "furnizorul vrea banii azi"),
    ("pt", "o senhorio quer o dinheiro hoje"),
    ("es", "necesito el dinero hoy"),
    ("it", "devo pagare domani il deposito"),
    ("fr", "je dois payer demain la caution"),
    ("ru", "нас выселят, если не заплатим"),
    ("tr", "ev sahibi parayı bugün istiyor"),
]


@pytest.mark.parametrize(("language", "text"), CONSEQUENCES)
def test_what_the_money_is_needed_for_now_is_a_deadline(language: str, text: str) -> None:
    assert DEADLINE in cue_kinds(text), (language, text)


NOT_CONSEQUENCES = [
    ("pl", "ile wydałem w tym miesiącu na apteki?"),
    ("pl", "jak ustawić zlecenie stałe na czynsz?"),
    ("ro", "cum fac un ordin de plată pentru chirie?"),
    ("pt", "como pago a renda por débito direto?"),
    ("es", "¿cómo pago el alquiler con transferencia periódica?"),
    ("es", "¿puedo pagar sin efectivo en la tienda?"),
    ("fr", "comment payer mon loyer par virement permanent ?"),
    ("de", "wie richte ich einen Dauerauftrag für die Miete ein?"),
    ("it", "a che ora apre la filiale?"),
    ("pl", "ile muszę zapłacić za nową kartę?"),
    ("pl", "aplikacja wyrzuciła mnie z konta"),
    ("ro", "aplicația mă dă afară mereu"),
    ("ro", "cât trebuie să plătesc pentru card?"),
    ("pt", "quanto tenho de pagar pela conta?"),
    ("es", "¿tengo que pagar algo por la tarjeta?"),
    ("it", "l'app mi butta fuori ogni volta"),
    ("de", "die App wirft mich immer raus"),
    ("fr", "je dois payer des frais ?"),
    ("uk", "як оплатити оренду з картки?"),
]


@pytest.mark.parametrize(("language", "text"), NOT_CONSEQUENCES)
def test_a_calm_question_about_rent_or_pharmacy_is_no_deadline(language: str, text: str) -> None:
    assert DEADLINE not in cue_kinds(text), (language, text)


# ---------------------------------------------------------------- still blocked


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "o meu cartão continua bloqueado"),
        ("pt", "a conta ainda está bloqueada"),
        ("uk", "гроші досі не прийшли"),
        ("ru", "до сих пор ничего не пришло"),
        ("bg", "все още не е пристигнал"),
    ],
)
def test_still_blocked_is_still_not(language: str, text: str) -> None:
    assert STILL_NOT in cue_kinds(text), (language, text)


# ---------------------------------------------------------------- hardship, bereavement

VULNERABILITY = [
    ("pl", "nie mam już pieniędzy na jedzenie"),
    ("pl", "mój syn zginął w wypadku"),
    ("pl", "zginęła mi córka, miała tu konto"),
    ("ro", "nu mai am bani de mancare"),
    ("ro", "copiii nu au ce mânca"),
    ("ro", "fiul meu a fost ucis luna trecută"),
    ("pt", "o meu marido morreu, tinha conta aqui"),
    ("pt", "já não tenho dinheiro para comida"),
    ("es", "no me queda dinero para comer"),
    ("es", "mi hijo fue asesinado y tenía una cuenta con ustedes"),
    ("it", "non ho più soldi per mangiare"),
    ("it", "mio marito è morto il mese scorso"),
    ("fr", "mon fils a été tué, il avait un compte chez vous"),
    ("de", "mein Sohn ist im Krieg gefallen"),
    ("uk", "мій чоловік загинув на фронті"),
    ("uk", "моя донька загинула"),
    ("ru", "мой сын погиб, у него был счёт в вашем банке"),
    ("bg", "синът ми загина"),
    ("lt", "mano vyras žuvo"),
    ("tr", "oğlum öldürüldü"),
    ("ur", "mera beta maara gaya"),
    ("hi", "मेरे पति गुज़र गए"),
    ("ar", "ابني استشهد"),
    ("zh", "我儿子去世了，他在你们银行有账户"),
    ("fa", "پسرم کشته شد"),
    ("cs", "můj syn zahynul při nehodě"),
    ("hu", "nincs pénzem ételre"),
    ("el", "δεν έχω λεφτά για φαγητό"),
    ("sq", "djali im u vra"),
    ("tl", "namatay ang anak ko, may account siya dito"),
    ("pcm", "my pikin don die, e get account for una bank"),
]


@pytest.mark.parametrize(("language", "text"), VULNERABILITY)
def test_hardship_and_a_relative_killed_are_vulnerability(language: str, text: str) -> None:
    assert VULNERABLE in cue_kinds(text), (language, text)


# Hypothetical or procedural questions about death and money, and a phone that "died".
NOT_VULNERABILITY = [
    ("pl", "co się dzieje z kontem, gdy ktoś umrze?"),
    ("ro", "ce se întâmplă cu contul comun dacă moare cineva?"),
    ("pt", "quanto dinheiro posso gastar em comida com o cartão?"),
    ("es", "¿cuánto gasto en comida al mes?"),
    ("es", "mi hijo quiere abrir una cuenta"),
    ("it", "mio figlio ha perso la carta"),
    ("fr", "mon fils veut ouvrir un compte"),
    ("de", "mein Sohn möchte ein Konto eröffnen"),
    ("uk", "мій син хоче відкрити рахунок"),
    ("ru", "мой сын потерял карту"),
    ("tr", "oğlum hesap açmak istiyor"),
]


@pytest.mark.parametrize(("language", "text"), NOT_VULNERABILITY)
def test_a_calm_question_about_death_or_family_is_no_vulnerability(
    language: str, text: str
) -> None:
    assert VULNERABLE not in cue_kinds(text), (language, text)
