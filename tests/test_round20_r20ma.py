"""Round 20, r20ma: one fraud/abuse concept inventory for every language (principle 1).

A CONCEPT MATRIX: each story concept English reads (handoff.signals.situations) gets one
fresh English sentence, checked to fire its cue, and the same sentence translated into each
European story table of handoff.signals.stories (Polish, Romanian, Italian, Spanish,
Portuguese, French, German, Ukrainian, Russian, Lithuanian, Bulgarian, Greek, Turkish,
Hungarian, Albanian); per language a calm question about the concept stays calm. Sentences
are invented for these tests (no tuning-set phrase), written by a non-native author.
"""

from __future__ import annotations

import pytest

from handoff.signals.situations import situation_cues
from handoff.signals.stories import story_cues

# concept -> (English sentence, the story cue kinds that read it)
_SCAM = frozenset({"scam", "scam_step"})
_POSING = frozenset({"posing", "scam"})
_FRAUD = frozenset({"fraud_report"})
CONCEPTS: dict[str, tuple[str, frozenset[str]]] = {
    "posing": ("A man called saying he was from my bank.", _POSING),
    "asks_details": (
        "A lady said she was from the bank and asked me for my card number and the code.",
        _POSING | _SCAM,
    ),
    "safe_account": ("The bank asked me to move all my savings to a safe account.", _SCAM),
    "remote_access": (
        "They told me to install an app so they could help, now they can see my screen.",
        _SCAM,
    ),
    "takeover": (
        "Someone logged into my account from another phone and changed my number and email.",
        _FRAUD,
    ),
    "romance_fee": (
        "I met him online and sent him 4000 pounds for customs fees on a parcel.",
        _SCAM,
    ),
    "release_fee": (
        "I invested in crypto and now I can't withdraw, they want a fee to release it.",
        _SCAM,
    ),
    "alibi": (
        "I lost my wallet and now there's a payment at a shop I have never been to.",
        _FRAUD,
    ),
    "without_knowledge": (
        "Money has gone from my account without my knowledge, I did nothing.",
        _FRAUD,
    ),
    "disown": ("I didn't make this payment, it wasn't me.", _FRAUD),
}
# English reads these with its situation shapes; "fraud" is its unrecognised-payment cue.
_ENGLISH_EXTRA = frozenset({"fraud"})

