"""Routing cues of round 14, batch A: German, Persian (Farsi), Pashto, Kurdish (Sorani and
Kurmanji), Albanian, Tigrinya, Amharic, Greek and Hungarian (the census's next main
languages, see handoff.signals.routing_languages), and the cross-language check on short
words: Albanian "mirë" (good) must not read as Lithuanian "mirė" (died).

ROUND14A_CASES has the shape of tests/test_routing_cues_multilingual.py's CASES, which runs
its per-language tests over it (requests, fraud, scams, vulnerability, threats, negated
requests, calm questions that fire no cue at all); this file adds the other-language kinds
(a described fraud, repetition, not understood, still not, sarcasm), questions about the bot,
the short-word check and routing by the cues alone.

The sentences were written from how people write in support chats (non-native author, see
the module's review status), not taken from any evaluation set."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import Conversation
from handoff.signals.routing_languages import LANGUAGES
from handoff.signals.routing_lexicon import shows_language
from handoff.signals.text import analyze_text
from tests.conftest import ROOT, cue_kinds

HUMAN = "human_demand"

ROUND14A_CASES: dict[str, dict[str, list[str]]] = {
    "de": {
        HUMAN: [
            "Kann ich bitte mit einem Mitarbeiter sprechen?",
            "ich möchte mit einem echten Menschen reden",
            "Ich will mit jemandem von der Bank sprechen",
            "rufen Sie mich bitte an",
            "Bitte um Rückruf",
            "ich brauche einen Menschen, keinen Bot",
            "kann ich mit einem Berater telefonieren?",
            "Ich möchte mit Ihrem Vorgesetzten sprechen",
        ],
        "fraud": ["meine Karte wurde gestohlen", "ich erkenne diese Zahlung nicht"],
        "scam": ["ich wurde betrogen", "ich habe auf einen Link geklickt und den Code gegeben"],
        "scam_mention": ["ist das eine Abzocke?"],
        "vulnerability": [
            "mein Vater ist gestorben",
            "ich liege im Krankenhaus",
            "ich habe meinen Job verloren und kann die Miete nicht zahlen",
        ],
        "churn_threat": ["ich kündige mein Konto, wenn das so weitergeht"],
        "complaint": ["ich möchte mich beschweren"],
        "legal_threat": ["Ich werde mich beim Ombudsmann beschweren", "mein Anwalt meldet sich"],
        "negated": [
            "ich möchte nicht mit einem Mitarbeiter sprechen, danke",
            "sind Sie ein echter Mensch?",
            "kein Rückruf nötig",
        ],
        "calm": [
            "Wie ändere ich meine Adresse?",
            "Wann kommt meine neue Karte?",
            "Wie hoch sind die Zinsen?",
            "Wie eröffne ich ein Sparkonto?",
            "danke, alles klar",
        ],
    },
    "fa": {
        HUMAN: [
            "سلام، میشه با یک کارمند صحبت کنم؟",
            "میخوام با یه آدم واقعی حرف بزنم",
            "میخوام با یک نفر واقعی حرف بزنم",
            "لطفا به من زنگ بزنید",
            "میشه با من تماس بگیرید؟",
            "اپراتور میخوام",
            "با مسئول صحبت کنم لطفا",
            "salam, mikham ba ye karmand sohbat konam",
            "lotfan be man zang bezanid",
        ],
        "fraud": ["کارتم دزدیده شد", "حسابم هک شده"],
        "scam": [
            "گفت باید پولم را به یک حساب امن منتقل کنم",
            "کد رو بهش دادم",
            "سرم کلاه گذاشتن",
        ],
        "scam_mention": ["این پیام کلاهبرداری است؟"],
        "vulnerability": ["پدرم فوت کرد", "کارم را از دست دادم", "دیگه نمیتونم، خسته شدم"],
        "churn_threat": ["حسابمو میبندم و میرم یه بانک دیگه"],
        "complaint": ["میخوام شکایت کنم"],
        "legal_threat": ["وکیل میگیرم", "شکایت به دادگاه میکنم"],
        "negated": ["نمیخوام با کارمند صحبت کنم، ممنون", "دیگه نمیتونم صبر کنم"],
        "calm": [
            "چطور آدرسم را عوض کنم؟",
            "کارت جدیدم کی میرسه؟",
            "نرخ سود چقدره؟",
            "چطور حساب پس انداز باز کنم؟",
            "ممنون، همه چیز روشنه",
        ],
    },
    "ps": {
        HUMAN: [
            "سلام، زه غواړم له یو کارکوونکي سره خبرې وکړم",
            "له یو انسان سره خبرې وکړم",
            "ما ته زنګ ووهئ",
            "راته زنګ ووهئ مهرباني وکړئ",
            "له مسؤل سره خبرې",
            "زه غواړم له یو چا سره خبرې وکړم",
            "له کارکوونکي سره وغږیږم",
            "کارکوونکي سره خبرې وکړم",
        ],
        "fraud": ["زما کارت غلا شو", "پیسې ایستل شوې چې ما نه دي ایستلې"],
        "scam": ["دوکه شوم", "کوډ مې ورکړ"],
        "vulnerability": ["پلار مې مړ شو", "زه په روغتون کې یم"],
        "churn_threat": ["حساب به بند کړم"],
        "negated": ["نه غواړم له یو کارکوونکي سره خبرې وکړم"],
        "calm": [
            "زه څنګه خپل پته بدله کړم؟",
            "نوی کارت به کله راشي؟",
            "ګټه څومره ده؟",
            "مننه",
            "زه څنګه حساب پرانیزم؟",
        ],
    },
    "ckb": {
        HUMAN: [
            "سڵاو، دەمەوێت لەگەڵ کەسێک قسە بکەم دەربارەی کارتەکەم",
            "دەمەوێت لەگەڵ کارمەندێک قسە بکەم",
            "لەگەڵ مرۆڤێک قسە بکەم تکایە",
            "تەلەفۆنم بۆ بکەن",
            "پەیوەندیم پێوە بکەن",
            "لەگەڵ فەرمانبەرێک بدوێم",
            "dexwazm legel kesek qse bkem",
            "legel karmendek qse bkem tkaye",
        ],
        "fraud": ["کارتەکەم دزرا", "پارەم لێ دزراوە"],
        "scam": ["فێڵم لێکرا", "کۆدەکەم دا"],
        "vulnerability": ["باوکم مرد", "لە نەخۆشخانەم"],
        "churn_threat": ["هەژمارەکەم دادەخەم"],
        "negated": ["نامەوێت لەگەڵ کەسێک قسە بکەم"],
        "calm": [
            "چۆن ناونیشانەکەم بگۆڕم؟",
            "کارتە نوێیەکەم کەی دێت؟",
            "سوپاس",
            "چۆن هەژمار بکەمەوە؟",
            "ڕێژەی سوود چەندە؟",
        ],
    },
    "kmr": {
        HUMAN: [
            "ez dixwazim bi karmendekî re biaxivim",
            "dixwazim bi mirovekî rastîn re bipeyivim",
            "ji kerema xwe li min bigerin",
            "telefonî min bikin",
            "bi kesekî re biaxivim",
            "ez dixwazim bi yekî re bipeyivim",
            "dixwazim bi karmendeki re biaxivim",  # without the î
            "ez mirovekî dixwazim",
        ],
        "fraud": ["karta min hat dizîn", "hesabê min hat hackkirin"],
        "scam": ["ez hatim xapandin", "min kodê da"],
        "vulnerability": ["bavê min mir", "ez li nexweşxaneyê me"],
        "churn_threat": ["ez ê herim bankeke din"],
        "negated": ["ez naxwazim bi karmendekî re biaxivim"],
        "calm": [
            "ez çawa navnîşana xwe biguherînim?",
            "karta min a nû kengî tê?",
            "spas, baş e",
            "ez çawa hesabek vekim?",
            "rêjeya faîzê çiqas e?",
        ],
    },
    "sq": {
        HUMAN: [
            "Përshëndetje, dua të flas me një punonjës, jo me robot",
            "dua te flas me nje punonjes",  # without ë
            "a mund të flas me një njeri të vërtetë?",
            "më telefononi ju lutem",
            "dua të bisedoj me menaxherin",
            "më lidhni me një operator",
            "mund të flas me dikë nga banka?",
            "dua një njeri, jo robot",
        ],
        "fraud": ["më kanë vjedhur kartën", "ma vodhën kartën dje"],
        "scam": ["më mashtruan", "pagova paradhënie dhe shitësi u zhduk"],
        "scam_mention": ["a është mashtrim ky mesazh?"],
        "vulnerability": ["më vdiq babai", "jam në spital", "kam humbur punën"],
        "churn_threat": ["do ta mbyll llogarinë"],
        "complaint": ["dua të bëj një ankesë"],
        "legal_threat": ["Nëse nuk ma ktheni paratë, do të shkoj te avokati"],
        "negated": ["nuk dua të flas me një punonjës, faleminderit"],
        "calm": [
            "Përshëndetje, si mund të hap një llogari kursimi?",
            "a mund ta bëj nga aplikacioni?",
            "shumë mirë, faleminderit",
            "Kur vjen karta e re?",
            "Si ta ndryshoj adresën?",
        ],
    },
    "ti": {
        HUMAN: [
            "ሰላም፣ ምስ ሰራሕተኛ ክዛረብ እደሊ እየ፣ በጃኹም",
            "ምስ ሰብ ክዛረብ እደሊ",
            "ምስ ሓላፊ ክዛረብ",
            "ደውሉለይ በጃኹም",
            "ሰብ የድልየኒ",
            "ምስ ሰራሕተኛ ባንኪ ክዛረብ እደሊ",
            "ምስ ኣማኻሪ ክዛረብ",
            "ሰብ እደሊ",
        ],
        "fraud": ["ካርደይ ተሰሪቁ"],
        "scam": ["ሓደ ሰብ ካብ ባንክ እየ ኢሉ፣ ኮድ ሂበዮ"],
        "vulnerability": ["ሰበይተይ ሓሚማ ኣብ ሆስፒታል ኣላ", "ክራይ ገዛ ክኸፍል ኣይከኣልኩን"],
        "negated": ["ምስ ሰራሕተኛ ክዛረብ ኣይደልን"],
        "calm": [
            "ሰላም",
            "ሓዳስ ካርድ መዓስ ይመጽእ?",
            "የቐንየለይ",
            "ኣድራሻይ ከመይ ክቕይር?",
            "ሕሳብ ከመይ ክኸፍት?",
        ],
    },
    "am": {
        HUMAN: [
            "ከሰራተኛ ጋር መነጋገር እፈልጋለሁ",
            "ከሰው ጋር ማውራት እፈልጋለሁ",
            "እባክዎ ይደውሉልኝ",
            "ደውሉልኝ",
            "ሰው እፈልጋለሁ",
            "ከኃላፊ ጋር መነጋገር እችላለሁ?",
            "ከባንክ ሰራተኛ ጋር መነጋገር",
            "ሰራተኛ እፈልጋለሁ",
        ],
        "fraud": ["ካርዴ ተሰረቀ", "ያልፈቀድኩት ክፍያ አለ"],
        "scam": ["ተታለልኩ", "ኮዱን ሰጠሁ"],
        "vulnerability": ["አባቴ ሞተ", "ሆስፒታል ነኝ", "ስራዬን አጣሁ"],
        "legal_threat": ["ጠበቃ እይዛለሁ"],
        "negated": ["ከሰራተኛ ጋር መነጋገር አልፈልግም"],
        "calm": [
            "አዲሱ ካርድ መቼ ይደርሳል?",
            "አድራሻዬን እንዴት እቀይራለሁ?",
            "አመሰግናለሁ",
            "ሂሳብ እንዴት እከፍታለሁ?",
            "ሰላም",
        ],
    },
    "el": {
        HUMAN: [
            "Θέλω να μιλήσω με έναν υπάλληλο",
            "θελω να μιλησω με ανθρωπο",  # without the tonos
            "μπορώ να μιλήσω με κάποιον;",
            "πάρτε με τηλέφωνο παρακαλώ",
            "θέλω άνθρωπο, όχι bot",
            "να μιλήσω με τον διευθυντή",
            "thelw na milisw me ypallilo",
            "parte me tilefwno",
        ],
        "fraud": ["μου έκλεψαν την κάρτα", "κλάπηκε η κάρτα μου"],
        "scam": ["με εξαπάτησαν", "πάτησα το λινκ και έδωσα τον κωδικό"],
        "scam_mention": ["είναι απάτη αυτό το μήνυμα;"],
        "vulnerability": ["ο πατέρας μου πέθανε", "είμαι στο νοσοκομείο", "έχασα τη δουλειά μου"],
        "churn_threat": ["θα κλείσω τον λογαριασμό μου"],
        "complaint": ["θα κάνω καταγγελία"],
        "legal_threat": ["θα πάρω δικηγόρο", "θα σας μηνύσω"],
        "negated": ["δεν θέλω να μιλήσω με υπάλληλο, ευχαριστώ"],
        "calm": [
            "Πώς αλλάζω τη διεύθυνσή μου;",
            "Πότε θα έρθει η νέα κάρτα;",
            "Ποιο είναι το επιτόκιο;",
            "ευχαριστώ πολύ",
            "Πώς ανοίγω λογαριασμό ταμιευτηρίου;",
        ],
    },
    "hu": {
        HUMAN: [
            "Szeretnék beszélni egy ügyintézővel",
            "egy ügyintézővel szeretnék beszélni",
            "beszélhetnék valakivel?",
            "élő emberrel akarok beszélni",
            "hívjanak fel kérem",
            "visszahívást kérek",
            "kérek egy ügyintézőt",
            "szeretnek beszelni egy ugyintezovel",  # without accents
        ],
        "fraud": ["ellopták a kártyámat", "feltörték a számlámat"],
        "scam": ["becsaptak", "rákattintottam a linkre és megadtam a kódot"],
        "scam_mention": ["ez egy csalók által küldött üzenet?"],
        "vulnerability": ["meghalt a férjem", "kórházban vagyok", "elvesztettem a munkámat"],
        "churn_threat": ["bezárom a számlámat"],
        "complaint": ["hivatalos panaszt teszek"],
        "legal_threat": ["ügyvédhez fordulok", "beperelem a bankot"],
        "negated": ["nem szeretnék beszélni egy ügyintézővel, köszönöm"],
        "calm": [
            "Hogyan változtatom meg a címemet?",
            "Mikor érkezik az új kártyám?",
            "Mennyi a kamat?",
            "köszönöm szépen",
            "Hogyan nyithatok megtakarítási számlát?",
        ],
    },
}

# Kinds English finds as situation shapes or lexicon groups, listed per language.
OTHER_KINDS: list[tuple[str, str, str]] = [
    ("de", "fraud_report", "diese Zahlung habe ich nicht gemacht"),
    ("de", "fraud_report", "jemand hat meine Karte benutzt"),
    ("de", "repeated_asking", "ich frage jetzt zum dritten Mal"),
    ("de", "not_understood", "Sie verstehen mich nicht"),
    ("de", "still_not", "das Geld ist immer noch nicht da"),
    ("de", "sarcasm", "danke für nichts"),
    ("fa", "fraud_report", "من این پرداخت را انجام ندادم"),
    ("fa", "repeated_asking", "برای بار سوم میپرسم"),
    ("ps", "fraud_report", "ما نه ده کړې"),
    ("ps", "repeated_asking", "دریم ځل پوښتنه کوم"),
    ("ckb", "fraud_report", "کارتەکەم دزرا و کەسێک ٤٥٠ پاوەندی پێ خەرج کردووە"),
    ("ckb", "repeated_asking", "بۆ سێیەم جار دەپرسم"),
    ("kmr", "fraud_report", "min ev dravdan nekiriye"),
    ("kmr", "repeated_asking", "ji bo cara sêyem dipirsim"),
    ("sq", "fraud_report", "nuk e kam bërë këtë pagesë"),
    ("sq", "repeated_asking", "po ju shkruaj për të tretën herë"),
    ("sq", "not_understood", "nuk më kuptoni"),
    ("sq", "still_not", "akoma nuk funksionon"),
    ("sq", "sarcasm", "faleminderit për asgjë"),
    ("ti", "repeated_asking", "ሳልሳይ ግዜ እየ ዝሓትት ዘለኹ"),
    ("ti", "not_understood", "ኣይተረዳእካንን"),
    ("ps", "not_understood", "ته مې نه پوهېږې"),
    ("ckb", "still_not", "پارەکە هێشتا نەهاتووە"),
    ("kmr", "not_understood", "tu min fam nakî"),
    ("kmr", "still_not", "pere hê jî nehatiye"),
    ("am", "fraud_report", "ያላደረግኩት ክፍያ"),
    ("am", "repeated_asking", "ለሶስተኛ ጊዜ ነው"),
    ("el", "fraud_report", "δεν έκανα αυτή την πληρωμή"),
    ("el", "repeated_asking", "για τρίτη φορά ρωτάω"),
    ("el", "not_understood", "δεν με καταλαβαίνεις"),
    ("el", "still_not", "ακόμα τίποτα"),
    ("el", "sarcasm", "ευχαριστώ για το τίποτα"),
    ("hu", "fraud_report", "ezt a fizetést nem én indítottam"),
    ("hu", "repeated_asking", "már harmadszor kérdezem"),
    ("hu", "not_understood", "nem érted, amit mondok"),
    ("hu", "still_not", "még mindig nem jött meg"),
    ("hu", "sarcasm", "köszönöm a semmit"),
]


def test_the_ten_languages_come_after_the_earlier_ones_in_census_order() -> None:
    codes = [lang.code for lang in LANGUAGES]
    batch = ["de", "fa", "ps", "ckb", "kmr", "sq", "ti", "am", "el", "hu"]
    assert codes[codes.index("bg") + 1 : codes.index("bg") + 11] == batch
    assert set(ROUND14A_CASES) == set(batch)


@pytest.mark.parametrize(("language", "kind", "text"), OTHER_KINDS)
def test_other_language_kinds(language: str, kind: str, text: str) -> None:
    assert kind in cue_kinds(text), (language, text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Bin ich mit einem Bot verbunden? Nur eine Frage"),
        ("fa", "آیا شما ربات هستید؟"),
        ("sq", "a jeni robot apo njeri?"),
        ("el", "είσαι ρομπότ;"),
        ("hu", "ön egy robot?"),
        ("de", "ich habe gestern mit einem Mitarbeiter gesprochen, alles gut"),
        ("hu", "nem akarok beszélni egy ügyintézővel"),
    ],
)
def test_questions_about_the_bot_and_negated_requests_are_no_request(
    language: str, text: str
) -> None:
    assert not analyze_text(text).human_request, (language, text)


# ---------------------------------------------------------------- short words across languages


def test_albanian_good_is_not_lithuanian_died() -> None:
    """Folded, Albanian "mirë" (good) is Lithuanian "mirė" (died): the Lithuanian word counts
    only in a message that shows Lithuanian."""
    assert cue_kinds("shumë mirë, faleminderit") == set()
    assert cue_kinds("shume mire, faleminderit") == set()
    assert "vulnerability" in cue_kinds("mano tėtis mirė")
    assert "vulnerability" in cue_kinds("tėtis mirė vakar")  # ė shows Lithuanian
    assert "vulnerability" in cue_kinds("mano tetis mire")  # "mano" shows it


@pytest.mark.parametrize(
    ("code", "text", "shown"),
    [
        ("lt", "shumë mirë, faleminderit", False),
        ("lt", "mano tėtis", True),
        ("sq", "shumë mirë", True),
        ("sq", "very good, thanks", False),
        ("de", "Ich habe eine Frage", True),
        ("de", "I have a question", False),
        ("el", "ευχαριστώ", True),
        ("ti", "ሰላም", True),
        ("fa", "سلام", True),
        ("zz", "any text at all", True),  # a language that lists nothing shows everywhere
    ],
)
def test_shows_language(code: str, text: str, *, shown: bool) -> None:
    assert shows_language(code, text) is shown


def test_a_short_word_shows_its_language_through_a_longer_phrase() -> None:
    """Spanish "genial" (short, one word) beside "otra vez" (a longer Spanish phrase) is read
    (as sarcasm, beside the failure): the longer phrase shows the language."""
    assert "sarcasm" in cue_kinds("otra vez el mismo error. genial")


def test_every_language_lists_what_shows_it() -> None:
    for language in LANGUAGES:
        if language.code == "zh":
            continue  # matched as substrings of Han characters, never a short Latin word
        assert language.markers or language.letters, language.code


# ---------------------------------------------------------------- routing by the cues alone
_ROUTER = Router.from_path(ROOT / "rules" / "banking.yaml")
_OPEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


def _lane(*messages: str) -> str:
    turns: list[dict[str, object]] = []
    for text in messages:
        if turns:
            turns.append({"role": "bot", "text": "Sorry, I didn't get that."})
        turns.append({"role": "user", "text": text, "intent": {"name": "out_of_scope"}})
    decision = _ROUTER.route(Conversation.model_validate({"turns": turns}), now=_OPEN)
    return decision.lane


@pytest.mark.parametrize(
    ("messages", "lane"),
    [
        (("Përshëndetje, dua të flas me një punonjës, jo me robot",), "general_banking"),
        (("ሰላም፣ ምስ ሰራሕተኛ ክዛረብ እደሊ እየ፣ በጃኹም",), "general_banking"),
        (("Blerova një makinë në internet, pagova paradhënie dhe shitësi u zhduk",), "fraud"),
        (("زما په حساب کې داسې پیسې ایستل شوې چې ما نه دي ایستلې",), "fraud"),
        (("من دیگه نمیتونم، همه چیز از دستم رفته",), "vulnerable_customers"),
        (("Nëse nuk ma ktheni paratë, do të shkoj te avokati",), "complaints"),
        (("Ich werde mich beim Ombudsmann beschweren",), "complaints"),
        (("shumë mirë, faleminderit",), "bot"),
        (("Përshëndetje, si mund të hap një llogari kursimi?",), "bot"),
    ],
)
def test_routed_by_the_cues_alone(messages: tuple[str, ...], lane: str) -> None:
    assert _lane(*messages) == lane, messages
