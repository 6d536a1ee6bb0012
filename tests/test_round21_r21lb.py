"""Round 21 (r21lb): the concept inventory's NEW concepts in the South Asian, Middle Eastern
and East Asian tables, and round 20's r20h matrix for five tables it listed as untranslated.

Task A, a CONCEPT MATRIX as tests/test_round20_r20mb.py's (concept x language, one fresh
sentence per cell, calm sentences per language with the new words and no story): posing as a
relative or friend (not only the bank: "冒充我的朋友"), a caller who says he is the police and
sends a courier, a rental whose landlord vanished after the deposit, bereavement ("I lost my
husband"), economic abuse ("my husband takes all my money"), money gone "and I did nothing",
payments "I did not make".

Task B, round 20's r20h matrix (attempts counted, days counted, stakes, futility,
helplessness, economic abuse, polite and curt requests) for Bengali, Panjabi, Persian,
Vietnamese and Tagalog (R21LB_MATRIX, read by tests/test_round20_r20h.py's list of the
languages not yet translated), each with its calm must-not-match sentence.

Every sentence was written fresh for this file by a NON-NATIVE author from the concept; none
is taken from a routing set.
"""

from __future__ import annotations

import pytest

import tests.test_round20_r20h as r20h
from tests.conftest import cue_kinds

# concept -> the cue kinds any of which reads it (English's own kind among them)
EXPECTED: dict[str, frozenset[str]] = {
    "posing_relative": frozenset({"posing"}),
    "police_courier": frozenset({"posing", "scam"}),
    "rental_vanished": frozenset({"scam"}),
    "bereaved_partner": frozenset({"vulnerability"}),
    "economic_abuse": frozenset({"vulnerability"}),
    "did_nothing": frozenset({"fraud_report"}),
    "payments_not_mine": frozenset({"fraud_report"}),
}
_C = tuple(EXPECTED)
_FRAUD = frozenset({"fraud", "fraud_report", "scam", "scam_step", "posing", "vulnerability"})

