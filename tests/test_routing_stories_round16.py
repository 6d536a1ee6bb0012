"""Round 16 story shapes (handoff.signals.stories): four more languages and the recurring scam
kinds in every language.

Every example was written fresh for this file by a non-native author; none is taken from a
routing set. Per language: stories that must give a fraud cue (a password or code handed to
someone posing as the bank, a purchase at a place never visited, a payment not recognised,
someone getting into the account or changing its password or number) and calm messages that
must not (questions about scams, someone else's story, a past incident already sorted, a
denial, a routine).
"""

from __future__ import annotations

import pytest

from handoff.signals.stories import story_cues

# A step alone (cue scam_step: "I transferred the money") is fraud only after someone posed as
# an authority (rules/banking.yaml), as in English: a routine transfer may give it.
_FRAUD = {"scam", "posing", "fraud_report", "vulnerability"}


def _kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in story_cues(text)}


MUST = [
    # Bulgarian (new)
    ("bg", "обади се мъж, уж от банката, и аз му казах кода", "scam"),
    ("bg", "някой изтегли пари от сметката ми през нощта", "fraud_report"),
    ("bg", "виждам плащане в Манчестър, което не съм направила", "fraud_report"),
    ("bg", "някой е влязъл в профила ми и смени номера", "fraud_report"),
    ("bg", "платих капаро за апартамент, а хазяинът не отговаря", "scam"),
    ("bg", "имам непознато плащане от 80 паунда", "fraud_report"),
    # German (new)
    ("de", "ein Mann, angeblich von meiner Bank, rief an, ich habe die TAN durchgegeben", "scam"),
    ("de", "er gab sich als Polizei aus und ich habe Geld überwiesen", "scam"),
    ("de", "jemand hat mit meiner Karte in einem Laden bezahlt, ich war nie dort", "fraud_report"),
    ("de", "da ist eine Abbuchung, die ich nicht gemacht habe, das war ich nicht", "fraud_report"),
    ("de", "ich habe eine Kaution überwiesen und der Vermieter ist nicht mehr erreichbar", "scam"),
    ("de", "jemand hat mein Passwort geändert, ich komme nicht mehr rein", "fraud_report"),
    ("de", "eine unbekannte Abbuchung von 300 Pfund auf meinem Konto", "fraud_report"),
    # Persian (new)
    ("fa", "یک نفر با کارت من خرید کرده و از کارت من استفاده کرده", "fraud_report"),
    ("fa", "مردی گفت که از بانک است، ادعا کرد، و من کد را دادم", "scam"),
    ("fa", "این خرید کار من نبود", "fraud_report"),
    # Albanian (new)
    ("sq", "më telefonoi dikush gjoja nga banka dhe i dhashë kodin", "scam"),
    ("sq", "dikush tërhoqi para nga llogaria ime", "fraud_report"),
    ("sq", "pagesa në atë dyqan nuk isha unë, nuk kam qenë kurrë atje", "fraud_report"),
    # Czech, Slovak, Dutch (new)
    ("cs", "volala mi paní, prý z banky, a nadiktovala jsem jí kód", "scam"),
    ("cs", "někdo vybral peníze z mého účtu, to jsem nebyla já", "fraud_report"),
    ("cs", "zaplatil jsem zálohu a prodejce zmizel", "scam"),
    ("sk", "volal mi muž, vraj z banky, a dal som mu kód", "scam"),
    ("sk", "som v šoku, niekto vybral peniaze z môjho účtu", "fraud_report"),
    ("sk", "nikdy som tam nebola, to som nebola ja", "fraud_report"),
    ("nl", "er belde iemand zogenaamd namens de bank en ik heb de code gegeven", "scam"),
    ("nl", "een bankmedewerker, zogenaamd, vroeg om de code en ik heb hem gegeven", "scam"),
    ("nl", "iemand heeft geld opgenomen van mijn rekening", "fraud_report"),
    ("nl", "ik heb een aanbetaling gedaan en de verkoper reageert niet meer", "scam"),
    ("nl", "een afschrijving die ik niet herken, dat was ik niet", "fraud_report"),
    # a password or code given to someone posing as the bank
    ("pl", "dzwonił ktoś podobno z banku i podałem hasło", "scam"),
    ("ro", "a sunat unul care a zis că e de la bancă și i-am dat parola", "scam"),
    ("ru", "звонили якобы из банка, я перешла по ссылке и ввела данные", "scam"),
    ("uk", "дзвонили нібито з банку, я перейшов за посиланням і ввів дані", "scam"),
    ("tr", "bankadan olduğunu söyleyen biri aradı, şifremi verdim", "scam"),
    ("ur-Latn", "ek aadmi bola ke bank se hoon, maine pin bata diya", "scam"),
    ("so", "nin isku sheegay bangiga ayaa i soo wacay, waxaan siiyay furaha sirta", "scam"),
    ("ar", "اتصل شخص يدعي أنه من البنك وأعطيته كلمة المرور", "scam"),
    ("es", "me llamó uno haciéndose pasar por empleado del banco y le di la contraseña", "scam"),
    # a purchase at a place never visited
    ("ar", "شخص استخدم بطاقتي في مطعم لم أزره في حياتي", "fraud_report"),
    ("pl", "płatność w sklepie w Leeds, nigdy tam nie byłam", "fraud_report"),
    ("pt", "compra num restaurante onde nunca estive", "fraud_report"),
    ("es", "un cargo en una gasolinera donde nunca he estado", "fraud_report"),
    ("fr", "un paiement dans un magasin où je ne suis jamais allée", "fraud_report"),
    ("it", "un pagamento in un negozio dove non sono mai stato", "fraud_report"),
    ("ro", "o plată la un hotel unde n-am fost niciodată", "fraud_report"),
    ("tr", "hiç gitmediğim bir markette kartımla ödeme yapılmış", "fraud_report"),
    ("ru", "оплата в магазине, где никогда не был", "fraud_report"),
    ("uk", "оплата в кафе, де ніколи не була", "fraud_report"),
    ("lt", "mokėjimas parduotuvėje, kurioje niekada nebuvau", "fraud_report"),
    # a payment not recognised
    ("ro", "văd o plată de 60 de lire pe care nu o recunosc", "fraud_report"),
    ("es", "tengo un pago de 90 libras que no reconozco", "fraud_report"),
    ("pt", "apareceu um débito que não reconheço", "fraud_report"),
    ("it", "c'è un addebito di 40 sterline che non riconosco", "fraud_report"),
    ("fr", "il y a un prélèvement que je ne reconnais pas", "fraud_report"),
    ("pl", "jest płatność, której nie rozpoznaję", "fraud_report"),
    ("tr", "kartımda tanımadığım bir ödeme var", "fraud_report"),
    ("ru", "на счёте незнакомый платёж на 70 фунтов", "fraud_report"),
    ("uk", "бачу незнайомий платіж з моєї картки", "fraud_report"),
    # someone changed the password or got into the account; money taken, not by me
    ("uk", "хтось змінив пароль від мого банкінгу", "fraud_report"),
    ("ru", "кто-то сменил пароль в приложении", "fraud_report"),
    ("pl", "ktoś zmienił hasło do mojej bankowości", "fraud_report"),
    ("ro", "cineva a schimbat parola de la aplicație", "fraud_report"),
    ("pt", "alguém mudou a senha da minha conta", "fraud_report"),
    ("es", "alguien cambió la contraseña de mi banca online", "fraud_report"),
    ("tr", "biri şifremi değiştirmiş, giriş yapamıyorum", "fraud_report"),
    ("ur", "میرے کارڈ سے 200 پاؤنڈ نکل گئے جو میں نے نہیں نکالے", "fraud_report"),
    ("ur-Latn", "main ne nahi kiya ye transfer", "fraud_report"),
    ("so", "nin isku sheeganaya bangiga ayaa i soo wacay", "posing"),
    ("so", "lacag ayaa ka maqan akoonkayga", "scam_step"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), MUST)