# language -> concept -> sentence; "calm" is a general question about the concept
MATRIX: dict[str, dict[str, str]] = {
    "pl": {
        "posing": "Zadzwonił mężczyzna, który powiedział, że jest z banku.",
        "asks_details": "Pani z banku zadzwoniła i poprosiła o numer karty i kod z SMS-a.",
        "safe_account": "Konsultant kazał mi przelać wszystkie oszczędności na bezpieczne konto.",
        "remote_access": "Pan z banku kazał mi zainstalować aplikację i teraz widzi mój ekran.",
        "takeover": "Ktoś zalogował się na moje konto z innego telefonu i zmienił numer i e-mail.",
        "romance_fee": "Poznałem kobietę w internecie i wysłałem jej 4000 zł na cło za paczkę.",
        "release_fee": (
            "Zainwestowałem w kryptowaluty, teraz nie mogę wypłacić, każą zapłacić opłatę."
        ),
        "alibi": "Zgubiłem portfel, a teraz widzę płatność w sklepie, w którym nigdy nie byłem.",
        "without_knowledge": "Pieniądze zeszły z konta bez mojej wiedzy, ja nic nie robiłem.",
        "disown": "Nie robiłem tej płatności, to nie ja.",
        "calm": "Jak rozpoznać fałszywy telefon z banku?",
    },
    "ro": {
        "posing": "M-a sunat un bărbat care a spus că este de la bancă.",
        "asks_details": "Un domn de la bancă m-a sunat și mi-a cerut numărul cardului și codul.",
        "safe_account": "Mi-au spus să mut toți banii într-un cont sigur, că e protejat.",
        "remote_access": (
            "Cel de la bancă mi-a zis să instalez o aplicație și acum vede ecranul meu."
        ),
        "takeover": "Cineva s-a conectat în contul meu de pe alt telefon și a schimbat numărul.",
        "romance_fee": "Am cunoscut un bărbat online și i-am trimis 4000 de lei pentru vamă.",
        "release_fee": "Am investit în crypto și acum nu pot retrage banii, îmi cer o taxă.",
        "alibi": "Mi-am pierdut portofelul și văd o plată la un magazin unde n-am fost niciodată.",
        "without_knowledge": "Au dispărut bani din cont fără știrea mea, eu n-am făcut nimic.",
        "disown": "Nu am făcut eu plata asta, nu o recunosc.",
        "calm": "Cum recunosc un apel fals de la bancă?",
    },
    "it": {
        "posing": "Mi ha chiamato un uomo dicendo di essere della banca.",
        "asks_details": "Uno della banca mi ha telefonato e mi ha chiesto il numero della carta.",
        "safe_account": "Mi hanno detto di spostare tutti i soldi su un conto sicuro.",
        "remote_access": (
            "L'operatore della banca mi ha fatto installare un'app e ora vede lo schermo."
        ),
        "takeover": "Qualcuno è entrato nel mio conto da un altro telefono e ha cambiato l'email.",
        "romance_fee": "Ho conosciuto un uomo online e gli ho mandato 4000 euro per la dogana.",
        "release_fee": (
            "Ho investito in cripto e ora non riesco a prelevare, mi chiedono una tassa."
        ),
        "alibi": (
            "Ho perso il portafoglio e vedo un pagamento in un negozio dove non sono mai stato."
        ),
        "without_knowledge": (
            "Sono spariti dei soldi dal conto a mia insaputa, non ho fatto niente."
        ),
        "disown": "Non ho fatto io questo pagamento, non lo riconosco.",
        "calm": "Come si riconosce una falsa chiamata della banca?",
    },
    "es": {
        "posing": "Me llamó un hombre diciendo que era del banco.",
        "asks_details": (
            "Una señora del banco me llamó y me pidió el número de la tarjeta y el código."
        ),
        "safe_account": "Me dijeron que pasara todo el dinero a una cuenta segura.",
        "remote_access": "El del banco me hizo instalar una aplicación y ahora ve mi pantalla.",
        "takeover": "Alguien entró en mi cuenta desde otro móvil y cambió el número y el correo.",
        "romance_fee": "Conocí a un hombre por internet y le envié 4000 euros para la aduana.",
        "release_fee": "Invertí en criptomonedas y ahora no puedo retirar, me piden una comisión.",
        "alibi": "Perdí la cartera y ahora veo un cargo en una tienda donde nunca he estado.",
        "without_knowledge": (
            "Ha desaparecido dinero de mi cuenta sin mi conocimiento, no hice nada."
        ),
        "disown": "Yo no hice este pago, no lo reconozco.",
        "calm": "¿Cómo reconozco una llamada falsa del banco?",
    },
    "pt": {
        "posing": "Ligou-me um homem a dizer que era do banco.",
        "asks_details": "Uma senhora do banco ligou e pediu o número do cartão e o código.",
        "safe_account": "Disseram-me para transferir todo o dinheiro para uma conta segura.",
        "remote_access": (
            "O rapaz do banco pediu para instalar uma aplicação e agora vê o meu ecrã."
        ),
        "takeover": "Alguém entrou na minha conta a partir de outro telemóvel e mudou o número.",
        "romance_fee": "Conheci um homem na internet e mandei-lhe 4000 euros para a alfândega.",
        "release_fee": "Investi em cripto e agora não consigo levantar, pedem uma taxa.",
        "alibi": "Perdi a carteira e agora vejo um pagamento numa loja onde nunca estive.",
        "without_knowledge": "Desapareceu dinheiro da minha conta sem o meu conhecimento.",
        "disown": "Não fui eu que fiz este pagamento, não o reconheço.",
        "calm": "Como posso reconhecer uma chamada falsa do banco?",
    },
    "fr": {
        "posing": "Un homme m'a appelé en disant qu'il était de la banque.",
        "asks_details": "Une dame de la banque m'a appelé et m'a demandé le numéro de carte.",
        "safe_account": "On m'a dit de virer tout mon argent sur un compte sécurisé.",
        "remote_access": "Le conseiller m'a fait installer une application et il voit mon écran.",
        "takeover": "Quelqu'un s'est connecté à mon compte depuis un autre téléphone.",
        "romance_fee": (
            "J'ai rencontré un homme en ligne et je lui ai envoyé 4000 euros pour la douane."
        ),
        "release_fee": (
            "J'ai investi dans la crypto, je ne peux pas retirer, ils demandent des frais."
        ),
        "alibi": "J'ai perdu mon portefeuille et je vois un paiement où je ne suis jamais allé.",
        "without_knowledge": "De l'argent a disparu de mon compte à mon insu, je n'ai rien fait.",
        "disown": "Je n'ai pas fait ce paiement, ce n'est pas moi.",
        "calm": "Comment reconnaître un faux appel de la banque ?",
    },
    "de": {
        "posing": "Ein Mann rief an und sagte, er sei von der Bank.",
        "asks_details": (
            "Eine Frau von der Bank hat angerufen und nach meiner Kartennummer gefragt."
        ),
        "safe_account": (
            "Man hat mir gesagt, ich soll mein ganzes Geld auf ein sicheres Konto überweisen."
        ),
        "remote_access": (
            "Der Bankmitarbeiter ließ mich eine App installieren, jetzt sieht er alles."
        ),
        "takeover": "Jemand hat sich von einem anderen Handy in mein Konto eingeloggt.",
        "romance_fee": (
            "Ich habe online einen Mann kennengelernt und ihm 4000 Euro für den Zoll geschickt."
        ),
        "release_fee": (
            "Ich habe in Krypto investiert und kann nichts auszahlen, sie verlangen eine Gebühr."
        ),
        "alibi": (
            "Ich habe meine Geldbörse verloren und sehe eine "
            "Zahlung in einem Laden, wo ich nie war."
        ),
        "without_knowledge": "Es ist Geld von meinem Konto verschwunden, ohne mein Wissen.",
        "disown": "Diese Zahlung habe ich nicht gemacht, das war ich nicht.",
        "calm": "Wie erkenne ich einen falschen Anruf von der Bank?",
    },
    "uk": {
        "posing": "Мені подзвонив чоловік і сказав, що він з банку.",
        "asks_details": "Дзвонила жінка з банку і попросила номер картки та код.",
        "safe_account": "Мені сказали перевести всі гроші на захищений рахунок.",
        "remote_access": (
            "Працівник банку сказав встановити програму, і тепер він бачить мій екран."
        ),
        "takeover": "Хтось зайшов у мій акаунт з іншого телефону і змінив номер і пошту.",
        "romance_fee": "Я познайомилася з чоловіком в інтернеті і відправила йому 4000 за митницю.",
        "release_fee": (
            "Я інвестував у криптовалюту, а тепер не можу вивести гроші, просять комісію."
        ),
        "alibi": "Я загубив гаманець, а тепер бачу оплату в магазині, де я ніколи не був.",
        "without_knowledge": "З картки зняли гроші без мого відома, я нічого не робив.",
        "disown": "Я не робив цей платіж, це не я.",
        "calm": "Як розпізнати фальшивий дзвінок з банку?",
    },
    "ru": {
        "posing": "Мне позвонил мужчина и сказал, что он из банка.",
        "asks_details": "Звонила женщина из банка и попросила номер карты и код.",
        "safe_account": "Меня попросили перевести все деньги на защищенный счет.",
        "remote_access": (
            "Сотрудник банка попросил установить приложение, теперь он видит мой экран."
        ),
        "takeover": "Кто-то зашел в мой аккаунт с другого телефона и поменял номер и почту.",
        "romance_fee": "Я познакомилась с мужчиной в интернете и отправила ему 4000 за таможню.",
        "release_fee": (
            "Я вложил деньги в криптовалюту, а теперь не могу вывести, требуют комиссию."
        ),
        "alibi": "Я потерял кошелек, а теперь вижу оплату в магазине, где я никогда не был.",
        "without_knowledge": "С карты списали деньги без моего ведома, я ничего не делал.",
        "disown": "Я не делал этот платеж, это не я.",
        "calm": "Как распознать фальшивый звонок из банка?",
    },
    "lt": {
        "posing": "Paskambino vyras ir pasakė, kad jis iš banko.",
        "asks_details": "Skambino moteris iš banko ir paprašė kortelės numerio ir kodo.",
        "safe_account": "Man liepė pervesti visus pinigus į saugią sąskaitą.",
        "remote_access": (
            "Banko darbuotojas liepė įdiegti programėlę ir dabar jis mato mano ekraną."
        ),
        "takeover": "Kažkas prisijungė prie mano paskyros iš kito telefono ir pakeitė numerį.",
        "romance_fee": "Susipažinau su vyru internete ir išsiunčiau jam 4000 eurų už muitinę.",
        "release_fee": "Investavau į kriptovaliutą, dabar negaliu išsiimti pinigų, prašo mokesčio.",
        "alibi": "Pamečiau piniginę ir dabar matau mokėjimą parduotuvėje, kurioje niekada nebuvau.",
        "without_knowledge": "Iš sąskaitos dingo pinigai be mano žinios, aš nieko nedariau.",
        "disown": "Aš nedariau šio mokėjimo, tai ne aš.",
        "calm": "Kaip atpažinti netikrą skambutį iš banko?",
    },
    "bg": {
        "posing": "Обади ми се мъж и каза, че е от банката.",
        "asks_details": "Жена от банката се обади и поиска номера на картата и кода.",
        "safe_account": "Казаха ми да преведа всички пари в защитена сметка.",
        "remote_access": (
            "Служителят на банката ми каза да инсталирам приложение и вижда екрана ми."
        ),
        "takeover": "Някой влезе в профила ми от друг телефон и смени номера и имейла.",
        "romance_fee": "Запознах се с мъж в интернет и му изпратих 4000 лева за митницата.",
        "release_fee": "Инвестирах в крипто и сега не мога да изтегля парите, искат такса.",
        "alibi": "Загубих си портфейла и виждам плащане в магазин, където никога не съм бил.",
        "without_knowledge": "Изчезнаха пари от сметката ми без мое знание, нищо не съм правил.",
        "disown": "Не съм правил това плащане, не съм аз.",
        "calm": "Как да разпозная фалшиво обаждане от банката?",
    },
    "el": {
        "posing": "Με πήρε τηλέφωνο ένας άντρας και είπε ότι είναι από την τράπεζα.",
        "asks_details": "Μια κυρία από την τράπεζα με πήρε και ζήτησε τον αριθμό της κάρτας.",
        "safe_account": "Μου είπαν να μεταφέρω όλα τα χρήματα σε ασφαλή λογαριασμό.",
        "remote_access": (
            "Ο υπάλληλος μου είπε να εγκαταστήσω μια εφαρμογή και βλέπει την οθόνη μου."
        ),
        "takeover": "Κάποιος μπήκε στον λογαριασμό μου από άλλο κινητό και άλλαξε τον αριθμό.",
        "romance_fee": "Γνώρισα έναν άντρα στο ίντερνετ και του έστειλα 4000 ευρώ για το τελωνείο.",
        "release_fee": "Επένδυσα σε κρύπτο και τώρα δεν μπορώ να κάνω ανάληψη, ζητάνε προμήθεια.",
        "alibi": (
            "Έχασα το πορτοφόλι μου και βλέπω μια πληρωμή σε ένα μαγαζί που δεν έχω πάει ποτέ."
        ),
        "without_knowledge": "Χάθηκαν χρήματα από τον λογαριασμό μου χωρίς να το ξέρω.",
        "disown": "Δεν έκανα εγώ αυτή την πληρωμή, δεν ήμουν εγώ.",
        "calm": "Πώς καταλαβαίνω μια ψεύτικη κλήση από την τράπεζα;",
    },
    "tr": {
        "posing": "Bir adam aradı, bankadan aradığını söyledi.",
        "asks_details": "Bankadan bir kadın aradı ve kart numaramı ve şifreyi istedi.",
        "safe_account": "Bana bütün paramı güvenli bir hesaba aktarmamı söylediler.",
        "remote_access": "Banka görevlisi bir uygulama yüklememi istedi, şimdi ekranımı görüyor.",
        "takeover": "Biri başka bir telefondan hesabıma girdi ve numaramı değiştirdi.",
        "romance_fee": "İnternette bir adamla tanıştım ve ona gümrük için 4000 lira gönderdim.",
        "release_fee": "Kriptoya yatırım yaptım, şimdi parayı çekemiyorum, komisyon istiyorlar.",
        "alibi": "Cüzdanımı kaybettim ve şimdi hiç gitmediğim bir mağazada bir ödeme görüyorum.",
        "without_knowledge": (
            "Hesabımdan benim haberim olmadan para çekildi, ben hiçbir şey yapmadım."
        ),
        "disown": "Bu ödemeyi ben yapmadım, ben değilim.",
        "calm": "Sahte banka aramasını nasıl anlarım?",
    },
    "hu": {
        "posing": "Felhívott egy férfi, és azt mondta, hogy a banktól van.",
        "asks_details": "Egy nő hívott a banktól, és elkérte a kártyaszámot és a kódot.",
        "safe_account": "Azt mondták, utaljam át az összes pénzt egy biztonságos számlára.",
        "remote_access": (
            "A banki ügyintéző azt mondta, telepítsek egy alkalmazást, és látja a képernyőmet."
        ),
        "takeover": "Valaki belépett a fiókomba egy másik telefonról, és megváltoztatta a számot.",
        "romance_fee": (
            "Megismerkedtem egy férfival az interneten, és küldtem neki 4000 eurót a vámra."
        ),
        "release_fee": "Kriptóba fektettem, és most nem tudom kivenni a pénzt, díjat kérnek.",
        "alibi": (
            "Elvesztettem a pénztárcámat, és látok egy fizetést egy boltban, ahol soha nem jártam."
        ),
        "without_knowledge": "Pénz tűnt el a számlámról a tudtom nélkül, én nem csináltam semmit.",
        "disown": "Ezt a fizetést nem én csináltam, nem én voltam.",
        "calm": "Hogyan ismerhetem fel a hamis banki hívást?",
    },
    "sq": {
        "posing": "Më telefonoi një burrë dhe tha se është nga banka.",
        "asks_details": "Një grua nga banka më telefonoi dhe më kërkoi numrin e kartës dhe kodin.",
        "safe_account": "Më thanë të transferoj të gjitha paratë në një llogari të sigurt.",
        "remote_access": (
            "Punonjësi i bankës më tha të instaloj një aplikacion dhe sheh ekranin tim."
        ),
        "takeover": "Dikush hyri në llogarinë time nga një telefon tjetër dhe ndryshoi numrin.",
        "romance_fee": "Njoha një burrë në internet dhe i dërgova 4000 euro për doganën.",
        "release_fee": (
            "Investova në kripto dhe tani nuk mund t'i tërheq paratë, kërkojnë një tarifë."
        ),
        "alibi": "Humba portofolin dhe tani shoh një pagesë në një dyqan ku nuk kam qenë kurrë.",
        "without_knowledge": (
            "Më janë zhdukur para nga llogaria pa dijeninë time, nuk kam bërë asgjë."
        ),
        "disown": "Nuk e kam bërë unë këtë pagesë, nuk jam unë.",
        "calm": "Si ta dalloj një telefonatë false nga banka?",
    },
}