# fmt: off
EN = (
    "someone pretending to be my son asked me to send money to a new number",
    "a man said he was a police officer and a courier would come to collect my card",
    "I paid the deposit for a flat I found online and the landlord disappeared",
    "I lost my husband last month",
    "my husband takes all my money",
    "money has gone from my account and I did nothing",
    "there are payments on my account I didn't make",
)
MATRIX: dict[str, tuple[str, ...]] = {
    "ur": (
        "کسی نے میرا بیٹا بن کر میسج کیا اور پیسے مانگے",
        "ایک آدمی نے کہا وہ پولیس سے ہے اور کوریئر میرا کارڈ لینے آئے گا",
        "میں نے کرائے کے گھر کا ایڈوانس دیا اور مالک مکان غائب ہو گیا",
        "میرے شوہر کا انتقال ہو گیا ہے",
        "میرا شوہر میرے سارے پیسے لے لیتا ہے",
        "کارڈ سے پیسے کٹ گئے، میں نے کچھ نہیں کیا",
        "میرے اکاؤنٹ میں ایسی ادائیگیاں ہیں جو میں نے نہیں کیں",
    ),
    "ur-Latn": (
        "kisi ne mera beta ban kar message kiya aur paise maange",
        "ek aadmi ne kaha woh police se hai aur courier mera card lene aayega",
        "maine kiraye ke ghar ka advance diya aur malik makan gayab ho gaya",
        "mere shohar ka inteqal ho gaya hai",
        "mera shohar mere saare paise le leta hai",
        "card se paise kat gaye, maine kuch nahi kiya",
        "account mein aisi payments hain jo maine nahi ki",
    ),
    "hi": (
        "किसी ने मेरा बेटा बनकर मैसेज किया और पैसे माँगे",
        "एक आदमी ने कहा वह पुलिस से है और कूरियर मेरा कार्ड लेने आएगा",
        "मैंने किराये के घर का एडवांस दिया और मकान मालिक गायब हो गया",
        "मेरे पति का देहांत हो गया है",
        "मेरा पति मेरे सारे पैसे ले लेता है",
        "कार्ड से पैसे कट गए, मैंने कुछ नहीं किया",
        "मेरे खाते में ऐसे भुगतान हैं जो मैंने नहीं किए",
    ),
    "bn": (
        "কেউ আমার ছেলে সেজে মেসেজ করে টাকা চাইল",
        "একজন বলল সে পুলিশ থেকে, আর কুরিয়ার এসে আমার কার্ড নিয়ে যাবে",
        "বাসা ভাড়ার অগ্রিম টাকা দিয়েছি, বাড়িওয়ালা উধাও হয়ে গেছে",
        "আমার স্বামী মারা গেছেন",
        "আমার স্বামী আমার সব টাকা নিয়ে নেয়",
        "কার্ড থেকে টাকা কেটে গেছে, আমি কিছুই করিনি",
        "আমার অ্যাকাউন্টে এমন পেমেন্ট আছে যা আমি করিনি",
    ),
    "pa": (
        "ਕਿਸੇ ਨੇ ਮੇਰਾ ਪੁੱਤ ਬਣ ਕੇ ਮੈਸੇਜ ਕੀਤਾ ਤੇ ਪੈਸੇ ਮੰਗੇ",
        "ਇੱਕ ਬੰਦੇ ਨੇ ਕਿਹਾ ਉਹ ਪੁਲਿਸ ਤੋਂ ਹੈ ਤੇ ਕੋਰੀਅਰ ਮੇਰਾ ਕਾਰਡ ਲੈਣ ਆਵੇਗਾ",
        "ਮੈਂ ਕਿਰਾਏ ਦੇ ਘਰ ਦਾ ਐਡਵਾਂਸ ਦਿੱਤਾ ਤੇ ਮਕਾਨ ਮਾਲਕ ਗਾਇਬ ਹੋ ਗਿਆ",
        "ਮੇਰੇ ਪਤੀ ਦੀ ਮੌਤ ਹੋ ਗਈ ਹੈ",
        "ਮੇਰਾ ਪਤੀ ਮੇਰੇ ਸਾਰੇ ਪੈਸੇ ਲੈ ਲੈਂਦਾ ਹੈ",
        "ਕਾਰਡ ਤੋਂ ਪੈਸੇ ਕੱਟੇ ਗਏ, ਮੈਂ ਕੁਝ ਨਹੀਂ ਕੀਤਾ",
        "ਮੇਰੇ ਖਾਤੇ ਵਿੱਚ ਅਜਿਹੀਆਂ ਪੇਮੈਂਟਾਂ ਹਨ ਜੋ ਮੈਂ ਨਹੀਂ ਕੀਤੀਆਂ",
    ),
    "ar": (
        "شخص أرسل لي رسالة منتحلا صفة ابني وطلب مالا",
        "رجل قال إنه من الشرطة وإن مندوبا سيأتي لأخذ بطاقتي",
        "دفعت عربون شقة للإيجار واختفى المالك",
        "توفي زوجي الشهر الماضي",
        "زوجي يأخذ كل أموالي",
        "اختفت الأموال من بطاقتي وأنا لم أفعل شيئا",
        "هناك مدفوعات في حسابي لم أقم بها",
    ),
    "fa": (
        "کسی خودش را جای پسرم جا زد و پول خواست",
        "مردی گفت از پلیس است و یک پیک می‌آید کارتم را بگیرد",
        "پیش‌پرداخت اجاره خانه را دادم و صاحبخانه غیب شد",
        "شوهرم فوت کرده است",
        "شوهرم همه پولم را می‌گیرد",
        "پول از کارتم رفت، من کاری نکردم",
        "پرداخت‌هایی در حسابم هست که من انجام ندادم",
    ),
    "zh": (
        "有人冒充我的朋友让我转钱",
        "有人说他是警察，会派快递员来拿我的银行卡",
        "我在网上租房交了押金，房东就消失了",
        "我丈夫去世了",
        "我丈夫把我的钱全部拿走",
        "卡里的钱没了，我什么都没做",
        "我的账户里有几笔不是我付的款",
    ),
    "vi": (
        "có người giả làm con trai tôi nhắn tin xin tiền",
        "một người nói là công an và sẽ cho người đến lấy thẻ của tôi",
        "tôi đã đặt cọc thuê nhà và chủ nhà biến mất",
        "chồng tôi đã qua đời",
        "chồng tôi lấy hết tiền của tôi",
        "tiền trong tài khoản bị mất, tôi không làm gì cả",
        "có những khoản thanh toán trong tài khoản mà tôi không thực hiện",
    ),
    "tl": (
        "may nagpanggap na anak ko at humingi ng pera",
        "may nagsabing pulis siya at may courier na kukuha ng card ko",
        "nagbayad ako ng deposito sa paupahan at naglaho ang may-ari",
        "namatay ang asawa ko",
        "kinukuha ng asawa ko ang lahat ng pera ko",
        "nawala ang pera sa account ko, wala akong ginawa",
        "may mga bayad sa account ko na hindi ko ginawa",
    ),
}
# Calm sentences with the new words (a son who said something, a landlord paid, a husband
# and a joint account, a husband who took the card to help): no fraud, scam or abuse story.
CALM: dict[str, tuple[str, ...]] = {
    "ur": (
        "میرے بیٹے نے کہا کہ اس کا کارڈ کام نہیں کر رہا، کیا کریں؟",
        "مکان مالک کو کرایہ کیسے بھیجوں؟",
    ),
    "ur-Latn": (
        "mera beta bada ho kar doctor ban gaya, uska account kaise kholun?",
        "makan malik ko advance diya, uski receipt kaise milegi?",
    ),
    "hi": (
        "मेरे बेटे ने कहा वह कल बैंक आएगा, क्या उसे कोई कागज़ चाहिए?",
        "मकान मालिक को एडवांस कैसे भेजूँ?",
    ),
    "bn": (
        "আমার ছেলে বলল সে কাল ব্যাংকে আসবে",
        "বাড়িওয়ালাকে ভাড়ার টাকা কীভাবে পাঠাব?",
    ),
    "pa": (
        "ਮੇਰੇ ਪੁੱਤ ਨੇ ਕਿਹਾ ਉਹ ਕੱਲ੍ਹ ਬੈਂਕ ਆਵੇਗਾ",
        "ਮਕਾਨ ਮਾਲਕ ਨੂੰ ਐਡਵਾਂਸ ਦਿੱਤਾ, ਰਸੀਦ ਕਿਵੇਂ ਮਿਲੇਗੀ?",
    ),
    "ar": (
        "ابني يريد فتح حساب، ما الأوراق المطلوبة؟",
        "كيف أدفع الإيجار للمالك كل شهر؟",
    ),
    "fa": (
        "پسرم می‌خواهد حساب باز کند، چه مدارکی لازم است؟",
        "شوهرم حقوقش را به حساب مشترک می‌ریزد",
    ),
    "zh": (
        "我朋友想在你们银行开户，需要什么材料？",
        "我和丈夫想开联名账户",
    ),
    "vi": (
        "con trai tôi muốn mở tài khoản, cần giấy tờ gì?",
        "chồng tôi và tôi muốn mở tài khoản chung",
    ),
    "tl": (
        "gusto ng anak ko na magbukas ng account, ano ang kailangan?",
        "kinuha ng asawa ko ang card ko para mag-withdraw para sa akin",
        "magkano ang bayad sa account na ito?",
    ),
}

