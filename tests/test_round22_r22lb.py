"""Round 22 (r22lb): one concept inventory in the Asian and African tables.

A CONCEPT x LANGUAGE matrix (one fresh sentence per cell, written by a NON-NATIVE author from
the concept; none taken from a routing set): a request by a staff noun, money that can't be
withdrawn, a prize with a fee paid, posing as the police, a safe account, an online
investment adviser's platform, economic abuse, bereavement, payments disowned by place.
Cells the tables read are asserted; the cells still empty are listed in ``OPEN`` (strict
xfail, so a fill shows up), and calm sentences with the new words must stay calm.
"""

from __future__ import annotations

import pytest

from tests.conftest import cue_kinds

MATRIX: dict[str, tuple[str, ...]] = {
    "hi": (
        "मुझे किसी कर्मचारी से बात करनी है",
        "मेरे पैसे निकल नहीं रहे, निकाल ही नहीं पा रहा",
        "मैंने इनाम जीता और उन्होंने छोटी सी फीस माँगी, मैंने भेज दी",
        "एक आदमी पुलिस बनकर फोन कर रहा था",
        "उन्होंने कहा पैसे सुरक्षित खाते में डाल दो",
        "ऑनलाइन एक सलाहकार ने ट्रेडिंग प्लेटफॉर्म पर निवेश करवाया",
        "मेरा पति मुझे पैसे नहीं देता और कार्ड भी रख लेता है",
        "मेरी माँ का निधन हो गया",
        "मैं कभी अमेरिका नहीं गया, कार्ड मेरे पास ही है",
    ),
    "ur-Latn": (
        "mujhe kisi staff member se baat karni hai",
        "mere paise nikal nahi rahe",
        "maine inaam jeeta aur unhon ne choti si fees maangi, maine bhej di",
        "ek banda police ban kar phone kar raha tha",
        "unhon ne kaha paise safe account mein daal do",
        "online ek advisor ne trading platform par invest karwaya",
        "mera shohar mujhe paise nahi deta aur card bhi rakh leta hai, ghar se nikalne nahi deta",
        "meri ammi ka inteqal ho gaya",
        "main kabhi america nahi gaya, card mere paas hi hai",
    ),
    "ur": (
        "مجھے کسی ملازم سے بات کرنی ہے",
        "میرے پیسے نکل نہیں رہے",
        "میں نے انعام جیتا اور انہوں نے چھوٹی سی فیس مانگی، میں نے بھیج دی",
        "ایک آدمی پولیس بن کر فون کر رہا تھا",
        "انہوں نے کہا پیسے محفوظ اکاؤنٹ میں ڈال دو",
        "آن لائن ایک مشیر نے ٹریڈنگ پلیٹ فارم پر سرمایہ کاری کروائی",
        "میرا شوہر مجھے پیسے نہیں دیتا اور کارڈ بھی رکھ لیتا ہے",
        "میری امی کا انتقال ہو گیا",
        "میں کبھی امریکہ نہیں گیا، کارڈ میرے پاس ہی ہے",
    ),
    "bn": (
        "আমি একজন কর্মীর সাথে কথা বলতে চাই",
        "আমার টাকা তুলতে পারছি না",
        "আমি পুরস্কার জিতেছি আর ওরা একটা ছোট ফি চাইল, আমি পাঠিয়ে দিলাম",
        "একজন লোক পুলিশ সেজে ফোন করেছিল",
        "ওরা বলল টাকা নিরাপদ অ্যাকাউন্টে সরিয়ে দিন",
        "অনলাইনে এক উপদেষ্টা ট্রেডিং প্ল্যাটফর্মে বিনিয়োগ করাল",
        "আমার স্বামী আমাকে টাকা দেয় না, কার্ডও রেখে দেয়",
        "আমার মা মারা গেছেন",
        "আমি কখনো আমেরিকা যাইনি, কার্ড আমার কাছেই আছে",
    ),
    "pa": (
        "ਮੈਂ ਕਿਸੇ ਕਰਮਚਾਰੀ ਨਾਲ ਗੱਲ ਕਰਨੀ ਹੈ",
        "ਮੇਰੇ ਪੈਸੇ ਨਿਕਲ ਨਹੀਂ ਰਹੇ",
        "ਮੈਂ ਇਨਾਮ ਜਿੱਤਿਆ ਤੇ ਉਹਨਾਂ ਨੇ ਛੋਟੀ ਜਿਹੀ ਫੀਸ ਮੰਗੀ, ਮੈਂ ਭੇਜ ਦਿੱਤੀ",
        "ਇੱਕ ਬੰਦਾ ਪੁਲਿਸ ਬਣ ਕੇ ਫੋਨ ਕਰ ਰਿਹਾ ਸੀ",
        "ਉਹਨਾਂ ਕਿਹਾ ਪੈਸੇ ਸੁਰੱਖਿਅਤ ਖਾਤੇ ਵਿੱਚ ਪਾ ਦਿਓ",
        "ਔਨਲਾਈਨ ਇੱਕ ਸਲਾਹਕਾਰ ਨੇ ਟ੍ਰੇਡਿੰਗ ਪਲੇਟਫਾਰਮ ਤੇ ਨਿਵੇਸ਼ ਕਰਵਾਇਆ",
        "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਪੈਸੇ ਨਹੀਂ ਦਿੰਦਾ ਤੇ ਕਾਰਡ ਵੀ ਰੱਖ ਲੈਂਦਾ ਹੈ",
        "ਮੇਰੀ ਮਾਂ ਦੀ ਮੌਤ ਹੋ ਗਈ",
        "ਮੈਂ ਕਦੇ ਅਮਰੀਕਾ ਨਹੀਂ ਗਿਆ, ਕਾਰਡ ਮੇਰੇ ਕੋਲ ਹੀ ਹੈ",
    ),
    "so": (
        "waxaan rabaa inaan la hadlo shaqaale",
        "lacagteyda ma bixin karo",
        "abaal-marin ayaan ku guuleystay waxayna i weydiiyeen lacag yar, waan diray",
        "nin ayaa iska dhigay booliis oo i soo wacay",
        "waxay igu yiraahdeen lacagta u wareeji akoon badbaado ah",
        "la-taliye online ah ayaa iga dhigay inaan maalgashado barnaamij ganacsi",
        "ninkeyga lacag ima siiyo oo kaarka wuu haystaa, guriga iga ma sii daayo",
        "hooyaday way dhimatay",
        "weligey ma tagin Ameerika, kaarku waa ii gacanta",
    ),
    "zh": (
        "我想跟工作人员说话",
        "我的钱提不出来",
        "我中奖了，他们让我先交一点手续费，我已经转了",
        "有人冒充警察给我打电话",
        "他们叫我把钱转到安全账户",
        "网上一个投资顾问让我在交易平台投资",
        "我老公不给我钱，还把卡拿走了",
        "我妈妈去世了",
        "我从来没去过美国，卡一直在我身上",
    ),
    "zh-Hant": (
        "我想跟職員說話",
        "我的錢提不出來",
        "我中獎了，他們要我先付一點手續費，我已經轉了",
        "有人冒充警察打電話給我",
        "他們叫我把錢轉到安全帳戶",
        "網上一個投資顧問叫我在交易平台投資",
        "我老公不給我錢，還把卡拿走了",
        "我媽媽過世了",
        "我從來沒去過美國，卡一直在我身上",
    ),
    "yue": (
        "我想同職員傾",
        "我啲錢攞唔出嚟",
        "我中咗獎，佢哋要我俾少少手續費，我轉咗啦",
        "有人扮香港警察打嚟",
        "佢哋叫我將錢轉去安全戶口",
        "網上有個投資顧問叫我喺交易平台投資",
        "我老公唔俾錢我，仲收埋我張卡",
        "我阿媽過咗身",
        "我從來冇去過美國，張卡一直喺我度",
    ),
    "ar": (
        "أريد التحدث مع موظف",
        "لا أستطيع سحب أموالي",
        "ربحت جائزة وطلبوا رسوما صغيرة فأرسلتها",
        "رجل انتحل صفة الشرطة واتصل بي",
        "قالوا لي حول أموالك إلى حساب آمن",
        "مستشار استثمار على الإنترنت جعلني أستثمر في منصة تداول",
        "زوجي لا يعطيني المال ويأخذ بطاقتي ولا يسمح لي بالخروج",
        "توفيت أمي",
        "لم أذهب إلى أمريكا أبدا والبطاقة معي",
    ),
    "fa": (
        "می‌خواهم با یک کارمند صحبت کنم",
        "نمی‌توانم پولم را برداشت کنم",
        "جایزه بردم و گفتند یک کارمزد کوچک بدهم، فرستادم",
        "یک نفر خودش را پلیس معرفی کرد و زنگ زد",
        "گفتند پول را به حساب امن منتقل کن",
        "یک مشاور سرمایه‌گذاری آنلاین مرا وادار کرد در پلتفرم معاملاتی سرمایه‌گذاری کنم",
        "شوهرم به من پول نمی‌دهد و کارتم را گرفته",
        "مادرم فوت کرد",
        "من هرگز به آمریکا نرفته‌ام و کارت پیش خودم است",
    ),
    "ta": (
        "நான் ஒரு ஊழியருடன் பேச வேண்டும்",
        "என் பணத்தை எடுக்க முடியவில்லை",
        "நான் பரிசு வென்றேன், அவர்கள் சிறிய கட்டணம் கேட்டார்கள், நான் அனுப்பினேன்",
        "ஒருவர் போலீஸ் என்று சொல்லி அழைத்தார்",
        "பணத்தை பாதுகாப்பான கணக்கிற்கு மாற்றச் சொன்னார்கள்",
        "ஆன்லைனில் ஒரு ஆலோசகர் வர்த்தக தளத்தில் முதலீடு செய்ய வைத்தார்",
        "என் கணவர் எனக்கு பணம் தருவதில்லை, கார்டையும் வைத்துக்கொள்கிறார்",
        "என் அம்மா இறந்துவிட்டார்",
        "நான் அமெரிக்கா போனதே இல்லை, கார்டு என்னிடம்தான் இருக்கிறது",
    ),
    "vi": (
        "tôi muốn nói chuyện với nhân viên",
        "tôi không rút được tiền",
        "tôi trúng thưởng và họ bảo đóng một khoản phí nhỏ, tôi đã chuyển",
        "có người giả danh công an gọi cho tôi",
        "họ bảo tôi chuyển tiền vào tài khoản an toàn",
        "một cố vấn đầu tư trên mạng bảo tôi đầu tư vào sàn giao dịch",
        "chồng tôi không đưa tiền cho tôi và giữ luôn thẻ của tôi",
        "mẹ tôi mất rồi",
        "tôi chưa bao giờ đến Mỹ, thẻ vẫn ở chỗ tôi",
    ),
    "tl": (
        "gusto kong makausap ang isang empleyado",
        "hindi ko ma-withdraw ang pera ko",
        "nanalo raw ako ng premyo at humingi sila ng maliit na bayad, nagpadala ako",
        "may nagpanggap na pulis at tumawag sa akin",
        "sabi nila ilipat ko ang pera sa safe account",
        "isang online adviser ang nagpa-invest sa akin sa trading platform",
        "hindi ako binibigyan ng pera ng asawa ko at kinukuha niya ang card ko",
        "namatay ang nanay ko",
        "hindi pa ako nakapunta sa Amerika, nasa akin pa ang card",
    ),
    "gu": (
        "મારે કોઈ કર્મચારી સાથે વાત કરવી છે",
        "મારા પૈસા ઉપાડી શકતો નથી",
        "મેં ઇનામ જીત્યું અને તેમણે નાની ફી માંગી, મેં મોકલી દીધી",
        "એક માણસ પોલીસ બનીને ફોન કરતો હતો",
        "તેમણે કહ્યું પૈસા સુરક્ષિત ખાતામાં નાખી દો",
        "ઓનલાઇન એક સલાહકારે ટ્રેડિંગ પ્લેટફોર્મ પર રોકાણ કરાવ્યું",
        "મારો પતિ મને પૈસા આપતો નથી અને કાર્ડ પણ રાખી લે છે",
        "મારી મા ગુજરી ગઈ",
        "હું ક્યારેય અમેરિકા ગયો નથી, કાર્ડ મારી પાસે જ છે",
    ),
    "ne": (
        "मलाई कुनै कर्मचारीसँग कुरा गर्नु छ",
        "मेरो पैसा निकाल्न सकिनँ",
        "मैले पुरस्कार जितें र उनीहरूले सानो शुल्क मागे, मैले पठाएँ",
        "एक जना मान्छे प्रहरी बनेर फोन गर्यो",
        "उनीहरूले पैसा सुरक्षित खातामा सार्न भने",
        "अनलाइन एक सल्लाहकारले ट्रेडिङ प्लेटफर्ममा लगानी गराए",
        "मेरो श्रीमानले मलाई पैसा दिँदैनन् र कार्ड पनि राख्छन्",
        "मेरो आमा बित्नुभयो",
        "म कहिल्यै अमेरिका गएको छैन, कार्ड मसँगै छ",
    ),
    "ps": (
        "زه غواړم له یو کارکوونکي سره خبرې وکړم",
        "خپلې پیسې نشم ایستلی",
        "ما جایزه وګټله او هغوی یوه وړه فیس وغوښته، ما ولېږله",
        "یو سړي ځان پولیس معرفي کړ او زنګ یې وواهه",
        "هغوی وویل پیسې خوندي حساب ته ولېږه",
        "یو آنلاین سلاکار زه په سوداګریز پلاتفورم کې پانګونې ته وهڅولم",
        "زما مېړه ماته پیسې نه راکوي او کارت هم ساتي",
        "زما مور مړه شوه",
        "زه هېڅکله امریکا ته نه یم تللی، کارت له ما سره دی",
    ),
    "am": (
        "ከአንድ ሰራተኛ ጋር መነጋገር እፈልጋለሁ",
        "ገንዘቤን ማውጣት አልቻልኩም",
        "ሽልማት አሸንፌያለሁ ብለው ትንሽ ክፍያ ጠየቁኝ፣ ላኩላቸው",
        "አንድ ሰው ፖሊስ ነኝ ብሎ ደወለልኝ",
        "ገንዘብህን ወደ ደህንነቱ የተጠበቀ አካውንት አዛውር አሉኝ",
        "በኦንላይን አንድ አማካሪ በንግድ መድረክ ላይ ኢንቨስት እንዳደርግ አደረገኝ",
        "ባለቤቴ ገንዘብ አይሰጠኝም ካርዴንም ይይዛል",
        "እናቴ ሞተች",
        "አሜሪካ ሄጄ አላውቅም፣ ካርዱ እኔ ጋር ነው",
    ),
    "yo": (
        "mo fẹ́ bá òṣìṣẹ́ kan sọ̀rọ̀",
        "mi ò lè gba owó mi jáde",
        "mo jẹ ẹ̀bùn, wọ́n ní kí n san owó kékeré kan, mo sì fi ránṣẹ́",
        "ọkùnrin kan pe ara rẹ̀ ní ọlọ́pàá ó sì pè mí",
        "wọ́n ní kí n gbé owó mi lọ sí àkáǹtì ààbò",
        "olùdámọ̀ràn kan lórí ayélujára ní kí n fi owó sí pẹpẹ ìṣòwò",
        "ọkọ mi kì í fún mi lówó, ó sì gba káàdì mi",
        "màmá mi ti kú",
        "mi ò lọ sí Amẹ́ríkà rí, káàdì wà lọ́wọ́ mi",
    ),
    "si": (
        "මට සේවකයෙක් එක්ක කතා කරන්න ඕනේ",
        "මගේ සල්ලි ගන්න බැහැ",
        "මට ත්‍යාගයක් දිනුවා කියලා පොඩි ගාස්තුවක් ඉල්ලුවා, මම යැව්වා",
        "කෙනෙක් පොලිසියෙන් කියලා කතා කළා",
        "සල්ලි ආරක්ෂිත ගිණුමකට දාන්න කිව්වා",
        "ඔන්ලයින් උපදේශකයෙක් ට්‍රේඩිං වේදිකාවක ආයෝජනය කරන්න කිව්වා",
        "මගේ මහත්තයා මට සල්ලි දෙන්නේ නැහැ, කාඩ් එකත් තියාගන්නවා",
        "මගේ අම්මා නැති වුණා",
        "මම කවදාවත් ඇමරිකාවට ගිහින් නැහැ, කාඩ් එක මං ළඟ",
    ),
    "si-Latn": (
        "mata sevakayek ekka katha karanna one",
        "mage salli ganna bahe",
        "mata thyagayak dinuwa kiyala podi gasthuwak illuwa, mama yawwa",
        "kenek police eken kiyala katha kala",
        "salli arakshitha ginumakata danna kiwwa",
        "online upadeshakayek trading platform ekaka invest karanna kiwwa",
        "mage mahaththaya mata salli denne naha, card ekath thiyaganna",
        "mage amma nathi una",
        "mama kawadawath americawata gihin naha, card eka man langa",
    ),
}
CONCEPTS = (
    "request",
    "cant_withdraw",
    "prize_fee",
    "posing",
    "safe_account",
    "investment",
    "abuse",
    "bereaved",
    "disown_place",
)
EXPECTED: dict[str, frozenset[str]] = {
    "request": frozenset({"human_demand"}),
    "cant_withdraw": frozenset({"harm_told", "money_gone", "scam", "fraud_report"}),
    "prize_fee": frozenset({"scam", "scam_step"}),
    "posing": frozenset({"posing", "scam"}),
    "safe_account": frozenset({"scam"}),
    "investment": frozenset({"scam"}),
    "abuse": frozenset({"vulnerability"}),
    "bereaved": frozenset({"vulnerability"}),
    "disown_place": frozenset({"fraud_report", "fraud"}),
}
# cells no table reads yet (English itself reads neither the investment adviser nor the
# place-disowning sentence; can't-withdraw and prize-fee need story parts, not table phrases)
_OPEN_EVERYWHERE = ("cant_withdraw", "investment", "disown_place")
OPEN: frozenset[tuple[str, str]] = frozenset(
    {(lang, c) for lang in MATRIX for c in _OPEN_EVERYWHERE}
    | {(lang, "prize_fee") for lang in MATRIX if lang not in ("zh", "zh-Hant", "tl")}
    | {("bn", "safe_account")}
)
# calm sentences with the new words: a staff member already spoken to, a husband who helped,
# a mother opening an account, a question about safety
CALM: tuple[str, ...] = (
    "कल मैंने एक कर्मचारी से बात की थी, अब सब ठीक है",
    "kal maine ek staff member se baat ki thi, ab theek hai",
    "我昨天跟工作人员说过了，已经好了",
    "我老公幫我開咗個戶口",
    "安全嗎？我想改密碼",
    "ninkeyga ayaa kaarka cusub ii keenay",
    "chồng tôi đưa thẻ cho tôi rồi, cảm ơn",
    "mẹ tôi muốn mở tài khoản",
    "binigyan ako ng asawa ko ng bagong card",
    "என் கணவர் புதிய கார்டு கொண்டு வந்தார்",
    "போலீஸ் நிலையம் அருகில் உள்ள கிளை எது?",
    "پلیس گفت حسابم مشکلی ندارد",
    "મારી મા ને નવું કાર્ડ જોઈએ છે",
    "màmá mi fẹ́ ṣí àkáǹtì",
    "ọkọ mi fún mi ní káàdì tuntun",
    "mama mi ku ise, o ti de ile",
    "mage amma alut card ekak illanawa",
    "kenek ekka katha kala, dan hari",
    "qofka aan la hadli karaa waa kuma?",
    "ሰራተኛ ጋር ተነጋገርኩ፣ አሁን ደህና ነው",
    "मेरो श्रीमानले नयाँ कार्ड ल्याउनुभयो",
    "زما مېړه ماته نوی کارت راوړ",
)
_ALARM = frozenset({"human_demand", "scam", "vulnerability", "fraud", "fraud_report", "posing"})

