"""Fraud and hardship told as a story, in the languages besides English (round 15, principle 1).

The language tables (:mod:`handoff.signals.routing_languages`) list fixed phrases per kind:
"scam", "I was defrauded". Customers rarely say that; they tell what happened: "a man rang
saying he was from the police" / "he told me to transfer the money to protect it" / "I
transferred £2,000". English finds such stories as situation shapes
(:mod:`handoff.signals.situations`); this module does the same for the twenty largest other
tables (round 16: seven more, Bulgarian, German, Persian, Albanian, Czech, Slovak and Dutch), as
STORY SHAPES: sets of concepts that must occur together in one message.

Concepts (per language, a few words each; a word ending in ``*`` is a stem):

* ``authority`` (bank, police, security department, courier) and ``claim`` ("saying", "supposedly",
  "pretending"): both in one message is someone posing as an authority (cue ``posing``), as is
  ``family`` with ``new_number`` ("a message from my daughter from a new number");
* ``step`` (I gave or read out the code, gave my card details, installed the app, transferred
  or sent the money), ``instruction`` (they told or asked me to transfer, install, give a
  code; a "safe account") and ``gone`` (money went out of the account): a step a scammer asks
  for (cue ``scam_step``: fraud once someone posed as an authority or a scam was told); with an
  authority in the same message, a scam (cue ``scam``);
* ``not_me`` ("I didn't buy anything", "I never bought from that shop", "it wasn't me") and
  ``someone`` + ``took`` + ``money`` ("someone withdrew money from my card"): unauthorised use
  (cue ``fraud_report``);
* ``paid`` (a deposit, paid upfront) or ``seller`` (seller, landlord) with ``vanished`` (does
  not answer, blocked me, the advert was deleted): a purchase scam (cue ``scam``);
* hardship (cue ``vulnerability``): ``illness`` (diagnosed, a serious illness); ``cant_pay``
  with ``cant_work`` (can't work, lost the job, nothing left for food); ``partner`` with
  ``control`` (takes my salary, controls my money, won't let me into my account).

Calm stays calm: a message with a question about scams as a topic (``howto``: "how do I
recognise", "what should I do if"; since round 16 also a past incident told as sorted: "they
already refunded it", "it was resolved") or someone else's story (``third_party``: a friend, a
neighbour, a colleague, "not your customer") gives no story cue; a ``negator`` right before a
step, an instruction, a taking or a payment ("I didn't give the code") cancels it.

Short words: a one-word concept entry of at most seven letters (folded) counts only in a
message that shows its language (:func:`handoff.signals.routing_lexicon.shows_language`), as
the tables' own short words do: folded, a short word of one language is often another's.

Review status: every entry was written for this project by a NON-NATIVE author from common
phrasings; none has been checked by a native speaker yet. tests/test_routing_stories.py lists,
per language, stories that must match and calm messages that must not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from handoff.signals.routing_lexicon import fold, may_show_language, shows_language

__all__ = ["STORY_LANGUAGES", "story_cues"]

# Indic letters and their vowel signs are one word with their neighbours (Python's \w does not
# count the spacing vowel signs as word characters).
_WORDCHAR = r"\w\u0900-\u0dff"
_SHORT = 7

CONCEPTS = (
    "authority",
    "claim",
    "step",
    "instruction",
    "gone",
    "not_me",
    "someone",
    "took",
    "money",
    "paid",
    "seller",
    "vanished",
    "illness",
    "cant_pay",
    "cant_work",
    "partner",
    "control",
    "family",
    "new_number",
    "howto",
    "third_party",
    "negator",
)
# Concepts a negator right before cancels ("nu am dat codul", "nie przelałem").
_NEGATABLE = frozenset({"step", "instruction", "took", "paid", "gone"})


@dataclass(frozen=True)
class _Story:
    code: str  # the routing_languages code whose shows_language guards short words
    concepts: dict[str, tuple[str, ...]]
    unspaced: bool = False


def _s(*words: str) -> tuple[str, ...]:
    return words


# ---------------------------------------------------------------------------- the tables
_POLISH = _Story(
    "pl",
    {
        "authority": _s(
            "z banku",
            "policj*",
            "dział bezpieczeństwa",
            "działu bezpieczeństwa",
            "kurier*",
            "konsultant banku",
            "pracownik banku",
        ),
        "claim": _s(
            "podobno",
            "rzekomo",
            "podając się",
            "podawał się",
            "podawała się",
            "powiedział, że jest",
            "powiedziała, że jest",
            "mówił, że jest",
            "że dzwoni z",
            "dzwonił ktoś z",
            "podszywa*",
        ),
        "step": _s(
            "podałem hasło",
            "podałam hasło",
            "wpisałem dane",
            "wpisałam dane",
            "kliknąłem w link",
            "kliknęłam w link",
            "kliknąłem link",
            "kliknęłam link",
            "podałem kod",
            "podałam kod",
            "podałem pin",
            "podałam pin",
            "podałem dane",
            "podałam dane",
            "przeczytałem kod",
            "przeczytałam kod",
            "zainstalowałem",
            "zainstalowałam",
            "przelałem",
            "przelałam",
            "wysłałem pieniądze",
            "wysłałam pieniądze",
            "podałem mu",
            "podałam mu",
        ),
        "instruction": _s(
            "kazał mi",
            "kazała mi",
            "kazali mi",
            "poprosił o kod",
            "poprosili o kod",
            "prosił o kod",
            "bezpieczne konto",
            "bezpieczny rachunek",
            "zainstalować aplikację",
        ),
        "gone": _s(
            "zniknęły pieniądze", "zniknęło", "zeszło z konta", "zeszły z konta", "ubyło z konta"
        ),
        "not_me": _s(
            "której nie rozpoznaję",
            "którego nie rozpoznaję",
            "nie rozpoznaję tej płatności",
            "nie rozpoznaję tej transakcji",
            "nieznana płatność",
            "nieznany przelew",
            "nigdy tam nie byłem",
            "nigdy tam nie byłam",
            "nie zmieniałem hasła",
            "nie zmieniałam hasła",
            "nie wypłacałem tych",
            "nie wypłacałam tych",
            "nie robiłem żadnego",
            "nie robiłam żadnego",
            "nie robiłem tego",
            "których nie robiłem",
            "nie robiłam tego",
            "których nie robiłam",
            "to nie ja",
            "nic nie kupowałem",
            "nic nie kupowałam",
            "nigdy nie kupowałem",
            "nigdy nie kupowałam",
            "nie zlecałem",
            "nie zlecałam",
            "nie autoryzowałem",
            "nie autoryzowałam",
        ),
        "someone": _s("ktoś"),
        "took": _s(
            "włamał się na konto",
            "wszedł na moje konto",
            "zmienił numer telefonu",
            "zmienił hasło",
            "zmienili hasło",
            "zmieniono hasło",
            "zmienił numer",
            "wziął",
            "wzięli",
            "zrobił przelew",
            "wypłacił",
            "wypłaciła",
            "wypłacono",
            "zapłacił moją",
            "użył mojej",
            "ukradł",
            "ukradli",
            "pobrał",
            "zrobił zakupy",
        ),
        "money": _s("hasło", "hasła", "pieniądze", "kartą", "karty", "z konta", "konta", "kartę"),
        "paid": _s(
            "zaliczk*",
            "zadatek",
            "zapłaciłem z góry",
            "zapłaciłam z góry",
        ),
        "seller": _s("sprzedawc*", "sprzedający", "wynajmując*", "właściciel mieszkania"),
        "vanished": _s(
            "strona nie działa",
            "strona zniknęła",
            "nie mogę wypłacić",
            "nie odbiera",
            "nie odpowiada",
            "zablokował mnie",
            "zniknął",
            "ogłoszenie usunięte",
            "usunął ogłoszenie",
            "przestał odpisywać",
        ),
        "illness": _s(
            "zdiagnozowano", "ciężko chory", "ciężko chora", "poważną chorobę", "nowotwór"
        ),
        "cant_pay": _s(
            "nie mogę spłacić", "nie mogę zapłacić", "nie stać mnie", "nie mam z czego zapłacić"
        ),
        "cant_work": _s("nie mogę pracować", "straciłem pracę", "straciłam pracę", "zwolnili mnie"),
        "partner": _s("mąż", "męża", "żona", "partner", "partnerka", "chłopak"),
        "control": _s(
            "kontroluje moje",
            "zabiera mi",
            "zabiera moją",
            "zabiera moje",
            "nie pozwala mi",
            "trzyma moją kartę",
        ),
        "family": _s("córk*", "syn", "syna", "mama", "mamy", "tata", "taty"),
        "new_number": _s("nowego numeru", "nowy numer", "nowym numerem"),
        "howto": _s(
            "już zwrócili",
            "pieniądze już wróciły",
            "już mi oddali",
            "sprawa załatwiona",
            "już wyjaśnione",
            "zostało zwrócone",
            "jak rozpoznać",
            "jak się chronić",
            "jak uniknąć",
            "co zrobić, jeśli",
            "co robić, gdy",
            "co zrobić gdy",
        ),
        "third_party": _s(
            "kolega",
            "koleżanka",
            "sąsiad*",
            "znajom*",
            "przyjaciel*",
            "nie jest waszym klientem",
            "w innym banku",
        ),
        "negator": _s("nie", "nigdy"),
    },
)

_ROMANIAN = _Story(
    "ro",
    {
        "authority": _s(
            "de la bancă",
            "de la banca",
            "poliți*",
            "departamentul de securitate",
            "curier*",
            "angajat al băncii",
        ),
        "claim": _s(
            "chipurile",
            "pretinzând",
            "pretindea",
            "a spus că e",
            "a zis că e",
            "a zis ca e",
            "cică",
            "zicea că e",
            "s-a dat drept",
            "se dădea drept",
        ),
        "step": _s(
            "am dat parola",
            "i-am dat parola",
            "am introdus datele",
            "am apăsat pe link",
            "i-am dat codul",
            "am dat codul",
            "i-am citit codul",
            "am citit codul",
            "i-am dat datele",
            "am dat datele cardului",
            "am instalat",
            "am transferat",
            "i-am trimis",
            "am trimis banii",
            "am virat",
        ),
        "instruction": _s(
            "mi-a cerut codul",
            "mi-au cerut codul",
            "mi-a spus să transfer",
            "mi-au spus să transfer",
            "mi-a cerut să instalez",
            "mi-au cerut să instalez",
            "cont sigur",
            "cont securizat",
        ),
        "gone": _s(
            "au dispărut banii",
            "au dispărut",
            "mi-au luat banii",
            "au ieșit din cont",
            "s-au retras din cont",
        ),
        "not_me": _s(
            "pe care nu o recunosc",
            "pe care nu-l recunosc",
            "nu recunosc plata",
            "nu recunosc această plată",
            "nu recunosc tranzacția",
            "nu recunosc tranzacţia",
            "unde n-am fost niciodată",
            "n-am fost niciodată acolo",
            "unde nu am fost niciodată",
            "nu am fost niciodată acolo",
            "nu am schimbat parola",
            "n-am schimbat parola",
            "nu am făcut eu",
            "nu am fost eu",
            "nu eu am făcut",
            "n-am cumpărat nimic",
            "nu am cumpărat nimic",
            "nu era ea",
            "nu era el",
            "nu a fost ea",
            "nu a fost el",
            "n-am autorizat",
            "nu am autorizat",
        ),
        "someone": _s("cineva"),
        "took": _s(
            "a intrat în contul meu",
            "au intrat în contul meu",
            "a schimbat numărul de telefon",
            "a schimbat numărul",
            "a schimbat parola",
            "au schimbat parola",
            "a fost schimbată parola",
            "a retras",
            "a scos bani",
            "a folosit cardul",
            "a cumpărat cu cardul",
            "a furat",
            "au furat",
            "a plătit cu cardul",
        ),
        "money": _s("parola", "parolă", "bani*", "card*", "cont*"),
        "paid": _s("avans*", "am plătit în avans", "am trimis banii"),
        "seller": _s("vânzător*", "vanzator*", "proprietar*"),
        "vanished": _s(
            "site-ul nu mai merge",
            "site-ul nu se mai deschide",
            "nu mai pot retrage",
            "nu mai răspunde",
            "nu răspunde",
            "m-a blocat",
            "a dispărut",
            "anunțul a fost șters",
            "a șters anunțul",
        ),
        "illness": _s("diagnosticat*", "boală gravă", "boala grava", "cancer"),
        "cant_pay": _s("nu pot plăti", "nu pot plati", "nu mai pot plăti", "nu pot achita"),
        "cant_work": _s(
            "nu mai pot lucra",
            "nu pot lucra",
            "mi-am pierdut locul de muncă",
            "am rămas fără loc de muncă",
            "am fost concediat*",
        ),
        "partner": _s("soțul meu", "sotul meu", "soția mea", "partenerul meu", "prietenul meu"),
        "control": _s(
            "controlează",
            "controleaza",
            "îmi ia banii",
            "îmi ia salariul",
            "îmi ia cardul",
            "nu mă lasă",
        ),
        "family": _s("fiica mea", "fiul meu", "mama mea", "tata", "fiică*"),
        "new_number": _s("număr nou", "numar nou", "alt număr", "un nou număr"),
        "howto": _s(
            "mi-au returnat deja",
            "banii au fost returnați",
            "s-a rezolvat deja",
            "am primit banii înapoi",
            "deja rezolvat",
            "cum recunosc",
            "cum să recunosc",
            "cum evit",
            "ce fac dacă",
            "ce trebuie să fac dacă",
            "cum mă protejez",
        ),
        "third_party": _s(
            "prieten*", "vecin*", "coleg*", "nu e client", "nu este client", "la altă bancă"
        ),
        "negator": _s("nu", "n-am", "niciodată"),
    },
)

_HINDUSTANI_LATIN = {
    "authority": _s(
        "hmrc",
        "bank ke naam",
        "bank se",
        "bank say",
        "polis",
    ),
    "claim": _s(
        "se bol raha",
        "ke naam se",
        "bol raha tha",
        "bola ke",
        "bola ki",
        "keh raha tha",
        "kaha ke",
        "kaha ki",
        "bank se hoon",
        "bank se bol",
        "ban kar",
        "banke",
    ),
    "step": _s(
        "bhej diye",
        "bhej diya",
        "maine de diya",
        "code de diya",
        "code bata diya",
        "otp de diya",
        "otp bata diya",
        "otp diya",
        "pin bata diya",
        "details de di",
        "app install kar",
        "paise bhej diye",
        "paisay bhej diye",
        "transfer kar diye",
        "transfer kar diya",
    ),
    "instruction": _s(
        "otp maang*",
        "code maang*",
        "otp mang*",
        "paise bhejo",
        "paisay bhejo",
        "code mang",
        "otp mang",
        "otp maang",
        "transfer karne ko kaha",
        "app download karne",
    ),
    "gone": _s(
        "paisa gaya",
        "paise gaye",
        "paisa nikal gaya",
        "paisa kat gaya",
        "paise gayab",
        "paise nikal gaye",
        "paisay nikal gaye",
        "paise kat gaye",
        "paisay kat gaye",
        "account se nikal",
        "account khali",
    ),
    "not_me": _s(
        "mujhe pata nahi kis ne",
        "main ne nahi kiya",
        "main ne nahin kiya",
        "maine nahin kiya",
        "mene nahi kiya",
        "maine nahi nikale",
        "main ne nahi nikale",
        "maine nahi bheje",
        "main ne nahi bheje",
        "maine nahi bheja",
        "main kabhi nahi gaya",
        "main kabhi nahi gayi",
        "maine nahi kiya",
        "mainay nahi kiya",
        "maine kuch nahi khareeda",
        "maine kuch nahi kharida",
        "mera nahi tha",
        "maine nahi kharida",
    ),
    "someone": _s("kisi ne", "koi"),
    "took": _s(
        "nikal liye",
        "nikaal liye",
        "use kiya",
        "istemal kiya",
        "kharidari ki",
        "chura liye",
    ),
    "money": _s("paisa", "paise", "paisay", "card", "account"),
    "paid": _s("booking amount"),
    "seller": _s(
        "bechne wala",
        "makan malik",
    ),
    "vanished": _s(
        "phone nahi utha", "jawab nahi de", "block kar diya", "gayab ho gaya", "ad hata diya"
    ),
    "illness": _s("bimari", "beemari", "diagnose"),
    "cant_pay": _s("nahi de sakta", "nahi de sakti", "pay nahi kar", "qist nahi", "kisht nahi"),
    "cant_work": _s(
        "naukri chali gayi",
        "naukri chali gai",
        "kaam nahi kar sakta",
        "kaam nahi kar sakti",
        "job chali gayi",
    ),
    "partner": _s(
        "mera shohar",
        "mere shohar",
        "mera pati",
        "mere pati",
    ),
    "control": _s("paise le leta", "salary le leta", "card le leta", "control karta", "nahi deta"),
    "family": _s("beti", "beta", "ammi", "abbu", "papa", "mummy"),
    "new_number": _s("naye number", "naya number"),
    "howto": _s(
        "paise wapas mil gaye",
        "paisay wapas mil gaye",
        "masla hal ho gaya",
        "kaise pehchane",
        "kaise bache",
        "kaise pata",
        "kya karna chahiye agar",
    ),
    "third_party": _s(
        "dost",
        "padosi",
        "parosi",
    ),
    "negator": _s("nahi", "nahin", "na"),
}

_URDU = _Story(
    "ur",
    {
        "authority": _s("بینک سے", "پولیس", "سیکیورٹی"),
        "claim": _s("ظاہر کیا", "بتایا کہ وہ", "کہہ رہا تھا", "کہا کہ", "بن کر"),
        "step": _s(
            "پاس ورڈ بتا دیا",
            "پاس ورڈ دے دیا",
            "لنک پر کلک",
            "کوڈ دے دیا",
            "کوڈ بتا دیا",
            "او ٹی پی دے دیا",
            "پیسے بھیج دیے",
            "ٹرانسفر کر دیے",
        ),
        "instruction": _s("کوڈ مانگا", "ٹرانسفر کرنے کو کہا", "ایپ انسٹال"),
        "gone": _s("نکل گئے ہیں", "اکاؤنٹ سے نکل", "غائب ہو گئے", "پیسے نکل گئے", "پیسے کٹ گئے"),
        "not_me": _s(
            "جس کا مجھے علم نہیں",
            "جس کا مجھے نہیں پتا",
            "مجھے نہیں پتا کس نے",
            "میں نے نہیں نکالے",
            "میں نے نہیں نکالا",
            "میں نے نہیں بھیجے",
            "میں نے نہیں بھیجا",
            "میں نے نہیں کی",
            "میں کبھی نہیں گیا",
            "میں کبھی نہیں گئی",
            "میں نے نہیں بدلا",
            "میں نے نہیں کیا",
            "میں نے کچھ نہیں خریدا",
        ),
        "someone": _s("کسی نے"),
        "took": _s(
            "اکاؤنٹ میں گھس", "نمبر بدل دیا", "پاس ورڈ بدل", "نکالے", "نکال لیے", "استعمال کیا"
        ),
        "money": _s("پاس ورڈ", "پاؤنڈ", "پیسے", "کارڈ", "اکاؤنٹ"),
        "paid": _s("ایڈوانس", "ڈپازٹ"),
        "seller": _s("بیچنے والا", "مالک مکان"),
        "vanished": _s("فون نہیں اٹھا", "جواب نہیں", "بلاک کر دیا"),
        "illness": _s("بیماری", "کینسر"),
        "cant_pay": _s(
            "دینے کے پیسے نہیں", "کرایہ نہیں", "ادا نہیں کر سکتا", "ادا نہیں کر سکتی", "قسط نہیں"
        ),
        "cant_work": _s(
            "کھانا بھی نہیں",
            "کھانے کے پیسے نہیں",
            "نوکری چلی گئی",
            "کام نہیں کر سکتا",
            "کام نہیں کر سکتی",
        ),
        "partner": _s("شوہر"),
        "control": _s("لے لیتا", "نہیں دیتا"),
        "family": _s("بیٹی", "بیٹا", "امی", "ابو"),
        "new_number": _s("نئے نمبر"),
        "howto": _s("پیسے واپس مل گئے", "واپس کر دیے", "مسئلہ حل ہو گیا", "کیسے پہچان", "کیسے بچ"),
        "third_party": _s("دوست", "پڑوسی"),
        "negator": _s("نہیں"),
    },
)

_HINDI = _Story(
    "hi",
    {
        "authority": _s("बैंक से", "पुलिस", "सिक्योरिटी"),
        "claim": _s("बोल रहा था", "कहा कि", "बनकर", "बन कर"),
        "step": _s(
            "कोड दे दिया",
            "कोड बता दिया",
            "ओटीपी दे दिया",
            "otp दे दिया",
            "पैसे भेज दिए",
            "ट्रांसफर कर दिए",
            "ऐप इंस्टॉल",
        ),
        "instruction": _s("कोड मांगा", "ओटीपी मांगा", "ट्रांसफर करने को कहा", "सेफ अकाउंट"),
        "gone": _s("पैसे निकल गए", "पैसे कट गए"),
        "not_me": _s("मैंने नहीं किया", "मैंने कुछ नहीं खरीदा"),
        "someone": _s("किसी ने"),
        "took": _s("निकाल लिए", "इस्तेमाल किया", "खरीदारी की"),
        "money": _s("पैसे", "कार्ड", "खाते"),
        "paid": _s("एडवांस", "डिपॉजिट"),
        "seller": _s("बेचने वाला", "मकान मालिक"),
        "vanished": _s("फोन नहीं उठा", "जवाब नहीं", "ब्लॉक कर दिया"),
        "illness": _s("बीमारी", "कैंसर"),
        "cant_pay": _s("नहीं चुका", "नहीं भर सकता", "नहीं भर सकती", "किस्त नहीं"),
        "cant_work": _s("नौकरी चली गई", "काम नहीं कर सकता", "काम नहीं कर सकती"),
        "partner": _s("पति", "मेरे पति"),
        "control": _s("ले लेते", "ले लेता", "नहीं देते", "नहीं देता"),
        "family": _s("बेटी", "बेटा", "मां", "पापा"),
        "new_number": _s("नए नंबर"),
        "howto": _s("कैसे पहचान", "कैसे बच"),
        "third_party": _s("दोस्त", "पड़ोसी"),
        "negator": _s("नहीं"),
    },
)

_PANJABI = _Story(
    "pa",
    {
        "authority": _s("ਬੈਂਕ ਤੋਂ", "ਪੁਲਿਸ", "bank ton", "bank to"),
        "claim": _s("ਕਹਿੰਦਾ", "ਕਿਹਾ ਕਿ", "ਬਣ ਕੇ", "kehnda si", "keha ke"),
        "step": _s(
            "ਕੋਡ ਦੇ ਦਿੱਤਾ",
            "ਕੋਡ ਦੱਸ ਦਿੱਤਾ",
            "ਪੈਸੇ ਭੇਜ ਦਿੱਤੇ",
            "code de ditta",
            "otp de ditta",
            "paise bhej ditte",
        ),
        "instruction": _s("ਕੋਡ ਮੰਗਿਆ", "code mangya", "otp mangya"),
        "gone": _s("ਨਿਕਲ ਗਏ", "ਕੱਟੇ ਗਏ", "nikal gaye"),
        "not_me": _s(
            "ਮੈਂ ਕੋਈ ਖਰੀਦਦਾਰੀ ਨਹੀਂ",
            "ਮੈਂ ਕੁਝ ਨਹੀਂ ਖਰੀਦਿਆ",
            "ਮੈਂ ਨਹੀਂ ਕੀਤਾ",
            "main kuch nahi khareedeya",
            "main nahi kita",
        ),
        "someone": _s("ਕਿਸੇ ਨੇ", "kise ne"),
        "took": _s("ਕਢਵਾ ਲਏ", "ਵਰਤਿਆ", "ਕੱਢ ਲਏ"),
        "money": _s("ਪੈਸੇ", "ਪੌਂਡ", "ਕਾਰਡ", "ਖਾਤੇ"),
        "paid": _s("ਐਡਵਾਂਸ", "ਡਿਪਾਜ਼ਿਟ"),
        "seller": _s("ਵੇਚਣ ਵਾਲਾ", "ਮਕਾਨ ਮਾਲਕ"),
        "vanished": _s("ਫੋਨ ਨਹੀਂ ਚੁੱਕਦਾ", "ਬਲੌਕ ਕਰ ਦਿੱਤਾ", "ਜਵਾਬ ਨਹੀਂ"),
        "illness": _s("ਬਿਮਾਰੀ", "ਕੈਂਸਰ"),
        "cant_pay": _s("ਨਹੀਂ ਭਰ ਸਕਦਾ", "ਨਹੀਂ ਭਰ ਸਕਦੀ", "ਕਿਸ਼ਤ ਨਹੀਂ"),
        "cant_work": _s("ਨੌਕਰੀ ਚਲੀ ਗਈ", "ਕੰਮ ਨਹੀਂ ਕਰ ਸਕਦਾ", "ਕੰਮ ਨਹੀਂ ਕਰ ਸਕਦੀ"),
        "partner": _s("ਪਤੀ", "ਘਰਵਾਲਾ"),
        "control": _s("ਲੈ ਲੈਂਦਾ", "ਨਹੀਂ ਦਿੰਦਾ"),
        "family": _s("ਧੀ", "ਪੁੱਤ", "ਮਾਂ", "ਪਿਤਾ"),
        "new_number": _s("ਨਵੇਂ ਨੰਬਰ"),
        "howto": _s("ਕਿਵੇਂ ਪਛਾਣ", "ਕਿਵੇਂ ਬਚ"),
        "third_party": _s("ਦੋਸਤ", "ਗੁਆਂਢੀ"),
        "negator": _s("ਨਹੀਂ"),
    },
)

_PORTUGUESE = _Story(
    "pt",
    {
        "authority": _s(
            "do banco",
            "polícia",
            "policia",
            "departamento de segurança",
            "setor de segurança",
            "central de segurança",
            "estafeta",
            "motoboy",
        ),
        "claim": _s(
            "supostamente",
            "dizendo ser",
            "dizendo que era",
            "disse que era",
            "se passando por",
            "a fingir",
            "fingindo ser",
            "alegando ser",
        ),
        "step": _s(
            "dei a senha",
            "passei a senha",
            "coloquei os meus dados",
            "coloquei meus dados",
            "cliquei no link",
            "mandei",
            "passei o código",
            "dei o código",
            "li o código",
            "passei os dados",
            "dei os dados",
            "instalei",
            "transferi",
            "mandei o dinheiro",
            "enviei o dinheiro",
            "fiz o pix",
            "fiz um pix",
            "fiz a transferência",
        ),
        "instruction": _s(
            "pediu o código",
            "pediram o código",
            "mandou transferir",
            "pediu para transferir",
            "pediram para transferir",
            "conta segura",
            "pediu para instalar",
            "pediram para instalar",
        ),
        "gone": _s(
            "sumiu o dinheiro",
            "o dinheiro sumiu",
            "desapareceu o dinheiro",
            "saiu da minha conta",
            "saíram da minha conta",
            "tiraram da minha conta",
        ),
        "not_me": _s(
            "que não reconheço",
            "não reconheço este pagamento",
            "não reconheço esta compra",
            "onde nunca fui",
            "nunca fui lá",
            "onde nunca estive",
            "nunca estive lá",
            "não alterei a senha",
            "não mudei a senha",
            "não era ela",
            "não era ele",
            "não fui eu",
            "nunca comprei",
            "não comprei nada",
            "não fiz essa",
            "não fiz esse",
            "não autorizei",
            "não reconheço essa compra",
        ),
        "someone": _s("alguém"),
        "took": _s(
            "entrou na minha conta",
            "entraram na minha conta",
            "mudou o número de telefone",
            "mudaram o número",
            "mudou a senha",
            "mudaram a senha",
            "alterou a senha",
            "alteraram a senha",
            "mudou a palavra-passe",
            "sacou",
            "levantou",
            "usou o meu cartão",
            "usou meu cartão",
            "comprou com",
            "roubou",
            "clonaram",
            "clonou",
        ),
        "money": _s("senha", "palavra-passe", "dinheiro", "cartão", "conta"),
        "paid": _s("adiantado", "caução", "paguei antecipado"),
        "seller": _s("vendedor*", "senhorio", "anunciante", "proprietário"),
        "vanished": _s(
            "o site não abre",
            "o site saiu do ar",
            "não consigo levantar",
            "não atende",
            "não responde",
            "me bloqueou",
            "bloqueou-me",
            "sumiu",
            "desapareceu",
            "apagou o anúncio",
            "anúncio foi apagado",
        ),
        "illness": _s("diagnosticad*", "doença grave", "câncer", "cancro"),
        "cant_pay": _s("não consigo pagar", "não posso pagar", "não tenho como pagar"),
        "cant_work": _s(
            "não consigo trabalhar",
            "não posso trabalhar",
            "perdi o emprego",
            "fui demitid*",
            "fui despedid*",
        ),
        "partner": _s("marido", "esposo", "companheiro", "namorado", "mulher"),
        "control": _s(
            "controla",
            "pega meu cartão",
            "pega o meu cartão",
            "fica com o meu",
            "fica com meu",
            "não me deixa",
            "tira o meu dinheiro",
        ),
        "family": _s("minha filha", "meu filho", "minha mãe", "meu pai"),
        "new_number": _s("número novo", "novo número", "outro número"),
        "howto": _s(
            "já foi devolvido",
            "já me devolveram",
            "já foi resolvido",
            "já está resolvido",
            "recebi o dinheiro de volta",
            "como reconhecer",
            "como identificar",
            "como evitar",
            "o que fazer se",
            "como me proteger",
        ),
        "third_party": _s("amig*", "vizinh*", "colega", "não é cliente", "outro banco"),
        "negator": _s("não", "nunca", "nao"),
    },
)

_SPANISH = _Story(
    "es",
    {
        "authority": _s(
            "del banco",
            "policía",
            "policia",
            "departamento de seguridad",
            "guardia civil",
            "mensajero",
        ),
        "claim": _s(
            "supuestamente",
            "diciendo que eran",
            "diciendo que era",
            "dijo que era",
            "dijeron que eran",
            "haciéndose pasar",
            "se hizo pasar",
            "se hacían pasar",
        ),
        "step": _s(
            "le di la contraseña",
            "les di la contraseña",
            "metí mis datos",
            "puse mis datos",
            "introduje mis datos",
            "pinché en el enlace",
            "hice clic en el enlace",
            "les di el código",
            "le di el código",
            "di el código",
            "les leí el código",
            "le leí el código",
            "di mis datos",
            "les di los datos",
            "instalé",
            "transferí",
            "hice la transferencia",
            "mandé el dinero",
            "envié el dinero",
            "hice un bizum",
        ),
        "instruction": _s(
            "me pidieron el código",
            "me pidió el código",
            "me pidieron instalar",
            "me pidió instalar",
            "me pidieron transferir",
            "me dijeron que transfiriera",
            "cuenta segura",
            "me pidieron que instalara",
        ),
        "gone": _s(
            "desapareció el dinero",
            "han desaparecido",
            "salió de mi cuenta",
            "sacaron de mi cuenta",
            "me vaciaron la cuenta",
        ),
        "not_me": _s(
            "que no reconozco",
            "no reconozco este cargo",
            "no reconozco el cargo",
            "no reconozco este pago",
            "nunca he estado allí",
            "donde nunca he estado",
            "donde nunca estuve",
            "donde nunca he ido",
            "no cambié la contraseña",
            "no he cambiado la contraseña",
            "yo no saqué",
            "que no hice",
            "no fui yo",
            "no compré nada",
            "nunca compré",
            "que no he hecho",
            "no autoricé",
        ),
        "someone": _s("alguien"),
        "took": _s(
            "entró en mi cuenta",
            "entraron en mi cuenta",
            "cambió el número de teléfono",
            "cambiaron el número",
            "cambió la contraseña",
            "cambiaron la contraseña",
            "cambiaron mi contraseña",
            "cambió mi contraseña",
            "ha sacado",
            "han sacado",
            "sacó",
            "retiró",
            "usó mi tarjeta",
            "compró con mi",
            "robó",
            "clonaron",
        ),
        "money": _s("contraseña", "dinero", "tarjeta", "cuenta"),
        "paid": _s("fianza", "por adelantado", "anticipo"),
        "seller": _s("vendedor*", "casero", "arrendador", "anunciante"),
        "vanished": _s(
            "la web ya no funciona",
            "la página ya no abre",
            "no puedo retirar",
            "no contesta",
            "no responde",
            "me bloqueó",
            "desapareció",
            "borró el anuncio",
            "anuncio borrado",
            "ya no coge",
        ),
        "illness": _s("diagnosticad*", "enfermedad grave", "cáncer"),
        "cant_pay": _s("no puedo pagar", "no puedo devolver"),
        "cant_work": _s(
            "no puedo trabajar",
            "perdí mi trabajo",
            "perdí el trabajo",
            "me despidieron",
            "me he quedado sin trabajo",
        ),
        "partner": _s("marido", "esposo", "pareja", "novio", "mujer"),
        "control": _s("controla", "me quita", "se queda con mi", "no me deja"),
        "family": _s("mi hija", "mi hijo", "mi madre", "mi padre"),
        "new_number": _s("número nuevo", "nuevo número", "otro número"),
        "howto": _s(
            "ya me lo devolvieron",
            "ya me devolvieron",
            "ya está resuelto",
            "ya se resolvió",
            "me devolvieron el dinero",
            "cómo reconocer",
            "cómo identificar",
            "cómo evitar",
            "qué hago si",
            "qué hacer si",
            "cómo protegerme",
        ),
        "third_party": _s("amig*", "vecin*", "compañer*", "no es cliente", "otro banco"),
        "negator": _s("no", "nunca"),
    },
)

_ITALIAN = _Story(
    "it",
    {
        "authority": _s(
            "dalla banca",
            "polizia",
            "carabinieri",
            "ufficio sicurezza",
            "reparto sicurezza",
            "corriere",
        ),
        "claim": _s(
            "presunto",
            "presunta",
            "dicendo di essere",
            "ha detto di essere",
            "spacciandosi",
            "fingendo",
        ),
        "step": _s(
            "ho inserito i miei dati",
            "ho cliccato sul link",
            "ho dato il codice",
            "gli ho dato il codice",
            "ho letto il codice",
            "ho dato i dati",
            "ho installato",
            "ho trasferito",
            "ho fatto il bonifico",
            "ho mandato i soldi",
            "ho inviato i soldi",
        ),
        "instruction": _s(
            "mi ha chiesto il codice",
            "mi hanno chiesto il codice",
            "mi ha detto di trasferire",
            "mi hanno detto di trasferire",
            "conto sicuro",
            "di installare",
        ),
        "gone": _s(
            "spariti i soldi", "sono spariti", "usciti dal mio conto", "prelevati dal mio conto"
        ),
        "not_me": _s(
            "che non riconosco",
            "non riconosco questo pagamento",
            "non riconosco l'addebito",
            "non ci sono mai stato",
            "dove non sono mai stato",
            "non ci sono mai stata",
            "dove non sono mai stata",
            "non ho prelevato io",
            "non sono stato io",
            "non sono stata io",
            "non ho comprato niente",
            "non ho comprato nulla",
            "mai comprato",
            "non ho fatto io",
            "non ho autorizzato",
        ),
        "someone": _s("qualcuno"),
        "took": _s(
            "è entrato nel mio conto",
            "sono entrati nel mio conto",
            "ha cambiato il numero",
            "ha prelevato",
            "ha usato la mia carta",
            "ha comprato con",
            "ha rubato",
            "hanno clonato",
        ),
        "money": _s("soldi", "carta", "conto"),
        "paid": _s("caparra", "acconto", "anticipo"),
        "seller": _s("venditor*", "padrone di casa", "proprietario"),
        "vanished": _s(
            "non risponde",
            "mi ha bloccato",
            "è sparito",
            "sparito",
            "annuncio cancellato",
            "ha cancellato l'annuncio",
        ),
        "illness": _s("diagnosticat*", "malattia grave", "tumore", "cancro"),
        "cant_pay": _s("non riesco a pagare", "non posso pagare"),
        "cant_work": _s("non posso lavorare", "ho perso il lavoro", "licenziat*"),
        "partner": _s("marito", "compagno", "moglie", "fidanzato"),
        "control": _s("controlla", "mi prende", "si tiene", "non mi lascia"),
        "family": _s("mia figlia", "mio figlio", "mia madre", "mio padre"),
        "new_number": _s("numero nuovo", "nuovo numero"),
        "howto": _s(
            "mi hanno già rimborsato",
            "già rimborsato",
            "già risolto",
            "è stato risolto",
            "ho riavuto i soldi",
            "come riconoscere",
            "come evitare",
            "cosa fare se",
            "come proteggermi",
        ),
        "third_party": _s("cugin*", "amic*", "vicin*", "collega", "non è cliente", "altra banca"),
        "negator": _s("non", "mai"),
    },
)

_FRENCH = _Story(
    "fr",
    {
        "authority": _s(
            "de la banque",
            "police",
            "gendarmerie",
            "service de sécurité",
            "service fraude",
            "coursier",
        ),
        "claim": _s(
            "soi-disant",
            "prétendant",
            "se faisant passer",
            "en disant qu'il était",
            "a dit qu'il était",
            "a dit qu'elle était",
            "disant être",
        ),
        "step": _s(
            "donné le mot de passe",
            "donné mon mot de passe",
            "entré mes coordonnées",
            "saisi mes données",
            "cliqué sur le lien",
            "je lui ai donné le code",
            "j'ai donné le code",
            "j'ai lu le code",
            "j'ai donné mes coordonnées",
            "j'ai installé",
            "j'ai viré",
            "j'ai transféré",
            "j'ai envoyé l'argent",
            "j'ai fait le virement",
        ),
        "instruction": _s(
            "m'a demandé le code",
            "m'ont demandé le code",
            "m'a demandé de virer",
            "m'ont demandé de virer",
            "m'a demandé d'installer",
            "m'ont demandé d'installer",
            "compte sécurisé",
        ),
        "gone": _s(
            "l'argent a disparu",
            "a disparu de mon compte",
            "sorti de mon compte",
            "vidé mon compte",
        ),
        "not_me": _s(
            "que je ne reconnais pas",
            "je ne reconnais pas ce paiement",
            "je ne reconnais pas cette opération",
            "je n'ai pas modifié mon mot de passe",
            "je n'y suis jamais allé",
            "où je ne suis jamais allé",
            "je n'y suis jamais allée",
            "où je ne suis jamais allée",
            "ce n'est pas moi",
            "c'est pas moi",
            "je n'ai rien acheté",
            "j'ai rien acheté",
            "jamais acheté",
            "que je n'ai pas fait",
            "pas autorisé",
        ),
        "someone": _s("quelqu'un"),
        "took": _s(
            "est entré dans mon compte",
            "sont entrés dans mon compte",
            "a changé le numéro",
            "a modifié mon mot de passe",
            "ont modifié mon mot de passe",
            "a retiré",
            "a utilisé ma carte",
            "a acheté avec",
            "a volé",
            "ont cloné",
        ),
        "money": _s("mot de passe", "argent", "carte", "compte"),
        "paid": _s("acompte", "caution", "arrhes"),
        "seller": _s("vendeu*", "propriétaire", "bailleur"),
        "vanished": _s(
            "ne répond plus",
            "ne répond pas",
            "m'a bloqué",
            "a disparu",
            "annonce supprimée",
            "a supprimé l'annonce",
        ),
        "illness": _s("diagnostiqu*", "maladie grave", "cancer"),
        "cant_pay": _s("je ne peux pas payer", "je ne peux plus payer", "peux pas rembourser"),
        "cant_work": _s(
            "je ne peux plus travailler",
            "perdu mon emploi",
            "perdu mon travail",
            "licencié",
            "licenciée",
        ),
        "partner": _s("mari", "conjoint", "compagnon", "copain", "femme"),
        "control": _s("contrôle", "me prend", "garde ma carte", "ne me laisse pas"),
        "family": _s("ma fille", "mon fils", "ma mère", "mon père"),
        "new_number": _s("nouveau numéro"),
        "howto": _s(
            "déjà remboursé",
            "déjà été remboursé",
            "déjà réglé",
            "déjà résolu",
            "j'ai été remboursé",
            "j'ai été remboursée",
            "comment reconnaître",
            "comment éviter",
            "que faire si",
            "comment me protéger",
        ),
        "third_party": _s("ami", "amie", "voisin*", "collègue", "pas client", "autre banque"),
        "negator": _s("pas", "jamais", "n'ai"),
    },
)

_LITHUANIAN = _Story(
    "lt",
    {
        "authority": _s("iš banko", "iš policijos", "policij*", "saugumo skyri*", "kurjer*"),
        "claim": _s(
            "neva", "esą", "sakė, kad yra", "sakė kad yra", "prisistatė", "apsimetė", "apsimesdamas"
        ),
        "step": _s(
            "daviau slaptažodį",
            "pasakiau slaptažodį",
            "suvedžiau duomenis",
            "paspaudžiau nuorodą",
            "pervedžiau",
            "padiktavau kodą",
            "pasakiau kodą",
            "davei kodą",
            "daviau kodą",
            "įdiegiau",
            "išsiunčiau pinigus",
            "nusiunčiau pinigus",
            "pateikiau duomenis",
        ),
        "instruction": _s(
            "liepė pervesti",
            "liepė įdiegti",
            "paprašė kodo",
            "prašė kodo",
            "paprašė pervesti",
            "saugią sąskaitą",
            "saugi sąskaita",
            "apsaugotų",
        ),
        "gone": _s("dingo pinigai", "pinigai dingo", "nuskaičiavo", "ištuštino sąskaitą"),
        "not_me": _s(
            "kurio neatpažįstu",
            "kurios neatpažįstu",
            "neatpažįstu šio mokėjimo",
            "kurioje niekada nebuvau",
            "niekada ten nebuvau",
            "nekeičiau slaptažodžio",
            "aš neišsiėmiau",
            "tai ne aš",
            "buvau ne aš",
            "nieko nepirkau",
            "niekada nepirkau",
            "nedariau",
            "neautorizavau",
        ),
        "someone": _s("kažkas"),
        "took": _s(
            "pakeitė slaptažodį",
            "pakeitė mano slaptažodį",
            "mokėjo",
            "sumokėjo",
            "nuėmė",
            "išėmė",
            "panaudojo mano kortelę",
            "pavogė",
            "nusipirko",
        ),
        "money": _s("slaptažod*", "pinig*", "kortel*", "sąskait*"),
        "paid": _s("avans*", "užstat*"),
        "seller": _s("pardavėj*", "nuomotoj*"),
        "vanished": _s(
            "nebeatsiliepia", "neatsako", "užblokavo mane", "dingo", "skelbimas ištrintas"
        ),
        "illness": _s("diagnozavo", "sunki liga", "sunkią ligą", "vėžys", "vėžį"),
        "cant_pay": _s("negaliu sumokėti", "negaliu mokėti", "negaliu grąžinti"),
        "cant_work": _s("negaliu dirbti", "netekau darbo", "atleido iš darbo"),
        "partner": _s("vyras", "vyro", "žmona", "partneris", "draugas mano"),
        "control": _s("kontroliuoja", "atima", "neleidžia"),
        "family": _s("dukr*", "sūn*", "mama", "tėtis"),
        "new_number": _s("naujo numerio", "naujas numeris"),
        "howto": _s(
            "jau grąžino",
            "pinigai grąžinti",
            "jau išspręsta",
            "kaip atpažinti",
            "kaip išvengti",
            "ką daryti, jei",
            "ką daryti jei",
        ),
        "third_party": _s("draug*", "kaimyn*", "kolega", "nėra jūsų klientas", "kitame banke"),
        "negator": _s("ne", "niekada"),
    },
)

_RUSSIAN = _Story(
    "ru",
    {
        "authority": _s(
            "из банка", "полици*", "службы безопасности", "служба безопасности", "курьер*"
        ),
        "claim": _s(
            "сказали что",
            "сказали, что",
            "сказал что",
            "сказал, что",
            "сказала, что",
            "якобы",
            "представился",
            "представилась",
            "назвался",
            "сказал, что из",
            "сказали, что из",
            "выдавал себя",
        ),
        "step": _s(
            "ввел данные",
            "ввёл данные",
            "ввела данные",
            "дал пароль",
            "дала пароль",
            "перешел по ссылке",
            "перешёл по ссылке",
            "перешла по ссылке",
            "продиктовал*",
            "сказал код",
            "сказала код",
            "назвал код",
            "назвала код",
            "дал код",
            "дала код",
            "установил*",
            "перевел*",
            "перевёл",
            "отправил деньги",
            "отправила деньги",
        ),
        "instruction": _s(
            "попросили код",
            "попросил код",
            "просили код",
            "сказали перевести",
            "велели перевести",
            "безопасный счет",
            "безопасный счёт",
            "попросили установить",
        ),
        "gone": _s(
            "пропали деньги", "деньги пропали", "списали", "сняли со счета", "сняли со счёта"
        ),
        "not_me": _s(
            "незнакомый платеж",
            "незнакомый платёж",
            "не узнаю этот платеж",
            "не узнаю этот платёж",
            "о котором я не знаю",
            "которую я не делал",
            "которую я не делала",
            "никогда не был там",
            "где никогда не был",
            "где никогда не была",
            "не менял пароль",
            "не меняла пароль",
            "я не снимал",
            "я не снимала",
            "я не переводил",
            "я не переводила",
            "это не я",
            "это был не я",
            "это была не я",
            "я ничего не покупал",
            "я ничего не покупала",
            "не совершал",
            "не совершала",
            "я никому не давал",
            "я никому не давала",
        ),
        "someone": _s("кто-то"),
        "took": _s(
            "зашел в мой аккаунт",
            "зашёл в мой аккаунт",
            "взломал*",
            "сменил номер телефона",
            "сменил пароль",
            "сменили пароль",
            "поменял пароль",
            "поменяли пароль",
            "сменили номер",
            "снял",
            "сняли",
            "списал",
            "украл",
            "расплатился",
        ),
        "money": _s(
            "аккаунт*", "номер телефона", "пароль", "пароля", "деньги", "карт*", "счет*", "счёт*"
        ),
        "paid": _s("предоплат*", "задаток"),
        "seller": _s("продав*", "арендодател*", "хозяин квартиры"),
        "vanished": _s(
            "сайт не открывается",
            "сайт не работает",
            "не могу вывести",
            "не отвечает",
            "не берет трубку",
            "заблокировал меня",
            "пропал",
            "объявление удалено",
            "удалил объявление",
        ),
        "illness": _s("диагностировали", "тяжелая болезнь", "тяжело болен", "тяжело больна"),
        "cant_pay": _s("не могу платить", "не могу заплатить", "не могу погасить"),
        "cant_work": _s("не могу работать", "потерял работу", "потеряла работу", "уволили"),
        "partner": _s("муж", "жена", "партнер", "партнёр"),
        "control": _s(
            "контролирует",
            "забирает мои деньги",
            "забирает мою зарплату",
            "забирает мою карту",
            "забирает карту",
            "не дает мне доступ*",
            "не даёт мне доступ*",
        ),
        "family": _s("дочь", "дочери", "сын", "сына", "мама", "папа"),
        "new_number": _s("нового номера", "новый номер"),
        "howto": _s(
            "уже вернули",
            "деньги вернули",
            "уже решили",
            "вопрос решен",
            "вопрос решён",
            "как распознать",
            "как узнать мошенников",
            "как избежать",
            "что делать, если",
            "что делать если",
            "как защититься",
        ),
        "third_party": _s(
            "друг",
            "друга",
            "другу",
            "подруга",
            "подруги",
            "подруге",
            "сосед*",
            "коллег*",
            "не ваш клиент",
            "другом банке",
        ),
        "negator": _s("не", "никогда"),
    },
)

_UKRAINIAN = _Story(
    "uk",
    {
        "authority": _s("з банку", "поліці*", "служби безпеки", "служба безпеки", "кур'єр*"),
        "claim": _s(
            "сказали що",
            "сказали, що",
            "сказав, що",
            "сказала, що",
            "нібито",
            "представився",
            "представилася",
            "назвався",
            "сказав, що з",
            "сказали, що з",
        ),
        "step": _s(
            "ввів дані",
            "ввела дані",
            "дав пароль",
            "дала пароль",
            "натиснув на посилання",
            "натиснула на посилання",
            "перейшов за посиланням",
            "перейшла за посиланням",
            "назвала код",
            "назвав код",
            "продиктував",
            "продиктувала",
            "сказав код",
            "сказала код",
            "дав код",
            "дала код",
            "встановив",
            "встановила",
            "переказав",
            "переказала",
            "надіслав гроші",
            "надіслала гроші",
        ),
        "instruction": _s(
            "попросили код",
            "попросив код",
            "сказали переказати",
            "безпечний рахунок",
            "попросили встановити",
        ),
        "gone": _s("зникли гроші", "гроші зникли", "списали", "зняли з рахунку"),
        "not_me": _s(
            "незнайомий платіж",
            "якого я не впізнаю",
            "про який я не знаю",
            "якого я не робив",
            "якого я не робила",
            "я нічого не робив",
            "я нічого не робила",
            "ніколи не був там",
            "де ніколи не був",
            "де ніколи не була",
            "не змінював пароль",
            "не змінювала пароль",
            "я не знімав",
            "я не знімала",
            "я не переказував",
            "я не переказувала",
            "це не я",
            "це був не я",
            "це була не я",
            "я нічого не купував",
            "я нічого не купувала",
            "нікому не давав",
            "нікому не давала",
            "не робив",
            "не робила",
        ),
        "someone": _s("хтось"),
        "took": _s(
            "зайшов у мій акаунт",
            "зламав*",
            "змінив номер телефону",
            "змінив пароль",
            "змінили пароль",
            "змінила пароль",
            "поміняв пароль",
            "поміняли пароль",
            "змінив номер",
            "змінили номер",
            "зняв",
            "зняла",
            "зняли",
            "списав",
            "вкрав",
            "розрахувався",
        ),
        "money": _s(
            "акаунт*",
            "номер телефону",
            "пароль",
            "пароля",
            "інтернет-банкінг*",
            "гроші",
            "карт*",
            "рахун*",
        ),
        "paid": _s("передоплат*", "завдаток"),
        "seller": _s("продав*", "орендодав*"),
        "vanished": _s(
            "сайт не відкривається",
            "сайт не працює",
            "не можу вивести",
            "не відповідає",
            "заблокував мене",
            "зник",
            "оголошення видалено",
        ),
        "illness": _s("діагностували", "важка хвороба", "тяжко хворий", "тяжко хвора"),
        "cant_pay": _s("не можу платити", "не можу сплатити", "не можу погасити"),
        "cant_work": _s("не можу працювати", "втратив роботу", "втратила роботу", "звільнили"),
        "partner": _s("чоловік", "дружина", "партнер"),
        "control": _s(
            "контролює",
            "забирає мої гроші",
            "забирає мою зарплату",
            "забирає мою картку",
            "не дає мені доступ*",
        ),
        "family": _s("донька", "доньки", "син", "сина", "мама", "тато"),
        "new_number": _s("нового номера", "новий номер"),
        "howto": _s(
            "вже повернули",
            "гроші повернули",
            "вже вирішили",
            "питання вирішено",
            "як розпізнати",
            "як уникнути",
            "що робити, якщо",
            "що робити якщо",
        ),
        "third_party": _s(
            "друг",
            "друга",
            "другу",
            "подруга",
            "подруги",
            "подрузі",
            "сусід*",
            "колег*",
            "не ваш клієнт",
        ),
        "negator": _s("не", "ніколи"),
    },
)

_TURKISH = _Story(
    "tr",
    {
        "authority": _s("bankadan", "polis", "güvenlik birimi", "güvenlik departmanı", "kurye"),
        "claim": _s(
            "olduğunu söyledi",
            "olduğunu söyleyen",
            "güya",
            "sözde",
            "diye aradı",
            "kendini tanıttı",
        ),
        "step": _s(
            "şifremi verdim",
            "bilgilerimi girdim",
            "linke tıkladım",
            "bağlantıya tıkladım",
            "kodu verdim",
            "kodu söyledim",
            "şifreyi verdim",
            "bilgilerimi verdim",
            "uygulamayı yükledim",
            "yükledim",
            "havale ettim",
            "gönderdim",
            "transfer ettim",
        ),
        "instruction": _s(
            "kodu istedi",
            "kodu istediler",
            "göndermemi istedi",
            "yüklememi istedi",
            "güvenli hesap",
        ),
        "gone": _s("para çekilmiş", "hesabımdan çekilmiş", "hesabım boşalmış", "para gitmiş"),
        "not_me": _s(
            "bilmediğim bir ödeme",
            "bilmediğim ödeme",
            "tanımadığım bir ödeme",
            "tanımadığım ödeme",
            "bilmediğim bir harcama",
            "benim yapmadığım",
            "hiç gitmedim",
            "hiç gitmediğim",
            "ben değiştirmedim",
            "ben çekmedim",
            "ben yapmadım",
            "hiçbir şey almadım",
            "bir şey almadım",
            "ben değilim",
            "yapmadığım",
        ),
        "someone": _s("birisi", "biri"),
        "took": _s(
            "hesabıma girmiş",
            "hesabıma girdi",
            "telefon numarasını değiştirmiş",
            "şifremi değiştirdi",
            "şifremi değiştirmiş",
            "şifreyi değiştirmiş",
            "şifremi değiştirmişler",
            "kopyalamış",
            "çekmiş",
            "kullanmış",
            "alışveriş yapmış",
            "çalmış",
        ),
        "money": _s("şifre*", "para*", "kart*", "hesab*"),
        "paid": _s("kapora", "kaparo", "depozito", "peşin"),
        "seller": _s("satıcı", "ev sahibi"),
        "vanished": _s(
            "site açılmıyor",
            "para çekemiyorum",
            "telefonu açmıyor",
            "telefonlarımı açmıyor",
            "cevap vermiyor",
            "engelledi",
            "silinmiş",
            "ortadan kayboldu",
        ),
        "illness": _s("teşhis", "ağır hastalık", "kanser"),
        "cant_pay": _s("ödeyemiyorum", "ödeyemem", "ödeyemeyeceğim"),
        "cant_work": _s("çalışamıyorum", "işimi kaybettim", "işten çıkarıldım"),
        "partner": _s("kocam", "eşim"),
        "control": _s(
            "elimden aldı",
            "tehdit ediyor",
            "kontrol ediyor",
            "maaşımı alıyor",
            "paramı alıyor",
            "kartımı alıyor",
            "izin vermiyor",
        ),
        "family": _s("kızım", "oğlum", "annem", "babam"),
        "new_number": _s("yeni numara*"),
        "howto": _s(
            "iade edildi",
            "parayı geri aldım",
            "zaten çözüldü",
            "çözüldü zaten",
            "nasıl anlarım",
            "nasıl tanırım",
            "nasıl korunurum",
            "nasıl anlaşılır",
        ),
        "third_party": _s("arkadaş*", "komşu*", "iş arkadaşım", "müşteriniz değil"),
        "negator": _s("değil", "asla"),
    },
)

_ARABIC = _Story(
    "ar",
    {
        "authority": _s("من البنك", "الشرطة", "قسم الأمن", "مندوب"),
        "claim": _s("يدعي", "ادعى", "قال إنه", "قال انه", "قالوا إنهم", "انتحل"),
        "step": _s(
            "وأعطيته كلمة المرور",
            "وأعطيتهم كلمة المرور",
            "وأعطيته الرمز",
            "وأعطيتهم الرمز",
            "وحولت",
            "وضغطت على الرابط",
            "وأدخلت بياناتي",
            "أعطيته كلمة المرور",
            "أعطيتهم كلمة السر",
            "ضغطت على الرابط",
            "أدخلت بياناتي",
            "دخلت بياناتي",
            "أعطيته الرمز",
            "اعطيته الكود",
            "أعطيتهم الرمز",
            "قرأت الرمز",
            "أعطيتهم بياناتي",
            "ثبت التطبيق",
            "حولت",
            "أرسلت المال",
            "ارسلت الفلوس",
        ),
        "instruction": _s(
            "طلب الرمز",
            "طلبوا الرمز",
            "طلب مني تحويل",
            "طلبوا مني تحويل",
            "حساب آمن",
            "طلب مني تثبيت",
        ),
        "gone": _s(
            "اختفت فلوسي", "نقصت من حسابي", "اختفت الأموال", "سحبت من حسابي", "خرجت من حسابي"
        ),
        "not_me": _s(
            "عملية لا أعرفها",
            "دفعة لا أعرفها",
            "لا أتعرف على هذه",
            "لم أزره",
            "لم ازره",
            "لم أزرها",
            "لم أذهب إليه",
            "لم أسحب",
            "لم أغير كلمة المرور",
            "لم أقم بتغيير كلمة المرور",
            "ليس أنا",
            "مو أنا",
            "ما سويت",
            "لم أقم بهذه",
            "لست أنا من",
            "لست أنا",
            "ما اشتريت",
            "لم أشتر",
        ),
        "someone": _s("أحد ما", "احد ما", "شخص", "شخص ما", "أحدهم", "حد"),
        "took": _s(
            "دخل على حسابي",
            "دخل إلى حسابي",
            "اخترق حسابي",
            "غير رقم الهاتف",
            "استخدموا بطاقتي",
            "غير كلمة المرور",
            "غيروا كلمة المرور",
            "غير كلمة السر",
            "سحب",
            "استخدم بطاقتي",
            "سرق",
        ),
        "money": _s("كلمة المرور", "كلمة السر", "فلوس", "أموال", "بطاقتي", "حسابي"),
        "paid": _s("عربون", "دفعة مقدمة"),
        "seller": _s("البائع", "صاحب الشقة", "المؤجر"),
        "vanished": _s("لا يرد", "حظرني", "اختفى", "حذف الإعلان"),
        "illness": _s("تم تشخيصي", "شخصوني", "تشخيصي", "تم تشخيص", "مرض خطير", "سرطان"),
        "cant_pay": _s("لا أستطيع الدفع", "لا أستطيع سداد", "ما اقدر ادفع"),
        "cant_work": _s("لا أستطيع العمل", "فقدت عملي", "فقدت وظيفتي"),
        "partner": _s("زوجي"),
        "control": _s("يأخذ راتبي", "يأخذ فلوسي", "يأخذ بطاقتي", "لا يسمح لي", "يتحكم"),
        "family": _s("ابنتي", "ابني", "أمي", "أبي"),
        "new_number": _s("رقم جديد"),
        "howto": _s(
            "تم استرجاع",
            "استرجعت المبلغ",
            "تم حل المشكلة",
            "رجعوا لي الفلوس",
            "كيف أعرف",
            "كيف أتجنب",
            "كيف أحمي",
            "ماذا أفعل إذا",
        ),
        "third_party": _s("صديقي", "صديقتي", "جاري", "زميلي"),
        "negator": _s("لم", "لا", "ما"),
    },
)

_BENGALI = _Story(
    "bn",
    {
        "authority": _s("ব্যাংক থেকে", "পুলিশ"),
        "claim": _s("বলল সে", "বলে সে", "বলে পরিচয়", "বলেছে যে", "সেজে"),
        "step": _s(
            "দিয়ে দিয়েছি",
            "pathiye diyechi",
            "pathiye dilam",
            "diye diyechi",
            "কোড দিয়েছি",
            "কোড বলে দিয়েছি",
            "ওটিপি দিয়েছি",
            "টাকা পাঠিয়েছি",
        ),
        "instruction": _s(
            "দিতে বলল",
            "দিতে বলেছে",
            "otp chailo",
            "code chailo",
            "কোড চেয়েছে",
            "ওটিপি চেয়েছে",
            "টাকা পাঠাতে বলেছে",
        ),
        "gone": _s("chole geche", "taka kete niyeche", "টাকা কেটে নিয়েছে", "টাকা চলে গেছে", "টাকা উধাও"),
        "not_me": _s(
            "ami kichu kori nai",
            "ami kori nai",
            "ami kichu kinini",
            "আমি কিছু কিনিনি",
            "আমি করিনি",
            "আমি কিনিনি",
        ),
        "someone": _s("কেউ"),
        "took": _s("কেনাকাটা করেছে", "তুলে নিয়েছে", "ব্যবহার করেছে"),
        "money": _s("কার্ড", "টাকা", "অ্যাকাউন্ট"),
        "paid": _s("অগ্রিম", "জামানত"),
        "seller": _s("বিক্রেতা", "বাড়িওয়ালা"),
        "vanished": _s("ফোন ধরছে না", "উত্তর দিচ্ছে না", "ব্লক করেছে"),
        "illness": _s("গুরুতর অসুখ", "ক্যান্সার"),
        "cant_pay": _s(
            "dite parchi na", "bhara dite parchi na", "দিতে পারছি না", "পরিশোধ করতে পারছি না"
        ),
        "cant_work": _s(
            "chakri haraiyechi", "chakri chole geche", "চাকরি চলে গেছে", "কাজ করতে পারছি না"
        ),
        "partner": _s("স্বামী"),
        "control": _s("নিয়ে নেয়", "দেয় না"),
        "family": _s("amar chele", "amar meye", "amar ma", "মেয়ে", "ছেলে", "মা", "বাবা"),
        "new_number": _s("notun number", "নতুন নম্বর"),
        "howto": _s("কিভাবে চিনব", "কীভাবে বুঝব"),
        "third_party": _s("বন্ধু", "প্রতিবেশী"),
        "negator": _s("না", "নি"),
    },
)

_GUJARATI = _Story(
    "gu",
    {
        "authority": _s("બેંક માંથી", "બેંકમાંથી", "પોલીસ", "bank mathi", "bank maathi", "bank ma thi"),
        "claim": _s("કહ્યું કે", "ke tame", "kahyu ke", "em kahyu"),
        "step": _s(
            "ઓટીપી આપી",
            "કોડ આપી",
            "પૈસા મોકલ્યા",
            "otp aapi",
            "otp api",
            "code aapi",
            "paisa moklya",
            "details aapi",
        ),
        "instruction": _s("ઓટીપી માંગ્યો", "otp mangyo", "code mangyo"),
        "gone": _s("પૈસા ગયા", "pound gaya", "paisa gaya", "paisa kapaya", "ma thi gaya"),
        "not_me": _s(
            "મેં મોકલ્યા નથી",
            "me moklya nathi",
            "મેં કંઈ ખરીદ્યું નથી",
            "me kai kharidyu nathi",
            "mein nathi karyu",
        ),
        "someone": _s("કોઈએ", "koike"),
        "took": _s("ઉપાડી લીધા", "વાપર્યું", "upadi lidha"),
        "money": _s("પૈસા", "કાર્ડ", "ખાતા"),
        "paid": _s("એડવાન્સ", "advance aapi"),
        "seller": _s("વેચનાર", "vechnar"),
        "vanished": _s("ફોન નથી ઉપાડતો", "બ્લોક કરી", "phone nathi upadto"),
        "illness": _s("ગંભીર બીમારી", "કેન્સર"),
        "cant_pay": _s("ભરી શકતો નથી", "ભરી શકતી નથી", "bhari shakto nathi"),
        "cant_work": _s("નોકરી ગઈ", "નોકરી છૂટી ગઈ"),
        "partner": _s("પતિ"),
        "control": _s("લઈ લે છે", "નથી આપતા"),
        "family": _s("mara papa", "mari mummy", "mari dikri", "maro dikro", "પપ્પા", "મમ્મી"),
        "new_number": _s("નવા નંબર", "nava number"),
        "howto": _s("કેવી રીતે ઓળખ", "kevi rite olakh"),
        "third_party": _s("મિત્ર", "પડોશી", "mitra"),
        "negator": _s("નથી", "nathi"),
    },
)

_TAMIL = _Story(
    "ta",
    {
        "authority": _s(
            "bank-ல இருந்து",
            "bank-ல இருந்து",
            "வங்கியிலிருந்து",
            "வங்கியில் இருந்து",
            "போலீஸ்",
            "bank la irundhu",
            "bank-la irundhu",
            "bank ல இருந்து",
        ),
        "claim": _s("என்று சொன்னாங்க", "என்று சொன்னார்", "nu sonnanga", "nnu sonnanga"),
        "step": _s(
            "details எல்லாம் கொடுத்துட்டாங்க",
            "கொடுத்துட்டாங்க",
            "கொடுத்துட்டேன்",
            "otp கொடுத்த",
            "code கொடுத்த",
            "details kuduthutanga",
            "otp kuduthen",
        ),
        "instruction": _s("otp கேட்டாங்க", "code கேட்டாங்க", "otp kettanga"),
        "gone": _s("poiduchu", "poyiduchu", "போயிடுச்சு", "pochu", "poyiduchu", "காணாமல் போச்சு"),
        "not_me": _s(
            "தெரியாத ஒரு பணப்பரிமாற்றம்",
            "தெரியாத பணப்பரிமாற்றம்",
            "எனக்குத் தெரியாத பரிவர்த்தனை",
            "நான் யாருக்கும் அனுப்பவில்லை",
            "naan edhum pannala",
            "யாருக்கும் அனுப்பவில்லை",
            "நான் அனுப்பவில்லை",
            "நான் எதுவும் வாங்கல",
            "நான் பண்ணல",
            "naan edhuvum vaangala",
            "naan pannala",
        ),
        "someone": _s("யாரோ", "yaaro"),
        "took": _s("எடுத்துட்டாங்க", "edutthutanga"),
        "money": _s("pounds", "பணம்", "card", "account"),
        "paid": _s("முன்பணம்"),
        "seller": _s("seller", "விற்பனையாளர்"),
        "vanished": _s("phone எடுக்கல", "block பண்ணிட்டாங்க"),
        "illness": _s("கேன்சர்", "தீவிர நோய்"),
        "cant_pay": _s(
            "கட்ட பணம் இல்லை", "katta panam illa", "கட்ட முடியல", "kattamudiyala", "katta mudiyala"
        ),
        "cant_work": _s("வேலையை இழந்து*", "velai poiduchu", "வேலை போச்சு", "velai pochu"),
        "partner": _s("கணவர்", "புருஷன்"),
        "control": _s("எடுத்துக்குறார்", "விடமாட்டார்"),
        "family": _s("அம்மா", "அப்பா", "மகள்", "மகன்", "amma", "appa"),
        "new_number": _s("புது நம்பர்", "pudhu number"),
        "howto": _s("எப்படி கண்டுபிடிக்க", "eppadi kandupidikka"),
        "third_party": _s("நண்பர்", "friend"),
        "negator": _s("இல்ல", "illa"),
    },
)

_SOMALI = _Story(
    "so",
    {
        "authority": _s("bangiga", "booliska", "booliis"),
        "claim": _s(
            "sheeganaya",
            "isagoo sheeganaya",
            "iyadoo sheeganaysa",
            "sheeganaysa",
            "isku sheegtay",
            "is yiri",
            "waxaan ka socdaa",
            "oo yiri",
            "isku sheegay",
            "wuxuu sheegay inuu",
            "iyagoo sheeganaya",
            "sheeganayay",
        ),
        "step": _s(
            "siiyay furaha",
            "siiyay lambarka sirta",
            "gujiyay linkiga",
            "riixay linkiga",
            "waan siiyay",
            "siiyay koodhka",
            "siiyay code",
            "u diray lacagta",
            "u wareejiyay",
            "waan wareejiyay",
            "waan u diray",
        ),
        "instruction": _s(
            "i weydiiyay",
            "lambarka sirta",
            "iga codsaday koodhka",
            "igu yiri wareeji",
            "koontada ammaan",
        ),
        "gone": _s(
            "ka maqan",
            "lacag ayaa ka maqan",
            "way maqan tahay",
            "ka lumay",
            "iga baxday",
            "ka baxday",
            "lacagtii way baxday",
            "lacag ayaa ka baxday",
            "lacagtii waa la qaatay",
        ),
        "not_me": _s(
            "lacag bixin aanan aqoon",
            "waligay ma tagin",
            "weligay ma tagin",
            "anigu ma bedelin",
            "ma aanan bedelin",
            "aanan anigu samayn",
            "anigu ma samayn",
            "aanan anigu dirin",
            "anigu ma dirin",
            "aanan dirin",
            "ma aanan samayn",
            "aniga ma ahi",
            "waxba ma iibsan",
            "ma iibsan",
        ),
        "someone": _s("qof"),
        "took": _s(
            "akoonkayga galay",
            "lambarka bedelay",
            "bedelay furaha",
            "ka saaray",
            "ka qaatay",
            "isticmaalay kaarkayga",
            "xaday",
        ),
        "money": _s("furaha sirta", "lacag*", "kaar*", "akoon*"),
        "paid": _s("horay u bixiyay", "dammaanad"),
        "seller": _s("iibiyaha", "milkiilaha guriga"),
        "vanished": _s("ma jawaabo", "i xannibay", "wuu baxsaday", "wuu lumay"),
        "illness": _s("xanuun halis ah", "kansar"),
        "cant_pay": _s("ma bixin karo"),
        "cant_work": _s("ma shaqayn karo", "shaqadii waan waayay"),
        "partner": _s("ninkayga", "seygayga"),
        "control": _s("iga qaata", "ii ogolaan maayo"),
        "family": _s("gabadhayda", "wiilkayga", "hooyaday", "aabahay"),
        "new_number": _s("lambar cusub"),
        "howto": _s(
            "lacagtii waa la ii soo celiyay",
            "waa la xalliyay",
            "horey loo xalliyay",
            "sidee u aqoonsadaa",
            "sidee ka badbaadaa",
        ),
        "third_party": _s("saaxiib*", "deris*"),
        "negator": _s("ma", "maan"),
    },
)

_VIETNAMESE = _Story(
    "vi",
    {
        "authority": _s("từ ngân hàng", "công an", "cảnh sát", "bộ phận an ninh"),
        "claim": _s("tự xưng", "giả danh", "nói là", "mạo danh"),
        "step": _s(
            "đọc mã",
            "đưa mã",
            "cho mã otp",
            "đưa otp",
            "cài ứng dụng",
            "đã chuyển tiền",
            "tôi chuyển",
        ),
        "instruction": _s(
            "yêu cầu chuyển", "bảo tôi chuyển", "xin mã", "hỏi mã", "tài khoản an toàn"
        ),
        "gone": _s("bị chuyển đi", "bị trừ", "mất tiền", "tiền biến mất", "bị rút"),
        "not_me": _s("tôi không hề mua", "không phải tôi", "tôi không mua", "tôi không chuyển"),
        "someone": _s("ai đó", "có người"),
        "took": _s("rút tiền", "dùng thẻ của tôi", "mua hàng bằng thẻ", "lấy cắp"),
        "money": _s("tiền", "thẻ", "tài khoản"),
        "paid": _s("đặt cọc", "tiền cọc"),
        "seller": _s("người bán", "chủ nhà"),
        "vanished": _s("không nghe máy", "không trả lời", "chặn tôi", "biến mất", "xóa bài"),
        "illness": _s("bệnh nặng", "ung thư", "được chẩn đoán"),
        "cant_pay": _s("không trả được", "không thể trả"),
        "cant_work": _s("không thể làm việc", "mất việc"),
        "partner": _s("chồng tôi", "vợ tôi"),
        "control": _s("kiểm soát", "lấy hết tiền", "giữ thẻ", "không cho tôi"),
        "family": _s("con gái tôi", "con trai tôi", "mẹ tôi", "bố tôi"),
        "new_number": _s("số mới"),
        "howto": _s("làm sao nhận biết", "làm thế nào để tránh", "cách nhận biết"),
        "third_party": _s("bạn tôi", "hàng xóm", "đồng nghiệp"),
        "negator": _s("không", "chưa"),
    },
)

_CHINESE = _Story(
    "zh",
    {
        "authority": _s("银行", "銀行", "警察", "公安", "大使馆", "大使館", "安全部门"),
        "claim": _s("冒充", "自称", "自稱", "假装", "说是", "說是"),
        "step": _s(
            "告诉了他验证码",
            "把验证码",
            "給了驗證碼",
            "给了验证码",
            "转了",
            "轉了",
            "安装了",
            "汇了",
        ),
        "instruction": _s(
            "要验证码",
            "要驗證碼",
            "让我转账",
            "讓我轉帳",
            "安全账户",
            "安全帳戶",
            "让我安装",
            "讓我安裝",
        ),
        "gone": _s("钱不见了", "錢不見了", "被扣了", "被转走", "被轉走"),
        "not_me": _s(
            "不是我做的",
            "不是我买的",
            "不是我買的",
            "不是我转的",
            "不是我本人",
            "我没有买",
            "我沒有買",
            "我没买",
            "我沒買",
        ),
        "someone": _s("有人"),
        "took": _s("盗刷", "盜刷", "取走", "用我的卡"),
        "money": _s("钱", "錢", "卡", "账户", "帳戶"),
        "paid": _s("定金", "訂金", "押金", "预付"),
        "seller": _s("卖家", "賣家", "房东", "房東"),
        "vanished": _s("不回复", "不回覆", "拉黑", "联系不上", "聯繫不上", "消失"),
        "illness": _s("确诊", "確診", "重病", "癌症"),
        "cant_pay": _s("还不起", "還不起", "付不起", "没法还", "沒法還"),
        "cant_work": _s("不能工作", "失业", "失業", "丢了工作"),
        "partner": _s("老公", "丈夫", "老婆"),
        "control": _s("控制", "拿走我的", "不让我", "不讓我"),
        "family": _s("女儿", "女兒", "儿子", "兒子", "妈妈", "媽媽"),
        "new_number": _s("新号码", "新號碼"),
        "howto": _s("如何识别", "怎么识别", "怎麼識別", "如何防范", "怎么办如果"),
        "third_party": _s("朋友", "邻居", "鄰居", "同事"),
        "negator": _s("没", "沒", "不"),
    },
    unspaced=True,
)

_BULGARIAN = _Story(
    "bg",
    {
        "authority": _s(
            "от банката", "полици*", "отдел сигурност", "отдела за сигурност", "куриер*"
        ),
        "claim": _s(
            "уж",
            "твърдеше, че",
            "твърдеше че",
            "каза, че е",
            "каза че е",
            "казаха, че са",
            "представи се",
            "се представи",
            "се представиха",
            "се представяше",
        ),
        "step": _s(
            "дадох кода",
            "казах кода",
            "казах им кода",
            "продиктувах",
            "дадох паролата",
            "дадох данните",
            "въведох данните",
            "въведох кода",
            "инсталирах",
            "преведох",
            "изпратих парите",
            "натиснах линка",
            "отворих линка",
        ),
        "instruction": _s(
            "поискаха кода",
            "поиска кода",
            "поискаха ми кода",
            "поискаха пин",
            "казаха ми да преведа",
            "каза ми да преведа",
            "безопасна сметка",
            "сигурна сметка",
            "да инсталирам",
        ),
        "gone": _s(
            "изчезнаха парите",
            "парите изчезнаха",
            "липсват пари",
            "изтеглени от сметката",
            "изтеглиха от сметката",
        ),
        "not_me": _s(
            "която не разпознавам",
            "който не разпознавам",
            "не разпознавам това плащане",
            "непознато плащане",
            "не бях аз",
            "не съм аз",
            "не съм направил",
            "не съм направила",
            "не съм правил",
            "не съм правила",
            "нищо не съм купувал",
            "нищо не съм купувала",
            "никога не съм бил там",
            "никога не съм била там",
            "не съм сменял паролата",
            "не съм сменяла паролата",
        ),
        "someone": _s("някой"),
        "took": _s(
            "е влязъл в",
            "влязоха в",
            "е сменил",
            "смени номера",
            "смениха номера",
            "изтегли",
            "изтеглиха",
            "използва картата ми",
            "използваха картата ми",
            "открадна",
            "откраднаха",
            "смени паролата",
            "смениха паролата",
        ),
        "money": _s(
            "акаунта",
            "профила",
            "телефонния номер",
            "номера",
            "пари*",
            "карта*",
            "сметка*",
            "паролата",
        ),
        "paid": _s("капаро", "предплат*", "платих предварително"),
        "seller": _s("продавач*", "хазяи*", "наемодател*"),
        "vanished": _s(
            "сайтът не се отваря",
            "сайтът не работи",
            "не мога да изтегля",
            "не отговаря",
            "блокира ме",
            "изчезна",
            "обявата е изтрита",
            "изтри обявата",
        ),
        "illness": _s("диагностицираха", "тежко болен", "тежко болна", "рак"),
        "cant_pay": _s("не мога да плащам", "не мога да платя", "не мога да изплащам"),
        "cant_work": _s(
            "не мога да работя", "загубих работата", "останах без работа", "уволниха ме"
        ),
        "partner": _s("мъжът ми", "съпругът ми", "съпругата ми", "жена ми", "партньорът ми"),
        "control": _s(
            "контролира",
            "взима ми заплатата",
            "взема ми заплатата",
            "взима ми парите",
            "взема ми картата",
            "не ми дава достъп",
        ),
        "family": _s("дъщеря ми", "синът ми", "сина ми", "мама", "татко"),
        "new_number": _s("нов номер"),
        "howto": _s(
            "вече ми върнаха",
            "парите ми бяха върнати",
            "вече е решено",
            "въпросът е решен",
            "как да разпозная",
            "как да се предпазя",
            "как да избегна",
            "какво да правя, ако",
            "какво да правя ако",
        ),
        "third_party": _s(
            "приятел",
            "приятелят",
            "приятеля",
            "приятелка",
            "приятелката",
            "съсед*",
            "колег*",
            "не е ваш клиент",
        ),
        "negator": _s("не", "никога"),
    },
)

_GERMAN = _Story(
    "de",
    {
        "authority": _s(
            "von meiner bank",
            "betrugsabteilung",
            "von der bank zu sein",
            "von ihrer bank",
            "polizei",
            "sicherheitsabteilung",
            "kurier*",
            "bankmitarbeiter",
            "bankmitarbeiterin",
        ),
        "claim": _s(
            "angeblich",
            "gab sich als",
            "gaben sich als",
            "gab sich aus",
            "gab vor",
            "behauptete",
            "sagte, er sei",
            "sagte, sie sei",
            "sagte er sei",
            "gab sich",
        ),
        "step": _s(
            "code gegeben",
            "code genannt",
            "code durchgegeben",
            "tan durchgegeben",
            "tan genannt",
            "pin genannt",
            "pin gegeben",
            "passwort gegeben",
            "passwort genannt",
            "daten eingegeben",
            "app installiert",
            "überwiesen",
            "geld geschickt",
            "auf den link geklickt",
            "link geklickt",
        ),
        "instruction": _s(
            "wollte den code",
            "wollten den code",
            "fragte nach dem code",
            "fragten nach dem code",
            "ich sollte überweisen",
            "sollte das geld",
            "sicheres konto",
            "sollte eine app installieren",
        ),
        "gone": _s("geld ist weg", "das geld fehlt", "geld verschwunden", "konto leergeräumt"),
        "not_me": _s(
            "zahlung, die ich nicht",
            "abbuchung, die ich nicht",
            "unbekannte abbuchung",
            "unbekannte zahlung",
            "das war ich nicht",
            "war nicht ich",
            "habe ich nicht gemacht",
            "habe nichts gekauft",
            "habe ich nicht gekauft",
            "nie dort gewesen",
            "noch nie dort",
            "war nie dort",
            "nicht autorisiert",
            "passwort nicht geändert",
            "habe ich nicht geändert",
            "habe ich nicht abgehoben",
        ),
        "someone": _s("jemand", "jemand hat"),
        "took": _s(
            "in mein konto eingeloggt",
            "handynummer geändert",
            "telefonnummer geändert",
            "abgehoben",
            "hat meine karte benutzt",
            "hat mit meiner karte",
            "gestohlen",
            "geklaut",
            "passwort geändert",
        ),
        "money": _s(
            "mein passwort",
            "geld",
            "karte",
            "kreditkarte",
            "passwort",
        ),
        "paid": _s("anzahlung", "kaution", "im voraus bezahlt", "vorkasse"),
        "seller": _s("verkäufer*", "vermieter*"),
        "vanished": _s(
            "kann nicht auszahlen",
            "antwortet nicht",
            "hat mich blockiert",
            "nicht mehr erreichbar",
            "anzeige gelöscht",
            "ist verschwunden",
        ),
        "illness": _s("diagnostiziert", "schwer krank", "krebs"),
        "cant_pay": _s("kann nicht zahlen", "kann nicht bezahlen", "kann die raten nicht"),
        "cant_work": _s(
            "kann nicht arbeiten", "job verloren", "arbeit verloren", "arbeitslos", "gekündigt"
        ),
        "partner": _s("mein mann", "meine frau", "meine partnerin"),
        "control": _s(
            "kontrolliert",
            "nimmt mein gehalt",
            "nimmt mein geld",
            "nimmt meine karte",
            "lässt mich nicht",
        ),
        "family": _s("tochter", "sohn", "mama", "papa"),
        "new_number": _s("neuen nummer", "neue nummer"),
        "howto": _s(
            "schon erstattet",
            "bereits erstattet",
            "wurde erstattet",
            "schon geklärt",
            "bereits geklärt",
            "geld zurückbekommen",
            "wie erkenne ich",
            "wie schütze ich",
            "wie vermeide ich",
            "was tun, wenn",
            "was tun wenn",
            "was soll ich tun, wenn",
        ),
        "third_party": _s(
            "freund",
            "freundin",
            "freunde",
            "freundes",
            "nachbar",
            "nachbarin",
            "nachbarn",
            "kollege",
            "kollegin",
            "kollegen",
            "kein kunde",
        ),
        "negator": _s("nicht", "kein", "keine"),
    },
)

_PERSIAN = _Story(
    "fa",
    {
        "authority": _s("از بانک", "پلیس", "بخش امنیت"),
        "claim": _s("ادعا کرد", "وانمود", "خودش را معرفی", "گفت که از", "گفت از"),
        "step": _s(
            "کد را دادم",
            "کد رو دادم",
            "کد را گفتم",
            "کد رو گفتم",
            "رمز را دادم",
            "رمز رو دادم",
            "پول را فرستادم",
            "پول رو فرستادم",
            "واریز کردم",
            "انتقال دادم",
            "نصب کردم",
            "روی لینک کلیک کردم",
            "اطلاعاتم را وارد کردم",
        ),
        "instruction": _s("کد را خواست", "کد رو خواست", "رمز را خواست", "حساب امن"),
        "gone": _s("از حسابم رفت", "از حسابم برداشت شد", "از حسابم کم شد", "پولم غیب شد"),
        "not_me": _s(
            "من نبودم",
            "کار من نبود",
            "من انجام ندادم",
            "من چیزی نخریدم",
            "هیچوقت آنجا نرفتم",
            "هیچ وقت آنجا نرفتم",
            "من رمز را عوض نکردم",
            "من برداشت نکردم",
        ),
        "someone": _s("کسی", "یک نفر", "یکی"),
        "took": _s("برداشت کرده", "برداشت کرد", "استفاده کرده", "استفاده کرد", "دزدید", "عوض کرده"),
        "money": _s("پول", "کارت", "حساب", "رمز"),
        "paid": _s("بیعانه", "پیش پرداخت"),
        "seller": _s("فروشنده", "صاحبخانه"),
        "vanished": _s("جواب نمیده", "جواب نمی دهد", "بلاکم کرد", "غیب شد"),
        "illness": _s("سرطان", "بیماری سخت", "تشخیص دادند"),
        "cant_pay": _s("نمی توانم پرداخت", "نمیتونم پرداخت", "نمی تونم پرداخت", "نمیتونم قسط"),
        "cant_work": _s("کارم را از دست دادم", "بیکار شدم", "نمی توانم کار کنم"),
        "partner": _s("شوهرم"),
        "control": _s("حقوقم را می گیرد", "پولم را می گیرد", "نمی گذارد", "کنترل می کند"),
        "family": _s("دخترم", "پسرم", "مادرم"),
        "new_number": _s("شماره جدید"),
        "howto": _s(
            "چطور بفهمم",
            "از کجا بفهمم",
            "پول برگشت",
            "پولم را پس گرفتم",
            "حل شد",
            "چطور تشخیص",
            "چگونه تشخیص",
            "چطور جلوگیری",
            "چه کار کنم اگر",
        ),
        "third_party": _s("دوستم", "همسایه", "همکارم"),
        "negator": _s("نه"),
    },
)

_ALBANIAN = _Story(
    "sq",
    {
        "authority": _s("nga banka", "policia", "policisë", "kurier*"),
        "claim": _s(
            "gjoja", "tha se është", "tha se ishte", "u prezantua", "pretendonte", "u paraqit si"
        ),
        "step": _s(
            "i dhashë kodin",
            "ia dhashë kodin",
            "i thashë kodin",
            "i dhashë fjalëkalimin",
            "instalova",
            "transferova",
            "dërgova paratë",
            "klikova linkun",
            "vendosa të dhënat",
        ),
        "instruction": _s(
            "më kërkoi kodin", "më kërkuan kodin", "më tha të transferoj", "llogari e sigurt"
        ),
        "gone": _s("më mungojnë paratë", "paratë janë zhdukur", "u tërhoqën nga llogaria"),
        "not_me": _s(
            "nuk isha unë",
            "nuk e bëra unë",
            "nuk kam blerë asgjë",
            "nuk kam qenë kurrë atje",
            "nuk e kam ndryshuar fjalëkalimin",
            "nuk e kam bërë unë",
        ),
        "someone": _s("dikush"),
        "took": _s("tërhoqi", "përdori kartën", "vodhi", "më vodhën", "ndryshoi fjalëkalimin"),
        "money": _s("para*", "kart*", "llogari*", "fjalëkalim*"),
        "paid": _s("paradhënie", "kaparin"),
        "seller": _s("shitës*", "pronari i shtëpisë"),
        "vanished": _s("nuk përgjigjet", "më bllokoi", "u zhduk"),
        "illness": _s("më diagnostikuan", "sëmundje të rëndë", "kancer"),
        "cant_pay": _s("nuk mund të paguaj"),
        "cant_work": _s("nuk mund të punoj", "humba punën", "mbeta pa punë"),
        "partner": _s("burri im", "bashkëshorti im"),
        "control": _s("më merr rrogën", "më merr paratë", "nuk më lejon", "më kontrollon"),
        "family": _s("vajza ime", "djali im", "nëna ime"),
        "new_number": _s("numër të ri", "numri i ri"),
        "howto": _s(
            "m'i kthyen paratë",
            "u zgjidh",
            "është zgjidhur",
            "si ta njoh",
            "si të mbrohem",
            "çfarë të bëj nëse",
        ),
        "third_party": _s("shoku im", "shoqja ime", "komshiu", "fqinji", "kolegu", "kolegia"),
        "negator": _s("nuk", "kurrë"),
    },
)


_CZECH = _Story(
    "cs",
    {
        "authority": _s("z banky", "polici*", "bezpečnostního oddělení", "kurýr*"),
        "claim": _s(
            "prý", "údajně", "vydával se za", "vydávala se za", "tvrdil, že je", "řekl, že je"
        ),
        "step": _s(
            "dal jsem mu kód",
            "dala jsem mu kód",
            "řekl jsem kód",
            "řekla jsem kód",
            "nadiktoval jsem",
            "nadiktovala jsem",
            "zadal jsem údaje",
            "zadala jsem údaje",
            "dal jsem heslo",
            "dala jsem heslo",
            "nainstaloval jsem",
            "nainstalovala jsem",
            "poslal jsem peníze",
            "poslala jsem peníze",
            "převedl jsem",
            "převedla jsem",
            "klikl jsem na odkaz",
            "klikla jsem na odkaz",
        ),
        "instruction": _s(
            "chtěl kód", "chtěli kód", "ať převedu", "bezpečný účet", "ať si nainstaluju"
        ),
        "gone": _s("zmizely peníze", "peníze zmizely", "chybí mi peníze"),
        "not_me": _s(
            "to jsem nebyl já",
            "to jsem nebyla já",
            "nic jsem nekupoval",
            "nic jsem nekupovala",
            "nikdy jsem tam nebyl",
            "nikdy jsem tam nebyla",
            "platbu, kterou neznám",
            "platba, kterou neznám",
            "heslo jsem neměnil",
            "heslo jsem neměnila",
        ),
        "someone": _s("někdo"),
        "took": _s(
            "vybral peníze",
            "vybrali peníze",
            "vybral z",
            "vybrali z",
            "použil moji kartu",
            "ukradl",
            "ukradli",
            "změnil heslo",
        ),
        "money": _s("peníze", "kartu", "karty", "účtu", "účet", "heslo"),
        "paid": _s("zálohu", "záloha", "kauci"),
        "seller": _s("prodejce", "prodávající", "pronajímatel*"),
        "vanished": _s("nebere telefon", "neodpovídá", "zablokoval mě", "zmizel", "inzerát smazal"),
        "illness": _s("diagnostikovali", "vážně nemocný", "vážně nemocná", "rakovin*"),
        "cant_pay": _s("nemůžu platit", "nemůžu zaplatit", "nemám na splátky"),
        "cant_work": _s("nemůžu pracovat", "přišel jsem o práci", "přišla jsem o práci"),
        "partner": _s("manžel", "manželka"),
        "control": _s("bere mi výplatu", "bere mi peníze", "kontroluje", "nepustí mě k účtu"),
        "family": _s("dcera", "dcery", "syn", "syna", "máma", "táta"),
        "new_number": _s("nového čísla", "nové číslo"),
        "howto": _s("jak poznat", "jak rozpoznat", "co dělat, když", "co dělat když"),
        "third_party": _s("kamarád*", "soused*", "kolega", "kolegyně"),
        "negator": _s(
            "nikdy",
        ),
    },
)

_SLOVAK = _Story(
    "sk",
    {
        "authority": _s("z banky", "polícia", "políci*", "bezpečnostného oddelenia", "kuriér*"),
        "claim": _s(
            "vraj", "údajne", "vydával sa za", "vydávala sa za", "tvrdil, že je", "povedal, že je"
        ),
        "step": _s(
            "dal som mu kód",
            "dala som mu kód",
            "povedal som kód",
            "povedala som kód",
            "nadiktoval som",
            "nadiktovala som",
            "zadal som údaje",
            "zadala som údaje",
            "dal som heslo",
            "dala som heslo",
            "nainštaloval som",
            "nainštalovala som",
            "poslal som peniaze",
            "poslala som peniaze",
            "previedol som",
            "previedla som",
            "klikol som na odkaz",
            "klikla som na odkaz",
        ),
        "instruction": _s("chcel kód", "chceli kód", "aby som previedol", "bezpečný účet"),
        "gone": _s("zmizli peniaze", "peniaze zmizli", "chýbajú mi peniaze"),
        "not_me": _s(
            "to som nebol ja",
            "to som nebola ja",
            "nič som nekupoval",
            "nič som nekupovala",
            "nikdy som tam nebol",
            "nikdy som tam nebola",
            "platbu, ktorú nepoznám",
            "platba, ktorú nepoznám",
            "heslo som nemenil",
            "heslo som nemenila",
        ),
        "someone": _s("niekto"),
        "took": _s(
            "vybral peniaze",
            "vybrali peniaze",
            "vybral z",
            "vybrali z",
            "mi ukradol",
            "použil moju kartu",
            "ukradol",
            "ukradli",
            "zmenil heslo",
        ),
        "money": _s("peniaze", "kartu", "karty", "účtu", "účet", "heslo"),
        "paid": _s("zálohu", "záloha", "kauciu"),
        "seller": _s("predajca", "predávajúci", "prenajímateľ*"),
        "vanished": _s("nedvíha telefón", "neodpovedá", "zablokoval ma", "zmizol"),
        "illness": _s("diagnostikovali", "vážne chorý", "vážne chorá", "rakovin*"),
        "cant_pay": _s("nemôžem platiť", "nemôžem zaplatiť", "nemám na splátky"),
        "cant_work": _s("nemôžem pracovať", "prišiel som o prácu", "prišla som o prácu"),
        "partner": _s("manžel", "manželka"),
        "control": _s("berie mi výplatu", "berie mi peniaze", "kontroluje", "nepustí ma k účtu"),
        "family": _s("dcéra", "dcéry", "syn", "syna", "mama", "otec"),
        "new_number": _s("nového čísla", "nové číslo"),
        "howto": _s("ako spoznať", "ako rozpoznať", "čo robiť, keď", "čo robiť keď"),
        "third_party": _s("kamarát*", "sused*", "kolega", "kolegyňa"),
        "negator": _s(
            "nikdy",
        ),
    },
)

_DUTCH = _Story(
    "nl",
    {
        "authority": _s(
            "namens de bank",
            "van de bank te zijn",
            "bankmedewerker",
            "politie",
            "fraudeafdeling",
            "veiligheidsafdeling",
            "koerier*",
        ),
        "claim": _s(
            "zogenaamd",
            "zogezegd",
            "deed zich voor als",
            "deden zich voor als",
            "zei dat hij",
            "zei dat ze",
            "beweerde",
        ),
        "step": _s(
            "code gegeven",
            "code doorgegeven",
            "code voorgelezen",
            "wachtwoord gegeven",
            "gegevens ingevuld",
            "app geïnstalleerd",
            "overgemaakt",
            "geld gestuurd",
            "op de link geklikt",
            "link geklikt",
        ),
        "instruction": _s(
            "vroeg om de code",
            "vroegen om de code",
            "moest geld overmaken",
            "veilige rekening",
            "moest een app installeren",
        ),
        "gone": _s("geld is weg", "geld verdwenen", "rekening leeggehaald"),
        "not_me": _s(
            "dat was ik niet",
            "heb ik niet gedaan",
            "niets gekocht",
            "nooit geweest",
            "nog nooit geweest",
            "betaling die ik niet herken",
            "afschrijving die ik niet herken",
            "wachtwoord niet veranderd",
        ),
        "someone": _s("iemand"),
        "took": _s(
            "geld opgenomen",
            "gepind",
            "heeft mijn pas gebruikt",
            "gestolen",
            "wachtwoord veranderd",
        ),
        "money": _s("geld", "pas", "pinpas", "rekening", "mijn wachtwoord"),
        "paid": _s("aanbetaling", "borg", "vooruitbetaald"),
        "seller": _s("verkoper", "verhuurder"),
        "vanished": _s(
            "reageert niet", "neemt niet op", "heeft me geblokkeerd", "advertentie verwijderd"
        ),
        "illness": _s("gediagnosticeerd", "ernstig ziek", "kanker"),
        "cant_pay": _s("kan niet betalen", "kan het niet betalen"),
        "cant_work": _s("kan niet werken", "baan kwijt", "werk kwijt", "ontslagen"),
        "partner": _s("mijn man", "mijn vrouw", "mijn vriend"),
        "control": _s("pakt mijn salaris", "pakt mijn geld", "neemt mijn pas af", "controleert"),
        "family": _s("dochter", "zoon", "mama", "papa"),
        "new_number": _s("nieuw nummer", "nieuwe nummer"),
        "howto": _s("hoe herken ik", "wat moet ik doen als", "hoe voorkom ik"),
        "third_party": _s("vriend", "vriendin", "buurman", "buurvrouw", "collega"),
        "negator": _s("niet", "nooit", "geen"),
    },
)


STORY_LANGUAGES: tuple[_Story, ...] = (
    _POLISH,
    _ROMANIAN,
    _PANJABI,
    _URDU,
    _Story("ur", _HINDUSTANI_LATIN),  # Roman Urdu and Hinglish
    _HINDI,
    _PORTUGUESE,
    _SPANISH,
    _ARABIC,
    _BENGALI,
    _GUJARATI,
    _ITALIAN,
    _LITHUANIAN,
    _FRENCH,
    _CHINESE,
    _TAMIL,
    _TURKISH,
    _RUSSIAN,
    _UKRAINIAN,
    _SOMALI,
    _VIETNAMESE,
    _BULGARIAN,
    _GERMAN,
    _PERSIAN,
    _ALBANIAN,
    _CZECH,
    _SLOVAK,
    _DUTCH,
)


# ---------------------------------------------------------------------------- matching
_WORD_RUN = re.compile(f"[{_WORDCHAR}]+")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _entry(word: str, unspaced: bool) -> tuple[str, bool]:
    """An entry as a regex (after the word-start check), and whether it is a short word."""
    stem = word.endswith("*")
    folded = fold(word.rstrip("*"))
    body = re.escape(folded).replace(r"\ ", r"\s+")
    if unspaced:
        return body, False
    short = " " not in folded and len(folded) <= _SHORT
    tail = f"[{_WORDCHAR}]*" if stem else f"(?![{_WORDCHAR}])"
    return f"{body}{tail}", short


@dataclass(frozen=True)
class _Compiled:
    code: str
    long: re.Pattern[str]  # named groups per concept, entries longer than a short word
    short: re.Pattern[str] | None  # the short words, counted where the language is shown
    # Which patterns a message can match is decided for every language at once by
    # _PREFILTER (an entry's key words), not per language.


def _compile(story: _Story) -> _Compiled:
    long_parts: list[str] = []
    short_parts: list[str] = []
    for concept in CONCEPTS:
        long_alts: list[str] = []
        short_alts: list[str] = []
        for word in sorted(story.concepts.get(concept, ()), key=len, reverse=True):
            pattern, short = _entry(word, story.unspaced)
            (short_alts if short else long_alts).append(pattern)
        if long_alts:
            long_parts.append(f"(?P<{concept}>{'|'.join(long_alts)})")
        if short_alts:
            short_parts.append(f"(?P<{concept}>{'|'.join(short_alts)})")
    # Every entry starts a word (Chinese: anywhere), checked once before the alternatives.
    start = "" if story.unspaced else f"(?<![{_WORDCHAR}])"
    return _Compiled(
        story.code,
        re.compile(start + "(?:" + "|".join(long_parts) + ")"),
        re.compile(start + "(?:" + "|".join(short_parts) + ")") if short_parts else None,
    )


_COMPILED = tuple(_compile(s) for s in STORY_LANGUAGES)


# An entry as the prefilter tests it: (language index in _COMPILED, whether it is a short
# word, the entry's other words that must be words of the message, the head its last word
# is a stem of, which must begin a word of the message, or None).
_Key = tuple[int, bool, frozenset[str], str | None]


@dataclass(frozen=True)
class _Prefilter:
    """Every entry of every language at once (p23, issue 16): which patterns a message can
    match, found by one set intersection of its words with the entries' key words (and of
    its words' beginnings with the stems' heads), then each keyed entry's other words looked
    up: an entry matches only where all its words are words of the message (its last one
    begun, for a stem), so Vietnamese "lam the nao" is no longer searched for on every
    English "the". An English message that matches nothing pays the word split and two
    intersections (~2 us), where testing 21 languages' keys cost ~30 us."""

    keys: dict[str, tuple[_Key, ...]]  # an entry's key word (its longest) -> its entries
    stems: dict[str, tuple[_Key, ...]]  # a stem's head's first ``prefix`` letters -> entries
    prefix: int  # the shortest head's length: every head has a key of this length
    # the languages always searched: Chinese on a Han character (unspaced), any language
    # with an entry of no word characters on any message
    unspaced: tuple[int, ...]
    always: tuple[tuple[int, bool], ...]
    key_set: frozenset[str]  # keys' words, for one set intersection
    stem_set: frozenset[str]  # stems' keys