# Task B: round 20's r20h matrix, concept -> language -> (must match, must not match)
R21LB_MATRIX: dict[str, dict[str, tuple[str, str]]] = {
    "attempts": {
        "bn": (
            "আমি চারবার চেষ্টা করেছি, তবুও হচ্ছে না",
            "পিন কতবার দেওয়া যায়?",
        ),
        "pa": (
            "ਮੈਂ ਚਾਰ ਵਾਰ ਕੋਸ਼ਿਸ਼ ਕੀਤੀ, ਫਿਰ ਵੀ ਨਹੀਂ ਹੋ ਰਿਹਾ",
            "ਪਿੰਨ ਕਿੰਨੀ ਵਾਰ ਪਾ ਸਕਦੇ ਹਾਂ?",
        ),
        "fa": (
            "چهار بار امتحان کردم و هنوز کار نمی‌کند",
            "رمز را چند بار می‌توانم وارد کنم؟",
        ),
        "vi": (
            "tôi đã thử bốn lần mà vẫn không được",
            "tôi được nhập mã PIN mấy lần?",
        ),
        "tl": (
            "apat na beses ko nang sinubukan pero ayaw pa rin",
            "ilang beses ko puwedeng subukan ang PIN?",
        ),
    },
    "time": {
        "bn": (
            "তিন দিন ধরে টাকা আসেনি",
            "ট্রান্সফারে কত দিন লাগে?",
        ),
        "pa": (
            "ਤਿੰਨ ਦਿਨਾਂ ਤੋਂ ਪੈਸੇ ਨਹੀਂ ਆਏ",
            "ਟ੍ਰਾਂਸਫਰ ਵਿੱਚ ਕਿੰਨੇ ਦਿਨ ਲੱਗਦੇ ਹਨ?",
        ),
        "fa": (
            "سه روز است که پولم نرسیده",
            "انتقال پول چند روز طول می‌کشد؟",
        ),
        "vi": (
            "ba ngày rồi tiền vẫn chưa đến",
            "chuyển khoản mất mấy ngày?",
        ),
        "tl": (
            "tatlong araw na hindi pa dumarating ang pera",
            "ilang araw bago dumating ang transfer?",
        ),
    },
    "stakes": {
        "bn": (
            "কাল স্কুলের ফি দিতে হবে আর আমার কাছে কিছুই নেই",
            "স্ট্যান্ডিং অর্ডারে কি ভাড়া দেওয়া যায়?",
        ),
        "pa": (
            "ਕੱਲ੍ਹ ਸਕੂਲ ਦੀ ਫੀਸ ਦੇਣੀ ਹੈ ਤੇ ਮੇਰੇ ਕੋਲ ਕੁਝ ਨਹੀਂ",
            "ਕੀ ਮੈਂ ਕਿਰਾਇਆ ਸਟੈਂਡਿੰਗ ਆਰਡਰ ਨਾਲ ਦੇ ਸਕਦਾ ਹਾਂ?",
        ),
        "fa": (
            "فردا باید شهریه مدرسه را بدهم و هیچ پولی ندارم",
            "آیا می‌توانم اجاره را با دستور پرداخت دائمی بدهم؟",
        ),
        "vi": (
            "mai phải đóng học phí mà tôi không có đồng nào",
            "tôi có thể trả tiền nhà bằng lệnh chuyển tiền định kỳ không?",
        ),
        "tl": (
            "bukas na ang bayad sa tuition at wala akong pera",
            "puwede ko bang bayaran ang upa gamit ang standing order?",
        ),
    },
    "futility": {
        "bn": (
            "কোনো লাভ নেই, কিছুই হচ্ছে না",
            "সেভিংস অ্যাকাউন্টের লাভ কী?",
        ),
        "pa": (
            "ਕੋਈ ਫਾਇਦਾ ਨਹੀਂ, ਕੁਝ ਨਹੀਂ ਹੋ ਰਿਹਾ",
            "ਬੱਚਤ ਖਾਤੇ ਦਾ ਕੀ ਫਾਇਦਾ ਹੈ?",
        ),
        "fa": (
            "هیچ فایده‌ای ندارد",
            "حساب پس‌انداز چه فایده‌ای دارد؟",
        ),
        "vi": (
            "vô ích thôi",
            "tài khoản tiết kiệm có lợi gì?",
        ),
        "tl": (
            "wala namang silbi ito",
            "ano ang pakinabang ng savings account?",
        ),
    },
    "helpless": {
        "bn": (
            "এখন আমি কী করব?",
            "অ্যাকাউন্ট খুলতে কী করতে হবে?",
        ),
        "pa": (
            "ਹੁਣ ਮੈਂ ਕੀ ਕਰਾਂ?",
            "ਖਾਤਾ ਖੋਲ੍ਹਣ ਲਈ ਕੀ ਕਰਨਾ ਪਵੇਗਾ?",
        ),
        "fa": (
            "حالا من چه کار کنم؟",
            "برای باز کردن حساب چه کار باید بکنم؟",
        ),
        "vi": (
            "giờ tôi phải làm sao?",
            "mở tài khoản cần làm gì?",
        ),
        "tl": (
            "ano na ang gagawin ko ngayon?",
            "ano ang kailangan kong gawin para magbukas ng account?",
        ),
    },
    "abuse": {
        "bn": (
            "আমার স্বামী আমার পুরো বেতন নিয়ে নেয় আর হুমকি দেয়",
            "আমি আর আমার স্বামী বেতনের জন্য যৌথ অ্যাকাউন্ট চাই",
        ),
        "pa": (
            "ਮੇਰਾ ਪਤੀ ਮੇਰੀ ਸਾਰੀ ਤਨਖਾਹ ਲੈ ਲੈਂਦਾ ਹੈ ਤੇ ਧਮਕੀਆਂ ਦਿੰਦਾ ਹੈ",
            "ਮੈਂ ਤੇ ਮੇਰਾ ਪਤੀ ਤਨਖਾਹ ਲਈ ਸਾਂਝਾ ਖਾਤਾ ਚਾਹੁੰਦੇ ਹਾਂ",
        ),
        "fa": (
            "شوهرم همه حقوقم را می‌گیرد و تهدیدم می‌کند",
            "من و شوهرم برای حقوقمان یک حساب مشترک می‌خواهیم",
        ),
        "vi": (
            "chồng tôi lấy hết lương của tôi và đe dọa tôi",
            "vợ chồng tôi muốn mở tài khoản chung để nhận lương",
        ),
        "tl": (
            "kinukuha ng asawa ko ang buong sahod ko at pinagbabantaan ako",
            "gusto naming mag-asawa ng joint account para sa sahod",
        ),
    },
    "request_polite": {
        "bn": (
            "আমি কি একজন মানুষের সাথে কথা বলতে পারি?",
            "গতকাল ব্যাংক থেকে কার্ডের ব্যাপারে ফোন এসেছিল, আপনারা কি?",
        ),
        "pa": (
            "ਕੀ ਮੈਂ ਕਿਸੇ ਬੰਦੇ ਨਾਲ ਗੱਲ ਕਰ ਸਕਦਾ ਹਾਂ?",
            "ਕੱਲ੍ਹ ਬੈਂਕ ਨੇ ਮੈਨੂੰ ਕਾਰਡ ਬਾਰੇ ਫ਼ੋਨ ਕੀਤਾ ਸੀ, ਕੀ ਉਹ ਤੁਸੀਂ ਸੀ?",
        ),
        "fa": (
            "لطفا می‌توانم با یک کارمند صحبت کنم؟",
            "دیروز بانک درباره کارتم به من زنگ زد، شما بودید؟",
        ),
        "vi": (
            "cho tôi nói chuyện với nhân viên được không?",
            "hôm qua ngân hàng gọi cho tôi về thẻ, có phải các bạn không?",
        ),
        "tl": (
            "puwede po ba akong makausap ng tao?",
            "tumawag sa akin ang bangko kahapon tungkol sa card, kayo ba iyon?",
        ),
    },
    "request_curt": {
        "bn": (
            "একজন মানুষের সাথে কথা বলিয়ে দিন",
            "গতকাল কি ব্যাংক থেকে কেউ ফোন করেছিল?",
        ),
        "pa": (
            "ਕਿਸੇ ਬੰਦੇ ਨਾਲ ਗੱਲ ਕਰਾਓ",
            "ਕੀ ਕੱਲ੍ਹ ਬੈਂਕ ਤੋਂ ਕਿਸੇ ਨੇ ਫ਼ੋਨ ਕੀਤਾ ਸੀ?",
        ),
        "fa": (
            "وصلم کنید به یک آدم",
            "دیروز کسی از بانک به من زنگ زد؟",
        ),
        "vi": (
            "cho gặp nhân viên ngay",
            "hôm qua có ai từ ngân hàng gọi cho tôi không?",
        ),
        "tl": (
            "ikonekta mo ako sa tao",
            "may tumawag ba sa akin mula sa bangko kahapon?",
        ),
    },
}
# fmt: on


