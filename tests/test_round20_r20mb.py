"""Round 20 (r20mb): one fraud/abuse concept inventory for every language (principle 1, B).

A CONCEPT MATRIX: for each story concept English reads (handoff.signals.situations), one
fresh English sentence that must give the expected cue, translated into each table of
handoff.signals.stories for the South Asian, Middle Eastern, African and East Asian
languages (tables _URDU, _HINDUSTANI_LATIN, _HINDI, _BENGALI, _PANJABI, _GUJARATI, _TAMIL,
_MALAYALAM, _ARABIC, _PERSIAN, _PASHTO, _KURDISH, _SOMALI, _TIGRINYA, _AMHARIC, _YORUBA,
_NIGERIAN_PIDGIN, _TWI, _CHINESE, _CANTONESE_LATIN, _VIETNAMESE, _TAGALOG, _SINHALA), and
per language a calm general question that must give no fraud cue. Cells a table does not
read yet are listed in GAPS (strict xfail: a cell that starts passing must leave the list).

Every sentence was written fresh for this file by a non-native author; none is taken from a
routing set.
"""

from __future__ import annotations

import pytest

from handoff.signals.stories import story_cues
from handoff.signals.text import analyze_text

# fmt: off
EN = {
    "posing": ("a man phoned me claiming to be from my bank", "posing"),
    "asks_code": ("a caller from the bank asked me to read out the code from the text", "scam"),
    "safe_account": ("they told me to move all my savings to a safe account", "scam"),
    "takeover": (
        "someone logged into my account from another phone and changed my number and email",
        "fraud_report",
    ),
    "romance_fee": ("a man I met online asked me to send him 3000 for customs fees", "scam"),
    "invest_fee": (
        "I invested in crypto and now I cannot withdraw, they want a fee to release it", "scam"
    ),
    "alibi": ("there is a payment on my card from a shop I have never been to", "fraud_report"),
    "without_knowledge": ("money was taken from my account without my knowledge", "fraud"),
    "did_nothing": ("money has gone from my account and I did nothing", "fraud"),
    "disown": ("I did not make this payment", "fraud_report"),
}
# The story cue each concept must give in another language (stories.py's kinds).
EXPECTED = {
    "posing": "posing",
    "asks_code": "scam",
    "safe_account": "scam",
    "takeover": "fraud_report",
    "romance_fee": "scam",
    "invest_fee": "scam",
    "alibi": "fraud_report",
    "without_knowledge": "fraud_report",
    "did_nothing": "fraud_report",
    "disown": "fraud_report",
}
_C = tuple(EXPECTED)