def _prefilter(stories: tuple[_Story, ...]) -> _Prefilter:
    keys: dict[str, list[_Key]] = {}
    heads: list[tuple[str, _Key]] = []
    always: set[tuple[int, bool]] = set()
    for index, story in enumerate(stories):
        if story.unspaced:
            continue  # its pattern is searched on a Han character alone (story_cues)
        for words in story.concepts.values():
            for word in words:
                _, short = _entry(word, story.unspaced)
                runs = _WORD_RUN.findall(fold(word.rstrip("*")))
                if not runs:
                    always.add((index, short))
                    continue
                stem = word.endswith("*")
                last = len(runs) - 1
                key = max(range(len(runs)), key=lambda i: (len(runs[i]), i))
                rest = frozenset(
                    r for i, r in enumerate(runs) if i != key and not (stem and i == last)
                )
                if stem and key == last:
                    heads.append((runs[key], (index, short, rest, None)))
                else:
                    head = runs[last] if stem else None
                    keys.setdefault(runs[key], []).append((index, short, rest, head))
    prefix = min((len(head) for head, _ in heads), default=1)
    stems: dict[str, list[_Key]] = {}
    for head, (index, short, rest, _) in heads:
        stems.setdefault(head[:prefix], []).append((index, short, rest, head))
    return _Prefilter(
        {key: tuple(found) for key, found in keys.items()},
        {start: tuple(found) for start, found in stems.items()},
        prefix,
        tuple(i for i, story in enumerate(stories) if story.unspaced),
        tuple(sorted(always)),
        frozenset(keys),
        frozenset(stems),
    )