def test_round16_story_is_recognised(lang: str, text: str, kind: str) -> None:
    assert kind in _kinds(text), (lang, text, story_cues(text))


MUST_NOT = [
    # questions about scams as a topic
    ("bg", "как да разпозная измама, ако някой се обади уж от банката?"),
    ("de", "wie erkenne ich, ob jemand angeblich von der Bank anruft?"),
    ("de", "was tun, wenn jemand mein Passwort geändert hat?"),
    ("fa", "چطور تشخیص بدهم کسی که ادعا کرد از بانک است کلاهبردار است؟"),
    ("fa", "چطور بفهمم کسی که ادعا کرد از بانک است واقعی است؟"),
    ("ar", "كيف يتم تشخيص المشكلة في التطبيق؟"),
    ("sq", "si ta njoh dikë që gjoja telefonon nga banka?"),
    ("es", "¿qué hacer si alguien cambió la contraseña?"),
    ("ru", "как распознать, если звонят якобы из банка и просят пароль?"),
    # someone else's story told calmly
    ("bg", "на приятелката ми някой изтегли пари от сметката"),
    ("de", "bei meiner Nachbarin hat jemand Geld abgehoben"),
    ("fa", "همسایه ما گفت یک نفر از کارت او استفاده کرده"),
    ("sq", "shoku im tha se dikush i vodhi paratë"),
    ("pl", "mój kolega mówi, że ktoś zmienił mu hasło"),
    ("uk", "у моєї подруги хтось змінив пароль"),
    # Czech, Slovak, Dutch calm
    ("cs", "jak poznat, že mi volá někdo prý z banky?"),
    ("cs", "můj kamarád říká, že mu někdo vybral peníze z účtu"),
    ("sk", "ako rozpoznať podvod, keď volá niekto vraj z banky?"),
    ("nl", "hoe herken ik iemand die zogenaamd van de bank belt?"),
    ("nl", "iemand heeft contact met mij opgenomen over mijn rekening, klopt dat?"),
    ("nl", "mijn vriendin zegt dat iemand geld heeft opgenomen van haar rekening"),
    ("nl", "ik ben nog nooit zo boos geweest op een bank"),
    ("cs", "někdo si vybral špatnou kartu v aplikaci"),
    # a past incident already sorted
    ("pl", "w zeszłym roku ktoś wypłacił pieniądze z mojego konta, ale już zwrócili"),
    ("es", "alguien usó mi tarjeta en 2022, ya me devolvieron el dinero, gracias"),
    ("pt", "alguém usou o meu cartão uma vez, já foi resolvido, obrigado"),
    ("ru", "кто-то снял деньги с карты в прошлом году, деньги вернули, спасибо"),
    ("de", "jemand hatte letztes Jahr Geld abgehoben, wurde erstattet, danke"),
    ("bg", "някой изтегли пари от картата ми миналата година, вече ми върнаха парите"),
    ("tr", "biri kartımla ödeme yapmıştı ama iade edildi, teşekkürler"),
    ("ro", "cineva a folosit cardul meu anul trecut, am primit banii înapoi"),
    ("ur-Latn", "kisi ne mere card se paise nikal liye the, paise wapas mil gaye"),
    # denials and routines
    ("de", "ich habe den Code nicht gegeben, ich habe aufgelegt"),
    ("bg", "не дадох кода, затворих телефона"),
    ("sq", "nuk i dhashë kodin, e mbylla telefonin"),
    ("de", "ich habe gestern die Miete an meinen Vermieter überwiesen, wann kommt sie an?"),
    ("de", "wie ändere ich mein Passwort in der App?"),
    ("bg", "как да сменя паролата си в приложението?"),
    ("fa", "چطور رمز کارتم را عوض کنم؟"),
    ("pl", "nigdy nie byłem tak zły na bank"),
    ("pt", "nunca fui tão mal atendido"),
    ("ru", "я ещё не переводил деньги, можно ли отменить?"),
    ("ar", "لم أذهب إلى الفرع بعد، هل يمكنني فتح حساب أونلاين؟"),
    ("es", "no cambié la dirección todavía, ¿cómo lo hago?"),
    ("pt", "como posso investir? o site não abre"),
    ("ro", "vreau să investesc, site-ul nu mai merge"),
    ("de", "ich möchte in Krypto investieren, kann nicht auszahlen?"),
    ("it", "non riconosco il nuovo design dell'app, dove sono i pagamenti?"),
    ("ur-Latn", "main kal bank jaunga, mera account kholna hai"),
]


@pytest.mark.parametrize(("lang", "text"), MUST_NOT)
def test_round16_calm_message_gives_no_fraud_story(lang: str, text: str) -> None:
    assert not (_kinds(text) & _FRAUD), (lang, text, story_cues(text))


def test_new_tables_keep_english_alone() -> None:
    for text in (
        "someone changed my password and I never gave it out",
        "I paid a deposit and the landlord vanished",
        "how do I change my phone number in the app",
        "my friend says the bank called her",
    ):
        assert story_cues(text) == [], text