MATRIX: dict[str, tuple[str, ...]] = {
    "ur": (
        "ایک آدمی کا فون آیا، کہہ رہا تھا کہ وہ بینک سے ہے",
        "بینک سے کال آئی اور انہوں نے میرا کارڈ نمبر اور کوڈ مانگا",
        "انہوں نے کہا سارے پیسے ایک محفوظ اکاؤنٹ میں منتقل کر دو",
        "کسی نے دوسرے فون سے میرے اکاؤنٹ میں لاگ ان کیا اور میرا نمبر بدل دیا",
        "آن لائن ملا ایک آدمی کسٹم کے لیے پیسے مانگ رہا ہے",
        "میں نے کرپٹو میں پیسے لگائے، اب نکال نہیں سکتا، وہ فیس مانگ رہے ہیں",
        "میرے کارڈ پر ایک دکان کی ادائیگی ہے جہاں میں کبھی گیا ہی نہیں",
        "میرے علم کے بغیر اکاؤنٹ سے پیسے کٹ گئے",
        "اکاؤنٹ سے پیسے چلے گئے، میں نے کچھ نہیں کیا",
        "یہ ادائیگی میں نے نہیں کی",
    ),
    "ur-Latn": (
        "ek aadmi ka phone aaya, keh raha tha ke woh bank se hai",
        "bank se call aayi aur unhone mera card number aur code maanga",
        "unhone kaha saare paise ek safe account mein transfer kar do",
        "kisi ne doosre phone se mere account mein login kiya aur mera number badal diya",
        "online mila ek aadmi customs ke liye paise maang raha hai",
        "maine crypto mein paisa lagaya, ab nikal nahi sakta, woh fees maang rahe hain",
        "mere card pe ek dukaan ki payment hai jahan main kabhi gaya hi nahi",
        "meri jaankari ke bina account se paise kat gaye",
        "account se paise chale gaye, maine kuch nahi kiya",
        "ye payment maine nahi ki",
    ),
    "hi": (
        "एक आदमी का फोन आया, कह रहा था कि वह बैंक से है",
        "बैंक से कॉल आई और उन्होंने मेरा कार्ड नंबर और कोड माँगा",
        "उन्होंने कहा सारे पैसे एक सुरक्षित खाते में ट्रांसफर कर दो",
        "किसी ने दूसरे फोन से मेरे खाते में लॉगिन किया और मेरा नंबर बदल दिया",
        "ऑनलाइन मिला एक आदमी कस्टम के लिए पैसे माँग रहा है",
        "मैंने क्रिप्टो में पैसे लगाए, अब निकाल नहीं सकता, वे फीस माँग रहे हैं",
        "मेरे कार्ड पर एक दुकान का भुगतान है जहाँ मैं कभी गया ही नहीं",
        "मेरी जानकारी के बिना खाते से पैसे कट गए",
        "खाते से पैसे चले गए, मैंने कुछ नहीं किया",
        "यह भुगतान मैंने नहीं किया",
    ),
    "bn": (
        "একজন লোক ফোন করে বলল সে ব্যাংক থেকে",
        "ব্যাংক থেকে ফোন করে আমার কার্ড নম্বর আর কোড চাইল",
        "ওরা বলল সব টাকা একটা নিরাপদ অ্যাকাউন্টে পাঠাতে",
        "কেউ অন্য ফোন থেকে আমার অ্যাকাউন্টে লগইন করে আমার নম্বর বদলে দিয়েছে",
        "অনলাইনে পরিচয় হওয়া একজন কাস্টমসের জন্য টাকা চাইছে",
        "ক্রিপ্টোতে টাকা বিনিয়োগ করেছি, এখন তুলতে পারছি না, ওরা ফি চাইছে",
        "আমার কার্ডে একটা দোকানের পেমেন্ট, সেখানে আমি কখনো যাইনি",
        "আমার অজান্তে অ্যাকাউন্ট থেকে টাকা কেটে নিয়েছে",
        "অ্যাকাউন্ট থেকে টাকা চলে গেছে, আমি কিছুই করিনি",
        "এই পেমেন্ট আমি করিনি",
    ),
    "pa": (
        "ਇੱਕ ਬੰਦੇ ਦਾ ਫ਼ੋਨ ਆਇਆ, ਕਹਿੰਦਾ ਸੀ ਕਿ ਉਹ ਬੈਂਕ ਤੋਂ ਹੈ",
        "ਬੈਂਕ ਤੋਂ ਫ਼ੋਨ ਆਇਆ ਤੇ ਉਹਨਾਂ ਨੇ ਮੇਰਾ ਕਾਰਡ ਨੰਬਰ ਤੇ ਕੋਡ ਮੰਗਿਆ",
        "ਉਹਨਾਂ ਨੇ ਕਿਹਾ ਸਾਰੇ ਪੈਸੇ ਇੱਕ ਸੁਰੱਖਿਅਤ ਖਾਤੇ ਵਿੱਚ ਭੇਜ ਦਿਓ",
        "ਕਿਸੇ ਨੇ ਦੂਜੇ ਫ਼ੋਨ ਤੋਂ ਮੇਰੇ ਖਾਤੇ ਵਿੱਚ ਲੌਗਇਨ ਕੀਤਾ ਤੇ ਮੇਰਾ ਨੰਬਰ ਬਦਲ ਦਿੱਤਾ",
        "ਔਨਲਾਈਨ ਮਿਲਿਆ ਇੱਕ ਬੰਦਾ ਕਸਟਮ ਲਈ ਪੈਸੇ ਮੰਗ ਰਿਹਾ ਹੈ",
        "ਮੈਂ ਕ੍ਰਿਪਟੋ ਵਿੱਚ ਪੈਸੇ ਲਾਏ, ਹੁਣ ਕਢਵਾ ਨਹੀਂ ਸਕਦਾ, ਉਹ ਫੀਸ ਮੰਗ ਰਹੇ ਹਨ",
        "ਮੇਰੇ ਕਾਰਡ ਤੇ ਇੱਕ ਦੁਕਾਨ ਦੀ ਪੇਮੈਂਟ ਹੈ ਜਿੱਥੇ ਮੈਂ ਕਦੇ ਗਿਆ ਹੀ ਨਹੀਂ",
        "ਮੇਰੀ ਜਾਣਕਾਰੀ ਤੋਂ ਬਿਨਾਂ ਖਾਤੇ ਵਿੱਚੋਂ ਪੈਸੇ ਕੱਟੇ ਗਏ",
        "ਖਾਤੇ ਵਿੱਚੋਂ ਪੈਸੇ ਚਲੇ ਗਏ, ਮੈਂ ਕੁਝ ਨਹੀਂ ਕੀਤਾ",
        "ਇਹ ਪੇਮੈਂਟ ਮੈਂ ਨਹੀਂ ਕੀਤੀ",
    ),
    "gu": (
        "એક માણસનો ફોન આવ્યો, કહેતો હતો કે તે બેંકમાંથી છે",
        "બેંકમાંથી ફોન આવ્યો અને તેમણે મારો કાર્ડ નંબર અને કોડ માંગ્યો",
        "તેમણે કહ્યું બધા પૈસા એક સુરક્ષિત ખાતામાં ટ્રાન્સફર કરો",
        "કોઈએ બીજા ફોનથી મારા ખાતામાં લૉગિન કર્યું અને મારો નંબર બદલી નાખ્યો",
        "ઓનલાઇન મળેલો એક માણસ કસ્ટમ માટે પૈસા માંગે છે",
        "મેં ક્રિપ્ટોમાં પૈસા રોક્યા, હવે ઉપાડી શકતો નથી, તેઓ ફી માંગે છે",
        "મારા કાર્ડ પર એક દુકાનની ચુકવણી છે જ્યાં હું ક્યારેય ગયો નથી",
        "મારી જાણ બહાર ખાતામાંથી પૈસા કપાઈ ગયા",
        "ખાતામાંથી પૈસા જતા રહ્યા, મેં કંઈ કર્યું નથી",
        "આ ચુકવણી મેં નથી કરી",
    ),
    "ta": (
        "ஒருவர் போன் செய்து வங்கியிலிருந்து பேசுவதாகச் சொன்னார்",
        "வங்கியிலிருந்து அழைத்து என் கார்டு நம்பரும் கோடும் கேட்டார்கள்",
        "எல்லா பணத்தையும் ஒரு பாதுகாப்பான கணக்கிற்கு மாற்றச் சொன்னார்கள்",
        "யாரோ வேறு போனிலிருந்து என் கணக்கில் லாகின் செய்து என் நம்பரை மாற்றிவிட்டார்கள்",
        "ஆன்லைனில் பழகிய ஒருவர் சுங்க கட்டணத்துக்கு பணம் கேட்கிறார்",
        "கிரிப்டோவில் முதலீடு செய்தேன், இப்போது எடுக்க முடியவில்லை, கட்டணம் கேட்கிறார்கள்",
        "என் கார்டில் ஒரு கடையின் பணம் செலுத்தல் உள்ளது, அங்கே நான் போனதே இல்லை",
        "எனக்குத் தெரியாமல் கணக்கிலிருந்து பணம் எடுக்கப்பட்டது",
        "கணக்கிலிருந்து பணம் போய்விட்டது, நான் எதுவும் செய்யவில்லை",
        "இந்த பணம் செலுத்தலை நான் செய்யவில்லை",
    ),
    "ml": (
        "ഒരാൾ വിളിച്ചു, ബാങ്കിൽ നിന്നാണെന്ന് പറഞ്ഞു",
        "ബാങ്കിൽ നിന്ന് വിളിച്ച് എന്റെ കാർഡ് നമ്പറും കോഡും ചോദിച്ചു",
        "എല്ലാ പണവും ഒരു സുരക്ഷിത അക്കൗണ്ടിലേക്ക് മാറ്റാൻ പറഞ്ഞു",
        "ആരോ മറ്റൊരു ഫോണിൽ നിന്ന് എന്റെ അക്കൗണ്ടിൽ ലോഗിൻ ചെയ്ത് എന്റെ നമ്പർ മാറ്റി",
        "ഓൺലൈനിൽ പരിചയപ്പെട്ട ഒരാൾ കസ്റ്റംസിന് പണം ചോദിക്കുന്നു",
        "ക്രിപ്റ്റോയിൽ നിക്ഷേപിച്ചു, ഇപ്പോൾ പിൻവലിക്കാൻ പറ്റുന്നില്ല, അവർ ഫീസ് ചോദിക്കുന്നു",
        "എന്റെ കാർഡിൽ ഒരു കടയിലെ പേയ്മെന്റ് ഉണ്ട്, ഞാൻ അവിടെ പോയിട്ടേയില്ല",
        "എന്റെ അറിവില്ലാതെ അക്കൗണ്ടിൽ നിന്ന് പണം പോയി",
        "അക്കൗണ്ടിൽ നിന്ന് പണം പോയി, ഞാൻ ഒന്നും ചെയ്തിട്ടില്ല",
        "ഈ പേയ്മെന്റ് ഞാൻ ചെയ്തിട്ടില്ല",
    ),
    "ar": (
        "اتصل بي رجل وقال إنه من البنك",
        "اتصلوا من البنك وطلبوا رقم بطاقتي والرمز",
        "قالوا لي أن أحول كل أموالي إلى حساب آمن",
        "شخص ما دخل إلى حسابي من هاتف آخر وغير رقمي وبريدي",
        "رجل تعرفت عليه عبر الإنترنت يطلب مني مالا للجمارك",
        "استثمرت في العملات الرقمية ولا أستطيع السحب، ويطلبون رسوما",
        "هناك دفعة على بطاقتي من متجر لم أذهب إليه أبدا",
        "سحبوا أموالا من حسابي دون علمي",
        "اختفت الأموال من حسابي وأنا لم أفعل شيئا",
        "لم أقم بهذه الدفعة",
    ),
    "fa": (
        "مردی زنگ زد و گفت از بانک است",
        "از بانک زنگ زدند و شماره کارت و کد را خواستند",
        "گفتند همه پولم را به یک حساب امن منتقل کنم",
        "کسی از یک گوشی دیگر وارد حسابم شد و شماره‌ام را عوض کرد",
        "مردی که آنلاین آشنا شدم برای گمرک از من پول می‌خواهد",
        "در کریپتو سرمایه‌گذاری کردم، نمی‌توانم برداشت کنم، کارمزد می‌خواهند",
        "روی کارتم پرداختی از مغازه‌ای هست که هرگز آنجا نرفته‌ام",
        "بدون اطلاع من از حسابم پول برداشته شد",
        "پول از حسابم رفت، من کاری نکردم",
        "این پرداخت را من انجام ندادم",
    ),
    "ps": (
        "یو سړي زنګ وواهه او ویې ویل چې له بانک نه دی",
        "له بانک نه زنګ راغی او زما د کارت نمبر او کوډ یې وغوښت",
        "ویې ویل ټولې پیسې یو خوندي حساب ته انتقال کړه",
        "چا له بل تلیفون نه زما حساب ته ننوت او زما نمبر یې بدل کړ",
        "یو سړی چې آنلاین مې پیژندلی د ګمرک لپاره پیسې غواړي",
        "ما په کریپټو کې پانګونه وکړه، اوس پیسې نشم ایستلی، فیس غواړي",
        "زما په کارت د یو دوکان تادیه ده چې زه هلته هیڅکله نه یم تللی",
        "زما له خبرتیا پرته زما له حساب نه پیسې لاړې",
        "زما له حساب نه پیسې لاړې، ما هیڅ نه دي کړي",
        "دا تادیه ما نه ده کړې",
    ),
    "kmr": (
        "zilamek telefon kir û got ku ew ji bankê ye",
        "ji bankê telefon kirin û hejmara karta min û kod xwest",
        "gotin ku hemû pereyên xwe bişînim hesabekî ewle",
        "kesek ji telefoneke din ket hesabê min û hejmara min guhert",
        "zilamekî ku min li ser înternetê nas kir ji bo gumrikê pere dixwaze",
        "min pere xist kriptoyê, niha nikarim derxim, ew xerc dixwazin",
        "li ser karta min dayînek ji dikanekê heye ku ez qet neçûme wir",
        "bê agahiya min pere ji hesabê min hatin kişandin",
        "pere ji hesabê min çûn, min tiştek nekir",
        "min ev dayîn nekiriye",
    ),
    "so": (
        "nin baa i soo wacay, wuxuu sheegay inuu bangiga ka yimid",
        "bangiga ayaa i soo wacay oo iga codsaday lambarka kaarka iyo koodhka",
        "waxay igu yiraahdeen lacagta oo dhan u wareeji akoon ammaan ah",
        "qof ayaa akoonkayga ka galay telefoon kale oo lambarkayga beddelay",
        "nin aan internetka ku bartay ayaa lacag iga doonaya canshuurta kastamka",
        "lacag ayaan ku maalgeliyay crypto, hadda ma soo bixi karo, waxay rabaan khidmad",
        "kaarkayga waxaa ku jira lacag bixin dukaan aanan weligay tagin",
        "lacag ayaa akoonkayga laga qaaday anigoo aan ogeyn",
        "lacagtii akoonkayga way ka baxday, anigu waxba ma samayn",
        "lacag bixintan anigu ma samayn",
    ),
    "ti": (
        "ሓደ ሰብኣይ ደዊሉ ካብ ባንክ እየ ኢሉ",
        "ካብ ባንክ ደዊሎም ቁጽሪ ካርደይን ኮድን ሓቲቶምኒ",
        "ኩሉ ገንዘበይ ናብ ውሑስ ሕሳብ ከሰጋግር ኢሎምኒ",
        "ሓደ ሰብ ካብ ካልእ ስልኪ ናብ ሕሳበይ ኣትዩ ቁጽረይ ቀይሩ",
        "ብኢንተርነት ዝፈለጥክዎ ሰብኣይ ንጉምሩክ ገንዘብ ይሓተኒ ኣሎ",
        "ኣብ ክሪፕቶ ገንዘብ ኣውፊረ፣ ሕጂ ከውጽእ ኣይክእልን፣ ክፍሊት ይሓቱ ኣለው",
        "ኣብ ካርደይ ካብ ዘይከድክዎ ድኳን ክፍሊት ኣሎ",
        "ብዘይ ፍልጠተይ ካብ ሕሳበይ ገንዘብ ወጺኡ",
        "ገንዘብ ካብ ሕሳበይ ጠፊኡ፣ ኣነ ዋላ ሓንቲ ኣይገበርኩን",
        "እዚ ክፍሊት ኣነ ኣይገበርክዎን",
    ),
    "am": (
        "አንድ ሰው ደውሎ ከባንክ ነኝ አለ",
        "ከባንክ ደውለው የካርድ ቁጥሬንና ኮዱን ጠየቁኝ",
        "ገንዘቤን በሙሉ ወደ ደህንነቱ የተጠበቀ አካውንት እንዳስተላልፍ ነገሩኝ",
        "አንድ ሰው ከሌላ ስልክ ወደ አካውንቴ ገብቶ ቁጥሬን ቀየረ",
        "በኢንተርኔት የተዋወቅሁት ሰው ለጉምሩክ ገንዘብ እየጠየቀኝ ነው",
        "በክሪፕቶ ኢንቨስት አደረግሁ፣ አሁን ማውጣት አልቻልኩም፣ ክፍያ ይጠይቃሉ",
        "በካርዴ ላይ ሄጄ ከማላውቀው ሱቅ ክፍያ አለ",
        "ያለ እኔ እውቀት ከአካውንቴ ገንዘብ ወጣ",
        "ገንዘብ ከአካውንቴ ጠፋ፣ እኔ ምንም አላደረግሁም",
        "ይህን ክፍያ እኔ አልፈጸምኩም",
    ),
    "yo": (
        "okunrin kan pe mi, o so pe oun wa lati banki",
        "won pe mi lati banki, won beere card number mi ati code",
        "won ni ki n gbe gbogbo owo mi lo si akanti to ni aabo",
        "enikan wole si akanti mi lati foonu miiran, o si yi nomba mi pada",
        "okunrin ti mo pade lori intanet n beere owo fun customs",
        "mo fi owo sinu crypto, mi o le gba owo jade, won n beere owo fee",
        "owo sisan wa lori kaadi mi lati ile itaja ti mi o lo ri",
        "won yo owo ninu akanti mi lai je pe mo mo",
        "owo ti lo ninu akanti mi, mi o se nkankan",
        "emi ko ni mo san owo yii",
    ),
    "pcm": (
        "one man call me, e talk say e dey call from bank",
        "dem call me from bank, dem ask for my card number and di code",
        "dem tell me make i move all my money go one safe account",
        "somebody enter my account from another phone come change my number",
        "one man wey i meet online dey ask me money for customs",
        "i put money for crypto, now i no fit withdraw, dem dey ask me to pay fee",
        "i see payment for my card from shop wey i never go before",
        "money comot from my account without my knowledge",
        "my money don comot from my account, i no do anything",
        "no be me make dis payment",
    ),
    "ak": (
        "obi frɛɛ me kaa sɛ ɔfiri bank",
        "wɔfiri bank frɛɛ me bisaa me card number ne code",
        "wɔka kyerɛɛ me sɛ memfa me sika nyinaa nkɔ account a ahobammɔ wom",
        "obi firi phone foforo so kɔɔ me account mu sesaa me number",
        "barima bi a mihyiaa no online rebisa sika ama customs",
        "mede sika too crypto mu, seesei mentumi nyi, wɔrebisa fee",
        "payment bi wɔ me card so firi sotɔɔ bi a menkɔɔ hɔ da",
        "wɔyii sika firii me account mu a mennim",
        "sika no afiri me account mu, menyɛɛ hwee",
        "ɛnyɛ me na meyɛɛ saa payment yi",
    ),
    "zh": (
        "有个男的打电话说他是银行的",
        "银行打电话来要我的卡号和验证码",
        "他们让我把所有的钱转到安全账户",
        "有人用别的手机登录了我的账户，还改了我的手机号",
        "网上认识的男朋友让我给他寄钱交关税",
        "我投资了虚拟币，现在提不出来，他们要我交手续费",
        "我的卡上有一笔商店的消费，我从来没去过那家店",
        "在我不知情的情况下账户里的钱被扣了",
        "我账户里的钱没了，我什么都没做",
        "这笔付款不是我付的",
    ),
    "yue": (
        "jau go naam jan daa din waa lai wa hai ngan hong ge",
        "ngan hong daa lai man ngo lo kaat hou tung code",
        "keoi dei giu ngo zyun saai di chin heoi on cyun wu hau",
        "jau jan jung daai jat bou sau gei login zo ngo go account, gaai zo ngo di din waa hou",
        "hai online sik ge naam jan man ngo lo chin bei gwaan seoi",
        "ngo tau zi zo crypto, ji gaa lo m faan chin, keoi dei jiu ngo bei sau zuk fai",
        "ngo go kaat jau bat pou tau ge sin, ngo cung loi mou heoi gwo",
        "ngo m zi ge cing fong haa di chin bei kau zo",
        "ngo di chin mou zo, ngo matje dou mou zou",
        "ni bat bei chin m hai ngo bei ge",
    ),
    "vi": (
        "có một người gọi điện nói là từ ngân hàng",
        "ngân hàng gọi đến hỏi số thẻ và mã OTP của tôi",
        "họ bảo tôi chuyển hết tiền sang một tài khoản an toàn",
        "có người đăng nhập vào tài khoản của tôi từ điện thoại khác và đổi số điện thoại",
        "người đàn ông quen qua mạng bảo tôi gửi tiền đóng phí hải quan",
        "tôi đầu tư tiền ảo, giờ không rút được, họ đòi đóng phí",
        "thẻ của tôi có một khoản thanh toán ở cửa hàng mà tôi chưa bao giờ đến",
        "tiền bị trừ khỏi tài khoản mà tôi không hề biết",
        "tiền trong tài khoản mất hết, tôi không làm gì cả",
        "tôi không thực hiện khoản thanh toán này",
    ),
    "tl": (
        "may lalaking tumawag, sabi niya taga-bangko raw siya",
        "tumawag ang bangko at hiningi ang card number ko at ang code",
        "sinabihan nila akong ilipat lahat ng pera ko sa isang safe account",
        "may nag-login sa account ko mula sa ibang phone at pinalitan ang number ko",
        "yung lalaking nakilala ko online humihingi ng pera para sa customs",
        "nag-invest ako sa crypto, hindi ko ma-withdraw, humihingi sila ng fee",
        "may bayad sa card ko mula sa tindahan na hindi ko pa napupuntahan",
        "nabawasan ang pera sa account ko nang hindi ko alam",
        "nawala ang pera sa account ko, wala akong ginawa",
        "hindi ako ang gumawa ng bayad na ito",
    ),
    "si": (
        "කෙනෙක් කෝල් කරලා බැංකුවෙන් කියලා කිව්වා",
        "බැංකුවෙන් කෝල් කරලා මගේ කාඩ් අංකයයි කෝඩ් එකයි ඇහුවා",
        "සල්ලි ඔක්කොම ආරක්ෂිත ගිණුමකට දාන්න කිව්වා",
        "කවුරුහරි වෙන ෆෝන් එකකින් මගේ ගිණුමට ලොග් වෙලා මගේ නම්බර් එක මාරු කළා",
        "ඔන්ලයින් හඳුනාගත්ත කෙනෙක් රේගු ගාස්තුවට සල්ලි ඉල්ලනවා",
        "ක්‍රිප්ටෝ වල ආයෝජනය කළා, දැන් ගන්න බැහැ, ගාස්තුවක් ඉල්ලනවා",
        "මගේ කාඩ් එකේ මම කවදාවත් නොගිය කඩයක ගෙවීමක් තියෙනවා",
        "මම නොදැනුවත්ව ගිණුමෙන් සල්ලි කැපිලා",
        "ගිණුමෙන් සල්ලි නැති වුණා, මම මුකුත් කළේ නැහැ",
        "මේ ගෙවීම මම කළේ නැහැ",
    ),
}