_CELLS = [
    pytest.param(
        lang,
        concept,
        text,
        id=f"{lang}-{concept}",
        marks=[pytest.mark.xfail(strict=True)] if (lang, concept) in OPEN else [],
    )
    for lang, texts in MATRIX.items()
    for concept, text in zip(CONCEPTS, texts, strict=True)
]


@pytest.mark.parametrize(("lang", "concept", "text"), _CELLS)
def test_concept_cell(lang: str, concept: str, text: str) -> None:
    assert cue_kinds(text) & EXPECTED[concept], (lang, concept, text)


@pytest.mark.parametrize("lang", sorted(MATRIX))
def test_calm_question_per_language(lang: str) -> None:
    assert not cue_kinds(CALM_BY_LANGUAGE[lang]) & _ALARM


@pytest.mark.parametrize("text", CALM)
def test_calm_with_new_words(text: str) -> None:
    assert not cue_kinds(text) & _ALARM


def test_matrix_fill() -> None:
    filled = sum(
        bool(cue_kinds(t) & EXPECTED[c])
        for texts in MATRIX.values()
        for c, t in zip(CONCEPTS, texts, strict=True)
    )
    assert filled >= 107  # 64 of 189 before round 22 (r22lb)


CALM_BY_LANGUAGE: dict[str, str] = {
    "hi": "मेरे खाते में पैसे कब आएँगे?",
    "ur-Latn": "mere account mein paise kab aayenge?",
    "ur": "میرے اکاؤنٹ میں پیسے کب آئیں گے؟",
    "bn": "আমার অ্যাকাউন্টে টাকা কবে আসবে?",
    "pa": "ਮੇਰੇ ਖਾਤੇ ਵਿੱਚ ਪੈਸੇ ਕਦੋਂ ਆਉਣਗੇ?",
    "so": "goorma ayay lacagtu akoonkeyga soo gaaraysaa?",
    "zh": "我的工资什么时候到账？",
    "zh-Hant": "我的薪水什麼時候到帳？",
    "yue": "我份人工幾時入數？",
    "ar": "متى يصل راتبي إلى حسابي؟",
    "fa": "حقوقم کی به حسابم می‌رسد؟",
    "ta": "என் சம்பளம் எப்போது கணக்கில் வரும்?",
    "vi": "khi nào lương của tôi vào tài khoản?",
    "tl": "kailan papasok ang sahod ko sa account?",
    "gu": "મારા ખાતામાં પગાર ક્યારે આવશે?",
    "ne": "मेरो खातामा तलब कहिले आउँछ?",
    "ps": "زما معاش کله حساب ته راځي؟",
    "am": "ደሞዜ መቼ ወደ አካውንቴ ይገባል?",
    "yo": "ìgbà wo ni owó oṣù mi máa wọlé?",
    "si": "මගේ පඩිය ගිණුමට එන්නේ කවදද?",
    "si-Latn": "mage padiya ginumata enne kawadada?",
}
