"""Round 20 (r20ma): the fraud concepts English reads, added to the European story tables.

One concept inventory for every language (principle 1): the sixteenth set's misses in other
languages were whole concepts a table never had (a bank caller ASKING for the card number or
code, a fee asked to release an investment or to clear a parcel through customs, money gone
"without my knowledge", an account logged into from elsewhere, a payment "where I have never
been" after a lost wallet). Each is written here as SLOTS, not phrases: every verb of a class
with every noun of a class (:func:`_x`), both word orders where the language has them, and
merged into the tables of :mod:`handoff.signals.stories` by :func:`add_slots`.

New concepts (read by ``stories._kinds``):

* ``asks_secret``: someone asked for or wanted the card number, the code, the PIN, the
  password ("poprosiła o numer karty", "şifreyi istedi"): beside an authority a scam (no bank
  asks), alone a step a scammer asks for;
* ``sent_to``: money sent or given to a person ("wysłałem jej", "i-am trimis", "gli ho
  mandato"): a step wherever a step counts, and with a ``fee`` a scam ("I transferred the
  customs fee for my parcel", no person, is not);
* ``fee``: a fee, commission or tax demanded ("każą zapłacić prowizję", "komisyon
  istiyorlar") or money for customs ("na cło", "per la dogana"): with a step (money sent),
  a payment or money that cannot be withdrawn, a scam (romance, investment release fee).

Entries are added to existing concepts too: ``not_me`` ("without my knowledge"), ``took``
("logged in") and ``money`` (the account or contact details taken over), ``instruction``
("told me to install"), ``step`` ("he sees my screen", "I sent him"), ``vanished`` ("I can't
withdraw"), ``alibi`` ("where I have never been"), ``stolen`` (a wallet lost) and ``charge``.

Review status: written by a NON-NATIVE author from common phrasings, as the tables are;
tests/test_round20_r20ma.py holds the concept matrix (must-match and must-not-match).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping

from handoff.signals.slots import slot_product

__all__ = ["SLOTS", "add_slots"]


# Every entry made of one word (or phrase) of each slot, "" leaving a slot empty (round 21:
# the one slot product every table shares, handoff.signals.slots).
_x = slot_product


# ---------------------------------------------------------------------------- Polish
_PL_ASK = ("poprosił o", "poprosiła o", "poprosili o", "prosił o", "prosiła o", "prosili o")
_PL_ASK2 = ("chciał", "chciała", "chcieli", "zapytał o", "zapytała o", "pytał o", "żądał")
_PL_SECRET = ("kod*", "numer karty", "numeru karty", "pin*", "hasł*", "dane karty", "cvv")
_PL_SENT = ("wysłałem", "wysłałam", "przelałem", "przelałam", "dałem", "dałam", "wpłaciłem")
_PL = {
    "asks_secret": _x((*_PL_ASK, *_PL_ASK2), ("mój", "moje", "mojej", "moją", ""), _PL_SECRET),
    "fee": (
        *_x(
            ("każą", "kazali", "kazał", "chcą", "żądają", "muszę"),
            ("zapłacić", "wpłacić", "przelać", ""),
            ("opłat*", "prowizj*", "podat*", "cło"),
        ),
        *_x(("na", "za"), ("cło", "odprawę celną")),
        "opłata celna",
        "opłatę celną",
    ),
    "sent_to": (*_x(_PL_SENT, ("mu", "jej", "im")), *_x(("mu", "jej", "im"), _PL_SENT)),
    "unknowing": ("bez mojej wiedzy", "bez mojej zgody", "bez mojego udziału"),
    "took": ("zalogował się", "zalogowali się", "zalogowała się", "się zalogował"),
    "money": ("moje konto", "mojego konta", "numer telefonu", "e-mail", "adres e-mail"),
    "alibi": _x(
        ("w którym", "w której", "gdzie"),
        ("nigdy nie byłem", "nigdy nie byłam", "nie byłem", "nie byłam"),
    ),
    "stolen": _x(("zgubiłem", "zgubiłam"), ("portfel", "kartę", "portmonetkę")),
}

# ---------------------------------------------------------------------------- Romanian
_RO = {
    "asks_secret": _x(
        ("mi-a cerut", "mi-au cerut", "a cerut", "au cerut", "voia", "voiau", "mi-a solicitat"),
        ("codul", "numărul cardului", "numărul de card", "pin-ul", "pinul", "parola", "datele"),
    ),
    "device": ("aplicația", "aplicatia", "bancomat*", "site-ul", "pe site"),
    "fee": (
        *_x(
            ("îmi cer", "mi-au cerut", "cer", "trebuie să plătesc", "trebuie să mai plătesc"),
            ("să plătesc", ""),
            ("o taxă", "taxa", "un comision", "comision*", "impozit*"),
        ),
        "pentru vamă",
        "taxa vamală",
        "taxe vamale",
    ),
    "vanished": ("nu pot retrage", "nu pot să retrag", "nu pot scoate banii"),
    "unknowing": ("fără știrea mea", "fără acordul meu", "fără să știu"),
    "instruction": _x(
        ("mi-a zis să", "mi-a spus să", "mi-au zis să", "mi-au spus să", "m-a pus să"),
        ("instalez", "descarc"),
    ),
    "step": ("vede ecranul", "îmi vede ecranul", "controlează telefonul"),
}

# ---------------------------------------------------------------------------- Italian
_IT = {
    "asks_secret": _x(
        ("mi ha chiesto", "mi hanno chiesto", "ha chiesto", "hanno chiesto", "voleva", "volevano"),
        ("il", "la", "i", "il mio", "la mia", "i miei", ""),
        ("codice", "numero della carta", "pin", "password", "dati della carta", "cvv"),
    ),
    "fee": (
        *_x(
            ("mi chiedono", "chiedono", "vogliono", "devo pagare", "mi hanno chiesto"),
            ("di pagare", ""),
            ("una tassa", "una commissione", "commissioni", "delle tasse", "tasse", "una penale"),
        ),
        "per la dogana",
        "per lo sdoganamento",
        "spese doganali",
        "tassa doganale",
    ),
    "vanished": _x(("non riesco a", "non posso"), ("prelevare", "ritirare", "prelevarli")),
    "sent_to": _x(("gli ho", "le ho"), ("mandato", "inviato", "dato", "bonificato")),
    "step": (
        "vede lo schermo",
        "vede il mio schermo",
    ),
    "unknowing": ("a mia insaputa", "senza il mio consenso", "senza la mia autorizzazione"),
    "instruction": _x(
        ("mi ha fatto", "mi hanno fatto", "mi ha detto di", "mi hanno detto di"),
        ("installare", "scaricare"),
    ),
}

# ---------------------------------------------------------------------------- Spanish
# (Spanish lists its determiners: a gap takes "un", "una", "este"... on its own)
_ES = {
    "asks_secret": _x(
        ("me pidió", "me pidieron", "pidió", "pidieron", "quería", "querían", "me solicitó"),
        ("el", "la", "los", "mi", "mis", ""),
        ("código", "número de la tarjeta", "número de tarjeta", "pin", "contraseña", "clave"),
    ),
    "fee": (
        *_x(
            ("me piden", "piden", "quieren", "tengo que pagar", "me pidieron", "me cobran"),
            ("pagar", "que pague", ""),
            ("comisión", "tasa", "impuesto", "impuestos", "multa"),
        ),
        "para la aduana",
        "para aduanas",
        "gastos de aduana",
        "tasa de aduana",
    ),
    "sent_to": _x(("le", "les"), ("envié", "mandé", "transferí", "di")),
    "step": (
        "ve mi pantalla",
        "veía mi pantalla",
    ),
    "unknowing": ("sin mi conocimiento", "sin mi consentimiento", "sin mi permiso"),
    "instruction": _x(
        ("me hizo", "me hicieron", "me dijo que", "me dijeron que"),
        ("instalar", "descargar", "instalara", "descargara"),
    ),
}

# ---------------------------------------------------------------------------- Portuguese
_PT = {
    "asks_secret": _x(
        ("pediu", "pediram", "me pediu", "queria", "queriam", "pediu-me", "pediram-me"),
        ("o", "a", "os", "o meu", "a minha", ""),
        ("código", "número do cartão", "pin", "senha", "palavra-passe", "dados do cartão"),
    ),
    "fee": (
        *_x(
            ("pedem", "querem", "tenho de pagar", "tenho que pagar", "pediram", "cobram"),
            ("pagar", "que pague", ""),
            ("uma taxa", "taxa", "uma comissão", "comissão", "impostos", "um imposto"),
        ),
        "para a alfândega",
        "taxa alfandegária",
        "taxas alfandegárias",
    ),
    "sent_to": ("mandei-lhe", "enviei-lhe", "transferi-lhe", "dei-lhe", "lhe mandei", "lhe enviei"),
    "unknowing": ("sem o meu conhecimento", "sem meu conhecimento", "sem a minha autorização"),
}

# ---------------------------------------------------------------------------- French
_FR = {
    "asks_secret": _x(
        ("m'a demandé", "m'ont demandé", "a demandé", "ont demandé", "voulait", "voulaient"),
        ("le", "mon", "les", "mes", ""),
        ("code", "numéro de carte", "numéro de ma carte", "pin", "mot de passe", "cryptogramme"),
    ),
    "fee": (
        *_x(
            ("ils demandent", "ils me demandent", "on me demande", "ils veulent", "je dois payer"),
            ("de payer", ""),
            ("des frais", "les frais", "une taxe", "une commission", "des impôts"),
        ),
        "pour la douane",
        "frais de douane",
        "droits de douane",
    ),
    "sent_to": _x(("je lui ai", "je leur ai"), ("envoyé", "viré", "donné", "transféré")),
    "step": (
        "voit mon écran",
        "contrôle mon téléphone",
    ),
    "vanished": ("je ne peux pas retirer", "impossible de retirer", "je n'arrive pas à retirer"),
    "unknowing": (
        "à mon insu",
        "sans mon accord",
        "sans mon autorisation",
        "sans mon consentement",
    ),
    "instruction": (
        *_x(("m'a fait", "m'ont fait"), ("installer", "télécharger")),
        *_x(("m'a dit", "m'ont dit", "m'a demandé", "m'ont demandé"), ("d'installer",)),
    ),
    "took": ("s'est connecté", "s'est connectée", "se sont connectés"),
}

# ---------------------------------------------------------------------------- German
_DE_SECRET = ("kartennummer", "pin", "tan", "code", "passwort", "kartendaten", "zugangsdaten")
_DE = {
    # German puts the verb last ("hat nach meiner Kartennummer gefragt"): the asked-for noun
    # after "nach" or a wanting verb is the slot
    # ("nach" only with "my": "ich habe nach dem Code gesucht" is the customer looking)
    "asks_secret": (
        *_x(
            ("wollte", "wollten", "verlangte", "verlangten"),
            ("meiner", "meine", "meinen", "meinem", "der", "die", "den", "dem"),
            _DE_SECRET,
        ),
        *_x(("nach",), ("meiner", "meinem"), _DE_SECRET),
    ),
    "fee": (
        *_x(
            ("sie verlangen", "sie wollen", "verlangen", "ich soll", "ich muss"),
            ("eine gebühr", "gebühren", "eine steuer", "steuern", "eine provision"),
        ),
        "für den zoll",
        "zollgebühren",
    ),
    # the verb last, the recipient before the sum: money "for customs" sent is the slot
    "sent_to": _x(("zoll", "zollgebühren"), ("geschickt",)),
    "step": (
        "sieht meinen bildschirm",
        "sieht er alles",
    ),
    "vanished": ("kann nichts auszahlen", "kann nicht auszahlen", "kann nichts abheben"),
    "unknowing": ("ohne mein wissen", "ohne meine zustimmung", "ohne mein einverständnis"),
    "instruction": _x(
        ("ließ mich", "sollte", "soll"), ("eine", "die", ""), ("app", "software"), ("installieren",)
    ),
    "money": ("mein konto", "meinem konto"),
    "alibi": ("wo ich nie war", "wo ich noch nie war", "in dem ich nie war", "wo ich nie gewesen"),
    "stolen": _x(("geldbörse", "portemonnaie", "brieftasche", "karte"), ("verloren",)),
}

# ---------------------------------------------------------------------------- Ukrainian
_UK_SENT = ("відправила", "відправив", "надіслала", "надіслав", "переказала", "переказав")
_UK = {
    "asks_secret": _x(
        ("попросила", "попросив", "попросили", "просив", "просила", "просили", "вимагав"),
        ("мій", "мою", "мої", ""),
        ("номер картки", "код", "пін", "пін-код", "пароль", "дані картки"),
    ),
    "fee": (
        *_x(
            ("просять", "вимагають", "хочуть", "треба заплатити", "кажуть заплатити"),
            ("заплатити", "сплатити", ""),
            ("комісію", "податок", "збір", "плату", "мито"),
        ),
        "за митницю",
        "на митницю",
        "митний збір",
    ),
    "sent_to": (*_x(_UK_SENT, ("йому", "їй", "їм")), *_x(("йому", "їй", "їм"), _UK_SENT)),
    "step": ("бачить мій екран",),
    "unknowing": ("без мого відома", "без моєї згоди", "без мого дозволу"),
    "instruction": _x(
        ("сказав", "сказала", "сказали", "попросив", "попросила", "попросили"),
        ("встановити", "завантажити"),
    ),
    "alibi": _x(("де я", "куди я"), ("ніколи не був", "ніколи не була", "не був", "не була")),
    "stolen": _x(("загубив", "загубила", "втратив", "втратила"), ("гаманець", "картку")),
    "charge": ("бачу оплату", "бачу покупку", "бачу транзакцію"),
}

# ---------------------------------------------------------------------------- Russian
_RU_SENT = ("отправила", "отправил", "перевела", "перевел", "скинула", "скинул")
_RU = {
    "asks_secret": _x(
        ("попросила", "попросил", "попросили", "просил", "просила", "просили", "требовал"),
        ("мой", "мою", "мои", ""),
        ("номер карты", "код", "пин", "пин-код", "пароль", "данные карты"),
    ),
    "fee": (
        *_x(
            ("просят", "требуют", "хотят", "надо заплатить", "нужно заплатить"),
            ("заплатить", "оплатить", ""),
            ("комиссию", "налог", "сбор", "плату", "пошлину"),
        ),
        "за таможню",
        "на таможню",
        "таможенный сбор",
    ),
    "sent_to": (*_x(_RU_SENT, ("ему", "ей", "им")), *_x(("ему", "ей", "им"), _RU_SENT)),
    "step": ("видит мой экран",),
    "unknowing": ("без моего ведома", "без моего согласия", "без моего разрешения"),
    "instruction": (
        *_x(
            ("сказал", "сказала", "сказали", "попросил", "попросила", "попросили"),
            ("установить", "скачать"),
        ),
        *_x(("защищенный", "безопасный", "резервный"), ("счет",)),
    ),
    "alibi": _x(("где я", "куда я"), ("никогда не был", "никогда не была", "не был", "не была")),
    "stolen": _x(("потерял", "потеряла"), ("кошелек", "карту")),
    "charge": ("вижу оплату", "вижу платеж", "вижу списание", "вижу покупку"),
}

# ---------------------------------------------------------------------------- Lithuanian
_LT_SENT = ("išsiunčiau", "pervedžiau", "daviau", "nusiunčiau")
_LT_TO = ("jam", "jai", "jiems")
_LT = {
    "claim": ("pasakė, kad", "pasakė kad", "sakė, kad", "sakė kad", "teigė, kad", "prisistatė"),
    "asks_secret": _x(
        ("paprašė", "prašė", "norėjo", "reikalavo"),
        ("mano", ""),
        ("kortelės numerio", "kodo", "pin kodo", "slaptažodžio", "kortelės duomenų", "kodą"),
    ),
    "fee": (
        *_x(
            ("prašo", "reikalauja", "nori", "turiu sumokėti", "liepė sumokėti"),
            ("mokesčio", "mokestį", "komisinių", "komisinius"),
        ),
        "už muitinę",
        "muitinės mokestį",
    ),
    "sent_to": (*_x(_LT_SENT, _LT_TO), *_x(_LT_TO, _LT_SENT)),
    "vanished": ("negaliu išsiimti", "negaliu atsiimti", "negaliu išgryninti"),
    "took": ("prisijungė prie", "prisijungė"),
    "money": ("mano paskyros", "paskyros", "mano sąskaitos"),
}

# ---------------------------------------------------------------------------- Bulgarian
_BG_SENT = ("изпратих", "преведох", "дадох")
_BG_TO = ("му", "ѝ", "й", "им")
_BG = {
    "asks_secret": _x(
        ("поиска", "поискаха", "искаше", "искаха"),
        ("номера на картата", "кода", "пин", "пин кода", "паролата", "данните на картата"),
    ),
    "fee": (
        *_x(
            ("искат", "изискват", "трябва да платя", "казаха да платя"),
            ("такса", "комисионна", "данък", "мито"),
        ),
        "за митницата",
        "митническа такса",
    ),
    # the clitic before the verb ("и му изпратих") or after it
    "sent_to": (*_x(_BG_SENT, _BG_TO), *_x(_BG_TO, _BG_SENT)),
    "vanished": ("не мога да изтегля", "не мога да изтеглям", "не мога да си взема"),
    "alibi": _x(
        ("където", "в който", "в което"),
        ("никога не съм бил", "никога не съм била", "не съм бил", "не съм била"),
    ),
    "stolen": _x(("загубих", "изгубих"), ("си", ""), ("портфейла", "портфейл", "картата")),
}

# ---------------------------------------------------------------------------- Greek
_EL = {
    "asks_secret": _x(
        ("ζήτησε", "ζήτησαν", "ήθελε", "ήθελαν"),
        ("τον", "το", "τα", ""),
        ("αριθμό της κάρτας", "αριθμό κάρτας", "κωδικό", "pin", "στοιχεία της κάρτας"),
    ),
    "fee": (
        *_x(
            ("ζητάνε", "ζητούν", "θέλουν", "πρέπει να πληρώσω"),
            ("προμήθεια", "φόρο", "τέλος", "τέλη", "χρέωση"),
        ),
        "για το τελωνείο",
        "τελωνειακά τέλη",
    ),
    "sent_to": _x(("του", "της", "τους"), ("έστειλα", "έδωσα", "μετέφερα")),
    "step": ("βλέπει την οθόνη",),
    "vanished": ("δεν μπορώ να κάνω ανάληψη", "δεν μπορώ να τα βγάλω", "δεν μπορώ να τα πάρω"),
    "instruction": _x(("μου είπε να", "μου είπαν να", "με έβαλε να"), ("εγκαταστήσω", "κατεβάσω")),
    "took": ("μπήκε στον", "μπήκαν στον", "άλλαξε τον αριθμό", "άλλαξε τον κωδικό"),
    "alibi": ("που δεν έχω πάει", "όπου δεν έχω πάει", "που δεν πήγα ποτέ", "που δεν ήμουν ποτέ"),
    "stolen": _x(("έχασα",), ("το πορτοφόλι", "την κάρτα")),
    "charge": _x(("βλέπω",), ("μια", ""), ("πληρωμή", "χρέωση", "αγορά")),
    "unknowing": ("χωρίς να το ξέρω", "εν αγνοία μου", "χωρίς τη συγκατάθεσή μου"),
}

# ---------------------------------------------------------------------------- Turkish
# (the verb comes last: "kart numarami ve sifreyi istedi", written here without marks)
_TR = {
    "claim": (
        "aradığını söyledi",
        "olduğunu söyledi",
        "olduğunu söylediler",
        "aradıklarını söylediler",
        "diye aradı",
    ),
    "asks_secret": _x(
        ("şifremi", "şifreyi", "kodu", "kodumu", "kart numaramı", "kart bilgilerimi", "pin*"),
        ("istedi", "istediler", "sordu", "sordular", "istiyordu"),
    ),
    "instruction": _x(("güvenli", "korumalı"), ("bir", ""), ("hesaba", "hesap")),
    "fee": (
        *_x(
            ("komisyon", "vergi", "ücret", "masraf"),
            ("istiyorlar", "istediler", "ödemem gerekiyor", "ödememi istiyorlar"),
        ),
        "gümrük için",
        "gümrük ücreti",
    ),
    "vanished": ("parayı çekemiyorum", "paramı çekemiyorum"),
    "unknowing": ("haberim olmadan", "iznim olmadan", "bilgim dışında"),
}

# ---------------------------------------------------------------------------- Hungarian
_HU_SENT = ("küldtem", "utaltam", "adtam")
_HU_ASK = ("elkérte", "kérte", "akarta", "követelte", "elkérték", "kérték")
_HU_SECRET = ("kártyaszámot", "kódot", "pin kódot", "jelszót", "kártyaadatokat")
_HU = {
    # both orders: "elkérte a kódot", "a kódot kérte"
    "asks_secret": (*_x(_HU_ASK, ("a", ""), _HU_SECRET), *_x(_HU_SECRET, _HU_ASK)),
    "fee": (
        *_x(("díjat", "jutalékot", "adót", "illetéket"), ("kérnek", "követelnek", "kell fizetnem")),
        "a vámra",
        "vámkezelésre",
    ),
    "sent_to": (*_x(_HU_SENT, ("neki", "nekik")), *_x(("neki", "nekik"), _HU_SENT)),
    "step": ("látja a képernyőmet", "látja a képernyőt"),
    "vanished": ("nem tudom kivenni", "nem tudom felvenni", "nem tudok kivenni"),
    "instruction": _x(("telepítsek", "töltsek le"), ("egy", ""), ("alkalmazást", "appot")),
    "took": ("belépett a", "belépett", "bejelentkezett"),
    "money": ("fiókomba", "a fiókomba", "a telefonszámot", "az e-mailt"),
    "alibi": _x(("ahol",), ("soha nem jártam", "nem jártam", "soha nem voltam", "sosem jártam")),
    "stolen": _x(("elvesztettem", "elhagytam"), ("a", ""), ("pénztárcámat", "kártyámat")),
    "unknowing": ("a tudtom nélkül", "tudtom nélkül", "engedélyem nélkül", "beleegyezésem nélkül"),
}

# ---------------------------------------------------------------------------- Albanian
_SQ = {
    "asks_secret": _x(
        ("më kërkoi", "më kërkuan", "kërkoi", "kërkuan", "donte", "donin"),
        ("numrin e kartës", "kodin", "pin-in", "fjalëkalimin", "të dhënat e kartës"),
    ),
    "instruction": (
        "llogari të sigurt",
        "llogarinë e sigurt",
        "llogari të mbrojtur",
        *_x(("më tha të", "më thanë të", "më kërkoi të"), ("instaloj", "shkarkoj")),
    ),
    "fee": (
        *_x(
            ("kërkojnë", "duan", "më kërkojnë", "duhet të paguaj"),
            ("një tarifë", "tarifë", "komision", "taksë", "një taksë"),
        ),
        "për doganën",
        "tarifë doganore",
    ),
    "sent_to": ("i dërgova", "u dërgova", "i dhashë", "i transferova"),
    "step": ("sheh ekranin",),
    "vanished": ("nuk mund t'i tërheq", "nuk mund të tërheq", "nuk i tërheq dot"),
    "took": ("hyri në llogarinë", "hyri në", "ndryshoi numrin", "ndryshoi fjalëkalimin"),
    "alibi": _x(("ku",), ("nuk kam qenë", "s'kam qenë", "nuk kam shkuar")),
    "stolen": _x(("humba", "më humbi"), ("portofolin", "kartën")),
    "charge": ("shoh një pagesë", "shoh pagesë", "shfaqet një pagesë"),
    "unknowing": ("pa dijeninë time", "pa lejen time", "pa dijeni"),
}

# Money gone, every verb with every money noun, both orders (round 20: the tables listed one
# order with one article: "χάθηκαν τα λεφτά" missed "χάθηκαν χρήματα").
_GONE = {
    "de": (
        *_x(("geld", "das geld", "mein geld"), ("ist", ""), ("verschwunden", "weg", "abgebucht")),
        *_x(("konto", "karte"), ("verschwunden", "abgebucht", "abgegangen")),
    ),
    "el": (
        *_x(("χάθηκαν", "εξαφανίστηκαν"), ("τα", ""), ("χρήματα", "λεφτά", "χρήματά μου")),
        *_x(("χρήματα", "λεφτά"), ("χάθηκαν", "εξαφανίστηκαν")),
    ),
    "tr": _x(("para", "param", "paralar", "paralarım"), ("çekildi", "çekilmiş", "kayboldu")),
    "hu": (
        *_x(("pénz", "a pénz", "a pénzem"), ("tűnt el", "eltűnt")),
        *_x(("eltűnt", "tűnt el"), ("a", ""), ("pénz", "pénzem")),
    ),
    "sq": _x(("më janë", "janë", "u"), ("zhdukur", "zhdukën"), ("para", "paratë", "")),
    "uk": (
        *_x(("зняли", "списали", "зникли", "пропали"), ("гроші", "кошти")),
        *_x(("з картки", "з карти", "з рахунку"), ("зняли", "списали", "зникли")),
    ),
    "ru": _x(("с карты", "со счета", "со счёта"), ("сняли", "списали", "пропали", "исчезли")),
}
# What asks for a code as a matter of course (an app, a cash machine, a website): beside it
# an authority asking for a secret is no caller posing ("la app del banco me pidió el código").
_DEVICE = {
    "pl": ("aplikacja", "aplikacji", "bankomat*", "na stronie"),
    "it": ("l'app", "app", "applicazione", "bancomat*", "sito"),
    "es": ("la app", "la aplicación", "cajero*", "la web"),
    "pt": ("a app", "a aplicação", "multibanco", "o site"),
    "fr": ("l'appli*", "l'application", "distributeur*", "le site"),
    "de": ("die app", "der app", "geldautomat*", "webseite", "website"),
    "uk": ("додаток", "застосунок", "банкомат*"),
    "ru": ("приложение", "банкомат*", "сайт"),
    "lt": ("programėlė*", "bankomat*"),
    "bg": ("приложението", "банкомат*"),
    "el": ("η εφαρμογή", "ΑΤΜ"),
    "tr": ("uygulama*", "bankamatik*"),
    "hu": ("az alkalmazás*", "az app*", "automat*"),
    "sq": ("aplikacioni", "bankomat*"),
}


def _said(verbs: tuple[str, ...], that: str) -> tuple[str, ...]:
    """A claim in reported speech, with and without the comma before "that"."""
    return tuple(f"{verb}{comma} {that}" for verb in verbs for comma in ("", ","))


# Reported claims and a secret given, every gender and number of the verb (round 20: the
# tables listed "сказали що" but not "сказав що", "продиктував" but not "повідомила код").
_UK["claim"] = _said(
    ("сказав", "сказала", "сказали", "казав", "казала", "казали", "представився"), "що"
)
_UK["step"] = (
    *_UK["step"],
    *_x(
        ("продиктував", "продиктувала", "назвав", "назвала", "повідомив", "повідомила"),
        ("їм", "йому", "їй", ""),
        ("код", "коди", "пароль", "пін", "пін-код", "номер картки", "дані картки"),
    ),
)
_RU["claim"] = _said(
    ("сказал", "сказала", "сказали", "говорил", "говорила", "представился", "представилась"),
    "что",
)
_RU["step"] = (
    *_RU["step"],
    *_x(
        ("продиктовал", "продиктовала", "назвал", "назвала", "сообщил", "сообщила"),
        ("им", "ему", "ей", ""),
        ("код", "коды", "пароль", "пин", "пин-код", "номер карты", "данные карты"),
    ),
)
# Romanian: a card lost, and a charge "where I have not been" as a relative clause
_RO["stolen"] = _x(("am pierdut", "mi-am pierdut", "mi-a căzut"), ("cardul", "portofelul"))
_RO["alibi"] = _x(
    ("în care", "unde", "la care"),
    ("nu am fost", "n-am fost", "nu am fost niciodată", "n-am fost niciodată", "nu am mai fost"),
)

SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": _PL,
    "ro": _RO,
    "it": _IT,
    "es": _ES,
    "pt": _PT,
    "fr": _FR,
    "de": _DE,
    "uk": _UK,
    "ru": _RU,
    "lt": _LT,
    "bg": _BG,
    "el": _EL,
    "tr": _TR,
    "hu": _HU,
    "sq": _SQ,
}


def append_entries(
    concepts: MutableMapping[str, tuple[str, ...]], slots: Mapping[str, tuple[str, ...]]
) -> None:
    """Each concept's ``slots`` entries appended to its entries in ``concepts``, once each."""
    for concept, entries in slots.items():
        concepts[concept] = tuple(dict.fromkeys((*concepts.get(concept, ()), *entries)))


def add_slots(tables: Iterable[tuple[str, MutableMapping[str, tuple[str, ...]]]]) -> None:
    """The entries above appended to each (code, concepts) table of their language."""
    for code, concepts in tables:
        slots = dict(SLOTS.get(code, {}))
        for concept, extra in (("gone", _GONE), ("device", _DEVICE)):
            if code in extra:
                slots[concept] = (*slots.get(concept, ()), *extra[code])
        append_entries(concepts, slots)