# The story tables these languages have (handoff.signals.stories): _POLISH, _ROMANIAN,
# _ITALIAN, _SPANISH, _PORTUGUESE, _FRENCH, _GERMAN, _UKRAINIAN, _RUSSIAN, _LITHUANIAN,
# _BULGARIAN, _GREEK, _TURKISH, _HUNGARIAN, _ALBANIAN.
_CELLS = [(lang, concept) for lang in MATRIX for concept in CONCEPTS]


def _kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in story_cues(text)}


@pytest.mark.parametrize("concept", list(CONCEPTS))
def test_english_reads_the_concept(concept: str) -> None:
    sentence, expected = CONCEPTS[concept]
    kinds = {cue[0] for cue in situation_cues(sentence)}
    assert kinds & (expected | _ENGLISH_EXTRA), (sentence, kinds)


@pytest.mark.parametrize(("lang", "concept"), _CELLS)
def test_language_reads_the_concept(lang: str, concept: str) -> None:
    sentence = MATRIX[lang][concept]
    assert _kinds(sentence) & CONCEPTS[concept][1], (sentence, _kinds(sentence))


@pytest.mark.parametrize("lang", list(MATRIX))
def test_a_question_about_the_concept_stays_calm(lang: str) -> None:
    sentence = MATRIX[lang]["calm"]
    assert not _kinds(sentence), (sentence, _kinds(sentence))