def test_english_reads_every_new_concept() -> None:
    # English reads posing as a relative as a scam mention only (not this helper's tables)
    english = {
        **EXPECTED,
        "posing_relative": frozenset({"posing", "scam_mention"}),
        "did_nothing": frozenset({"fraud", "fraud_report"}),
    }
    for concept, text in zip(_C, EN, strict=True):
        assert cue_kinds(text) & english[concept], (concept, text, cue_kinds(text))


def _cells() -> list[object]:
    return [
        pytest.param(lang, concept, text, id=f"{lang}-{concept}")
        for lang, texts in MATRIX.items()
        for concept, text in zip(_C, texts, strict=True)
    ]


@pytest.mark.parametrize(("lang", "concept", "text"), _cells())
def test_new_concept_matrix(lang: str, concept: str, text: str) -> None:
    assert cue_kinds(text) & EXPECTED[concept], (lang, concept, text, cue_kinds(text))


@pytest.mark.parametrize(
    ("lang", "text"),
    [pytest.param(k, t, id=f"{k}-{i}") for k, ts in CALM.items() for i, t in enumerate(ts)],
)
def test_the_new_words_without_the_story_stay_calm(lang: str, text: str) -> None:
    assert not cue_kinds(text) & _FRAUD, (lang, text, cue_kinds(text))