_PREFILTER = _prefilter(STORY_LANGUAGES)


def _candidates(prefilter: _Prefilter, words: set[str]) -> dict[int, list[bool]]:
    """Language index -> [the long pattern may match, the short words' pattern may match],
    for the languages with an entry all of whose words are among a message's ``words`` (a
    stem's head beginning one of them): a necessary condition for a pattern to match."""
    found: dict[int, list[bool]] = {}
    for index, short in prefilter.always:
        found.setdefault(index, [False, False])[short] = True
    size = prefilter.prefix
    for table, hits in (
        (prefilter.keys, prefilter.key_set.intersection(words)),
        (prefilter.stems, prefilter.stem_set.intersection([word[:size] for word in words])),
    ):
        for hit in hits:
            for index, short, rest, head in table[hit]:
                flags = found.get(index)
                if flags is not None and flags[short]:
                    continue
                if rest <= words and (head is None or any(word.startswith(head) for word in words)):
                    found.setdefault(index, [False, False])[short] = True
    return found


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


# A quote mark at a word's edge ("minha 'filha'", "из 'банка'") is a space; an apostrophe
# inside a word ("j'ai", "кур'єр") stays.
_EDGE_QUOTE = re.compile("(?<![\\w])['\"«»„“”‘’]|['\"«»„“”‘’](?![\\w])")


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded, and for each folded character the offset of the one it came from."""
    if text.isascii():
        folded, where = text.lower(), list(range(len(text)))
    else:
        out: list[str] = []
        where = []
        for i, ch in enumerate(text):
            f = _fold_char(ch)
            out.append(f)
            where.extend([i] * len(f))
        folded = "".join(out)
    return _EDGE_QUOTE.sub(" ", folded), where


_Found = dict[str, list[tuple[int, int]]]


def _concepts(compiled: _Compiled, folded: str, text: str, long: bool, short: bool) -> _Found:
    """The concepts ``compiled`` finds in ``folded``: ``long``/``short`` say whether the
    message holds a key of its long/short patterns (:func:`_candidates`; Chinese: a Han
    character), a necessary condition for either to match."""
    found: _Found = {}
    patterns: list[re.Pattern[str]] = []
    if long:
        patterns.append(compiled.long)
    if short and compiled.short is not None and shows_language(compiled.code, text):
        patterns.append(compiled.short)
    for pattern in patterns:
        # Overlapping matches too: "dzwonił ktoś z banku" is a claim ("dzwonił ktoś z") and an
        # authority ("z banku"), "a utilisé ma carte" a taking and a card.
        match = pattern.search(folded)
        while match is not None:
            concept = match.lastgroup
            if concept is not None:
                found.setdefault(concept, []).append(match.span())
            match = pattern.search(folded, match.start() + 1)
    negators = found.pop("negator", [])
    for concept in _NEGATABLE & found.keys():
        kept = [
            span
            for span in found[concept]
            if not any(
                0 <= span[0] - end <= 2 and folded[end : span[0]].strip() == ""
                for _, end in negators
            )
        ]
        if kept:
            found[concept] = kept
        else:
            del found[concept]
    return found


def _kinds(found: _Found) -> list[tuple[str, list[str]]]:
    """The story shapes ``found`` makes: (cue kind, the concepts that make it)."""
    has = found.keys()
    shapes: list[tuple[str, list[str]]] = []
    if "howto" in has:
        return shapes
    if {"partner", "control"} <= has:  # "prietenul meu" is a friend and a boyfriend
        shapes.append(("vulnerability", ["partner", "control"]))
    if "third_party" in has:
        return shapes
    authority = "authority" in has
    posing = (authority and "claim" in has) or {"family", "new_number"} <= has
    steps: list[str] = [c for c in ("step", "instruction", "gone") if c in has]
    if posing:
        shapes.append(
            (
                "posing",
                ["authority", "claim"]
                if authority and "claim" in has
                else ["family", "new_number"],
            )
        )
    if steps:
        shapes.append(("scam_step", steps))
        # In one message: someone posing as an authority and a step or an instruction, or
        # an authority's instruction and the step taken ("the bank asked for the code, I
        # gave it"). An authority beside a transfer alone is a routine ("from my bank").
        if (posing and {"step", "instruction"} & has) or (
            authority and {"step", "instruction"} <= has
        ):
            shapes.append(("scam", ["authority", *steps]))
    if "not_me" in has:
        shapes.append(("fraud_report", ["not_me"]))
    elif {"someone", "took", "money"} <= has:
        shapes.append(("fraud_report", ["someone", "took", "money"]))
    if "vanished" in has and ({"paid", "seller"} & has):
        shapes.append(("scam", ["vanished", *sorted({"paid", "seller"} & has)]))
    if "illness" in has:
        shapes.append(("vulnerability", ["illness"]))
    elif "cant_pay" in has and "cant_work" in has:
        shapes.append(("vulnerability", ["cant_pay", "cant_work"]))
    return shapes


def story_cues(text: str) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` for each story shape found in ``text`` in another language than
    English (offsets into ``text``: from the first to the last concept that makes it)."""
    if text.isascii() and not any(c.isalpha() for c in text):
        return []
    # One pass over the message's words decides which languages can match (_PREFILTER);
    # an ASCII message is folded by lower() alone, and its quotes (never a word's letters)
    # are spaced out only when some language is searched.
    ascii_only = text.isascii()
    lowered = text.lower() if ascii_only else ""
    if ascii_only:
        words = set(_WORD_RUN.findall(lowered))
        candidates = _candidates(_PREFILTER, words)
        # A short word's language not shown ("the" is Vietnamese "thẻ", card): not searched.
        for index, flags in list(candidates.items()):
            if flags[1] and not may_show_language(_COMPILED[index].code, words):
                flags[1] = False
                if not flags[0]:
                    del candidates[index]
        if not candidates:
            return []
        folded, where = _EDGE_QUOTE.sub(" ", lowered), None
    else:
        folded, where = _folded(text)
        candidates = _candidates(_PREFILTER, set(_WORD_RUN.findall(folded)))
        if _PREFILTER.unspaced and _HAN.search(folded) is not None:
            for index in _PREFILTER.unspaced:
                candidates.setdefault(index, [False, False])[0] = True
        if not candidates:
            return []
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    for index in sorted(candidates):
        long, short = candidates[index]
        found = _concepts(_COMPILED[index], folded, text, long, short)
        if len(found) < 1:
            continue
        for kind, concepts in _kinds(found):
            if kind in seen:
                continue
            spans = [s for c in concepts for s in found.get(c, ())]
            if not spans:
                continue
            start = min(s for s, _ in spans)
            end = max(e for _, e in spans)
            if where is not None:
                start, end = where[start], where[end - 1] + 1
            seen.add(kind)
            out.append((kind, start, end))
    return out