# Fresh sentences with another word in a slot (another verb, a possessive, the clitic first,
# another money noun): the concepts are matched by slot, not by the matrix sentence.
VARIANTS: list[tuple[str, str, str]] = [
    ("pl", "asks_details", "Ktoś z banku zadzwonił i chciał mój PIN do karty."),
    ("ro", "asks_details", "Un tip de la bancă m-a sunat și mi-a cerut parola."),
    ("it", "asks_details", "Un operatore della banca voleva il mio pin."),
    ("es", "asks_details", "Un hombre del banco me pidió mi clave."),
    ("pt", "asks_details", "Um senhor do banco pediu-me a senha."),
    ("fr", "asks_details", "Un conseiller de la banque voulait mon mot de passe."),
    ("de", "asks_details", "Jemand von der Bank wollte meine PIN haben."),
    ("uk", "asks_details", "Чоловік з банку вимагав мій пароль."),
    ("ru", "asks_details", "Мужчина из банка просил мой пин-код."),
    ("lt", "asks_details", "Vyras iš banko norėjo mano slaptažodžio."),
    ("bg", "asks_details", "Мъж от банката искаше паролата ми."),
    ("el", "asks_details", "Κάποιος από την τράπεζα ήθελε τον κωδικό μου."),
    ("tr", "asks_details", "Bankadan biri aradı, kodumu istedi."),
    ("hu", "asks_details", "A banktól hívtak, és a PIN kódot kérték."),
    ("sq", "asks_details", "Një burrë nga banka donte kodin."),
    ("pl", "release_fee", "Wpłaciłem na platformę, nie mogę wypłacić zysków, chcą prowizję."),
    ("es", "release_fee", "No puedo retirar mis ganancias, me piden pagar impuestos primero."),
    ("it", "release_fee", "Non posso prelevare i guadagni, vogliono una commissione."),
    ("fr", "release_fee", "Impossible de retirer mes gains, on me demande de payer une taxe."),
    ("de", "release_fee", "Ich kann nichts auszahlen, sie wollen eine Provision."),
    ("ru", "release_fee", "Не могу вывести деньги, требуют оплатить налог."),
    ("pl", "romance_fee", "Poznałam go na portalu randkowym i mu przelałam pieniądze na cło."),
    ("es", "romance_fee", "Le mandé dinero para aduanas a un novio de internet."),
    ("uk", "romance_fee", "Йому переказала гроші на митницю, а він зник."),
    ("bg", "romance_fee", "Изпратих му пари за митницата."),
    ("el", "without_knowledge", "Εξαφανίστηκαν χρήματα από την κάρτα εν αγνοία μου."),
    ("tr", "without_knowledge", "Param çekildi, benim iznim olmadan."),
    ("hu", "without_knowledge", "Eltűnt a pénzem a számláról, a tudtom nélkül."),
    ("fr", "takeover", "Quelqu'un s'est connecté sur mon compte et a changé le mot de passe."),
    ("uk", "posing", "Хтось подзвонив, сказав що з банку, і я продиктувала код."),
    ("uk", "posing", "Жінка сказала, що з банку, я повідомив їй пароль."),
    ("ru", "posing", "Женщина сказала, что из банка, и я назвал ей пароль."),
    ("ro", "alibi", "Am pierdut cardul și văd o plată într-un oraș în care nu am fost."),
    ("uk", "without_knowledge", "Вчора з рахунку зняли 300 євро без мого відома."),
]