def test_every_language_has_calm_sentences() -> None:
    assert set(CALM) == set(MATRIX)


@pytest.mark.parametrize(
    "text",
    [
        # another word in each slot: a daughter, a nephew, "posing as" in another form
        "किसी ने मेरी बेटी बन कर व्हाट्सएप पर पैसे माँगे",
        "有人冒充我的亲戚让我汇款",
        "kisi ne meri beti ban ke paise mangwaye",
        "مردی وانمود کرد پسرم است و پول خواست",
    ],
)
def test_posing_as_a_relative_in_other_words(text: str) -> None:
    assert "posing" in cue_kinds(text), (text, cue_kinds(text))


def test_a_friend_alone_is_still_a_third_party() -> None:
    # the friend's own story (their card, their boyfriend) is not the customer's
    assert not cue_kinds("我朋友网上认识的男朋友让她寄钱交关税") & {"posing", "scam"}
    assert not cue_kinds("我朋友的卡被偷了，她该怎么办？") & {"posing", "fraud_report"}


def _b_cells() -> list[object]:
    return [
        pytest.param(concept, code, id=f"{concept}-{code}")
        for concept, row in R21LB_MATRIX.items()
        for code in row
    ]


@pytest.mark.parametrize(("concept", "code"), _b_cells())
def test_r20h_concept_is_read_in_the_new_tables(concept: str, code: str) -> None:
    text = R21LB_MATRIX[concept][code][0]
    assert cue_kinds(text) & r20h.KINDS[concept], (text, cue_kinds(text))