# A calm general question about the concepts (how to spot a fake bank call): no fraud cue.
CALM = {
    "ur": "جعلی بینک کال کو کیسے پہچانیں؟",
    "ur-Latn": "fake bank call kaise pehchane?",
    "hi": "नकली बैंक कॉल को कैसे पहचानें?",
    "bn": "ভুয়া ব্যাংক কল কীভাবে চিনব?",
    "pa": "ਜਾਅਲੀ ਬੈਂਕ ਕਾਲ ਦੀ ਪਛਾਣ ਕਿਵੇਂ ਕਰੀਏ?",
    "gu": "નકલી બેંક કોલ કેવી રીતે ઓળખવો?",
    "ta": "போலி வங்கி அழைப்பை எப்படி கண்டுபிடிப்பது?",
    "ml": "വ്യാജ ബാങ്ക് കോൾ എങ്ങനെ തിരിച്ചറിയാം?",
    "ar": "كيف أكتشف مكالمة بنك مزيفة؟",
    "fa": "چطور تماس جعلی بانک را تشخیص بدهم؟",
    "ps": "جعلي بانک زنګ څنګه وپیژنم؟",
    "kmr": "ez çawa nas bikim bangek sexte ya bankê?",
    "so": "sideen u garanayaa wicitaan bangi oo been ah?",
    "ti": "ሓሶት ናይ ባንክ ጻውዒት ብኸመይ ይፈልጥ?",
    "am": "የውሸት የባንክ ጥሪ እንዴት ማወቅ እችላለሁ?",
    "yo": "bawo ni mo se le mo ipe banki ayederu?",
    "pcm": "how i go take know fake bank call?",
    "ak": "ɛbɛyɛ dɛn na mahu bank call a ɛyɛ atoro?",
    "zh": "怎么识别假冒银行的电话？",
    "yue": "dim joeng sik gaa ngan hong din waa?",
    "vi": "làm thế nào để nhận biết cuộc gọi giả mạo ngân hàng?",
    "tl": "paano malalaman kung pekeng tawag mula sa bangko?",
    "si": "ව්‍යාජ බැංකු ඇමතුමක් කොහොමද දැනගන්නේ?",
}