# Calm: a code asked for by an app or a cash machine, a fee charged "without my consent" (a
# complaint), customs duty asked about, cash that will not come out of a machine.
_STRONG = frozenset({"scam", "fraud_report", "posing"})
CALM: list[str] = [
    "L'app della banca mi ha chiesto il codice ma l'SMS non arriva.",
    "La app del banco me pidió el código y no me llega el SMS.",
    "Aplikacja banku poprosiła o kod, a SMS nie przyszedł.",
    "Die App der Bank wollte meine PIN, aber ich habe sie vergessen.",
    "Bank pobrał opłatę bez mojej zgody, dlaczego?",
    "Me cobraron una comisión sin mi consentimiento, ¿por qué?",
    "Combien sont les frais de douane pour un colis ?",
    "Quanto costa la tassa doganale per un pacco?",
    "Gümrük ücreti ne kadar?",
    "Сколько стоит таможенный сбор за посылку?",
    "Ile wynosi opłata celna za paczkę z Chin?",
    "Ich kann nichts auszahlen, der Automat ist kaputt.",
    "No puedo retirar dinero en el cajero, ¿qué pasa?",
    "Nem tudom kivenni a pénzt az automatából.",
    "Як захистити свій пароль від шахраїв?",
    "Am investit într-un depozit și nu pot retrage banii înainte de scadență.",
    "Am pierdut cardul, cum comand unul nou?",
    "Ich habe nach dem Code von der Bank gesucht, wo finde ich ihn?",
    "Він сказав, що банк закритий, я не продиктувала код.",
]


@pytest.mark.parametrize(("lang", "concept", "sentence"), VARIANTS)
def test_another_word_in_the_slot(lang: str, concept: str, sentence: str) -> None:
    assert _kinds(sentence) & CONCEPTS[concept][1], (lang, sentence, _kinds(sentence))


@pytest.mark.parametrize("sentence", CALM)
def test_calm_stays_calm(sentence: str) -> None:
    assert not _kinds(sentence) & _STRONG, (sentence, _kinds(sentence))


def test_customs_paid_without_a_person_is_no_scam() -> None:
    # a customs fee transferred for a parcel is a step, not an advance-fee scam; money sent
    # to a person for customs is one ("i mu przelałam pieniądze na cło": the variants above)
    for sentence in (
        "Przelałem opłatę celną za paczkę z Chin.",
        "Ho pagato la tassa doganale per un pacco, quando arriva?",
    ):
        assert "scam" not in _kinds(sentence), (sentence, _kinds(sentence))


def test_a_denied_request_for_the_code_is_no_story() -> None:
    sentence = "Zadzwonił pan z banku, ale nie poprosił o kod, tylko o datę urodzenia."
    assert not _kinds(sentence) & _STRONG, _kinds(sentence)