@pytest.mark.parametrize(("concept", "code"), _b_cells())
def test_r20h_calm_sentence_stays_calm_in_the_new_tables(concept: str, code: str) -> None:
    text = R21LB_MATRIX[concept][code][1]
    assert not cue_kinds(text) & r20h.CALM_NOT[concept], (text, cue_kinds(text))


def test_every_r20h_concept_has_the_same_languages() -> None:
    assert set(R21LB_MATRIX) == set(r20h.KINDS)
    first = set(next(iter(R21LB_MATRIX.values())))
    assert all(set(row) == first for row in R21LB_MATRIX.values())


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("làm ơn gọi điện cho tôi", "human_demand"),
        ("hãy gọi cho tôi ngay, thẻ bị mất", "human_demand"),
        ("পাঁচবার চেষ্টা করলাম, কাজ হলো না", "repeated_asking"),
        ("دو هفته است که منتظرم", "repeated_asking"),
        ("limang araw na akong naghihintay", "repeated_asking"),
    ],
)
def test_another_word_in_the_r20h_slots(text: str, kind: str) -> None:
    assert kind in cue_kinds(text), (text, cue_kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "ngân hàng gọi cho tôi hôm qua, có phải các bạn không?",
        "ilang araw na po bago dumating ang card?",
    ],
)
def test_a_reported_call_or_a_question_is_no_request_or_count(text: str) -> None:
    assert not cue_kinds(text) & {"human_demand", "repeated_asking"}, (text, cue_kinds(text))
