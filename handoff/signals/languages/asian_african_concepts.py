"""One concept inventory in the Asian and African tables (principle 2, B).

The round 22 diagnosis found another language's table lacking a concept English reads, or
listing it in one form only: a request for a person by another staff noun (Hindi
"कर्मचारी", Urdu "ملازم", Chinese "工作人员/職員", Tagalog "empleyado"), posing as the police
in another verb ("banda police ban kar", Cantonese "扮警察", Somali "iska dhigay booliis"),
the colloquial Cantonese safe account ("安全戶口"), a partner withholding the money or the
card (Somali, Tamil, Vietnamese, Tagalog, Cantonese) and a parent or partner dead (Cantonese
"過咗身", Vietnamese "mẹ tôi mất rồi"). Written as templates whose {SLOT}s take every word of
the class (as :mod:`handoff.signals.languages.request_fillers`), appended at import.

Chinese is matched as substrings (``UNSPACED``): its templates join without spaces, and its
simplified and traditional (Cantonese) forms share the ``zh`` table.

Written in round 22 (helper r22lb).
Review status: written by a NON-NATIVE author from the concept; tests/test_round22_r22lb.py
holds the concept x language matrix (must-match and a calm must-not-match per language).
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from itertools import product
from typing import Protocol

__all__ = ["add_asian_african_concepts"]

# the kinds of handoff.signals.routing_languages (not imported: it imports this module)
HUMAN = "human_demand"
SCAM = "scam"
VULNERABLE = "vulnerability"


class _Language(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def cues(self) -> MutableMapping[str, tuple[str, ...]]: ...


_UNSPACED = frozenset({"zh"})

_SLOTS: dict[str, dict[str, tuple[str, ...]]] = {
    "hi": {
        "DET": ("किसी", "एक", "किसी असली", ""),
        "WHO": (
            "कर्मचारी",
            "स्टाफ",
            "स्टाफ मेंबर",
            "इंसान",
            "व्यक्ति",
            "एजेंट",
            "मैनेजर",
            "सलाहकार",
            "अधिकारी",
            "आदमी",
            "बंदे",
        ),
        "TALK": (
            "बात करनी है",
            "बात करना है",
            "बात कराओ",
            "बात करवाइए",
            "बात करवा दो",
            "बात कर सकता हूँ",
            "बात कर सकती हूँ",
        ),
    },
    "ur": {
        "DET": ("کسی", "ایک", "کسی اصلی", ""),
        "WHO": (
            "ملازم",
            "سٹاف",
            "اسٹاف",
            "انسان",
            "بندے",
            "ایجنٹ",
            "مینیجر",
            "نمائندے",
            "افسر",
            "مشیر",
        ),
        "TALK": (
            "بات کرنی ہے",
            "بات کرنا ہے",
            "بات کرائیں",
            "بات کروائیں",
            "بات کروا دیں",
            "بات کر سکتا ہوں",
            "بات کر سکتی ہوں",
        ),
    },
    "ur-Latn": {
        "DET": ("kisi", "kissi", "ek", "kisi asli", ""),
        "WHO": (
            "staff",
            "staff member",
            "employee",
            "mulazim",
            "insaan",
            "insan",
            "bande",
            "banday",
            "agent",
            "manager",
            "adviser",
            "advisor",
            "officer",
            "numainde",
        ),
        "TALK": (
            "se baat karni hai",
            "se baat karna hai",
            "se baat karao",
            "se baat karwao",
            "se baat karwa do",
            "se baat kar sakta hoon",
            "se baat kar sakti hoon",
        ),
        "WHO_POSE": (
            "police",
            "polees",
            "bank",
            "bank wala",
            "bank wale",
            "officer",
            "afsar",
            "home office",
        ),
        "POSE": ("ban kar", "ban ke", "bankar", "banke", "bn kr"),
        "CALLS": ("phone kar", "phone kiya", "call kar", "call kiya", "baat kar", "fone kiya"),
    },
    "fa": {
        "WHO": ("پلیس", "مامور پلیس", "مأمور پلیس", "کارمند بانک", "بانک", "مامور"),
        "POSE": ("خودش را", "خود را", "خودشو"),
        "AS": ("معرفی کرد", "معرفی کردند", "جا زد", "جا زدند"),
    },
    "ta-pose": {
        "WHO": ("போலீஸ்", "போலீஸ்காரர்", "காவல்துறை", "வங்கி அதிகாரி", "வங்கியிலிருந்து"),
        "SAYING": ("என்று சொல்லி", "என்று கூறி", "என சொல்லி", "னு சொல்லி"),
    },
    "so-req": {
        "WHO": (
            "qof",
            "qof kale",
            "qof dhab ah",
            "shaqaale",
            "shaqaalaha",
            "wakiil",
            "maareeye",
            "qof bangiga ka tirsan",
        ),
        "TALK": ("ma la hadli karaa", "la hadli karaa", "waan la hadli karaa"),
    },
    "gu": {
        "WHO_POSE": ("પોલીસ", "બેંક", "બેંકવાળા", "અધિકારી", "ઓફિસર"),
        "POSE": ("બનીને", "બની ને", "હોવાનું કહીને"),
        "SAFE": ("સુરક્ષિત ખાતામાં", "સુરક્ષિત ખાતા માં", "સેફ એકાઉન્ટમાં", "સેફ એકાઉન્ટ માં"),
        "HUSBAND": ("મારો પતિ", "મારા પતિ", "મારી પત્ની", "મારો ઘરવાળો"),
        "WITHHOLD": (
            "મને પૈસા આપતો નથી",
            "મને પૈસા આપતા નથી",
            "પૈસા આપતો નથી",
            "કાર્ડ રાખી લે છે",
            "મારું કાર્ડ લઈ લીધું",
            "બહાર જવા દેતો નથી",
        ),
        "KIN": ("મારી મા", "મારી માતા", "મારા પિતા", "મારા પતિ", "મારી પત્ની", "મારા બાપુ"),
        "DIED": (
            "ગુજરી ગઈ",
            "ગુજરી ગયા",
            "મૃત્યુ પામી",
            "મૃત્યુ પામ્યા",
            "ગુજરી ગયો",
            "અવસાન થયું",
            "નું અવસાન થયું",
        ),
    },
    "ne": {
        "WHO_POSE": ("प्रहरी", "पुलिस", "बैंकको कर्मचारी", "बैंकको मान्छे", "अधिकारी"),
        "POSE": ("बनेर", "भनेर"),
        "SAFE": ("सुरक्षित खातामा", "सेफ एकाउन्टमा", "सुरक्षित खाता"),
        "HUSBAND": ("मेरो श्रीमान", "मेरो श्रीमानले", "मेरो लोग्नेले", "मेरो श्रीमती"),
        "WITHHOLD": (
            "मलाई पैसा दिँदैनन्",
            "मलाई पैसा दिँदैन",
            "पैसा दिँदैनन्",
            "कार्ड राख्छन्",
            "कार्ड खोसे",
            "बाहिर जान दिँदैनन्",
        ),
    },
    "ps": {
        "WHO_POSE": ("پولیس", "بانک", "د بانک کارکوونکی", "مامور"),
        "POSE": ("ځان", "ځان یې"),
        "AS": ("معرفي کړ", "وښود", "وباله"),
        "SAFE": ("خوندي حساب", "امن حساب"),
        "HUSBAND": ("زما مېړه", "زما میړه", "مېړه مې", "زما ښځه"),
        "WITHHOLD": (
            "ماته پیسې نه راکوي",
            "پیسې نه راکوي",
            "کارت هم ساتي",
            "کارت مې اخلي",
            "بهر ته مې نه پرېږدي",
        ),
    },
    "am": {
        "WHO": ("ሰራተኛ", "ሰው", "ሃላፊ", "አማካሪ", "ወኪል"),
        "DET": ("ከአንድ ", "ከ"),
        "TALK": ("ጋር መነጋገር እፈልጋለሁ", "ጋር ማውራት እፈልጋለሁ", "ጋር መነጋገር እችላለሁ"),
        "HUSBAND": ("ባለቤቴ", "ባሌ", "ሚስቴ"),
        "WITHHOLD": (
            "ገንዘብ አይሰጠኝም",
            "ገንዘብ አይሰጠኝ",
            "ካርዴን ይይዛል",
            "ካርዴን ወሰደ",
            "ካርዴንም ይይዛል",
            "እንድወጣ አይፈቅድም",
        ),
    },
    "yo": {
        "WHO": (
            "òṣìṣẹ́ kan",
            "oṣiṣẹ kan",
            "osise kan",
            "ènìyàn kan",
            "eniyan kan",
            "ẹnìkan",
            "enikan",
            "alákòóso",
            "alakoso",
        ),
        "TALK": ("mo fẹ́ bá", "mo fe ba", "mo fẹ ba", "ṣé mo lè bá", "se mo le ba"),
        "END": ("sọ̀rọ̀", "soro", "sọrọ"),
        "POSE": ("pe ara rẹ̀ ní", "pe ara re ni", "pe ara rẹ ni", "ṣe bí", "se bi"),
        "POLICE": ("ọlọ́pàá", "olopaa", "ọlọpaa", "òṣìṣẹ́ báńkì", "osise banki"),
        "SAFE": ("àkáǹtì ààbò", "akanti aabo", "akaunti aabo", "safe account"),
        "HUSBAND": ("ọkọ mi", "oko mi", "ìyàwó mi", "iyawo mi"),
        "WITHHOLD": (
            "kì í fún mi lówó",
            "ki i fun mi lowo",
            "ko fun mi lowo",
            "kò fún mi lówó",
            "gba káàdì mi",
            "gba kaadi mi",
        ),
        "KIN": (
            "màmá mi",
            "mama mi",
            "bàbá mi",
            "baba mi",
            "ọkọ mi",
            "oko mi",
            "ìyàwó mi",
            "iyawo mi",
        ),
        "DIED": ("ti kú", "ti ku", "ti papòdà", "ti papoda"),
    },
    "si": {
        "KIN": ("මගේ අම්මා", "මගේ තාත්තා", "මගේ මහත්තයා", "මගේ නෝනා", "මගේ ස්වාමිපුරුෂයා", "මගේ බිරිඳ"),
        "DIED": ("නැති වුණා", "මිය ගියා", "අභාවප්‍රාප්ත වුණා", "නැති උනා"),
        "WITHHOLD": (
            "මට සල්ලි දෙන්නේ නැහැ",
            "සල්ලි දෙන්නේ නැහැ",
            "කාඩ් එක තියාගන්නවා",
            "කාඩ් එකත් තියාගන්නවා",
            "කාඩ් එක ගත්තා",
        ),
    },
    "si-Latn": {
        "WHO": (
            "sevakayek",
            "sewakayek",
            "kenek",
            "manager kenek",
            "officer kenek",
            "staff eke kenek",
        ),
        "TALK": (
            "ekka katha karanna one",
            "ekka katha karanna ona",
            "ekka kata karanna one",
            "ekka katha karanna puluwanda",
        ),
        "WHO_POSE": ("police", "polisiye", "bank"),
        "POSE": ("eken kiyala", "kiyala", "eke kiyala"),
        "CALLS": ("katha kala", "call kala", "call karala"),
        "SAFE": ("arakshitha ginumakata", "arakshitha ginumata", "safe account ekakata"),
        "HUSBAND": ("mage mahaththaya", "mage mahattaya", "mage nona", "mage husband"),
        "WITHHOLD": (
            "mata salli denne naha",
            "salli denne naha",
            "card ekath thiyaganna",
            "card eka thiyaganna",
            "card eka gaththa",
        ),
    },
    "zh": {
        "TALK": ("跟", "和", "同", "找", "转", "轉", "接"),
        "WHO": (
            "工作人员",
            "工作人員",
            "职员",
            "職員",
            "员工",
            "員工",
            "客服人员",
            "客服人員",
            "真人",
            "经理",
            "經理",
            "顾问",
            "顧問",
        ),
        "END": ("说话", "說話", "讲话", "講話", "谈", "談", "傾", "倾", "聊"),
        "POSE": ("扮", "扮咗", "假扮", "冒認", "冒认"),
        "POLICE": ("警察", "香港警察", "公安", "差人", "警官", "银行职员", "銀行職員"),
        "SAFE": ("安全戶口", "安全户口", "安全帳戶", "安全账号", "安全帳號"),
        "HUSBAND": ("老公", "丈夫", "先生", "男朋友", "老婆"),
        "WITHHOLD": (
            "唔俾錢我",
            "唔畀錢我",
            "唔俾我錢",
            "唔畀我錢",
            "收埋我張卡",
            "收起我的卡",
            "拿走我的卡",
            "扣住我的卡",
            "不让我出门",
            "不讓我出門",
            "唔俾我出街",
        ),
        "MUM": ("阿媽", "阿爸", "媽咪", "爹哋", "老公", "老婆", "阿爺", "阿嫲"),
        "DIED": ("過咗身", "过咗身", "走咗", "死咗"),
    },
    "so": {
        "POSE": ("iska dhigay", "isku sheegay", "iska dhigaya", "isku sheegaya"),
        "WHO": ("booliis", "boolis", "bangiga", "shaqaale bangi", "sarkaal"),
        "HUSBAND": ("ninkeyga", "ninkayga", "saygeyga", "saygayga", "xaaskeyga", "afadeyda"),
        "WITHHOLD": (
            "lacag ima siiyo",
            "lacag i ma siiyo",
            "lacagta ima siiyo",
            "kaarka wuu haystaa",
            "kaarkeyga wuu haystaa",
            "kaarka wuu iga qaatay",
            "kaarkeyga wuu iga qaatay",
            "lacagteyda wuu qaataa",
        ),
    },
    "ta": {
        "HUSBAND": ("என் கணவர்", "என் கணவன்", "கணவர்", "என் மனைவி"),
        "WITHHOLD": (
            "பணம் தருவதில்லை",
            "பணம் தர மாட்டார்",
            "பணம் கொடுப்பதில்லை",
            "கார்டை வைத்துக்கொள்கிறார்",
            "எனக்கு பணம் தருவதில்லை",
            "எனக்கு பணம் கொடுப்பதில்லை",
        ),
    },
    "vi": {
        "HUSBAND": ("chồng tôi", "chồng em", "vợ tôi", "bạn trai tôi"),
        "WITHHOLD": (
            "không đưa tiền cho tôi",
            "không cho tôi tiền",
            "không đưa tiền cho em",
            "giữ thẻ của tôi",
            "giữ luôn thẻ của tôi",
            "lấy thẻ của tôi",
            "giữ hết tiền",
            "lấy hết tiền",
            "không cho tôi ra ngoài",
        ),
        "KIN": (
            "mẹ tôi",
            "bố tôi",
            "ba tôi",
            "má tôi",
            "chồng tôi",
            "vợ tôi",
            "con tôi",
            "mẹ em",
            "bố em",
            "chồng em",
        ),
        "DIED": ("mất rồi", "đã mất", "vừa mất", "qua đời", "đã qua đời", "vừa qua đời"),
    },
    "tl": {
        "TALK": ("makausap", "makipag-usap sa", "kausapin"),
        "DET": ("ang isang", "ang", "isang", "sa isang", ""),
        "WHO": (
            "empleyado",
            "staff",
            "tao",
            "totoong tao",
            "ahente",
            "agent",
            "manager",
            "adviser",
            "tauhan",
        ),
        "WITHHOLD": (
            "hindi ako binibigyan ng pera",
            "ayaw akong bigyan ng pera",
            "kinukuha niya ang card ko",
            "kinuha niya ang card ko",
            "hawak niya ang card ko",
            "hindi ako pinalalabas",
        ),
    },
}

_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "hi": {HUMAN: ("{DET} {WHO} से {TALK}",)},
    "ur": {HUMAN: ("{DET} {WHO} سے {TALK}",)},
    "ur-Latn": {
        HUMAN: ("{DET} {WHO} {TALK}",),
        SCAM: ("{WHO_POSE} {POSE} {CALLS}",),
    },
    "so-req": {HUMAN: ("{WHO} {TALK}",)},
    "gu": {
        SCAM: ("{WHO_POSE} {POSE}", "{SAFE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}", "{KIN} {DIED}"),
    },
    "ne": {
        SCAM: ("{WHO_POSE} {POSE} फोन", "{SAFE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}",),
    },
    "ps": {
        SCAM: ("{POSE} {WHO_POSE} {AS}", "{SAFE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}",),
    },
    "am": {HUMAN: ("{DET}{WHO} {TALK}",), VULNERABLE: ("{HUSBAND} {WITHHOLD}",)},
    "yo": {
        HUMAN: ("{TALK} {WHO} {END}",),
        SCAM: ("{POSE} {POLICE}", "{SAFE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}", "{KIN} {DIED}"),
    },
    "si": {VULNERABLE: ("{KIN} {DIED}", "{WITHHOLD}")},
    "si-Latn": {
        HUMAN: ("{WHO} {TALK}",),
        SCAM: ("{WHO_POSE} {POSE} {CALLS}", "{SAFE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}",),
    },
    "zh": {
        HUMAN: ("{TALK}{WHO}{END}",),
        SCAM: ("{POSE}{POLICE}", "{SAFE}"),
        VULNERABLE: ("{HUSBAND}{WITHHOLD}", "{MUM}{DIED}"),
    },
    "so": {
        SCAM: ("{POSE} {WHO}", "{WHO} {POSE}"),
        VULNERABLE: ("{HUSBAND} {WITHHOLD}",),
    },
    "ta": {VULNERABLE: ("{HUSBAND} {WITHHOLD}",)},
    "ta-pose": {SCAM: ("{WHO} {SAYING}",)},
    "fa": {SCAM: ("{POSE} {WHO} {AS}",)},
    "vi": {VULNERABLE: ("{HUSBAND} {WITHHOLD}", "{KIN} {DIED}")},
    "tl": {
        HUMAN: ("gusto kong {TALK} {DET} {WHO}", "pwede ko bang {TALK} {DET} {WHO}"),
        VULNERABLE: ("{WITHHOLD} ng asawa ko", "ang asawa ko {WITHHOLD}"),
    },
}


def _expand(template: str, slots: dict[str, tuple[str, ...]], joiner: str) -> tuple[str, ...]:
    parts: list[tuple[str, ...]] = []
    rest = template
    while rest:
        start = rest.find("{")
        if start < 0:
            parts.append((rest,))
            break
        if start:
            parts.append((rest[:start],))
        end = rest.index("}", start)
        parts.append(slots[rest[start + 1 : end]])
        rest = rest[end + 1 :]
    out = ("".join(words) for words in product(*parts))
    return tuple(dict.fromkeys(joiner.join(p.split()) for p in out if p.strip()))


def add_asian_african_concepts(languages: Iterable[_Language]) -> None:
    """The templates' phrases appended to each language's cues (once)."""
    by_code = {language.code: language for language in languages}
    for code, kinds in _TEMPLATES.items():
        table = code.split("-")[0]  # "ur-Latn" -> the Urdu table, "so-req" -> Somali
        cues = by_code[table].cues
        joiner = "" if table in _UNSPACED else " "
        for kind, templates in kinds.items():
            have = cues.get(kind, ())
            new = [p for t in templates for p in _expand(t, _SLOTS[code], joiner) if p not in have]
            cues[kind] = (*have, *dict.fromkeys(new))
