"""Issue 11, routing round 9: more fraud told as a story, and calm fraud talk kept calm.

New story classes: a sum spent somewhere the customer has never been (or while they were
elsewhere all week), a stranger who spent a sum, a limit, payee or device the customer never
asked for, an unrequested code, money gone to an account the customer does not have, a
caller given the card number or password they asked for, a "protected" account someone set
up, money passed through the account for a cut (a mule), a fee or tax before an investment
pays out, a "relative" on a new number, a step under way at someone's word, a smishing fee,
details typed into a page about a tax refund, a caller connected to the computer.

New calm classes: scams as a topic (a talk, reading about them, an essay), fraud that has not
happened ("if it ever happens"), a call hung up or a text binned, a past fraud put right.
Every phrasing was written for these tests (none copied from any routing set).
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from handoff.signals.text import analyze_text
from tests.test_routing_round3 import _ungated, kinds, route

STORIES = [
    # a sum spent somewhere the customer has never been
    ("fraud_report", "£86 at a restaurant in Porto last night and I've never been to Portugal"),
    ("fraud_report", "there's £1,140 to a hotel in Nice, we have never stayed there"),
    ("fraud_report", "a 45 pound charge from a garage in Wick, I've never even been to Scotland"),
    # ... or while they were elsewhere all week (weak: the NLU must agree)
    ("fraud", "a £300 cash withdrawal in Hull on Friday but I was in Bristol all weekend"),
    ("fraud", "£72 at a bar in Leeds, we were at home the whole night"),
    ("fraud", "two payments of £410 to Ryanair and I'm not travelling anywhere"),
    # a stranger spent a sum
    ("fraud_report", "somebody has spent £95 at a petrol station"),
    ("fraud_report", "looks like someone's already taken out £200 from a cash machine"),
    ("fraud_report", "a thief has used 60 quid on contactless"),
    # changes the customer never asked for
    ("fraud_report", "my transfer limit is now £25,000, I never asked for that"),
    ("fraud_report", "there's a payee called J Smith that we didn't add"),
    ("fraud_report", "an overdraft has appeared which I definitely didn't apply for"),
    ("fraud_report", "a new device was registered that I never authorised"),
    ("fraud", "I keep getting security codes that I didn't request"),
    ("fraud", "an OTP came through by text which I never asked for"),
    # money gone to an account the customer does not have
    ("fraud_report", "£900 has been moved to an ISA account I don't have"),
    ("fraud_report", "all my savings were transferred into an account that I never opened"),
    # a caller given what they asked for
    ("scam", "a man rang about a refund, he asked me for my card number and I gave it to him"),
    ("scam", "got a call, they asked me to read the code on my phone so I read it"),
    ("scam", "a text said my parcel was held, they asked for my card details and I sent them"),
    # a caller who asked for a password or code (weak: the NLU must agree)
    ("scam_mention", "a woman on the phone asked me to confirm my full password"),
    ("scam_mention", "the caller asked for my one-time code"),
    ("scam_mention", "someone on WhatsApp asked me for the security code from my app"),
    # an account someone set up to "protect" the money
    ("scam", "the officer opened a secure account for me so my money would be safe"),
    ("scam", "they told me to move everything into a temporary account while they investigate"),
    ("scam", "a guy from your team set up a holding account, I've sent £3k there"),
    # money passed through the account for a cut
    ("scam", "a friend of a friend pays £150 if you let money pass through your account"),
    ("scam", "can I let some funds go into my account for a mate and send it back out?"),
    ("scam", "job as a finance agent: I receive transfers and forward them, keeping 5%"),
    # a fee or tax before an investment pays out
    ("scam", "the broker now wants a release fee of £3,000 before paying my profits"),
    ("scam", "the platform says I need to deposit £800 more to withdraw my balance"),
    ("scam", "they are asking for an unlock fee to get my crypto out"),
    # a "relative" on a new number
    ("posing", "Hey mum, this is my new number, old phone is broken"),
    ("posing", "hi dad it's me on a new mobile number, can you help me with something"),
    # a step under way at someone's word
    ("scam_step", "he said to move all my savings to the new account today"),
    ("scam_step", "the lady is helping me finish transferring our money"),
    ("scam_step", "I still sent the £500 even though it felt wrong"),
    # a smishing fee; details typed into a page about a tax refund
    ("scam", "a text about my parcel, I tapped it and paid the £1.99 redelivery fee"),
    ("scam", "email link, clicked and paid a small fee to book my slot"),
    ("scam", "I typed my card details into a site about a council tax refund"),
    ("scam", "we entered our bank details on a page that turned out to be fake"),
    # someone connected to the computer
    ("scam", "the support man connected to my laptop and opened my banking"),
    ("scam", "they took over my computer for about an hour"),
    # money sent to an impostor, told as such
    ("scam", "paid the deposit to what I thought was the agent, the email address was a copy"),
    ("scam", "we transferred £9k to who we believed was our builder after his text"),
    # the payee never sent the email with the details
    ("scam", "I paid the invoice on Monday, but the supplier never sent that email"),
    ("scam", "£3,000 transfer done and now they say they didn't send the invoice"),
    # an overpaying "buyer"
    ("scam", "he paid £400 too much so I have to send back £200 to his shipping agent"),
    ("scam", "the buyer says we must return the extra to the transport company"),
    # pay by transfer before seeing it
    ("scam", "the seller wants the full amount by bank transfer before we can view the car"),
    ("scam", "landlord asked for a deposit before I could see the flat"),
    # someone known only online whom a relative sends money
    ("scam", "my grandad has a lady friend online who he's been sending money to"),
    ("scam", "mum's new boyfriend from a dating app, who she has paid for flights twice"),
    # the bare reply to a payment alert; someone else's email or number on the account
    ("fraud_report", "Wasn't me!"),
    ("fraud_report", "no, wasn't us"),
    ("fraud_report", "the mobile number on my account is not mine, I've never seen it"),
    ("fraud_report", "your app says the email address registered isn't mine"),
    ("fraud_report", "an email saying my security details were changed"),
    # paid, then the firm gone quiet
    (
        "scam",
        "we already paid the deposit, the firm's site went offline and they haven't answered since",
    ),
    ("scam", "sent £700 to the roofer, his number has gone dead"),
    # "the police" want cash to catch someone
    ("scam", "a detective rang and asked me to take out £2k cash to help them catch a gang"),
    ("scam", "the officer says I must buy gold as evidence, he's with the fraud squad"),
    # the payee name did not match and they paid anyway at someone's word (NLU must agree)
    ("scam_mention", "the account name didn't match but he said it was fine so I went ahead"),
    ("scam_mention", "it said the details were not a match, I pressed continue like she told me"),
    # someone "helping" with a refund or a virus put an app on
    ("scam", "the guy fixing the virus installed something on my laptop"),
    ("scam", "she was sorting my broadband refund and put an app on my phone"),
    # a phone taken with the banking app open
    ("fraud_report", "my mobile got pinched at the station and the banking app was unlocked"),
    ("fraud_report", "I was logged in to banking when a lad grabbed my iPhone"),
    # the card named, then "mine"
    ("fraud_report", "please cancel my debit card, mine's been skimmed at a petrol pump"),
    ("fraud_report", "my partner's card is fine but I think mine may have been cloned"),
    # the customer says they were had, with money paid
    ("scam", "paid £250 for concert tickets and I'm pretty sure I've been done"),
    ("scam", "we sent the £1,300 and I think we're being conned"),
    ("scam", "transferred the money last week, turns out the company was fake"),
    # a payee's bank "has changed", by email, with an invoice to pay
    ("scam", "the solicitors emailed that their bank has changed, I have the deposit to pay"),
    ("scam", "a text from the builder says the balance should go to their new account"),
]

NOT_THAT_KIND = [
    # travel and spending with no alibi against it
    ("fraud_report", "can I send £200 to a friend in Spain? I've never been abroad before"),
    ("fraud_report", "I've never been to a branch, can I pay £50 in at the post office?"),
    ("fraud", "I was in Paris all week, will the £30 in euros show as a fee?"),
    ("fraud", "is there a fee on £400 when I'm travelling abroad?"),
    # someone else's money coming in, or spent with permission
    ("fraud_report", "someone sent me £50 by mistake, what do I do?"),
    ("fraud_report", "my son has spent £30 on games, can I set a limit?"),
    # changes the customer made or asked about
    ("fraud_report", "how do I raise my daily limit to £5,000?"),
    ("fraud_report", "I added a new payee yesterday, when can I pay them?"),
    ("fraud_report", "a new card came that I didn't ask for, is it because mine expires?"),
    ("fraud", "I didn't get the code you sent, can you send another?"),
    ("fraud_report", "I sent £40 to an account I don't recognise by mistake, typo"),
    ("fraud_report", "I want to send £100 to my cousin in Lagos, I've never been there"),
    ("fraud_report", "can we pay £300 to a hotel in Crete? we've never stayed there"),
    ("fraud_report", "I've set up a payee but I didn't add the reference, is that ok?"),
    ("fraud_report", "there's a loan offer in the app, I didn't ask for the leaflet though"),
    # a caller who was refused
    ("scam", "someone asked me for my PIN on the phone and I refused"),
    ("scam_mention", "a man asked for my password and I hung up straight away"),
    ("scam_mention", "the app asked me to confirm my password, is that normal?"),
    ("scam", "they asked me for my card number and I said no"),
    # accounts the customer opened themselves
    ("scam", "how do I move money to my savings account?"),
    ("scam", "is my ISA a protected account under the FSCS?"),
    ("scam", "the bank opened a new account for me, how do I move money into it?"),
    # ordinary money in and out
    ("scam", "my flatmates pay their rent share into my account and I pay the landlord"),
    ("scam", "can I forward a payment confirmation to my landlord?"),
    ("scam", "is there a withdrawal fee when I take cash out abroad?"),
    ("scam", "they said there's a withdrawal fee when I use another bank's ATM"),
    ("scam", "your app says I need to pay £3 more to withdraw abroad?"),
    ("scam", "can I let money come into my account from PayPal?"),
    ("scam", "the police are investigating my stolen card, can I withdraw cash at the branch?"),
    ("scam_mention", "the name didn't match so I didn't go ahead, what now?"),
    ("scam", "the man in the phone shop put the app on my new phone"),
    ("fraud_report", "phone got nicked but it's locked with face ID, is my app safe?"),
    ("fraud_report", "the app was open on my laptop, I just took a break"),
    ("scam", "how much does it cost to release a hold on my card?"),
    # a new number that is only a new number
    ("posing", "hi mum, how do I change the number on my account to my new one?"),
    ("posing", "I've got a new number, can I update it in the app?"),
    # moving money on one's own account
    ("scam_step", "how do I move all my savings into the new ISA?"),
    ("scam", "I clicked the link in your email and paid my credit card bill"),
    ("scam", "I put my card details into the website to buy shoes"),
    ("scam", "I'm on my laptop, can I log in there?"),
    # a typo, a payment of one's own, a customer's own deposit question, money received
    ("scam", "I sent £20 to what I thought was my friend's account but got the sort code wrong"),
    ("scam", "the company never sent the invoice, can I still pay them?"),
    ("scam", "I need to refund £30 to a customer, how do I do it?"),
    ("scam", "can I pay the deposit by transfer before I view the flat?"),
    ("scam", "my new friend on facebook sent me money for the tickets"),
    ("scam", "I've been had by the weather lol, paid for a sunny holiday"),
    ("scam", "paid for it last week, I think it was a con 😂"),
    ("scam", "my salary should go to the new account I opened, is there a form?"),
    ("fraud_report", "the phone number on my account isn't mine any more, how do I change it"),
    ("fraud_report", "the email on file is not mine, it's my old work one I used to have"),
    ("fraud_report", "if it wasn't me who made it, what happens?"),
    ("fraud_report", "wasn't me who called, was it you?"),
    ("fraud_report", "can a card be cloned? how do I know if mine is safe?"),
    ("scam", "I paid £40 by transfer, they haven't answered my email yet"),
    ("scam", "I paid the plumber £90 yesterday, he hasn't replied to my thank-you text"),
    ("fraud_report", "cards can be skimmed at pumps, would mine be covered if it was?"),
    ("scam", "I emailed my builder, can the balance go to the new account I opened?"),
]


@pytest.mark.parametrize(("kind", "text"), STORIES)
def test_story_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


@pytest.mark.parametrize(("kind", "text"), NOT_THAT_KIND)
def test_near_miss_is_not_that_kind(kind: str, text: str) -> None:
    assert kind not in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


CALM = [
    # scams as a topic
    ("howto", "our WI meeting wants a speaker on spotting scams, do you do that?"),
    ("howto", "my nan keeps hearing about fraud on the radio, how can she stay safe?"),
    ("howto", "I'm doing a dissertation on romance scams, do you publish figures?"),
    ("howto", "what advice can you give about scams for my elderly neighbour?"),
    ("howto", "how can my dad tell if a call is really from you?"),
    ("howto", "what would I do if fraud ever happened on my card?"),
    # a call ended, a text binned
    ("no_harm", "someone called saying they were from you, I just hung up"),
    ("no_harm", "got a dodgy text about a fine, didn't click, deleted"),
    ("no_harm", "another fake parcel message, I binned it"),
    ("no_harm", "had a text pretending to be the council, binned it"),
    ("no_harm", "email saying my card is blocked and to log in via a link, I think it's phishing"),
    (
        "no_harm",
        "a caller said he was from your fraud team, I'll ring back on the number on my card",
    ),
    ("no_harm", "£7 for a pint in London, total rip-off lol"),
    ("no_harm", "twelve quid for popcorn, absolute robbery 😂"),
    # a past fraud put right
    ("no_harm", "we had a scam in March and you refunded us, thanks. How do I get a statement?"),
    ("no_harm", "my card was cloned last year but it was all sorted, can I order a spare?"),
    ("no_harm", "I was defrauded two years ago and since then I check my app daily"),
]

NOT_CALM = [
    # the same words with harm told
    ("howto", "I read about scams but I still sent £1,000 to a man pretending to be you"),
    ("howto", "someone has spent £200 on my card, if it happens again what do I do?"),
    ("no_harm", "didn't click anything but then £300 went out of my account"),
    ("no_harm", "I had fraud last year and it was refunded but it's happened again"),
    ("no_harm", "the scam in June still hasn't been refunded"),
    ("no_harm", "he asked for my code and I gave it, then I hung up"),
    ("no_harm", "£600 went from my account, absolute scam, I want it back"),
    ("no_harm", "I gave them the code, then rang back on the number on my card"),
    ("no_harm", "I tapped the link and entered my PIN, pretty sure it's fake now"),
]


@pytest.mark.parametrize(("kind", "text"), CALM)
def test_calm_fraud_talk_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


@pytest.mark.parametrize(("kind", "text"), NOT_CALM)
def test_harm_told_is_not_calm(kind: str, text: str) -> None:
    assert kind not in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


# ------------------------------------------------------------------ the rules


class TestRound9FraudStories:
    def test_a_sum_where_they_have_never_been_goes_to_fraud(self) -> None:
        lane, turn, _ = route("a £640 payment in Marbella and I've never been to Spain")
        assert (lane, turn) == ("fraud", 1)

    def test_an_alibi_the_nlu_backs_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "a £250 withdrawal in Derby on Monday and I was in Leeds all week",
            intent="cash_withdrawal_not_recognised",
        )
        assert (lane, turn) == ("fraud", 1)

    def test_a_limit_never_asked_for_goes_to_fraud(self) -> None:
        lane, turn, _ = route("why is my daily limit £20k? we never asked for that")
        assert (lane, turn) == ("fraud", 1)

    def test_a_caller_given_the_card_number_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "can you check my card is ok",
            "a caller about a refund asked for the long number on my card and I gave it",
        )
        assert (lane, turn) == ("fraud", 2)

    def test_a_relative_on_a_new_number_then_money_sent_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "hi mum it's me, new number, can you pay my phone bill",
            "I forwarded that from WhatsApp. I've already sent the £600, my son says it wasn't him",
        )
        assert (lane, turn) == ("fraud", 2)

    def test_a_mule_offer_goes_to_fraud(self) -> None:
        lane, _, _ = route("a lad at college says I get £250 if I let money go through my account")
        assert lane == "fraud"

    def test_an_investment_fee_goes_to_fraud(self) -> None:
        lane, _, _ = route(
            "my crypto site says I have made 60%",
            "but they want a withdrawal fee of £1,500 before I can have it",
        )
        assert lane == "fraud"

    def test_a_protected_account_then_money_moved_goes_to_fraud(self) -> None:
        lane, _, _ = route("your security man set up a protected account, I moved my ISA into it")
        assert lane == "fraud"


class TestRound9CalmFraudTalk:
    @pytest.mark.parametrize(
        "text",
        [
            "how would I report fraud if it ever happened to me?",
            "my mum keeps reading about scams, can she get a lower daily limit?",
            "I'm giving a talk on avoiding scams at church, have you got leaflets?",
            "I had fraud on my card in May and you refunded it, thanks. Is my new PIN the same?",
            "the money from the scam last year came back, can I have a letter confirming it?",
            "a caller said he was from your fraud team and asked for my PIN, I hung up",
            "fake delivery text again, didn't click, binned it",
        ],
    )
    def test_calm_fraud_talk_stays_with_the_bot(self, text: str) -> None:
        assert route(text, intent="report_fraud") == ("bot", None, None)

    def test_a_money_transfer_of_their_own_stays_with_the_bot(self) -> None:
        assert route("I sent £40 to my daughter's account, has it arrived?") == (
            "bot",
            None,
            None,
        )

    def test_a_new_number_alone_stays_with_the_bot(self) -> None:
        assert route("hi mum, new number, save it") == ("bot", None, None)


# ------------------------------------------------------------------ other languages

OTHER_LANGUAGES = [
    ("scam", "ek aadmi ne kaha woh bank se hai, maine OTP code bata diya"),
    ("scam", "usne pucha to maine code bata diya"),
    ("fraud_report", "do payment hoyian jo main nahi kitiyan"),
    ("scam", "biri aradı ve telefonuma uygulama yükletti"),
    ("scam", "adam bana uygulamayı indirtti, sonra hesabıma girdi"),
    ("scam", "طلبوا مني سحب المال وساعي سيأتي لأخذه"),
    ("fraud_report", "me robaron el móvil con la app del banco abierta"),
]

OTHER_LANGUAGES_TOPIC = [
    "comment reconnaître une arnaque par SMS ?",
    "je veux savoir pour ne pas me faire avoir par une arnaque",
]


@pytest.mark.parametrize("text", OTHER_LANGUAGES_TOPIC)
def test_other_language_scam_topic_is_a_howto(text: str) -> None:
    assert "howto" in kinds(text), analyze_text(text).cues


OTHER_LANGUAGES_CALM = [
    ("scam", "OTP code kahan milega?"),
    ("scam", "uygulamayı nasıl yüklerim?"),
    ("fraud_report", "main payment kiti si, kado aayegi?"),
    ("scam", "متى سيصل الساعي بالبطاقة الجديدة؟"),
]


@pytest.mark.parametrize(("kind", "text"), OTHER_LANGUAGES)
def test_other_language_story_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text), analyze_text(text).cues


@pytest.mark.parametrize(("kind", "text"), OTHER_LANGUAGES_CALM)
def test_other_language_calm_question_is_not_a_story(kind: str, text: str) -> None:
    assert kind not in kinds(text), analyze_text(text).cues
