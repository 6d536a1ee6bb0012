"""Issue 11, routing round 8: fraud told as a story. Customers rarely say "fraud": a caller
"from the bank's security team", a code they read out, an app they installed, a card taken
and a payment since, a payment they have an alibi for, a "buyer" with a link to receive the
money, a relative on a new number, a payee's bank details changed by email, a seller gone
after a bank transfer, a threat of arrest. Each class has phrasings written for these tests
(none copied from any routing set) and decoys that must not fire: a calm question about
scams, a friend's story, a check whether a message is genuine, a routine payment.
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from handoff.signals.text import analyze_text
from tests.test_routing_round3 import _ungated, kinds, route

# ------------------------------------------------------------------ the cues

STORIES = [
    # someone posing as the bank, the police or HMRC, and a step taken, in one message
    ("scam", "a lady from your security team called and I gave her the passcode from my text"),
    ("scam", "he said he was from Barclays fraud dept so I moved £4k to the account he gave"),
    ("scam", "guy claiming to be the police told me, I withdrew £2000 cash for evidence"),
    ("scam", "they said they were calling from the bank, we installed the app they asked for"),
    ("scam", "pretending to be HMRC, I've already paid £900 in gift card codes"),
    ("scam", "someone from the bank's fraud department rang. I approved the payment in the app"),
    # the step alone (the rule reads it beside earlier scam talk)
    ("scam_step", "I read out the 6 digit code to him"),
    ("scam_step", "we've already transferred £12,000 to the new account"),
    ("scam_step", "I stupidly downloaded the app he told me about"),
    ("scam_step", "I bought £500 of apple gift cards like he said"),
    ("scam_step", "I confirmed the notification in my banking app"),
    # posing alone
    ("posing", "your fraud team rang me this morning"),
    ("posing", "a man rang from your security department and knew my name"),
    ("posing", "texts claiming to be Monzo keep coming"),
    ("posing", "she said she was with the police"),
    ("posing", "someone from your fraud dept emailed about my card"),
    # a card, purse or phone taken, and a payment since
    ("fraud_report", "my wallet got pinched at the match and there's already a charge on it"),
    ("fraud_report", "phone was stolen last night, someone's already spent 300 quid"),
    ("fraud_report", "someone nicked my bag in the pub and they've used my card at Aldi"),
    ("fraud_report", "our cards were taken from the car, £240.99 at Currys this morning"),
    ("fraud_report", "my debit card was lost on holiday and now somebody has made purchases"),
    # a payment and the customer's alibi
    ("fraud_report", "transactions at 4am in a casino, I was fast asleep"),
    ("fraud_report", "I was in bed when these 6 payments went out"),
    ("fraud_report", "my card is still in my wallet but there are payments in Spain"),
    ("fraud_report", "two withdrawals in Leeds and my card is right here with me"),
    ("fraud_report", "I still have my card on me, so how are there charges in Dubai"),
    # a payment to a business the customer has no dealings with (weak: the NLU must agree)
    ("fraud", "a payment to Deliveroo and I don't even use Deliveroo"),
    ("fraud", "charges from Spotify, we have never had Spotify"),
    ("fraud", "there's a direct debit to PureGym and I don't use PureGym"),
    ("fraud", "purchases from Shein, I don't shop at Shein"),
    ("fraud", "transactions to Netflix but I haven't signed up to Netflix"),
    # a "buyer" with a link to receive the money
    ("scam", "the buyer on vinted sent me a link to receive the payment"),
    ("scam", "she says I have to use the website to 'claim' the money for the bike"),
    ("scam", "he wants my card details to release the funds for the couch"),
    ("scam", "someone says I need to fill in a form to collect my prize"),
    ("scam", "they sent me a link to accept the transfer for my PS5"),
    # a link clicked, then the account lost or money gone
    ("scam", "I tapped a link in a text about my parcel and now I'm locked out of my account"),
    ("scam", "clicked the link on the email and then my money was gone"),
    ("scam", "opened the attachment and since then I can't log in"),
    ("scam", "pressed the link yesterday, now someone has logged into my app"),
    ("scam", "followed a link from a whatsapp and my account was emptied"),
    # a relative on a new number, and money sent
    ("scam", "got a text from my daughter on a new number and I sent her £300"),
    ("scam", "whatsapp from 'mum' on a new number, she needed me to pay an invoice"),
    ("scam", "new number message from my son, I transferred 850 for his phone"),
    ("scam", "I paid £400 to my nephew's account and it turns out it wasn't him"),
    ("scam", "sent the money yesterday but it was not my brother at all"),
    # told to buy gift cards, or to install a remote-access app
    ("scam", "the caller told me to buy google play cards to pay the fine"),
    ("scam", "they had me buying vouchers at Tesco, then asked me to read the codes"),
    ("scam", "he got me to download AnyDesk"),
    ("scam", "I installed team viewer because he asked"),
    ("scam", "they told me to install something so he could see my screen"),
    # new bank details for someone the customer is about to pay, by email or text
    ("scam", "got an email saying their bank details have changed, I'm paying the invoice"),
    ("scam", "the letter says his account details were changed, I need to send the deposit"),
    ("scam", "she texted that her payment details have been updated, I just paid £2k"),
    ("scam", "a whatsapp saying our bank details are changing, please send the balance there"),
    ("scam", "the agency emailed me, the account details had been updated, I sent rent"),
    # paid a seller met online, then nothing
    ("scam", "paid a deposit on facebook marketplace and the seller blocked me"),
    ("scam", "sent £150 for concert tickets on instagram, they never arrived"),
    ("scam", "I transferred money for a puppy from an advert and they stopped replying"),
    ("scam", "paid by bank transfer for a car on gumtree, the seller deleted his account"),
    ("scam", "bank transfer to a seller on telegram, nothing has arrived and no sign of them"),
    # threatened with arrest unless they pay
    ("scam", "HMRC rang and said I'd be arrested unless I pay £3,000 today"),
    ("scam", "a police officer called, there's a warrant and I have to send money"),
    ("scam", "the caller said there's an arrest warrant if I don't pay the tax"),
    ("scam", "they phoned saying the court will arrest me, I paid £500"),
    ("scam", "got a call from the tax office threatening arrest, they want £1,200 now"),
    # paid by transfer, then the other side vanished or was never real
    ("scam", "transferred £1,800 to the breeder for a puppy and now her number is dead"),
    ("scam", "sent a £700 deposit for a holiday let, the website doesn't exist any more"),
    ("scam", "paid the plasterer £2k up front and he never came back"),
    ("scam", "I transferred 950 for a laptop, the box was empty and he ran off"),
    ("scam", "we paid £3,000 for the wedding venue and now the company's page has been deleted"),
    # details given on a page the customer says was not real
    ("scam", "I updated my card details on a link in an email, the address looked different"),
    ("scam", "filled in my password on a site that looked like yours, now I realise it's fake"),
    ("scam", "signed in on what I thought was the Amazon page but it wasn't"),
    ("scam", "I verified my details via a text that turned out to be phishing"),
    ("scam", "entered my card number into a form from an email pretending to be the DVLA"),
    # someone posing as the bank who asks for a code
    ("scam", "your fraud team rang and needed the 6 digit code to stop a payment"),
    ("scam", "a man saying he was from the bank wanted my card details to cancel an order"),
    ("scam", "they said they were from HSBC and asked me for the one time code"),
    ("scam", "someone from ur security team called, confirm it with the code they said"),
    ("scam", "a text claiming to be from you asked me to reply with my pin"),
    # overpayment and money passed on
    ("scam", "they sent £900 by mistake and told me to send it back to another account"),
    ("scam", "a woman paid me £500 by mistake and wants me to return it to a different bank"),
    ("scam", "a guy pays money into my account and I send it on to his mate for a cut"),
    ("scam", "they put £3k through my account and I transferred it to someone overseas"),
    ("scam", "the refund company says they refunded £2000 by mistake, I must send back £1800"),
    # fees to withdraw or unfreeze
    ("scam", "when I try to withdraw they say I need to pay a 15% commission first"),
    ("scam", "to get my money out the broker wants a tax payment first"),
    ("scam", "the platform says I must pay a deposit to unlock my account"),
    ("scam", "I have to send £600 to release my winnings"),
    ("scam", "they want me to pay to unfreeze the trading account"),
    # account takeover signs
    ("fraud_report", "the app shows a different email address and I never changed it"),
    ("fraud_report", "a letter about a loan, I didn't apply for one"),
    ("fraud_report", "my credit file shows a loan with you that I've never taken out"),
    ("fraud_report", "I haven't logged in on any new device this week"),
    ("fraud_report", "my limit went up but I never asked for the increase"),
    # gift cards for a fine, doorstep traders, "keeping it safe"
    ("scam", "the tax office said I can pay the fine with steam cards"),
    ("scam", "they only accept itunes vouchers"),
    ("scam", "two men came round and told mum her roof was unsafe, she paid £3,500"),
    ("scam", "a builder knocked on dad's door saying the wall would collapse, he paid cash"),
    ("scam", "a kind man from the council said he would keep the money safe for her"),
    # a decimal amount does not end the sentence
    ("fraud_report", "a payment of £49.99 to a shop in Manchester that I definitely didn't make"),
]

NOT_THAT_KIND = [
    # a check whether a contact is genuine, a calm question about scams
    ("scam", "someone from your fraud team rang me, was that really you?"),
    ("scam", "how would I know if a caller is really from your security team?"),
    ("scam", "your fraud team called, I didn't give them anything"),
    ("posing", "how do I call your fraud team?"),
    ("posing", "I told him I was from the bank's fraud team as a joke"),
    # a step with no scam in sight
    ("scam_step", "I haven't given anyone my code"),
    ("scam_step", "can I send money to a new account?"),
    ("scam_step", "they asked for the code but I refused"),
    ("scam", "I sent £50 to my son for his birthday"),
    ("scam", "I read the code from the text into the app and it worked"),
    # a card taken with no payment since
    ("fraud_report", "my card was stolen last week, is there a £5 fee for the new one?"),
    ("fraud_report", "phone got nicked, can I still use the app on my laptop?"),
    ("fraud_report", "I lost my wallet, will my direct debits still go out?"),
    ("fraud_report", "my purse was taken, please freeze the card"),
    ("fraud_report", "lost my card, there are payments going out for my subscriptions"),
    # no alibi
    ("fraud_report", "the payment went out while I was at work, is that normal?"),
    ("fraud_report", "I was asleep so missed your call about my transfer"),
    ("fraud", "I don't have enough money for the payment"),
    ("fraud", "payments are confusing, I've never used the app before"),
    ("fraud", "make sure everything is in order, does an overdraft I never use count?"),
    # receiving money, sending links
    ("scam", "can I send a payment link to get paid for my bike?"),
    ("scam", "how long does it take to receive money from abroad?"),
    ("scam", "can I use a QR code to receive money?"),
    # links the customer asked for
    ("scam", "I clicked the link to reset my password and now I'm locked out"),
    ("scam", "clicked the link in your email and it worked fine"),
    # a new number with no money sent
    ("scam", "my son has a new number, how do I update his payee?"),
    ("scam", "I've got a new number, can you text me there?"),
    ("scam", "it wasn't him who called, it was his brother"),
    # gift cards, screen sharing as a feature
    ("scam", "can I buy gift cards with my credit card?"),
    ("scam", "does your app support screen sharing for accessibility?"),
    ("scam", "do I need to download the app to see my statements?"),
    # bank details changed, no payment at stake; a purchase not yet in trouble
    ("scam", "my landlord's bank details have changed, how do I update it?"),
    ("scam", "I've changed my bank details with my employer"),
    ("scam", "ordered a coat on eBay, paid by card, it hasn't arrived yet"),
    ("scam", "is facebook marketplace safe to pay by bank transfer?"),
    # a purchase gone wrong that is not a scam
    ("scam", "paid £900 on my debit card for a sofa and the company has gone bust"),
    ("scam", "I sent my sister £80 and it hasn't arrived yet"),
    ("scam", "paid the builder £400, he's coming back on Monday to finish"),
    ("scam", "I paid with my credit card and the shop went into administration, section 75?"),
    ("scam", "transferred £250 to my landlord, his number is the same as before"),
    # a page, a code or a fee that is genuine
    ("scam", "I logged in on the website and updated my details, was that right?"),
    ("scam", "a text looked like it was from you so I didn't click it and logged in to the app"),
    ("scam", "your fraud team rang about my card, I didn't give them any code"),
    ("scam", "is there a fee to withdraw cash abroad first?"),
    ("scam", "can I pay to unlock my card after three wrong PINs?"),
    ("fraud_report", "I didn't change my address, I want to change it now"),
    ("fraud_report", "how do I apply for an overdraft?"),
    ("scam", "my neighbour came round and told me about your new app, I paid my bills on it"),
    ("scam", "how do I keep my money safe?"),
    ("scam", "can I pay my council tax with a gift card?"),
    # arrest without a payment or a caller
    ("scam", "can I get arrested for going overdrawn?"),
    ("scam", "my son was arrested, can I pay his bail from this account?"),
]


@pytest.mark.parametrize(("kind", "text"), STORIES)
def test_story_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


@pytest.mark.parametrize(("kind", "text"), NOT_THAT_KIND)
def test_near_miss_is_not_that_kind(kind: str, text: str) -> None:
    assert kind not in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


# ------------------------------------------------------------------ the rules


class TestFraudStories:
    def test_posing_then_a_step_goes_to_fraud_on_the_step(self) -> None:
        lane, turn, _ = route(
            "a man from your fraud department called about my account",
            "I've already moved £6,000 to the account he gave me",
        )
        assert (lane, turn) == ("fraud", 2)

    def test_posing_and_a_step_in_one_message_go_to_fraud(self) -> None:
        lane, turn, _ = route("they said they were from the bank, I read them the code")
        assert (lane, turn) == ("fraud", 1)

    def test_posing_alone_stays_with_the_bot(self) -> None:
        assert route("a text from your security team says I have a new device, is it you?") == (
            "bot",
            None,
            None,
        )

    def test_posing_that_the_nlu_reads_as_fraud_goes_to_fraud(self) -> None:
        lane, turn, _ = route("your fraud team just rang about my card", intent="compromised_card")
        assert (lane, turn) == ("fraud", 1)

    def test_a_step_with_no_scam_talk_stays_with_the_bot(self) -> None:
        assert route("I've sent £200 to my landlord, when will he get it?") == ("bot", None, None)

    def test_a_step_after_a_calm_scam_question_that_was_not_clicked_stays(self) -> None:
        assert (
            route(
                "got a text pretending to be you, I haven't clicked it",
                "anyway, I sent £30 to my sister earlier, has it gone?",
            )[0]
            != "fraud"
        )

    def test_a_card_taken_and_a_payment_since_go_to_fraud(self) -> None:
        lane, turn, _ = route("my bag was snatched in town and someone's already used my card")
        assert (lane, turn) == ("fraud", 1)

    def test_a_payment_while_asleep_goes_to_fraud(self) -> None:
        lane, turn, _ = route("4 payments to Just Eat overnight and I was asleep")
        assert (lane, turn) == ("fraud", 1)

    def test_a_relative_on_a_new_number_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "my 'daughter' messaged from a new number and I paid £700, she says it wasn't her"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_a_marketplace_link_to_receive_money_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "selling my pram, the buyer says I must click a link to receive the money"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_a_friends_scam_at_work_stays_with_the_bot(self) -> None:
        assert route(
            "a colleague at work got scammed, how do I check a payee before I send money?"
        ) == ("bot", None, None)

    def test_news_about_a_scam_stays_with_the_bot(self) -> None:
        assert route(
            "saw on the news that fake QR codes are a scam, is it safer to use the app?",
            intent="compromised_card",
        ) == ("bot", None, None)

    def test_a_hypothetical_scam_stays_with_the_bot(self) -> None:
        assert route("do banks refund you if you get scammed?", intent="report_fraud") == (
            "bot",
            None,
            None,
        )

    def test_paid_and_vanished_goes_to_fraud(self) -> None:
        lane, turn, _ = route("paid £1,200 for a van on facebook and the seller's profile is gone")
        assert (lane, turn) == ("fraud", 1)

    def test_a_firm_gone_bust_is_not_fraud(self) -> None:
        lane, _, _ = route("paid £600 on my debit card for a kitchen and the firm went bust")
        assert lane != "fraud"

    @pytest.mark.parametrize(
        "text",
        [
            "what does a safe account scam look like?",
            "is it a scam if someone asks for my sort code to pay me?",
            "what's your policy on refunds for scam victims?",
            "there's a scam going round with fake bank calls, how do I know it's really you?",
            "my grandad was scammed years ago, can I set up alerts on his account?",
            "I was a victim of fraud in 2019, is my account still flagged?",
        ],
    )
    def test_a_general_or_past_scam_question_stays_with_the_bot(self, text: str) -> None:
        assert route(text, intent="report_fraud") == ("bot", None, None)

    @pytest.mark.parametrize(
        "text",
        [
            "what does a safe account scam look like? I just moved my savings to one",
            "I was scammed years ago and now they've contacted me again about recovering it",
            "is it a scam if I already gave him my card details?",
        ],
    )
    def test_a_question_that_also_tells_harm_still_goes_to_fraud(self, text: str) -> None:
        assert route(text, intent="report_fraud")[0] == "fraud"

    def test_a_near_miss_stays_with_the_bot(self) -> None:
        assert route("I nearly got scammed, how can I turn on payment alerts?") == (
            "bot",
            None,
            None,
        )
