"""Issue 11, routing round 9: missed and false escalations outside fraud. Each class is
covered by phrasings written for these tests (none copied from any routing set), with decoys
that must not fire: asking for a person in Russian, Ukrainian and Bulgarian and in call-back
wordings English lacked, vulnerability told indirectly (thoughts of ending it, a baby lost,
a few pounds to last, a partner who hits or rages, a parent who no longer knows the day).
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from handoff.signals.text import analyze_text
from tests.test_routing_round3 import _ungated, kinds, route

# ------------------------------------------------------------------ requests for a person

PERSON = [
    # calls: the passive, "telephone", text speak
    "would it be possible to be called back this afternoon?",
    "can I get rung back on my mobile instead",
    "I'd rather be phoned back, if that's ok",
    "could someone telephone me tomorrow about my mortgage",
    "pls can sum1 telephone me back",
    "cud u call me bk pls",
    "cld someone ring me bk about the loan",
    # preferring to do it with a member of staff
    "I'd be happier going through this with an adviser",
    "can I go over this with a member of staff please",
    "could I sort this out with someone from your team",
    "I want to discuss it with one of your advisers",
    # Cyrillic languages
    "Здравствуйте, могу я поговорить с живым человеком?",
    "соедините с оператором",
    "Перезвоните мне пожалуйста, по поводу кредита",
    "Добрий вечір, хочу поговорити з працівником банку",
    "Передзвоніть мені завтра",
    "Искам да говоря със служител",
    "Моля, обадете ми се",
    # word orders the earlier lists lacked
    "czy moze ktos do mnie zadzwonic jutro?",
    "prosze, moze ktos zadzwonic do mnie",
    "ekjon loker sathe kotha bolte chai",
    "能给我打个电话吗",
    "请让工作人员联系我",
]
NOT_PERSON = [
    "I was told I'd be rung back once the refund cleared, has it cleared?",
    "please can I be called back when the card is posted",
    "no need to be phoned back, the chat is fine",
    "I went through this with my husband and we're happy",
    "I'll discuss it with my wife and come back to you",
    "the bk statement is attached",
    "do you telephone customers about fraud checks?",
    "Я не хочу говорить с оператором, просто скажите баланс",
    "Не искам да говоря с човек, само питам за лихвата",
    "Ви справжня людина чи бот?",
    "Как перевести деньги маме?",
]


@pytest.mark.parametrize("text", PERSON)
def test_a_request_for_a_person_in_more_words_and_languages(text: str) -> None:
    assert analyze_text(text).human_request, (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", NOT_PERSON)
def test_news_a_promise_or_a_question_is_not_a_request(text: str) -> None:
    assert not analyze_text(text).human_request, (text, analyze_text(text).cues)


def test_cyrillic_request_routes_to_an_adviser_at_once() -> None:
    lane, turn, rule = route("Здравейте", "Може ли да говоря с консултант?")
    assert (lane, turn, rule) == ("general_banking", 2, "asked_for_human")


# ------------------------------------------------------------------ vulnerability, indirectly

VULNERABLE = [
    # thoughts of ending it, never said as such
    "honestly I don't want to be here anymore",
    "i dont want to wake up tomorrow",
    "what's even the point anymore",
    "no one would miss me anyway.",
    "nobody will even notice if I'm gone",
    "they'd be better off without me",
    "I want my affairs in order before I go.",
    "I need it all sorted for when I'm gone",
    "my brother took his own life last spring",
    # a baby lost
    "we had a stillbirth in March and the child benefit is still paid in",
    "I lost the baby at 20 weeks, please stop the emails",
    "after my miscarriage I can't face the nursery savings",
    # a few pounds to last
    "I've only got £7 till payday and the gas is on the emergency credit",
    "got 80p left to last the week",
    # a partner who hits or rages
    "my husband hits me when I ask about money",
    "she gets really angry if I spend anything without asking",
    # a parent who no longer knows the day
    "mum doesn't even know what year it is now",
    "dad no longer recognises me, I deal with his post",
    # other languages
    "Мой отец умер, как закрыть его счёт?",
    "нет денег на еду, дети голодные",
    "моя мама померла, що робити з її рахунком",
    "Soțul meu mă bate, am nevoie de un cont separat",
    "আমার মা মারা গেছেন। এখন কী করব",
]
NOT_VULNERABLE = [
    "I don't want to be here all afternoon, how long does the transfer take?",
    "I don't want to be here waiting, just tell me the balance",
    "what's the point of the round-up pot if it pays no interest?",
    "what is the point of having two pins",
    "what's the point?",
    "nobody will notice the new card design, it looks the same",
    "can you get everything sorted before I go on holiday on Friday",
    "I'd like it sorted before I go to work",
    "he hit me with a £30 fee for going over",
    "the fee really hits me hard this month",
    "I lost the receipt at the till",
    "I've got £25 until my overdraft limit, can I still pay by card?",
    "I've got £500 until the end of the month, should I save some?",
    "my son doesn't know what day the bins go out lol",
    "my partner gets really excited when I buy premium bonds",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_vulnerability_told_indirectly(text: str) -> None:
    assert "vulnerability" in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_look_alikes_stay_calm(text: str) -> None:
    assert "vulnerability" not in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", VULNERABLE[:19])
def test_anchor_gating_never_changes_a_result(text: str) -> None:
    """The new shapes' anchors hold a word each alternative needs: trying every shape finds
    exactly what the gated search finds."""
    assert situations.situation_cues(text) == _ungated(text)


def test_a_danda_ends_the_word_before_it() -> None:
    """Hindi, Bengali and Panjabi end a sentence with a danda (।): the word before it is
    still the word, so a phrase before a full stop is found."""
    assert "vulnerability" in kinds("আমার স্বামী মারা গেছেন। তার কার্ড")
    assert "vulnerability" in kinds("मेरी माँ का देहांत हो गया। अब क्या करूँ")


def test_indirect_thoughts_of_ending_it_reach_the_specialists() -> None:
    lane, turn, rule = route(
        "how do I cancel my standing orders", "it doesn't matter. nobody would miss me anyway."
    )
    assert (lane, turn, rule) == ("vulnerable_customers", 2, "vulnerable_customer")


def test_a_calm_question_with_the_same_words_stays_with_the_bot() -> None:
    assert route(
        "what's the point of the cashback pot?", "can I get it sorted before I go to Spain?"
    ) == ("bot", None, None)


# ------------------------------------------------------------------ told calmly, at a distance

# A vulnerability word told with distance or reassurance: a death long settled, a minor
# operation, a relative who is fine and a precaution taken. Cue coping keeps it with the bot
# while the tone is calm.
AT_A_DISTANCE = [
    "my grandad died back in 2015 and I've finally got round to moving his old ISA money",
    "dad's estate is all wrapped up now, which savings account pays the best rate?",
    "the executors have dealt with everything, I just need to pay in the cheque",
    "in hospital next month for a minor procedure, can I pause my gym standing order",
    "having a minor eye operation so I'll be offline for a bit, how do I set up alerts",
    "setting up power of attorney for my dad, he's perfectly fine, just being careful",
    "registering a lasting power of attorney for mum. She's fine, it's only a precaution",
]
STILL_VULNERABLE = [
    "my wife died in 2021 and I still can't cope with the bills on my own",
    "the estate is settled but I'm struggling to cope with the debt",
    "mum has dementia, she's fine most days, just confused about money",
    "I'm in hospital for major surgery and worried about my mortgage",
    "I can't do this anymore",
    "i cant do this, everything is falling apart",
]


@pytest.mark.parametrize("text", AT_A_DISTANCE)
def test_distance_or_reassurance_reads_as_coping(text: str) -> None:
    assert "coping" in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", STILL_VULNERABLE)
def test_distress_still_reads_as_vulnerability_without_coping(text: str) -> None:
    found = kinds(text)
    assert "vulnerability" in found, (text, analyze_text(text).cues)
    assert "coping" not in found, (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    "text",
    [
        "I can't do this transfer, the reference box won't take letters",
        "can't do this payment online, is there another way?",
        "I cannot deal with this app on my old phone, is there a web version",
    ],
)
def test_cant_do_this_task_is_not_not_coping(text: str) -> None:
    assert "vulnerability" not in kinds(text), (text, analyze_text(text).cues)


def test_a_long_settled_bereavement_question_stays_with_the_bot() -> None:
    assert route(
        "my aunt passed away in 2018, the probate's all done now. Can I open an ISA with "
        "what she left me?",
        "great, thank you",
    ) == ("bot", None, None)


# ------------------------------------------------------------------ complaints


# A complaint made to someone else is not one against the bank (cue no_complaint, which the
# complaint rule honours); one about us still is.
@pytest.mark.parametrize(
    "text",
    [
        "I complained to my letting agency and they're paying back the deposit",
        "writing a complaint email to the airline, can I see the card payment date",
        "we've lodged a complaint against our builder, can I stop the last payment?",
    ],
)
def test_a_complaint_to_someone_else(text: str) -> None:
    assert "no_complaint" in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    "text",
    [
        "I want to make a complaint about the mobile app",
        "I'd like to complain about the agent I spoke to",
        "complaint against the branch staff, they were rude",
    ],
)
def test_a_complaint_about_us_is_still_one(text: str) -> None:
    assert "no_complaint" not in kinds(text), (text, analyze_text(text).cues)


def test_the_complain_intent_alone_on_a_calm_question_stays_with_the_bot() -> None:
    assert route("is there an audio version of my statements?", intent="complain") == (
        "bot",
        None,
        None,
    )


def test_the_complain_intent_with_anger_is_a_complaint() -> None:
    lane, _, rule = route("absolutely ridiculous, charged twice again!", intent="complain")
    assert (lane, rule) == ("complaints", "complaint")


# ------------------------------------------------------- threats and sarcasm, no stock words

THREATS_AND_SARCASM = [
    ("public_threat", "my local paper would love this one"),
    ("public_threat", "my TikTok followers are going to enjoy this story"),
    ("churn_threat", "banked with you for 30 years and after this I'm leaving"),
    ("churn_threat", "been a customer for over 15 years, but honestly I'm done"),
    ("churn_threat", "I've begun the switching process to Monzo"),
    ("churn_threat", "unless this fee comes off by Friday, I'm gone"),
    ("churn_threat", "unless you refund the £4.99, I'm closing everything"),
    ("sarcasm", "nothing says payday like a £30 fee"),
    ("sarcasm", "nothing says customer service like a card declined at the till"),
    ("sarcasm", "great to see 8 years of loyalty counts for nothing"),
    ("sarcasm", "so delighted my rent payment bounced again"),
    ("sarcasm", "really chuffed you've frozen my account on my birthday"),
    ("sarcasm", "thanks a lot for charging me twice"),
    ("sarcasm", "cheers for sending the PIN to my old flat... I mean my old address"),
]
NOT_THREAT_OR_SARCASM = [
    ("public_threat", "my followers would love this new card design"),
    ("churn_threat", "been with you 10 years and I'm moving house, how do I change my address"),
    ("churn_threat", "customer for 5 years, I'm going to need a bigger overdraft"),
    ("churn_threat", "how do I start the switch process to you from another bank?"),
    ("churn_threat", "unless I hear back, I'm off to the branch tomorrow"),
    ("sarcasm", "nothing says christmas like mince pies"),
    ("sarcasm", "absolutely thrilled that my mortgage got approved!"),
    ("sarcasm", "thanks for sending my new card so quickly"),
    ("sarcasm", "glad to know it counts for my ISA allowance"),
]


@pytest.mark.parametrize(("kind", "text"), THREATS_AND_SARCASM)
def test_threats_and_sarcasm_without_stock_words(kind: str, text: str) -> None:
    assert kind in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize(("kind", "text"), NOT_THREAT_OR_SARCASM)
def test_look_alikes_are_not_threats_or_sarcasm(kind: str, text: str) -> None:
    assert kind not in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", [t for _, t in THREATS_AND_SARCASM + NOT_THREAT_OR_SARCASM])
def test_new_threat_and_sarcasm_shapes_are_gated_exactly(text: str) -> None:
    assert situations.situation_cues(text) == _ungated(text)


def test_a_loyal_customers_verdict_reaches_an_adviser() -> None:
    lane, turn, rule = route(
        "how do I move my salary and direct debits elsewhere?",
        "18 years with you, been a customer for 18 years, and after this mess I'm leaving",
    )
    assert (lane, turn) == ("general_banking", 2), rule


# ------------------------------------------------------------------ repeating without counting

WORD_BY_WORD = [
    "cancel. my. standing. order.",
    "where. is. my. refund?",
    "I said. close. the. account",
    "how many different ways must I phrase this",
    "how many ways do i need to explain it",
]
NOT_WORD_BY_WORD = [
    "Ok. Thanks. Bye.",
    "yes. thank you. bye",
    "Great. Sorted. Cheers!",
    "I paid it. It went. Thanks.",
    "Hi. My card is lost. Can you help",
    "how many ways can I pay in a cheque?",
    # emphasis at the end of a longer sentence (VADER's tweets have one)
    "Tonight would be perfect if the weather stayed Just. Like. This",
    "that holiday was the best week of my life. Ever. Full. Stop.",
]


@pytest.mark.parametrize("text", WORD_BY_WORD)
def test_saying_it_word_by_word_is_repeating(text: str) -> None:
    assert "repeated_asking" in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", NOT_WORD_BY_WORD)
def test_short_sentences_and_closers_are_not_repeating(text: str) -> None:
    assert "repeated_asking" not in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize("text", WORD_BY_WORD + NOT_WORD_BY_WORD)
def test_the_word_by_word_shape_is_gated_exactly(text: str) -> None:
    assert situations.situation_cues(text) == _ungated(text)


def test_word_by_word_after_two_tries_reaches_an_adviser() -> None:
    lane, turn, rule = route(
        "how do I stop my standing order",
        "stop the standing order to my landlord",
        "stop. the. standing. order.",
    )
    assert (lane, turn, rule) == ("general_banking", 3, "going_in_circles")


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("you've told me that already", True),
        ("You have sent me this already.", True),
        ("you already said that, it's not the answer", True),
        ("you already told me that, thanks, all clear", False),
        ("you've sent it already? great, thank you", False),
        ("you already sent me the new card", False),
    ],
)
def test_the_bot_repeating_itself(text: str, repeated: bool) -> None:
    assert ("repeated_asking" in kinds(text)) is repeated, (text, analyze_text(text).cues)


# ------------------------------------------------------- complaints and hiding, in other words


@pytest.mark.parametrize(
    ("kind", "text", "fires"),
    [
        ("complaint", "can you escalate my existing complaint please", True),
        ("complaint", "it's been ten weeks and still no final response from you", True),
        ("complaint", "your delay has cost me £85 in late fees", True),
        ("complaint", "you've caused me to miss my rent", True),
        ("complaint", "how much will the CHAPS payment cost me?", False),
        ("complaint", "what does a final response letter mean for a mortgage offer?", False),
        ("vulnerability", "I need a new account without my ex-husband knowing", True),
        ("vulnerability", "she's not supposed to know where we live now", True),
        (
            "vulnerability",
            "can I order a gift card without my wife knowing? it's a surprise",
            False,
        ),
        (
            "vulnerability",
            "he's not meant to know where the party is, it's a surprise for him",
            False,
        ),
    ],
)
def test_complaints_and_hiding_told_in_other_words(kind: str, text: str, fires: bool) -> None:
    assert (kind in kinds(text)) is fires, (text, analyze_text(text).cues)


def test_shouting_a_failure_with_a_burst_is_anger_even_if_vader_reads_it_warm() -> None:
    lane, turn, rule = route("NOBODY is helping me with this!!! three hours now")
    assert (lane, turn, rule) == ("general_banking", 1, "intense_anger")


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("after the loan repayment there's nothing left by the 15th", True),
        ("I've got nothing left till payday and the electric is on the meter", True),
        ("honestly the bills are getting on top of me", True),
        ("it all got on top of me last month and I missed a payment", True),
        ("I have nothing left to ask, thanks for your help", False),
        ("there's nothing left to pay on the loan, can I close it?", False),
        ("can I put the savings pot on top of my main balance view?", False),
    ],
)
def test_money_running_out_and_being_overwhelmed(text: str, fires: bool) -> None:
    assert ("vulnerability" in kinds(text)) is fires, (text, analyze_text(text).cues)


# ------------------------------------------------------------ topics, hypotheticals, terms


@pytest.mark.parametrize(
    "text",
    [
        "which number should I ring if I ever need to speak to an adviser?",
        "what number do I call if my card gets stolen abroad",
        "in case I need to talk to someone later, what are your opening hours?",
    ],
)
def test_a_number_for_later_is_not_a_request_now(text: str) -> None:
    assert not analyze_text(text).human_request, (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    "text",
    [
        "what number can I call? I need to talk to someone today",
        "can I phone someone about my overdraft",
    ],
)
def test_a_number_for_now_is_still_a_request(text: str) -> None:
    assert analyze_text(text).human_request, (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what does the FCA actually do?", True),
        ("for my A-level project: who is the financial ombudsman and what do they decide?", True),
        ("how does the ombudsman work", True),
        ("I'm reporting you to the FCA", False),
        ("if this isn't fixed I'm going to the ombudsman", False),
    ],
)
def test_the_regulator_as_a_topic(text: str, topic: bool) -> None:
    assert ("legal_topic" in kinds(text)) is topic, (text, analyze_text(text).cues)


def test_a_question_about_the_ombudsman_stays_with_the_bot() -> None:
    assert route("What is the Financial Ombudsman and what does it cover?") == ("bot", None, None)


def test_the_representative_apr_is_no_representative() -> None:
    assert route("what's the representative APR on a £5k loan?", intent="request_human") == (
        "bot",
        None,
        None,
    )
    lane, _, rule = route("I want a representative please", intent="request_human")
    assert (lane, rule) == ("general_banking", "asked_for_human")


@pytest.mark.parametrize(
    "text",
    [
        "te lo he dicho muchas veces, la tarjeta no funciona",
        "já liguei cinco vezes por causa disto",
        "ho chiamato dieci volte e niente",
        "j'ai appelé plusieurs fois, toujours rien",
        "dzwoniłem już kilka razy w tej sprawie",
    ],
)
def test_counting_ones_own_asks_in_other_languages(text: str) -> None:
    assert "repeated_asking" in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    "text",
    [
        "¿cuántas veces al mes puedo sacar dinero gratis?",
        "posso pagare tre volte al mese?",
        "je paie trois fois par an, c'est possible ?",
    ],
)
def test_calm_questions_with_counts_are_not_repeating(text: str) -> None:
    assert "repeated_asking" not in kinds(text), (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("found the code in my emails. sorted", True),
        ("ok, that's sorted", True),
        ("fair enough, I'll just leave it as it is", True),
        ("oh wait, never mind, it's gone through", True),
        ("wait no, ignore that, it was my other account", True),
        ("I need this sorted", False),
        ("when will it be sorted?", False),
        ("wait no, that's still not right, the money is missing", False),
        ("I'll leave it with you to fix", False),
    ],
)
def test_solved_or_dropped_in_more_words(text: str, resolved: bool) -> None:
    assert ("resolved" in kinds(text)) is resolved, (text, analyze_text(text).cues)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("I don't want generic advice, I want my own balance", True),
        ("I already know how overdrafts work, why was I charged", True),
        ("that's the information about how to apply, I've applied already", True),
        ("looked in settings, it's not there either", True),
        ("I know what ISAs are", False),
        ("I know how contactless works, is there a limit?", False),
        ("is the statement not there either?", False),
        ("I'd like some general information about mortgages", False),
    ],
)
def test_the_bot_answered_another_question(text: str, fires: bool) -> None:
    assert ("not_understood" in kinds(text)) is fires, (text, analyze_text(text).cues)


def test_an_answer_to_another_question_twice_reaches_an_adviser() -> None:
    lane, turn, rule = route(
        "when does my fixed rate end", "I don't want general info, I want MY date"
    )
    assert (lane, turn, rule) == ("general_banking", 2, "going_in_circles")


@pytest.mark.parametrize(
    "text",
    [
        "Как защититься от мошенников?",
        "что делать, если мне звонят мошенники?",
        "Що таке шахрайство з картками?",
        "Как да се предпазя от измама?",
        "Какво е измама с карти?",
    ],
)
def test_a_cyrillic_question_about_fraud_as_a_topic_stays_with_the_bot(text: str) -> None:
    """The Cyrillic lists name scams as events told in the first person ("меня обманули"),
    never the bare nouns, so a question about fraud as a topic reaches no fraud rule."""
    assert route(text) == ("bot", None, None)


@pytest.mark.parametrize(
    ("text", "vulnerable"),
    [
        ("мой папа умер на прошлой неделе", True),
        ("моя бабуся померла, як закрити її рахунок", True),
        ("лежа в болница от вторник", True),
        ("мой телефон умер, не могу войти в приложение", False),
        ("я работаю в больнице, как поменять адрес?", False),
        ("mă bate gândul să îmi mut economiile la voi", False),
    ],
)
def test_cyrillic_deaths_are_of_people_and_hospital_stays_the_customers(
    text: str, vulnerable: bool
) -> None:
    assert ("vulnerability" in kinds(text)) is vulnerable, (text, analyze_text(text).cues)