# Calm messages that hold a concept's words without its story (no fraud cue): the customer's
# own login and number change (no one else), a payment the customer made (a charge without an
# alibi), "I did nothing" with nothing gone.
CALM_WORDS: dict[str, tuple[str, str, str]] = {
    "ur": (
        "میں نے اپنے اکاؤنٹ میں لاگ ان کیا اور اپنا نمبر بدل دیا ہے",
        "کل میں نے ایک دکان پر کارڈ سے ادائیگی کی",
        "میں نے کچھ نہیں کیا پھر بھی ایپ نہیں کھل رہی",
    ),
    "ur-Latn": (
        "maine apne account mein login kiya aur apna number badal diya",
        "kal maine dukaan pe card se payment ki",
        "maine kuch nahi kiya phir bhi app nahi khul rahi",
    ),
    "hi": (
        "मैंने अपने खाते में लॉगिन किया और अपना नंबर बदल दिया",
        "कल मैंने दुकान पर कार्ड से भुगतान किया",
        "मैंने कुछ नहीं किया फिर भी ऐप नहीं खुल रहा",
    ),
    "bn": (
        "আমি আমার অ্যাকাউন্টে লগইন করে আমার নম্বর বদলে দিয়েছি",
        "গতকাল দোকানে কার্ড দিয়ে পেমেন্ট করেছি",
        "আমি কিছুই করিনি, তবু অ্যাপ খুলছে না",
    ),
    "pa": (
        "ਮੈਂ ਆਪਣੇ ਖਾਤੇ ਵਿੱਚ ਲੌਗਇਨ ਕੀਤਾ ਤੇ ਆਪਣਾ ਨੰਬਰ ਬਦਲ ਦਿੱਤਾ",
        "ਕੱਲ੍ਹ ਮੈਂ ਦੁਕਾਨ ਤੇ ਕਾਰਡ ਨਾਲ ਪੇਮੈਂਟ ਕੀਤੀ",
        "ਮੈਂ ਕੁਝ ਨਹੀਂ ਕੀਤਾ ਫਿਰ ਵੀ ਐਪ ਨਹੀਂ ਖੁੱਲ੍ਹ ਰਹੀ",
    ),
    "gu": (
        "મેં મારા ખાતામાં લૉગિન કર્યું અને મારો નંબર બદલી નાખ્યો",
        "ગઈકાલે મેં દુકાનમાં કાર્ડથી ચુકવણી કરી",
        "મેં કંઈ કર્યું નથી છતાં એપ ખૂલતી નથી",
    ),
    "ta": (
        "நான் என் கணக்கில் லாகின் செய்து என் நம்பரை மாற்றினேன்",
        "நேற்று கடையில் கார்டில் பணம் செலுத்தினேன்",
        "நான் எதுவும் செய்யவில்லை, ஆனாலும் ஆப் திறக்கவில்லை",
    ),
    "ml": (
        "ഞാൻ എന്റെ അക്കൗണ്ടിൽ ലോഗിൻ ചെയ്ത് എന്റെ നമ്പർ മാറ്റി",
        "ഇന്നലെ കടയിൽ കാർഡ് ഉപയോഗിച്ച് പേയ്മെന്റ് ചെയ്തു",
        "ഞാൻ ഒന്നും ചെയ്തിട്ടില്ല, എന്നിട്ടും ആപ്പ് തുറക്കുന്നില്ല",
    ),
    "ar": (
        "دخلت إلى حسابي وغيرت رقمي",
        "دفعت أمس في متجر ببطاقتي",
        "لم أفعل شيئا ومع ذلك التطبيق لا يفتح",
    ),
    "fa": (
        "وارد حسابم شدم و شماره‌ام را عوض کردم",
        "دیروز در مغازه با کارتم پرداخت کردم",
        "من کاری نکردم ولی برنامه باز نمی‌شود",
    ),
    "ps": (
        "ما خپل حساب ته ننوتم او خپل نمبر مې بدل کړ",
        "پرون مې په دوکان کې په کارت تادیه وکړه",
        "ما هیڅ نه دي کړي خو اپلیکیشن نه خلاصیږي",
    ),
    "kmr": (
        "ez ketim hesabê xwe û min hejmara xwe guhert",
        "duh min li dikanekê bi kartê dayîn kir",
        "min tiştek nekir lê sepan venabe",
    ),
    "so": (
        "waxaan galay akoonkayga oo aan beddelay lambarkayga",
        "shalay waxaan dukaan ku bixiyay kaarkayga",
        "waxba ma samayn haddana app-ku ma furmayo",
    ),
    "ti": (
        "ናብ ሕሳበይ ኣትየ ቁጽረይ ቀይረ",
        "ትማሊ ኣብ ድኳን ብካርደይ ከፊለ",
        "ዋላ ሓንቲ ኣይገበርኩን ግን እቲ ኣፕ ኣይኽፈትን",
    ),
    "am": (
        "ወደ አካውንቴ ገብቼ ቁጥሬን ቀየርኩ",
        "ትናንት በሱቅ በካርዴ ከፈልኩ",
        "ምንም አላደረግሁም ግን አፑ አይከፈትም",
    ),
    "yo": (
        "mo wole si akanti mi, mo si yi nomba mi pada",
        "mo san owo ni ile itaja pelu kaadi mi lana",
        "mi o se nkankan sugbon app ko si",
    ),
    "pcm": (
        "i log into my account come change my number",
        "i pay for shop with my card yesterday",
        "i no do anything but di app no dey open",
    ),
    "ak": (
        "mekɔɔ me account mu sesaa me number",
        "ɛnnɛra metuaa ka wɔ sotɔɔ mu de me card",
        "menyɛɛ hwee nanso app no nbue",
    ),
    "zh": (
        "我登录了我的账户，改了我的手机号",
        "昨天我在商店用卡消费了",
        "我什么都没做，但是应用打不开",
    ),
    "yue": (
        "ngo login zo ngo go account, gaai zo ngo di din waa hou",
        "kam jat ngo hai pou tau jung kaat bei zo chin",
        "ngo matje dou mou zou, daan hai app hoi m dou",
    ),
    "vi": (
        "tôi đăng nhập vào tài khoản và đổi số điện thoại",
        "hôm qua tôi thanh toán bằng thẻ ở cửa hàng",
        "tôi không làm gì cả mà ứng dụng không mở được",
    ),
    "tl": (
        "nag-login ako sa account ko at pinalitan ko ang number ko",
        "nagbayad ako gamit ang card ko sa tindahan kahapon",
        "wala akong ginawa pero ayaw bumukas ng app",
    ),
    "si": (
        "මම මගේ ගිණුමට ලොග් වෙලා මගේ නම්බර් එක මාරු කළා",
        "ඊයේ මම කඩේ කාඩ් එකෙන් ගෙවීමක් කළා",
        "මම මුකුත් කළේ නැහැ, ඒත් ඇප් එක විවෘත වෙන්නේ නැහැ",
    ),
}
# English messages that hold words of the Latin-script tables' new entries (Pidgin, Tagalog):
# no story cue from them.
CALM_ENGLISH = (
    "I changed my number last week, can you update my account?",
    "can I ask for my card number to be sent to me again?",
    "I log into my account every day without problems",
    "what does a safe account mean in your app?",
    "I did nothing wrong, why is my card declined?",
)
# fmt: on

