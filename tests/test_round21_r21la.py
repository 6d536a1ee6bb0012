"""Round 21, r21la: neighbouring fraud, abuse and bereavement concepts in the European tables.

The round 21 diagnosis (tests/data/routing_holdout17/README.md) found misses where another
language's table lacked an idea English reads: someone posing as a relative or a friend (not
only the bank), a "police" courier sent to collect cash or the card, a rental advert whose
landlord vanished with the deposit, "I lost my husband" as bereavement, and a partner who
takes or controls all the money. A CONCEPT MATRIX as round 20's (tests/test_round20_r20ma.py):
concept x language, one fresh sentence per cell, English checked first, and per language calm
messages about the same topics that must stay calm. Sentences are invented for these tests
(no tuning-set phrase), written by a non-native author.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text

_SCAM = frozenset({"scam", "posing"})
_VULN = frozenset({"vulnerability", "bereavement"})
# concept -> (English sentence, the cue kinds that read it)
CONCEPTS: dict[str, tuple[str, frozenset[str]]] = {
    "posing_relative": (
        "Someone wrote pretending to be my son and I sent him 500 pounds.",
        _SCAM,
    ),
    "police_courier": (
        "A policeman called and said a courier would come to collect my card and cash.",
        _SCAM,
    ),
    "rental_vanished": (
        "I paid a deposit for a flat from an advert and now the landlord has vanished.",
        _SCAM,
    ),
    "bereaved_partner": ("I lost my husband last month.", _VULN),
    "economic_abuse": ("My husband takes all my money.", _VULN),
}
_CONCERN = _SCAM | _VULN | {"scam_step", "fraud", "fraud_report"}

# language -> concept -> sentence; "calm*" are questions about the same topics
MATRIX: dict[str, dict[str, str]] = {
    "pl": {
        "posing_relative": "Ktoś podał się za mojego syna i przelałam mu 2000 zł.",
        "police_courier": "Dzwonił policjant, że przyjedzie kurier po gotówkę i kartę.",
        "rental_vanished": "Wpłaciłem kaucję za mieszkanie z ogłoszenia, a właściciel zniknął.",
        "bereaved_partner": "W zeszłym miesiącu straciłam męża.",
        "economic_abuse": "Mąż zabiera mi wszystkie pieniądze.",
        "calm": "Jak mogę przelać pieniądze synowi za granicę?",
        "calm2": "Czy mąż może mieć dostęp do mojego konta?",
    },
    "ro": {
        "posing_relative": "Cineva s-a dat drept fiul meu și i-am trimis 300 de euro.",
        "police_courier": "M-a sunat un polițist și a zis că vine un curier să ia banii și cardul.",
        "rental_vanished": (
            "Am plătit garanția pentru o chirie din anunț și proprietarul a dispărut."
        ),
        "bereaved_partner": "Mi-am pierdut soțul luna trecută.",
        "economic_abuse": "Soțul meu îmi ia toți banii.",
        "calm": "Cum pot trimite bani fiului meu în străinătate?",
        "calm2": "Poate soțul meu să aibă acces la contul meu?",
    },
    "it": {
        "posing_relative": "Uno si è finto mio figlio e gli ho mandato 500 euro.",
        "police_courier": (
            "Ha chiamato un carabiniere, manda un corriere a ritirare contanti e carta."
        ),
        "rental_vanished": (
            "Ho pagato la caparra per un appartamento da un annuncio, il proprietario è sparito."
        ),
        "bereaved_partner": "Ho perso mio marito il mese scorso.",
        "economic_abuse": "Mio marito mi prende tutti i soldi.",
        "calm": "Come posso mandare soldi a mio figlio all'estero?",
        "calm2": "Mio marito può avere accesso al mio conto?",
    },
    "es": {
        "posing_relative": "Alguien se hizo pasar por mi hija y le mandé 400 euros.",
        "police_courier": (
            "Llamó un policía y dijo que un mensajero vendría a recoger el dinero y la tarjeta."
        ),
        "rental_vanished": "Pagué la fianza de un piso de un anuncio y el casero desapareció.",
        "bereaved_partner": "Perdí a mi marido el mes pasado.",
        "economic_abuse": "Mi marido me quita todo el dinero.",
        "calm": "¿Cómo puedo enviar dinero a mi hijo en el extranjero?",
        "calm2": "¿Mi marido puede tener acceso a mi cuenta?",
    },
    "pt": {
        "posing_relative": "Alguém se fez passar pelo meu filho e eu transferi 300 euros.",
        "police_courier": (
            "Ligou um polícia a dizer que um estafeta vinha buscar o dinheiro e o cartão."
        ),
        "rental_vanished": (
            "Paguei a caução de um apartamento de um anúncio e o senhorio desapareceu."
        ),
        "bereaved_partner": "Perdi o meu marido no mês passado.",
        "economic_abuse": "O meu marido tira-me o dinheiro todo.",
        "calm": "Como posso enviar dinheiro ao meu filho no estrangeiro?",
        "calm2": "O meu marido pode ter acesso à minha conta?",
    },
    "fr": {
        "posing_relative": (
            "Quelqu'un s'est fait passer pour mon fils et je lui ai envoyé 500 euros."
        ),
        "police_courier": (
            "Un policier a appelé, un coursier allait venir chercher ma carte et l'argent."
        ),
        "rental_vanished": (
            "J'ai payé la caution d'un appartement vu sur une annonce, le propriétaire a disparu."
        ),
        "bereaved_partner": "J'ai perdu mon mari le mois dernier.",
        "economic_abuse": "Mon mari me prend tout mon argent.",
        "calm": "Comment envoyer de l'argent à mon fils à l'étranger ?",
        "calm2": "Mon mari peut-il avoir accès à mon compte ?",
    },
    "de": {
        "posing_relative": (
            "Jemand hat sich als mein Sohn ausgegeben und ich habe ihm 800 Euro überwiesen."
        ),
        "police_courier": "Ein Polizist rief an, ein Bote würde das Bargeld und die Karte abholen.",
        "rental_vanished": (
            "Ich habe die Kaution für eine Wohnung aus einer Anzeige "
            "bezahlt, der Vermieter ist verschwunden."
        ),
        "bereaved_partner": "Ich habe letzten Monat meinen Mann verloren.",
        "economic_abuse": "Mein Mann nimmt mir das ganze Geld weg.",
        "calm": "Wie kann ich meinem Sohn Geld ins Ausland schicken?",
        "calm2": "Kann mein Mann Zugriff auf mein Konto bekommen?",
    },
    "uk": {
        "posing_relative": "Хтось видав себе за мого сина, і я переказала йому гроші.",
        "police_courier": (
            "Подзвонив поліцейський, сказав, що кур'єр приїде забрати готівку і картку."
        ),
        "rental_vanished": "Я заплатив завдаток за квартиру з оголошення, а власник зник.",
        "bereaved_partner": "Минулого місяця я втратила чоловіка.",
        "economic_abuse": "Чоловік забирає в мене всі гроші.",
        "calm": "Як переказати гроші синові за кордон?",
        "calm2": "Чи може чоловік мати доступ до мого рахунку?",
    },
    "ru": {
        "posing_relative": "Кто-то представился моим сыном, и я перевела ему деньги.",
        "police_courier": (
            "Позвонил полицейский, сказал, что курьер приедет забрать наличные и карту."
        ),
        "rental_vanished": "Я заплатил залог за квартиру по объявлению, а хозяин пропал.",
        "bereaved_partner": "В прошлом месяце я потеряла мужа.",
        "economic_abuse": "Муж забирает у меня все деньги.",
        "calm": "Как перевести деньги сыну за границу?",
        "calm2": "Может ли муж иметь доступ к моему счёту?",
    },
    "cs": {
        "posing_relative": "Někdo se vydával za mého syna a poslala jsem mu peníze.",
        "police_courier": "Volal policista, že přijede kurýr vyzvednout hotovost a kartu.",
        "rental_vanished": "Zaplatil jsem kauci za byt z inzerátu a pronajímatel zmizel.",
        "bereaved_partner": "Minulý měsíc jsem ztratila manžela.",
        "economic_abuse": "Manžel mi bere všechny peníze.",
        "calm": "Jak pošlu peníze synovi do zahraničí?",
        "calm2": "Může mít manžel přístup k mému účtu?",
    },
    "lt": {
        "posing_relative": "Kažkas apsimetė mano sūnumi ir aš jam pervedžiau pinigus.",
        "police_courier": (
            "Skambino policininkas, sakė atvažiuos kurjeris paimti grynųjų ir kortelės."
        ),
        "rental_vanished": "Sumokėjau užstatą už butą iš skelbimo, o savininkas dingo.",
        "bereaved_partner": "Praėjusį mėnesį netekau vyro.",
        "economic_abuse": "Vyras atima visus mano pinigus.",
        "calm": "Kaip pervesti pinigus sūnui į užsienį?",
        "calm2": "Ar vyras gali turėti prieigą prie mano sąskaitos?",
    },
    "bg": {
        "posing_relative": "Някой се представи за сина ми и аз му преведох пари.",
        "police_courier": "Обади се полицай, каза, че куриер ще дойде да вземе парите и картата.",
        "rental_vanished": "Платих депозит за квартира от обява и хазяинът изчезна.",
        "bereaved_partner": "Миналия месец загубих съпруга си.",
        "economic_abuse": "Мъжът ми ми взима всичките пари.",
        "calm": "Как да изпратя пари на сина си в чужбина?",
        "calm2": "Може ли съпругът ми да има достъп до сметката ми?",
    },
    "el": {
        "posing_relative": "Κάποιος προσποιήθηκε τον γιο μου και του έστειλα 500 ευρώ.",
        "police_courier": (
            "Με πήρε ένας αστυνομικός, είπε ότι θα έρθει κούριερ να πάρει τα μετρητά και την κάρτα."
        ),
        "rental_vanished": (
            "Πλήρωσα εγγύηση για διαμέρισμα από αγγελία και ο ιδιοκτήτης εξαφανίστηκε."
        ),
        "bereaved_partner": "Έχασα τον άντρα μου τον περασμένο μήνα.",
        "economic_abuse": "Ο άντρας μου μου παίρνει όλα τα χρήματα.",
        "calm": "Πώς μπορώ να στείλω χρήματα στον γιο μου στο εξωτερικό;",
        "calm2": "Μπορεί ο άντρας μου να έχει πρόσβαση στον λογαριασμό μου;",
    },
    "tr": {
        "posing_relative": "Biri oğlum gibi davrandı ve ona 5000 lira gönderdim.",
        "police_courier": "Bir polis aradı, bir kurye gelip nakit parayı ve kartı alacakmış.",
        "rental_vanished": "İlandaki bir daire için depozito ödedim, ev sahibi ortadan kayboldu.",
        "bereaved_partner": "Geçen ay eşimi kaybettim.",
        "economic_abuse": "Kocam bütün paramı alıyor.",
        "calm": "Yurt dışındaki oğluma nasıl para gönderebilirim?",
        "calm2": "Eşim hesabıma erişebilir mi?",
    },
    "hu": {
        "posing_relative": "Valaki a fiamnak adta ki magát, és átutaltam neki pénzt.",
        "police_courier": "Egy rendőr hívott, hogy jön egy futár a készpénzért és a kártyáért.",
        "rental_vanished": (
            "Kauciót fizettem egy hirdetésben látott lakásra, és a tulajdonos eltűnt."
        ),
        "bereaved_partner": "Múlt hónapban elvesztettem a férjemet.",
        "economic_abuse": "A férjem elveszi az összes pénzemet.",
        "calm": "Hogyan küldhetek pénzt a fiamnak külföldre?",
        "calm2": "Hozzáférhet a férjem a számlámhoz?",
    },
    "sq": {
        "posing_relative": "Dikush u paraqit si djali im dhe i dërgova 300 euro.",
        "police_courier": (
            "Më mori një polic, tha që do vijë një korrier të marrë paratë dhe kartën."
        ),
        "rental_vanished": (
            "Pagova depozitën për një apartament nga një njoftim dhe pronari u zhduk."
        ),
        "bereaved_partner": "Muajin e kaluar humba burrin.",
        "economic_abuse": "Burri im m'i merr të gjitha paratë.",
        "calm": "Si mund t'i dërgoj para djalit tim jashtë vendit?",
        "calm2": "A mund të ketë burri im qasje në llogarinë time?",
    },
}

_CELLS = [(lang, concept) for lang in MATRIX for concept in CONCEPTS]


def _kinds(text: str) -> set[str]:
    return {cue.kind for cue in analyze_text(text).cues}


# English reads "pretending to be my son ... I sent him" as a scam step and the word for a
# scam, not yet as someone posing (round 21: r21s does English).
_ENGLISH_PENDING = {"posing_relative"}


@pytest.mark.parametrize(
    "concept",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason="English: r21s"))
        if c in _ENGLISH_PENDING
        else c
        for c in CONCEPTS
    ],
)
def test_english_reads_the_concept(concept: str) -> None:
    sentence, expected = CONCEPTS[concept]
    assert _kinds(sentence) & expected, (sentence, _kinds(sentence))


@pytest.mark.parametrize(("lang", "concept"), _CELLS)
def test_language_reads_the_concept(lang: str, concept: str) -> None:
    sentence = MATRIX[lang][concept]
    assert _kinds(sentence) & CONCEPTS[concept][1], (sentence, _kinds(sentence))


@pytest.mark.parametrize("lang", list(MATRIX))
@pytest.mark.parametrize("calm", ["calm", "calm2"])
def test_a_question_about_the_concept_stays_calm(lang: str, calm: str) -> None:
    sentence = MATRIX[lang][calm]
    assert not _kinds(sentence) & _CONCERN, (sentence, _kinds(sentence))


# Another word in a slot: another relative, another spouse noun or verb form, the other word
# order, another cash noun, the bank instead of the police.
VARIANTS: list[tuple[str, str, str]] = [
    ("pl", "posing_relative", "Ktoś podszył się pod moją wnuczkę, przelałem jej pieniądze."),
    ("pl", "bereaved_partner", "Owdowiałam w marcu i nie wiem, co z kontem."),
    ("pl", "bereaved_partner", "Męża straciłam w zeszłym roku."),
    ("ro", "posing_relative", "Cineva s-a dat drept nepotul meu și i-am trimis bani."),
    ("it", "bereaved_partner", "Ho appena perso mia moglie."),
    ("it", "posing_relative", "Un tizio si è spacciato per mio nipote, gli ho mandato soldi."),
    ("es", "bereaved_partner", "Me quedé viuda hace un mes."),
    ("fr", "bereaved_partner", "Je viens de perdre ma femme."),
    ("de", "bereaved_partner", "Ich habe meine Frau verloren."),
    ("de", "posing_relative", "Jemand gab sich als meine Tochter aus, ich habe Geld geschickt."),
    ("ru", "bereaved_partner", "Потерял жену в прошлом году."),
    ("ru", "posing_relative", "Кто-то выдал себя за моего внука, и я перевела ему деньги."),
    ("cs", "bereaved_partner", "Ztratil jsem manželku."),
    ("tr", "bereaved_partner", "Geçen hafta kocamı kaybettim."),
    ("hu", "bereaved_partner", "Elvesztettem a feleségemet."),
    ("el", "bereaved_partner", "Έχασα τη γυναίκα μου."),
    ("pl", "police_courier", "Policja kazała czekać, kurier odbierze kartę."),
    ("es", "police_courier", "Uno del banco dijo que un mensajero vendrá a recoger la tarjeta."),
]


@pytest.mark.parametrize(("lang", "concept", "sentence"), VARIANTS)
def test_another_word_in_the_slot(lang: str, concept: str, sentence: str) -> None:
    assert _kinds(sentence) & CONCEPTS[concept][1], (lang, sentence, _kinds(sentence))


# Calm: the verb of loss with a thing (a card, a wallet, a phone), a spouse beside a lost card,
# a courier delivering a card, the police beside a stolen card reported, a deposit for a flat
# asked about, a son's card requested: none is a story.
CALM: list[str] = [
    "Mój mąż zgubił kartę, jak ją zablokować?",
    "Straciłam dostęp do konta, mąż nie może się zalogować.",
    "Ho perso la carta, mio marito ha bisogno di una nuova.",
    "Perdí mi tarjeta, ¿mi marido puede usar la suya?",
    "J'ai perdu ma carte, mon mari peut-il la bloquer ?",
    "Ich habe meine Karte verloren, mein Mann hat noch seine.",
    "Муж потерял карту, что делать?",
    "Kocam kartını kaybetti.",
    "Kiedy kurier przywiezie nową kartę?",
    "Cuándo llega el mensajero con mi tarjeta nueva?",
    "Zgłosiłem kradzież karty na policji, co dalej?",
    "He denunciado el robo en la policía, ¿ahora qué?",
    "Ich möchte meine Karte in der Filiale abholen.",
    "Jak zapłacić kaucję za mieszkanie przelewem?",
    "Come posso pagare la caparra per l'appartamento?",
    "Chcę zamówić kartę dla mojego syna.",
]


# (a lost card is the card lane's "fraud" cue already: only the kinds of these concepts)
_STORY = _SCAM | _VULN | {"scam_step", "fraud_report"}


@pytest.mark.parametrize("sentence", CALM)
def test_calm_stays_calm(sentence: str) -> None:
    assert not _kinds(sentence) & _STORY, (sentence, _kinds(sentence))


# Requests with another determiner or an adjective beside the person noun, and asking "a
# second time" as a repeat (handoff.signals.languages.request_fillers); the calm side: an ordinal
# with no asking verb, an adviser named without a request.
REQUESTS: list[tuple[str, str]] = [
    ("Chcę porozmawiać z jakimś żywym pracownikiem.", "human_demand"),
    ("Proszę połączyć z moim osobistym doradcą.", "human_demand"),
    ("Quiero hablar con algún asesor real.", "human_demand"),
    ("Ich will mit irgendeinem Sachbearbeiter sprechen.", "human_demand"),
    ("Vorrei parlare con il mio consulente personale.", "human_demand"),
    ("Je veux parler à mon conseiller attitré.", "human_demand"),
    ("Quero falar com a minha gestora pessoal.", "human_demand"),
    ("Piszę już trzeci raz w tej sprawie.", "repeated_asking"),
    ("Es la tercera vez que lo pido.", "repeated_asking"),
    ("Ich schreibe zum dritten Mal.", "repeated_asking"),
    ("C'est la troisième fois que je vous écris.", "repeated_asking"),
    ("Chiedo per la terza volta.", "repeated_asking"),
    ("É a terceira vez que peço.", "repeated_asking"),
]
REQUEST_CALM: list[str] = [
    "Wpisałem PIN drugi raz i karta działa.",
    "Pago la segunda cuota mañana.",
    "Mein Berater ist im Urlaub, wann kommt er zurück?",
    "Il mio consulente personale mi ha già risposto, grazie.",
    "Zum zweiten Mal in diesem Jahr ist die Karte abgelaufen.",
]


@pytest.mark.parametrize(("sentence", "kind"), REQUESTS)
def test_a_request_with_another_filler(sentence: str, kind: str) -> None:
    assert kind in _kinds(sentence), (sentence, _kinds(sentence))


@pytest.mark.parametrize("sentence", REQUEST_CALM)
def test_no_request_without_asking(sentence: str) -> None:
    assert not _kinds(sentence) & {"human_demand", "repeated_asking"}, (
        sentence,
        _kinds(sentence),
    )
