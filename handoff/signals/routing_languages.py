"""Routing cues in the languages a UK retail bank's customers write in, besides English.

Each :class:`Language` lists, per cue kind, phrases as customers type them in chat: native
script and, where people commonly chat in Latin letters, the romanised forms (Roman Urdu,
"Hinglish", Panjabi and Bengali in Latin letters, Arabizi with digits for letters). Phrases
are matched word by word by the same ``PhraseMatcher`` as the English ones, after
:func:`handoff.signals.routing_lexicon.fold` (NFKD, casefold, accents and Indic/Arabic marks
removed), so "połącz"/"polacz", "أريد"/"اريد" and "ਗੱਲ"/"ਗਲ" are one word each. Chinese,
written without spaces, is matched as substrings instead (:data:`UNSPACED`).

Negation. A phrase preceded by one of ``negated_before`` ("nie", "no quiero", "don't want
to") or followed, within one word, by one of ``negated_after`` (the verb-final languages
put "not" after the phrase: Urdu/Hindi "nahi", Panjabi "ਨਹੀਂ", Bengali "না", Gujarati
"નથી", Turkish "istemiyorum") is not a cue. Fraud phrases are never negated: many are
themselves negative ("I didn't make this payment") and a missed fraud costs more than a
false one. Scam phrases are steps taken ("I clicked the link", "I gave the code"): round 11,
a denial before one ("nu am apăsat pe link", "nie kliknąłem") cancels it, as English "I
haven't clicked anything" is no harm.

Kinds. Besides requests for a person, fraud, scams, vulnerability, threats to leave, formal
complaints and legal threats, each language may list the kinds English finds as situation
shapes or lexicon groups (:data:`LANGUAGE_ONLY_KINDS`), since the English-only NLU reads most
of these messages as out_of_scope and the cues are all the rules have:

* ``fraud_report``: unauthorised use described, "a payment I didn't make" ("płatność,
  której nie zrobiłem", "pagamentos que não fiz", "yapmadığım ödeme"), "someone used my
  card" ("alguien usó mi tarjeta"). "I don't recognise it" stays ``fraud`` (as in English):
  it needs the NLU to agree before the fraud lane;
* ``repeated_asking``: counting ("po raz trzeci", "jau trečią kartą", "tercera vez"),
  "again and again", "I already said", insisting ("main pooch raha hoon"). "How many
  times" only with "must I" ("cuántas veces tengo que"): "cuántas veces puedo sacar
  dinero" is a calm question;
* ``not_understood``: "you don't understand", "I still don't understand". Polish bare "nie
  rozumiem" counts only when no object or question follows (``not_before``);
* ``praise``: warm words that :mod:`handoff.signals.text` turns into sarcasm beside a
  failure ("tercera vez hoy, sois unos cracks"), and ``sarcasm`` for the unmistakable
  "thanks for nothing" ("gracias por nada", "merci pour rien"). A warm word is listed by
  one language only: the sarcasm check counts them, and three read as sincere;
* ``still_not``: the problem outlived an answer ("nadal nie działa", "sigue sin llegar",
  "toujours rien"), weighted as the English lexicon's "still not" group (round 8: Polish,
  Romanian, Portuguese, Spanish, Italian, French, the European languages where "still" +
  negation is a fixed pair of words);
* ``howto``: questions about fraud as a topic ("धोखाधड़ी से बचने के लिए सेटिंग", "jak zgłosić
  oszustwo?"), which keep a bare fraud word from reaching the fraud rules.

Questions about the bot ("sei un bot o una persona vera?", "gerçek insan mısın?", "ma
tahay qof dhab ah?") are negated like English "are you a real person?": the bot answers
them. A question about how to leave ("cum îmi închid contul?") is not a threat: the churn
phrases are future or present threats ("îmi închid contul și mă mut la altă bancă").

Which languages and why: see the docstring of :mod:`handoff.signals.routing_lexicon`; in
the order of :data:`LANGUAGES`: Polish, Romanian, Panjabi, Urdu, Portuguese, Spanish,
Arabic, Bengali, Gujarati, Italian, Welsh, Hindi, French, Chinese, Turkish, Lithuanian,
then Tamil (Tamil script and "Tanglish"; Sri Lankan and Indian Tamil communities in London
and elsewhere) and Somali (Latin orthography; one of the largest African communities in the
UK), added with the held-out set's unanswered requests in both, then Russian, Ukrainian and
Bulgarian (round 9). Round 14 (batch A) follows the census's main-language table further:
German, Persian (Farsi, Arabic script and "Finglish"), Pashto, Kurdish (Sorani in Arabic script
and Latin letters, Kurmanji in Latin letters), Albanian, Tigrinya and Amharic (Ge'ez script),
Greek (Greek script and "Greeklish") and Hungarian: the tenth held-out set's diagnosis found 15
conversations in six of them with no table at all, all missed or late. The four other-language
kinds above are listed for the European languages, Hindi/Urdu and Chinese; Panjabi, Bengali,
Gujarati, Arabic, Welsh, Tamil, Somali and round 14's languages have fewer of them. Round 14
(batch B) appends, in the census's order of main languages after those and after the batch A
languages: Latvian, Slovak, Czech, Malayalam (script and "Manglish"), Nepali (Devanagari and
romanised), Tagalog/Filipino (with "Taglish"), Vietnamese (with or without diacritics), Yoruba
(with or without tone marks), Sinhala (script and romanised) and Dutch. Vietnamese without
diacritics, Yoruba without tone marks and Tagalog are short syllables that spell English words
("the", "to", "mi", "ba", "na"): their phrases are several words long, and every one-word
phrase of the ten was checked against English.

Short words (round 14). Once accents are folded away, a short word of one language is often
a word of another: Albanian "mirë" (good) is Lithuanian "mirė" (died), and sent a calm
customer to the vulnerable team. A language lists what shows a message is written in it
(``markers``: a few very common function words; ``letters``: its script, or letters no other
listed language writes), and its one-word phrases of up to seven letters count only in a
message that shows it or holds a longer phrase of it
(:func:`handoff.signals.routing_lexicon.shows_language`). A language that lists neither
keeps its one-word phrases unguarded.

Round 15 (the eleventh held-out set's diagnosis, principle 2: by stem and by kind, not fixed
phrases). A phrase word ending with "~" is a stem: its head matches any ending ("z
konsultant~" finds "z konsultantem", "z konsultantką"; handoff.signals.text), so a noun's case
forms are one entry, used inside phrases of two words or more. Every table lists
``third_party`` (someone else's scam: "mio cugino è stato truffato"), repeated asking is also
told by effort or time ("próbowałem wszystkiego", "trzeci dzień bez dostępu"), and Nigerian
Pidgin, Twi (Akan) and romanised Cantonese have tables (see the round 15 sections at the end;
tests/test_routing_languages_round15.py).

Round 18 (the fourteenth held-out set's diagnosis, principle 1 part A; the section at the
end, tests/test_routing_round18_languages.py): polite and conditional requests with the
case-officer and client-manager nouns, "I don't know what to do" (English's what_now),
eviction, hardship and a partner's control told as circumstance, reporting the bank, thanks
for a harm, a hold told as a state (bank_hold), and time markers right after a death or a
fraud word (not_current, which disarms it); a number to call asked for later is no request.

Review status: every phrase was written for this project from common customer-service chat
phrasings by a NON-NATIVE author (no native speaker has checked them yet); they are a starting
point for review by native-speaking colleagues, not a finished translation, and Tamil and
Somali in particular need that review before being relied on, as do round 14's Pashto, Sorani,
Kurmanji, Tigrinya and Amharic tables (tests/test_routing_languages_round14a.py), and the ten
languages of round 14 batch B (Latvian to Dutch; tests/test_routing_languages_round14b.py).
tests/test_routing_cues_multilingual.py and tests/test_routing_cues_multilingual_situations.py
list, per language, what must and must not match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff.signals.slots import slot_product

__all__ = ["ENGLISH_NEGATED_BEFORE", "LANGUAGES", "LANGUAGE_ONLY_KINDS", "UNSPACED", "Language"]

HUMAN = "human_demand"
FRAUD = "fraud"
SCAM = "scam"
VULNERABLE = "vulnerability"
CHURN = "churn_threat"
COMPLAINT = "complaint"
LEGAL = "legal_threat"
# Kinds English finds as situation shapes or lexicon groups (handoff.signals.situations,
# handoff.signals.lexicon) and the other languages as phrases here.
FRAUD_REPORT = "fraud_report"  # unauthorised use described: "a payment I didn't make"
REPEATED = "repeated_asking"  # "third time I'm asking", "again and again"
NOT_UNDERSTOOD = "not_understood"  # "you don't understand", "I still don't understand"
PRAISE = "praise"  # a warm word: sarcasm only beside a failure (handoff.signals.text)
SARCASM = "sarcasm"  # unmistakable on its own: "thanks for nothing"
HOWTO = "howto"  # a question about fraud as a topic: "where is the anti-fraud setting?"
STILL_NOT = "still_not"  # "still not working", "still nothing": the problem outlived an answer
SCAM_MENTION = "scam_mention"  # the bare word for a scam or a scammer: see _BARE_SCAM_WORDS
# round 13: fraud told as someone else's story ("my friend was scammed"): the fraud rules
# yield to it, as to the English situation shape of the same kind.
THIRD_PARTY = "third_party"
# round 16: "nobody helps me", "you're not helping at all", the English lexicon group's kind
NO_HELP = "no_help"

# Those kinds' weights in the frustration score (what the English lexicon's groups of the
# kind weigh; repetition as its milder group, since "third time" may count a recurrence;
# not understood below the 0.35 threshold, since a first message's "nie rozumiem" may be
# about a letter, not the bot: going_in_circles reads it from the second message on) and
# whether they are never negated (True for all: most are negative themselves, "nie
# rozumiem", "aanan samayn", and a negator before them is rare).
LANGUAGE_ONLY_KINDS: dict[str, tuple[float, bool]] = {
    FRAUD_REPORT: (0.0, True),
    HOWTO: (0.0, True),
    REPEATED: (0.35, True),
    NOT_UNDERSTOOD: (0.3, True),
    PRAISE: (0.45, True),
    SARCASM: (0.55, True),
    STILL_NOT: (0.45, True),  # the English lexicon's "still not" group
    SCAM_MENTION: (0.0, True),
    THIRD_PARTY: (0.0, True),
    NO_HELP: (0.35, True),  # the English lexicon's no_help group; a negation itself
}


def _c(heads: tuple[str, ...] | list[str], tails: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return slot_product(heads, tails)


@dataclass(frozen=True)
class Language:
    """One language's cue phrases (kind -> phrases) and how it negates them."""

    code: str  # ISO 639-1
    name: str
    scripts: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    negated_before: frozenset[str] = field(default_factory=frozenset)
    negated_after: frozenset[str] = field(default_factory=frozenset)
    # kind -> tokens (lower-cased, as typed: list both spellings) that may not follow a match
    # of that kind: "nie rozumiem" is a failure, "nie rozumiem, dlaczego..." a question.
    not_before: dict[str, frozenset[str]] = field(default_factory=dict)
    # round 14: what shows a message is written in this language, for its one-word phrases
    # (see routing_lexicon.shows_language): a few very common function words (folded, as
    # fold() leaves them) and a regex character class of its script or of letters no other
    # listed language writes ("\u0370-\u03ff", "ëç"). A one-word phrase of a language with
    # neither fires in any message, as before round 14.
    markers: frozenset[str] = field(default_factory=frozenset)
    letters: str = ""


# ---------------------------------------------------------------- English negation
# Word sequences right before a request, a threat or hardship that cancel it: "I don't need
# to speak to a person", "no need to call me back", "I'm not going to close my account".
# "are you a real person?" is a question about the bot, answered by the bot (it says it is
# a virtual assistant and offers a person), not yet a request: refused the same way.
ENGLISH_NEGATED_BEFORE = frozenset(
    {
        "don't",
        "dont",
        "do not",
        "don't need to",
        "dont need to",
        "do not need to",
        "don't want to",
        "dont want to",
        "do not want to",
        "don't wanna",
        "dont wanna",
        "no need to",
        "no need for",
        "not",
        "never",
        "won't",
        "wont",
        "will not",
        "without",
        "doesn't",
        "didn't",
        "are you a",
        "are you an",
        "is this a",
        "is that a",
        "am i talking to a",
        "am i speaking to a",
        "am i talking to an",
        "am i chatting with a",
        "r u a",
        # round 15: the other half of the question ("are you a bot or a real person?", Pidgin
        # "una be robot or real person?")
        "bot or",
        "bot or a",
        "robot or",
        "robot or a",
        # a hypothetical: "what number do I call if I ever need to speak to someone?"
        "if i ever need to",
        "if i ever have to",
        "if i ever want to",
        "should i ever need to",
        "in case i need to",
        "in case i ever need to",
        # planning ahead: "if I wanted to talk to someone about a mortgage next year, how..."
        "if i wanted to",
        "if i ever wanted to",
        "if i ever needed to",
        "if i were to",
        "should i want to",
        "should i wish to",
        "if i wished to",
    }
)

# ---------------------------------------------------------------- Polish
_PL_NOT_A_FAILURE = frozenset(
    {
        ",", "-", ":", "dlaczego", "czemu", "jak", "co", "czy", "ile", "kiedy", "gdzie",
        "skąd", "skad", "po", "za", "z", "ze", "w", "na", "tej", "tego", "tych", "ten", "ta",
        "to", "tę", "te", "opłaty", "oplaty", "wyciągu", "wyciagu", "regulaminu", "umowy",
        "słowa", "slowa", "pisma", "listu", "polskiego", "angielskiego",
    }
)  # fmt: skip
_PL_WITH = ("porozmawiać z", "rozmawiać z", "pogadać z", "połączyć się z", "skontaktować się z")
_PL_WHO = ("kierownikiem", "przełożonym", "kimś z banku", "kimś na żywo", "człowiekiem na żywo")
POLISH = Language(
    "pl",
    "Polish",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "żeby ktoś do mnie zadzwonił",
            "żeby ktoś zadzwonił",
            "aby ktoś do mnie zadzwonił",
            "żeby ktoś oddzwonił",
            "żeby ktoś się ze mną skontaktował",
            "kontaktu z pracownikiem",
            "kontaktu z konsultantem",
            "zadzwoni ktoś",
            "ktoś do mnie zadzwoni",
            "czy ktoś może zadzwonić",
            "kimś z obsługi",
            "kogoś z obsługi",
            "z kierownikiem",
            "poproszę kierownika",
            "niech ktoś zadzwoni",
            "niech ktoś do mnie zadzwoni",
            *_c(_PL_WITH, _PL_WHO),
            *_c(
                ("połączyć mnie z", "połączy mnie pan z", "połączy mnie pani z", "przełączyć do"),
                ("konsultantem", "człowiekiem", "doradcą", "kimś", "konsultanta", "doradcy"),
            ),
            "ktoś żywy",
            "pomocy konsultanta",
            "pomoc konsultanta",
            "pomocy człowieka",
            "kto mówi po polsku",
            "ktoś mówiący po polsku",
            "jest tam ktoś",
            "prawdziwy człowiek",
            "żywy człowiek",
            "z żywym człowiekiem",
            "mogę do was zadzwonić",
            "mogę do kogoś zadzwonić",
            "gdzie mogę zadzwonić",
            "numer do konsultanta",
            "numer na infolinię",
            "proszę o kontakt",
            "proszę o połączenie",
            "proszę o rozmowę",
            "oddzwońcie",
            "proszę oddzwonić",
            "proszę zadzwonić do mnie",
            "ktoś może do mnie zadzwonić",
            "może ktoś do mnie zadzwonić",
            "może ktoś zadzwonić",
            "do mnie zadzwonić",
            "zadzwonić do mnie",
            "niech ktoś do mnie zadzwoni",
            "zadzwońcie",
        ),
        FRAUD: (
            "nie robiłem tej płatności",
            "nie robiłam tej płatności",
            "nie zrobiłem tej płatności",
            "nie zrobiłam tej płatności",
            "nie robiłem tego przelewu",
            "nie robiłam tego przelewu",
            "nie rozpoznaję",
            "nieautoryzowana",
            "nieautoryzowany",
            "nieautoryzowane",
            "ukradli mi kartę",
            "ukradziono mi kartę",
            "skradziona karta",
            "kradzież karty",
            "zgubiłem kartę",
            "zgubiłam kartę",
            "ktoś użył mojej karty",
            "ktoś włamał się",
            "włamanie na konto",
            "oszustwo",
            "oszust",
            "oszuści",
            "zniknęły pieniądze",
            "zniknęły mi pieniądze",
        ),
        SCAM: (
            "oszukali mnie",
            "mnie oszukali",
            "mnie oszukano",
            "oszukany",
            "oszukana",
            "kliknąłem w link",
            "kliknęłam w link",
            "kliknąłem link",
            "kliknęłam link",
            "podałem dane karty",
            "podałam dane karty",
            "podałem kod",
            "podałam kod",
            "fałszywy sms",
            "fałszywa strona",
            "podszywał się",
            "podszywali się",
            "na bezpieczne konto",
            "wyłudzenie",
            # someone posing as the police or the bank, and a courier to collect cash or a card
            "podając się za",
            "podawał się za",
            "podawała się za",
            "podawali się za",
            "przekazać kurierowi",
            "dać kurierowi",
            "oddać kurierowi",
            "kurier ma przyjść",
            "kurier ma odebrać",
            "kurier odbierze",
            "kazał mi wypłacić",
            "kazała mi wypłacić",
            "kazali mi wypłacić",
            "kazał mi przelać",
            "kazali mi przelać",
            # a caller "from the bank's security department", everything moved to a new account
            "z działu bezpieczeństwa",
            "przelałam wszystko",
            "przelałem wszystko",
            "które dla mnie założył",
            "które dla mnie założyła",
            "zainstalowałem aplikację",
            "zainstalowałam aplikację",
        ),
        VULNERABLE: (
            "demencja",
            "demencję",
            "demencji",
            "alzheimer",
            "jestem w żałobie",
            "owdowiałam",
            "owdowiałem",
            "mam nowotwór",
            "nie mam pieniędzy na jedzenie",
            "nie mam na jedzenie",
            "zmarł mi",
            "zmarła mi",
            # round 13: the verb first, as Polish often puts it ("Zmarł mój tata"); zmarł is
            # said of people only, umarł also of a phone ("umarł mi telefon"): with family only
            *_c(("zmarł",), ("mój", "nam", "mi")),
            *_c(("zmarła",), ("moja", "nam", "mi")),
            *_c(("umarł mi", "umarł mój"), ("tata", "ojciec", "mąż", "brat", "syn", "dziadek")),
            *_c(
                ("umarła mi", "umarła moja"),
                ("mama", "matka", "żona", "siostra", "córka", "babcia"),
            ),
            "tata umarł",
            "mama umarła",
            "mój mąż umarł",
            "moja żona umarła",
            "mój mąż zmarł",
            "moja żona zmarła",
            "mama zmarła",
            "tata zmarł",
            "śmierć męża",
            "śmierć żony",
            "pogrzeb",
            "akt zgonu",
            "jestem w szpitalu",
            "leżę w szpitalu",
            "mam raka",
            "jestem ciężko chory",
            "jestem ciężko chora",
            "już nie daję rady",
            "nie radzę sobie psychicznie",
            "nie radzę sobie finansowo",
            "mam długi",
            "tonę w długach",
            "nie stać mnie",
            "nie mam z czego zapłacić",
            "straciłem pracę",
            "straciłam pracę",
            "komornik",
            "przez hazard",
            "problem z hazardem",
            "uzależniony od hazardu",
            "uzależniona od hazardu",
            "przegrałem wszystko",
            "przegrałam wszystko",
            "depresja",
        ),
        CHURN: (
            "zamknę konto",
            "zmienię bank",
            "zmieniam bank",
            "przeniosę pieniądze do innego banku",
            "odchodzę z banku",
            "zamykam konto",
            "zamknę rachunek",
            "przechodzę do innego banku",
            "przejdę do innego banku",
            "odchodzę do innego banku",
            "przenoszę się do innego banku",
        ),
        COMPLAINT: ("oficjalna skarga", "złożę skargę", "złożyć skargę"),
        LEGAL: ("rzecznik finansowy", "ombudsman", "prawnik", "adwokat", "pozwę", "do sądu"),
        FRAUD_REPORT: (
            *_c(
                ("której nie", "których nie", "ktorej nie", "ktorych nie"),
                (
                    "zrobiłem",
                    "zrobiłam",
                    "robiłem",
                    "robiłam",
                    "dokonałem",
                    "dokonałam",
                    "autoryzowałem",
                    "autoryzowałam",
                    "zlecałem",
                    "zlecałam",
                ),
            ),
            *_c(
                ("nie zrobiłem", "nie zrobiłam", "nie robiłem", "nie robiłam"),
                (
                    "tej płatności",
                    "tych płatności",
                    "tego przelewu",
                    "tych transakcji",
                    "tej transakcji",
                    "tego zakupu",
                ),
            ),
            *_c(
                (
                    "ktoś użył",
                    "ktoś używa",
                    "ktoś korzysta z",
                    "ktoś zapłacił",
                    "ktoś płaci",
                    "ktoś płacił",
                ),
                ("mojej karty", "moją kartą", "mojej karcie", "mojego konta"),
            ),
            "ktoś wypłacił moje pieniądze",
            "ktoś zalogował się na moje konto",
        ),
        STILL_NOT: (
            "nadal nie",
            "dalej nie",
            "wciąż nie",
            "ciągle nie",
            "nadal nic",
            "dalej nic",
            "wciąż nic",
        ),
        REPEATED: (
            *_c(
                (
                    "pytałem już",
                    "pytałam już",
                    "prosiłem już",
                    "prosiłam już",
                    "dzwoniłem już",
                    "dzwoniłam już",
                    "pisałem już",
                    "pisałam już",
                ),
                (
                    "trzy razy",
                    "cztery razy",
                    "pięć razy",
                    "dziesięć razy",
                    "kilka razy",
                    "wiele razy",
                    "sto razy",
                ),
            ),
            "z rzędu",
            "po raz trzeci",
            "po raz czwarty",
            "po raz kolejny",
            "trzeci raz",
            "czwarty raz",
            "kolejny raz pytam",
            "znowu pytam",
            "pytam ponownie",
            "pytam jeszcze raz",
            "już pytałem",
            "już pytałam",
            "już pisałem",
            "już pisałam",
            "już mówiłem",
            "już mówiłam",
            "ile razy mam",
            "ile razy jeszcze",
            "w kółko",
            "znowu to samo",
            "ciągle to samo",
            "znowu ten sam błąd",
        ),
        NOT_UNDERSTOOD: (
            "nie rozumiesz",
            "nie rozumiecie",
            "nie rozumie mnie",
            "nadal nie rozumiem",
            "dalej nie rozumiem",
            "wciąż nie rozumiem",
            "nic nie rozumiem",
            "nie rozumiem",
            "to nie jest odpowiedź",
            "nie odpowiadasz na pytanie",
            "nie na temat",
        ),
        PRAISE: ("świetnie", "rewelacja", "cudownie", "genialnie", "gratuluję"),
        SARCASM: ("dzięki za nic", "dziękuję za nic", "no pięknie", "brawo wy"),
        HOWTO: (
            *_c(
                (
                    "jak zgłosić",
                    "jak uniknąć",
                    "jak rozpoznać",
                    "ochrona przed",
                    "jak się chronić przed",
                ),
                ("oszustwo", "oszustwa", "oszustwami", "oszustów"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "nie",
            "nie chcę",
            "nie muszę",
            "nie trzeba",
            "nie potrzebuję",
            # "czy to bot czy prawdziwy człowiek?" asks what the bot is
            "bot czy",
            "botem czy",
            "robot czy",
            "czy to",
            "czy jesteś",
            "jesteś",
        }
    ),
    # "nie rozumiem" after an answer says the bot failed; followed by what is not understood
    # ("nie rozumiem, dlaczego...", "nie rozumiem tej opłaty") it is a question for the bot.
    not_before={NOT_UNDERSTOOD: _PL_NOT_A_FAILURE},
    markers=frozenset(
        {
            "nie",
            "się",
            "jest",
            "że",
            "czy",
            "proszę",
            "już",
            "mój",
            "moja",
            "moje",
            "mnie",
            "żeby",
            "dlaczego",
            "dzień",
            "dobry",
            "mam",
            "jestem",
            "chcę",
        }
    ),
    letters="ąćęłńśźż",
)

# ---------------------------------------------------------------- Romanian
ROMANIAN = Language(
    "ro",
    "Romanian",
    ("Latin, comma-below, cedilla or bare letters",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                ("pune în legătură cu", "puneți în legătură cu", "pus în legătură cu"),
                ("cineva", "un operator", "un consultant", "o persoană", "un angajat"),
            ),
            "mă poate suna",
            "mă sună cineva",
            "să mă sune cineva",
            *_c(
                ("vorbesc cu", "vorbi cu", "să vorbesc cu"),
                ("managerul", "un manager", "cineva real"),
            ),
            "pot vorbi cu cineva",
            "mă puteți suna",
            "sunați-mă înapoi",
            "sunati-ma",
            "număr la care pot suna",
            "pot să vă sun",
            "operator vă rog",
            "este cineva acolo",
            "cineva care vorbește română",
            "cineva care vorbește românește",
        ),
        FRAUD: (
            "nu am făcut eu",
            "nu am făcut această plată",
            "nu recunosc",
            "plată neautorizată",
            "tranzacție neautorizată",
            "mi-a furat cardul",
            "mi-au furat cardul",
            "card furat",
            "am pierdut cardul",
            "cineva mi-a folosit cardul",
            "fraudă",
            "frauda",
            "mi-au dispărut banii",
            "contul a fost spart",
            "pe care nu am făcut-o",
            "pe care nu le-am făcut",
            "nu am făcut-o eu",
        ),
        SCAM: (
            "țeapă",
            # round 11: "I got stung", a victim's words (bare "țeapă" is a mention)
            "am luat țeapă",
            "am luat o țeapă",
            "am primit țeapă",
            "escrocherie",
            "înșelătorie",
            "m-au păcălit",
            "am fost înșelat",
            "am fost înșelată",
            "am dat click pe un link",
            "am apăsat pe link",
            "am dat datele cardului",
            "am dat codul",
            "într-un cont sigur",
            "pe un cont sigur",
            "se dădea drept",
            "a zis că e de la bancă",
            "a spus că e de la bancă",
            "ziceau că sunt de la bancă",
            "mi-a cerut codul",
            "mi-au cerut codul",
            "i-am dat codul",
            "le-am dat codul",
        ),
        VULNERABLE: (
            "bolnav de cancer",
            "bolnavă de cancer",
            "demență",
            "depresie",
            "procură",
            "mama a murit",
            "tata a murit",
            "soțul meu a murit",
            "soția mea a murit",
            "a decedat",
            "deces",
            "înmormântare",
            "certificat de deces",
            "sunt în spital",
            "am cancer",
            "sunt grav bolnav",
            "sunt grav bolnavă",
            "nu mai rezist",
            "nu mai fac față",
            "nu am bani de chirie",
            "nu îmi permit",
            "mi-am pierdut locul de muncă",
            "am rămas fără loc de muncă",
            "am datorii",
            "plin de datorii",
            "executor",
            "jocuri de noroc",
            "pariuri",
            "dependent de jocuri",
            "am pierdut tot la",
            # abuse by a partner: "he beats me", "he takes all my money"
            "mă bate",
            "mă lovește",
            "mă amenință",
            "îmi ia toți banii",
            "îmi ia banii",
        ),
        CHURN: (
            "o să închid contul",
            "o să îmi închid contul",
            "schimb banca",
            "trec la altă bancă",
            "îmi mut banii la altă bancă",
            "îmi închid contul și",
            "închid contul și",
            "mă mut la altă bancă",
            "mă mut la o altă bancă",
            "plec la altă bancă",
            "plec la o altă bancă",
            "îmi mut banii în altă parte",
        ),
        COMPLAINT: ("fac o reclamație", "reclamație oficială", "depun o plângere"),
        LEGAL: ("avocat", "în instanță", "vă dau în judecată", "ombudsman", "anpc"),
        FRAUD_REPORT: (
            *_c(
                ("pe care nu", "pe care eu nu"),
                ("am făcut-o", "le-am făcut", "am autorizat-o", "le-am autorizat"),
            ),
            *_c(
                (
                    "cineva a folosit",
                    "cineva folosește",
                    "cineva a plătit cu",
                    "cineva mi-a folosit",
                ),
                ("cardul meu", "cardul", "contul meu"),
            ),
            "nu am făcut această plată",
            "nu am făcut aceste plăți",
            "nu eu am făcut plata",
            "plăți pe care nu",
            "plată pe care nu",
        ),
        STILL_NOT: (
            "tot nu",
            "încă nu a",
            "încă nu au",
            "tot nimic",
            "nici acum",
        ),
        REPEATED: (
            "luni la rând",
            "ori la rând",
            "a treia oară",
            "a patra oară",
            "pentru a treia oară",
            "din nou aceeași",
            "iar aceeași problemă",
            "de câte ori trebuie să",
            "de câte ori să mai",
            "am mai întrebat",
            "v-am mai spus",
            "am mai scris",
            "întreb din nou",
            "iar și iar",
        ),
        NOT_UNDERSTOOD: (
            "nu înțelegeți",
            "nu înțelegi",
            "tot nu înțeleg",
            "încă nu înțeleg",
            "nu asta am întrebat",
            "nu ați răspuns",
            "nu mi-ați răspuns",
        ),
        PRAISE: ("minunat", "felicitări", "excelent"),
        SARCASM: ("mulțumesc pentru nimic", "mersi de nimic", "mersi pentru nimic"),
        HOWTO: (
            *_c(
                (
                    "cum raportez",
                    "cum evit",
                    "cum recunosc",
                    "protecție împotriva",
                    "protecția împotriva",
                    "cum mă protejez de",
                ),
                ("frauda", "fraudă", "fraudele", "fraude", "o fraudă", "înșelătorii", "țepe"),
            ),
        ),
    },
    negated_before=frozenset({"nu", "nu vreau", "nu vreau să", "nu e nevoie", "nu trebuie"}),
    # "mă bate gândul să..." (I'm thinking of...) is an idiom, not a partner who hits
    not_before={
        VULNERABLE: frozenset({"gândul", "gandul", "capul", "soarele", "vântul", "vantul"})
    },
    markers=frozenset(
        {
            "nu",
            "sunt",
            "este",
            "vreau",
            "meu",
            "mea",
            "rog",
            "și",
            "că",
            "pentru",
            "nici",
            "bună",
            "ziua",
            "mulțumesc",
        }
    ),
    letters="ășțşţ",
)

# ---------------------------------------------------------------- Panjabi
_PA_WHO_LATIN = ("bande", "banday", "kise", "kisi", "agent", "insaan", "insan", "manager")
PANJABI = Language(
    "pa",
    "Panjabi",
    ("Gurmukhi", "Shahmukhi", "Latin letters"),
    {
        HUMAN: (
            "ਵਾਪਸ ਫ਼ੋਨ",
            "ਵਾਪਸ ਫੋਨ",
            "mainu phone kar",
            "mainu call kar",
            "menu phone kar",
            "ਮੈਨੇਜਰ ਨਾਲ ਗੱਲ",
            "ਅਸਲੀ ਬੰਦੇ ਨਾਲ",
            "ਮੈਨੂੰ ਵਾਪਸ ਕਾਲ ਕਰੋ",
            "ਫ਼ੋਨ ਕਰ ਸਕਦਾ",
            "ਫ਼ੋਨ ਕਰ ਸਕਦੀ",
            "مینیجر نال گل",
            "اصلی بندے نال",
            *_c(_PA_WHO_LATIN, ("naal gal", "nal gal", "naal gall", "nal gl", "naal gl")),
            *_c(("mainu", "menu", "mennu", "mainu"), ("call kro", "call kar do", "phone kar do")),
            "asli banda",
            "asli bande naal",
        ),
        FRAUD: (
            "ਮੈਂ ਇਹ ਪੇਮੈਂਟ ਨਹੀਂ ਕੀਤੀ",
            "ਮੇਰਾ ਕਾਰਡ ਚੋਰੀ",
            "ਕਾਰਡ ਚੋਰੀ ਹੋ ਗਿਆ",
            "ਧੋਖਾਧੜੀ",
            "ਫਰਾਡ",
            "میرا کارڈ چوری",
            "کارڈ چوری ہو گیا",
            "دھوکا",
            "main eh payment nahi kiti",
            "maine eh payment nahi kiti",
            "card chori ho gaya",
            "card chori ho gya",
            "mera card chori",
            "dhokha",
        ),
        SCAM: (
            "ਠੱਗੀ",
            "ਠੱਗ",
            "ਲਿੰਕ ਤੇ ਕਲਿੱਕ",
            "ਕੋਡ ਦੱਸ ਦਿੱਤਾ",
            "ٹھگی",
            "thaggi",
            "thag",
            "link te click",
            # round 11: it happened to me ("with me a fraud happened"): a victim's words
            "ਨਾਲ ਠੱਗੀ ਹੋਈ",
            "ਨਾਲ ਠੱਗੀ ਹੋ ਗਈ",
            "naal thaggi hoi",
            "naal thaggi ho gayi",
        ),
        VULNERABLE: (
            "ਗੁਜ਼ਰ ਗਏ",
            "ਗੁਜ਼ਰ ਗਈ",
            "ਮੌਤ ਹੋ ਗਈ",
            "ਹਸਪਤਾਲ ਵਿੱਚ",
            "ਕੈਂਸਰ",
            "ਬਹੁਤ ਬਿਮਾਰ",
            "ਕਰਜ਼ੇ ਵਿੱਚ",
            "ਨੌਕਰੀ ਚਲੀ ਗਈ",
            "ਜੂਆ",
            "گزر گئے",
            "فوت ہو گئے",
            "ہسپتال وچ",
            "guzar gaye",
            "guzar gye",
            "fout ho gaye",
            "hospital vich",
            "naukri chali gayi",
            "karze vich",
        ),
        CHURN: ("ਖਾਤਾ ਬੰਦ ਕਰ ਦਿਆਂਗਾ", "ਬੈਂਕ ਬਦਲ ਲਵਾਂਗਾ", "account band kar dena", "bank badal lena"),
        COMPLAINT: ("ਸ਼ਿਕਾਇਤ", "شکایت", "shikayat"),
        LEGAL: ("ਵਕੀਲ", "ombudsman", "vakeel karanga", "court jaavanga"),
        REPEATED: (
            "ਤੀਜੀ ਵਾਰ",
            "ਵਾਰ ਵਾਰ",
            "teeji vaar",
            "tiji vari",
            "vaar vaar puch",
        ),
        FRAUD_REPORT: (
            "ਜੋ ਮੈਂ ਨਹੀਂ ਕੀਤੀ",
            "ਮੈਂ ਇਹ ਪੇਮੈਂਟ ਨਹੀਂ ਕੀਤੀ",
            "main eh payment nahi kiti",
            "jo main nahi kiti",
            # round 9: the plural and masculine forms ("3 payment hoyian jo main nahi kitiyan")
            "jo main nahi kitiyan",
            "jo main nahi kitte",
            "jo main nahi kita",
        ),
    },
    negated_after=frozenset({"ਨਹੀਂ", "ਨਹੀ", "نہیں", "نئیں", "nahi", "nai", "nahin", "nhi"}),
    markers=frozenset({"mainu", "menu", "tusi", "tuhanu", "nal", "karo", "kithe", "sanu"}),
    letters="\u0a00-\u0a7f\u0600-\u06ff",
)

# ---------------------------------------------------------------- Urdu and Hindi
_ROMAN_HINDUSTANI_HUMAN = (
    # round 8: call-backs in other word orders
    "mujhe call kar sakta",
    "mujhe call kar sakti",
    "mujhe call kar sakte",
    "wapis call",
    "wapas call",
    "call back chahiye",
    "callback chahiye",
    "mujhe call back",
    "wapis phone",
    *_c(
        (
            "kisi insaan",
            "kisi insan",
            "insaan",
            "insan",
            "kisi aadmi",
            "kisi bande",
            "manager",
            "agent",
            "representative",
            "customer care",
            "kisi",
            "asli insaan",
            "real person",
        ),
        ("se baat", "sy baat", "se bat", "sy bat", "se baat karao", "se baat karwao"),
    ),
    *_c(
        ("mujhe", "mujhy", "muje", "mjhe", "hume", "humein"),
        (
            "call karo",
            "call karein",
            "call kijiye",
            "call back karo",
            "call back karein",
            "call kar do",
            "call kardo",
            "call kar dijiye",
            "phone kar do",
            "phone karo",
            "phone kijiye",
            "wapas call karo",
        ),
    ),
    "baat karni hai kisi se",
    "kisi se baat karwa",
    "kisi se baat karni",
    "kisi se baat krni",
    "koi insaan hai",
    "koi banda hai",
    "urdu bolne wala",
    "urdu mein baat",
    "hindi mein baat",
    "hindi bolne wala",
    "koi hai",
)
_ROMAN_HINDUSTANI_FRAUD = (
    "maine ye payment nahi ki",
    "maine yeh payment nahi ki",
    "maine ye transaction nahi kiya",
    "mene ye payment nahi ki",
    "ye payment maine nahi ki",
    "mera card chori",
    "card chori ho gaya",
    "card chori ho gya",
    "card kho gaya",
    "account hack",
    "paise gayab",
    "dhokha",
    "dhoka",
    "fraud hua",
    "fraud ho gaya",
    "jo maine nahi ki",
    "jo maine nahi kiye",
    "jo maine nahi kiya",
    "jo mene nahi ki",
    "jo main ne nahi ki",
    "nahi pata kis ne ki",
    "pata nahi kis ne ki",
)
_ROMAN_HINDUSTANI_SCAM = (
    "thagi",
    # round 11: "it happened to me", a victim's words (bare "thagi" is a mention)
    "saath thagi hui",
    "saath thagi ho gayi",
    "saath dhoka hua",
    "saath dhoka ho gaya",
    "thag liya",
    "link pe click",
    "link par click",
    "otp de diya",
    "otp bata diya",
    "pin bata diya",
    # round 9: with "code" after the OTP or on its own ("unko OTP code bata diya")
    "otp code bata diya",
    "otp code de diya",
    "code bata diya",
    "card details de di",
    # a threat to pay now: "visa cancel ho jayega", "arrest kar lenge"
    "visa cancel ho jayega",
    "arrest kar lenge",
    "giraftar kar lenge",
    "safe account mein",
)
_ROMAN_HINDUSTANI_VULNERABLE = (
    # round 8: a death, a partner holding the money, a relative's memory, low mood
    "dehant ho gaya",
    "dehaant ho gaya",
    "sara paisa le leta",
    "sara paisa le lete",
    "sara paisa le leti",
    "dementia hai",
    "depression hai",
    "inteqal ho gaya",
    "intiqal ho gaya",
    # the same word romanised with k for q: "ammi ka intekal ho gaya"
    "intekal ho gaya",
    "intekal ho gayi",
    "intikal ho gaya",
    "guzar gaye",
    "guzar gayi",
    "wafat",
    "maut ho gayi",
    "death ho gayi",
    "hospital mein",
    "hospital me",
    "cancer hai",
    "bahut bimar",
    "bohat beemar",
    "bardasht nahi",
    "sambhal nahi pa",
    "qarz mein",
    "karz mein",
    "qarze mein",
    "naukri chali gayi",
    "job chali gayi",
    "jua khel",
    "juye mein",
    "satte mein",
    "kiraya nahi de",
)
_ROMAN_HINDUSTANI_REPORT = (
    "kisi ne mera card use",
    "kisi ne mere card se",
    "kisi ne mera card istemal",
    "ye maine nahi kiya",
    "ye maine nahi ki",
    "maine nahi kiya ye",
    "maine ye payment nahi ki",
    "maine yeh payment nahi ki",
    "mene ye payment nahi ki",
    "maine ye transaction nahi kiya",
    "ye payment maine nahi ki",
    "jo maine nahi ki",
    "jo maine nahi kiye",
    "jo maine nahi kiya",
    "jo mene nahi ki",
)
# "main pooch raha hoon ..." insists on a question already asked ("I am asking when...").
_ROMAN_HINDUSTANI_REPEATED = (
    "teesri baar",
    "tisri baar",
    "teesri bar",
    "baar baar",
    "phir se wahi",
    "pehle bhi pucha",
    "pehle bhi poocha",
    "pehle bhi bataya",
    "main pooch raha hoon",
    "main pooch rahi hoon",
    "main puch raha hu",
    "main puch rahi hu",
    "mai puch raha hu",
)
_ROMAN_HINDUSTANI_NOT_UNDERSTOOD = (
    "aap samajh nahi rahe",
    "tum samajh nahi rahe",
    "samajh nahi rahe",
    "maine ye nahi pucha",
    "ye nahi pucha",
)
_ROMAN_HINDUSTANI_HOWTO = (
    "fraud se bachne",
    "fraud se bachao",
    "dhokhadhadi se bachne",
    "fraud kaise report",
    "fraud report kaise",
)
_ROMAN_HINDUSTANI_CHURN = (
    "dusre bank chala jaunga",
    "doosre bank chala jaunga",
    "dusre bank mein chala jaunga",
    "account band kar dunga",
    "account band kar dungi",
    "account band kar doon",
    "bank badal dunga",
    "bank badal lunga",
)
_HINDUSTANI_NEGATED_AFTER = frozenset(
    {
        "nahi",
        "nahin",
        "nahī",
        "nhi",
        "nai",
        "nahi chahiye",
        "mat",
        "نہیں",
        "نہی",
        "नहीं",
        "नही",
        "मत",
    }
)
URDU = Language(
    "ur",
    "Urdu",
    ("Nastaliq (Arabic script)", "Roman Urdu"),
    {
        HUMAN: (
            "فون پر بات",
            "مجھے کال کر",
            "کوئی مجھے کال",
            "مینیجر سے بات",
            "کسی آدمی سے بات",
            "نمائندہ سے بات",
            "حقیقی انسان",
            "کوئی انسان ہے",
            "مجھے واپس کال",
            "کال بیک",
            *_ROMAN_HINDUSTANI_HUMAN,
        ),
        FRAUD: (
            "میں نے یہ ادائیگی نہیں کی",
            "میں نے یہ پیمنٹ نہیں کی",
            "جو میں نے نہیں کی",
            "جو میں نے نہیں کیں",
            "میرا کارڈ چوری",
            "کارڈ چوری ہو گیا",
            "کارڈ گم ہو گیا",
            "دھوکہ دہی",
            "فراڈ",
            "اکاؤنٹ ہیک",
            *_ROMAN_HINDUSTANI_FRAUD,
        ),
        SCAM: (
            "دھوکہ",
            "ساتھ دھوکہ ہوا",
            "ساتھ دھوکہ ہو گیا",
            "لنک پر کلک",
            "او ٹی پی بتا دیا",
            "کوڈ بتا دیا",
            *_ROMAN_HINDUSTANI_SCAM,
        ),
        VULNERABLE: (
            "میرا سارا پیسہ لے",
            "سارا پیسہ لے لیتے",
            "سارا پیسہ لے لیتا",
            "مجھے کارڈ نہیں دیتے",
            "مجھے کارڈ نہیں دیتا",
            "ڈیمنشیا",
            "ڈپریشن",
            "انتقال ہو گیا",
            "فوت ہو گئے",
            "فوت ہو گئی",
            "وفات",
            "ہسپتال میں",
            "کینسر",
            "بہت بیمار",
            "برداشت نہیں",
            "قرض میں",
            "نوکری چلی گئی",
            "جوا",
            "جوئے",
            *_ROMAN_HINDUSTANI_VULNERABLE,
        ),
        CHURN: (
            "اکاؤنٹ بند کر دوں گا",
            "اکاؤنٹ بند کر دوں گی",
            "بینک بدل لوں گا",
            *_ROMAN_HINDUSTANI_CHURN,
        ),
        COMPLAINT: ("شکایت درج", "باضابطہ شکایت", "shikayat darj", "complaint karunga"),
        LEGAL: ("وکیل", "عدالت", "ombudsman", "wakeel karunga", "court jaunga", "adalat"),
        FRAUD_REPORT: (
            "میں نے یہ ادائیگی نہیں کی",
            "میں نے یہ پیمنٹ نہیں کی",
            *_ROMAN_HINDUSTANI_REPORT,
            "جو میں نے نہیں کیا",
            "کسی نے میرا کارڈ استعمال",
            "کسی نے میرے کارڈ سے",
        ),
        REPEATED: (*_ROMAN_HINDUSTANI_REPEATED, "تیسری بار", "بار بار"),
        NOT_UNDERSTOOD: (*_ROMAN_HINDUSTANI_NOT_UNDERSTOOD, "آپ سمجھ نہیں رہے", "سمجھ نہیں رہے"),
        HOWTO: (
            *_ROMAN_HINDUSTANI_HOWTO,
            "فراڈ سے بچنے",
            "دھوکہ دہی سے بچنے",
            "فراڈ کی رپورٹ کیسے",
        ),
    },
    negated_after=_HINDUSTANI_NEGATED_AFTER,
    markers=frozenset(
        {
            "mujhe",
            "mujhay",
            "mera",
            "meri",
            "mere",
            "nahi",
            "nahin",
            "kya",
            "aap",
            "hai",
            "hain",
            "hy",
            "krna",
            "karna",
            "raha",
            "rahi",
            "bhai",
            "yaar",
        }
    ),
    letters="\u0600-\u06ff\u0750-\u077f",
)
HINDI = Language(
    "hi",
    "Hindi",
    ("Devanagari", "Latin letters (Hinglish)"),
    {
        HUMAN: (
            "मुझसे बात कर सकता",
            "मुझसे बात कर सकती",
            "मुझसे बात कर सकते",
            "फ़ोन पर बात",
            "फोन पर बात",
            "मुझे कॉल कर",
            "कोई मुझे कॉल",
            "phone par baat",
            "phone pe baat",
            *_c(
                (
                    "किसी इंसान",
                    "इंसान",
                    "किसी व्यक्ति",
                    "किसी",
                    "एजेंट",
                    "मैनेजर",
                    "प्रतिनिधि",
                    "कस्टमर केयर",
                    "असली इंसान",
                ),
                ("से बात",),
            ),
            *_c(("मुझे", "हमें"), ("कॉल करें", "कॉल करो", "फ़ोन करें", "फोन करो", "वापस कॉल करें")),
            "कोई इंसान है",
            *_ROMAN_HINDUSTANI_HUMAN,
        ),
        FRAUD: (
            "मैंने यह भुगतान नहीं किया",
            "मैंने ये पेमेंट नहीं की",
            "जो मैंने नहीं की",
            "जो मैंने नहीं किया",
            "मेरा कार्ड चोरी",
            "कार्ड चोरी हो गया",
            "कार्ड खो गया",
            "धोखाधड़ी",
            "फ्रॉड",
            "खाता हैक",
            *_ROMAN_HINDUSTANI_FRAUD,
        ),
        SCAM: (
            "ठगी",
            "साथ ठगी हुई",
            "साथ ठगी हो गई",
            "लिंक पर क्लिक",
            "ओटीपी बता दिया",
            "ओटीपी दे दिया",
            *_ROMAN_HINDUSTANI_SCAM,
        ),
        VULNERABLE: (
            "देहांत",
            "सारा पैसा ले लेते",
            "सारा पैसा ले लेता",
            "डिमेंशिया",
            "डिप्रेशन",
            "गुज़र गए",
            "गुजर गए",
            "गुज़र गई",
            "निधन",
            "मौत हो गई",
            "अस्पताल में",
            "कैंसर",
            "बहुत बीमार",
            "सहन नहीं",
            "कर्ज़ में",
            "कर्ज में",
            "नौकरी चली गई",
            "जुआ",
            "जुए",
            *_ROMAN_HINDUSTANI_VULNERABLE,
        ),
        CHURN: (
            "खाता बंद कर दूंगा",
            "खाता बंद कर दूँगा",
            "बैंक बदल दूंगा",
            "बैंक बदल लूंगा",
            *_ROMAN_HINDUSTANI_CHURN,
        ),
        COMPLAINT: ("शिकायत दर्ज", "औपचारिक शिकायत", "shikayat darj"),
        LEGAL: ("वकील", "अदालत", "ombudsman", "vakil karunga", "court jaunga"),
        FRAUD_REPORT: (
            "मैंने यह भुगतान नहीं किया",
            "मैंने ये पेमेंट नहीं की",
            *_ROMAN_HINDUSTANI_REPORT,
            "जो मैंने नहीं किए",
            "किसी ने मेरा कार्ड इस्तेमाल",
            "किसी ने मेरे कार्ड से",
        ),
        REPEATED: (*_ROMAN_HINDUSTANI_REPEATED, "तीसरी बार", "बार बार"),
        NOT_UNDERSTOOD: (*_ROMAN_HINDUSTANI_NOT_UNDERSTOOD, "आप समझ नहीं रहे", "समझ नहीं रहे"),
        HOWTO: (
            *_ROMAN_HINDUSTANI_HOWTO,
            "धोखाधड़ी से बचने",
            "धोखाधड़ी से बचाव",
            "फ्रॉड से बचने",
            "फ्रॉड से बचाव",
            "धोखाधड़ी की रिपोर्ट कैसे",
        ),
    },
    negated_after=_HINDUSTANI_NEGATED_AFTER,
    markers=frozenset(
        {
            "mujhe",
            "mera",
            "meri",
            "mere",
            "nahi",
            "nahin",
            "kya",
            "aap",
            "hai",
            "hain",
            "karna",
            "raha",
            "rahi",
        }
    ),
    letters="\u0900-\u097f",
)

# ---------------------------------------------------------------- Portuguese
PORTUGUESE = Language(
    "pt",
    "Portuguese",
    ("Latin, with or without accents",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "podem ligar-me",
            "pode ligar-me",
            "alguém me pode ligar",
            *_c(
                ("falar com", "falar com o meu", "falar com a minha"),
                (
                    "gestor de conta",
                    "consultor",
                    "consultora",
                    "um consultor",
                    "uma consultora",
                    "um funcionário",
                    "um atendente",
                ),
            ),
            "me pode ligar",
            "pode-me ligar",
            "podem-me ligar",
            "falar com um gestor",
            *_c(
                ("falar com", "quero falar com", "posso falar com"),
                ("o gerente", "o supervisor", "um responsável"),
            ),
            "alguém real",
            "tem alguém aí",
            "atendimento pessoal",
            "me liga",
            "alguém que fale português",
            "liguem para mim",
            "quero uma chamada",
            "número para ligar",
            "posso ligar para vocês",
            "posso ligar para alguém",
        ),
        FRAUD: (
            "não fiz esse pagamento",
            "não fiz este pagamento",
            "não reconheço",
            "não autorizei",
            "compra que não fiz",
            "roubaram meu cartão",
            "roubaram o meu cartão",
            "cartão roubado",
            "perdi meu cartão",
            "perdi o meu cartão",
            "clonaram meu cartão",
            "cartão clonado",
            "conta hackeada",
            "fraude",
            "sumiu dinheiro",
        ),
        SCAM: (
            "golpe",
            # round 11: "I fell for a scam", a victim's words (bare "golpe" is a mention)
            "caí num golpe",
            "caí no golpe",
            "caí em um golpe",
            "sofri um golpe",
            "levei um golpe",
            "golpista",
            "burla",
            "fui enganado",
            "fui enganada",
            "cliquei no link",
            "cliquei num link",
            "cliquei em um link",
            "passei meus dados",
            "dei o código",
            "passei o código",
            "para uma conta segura",
            "se passando pelo banco",
            # a seller gone after payment; someone posing as the bank
            "o vendedor bloqueou-me",
            "o vendedor me bloqueou",
            "vendedor bloqueou-me",
            "vendedor sumiu",
            "fingindo ser do banco",
            "dizendo que era do banco",
            "disse que era do banco",
            "transferi tudo",
        ),
        VULNERABLE: (
            "depressão",
            "estou deprimido",
            "estou deprimida",
            "demência",
            "alzheimer",
            "quimioterapia",
            "não tenho dinheiro para comida",
            "procuração",
            "faleceu",
            "meu pai morreu",
            "minha mãe morreu",
            "meu marido morreu",
            "minha esposa morreu",
            "falecimento",
            "funeral",
            "velório",
            "certidão de óbito",
            "estou no hospital",
            "internado",
            "internada",
            "tenho câncer",
            "tenho cancro",
            "estou muito doente",
            "não aguento mais",
            "não consigo lidar",
            "estou endividado",
            "estou endividada",
            "tenho dívidas",
            "cheio de dívidas",
            "não consigo pagar as contas",
            "não consigo pagar o aluguel",
            "não consigo pagar a renda",
            "perdi o emprego",
            "perdi meu emprego",
            "desempregado",
            "desempregada",
            "apostas",
            "apostas online",
            "vício em apostas",
            "vício do jogo",
            "perdi todo o meu salário",
        ),
        CHURN: (
            "vou fechar a conta",
            "vou fechar minha conta",
            "vou mudar de banco",
            "vou trocar de banco",
            "vou encerrar a conta",
            "vou encerrar minha conta",
            "vou encerrar a minha conta",
            "vou para outro banco",
            "vou-me embora para outro banco",
        ),
        COMPLAINT: ("reclamação formal", "fazer uma reclamação", "vou reclamar", "reclame aqui"),
        LEGAL: ("advogado", "processar vocês", "vou processar", "ombudsman", "na justiça"),
        FRAUD_REPORT: (
            "não fiz esse pagamento",
            "não fiz este pagamento",
            "não fiz essa compra",
            "não fiz esta compra",
            *_c(
                ("que não", "que eu não", "que nao", "que eu nao"),
                ("fiz", "realizei", "autorizei", "efetuei"),
            ),
            *_c(
                (
                    "alguém usou",
                    "alguém está usando",
                    "alguém está a usar",
                    "alguém clonou",
                    "alguém pagou com",
                    "usaram",
                    "estão usando",
                    "estão a usar",
                ),
                ("o meu cartão", "meu cartão", "a minha conta", "minha conta"),
            ),
            "não fiz esses pagamentos",
            "não fiz estes pagamentos",
            "não fui eu que fiz",
        ),
        STILL_NOT: (
            "ainda não",
            "continua sem",
            "continua a não",
            "até agora nada",
            "ainda nada",
        ),
        REPEATED: (
            *_c(
                (
                    "já pedi",
                    "já perguntei",
                    "já tentei",
                    "já liguei",
                    "pedi isto",
                    "perguntei isto",
                ),
                (
                    "três vezes",
                    "quatro vezes",
                    "cinco vezes",
                    "dez vezes",
                    "mil vezes",
                    "várias vezes",
                    "muitas vezes",
                ),
            ),
            "meses seguidos",
            "vezes seguidas",
            "já são três meses",
            "já vão três meses",
            "terceira vez",
            "quarta vez",
            "pela terceira vez",
            "de novo o mesmo",
            "outra vez o mesmo",
            "quantas vezes tenho que",
            "quantas vezes vou ter que",
            "quantas vezes mais",
            "já perguntei",
            "já disse",
            "já expliquei",
            "estou perguntando de novo",
        ),
        NOT_UNDERSTOOD: (
            "você não entende",
            "você não está entendendo",
            "não está a perceber",
            "ainda não entendi",
            "continuo sem entender",
            "não foi isso que perguntei",
            "não respondeu",
        ),
        PRAISE: ("parabéns", "maravilha", "excelente"),
        SARCASM: ("obrigado por nada", "obrigada por nada", "valeu por nada"),
        HOWTO: (
            *_c(
                (
                    "como denunciar",
                    "como evitar",
                    "como reportar",
                    "proteção contra",
                    "como me proteger de",
                ),
                ("fraude", "fraudes", "golpe", "golpes", "uma fraude", "um golpe"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "não",
            "nao",
            "não quero",
            "nao quero",
            "não preciso",
            "nao preciso",
            "não precisa",
            "sem",
            # "você é um robô ou uma pessoa real?" asks what the bot is
            "bot ou uma",
            "bot ou",
            "robô ou uma",
            "robô ou",
            "você é uma",
            "você é",
            "é uma",
        }
    ),
    markers=frozenset(
        {
            "não",
            "meu",
            "minha",
            "você",
            "vocês",
            "estou",
            "obrigado",
            "obrigada",
            "com",
            "foi",
            "uma",
            "olá",
            # round 14: the short words of a one-line question ("é golpe isso?")
            "isso",
            "isto",
            "essa",
            "esse",
            "pra",
            "também",
        }
    ),
    letters="ãõ",
)

# ---------------------------------------------------------------- Spanish
SPANISH = Language(
    "es",
    "Spanish",
    ("Latin, with or without accents",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                ("me puede atender", "me pueden atender", "que me atienda", "me atienda"),
                ("una persona", "alguien", "un agente", "un asesor", "un humano"),
            ),
            "que me llame alguien",
            "que alguien me llame",
            "que me llamen",
            *_c(
                ("hablar con", "quiero hablar con", "puedo hablar con"),
                ("el supervisor", "un supervisor", "un encargado"),
            ),
            "alguien real",
            "alguien que hable español",
            "hay alguien ahí",
            "llámame por favor",
            "llamadme",
            "me podéis llamar",
            "me podrían llamar",
            "me llamáis",
            "devolvedme la llamada",
            "me puedes llamar",
            "podéis llamarme",
            "número para llamar",
            "puedo llamar a alguien",
            "puedo llamarles",
        ),
        FRAUD: (
            "no hice este pago",
            "no hice ese pago",
            "no reconozco",
            "no autoricé",
            "cargo que no hice",
            "me robaron la tarjeta",
            "me han robado la tarjeta",
            "tarjeta robada",
            "perdí mi tarjeta",
            "he perdido mi tarjeta",
            "clonaron mi tarjeta",
            "tarjeta clonada",
            "cuenta hackeada",
            "fraude",
            "desapareció dinero",
        ),
        SCAM: (
            "estafa",
            "estafado",
            "estafada",
            "me estafaron",
            "me engañaron",
            "hice clic en un enlace",
            "pinché en un enlace",
            "di mis datos",
            "di el código",
            "a una cuenta segura",
            "se hizo pasar por el banco",
        ),
        VULNERABLE: (
            "demencia",
            "alzhéimer",
            "alzheimer",
            "poder notarial",
            "depresión",
            "estoy deprimido",
            "estoy deprimida",
            "quimioterapia",
            "no tengo dinero para comer",
            "enviudé",
            "falleció",
            "ha fallecido",
            "mi padre murió",
            "mi madre murió",
            "mi marido murió",
            "mi esposa murió",
            "mi madre ha muerto",
            "fallecimiento",
            "funeral",
            "certificado de defunción",
            "estoy en el hospital",
            "hospitalizado",
            "hospitalizada",
            "tengo cáncer",
            "muy enfermo",
            "muy enferma",
            "no puedo más",
            "no aguanto más",
            "tengo deudas",
            "ahogado en deudas",
            "no puedo pagar el alquiler",
            "no puedo pagar la hipoteca",
            "perdí mi trabajo",
            "me quedé sin trabajo",
            "en paro",
            "apuestas",
            "adicción al juego",
            "ludopatía",
            "lo perdí todo en",
        ),
        CHURN: (
            "voy a cerrar mi cuenta",
            "voy a cerrar la cuenta",
            "me cambio de banco",
            "voy a cambiar de banco",
            "me voy a otro banco",
            "me paso a otro banco",
        ),
        COMPLAINT: (
            "reclamación formal",
            "poner una reclamación",
            "hoja de reclamaciones",
            "presentar una queja",
        ),
        LEGAL: ("abogado", "demandar", "los voy a demandar", "ombudsman"),
        FRAUD_REPORT: (
            # round 9: a stolen phone with the banking app open (as the English shape)
            "la app del banco abierta",
            "la aplicación del banco abierta",
            "el banco abierto en el móvil",
            "no hice este pago",
            "no hice ese pago",
            "no hice esta compra",
            "no hice esa compra",
            *_c(
                ("que no", "que yo no"),
                ("hice", "he hecho", "realicé", "autoricé"),
            ),
            *_c(
                (
                    "alguien usó",
                    "alguien ha usado",
                    "alguien está usando",
                    "alguien pagó con",
                    "han usado",
                    "usaron",
                ),
                ("mi tarjeta", "mi cuenta"),
            ),
            "no hice estos pagos",
            "no hice esos pagos",
        ),
        STILL_NOT: (
            "sigue sin",
            "siguen sin",
            "todavía no",
            "aún no",
            "todavía nada",
            "sigue igual",
        ),
        REPEATED: (
            # "ya lo he pedido cinco veces": counting one's own asks (round 9)
            *_c(
                (
                    "lo he pedido",
                    "lo he preguntado",
                    "lo he intentado",
                    "lo he solicitado",
                    "te lo he dicho",
                    "os lo he dicho",
                    "he llamado",
                    "he preguntado",
                ),
                (
                    "tres veces",
                    "cuatro veces",
                    "cinco veces",
                    "seis veces",
                    "diez veces",
                    "mil veces",
                    "varias veces",
                    "muchas veces",
                ),
            ),
            "meses seguidos",
            "veces seguidas",
            "ya van tres meses",
            "ya van dos meses",
            "ya van tres veces",
            "tercera vez",
            "cuarta vez",
            "por tercera vez",
            "otra vez el mismo",
            "otra vez la misma",
            "de nuevo el mismo",
            "cuántas veces tengo que",
            "cuántas veces más",
            "ya pregunté",
            "ya lo dije",
            "ya te lo dije",
            "ya os lo dije",
            "ya lo he explicado",
            "una y otra vez",
        ),
        NOT_UNDERSTOOD: (
            "no me entiendes",
            "no me entiende",
            "no entiendes",
            "no me estás entendiendo",
            "sigo sin entender",
            "no es lo que pregunté",
            "no has respondido",
            "no contestas",
        ),
        PRAISE: (
            "qué eficientes",
            "qué eficiencia",
            "genial",
            "qué maravilla",
            "maravilloso",
            "unos cracks",
            "unos genios",
            "enhorabuena",
        ),
        SARCASM: ("gracias por nada", "muchas gracias por nada", "qué sorpresa"),
        HOWTO: (
            *_c(
                (
                    "cómo denunciar",
                    "cómo evitar",
                    "cómo reportar",
                    "protección contra",
                    "cómo protegerme de",
                ),
                ("fraude", "fraudes", "estafas", "un fraude", "una estafa"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "no",
            "no quiero",
            "no necesito",
            "no hace falta",
            "sin",
            # "¿eres un bot o una persona real?" asks what the bot is
            "bot o una",
            "bot o un",
            "bot o",
            "robot o una",
            "robot o",
            "eres una",
            "eres",
            "es usted una",
        }
    ),
    markers=frozenset(
        {
            "mi",
            "me",
            "estoy",
            "está",
            "tengo",
            "que",
            "qué",
            "por",
            "para",
            "una",
            "pero",
            "hola",
            "gracias",
            "mis",
            "soy",
            "muy",
        }
    ),
    letters="ñ¿¡",
)

# ---------------------------------------------------------------- Arabic
_AR_TALK = (
    "اتكلم مع",
    "أتكلم مع",
    "اكلم",
    "أكلم",
    "التحدث مع",
    "التحدث الى",
    "التحدث إلى",
    "احكي مع",
    "أحكي مع",
    "تواصل مع",
    "تحويلي الى",
    "تحويلي إلى",
    "حولني على",
    "حولني الى",
    "اتحدث مع",
    "أتحدث مع",
)
_AR_WHO = (
    "موظف",
    "الموظف",
    "شخص",
    "شخص حقيقي",
    "انسان",
    "إنسان",
    "بشر",
    "حد",
    "احد",
    "أحد",
    "مدير",
    "المدير",
    "خدمة العملاء",
    "ممثل خدمة العملاء",
    "مسؤول",
)
# Who might have called: "someone", "a man", "a woman", "a number", "an employee".
_AR_CALLER = ("شخص", "رجل", "امرأة", "واحد", "واحدة", "احد", "أحد", "رقم", "موظف", "حدا")
ARABIC = Language(
    "ar",
    "Arabic",
    ("Arabic script", "Arabizi (Latin letters with digits: 3 for ع, 7 for ح)"),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(("التكلم مع", "الكلام مع"), ("موظف", "شخص", "انسان", "إنسان", "حد", "احد", "مدير")),
            *_c(
                ("akalim", "akalem", "akallem", "a7ki ma3"),
                ("mowazaf", "mwazaf", "7ad", "shakhs", "insan"),
            ),
            "احكي مع حدا",
            "احكي مع موظف",
            "اكلم حدا",
            "حدا يتصل",
            "يتصل فيني",
            "حدا يحكي معي",
            "حدا يكلمني",
            "حد يتصل بي",
            "حد يتصل فيني",
            "احد يتصل بي",
            "أحد يتصل بي",
            "حد يكلمني",
            *_c(_AR_TALK, _AR_WHO),
            *_c(
                ("حولني", "حولوني", "تحولني", "وصلني", "توصلني", "وصلوني"),
                (
                    "لموظف",
                    "للموظف",
                    "لشخص",
                    "لحد",
                    "لمسؤول",
                    "لخدمة العملاء",
                    "على موظف",
                    "الى موظف",
                    "إلى موظف",
                ),
            ),
            "شخص حقيقي",
            "انسان حقيقي",
            "موظف حقيقي",
            "اتصلوا بي",
            "اتصل بي",
            "كلموني",
            "اتصلوا علي",
            "تتصلوا بي",
            "تتصل بي",
            "تتصلوا علي",
            "رقم للاتصال",
            *_c(
                (
                    "3ayez atkallam",
                    "3ayz atkalem",
                    "3awz akalem",
                    "bdi e7ki",
                    "baddi e7ki",
                    "abgha akalem",
                    "ab8a akalem",
                    "ana 3ayez",
                    "atkallam",
                    "akallem",
                    "akalem",
                ),
                (
                    "ma3 7ad",
                    "ma3 had",
                    "ma3 muwazaf",
                    "ma3 mowazaf",
                    "ma3 shakhs",
                    "ma3 insan",
                    "ma3 el modeer",
                    "7ad",
                    "muwazaf",
                    "mowazaf",
                    "el modeer",
                    "el mudir",
                    "modeer",
                    "customer service",
                ),
            ),
            "kalemoni",
            "etesel beya",
        ),
        FRAUD: (
            "لم اقم بهذه العملية",
            "لم أقم بهذه العملية",
            "ما عملت هذه العملية",
            "مش انا اللي عملت",
            "عملية غير مصرح",
            "لا اعرف هذه العملية",
            "سرقت بطاقتي",
            "سرقوا بطاقتي",
            "بطاقتي مسروقة",
            "ضاعت بطاقتي",
            "فقدت بطاقتي",
            "حسابي اخترق",
            "اختراق حسابي",
            "تم اختراق",
            "احتيال",
            "سرقة",
            "e7tiyal",
            "bta2ti itsara2it",
        ),
        SCAM: (
            "نصب",
            "نصاب",
            "نصبوا علي",
            "اتنصب علي",
            "ضغطت على رابط",
            "ضغطت على الرابط",
            "اعطيتهم الرمز",
            "أعطيتهم الرمز",
            "اعطيتهم بيانات",
            "رسالة مزيفة",
            "الى حساب آمن",
            # round 9: a courier coming to collect cash or a card ("وإعطاءها لساعي سيأتي إلى
            # بيتي"), as the English courier shape
            "لساعي سياتي",
            "ساعي سياتي",
            "الساعي سياتي",
            "مندوب سياتي لاخذ",
            "nasb",
            "nassab",
        ),
        VULNERABLE: (
            "توفي",
            "توفيت",
            "توفى",
            "وفاة",
            "عزاء",
            "جنازة",
            "شهادة وفاة",
            "في المستشفى",
            "بالمستشفى",
            "سرطان",
            "مريض جدا",
            "مريضة جدا",
            "لا استطيع التحمل",
            "عندي ديون",
            "غارق في الديون",
            "مديون",
            "لا استطيع الدفع",
            "فقدت عملي",
            "فقدت وظيفتي",
            "قمار",
            "القمار",
            "مراهنات",
            "mostashfa",
        ),
        CHURN: (
            "سكر حسابي",
            "بسكر حسابي",
            "انقل لبنك ثاني",
            "انقل لبنك تاني",
            "اروح لبنك ثاني",
            "اغير البنك",
            "سأغلق حسابي",
            "راح اسكر حسابي",
            "سأنقل أموالي",
        ),
        COMPLAINT: ("شكوى رسمية", "تقديم شكوى", "سأشتكي"),
        LEGAL: ("محامي", "محامٍ", "المحكمة", "ombudsman", "سأرفع قضية"),
        FRAUD_REPORT: (
            "ما عملتها",
            "لم اقم بها",
            "لم أقم بها",
            "لم اقم بهذه العملية",
            # round 10: "I didn't do that", as "I didn't do it" above, also with "and" joined
            # to the word as Arabic writes it ("ولم")
            "لم أقم بذلك",
            "لم اقم بذلك",
            "ما قمت بذلك",
            "ولم أقم بذلك",
            "ولم اقم بذلك",
            "ولم أقم بها",
            "ولم اقم بها",
            "احد استخدم بطاقتي",
            "أحد استخدم بطاقتي",
            "شخص استخدم بطاقتي",
            "حد استخدم بطاقتي",
        ),
        REPEATED: ("للمرة الثالثة", "المرة الثالثة", "كم مرة لازم", "كم مرة قلت", "قلت لك"),
        NOT_UNDERSTOOD: ("انت لا تفهم", "أنت لا تفهم", "ما فهمتني", "مش فاهم علي"),
    },
    negated_before=frozenset(
        {
            "لا",
            "لا اريد",
            "لا أريد",
            "مش",
            "مش عايز",
            "ما",
            "ما بدي",
            "لست بحاجة",
            "مو",
            "مش محتاج",
            "bdish",
            "mish",
            "msh",
            # Written without vowel marks "اتصل بي" is both "call me" and "(he) called me":
            # "already" makes it the story of a call ("لقد اتصلوا بي"), not a request.
            "لقد",
        }
    ),
    # ... and so does a caller or a time named right after it ("اتصل بي شخص من البنك",
    # "اتصلوا بي امس"). Not before: "بدي واحد يتصل فيني" asks for a call.
    not_before={
        HUMAN: frozenset(
            {*_AR_CALLER, "امس", "أمس", "البارحة", "مرة", "وقال", "وطلب", "وقالوا", "وطلبوا"}
        )
    },
    markers=frozenset(
        {"ana", "inta", "enta", "mish", "msh", "3ayez", "3awez", "bdi", "ma3", "shu"}
    ),
    letters="\u0600-\u06ff",
)

# ---------------------------------------------------------------- Bengali
BENGALI = Language(
    "bn",
    "Bengali",
    ("Bengali script", "Latin letters"),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "amake call korben",
            "amake call korun",
            "amake phone korben",
            "amake phone korun",
            *_c(
                (
                    "কারো",
                    "কারও",
                    "একজন মানুষের",
                    "মানুষের",
                    "এজেন্টের",
                    "ম্যানেজারের",
                    "প্রতিনিধির",
                    "কর্মীর",
                    "কাস্টমার কেয়ারের",
                ),
                ("সাথে কথা", "সঙ্গে কথা"),
            ),
            "আসল মানুষ",
            "কেউ আছেন",
            "আমাকে ফোন করুন",
            "আমাকে কল করুন",
            "কল ব্যাক",
            *_c(
                (
                    "karo",
                    "kauro",
                    "manusher",
                    # romanised genitives are often split from their noun: "manush er"
                    "manush er",
                    "ekjon manush er",
                    "ekjon manusher",
                    "agent er",
                    "manager er",
                    "kono manush er",
                    "loker",
                    "lok er",
                    "jar",
                    "jaar",
                ),
                ("sathe kotha", "shathe kotha", "sathe kota", "songe kotha"),
            ),
            "amake call korun",
            "amake phone korun",
            "asol manush",
        ),
        FRAUD: (
            "আমি এই পেমেন্ট করিনি",
            "আমি এটা করিনি",
            "আমার কার্ড চুরি",
            "কার্ড চুরি হয়ে গেছে",
            "কার্ড হারিয়ে গেছে",
            "প্রতারণা",
            "জালিয়াতি",
            "ফ্রড",
            "অ্যাকাউন্ট হ্যাক",
            "ami ei payment korini",
            "card churi",
            "card hariye geche",
        ),
        SCAM: (
            "প্রতারক",
            "ঠকিয়েছে",
            "লিংকে ক্লিক",
            "লিঙ্কে ক্লিক",
            "কোড দিয়ে দিয়েছি",
            "ঠকানো",
            "link e click",
            "code diye diyechi",
            "thokiyeche",
        ),
        VULNERABLE: (
            "মারা গেছেন",
            "মারা গেছে",
            "মারা গিয়েছেন",
            "মৃত্যু",
            "হাসপাতালে",
            "ক্যান্সার",
            "খুব অসুস্থ",
            "সহ্য করতে পারছি না",
            "ঋণে ডুবে",
            "দেনায় ডুবে",
            "চাকরি চলে গেছে",
            "জুয়া",
            "mara gechen",
            "mara geche",
            "hospital e",
            "khub osustho",
            "chakri chole geche",
        ),
        CHURN: ("অ্যাকাউন্ট বন্ধ করে দেব", "ব্যাংক বদলে ফেলব", "account bondho kore debo"),
        COMPLAINT: ("অভিযোগ করব", "আনুষ্ঠানিক অভিযোগ", "ovijog korbo"),
        LEGAL: ("উকিল", "আদালত", "ombudsman", "ukil"),
        REPEATED: ("তৃতীয় বার", "বার বার", "tritiyo bar"),
        FRAUD_REPORT: (
            "যা আমি করিনি",
            "আমি এই পেমেন্ট করিনি",
            "ami ei payment korini",
            "ja ami korini",
        ),
    },
    negated_after=frozenset({"না", "নেই", "চাই না", "na", "nai", "chai na"}),
    markers=frozenset({"ami", "amar", "amake", "apni", "apnar", "chai", "ache", "nai", "hobe"}),
    letters="\u0980-\u09ff",
)

# ---------------------------------------------------------------- Gujarati
GUJARATI = Language(
    "gu",
    "Gujarati",
    ("Gujarati script", "Latin letters"),
    {
        HUMAN: (
            *_c(
                ("સ્ટાફ", "કોઈ સ્ટાફ", "કર્મચારી", "કોઈ કર્મચારી", "અધિકારી", "સલાહકાર"),
                ("સાથે વાત", "જોડે વાત"),
            ),
            "પાછો ફોન",
            "પાછો કોલ",
            "મને ફોન કરશો",
            *_c(("staff", "koi staff"), ("sathe vaat", "sathe vat", "jode vaat")),
            "pacho phone",
            "pacho call",
            *_c(
                ("કોઈ", "કોઈની", "કોઈ માણસ", "માણસ", "એજન્ટ", "મેનેજર", "પ્રતિનિધિ", "કસ્ટમર કેર"),
                ("સાથે વાત", "જોડે વાત"),
            ),
            "અસલી માણસ",
            "કોઈ છે",
            "મને ફોન કરો",
            "મને કોલ કરો",
            "કોલ બેક",
            *_c(
                ("koi", "koi manas", "manas", "agent", "manager", "koi ni"),
                ("sathe vaat", "sathe vat", "jode vaat", "jode vat"),
            ),
            "mane phone karo",
            "mane call karo",
            "asli manas",
        ),
        FRAUD: (
            "મેં આ પેમેન્ટ નથી કર્યું",
            "મારું કાર્ડ ચોરાઈ ગયું",
            "કાર્ડ ચોરાઈ",
            "કાર્ડ ખોવાઈ ગયું",
            "છેતરપિંડી",
            "ફ્રોડ",
            "એકાઉન્ટ હેક",
            "me aa payment nathi karyu",
            "card chorai gayu",
            "card khovai gayu",
        ),
        SCAM: (
            "છેતરાઈ ગયો",
            "છેતરાઈ ગઈ",
            "લિંક પર ક્લિક",
            "કોડ આપી દીધો",
            "chetrai gayo",
            "link par click",
        ),
        VULNERABLE: (
            "ગુજરી ગયા",
            "અવસાન",
            "મૃત્યુ",
            "હોસ્પિટલમાં",
            "કેન્સર",
            "ખૂબ બીમાર",
            "સહન નથી થતું",
            "દેવામાં",
            "નોકરી જતી રહી",
            "જુગાર",
            "gujri gaya",
            "avsan",
            "hospital ma",
            "nokri jati rahi",
        ),
        CHURN: ("ખાતું બંધ કરી દઈશ", "બેંક બદલી નાખીશ", "account bandh kari daish"),
        COMPLAINT: ("ફરિયાદ કરીશ", "સત્તાવાર ફરિયાદ", "fariyad karish"),
        LEGAL: ("વકીલ", "કોર્ટ", "ombudsman", "vakil karish"),
        REPEATED: ("ત્રીજી વાર", "વારંવાર", "triji vaar"),
        FRAUD_REPORT: ("જે મેં નથી કર્યું", "મેં આ પેમેન્ટ નથી કર્યું", "mein aa payment nathi karyu"),
    },
    negated_after=frozenset({"નથી", "નહીં", "નહિ", "nathi", "nahi"}),
    markers=frozenset({"mane", "maru", "mari", "tame", "che", "chhe", "nathi", "sathe"}),
    letters="\u0a80-\u0aff",
)

# ---------------------------------------------------------------- Italian
ITALIAN = Language(
    "it",
    "Italian",
    ("Latin, with or without accents",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                ("parlare con", "parlare col"),
                (
                    "il mio consulente",
                    "la mia consulente",
                    "il mio gestore",
                    "mio consulente",
                    "un consulente",
                ),
            ),
            "mi potete chiamare",
            "c'è qualcuno?",
            "ce qualcuno?",
            "mi può chiamare",
            "mi chiamate",
            *_c(
                (
                    "parlare con",
                    "parlare ad",
                    "parlare a",
                    "passarmi",
                    "passatemi",
                    "mettermi in contatto con",
                    "collegarmi con",
                ),
                (
                    "un operatore",
                    "un'operatrice",
                    "un operatrice",
                    "una persona",
                    "una persona vera",
                    "una persona reale",
                    "un essere umano",
                    "un umano",
                    "qualcuno",
                    "un consulente",
                    "un responsabile",
                    "il responsabile",
                    "un impiegato",
                    "un addetto",
                ),
            ),
            "operatore umano",
            "qualcuno che parla italiano",
            "persona vera",
            "persona reale",
            "c'è qualcuno lì",
            "mi chiamate",
            "chiamatemi",
            "mi può chiamare",
            "mi potete richiamare",
            "mi richiamate",
            "mi richiami",
            "potete chiamarmi",
            "potete richiamarmi",
            "può richiamarmi",
            "mi può richiamare",
            "richiamatemi",
            "numero da chiamare",
            "posso chiamarvi",
            "posso chiamare qualcuno",
            "voglio un operatore",
        ),
        FRAUD: (
            "non ho fatto questo pagamento",
            "non ho fatto io",
            "non riconosco",
            "non ho autorizzato",
            "mi hanno rubato la carta",
            "carta rubata",
            "ho perso la carta",
            "carta clonata",
            "conto hackerato",
            "frode",
            "spariti soldi",
            "soldi spariti",
        ),
        SCAM: (
            "truffa",
            "truffato",
            "truffata",
            "mi hanno truffato",
            "ho cliccato su un link",
            "ho dato i dati",
            "ho dato il codice",
            "su un conto sicuro",
            "si spacciava per",
            "diceva di essere della banca",
            "ha detto di essere della banca",
            "ho dato le credenziali",
            "il venditore mi ha bloccato",
        ),
        VULNERABLE: (
            "demenza",
            "alzheimer",
            "depressione",
            "chemioterapia",
            "mio padre è morto",
            "mia madre è morta",
            "mio marito è morto",
            "mia moglie è morta",
            "è venuto a mancare",
            "è venuta a mancare",
            "deceduto",
            "deceduta",
            "lutto",
            "funerale",
            "certificato di morte",
            "sono in ospedale",
            "ricoverato",
            "ricoverata",
            "ho un tumore",
            "ho il cancro",
            "molto malato",
            "molto malata",
            "non ce la faccio più",
            "ho debiti",
            "sommerso dai debiti",
            "non riesco a pagare l'affitto",
            "non riesco a pagare il mutuo",
            "ho perso il lavoro",
            "disoccupato",
            "disoccupata",
            "gioco d'azzardo",
            "scommesse",
            "ludopatia",
        ),
        CHURN: (
            "chiuderò il conto",
            "chiuderò il mio conto",
            "chiudo il conto e",
            "cambio banca",
            "cambierò banca",
            "vado in un'altra banca",
            "passo a un'altra banca",
        ),
        COMPLAINT: ("reclamo formale", "fare un reclamo", "presentare un reclamo"),
        LEGAL: ("avvocato", "vi denuncio", "ombudsman", "in tribunale"),
        FRAUD_REPORT: (
            # "my password was changed, but it wasn't me", "a payee I don't know"
            "non sono stata io",
            "non sono stato io",
            "beneficiario che non conosco",
            "non ho fatto questo pagamento",
            "non ho fatto questo acquisto",
            *_c(
                ("che non ho", "che io non ho"),
                ("fatto", "fatti", "autorizzato", "autorizzati", "effettuato", "effettuati"),
            ),
            *_c(
                (
                    "qualcuno ha usato",
                    "qualcuno sta usando",
                    "qualcuno ha pagato con",
                    "hanno usato",
                    "hanno clonato",
                ),
                ("la mia carta", "la carta", "il mio conto"),
            ),
            "non ho fatto questi pagamenti",
        ),
        STILL_NOT: (
            "ancora non",
            "ancora niente",
            "ancora nulla",
            "continua a non",
        ),
        REPEATED: (
            *_c(
                ("l'ho chiesto", "ho chiesto", "ho già chiesto", "ho provato", "ho chiamato"),
                (
                    "tre volte",
                    "quattro volte",
                    "cinque volte",
                    "dieci volte",
                    "mille volte",
                    "più volte",
                    "tante volte",
                ),
            ),
            "mesi di fila",
            "volte di fila",
            "sono già tre mesi",
            "terza volta",
            "quarta volta",
            "per la terza volta",
            "di nuovo lo stesso",
            "ancora lo stesso errore",
            "quante volte devo",
            "quante volte ancora",
            "l'ho già chiesto",
            "ho già chiesto",
            "ve l'ho già detto",
            "te l'ho già detto",
            "ho già spiegato",
        ),
        NOT_UNDERSTOOD: (
            "non mi capisci",
            "non capisci",
            "non mi capite",
            "ancora non capisco",
            "continuo a non capire",
            "non è quello che ho chiesto",
            "non hai risposto",
        ),
        PRAISE: ("complimenti", "bravissimi", "fantastico", "meraviglioso", "geniale"),
        SARCASM: ("grazie per niente", "grazie di niente", "grazie tante"),
        HOWTO: (
            *_c(
                (
                    "come segnalare",
                    "come evitare",
                    "protezione contro",
                    "protezione dalle",
                    "come proteggermi da",
                ),
                ("frode", "frodi", "truffe", "una frode", "una truffa"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "non",
            "non voglio",
            "non serve",
            "non ho bisogno di",
            "senza",
            # "sei un bot o una persona vera?" asks what the bot is: not a request
            "bot o una",
            "bot o un",
            "robot o una",
            "robot o un",
            "sei una",
            "sei un",
            "sei davvero una",
            "è una",
        }
    ),
    markers=frozenset(
        {
            "non",
            "sono",
            "mio",
            "mia",
            "ho",
            "sia",
            "una",
            "è",
            "il",
            "per",
            "che",
            "della",
            "grazie",
            "vorrei",
            "perché",
            "questo",
            "del",
            "buongiorno",
        }
    ),
)

# ---------------------------------------------------------------- Welsh
WELSH = Language(
    "cy",
    "Welsh",
    ("Latin, with or without circumflex",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "allwch chi fy ffonio",
            "fedrwch chi fy ffonio",
            "ffonio fi nôl",
            *_c(
                (
                    "siarad â",
                    "siarad gyda",
                    "siarad efo",
                    "siarad hefo",
                    "sgwrsio â",
                    "sgwrsio gyda",
                ),
                (
                    "rhywun",
                    "pherson",
                    "person",
                    "aelod o staff",
                    "ymgynghorydd",
                    "chynghorydd",
                    "cynghorydd",
                    "rheolwr",
                    "rhywun go iawn",
                    "bod dynol",
                ),
            ),
            "person go iawn",
            "rhywun sy'n siarad cymraeg",
            "rhywun go iawn",
            "ffoniwch fi",
            "ffonio fi",
            "ffoniwch fi yn ôl",
            "gaf i ffonio",
            "oes rhywun yna",
        ),
        FRAUD: (
            "twyll",
            "nid fi wnaeth",
            "dydw i ddim yn adnabod",
            "cerdyn wedi'i ddwyn",
            "cerdyn wedi ei ddwyn",
            "wedi colli fy ngherdyn",
            "taliad heb awdurdod",
        ),
        SCAM: ("sgam", "wedi cael fy nhwyllo", "clicio ar ddolen", "rhoi fy manylion"),
        VULNERABLE: (
            "wedi marw",
            "profedigaeth",
            "angladd",
            "yn yr ysbyty",
            "canser",
            "methu ymdopi",
            "mewn dyled",
            "wedi colli fy swydd",
        ),
        CHURN: ("dw i'n mynd i gau fy nghyfrif", "dw i'n mynd i newid banc"),
        COMPLAINT: ("cwyn ffurfiol", "gwneud cwyn"),
        LEGAL: ("cyfreithiwr", "ombwdsmon", "ombudsman"),
        REPEATED: ("y trydydd tro", "trydydd tro", "dro ar ôl tro"),
        FRAUD_REPORT: ("nid fi wnaeth y taliad", "rhywun wedi defnyddio fy ngherdyn"),
    },
    negated_before=frozenset({"dim", "dim angen", "ddim", "ddim eisiau", "ddim isio"}),
    markers=frozenset(
        {
            "yn",
            "ydw",
            "dw",
            "mae",
            "fy",
            "ddim",
            "eisiau",
            "isio",
            "diolch",
            "gyda",
            "efo",
            "yr",
            "chi",
            "rydw",
            "wedi",
        }
    ),
    letters="ŵŷ",
)

# ---------------------------------------------------------------- French
FRENCH = Language(
    "fr",
    "French",
    ("Latin, with or without accents",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                ("parler à", "parler a", "parler avec"),
                (
                    "mon conseiller",
                    "ma conseillère",
                    "ma conseillere",
                    "mon gestionnaire",
                    "un employé de la banque",
                ),
            ),
            "quelqu'un peut m'appeler",
            "quelqu'un peut me rappeler",
            *_c(("passez-moi", "passe-moi"), ("un opérateur", "une personne", "un agent")),
            "veux un humain",
            "voudrais un humain",
            "y a-t-il quelqu'un",
            *_c(
                (
                    "parler à",
                    "parler a",
                    "parler avec",
                    "discuter avec",
                    "passer",
                    "me passer",
                    "transférer vers",
                    "mettre en relation avec",
                ),
                (
                    "un conseiller",
                    "une conseillère",
                    "un humain",
                    "une personne",
                    "une vraie personne",
                    "un être humain",
                    "quelqu'un",
                    "un agent",
                    "un opérateur",
                    "le responsable",
                    "un responsable",
                    "un employé",
                ),
            ),
            "conseiller humain",
            "quelqu'un qui parle français",
            "vraie personne",
            "personne réelle",
            "appelez-moi",
            *_c(
                ("passez-moi", "passe-moi", "mettez-moi en relation avec"),
                ("un conseiller", "une conseillère", "un humain", "quelqu'un", "un responsable"),
            ),
            "rappelez-moi",
            "vous pouvez m'appeler",
            "pouvez-vous me rappeler",
            "numéro à appeler",
            "je peux vous appeler",
            "puis-je vous appeler",
        ),
        FRAUD: (
            "je n'ai pas fait ce paiement",
            "je n'ai pas effectué",
            "je ne reconnais pas",
            "pas autorisé",
            "on m'a volé ma carte",
            "carte volée",
            "j'ai perdu ma carte",
            "carte clonée",
            "compte piraté",
            "fraude",
            "argent disparu",
        ),
        SCAM: (
            "arnaque",
            # round 11: the victim's own words (folded, bare "arnaqué" is the noun
            # "arnaque", a mention: _BARE_SCAM_WORDS)
            "été arnaqué",
            "été arnaquée",
            "fait arnaquer",
            "m'a arnaqué",
            "m'a arnaquée",
            "m'ont arnaqué",
            "m'ont arnaquée",
            "escroquerie",
            "escroc",
            "j'ai cliqué sur un lien",
            "j'ai donné mes coordonnées",
            "j'ai donné le code",
            "vers un compte sécurisé",
            "se faisait passer pour",
            "j'ai donné mes identifiants",
            "donné mes identifiants",
            "se disant de la banque",
            "le vendeur m'a bloqué",
        ),
        VULNERABLE: (
            "n'arrive plus à payer",
            "démence",
            "alzheimer",
            "dépression",
            "chimiothérapie",
            "procuration",
            "est décédé",
            "est décédée",
            "décès",
            "deuil",
            "obsèques",
            "enterrement",
            "à l'hôpital",
            "hospitalisé",
            "hospitalisée",
            "j'ai un cancer",
            "très malade",
            "je n'en peux plus",
            "je ne m'en sors pas",
            "j'ai des dettes",
            "surendetté",
            "je ne peux pas payer mon loyer",
            "je ne peux pas payer mes factures",
            "perdu mon emploi",
            "au chômage",
        ),
        CHURN: (
            "je vais fermer mon compte",
            "je ferme mon compte",
            "je vais changer de banque",
            "je change de banque",
            "je vais clôturer mon compte",
            "je pars dans une autre banque",
            "je passe à une autre banque",
        ),
        COMPLAINT: ("réclamation officielle", "faire une réclamation"),
        LEGAL: ("avocat", "je vais porter plainte", "médiateur", "au tribunal", "ombudsman"),
        FRAUD_REPORT: (
            "je n'ai pas fait ce paiement",
            "je n'ai pas fait cet achat",
            *_c(
                ("que je n'ai pas", "que j'ai pas"),
                (
                    "fait",
                    "faits",
                    "faite",
                    "faites",
                    "effectué",
                    "effectués",
                    "autorisé",
                    "autorisés",
                ),
            ),
            *_c(
                (
                    "quelqu'un a utilisé",
                    "quelqu'un utilise",
                    "quelqu'un a payé avec",
                    "on a utilisé",
                    "ils ont utilisé",
                ),
                ("ma carte", "mon compte"),
            ),
            "je n'ai pas fait ces paiements",
        ),
        STILL_NOT: (
            "toujours pas",
            "toujours rien",
            "toujours aucun",
            "toujours aucune",
        ),
        REPEATED: (
            *_c(
                (
                    "j'ai demandé",
                    "je l'ai demandé",
                    "j'ai déjà demandé",
                    "j'ai essayé",
                    "j'ai appelé",
                ),
                (
                    "trois fois",
                    "quatre fois",
                    "cinq fois",
                    "dix fois",
                    "mille fois",
                    "plusieurs fois",
                ),
            ),
            "mois de suite",
            "fois de suite",
            "ça fait trois mois",
            "troisième fois",
            "quatrième fois",
            "pour la troisième fois",
            "encore la même",
            "encore le même",
            "combien de fois dois",
            "combien de fois faut",
            "je l'ai déjà dit",
            "j'ai déjà demandé",
            "j'ai déjà expliqué",
            "je vous l'ai déjà dit",
        ),
        NOT_UNDERSTOOD: (
            "vous ne comprenez pas",
            "tu ne comprends pas",
            "tu comprends rien",
            "je ne comprends toujours pas",
            "je comprends toujours pas",
            "ce n'est pas ce que j'ai demandé",
            "vous n'avez pas répondu",
        ),
        PRAISE: ("merveilleux", "félicitations", "chapeau"),  # "génial": see Spanish
        SARCASM: ("merci pour rien", "merci de rien du tout"),
        HOWTO: (
            *_c(
                (
                    "comment signaler",
                    "comment éviter",
                    "protection contre",
                    "comment me protéger contre",
                    # round 9: "pour ne pas me faire avoir par une arnaque", "comment
                    # reconnaître une arnaque": the topic, not a report
                    "pour ne pas me faire avoir par",
                    "pour ne pas tomber dans",
                    "comment reconnaître",
                    "pour éviter",
                ),
                ("la fraude", "les fraudes", "une fraude", "les arnaques", "une arnaque"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "pas",
            "pas besoin de",
            "ne veux pas",
            "n'ai pas besoin de",
            "sans",
            "jamais",
            # "vous êtes un robot ou une vraie personne ?" asks what the bot is
            "robot ou une",
            "bot ou une",
            "vous êtes une",
            "tu es une",
            "es - tu une",
            "êtes - vous une",
            "c'est une",
        }
    ),
    markers=frozenset(
        {
            "je",
            "suis",
            "pas",
            "mon",
            "mes",
            "est",
            "c'est",
            "avec",
            "pour",
            "les",
            "des",
            "une",
            "vous",
            "nous",
            "merci",
            "bonjour",
            "j'ai",
        }
    ),
    letters="œ",
)

# ---------------------------------------------------------------- Turkish
TURKISH = Language(
    "tr",
    "Turkish",
    ("Latin, with or without Turkish letters",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "biri beni arasın",
            "birisi beni arasın",
            "beni arayın",
            "banka çalışanıyla",
            "bir çalışanla",
            "operatöre bağlan",
            "operatöre bağlanmak",
            "temsilciye bağlan",
            "temsilciye bağlanmak",
            *_c(
                (
                    "biriyle",
                    "bir insanla",
                    "insanla",
                    "gerçek bir insanla",
                    "temsilciyle",
                    "müşteri temsilcisiyle",
                    "yetkiliyle",
                    "bir yetkiliyle",
                    "operatörle",
                    "müdürle",
                    "kişiyle",
                    "bir kişiyle",
                    "gerçek bir kişiyle",
                    "bir çalışanla",
                ),
                (
                    "görüşmek",
                    "konuşmak",
                    "görüşebilir",
                    "konuşabilir",
                    "görüşmek istiyorum",
                    "konuşmak istiyorum",
                    # need or must: "... gorusmem lazim" (I need to talk to ...), "konusmaliyim"
                    *_c(("görüşmem", "konuşmam"), ("lazım", "gerek", "gerekiyor", "şart")),
                    "görüşmeliyim",
                    "konuşmalıyım",
                ),
            ),
            "gerçek insan",
            "müşteri temsilcisi",
            "canlı destek",
            "türkçe bilen biri",
            "türkçe konuşan biri",
            "müşteri hizmetlerine bağlanmak",
            "müşteri hizmetlerine bağlayın",
            "müşteri hizmetleriyle görüşmek",
            "temsilciye bağlanmak",
            "temsilciye bağlayın",
            "yetkiliye bağlayın",
            "beni arayın",
            "beni arayabilir misiniz",
            "beni arayabilir misin",
            "beni geri arar mısınız",
            "temsilcisine bağlar mısınız",
            "temsilciye bağlar mısınız",
            "müşteri temsilcisine bağlayın",
            "beni arar mısınız",
            "beni geri arayın",
            "arayabileceğim numara",
            "kimse yok mu",
        ),
        FRAUD: (
            "bu ödemeyi ben yapmadım",
            "ben yapmadım",
            "bu ödemeyi tanımıyorum",
            "bu işlemi tanımıyorum",
            "izinsiz",
            "kartım çalındı",
            "kartımı çaldılar",
            "kartımı kaybettim",
            "kart kopyalandı",
            "hesabım hacklendi",
            "dolandırıcılık",
            "param kayboldu",
            "hesabımdan para çekilmiş",
        ),
        SCAM: (
            "dolandırıldım",
            "dolandırıcı",
            "linke tıkladım",
            "bağlantıya tıkladım",
            "kodu verdim",
            "bilgilerimi verdim",
            "güvenli hesaba",
            # round 9: a caller who had the customer install an app ("telefonuma bir uygulama
            # yükletti"): the causative verb says someone else made them do it
            "uygulama yükletti",
            "uygulamayı yükletti",
            "uygulama indirtti",
            "uygulamayı indirtti",
        ),
        VULNERABLE: (
            "demans",
            "alzheimer",
            "depresyon",
            "kemoterapi",
            "vekaletname",
            "vefat etti",
            "annem öldü",
            "babam öldü",
            "eşim öldü",
            "vefat",
            "cenaze",
            "hastanedeyim",
            "kanserim",
            "kanser",
            "çok hastayım",
            "dayanamıyorum",
            "baş edemiyorum",
            "borç batağındayım",
            "bahis bağımlısı",
            "kumar bağımlısı",
            "borçlarım var",
            "kiramı ödeyemiyorum",
            "borcumu ödeyemiyorum",
            "işimi kaybettim",
            "işsizim",
        ),
        CHURN: (
            "hesabımı kapatacağım",
            "hesabımı kapatırım",
            "banka değiştireceğim",
            "başka bankaya geçeceğim",
            "hesabımı kapatıyorum",
            "başka bankaya geçiyorum",
        ),
        COMPLAINT: ("resmi şikayet", "şikayet edeceğim", "şikayetvar"),
        LEGAL: ("avukat", "mahkeme", "dava açacağım", "ombudsman"),
        FRAUD_REPORT: (
            "bu ödemeyi ben yapmadım",
            "bu harcamayı ben yapmadım",
            "benim yapmadığım",
            "yapmadığım ödeme",
            "yapmadığım ödemeler",
            "yapmadığım işlem",
            "yapmadığım harcama",
            "yapmadığım bir ödeme",
            "yapmadığım bir işlem",
            "yapmadığım bir harcama",
            "kartımı biri kullandı",
            "biri kartımı kullandı",
            "birisi kartımı kullanmış",
            "kartım başkası tarafından kullanıldı",
        ),
        REPEATED: (
            "üçüncü kez",
            "dördüncü kez",
            "üçüncü defa",
            "kaç kere söyleyeceğim",
            "kaç kez söyleyeceğim",
            "kaç kere soracağım",
            "kaç kez soracağım",
            "tekrar tekrar",
            "yine aynı hata",
            "zaten sordum",
            "zaten söyledim",
        ),
        NOT_UNDERSTOOD: (
            "beni anlamıyorsunuz",
            "anlamıyorsun",
            "hala anlamadım",
            "sorduğum bu değil",
        ),
        PRAISE: ("tebrikler", "harika", "mükemmel"),
        SARCASM: ("hiçbir şey için teşekkürler", "sağ olun hiçbir şey için"),
        HOWTO: (
            *_c(
                ("nasıl bildiririm", "nasıl korunurum", "korunmak için"),
                ("dolandırıcılık", "dolandırıcılıktan", "dolandırıcılığı"),
            ),
            "dolandırıcılıktan korunmak",
            "dolandırıcılığı nasıl bildiririm",
        ),
    },
    negated_after=frozenset(
        {
            "istemiyorum",
            "istemem",
            "gerek yok",
            "gerekmiyor",
            "değil",
            # the question particle after "gerçek insan": asking what the bot is
            "mısın",
            "mısınız",
        }
    ),
    negated_before=frozenset({"bot musun yoksa", "yoksa", "robot musun yoksa"}),
    markers=frozenset(
        {
            "bir",
            "bu",
            "ve",
            "için",
            "ben",
            "benim",
            "değil",
            "yok",
            "var",
            "mı",
            "lütfen",
            "merhaba",
            "çok",
            "ama",
        }
    ),
    letters="ğı",
)

# ---------------------------------------------------------------- Lithuanian
LITHUANIAN = Language(
    "lt",
    "Lithuanian",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                ("kalbėti su", "pasikalbėti su", "susisiekti su"),
                ("banko darbuotoju", "vadybininku", "banko atstovu", "atstovu"),
            ),
            "paskambinti man",
            "man paskambinti",
            *_c(
                (
                    "kalbėti su",
                    "pasikalbėti su",
                    "susisiekti su",
                    "sujunkite su",
                    "sujunkite mane su",
                    "sujungti su",
                    "sujungti mane su",
                ),
                (
                    "žmogumi",
                    "tikru žmogumi",
                    "gyvu žmogumi",
                    "konsultantu",
                    "konsultante",
                    "darbuotoju",
                    "operatoriumi",
                    "vadovu",
                    "kuo nors",
                ),
            ),
            "gyvas žmogus",
            "tikras žmogus",
            "paskambinkite man",
            "perskambinkite man",
            "galite man paskambinti",
            "paskambinkit man",
            "perskambinkit man",
            "ar galiu paskambinti",
            "noriu konsultanto",
        ),
        FRAUD: (
            "aš nedariau šio mokėjimo",
            "nedariau šio mokėjimo",
            "neatpažįstu",
            "neautorizuotas",
            "pavogė kortelę",
            "pavogta kortelė",
            "pamečiau kortelę",
            "sukčiavimas",
            "įsilaužė į sąskaitą",
            "dingo pinigai",
        ),
        SCAM: (
            "sukčiai",
            "sukčius",
            "apgavo",
            "paspaudžiau nuorodą",
            "daviau kodą",
            "daviau kortelės duomenis",
            # passing on money that arrives in the account (a money mule)
            "persiunčiu kitam",
            "persiunčiau kitam",
            "jau persiunčiau",
        ),
        VULNERABLE: (
            "mirė",
            "laidotuvės",
            "mirties liudijimas",
            "esu ligoninėje",
            "vėžys",
            "sunkiai sergu",
            "nebegaliu ištverti",
            "nebepajėgiu",
            "turiu skolų",
            "negaliu sumokėti nuomos",
            "netekau darbo",
            "azartiniai lošimai",
            "lošimų priklausomybė",
        ),
        CHURN: (
            "uždarysiu sąskaitą",
            "pakeisiu banką",
            "keisiu banką",
            "pereisiu į kitą banką",
            "pereinu į kitą banką",
        ),
        COMPLAINT: ("oficialus skundas", "pateiksiu skundą"),
        LEGAL: ("advokatas", "teismas", "ombudsman"),
        FRAUD_REPORT: (
            "nedariau šio mokėjimo",
            "šio mokėjimo nedariau",
            "kurio nedariau",
            "kurių nedariau",
            "kurio neatlikau",
            "kurių neatlikau",
            "aš jo nedariau",
            "kažkas panaudojo mano kortelę",
            "kažkas naudojo mano kortelę",
            "kažkas pasinaudojo mano kortele",
        ),
        REPEATED: (
            "trečią kartą",
            "ketvirtą kartą",
            "jau trečią kartą",
            "kelintą kartą",
            "vėl tas pats",
            "vis tas pats",
            "jau klausiau",
            "jau sakiau",
            "kiek kartų turiu",
            "kiek kartų reikia kartoti",
        ),
        NOT_UNDERSTOOD: (
            "jūs nesuprantate",
            "nesupranti manęs",
            "vis tiek nesuprantu",
            "vis dar nesuprantu",
        ),
        PRAISE: ("puiku", "nuostabu", "sveikinu"),
        SARCASM: ("ačiū už nieką",),
        HOWTO: (
            *_c(
                ("kaip pranešti apie", "kaip apsisaugoti nuo", "apsauga nuo"),
                ("sukčiavimą", "sukčiavimo", "sukčius"),
            ),
        ),
    },
    negated_before=frozenset(
        {"nenoriu", "nereikia", "ne", "botas ar", "robotas ar", "ar tu", "ar esi", "tu esi"}
    ),
    markers=frozenset(
        {
            "mano",
            "ir",
            "kad",
            "yra",
            "labas",
            "ačiū",
            "prašau",
            "jau",
            "kaip",
            "kodėl",
            "buvo",
            "mane",
            "nėra",
        }
    ),
    letters="ėįų",
)

# ---------------------------------------------------------------- Tamil
# Tamil script and the Latin letters many Tamil speakers chat in ("Tanglish"). Speech and
# chat use colloquial forms ("pesanum") beside the written ones ("பேச வேண்டும்").
_TA_WHO = ("மனிதருடன்", "நபருடன்", "ஊழியருடன்", "அதிகாரியுடன்", "மேலாளருடன்", "ஆளுடன்", "ஒருவருடன்")
_TA_WHO_LATIN = (
    "manitharudan",
    "manushanoda",
    "manushan kooda",
    "aaloda",
    "aal kooda",
    "staff kooda",
    "staff oda",
    "manager kooda",
    "manager oda",
    "agent kooda",
    "yaraavathu kooda",
)
TAMIL = Language(
    "ta",
    "Tamil",
    ("Tamil", "Latin letters"),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            *_c(
                (
                    "aal kitta",
                    "oru aal kitta",
                    "agent kitta",
                    "staff kitta",
                    "manager kitta",
                    "yaaravathu kitta",
                ),
                ("pesanum", "pesa mudiyuma", "pesa vendum"),
            ),
            *_c(_TA_WHO, ("பேச", "பேசணும்", "பேச முடியுமா", "பேச வேண்டும்")),
            *_c(_TA_WHO_LATIN, ("pesanum", "pesa mudiyuma", "pesa vendum", "pesa venum")),
            "என்னை அழைக்க முடியுமா",
            "என்னை அழைக்கவும்",
            "திரும்ப அழைக்கவும்",
            "என்னை திரும்ப அழைக்க",
            "எனக்கு கால் பண்ணுங்க",
            "உண்மையான நபர்",
            "உண்மையான மனிதர்",
            "தமிழ் பேசும் ஒருவர்",
            "enakku call pannunga",
            "ennai call pannunga",
            "thirumba call pannunga",
            "call back pannunga",
            "tamil pesura yaaraavathu",
        ),
        FRAUD: (
            "மோசடி",
            "கார்டு திருடப்பட்டது",
            "கார்டு காணவில்லை",
            "mosadi",
            "card thirudu poochu",
            "card kaanom",
        ),
        FRAUD_REPORT: (
            "நான் செய்யாத",
            "நான் இந்த பணம் செலுத்தவில்லை",
            "யாரோ என் கார்டை பயன்படுத்தி",
            "என் கார்டை யாரோ பயன்படுத்தி",
            "naan pannatha payment",
            "naan panna payment illa",
            "yaaro en card use pannirukanga",
            "en card ah yaaro use",
        ),
        SCAM: (
            "ஏமாற்றப்பட்டேன்",
            "ஏமாந்துவிட்டேன்",
            "லிங்கை கிளிக் செய்தேன்",
            "ஓடிபி சொன்னேன்",
            "emathitanga",
            "emandhutten",
            "link click panninen",
            "otp sonnen",
        ),
        VULNERABLE: (
            "இறந்துவிட்டார்",
            "காலமானார்",
            "மருத்துவமனையில் இருக்கிறேன்",
            "புற்றுநோய்",
            "கடன் தொல்லை",
            "வேலை போய்விட்டது",
            "iranthuttar",
            "hospital la irukken",
            "velai poiduchu",
        ),
        CHURN: (
            "கணக்கை மூடுவேன்",
            "வேறு வங்கிக்கு மாறுவேன்",
            "account close pannuven",
            "vera bank ku maaruven",
        ),
        COMPLAINT: ("புகார் அளிப்பேன்", "முறையான புகார்", "complaint kuduppen"),
        LEGAL: ("வழக்கறிஞர்", "நீதிமன்றம்", "ombudsman"),
        REPEATED: (
            "மூன்றாவது முறை",
            "மீண்டும் மீண்டும்",
            "moonavathu thadava",
            "munnavathu thadava",
            "thirumba thirumba",
        ),
        NOT_UNDERSTOOD: ("உங்களுக்கு புரியவில்லை", "ungalukku puriyala"),
    },
    negated_after=frozenset({"வேண்டாம்", "இல்லை", "vendam", "venam", "illa", "illai"}),
    markers=frozenset(
        {
            "enakku",
            "naan",
            "illa",
            "venum",
            "pannunga",
            "pesanum",
            "ennoda",
            "unga",
            "romba",
            "sollunga",
        }
    ),
    letters="\u0b80-\u0bff",
)

# ---------------------------------------------------------------- Somali
# Latin script (the official orthography); customers often drop the doubled vowels.
_SO_TALK = ("la hadlo", "la hadli karaa", "la hadal", "la sheekeysto", "lala hadlo")
SOMALI = Language(
    "so",
    "Somali",
    ("Latin",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "qof ila hadla",
            "qof ila soo hadla",
            "qof ha ila hadlo",
            "qof dad ah",
            *_c(
                _SO_TALK,
                (
                    "qof",
                    "qof shaqaale",
                    "shaqaale",
                    "qof dhab ah",
                    "qof bini aadam ah",
                    "maamulaha",
                    "wakiil",
                    "qof bangiga ka tirsan",
                ),
            ),
            "i soo wac",
            "ii soo wac",
            "dib ii soo wac",
            "dib i soo wac",
            "qof dhab ah",
            "qof bini aadam ah",
            "qof af soomaali ku hadla",
            "qof soomaali ku hadla",
            "ma jiraa qof",
            "qof aan la hadlo",
            "qof aan la hadli karo",
        ),
        FRAUD: (
            "khiyaano",
            "khayaano",
            "kaarkayga waa la xaday",
            "kaarka waa la xaday",
            "kaarkaygii waa lumay",
        ),
        FRAUD_REPORT: (
            "aanan samayn",
            "aanan sameyn",
            "anigu ma samayn",
            "qof ayaa isticmaalay kaarkayga",
            "qof baa isticmaalay kaarkayga",
            "qof kale ayaa isticmaalay kaarkayga",
        ),
        SCAM: (
            "waa la i khiyaameeyay",
            "waa la iga khiyaameeyay",
            "link ayaan riixay",
            "koodhka ayaan siiyay",
        ),
        VULNERABLE: (
            "wuu dhintay",
            "way dhimatay",
            "geeriyooday",
            "isbitaalka ayaan ku jiraa",
            "kansar",
            "deyn baa i haysata",
            "shaqadii ayaa iga tagtay",
        ),
        CHURN: ("akoonkayga waan xiri doonaa", "bangi kale ayaan u guuri doonaa"),
        COMPLAINT: ("cabasho rasmi ah", "cabasho ayaan gudbin doonaa"),
        LEGAL: ("qareen", "maxkamad", "ombudsman"),
        REPEATED: ("markii saddexaad", "marar badan ayaan weydiiyay", "mar kale ayaan weydiinayaa"),
    },
    negated_before=frozenset(
        {
            "ma doonayo",
            "ma rabo",
            "uma baahni",
            "ma doonayo inaan",
            "ma rabo inaan",
            "uma baahni inaan",
            # "ma tahay qof dhab ah?", "bot mise qof?" ask what the bot is
            "ma tahay",
            "mise",
        }
    ),
    markers=frozenset(
        {
            "waxaan",
            "waa",
            "iyo",
            "ayaa",
            "baan",
            "fadlan",
            "mahadsanid",
            "sidee",
            "maxaa",
            "aniga",
            "hadda",
        }
    ),
)

# ------------------------------------------------- Cyrillic: Russian, Ukrainian, Bulgarian
# Russian and Bulgarian are among the census's main languages (TS024), and Ukrainian has many
# new speakers since the Homes for Ukraine visa scheme (2022): requests for a person in them
# went unanswered (round 9). Cyrillic only: transliterated Russian is rare in chat.
# A death is told of a person: "мой телефон умер" (my phone died) is a flat battery.
_RU_HIS = (
    "мой муж",
    "мой отец",
    "мой папа",
    "мой сын",
    "мой брат",
    "мой дедушка",
    "муж",
    "отец",
    "папа",
)
_RU_HER = (
    "моя жена",
    "моя мама",
    "моя мать",
    "моя дочь",
    "моя сестра",
    "моя бабушка",
    "жена",
    "мама",
    "мать",
)
_UK_HIS = (
    "мій чоловік",
    "мій батько",
    "мій тато",
    "мій син",
    "мій брат",
    "мій дідусь",
    "чоловік",
    "батько",
    "тато",
)
_UK_HER = (
    "моя дружина",
    "моя мама",
    "моя мати",
    "моя донька",
    "моя сестра",
    "моя бабуся",
    "дружина",
    "мама",
    "мати",
)
_RU_TALK = ("поговорить с", "говорить с", "связаться с", "соедините меня с", "соедините с")
_RU_WHO = (
    "человеком",
    "живым человеком",
    "реальным человеком",
    "оператором",
    "сотрудником",
    "сотрудником банка",
    "консультантом",
    "менеджером",
    "специалистом",
)
RUSSIAN = Language(
    "ru",
    "Russian",
    ("Cyrillic",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "пусть кто-нибудь мне позвонит",
            "пусть мне позвонят",
            "позвоните мне",
            *_c(("позовите",), ("менеджера", "оператора", "человека", "сотрудника")),
            *_c(
                ("pogovorit s", "svyazatsya s"),
                ("operatorom", "chelovekom", "konsultantom", "sotrudnikom", "menedzherom"),
            ),
            "perezvonite mne",
            "pozvonite mne",
            *_c(_RU_TALK, _RU_WHO),
            *_c(("переключите на", "позовите", "дайте"), ("оператора", "человека", "сотрудника")),
            "живой человек",
            "нужен оператор",
            "нужен человек",
            "хочу к оператору",
            "перезвоните мне",
            "позвоните мне",
            "можете мне позвонить",
            "может кто-нибудь позвонить",
            "есть кто-нибудь живой",
        ),
        FRAUD: ("украли карту", "карту украли", "у меня украли карту", "не мой платёж"),
        FRAUD_REPORT: (
            "я не совершал этот платёж",
            "я не совершала этот платёж",
        ),
        SCAM: (
            "меня обманули",
            "меня развели",
            "перешёл по ссылке",
            "перешла по ссылке",
            "сказал код",
        ),
        VULNERABLE: (
            *_c(_RU_HIS, ("умер", "скончался")),
            *_c(_RU_HER, ("умерла", "скончалась")),
            "скончался",
            "скончалась",
            "похороны",
            *_c(("я", "лежу", "сейчас"), ("в больнице",)),
            "потерял работу",
            "потеряла работу",
            "не могу платить",
            "не справляюсь",
            "нет денег на еду",
            "нечем кормить детей",
        ),
        CHURN: ("закрою счёт", "закрою свой счёт", "перейду в другой банк"),
        COMPLAINT: ("подать жалобу", "официальная жалоба"),
        LEGAL: ("адвокат", "подам в суд", "омбудсмен"),
        REPEATED: ("в третий раз", "уже третий раз", "сколько раз можно"),
    },
    negated_before=frozenset(
        {"не", "не хочу", "не нужно", "не надо", "мне не нужно", "не хочу ни с кем", "вы"}
    ),
    letters="\u0400-\u04ff",
)

_UK_TALK = ("поговорити з", "говорити з", "зв'язатися з", "з'єднайте мене з", "з'єднайте з")
_UK_WHO = (
    "людиною",
    "живою людиною",
    "справжньою людиною",
    "оператором",
    "працівником",
    "працівником банку",
    "співробітником",
    "консультантом",
    "менеджером",
)
UKRAINIAN = Language(
    "uk",
    "Ukrainian",
    ("Cyrillic",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "хай хтось мені зателефонує",
            "нехай хтось мені зателефонує",
            "хай мені зателефонують",
            "зателефонуйте мені",
            "живу людину",
            "з живою людиною",
            *_c(_UK_TALK, _UK_WHO),
            *_c(("покличте", "дайте"), ("оператора", "людину", "працівника")),
            "жива людина",
            "потрібен оператор",
            "потрібна людина",
            "передзвоніть мені",
            "зателефонуйте мені",
            "подзвоніть мені",
            "чи може хтось зателефонувати",
        ),
        FRAUD: ("вкрали картку", "картку вкрали", "у мене вкрали картку", "не мій платіж"),
        FRAUD_REPORT: ("я не робив цей платіж", "я не робила цей платіж"),
        SCAM: ("мене ошукали", "мене обдурили", "перейшов за посиланням", "перейшла за посиланням"),
        VULNERABLE: (
            *_c(_UK_HIS, ("помер",)),
            *_c(_UK_HER, ("померла",)),
            "похорон",
            *_c(("я", "лежу", "зараз"), ("в лікарні", "у лікарні")),
            "втратив роботу",
            "втратила роботу",
            "не можу платити",
            "не справляюся",
            "немає грошей на їжу",
            "нема грошей на їжу",
        ),
        CHURN: ("закрию рахунок", "перейду в інший банк"),
        COMPLAINT: ("подати скаргу", "офіційна скарга"),
        LEGAL: ("адвокат", "подам до суду", "омбудсмен"),
        REPEATED: ("втретє", "вже третій раз"),
    },
    negated_before=frozenset({"не", "не хочу", "не треба", "не потрібно", "ви"}),
    letters="\u0400-\u04ff",
)

_BG_TALK = ("да говоря с", "говоря с", "да разговарям с", "свържете ме с", "да се свържа с")
_BG_WHO = (
    "човек",
    "жив човек",
    "истински човек",
    "оператор",
    "служител",
    "служител на банката",
    "консултант",
    "мениджър",
)
BULGARIAN = Language(
    "bg",
    "Bulgarian",
    ("Cyrillic",),
    {
        HUMAN: (
            *_c(_BG_TALK, _BG_WHO),
            *_c(("със",), ("служител", "служител на банката")),
            "жив човек",
            "обадете ми се",
            "може ли някой да ми се обади",
            "искам оператор",
            "искам човек",
        ),
        FRAUD: ("откраднаха ми картата", "картата ми е открадната", "не е мое плащане"),
        FRAUD_REPORT: ("не съм направил това плащане", "не съм направила това плащане"),
        # round 10: a caller who asked for the PIN or the code, as in English ("they asked
        # for my PIN": a scam unless refused), and the code or PIN told
        SCAM: (
            "измамиха ме",
            "натиснах линка",
            "дадох кода",
            "поискаха пин",
            "поискаха ми пин",
            "поискаха ми кода",
            "искаха пин кода",
            "искаха ми пин",
            "казах им пин",
            "казах им кода",
        ),
        VULNERABLE: (
            "почина",
            "погребение",
            "в болница съм",
            "лежа в болница",
            "загубих работата си",
            "останах без работа",
            "не мога да плащам",
            "дългове",
            "нямаме пари за храна",
            "нямам пари за храна",
        ),
        CHURN: ("ще закрия сметката", "ще мина в друга банка"),
        COMPLAINT: ("подам жалба", "официална жалба"),
        LEGAL: ("адвокат", "ще ви съдя", "омбудсман"),
        REPEATED: ("за трети път", "вече трети път"),
    },
    negated_before=frozenset({"не", "не искам", "не искам да", "няма нужда да", "не е нужно да"}),
    letters="\u0400-\u04ff",
)

# ---------------------------------------------------------------- Chinese (unspaced)
# Written Chinese has no spaces between words: these are matched as substrings, simplified
# and traditional forms both listed. Pinyin is not covered (people type characters via pinyin
# input, rarely pinyin itself).
CHINESE = Language(
    "zh",
    "Chinese (Mandarin and Cantonese, simplified and traditional characters)",
    ("Han characters",),
    {
        HUMAN: (
            # round 13: the closed class of requests for a person, checked per language
            "找个真人",
            "找個真人",
            "找真人",
            "要真人",
            "和客服经理",
            "跟客服经理",
            "找客服经理",
            "找客服",
            "要客服",
            "给我打电话",
            "給我打電話",
            "给我打个电话",
            "給我打個電話",
            "让工作人员",
            "讓工作人員",
            "找工作人员",
            "找工作人員",
            "真人说话",
            "真人說話",
            "人工客服",
            "人工服務",
            "人工服务",
            "转人工",
            "轉人工",
            "真人客服",
            "真人服务",
            "真人服務",
            "找人工",
            "客服人员",
            "客服人員",
            "和人说话",
            "跟人說話",
            "跟人讲",
            "同真人傾",
            "搵真人",
            "找经理",
            "找經理",
            "打电话给我",
            "打電話給我",
            "给我回电话",
            "給我回電話",
            "回电",
            "回電",
            "有人吗",
            "有人嗎",
        ),
        # A Chinese phrase has one kind: "不是我付的" is a described fraud (FRAUD_REPORT).
        FRAUD: (
            "我没有付",
            "我沒有付",
            "不认识这笔",
            "不認識這筆",
            "盗刷",
            "盜刷",
            "卡被盗",
            "卡被盜",
            "卡被偷",
            "卡丢了",
            "卡丟了",
            "账户被盗",
            "帳戶被盜",
            "欺诈",
            "欺詐",
            "被黑",
        ),
        SCAM: (
            "诈骗",
            "詐騙",
            "骗子",
            "騙子",
            "被骗",
            "被騙",
            "呃錢",
            "点了链接",
            "點了鏈接",
            "点了一个链接",
            "点击了链接",
            "给了验证码",
            "給了驗證碼",
            "安全账户",
            "安全帳戶",
            # an "investment teacher", tax before a withdrawal, someone posing as the bank
            "投资老师",
            "投資老師",
            "才能提现",
            "才能提現",
            "冒充银行",
            "冒充銀行",
            "冒充警察",
        ),
        VULNERABLE: (
            "去世",
            "过世",
            "過世",
            "丧事",
            "喪事",
            "葬礼",
            "葬禮",
            "住院",
            "癌症",
            "病得很重",
            "撑不下去",
            "撐不下去",
            "欠债",
            "欠債",
            "还不起",
            "還不起",
            "失业",
            "失業",
            "丢了工作",
        ),
        CHURN: ("我要销户", "我要銷戶", "要换银行", "要換銀行", "我要换银行"),
        # round 13: a friend's, neighbour's or relative's scam (not a partner's or child's)
        THIRD_PARTY: tuple(
            f"{who}{verb}"
            for who in (
                "朋友",
                "邻居",
                "鄰居",
                "同事",
                "我妈",
                "我媽",
                "我爸",
                "爸爸",
                "妈妈",
                "媽媽",
                "奶奶",
                "爷爷",
                "爺爺",
                "外婆",
                "姥姥",
                "哥哥",
                "姐姐",
                "弟弟",
                "妹妹",
                "亲戚",
                "親戚",
            )
            for verb in ("被骗", "被騙", "被诈骗", "被詐騙", "上当", "上當")
        ),
        COMPLAINT: ("投诉", "投訴"),
        LEGAL: ("律师", "律師", "起诉", "起訴", "法院", "申诉专员", "申訴專員"),
        FRAUD_REPORT: (
            "不是我付的",
            "我没有消费",
            "我沒有消費",
            "不是我刷的",
            "不是我消费的",
            "不是我消費的",
            "有人用了我的卡",
            "有人盗用我的卡",
            "有人盜用我的卡",
            "我没有做过这笔",
            "我沒有做過這筆",
        ),
        REPEATED: ("第三次", "第四次", "问了好几次", "問了好幾次", "说了多少次", "說了多少次"),
        NOT_UNDERSTOOD: ("你听不懂", "你聽不懂", "答非所问", "答非所問", "你不明白"),
        HOWTO: (
            "如何防范诈骗",
            "如何防範詐騙",
            "防诈骗设置",
            "防詐騙設置",
            "怎么举报诈骗",
            "怎麼舉報詐騙",
            # round 10: a scam that has not happened ("if I ever meet one", "nothing is wrong
            # now"): a question for the bot, not a report
            "如果以后",
            "如果以後",
            "以后如果",
            "以後如果",
            "万一遇到",
            "萬一遇到",
            "现在没事",
            "現在沒事",
            "还没发生",
            "還沒發生",
        ),
    },
    negated_before=frozenset(
        {"不", "不用", "不要", "不需要", "别", "別", "没", "沒", "唔使", "唔要"}
    ),
)

# ================================================================ round 14, batch A
# Ten more languages, in the order of the ONS Census 2021 main-language table (TS024) after
# those above: German, Persian (Farsi), Pashto, Kurdish (Sorani, Kurmanji), Albanian,
# Tigrinya, Amharic, Greek and Hungarian. The tenth held-out set (round 14 diagnosis) found 15
# conversations in languages with no table (Farsi 4, Albanian 3, Tigrinya 3, Sorani 2, Pashto
# 2, German 1), all missed or late. Review status: written by a NON-NATIVE author from common
# customer-service chat phrasings, not yet checked by a native speaker; Pashto, Sorani,
# Tigrinya and Amharic in particular need that review before being relied on.

# ---------------------------------------------------------------- German
# Verb-second: "kann ich mit einem Mitarbeiter sprechen?" ends with "mit X sprechen", and
# "nicht" comes before it ("ich möchte nicht mit einem Mitarbeiter sprechen").
_DE_WHO = (
    "einem mitarbeiter",
    "einer mitarbeiterin",
    "einem menschen",
    "einer person",
    "jemandem",
    "einem berater",
    "einer beraterin",
    "einem echten menschen",
    "einer echten person",
    "einem kundenberater",
    "dem kundenservice",
    "einem vorgesetzten",
    "ihrem vorgesetzten",
    "einem bankmitarbeiter",
    "jemandem von der bank",
)
GERMAN = Language(
    "de",
    "German",
    ("Latin, with or without umlauts",),
    {
        HUMAN: (
            *_c(tuple(f"mit {w}" for w in _DE_WHO), ("sprechen", "reden", "telefonieren")),
            *_c(("ich will", "ich möchte", "ich brauche"), ("einen menschen", "einen mitarbeiter")),
            "rufen sie mich an",
            "rufen sie mich bitte an",
            "rufen sie mich zurück",
            "können sie mich anrufen",
            "kann mich jemand anrufen",
            "bitte um rückruf",
            "rückruf bitte",
            "ich möchte einen rückruf",
            "echter mensch",
            "echten menschen",
            "verbinden sie mich mit",
            "einen mitarbeiter bitte",
            "ist da jemand",
        ),
        FRAUD: (
            "karte gestohlen",
            "karte wurde gestohlen",
            "karte geklaut",
            "betrug",
            "konto gehackt",
            "konto wurde gehackt",
            "ich erkenne diese zahlung nicht",
            "kenne diese abbuchung nicht",
            "unbekannte abbuchung",
            "nicht autorisierte zahlung",
        ),
        FRAUD_REPORT: (
            "diese zahlung habe ich nicht gemacht",
            "habe ich nicht gemacht",
            "ich habe diese zahlung nicht",
            "das war ich nicht",
            "abbuchung ist nicht von mir",
            "zahlung ist nicht von mir",
            "jemand hat meine karte benutzt",
            "jemand hat mit meiner karte",
        ),
        SCAM: (
            "ich wurde betrogen",
            "bin betrogen worden",
            "auf einen link geklickt",
            "auf den link geklickt",
            "den code gegeben",
            "den code weitergegeben",
            "die tan weitergegeben",
            "tan gegeben",
            "sicheres konto",
            "betrüger",
            "abzocke",
        ),
        VULNERABLE: (
            *_c(
                ("mein mann", "mein vater", "meine frau", "meine mutter", "mein sohn"),
                ("ist gestorben", "ist verstorben"),
            ),
            "ist verstorben",
            "verstorben",
            "beerdigung",
            "todesfall",
            "bin im krankenhaus",
            "liege im krankenhaus",
            "ich habe krebs",
            "meinen job verloren",
            "meine arbeit verloren",
            "arbeitslos geworden",
            "ich schaffe das nicht mehr",
            "ich kann einfach nicht mehr",
            "weiß nicht mehr weiter",
            "kann die miete nicht zahlen",
            "kein geld für essen",
            "habe schulden",
            "viele schulden",
        ),
        CHURN: (
            "ich kündige mein konto",
            "ich kündige das konto",
            "ich wechsle die bank",
            "ich wechsele die bank",
            "ich gehe zu einer anderen bank",
            "ich schließe mein konto",
        ),
        COMPLAINT: (
            "offizielle beschwerde",
            "ich möchte mich beschweren",
            "ich will mich beschweren",
            "beschwerde einreichen",
        ),
        LEGAL: (
            "anwalt",
            "rechtsanwalt",
            "meinem anwalt",
            "ich verklage sie",
            "verklagen",
            "ombudsmann",
            "schlichtungsstelle",
            "vor gericht",
        ),
        REPEATED: (
            "zum dritten mal",
            "schon zum dritten mal",
            "wie oft muss ich",
            "ich habe es schon gesagt",
            "immer wieder das gleiche",
        ),
        NOT_UNDERSTOOD: ("sie verstehen mich nicht", "du verstehst mich nicht"),
        STILL_NOT: ("immer noch nicht", "noch immer nicht", "immer noch nichts"),
        SARCASM: ("danke für nichts", "vielen dank für nichts"),
        HOWTO: ("wie melde ich betrug", "wie schütze ich mich vor betrug"),
    },
    negated_before=frozenset(
        {
            "nicht",
            "kein",
            "keinen",
            "keine",
            "ich will nicht",
            "ich möchte nicht",
            "ich muss nicht",
            "nicht nötig",
            "sind sie ein",
            "bist du ein",
        }
    ),
    markers=frozenset(
        {"ich", "und", "nicht", "ist", "das", "mein", "meine", "bitte", "habe", "mich", "mir"}
        | {"wurde", "auch", "noch", "hallo", "danke", "eine", "einen", "sie"}
    ),
    letters="ßä",
)

# ---------------------------------------------------------------- Persian (Farsi)
# Arabic script as typed on a Persian keyboard (fold() reads its yeh, keheh and heh as Urdu's, and
# drops the zero-width non-joiner of "می‌خواهم"), and "Finglish" in Latin letters. Verb-final:
# "با یک کارمند صحبت کنم" (that I talk with an employee) is the request.
_FA_WHO = (
    "کارمند",
    "یک کارمند",
    "یه کارمند",
    "اپراتور",
    "یک اپراتور",
    "مسئول",
    "یک نفر",
    "یه نفر",
    "آدم واقعی",
    "یک آدم واقعی",
    "یه آدم",
    "یه آدم واقعی",
    "یک نفر واقعی",
    "یه نفر واقعی",
    "یک انسان",
    "مدیر",
    "مشاور",
)
_FA_FINGLISH_WHO = ("karmand", "ye karmand", "ye nafar", "operator", "ye adam", "modir")
PERSIAN = Language(
    "fa",
    "Persian (Farsi, Arabic script and Finglish)",
    ("Arabic script (Persian keyboard)", "Latin letters (Finglish)"),
    {
        HUMAN: (
            *_c(tuple(f"با {w}" for w in _FA_WHO), ("صحبت کنم", "حرف بزنم", "صحبت کنیم")),
            *_c(tuple(f"ba {w}" for w in _FA_FINGLISH_WHO), ("sohbat konam", "harf bezanam")),
            "به من زنگ بزنید",
            "بهم زنگ بزنید",
            "لطفا زنگ بزنید",
            "با من تماس بگیرید",
            "باهام تماس بگیرید",
            "وصلم کنید به",
            "اپراتور میخوام",
            "اپراتور میخواهم",
            "کارمند میخوام",
            "be man zang bezanid",
            "behem zang bezanid",
            "operator mikham",
        ),
        FRAUD: (
            "کارتم دزدیده شد",
            "کارتم را دزدیدند",
            "کارتمو دزدیدن",
            "حسابم هک شده",
            "حسابم هک شد",
            "kartam dozdide shod",
        ),
        FRAUD_REPORT: (
            "من انجام ندادم",
            "من این پرداخت را انجام ندادم",
            "من این خرید رو نکردم",
            "کسی از کارتم استفاده کرده",
            "man anjam nadadam",
        ),
        SCAM: (
            "حساب امن",
            "گفت از پلیس است",
            "گفت از بانک است",
            "گفت از بانکه",
            "کد را دادم",
            "کد رو دادم",
            "کد رو بهش دادم",
            "روی لینک کلیک کردم",
            "لینک را باز کردم",
            "سرم کلاه گذاشتند",
            "سرم کلاه گذاشتن",
            "کلاهبرداری",
            "کلاهبردار",
            "kolahbardari",
        ),
        VULNERABLE: (
            "فوت کرد",
            "فوت کرده",
            "درگذشت",
            "مراسم ختم",
            "بیمارستان هستم",
            "بیمارستان بستری",
            "کارم را از دست دادم",
            "کارمو از دست دادم",
            "بیکار شدم",
            "دیگه نمیتونم",
            "دیگر نمی توانم",
            "دیگر نمیتوانم",
            "همه چیز از دستم رفته",
            "بدهی‌ها خیلی زیاده",
            "نمیتونم اجاره بدم",
            "پول غذا ندارم",
            "fot kard",
            "dige nemitoonam",
        ),
        CHURN: ("حسابم را میبندم", "حسابمو میبندم", "میرم یه بانک دیگه", "به بانک دیگری میروم"),
        COMPLAINT: ("شکایت رسمی", "شکایت میکنم", "میخوام شکایت کنم"),
        LEGAL: ("وکیل میگیرم", "با وکیلم", "به وکیلم", "دادگاه", "شکایت به دادگاه", "آمبودزمن"),
        REPEATED: ("بار سوم", "برای بار سوم", "چند بار گفتم", "چندبار گفتم"),
        NOT_UNDERSTOOD: ("متوجه نمیشی", "نمیفهمی", "متوجه نمی شوید"),
        STILL_NOT: ("هنوز نیومده", "هنوز درست نشده", "هنوز هیچی"),
    },
    negated_before=frozenset(
        {
            "نمیخوام",
            "نمیخواهم",
            "نمیخوام با",
            "نمیخواهم با",
            "لازم نیست",
            "لازم نیست با",
            "نیازی نیست",
            "نیازی نیست با",
            "nemikham",
        }
    ),
    not_before={VULNERABLE: frozenset({"صبر", "منتظر", "وارد", "پیدا"})},
    markers=frozenset(
        {"mikham", "mikhastam", "lotfan", "mishe", "chera", "nist", "hast", "kardam"}
    ),
    letters="\u0600-\u06ff",
)

# ---------------------------------------------------------------- Pashto
# Arabic script with Pashto's own letters (ړ, ښ, ږ, ې); romanised Pashto is rare in chat.
_PS_WHO = ("کارکوونکي", "یو کارکوونکي", "انسان", "یو انسان", "مسؤل", "یو مسؤل", "چا", "یو چا")
PASHTO = Language(
    "ps",
    "Pashto",
    ("Arabic script (Pashto letters)",),
    {
        HUMAN: (
            *_c(tuple(f"له {w}" for w in _PS_WHO), ("سره خبرې وکړم", "سره خبرې", "سره وغږیږم")),
            *_c(_PS_WHO[:6], ("سره خبرې وکړم",)),
            "ما ته زنګ ووهئ",
            "ماته زنګ ووهئ",
            "راته زنګ ووهئ",
            "زنګ راته ووهئ",
        ),
        FRAUD: (
            "ما نه دي ایستلې",
            "ما نه دي ایستلي",
            "ما نه ده کړې",
            "زما کارت غلا شو",
            "کارت مې غلا شو",
            "کارت غلا شوی",
            "درغلي",
        ),
        FRAUD_REPORT: ("ما نه دي ایستلې", "ما نه ده کړې", "ما نه دی کړی"),
        SCAM: ("دوکه یې کړم", "دوکه شوم", "کوډ مې ورکړ", "لینک مې کلیک کړ"),
        VULNERABLE: (
            "مړ شو",
            "مړه شوه",
            "وفات شو",
            "وفات شوه",
            "په روغتون کې یم",
            "کار مې له لاسه ورکړ",
            "بې کاره شوم",
        ),
        CHURN: ("حساب به بند کړم", "بل بانک ته ځم"),
        COMPLAINT: ("شکایت کوم", "رسمي شکایت"),
        LEGAL: ("وکیل ته ځم", "محکمې ته"),
        REPEATED: ("دریم ځل", "د دریم ځل لپاره"),
        NOT_UNDERSTOOD: ("ته مې نه پوهېږې", "تاسو مې نه پوهېږئ"),
        STILL_NOT: ("لا تر اوسه نه دي راغلي", "تر اوسه هیڅ نه"),
    },
    negated_before=frozenset({"نه غواړم", "اړتیا نشته", "اړتیا نه لرم"}),
    letters="\u0600-\u06ff",
)

# ---------------------------------------------------------------- Kurdish (Sorani)
# Arabic script with Sorani's own letters (ae, yeh and waw with marks, ڵ, ڕ) and Latin
# letters as typed in chat.
_CKB_WHO = ("کەسێک", "کارمەندێک", "فەرمانبەرێک", "مرۆڤێک", "کارمەند", "بەرپرسێک")
SORANI = Language(
    "ckb",
    "Kurdish (Sorani)",
    ("Arabic script (Sorani letters)", "Latin letters"),
    {
        HUMAN: (
            *_c(tuple(f"لەگەڵ {w}" for w in _CKB_WHO), ("قسە بکەم", "قسە بکەین", "بدوێم")),
            *_c(("legel kesek", "legel karmendek", "legel karmend"), ("qse bkem", "qsa bkam")),
            "پەیوەندیم پێوە بکەن",
            "تەلەفۆنم بۆ بکەن",
            "پەیوەندیم پێ بکەن",
        ),
        FRAUD: (
            "کارتەکەم دزرا",
            "کارتەکەم دزراوە",
            "کارتەکەمیان دزی",
            "پارەم لێ دزراوە",
            "kartakam dzra",
        ),
        FRAUD_REPORT: (
            "من نەمکردووە",
            "من ئەم پارەدانەم نەکردووە",
            "کەسێک کارتەکەمی بەکارهێناوە",
            # a stolen card "spent with" by someone else
            "پێ خەرج کردووە",
            "پێی خەرج کردووە",
        ),
        SCAM: ("فێڵم لێکرا", "فێڵیان لێکردم", "کۆدەکەم دا", "کلیکم لە لینکەکە کرد"),
        VULNERABLE: (
            "کۆچی دوایی کرد",
            "باوکم مرد",
            "دایکم مرد",
            "مێردەکەم مرد",
            "لە نەخۆشخانەم",
            "لە نەخۆشخانە کەوتووم",
            "کارەکەم لەدەستدا",
            "ناتوانم قەرزەکانم بدەمەوە",
        ),
        CHURN: ("هەژمارەکەم دادەخەم", "دەچمە بانکێکی تر"),
        COMPLAINT: ("سکاڵا تۆمار دەکەم", "سکاڵای فەرمی"),
        LEGAL: ("پارێزەر", "دادگا"),
        REPEATED: ("بۆ سێیەم جار", "سێیەم جارە"),
        NOT_UNDERSTOOD: ("لێم تێناگەیت", "لێم تێناگەن"),
        STILL_NOT: ("هێشتا نەهاتووە", "هێشتا هیچ"),
    },
    negated_before=frozenset({"نامەوێت", "پێویست ناکات", "namawet"}),
    markers=frozenset({"dexwazm", "dmawe", "legel", "supas", "tkaye", "chon"}),
    letters="\u0600-\u06ff",
)

# ---------------------------------------------------------------- Kurdish (Kurmanji)
# Latin (Hawar) alphabet, typed with or without its ê, î, û, ş, ç.
_KMR_WHO = (
    "bi karmendekî re",
    "bi mirovekî re",
    "bi kesekî re",
    "bi yekî re",
    "bi karmend re",
    "bi mirovekî rastîn re",
    "bi operatorekî re",
    "bi berpirsiyarekî re",
)
KURMANJI = Language(
    "kmr",
    "Kurdish (Kurmanji)",
    ("Latin (Hawar), with or without diacritics",),
    {
        HUMAN: (
            *_c(_KMR_WHO, ("biaxivim", "bipeyivim", "axivîn", "bipeyivin")),
            "li min bigerin",
            "telefonî min bikin",
            "min telefon bikin",
            "ez mirovekî dixwazim",
        ),
        FRAUD: ("karta min hat dizîn", "karta min dizîn", "hesabê min hat hackkirin"),
        FRAUD_REPORT: (
            "min ev dravdan nekiriye",
            "min ev peredan nekiriye",
            "min ev nekiriye",
            "kesekî karta min bikaranî",
        ),
        SCAM: ("ez hatim xapandin", "min xapandin", "min kod da", "min kodê da", "sextekar"),
        VULNERABLE: (
            *_c(("bavê min", "diya min", "mêrê min", "jina min", "kurê min"), ("mir",)),
            "ez li nexweşxaneyê me",
            "li nexweşxaneyê me",
            "min karê xwe winda kir",
            "ez nikarim debar bikim",
            "êdî nikarim",
        ),
        CHURN: ("ez ê hesabê xwe bigirim", "ez ê herim bankeke din"),
        COMPLAINT: ("ez ê gilî bikim", "giliyek fermî"),
        LEGAL: ("parêzer", "dadgehê", "ez ê we bidim dadgehê"),
        REPEATED: ("cara sêyem", "ji bo cara sêyem"),
        NOT_UNDERSTOOD: ("tu min fam nakî", "hûn min fam nakin"),
        STILL_NOT: ("hê jî nehatiye", "hê jî tune"),
    },
    negated_before=frozenset({"naxwazim", "ez naxwazim", "ne hewce ye", "pêwîst nake"}),
    markers=frozenset({"ez", "dixwazim", "ji", "kerema", "spas", "bikim", "heye", "tune", "xwe"}),
)

# ---------------------------------------------------------------- Albanian
# Latin with ë and ç, often typed as e and c. "mirë" (good) folds onto Lithuanian "mirė"
# (died): the markers below keep each language's short words to its own messages.
_SQ_TALK = ("dua të flas me", "të flas me", "mund të flas me", "dua të bisedoj me", "të bisedoj me")
_SQ_WHO = (
    "një punonjës",
    "punonjës",
    "një punonjëse",
    "një person",
    "një njeri",
    "njeri të vërtetë",
    "një njeri të vërtetë",
    "një operator",
    "operator",
    "një menaxher",
    "menaxherin",
    "dikë",
    "dikë nga banka",
    "një konsulent",
)
ALBANIAN = Language(
    "sq",
    "Albanian",
    ("Latin, with or without ë and ç",),
    {
        HUMAN: (
            *_c(_SQ_TALK, _SQ_WHO),
            *_c(("më lidhni me", "lidhmëni me"), ("një punonjës", "një operator", "dikë")),
            "më telefononi",
            "më merrni në telefon",
            "më thirrni",
            "dua një njeri",
            "dua një punonjës",
            "dua një operator",
        ),
        FRAUD: (
            "më kanë vjedhur kartën",
            "ma vodhën kartën",
            "më vodhën kartën",
            "karta më është vjedhur",
            "hakuan llogarinë",
            "më kanë hakuar llogarinë",
        ),
        FRAUD_REPORT: (
            "nuk e kam bërë këtë pagesë",
            "nuk e kam bërë unë",
            "pagesë që nuk e kam bërë",
            "dikush ka përdorur kartën time",
        ),
        SCAM: (
            "më mashtruan",
            "jam mashtruar",
            "u mashtrova",
            "shitësi u zhduk",
            "klikova linkun",
            "klikova në link",
            "u dhashë kodin",
            "i dhashë kodin",
            "dhashë kodin",
            "mashtrues",
            "mashtrim",
        ),
        VULNERABLE: (
            *_c(("më vdiq",), ("babai", "nëna", "burri", "gruaja", "djali", "vajza")),
            "ndërroi jetë",
            "vdiq",
            "funerali",
            "jam në spital",
            "jam shtruar në spital",
            "humba punën",
            "kam humbur punën",
            "nuk mund të paguaj",
            "nuk përballoj dot",
            "nuk kam para për ushqim",
            "nuk e përballoj më",
        ),
        CHURN: ("do ta mbyll llogarinë", "po e mbyll llogarinë", "do kaloj në një bankë tjetër"),
        COMPLAINT: ("ankesë zyrtare", "do bëj ankesë", "të bëj një ankesë", "bëj një ankesë"),
        LEGAL: ("avokat", "avokati", "te avokati", "do t'ju padis", "në gjykatë", "ombudsman"),
        REPEATED: ("për të tretën herë", "herën e tretë", "sa herë duhet", "përsëri e njëjta"),
        NOT_UNDERSTOOD: ("nuk më kupton", "nuk më kuptoni"),
        STILL_NOT: ("ende nuk funksionon", "akoma nuk funksionon", "akoma asgjë", "ende asgjë"),
        SARCASM: ("faleminderit për asgjë",),
    },
    negated_before=frozenset(
        {"nuk", "s'", "nuk dua", "nuk dua të", "nuk ka nevojë", "nuk ka nevojë të", "a jeni"}
    ),
    markers=frozenset(
        {"dhe", "nuk", "një", "është", "ju", "lutem", "faleminderit", "mund", "nëse", "shumë"}
        | {"pse", "edhe", "sepse", "përshëndetje", "kam", "dua"}
    ),
    letters="ë",
)

# ---------------------------------------------------------------- Tigrinya
# Ge'ez script (fidel); each character a syllable, so nothing folds. Verb-final: "ምስ ሰራሕተኛ
# ክዛረብ እደሊ" (I want to speak with an employee), negated after ("... ኣይደልን").
_TI_WHO = ("ሰራሕተኛ", "ሰራሕተኛ ባንኪ", "ሰብ", "ሓላፊ", "ኣማኻሪ", "ሰብ ባንኪ")
TIGRINYA = Language(
    "ti",
    "Tigrinya",
    ("Ge'ez script",),
    {
        HUMAN: (
            *_c(tuple(f"ምስ {w}" for w in _TI_WHO), ("ክዛረብ", "ክራኸብ", "ከዘራርብ")),
            "ደውሉለይ",
            "ደውለለይ",
            "ሰብ የድልየኒ",
            "ሰብ እደሊ",
        ),
        FRAUD: ("ካርደይ ተሰሪቁ", "ካርደይ ሰሪቖምኒ", "ዘይፈለጥክዎ ክፍሊት", "ገንዘበይ ጠፊኡ"),
        FRAUD_REPORT: ("ኣነ ዘይገበርክዎ ክፍሊት", "ኣነ ኣይከፈልኩን"),
        SCAM: ("ኮድ ሂበዮ", "ኮድ ሂበ", "ኮድ ሃብኩዎ", "ካብ ባንክ እየ ኢሉ", "ካብ ባንኪ እየ ኢሉ", "ተታሊለ", "ኣታሊሎምኒ"),
        VULNERABLE: (
            "ሞይቱ",
            "ሞይታ",
            "ኣብ ሆስፒታል ኣለኹ",
            "ኣብ ሆስፒታል ኣላ",
            "ኣብ ሆስፒታል ኣሎ",
            "ሓሚማ ኣብ ሆስፒታል",
            "ሓሚሙ ኣብ ሆስፒታል",
            "ክራይ ገዛ ክኸፍል ኣይከኣልኩን",
            "ክኸፍል ኣይከኣልኩን",
            "ስራሕ ክሰርሕ ኣይክእልን",
            "ስራሕ ሰኣነ",
        ),
        CHURN: ("ሕሳበይ ክዓጽዎ እየ", "ናብ ካልእ ባንክ ክኸይድ እየ"),
        COMPLAINT: ("ቅሬታ ከቕርብ", "ቅሬታ"),
        LEGAL: ("ጠበቓ", "ቤት ፍርዲ"),
        REPEATED: ("ሳልሳይ ግዜ", "ንሳልሳይ ግዜ"),
        NOT_UNDERSTOOD: ("ኣይተረዳእካንን", "ኣይተረዳእኩምንን"),
    },
    negated_after=frozenset({"ኣይደልን", "ኣየድልየንን"}),
    letters="\u1200-\u137f",
)

# ---------------------------------------------------------------- Amharic
# Ge'ez script like Tigrinya (the two share many words and the script: either shows both).
AMHARIC = Language(
    "am",
    "Amharic",
    ("Ge'ez script",),
    {
        HUMAN: (
            *_c(
                ("ከሰራተኛ ጋር", "ከሰው ጋር", "ከኃላፊ ጋር", "ከባንክ ሰራተኛ ጋር", "ከአማካሪ ጋር"),
                ("መነጋገር", "ማውራት", "መናገር"),
            ),
            "ደውሉልኝ",
            "ይደውሉልኝ",
            "ሰው እፈልጋለሁ",
            "ሰራተኛ እፈልጋለሁ",
        ),
        FRAUD: ("ካርዴ ተሰረቀ", "ካርዴን ሰረቁ", "ያልፈቀድኩት ክፍያ", "ማጭበርበር"),
        FRAUD_REPORT: ("ያላደረግኩት ክፍያ", "እኔ ያልከፈልኩት", "አንድ ሰው ካርዴን ተጠቅሟል"),
        SCAM: ("ተታለልኩ", "ኮዱን ሰጠሁ", "ኮዱን ሰጠኋቸው", "ሊንኩን ተጫንኩ", "ከባንክ ነኝ ብሎ", "አጭበርባሪ"),
        VULNERABLE: (
            "ሞተ",
            "ሞተች",
            "አረፈ",
            "አረፈች",
            "ቀብር",
            "ሆስፒታል ነኝ",
            "ሆስፒታል ገብቻለሁ",
            "ስራዬን አጣሁ",
            "መክፈል አልቻልኩም",
            "መቋቋም አልቻልኩም",
        ),
        CHURN: ("አካውንቴን እዘጋለሁ", "ወደ ሌላ ባንክ እሄዳለሁ"),
        COMPLAINT: ("ቅሬታ ማቅረብ", "ቅሬታ አቀርባለሁ"),
        LEGAL: ("ጠበቃ", "ፍርድ ቤት", "እከሳለሁ"),
        REPEATED: ("ለሶስተኛ ጊዜ", "ደጋግሜ ጠየቅኩ"),
        NOT_UNDERSTOOD: ("አልገባህም እንዴ", "አልገባችሁም እንዴ"),
    },
    negated_after=frozenset({"አልፈልግም", "አያስፈልገኝም"}),
    letters="\u1200-\u137f",
)

# ---------------------------------------------------------------- Greek
# Greek script (fold() drops the tonos and reads final sigma as sigma) and "Greeklish" in Latin
# letters, typed with w or o for ω and i or h for η.
_EL_TALK = ("να μιλήσω με", "μιλήσω με", "να μιλήσω σε", "να επικοινωνήσω με")
_EL_WHO = (
    "υπάλληλο",
    "έναν υπάλληλο",
    "άνθρωπο",
    "έναν άνθρωπο",
    "αληθινό άνθρωπο",
    "πραγματικό άνθρωπο",
    "εκπρόσωπο",
    "κάποιον",
    "διευθυντή",
    "τον διευθυντή",
)
_EL_GREEKLISH_TALK = ("na milisw me", "na miliso me", "milisw me", "miliso me")
_EL_GREEKLISH_WHO = ("ypallilo", "upallilo", "anthrwpo", "anthropo", "kapoion", "diefthinti")
GREEK = Language(
    "el",
    "Greek (Greek script and Greeklish)",
    ("Greek script", "Latin letters (Greeklish)"),
    {
        HUMAN: (
            *_c(_EL_TALK, _EL_WHO),
            *_c(_EL_GREEKLISH_TALK, _EL_GREEKLISH_WHO),
            "πάρτε με τηλέφωνο",
            "καλέστε με",
            "να με καλέσετε",
            "θέλω άνθρωπο",
            "θέλω υπάλληλο",
            "parte me tilefwno",
            "parte me thlefwno",
            "parte me tilefono",
        ),
        FRAUD: (
            "μου έκλεψαν την κάρτα",
            "κλάπηκε η κάρτα",
            "μου χάκαραν τον λογαριασμό",
            "χάκαραν τον λογαριασμό",
            "mou eklepsan tin karta",
        ),
        FRAUD_REPORT: (
            "δεν έκανα αυτή την πληρωμή",
            "δεν την έκανα εγώ",
            "δεν την έκανα εγω",
            "κάποιος χρησιμοποίησε την κάρτα μου",
            "den ekana auti tin pliromi",
            "den tin ekana egw",
        ),
        SCAM: (
            "με εξαπάτησαν",
            "έπεσα θύμα απάτης",
            "πάτησα το λινκ",
            "πάτησα τον σύνδεσμο",
            "έδωσα τον κωδικό",
            "απάτη",
            "απατεώνες",
            "απατεώνας",
            "me eksapatisan",
            "epesa thyma apatis",
            "patisa to link",
            "edwsa ton kwdiko",
        ),
        VULNERABLE: (
            "πέθανε",
            "απεβίωσε",
            "κηδεία",
            "είμαι στο νοσοκομείο",
            "νοσηλεύομαι",
            "έχασα τη δουλειά μου",
            "δεν μπορώ να πληρώσω",
            "δεν αντέχω άλλο",
            "δεν έχω λεφτά για φαγητό",
            "pethane",
            "eimai sto nosokomeio",
            "exasa ti douleia mou",
        ),
        CHURN: ("θα κλείσω τον λογαριασμό", "θα πάω σε άλλη τράπεζα", "tha kleisw ton logariasmo"),
        COMPLAINT: ("επίσημη καταγγελία", "θα κάνω καταγγελία", "να κάνω παράπονο"),
        LEGAL: ("δικηγόρο", "δικηγόρος", "θα σας μηνύσω", "στα δικαστήρια", "dikigoro"),
        REPEATED: (
            "για τρίτη φορά",
            "τρίτη φορά",
            "πόσες φορές πρέπει",
            "ξανά και ξανά",
            "triti fora",
        ),
        NOT_UNDERSTOOD: ("δεν καταλαβαίνεις", "δεν με καταλαβαίνεις", "den katalavaineis"),
        STILL_NOT: ("ακόμα τίποτα", "ακόμα δεν ήρθαν", "ακόμα δεν λειτουργεί", "ακόμη τίποτα"),
        SARCASM: ("ευχαριστώ για το τίποτα",),
    },
    negated_before=frozenset(
        {
            "δεν",
            "δε",
            "δεν θέλω",
            "δεν χρειάζεται",
            "δεν χρειάζεται να",
            "μη",
            "μην",
            "den",
            "den thelw",
            "den thelo",
        }
    ),
    markers=frozenset(
        {"kai", "den", "einai", "thelw", "thelo", "mou", "sas", "giati", "kalimera", "kalhmera"}
        | {"parakalw", "parakalo", "efxaristw", "eyxaristw", "efharisto"}
    ),
    letters="\u0370-\u03ff\u1f00-\u1fff",
)

# ---------------------------------------------------------------- Hungarian
# Latin with á, é, í, ó, ö, ő, ú, ü, ű, often typed bare. Word order is free: "beszélni
# szeretnék egy ügyintézővel" and "egy ügyintézővel szeretnék beszélni" are both listed.
_HU_WANT = (
    "szeretnék beszélni",
    "beszélni szeretnék",
    "akarok beszélni",
    "beszélhetnék",
    "beszélhetek",
)
_HU_WHO = (
    "egy ügyintézővel",
    "ügyintézővel",
    "valakivel",
    "emberrel",
    "egy emberrel",
    "élő emberrel",
    "valódi emberrel",
    "egy munkatárssal",
    "munkatárssal",
    "egy tanácsadóval",
    "tanácsadóval",
    "a vezetővel",
)
HUNGARIAN = Language(
    "hu",
    "Hungarian",
    ("Latin, with or without accents",),
    {
        HUMAN: (
            *_c(_HU_WANT, _HU_WHO),
            *_c(_HU_WHO, _HU_WANT),
            "hívjanak fel",
            "hívjon fel",
            "hívjon vissza",
            "kérek visszahívást",
            "visszahívást kérek",
            "élő ember",
            "kérek egy ügyintézőt",
            "kapcsoljon egy ügyintézőt",
        ),
        FRAUD: (
            "ellopták a kártyámat",
            "ellopták a bankkártyámat",
            "csalás",
            "feltörték a fiókomat",
            "feltörték a számlámat",
            "ismeretlen terhelés",
        ),
        FRAUD_REPORT: (
            "nem én fizettem",
            "ezt a fizetést nem én",
            "nem én indítottam",
            "valaki használta a kártyámat",
        ),
        SCAM: (
            "becsaptak",
            "átvertek",
            "rákattintottam a linkre",
            "megadtam a kódot",
            "megadtam a kártyaadataimat",
            "biztonságos számlára",
            "csalók",
            "csaló",
        ),
        VULNERABLE: (
            *_c(("meghalt",), ("a férjem", "a feleségem", "az apám", "az anyám", "a fiam")),
            *_c(("a férjem", "a feleségem", "az apám", "az anyám", "apám", "anyám"), ("meghalt",)),
            "meghalt",
            "elhunyt",
            "temetés",
            "kórházban vagyok",
            "kórházban fekszem",
            "elvesztettem a munkámat",
            "munkanélküli lettem",
            "nem tudok fizetni",
            "nem bírom tovább",
            "nincs pénzem ételre",
        ),
        CHURN: ("megszüntetem a számlámat", "másik bankba megyek", "bezárom a számlámat"),
        COMPLAINT: ("hivatalos panasz", "panaszt teszek", "panaszt szeretnék tenni"),
        LEGAL: ("ügyvéd", "ügyvédhez", "ügyvédem", "beperelem", "bíróságra", "ombudsman"),
        REPEATED: ("már harmadszor", "harmadszor", "hányszor kell", "újra és újra", "már mondtam"),
        NOT_UNDERSTOOD: ("nem értesz", "nem érted", "nem értenek meg"),
        STILL_NOT: ("még mindig nem", "még mindig semmi"),
        SARCASM: ("köszönöm a semmit", "kösz a semmit"),
    },
    negated_before=frozenset(
        {"nem", "nem akarok", "nem kell", "nincs szükség", "nincs szükségem", "ön egy", "te egy"}
    ),
    markers=frozenset(
        {"és", "hogy", "egy", "van", "az", "meg", "vagyok", "szeretnék", "kérem", "köszönöm"}
        | {"mert", "nincs", "igen", "már", "nem"}
    ),
    letters="őű",
)

UNSPACED: tuple[Language, ...] = (CHINESE,)

# ======================================================= round 14 batch B (helper r14lb)
# The next main languages of England and Wales by the ONS Census 2021 (TS024) after those
# above (and after German, Persian, Pashto, Kurdish, Albanian, Tigrinya, Amharic, Greek and
# Hungarian): Latvian, Slovak, Czech, Malayalam, Nepali, Tagalog/Filipino, Vietnamese,
# Yoruba, Sinhala and Dutch. Written by a NON-NATIVE author from common customer-service
# chat phrasings; no native speaker has reviewed them yet. Every phrase was checked against
# English after folding (accents removed): a one-word phrase is never an English word, and
# the short syllables of Vietnamese without diacritics, Yoruba without tone marks and
# Tagalog are only listed inside longer phrases.

# ---------------------------------------------------------------- Latvian
_LV_TALK = ("runāt ar", "parunāt ar", "sazināties ar", "savienojiet ar", "savienojiet mani ar")
_LV_WHO = (
    "cilvēku",
    "dzīvu cilvēku",
    "īstu cilvēku",
    "operatoru",
    "konsultantu",
    "darbinieku",
    "bankas darbinieku",
    "vadītāju",
    "kādu no bankas",
)
LATVIAN = Language(
    "lv",
    "Latvian",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            *_c(_LV_TALK, _LV_WHO),
            "dzīvs cilvēks",
            "īsts cilvēks",
            "piezvaniet man",
            "atzvaniet man",
            "vai varat man piezvanīt",
            "lai kāds man piezvana",
            "gribu operatoru",
            "gribu konsultantu",
        ),
        FRAUD: (
            "krāpšana",
            "nozaga karti",
            "nozaga manu karti",
            "karte nozagta",
            "neatpazīstu šo maksājumu",
            "neatpazīstu darījumu",
            "nesankcionēts maksājums",
        ),
        FRAUD_REPORT: (
            "es neveicu šo maksājumu",
            "neveicu šo maksājumu",
            "ko es neveicu",
            "kuru es neveicu",
            "kāds izmantoja manu karti",
            "kāds izmanto manu karti",
            "kāds pieslēdzās manam kontam",
        ),
        SCAM: (
            "krāpnieki",
            "mani apkrāpa",
            "mani piekrāpa",
            "uzspiedu uz saites",
            "nospiedu saiti",
            "iedevu kodu",
            "pateicu kodu",
            "iedevu kartes datus",
        ),
        VULNERABLE: (
            "nomira",
            "bēres",
            "miršanas apliecība",
            "esmu slimnīcā",
            "guļu slimnīcā",
            "man ir vēzis",
            "nevaru vairs tikt galā",
            "netieku galā",
            "man ir parādi",
            "zaudēju darbu",
            "nav naudas ēdienam",
            "nevaru samaksāt īri",
        ),
        CHURN: ("slēgšu kontu", "aizvēršu kontu", "pāriešu uz citu banku", "mainīšu banku"),
        COMPLAINT: ("oficiāla sūdzība", "iesniegšu sūdzību", "iesniegt sūdzību"),
        LEGAL: ("advokāts", "iesūdzēšu tiesā", "iesūdzēšu jūs", "ombudsmenis"),
        REPEATED: (
            "trešo reizi",
            "jau trešo reizi",
            "ceturto reizi",
            "cik reizes man",
            "jau teicu",
            "jau rakstīju",
            "atkal tas pats",
        ),
        NOT_UNDERSTOOD: ("jūs nesaprotat", "tu nesaproti", "joprojām nesaprotu"),
        STILL_NOT: (
            "joprojām nav",
            "vēl joprojām nav",
            "joprojām nestrādā",
            "joprojām nekas",
            "aizvien nav",
        ),
        PRAISE: ("lieliski", "brīnišķīgi"),
        SARCASM: ("paldies par neko",),
        HOWTO: (
            *_c(
                ("kā ziņot par", "kā pasargāties no", "kā atpazīt"),
                ("krāpšanu", "krāpniekiem", "krāpniekus"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "ne",
            "nevēlos",
            "negribu",
            "nevajag",
            "nav vajadzības",
            "nav nepieciešams",
            # "vai jūs esat īsts cilvēks?" asks what the bot is
            "vai tu esi",
            "vai jūs esat",
            "bots vai",
        }
    ),
    markers=frozenset(
        {
            "un",
            "ir",
            "nav",
            "lūdzu",
            "paldies",
            "kāpēc",
            "jūs",
            "mans",
            "mana",
            "manu",
            "vai",
            "kas",
        }
    ),
    letters="āēīķļņģ",
)

# ---------------------------------------------------------------- Czech and Slovak
# Close languages: a phrase folded the same in both (podvod, podvodníci) is listed by both;
# a warm word is listed once (Czech), as the sarcasm check counts them.
_CS_TALK = ("mluvit s", "promluvit si s", "hovořit s", "spojte mě s", "přepojte mě na")
_CS_WHO = (
    "člověkem",
    "živým člověkem",
    "skutečným člověkem",
    "operátorem",
    "pracovníkem",
    "pracovníkem banky",
    "bankéřem",
    "poradcem",
    "někým z banky",
)
CZECH = Language(
    "cs",
    "Czech",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            *_c(_CS_TALK, _CS_WHO),
            *_c(("přepojte mě na", "chci"), ("operátora", "člověka", "pracovníka")),
            "živý člověk",
            "skutečný člověk",
            "zavolejte mi",
            "zavolejte mi zpět",
            "můžete mi zavolat",
            "ať mi někdo zavolá",
        ),
        FRAUD: (
            "podvod",
            "ukradli mi kartu",
            "ukradená karta",
            "nepoznávám tuto platbu",
            "neautorizovaná platba",
        ),
        FRAUD_REPORT: (
            "tuto platbu jsem neprovedl",
            "tuto platbu jsem neprovedla",
            "kterou jsem neprovedl",
            "kterou jsem neprovedla",
            "které jsem neprovedl",
            "které jsem neprovedla",
            "někdo použil moji kartu",
            "někdo použil mou kartu",
            "někdo se přihlásil do mého účtu",
        ),
        SCAM: (
            "podvodníci",
            "podvedli mě",
            "napálili mě",
            "klikl jsem na odkaz",
            "klikla jsem na odkaz",
            "dal jsem jim kód",
            "dala jsem jim kód",
            "řekl jsem jim kód",
            "řekla jsem jim kód",
        ),
        VULNERABLE: (
            "zemřel",
            "zemřela",
            "pohřeb",
            "jsem v nemocnici",
            "ležím v nemocnici",
            "mám rakovinu",
            "nezvládám to",
            "už to nezvládám",
            "přišel jsem o práci",
            "přišla jsem o práci",
            "mám dluhy",
            "nemám na jídlo",
            "nemám na nájem",
        ),
        CHURN: ("zruším účet", "zruším si účet", "přejdu k jiné bance", "odejdu k jiné bance"),
        COMPLAINT: ("oficiální stížnost", "podám stížnost", "podat stížnost"),
        LEGAL: ("právník", "advokát", "dám vás k soudu", "podám žalobu", "finanční arbitr"),
        REPEATED: (
            "potřetí",
            "už potřetí",
            "počtvrté",
            "kolikrát musím",
            "už jsem psal",
            "už jsem psala",
            "už jsem to říkal",
            "už jsem to říkala",
            "pořád dokola",
        ),
        NOT_UNDERSTOOD: ("nerozumíte mi", "nerozumíš mi", "pořád nerozumím", "stále nerozumím"),
        STILL_NOT: (
            "pořád nic",
            "stále nic",
            "pořád nefunguje",
            "stále nefunguje",
            "pořád nepřišly",
            "stále nepřišly",
            "pořád nepřišla",
            "stále nepřišla",
        ),
        PRAISE: ("paráda", "skvělé", "výborně"),
        SARCASM: ("díky za nic", "děkuji za nic", "děkuju za nic"),
        HOWTO: (
            *_c(
                ("jak nahlásit", "jak se chránit před", "jak poznat"),
                ("podvod", "podvody", "podvodníky"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "ne",
            "nechci",
            "nepotřebuji",
            "nepotřebuju",
            "není třeba",
            "není potřeba",
            # "jste skutečný člověk?" asks what the bot is
            "jste",
            "jsi",
            "bot nebo",
            "robot nebo",
        }
    ),
    markers=frozenset(
        {
            "jsem",
            "není",
            "mám",
            "můj",
            "moje",
            "prosím",
            "děkuji",
            "chci",
            "proč",
            "jsou",
            "také",
            "mně",
            "bych",
        }
    ),
    letters="ěřů",
)

_SK_TALK = ("hovoriť s", "porozprávať sa s", "rozprávať sa s", "spojte ma s", "prepojte ma na")
_SK_WHO = (
    "človekom",
    "živým človekom",
    "skutočným človekom",
    "operátorom",
    "pracovníkom",
    "pracovníkom banky",
    "poradcom",
    "niekým z banky",
)
SLOVAK = Language(
    "sk",
    "Slovak",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            *_c(_SK_TALK, _SK_WHO),
            *_c(("so",), ("živým človekom", "skutočným človekom")),
            *_c(("prepojte ma na", "chcem"), ("operátora", "človeka", "pracovníka")),
            "živý človek",
            "skutočný človek",
            "zavolajte mi",
            "zavolajte mi späť",
            "môžete mi zavolať",
            "nech mi niekto zavolá",
        ),
        FRAUD: (
            "podvod",
            "ukradli mi kartu",
            "ukradnutá karta",
            "nepoznám túto platbu",
            "neautorizovaná platba",
        ),
        FRAUD_REPORT: (
            "túto platbu som nerobil",
            "túto platbu som nerobila",
            "ktorú som nerobil",
            "ktorú som nerobila",
            "ktorú som neurobil",
            "ktorú som neurobila",
            "niekto použil moju kartu",
            "niekto sa prihlásil do môjho účtu",
        ),
        SCAM: (
            "podvodníci",
            "oklamali ma",
            "podviedli ma",
            "klikol som na odkaz",
            "klikla som na odkaz",
            "dal som im kód",
            "dala som im kód",
            "povedal som im kód",
            "povedala som im kód",
        ),
        VULNERABLE: (
            "zomrel",
            "zomrela",
            "pohreb",
            "som v nemocnici",
            "ležím v nemocnici",
            "mám rakovinu",
            "nezvládam to",
            "už to nezvládam",
            "stratil som prácu",
            "stratila som prácu",
            "mám dlhy",
            "nemám na jedlo",
            "nemám na nájom",
        ),
        CHURN: ("zruším účet", "zruším si účet", "prejdem do inej banky", "odídem do inej banky"),
        COMPLAINT: ("oficiálna sťažnosť", "podám sťažnosť", "podať sťažnosť"),
        LEGAL: ("právnik", "advokát", "dám vás na súd", "podám žalobu", "finančný ombudsman"),
        REPEATED: (
            "tretíkrát",
            "už tretíkrát",
            "štvrtýkrát",
            "koľkokrát musím",
            "už som písal",
            "už som písala",
            "už som to hovoril",
            "už som to hovorila",
            "stále dookola",
        ),
        NOT_UNDERSTOOD: ("nerozumiete mi", "nerozumieš mi", "stále nerozumiem"),
        STILL_NOT: (
            "stále nič",
            "stále nefunguje",
            "ešte stále nie",
            "stále neprišli",
            "stále neprišla",
            "stále neprišlo",
        ),
        PRAISE: ("vynikajúce",),  # "paráda", "skvelé" fold as Czech's
        SARCASM: ("ďakujem za nič", "vďaka za nič"),
        HOWTO: (
            *_c(
                ("ako nahlásiť", "ako sa chrániť pred", "ako rozpoznať"),
                ("podvod", "podvody", "podvodníkmi", "podvodníkov"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "nie",
            "nechcem",
            "nepotrebujem",
            "netreba",
            "nie je potrebné",
            # "ste skutočný človek?" asks what the bot is
            "ste",
            "si",
            "bot alebo",
            "robot alebo",
        }
    ),
    markers=frozenset(
        {
            "som",
            "mám",
            "môj",
            "moja",
            "prosím",
            "ďakujem",
            "chcem",
            "prečo",
            "sú",
            "aj",
            "bol",
            "mňa",
        }
    ),
    letters="ôľĺŕ",
)

# ---------------------------------------------------------------- Malayalam
# Malayalam script and "Manglish", the Latin letters most Malayalis chat in (Kerala
# communities, many of them NHS staff). Verb-final: "venda" (don't want) follows the phrase.
_ML_WHO_LATIN = (
    "aalodu",
    "oru aalodu",
    "staffinodu",
    "staff-inodu",
    "managerodu",
    "manager-odu",
    "agentinodu",
    "aarenkilumodu",
    "manushyanodu",
)
MALAYALAM = Language(
    "ml",
    "Malayalam",
    ("Malayalam", "Latin letters"),
    {
        HUMAN: (
            *_c(
                ("ഒരു മനുഷ്യനോട്", "മനുഷ്യനോട്", "ജീവനക്കാരനോട്", "ആരെങ്കിലുമായി", "മാനേജരോട്"),
                ("സംസാരിക്കണം", "സംസാരിക്കാമോ", "സംസാരിക്കാൻ പറ്റുമോ"),
            ),
            *_c(_ML_WHO_LATIN, ("samsarikkanam", "samsarikkan pattumo", "samsarikkamo")),
            "എന്നെ വിളിക്കാമോ",
            "എന്നെ തിരിച്ചു വിളിക്കൂ",
            "തിരിച്ചു വിളിക്കാമോ",
            "enne vilikkamo",
            "enne onnu vilikkamo",
            "thirichu vilikkamo",
            "thirichu vilikku",
            "call back cheyyamo",
            "malayalam samsarikkunna aarenkilum",
        ),
        FRAUD: (
            "കാർഡ് മോഷണം പോയി",
            "card moshanam poyi",
            "card kalavu poyi",
        ),
        FRAUD_REPORT: (
            "ഞാൻ ചെയ്യാത്ത",
            "ആരോ എന്റെ കാർഡ് ഉപയോഗിച്ചു",
            "njan cheyyatha payment",
            "njan cheyyatha transaction",
            "aaro ente card upayogichu",
            "aaro ente card use cheythu",
        ),
        SCAM: (
            "തട്ടിപ്പ്",
            "thattippu",
            "എന്നെ പറ്റിച്ചു",
            "enne pattichu",
            "ലിങ്ക് ക്ലിക്ക് ചെയ്തു",
            "link click cheythu",
            "otp koduthu",
            "otp paranju koduthu",
        ),
        VULNERABLE: (
            "മരിച്ചു",
            "മരണപ്പെട്ടു",
            "maranappettu",
            *_c(("achan", "amma", "bharthavu", "bharya", "makan", "makal"), ("marichu",)),
            "ആശുപത്രിയിലാണ്",
            "hospitalil aanu",
            "aashupathriyil aanu",
            "ക്യാൻസർ",
            "joli poyi",
            "ജോലി പോയി",
            "kadam kondu vayya",
            "sahikkan vayya",
        ),
        CHURN: (
            "അക്കൗണ്ട് ക്ലോസ് ചെയ്യും",
            "account close cheyyum",
            "vere bankilekku marum",
            "വേറെ ബാങ്കിലേക്ക് മാറും",
        ),
        COMPLAINT: ("പരാതി നൽകും", "complaint kodukkum", "paraathi kodukkum"),
        LEGAL: ("വക്കീൽ", "കോടതി", "case kodukkum"),
        REPEATED: (
            "മൂന്നാമത്തെ തവണ",
            "moonnamathe thavana",
            "ethra thavana parayanam",
            "njan paranjallo",
        ),
        NOT_UNDERSTOOD: ("നിങ്ങൾക്ക് മനസ്സിലാകുന്നില്ല", "ningalkku manassilavunnilla"),
    },
    negated_after=frozenset({"വേണ്ട", "venda", "vendaa", "ആവശ്യമില്ല", "avashyamilla"}),
    markers=frozenset(
        {"enikku", "ente", "njan", "aanu", "alla", "illa", "venam", "ningal", "entha", "sheri"}
    ),
    letters="\u0d00-\u0d7f",
)

# ---------------------------------------------------------------- Nepali
# Devanagari and romanised Nepali. Verb-final: "chaina"/"chahidaina" follow the phrase. The
# Devanagari phrases were checked against the Hindi ones (same script): the shared words
# (ठगी, अदालत) mean the same in both.
_NE_WHO = ("मान्छेसँग", "मानिससँग", "कर्मचारीसँग", "कसैसँग", "म्यानेजरसँग")
_NE_WHO_LATIN = (
    "manche sanga",
    "manchhe sanga",
    "manchhe sang",
    "staff sanga",
    "karmachari sanga",
    "kasai sanga",
    "manager sanga",
    "agent sanga",
)
NEPALI = Language(
    "ne",
    "Nepali",
    ("Devanagari", "Latin letters"),
    {
        HUMAN: (
            *_c(_NE_WHO, ("कुरा गर्नु छ", "कुरा गर्न चाहन्छु", "कुरा गर्न पाउँछु")),
            *_c(_NE_WHO_LATIN, ("kura garnu cha", "kura garnu chha", "kura garna chahanchu")),
            "मलाई फोन गर्नुहोस्",
            "मलाई कल गर्नुस्",
            "malai phone garnus",
            "malai call garnus",
            "malai call garnu na",
            "malai phone garnu hola",
            "nepali bolne kohi",
        ),
        FRAUD: ("कार्ड चोरी भयो", "card chori bhayo", "mero card chori"),
        FRAUD_REPORT: (
            "मैले नगरेको",
            "maile nagareko",
            "कसैले मेरो कार्ड प्रयोग गर्यो",
            "kasaile mero card prayog garyo",
            "kasaile mero card use garyo",
        ),
        SCAM: (
            "ठगी",
            "ठगिएँ",
            "malai thagyo",
            "ma thagiye",
            "link click gare",
            "otp diye",
            "लिङ्क थिचेँ",
        ),
        VULNERABLE: (
            "बित्नुभयो",
            "bitnu bhayo",
            "अस्पतालमा छु",
            "aspatal ma chu",
            "aspatal ma chhu",
            "जागिर गुम्यो",
            "jagir gumyo",
            "ऋण तिर्न सक्दिन",
            "rin tirna sakdina",
            "खाना किन्ने पैसा छैन",
        ),
        CHURN: ("खाता बन्द गर्छु", "khata banda garchu", "arko bank ma janchu"),
        COMPLAINT: ("उजुरी दिन्छु", "ujuri dinchhu", "ujuri dinchu"),
        LEGAL: ("वकिल", "mudda halchu", "मुद्दा हाल्छु"),
        REPEATED: ("तेस्रो पटक", "tesro patak", "kati choti bhannu", "कति पटक भन्नु"),
        NOT_UNDERSTOOD: ("तपाईंले बुझ्नुभएन", "tapai le bujhnu bhayena", "tapaile bujhnu bhayena"),
    },
    negated_after=frozenset(
        {"चाहिँदैन", "chahidaina", "पर्दैन", "pardaina", "छैन", "chaina", "chhaina"}
    ),
    markers=frozenset(
        {"malai", "mero", "chha", "chaina", "garnu", "garna", "tapai", "hajur", "huncha", "bhayo"}
    ),
    letters="\u0900-\u097f",
)

# ---------------------------------------------------------------- Tagalog / Filipino
# Tagalog and "Taglish" (Tagalog mixed with English words: "na-scam ako", "pa-call back").
# Its short words (na, ang, ko, mo) collide with nothing only inside phrases.
TAGALOG = Language(
    "tl",
    "Tagalog/Filipino",
    ("Latin",),
    {
        HUMAN: (
            *_c(
                ("makausap ang", "makausap ko ang", "kausapin ang", "makipag-usap sa"),
                ("tao", "isang tao", "totoong tao", "agent", "ahente", "empleyado", "manager"),
            ),
            *_c(("makausap", "kausapin", "makipag-usap sa"), ("yung agent", "yung tao")),
            "totoong tao",
            "may tao ba dyan",
            "may tao ba diyan",
            "may makakausap ba ako",
            "tawagan niyo ako",
            "tawagan mo ako",
            "pakitawagan ako",
            "paki call ako",
            "pa-call back",
            "pacall back",
            "paki-connect sa agent",
        ),
        FRAUD: (
            "ninakaw ang card ko",
            "nanakaw ang card ko",
            "ninakaw yung card ko",
            "hindi ko kilala ang transaksyon",
            "hindi ko kilala yung transaction",
        ),
        FRAUD_REPORT: (
            "transaksyon na hindi ko ginawa",
            "transaction na hindi ko ginawa",
            "bayad na hindi ko ginawa",
            "hindi ako ang nag-transact",
            "may gumamit ng card ko",
            "ginamit ng iba ang card ko",
        ),
        SCAM: (
            "manloloko",
            "na-scam ako",
            "nascam ako",
            "naloko ako",
            "niloko ako",
            "na-click ko ang link",
            "na-click ko yung link",
            "pinindot ko ang link",
            "binigay ko ang otp",
            "binigay ko yung otp",
            "binigay ko ang code",
        ),
        VULNERABLE: (
            "pumanaw",
            *_c(
                ("namatay ang", "namatay yung"),
                ("asawa ko", "tatay ko", "nanay ko", "anak ko", "mister ko", "misis ko"),
            ),
            "nasa ospital ako",
            "naospital ako",
            "may cancer ako",
            "nawalan ako ng trabaho",
            "hindi ko na kaya",
            "di ko na kaya",
            "baon sa utang",
            "lubog sa utang",
            "walang pambili ng pagkain",
        ),
        CHURN: (
            "isasara ko ang account ko",
            "isasara ko na ang account ko",
            "lilipat ako ng bangko",
            "lilipat na ako sa ibang bangko",
        ),
        COMPLAINT: ("magrereklamo ako", "pormal na reklamo", "magfa-file ako ng complaint"),
        LEGAL: ("abogado", "idedemanda ko kayo", "kakasuhan ko kayo"),
        REPEATED: (
            "pangatlong beses",
            "ikatlong beses",
            "paulit-ulit",
            "ilang beses ko bang",
            "sinabi ko na nga",
        ),
        NOT_UNDERSTOOD: (
            "hindi mo ako naiintindihan",
            "hindi niyo ako naiintindihan",
            "hindi mo gets",
            "di mo gets",
        ),
        STILL_NOT: ("hindi pa rin", "di pa rin", "wala pa rin"),
        PRAISE: ("ang galing",),
        SARCASM: ("salamat sa wala",),
    },
    negated_before=frozenset(
        {
            "ayoko",
            "ayokong",
            "ayaw ko",
            "ayaw kong",
            "hindi",
            "di",
            "hindi ko kailangan",
            "hindi kailangan",
            "di kailangan",
            # "ikaw ba ay totoong tao?" asks what the bot is
            "ikaw ba ay",
            "ikaw ba",
            "bot ka ba o",
        }
    ),
    markers=frozenset(
        {
            "ako",
            "ang",
            "ng",
            "mga",
            "po",
            "hindi",
            "naman",
            "yung",
            "lang",
            "kasi",
            "ito",
            "ko",
            "sa",
        }
    ),
)

# ---------------------------------------------------------------- Vietnamese
# With and without diacritics (fold removes them: "nhân viên" = "nhan vien"). Without them
# Vietnamese is short syllables that often spell English words ("the", "an", "to"), so every
# phrase is several syllables long.
VIETNAMESE = Language(
    "vi",
    "Vietnamese",
    ("Latin, with or without diacritics",),
    {
        HUMAN: (
            *_c(
                ("nói chuyện với", "nói chuyện với một", "gặp", "chuyển cho", "kết nối với"),
                ("nhân viên", "người thật", "tư vấn viên", "nhân viên ngân hàng", "quản lý"),
            ),
            "người thật",
            "gọi lại cho tôi",
            "gọi điện cho tôi",
            "gọi cho tôi",
            "có ai không",
            "cần nhân viên hỗ trợ",
            "người nói tiếng việt",
        ),
        FRAUD: (
            "thẻ bị đánh cắp",
            "thẻ bị trộm",
            "bị trộm thẻ",
            "giao dịch lạ",
            "giao dịch không phải của tôi",
        ),
        FRAUD_REPORT: (
            "tôi không thực hiện giao dịch này",
            "giao dịch mà tôi không thực hiện",
            "tôi không hề thực hiện",
            "ai đó đã dùng thẻ của tôi",
            "có người dùng thẻ của tôi",
        ),
        SCAM: (
            "lừa đảo",
            "tôi bị lừa",
            "tôi bị lừa đảo",
            "bấm vào link",
            "bấm vào đường link",
            "nhấn vào link",
            "đã đưa mã otp",
            "cho họ mã otp",
        ),
        VULNERABLE: (
            "đã qua đời",
            "vừa qua đời",
            "đám tang",
            "đang nằm viện",
            "tôi đang ở bệnh viện",
            "bị ung thư",
            "tôi bị mất việc",
            "không có tiền ăn",
            "không trả nổi nợ",
            "tôi không chịu nổi nữa",
        ),
        CHURN: ("tôi sẽ đóng tài khoản", "chuyển sang ngân hàng khác"),
        COMPLAINT: ("khiếu nại chính thức", "tôi sẽ khiếu nại"),
        LEGAL: ("luật sư", "kiện ra tòa", "kiện ngân hàng"),
        REPEATED: ("lần thứ ba", "lần thứ tư", "tôi đã nói rồi", "phải hỏi bao nhiêu lần"),
        NOT_UNDERSTOOD: ("bạn không hiểu", "vẫn không hiểu"),
        STILL_NOT: ("vẫn chưa nhận được", "vẫn chưa về", "vẫn không được", "vẫn không hoạt động"),
        PRAISE: ("tuyệt vời",),
        SARCASM: ("cảm ơn vì chẳng giúp gì",),
    },
    negated_before=frozenset(
        {
            "không",
            "không cần",
            "không muốn",
            "tôi không cần",
            "tôi không muốn",
            # "bạn là người thật không?" asks what the bot is
            "bạn là",
            "bạn có phải là",
            "có phải",
        }
    ),
    markers=frozenset(
        {
            "toi",
            "khong",
            "cua",
            "duoc",
            "voi",
            "nay",
            "minh",
            "dang",
            "nhung",
            "tien",
            "ngan hang",
            "tai khoan",
        }
    ),
    letters="ăđơư\u1ea0-\u1ef9",
)

# ---------------------------------------------------------------- Yoruba
# With and without tone marks and underdots (fold removes them: "ẹ pè mí" = "e pe mi"). Its
# short syllables are only listed inside phrases.
YORUBA = Language(
    "yo",
    "Yoruba",
    ("Latin, with or without tone marks",),
    {
        HUMAN: (
            *_c(
                ("mo fẹ́ bá", "mo fẹ bá", "ṣé mo lè bá", "jẹ́ kí n bá"),
                ("ènìyàn sọ̀rọ̀", "ẹnìkan sọ̀rọ̀", "òṣìṣẹ́ sọ̀rọ̀", "ènìyàn gidi sọ̀rọ̀"),
            ),
            "bá ènìyàn sọ̀rọ̀",
            "bá òṣìṣẹ́ sọ̀rọ̀",
            "ènìyàn gidi",
            "ẹ pè mí",
            "ẹ pè mí padà",
            "ẹ jọ̀wọ́ ẹ pè mí",
        ),
        FRAUD: ("wọ́n jí káàdì mi", "wọ́n ti jí káàdì mi"),
        FRAUD_REPORT: (
            "mi ò ṣe ìsanwó yìí",
            "èmi kọ́ ni mo ṣe ìsanwó yìí",
            "ẹnìkan lo káàdì mi",
        ),
        SCAM: (
            "jìbìtì",
            "wọ́n lù mí ní jìbìtì",
            "wọ́n tàn mí jẹ",
            "mo tẹ link náà",
            "mo fún wọn ní kóòdù",
            "mo fún wọn ní otp",
        ),
        VULNERABLE: (
            *_c(("bàbá mi", "ìyá mi", "ọkọ mi", "ìyàwó mi", "ọmọ mi"), ("kú", "ti kú")),
            "mo wà ní ilé ìwòsàn",
            "mo ti pàdánù iṣẹ́ mi",
            "mi ò ní owó oúnjẹ",
            "gbèsè pọ̀ lórí mi",
        ),
        CHURN: ("màá pa àkáùntì mi dé", "màá lọ sí bánkì mìíràn"),
        COMPLAINT: ("màá fi ẹjọ́ sùn",),
        LEGAL: ("agbẹjọ́rò", "ilé ẹjọ́"),
        REPEATED: ("ìgbà kẹta rèé", "ìgbà kẹta tí mo", "mo ti sọ tẹ́lẹ̀"),
        NOT_UNDERSTOOD: ("ẹ ò gbọ́ mi yé", "kò yé yín"),
    },
    negated_before=frozenset(
        {
            "mi ò",
            "mi kò",
            "èmi kò",
            "mi ò fẹ́",
            "mi kò fẹ́",
            "kò sí ìdí láti",
            # "ṣé ènìyàn gidi ni ọ́?" asks what the bot is
            "ṣé",
            "ṣé o jẹ́",
        }
    ),
    markers=frozenset(
        {
            "jowo",
            "owo",
            "mo fe",
            "ko si",
            "mi o",
            "e jowo",
            "e se",
            "akanti",
            "ejo",
            "ni won",
            "won ti",
        }
    ),
    letters="ṣ",
)

# ---------------------------------------------------------------- Sinhala
# Sinhala script and romanised Sinhala ("Singlish"). Verb-final: "epa"/"na" follow the phrase.
SINHALA = Language(
    "si",
    "Sinhala",
    ("Sinhala", "Latin letters"),
    {
        HUMAN: (
            *_c(
                ("කෙනෙක් එක්ක", "මනුස්සයෙක් එක්ක", "සේවකයෙක් එක්ක", "මැනේජර් එක්ක"),
                ("කතා කරන්න ඕනේ", "කතා කරන්න පුළුවන්ද"),
            ),
            *_c(
                (
                    "kenek ekka",
                    "manussayek ekka",
                    "minihek ekka",
                    "staff eke kenek ekka",
                    "manager ekka",
                    "agent kenek ekka",
                ),
                ("katha karanna one", "katha karanna ona", "katha karanna puluwanda"),
            ),
            "මට කෝල් එකක් දෙන්න",
            "mata call ekak denna",
            "mata call karanna",
            "aapahu call karanna",
            "sinhala katha karana kenek",
        ),
        FRAUD: ("කාඩ් එක හොරකම් කළා", "card eka horakam kala", "card eka horakam una"),
        FRAUD_REPORT: (
            "මම නොකළ ගෙවීමක්",
            "mama nokala gewimak",
            "mama nokala payment",
            "kawuruhari mage card eka use kala",
        ),
        SCAM: (
            "වංචාව",
            "wanchawa",
            "මාව රැවැට්ටුවා",
            "mawa rawattuwa",
            "link eka click kala",
            "otp eka dunna",
        ),
        VULNERABLE: (
            "මිය ගියා",
            "miya giya",
            *_c(("thaththa", "amma", "mahaththaya", "nona", "seeya", "aachchi"), ("nathi una",)),
            "රෝහලේ ඉන්නේ",
            "rohale inne",
            "රැකියාව නැති වුණා",
            "job eka nathi una",
            "naya gewanna baha",
        ),
        CHURN: ("account eka close karanawa", "wena bank ekakata yanawa"),
        COMPLAINT: ("පැමිණිල්ලක් කරනවා", "paminillak karanawa"),
        LEGAL: ("නීතිඥ", "උසාවි", "usaviyata yanawa"),
        REPEATED: ("තුන්වෙනි පාර", "thunweni para", "kiyapu eka aye"),
        NOT_UNDERSTOOD: ("ඔයාට තේරෙන්නේ නැහැ", "oyata therenne na", "oyata therenne naha"),
    },
    negated_after=frozenset({"එපා", "epa", "නැහැ", "na", "naha", "ඕනේ නැහැ"}),
    markers=frozenset({"mage", "nehe", "ganna", "kohomada", "karanna", "puluwan", "oyage", "epa"}),
    letters="\u0d80-\u0dff",
)

# ---------------------------------------------------------------- Dutch
_NL_WHO = (
    "een medewerker",
    "een mens",
    "een echt mens",
    "een echte persoon",
    "een persoon",
    "iemand van de bank",
    "een adviseur",
    "een manager",
)
DUTCH = Language(
    "nl",
    "Dutch",
    ("Latin",),
    {
        HUMAN: (
            *_c(("spreken met", "praten met", "contact met", "doorverbinden met"), _NL_WHO),
            *_c(_NL_WHO, ("spreken", "praten", "aan de lijn", "aan de lijn krijgen")),
            "ik wil een medewerker",
            "ik wil een mens",
            "echt mens",
            "echte medewerker",
            "bel me terug",
            "bel mij terug",
            "kunt u mij bellen",
            "kan iemand mij bellen",
            "kan iemand me bellen",
            "verbind me door",
            "verbind mij door",
        ),
        FRAUD: (
            "fraude",
            "pas gestolen",
            "kaart gestolen",
            "mijn pas is gestolen",
            "onbekende afschrijving",
            "ik herken deze betaling niet",
        ),
        FRAUD_REPORT: (
            "ik heb deze betaling niet gedaan",
            "die ik niet heb gedaan",
            "die ik niet gedaan heb",
            "iemand heeft mijn pas gebruikt",
            "iemand heeft mijn kaart gebruikt",
            "iemand is in mijn account",
        ),
        SCAM: (
            "oplichters",
            "oplichting",
            "ik ben opgelicht",
            "opgelicht",
            "op de link geklikt",
            "op een link geklikt",
            "de code gegeven",
            "code doorgegeven",
            "mijn pincode gegeven",
        ),
        VULNERABLE: (
            "overleden",
            "begrafenis",
            "ik lig in het ziekenhuis",
            "ik ben in het ziekenhuis",
            "ik heb kanker",
            "ik kan het niet meer aan",
            "ik heb schulden",
            "mijn baan kwijt",
            "geen geld voor eten",
        ),
        CHURN: (
            "ik zeg mijn rekening op",
            "ik stap over naar een andere bank",
            "ik ga naar een andere bank",
        ),
        COMPLAINT: ("officiële klacht", "klacht indienen", "formele klacht"),
        LEGAL: ("advocaat", "naar de rechter", "kifid"),
        REPEATED: (
            "voor de derde keer",
            "al drie keer",
            "hoe vaak moet ik",
            "ik heb al gezegd",
            "steeds hetzelfde",
        ),
        NOT_UNDERSTOOD: ("je begrijpt het niet", "u begrijpt me niet", "je snapt het niet"),
        STILL_NOT: ("nog steeds niet", "nog altijd niet", "nog steeds geen", "nog steeds niks"),
        PRAISE: ("geweldig", "prachtig"),
        SARCASM: ("bedankt voor niets", "bedankt voor niks", "dank je voor niks"),
        HOWTO: (
            *_c(
                ("hoe meld ik", "hoe herken ik", "bescherming tegen"),
                ("fraude", "oplichting", "oplichters"),
            ),
        ),
    },
    negated_before=frozenset(
        {
            "niet",
            "geen",
            "hoef geen",
            "hoef niet",
            "wil niet",
            "wil geen",
            "niet met",
            "wil niet met",
            "hoef niet met",
            "hoef niet te",
            # "ben je een echt mens?", "praat ik met een echt mens?" ask what the bot is
            "ben je",
            "bent u",
            "ben jij",
            "ben je een",
            "bent u een",
            "ben jij een",
            "praat ik met",
            "praat ik met een",
            "spreek ik met",
            "spreek ik met een",
        }
    ),
    markers=frozenset(
        {
            "ik",
            "het",
            "een",
            "niet",
            "mijn",
            "wil",
            "graag",
            "bedankt",
            "alstublieft",
            "jullie",
            "heb",
            "geen",
            "waarom",
        }
    ),
)


# ================================================================ round 15
# Three languages the eleventh held-out set found with no table (round 15 diagnosis: a request
# for a person in each, and money taken "not sent by me" in Nigerian Pidgin): Nigerian Pidgin,
# Twi (Akan) and romanised Cantonese (Jyutping-like spellings as typed in chat, without tone
# numbers; written Cantonese characters are in the Chinese table). Review status: written by a
# NON-NATIVE author from common chat phrasings, not yet checked by a native speaker; all three
# need that review before being relied on. Every phrase is two words or more: their short
# words ("no", "me", "na", "dey", "hai", "m") are words of English or of another table.

# ---------------------------------------------------------------- Nigerian Pidgin
_PCM_WHO = (
    "person",
    "una person",
    "una staff",
    "somebody",
    "real person",
    "human being",
    "customer care",
    "una customer care",
    "manager",
    "una manager",
    "oga",
)
_PCM_WHO_SCAMMED = (
    "my cousin",
    "my friend",
    "my padi",
    "my mama",
    "my mummy",
    "my papa",
    "my daddy",
    "my neighbour",
    "my brother",
    "my sister",
    "my aunty",
    "my uncle",
    "my grandma",
)
NIGERIAN_PIDGIN = Language(
    "pcm",
    "Nigerian Pidgin",
    ("Latin",),
    {
        HUMAN: (
            *_c(
                (
                    "make i talk with",
                    "make i talk to",
                    "make i yarn with",
                    "make i yarn to",
                    "wan talk to",
                    "wan talk with",
                    "wan yarn with",
                    "go like talk to",
                    "connect me to",
                    "connect me with",
                    "abeg connect me to",
                    "abeg give me",
                ),
                _PCM_WHO,
            ),
            "make una call me",
            "make person call me",
            "make somebody call me",
            "una fit call me",
            "abeg call me",
            "person wey fit help me",
        ),
        FRAUD: (
            "dem don hack my account",
            "dem hack my account",
            "dem thief my card",
            "dem don thief my card",
            "dem don steal my card",
            "my card don loss",
            "my card don lost",
        ),
        FRAUD_REPORT: (
            "no be me send am",
            "no be me do am",
            "no be me pay am",
            "i no send am",
            "i no do am",
            "i no do dis transaction",
            "i no do this transaction",
            "i no make dis payment",
            "i no make this payment",
            "wey i no send",
            "wey i no do",
            "wey i no authorise",
            "somebody use my card",
            "person don use my card",
            "person use my card",
            "dem don comot money",
            "dem comot money for my account",
        ),
        SCAM: (
            "dem scam me",
            "dem don scam me",
            "i don fall for scam",
            "i fall for scam",
            "i don fall mugu",
            "dem don do me 419",
            "i click the link wey dem send",
            "i give dem the code",
            "i give dem my otp",
            "i give dem my pin",
        ),
        SCAM_MENTION: ("na scam", "dis na scam", "na 419"),
        VULNERABLE: (
            "my papa don die",
            "my mama don die",
            "my husband don die",
            "my wife don die",
            "i dey hospital",
            "i no get money to chop",
            "i no fit pay my rent",
            "dem don sack me",
            "i don lose my work",
            "i don lose my job",
        ),
        CHURN: (
            "i go close my account",
            "i go close this account",
            "i go comot my money",
            "i dey move go another bank",
            "i go move go another bank",
        ),
        COMPLAINT: ("i wan make complain", "i wan complain", "i go report una"),
        LEGAL: ("i go carry una go court", "i go take una to court", "i go sue una"),
        REPEATED: (
            "i don talk am tire",
            "i don ask am tire",
            "i don ask three times",
            "this na third time",
            "dis na third time",
            "na the third time",
            "na third time",
            "i don try everything",
            "i don try all",
            "every day na the same thing",
        ),
        NOT_UNDERSTOOD: (
            "una no dey understand",
            "you no dey understand",
            "bot no dey understand",
            "you no understand wetin",
            "dis bot no sabi",
            "this bot no sabi",
        ),
        PRAISE: ("una too much", "una try well well"),
        SARCASM: ("thank you for nothing o", "una well done o"),
        STILL_NOT: (
            "e still no work",
            "e still never work",
            "e never still work",
            "money never enter",
            "money still never enter",
            "e never enter still",
        ),
        HOWTO: (
            "how i go take report scam",
            "how i fit report scam",
            "how i fit protect myself from scam",
            "how person fit know scam",
        ),
        THIRD_PARTY: (
            *_c(_PCM_WHO_SCAMMED, ("don fall for scam", "fall for scam", "don fall mugu")),
            *_c(("dem scam", "dem don scam", "dem do 419 for"), _PCM_WHO_SCAMMED),
        ),
    },
    negated_before=frozenset(
        {
            "no",
            "i no",
            "no need",
            "no need to",
            "i no need",
            "una be",
            "you be",
            "robot or",
            "bot or",
        }
    ),
    markers=frozenset(
        {"abeg", "dey", "wetin", "una", "wahala", "sef", "oya", "comot", "don", "dem", "dis"}
    ),
)

# ---------------------------------------------------------------- Twi (Akan)
# Asante and Akuapem Twi, with the letters ɛ and ɔ or typed as e and o.
_TW_WHO = ("onipa bi", "onipa", "obi", "nnipa bi", "adwumayɛfo bi", "adwumayefo bi", "ɔpanyin bi")
_TW_WHO_SCAMMED = (
    "me nua",
    "me adamfo",
    "me yɔnko",
    "me yonko",
    "me maame",
    "me papa",
    "me nana",
    "me fipamfo",
    "me kasenampa",
)
TWI = Language(
    "ak",
    "Twi (Akan)",
    ("Latin, with ɛ and ɔ or without",),
    {
        HUMAN: (
            *_c(
                ("me ne", "mene", "mepɛ sɛ me ne", "mepe se me ne"),
                tuple(f"{w} kasa" for w in _TW_WHO),
            ),
            "ma obi mfrɛ me",
            "ma obi mfre me",
            "obi mfrɛ me",
            "obi mfre me",
            "mesrɛ wo frɛ me",
            "mesre wo fre me",
            "onipa ankasa",
        ),
        FRAUD: ("wɔawia me card", "woawia me card", "wɔawia me sika", "woawia me sika"),
        FRAUD_REPORT: (
            "ɛnyɛ me na metuaa",
            "enye me na metuaa",
            "menntuaa saa sika",
            "mentuaa saa sika",
            "obi de me card",
            "obi afa me sika",
        ),
        SCAM: (
            "wɔadaadaa me",
            "woadaadaa me",
            "wɔasisi me",
            "woasisi me",
            "wɔsisii me",
            "wosisii me",
            "mede code no maa wɔn",
            "mede code no maa won",
        ),
        SCAM_MENTION: ("nnaadaa asɛm", "sisi asɛm"),
        VULNERABLE: (
            "me maame awu",
            "me papa awu",
            "me kunu awu",
            "me yere awu",
            "mewɔ ayaresabea",
            "mewo ayaresabea",
            "me nni sika biara",
            "wɔayi me afi adwuma",
        ),
        CHURN: ("mɛto me account mu", "meto me account mu", "mɛkɔ bank foforo", "meko bank foforo"),
        COMPLAINT: ("mepɛ sɛ mebɔ amaneɛ", "mepe se mebo amanee", "mɛbɔ amaneɛ"),
        LEGAL: ("mɛfa mo akɔ kɔɔto", "mefa mo ako kooto", "mɛkɔ asɛnnibea", "meko asennibea"),
        REPEATED: ("mprɛ abiɛsa", "mpre abiesa", "mprɛ pii", "mpre pii", "ne mprɛ abiɛsa so"),
        NOT_UNDERSTOOD: ("nte me ase", "wonte me ase", "wo nte me ase", "bot no nte me ase"),
        PRAISE: ("mo ayɛ adeɛ", "mo aye adee"),
        SARCASM: ("meda mo ase kwa", "meda wo ase kwa"),
        STILL_NOT: ("ɛnyɛ adwuma ara", "enye adwuma ara", "sika no mmaeɛ ara", "sika no mmaee ara"),
        HOWTO: ("sɛnea mɛbɔ nnaadaa ho amaneɛ", "sene mebo nnaadaa ho amanee"),
        THIRD_PARTY: _c(
            _TW_WHO_SCAMMED,
            (
                "wɔadaadaa no",
                "woadaadaa no",
                "wɔdaadaa no",
                "wodaadaa no",
                "wɔasisi no",
                "woasisi no",
            ),
        ),
    },
    markers=frozenset({"mepɛ", "mepe", "mesrɛ", "mesre", "wo", "ɛnyɛ", "enye", "sɛ", "meda"}),
    letters="ɛɔƐƆ",
)

# ---------------------------------------------------------------- Cantonese, romanised
# Cantonese as typed in Latin letters in chat (Jyutping- or Yale-like, no tone numbers,
# spellings vary: "ngo"/"o", "hai"/"hay", "m"/"mh"); its characters are in CHINESE.
_YUE_WHO_SCAMMED = (
    "ngo pang jau",
    "ngo pangyau",
    "ngo a ma",
    "ngo ma mi",
    "ngo mami",
    "ngo a ba",
    "ngo ba ba",
    "ngo daddy",
    "ngo gaan bik",
    "ngo tung si",
    "ngo biu go",
    "ngo biu ze",
    "ngo a po",
    "ngo a maa",
)
CANTONESE_LATIN = Language(
    "yue",
    "Cantonese, romanised",
    ("Latin",),
    {
        HUMAN: (
            *_c(("tung", "tong"), ("jan king gai", "jan kong gai", "jan gong gai")),
            *_c(
                ("seung tung", "seung tong", "jiu tung", "jiu tong"),
                ("jan king", "jan kong", "jan gong"),
            ),
            *_c(("wan", "seung wan", "jiu wan"), ("jan gung", "go jan", "zan jan", "jik jyun")),
            "zyun jan gung",
            "jyun jan gung",
            "jan gung fuk mou",
            "zan jan fuk mou",
            "da din wa bei ngo",
            "dai din wa bei ngo",
            "fan din bei ngo",
            "call fan ngo",
        ),
        FRAUD: ("kaat bei jan tau zo", "zoeng kaat bei jan tau", "ngo zoeng kaat bei jan dou zo"),
        FRAUD_REPORT: (
            "m hai ngo bei ge",
            "mh hai ngo bei ge",
            "m hai ngo sai ge",
            "mh hai ngo sai ge",
            "ngo mou bei ni bat",
            "jau jan yung zo ngo",
            "jau jan luen yung ngo",
        ),
        SCAM: (
            "bei jan ngak zo",
            "bei jan pin zo",
            "ngo bei jan ngak",
            "ngo bei jan pin",
            "dim zo go link",
            "bei zo go code",
            "bei zo verification code",
            "zyun zo chin bei keoi",
        ),
        SCAM_MENTION: ("zaa pin", "pin guk", "ngak chin ge"),
        VULNERABLE: (
            "gwo zo san",
            "ngo a ma sei zo",
            "ngo a ba sei zo",
            "jap zo jyun",
            "mou zo fan gung",
            "sat zo jip",
            "mou chin gaau zou",
            "mou chin gaau ce",
        ),
        CHURN: (
            "ngo jiu cheui wu",
            "ngo jiu ceoi wu",
            "ngo jiu zyun ngan hong",
            "zyun gaan ngan hong",
        ),
        COMPLAINT: ("ngo jiu tau sou", "ngo seung tau sou", "tau sou nei dei"),
        LEGAL: ("gou nei dei", "wan lou si", "ceot faat ting", "heoi faat ting"),
        REPEATED: (
            "dai saam chi",
            "dai saam ci",
            "man zo saam chi",
            "man zo saam ci",
            "man zo hou do chi",
            "gong zo hou do chi",
            "gong zo hou do ci",
            "si saai mat je",
        ),
        NOT_UNDERSTOOD: ("nei m ming", "nei mh ming", "nei m ming ngo", "m ming ngo gong mat"),
        PRAISE: ("hou lek wo", "nei dei hou lek"),
        SARCASM: ("do je saai nei mat dou mou", "zan hai lek saai"),
        STILL_NOT: ("zung hai m dak", "zung hai mh dak", "zung hai mou dou", "zung m dou"),
        HOWTO: ("dim fong zi bei jan pin", "dim jeung zyu ngak", "dim bou gou zaa pin"),
        THIRD_PARTY: _c(
            _YUE_WHO_SCAMMED, ("bei jan ngak", "bei jan pin", "bei jan ngak zo", "bei jan pin zo")
        ),
    },
    negated_before=frozenset({"m sai", "mh sai", "m seung", "mh seung", "m jiu", "mh jiu"}),
    markers=frozenset({"ngo", "nei", "m goi", "mh goi", "hai", "ge", "gam", "dou", "zo"}),
)


# In the order of the ONS Census 2021 main-language table, then the others.
LANGUAGES: tuple[Language, ...] = (
    POLISH,
    ROMANIAN,
    PANJABI,
    URDU,
    PORTUGUESE,
    SPANISH,
    ARABIC,
    BENGALI,
    GUJARATI,
    ITALIAN,
    WELSH,
    HINDI,
    FRENCH,
    CHINESE,
    TURKISH,
    LITHUANIAN,
    TAMIL,
    SOMALI,
    RUSSIAN,
    UKRAINIAN,
    BULGARIAN,
    # round 14, batch A: the census's next main languages
    GERMAN,
    PERSIAN,
    PASHTO,
    SORANI,
    KURMANJI,
    ALBANIAN,
    TIGRINYA,
    AMHARIC,
    GREEK,
    HUNGARIAN,
    # round 14 batch B: the next census languages (see the block above)
    LATVIAN,
    SLOVAK,
    CZECH,
    MALAYALAM,
    NEPALI,
    TAGALOG,
    VIETNAMESE,
    YORUBA,
    SINHALA,
    DUTCH,
    NIGERIAN_PIDGIN,
    TWI,
    CANTONESE_LATIN,
)

# round 11: the bare word for a scam, a fraud or a scammer ("estafa", "arnaque", "دھوکہ",
# "诈骗") says the talk is about scams, not that one happened: "my father gets scam calls,
# you never ask for a PIN, right?". As English "scam" (routing_lexicon's scam_mention), it
# is scam_mention: the fraud lane needs the NLU to agree or a step told (a scam_step), else
# an adviser checks (rule fraud_words_unbacked). A victim's own words ("I was scammed":
# "estafado", "被骗") and the stories stay scam.
_BARE_SCAM_WORDS: dict[str, tuple[str, ...]] = {
    "pl": ("wyłudzenie",),
    "ro": ("țeapă", "escrocherie", "înșelătorie"),
    "pa": ("ਠੱਗੀ", "ਠੱਗ", "ٹھگی", "thaggi", "thag"),
    "ur": ("دھوکہ", "thagi"),
    "pt": ("golpe", "golpista", "burla"),
    "es": ("estafa",),
    "ar": ("نصب", "نصاب", "nasb", "nassab"),
    "bn": ("প্রতারক", "ঠকানো"),
    "cy": ("sgam",),
    "hi": ("ठगी", "thagi"),
    "fr": ("arnaque", "escroquerie", "escroc"),
    "zh": ("诈骗", "詐騙", "骗子", "騙子"),
    "tr": ("dolandırıcı",),
    "lt": ("sukčiai", "sukčius"),
    # round 14, batch A
    "de": ("betrüger", "abzocke"),
    "fa": ("کلاهبرداری", "کلاهبردار", "kolahbardari"),
    "kmr": ("sextekar",),
    "sq": ("mashtrues", "mashtrim"),
    "am": ("አጭበርባሪ",),
    "el": ("απάτη", "απατεώνες", "απατεώνας"),
    "hu": ("csalók", "csaló"),
    # round 14 batch B
    "lv": ("krāpnieki",),
    "sk": ("podvodníci",),
    "cs": ("podvodníci",),
    "ml": ("തട്ടിപ്പ്", "thattippu"),
    "ne": ("ठगी",),
    "tl": ("manloloko",),
    "vi": ("lừa đảo",),
    "yo": ("jìbìtì",),
    "si": ("වංචාව", "wanchawa"),
    "nl": ("oplichting", "oplichters"),
}


def _bare_scam_words_are_mentions() -> None:
    for language in LANGUAGES:
        bare = _BARE_SCAM_WORDS.get(language.code, ())
        if not bare:
            continue
        stories = language.cues[SCAM]
        missing = [w for w in bare if w not in stories]
        if missing:
            raise ValueError(f"{language.code}: not a scam phrase: {missing}")
        language.cues[SCAM] = tuple(w for w in stories if w not in bare)
        language.cues[SCAM_MENTION] = (*language.cues.get(SCAM_MENTION, ()), *bare)


_bare_scam_words_are_mentions()

# ================================================================ round 15: stems and kinds
# The eleventh held-out set's diagnosis (round 15, principle 2): requests for a person in
# another case ending than the one listed (Tamil "ஆளிடம்" for "ஆளுடன்", Malayalam
# "ജീവനക്കാരനുമായി" for "ജീവനക്കാരനോട്"), "can someone call?" in romanised Panjabi, repeated
# asking told as effort or time ("tried everything", "third day without access", "asked three
# times"), and someone else's scam ("my cousin was scammed, he's with another bank") in
# tables without the third-party kind, which sent it to the fraud team.
#
# Stems. A phrase word ending with "~" is a head that matches any ending ("człowiek~":
# "człowiekiem", "człowieka"; handoff.signals.text, _known): one entry per noun instead of a
# list of its case forms. A stem is used only inside a phrase of two words or more (a lone
# stem would count as a short one-word phrase, guarded by shows_language), and a head is long
# enough that its endings are the inflections of one word: "konsultant~" is not "konsultacja".
#
# third_party: "<a relative, friend, neighbour or colleague> was scammed", in the passive or
# with the scammer as subject ("they scammed my cousin"): the relative is the victim, so the
# customer's own report that mentions a relative acting for them ("my son made the transfer
# for me and I was scammed") does not match. As in the Chinese table, a partner or a child is
# not listed: their loss is often the customer's own account.
#
# Review status: as the tables above, written by a NON-NATIVE author, not yet checked by a
# native speaker (tests/test_routing_languages_round15.py).

_PL_WHO15 = ("konsultant~", "człowiek~", "pracownik~", "doradc~", "kierownik~", "specjalist~")
_PL_SCAMMED_WHO = (
    "kuzyn~",
    "kuzynk~",
    "przyjaciel~",
    "przyjaciół~",
    "przyjaciółk~",
    "koleżank~",
    "sąsiad~",
    "babci~",
    "babcię",
    "dziadk~",
    "znajom~",
    "mamę",
    "mama",
    "tatę",
    "tata",
    "ciocię",
    "ciocia",
    "wujk~",
)
_RO_SCAMMED_WHO = (
    "vărul meu",
    "verișoara mea",
    "prietenul meu",
    "prietena mea",
    "un prieten",
    "o prietenă",
    "vecinul meu",
    "vecina mea",
    "mama mea",
    "tatăl meu",
    "bunica mea",
    "bunicul meu",
    "fratele meu",
    "sora mea",
    "colegul meu",
    "colega mea",
    "mătușa mea",
    "unchiul meu",
)
_HI_SCAMMED_WHO_LATIN = (
    "mere cousin",
    "meri cousin",
    "mere dost",
    "meri dost",
    "meri ammi",
    "meri ammy",
    "meri maa",
    "meri mummy",
    "mere abbu",
    "mere papa",
    "meri nani",
    "meri dadi",
    "mere nana",
    "mere dada",
    "mere padosi",
    "mere chacha",
    "mere mamu",
    "meri khala",
    "meri phuppo",
)
_HI_SCAMMED_LATIN = (
    "ke sath fraud",
    "ke saath fraud",
    "ke sath scam",
    "ke saath scam",
    "ke sath dhoka",
    "ke saath dhoka",
    "ke sath dhokha",
    "ke saath dhokha",
    "ko thag liya",
    "ko thaga",
    "ko loot liya",
    "scam ho gaya",
    "se fraud ho gaya",
)
_HI_REPEATED_LATIN = (
    "teesri dafa",
    "tisri dafa",
    "teesri martaba",
    "sab try kar liya",
    "sab kuch try kar liya",
    "sab kuch try kiya",
    "sab try kiya",
    # round 19: attempts counted by time, every count with every unit ("for three hours")
    *_c(
        ("do", "teen", "tin", "char", "chaar", "paanch", "panch", "kai", "2", "3", "4", "5"),
        ("din se", "dino se", "dinon se", "ghante se", "ghanton se", "ghante say", "hafte se"),
    ),
    "subah se try",
    "subah se koshish",
)
_HI_CALL_ME_LATIN = (
    "koi call kar sakta",
    "koi call kar sakti",
    "koi call kar sakte",
    "koi mujhe call",
    "koi banda call",
    "koi bnda call",
    "koi call karo",
    "koi call kare",
    "koi phone kar sakta",
)
_RU_SCAMMED_WHO = (
    "моего друга",
    "мою подругу",
    "мою маму",
    "моего папу",
    "мою бабушку",
    "моего дедушку",
    "моего соседа",
    "мою соседку",
    "моего брата",
    "мою сестру",
    "моего двоюродного брата",
    "мою двоюродную сестру",
    "моего знакомого",
    "мою знакомую",
    "моего коллегу",
)
_RU_VICTIM_WHO = (
    "мой друг",
    "моя подруга",
    "моя мама",
    "мой папа",
    "моя бабушка",
    "мой дедушка",
    "мой сосед",
    "моя соседка",
    "мой брат",
    "моя сестра",
    "мой двоюродный брат",
    "моя двоюродная сестра",
    "мой знакомый",
)
_UK_SCAMMED_WHO = (
    "мого друга",
    "мою подругу",
    "мою маму",
    "мого тата",
    "мою бабусю",
    "мого дідуся",
    "мого сусіда",
    "мою сусідку",
    "мого брата",
    "мою сестру",
    "мого двоюрідного брата",
    "мою двоюрідну сестру",
    "мого знайомого",
)

_ROUND15: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        HUMAN: (
            *_c(
                (
                    "porozmawiać z",
                    "rozmawiać z",
                    "pogadać z",
                    "połączyć z",
                    "połączyć mnie z",
                    "połączcie mnie z",
                    "połącz mnie z",
                    "skontaktować się z",
                ),
                _PL_WHO15,
            ),
            "może ktoś zadzwonić",
            "czy ktoś może do mnie zadzwonić",
        ),
        REPEATED: (
            "próbował~ wszystkiego",
            "spróbował~ wszystkiego",
            "próbował~ już wszystkiego",
            "trzeci dzień",
            "czwarty dzień",
            "kolejny dzień bez",
            "od trzech dni",
            "dni bez dostęp~",
            "dzień bez dostęp~",
            "trzeci raz",
            "już pytał~",
            "pytał~ już",
            "już pisał~",
            "pisał~ już",
        ),
        THIRD_PARTY: (
            *_c(
                _PL_SCAMMED_WHO,
                (
                    "oszukali",
                    "oszukano",
                    "został oszukany",
                    "została oszukana",
                    "padł ofiarą",
                    "padła ofiarą",
                    "naciągnęli",
                ),
            ),
            *_c(
                ("oszukali", "oszukano", "naciągnęli"),
                (
                    "moj~ kuzyn~",
                    "moj~ przyjaci~",
                    "moj~ sąsiad~",
                    "moj~ babci~",
                    "moj~ mamę",
                    "mojego tatę",
                    "moj~ znajom~",
                ),
            ),
        ),
    },
    "ro": {
        REPEATED: (
            "am încercat tot",
            "am încercat totul",
            "am încercat de toate",
            "am încercat orice",
            "a treia zi",
            "a treia oară",
            "de trei ori",
            "de trei zile",
            "de câteva zile",
            "zile fără acces",
            "zi fără acces",
            "am mai întrebat",
            "v-am mai scris",
            "v-am mai spus",
        ),
        THIRD_PARTY: (
            *_c(
                _RO_SCAMMED_WHO,
                (
                    "a fost înșelat",
                    "a fost înșelată",
                    "a fost țepuit",
                    "a fost țepuită",
                    "a fost păcălit",
                    "a fost păcălită",
                    "a fost escrocat",
                    "a fost escrocată",
                    "a luat țeapă",
                    "a căzut în plasa",
                ),
            ),
            *_c(
                ("l-au înșelat pe", "au înșelat-o pe", "l-au țepuit pe", "au țepuit-o pe"),
                (
                    "vărul meu",
                    "verișoara mea",
                    "prietenul meu",
                    "prietena mea",
                    "vecinul meu",
                    "vecina mea",
                    "mama",
                    "tata",
                    "bunica",
                    "bunicul",
                ),
            ),
        ),
    },
    "pa": {
        HUMAN: (
            *_HI_CALL_ME_LATIN,
            "koi call kar sakda",
            "koi call kar sakdi",
            "koi call kar sakde",
            "koi banda call kar",
            "koi mainu call",
            "koi menu call",
            "koi phone kar sakda",
            "ਕੋਈ ਕਾਲ ਕਰ ਸਕਦਾ",
            "ਕੋਈ ਮੈਨੂੰ ਕਾਲ",
            "ਕੋਈ ਫ਼ੋਨ ਕਰ ਸਕਦਾ",
        ),
        REPEATED: (
            "teeji vaar",
            "tiji vaar",
            "teeji baar",
            "tin vaar",
            "sab kuch try kar lia",
            "sab try kar lia",
            "ਤੀਜੀ ਵਾਰ",
            "ਸਭ ਕੁਝ ਕਰ ਲਿਆ",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "mere dost",
                    "meri dost",
                    "meri mummy",
                    "mere papa",
                    "mere cousin",
                    "mere gwandi",
                    "meri dadi",
                    "meri nani",
                    "mere chache",
                ),
                (
                    "naal fraud",
                    "nal fraud",
                    "naal thaggi",
                    "nal thaggi",
                    "nu thag lia",
                    "naal dhokha",
                    "nal dhokha",
                ),
            ),
            *_c(
                ("ਮੇਰੇ ਦੋਸਤ", "ਮੇਰੀ ਮੰਮੀ", "ਮੇਰੇ ਪਾਪਾ", "ਮੇਰੇ ਗੁਆਂਢੀ", "ਮੇਰੀ ਦਾਦੀ"),
                ("ਨਾਲ ਠੱਗੀ", "ਨਾਲ ਧੋਖਾ", "ਨਾਲ ਫਰਾਡ"),
            ),
        ),
    },
    "ur": {
        HUMAN: (*_HI_CALL_ME_LATIN, "کوئی کال کر سکتا", "کوئی مجھے کال"),
        REPEATED: (
            *_HI_REPEATED_LATIN,
            "تیسری دفعہ",
            "سب کچھ کر لیا",
        ),
        THIRD_PARTY: (
            *_c(_HI_SCAMMED_WHO_LATIN, _HI_SCAMMED_LATIN),
            *_c(
                (
                    "میرے دوست",
                    "میری دوست",
                    "میری امی",
                    "میرے ابو",
                    "میری نانی",
                    "میری دادی",
                    "میرے پڑوسی",
                    "میرے کزن",
                    "میری خالہ",
                ),
                ("کے ساتھ دھوکہ", "کے ساتھ فراڈ", "کو ٹھگ لیا", "کے ساتھ اسکیم"),
            ),
        ),
    },
    "hi": {
        HUMAN: (*_HI_CALL_ME_LATIN, "कोई कॉल कर सकता", "कोई मुझे कॉल", "कोई फोन कर सकता"),
        REPEATED: (
            *_HI_REPEATED_LATIN,
            "तीसरी दफा",
            "सब कुछ कर लिया",
        ),
        THIRD_PARTY: (
            *_c(_HI_SCAMMED_WHO_LATIN, _HI_SCAMMED_LATIN),
            *_c(
                (
                    "मेरे दोस्त",
                    "मेरी दोस्त",
                    "मेरी माँ",
                    "मेरी मम्मी",
                    "मेरे पापा",
                    "मेरी दादी",
                    "मेरी नानी",
                    "मेरे पड़ोसी",
                    "मेरे कज़िन",
                    "मेरे कजिन",
                ),
                ("के साथ धोखा", "के साथ फ्रॉड", "के साथ ठगी", "को ठग लिया"),
            ),
        ),
    },
    "pt": {
        REPEATED: (
            "já tentei de tudo",
            "tentei de tudo",
            "já tentei tudo",
            "terceira vez",
            "três dias sem acesso",
            "dias sem acesso",
            "há três dias",
            "já perguntei",
            "já pedi três vezes",
        ),
        THIRD_PARTY: _c(
            (
                "meu primo",
                "minha prima",
                "meu amigo",
                "minha amiga",
                "um amigo",
                "uma amiga",
                "minha mãe",
                "meu pai",
                "minha avó",
                "meu avô",
                "meu vizinho",
                "minha vizinha",
                "minha tia",
                "meu tio",
                "minha sogra",
                "meu colega",
            ),
            (
                "foi enganado",
                "foi enganada",
                "caiu num golpe",
                "caiu em um golpe",
                "caiu no golpe",
                "levou um golpe",
                "sofreu um golpe",
                "foi vítima de golpe",
                "foi vítima de um golpe",
            ),
        ),
    },
    "es": {
        REPEATED: (
            "lo he intentado todo",
            "he probado de todo",
            "he probado todo",
            "ya probé todo",
            "ya intenté todo",
            "tres días sin acceso",
            "días sin acceso",
            "ya lo pregunté",
            "ya pregunté",
            "ya te lo dije",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "mi primo",
                    "mi prima",
                    "mi amigo",
                    "mi amiga",
                    "un amigo",
                    "una amiga",
                    "mi madre",
                    "mi mamá",
                    "mi padre",
                    "mi papá",
                    "mi abuela",
                    "mi abuelo",
                    "mi vecino",
                    "mi vecina",
                    "mi tía",
                    "mi tío",
                    "mi compañero",
                    "mi compañera",
                ),
                (
                    "fue estafado",
                    "fue estafada",
                    "ha sido estafado",
                    "ha sido estafada",
                    "sufrió una estafa",
                    "ha sufrido una estafa",
                    "cayó en una estafa",
                    "fue víctima de una estafa",
                ),
            ),
            *_c(
                ("estafaron a", "timaron a", "engañaron a"),
                (
                    "mi primo",
                    "mi prima",
                    "mi amigo",
                    "mi amiga",
                    "mi madre",
                    "mi padre",
                    "mi abuela",
                    "mi abuelo",
                    "mi vecino",
                    "mi vecina",
                ),
            ),
        ),
    },
    "ar": {
        REPEATED: (
            "للمرة الرابعة",
            "سألت ثلاث مرات",
            "جربت كل شيء",
            "جربت كل شي",
            "حاولت كل شيء",
            "أيام بدون",
            "من ثلاث أيام",
            "من ثلاثة أيام",
        ),
        THIRD_PARTY: _c(
            (
                "صديقي",
                "صديقتي",
                "أمي",
                "والدتي",
                "أبي",
                "والدي",
                "جدتي",
                "جدي",
                "جاري",
                "جارتي",
                "ابن عمي",
                "بنت عمي",
                "ابن خالي",
                "خالتي",
                "عمي",
            ),
            (
                "تعرض للنصب",
                "تعرضت للنصب",
                "تعرض للاحتيال",
                "تعرضت للاحتيال",
                "وقع ضحية",
                "وقعت ضحية",
                "انضحك عليه",
                "انضحك عليها",
                "اتنصب عليه",
                "اتنصب عليها",
            ),
        ),
    },
    "bn": {
        REPEATED: (
            "তিন বার জিজ্ঞেস",
            "সব চেষ্টা করেছি",
            "sob try korechi",
        ),
        THIRD_PARTY: (
            *_c(
                ("আমার বন্ধু", "আমার মা", "আমার বাবা", "আমার দাদি", "আমার নানি", "আমার প্রতিবেশী", "আমার কাজিন"),
                ("প্রতারিত হয়েছে", "প্রতারণার শিকার", "ঠকেছে"),
            ),
            *_c(
                ("amar bondhu", "amar ma", "amar baba", "amar cousin", "amar nani"),
                ("protarito hoyeche", "thoke geche", "scam er shikar", "er sathe fraud"),
            ),
        ),
    },
    "gu": {
        REPEATED: (
            "બધું ટ્રાય કર્યું",
            "badhu try karyu",
        ),
        THIRD_PARTY: (
            *_c(
                ("મારા મિત્ર", "મારી મિત્ર", "મારી મમ્મી", "મારા પપ્પા", "મારા પડોશી", "મારા કઝીન"),
                ("સાથે છેતરપિંડી", "છેતરાયા", "છેતરાઈ"),
            ),
            *_c(
                (
                    "mara mitra",
                    "mara dost",
                    "mari mummy",
                    "mara pappa",
                    "mara padoshi",
                    "mara cousin",
                ),
                ("sathe chetarpindi", "sathe fraud", "chetaaya", "chetrai gaya"),
            ),
        ),
    },
    "it": {
        REPEATED: (
            "ho provato di tutto",
            "ho già provato tutto",
            "tre giorni senza accesso",
            "giorni senza accesso",
            "l'ho già chiesto",
            "ve l'ho già detto",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "mio cugino",
                    "mia cugina",
                    "il mio amico",
                    "la mia amica",
                    "un mio amico",
                    "una mia amica",
                    "mio amico",
                    "mia amica",
                    "mia madre",
                    "mio padre",
                    "mia nonna",
                    "mio nonno",
                    "il mio vicino",
                    "la mia vicina",
                    "mia zia",
                    "mio zio",
                    "un mio collega",
                ),
                (
                    "è stato truffato",
                    "è stata truffata",
                    "ha subito una truffa",
                    "è caduto in una truffa",
                    "è caduta in una truffa",
                    "è stato raggirato",
                    "è stata raggirata",
                ),
            ),
            *_c(
                ("hanno truffato", "hanno raggirato"),
                (
                    "mio cugino",
                    "mia cugina",
                    "mia madre",
                    "mio padre",
                    "mia nonna",
                    "mio nonno",
                    "un mio amico",
                    "una mia amica",
                ),
            ),
        ),
    },
    "cy": {
        THIRD_PARTY: _c(
            (
                "fy nghefnder",
                "fy nghyfnither",
                "fy ffrind",
                "fy mam",
                "fy nhad",
                "fy nain",
                "fy nhaid",
                "fy mam-gu",
                "fy nhad-cu",
                "fy nghymydog",
            ),
            ("wedi cael ei dwyllo", "wedi cael ei thwyllo", "wedi cael ei sgamio"),
        ),
    },
    "fr": {
        REPEATED: (
            "j'ai tout essayé",
            "trois jours sans accès",
            "jours sans accès",
            "je l'ai déjà demandé",
            "je vous l'ai déjà dit",
        ),
        THIRD_PARTY: _c(
            (
                "mon cousin",
                "ma cousine",
                "mon ami",
                "mon amie",
                "un ami",
                "une amie",
                "ma mère",
                "mon père",
                "ma grand-mère",
                "mon grand-père",
                "mon voisin",
                "ma voisine",
                "ma tante",
                "mon oncle",
                "un collègue",
                "une collègue",
            ),
            (
                "s'est fait arnaquer",
                "a été arnaqué",
                "a été arnaquée",
                "s'est fait escroquer",
                "a été escroqué",
                "a été escroquée",
                "a été victime d'une arnaque",
                "a été victime d'une escroquerie",
            ),
        ),
    },
    "tr": {
        REPEATED: (
            "üçüncü kez",
            "üçüncü defa",
            "her şeyi denedim",
            "üç gündür",
            "kaç kere söyledim",
            "üç kere sordum",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "kuzen~",
                    "arkadaş~",
                    "komşu~",
                    "annem",
                    "babam",
                    "anneannem",
                    "babaannem",
                    "teyzem",
                    "dayım",
                    "amcam",
                    "halam",
                    "dedem",
                ),
                (
                    "dolandırıldı",
                    "dolandırılmış",
                    "dolandırıcılara kandı",
                    "kandırıldı",
                    "kandırılmış",
                ),
            ),
            *_c(
                ("kuzenimi", "arkadaşımı", "komşumu", "annemi", "babamı", "anneannemi", "dedemi"),
                ("dolandırdılar", "dolandırmışlar"),
            ),
        ),
    },
    "lt": {
        # a question about scams as a topic ("how do I recognise such scammers?")
        HOWTO: ("kaip atpažinti", "kaip apsisaugoti nuo", "kaip atpažinti sukčius"),
        HUMAN: _c(
            (
                "kalbėti su",
                "pasikalbėti su",
                "susisiekti su",
                "sujunkite su",
                "sujungti su",
                "sujunkite mane su",
            ),
            ("konsultant~", "žmog~", "darbuotoj~", "operator~", "vadybinink~"),
        ),
        REPEATED: (
            "trečią kartą",
            "jau trečią dieną",
            "trečia diena",
            "dienas be prieigos",
            "bandžiau viską",
            "išbandžiau viską",
            "jau klausiau",
            "tris kartus",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "draug~",
                    "pusbrol~",
                    "pusseser~",
                    "kaimyn~",
                    "mamą",
                    "mama",
                    "tėtį",
                    "tėtis",
                    "močiutę",
                    "močiutė",
                    "senelį",
                    "senelis",
                    "kolegą",
                    "pažįstam~",
                ),
                (
                    "apgavo",
                    "buvo apgautas",
                    "buvo apgauta",
                    "apgavo sukčiai",
                    "nukentėjo nuo sukčių",
                ),
            ),
            *_c(
                ("apgavo mano", "sukčiai apgavo mano"),
                ("draug~", "pusbrol~", "pusseser~", "kaimyn~", "mamą", "tėtį", "močiutę", "senelį"),
            ),
        ),
    },
    "ta": {
        HUMAN: (
            *_c(
                (
                    "ஆளிட~",
                    "ஆளுட~",
                    "நபரிட~",
                    "நபருட~",
                    "ஊழியரிட~",
                    "ஊழியருட~",
                    "மனிதரிட~",
                    "மனிதருட~",
                    "அதிகாரியிட~",
                    "மேனேஜரிட~",
                ),
                ("பேச~",),
            ),
            *_c(("aalida~", "aaludan", "nabaridam", "staffidam", "oozhiyaridam"), ("pesa~",)),
        ),
        THIRD_PARTY: _c(
            (
                "என் நண்பர்",
                "என் நண்பன்",
                "என் தோழி",
                "என் அம்மா",
                "என் அப்பா",
                "என் பாட்டி",
                "என் தாத்தா",
                "en friend",
                "en nanban",
                "en amma",
                "en appa",
                "en paati",
                "en cousin",
            ),
            (
                "ஏமாற்றப்பட்டார்",
                "ஏமாந்துவிட்டார்",
                "ஏமாந்துட்டாங்க",
                "emanthutanga",
                "emathittanga",
                "scam aayitanga",
            ),
        ),
    },
    "ml": {
        HUMAN: (
            *_c(("മനുഷ്യ~", "ജീവനക്കാര~", "സ്റ്റാഫി~", "മാനേജര~", "ഉദ്യോഗസ്ഥ~"), ("സംസാരിക്ക~",)),
            *_c(
                ("manushyan~", "jeevanakkara~", "staffino~", "managero~", "udyogastha~"),
                ("samsarik~",),
            ),
        ),
        THIRD_PARTY: _c(
            (
                "എന്റെ സുഹൃത്ത്",
                "എന്റെ അമ്മ",
                "എന്റെ അച്ഛൻ",
                "എന്റെ അയൽക്കാരൻ",
                "ente friend",
                "ente suhruthu",
                "ente amma",
                "ente achan",
                "ente cousin",
            ),
            ("പറ്റിക്കപ്പെട്ടു", "തട്ടിപ്പിനിരയായി", "pattikkappettu", "thattippinirayayi", "scam aayi"),
        ),
    },
    "so": {
        THIRD_PARTY: _c(
            (
                "saaxiibkay",
                "saaxiibkey",
                "hooyaday",
                "aabbahay",
                "ayeeyaday",
                "deriskayga",
                "ina-adeerkay",
                "inaadeerkay",
                "eeddaday",
                "habaryartay",
            ),
            ("waa la khiyaameeyay", "ayaa la khiyaameeyay", "waa la dhagray", "ayaa la dhagray"),
        ),
    },
    "ru": {
        HUMAN: _c(
            (
                "поговорить с",
                "связаться с",
                "соедините с",
                "соедините меня с",
                "соединить с",
                "переключите на",
                "переключите меня на",
                "позовите",
            ),
            ("оператор~", "человек~", "сотрудник~", "консультант~", "менеджер~", "специалист~"),
        ),
        REPEATED: (
            "уже три раза",
            "третий день без",
            "дня без доступа",
            "дней без доступа",
            "я все перепробовал",
            "я всё перепробовал",
            "все перепробовала",
            "всё перепробовала",
            "я уже спрашивал",
            "я уже спрашивала",
            "пишу уже",
        ),
        THIRD_PARTY: (
            *_c(
                _RU_SCAMMED_WHO, ("обманули", "развели", "обманули мошенники", "развели мошенники")
            ),
            *_c(("обманули", "развели"), _RU_SCAMMED_WHO),
            *_c(
                _RU_VICTIM_WHO,
                (
                    "стал жертвой мошенников",
                    "стала жертвой мошенников",
                    "попался на мошенников",
                    "попалась на мошенников",
                ),
            ),
        ),
    },
    "uk": {
        HUMAN: _c(
            (
                "поговорити з",
                "зв'язатися з",
                "з'єднайте з",
                "з'єднайте мене з",
                "з'єднати з",
                "переключіть на",
            ),
            ("оператор~", "людин~", "працівник~", "консультант~", "менеджер~"),
        ),
        REPEATED: (
            "вже тричі",
            "третій день без",
            "днів без доступу",
            "я все перепробував",
            "все перепробувала",
            "я вже питав",
            "я вже питала",
        ),
        THIRD_PARTY: (
            *_c(_UK_SCAMMED_WHO, ("обманули", "ошукали", "обдурили")),
            *_c(("обманули", "ошукали", "обдурили"), _UK_SCAMMED_WHO),
        ),
    },
    "bg": {
        THIRD_PARTY: _c(
            (
                "приятелят ми",
                "приятелката ми",
                "майка ми",
                "баща ми",
                "баба ми",
                "дядо ми",
                "съседът ми",
                "съседката ми",
                "братовчед ми",
                "братовчедка ми",
            ),
            ("беше измамен", "беше измамена", "е измамен", "е измамена", "стана жертва на измама"),
        ),
    },
    "zh": {
        HUMAN: ("搵個真人", "搵个真人", "搵職員", "搵职员", "同真人倾", "覆電話俾我", "搵人同我講"),
        REPEATED: (
            "问了三次",
            "問了三次",
            "問咗三次",
            "问咗三次",
            "問咗好多次",
            "讲咗好多次",
            "講咗好多次",
            "已经问了",
            "已經問了",
            "问过三次",
            "問過三次",
            "什么都试了",
            "什麼都試了",
            "乜都試過",
        ),
        THIRD_PARTY: tuple(
            f"{who}{verb}"
            for who in (
                "表哥",
                "表姐",
                "表弟",
                "表妹",
                "堂哥",
                "堂姐",
                "阿媽",
                "老竇",
                "嫲嫲",
                "婆婆",
                "朋友",
                "鄰居",
                "邻居",
                "同事",
            )
            for verb in ("俾人呃", "畀人呃", "被人骗", "被人騙", "被骗了", "被騙了", "中咗伏")
        ),
    },
    "de": {
        REPEATED: (
            "schon alles versucht",
            "alles probiert",
            "zum dritten mal",
            "dreimal gefragt",
            "schon dreimal",
        ),
        THIRD_PARTY: (
            *_c(
                (
                    "mein cousin",
                    "meine cousine",
                    "mein freund",
                    "meine freundin",
                    "ein freund",
                    "eine freundin",
                    "meine mutter",
                    "mein vater",
                    "meine oma",
                    "mein opa",
                    "mein nachbar",
                    "meine nachbarin",
                    "meine tante",
                    "mein onkel",
                    "ein kollege",
                ),
                (
                    "wurde betrogen",
                    "ist betrogen worden",
                    "wurde abgezockt",
                    "ist auf betrüger reingefallen",
                    "ist betrügern aufgesessen",
                ),
            ),
        ),
    },
    "fa": {
        THIRD_PARTY: (
            *_c(
                (
                    "دوستم",
                    "مادرم",
                    "پدرم",
                    "مادربزرگم",
                    "پدربزرگم",
                    "همسایه‌ام",
                    "همسایم",
                    "پسرعموم",
                    "دخترخاله‌ام",
                    "خاله‌ام",
                ),
                ("کلاهبرداری شد", "ازش کلاهبرداری کردن", "سرش کلاه گذاشتن", "گول خورد"),
            ),
            *_c(
                ("doostam", "madaram", "pedaram", "madarbozorgam", "hamsayam"),
                (
                    "kolahbardari shod",
                    "azash kolahbardari kardan",
                    "sarash kolah gozashtan",
                    "gol khord",
                ),
            ),
        ),
    },
    "ps": {
        THIRD_PARTY: _c(
            ("زما ملګری", "زما ملګرې", "زما مور", "زما پلار", "زما ګاونډی", "زما تره"),
            ("غولول شوی", "غولول شوې", "سره دوکه شوې", "سره درغلي شوې"),
        )
    },
    "ckb": {
        THIRD_PARTY: _c(
            ("هاوڕێکەم", "دایکم", "باوکم", "دراوسێکەم", "ئامۆزاکەم", "پورزاکەم"),
            ("فێڵی لێکرا", "فریو درا", "ساختەکاری لێکرا"),
        )
    },
    "kmr": {
        THIRD_PARTY: _c(
            (
                "hevalê min",
                "hevala min",
                "diya min",
                "bavê min",
                "cîranê min",
                "pismamê min",
                "dapîra min",
            ),
            ("hat xapandin", "hatiye xapandin"),
        )
    },
    "sq": {
        THIRD_PARTY: (
            *_c(
                (
                    "kushëriri im",
                    "kushërira ime",
                    "shoku im",
                    "shoqja ime",
                    "nëna ime",
                    "babai im",
                    "gjyshja ime",
                    "gjyshi im",
                    "fqinji im",
                    "fqinja ime",
                    "tezja ime",
                    "xhaxhai im",
                ),
                ("u mashtrua", "ra pre e mashtruesve", "ra pre e një mashtrimi"),
            ),
            *_c(
                ("e mashtruan",),
                (
                    "kushëririn tim",
                    "kushërirën time",
                    "shokun tim",
                    "shoqen time",
                    "nënën time",
                    "babain tim",
                    "gjyshen time",
                    "fqinjin tim",
                ),
            ),
            *_c(
                (
                    "kushëririn tim",
                    "kushërirën time",
                    "shokun tim",
                    "shoqen time",
                    "nënën time",
                    "babain tim",
                    "gjyshen time",
                    "fqinjin tim",
                ),
                ("e mashtruan",),
            ),
        ),
    },
    "ti": {
        THIRD_PARTY: _c(
            ("ዓርከይ", "ኣደይ", "ኣቦይ", "ጎረቤተይ", "ዓባየይ"), ("ተታሊሉ", "ተታሊላ", "ተጭበርቢሩ", "ተጭበርቢራ")
        )
    },
    "am": {
        THIRD_PARTY: _c(
            ("ጓደኛዬ", "እናቴ", "አባቴ", "ጎረቤቴ", "አያቴ", "የአጎቴ ልጅ"), ("ተታለለ", "ተታለለች", "ተጭበረበረ", "ተጭበረበረች")
        )
    },
    "el": {
        THIRD_PARTY: _c(
            (
                "ο ξάδερφός μου",
                "η ξαδέρφη μου",
                "ο φίλος μου",
                "η φίλη μου",
                "η μητέρα μου",
                "η μαμά μου",
                "ο πατέρας μου",
                "η γιαγιά μου",
                "ο παππούς μου",
                "ο γείτονάς μου",
                "η γειτόνισσά μου",
                "o filos mou",
                "i fili mou",
                "i mama mou",
            ),
            (
                "έπεσε θύμα απάτης",
                "εξαπατήθηκε",
                "τον εξαπάτησαν",
                "την εξαπάτησαν",
                "epese thima apatis",
            ),
        ),
    },
    "hu": {
        REPEATED: ("mindent kipróbáltam", "három napja", "háromszor kérdeztem"),
        THIRD_PARTY: _c(
            (
                "unokatestvér~",
                "barátom~",
                "barátnőm~",
                "szomszédom~",
                "nagymamám~",
                "anyukám~",
                "anyám~",
                "apám~",
                "kollégám~",
                "ismerősöm~",
            ),
            ("átverték", "becsapták", "átverés áldozata", "csalók áldozata"),
        ),
    },
    "lv": {
        HUMAN: _c(
            ("runāt ar", "sazināties ar", "savienojiet ar", "savienot ar"),
            ("operator~", "cilvēk~", "darbiniek~", "konsultant~"),
        ),
        THIRD_PARTY: _c(
            (
                "mans draugs",
                "mana draudzene",
                "mana mamma",
                "mans tētis",
                "mana vecmāmiņa",
                "mans vectēvs",
                "mans kaimiņš",
                "mana kaimiņiene",
                "mans brālēns",
                "mana māsīca",
            ),
            ("tika apkrāpts", "tika apkrāpta", "kļuva par krāpnieku upuri"),
        ),
    },
    "cs": {
        HUMAN: _c(
            ("mluvit s", "promluvit s", "spojte mě s", "spojit s", "hovořit s", "přepojte mě na"),
            (
                "operátor~",
                "člověk~",
                "pracovník~",
                "pracovnic~",
                "poradc~",
                "poradkyn~",
                "konzultant~",
            ),
        ),
        REPEATED: (
            "zkoušel jsem všechno",
            "zkoušela jsem všechno",
            "už potřetí",
            "tři dny bez",
            "dny bez přístupu",
            "už jsem se ptal",
            "už jsem se ptala",
        ),
        THIRD_PARTY: _c(
            (
                "můj bratranec",
                "moje sestřenice",
                "můj kamarád",
                "moje kamarádka",
                "moje máma",
                "moje maminka",
                "můj táta",
                "moje babička",
                "můj děda",
                "můj soused",
                "moje sousedka",
                "můj kolega",
            ),
            (
                "byl podveden",
                "byla podvedena",
                "naletěl podvodníkům",
                "naletěla podvodníkům",
                "se stal obětí podvodu",
                "se stala obětí podvodu",
            ),
        ),
    },
    "sk": {
        HUMAN: _c(
            ("hovoriť s", "porozprávať sa s", "spojte ma s", "spojiť s", "prepojte ma na"),
            (
                "operátor~",
                "človek~",
                "pracovník~",
                "pracovníč~",
                "poradc~",
                "poradkyn~",
                "konzultant~",
            ),
        ),
        REPEATED: (
            "skúšal som všetko",
            "skúšala som všetko",
            "už po tretí raz",
            "tri dni bez",
            "dni bez prístupu",
            "už som sa pýtal",
            "už som sa pýtala",
        ),
        THIRD_PARTY: _c(
            (
                "môj bratranec",
                "moja sesternica",
                "môj kamarát",
                "moja kamarátka",
                "moja mama",
                "môj otec",
                "moja babka",
                "môj dedo",
                "môj sused",
                "moja suseda",
                "môj kolega",
            ),
            (
                "bol oklamaný",
                "bola oklamaná",
                "naletel podvodníkom",
                "naletela podvodníkom",
                "sa stal obeťou podvodu",
                "sa stala obeťou podvodu",
            ),
        ),
    },
    "ne": {
        THIRD_PARTY: _c(
            (
                "मेरो साथी",
                "मेरी आमा",
                "मेरो बुबा",
                "मेरो छिमेकी",
                "मेरी हजुरआमा",
                "mero sathi",
                "meri aama",
                "mero buba",
                "mero chhimeki",
            ),
            ("ठगियो", "ठगिनुभयो", "thagiyo", "thaginubhayo"),
        )
    },
    "tl": {
        THIRD_PARTY: (
            *_c(
                (
                    "ang pinsan ko",
                    "ang kaibigan ko",
                    "ang nanay ko",
                    "ang tatay ko",
                    "ang lola ko",
                    "ang lolo ko",
                    "ang kapitbahay ko",
                    "ang tita ko",
                    "ang tito ko",
                    "yung pinsan ko",
                    "yung kaibigan ko",
                    "yung nanay ko",
                    "yung kapitbahay ko",
                    "yung tita ko",
                ),
                ("ay na-scam", "ay naloko", "ay nabudol", "na-scam", "naloko", "nabudol", "nascam"),
            ),
            *_c(
                ("na-scam", "naloko", "nabudol", "nascam"),
                (
                    "ang pinsan ko",
                    "ang kaibigan ko",
                    "ang nanay ko",
                    "ang tatay ko",
                    "ang lola ko",
                    "ang lolo ko",
                    "ang kapitbahay ko",
                    "yung pinsan ko",
                    "yung kaibigan ko",
                    "yung nanay ko",
                ),
            ),
        ),
    },
    "vi": {
        REPEATED: (
            "đã thử mọi cách",
            "thử hết rồi",
            "ba ngày không vào được",
            "hỏi ba lần rồi",
            "hỏi mấy lần rồi",
        ),
        THIRD_PARTY: _c(
            (
                "anh họ tôi",
                "chị họ tôi",
                "bạn tôi",
                "bạn của tôi",
                "mẹ tôi",
                "bố tôi",
                "bà tôi",
                "ông tôi",
                "hàng xóm tôi",
                "cô tôi",
                "chú tôi",
                "dì tôi",
            ),
            ("bị lừa", "bị lừa đảo", "bị lừa tiền"),
        ),
    },
    "yo": {
        THIRD_PARTY: tuple(
            f"wọ́n lu {who} ní jìbìtì"
            for who in ("ọ̀rẹ́ mi", "ìyá mi", "bàbá mi", "aládùúgbò mi", "ẹ̀gbọ́n mi", "ìyá àgbà mi")
        )
    },
    "si": {
        THIRD_PARTY: _c(
            (
                "මගේ යාළුවා",
                "මගේ අම්මා",
                "මගේ තාත්තා",
                "මගේ අසල්වැසියා",
                "mage yaluwa",
                "mage amma",
                "mage thaththa",
                "mage kalu",
            ),
            ("රැවටුණා", "වංචාවට ලක් වුණා", "rawatuna", "wanchawata laku una"),
        )
    },
    "nl": {
        REPEATED: (
            "alles geprobeerd",
            "al drie dagen",
            "voor de derde keer",
            "drie keer gevraagd",
            "al drie keer",
        ),
        THIRD_PARTY: _c(
            (
                "mijn neef",
                "mijn nicht",
                "een vriend",
                "een vriendin",
                "mijn moeder",
                "mijn vader",
                "mijn oma",
                "mijn opa",
                "mijn buurman",
                "mijn buurvrouw",
                "mijn tante",
                "mijn oom",
                "een collega",
            ),
            (
                "is opgelicht",
                "werd opgelicht",
                "is opgelicht geweest",
                "is slachtoffer van oplichting",
            ),
        ),
    },
}


def _add_round15() -> None:
    """Round 15's phrases appended to the tables above, kind by kind (see _ROUND15)."""
    by_code = {language.code: language for language in LANGUAGES}
    for code, kinds in _ROUND15.items():
        cues = by_code[code].cues
        for kind, phrases in kinds.items():
            cues[kind] = (*cues.get(kind, ()), *(p for p in phrases if p not in cues.get(kind, ())))


_add_round15()

# ================================================================ round 16: inflected and mixed
# The twelfth held-out set's diagnosis (round 16, principle 1): in languages that have a table,
# requests, "nobody helps / answers", formal complaints and legal threats in a form not listed
# (Polish "oficjalną skargę" for "oficjalna skarga", Turkish "going to my lawyer" as a case
# ending on "avukat", Romanian "nu mă ajutați deloc", Portuguese "ninguém me responde"),
# Polish-English mixed requests ("can I talk z kimś z banku?") and someone else's loss told as
# "my friend lost money" (third party). By kind, for the languages UK bank customers write in:
#
# * no_help (new here; English has it as a lexicon group of the same weight): "nobody helps /
#   answers / replies me", "you are not helping (me, at all)", with and without the dative
#   pronoun and in the informal and formal (plural) address. It says the service failed the
#   customer, as "still not" does, so it is never negated (it is a negation itself);
# * formal complaints by the adjective and noun in any case ("oficjaln~ skarg~": "oficjalną
#   skargę", "oficjalnej skargi") and by the first person or the infinitive after "I want" of
#   the verb of filing: not the third person ("my brother filed a complaint with the shop");
# * legal threats told as going to, or speaking with, a lawyer or a court ("avukat~ gid~",
#   "idę do prawnika", "обращусь в суд"): not a lawyer as a payee or the recipient of a
#   statement (Turkish "my lawyer needs a statement", Russian "from a law firm's account");
# * code-mixed requests: English "talk / speak / chat" followed by the language's "with
#   someone / a person / an adviser", and the language's verb followed by English "someone,
#   a person, an agent, a human";
# * third party: "<a friend or relative> lost money (to a scam)" beside round 15's "was
#   scammed": the fraud rules yield to someone else's loss.
#
# Review status: as the tables above, written by a NON-NATIVE author, not yet checked by a
# native speaker (tests/test_routing_languages_round16.py).


# English verbs of a request a code-mixed message puts before the language's "with someone"
_EN_TALK = ("talk", "speak", "chat", "talk to", "speak to")
_EN_WHO = ("someone", "somebody", "a person", "a human", "human", "an agent", "a real person")

# Hinglish / Roman Urdu with the English noun inside: "mujhe someone se baat karni hai"
_HI_MIXED_WHO = (
    "someone se",
    "somebody se",
    "person se",
    "human se",
    "agent se",
    "manager se",
    "real person se",
    "customer service se",
    "staff se",
)
_HI_MIXED_TALK = (
    "baat karni hai",
    "baat krni hai",
    "baat karni",
    "baat karna hai",
    "baat karao",
    "baat karwao",
    "baat karwa do",
    "baat kar sakta",
    "baat kar sakti",
    "baat ho sakti",
)

_ROUND16: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        HUMAN: (
            *_c(_EN_TALK, ("z kimś", "z człowiek~", "z konsultant~", "z pracownik~", "z doradc~")),
            *_c(_PL_WITH, _EN_WHO),
            *_c(("z agent~", "z manager~", "z menedżer~", "z supervisor~"), ("porozmawiać",)),
            *_c(_PL_WITH, ("agent~", "manager~", "menedżer~", "supervisor~")),
            *_c(
                ("z kimś", "z człowiek~", "z konsultant~", "z pracownik~", "z doradc~"),
                (
                    "porozmawiać",
                    "pogadać",
                    "rozmawiać",
                    "porozmawiam",
                    "pogadam",
                    "połączyć",
                    "chcę porozmawiać",
                    "chcę rozmawiać",
                    "chciał~ porozmawiać",
                    "muszę porozmawiać",
                ),
            ),
            "niech ktoś z banku",
        ),
        NO_HELP: (
            *_c(
                ("nikt", "nikt mi", "nikt nam", "nikt z was", "nikt tu"),
                (
                    "nie pomaga",
                    "nie pomoże",
                    "nie pomógł",
                    "nie pomogła",
                    "nie chce pomóc",
                    "nie może pomóc",
                    "nie odpowiada",
                    "nie odpowiedział",
                    "nie odpisuje",
                    "nie odpisał",
                    "nie oddzwonił",
                    "nie oddzwania",
                    "nie odbiera",
                    "się nie odezwał",
                ),
            ),
            *_c(
                ("nie", "w ogóle nie", "wcale nie", "nic nie", "w ogóle mi nie", "wcale mi nie"),
                ("pomagacie", "pomagasz", "pomożecie", "pomogliście"),
            ),
            *_c(("nie", "w ogóle nie", "wcale nie"), ("pomagacie mi", "pomagasz mi")),
            "nic mi nie pomogliście",
            "zero pomocy",
        ),
        COMPLAINT: (
            *_c(("oficjaln~", "formaln~", "pisemn~"), ("skarg~", "reklamacj~")),
            *_c(
                (
                    "złożę",
                    "złożyć",
                    "złożyłem",
                    "złożyłam",
                    "składam",
                    "składać",
                    "wniosę",
                    "wnieść",
                    "wnoszę",
                ),
                ("skargę", "skargę na", "oficjaln~ skarg~", "formaln~ skarg~"),
            ),
            "chcę się poskarżyć",
            "chcę złożyć reklamację",
            "będę się skarżyć",
        ),
        LEGAL: (
            *_c(
                (
                    "idę do",
                    "pójdę do",
                    "zgłoszę się do",
                    "zgłoszę to do",
                    "zgłoszę sprawę do",
                    "oddam sprawę do",
                    "skieruję sprawę do",
                    "poradzę się",
                ),
                ("prawnik~", "adwokat~", "rzecznik~ finansow~", "sądu"),
            ),
            *_c(
                ("skontaktuję się z", "porozmawiam z", "skonsultuję się z"),
                ("prawnik~", "adwokat~"),
            ),
            "rzecznik~ finansow~",
            "podam was do sądu",
            "pozwę was",
            "pozwiemy was",
            "sprawa trafi do sądu",
        ),
        REPEATED: (
            *_c(
                ("próbował~", "próbowaliśmy", "sprawdzał~"),
                ("w trzech", "w dwóch", "w czterech", "w kilku", "w każdym", "w różnych"),
            ),
            *_c(("próbował~", "płacił~"), ("trzy razy", "dwa razy", "kilka razy", "pięć razy")),
            *_c(("znowu", "znów", "again"), ("ten sam", "ta sama", "to samo", "te same")),
        ),
        PRAISE: ("naprawdę świetny", "świetny bank", "super bank", "wspaniały bank"),
        THIRD_PARTY: _c(
            _PL_SCAMMED_WHO,
            (
                "stracił~ pieniądze",
                "stracił~ oszczędności",
                "dał~ się oszukać",
                "wpadł~ na oszust~",
            ),
        ),
    },
    "ro": {
        HUMAN: (
            *_c(
                _EN_TALK,
                ("cu cineva", "cu un om", "cu o persoană", "cu un operator", "cu un consultant"),
            ),
            *_c(("să vorbesc cu", "vorbesc cu", "vreau să vorbesc cu"), _EN_WHO),
            *_c(("să vorbesc cu", "vorbesc cu"), ("un agent", "un manager", "un supervisor")),
        ),
        NO_HELP: (
            *_c(
                ("nu mă ajutați", "nu mă ajuți", "nu mă ajută", "nu ne ajutați", "nu ajutați"),
                ("deloc", "cu nimic", "nimeni", "la nimic"),
            ),
            "nu mă ajutați",
            "nu mă ajuți",
            "nimeni nu mă ajută",
            "nimeni nu ajută",
            "nimeni nu răspunde",
            "nimeni nu-mi răspunde",
            "nimeni nu îmi răspunde",
            "nu-mi răspunde nimeni",
            "nu îmi răspunde nimeni",
            "nu răspunde nimeni",
            "nu m-a ajutat nimeni",
            "nimeni nu m-a ajutat",
            "nu m-ați ajutat",
            "nu m-ați ajutat deloc",
        ),
        COMPLAINT: (
            *_c(("reclamați~", "plânger~"), ("oficial~", "formal~", "scris~")),
            *_c(
                ("fac", "să fac", "depun", "să depun", "voi face", "voi depune"),
                ("o reclamați~", "reclamați~", "o plânger~", "plânger~"),
            ),
            "vreau să reclam",
            "o să fac reclamație",
        ),
        LEGAL: (
            *_c(
                ("merg la", "mă duc la", "ajung la", "vorbesc cu", "apelez la", "mă adresez"),
                ("avocat~", "un avocat", "avocatul meu", "instanță", "tribunal", "anpc"),
            ),
            "vă dau în instanță",
            "vă chem în judecată",
            "vă dau la tribunal",
        ),
        THIRD_PARTY: _c(
            _RO_SCAMMED_WHO, ("a pierdut bani", "a pierdut banii", "a pierdut toți banii")
        ),
    },
    "pt": {
        HUMAN: (
            *_c(
                _EN_TALK,
                ("com alguém", "com uma pessoa", "com um assistente", "com um funcionário"),
            ),
            *_c(("falar com", "quero falar com", "posso falar com"), _EN_WHO),
            *_c(("falar com",), ("um agente", "um manager", "um gerente")),
        ),
        NO_HELP: (
            *_c(
                ("ninguém", "ninguém me", "ninguem me"),
                (
                    "responde",
                    "respondeu",
                    "ajuda",
                    "ajudou",
                    "atende",
                    "atendeu",
                    "resolve",
                    "diz nada",
                    "liga",
                    "ligou de volta",
                ),
            ),
            "vocês não ajudam",
            "vocês não me ajudam",
            "não me ajudam",
            "não me ajudaram",
            "não me estão a ajudar",
            "não estão a ajudar",
            "não estão ajudando",
            "não me estão ajudando",
            "não ajudam nada",
            "não me ajudam nada",
            "não ajuda em nada",
        ),
        COMPLAINT: (
            *_c(("reclamação", "queixa"), ("oficial", "formal", "por escrito")),
            "fazer queixa",
            "apresentar queixa",
            "vou fazer queixa",
            "quero fazer queixa",
            "quero reclamar",
            "apresentar uma reclamação",
            "livro de reclamações",
            "vou fazer uma reclamação",
            "quero fazer uma reclamação",
        ),
        LEGAL: (
            *_c(
                ("vou ao", "vou falar com o", "falar com o meu", "vou à", "vou chamar o"),
                ("meu advogado", "advogado", "minha advogada", "tribunal", "provedor"),
            ),
            "minha advogada",
            "vou meter um processo",
            "vou pôr um processo",
            "meter-vos em tribunal",
            "levar-vos a tribunal",
            "processar o banco",
        ),
        THIRD_PARTY: _c(
            (
                "o meu primo",
                "a minha prima",
                "um amigo",
                "uma amiga",
                "a minha amiga",
                "o meu amigo",
                "a minha mãe",
                "o meu pai",
                "a minha avó",
                "o meu avô",
                "a minha vizinha",
                "o meu vizinho",
                "a minha tia",
                "o meu tio",
            ),
            (
                "perdeu dinheiro",
                "perdeu o dinheiro",
                "perdeu as poupanças",
                "caiu num golpe",
                "caiu no golpe",
            ),
        ),
    },
    "es": {
        HUMAN: (
            *_c(_EN_TALK, ("con alguien", "con una persona", "con un agente", "con un asesor")),
            *_c(("hablar con", "quiero hablar con", "puedo hablar con"), _EN_WHO),
        ),
        NO_HELP: (
            *_c(
                ("nadie", "nadie me"),
                (
                    "responde",
                    "contesta",
                    "ayuda",
                    "ayudó",
                    "respondió",
                    "contestó",
                    "atiende",
                    "hace caso",
                ),
            ),
            "no me ayudáis",
            "no me ayudan",
            "no me ayudas",
            "no me estáis ayudando",
            "no me están ayudando",
            "no me estás ayudando",
            "no ayudáis nada",
            "no ayudan nada",
            "no me habéis ayudado",
            "no me han ayudado",
            "no sirve de nada",
        ),
        COMPLAINT: (
            "queja formal",
            "queja oficial",
            "reclamación oficial",
            "reclamación por escrito",
            "poner una queja",
            "quiero quejarme",
            "quiero reclamar",
            "voy a reclamar",
            "presentar una reclamación",
            "voy a poner una reclamación",
            "voy a poner una queja",
        ),
        LEGAL: (
            "mi abogada",
            "a mi abogado",
            "con mi abogado",
            "con mi abogada",
            "os voy a denunciar",
            "les voy a denunciar",
            "os denuncio",
            "los denuncio",
            "llevaros a juicio",
            "a los tribunales",
            "voy a ir a juicio",
        ),
        THIRD_PARTY: _c(
            (
                "mi primo",
                "mi prima",
                "un amigo",
                "una amiga",
                "mi amigo",
                "mi amiga",
                "mi madre",
                "mi padre",
                "mi abuela",
                "mi abuelo",
                "mi vecina",
                "mi vecino",
                "mi tía",
                "mi tío",
            ),
            (
                "perdió dinero",
                "perdió su dinero",
                "perdió sus ahorros",
                "ha perdido dinero",
                "cayó en una estafa",
            ),
        ),
    },
    "it": {
        HUMAN: (
            *_c(_EN_TALK, ("con qualcuno", "con una persona", "con un operatore")),
            *_c(("parlare con", "posso parlare con", "voglio parlare con"), _EN_WHO),
        ),
        NO_HELP: (
            *_c(
                ("nessuno", "nessuno mi"),
                ("risponde", "aiuta", "ha risposto", "ha aiutato", "richiama"),
            ),
            "non mi aiutate",
            "non mi aiuti",
            "non mi state aiutando",
            "non mi stai aiutando",
            "non aiutate per niente",
            "non mi avete aiutato",
            "non mi aiutate per niente",
            "non servite a niente",
        ),
        COMPLAINT: (
            "reclamo ufficiale",
            "reclamo scritto",
            "voglio fare reclamo",
            "faccio reclamo",
            "farò reclamo",
            "sporgere reclamo",
            "voglio lamentarmi",
            "presento un reclamo",
        ),
        LEGAL: (
            "mia avvocata",
            "dal mio avvocato",
            "al mio avvocato",
            "vi faccio causa",
            "faccio causa",
            "vi porto in tribunale",
            "vi denuncerò",
            "arbitro bancario",
        ),
        THIRD_PARTY: _c(
            (
                "mio cugino",
                "mia cugina",
                "un amico",
                "un'amica",
                "mia amica",
                "mio amico",
                "mia madre",
                "mio padre",
                "mia nonna",
                "mio nonno",
                "la mia vicina",
                "il mio vicino",
                "mia zia",
                "mio zio",
            ),
            (
                "ha perso soldi",
                "ha perso dei soldi",
                "ha perso i risparmi",
                "è caduto in una truffa",
                "è caduta in una truffa",
            ),
        ),
    },
    "fr": {
        HUMAN: (
            *_c(
                _EN_TALK,
                ("avec quelqu'un", "avec une personne", "avec un conseiller", "à quelqu'un"),
            ),
            *_c(("parler avec", "parler à", "je veux parler à", "je veux parler avec"), _EN_WHO),
        ),
        NO_HELP: (
            "personne ne m'aide",
            "personne ne nous aide",
            "personne ne répond",
            "personne ne me répond",
            "personne ne m'a aidé",
            "personne ne m'a aidée",
            "personne ne m'a répondu",
            "personne ne rappelle",
            "personne ne m'a rappelé",
            "vous ne m'aidez pas",
            "vous ne m'aidez pas du tout",
            "tu ne m'aides pas",
            "vous ne m'aidez en rien",
            "vous ne servez à rien",
        ),
        COMPLAINT: (
            "réclamation formelle",
            "réclamation écrite",
            "plainte officielle",
            "plainte formelle",
            "déposer une réclamation",
            "je veux faire une réclamation",
            "je fais une réclamation",
            "je vais faire une réclamation",
            "je veux me plaindre",
            "je vais me plaindre",
        ),
        LEGAL: (
            "mon avocate",
            "voir mon avocat",
            "je vais vous poursuivre",
            "vous poursuivre en justice",
            "en justice",
            "je saisis le médiateur",
            "je vais saisir",
        ),
        THIRD_PARTY: _c(
            (
                "mon cousin",
                "ma cousine",
                "un ami",
                "une amie",
                "mon ami",
                "mon amie",
                "ma mère",
                "mon père",
                "ma grand-mère",
                "mon grand-père",
                "ma voisine",
                "mon voisin",
                "ma tante",
                "mon oncle",
            ),
            (
                "a perdu de l'argent",
                "a perdu son argent",
                "a perdu ses économies",
                "s'est fait arnaquer",
                "s'est fait escroquer",
            ),
        ),
    },
    "de": {
        HUMAN: (
            *_c(
                _EN_TALK,
                ("mit jemandem", "mit einem menschen", "mit einem mitarbeiter", "mit einer person"),
            ),
            *_c(("sprechen mit", "reden mit", "mit"), ("a human", "a real person", "an agent")),
        ),
        NO_HELP: (
            "niemand hilft mir",
            "niemand hilft",
            "keiner hilft mir",
            "keiner hilft",
            "niemand antwortet",
            "niemand antwortet mir",
            "keiner antwortet",
            "keiner antwortet mir",
            "niemand meldet sich",
            "keiner meldet sich",
            "niemand ruft zurück",
            "sie helfen mir nicht",
            "ihr helft mir nicht",
            "du hilfst mir nicht",
            "hilft mir überhaupt nicht",
            "helfen mir überhaupt nicht",
            "helft mir überhaupt nicht",
        ),
        COMPLAINT: (
            "förmliche beschwerde",
            "schriftliche beschwerde",
            "ich beschwere mich",
            "ich werde mich beschweren",
            "beschwerde einlegen",
            "eine beschwerde einreichen",
        ),
        LEGAL: (
            "meine anwältin",
            "zum anwalt",
            "zu meinem anwalt",
            "zur anwältin",
            "ich zeige sie an",
            "ich verklage euch",
            "rechtliche schritte",
        ),
        THIRD_PARTY: _c(
            (
                "mein cousin",
                "meine cousine",
                "ein freund",
                "eine freundin",
                "mein freund",
                "meine freundin",
                "meine mutter",
                "mein vater",
                "meine oma",
                "mein opa",
                "meine nachbarin",
                "mein nachbar",
                "meine tante",
                "mein onkel",
            ),
            (
                "hat geld verloren",
                "hat sein geld verloren",
                "hat ihr geld verloren",
                "wurde betrogen",
                "ist betrogen worden",
            ),
        ),
    },
    "tr": {
        HUMAN: (
            *_c(
                _EN_TALK,
                ("biriyle", "bir insanla", "bir temsilciyle", "yetkiliyle", "bir yetkiliyle"),
            ),
            *_c(("someone", "a person", "a human", "an agent"), ("ile konuşmak", "ile görüşmek")),
        ),
        NO_HELP: (
            *_c(
                ("kimse", "hiç kimse", "kimse bana"),
                (
                    "yardım etmiyor",
                    "yardımcı olmuyor",
                    "cevap vermiyor",
                    "yanıt vermiyor",
                    "dönmüyor",
                    "ilgilenmiyor",
                    "cevap vermedi",
                    "yardım etmedi",
                    "dönüş yapmadı",
                ),
            ),
            "yardımcı olmuyorsunuz",
            "hiç yardımcı olmuyorsunuz",
            "bana yardım etmiyorsunuz",
            "yardım etmiyorsunuz",
            "hiçbir yardımınız yok",
        ),
        COMPLAINT: (
            "resmi şikayet~",
            "şikayetçi olacağım",
            "şikayetçi oluyorum",
            "şikayetçiyim",
            "şikayet etmek istiyorum",
            "şikayette bulunmak istiyorum",
            "şikayette bulunacağım",
            "şikayet ediyorum",
            "sizi şikayet edeceğim",
        ),
        LEGAL: (
            *_c(("avukat~",), ("gid~", "başvur~", "danış~", "görüş~")),
            "avukat tutacağım",
            "sizi mahkemeye vereceğim",
            "mahkemeye vereceğim",
            "mahkemeye gideceğim",
            "sizi dava edeceğim",
            "dava edeceğim",
            "dava açıyorum",
        ),
        THIRD_PARTY: _c(
            (
                "kuzen~",
                "arkadaş~",
                "komşu~",
                "annem",
                "babam",
                "teyzem",
                "dayım",
                "amcam",
                "halam",
                "dedem",
            ),
            ("para kaybetti", "parasını kaybetti", "parasını kaptırdı", "dolandırıcılığa uğradı"),
        ),
    },
    "lt": {
        NO_HELP: (
            "niekas nepadeda",
            "man niekas nepadeda",
            "niekas neatsako",
            "man niekas neatsako",
            "niekas man neatsako",
            "niekas nepadėjo",
            "niekas neatsakė",
            "jūs nepadedate",
            "jūs man nepadedate",
            "visai nepadedate",
        ),
        COMPLAINT: (
            "oficial~ skund~",
            "rašt~ skund~",
            "pateikiu skundą",
            "noriu pateikti skundą",
            "noriu skųstis",
        ),
        LEGAL: (
            "kreipsiuos į teism~",
            "paduosiu į teism~",
            "kreipsiuos į advokat~",
            "eisiu pas advokat~",
        ),
    },
    "ru": {
        HUMAN: (
            *_c(_EN_TALK, ("с человеком", "с оператором", "с кем-нибудь", "с сотрудником")),
            *_c(("поговорить с", "связаться с"), ("agent~", "human", "a person", "someone")),
        ),
        NO_HELP: (
            *_c(
                ("никто", "мне никто", "никто мне"),
                (
                    "не помогает",
                    "не отвечает",
                    "не помог",
                    "не ответил",
                    "не перезвонил",
                    "не может помочь",
                ),
            ),
            "вы не помогаете",
            "вы мне не помогаете",
            "вы ничем не помогаете",
            "ничем не помогли",
        ),
        COMPLAINT: (
            "официальн~ жалоб~",
            "письменн~ жалоб~",
            "хочу пожаловаться",
            "буду жаловаться",
            "напишу жалобу",
            "пишу жалобу",
            "подаю жалобу",
        ),
        LEGAL: (
            *_c(
                ("обращусь к", "пойду к", "обращаюсь к", "поговорю с", "посоветуюсь с"),
                ("адвокат~", "юрист~"),
            ),
            "обращусь в суд",
            "пойду в суд",
            "подам на вас в суд",
            "к омбудсмен~",
            "в омбудсмен~",
            "омбудсмен~ жалоб~",
        ),
        CHURN: (
            "закрою все счета",
            "закрою все свои счета",
            "закрою свои счета",
            "уйду в другой банк",
            "уйду из вашего банка",
            "переведу деньги в другой банк",
        ),
        THIRD_PARTY: _c(
            _RU_SCAMMED_WHO,
            ("потерял деньги", "потеряла деньги", "потерял все деньги", "потеряла все деньги"),
        ),
    },
    "uk": {
        HUMAN: (*_c(_EN_TALK, ("з людиною", "з оператором", "з кимось", "з працівником")),),
        NO_HELP: (
            *_c(
                ("ніхто", "мені ніхто", "ніхто мені"),
                ("не допомагає", "не відповідає", "не допоміг", "не відповів", "не передзвонив"),
            ),
            "ви не допомагаєте",
            "ви мені не допомагаєте",
            "ви нічим не допомагаєте",
        ),
        COMPLAINT: (
            "офіційн~ скарг~",
            "письмов~ скарг~",
            "хочу поскаржитися",
            "напишу скаргу",
            "подаю скаргу",
        ),
        LEGAL: (
            *_c(("звернуся до", "піду до", "звертаюся до", "поговорю з"), ("адвокат~", "юрист~")),
            "звернуся до суду",
            "піду до суду",
            "до омбудсмен~",
        ),
        CHURN: (
            "закрию всі рахунки",
            "закрию свої рахунки",
            "піду в інший банк",
            "піду до іншого банку",
        ),
        THIRD_PARTY: _c(
            _UK_SCAMMED_WHO,
            ("втратив гроші", "втратила гроші", "втратив усі гроші", "втратила усі гроші"),
        ),
    },
    "bg": {
        NO_HELP: (
            "никой не помага",
            "никой не ми помага",
            "никой не отговаря",
            "никой не ми отговаря",
            "не ми помагате",
            "изобщо не помагате",
            "изобщо не ми помагате",
        ),
        COMPLAINT: (
            "официалн~ жалб~",
            "писмен~ жалб~",
            "ще подам жалба",
            "искам да подам жалба",
            "ще се оплача",
            "ще подам оплакване",
            "искам да подам оплакване",
            "официално оплакване",
        ),
        LEGAL: (
            "ще отида при адвокат~",
            "ще говоря с адвокат~",
            "ще ви дам на съд",
            "ще ви съдим",
            "отивам в съда",
            "до омбудсман~",
            "при омбудсман~",
        ),
        CHURN: ("ще закрия всички сметки", "ще отида в друга банка", "ще си закрия сметката"),
    },
    "cs": {
        NO_HELP: (
            "nikdo mi nepomáhá",
            "nikdo nepomáhá",
            "nikdo neodpovídá",
            "nikdo mi neodpovídá",
            "nikdo mi nepomohl",
            "nikdo mi neodpověděl",
            "vůbec mi nepomáháte",
            "nepomáháte mi",
        ),
        COMPLAINT: (
            "oficiáln~ stížnost~",
            "písemn~ stížnost~",
            "chci si stěžovat",
            "podávám stížnost",
        ),
        LEGAL: (
            "obrátím se na právník~",
            "půjdu k právník~",
            "obrátím se na advokát~",
            "obrátím se na soud",
            "finanční~ arbitr~",
        ),
    },
    "sk": {
        NO_HELP: (
            "nikto mi nepomáha",
            "nikto nepomáha",
            "nikto neodpovedá",
            "nikto mi neodpovedá",
            "nikto mi nepomohol",
            "vôbec mi nepomáhate",
            "nepomáhate mi",
        ),
        COMPLAINT: (
            "oficiáln~ sťažnos~",
            "písomn~ sťažnos~",
            "chcem sa sťažovať",
            "podávam sťažnosť",
        ),
        LEGAL: (
            "obrátim sa na právnik~",
            "pôjdem k právnik~",
            "obrátim sa na advokát~",
            "obrátim sa na súd",
        ),
    },
    "lv": {
        NO_HELP: (
            "neviens nepalīdz",
            "neviens man nepalīdz",
            "neviens neatbild",
            "neviens man neatbild",
            "jūs man nepalīdzat",
            "jūs nepalīdzat",
        ),
        COMPLAINT: ("oficiāl~ sūdzīb~", "rakstisk~ sūdzīb~", "gribu sūdzēties"),
        LEGAL: (
            "vērsīšos pie advokāt~",
            "iešu pie advokāt~",
            "vērsīšos pie jurist~",
            "vērsīšos tiesā",
        ),
    },
    "hu": {
        NO_HELP: (
            "senki nem segít",
            "senki sem segít",
            "senki nem válaszol",
            "senki sem válaszol",
            "nem segítenek",
            "egyáltalán nem segítenek",
            "nem segítesz",
        ),
        COMPLAINT: (
            "hivatalos panasz~",
            "írásos panasz~",
            "panaszt akarok tenni",
            "panaszt fogok tenni",
        ),
        LEGAL: ("ügyvédhez fordulok", "bírósághoz fordulok", "perelni fogok"),
    },
    "el": {
        NO_HELP: (
            "κανείς δεν με βοηθάει",
            "κανείς δεν με βοηθά",
            "κανείς δεν απαντάει",
            "κανείς δεν απαντά",
            "κανένας δεν απαντάει",
            "δεν με βοηθάτε",
            "δεν με βοηθάτε καθόλου",
            "kaneis den me voithaei",
            "kaneis den apantaei",
            "den me voithate",
        ),
        COMPLAINT: ("θέλω να κάνω καταγγελία", "να υποβάλω καταγγελία", "γραπτή καταγγελία"),
        LEGAL: ("στον δικηγόρο μου", "στο δικαστήριο", "θα σας κάνω μήνυση"),
    },
    "sq": {
        NO_HELP: (
            "askush nuk më ndihmon",
            "askush nuk ndihmon",
            "askush nuk përgjigjet",
            "askush nuk më përgjigjet",
            "nuk më ndihmoni",
            "nuk më ndihmoni fare",
        ),
        COMPLAINT: ("ankes~ zyrtar~", "ankes~ me shkrim", "dua të ankohem"),
        LEGAL: ("te avokati im", "do shkoj në gjykatë", "tek avokati"),
    },
    "nl": {
        HUMAN: (*_c(_EN_TALK, ("met iemand", "met een mens", "met een medewerker")),),
        NO_HELP: (
            "niemand helpt me",
            "niemand helpt mij",
            "niemand helpt",
            "niemand reageert",
            "niemand antwoordt",
            "niemand neemt op",
            "niemand belt terug",
            "jullie helpen me niet",
            "jullie helpen mij niet",
            "u helpt me niet",
            "helpen me helemaal niet",
        ),
        COMPLAINT: (
            "schriftelijke klacht",
            "ik dien een klacht in",
            "ik wil klagen",
            "ik ga klagen",
        ),
        LEGAL: ("naar mijn advocaat", "naar een advocaat", "juridische stappen", "ik sleep jullie"),
    },
    "ur": {
        HUMAN: (
            *_c(_EN_TALK, ("kisi se", "kisi insaan se", "kisi banday se", "kisi agent se")),
            *_c(_HI_MIXED_WHO, _HI_MIXED_TALK),
        ),
        NO_HELP: (
            *_c(
                ("koi", "koi bhi"),
                (
                    "madad nahi kar raha",
                    "madad nahi kar rha",
                    "help nahi kar raha",
                    "jawab nahi de raha",
                    "jawab nahi deta",
                    "reply nahi kar raha",
                    "sun nahi raha",
                    "call back nahi karta",
                ),
            ),
            "aap madad nahi kar rahe",
            "aap log madad nahi kar rahe",
            "aap help nahi kar rahe",
            "کوئی مدد نہیں کر رہا",
            "کوئی جواب نہیں دے رہا",
            "کوئی جواب نہیں دیتا",
            "آپ مدد نہیں کر رہے",
        ),
        COMPLAINT: (
            "complaint karni hai",
            "complaint karna hai",
            "shikayat karni hai",
            "shikayat karna hai",
            "shikayat karunga",
            "shikayat karungi",
            "complaint karungi",
            "شکایت کرنی ہے",
            "شکایت کروں گا",
        ),
        LEGAL: (
            "wakeel ke paas",
            "vakeel ke paas",
            "lawyer ke paas",
            "lawyer se baat karunga",
            "court le jaunga",
            "case karunga",
            "وکیل کے پاس",
            "عدالت جاؤں گا",
        ),
    },
    "hi": {
        HUMAN: _c(_HI_MIXED_WHO, _HI_MIXED_TALK),
        NO_HELP: (
            "कोई मदद नहीं कर रहा",
            "कोई जवाब नहीं दे रहा",
            "कोई जवाब नहीं देता",
            "आप मदद नहीं कर रहे",
            "koi madad nahi kar raha",
            "koi jawab nahi de raha",
        ),
        COMPLAINT: ("शिकायत करनी है", "शिकायत करूंगा", "शिकायत करूँगा", "complaint karni hai"),
        LEGAL: ("वकील के पास", "कोर्ट जाऊंगा", "vakil ke paas", "lawyer ke paas"),
    },
    "pa": {
        NO_HELP: (
            "koi madad nahi kar reha",
            "koi jawab nahi de reha",
            "ਕੋਈ ਮਦਦ ਨਹੀਂ ਕਰ ਰਿਹਾ",
            "ਕੋਈ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਿਹਾ",
        ),
        LEGAL: ("vakeel kol", "lawyer kol", "ਵਕੀਲ ਕੋਲ"),
    },
    "bn": {
        NO_HELP: (
            "কেউ সাহায্য করছে না",
            "কেউ উত্তর দিচ্ছে না",
            "keu help korche na",
            "keu uttor dichche na",
        ),
        LEGAL: ("উকিলের কাছে", "ukiler kache", "lawyer er kache"),
    },
    "ar": {
        HUMAN: (*_c(_EN_TALK, ("مع شخص", "مع موظف", "مع حدا", "ma3 7ada", "ma3 shakhs")),),
        NO_HELP: (
            "لا أحد يساعدني",
            "لا احد يساعدني",
            "محد يساعدني",
            "ما حدا عم يساعدني",
            "ما حدا بيساعدني",
            "لا أحد يرد",
            "لا احد يرد",
            "لا أحد يجيب",
            "ما حدا عم يرد",
            "ما حدا بيرد",
            "محد يرد",
            "ما في حدا يرد",
            "انتو ما تساعدوني",
            "أنتم لا تساعدونني",
        ),
        COMPLAINT: ("أريد تقديم شكوى", "اريد تقديم شكوى", "بدي اشتكي", "رح اشتكي", "شكوى مكتوبة"),
        LEGAL: (
            "سأذهب إلى المحامي",
            "رح روح عالمحامي",
            "سأرفع دعوى",
            "سأقاضيكم",
            "راح اشتكي عليكم بالمحكمة",
        ),
    },
    "fa": {
        NO_HELP: (
            "هیچکس کمک نمیکنه",
            "هیچ کس کمک نمیکنه",
            "هیچکس جواب نمیده",
            "هیچ کس جواب نمیده",
            "کسی جواب نمیده",
            "کسی کمکم نمیکنه",
            "hichkas komak nemikone",
            "hichkas javab nemide",
            "kasi javab nemide",
        ),
    },
    "so": {
        NO_HELP: (
            "qofna iima caawinayo",
            "qofna ima caawinayo",
            "qofna ima jawaabayo",
            "iima caawinaysaan",
        )
    },
    "tl": {
        NO_HELP: (
            "walang tumutulong",
            "walang tumutulong sa akin",
            "walang sumasagot",
            "walang sumasagot sa akin",
            "hindi niyo ako tinutulungan",
            "hindi nyo ako tinutulungan",
        ),
    },
    "vi": {
        NO_HELP: (
            "không ai giúp tôi",
            "không ai giúp",
            "không ai trả lời",
            "không ai trả lời tôi",
            "các bạn không giúp gì",
        ),
    },
    "cy": {NO_HELP: ("does neb yn helpu", "does neb yn ateb", "dydych chi ddim yn helpu")},
    "zh": {
        NO_HELP: (
            "没人帮我",
            "没有人帮我",
            "没人回复",
            "没有人回复",
            "没人理我",
            "没有人理我",
            "没人回我",
            "你们根本不帮忙",
        )
    },
    "yue": {NO_HELP: ("mou yan bong ngo", "mou yan dap ngo", "mou yan lei ngo")},
    "pcm": {
        NO_HELP: (
            "nobody dey help me",
            "nobody dey answer me",
            "nobody dey answer",
            "una no dey help",
        )
    },
    "ta": {
        NO_HELP: (
            "யாரும் உதவவில்லை",
            "யாரும் பதில் சொல்லவில்லை",
            "yaarum udhavala",
            "yaarum badhil sollala",
        )
    },
    "ml": {
        NO_HELP: (
            "ആരും സഹായിക്കുന്നില്ല",
            "ആരും മറുപടി തരുന്നില്ല",
            "aarum sahayikkunnilla",
            "aarum marupadi tharunnilla",
        )
    },
    "ne": {
        NO_HELP: (
            "कसैले मद्दत गर्दैन",
            "कसैले जवाफ दिँदैन",
            "kasaile maddat gardaina",
            "kasaile jawaf dindaina",
        )
    },
}


def _add_round16() -> None:
    """Round 16's phrases appended to the tables above, kind by kind (see _ROUND16)."""
    by_code = {language.code: language for language in LANGUAGES}
    for code, kinds in _ROUND16.items():
        cues = by_code[code].cues
        for kind, phrases in kinds.items():
            cues[kind] = (*cues.get(kind, ()), *(p for p in phrases if p not in cues.get(kind, ())))


_add_round16()

# ================================================================ round 17: asked, waited, in need
# The thirteenth held-out set's diagnosis (round 17, principle 1, part A): in languages that
# have a table, the kinds English finds were missing in their everyday forms, so the customer's
# trouble showed only as a run of fallbacks, or not at all. By kind:
#
# * human_demand: "is anyone there?" in each language, as English "is anyone there" (a bare
#   "hello??" stays a punctuation burst, as in English), and a request with a role noun
#   inside ("talk to a colleague / an adviser", Hinglish "kisi advisor se baat karni hai");
#   not "is there anyone who ..." about something else, nor "I spoke to an adviser";
# * repeated_asking: "I asked when" and "I'm asking (again) when", the first person past or
#   the insisting present of asking, not "I wanted to ask when" (a polite first question);
#   attempts and days counted ("I tried 4 times", "the fifth time", "the third day");
# * deadline (new here; English's kind of the same name, weight 0): what the money is needed
#   for now, told as a consequence of not having it: the rent due tomorrow, medicine, a flat
#   to be lost or an eviction threatened, someone wanting the money today, nothing to pay
#   with at the till. With the bot failing once it reaches an adviser (deadline_at_risk), as
#   English "rent is due tomorrow" does. Not a fee asked ("how much must I pay for the
#   card?"), not a bare "no cash" (a calm question about paying by card), and not "the app
#   kicks me out" (Romanian "mă dă afară", Italian "mi butta fuori"). Round 14 batch B's
#   tables (Latvian to Dutch) list none: their test asks a case per kind;
# * still_not: Portuguese "continua bloqueada", Ukrainian "досі не";
# * vulnerability: no money left for food (for the children), a relative killed (in the
#   war, an accident), told as circumstance.
#
# "And what now?" / "what do I do now??" after a failure has no English kind (English reads
# it only through the learned score): not listed here, left to the integrator.
#
# Review status: as the tables above, written by a NON-NATIVE author, not yet checked by a
# native speaker (tests/test_routing_round17_languages.py).
DEADLINE = "deadline"
LANGUAGE_ONLY_KINDS[DEADLINE] = (0.0, True)  # as English's deadline group: a routing fact

_N_TIMES_PL = ("2 razy", "3 razy", "4 razy", "5 razy", "6 razy", "7 razy", "8 razy", "10 razy")
_N_TIMES_RO = (
    "2 ori",
    "3 ori",
    "4 ori",
    "5 ori",
    "6 ori",
    "7 ori",
    "10 ori",
    "două ori",
    "patru ori",
    "cinci ori",
)
_N_TIMES_PT = ("2 vezes", "3 vezes", "4 vezes", "5 vezes", "6 vezes", "10 vezes", "duas vezes")
_N_TIMES_ES = ("2 veces", "3 veces", "4 veces", "5 veces", "6 veces", "10 veces", "dos veces")
_N_TIMES_IT = (
    "2 volte",
    "3 volte",
    "4 volte",
    "5 volte",
    "6 volte",
    "10 volte",
    "due volte",
    "tre volte",
    "quattro volte",
    "cinque volte",
)
_N_TIMES_FR = (
    "2 fois",
    "3 fois",
    "4 fois",
    "5 fois",
    "6 fois",
    "10 fois",
    "deux fois",
    "trois fois",
    "quatre fois",
    "cinq fois",
)
_N_TIMES_DE = (
    "2 mal",
    "3 mal",
    "4 mal",
    "5 mal",
    "6 mal",
    "10 mal",
    "zweimal",
    "dreimal",
    "viermal",
    "fünfmal",
)
_HI_ROLE = (
    "kisi advisor se",
    "kisi adviser se",
    "kisi agent se",
    "kisi officer se",
    "kisi colleague se",
    "kisi staff se",
    "kisi manager se",
    "kisi insaan se",
    "kisi insan se",
    "kisi aadmi se",
    "kisi bande se",
    "kisi banday se",
    "kisi se",
    "kisi aur se",
    "advisor se",
    "adviser se",
    "colleague se",
    "officer se",
)  # fmt: skip

_ROUND17: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        HUMAN: (
            "jest tam ktoś",
            "ktoś tam jest",
            "jest tu ktoś",
            "halo jest ktoś",
            "halo czy ktoś",
            "czy ktoś mnie słyszy",
            "czy ktoś to czyta",
            *_c(
                (*_PL_WITH, "połączyć mnie z", "połączcie mnie z", "połącz mnie z"),
                ("koleg~", "koleżank~", "doradc~", "specjalist~", "pracownik~ banku"),
            ),
        ),
        REPEATED: (
            "pytam kiedy",
            "pytam się kiedy",
            "pytałem kiedy",
            "pytałam kiedy",
            "pytałem już kiedy",
            "pytałam już kiedy",
            "pytam jeszcze raz",
            "pytam ponownie",
            "pytam po raz",
            "trzeci raz",
            "czwarty raz",
            "piąty raz",
            "trzeci dzień",
            "czwarty dzień",
            "piąty dzień",
            *_c(
                ("próbowałem", "próbowałam", "dzwoniłem", "dzwoniłam", "pisałem", "pisałam"),
                _N_TIMES_PL,
            ),
            *_c(("wysłałem", "wysłałam"), ("już 2 razy", "już dwa razy", "już trzy razy")),
        ),
        DEADLINE: (
            "pieniądze na leki",
            "pieniędzy na leki",
            "nie mam na leki",
            "nie mam za co kupić leków",
            "czynsz jutro",
            "czynsz na jutro",
            "czynsz do jutra",
            "stracę mieszkanie",
            "wyrzucą nas z mieszkania",
            "wyrzucą mnie z mieszkania",
            "nie mam czym zapłacić",
            "mnie wyrzuci",
            "nas wyrzuci",
            "wyrzuci mnie",
            "wyrzuci nas",
            "grozi mi eksmisja",
            "grozi nam eksmisja",
            *_c(
                (
                    "potrzebuję tych pieniędzy",
                    "potrzebuję pieniędzy",
                    "muszę zapłacić",
                    "chce pieniądze",
                ),
                ("dzisiaj", "dziś", "jutro", "do jutra"),
            ),
        ),
        VULNERABLE: (
            "nie mam już pieniędzy na jedzenie",
            "nie mam pieniędzy na jedzenie dla dzieci",
            "nie mam na jedzenie dla dzieci",
            "nie mam czym nakarmić dzieci",
            *_c(
                ("zginął mój", "zginął mi", "zabili mi", "zabili mojego"),
                ("syn~", "mąż~", "męża", "tat~", "brat~", "ojc~"),
            ),
            *_c(("mój syn", "mój mąż", "mój tata", "mój brat", "mój ojciec"), ("zginął",)),
            *_c(("zginęła moja", "zginęła mi"), ("córka", "żona", "mama", "matka", "siostra")),
            *_c(("moja córka", "moja żona", "moja mama", "moja siostra"), ("zginęła",)),
        ),
    },
    "ro": {
        HUMAN: (
            "e cineva ?",
            "e cineva acolo",
            "e cineva aici",
            "este cineva acolo",
            "este cineva aici",
            "alo e cineva",
            "mă aude cineva",
            "mă citește cineva",
            "răspunde cineva",
            *_c(
                ("să vorbesc cu", "vreau să vorbesc cu", "pot vorbi cu", "vorbesc cu"),
                (
                    "un coleg",
                    "o colegă",
                    "un consultant",
                    "un consilier",
                    "un operator",
                    "un angajat",
                ),
            ),
        ),
        REPEATED: (
            "am întrebat când",
            "v-am întrebat când",
            "te-am întrebat când",
            "am întrebat deja",
            "întreb din nou",
            "întreb iar",
            "a cincea oară",
            "a patra zi",
            "a cincea zi",
            *_c(
                ("am încercat de", "am sunat de", "am scris de", "am trimis de", "am incercat de"),
                _N_TIMES_RO,
            ),
        ),
        DEADLINE: (
            "nu am cu ce plăti",
            "mă evacuează",
            *_c(
                (
                    "vrea banii",
                    "am nevoie de bani",
                    "am nevoie de banii",
                    "îmi trebuie banii",
                    "trebuie să plătesc",
                ),
                ("azi", "astăzi", "mâine", "până mâine", "până diseară"),
            ),
            "n-am niciun ban la mine",
            "bani de medicamente",
            "banii pentru medicamente",
            "plătesc chiria mâine",
            "chiria e mâine",
            "chiria mâine",
            "rămân fără casă",
            "rămânem fără casă",
        ),
        VULNERABLE: (
            "nu mai am bani de mâncare",
            "nu am bani de mâncare",
            "n-am bani de mâncare",
            "nu mai am bani de mancare",
            "nu am cu ce hrăni copiii",
            "copiii n-au ce mânca",
            "copiii nu au ce mânca",
            *_c(
                ("fiul meu", "soțul meu", "tatăl meu", "fratele meu", "băiatul meu"),
                ("a fost ucis", "a murit în", "a murit", "a decedat"),
            ),
            *_c(("fiica mea", "soția mea", "mama mea", "sora mea"), ("a fost ucisă", "a murit")),
        ),
    },
    "pt": {
        HUMAN: (
            "está aí alguém",
            "está alguém aí",
            "alguém aí",
            "alguém me ouve",
            "alguém me está a ler",
            "olá está alguém",
            *_c(
                ("falar com", "quero falar com", "posso falar com", "preciso de falar com"),
                (
                    "um colega",
                    "uma colega",
                    "um assistente",
                    "uma assistente",
                    "um consultor",
                    "um gestor",
                    "um funcionário",
                ),
            ),
        ),
        REPEATED: (
            "perguntei quando",
            "já perguntei quando",
            "estou a perguntar quando",
            "estou perguntando quando",
            "pergunto outra vez",
            "quinta vez",
            "terceiro dia",
            "quarto dia",
            "quinto dia",
            *_c(("já enviei", "já mandei", "já liguei", "já tentei", "tentei"), _N_TIMES_PT),
        ),
        STILL_NOT: (
            "continua bloqueada",
            "continua bloqueado",
            "ainda está bloqueada",
            "ainda está bloqueado",
            "continua parada",
            "continua pendente",
        ),
        DEADLINE: (
            "pagar a renda amanhã",
            "pagar a renda hoje",
            "a renda é amanhã",
            "pagar o aluguel amanhã",
            "o aluguel vence",
            "dinheiro para os medicamentos",
            "dinheiro para os remédios",
            "para comprar os medicamentos",
            "não tenho dinheiro nenhum comigo",
            "vou perder a casa",
            "vou ficar sem casa",
            "vão-me despejar",
            "me despejar",
            "vou ser despejado",
            "vou ser despejada",
            *_c(
                ("preciso do dinheiro", "tenho de pagar", "tenho que pagar", "quer o dinheiro"),
                ("hoje", "amanhã", "até amanhã"),
            ),
        ),
        VULNERABLE: (
            "não tenho dinheiro para comer",
            "já não tenho dinheiro para comida",
            "sem dinheiro para comida",
            "não tenho com que alimentar os meus filhos",
            *_c(
                ("o meu filho", "meu filho", "o meu marido", "meu marido", "o meu pai", "meu pai"),
                ("foi morto", "morreu"),
            ),
            *_c(
                ("a minha filha", "minha filha", "a minha mãe", "minha mãe"),
                ("foi morta", "morreu"),
            ),
        ),
    },
    "es": {
        HUMAN: (
            "hay alguien ahí",
            "hay alguien ?",
            "alguien ahí",
            "hola hay alguien",
            "alguien me oye",
            "alguien me lee",
            "me escucha alguien",
            *_c(
                ("hablar con", "quiero hablar con", "puedo hablar con", "necesito hablar con"),
                (
                    "un compañero",
                    "una compañera",
                    "un asesor",
                    "una asesora",
                    "un gestor",
                    "un empleado",
                    "un agente",
                ),
            ),
        ),
        REPEATED: (
            "pregunté cuándo",
            "te pregunté cuándo",
            "os pregunté cuándo",
            "le pregunté cuándo",
            "estoy preguntando cuándo",
            "te estoy preguntando",
            "os estoy preguntando",
            "quinta vez",
            "tercer día",
            "cuarto día",
            "quinto día",
            *_c(
                ("lo he intentado", "lo intenté", "he intentado", "he llamado", "he enviado"),
                _N_TIMES_ES,
            ),
        ),
        DEADLINE: (
            "pagar el alquiler mañana",
            "pagar el alquiler hoy",
            "el alquiler es mañana",
            "el alquiler vence",
            "me quedo sin piso",
            "me quedo sin casa",
            "voy a perder el piso",
            "voy a perder la casa",
            "dinero para las medicinas",
            "dinero para los medicamentos",
            "no tengo con qué pagar",
            "me van a echar",
            "me van a desahuciar",
            *_c(
                ("necesito el dinero", "tengo que pagar", "quiere el dinero"),
                ("hoy", "mañana", "para mañana"),
            ),
        ),
        VULNERABLE: (
            "no me queda dinero para comer",
            "no tengo dinero para comida",
            "no tengo para darles de comer",
            "no tengo dinero para la comida de mis hijos",
            *_c(
                ("mi hijo", "mi marido", "mi padre", "mi hermano"),
                ("fue asesinado", "murió", "ha muerto", "falleció"),
            ),
            *_c(
                ("mi hija", "mi mujer", "mi madre", "mi hermana"),
                ("fue asesinada", "murió", "ha muerto", "falleció"),
            ),
            "mataron a mi",
        ),
    },
    "it": {
        HUMAN: (
            "c'è nessuno",
            "ce nessuno",
            "c'è qualcuno lì",
            "pronto c'è qualcuno",
            "qualcuno mi sente",
            "qualcuno mi legge",
            *_c(
                ("parlare con", "voglio parlare con", "posso parlare con"),
                ("un collega", "una collega", "un consulente", "un operatore", "un impiegato"),
            ),
        ),
        REPEATED: (
            "ho chiesto quando",
            "ti ho chiesto quando",
            "vi ho chiesto quando",
            "sto chiedendo quando",
            "vi sto chiedendo",
            "quinta volta",
            "terzo giorno",
            "quarto giorno",
            "quinto giorno",
            *_c(("ho provato", "ho chiamato", "ho scritto", "ho mandato"), _N_TIMES_IT),
        ),
        DEADLINE: (
            "pagare l'affitto domani",
            "l'affitto scade",
            "soldi per le medicine",
            "soldi per i medicinali",
            "perdo la casa",
            "non ho come pagare",
            "mi sfrattano",
            *_c(
                ("ho bisogno dei soldi", "devo pagare", "vuole i soldi"),
                ("oggi", "domani", "entro domani"),
            ),
        ),
        VULNERABLE: (
            "non ho più soldi per mangiare",
            "non ho soldi per il cibo",
            "non ho da dare da mangiare ai miei figli",
            *_c(
                ("mio figlio", "mio marito", "mio padre", "mio fratello"),
                ("è stato ucciso", "è morto"),
            ),
            *_c(
                ("mia figlia", "mia moglie", "mia madre", "mia sorella"),
                ("è stata uccisa", "è morta"),
            ),
        ),
    },
    "fr": {
        HUMAN: (
            "quelqu'un est là",
            "il y a quelqu'un ?",
            "y a quelqu'un ?",
            "il y a quelqu'un là",
            "allo il y a quelqu'un",
            "allô il y a quelqu'un",
            "il y a quelqu'un ou pas",
            "quelqu'un m'entend",
            "quelqu'un me lit",
            *_c(
                ("parler à", "parler avec", "veux parler à", "veux parler avec"),
                ("un collègue", "une collègue", "un conseiller", "une conseillère", "un agent"),
            ),
        ),
        REPEATED: (
            "j'ai demandé quand",
            "je vous ai demandé quand",
            "je t'ai demandé quand",
            "cinquième fois",
            "troisième jour",
            "quatrième jour",
            "cinquième jour",
            *_c(("j'ai essayé", "j'ai appelé", "j'ai écrit", "j'ai envoyé"), _N_TIMES_FR),
        ),
        DEADLINE: (
            "payer le loyer demain",
            "le loyer est demain",
            "argent pour les médicaments",
            "je vais perdre l'appartement",
            "je vais perdre le logement",
            "je n'ai rien pour payer",
            "me mettre dehors",
            "me mettre à la porte",
            *_c(
                ("j'ai besoin de l'argent", "je dois payer", "veut l'argent"),
                ("aujourd'hui", "demain", "avant demain"),
            ),
        ),
        VULNERABLE: (
            "plus d'argent pour manger",
            "je n'ai plus de quoi manger",
            "rien pour nourrir mes enfants",
            *_c(
                ("mon fils", "mon mari", "mon père", "mon frère"),
                ("a été tué", "est mort", "est décédé"),
            ),
            *_c(
                ("ma fille", "ma femme", "ma mère", "ma sœur"),
                ("a été tuée", "est morte", "est décédée"),
            ),
        ),
    },
    "de": {
        HUMAN: (
            "ist da jemand",
            "ist jemand da",
            "hallo ist da jemand",
            "hört mich jemand",
            "liest das jemand",
            *_c(
                (
                    "mit einem kollegen",
                    "mit einer kollegin",
                    "mit einem berater",
                    "mit einer beraterin",
                ),
                ("sprechen", "reden"),
            ),
        ),
        REPEATED: (
            "ich habe gefragt wann",
            "hab gefragt wann",
            "ich frage wann",
            "ich frage nochmal",
            "ich frage noch einmal",
            "zum fünften mal",
            "dritter tag",
            "vierter tag",
            "seit dem dritten tag",
            *_c(("ich habe es", "hab es", "ich habe"), tuple(f"{n} versucht" for n in _N_TIMES_DE)),
        ),
        DEADLINE: (
            "miete morgen",
            "die miete ist morgen fällig",
            "geld für die medikamente",
            "geld für medikamente",
            "ich verliere die wohnung",
            *_c(("ich muss",), ("heute zahlen", "morgen zahlen", "bis morgen zahlen")),
            *_c(("ich brauche das geld", "will das geld"), ("heute", "morgen", "bis morgen")),
        ),
        VULNERABLE: (
            "kein geld mehr für essen",
            "kein geld für essen",
            "nichts zu essen für die kinder",
            *_c(
                ("mein sohn", "mein mann", "mein vater", "mein bruder"),
                (
                    "wurde getötet",
                    "ist gestorben",
                    "ist ums leben gekommen",
                    "ist im krieg gefallen",
                ),
            ),
            *_c(
                ("meine tochter", "meine frau", "meine mutter", "meine schwester"),
                ("wurde getötet", "ist gestorben"),
            ),
        ),
    },
    "nl": {
        HUMAN: ("is er iemand", "is daar iemand", "hallo is er iemand", "hoort iemand mij"),
        REPEATED: (
            "ik vroeg wanneer",
            "ik heb gevraagd wanneer",
            "ik vraag wanneer",
            "vijfde keer",
            "derde dag",
        ),
        VULNERABLE: (
            "geen geld meer voor eten",
            *_c(
                ("mijn zoon", "mijn man", "mijn vader"),
                ("is omgekomen", "is gedood", "is overleden"),
            ),
        ),
    },
    "uk": {
        HUMAN: (
            "є хтось ?",
            "тут є хтось",
            "хтось є ?",
            "хтось тут є",
            "алло є хтось",
            "хтось мене чує",
            "хтось читає",
            *_c(
                ("поговорити з", "говорити з", "зв'язатися з"),
                ("колегою", "консультантом", "працівником", "оператором", "менеджером"),
            ),
        ),
        REPEATED: (
            "я питав коли",
            "я питала коли",
            "питаю коли",
            "я вже питав коли",
            "я вже питала коли",
            "питаю ще раз",
            "п'ятий раз",
            "вже п'ятий раз",
            "третій день",
            "четвертий день",
            *_c(
                ("пробував", "пробувала", "намагався", "намагалася", "дзвонив", "дзвонила"),
                ("3 рази", "4 рази", "5 разів", "тричі", "чотири рази", "п'ять разів"),
            ),
        ),
        STILL_NOT: ("досі не", "досі нічого", "все ще не"),
        DEADLINE: (
            "гроші на ліки",
            "грошей на ліки",
            "оренду завтра",
            "втрачу квартиру",
            "нас виселять",
            "мене виселять",
            *_c(
                ("потрібні гроші", "треба заплатити", "маю заплатити"),
                ("сьогодні", "завтра", "до завтра"),
            ),
        ),
        VULNERABLE: (
            *_c(
                ("мій син", "мій чоловік", "мій батько", "мій тато", "мій брат", "син", "чоловік"),
                ("загинув", "був вбитий", "убитий", "вбили"),
            ),
            *_c(
                ("моя донька", "моя дочка", "моя дружина", "моя мама", "моя сестра"),
                ("загинула", "була вбита"),
            ),
            "загинув на війні",
            "загинула на війні",
            "немає грошей на їжу для дітей",
            "не маю грошей на їжу",
            "нема за що годувати дітей",
        ),
    },
    "ru": {
        HUMAN: (
            "есть кто ?",
            "есть кто-нибудь",
            "тут есть кто",
            "кто-нибудь есть",
            "алло есть кто",
            "меня кто-нибудь слышит",
            "кто-нибудь читает",
            *_c(
                ("поговорить с", "связаться с", "соединить с"),
                ("коллегой", "консультантом", "сотрудником", "оператором", "менеджером"),
            ),
        ),
        REPEATED: (
            "я спрашивал когда",
            "я спрашивала когда",
            "спрашиваю когда",
            "я уже спрашивал когда",
            "я уже спрашивала когда",
            "спрашиваю ещё раз",
            "спрашиваю еще раз",
            "пятый раз",
            "третий день",
            "четвёртый день",
            "четвертый день",
            *_c(
                ("пытался", "пыталась", "пробовал", "пробовала", "звонил", "звонила"),
                ("3 раза", "4 раза", "5 раз", "три раза", "четыре раза", "пять раз"),
            ),
        ),
        STILL_NOT: ("до сих пор не", "до сих пор ничего", "всё ещё не", "все еще не"),
        DEADLINE: (
            "деньги на лекарства",
            "денег на лекарства",
            "аренду завтра",
            "потеряю квартиру",
            "меня выселят",
            "нас выселят",
            "меня выгонят",
            *_c(
                ("нужны деньги", "надо заплатить", "нужно заплатить"),
                ("сегодня", "завтра", "до завтра"),
            ),
        ),
        VULNERABLE: (
            *_c(
                ("мой сын", "мой муж", "мой отец", "мой брат", "сын", "муж"),
                ("погиб", "был убит", "убили"),
            ),
            *_c(("моя дочь", "моя жена", "моя мама", "моя сестра"), ("погибла", "была убита")),
            "нет денег на еду",
            "не на что кормить детей",
        ),
    },
    "bg": {
        HUMAN: (
            "има ли някой",
            "има ли някой там",
            "ало има ли някой",
            "някой там ли е",
            "чува ли ме някой",
            *_c(("да говоря с", "говоря с"), ("колега", "консултант", "служител", "оператор")),
        ),
        REPEATED: (
            "питах кога",
            "вече питах",
            "питам отново",
            "пети път",
            "трети ден",
            "четвърти ден",
        ),
        STILL_NOT: ("все още не", "още нищо"),
        DEADLINE: ("пари за лекарства", "наема утре", "ще загубя квартирата"),
        VULNERABLE: (
            *_c(("синът ми", "мъжът ми", "баща ми", "брат ми"), ("загина", "беше убит", "почина")),
            *_c(("дъщеря ми", "жена ми", "майка ми"), ("загина", "почина")),
            "нямам пари за храна",
        ),
    },
    "lt": {
        HUMAN: ("ar kas nors yra", "ar yra kas nors", "alio ar kas nors", "ar kas nors girdi"),
        REPEATED: (
            "klausiau kada",
            "jau klausiau",
            "klausiu kada",
            "penktą kartą",
            "trečia diena",
            "trečią dieną",
        ),
        DEADLINE: ("pinigai vaistams", "pinigų vaistams", "nuoma rytoj"),
        VULNERABLE: (
            "neturiu pinigų maistui",
            *_c(("mano sūnus", "mano vyras", "mano tėvas"), ("žuvo", "buvo nužudytas", "mirė")),
        ),
    },
    "tr": {
        HUMAN: (
            "kimse var mı",
            "orada kimse var mı",
            "alo kimse var mı",
            "biri var mı",
            "beni duyan var mı",
        ),
        REPEATED: (
            "ne zaman diye sordum",
            "sordum ne zaman",
            "ne zaman diye soruyorum",
            "soruyorum ne zaman",
            "beşinci kez",
            "üçüncü gün",
            "dördüncü gün",
            "3 kez denedim",
            "4 kez denedim",
            "5 kez denedim",
            "3 kere denedim",
            "4 kere denedim",
        ),
        DEADLINE: (
            "ilaç parası",
            "ilaç için para",
            "kira yarın",
            "evden çıkarılacağım",
            "bugün ödemem lazım",
            "yarın ödemem lazım",
            "parayı bugün istiyor",
            "beni evden atacak",
        ),
        VULNERABLE: (
            "yemek için param kalmadı",
            "çocuklara yemek alacak param yok",
            *_c(
                ("oğlum", "kocam", "babam", "kardeşim"),
                ("öldürüldü", "hayatını kaybetti", "vefat etti"),
            ),
        ),
    },
    "ur": {
        HUMAN: (
            "koi hai ?",
            "koi hai kya ?",
            "hello koi hai",
            "koi sun raha hai",
            "کوئی ہے ؟",
            "کوئی ہے ?",
            *_c(_HI_ROLE, _HI_MIXED_TALK),
        ),
        REPEATED: (
            "maine pucha kab",
            "maine poocha kab",
            "pehle bhi pucha",
            "pehle bhi poocha",
            "phir se pooch raha",
            "phir se pooch rahi",
            "میں نے پوچھا کب",
            "پہلے بھی پوچھا",
            "teesra din",
            "teesri baar",
            "panchvi baar",
        ),
        DEADLINE: (
            "dawai ke paise",
            "dawai ke liye paise",
            "kiraya kal",
            "aaj hi paise chahiye",
            "kal tak paise dene",
            "ghar se nikal dega",
            "ghar se nikal denge",
        ),
        VULNERABLE: (
            "khane ke paise nahi",
            "bachon ke khane ke paise",
            "کھانے کے پیسے نہیں",
            *_c(
                ("mera beta", "mere shohar", "mere walid", "mera bhai"),
                ("maara gaya", "mar gaya", "guzar gaye", "fot ho gaye"),
            ),
        ),
    },
    "hi": {
        HUMAN: (
            "koi hai ?",
            "koi hai kya ?",
            "hello koi hai",
            "koi sun raha hai",
            "कोई है ?",
            "कोई सुन रहा है",
            *_c(_HI_ROLE, _HI_MIXED_TALK),
            *_c(
                ("किसी सलाहकार से", "किसी अधिकारी से", "किसी से"),
                ("बात करनी है", "बात करना है", "बात कराओ"),
            ),
        ),
        REPEATED: (
            "maine pucha kab",
            "maine poocha kab",
            "pehle bhi pucha",
            "pehle bhi poocha",
            "मैंने पूछा कब",
            "पहले भी पूछा",
            "तीसरा दिन",
            "teesra din",
            "teesri baar",
        ),
        DEADLINE: (
            "dawai ke paise",
            "dawai ke liye paise",
            "दवाई के पैसे",
            "kiraya kal",
            "किराया कल",
            "aaj hi paise chahiye",
            "kal tak paise dene",
            "ghar se nikal dega",
            "ghar se nikal denge",
        ),
        VULNERABLE: (
            "khane ke paise nahi",
            "खाने के पैसे नहीं",
            *_c(
                ("mera beta", "mere pati", "mere pita", "mera bhai"),
                ("maara gaya", "mar gaya", "guzar gaye"),
            ),
            *_c(("मेरा बेटा", "मेरे पति", "मेरे पिता"), ("मारा गया", "मर गया", "गुज़र गए")),
        ),
    },
    "pa": {
        HUMAN: ("ਕੋਈ ਹੈ ?", "ਕੋਈ ਸੁਣ ਰਿਹਾ ਹੈ", "koi hai ?", "koi hega ?"),
        REPEATED: ("ਮੈਂ ਪੁੱਛਿਆ ਕਦੋਂ", "main puchheya kado", "ਤੀਜਾ ਦਿਨ"),
        DEADLINE: ("ਦਵਾਈ ਦੇ ਪੈਸੇ", "dawai de paise", "ਕਿਰਾਇਆ ਕੱਲ੍ਹ"),
        VULNERABLE: (
            "ਖਾਣ ਲਈ ਪੈਸੇ ਨਹੀਂ",
            *_c(("ਮੇਰਾ ਪੁੱਤ", "ਮੇਰਾ ਪੁੱਤਰ", "ਮੇਰੇ ਪਤੀ"), ("ਮਾਰਿਆ ਗਿਆ", "ਮਰ ਗਿਆ")),
        ),
    },
    "bn": {
        HUMAN: ("কেউ আছেন", "কেউ আছে ?", "keu achen", "keu ache ?", "কেউ শুনছেন"),
        REPEATED: ("আমি জিজ্ঞেস করেছি কবে", "আবার জিজ্ঞেস করছি", "তৃতীয় দিন"),
        DEADLINE: ("ওষুধের টাকা", "কাল ভাড়া দিতে হবে"),
        VULNERABLE: (
            "খাবারের টাকা নেই",
            *_c(("আমার ছেলে", "আমার স্বামী"), ("মারা গেছে", "মারা গেছেন", "নিহত")),
        ),
    },
    "gu": {
        HUMAN: ("કોઈ છે ?", "koi che ?", "કોઈ સાંભળે છે"),
        REPEATED: ("મેં પૂછ્યું ક્યારે", "ત્રીજો દિવસ"),
        DEADLINE: ("દવાના પૈસા", "કાલે ભાડું"),
        VULNERABLE: ("ખાવાના પૈસા નથી", *_c(("મારો દીકરો", "મારા પતિ"), ("મૃત્યુ પામ્યા", "મરી ગયો"))),
    },
    "ar": {
        HUMAN: ("هل من أحد", "هل يوجد أحد", "فيه حد", "حد موجود", "هل هناك أحد", "أحد يسمعني"),
        REPEATED: ("سألت متى", "سألتكم متى", "أسأل مرة أخرى", "اليوم الثالث", "المرة الخامسة"),
        DEADLINE: ("فلوس الدواء", "مال للدواء", "الإيجار غدا"),
        VULNERABLE: (
            "ما عندي فلوس للأكل",
            "لا أملك مالا للطعام",
            *_c(("ابني", "زوجي", "أبي"), ("قتل", "استشهد", "توفي")),
        ),
    },
    "fa": {
        HUMAN: ("کسی هست", "kasi hast", "kesi hast"),
        REPEATED: ("پرسیدم کی", "بار پنجم", "روز سوم"),
        DEADLINE: ("پول دارو", "اجاره فردا"),
        VULNERABLE: ("پول غذا ندارم", "پسرم کشته شد", "شوهرم کشته شد", "pesaram koshte shod"),
    },
    "ps": {HUMAN: ("څوک شته",), VULNERABLE: ("زوی مې ووژل شو", "د خوړو پیسې نه لرم")},
    "ckb": {HUMAN: ("کەس هەیە", "kes heye"), VULNERABLE: ("کوڕەکەم کوژرا",)},
    "kmr": {
        HUMAN: ("kes li wir e", "kesek li wir e", "kes heye ?"),
        VULNERABLE: ("kurê min hat kuştin", "mêrê min hat kuştin", "pereyê min ji bo xwarinê tune"),
    },
    "ti": {HUMAN: ("ሰብ ኣሎ ዶ",), VULNERABLE: ("ወደይ ተቐቲሉ",)},
    "am": {HUMAN: ("ሰው አለ ወይ", "ማንም አለ"), VULNERABLE: ("ልጄ ተገደለ", "ለምግብ ገንዘብ የለኝም")},
    "cy": {
        HUMAN: ("oes rhywun yna", "oes rhywun yno", "oes rhywun yma"),
        REPEATED: ("gofynnais pryd", "y trydydd diwrnod"),
        DEADLINE: ("rhent yfory", "arian am feddyginiaeth"),
        VULNERABLE: (
            "dim arian am fwyd",
            "mae fy mab wedi marw",
            "bu farw fy ngŵr",
            "lladdwyd fy mab",
        ),
    },
    "cs": {
        HUMAN: ("je tam někdo", "je tu někdo", "haló je tam někdo"),
        REPEATED: ("ptal jsem se kdy", "ptala jsem se kdy", "ptám se kdy", "třetí den", "popáté"),
        VULNERABLE: (
            "nemám peníze na jídlo",
            *_c(("můj syn", "můj manžel", "můj otec"), ("zahynul", "byl zabit")),
        ),
    },
    "sk": {
        HUMAN: ("je tam niekto", "je tu niekto", "haló je tam niekto"),
        REPEATED: (
            "pýtal som sa kedy",
            "pýtala som sa kedy",
            "pýtam sa kedy",
            "tretí deň",
            "piatykrát",
        ),
        VULNERABLE: (
            "nemám peniaze na jedlo",
            *_c(("môj syn", "môj manžel", "môj otec"), ("zahynul", "bol zabitý")),
        ),
    },
    "hu": {
        HUMAN: ("van ott valaki", "van itt valaki", "halló van ott valaki"),
        REPEATED: ("kérdeztem mikor", "harmadik napja", "ötödször"),
        DEADLINE: ("pénz a gyógyszerre", "holnap kell fizetnem a lakbért"),
        VULNERABLE: (
            "nincs pénzem ételre",
            "a fiam meghalt",
            "a férjem meghalt",
            "megölték a fiam",
        ),
    },
    "lv": {
        HUMAN: ("vai kāds ir ?", "vai te kāds ir", "vai tur kāds ir"),
        REPEATED: ("jautāju kad", "trešā diena"),
        VULNERABLE: ("nav naudas ēdienam", "mans dēls gāja bojā", "mans vīrs gāja bojā"),
    },
    "el": {
        HUMAN: ("είναι κανείς εκεί", "είναι κανείς εδώ", "einai kaneis ekei"),
        REPEATED: ("ρώτησα πότε", "τρίτη μέρα", "rotisa pote"),
        DEADLINE: ("λεφτά για φάρμακα", "το ενοίκιο αύριο"),
        VULNERABLE: ("δεν έχω λεφτά για φαγητό", "ο γιος μου σκοτώθηκε", "ο άντρας μου σκοτώθηκε"),
    },
    "sq": {
        HUMAN: ("a ka njeri", "a është dikush", "a ka dikush aty"),
        REPEATED: ("pyeta kur", "dita e tretë"),
        DEADLINE: ("para për ilaçe", "qiraja nesër"),
        VULNERABLE: ("nuk kam para për ushqim", "djali im u vra", "burri im u vra"),
    },
    "vi": {
        HUMAN: ("có ai không ?", "có ai ở đó không", "co ai khong ?", "co ai o do khong"),
        REPEATED: ("tôi đã hỏi khi nào", "toi da hoi khi nao", "lần thứ năm", "ngày thứ ba rồi"),
        VULNERABLE: ("không còn tiền mua đồ ăn", "khong con tien mua do an", "con trai tôi đã mất"),
    },
    "tl": {
        HUMAN: ("may tao ba", "may tao ba diyan", "may tao po ba"),
        REPEATED: ("tinanong ko kung kailan", "ikatlong araw na", "ikalimang beses na"),
        VULNERABLE: (
            "wala na kaming pambili ng pagkain",
            "namatay ang anak ko",
            "pinatay ang anak ko",
        ),
    },
    "pcm": {
        HUMAN: ("anybody dey there", "anybody dey ?", "person dey there"),
        REPEATED: ("i don ask when", "i don ask since"),
        DEADLINE: ("house rent na tomorrow", "money for my mama drugs"),
        VULNERABLE: ("i no get money buy food", "my pikin don die", "dem kill my pikin"),
    },
    "ta": {
        HUMAN: ("யாராவது இருக்கீங்களா", "யாராவது இருக்கிறீர்களா", "yaaravathu irukkingala"),
        VULNERABLE: ("சாப்பாட்டுக்கு காசு இல்லை", "saappattukku kaasu illa", "என் மகன் இறந்துவிட்டான்"),
    },
    "so": {
        HUMAN: ("qof ma joogaa", "ma jiraa qof"),
        VULNERABLE: ("wiilkayga waa la dilay", "lacag aan cunto ku iibsado ma haysto"),
    },
    "ml": {HUMAN: ("ആരെങ്കിലും ഉണ്ടോ", "aarenkilum undo")},
    "ne": {HUMAN: ("कोही हुनुहुन्छ", "kohi hunuhunchha")},
    "si": {HUMAN: ("කවුරුහරි ඉන්නවද", "kawuruhari innawada")},
    "yo": {HUMAN: ("ṣé ẹnikan wà níbẹ̀", "se enikan wa nibe")},
    "ak": {HUMAN: ("obi wɔ hɔ anaa", "obi wo ho anaa")},
    "yue": {HUMAN: ("yau mou yan a", "yau mo yan a")},
    "zh": {
        HUMAN: ("有人在吗", "有人在嗎", "有人吗", "有人嗎", "有冇人"),
        REPEATED: (
            "我问了什么时候",
            "我已经问过",
            "已经第三天",
            "第五次了",
            "试了三次",
            "试了好几次",
        ),
        DEADLINE: ("明天要交房租", "买药的钱", "買藥的錢"),
        VULNERABLE: ("没钱吃饭", "沒錢吃飯", "我儿子去世", "我丈夫去世", "我儿子被杀"),
    },
}


def _add_round17() -> None:
    """Round 17's phrases appended to the tables above, kind by kind (see _ROUND17)."""
    by_code = {language.code: language for language in LANGUAGES}
    for code, kinds in _ROUND17.items():
        cues = by_code[code].cues
        for kind, phrases in kinds.items():
            cues[kind] = (*cues.get(kind, ()), *(p for p in phrases if p not in cues.get(kind, ())))


_add_round17()

# ================================================================ round 18: asked politely, in need
# The fourteenth held-out set's diagnosis (round 18, principle 1, part A): in languages with a
# table, everyday forms of the kinds English reads were still missing, and some cues fired on
# calm messages. By kind:
#
# * human_demand: the conditional or polite request ("I'd like to speak to", "could I talk
#   to") with the case officer, clerk, client or relationship manager and "a person" nouns in
#   the case the verb governs ("z moim opiekunem klienta", "egy ügyintézővel ... beszélni");
# * what_now (English's kind of the same name, text.py): "I don't know what to do (now)";
#   repeated_asking: "refused / declined again"; deadline: eviction and being thrown out as
#   the consequence of a payment not made ("I have to get out", "we'll be evicted");
# * vulnerability: hardship told as circumstance (lost my job and can't pay anything, "I'm
#   desperate"), a partner who threw the customer out or keeps the money from them;
# * legal_threat: reporting the bank or calling its conduct illegal;
# * sarcasm: thanks for a harm done to the customer ("thanks for blocking my card");
# * bank_hold (English's kind): a hold told as a state ("my card is blocked", "the account
#   is frozen");
# * not_current (English's kind, text.py drops the fraud and bereavement cues it overlaps):
#   a death or a fraud told with a time marker right after it ("died five years ago",
#   "fraud last year");
# * deadline for the ten tables of round 14 batch B, which listed none.
#
# And the disarming side for requests: asking for a number to call or a channel for later
# ("what number do I call from abroad") is information, not a request for a person now; those
# phrases leave the tables (_NOT_A_REQUEST below).
#
# Review status: as the tables above, written by a NON-NATIVE author, not yet checked by a
# native speaker (tests/test_routing_round18_languages.py).
WHAT_NOW = "what_now"
BANK_HOLD = "bank_hold"
NOT_CURRENT = "not_current"
LANGUAGE_ONLY_KINDS[WHAT_NOW] = (0.0, True)  # a routing fact, as English's
LANGUAGE_ONLY_KINDS[BANK_HOLD] = (0.0, True)  # a routing fact, as English's situation kind
LANGUAGE_ONLY_KINDS[NOT_CURRENT] = (0.0, True)  # disarms the cues it overlaps (text.py)
# sarcasm (thanks for a harm) keeps its LANGUAGE_ONLY_KINDS weight above (0.55).

_PL_POLITE = (
    "chciałbym porozmawiać z",
    "chciałabym porozmawiać z",
    "chciałbym rozmawiać z",
    "chciałabym rozmawiać z",
    "czy mogę porozmawiać z",
    "czy mógłbym porozmawiać z",
    "czy mogłabym porozmawiać z",
    "chciałbym się skontaktować z",
    "chciałabym się skontaktować z",
    "chciałbym się połączyć z",
    "chciałabym się połączyć z",
)
_PL_WHO18 = (
    "moim opiekun~",
    "opiekun~ klienta",
    "moim doradc~",
    "doradc~ klienta",
    "urzędnik~",
    "pracownik~",
    "konsultant~",
    "kimś",
    "człowiek~",
    "osobą",
    "menedżer~",
    "kierownik~",
)
_RO_POLITE = (
    "aș vrea să vorbesc cu",
    "as vrea sa vorbesc cu",
    "aș dori să vorbesc cu",
    "as dori sa vorbesc cu",
    "pot să vorbesc cu",
    "pot sa vorbesc cu",
    "aș putea vorbi cu",
    "as putea vorbi cu",
)
_RO_WHO18 = (
    "un funcționar",
    "un functionar",
    "un operator",
    "un consultant",
    "consilierul meu",
    "managerul meu",
    "managerul de cont",
    "o persoană",
    "o persoana",
    "cineva",
    "un om",
)
_PT_POLITE = (
    "gostaria de falar com",
    "queria falar com",
    "podia falar com",
    "poderia falar com",
    "posso falar com",
)
_PT_WHO18 = (
    "um funcionário",
    "um funcionario",
    "uma pessoa",
    "alguém",
    "alguem",
    "o meu gestor",
    "meu gestor",
    "o meu gerente",
    "meu gerente",
    "um assistente",
    "um atendente",
)
_ES_POLITE = (
    "me gustaría hablar con",
    "me gustaria hablar con",
    "quisiera hablar con",
    "querría hablar con",
    "podría hablar con",
    "podria hablar con",
    "puedo hablar con",
)
_ES_WHO18 = (
    "un empleado",
    "una persona",
    "alguien",
    "mi gestor",
    "mi gestora",
    "un gestor",
    "mi asesor",
    "mi asesora",
    "un asesor",
    "un agente",
)
_IT_POLITE = (
    "vorrei parlare con",
    "potrei parlare con",
    "posso parlare con",
    "avrei bisogno di parlare con",
)
_IT_WHO18 = (
    "un impiegato",
    "un operatore",
    "una persona",
    "qualcuno",
    "il mio gestore",
    "il mio consulente",
    "un consulente",
)
_FR_POLITE = (
    "je voudrais parler à",
    "je voudrais parler a",
    "je voudrais parler avec",
    "j'aimerais parler à",
    "j'aimerais parler a",
    "j'aimerais parler avec",
    "pourrais-je parler à",
    "est-ce que je peux parler à",
    "puis-je parler à",
)
_FR_WHO18 = (
    "un conseiller",
    "une conseillère",
    "mon conseiller",
    "ma conseillère",
    "un employé",
    "quelqu'un",
    "une personne",
    "un agent",
    "mon gestionnaire",
)
_DE_POLITE = (
    "ich würde gerne mit",
    "ich würde gern mit",
    "ich möchte gerne mit",
    "ich möchte mit",
    "könnte ich mit",
    "kann ich mit",
)
_DE_WHO18 = (
    "einem mitarbeiter sprechen",
    "einer mitarbeiterin sprechen",
    "einem sachbearbeiter sprechen",
    "einer sachbearbeiterin sprechen",
    "meinem berater sprechen",
    "meiner beraterin sprechen",
    "meinem kundenbetreuer sprechen",
    "einem menschen sprechen",
    "jemandem sprechen",
)
_HU_WHO18 = (
    "egy ügyintézővel",
    "az ügyintézőmmel",
    "egy munkatárssal",
    "egy tanácsadóval",
    "a tanácsadómmal",
    "az ügyfélreferensemmel",
    "a kapcsolattartómmal",
    "egy emberrel",
    "valakivel",
)
_NL_POLITE = ("ik zou graag", "zou ik", "kan ik", "mag ik")
_NL_WHO18 = (
    "met een medewerker spreken",
    "een medewerker spreken",
    "met mijn adviseur spreken",
    "mijn adviseur spreken",
    "met iemand spreken",
    "iemand spreken",
    "met een mens spreken",
    "met mijn accountmanager spreken",
)

# What a time marker right after a death or a fraud word reads as: long ago or settled.
_ES_LONG_AGO = (
    "hace años",
    "hace dos años",
    "hace tres años",
    "hace cuatro años",
    "hace cinco años",
    "hace seis años",
    "hace diez años",
    "hace muchos años",
    "el año pasado",
    "en 2019",
    "en 2020",
    "en 2021",
    "en 2022",
    "en 2023",
)
_PT_LONG_AGO = (
    "há anos",
    "ha anos",
    "há dois anos",
    "há três anos",
    "há cinco anos",
    "há muitos anos",
    "no ano passado",
    "o ano passado",
)
_PL_LONG_AGO = (
    "lata temu",
    "dwa lata temu",
    "trzy lata temu",
    "pięć lat temu",
    "piec lat temu",
    "wiele lat temu",
    "w zeszłym roku",
    "w zeszlym roku",
    "rok temu",
)
_IT_LONG_AGO = ("anni fa", "due anni fa", "tre anni fa", "cinque anni fa", "l'anno scorso")
_FR_LONG_AGO = ("il y a des années", "il y a deux ans", "il y a cinq ans", "l'année dernière")
_RO_LONG_AGO = ("acum câțiva ani", "acum cativa ani", "acum cinci ani", "anul trecut")
_UR_LONG_AGO = ("pichle saal", "pichhle saal", "kai saal pehle", "saal pehle", "paanch saal pehle")
_DE_LONG_AGO = ("vor jahren", "vor fünf jahren", "vor zwei jahren", "letztes jahr")

_ROUND18: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        HUMAN: _c(_PL_POLITE, _PL_WHO18),
        WHAT_NOW: (
            "nie wiem co robić",
            "nie wiem co mam robić",
            "nie wiem już co robić",
            "nie wiem co teraz robić",
            "co ja mam teraz zrobić",
        ),
        REPEATED: (
            "znowu odrzucony",
            "znowu odrzucona",
            "znowu odrzucone",
            "ponownie odrzucony",
            "ponownie odrzucona",
            "znów odrzucony",
            "znów odrzucona",
            "znowu odmowa",
        ),
        DEADLINE: (
            "mam się wynosić",
            "mam się wynieść",
            "każe mi się wyprowadzić",
            "każe nam się wyprowadzić",
            "grozi mi eksmisją",
            "dostałem nakaz eksmisji",
            "dostałam nakaz eksmisji",
            "odetną mi prąd",
        ),
        VULNERABLE: (
            "straciłem pracę i nie mam",
            "straciłam pracę i nie mam",
            "straciłem pracę i nie mogę",
            "straciłam pracę i nie mogę",
            "jestem zdesperowany",
            "jestem zdesperowana",
            "partner wyrzucił mnie z domu",
            "mąż wyrzucił mnie z domu",
            "wyrzucił mnie z domu",
            "mąż nie daje mi dostępu do pieniędzy",
            "mąż kontroluje moje pieniądze",
            "partner kontroluje moje pieniądze",
        ),
        LEGAL: (
            "zgłoszę bank",
            "zgłoszę to do rzecznika",
            "złożę skargę do knf",
            "to jest nielegalne",
            "to nielegalne",
            "podam bank do sądu",
            "pozwę bank",
        ),
        SARCASM: (
            "dzięki za zablokowanie karty",
            "dziękuję za zablokowanie karty",
            "dzięki za zablokowanie konta",
            "dziękuję za zablokowanie konta",
        ),
        BANK_HOLD: (
            "karta jest zablokowana",
            "karta zablokowana",
            "konto jest zablokowane",
            "konto zablokowane",
            "konto jest zamrożone",
            "konto zamrożone",
            "zablokowaliście mi kartę",
            "zablokowaliście mi konto",
        ),
        NOT_CURRENT: (
            *_c(("zmarła", "zmarł", "umarła", "umarł"), _PL_LONG_AGO),
            *_c(("oszustwo", "oszukana", "oszukany"), _PL_LONG_AGO),
        ),
    },
    "ro": {
        HUMAN: _c(_RO_POLITE, _RO_WHO18),
        WHAT_NOW: ("nu știu ce să fac", "nu stiu ce sa fac", "nu mai știu ce să fac"),
        REPEATED: ("iar respins", "iar respinsă", "din nou respins", "din nou respinsa"),
        DEADLINE: ("mă dă afară din casă", "ma da afara din casa", "rămân fără casă"),
        VULNERABLE: (
            "mi-am pierdut locul de muncă și nu",
            "mi-am pierdut locul de munca si nu",
            "sunt disperată",
            "sunt disperat",
            "m-a dat afară din casă",
            "m-a dat afara din casa",
        ),
        LEGAL: ("o să reclam banca", "voi reclama banca", "este ilegal", "e ilegal ce faceți"),
        SARCASM: ("mulțumesc că mi-ați blocat", "mersi că mi-ați blocat", "mersi ca mi-ati blocat"),
        BANK_HOLD: (
            "cardul este blocat",
            "cardul e blocat",
            "contul este blocat",
            "contul e blocat",
        ),
        NOT_CURRENT: _c(("a murit", "a decedat", "frauda"), _RO_LONG_AGO),
    },
    "pt": {
        HUMAN: _c(_PT_POLITE, _PT_WHO18),
        WHAT_NOW: ("não sei o que fazer", "nao sei o que fazer", "já não sei o que fazer"),
        REPEATED: (
            "recusado outra vez",
            "recusada outra vez",
            "recusado de novo",
            "recusada de novo",
        ),
        DEADLINE: ("vou ser despejada", "vou ser despejado", "vão-me despejar", "vão nos despejar"),
        VULNERABLE: (
            "perdi o meu emprego",
            "perdi o emprego",
            "perdi meu emprego",
            "não consigo pagar nada",
            "nao consigo pagar nada",
            "estou desesperada",
            "estou desesperado",
            "me expulsou de casa",
            "expulsou-me de casa",
            "não tenho acesso ao nosso dinheiro",
        ),
        LEGAL: ("vou denunciar o banco", "vou processar o banco", "isto é ilegal", "isso é ilegal"),
        SARCASM: (
            "obrigado por bloquearem o meu cartão",
            "obrigada por bloquearem o meu cartão",
            "obrigado por me bloquearem",
            "obrigada por me bloquearem",
        ),
        BANK_HOLD: (
            "o meu cartão está bloqueado",
            "meu cartão está bloqueado",
            "conta está bloqueada",
        ),
        NOT_CURRENT: _c(("morreu", "faleceu", "fraude"), _PT_LONG_AGO),
    },
    "es": {
        HUMAN: _c(_ES_POLITE, _ES_WHO18),
        WHAT_NOW: ("no sé qué hacer", "no se que hacer", "ya no sé qué hacer"),
        REPEATED: (
            "rechazado otra vez",
            "rechazada otra vez",
            "otra vez rechazado",
            "otra vez rechazada",
        ),
        DEADLINE: (
            "me van a desahuciar",
            "nos van a desahuciar",
            "me echan del piso",
            "nos echan del piso",
        ),
        VULNERABLE: (
            "perdí mi trabajo",
            "perdi mi trabajo",
            "me quedé sin trabajo",
            "no puedo pagar nada",
            "estoy desesperada",
            "estoy desesperado",
            "me ha echado de casa",
            "me echó de casa",
            "me echo de casa",
            "no tengo acceso a nuestro dinero",
            "no me deja tocar el dinero",
        ),
        LEGAL: (
            "voy a denunciar al banco",
            "os voy a denunciar",
            "les voy a denunciar",
            "esto es ilegal",
            "eso es ilegal",
        ),
        SARCASM: (
            "gracias por bloquearme la tarjeta",
            "gracias por bloquearme la cuenta",
            "gracias por congelarme la cuenta",
        ),
        BANK_HOLD: (
            "mi tarjeta está bloqueada",
            "tarjeta bloqueada",
            "cuenta bloqueada",
            "cuenta congelada",
        ),
        NOT_CURRENT: _c(("falleció", "murió", "fallecio", "murio", "fraude"), _ES_LONG_AGO),
    },
    "it": {
        HUMAN: _c(_IT_POLITE, _IT_WHO18),
        WHAT_NOW: ("non so cosa fare", "non so più cosa fare", "non so che fare"),
        REPEATED: (
            "rifiutato di nuovo",
            "rifiutata di nuovo",
            "di nuovo rifiutato",
            "di nuovo rifiutata",
        ),
        DEADLINE: ("mi sfrattano", "ci sfrattano", "rischio lo sfratto"),
        VULNERABLE: (
            "ho perso il lavoro",
            "non riesco a pagare niente",
            "sono disperata",
            "sono disperato",
            "mi ha cacciato di casa",
            "mi ha cacciata di casa",
        ),
        LEGAL: ("denuncio la banca", "vi denuncio", "è illegale", "questo è illegale"),
        SARCASM: ("grazie per avermi bloccato la carta", "grazie per avermi bloccato il conto"),
        BANK_HOLD: (
            "la mia carta è bloccata",
            "carta bloccata",
            "conto bloccato",
            "conto congelato",
        ),
        NOT_CURRENT: _c(("è morta", "è morto", "è mancata", "è mancato", "truffa"), _IT_LONG_AGO),
    },
    "fr": {
        HUMAN: _c(_FR_POLITE, _FR_WHO18),
        WHAT_NOW: (
            "je ne sais pas quoi faire",
            "je sais pas quoi faire",
            "je ne sais plus quoi faire",
        ),
        REPEATED: (
            "refusé encore",
            "encore refusé",
            "encore refusée",
            "refusé à nouveau",
            "de nouveau refusé",
        ),
        DEADLINE: ("je vais être expulsé", "je vais être expulsée", "on va être expulsés"),
        VULNERABLE: (
            "j'ai perdu mon travail",
            "j'ai perdu mon emploi",
            "je suis désespérée",
            "je suis désespéré",
            "m'a mise à la porte",
            "m'a mis à la porte",
        ),
        LEGAL: (
            "je vais porter plainte contre la banque",
            "je vais signaler la banque",
            "c'est illégal",
        ),
        SARCASM: (
            "merci de m'avoir bloqué",
            "merci de m'avoir bloquée",
            "merci d'avoir bloqué ma carte en plein",
            "merci de bloquer ma carte en plein",
        ),
        BANK_HOLD: ("ma carte est bloquée", "carte bloquée", "compte bloqué", "compte gelé"),
        NOT_CURRENT: _c(
            ("est décédée", "est décédé", "est morte", "est mort", "fraude"), _FR_LONG_AGO
        ),
    },
    "de": {
        HUMAN: _c(_DE_POLITE, _DE_WHO18),
        WHAT_NOW: (
            "ich weiß nicht, was ich tun soll",
            "ich weiß nicht mehr weiter",
            "ich weiss nicht mehr weiter",
        ),
        REPEATED: ("wieder abgelehnt", "erneut abgelehnt", "schon wieder abgelehnt"),
        DEADLINE: ("fliege aus der wohnung", "verliere die wohnung", "räumungsklage"),
        VULNERABLE: (
            "habe meinen job verloren",
            "habe meine arbeit verloren",
            "ich bin verzweifelt",
            "hat mich rausgeworfen",
            "hat mich rausgeschmissen",
        ),
        LEGAL: ("ich zeige die bank an", "das ist illegal", "das ist rechtswidrig"),
        SARCASM: ("danke fürs sperren meiner karte", "danke, dass ihr meine karte gesperrt habt"),
        BANK_HOLD: (
            "meine karte ist gesperrt",
            "karte gesperrt",
            "konto gesperrt",
            "konto eingefroren",
        ),
        NOT_CURRENT: _c(("ist gestorben", "ist verstorben", "betrug"), _DE_LONG_AGO),
    },
    "hu": {
        HUMAN: (
            *_c(("szeretnék", "beszélhetnék", "beszélnék", "tudnék"), _HU_WHO18),
            *_c(_HU_WHO18, ("beszélni", "beszélnék", "beszélhetnék", "szeretnék beszélni")),
        ),
        WHAT_NOW: ("nem tudom mit csináljak", "nem tudom, mit csináljak", "nem tudom mit tegyek"),
        BANK_HOLD: ("a kártyám le van tiltva", "zárolták a számlámat", "a számlám zárolva van"),
        LEGAL: ("feljelentem a bankot", "ez illegális", "ez törvénytelen"),
    },
    "ur": {
        WHAT_NOW: ("samajh nahi aa raha kya karun", "pata nahi kya karun", "kya karun ab"),
        NOT_CURRENT: _c(
            ("fraud hua tha", "fraud hua", "dhoka hua tha", "inteqal hua"), _UR_LONG_AGO
        ),
        LEGAL: ("bank ki shikayat police mein", "ye ghair qanooni hai", "yeh ghair qanooni hai"),
        BANK_HOLD: ("mera card block hai", "card block ho gaya hai", "account freeze hai"),
    },
    "hi": {
        WHAT_NOW: ("samajh nahi aa raha kya karoon", "pata nahi kya karoon", "kya karoon ab"),
        NOT_CURRENT: _c(("fraud hua tha", "fraud hua"), _UR_LONG_AGO),
        LEGAL: ("yeh illegal hai", "ye illegal hai", "yeh gair kanooni hai"),
    },
    "tr": {
        WHAT_NOW: ("ne yapacağımı bilmiyorum", "ne yapacagimi bilmiyorum"),
        BANK_HOLD: ("kartım bloke", "kartim bloke", "hesabım donduruldu", "hesabim donduruldu"),
        LEGAL: ("bankayı şikayet edeceğim", "bu yasa dışı", "bu yasadışı"),
    },
    "nl": {
        HUMAN: _c(_NL_POLITE, _NL_WHO18),
        WHAT_NOW: ("ik weet niet wat ik moet doen", "ik weet het niet meer"),
        DEADLINE: (
            "de huur moet morgen betaald",
            "huur is morgen",
            "word uit mijn huis gezet",
            "worden uit ons huis gezet",
            "ik moet vandaag betalen",
        ),
        BANK_HOLD: ("mijn pas is geblokkeerd", "mijn rekening is geblokkeerd", "rekening bevroren"),
        LEGAL: ("dit is illegaal", "ik doe aangifte tegen de bank"),
    },
    "lv": {
        DEADLINE: (
            "īre jāmaksā rīt",
            "ire jamaksa rit",
            "mani izliks no dzīvokļa",
            "mani izliks no dzivokla",
            "nauda vajadzīga šodien",
        ),
    },
    "cs": {
        DEADLINE: (
            "nájem musím zaplatit zítra",
            "najem musim zaplatit zitra",
            "vyhodí mě z bytu",
            "vyhodi me z bytu",
            "potřebuju ty peníze dnes",
        ),
    },
    "sk": {
        DEADLINE: (
            "nájom musím zaplatiť zajtra",
            "najom musim zaplatit zajtra",
            "vyhodia ma z bytu",
            "potrebujem tie peniaze dnes",
        ),
    },
    "ml": {
        DEADLINE: ("നാളെ വാടക കൊടുക്കണം", "naale vaadaka kodukkanam", "veedu ozhiyanam"),
    },
    "ne": {
        DEADLINE: ("भोलि भाडा तिर्नुपर्छ", "bholi bhada tirnuparchha", "ghar chhodnu parchha"),
    },
    "tl": {
        DEADLINE: (
            "bayad sa upa bukas",
            "palalayasin kami sa bahay",
            "kailangan ko ang pera ngayon",
        ),
    },
    "vi": {
        DEADLINE: (
            "ngày mai phải trả tiền nhà",
            "ngay mai phai tra tien nha",
            "bị đuổi ra khỏi nhà",
        ),
    },
    "yo": {
        DEADLINE: (
            "mo gbọdọ san owo ile lọla",
            "mo gbodo san owo ile lola",
            "won yoo le mi kuro ninu ile",
        ),
    },
    "si": {
        DEADLINE: ("හෙට කුලිය ගෙවන්න ඕන", "heta kuliya gewanna one", "gedarin elawanawa"),
    },
}


# The same kinds in the other tables where the forms are common (Cyrillic, Baltic, Czech and
# Slovak, Greek, Arabic, Turkish).
_RU_LONG_AGO = ("несколько лет назад", "пять лет назад", "два года назад", "в прошлом году")
_UK_LONG_AGO = ("кілька років тому", "п'ять років тому", "два роки тому", "минулого року")
_AR_LONG_AGO = ("منذ سنوات", "منذ خمس سنوات", "منذ سنتين", "السنة الماضية", "العام الماضي")
_ROUND18_MORE: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        HUMAN: _c(
            (
                "я хотел бы поговорить с",
                "я хотела бы поговорить с",
                "хотел бы поговорить с",
                "хотела бы поговорить с",
                "можно поговорить с",
                "могу я поговорить с",
            ),
            (
                "сотрудником",
                "оператором",
                "консультантом",
                "менеджером",
                "моим менеджером",
                "человеком",
                "живым человеком",
                "специалистом",
            ),
        ),
        WHAT_NOW: ("не знаю что делать", "не знаю что мне делать", "не знаю уже что делать"),
        REPEATED: ("снова отклонили", "опять отклонили", "опять отказали", "снова отказали"),
        DEADLINE: ("нас выселят", "меня выселят", "выгонят из квартиры"),
        VULNERABLE: (
            "потерял работу и",
            "потеряла работу и",
            "я в отчаянии",
            "выгнал меня из дома",
            "не даёт мне доступа к деньгам",
        ),
        LEGAL: ("подам в суд на банк", "пожалуюсь на банк в полицию", "это незаконно"),
        SARCASM: ("спасибо что заблокировали карту", "спасибо что заблокировали мне карту"),
        BANK_HOLD: (
            "карта заблокирована",
            "счёт заблокирован",
            "счет заблокирован",
            "счёт заморожен",
        ),
        NOT_CURRENT: _c(("умерла", "умер", "мошенничество"), _RU_LONG_AGO),
    },
    "uk": {
        HUMAN: _c(
            (
                "я хотів би поговорити з",
                "я хотіла б поговорити з",
                "хотів би поговорити з",
                "хотіла б поговорити з",
                "чи можу я поговорити з",
                "можна поговорити з",
            ),
            (
                "працівником",
                "оператором",
                "консультантом",
                "менеджером",
                "моїм менеджером",
                "людиною",
            ),
        ),
        WHAT_NOW: ("не знаю що робити", "не знаю що мені робити"),
        REPEATED: ("знову відхилили", "знову відмовили"),
        DEADLINE: ("нас виселять", "мене виселять"),
        VULNERABLE: ("втратив роботу і", "втратила роботу і", "я у відчаї", "вигнав мене з дому"),
        LEGAL: ("подам до суду на банк", "це незаконно"),
        BANK_HOLD: ("картка заблокована", "рахунок заблоковано", "рахунок заблокований"),
        NOT_CURRENT: _c(("померла", "помер", "шахрайство"), _UK_LONG_AGO),
    },
    "lt": {
        HUMAN: _c(
            ("norėčiau pasikalbėti su", "ar galėčiau pasikalbėti su", "ar galiu pasikalbėti su"),
            (
                "darbuotoju",
                "konsultantu",
                "operatoriumi",
                "mano vadybininku",
                "vadybininku",
                "žmogumi",
            ),
        ),
        WHAT_NOW: ("nežinau ką daryti", "nebežinau ką daryti"),
        BANK_HOLD: ("kortelė užblokuota", "sąskaita užblokuota", "sąskaita įšaldyta"),
        LEGAL: ("tai neteisėta", "paduosiu banką į teismą"),
        VULNERABLE: ("netekau darbo ir", "esu neviltyje"),
    },
    "cs": {
        HUMAN: _c(
            (
                "chtěl bych mluvit s",
                "chtěla bych mluvit s",
                "mohl bych mluvit s",
                "mohla bych mluvit s",
                "můžu mluvit s",
            ),
            (
                "pracovníkem",
                "poradcem",
                "mým poradcem",
                "svým poradcem",
                "úředníkem",
                "člověkem",
                "někým",
            ),
        ),
        WHAT_NOW: ("nevím co mám dělat", "nevím co dělat", "už nevím co dělat"),
        BANK_HOLD: ("karta je zablokovaná", "účet je zablokovaný", "účet je zmrazený"),
        LEGAL: ("to je nezákonné", "podám žalobu na banku"),
        VULNERABLE: ("přišel jsem o práci", "přišla jsem o práci", "jsem zoufalý", "jsem zoufalá"),
    },
    "sk": {
        HUMAN: _c(
            (
                "chcel by som hovoriť s",
                "chcela by som hovoriť s",
                "mohol by som hovoriť s",
                "mohla by som hovoriť s",
                "môžem hovoriť s",
            ),
            ("pracovníkom", "poradcom", "mojím poradcom", "úradníkom", "človekom", "niekým"),
        ),
        WHAT_NOW: ("neviem čo mám robiť", "neviem čo robiť", "už neviem čo robiť"),
        BANK_HOLD: ("karta je zablokovaná", "účet je zablokovaný", "účet je zmrazený"),
        LEGAL: ("to je nezákonné", "podám žalobu na banku"),
        VULNERABLE: ("prišiel som o prácu", "prišla som o prácu", "som zúfalý", "som zúfalá"),
    },
    "el": {
        HUMAN: _c(
            ("θα ήθελα να μιλήσω με", "μπορώ να μιλήσω με", "θα μπορούσα να μιλήσω με"),
            ("έναν υπάλληλο", "τον σύμβουλό μου", "κάποιον υπάλληλο", "έναν άνθρωπο"),
        ),
        WHAT_NOW: ("δεν ξέρω τι να κάνω",),
        BANK_HOLD: ("η κάρτα μου είναι μπλοκαρισμένη", "ο λογαριασμός μου είναι δεσμευμένος"),
        LEGAL: ("αυτό είναι παράνομο",),
    },
    "ar": {
        HUMAN: _c(
            ("أود التحدث مع", "أريد أن أتحدث مع", "هل يمكنني التحدث مع"),
            ("موظف", "مسؤول", "شخص", "مدير حسابي"),
        ),
        WHAT_NOW: ("لا أعرف ماذا أفعل", "مش عارف اعمل ايه"),
        BANK_HOLD: ("بطاقتي محظورة", "بطاقتي موقوفة", "حسابي مجمد"),
        LEGAL: ("هذا غير قانوني", "سأشتكي على البنك"),
        VULNERABLE: ("فقدت عملي", "طردني من البيت"),
        NOT_CURRENT: _c(("توفيت", "توفي"), _AR_LONG_AGO),
    },
    "sq": {
        HUMAN: _c(
            ("do të doja të flisja me", "do te doja te flisja me", "a mund të flas me"),
            ("një punonjës", "nje punonjes", "këshilltarin tim", "menaxherin tim", "një person"),
        ),
        WHAT_NOW: ("nuk di çfarë të bëj", "nuk di cfare te bej"),
    },
    "bg": {
        WHAT_NOW: ("не знам какво да правя", "не знам, какво да правя"),
        BANK_HOLD: ("картата ми е блокирана", "сметката ми е блокирана", "сметката ми е замразена"),
        LEGAL: ("това е незаконно",),
    },
    "tr": {
        HUMAN: _c(
            ("bir temsilciyle", "bir çalışanla", "müşteri temsilcimle", "bir yetkiliyle"),
            ("görüşmek isterdim", "konuşmak isterdim", "görüşebilir miyim", "konuşabilir miyim"),
        ),
        VULNERABLE: ("işimi kaybettim ve", "çaresizim", "beni evden attı"),
    },
}


def _add_round18() -> None:
    """Round 18's phrases appended to the tables above, kind by kind (see _ROUND18)."""
    by_code = {language.code: language for language in LANGUAGES}
    for code, kinds in (*_ROUND18.items(), *_ROUND18_MORE.items()):
        cues = by_code[code].cues
        for kind, phrases in kinds.items():
            cues[kind] = (*cues.get(kind, ()), *(p for p in phrases if p not in cues.get(kind, ())))


# A number to call or a channel for later ("qual é o número para ligar do estrangeiro?") is
# information the bot gives, not a request for a person now (round 18's disarming side).
# "gdzie mogę zadzwonić w tej sprawie?" (where can I call about this?) stays a request: it
# is about the matter in hand (tests/test_routing_cues_multilingual.py).
_NOT_A_REQUEST: dict[str, tuple[str, ...]] = {
    "pl": ("numer na infolinię", "mogę do was zadzwonić"),
    "pt": ("número para ligar",),
    "es": ("número para llamar",),
    "it": ("numero da chiamare",),
    "fr": ("numéro à appeler",),
}


def _drop_round18() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code, phrases in _NOT_A_REQUEST.items():
        cues = by_code[code].cues
        cues[HUMAN] = tuple(p for p in cues[HUMAN] if p not in phrases)


# "I don't know what to do with my savings / to open an account" is a question, not the
# customer at a loss: what_now may not be followed by an object or a purpose. Written with
# or without the comma before "what".
_WHAT_NOW_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "pl": ("z", "ze", "żeby", "zeby", "aby", "w", "na", "po", "przy", "gdy", "jeśli", "jesli"),
    "ro": ("cu", "ca", "în", "in", "pentru", "dacă", "daca", "la"),
    "pt": ("com", "para", "no", "na", "em", "se", "quando", "ao"),
    "es": ("con", "para", "en", "si", "cuando", "al", "sobre"),
    "it": ("con", "per", "nel", "nella", "se", "quando", "sul"),
    "fr": ("avec", "pour", "de", "du", "si", "quand", "dans"),
    "de": ("mit", "um", "für", "fur", "bei", "wenn"),
    "hu": ("a", "az", "ha", "hogy"),
    "nl": ("met", "om", "voor", "als", "bij"),
    "ru": ("с", "со", "чтобы", "если", "когда", "для"),
    "uk": ("з", "із", "щоб", "якщо", "коли", "для"),
    "lt": ("su", "kad", "jei", "jeigu"),
    "cs": ("s", "se", "abych", "když", "kdyz", "pokud"),
    "sk": ("s", "so", "aby", "keď", "ked", "ak"),
    "el": ("με", "για", "αν", "όταν"),
    "tr": ("için", "icin"),
    "sq": ("me", "për", "per", "nëse", "nese"),
    "bg": ("с", "със", "за", "ако", "когато"),
}
_WH_WORDS = frozenset(
    {
        "co",
        "что",
        "що",
        "ce",
        "ką",
        "mit",
        "čo",
        "quoi",
        "qué",
        "que",
        "o",
        "cosa",
        "was",
        "wat",
        "какво",
    }
)


def _with_comma(phrase: str) -> str:
    """The phrase with a comma before its "what" ("nie wiem, co robić"), or as it is."""
    words = phrase.split()
    for i, word in enumerate(words[1:], 1):
        if word in _WH_WORDS:
            return " ".join([*words[: i - 1], words[i - 1] + ",", *words[i:]])
    return phrase


def _guard_what_now() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code, words in _WHAT_NOW_NOT_BEFORE.items():
        language = by_code[code]
        language.not_before[WHAT_NOW] = frozenset(words)
        phrases = language.cues.get(WHAT_NOW, ())
        commas = tuple(_with_comma(p) for p in phrases if _with_comma(p) not in phrases)
        language.cues[WHAT_NOW] = (*phrases, *commas)


_add_round18()
_drop_round18()
_guard_what_now()


# Round 19 (principle 1: by concept and slot): a request split across two languages, the
# English request verb and another table's person noun ("can I speak to ktoś z obsługi
# klienta"), neither table holding the whole request. Each language lists its person nouns
# once (the slot); every English request head is put before each (the shared verb class).
_ENGLISH_REQUEST_HEADS = (
    "can i speak to",
    "can i speak with",
    "can i talk to",
    "can i talk with",
    "could i speak to",
    "could i speak with",
    "could i talk to",
    "i want to speak to",
    "i want to talk to",
    "i need to speak to",
    "i need to talk to",
    "i'd like to speak to",
    "i would like to speak to",
    "let me speak to",
    "let me talk to",
    "put me through to",
    "connect me to",
    "connect me with",
    "pass me to",
    "transfer me to",
)
_PERSON_NOUNS: dict[str, tuple[str, ...]] = {
    "pl": (
        "ktoś z obsługi",
        "kimś z obsługi",
        "ktos z obslugi",
        "kogoś z obsługi",
        "konsultant~",
        "człowiek~",
        "pracownik~ banku",
        "doradc~",
        "ktoś z banku",
        "kimś z banku",
    ),
    "ro": ("un operator", "un consultant", "un om", "o persoană", "cineva de la bancă"),
    "pt": ("alguém do banco", "um atendente", "uma pessoa", "um funcionário", "um humano"),
    "es": ("alguien del banco", "un agente", "una persona", "un asesor", "un humano"),
    "it": ("qualcuno della banca", "un operatore", "una persona", "un consulente"),
    "fr": ("quelqu'un de la banque", "un conseiller", "une personne", "un humain"),
    "de": ("einem Mitarbeiter", "einen Mitarbeiter", "einem Menschen", "einem Berater"),
    "tr": ("bir temsilci", "müşteri temsilcisi", "bir yetkili", "gerçek bir insan"),
    "ar": ("موظف", "شخص حقيقي", "خدمة العملاء"),
    "ru": ("оператор~", "человек~", "сотрудник~"),
}


def _add_round19() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code, nouns in _PERSON_NOUNS.items():
        cues = by_code[code].cues
        mixed = _c(_ENGLISH_REQUEST_HEADS, nouns)
        cues[HUMAN] = (*cues.get(HUMAN, ()), *(p for p in mixed if p not in cues[HUMAN]))


_add_round19()


# Round 19: romanised Urdu and Hinglish attempts counted by time ("teen ghante se", above) are
# not a duration asked about ("teen ghante se zyada lagta hai?", more than three hours?), and
# a payment due today is told with any bill or rent noun in either order.
_HI_AMOUNT_AFTER = frozenset({"zyada", "ziada", "zyaada", "ziyada", "kam", "pehle", "baad"})
_HI_DUES = ("bill", "kiraya", "kiraaya", "fees", "fee", "qist", "kisht", "emi")
_HI_DUE_TODAY = (
    *_c(_HI_DUES, ("dena hai aaj", "aaj dena hai", "aaj hi dena hai", "aaj bharna hai")),
    *_c(("aaj",), _c(_HI_DUES, ("dena hai", "bharna hai", "jama karna hai"))),
)


def _add_round19_hindustani() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code in ("ur", "hi"):
        language = by_code[code]
        before = language.not_before.get(REPEATED, frozenset())
        language.not_before[REPEATED] = before | _HI_AMOUNT_AFTER
        cues = language.cues
        cues[DEADLINE] = (
            *cues.get(DEADLINE, ()),
            *(p for p in _HI_DUE_TODAY if p not in cues.get(DEADLINE, ())),
        )


_add_round19_hindustani()


# ================================================================ round 20: a concept matrix
# Round 20 (principle 1, cues side, helper r20h): frustration, hardship and requests read by
# CONCEPT and SLOT in the languages with the most customers. Each language lists its word
# classes once (_SLOTS: number words and digits, the unit "times", the time units, "I tried",
# the money nouns a salary or a bill is, a partner...) and each concept is a few templates
# whose {slots} take every word of the class (_expand), not one literal per phrase:
#
# * attempts counted ("I tried four times", "three shops"): repeated_asking;
# * time counted ("for three days the money hasn't come", "5 days late"): repeated_asking,
#   as round 17's "the third day" (English reads it as a stated wait);
# * stakes (rent, school fees, bills due now, nothing to pay with): deadline;
# * futility ("pointless", "no use", "waste of time"): no_help, English's insult at a
#   lower weight (the tables have no insult kind);
# * helplessness ("what now", "what am I supposed to do"): what_now;
# * economic abuse (a partner takes the salary or the money, threatens): vulnerability;
# * a curt request for a person ("give me a person"): human_demand.
#
# And the calm side (tests/test_round20_r20h.py, a must-not-match per concept and language):
# "how many days does a transfer take?", "can I pay rent by standing order?", and a call the
# bank made, reported ("银行昨天给我打电话", the bank called me yesterday), is no request: the
# Chinese call-me phrase is kept only in its request forms.
#
# Review status: as the tables above, written by a NON-NATIVE author, not yet checked by a
# native speaker.
_DIGITS = tuple(str(n) for n in range(2, 11))
_SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "N": (*_DIGITS, "dwa", "trzy", "cztery", "pięć", "sześć", "kilka", "dziesięć"),
        "NG": (*_DIGITS, "dwóch", "trzech", "czterech", "pięciu", "kilku", "sześciu"),
        "TRIED": ("próbowałam", "próbowałem", "probowalam", "probowalem", "dzwoniłam",
                  "dzwoniłem", "pisałam", "pisałem", "płaciłam", "płaciłem"),
        "DAYS": ("dni", "tygodni", "godzin"),
        "DUE": ("czynsz", "rachunki", "rachunek", "ratę", "czesne", "za mieszkanie", "za szkołę"),
        "NA": ("czynsz", "rachunki", "jedzenie", "leki", "ratę", "opłaty", "szkołę", "mieszkanie"),
        "PAY": ("muszę zapłacić", "musze zaplacic", "mam zapłacić", "trzeba zapłacić"),
        "WHEN": ("jutro", "dzisiaj", "dziś", "do jutra"),
    },
    "ro": {
        "N": (*_DIGITS, "două", "doua", "trei", "patru", "cinci", "șase", "sase", "zece"),
        "TRIED": ("am încercat", "am incercat", "am sunat", "am scris", "am plătit", "am resetat",
                  "am reinstalat", "am repornit", "am introdus"),
        "OBJ": ("parola", "aplicația", "aplicatia", "telefonul", "cardul", "codul", "pinul"),
        "CANPAY": ("nu pot plăti", "nu pot plati", "nu am cu ce plăti", "nu am cu ce plati",
                   "nu am bani de"),
        "DAYS": ("zile", "săptămâni", "saptamani", "ore"),
        "DUE": ("chiria", "facturile", "factura", "rata", "taxa de școală", "taxa de scoala"),
        "PAY": ("trebuie să plătesc", "trebuie sa platesc", "trebuie să dau", "trebuie sa dau"),
        "WHEN": ("mâine", "maine", "azi", "astăzi", "astazi"),
    },
    "pt": {
        "N": (*_DIGITS, "duas", "dois", "três", "tres", "quatro", "cinco", "seis", "dez"),
        "DAYS": ("dias", "semanas", "horas"),
        "DUE": ("a renda", "o aluguel", "o aluguer", "as contas", "a conta da luz", "a escola"),
        "PAY": ("tenho que pagar", "tenho de pagar", "preciso pagar", "preciso de pagar"),
        "WHEN": ("amanhã", "amanha", "hoje"),
    },
    "es": {
        "N": (*_DIGITS, "dos", "tres", "cuatro", "cinco", "seis", "diez", "varias"),
        "ND": (*_DIGITS, "dos", "tres", "cuatro", "cinco", "seis", "diez", "varios"),
        "TRIED": ("lo intenté", "lo intente", "intenté", "lo he intentado", "he intentado",
                  "llamé", "llame", "he llamado", "probé", "probe"),
        "DAYS": ("días", "dias", "semanas"),
        "WENT": ("fui a", "he ido a", "probé en", "probe en", "lo intenté en", "lo intente en",
                 "intenté en", "lo probé en"),
        "PLACES": ("tiendas", "cajeros", "sitios", "comercios", "supermercados", "bancos"),
        "DUE": ("el alquiler", "la renta", "las facturas", "el colegio", "la matrícula"),
        "PAY": ("tengo que pagar", "debo pagar", "necesito pagar"),
        "WHEN": ("mañana", "manana", "hoy"),
    },
    "it": {
        "N": (*_DIGITS, "due", "tre", "quattro", "cinque", "sei", "dieci"),
        "DAYS": ("giorni", "settimane"),
        "DUE": ("l'affitto", "le bollette", "la rata", "la retta", "la scuola"),
        "PAY": ("devo pagare", "dovrei pagare", "bisogna pagare"),
        "WHEN": ("domani", "oggi", "entro domani"),
    },
    "fr": {
        "N": (*_DIGITS, "deux", "trois", "quatre", "cinq", "six", "dix"),
        "DAYS": ("jours", "semaines"),
        "DUE": ("le loyer", "les factures", "la cantine", "l'école", "les frais de scolarité"),
        "PAY": ("je dois payer", "il faut que je paie", "il faut que je paye"),
        "WHEN": ("demain", "aujourd'hui", "avant demain"),
    },
    "de": {
        "N": (*_DIGITS, "zwei", "drei", "vier", "fünf", "funf", "sechs", "zehn"),
        "DAYS": ("tagen", "wochen"),
        "ASKV": ("warte", "frage", "schreibe", "versuche", "probiere", "rufe", "bitte",
                 "warte ich", "frage ich", "schreibe ich", "versuche ich", "probiere ich",
                 "rufe ich", "warten wir", "versuchen wir"),
        # round 23: or a problem that has lasted that long ("seit drei Tagen ist das Geld
        # nicht da"); "ich wohne seit zwei Wochen hier" stays how long, no trouble
        "STILLNOT": ("ist das geld nicht", "ist das geld immer noch nicht", "ist nichts",
                     "kommt nichts", "kommt das geld nicht", "passiert nichts", "fehlt",
                     "fehlt das geld", "geht nichts", "funktioniert nichts",
                     "funktioniert die karte nicht", "funktioniert die app nicht",
                     "ist meine karte gesperrt", "ist mein konto gesperrt"),
        "DUE": ("die miete", "die rechnungen", "die rate", "das schulgeld", "die stromrechnung"),
        "PAY": ("muss", "soll"),
        "WHEN": ("morgen", "heute", "bis morgen"),
        "PARTNER": ("mein mann", "meine frau", "mein partner", "meine partnerin", "mein ex"),
        "TAKES": ("nimmt mir", "nimmt"),
        "MONEY": ("mein ganzes gehalt", "mein gehalt", "mein ganzes geld", "mein geld",
                  "meinen lohn", "das ganze geld"),
    },
    "tr": {
        "N": (*_DIGITS, "iki", "üç", "uc", "dört", "dort", "beş", "bes", "altı", "on"),
        "TIMES": ("kez", "kere", "defa"),
        "TRIED": ("denedim", "aradım", "aradim", "yazdım", "yazdim"),
        "DAYS": ("gündür", "gundur", "haftadır", "haftadir"),
        "DUE": ("kirayı", "kirayi", "faturaları", "faturalari", "okul taksitini", "taksiti"),
        "WHEN": ("yarın", "yarin", "bugün", "bugun"),
        "PAY": ("ödemem lazım", "odemem lazim", "ödemem gerekiyor", "ödemeliyim"),
        "PARTNER": ("kocam", "eşim", "esim"),
        "MONEY": ("bütün maaşımı", "butun maasimi", "maaşımı", "maasimi", "bütün paramı",
                  "paramı", "parami"),
        "TAKES": ("alıyor", "aliyor", "elimden alıyor", "elimden aliyor"),
    },
    "ru": {
        "N": (*_DIGITS, "два", "три", "четыре", "пять", "шесть", "десять", "несколько"),
        "TRIED": ("пробовала", "пробовал", "пыталась", "пытался", "звонила", "звонил",
                  "писала", "писал"),
        "TIMES": ("раза", "раз"),
        "DAYS": ("дня", "дней", "недели", "недель"),
        "WHEN": ("завтра", "сегодня", "до завтра"),
        "PAY": ("надо платить за", "нужно платить за", "надо заплатить за", "нужно заплатить за",
                "надо оплатить", "нужно оплатить"),
        "DUE": ("квартиру", "аренду", "квартплату", "коммуналку", "кредит", "школу"),
        "PARTNER": ("муж", "жена", "мой муж", "моя жена", "мой партнёр", "бывший"),
        "TAKES": ("забирает", "отбирает", "забирает у меня", "отбирает у меня"),
        "MONEY": ("всю мою зарплату", "мою зарплату", "всю зарплату", "зарплату",
                  "все мои деньги", "все деньги"),
    },
    "ar": {
        "N": (*_DIGITS, "ثلاث", "أربع", "اربع", "خمس", "ست", "عشر", "عدة"),
        "NM": (*_DIGITS, "ثلاثة", "أربعة", "اربعة", "خمسة", "ستة", "عشرة", "عدة"),
        "TIMES": ("مرات",),
        "TRIED": ("حاولت", "جربت", "اتصلت"),
        "DAYS": ("أيام", "ايام", "أسابيع", "اسابيع"),
        "PARTNER": ("زوجي", "زوجتي", "طليقي"),
        "TAKES": ("يأخذ", "ياخذ", "أخذ", "اخذ", "يسرق"),
        "MONEY": ("كل راتبي", "راتبي", "كل فلوسي", "فلوسي", "كل أموالي", "أموالي"),
    },
    "ur": {
        "N": (*_DIGITS, "دو", "تین", "چار", "پانچ", "چھ", "دس", "کئی"),
        "TIMES": ("بار", "دفعہ", "مرتبہ"),
        "DAYS": ("دن", "ہفتے"),
        "DUE": ("فیس", "اسکول کی فیس", "کرایہ", "بل", "قسط"),
        "WHEN": ("کل", "آج"),
    },
    "uk": {
        "N": (*_DIGITS, "два", "три", "чотири", "п'ять", "шість", "десять", "кілька"),
        "TRIED": ("пробувала", "пробував", "намагалася", "намагався", "дзвонила", "дзвонив",
                  "писала", "писав"),
        "TIMES": ("рази", "разів"),
        "DAYS": ("дні", "днів", "тижні", "тижнів"),
        "WHEN": ("завтра", "сьогодні", "до завтра"),
        "PAY": ("треба платити за", "треба заплатити за", "потрібно заплатити за",
                "треба оплатити", "потрібно оплатити"),
        "DUE": ("квартиру", "оренду", "комуналку", "кредит", "школу"),
        "PARTNER": ("чоловік", "дружина", "мій чоловік", "моя дружина", "колишній"),
        "TAKES": ("забирає", "відбирає", "забирає у мене", "відбирає у мене"),
        "MONEY": ("всю мою зарплату", "мою зарплату", "всю зарплату", "зарплату",
                  "всі мої гроші", "всі гроші"),
    },
    "nl": {
        "N": (*_DIGITS, "twee", "drie", "vier", "vijf", "zes", "tien", "een paar"),
        "DAYS": ("dagen", "weken"),
        "WHEN": ("morgen", "vandaag"),
        "DUE": ("de huur", "de rekeningen", "de energierekening", "het schoolgeld"),
        "PAY": ("moet ik", "ik moet"),
        "WHO": ("een medewerker", "iemand", "een mens", "een adviseur", "een persoon"),
        "PARTNER": ("mijn man", "mijn vrouw", "mijn partner", "mijn ex"),
        "TAKES": ("pakt", "neemt"),
        "MONEY": ("mijn hele salaris", "mijn salaris", "al mijn geld", "mijn geld", "mijn loon"),
    },
    "cs": {
        "N": (*_DIGITS, "dva", "dvě", "tři", "čtyři", "pět", "šest", "deset", "několik"),
        "NK": ("dvakrát", "třikrát", "čtyřikrát", "pětkrát", "šestkrát", "desetkrát", "několikrát"),
        "TRIED": ("zkoušela jsem to", "zkoušel jsem to", "zkoušela jsem", "zkoušel jsem",
                  "volala jsem", "volal jsem", "psala jsem", "psal jsem"),
        "DAYS": ("dny", "dní", "týdny", "týdnů"),
        "WHEN": ("zítra", "dnes"),
        "PAY": ("musím zaplatit", "musim zaplatit", "mám zaplatit"),
        "DUE": ("nájem", "najem", "nájemné", "účty", "složenky", "školné", "splátku"),
        "PARTNER": ("manžel", "manželka", "partner", "můj manžel", "moje manželka", "bývalý"),
        "TAKES": ("mi bere", "bere mi", "mi vzal", "mi sebere"),
        "MONEY": ("celou výplatu", "výplatu", "celou mzdu", "všechny peníze", "peníze"),
    },
    "hi": {
        "N": (*_DIGITS, "do", "teen", "char", "chaar", "paanch", "panch", "chhe", "das", "kai"),
        "TIMES": ("baar", "bar", "dafa", "dafaa"),
        "DAYS": ("din", "hafte"),
        "DUE": ("fees", "fee", "school ki fees", "kiraya", "kiraaya", "bill", "emi", "kisht"),
        "WHEN": ("kal", "aaj"),
    },
}  # fmt: skip


def _expand(template: str, slots: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every phrase the template's {SLOT}s make with the words of the language's classes."""
    parts = [
        slots[part[1:-1]] if part.startswith("{") and part.endswith("}") else (part,)
        for part in template.split()
    ]
    return slot_product(*parts)


# concept templates per language: kind -> templates (see _SLOTS); a literal is a word of the
# concept itself (futility, helplessness), listed in its forms.
_ROUND20: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        REPEATED: ("{TRIED} {N} razy", "od {NG} {DAYS}", "już od {NG} {DAYS}"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {WHEN} {DUE}", "{PAY} {DUE} {WHEN}",
                   "nie mam na {NA}", "nie mam z czego zapłacić {DUE}", "nie mam czym zapłacić"),
        NO_HELP: ("to nie ma sensu", "nie ma to sensu", "wszystko nie ma sensu",
                  "nie ma żadnego sensu", "to bez sensu", "szkoda czasu",
                  "strata czasu"),
        WHAT_NOW: ("co ja mam teraz zrobić", "co mam teraz zrobić", "i co teraz",
                   "co ja mam teraz robić", "co ja mam zrobić"),
        HUMAN: ("dajcie mi człowiek~", "dajcie mi konsultant~", "dawać konsultant~",
                "dajcie kogoś z banku", "dajcie mi kogoś"),
    },
    "ro": {
        REPEATED: ("{TRIED} de {N} ori", "{TRIED} {OBJ} de {N} ori", "de {N} {DAYS}",
                   "deja de {N} {DAYS}"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}", "{PAY} {WHEN} {DUE}",
                   "{CANPAY} {DUE}"),
        NO_HELP: ("degeaba", "e degeaba", "n-are rost", "nu are rost", "pierdere de timp"),
        WHAT_NOW: ("și acum ce fac", "si acum ce fac", "acum ce fac", "ce fac acum",
                   "ce să fac acum", "ce sa fac acum", "ce ar trebui să fac acum"),
    },
    "pt": {
        REPEATED: ("faz {N} {DAYS} que", "há {N} {DAYS} que", "ha {N} {DAYS} que",
                   "há {N} {DAYS} sem", "{N} {DAYS} sem"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("não adianta nada", "nao adianta nada", "não adianta", "nao adianta",
                  "não serve para nada", "perda de tempo"),
        WHAT_NOW: ("e agora o que eu faço", "e agora, o que eu faço", "o que eu faço agora",
                   "e agora o que faço", "o que é que eu faço agora"),
    },
    "es": {
        REPEATED: ("{TRIED} {N} veces", "{WENT} {ND} {PLACES}", "llevo {ND} {DAYS}",
                   "hace {ND} {DAYS} que", "{ND} {DAYS} sin"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("no sirve de nada", "no sirve para nada", "es inútil", "es inutil",
                  "una pérdida de tiempo"),
        WHAT_NOW: ("y ahora qué hago", "y ahora que hago", "¿y ahora qué hago",
                   "qué hago ahora", "que hago ahora", "qué se supone que hago"),
    },
    "it": {
        REPEATED: ("da {N} {DAYS}", "sono {N} {DAYS} che", "ormai da {N} {DAYS}"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("è inutile", "e inutile", "non serve a niente", "non serve a nulla",
                  "tempo perso"),
        WHAT_NOW: ("e adesso cosa dovrei fare", "e ora cosa faccio", "e adesso cosa faccio",
                   "cosa dovrei fare adesso", "e adesso che faccio"),
    },
    "fr": {
        REPEATED: ("ça fait {N} {DAYS} que", "ca fait {N} {DAYS} que", "depuis {N} {DAYS}"),
        DEADLINE: ("{PAY} {DUE} {WHEN}", "{WHEN} {PAY} {DUE}"),
        NO_HELP: ("ça ne sert à rien", "ca ne sert a rien", "c'est inutile",
                  "une perte de temps", "ça sert à rien", "ca sert a rien"),
        WHAT_NOW: ("et maintenant je fais quoi", "je fais quoi maintenant",
                   "qu'est-ce que je fais maintenant", "je suis censé faire quoi",
                   "je suis censée faire quoi"),
    },
    "de": {
        # round 22 (r22la): "seit zwei Wochen" alone is how long, not asking again ("ich wohne
        # seit zwei Wochen hier"): only with a verb of waiting, asking or trying, both orders
        REPEATED: ("{ASKV} seit {N} {DAYS}", "{ASKV} schon seit {N} {DAYS}",
                   "seit {N} {DAYS} {ASKV}", "seit {N} {DAYS} {STILLNOT}"),
        DEADLINE: ("{PAY} {WHEN} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("das ist sinnlos", "es ist sinnlos", "bringt doch nichts", "bringt alles nichts",
                  "zeitverschwendung"),
        WHAT_NOW: ("was soll ich jetzt machen", "was soll ich jetzt tun", "und was jetzt",
                   "was mache ich jetzt"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("geben sie mir einen mitarbeiter", "geben sie mir einen menschen",
                "verbinden sie mich mit einem mitarbeiter"),
    },
    "tr": {
        REPEATED: ("{N} {TIMES} {TRIED}", "{N} {DAYS}"),
        DEADLINE: ("{WHEN} {DUE} {PAY}",),
        NO_HELP: ("hiçbir işe yaramıyor", "hicbir ise yaramiyor", "işe yaramıyor",
                  "ise yaramiyor", "boşuna", "bosuna", "zaman kaybı"),
        WHAT_NOW: ("şimdi ne yapacağım", "simdi ne yapacagim", "ben şimdi ne yapacağım",
                   "şimdi ne yapmam lazım", "ne yapacağım şimdi"),
        VULNERABLE: ("{PARTNER} {MONEY} {TAKES}",),
        HUMAN: ("bir temsilci bağla", "bir temsilci bagla", "temsilciye bağla",
                "temsilciye bagla", "bir insana bağla"),
    },
    "ru": {
        REPEATED: ("{TRIED} {N} {TIMES}", "уже {N} {DAYS}", "{N} {DAYS} уже"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("это бесполезно", "всё бесполезно", "все бесполезно", "толку никакого",
                  "никакого толку", "пустая трата времени"),
        WHAT_NOW: ("что мне теперь делать", "что мне делать теперь", "и что теперь делать",
                   "что теперь делать", "что мне сейчас делать"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("дайте мне оператора", "дайте оператора", "дайте мне человека",
                "дайте живого человека", "позовите оператора"),
    },
    "ar": {
        REPEATED: ("{TRIED} {N} {TIMES}", "منذ {NM} {DAYS}", "صار لي {NM} {DAYS}"),
        NO_HELP: ("لا فائدة", "ما في فائدة", "بلا فائدة", "مضيعة للوقت", "ما فيه فايدة"),
        WHAT_NOW: ("ماذا أفعل الآن", "ماذا افعل الان", "شو أعمل هلق", "ايش أسوي الحين",
                   "ماذا يفترض أن أفعل"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("أريد موظفا الآن", "أريد موظف الآن", "اريد موظف", "أريد موظفا", "أريد موظف",
                "أعطني موظف", "حولني لموظف"),
    },
    "ur": {
        REPEATED: ("{N} {TIMES} کوشش", "{N} {DAYS} سے"),
        DEADLINE: ("{WHEN} {DUE} دینی ہے", "{WHEN} {DUE} دینا ہے", "{WHEN} {DUE} جمع کرانی ہے"),
        NO_HELP: ("کوئی فائدہ نہیں", "کچھ فائدہ نہیں", "بے کار ہے", "بیکار ہے"),
        WHAT_NOW: ("اب میں کیا کروں", "اب کیا کروں", "میں اب کیا کروں"),
        HUMAN: ("کسی انسان سے بات کراؤ", "انسان سے بات کراؤ", "کسی بندے سے بات کراؤ"),
    },
    "uk": {
        REPEATED: ("{TRIED} {N} {TIMES}", "вже {N} {DAYS}", "{N} {DAYS} вже"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("це марно", "все марно", "усе марно", "толку ніякого", "марна трата часу"),
        WHAT_NOW: ("що мені тепер робити", "і що тепер робити", "що тепер робити",
                   "що мені робити тепер", "що мені зараз робити"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("дайте мені оператора", "дайте оператора", "дайте мені людину",
                "дайте живу людину", "покличте оператора"),
    },
    "nl": {
        REPEATED: ("{N} keer geprobeerd", "al {N} {DAYS}", "{N} {DAYS} al", "sinds {N} {DAYS}"),
        DEADLINE: ("{PAY} {WHEN} {DUE} betalen", "{WHEN} {PAY} {DUE} betalen"),
        NO_HELP: ("het heeft geen zin", "heeft geen zin", "het heeft allemaal geen zin",
                  "zinloos", "tijdverspilling"),
        WHAT_NOW: ("wat moet ik nu doen", "wat moet ik nou doen", "en wat nu", "wat nu dan"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("zou ik met {WHO} kunnen spreken", "zou ik met {WHO} kunnen praten",
                "geef me {WHO}", "geef mij {WHO}", "verbind me door met {WHO}"),
    },
    "cs": {
        REPEATED: ("{TRIED} {NK}", "{TRIED} {N} krát", "už {N} {DAYS}", "{N} {DAYS} už"),
        DEADLINE: ("{WHEN} {PAY} {DUE}", "{PAY} {WHEN} {DUE}", "{PAY} {DUE} {WHEN}"),
        NO_HELP: ("je to zbytečné", "je to zbytecne", "to je zbytečné", "nemá to smysl",
                  "nema to smysl", "ztráta času"),
        WHAT_NOW: ("co mám teď dělat", "co mam ted delat", "a co teď", "co mám dělat teď"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
        HUMAN: ("dejte mi operátora", "dejte mi operatora", "dejte mi člověka",
                "dejte mi živého člověka", "přepojte mě na operátora"),
    },
    "hi": {
        REPEATED: ("{N} {TIMES} try kiya", "{N} {TIMES} try kar", "{N} {TIMES} koshish",
                   "{N} {DAYS} se"),
        DEADLINE: ("{WHEN} {DUE} deni hai", "{WHEN} {DUE} dena hai", "{WHEN} {DUE} bharni hai",
                   "{WHEN} {DUE} jama karni hai"),
        NO_HELP: ("koi fayda nahi", "koi faida nahi", "kuch fayda nahi", "bekaar hai",
                  "bekar hai"),
        WHAT_NOW: ("ab main kya karoon", "ab main kya karun", "ab kya karoon", "ab kya karun",
                   "ab kya karu", "main ab kya karoon"),
        HUMAN: ("insaan se baat karao", "insan se baat karao", "kisi insaan se baat karao",
                "agent se baat karao", "banday se baat karao"),
    },
    "zh": {
        REPEATED: (*(f"试了{n}次" for n in "两三四五六七八九十几"),
                   *(f"試了{n}次" for n in "兩三四五六七八九十幾"),
                   *(f"{n}天了还没" for n in "两三四五六七八九十几"),
                   *(f"{n}天了還沒" for n in "兩三四五六七八九十幾")),
        NO_HELP: ("根本没用", "根本沒用", "一点用都没有", "一點用都沒有", "白费时间", "白費時間"),
        WHAT_NOW: ("现在怎么办", "現在怎麼辦", "那我现在怎么办", "那我現在怎麼辦", "那我怎么办",
                   "那我怎麼辦"),
        VULNERABLE: ("拿走我全部工资", "拿走我的工资", "拿走我全部工資", "拿走我的工資",
                     "把我的工资都拿走", "把我的工資都拿走"),
    },
}  # fmt: skip
# A call the bank made, reported ("银行昨天给我打电话", was it you?), is no request: the
# Chinese "call me" is kept in its request forms only (please, can you, quickly).
_ZH_CALL_ME = ("给我打电话", "給我打電話")
_ZH_CALL_ME_REQUEST = (
    "请给我打电话",
    "請給我打電話",
    "能给我打电话吗",
    "能給我打電話嗎",
    "可以给我打电话吗",
    "可以給我打電話嗎",
    "麻烦给我打电话",
    "麻煩給我打電話",
    "尽快给我打电话",
    "盡快給我打電話",
    "给我打电话吧",
    "給我打電話吧",
)
# Russian "сколько раз можно" (how many times may one) is the customer's exasperation only
# with a verb of asking or telling after it; "сколько раз можно ввести ПИН?" is a question.
_RU_HOW_MANY_TIMES = (
    "сколько раз можно повторять",
    "сколько раз можно просить",
    "сколько раз можно писать",
    "сколько раз можно звонить",
    "сколько раз можно объяснять",
)


# A duration asked about, a range or working days after a count is no time counted: "من
# ثلاثة أيام إلى خمسة" (from three days to five), "تین دن سے زیادہ" (more than three days),
# "od 2 dni roboczych" (from 2 working days). Polish "od 2 do 3 dni" needs no guard: the
# templates want the time unit right after the number ("5 razy do was" stays a count).
_R20_NOT_A_COUNT: dict[str, frozenset[str]] = {
    "pl": frozenset({"roboczych", "robocze"}),
    "ar": frozenset({"إلى", "الى", "حتى", "عمل"}),
    "ur": frozenset({"زیادہ", "زیاده", "کم", "پہلے", "بعد", "تک"}),
    "es": frozenset({"hábiles", "habiles", "laborables"}),
    "pt": frozenset({"úteis", "uteis"}),
    "it": frozenset({"lavorativi"}),
    "fr": frozenset({"ouvrés", "ouvres", "ouvrables"}),
    "cs": frozenset({"pracovních", "pracovnich"}),
    "ro": frozenset({"lucrătoare", "lucratoare"}),
}


def _add_round20() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code, words in _R20_NOT_A_COUNT.items():
        language = by_code[code]
        language.not_before[REPEATED] = language.not_before.get(REPEATED, frozenset()) | words
    for code, kinds in _ROUND20.items():
        slots = _SLOTS.get(code, {})
        cues = by_code[code].cues
        for kind, templates in kinds.items():
            have = cues.get(kind, ())
            new = [p for t in templates for p in _expand(t, slots) if p not in have]
            cues[kind] = (*have, *dict.fromkeys(new))
    zh = by_code["zh"].cues
    zh[HUMAN] = (*(p for p in zh[HUMAN] if p not in _ZH_CALL_ME), *_ZH_CALL_ME_REQUEST)
    ru = by_code["ru"].cues
    ru[REPEATED] = (*(p for p in ru[REPEATED] if p != "сколько раз можно"), *_RU_HOW_MANY_TIMES)


_add_round20()

# Round 21 (r21la): request fillers ("talk to some employee", "my personal adviser") and a
# repeat counted by ordinal ("asking a second time"), as slots:
# handoff.signals.languages.request_fillers
from handoff.signals.languages.request_fillers import add_request_fillers  # noqa: E402

add_request_fillers(LANGUAGES)

# ============================================ round 21 (r21lb): the matrix's untranslated tables
# Round 21 (helper r21lb): round 20's concept matrix (attempts counted, time counted, stakes,
# futility, helplessness, economic abuse, polite and curt requests) for the tables that had
# none: Bengali, Panjabi, Persian, Vietnamese and Tagalog, as word classes (_SLOTS) and
# templates (_expand), the same mechanism as _ROUND20. Vietnamese "gọi cho tôi" (call me) is
# kept in its request forms only: "ngân hàng gọi cho tôi" (the bank called me) is a report.
# Review status: written by a NON-NATIVE author, not yet checked by a native speaker.
_SLOTS_R21: dict[str, dict[str, tuple[str, ...]]] = {
    "bn": {
        "N": (*_DIGITS, "দুই", "তিন", "চার", "পাঁচ", "ছয়", "দশ", "কয়েক"),
        "NB": ("দুবার", "দুইবার", "তিনবার", "চারবার", "পাঁচবার", "কয়েকবার", "বহুবার", "অনেকবার"),
        "DAYS": ("দিন", "সপ্তাহ"),
        "TRY": ("চেষ্টা", "ট্রাই"),
        "WHEN": ("কাল", "আজ", "আগামীকাল", "আজকে"),
        "DUE": ("ফি", "স্কুলের ফি", "ভাড়া", "বাড়ি ভাড়া", "বিল", "কিস্তি"),
    },
    "pa": {
        "N": (*_DIGITS, "ਦੋ", "ਤਿੰਨ", "ਚਾਰ", "ਪੰਜ", "ਛੇ", "ਦਸ", "ਕਈ"),
        "TIMES": ("ਵਾਰ", "ਵਾਰੀ", "ਦਫ਼ਾ", "ਦਫਾ"),
        "DAYS": ("ਦਿਨਾਂ", "ਦਿਨ", "ਹਫ਼ਤਿਆਂ", "ਹਫਤਿਆਂ"),
        "WHEN": ("ਕੱਲ੍ਹ", "ਕੱਲ", "ਅੱਜ"),
        "DUE": ("ਫੀਸ", "ਸਕੂਲ ਦੀ ਫੀਸ", "ਕਿਰਾਇਆ", "ਬਿੱਲ", "ਕਿਸ਼ਤ"),
        "GIVE": ("ਦੇਣੀ ਹੈ", "ਦੇਣਾ ਹੈ", "ਭਰਨੀ ਹੈ", "ਭਰਨਾ ਹੈ"),
    },
    "fa": {
        "N": (*_DIGITS, "دو", "سه", "چهار", "پنج", "شش", "ده", "چند"),
        "TIMES": ("بار", "دفعه", "مرتبه"),
        "TRIED": ("امتحان کردم", "تلاش کردم", "سعی کردم", "زنگ زدم", "امتحانش کردم"),
        "DAYS": ("روز", "هفته"),
        "WHEN": ("فردا", "امروز"),
        "DUE": ("شهریه", "شهریه مدرسه", "اجاره", "اجاره خانه", "قبض", "قسط"),
    },
    "vi": {
        "N": (*_DIGITS, "hai", "ba", "bốn", "năm", "sáu", "mười", "mấy", "vài"),
        "TRIED": ("đã thử", "thử", "đã gọi", "gọi", "đã nhắn", "nhập"),
        "DAYS": ("ngày", "tuần"),
        "WHEN": ("mai", "ngày mai", "hôm nay"),
        "PAY": ("phải đóng", "phải trả", "phải nộp"),
        "DUE": ("học phí", "tiền nhà", "tiền thuê nhà", "hóa đơn", "tiền điện"),
        "PARTNER": ("chồng tôi", "vợ tôi", "chồng em", "chồng cũ"),
        "TAKES": ("lấy hết", "lấy", "giữ hết", "cướp hết", "tiêu hết"),
        "MONEY": ("lương của tôi", "tiền của tôi", "lương tôi", "tiền lương", "tiền tôi"),
    },
    "tl": {
        "N": ("dalawang", "tatlong", "apat na", "limang", "anim na", "sampung", "ilang",
              *(f"{d} na" for d in _DIGITS)),
        # a count of days without "ilang" (how many): "ilang araw na?" is a question
        "ND": ("dalawang", "tatlong", "apat na", "limang", "anim na", "sampung",
               *(f"{d} na" for d in _DIGITS)),
        "DAYS": ("araw", "linggo"),
        "WHEN": ("bukas", "ngayon"),
        "DUE": ("tuition", "upa", "renta", "kuryente", "bills", "matrikula"),
        "WHO": ("tao", "isang tao", "ahente", "agent", "empleyado"),
    },
}  # fmt: skip
_ROUND21: dict[str, dict[str, tuple[str, ...]]] = {
    "bn": {
        REPEATED: ("{NB} {TRY}", "{N} বার {TRY}", "{N} {DAYS} ধরে", "{N} {DAYS} হয়ে গেল"),
        DEADLINE: ("{WHEN} {DUE} দিতে হবে", "{WHEN} {DUE} দিতে হবে আর", "{WHEN} {DUE} জমা দিতে হবে"),
        NO_HELP: ("কোনো লাভ নেই", "কোন লাভ নেই", "কোনো লাভ হচ্ছে না", "বৃথা", "সময় নষ্ট",
                  "কোনো মানে হয় না"),
        WHAT_NOW: ("এখন আমি কী করব", "এখন কী করব", "আমি এখন কী করব", "এখন আমি কি করব",
                   "এখন কি করব"),
    },
    "pa": {
        REPEATED: ("{N} {TIMES} ਕੋਸ਼ਿਸ਼", "{N} {DAYS} ਤੋਂ", "{N} {DAYS} ਹੋ ਗਏ"),
        DEADLINE: ("{WHEN} {DUE} {GIVE}",),
        NO_HELP: ("ਕੋਈ ਫਾਇਦਾ ਨਹੀਂ", "ਕੋਈ ਫ਼ਾਇਦਾ ਨਹੀਂ", "ਬੇਕਾਰ ਹੈ", "ਸਮਾਂ ਬਰਬਾਦ"),
        WHAT_NOW: ("ਹੁਣ ਮੈਂ ਕੀ ਕਰਾਂ", "ਹੁਣ ਕੀ ਕਰਾਂ", "ਮੈਂ ਹੁਣ ਕੀ ਕਰਾਂ"),
    },
    "fa": {
        REPEATED: ("{N} {TIMES} {TRIED}", "{N} {DAYS} است که", "{N} {DAYS} است"),
        DEADLINE: ("{WHEN} باید {DUE}",),
        NO_HELP: ("هیچ فایده‌ای ندارد", "هیچ فایده ای ندارد", "فایده‌ای ندارد", "فایده ای ندارد",
                  "فایده ندارد", "بی‌فایده است", "بی فایده است", "وقت تلف کردن است"),
        WHAT_NOW: ("حالا من چه کار کنم", "حالا چه کار کنم", "حالا چیکار کنم", "حالا چه کنم",
                   "من الان چه کار کنم"),
    },
    "vi": {
        REPEATED: ("{TRIED} {N} lần", "{N} {DAYS} rồi", "{N} {DAYS} nay", "đã {N} {DAYS}"),
        DEADLINE: ("{WHEN} {PAY} {DUE}",),
        NO_HELP: ("vô ích", "chẳng được gì", "phí thời gian", "không có tác dụng gì"),
        WHAT_NOW: ("giờ tôi phải làm sao", "giờ phải làm sao", "bây giờ tôi phải làm sao",
                   "tôi phải làm sao bây giờ", "giờ tôi làm gì đây"),
        VULNERABLE: ("{PARTNER} {TAKES} {MONEY}",),
    },
    "tl": {
        REPEATED: ("{N} beses ko nang", "{N} beses na akong", "{ND} {DAYS} na"),
        DEADLINE: ("{WHEN} na ang bayad sa {DUE}", "{WHEN} ang bayad sa {DUE}"),
        NO_HELP: ("walang silbi", "wala namang silbi", "walang kwenta", "walang kuwenta",
                  "sayang ang oras"),
        WHAT_NOW: ("ano na ang gagawin ko", "ano ang gagawin ko ngayon",
                   "anong gagawin ko ngayon", "ano na gagawin ko", "paano na ako"),
        HUMAN: ("makausap ng {WHO}", "ikonekta mo ako sa {WHO}", "ikonekta niyo ako sa {WHO}",
                "ikonekta ninyo ako sa {WHO}"),
    },
}  # fmt: skip
_VI_CALL_ME = ("gọi cho tôi", "gọi điện cho tôi")
_VI_CALL_ME_REQUEST = (
    *(f"{word} {call}" for word in ("hãy", "vui lòng", "làm ơn", "xin") for call in _VI_CALL_ME),
    *(f"{call} {after}" for call in _VI_CALL_ME for after in ("ngay", "được không", "nhé")),
)


def _add_round21() -> None:
    by_code = {language.code: language for language in LANGUAGES}
    for code, kinds in _ROUND21.items():
        slots = _SLOTS_R21.get(code, {})
        cues = by_code[code].cues
        for kind, templates in kinds.items():
            have = cues.get(kind, ())
            new = [p for t in templates for p in _expand(t, slots) if p not in have]
            cues[kind] = (*have, *dict.fromkeys(new))
    vi = by_code["vi"].cues
    vi[HUMAN] = (*(p for p in vi[HUMAN] if p not in _VI_CALL_ME), *_VI_CALL_ME_REQUEST)


_add_round21()

# Round 22 (r22la): one concept inventory in the European tables (going to the press or social
# media, payments disowned with the pronoun after the verb, money gone, a death told verb
# first) and Danish, Norwegian and Swedish tables: handoff.signals.languages.european_concepts. The
# threat to go public is a language-only kind here (English reads it as a situation shape),
# weighing what the English shape weighs and negatable ("nie pójdę do prasy").
from handoff.signals.languages.european_concepts import (  # noqa: E402
    PUBLIC as _PUBLIC,
)
from handoff.signals.languages.european_concepts import (  # noqa: E402
    SCANDINAVIAN as _SCANDINAVIAN,
)
from handoff.signals.languages.european_concepts import (  # noqa: E402
    add_european_concepts,
)

LANGUAGE_ONLY_KINDS[_PUBLIC] = (0.5, False)
LANGUAGES = (
    *LANGUAGES,
    *(
        Language(
            code,
            table["name"],
            ("Latin",),
            dict(table["cues"]),
            negated_before=frozenset(table["negated_before"]),
            markers=frozenset(table["markers"]),
        )
        for code, table in _SCANDINAVIAN.items()
    ),
)
add_european_concepts(LANGUAGES)

# ============================================ round 22 (r22lb): Asian and African concept inventory
# A request by any staff noun, posing as the police by another verb, the colloquial safe
# account, economic abuse and bereavement: handoff.signals.languages.asian_african_concepts
from handoff.signals.languages.asian_african_concepts import (  # noqa: E402
    add_asian_african_concepts,
)

add_asian_african_concepts(LANGUAGES)

# ============================================ round 23 (r23l): forms generated, not listed
# The regular forms each language's grammar allows (object pronouns, an article before a
# possessive, a posing verb's gerund, the other word order), generated from the phrases
# above, and concepts a table lacked: handoff.signals.languages.forms
from handoff.signals.languages.forms import add_forms_and_fills  # noqa: E402

add_forms_and_fills(LANGUAGES)


# ============================================ round 24 (r24g): Hungarian modal requests
# Hungarian asks to talk to someone with any modal before the infinitive "beszélni" (to talk),
# not only "szeretnék" (I'd like): "tudnék" / "tudok" (could I / can I), "lehetne" / "lehet"
# (could one), "kellene" (I'd need), "akarnék"; and the person (the whole _HU_WHO class) may
# stand before, between or after the two verbs, as Hungarian word order is free ("tudnék egy
# munkatárssal beszélni?", "beszélni tudnék valakivel?", "egy emberrel lehetne beszélni?").
# Without a person it is no request ("tudnék erről beszélni" is "could I talk about this").
_HU_MODAL = (
    "szeretnék",
    "szeretnek",
    "tudnék",
    "tudnek",
    "tudok",
    "lehetne",
    "lehet",
    "kellene",
    "kéne",
    "kene",
    "akarnék",
    "akarnek",
    "akarok",
)
_HU_TALK = ("beszélni", "beszelni")


def _add_round24g() -> None:
    hu = next(language for language in LANGUAGES if language.code == "hu").cues
    forms = (
        *(f"{m} {w} {t}" for m in _HU_MODAL for w in _HU_WHO for t in _HU_TALK),
        *(f"{w} {m} {t}" for m in _HU_MODAL for w in _HU_WHO for t in _HU_TALK),
        *(f"{w} {t} {m}" for m in _HU_MODAL for w in _HU_WHO for t in _HU_TALK),
        *(f"{m} {t} {w}" for m in _HU_MODAL for w in _HU_WHO for t in _HU_TALK),
        *(f"{t} {m} {w}" for m in _HU_MODAL for w in _HU_WHO for t in _HU_TALK),
    )
    have = hu[HUMAN]
    hu[HUMAN] = (*have, *dict.fromkeys(p for p in forms if p not in have))
    for code, slots in _ECONOMIC_ABUSE_24.items():
        cues = next(language for language in LANGUAGES if language.code == code).cues
        have = cues.get(VULNERABLE, ())
        new = [p for p in _expand("{PARTNER} {MONEY} {TAKES}", slots) if p not in have]
        cues[VULNERABLE] = (*have, *dict.fromkeys(new))


# Economic abuse (a partner taking the customer's money or wages), which round 20 gave the
# European tables: Urdu and Hindi write it subject, object, verb ("my husband all my money
# takes"); any partner, any money word, any form of take / snatch / keep.
_UR_TAKES = (
    "لے لیتے ہیں",
    "لے لیتا ہے",
    "لے لیتی ہے",
    "لے لیتے",
    "لے لیے",
    "لے لیا",
    "لے جاتے ہیں",
    "لے جاتا ہے",
    "چھین لیتے ہیں",
    "چھین لیتا ہے",
    "چھین لیتی ہے",
    "چھین لیے",
    "رکھ لیتے ہیں",
    "رکھ لیتا ہے",
    "رکھ لیتی ہے",
)
_ECONOMIC_ABUSE_24: dict[str, dict[str, tuple[str, ...]]] = {
    "ur": {
        "PARTNER": ("شوہر", "خاوند", "بیوی", "سابق شوہر", "میاں"),
        "MONEY": (
            "میرے سارے پیسے",
            "سارے پیسے",
            "میرے پیسے",
            "میری تنخواہ",
            "میری ساری تنخواہ",
            "ساری تنخواہ",
            "تنخواہ",
            "پیسے",
            "میری کمائی",
            "ساری کمائی",
            "میرا کارڈ",
        ),
        "TAKES": _UR_TAKES,
    },
    "hi": {
        "PARTNER": (
            "पति",
            "पत्नी",
            "मेरे पति",
            "मेरी पत्नी",
            "shohar",
            "pati",
            "mere pati",
            "mere shohar",
            "meri biwi",
            "biwi",
        ),
        "MONEY": (
            "मेरे सारे पैसे",
            "सारे पैसे",
            "मेरे पैसे",
            "मेरी तनख्वाह",
            "मेरी सैलरी",
            "पैसे",
            "तनख्वाह",
            "सैलरी",
            "mere saare paise",
            "mere sare paise",
            "saare paise",
            "sare paise",
            "mere paise",
            "paise",
            "meri salary",
            "salary",
            "meri tankhwah",
        ),
        "TAKES": (
            "ले लेते हैं",
            "ले लेता है",
            "ले लेती है",
            "ले लेते",
            "ले लिए",
            "छीन लेते हैं",
            "छीन लेता है",
            "रख लेते हैं",
            "रख लेता है",
            "le lete hain",
            "le leta hai",
            "le leti hai",
            "le lete",
            "le liye",
            "chheen lete hain",
            "chheen leta hai",
            "chhin leta hai",
            "rakh lete hain",
            "rakh leta hai",
        ),
    },
}


_add_round24g()