# Cells (language, concept) a table does not read yet: strict xfail.
GAPS: frozenset[tuple[str, str]] = frozenset()

_FRAUD = frozenset({"fraud", "fraud_report", "scam", "scam_step", "posing", "scam_mention"})


def _kinds(text: str) -> set[str]:
    return {cue.kind for cue in analyze_text(text).cues}


@pytest.mark.parametrize("concept", list(EN))
def test_english_reads_the_concept(concept: str) -> None:
    text, kind = EN[concept]
    assert kind in _kinds(text), text


def _cells() -> list[object]:
    out: list[object] = []
    for lang, sentences in MATRIX.items():
        assert len(sentences) == len(_C), lang
        for concept, text in zip(_C, sentences, strict=True):
            marks = [pytest.mark.xfail(strict=True)] if (lang, concept) in GAPS else []
            out.append(pytest.param(lang, concept, text, id=f"{lang}-{concept}", marks=marks))
    return out


@pytest.mark.parametrize(("lang", "concept", "text"), _cells())
def test_concept_matrix(lang: str, concept: str, text: str) -> None:
    assert EXPECTED[concept] in _kinds(text), (lang, concept, text)


@pytest.mark.parametrize("lang", list(CALM))
def test_general_question_stays_calm(lang: str) -> None:
    text = CALM[lang]
    assert not (_FRAUD & _kinds(text)), (lang, text)


def test_every_language_has_a_calm_question() -> None:
    assert set(CALM) == set(MATRIX)


def _word_cells() -> list[object]:
    return [
        pytest.param(lang, text, id=f"{lang}-{i}")
        for lang, texts in CALM_WORDS.items()
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(("lang", "text"), _word_cells())
def test_concept_words_without_the_story_stay_calm(lang: str, text: str) -> None:
    assert not (_FRAUD & _kinds(text)), (lang, text)


@pytest.mark.parametrize("text", CALM_ENGLISH)
def test_english_gets_no_story_from_the_new_entries(text: str) -> None:
    assert not story_cues(text), text


def test_a_boyfriend_is_no_third_party_but_a_friend_still_is() -> None:
    assert "scam" in _kinds("网上认识的男朋友让我给他寄钱交关税")
    assert not (_FRAUD & _kinds("我朋友网上认识的男朋友让她寄钱交关税"))


def test_someone_in_arabic_is_no_negator() -> None:
    # "شخص ما" (someone) holds "ما" (not): the verb after it is not denied
    assert "fraud_report" in _kinds("شخص ما سحب أموالا من حسابي")
    assert "fraud_report" not in _kinds("ما سحبت أموالا من حسابي")


@pytest.mark.parametrize(
    "text",
    [
        "എന്റെ കാർഡിൽ നിന്ന് ഞാൻ അറിയാതെ 90 യൂറോ നഷ്ടപ്പെട്ടു",
        "mere card se 80 pound kat gaye, maine kuch nahi kiya",
        "کارڈ سے 70 پاؤنڈ کٹ گئے، میرے علم کے بغیر",
    ],
)
def test_money_gone_with_a_currency_noun_and_without_my_knowledge(text: str) -> None:
    assert "fraud_report" in _kinds(text), text


def test_a_currency_gone_alone_is_no_fraud_report() -> None:
    assert "fraud_report" not in _kinds("mere card se 80 pound kat gaye, ye kis cheez ka tha?")
