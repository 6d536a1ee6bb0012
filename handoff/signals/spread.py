"""Story shapes read over the customer's messages together (round 17, principle 2).

The situation shapes (:mod:`handoff.signals.situations`) and the story shapes of other
languages (:mod:`handoff.signals.stories`) read one message at a time. Customers often tell
a story in pieces, one short message each: "our phone has had no signal since yesterday",
then "and the app now says my PIN has been changed"; "I got the vouchers and texted him the
codes", then "turns out it was not really him". No message alone is the story; together they are.

Each message is read ONCE for the PARTS of such stories it tells (:func:`parts`: a bit mask,
and where each part is in the message); the conversation's analysis keeps the masks of the
latest few user messages (``WINDOW``; carried in the routing state, so a turn never reads
earlier messages again) and :func:`joined` combines them with the latest message's parts.
A shape fires on the message that brings its last part, as a cue of the kind the rules
already read (``scam``, ``fraud_report``), its evidence the latest message's part.

Shapes (each part told by the customer about their own account, as a report, not a question):

* ``fraud_report``: the phone line lost (``LINE_LOST``: "my phone stopped working", "no
  signal", "my SIM was deactivated") and the log-in taken (``CREDS_CHANGED``: "my password
  was changed", "I'm locked out of my account", "a code I didn't ask for"): a SIM swap.
* ``scam``: a step a scammer asks for, taken (``STEP``: a code read out or sent, gift cards'
  codes sent, a form filled in with the memorable word, money sent to them) and the reveal
  that it was not who it seemed or the money is gone (``REVEAL``: "it was not really her", "£640
  has gone from my account", "they've blocked me", "turns out the site was fake").
* ``deadline``: money that has not moved or come (``MONEY_STUCK``: "my transfer is still
  pending", "the cashpoint never gave me the notes") and what it costs (``STAKES``: a time
  limit, "the cut-off is 5pm", "a penalty of £80", or money for essentials, "that was our
  food money"): the consequences piling up. round 18: a payment the bank did not make ("my
  direct debit bounced", "the limit keeps blocking my payment") is money stuck too, and a due
  date passed or today ("the rent was due yesterday") or a third party about to act ("they'll
  cancel the policy", "they're closing at 5") is at stake.
* ``scam`` (round 18): meeting someone online (``MET_ONLINE``) and money sent to them
  (``STEP``): a romance told over messages.
* ``no_help`` (round 18, ``REPEATS``): a reply saying the bot's answer did not help
  (``FAILED_ANSWER``: an attempt reported tersely, the whole message, "did that too", "ok
  tried it"; a terse negative, "nope", "still nothing"; a fact refuting the answer, "I was in
  credit all month"), in two messages of the window. One such reply may answer anything
  ("nope" to "anything else?"); two say the bot keeps failing.
* ``vulnerability`` (round 19): hardship told as plain states over messages: the customer
  ill, off work or without income (``HARDSHIP``: "I'm not well and can't work", "I lost my
  job") and what rests on it, the rent at stake (``STAKES``: "I can't pay the rent") or
  children or no one else (``DEPENDANTS``: "I've got two kids", "I'm on my own with the baby").
  The masks grow to 10 bits (the carry's bound with them); their meaning is unchanged, so the
  carry keeps format 4.

Calm stays calm: a message that asks how something works or tells someone else's story (the
analysis's cues ``howto`` and ``third_party``) contributes no part, nor does a part supposed
in its sentence ("what should I do if £500 has gone?"), and a part alone never fires: "what is
a SIM swap?" then "how do I reset my password?" is two questions.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from handoff.signals.literals import Gates, _top_items, holds_one, needed, set_bits, tail
from handoff.signals.situations import _DISOWNED, _MONEY_GONE
from handoff.signals.situations import _DISOWNING as _DISOWNING_RE

__all__ = ["CALM_KINDS", "REPEATS", "WINDOW", "joined", "parts"]

# How many user messages a story may be spread over: the latest and the three before it.
WINDOW = 4

LINE_LOST = 1
CREDS_CHANGED = 2
STEP = 4
REVEAL = 8
MONEY_STUCK = 16
STAKES = 32
# round 18: a reply saying the bot's last answer did not help (an attempt reported tersely,
# "did that too", "nope"; or a fact refuting the answer, "I was in credit all month"), and
# the first part of a romance story ("I met him online")
FAILED_ANSWER = 64
MET_ONLINE = 128
# round 19: hardship told as a plain state (ill, off work, no income) and who depends on the
# customer (children, no one else): with the rent at stake, vulnerability over messages
HARDSHIP = 256
DEPENDANTS = 512
# round 20 (issue 11, principle 3): a death told as long past (the message's cue not_current
# beside a death word: "my dad died years ago, in 2015"). No shape needs it: the analysis
# reads it in a later message of the window, where a death certificate or probate with no
# death told again and no trouble now is the same past event (extract._Fold.user). The masks
# grow to 11 bits (the carry's bound with them); the meaning of the other bits is unchanged,
# so the carry keeps format 4.
PAST_DEATH = 1024
_PAST_DEATH_RE = re.compile(
    r"\b(?:died|dead|death|passed|late|deceased|funeral|probate|estate|executor|bereave\w*|"
    r"widow\w*|lost (?:him|her|them|my|our))\b"
)
_NOT_CURRENT = "not_current"
# round 21 (issue 11, principle 3): a fraud story as its shape, impostor or lure + a step the
# customer took + a loss or a discovery, in any order over the window. LURE: what drew the
# customer in (a message that looked like someone else's, a parcel or delivery fee, a caller
# "from" a utility or tech firm, a relative's number asking to borrow, a landlord or seller
# found only online, a partner never met). WEAK_STEP: a step told without its object or
# subject ("paid the fee", "typed it in", "logged in", "clicked the link"), a step only beside
# a lure. DISCOVERY: a loss or a finding weaker than REVEAL ("never heard of him", "my
# balance is £12", "a payment to some shop", "his WhatsApp was hacked"). TAKEOVER: the
# log-in changed by someone else ("someone changed my password"), fraud on its own. The
# masks grow to 16 bits here (21 with the frustration bits below, the carry's bound with
# them); the other bits keep their meaning, so the carry keeps format 4.
LURE = 2048
WEAK_STEP = 4096
DISCOVERY = 8192
TAKEOVER = 16384
# round 21: a credentials step on a lure's word, told in the lure's own clause ("an email that
# looked like yours, logged in", "got me to log into my banking"): with a lure, fraud at once
# (the log-in or code is in the impostor's hands; no loss need be told yet). round 22 (r22s):
# the same bit holds a PIN seen by the stranger and pressure to pay now (urged, threatened with
# arrest, deportation or exposure, a fee first): with a lure the money is about to leave, and
# the fraud lane wants it before it does (no new bit; the masks' meaning is unchanged).
CRED_STEP = 32768
# round 21 (r21f, issue 11): frustration summed over messages. Each short message may tell one
# mild thing: something the customer TRIED themselves ("updated it", "tried on my laptop"),
# how LONG it has gone on ("2 days", "still", "day 9", "again"), what is at STAKE for them
# ("the rent", "my appointment", "the garage", "by friday"), a SARCASTIC form (a rating, "10/10
# would do again", mock praise "very comforting"), and the FAULT itself ("does nothing",
# "something went wrong", "still in review"). Three different kinds of these over the window
# are a customer whose frustration has built, whatever each message says alone: the cue
# ``frustration_built`` (FRUSTRATION_GROUPS, FRUSTRATION_KINDS). Its bits follow the fraud
# story's above, so the masks grow to 21 bits (the carry's bound with them); the other bits
# keep their meaning, so the carry keeps format 4.
ATTEMPT = 65536
LASTING = 131072
AT_STAKE = 262144
SARCASTIC = 524288
FAULT = 1048576
# The kinds summed: a group counts once whichever of its bits the window holds (round 18's
# failed answer is an attempt told; round 17's money stuck is a fault; its stakes are stakes).
FRUSTRATION_GROUPS: tuple[int, ...] = (
    ATTEMPT | FAILED_ANSWER,
    LASTING,
    AT_STAKE | STAKES,
    SARCASTIC,
    FAULT | MONEY_STUCK,
)
FRUSTRATION_KINDS = 3  # different groups over the window
# What makes a rating or praise sarcastic in its message: a trouble told beside it (the fault,
# how long, what is at stake), not only an attempt ("I tried the new app, really smooth").
_TROUBLE = FAULT | MONEY_STUCK | LASTING | AT_STAKE | STAKES
FRUSTRATION_BUILT = "frustration_built"
# The message's own cue kind that is a sarcastic form (annoyance said plainly, "so annoyed",
# is not: it calms down as often as not, and the rules read it already).
_SARCASTIC_KINDS = frozenset({"sarcasm"})
# A message saying it works now ("tried again and it went through") tells no frustration part.
_SOLVED = re.compile(
    r"\b(?:went through|gone through|go through now|works now|working now|worked|sorted|"
    r"fixed|all good|resolved|found it|(?:it's|its|it is|that's|thats|all)\s+"
    r"(?:(?!not\b|never\b)\w+\s+)?(?:fine|ok|okay|working|good)(?!\s+(?:for|to|with|that|if)))\b"
)
_FRUSTRATION_BITS = ATTEMPT | LASTING | AT_STAKE | SARCASTIC | FAULT
# r22f: a message saying nothing hangs on it ("it's for a birthday, no rush") tells no stake.
_NO_RUSH = re.compile(
    r"\b(?:no|not a|not in a|not in any)\s+(?:rush|hurry|panic|urgency)\b|\bnot urgent\b|"
    r"\bno (?:big )?deal\b|\bwhenever\b"
)

# Cue kinds of the message itself that make it no report (a question about, someone else's).
CALM_KINDS = frozenset({"howto", "third_party"})

# (the cue kind, the parts it needs), in the order their cues are added.
SHAPES: tuple[tuple[str, int], ...] = (
    ("fraud_report", LINE_LOST | CREDS_CHANGED),
    ("scam", STEP | REVEAL),
    ("deadline", MONEY_STUCK | STAKES),
    # round 18: met online, then money sent to them (for fees, customs, his pay): romance
    ("scam", MET_ONLINE | STEP),
    # round 19: ill or out of work, then the rent at stake or children to keep
    ("vulnerability", HARDSHIP | STAKES),
    ("vulnerability", HARDSHIP | DEPENDANTS),
    # round 21: a lure, a step and a loss or a discovery, in any order; a takeover alone
    ("fraud_report", TAKEOVER),
    ("scam", LURE | STEP | DISCOVERY),
    ("scam", LURE | WEAK_STEP | DISCOVERY),
    ("scam", LURE | WEAK_STEP | REVEAL),
    ("scam", LURE | CRED_STEP),
)

# round 18: (the cue kind, the part) for a part that fires when it comes again: one reply
# saying an answer did not help may be about anything; two within the window say the bot
# keeps failing the customer.
REPEATS: tuple[tuple[str, int], ...] = (("no_help", FAILED_ANSWER),)

_GAP = r"[^.?!\n]{0,40}?"
_AMOUNT = r"(?:[£$€]\s?\d[\d,.]*k?|\d[\d,.]*k?\s?(?:pounds|quid|euros?|dollars))"
# round 22 (r22s): a quantifier before a sum sent ("about £12,000", "another £300")
_ABOUT = (
    r"(?:(?:about|around|roughly|nearly|almost|over|just over|more than|another|a further|an "
    r"extra|a total of|in total|like)\s+)?"
)
_THEM = r"(?:him|her|them|the caller|the man|the woman|the guy|the seller|it)"
_CODE = (
    r"(?:code|codes|pin|passcode|one[- ]time (?:code|passcode)|otp|security code|"
    r"verification code|card details|card number|login details|log-in details|memorable word|"
    r"password|security details)"
)

_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (
        LINE_LOST,
        re.compile(
            r"\b(?:my|our)\s+(?:phone|mobile|sim|sim card)\b" + _GAP + r"\b(?:stopped working|"
            r"stopped getting signal|went dead|has no signal|had no signal|no signal|no service|"
            r"sos only|lost (?:all\s+)?(?:signal|service)|(?:was|has been|got) (?:deactivated|"
            r"cancelled|canceled|disconnected)|(?:isn't|is not|wasn't|was not) working)"
        ),
    ),
    (
        CREDS_CHANGED,
        re.compile(
            r"\b(?:password|passcode|pin|email(?: address)?|phone number|mobile number|"
            r"security details|login details|log-in details|security questions?)\s+"
            r"(?:was|were|has been|have been|had been|got)\s+(?:changed|reset|updated)\b"
            r"(?!\s+by me)|"
            r"\b(?:i'm|i am|i've been|i have been|i got|i was|i'm now|now)\s+locked out of "
            r"(?:my|the)\s+(?:account|app|online banking|banking)|"
            r"\bcodes?\s+(?:that\s+)?i\s+(?:didn't|did not|never|didnt)\s+(?:ask|request)"
        ),
    ),
    (
        STEP,
        re.compile(
            # "I read him the code", "I gave them my card details", "I sent the codes"
            r"\bi\s+(?:then\s+|just\s+|already\s+|stupidly\s+)?(?:read|gave|told|sent|texted|"
            r"passed|typed|entered|put in)\s+(?:out\s+|in\s+)?(?:" + _THEM + r"\s+)?(?:out\s+)?"
            r"(?:the|my|a|all the|all my|those|both)\s+(?:\w+\s+)?" + _CODE + r"\b|"
            # "they said to read out a code ... and I did"
            r"\b(?:read|give|tell|send|type)\s+(?:out\s+)?(?:"
            + _THEM
            + r"\s+)?(?:a|the)\s+"
            + _CODE
            + r"\b"
            + _GAP
            + r"\b(?:and|so)\s+i\s+did\b|"
            # gift cards bought and their codes sent
            r"\b(?:sent|gave|texted|read out|passed on|sent over|sent off|photographed)\s+"
            r"(?:" + _THEM + r"\s+)?(?:the|all the|those)\s+(?:card\s+|voucher\s+|gift card\s+)?"
            r"(?:codes|numbers on the back|card numbers)\b|"
            # a form filled in with what only the customer knows
            r"\bfilled\s+(?:it|it all|everything|the form|the whole thing|all my details)\s+"
            r"in\b" + _GAP + r"\b(?:memorable word|password|pin|card details|card number|"
            r"security)|"
            # money sent on someone's word
            r"\bi(?:'ve|\s+have|'d|\s+had)?\s+(?:then\s+|just\s+|already\s+)?(?:transferred|sent|"
            r"paid|moved)\s+(?:" + _THEM + r"\s+)?" + _ABOUT + _AMOUNT + r"|"
            # round 19: money paid told without an amount ("I paid for the tickets", "I sent
            # him the deposit", "we transferred the money"), the reveal a silence after it
            r"\b(?:i|we)(?:'ve|\s+have|'d|\s+had)?\s+(?:then\s+|just\s+|already\s+)?"
            r"(?:transferred|sent|paid)\s+(?:" + _THEM + r"\s+)?(?:for\s+)?(?:the|a|an|my|our|"
            r"full|half)\s+(?:\w+\s+)?(?:money|deposit|payment|balance|amount|tickets?|item|"
            r"sofa|car|phone|bike|puppy|dog|laptop|console|ps5|rent|holiday|flat|room|order)\b"
        ),
    ),
    (
        REVEAL,
        re.compile(
            # it was not who it seemed
            r"\b(?:it|that|this)\s+(?:wasn't|was not|wasnt|isn't|is not)\s+(?:really\s+|actually\s+"
            r")?(?:him|her|them|you|from you|the bank|my (?:boss|son|daughter|mum|mom|dad|"
            r"brother|sister|friend|husband|wife|partner|manager))\b|"
            r"\b(?:he|she|they)\s+(?:never|didn't|did not|didnt)\s+(?:send|sent|message|text|"
            r"ask|asked|email|call|ring)\b|"
            # the money gone
            r"\b(?:there's|there is|there has been|there's been|there was)\s+"
            + _AMOUNT
            + r"\s+(?:gone|taken|missing|out)\b|"
            r"(?<![\w£$€])" + _AMOUNT + r"\s+(?:has\s+|have\s+|is\s+|was\s+)?(?:gone|been taken|"
            r"disappeared|missing)\b(?!\s+(?:in|into|on|through|back))|"
            r"\bpayee\s+i\s+(?:don't|do not|dont|didn't|did not)\s+(?:know|recognise|recognize)|"
            r"\b(?:account|balance)\s+(?:has been|was|is|got)\s+(?:emptied|drained|cleared out)|"
            # they vanished
            r"\b(?:he|she|they|the seller|the caller|the number|the account)(?:'ve|'s|'d|'re)?\s+"
            r"(?:has\s+|have\s+|had\s+)?(?:blocked me|disappeared|vanished|"
            r"stopped (?:answering|replying)|"
            # round 19: "he's not answering" (the per-message shape now wants the money in
            # its own message, so a silence after money sent earlier is read here)
            r"(?:isn't|is not|aren't|are not|won't|doesn't|don't|not) (?:answering|replying|"
            r"responding|answer|reply|pick up))|"
            # seen through
            r"\b(?:realised|realized|noticed|found out|turns out)\s+(?:that\s+)?(?:it|the "
            r"(?:email|text|site|website|number|address|email address|link|page|call))\s+"
            r"(?:was|is)\s+(?:fake|a scam|weird|wrong|dodgy|suspicious|not (?:you|real|genuine|"
            r"from you))"
        ),
    ),
    (
        MONEY_STUCK,
        re.compile(
            # money that has not moved or come: "my transfer is still pending", "wages not in"
            r"\b(?:payment|transfer|money|funds|refund|wages|salary|pension|deposit|cash)\b"
            r"[^.?!\n]{0,40}?(?:\bstuck\b|\bpending\b|\bprocessing\b|\bon hold\b|"
            r"\b(?:hasn't|has not|haven't|have not|hasnt|didn't|did not|never|still not|not)\s+"
            r"(?:yet\s+)?(?:arrived|arrive|gone through|go through|come through|come in|cleared|"
            r"landed|turned up|gone out|been paid|in\b)|"
            # r23g: money not showing where it was sent ("the money I moved isn't showing")
            r"\b(?:isn't|is not|isnt|aren't|are not|not|still not|never)\s+(?:showing|"
            r"showing up|shown up|appearing|there|reflected)\b)|"
            # a machine that kept the money: "the cashpoint never gave me the notes"
            r"\b(?:machine|atm|cash machine|cashpoint)\b[^.?!\n]{0,40}?\b(?:didn't|did not|"
            r"never|wouldn't|would not|won't)\s+(?:give|gave|dispense|dispensed|pay|paid)|"
            # round 18: a payment the bank did not make: "my direct debit bounced", "the
            # standing order was returned", "the limit keeps blocking my payment"
            r"\b(?:direct debit|standing order|payment|transfer|rent|mortgage payment)\b"
            r"[^.?!\n]{0,40}?\b(?:bounced|was returned|got returned|was rejected|got rejected|"
            # round 19: the state after "get" or "been" too ("did it get returned")
            r"gets? returned|gets? rejected|gets? bounced|gets? declined|been returned|"
            r"been rejected|been bounced|"
            r"(?:has |was )?failed|was declined|got declined|was refused|got refused)\b|"
            r"\b(?:keeps?|kept)\s+(?:blocking|declining|rejecting|refusing|stopping)\s+(?:my|the|"
            r"our)\s+(?:\w+\s+)?(?:payment|transfer)"
        ),
    ),
    (
        STAKES,
        re.compile(
            # a time limit on the money: "the cut-off is 5pm", "due by Friday", "penalty of £80"
            r"\b(?:deadline|cut-?off)\s+(?:is|was|'s|of)\s+(?:today|tonight|midnight|tomorrow|"
            r"noon|this|at\b|in\b|\d)|"
            r"\b(?:due|needs? to (?:be there|land|arrive|clear)|has to (?:be there|land|arrive|"
            r"clear))\s+(?:by|today|tonight|tomorrow|before|this)\b|"
            # r23g: a due payment leaving at a time ("the mortgage goes out at midnight")
            r"\b(?:mortgage|rent|direct debit|loan|car finance|bills?|payments?|insurance)\s+"
            r"(?:\w+\s+)?(?:goes|go|comes|come|leaves|is taken|gets taken)\s+(?:out\s+)?"
            r"(?:at|by|tonight|today|tomorrow|first thing|on)\b|"
            r"\b(?:penalty|late fee|late payment fee|late charge|fine)\s+(?:is|will be|of|would "
            r"be|'s)\s+[£$€\d]|"
            # money for essentials: "that was the kids' dinner money", "money for the rent"
            r"\b(?:my|our|the kids'?|the children's|the)\s+(?:food|grocery|groceries|shopping|"
            r"rent|bills?|dinner|lunch|electric|gas|nappy|medicine)\s+money\b|"
            r"\bmoney\s+for\s+(?:food|groceries|the rent|my rent|rent|bills|the bills|nappies|"
            r"medicine|my medication|the week)\b|"
            r"\b(?:can't|cannot|can not|won't be able to)\s+(?:eat|buy food|feed|pay (?:my|the) "
            r"rent|get home|get to work|drive to work|go to work)\b|"
            # round 21: the bills out of reach: "I can't keep on top of the bills", "we're
            # behind on the rent", "can't afford the gas"
            r"\b(?:can't|cannot|can not|cant|couldn't|unable to|struggling to|not able to)\s+"
            r"(?:keep (?:on top of|up with)|pay|afford|manage|cover|meet)\s+(?:the\s+|my\s+|our\s+"
            r"|all the\s+|all my\s+)?(?:bills|rent|mortgage|council tax|energy|gas|electric|"
            r"electricity|food|nursery|childcare)\b|"
            r"\bbehind\s+(?:on|with)\s+(?:the\s+|my\s+|our\s+|all the\s+)?(?:bills|rent|"
            r"mortgage|council tax|payments)\b|"
            # round 18: a due date passed or today: "rent was due yesterday", "it's overdue"
            r"\b(?:rent|bill|invoice|payment|it|mortgage|fee|deposit)\s+(?:was|is|'s|were|are)\s+"
            r"(?:already\s+)?(?:due\s+(?:yesterday|today|this morning|last\s+\w+|on\s+\w+day)|"
            r"overdue|late now)\b|"
            # a third party about to act on it: "they'll cancel the policy", "the landlord is
            # going to evict us", "they're closing at 5", "they'll sell it to someone else"
            r"\b(?:they|he|she|landlord|insurer|lender|seller|dealer|dealership|agent|"
            r"company|supplier)(?:'ll|'re| will| are| is|'s)?\s+(?:going to\s+|gonna\s+|about to\s+"
            r")?(?:cancel|evict|repossess|cut (?:me |us )?off|terminate|take me to court|"
            r"sell it to someone else|give it to someone else|closing at|close at)\b|"
            # round 19: a knock-on charge, any payee charging it: "now the council are charging
            # me a fee", "the gym's fined us £20" (not the bank's own fee: a complaint)
            r"(?<!you )(?<!you've )(?<!you have )(?<!bank )(?<!bank's )(?<!banks )"
            r"(?<!')\b(?:(?:they|he|she|it)|(?!(?:you|u|youre|i|we|bank|banks|ya)\b)\w+)"
            r"(?:'re|'s|'ve|"
            r"\s+are|"
            r"\s+is|\s+have|\s+has)?\s+(?:now\s+|also\s+|just\s+|gone and\s+)?(?:charging|"
            r"charged|fining|fined|billing|billed|hitting|hit|whacking|slapping)\s+(?:me|us)\s+"
            r"(?:with\s+)?(?:(?:a|an|another|their|extra|[£$€]\s?\d[\d,.]*)\s+(?:\w+\s+){0,2}"
            r"(?:fee|fine|charge|penalty)\b|[£$€]\s?\d)|"
            # round 20: the charge by any verb, the fee anywhere in its object: "the council
            # have sent a reminder with a fee", "the landlord's added a £50 late charge", "the
            # gym slapped an admin fee on". Not the bank's own, nor one supposed ("if they").
            r"(?<!you )(?<!you've )(?<!you have )(?<!bank )(?<!bank's )(?<!banks )(?<!if )"
            r"(?<!')\b(?:(?:they|he|she|it)|(?!(?:you|u|youre|i|we|bank|banks|ya|if)\b)\w+)"
            r"(?:'re|'s|'ve|\s+are|\s+is|\s+have|\s+has)?\s+(?:now\s+|also\s+|just\s+|then\s+|"
            r"gone and\s+)?(?:sent|added|put|slapped|stuck|whacked|issued|applied|imposed|levied|"
            r"tacked|landed|posted|emailed|written|wrote|given|demanded|demanding|asked for|"
            r"asking for|added on)\s+(?:me|us)?\s*(?:\w+\s+){0,5}?(?:(?:a|an|another|their|"
            r"extra|late|admin|[£$€]\s?\d[\d,.]*)\s+)(?:\w+\s+){0,2}?(?:fee|fine|charge|"
            r"penalty|surcharge)s?\b"
        ),
    ),
    (
        FAILED_ANSWER,
        re.compile(
            # an attempt reported tersely, the whole message: "I did that", "did that too",
            # "ok tried that", "done that already", "tried both"
            r"^\W*(?:(?:ok|okay|yes|yeah|yep|yh|already|i|i've|i have|i already|i've already|"
            r"i have already|i already have)[\s,]+)*(?:did|done|tried|have tried|have done)\s+"
            r"(?:that|this|it|both|them|those|all that|all of that|all of them|everything)"
            r"(?:[\s,]+(?:too|already|as well|again|twice|both|ages ago|before|mate|lol))*"
            r"\W*$|"
            # a terse negative, the whole message: "nope", "still no", "didn't work"
            r"^\W*(?:nope|nah|still no|still nope|no still|still nothing|no change|"
            r"same thing|same again|same error|same problem|(?:it\s+)?(?:didn't|did not|doesn't|"
            r"does not|still doesn't|still didn't|won't) work|not working|still not working)"
            r"(?:[\s,]+(?:again|either|still))*\W*$|"
            # a fact refuting the answer: "I didn't go overdrawn", "I was in credit all month"
            r"\bi\s+(?:didn't|did not|didnt|never|haven't|have not|wasn't|was not)\s+(?:go\s+|"
            r"gone\s+|went\s+|been\s+)?overdrawn\b|"
            r"\b(?:i was|i've been|i have been|i'm|i am|it was|account was)\s+(?:\S+\s+)?in "
            r"credit\b|"
            r"\bthere\s+(?:was|is|were)\s+(?:enough\s+|plenty of\s+|the\s+)?money\s+"
            r"(?:there|in it|in the account|in my account)\b|"
            # round 19: the customer had the money in, any quantifier: "I had money in", "we'd
            # got plenty of funds in the account", "I've had enough in"
            r"\b(?:i|we)(?:'d|'ve|\s+had|\s+have|\s+did)?\s+(?:had|have|got|have got|had got)?\s*"
            r"(?:got\s+)?(?:enough|plenty|loads|more than enough|(?:enough|plenty of|loads of|the|"
            r"some)\s+(?:money|funds|cash)|money|funds|cash)\s+(?:in|in there|in it|there|in the "
            r"account|in my account|in the bank)\s*(?:[.!?,]|$|\b(?:though|tho|already|all "
            r"along|at the time|then)\b)|"
            # r22f: an amount in, any currency or word for it, the subject dropped or not: "got
            # £200 in there", "I had 300 quid in", "there was €80 in my account"
            r"(?:^|[.!,;]\s*|\b(?:i|we)(?:'d|'ve)?\s+|\bthere(?:'s|\s+was|\s+is|\s+were)\s+)"
            r"(?:(?:had|have|got|has)\s+)?(?:got\s+)?(?:over\s+|at least\s+|more than\s+)?"
            r"(?:[£$€]\s?\d[\d,.]*k?|\d[\d,.]*k?\s*(?:quid|pounds|euros|dollars|grand))\s+"
            r"(?:sat\s+|sitting\s+)?(?:in|in there|in it|there|in the account|in my account|in "
            r"the bank)\s*(?:[.!?,]|$|\b(?:though|tho|already|all along|at the time|then)\b)"
        ),
    ),
    (
        MET_ONLINE,
        re.compile(
            # "I met a man online", "we met on a dating app", "someone I met on Facebook"
            r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:met|started talking to|got talking to|matched with|"
            r"been talking to|started talking|got talking)\s+(?:to\s+)?(?:each other\s+)?"
            r"(?:(?:a|this)\s+(?:man|woman|guy|lady|girl|"
            r"soldier)\s+|someone\s+|somebody\s+|him\s+|her\s+)?(?:online|on (?:a |an )?"
            r"(?:dating|facebook|instagram|tinder|hinge|bumble|whatsapp|tiktok|snapchat|the "
            r"internet|app|site|game))|"
            r"\b(?:boyfriend|girlfriend|partner|man|woman|guy|lady)\s+i\s+(?:met|know)\s+"
            r"(?:only\s+)?online\b"
        ),
    ),
)

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri)"
_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|couple of|"
    r"a couple of|many|so many)"
)
# A told report, not a question in its sentence (as _TOLD below).
_REPORTED = r"(?![^.!\n]*\?)"
# r22f: a lone evaluative word or mock thanks, the whole message ("marvellous", "oh great",
# "so helpful", "cheers for that"): sarcastic only after trouble told earlier in the window
# (joined), never alone, never a plain thanks ("brilliant, thanks", "perfect thank you").
# r23g: giving up in words ("whatever, pointless asking", "forget it, I give up", "what's
# the point"): a sarcastic-resigned form, kept without trouble in its own message (as a lone
# praise) but counted only after trouble earlier (_grounded). Not "whatever's easiest".
_GIVE_UP = (
    r"(?:(?:^|[.,!;]\s*)whatever\s*(?:[,.!]|$)|\b(?:pointless|no point|what's the point|"
    r"whats the point)\s*(?:asking|trying|talking|even asking|in asking|in trying|"
    r"[,.!?]|$)|\b(?:it's|its|this is|totally|utterly|completely)\s+pointless\b|"
    r"(?<!n't )(?<!not )\bforget it\b|\b(?:i|i'll|i will|just)\s+give up\b|\bi give up\b|"
    r"\bwhy do i (?:even )?bother\b|\bwaste of (?:my )?(?:time|breath)\b)"
)
# r23g: mock pity for the bank, after a fee ("you lot must be struggling"), kept as _GIVE_UP
_PITY = (
    r"(?:\b(?:you|you lot|you guys|you people|the bank|banks?)\s+(?:must|must really)\s+be"
    r"\s+(?:really\s+|so\s+)?(?:struggling|skint|desperate|hard up|broke|short)\b|"
    r"\btimes must be (?:hard|tough)\b)"
)
_EXASPERATED = (
    r"^\W*(?:oh\s+|just\s+|so\s+)?(?:honestly|seriously|unbelievable|ridiculous|incredible|"
    r"come on|for god's sake|for gods sake|ffs|typical|jesus|christ|really|are you serious|"
    r"you're joking|youre joking|you are joking|what a joke|joke)\W*$"
)
_GIVE_UP_RE = re.compile(_PITY + "|" + _EXASPERATED)
_LONE_LEAD = r"(?:oh|wow|well|just|yeah|yes|right|ok|okay|so|how|really|absolutely|truly|simply)"
_LONE_PRAISE = (
    r"^\W*(?:" + _LONE_LEAD + r"[\s,]+)*(?:marvellous|marvelous|amazing|superb|incredible|"
    r"outstanding|genius|splendid|terrific|fabulous|impressive|classic|typical|love it|"
    r"love that|love this|(?:so|very|really|how|super|ever so|most) (?:helpful|useful|"
    r"reassuring|comforting|efficient|professional)|cheers for that|cheers for nothing|"
    r"thanks a lot|thanks a bunch|thanks for nothing|thanks for that)"
    r"(?:[\s,]+(?:then|lol|haha|lmao|ffs|mate|guys|again|as ever|as always|as usual|really|"
    r"service|stuff))*\W*$|"
    # a plain praise word, sincere as often as not alone: only with its mocking lead
    r"^\W*(?:" + _LONE_LEAD + r"[\s,]+)+(?:great|brilliant|lovely|excellent|fantastic|"
    r"wonderful|perfect|nice one|well done|good job|great job|great work|great service)"
    r"(?:[\s,]+(?:then|lol|haha|lmao|ffs|mate|guys|again|as ever|as always|as usual|really|"
    r"service|stuff))*\W*$"
)
_LONE_RE = re.compile(_LONE_PRAISE)

_PATTERNS += (
    (
        ATTEMPT,
        re.compile(
            # something the customer did to fix it: any self-help verb, any device or way
            r"(?:\b(?:i|we)?(?:'ve|\s+have|\s+had|'d)?\s*(?:already\s+|also\s+|even\s+|just\s+)?"
            r"(?:tried|updated|reinstalled|re-installed|restarted|rebooted|re-downloaded|"
            r"redownloaded|deleted and|uninstalled|cleared|reset|logged out|signed out|"
            r"switched|turned (?:it|the phone|my phone) off|done that|did that)\b|"
            r"\b(?:on|with|from|using)\s+(?:my\s+|a\s+|an\s+|the\s+|another\s+|other\s+|"
            r"different\s+|a different\s+|my other\s+|the other\s+)?(?:laptop|computer|pc|"
            r"desktop|tablet|ipad|phone|mobile|browser|wifi|wi-fi|data|app|website|site)\s+"
            r"(?:too|as well|also|instead)\b|"
            # r22f: another channel tried: any contact verb, or being on the phone or in branch
            r"\b(?:i|we)(?:'ve|\s+have|\s+had|'d)?\s+(?:already\s+|also\s+|even\s+|just\s+)?"
            r"(?:called|rang|rung|phoned|emailed|e-mailed|messaged|chased|complained|"
            r"contacted|visited|went (?:in)?to (?:the|a|my|your) branch|been (?:in)?to (?:the|a|"
            r"my|your) branch)\b|"
            r"\b(?:been|was|sat|stuck|spent|minutes?|mins?|hours?|hrs?|ages|forever|day|"
            r"morning|afternoon)\s+(?:\w+\s+){0,2}?on the (?:phone|line)\b(?!\s+app)|"
            r"\bon the phone (?:to|with) (?:you|your|the bank|them|someone|customer)\b|"
            # r23g: a promise made to the customer is an earlier contact ("I was told someone
            # would call me back", "they promised to ring"); giving up on asking (_GIVE_UP)
            r"\b(?:i was|i've been|we were|was) (?:told|promised|assured)\s+(?:that\s+)?(?:someone|"
            r"somebody|they|you|he|she|it)\b|\b(?:they|you|he|she) promised\b|" + _GIVE_UP + r"|"
            # r23g: places or ways tried, counted ("3 shops now", "two cash machines so far",
            # "tried four cards", "the third shop"): any count, the class of places and means
            r"\b(?:[2-9]|1\d|two|three|four|five|six|several|a few|multiple|third|fourth|"
            r"fifth|3rd|4th|5th)\s+(?:different\s+)?(?:shops?|stores?|places|tills|"
            r"checkouts|machines|cash ?machines|cashpoints|atms|branches|petrol stations|"
            r"garages|supermarkets|restaurants|websites|sites|terminals|cards|attempts|tries|"
            r"goes)\b(?=[^.?!\n]{0,3}\b(?:now|already|so far|in a row|today|this "
            r"(?:morning|week)|and (?:still|same|nothing|it)|same)\b)|"
            r"\b(?:tried|been to|went to|visited|used|at)\s+(?:[2-9]|two|three|four|five|six|"
            r"several|a few|multiple)\s+(?:different\s+)?(?:shops|stores|places|tills|"
            r"machines|cash ?machines|cashpoints|atms|branches|supermarkets|websites|sites|"
            r"terminals|cards)\b)" + _REPORTED
        ),
    ),
    (
        LASTING,
        re.compile(
            # how long it has gone on, or that it goes on: any count of any time unit
            r"(?:\b" + _NUMBER + r"\s+(?:whole\s+|full\s+|working\s+|business\s+)?"
            r"(?:days?|weeks?|hours?|hrs?|months?)\b(?!\s+(?:ago|from now|notice))|"
            r"\b(?:day|week)\s+\d+\b|\bfor (?:days|weeks|hours|ages|months|a week|a month)\b|"
            r"\bevery (?:time|single time|day|"
            + _NUMBER
            + r"\s+(?:minutes?|mins?|hours?|days?))\b|"
            r"\ball (?:day|week|morning|afternoon|night)\b|"
            r"\bsince (?:yesterday|last \w+|this morning|" + _DAY + r"|the \d+\w*)\b|"
            # r23g: how long told as dates: a past step on a date ("sent it on the 2nd",
            # "paid back on 3 March"), and the date it is now ("it's the 1st now", "it's
            # already Friday", "now it's the 14th of the next month")
            r"\b(?:sent|paid|ordered|applied|transferred|requested|reported|claimed|"
            r"returned|refunded|cancelled|posted|raised|submitted|moved|made)\s+(?:\w+\s+)?"
            r"(?:on|back on)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b|"
            r"\b(?:it's|its|it is|today is|now it's|now its)\s+(?:now\s+|already\s+)?"
            r"(?:the\s+\d{1,2}(?:st|nd|rd|th)|" + _DAY + r"\w*)\b(?:\s+of\s+(?:the\s+)?"
            r"(?:next|following|new)\s+month)?[\s,]*(?:now|already|today)\b|"
            r"\b(?:it's|its|it is)\s+(?:now|already)\s+(?:the\s+\d{1,2}(?:st|nd|rd|th)|"
            + _DAY
            + r"\w*)\b|\b(?:next|following|new) month (?:now|already)\b|"
            r"\bstill\b|\b(?:\w+ed|down|out|wrong|broken|off)\s+again\b|"
            r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time\b|"
            # the same thing once more: another apology, error, delay, fee, day of it
            r"\b(?:yet\s+)?another\s+(?:['\"‘“]|error|apology|excuse|delay|decline|"
            r"rejection|fee|charge|day|week|month|hour|email|letter|text|call|form|"
            r"automated|generic|useless)|"
            # r22f: time spent waiting, any number of minutes; on hold; a count of times tried
            r"(?<!\bin )\b(?:[1-9]\d+|twenty|thirty|forty|fifty|sixty|ninety)\s+(?:whole\s+)?"
            r"(?:minutes?|mins?)\b(?!\s+(?:ago|from now))|\bon hold\b|"
            r"\b(?:tried|called|rang|phoned|asked|chased|emailed|messaged|contacted|explained|"
            r"applied|happened|been through (?:this|it|that))\s+(?:\w+\s+){0,3}?(?:twice|three "
            r"times|four times|\d+ times|(?:a few|a couple of|several|many|so many|multiple|"
            r"loads of|countless) times)\b|"
            r"^\W*(?:that's\s+|thats\s+|it's\s+|now\s+|and\s+)?(?:twice|three times|four times|"
            r"\d+ times|again|x\d)\W*(?:now|already|today|lol)?\W*$)" + _REPORTED
        ),
    ),
    (
        AT_STAKE,
        re.compile(
            # what rests on it for the customer: the whole class of due payments and
            # appointments, or a day it is needed by
            r"(?:\b(?:rent|mortgage payment|bills?|landlord|deposit|appointment|flight|"
            r"interview|visa|garage|mechanic|nursery|tuition|school fees|council tax|payday|"
            r"deadline|holiday|train ticket|completion|exchange of contracts|moving day|"
            r"house move|house purchase)\b|"
            r"\b(?:by|before|until)\s+(?:" + _DAY + r"\w*|tomorrow|tonight|"
            r"the weekend|end of (?:the )?(?:day|week|month))\b|"
            r"\b(?:is|are|it's|its|was)\s+(?:due|tomorrow|today|tonight)\b|"
            r"\bneed (?:it|this|the money|the cash|them|that)\s+(?:by|for|today|tomorrow)\b|"
            # r22f: a consequence for the customer's life, told as a state: cover lost, food,
            # fuel and getting about, work, children, an occasion, fees, stuck at a till
            r"\b(?:not|no longer|isn't|wasn't|aren't)\s+(?:\w+\s+)?(?:covered|insured)\b|"
            r"\buninsured\b|"
            r"\b(?:policy|cover|insurance)\s+(?:\w+\s+)?(?:cancelled|lapsed|void)\b|"
            r"\b(?:not|can't|cannot|couldn't|won't) (?:\w+ )?(?:eat|feed|buy food|get food|"
            r"afford)\b|"
            r"\b(?:food shop|food shopping|groceries|nothing to eat|no food|food for|"
            r"feed (?:my|the|our) (?:kids|children|family|baby)|nappies|baby formula|baby milk|"
            r"electric meter|gas meter|top up the meter|no heating|the heating)\b|"
            r"\b(?:petrol|diesel|fuel|bus fare|train fare|taxi|get to work|get home|get to "
            r"the hospital)\b|"
            r"\b(?:for|to|at|from|off|miss|late for|lose my|losing my)\s+(?:work|my job|my "
            r"shift|the job)\b|\b(?:i|we)\s+(?:drive|commute|travel)\s+(?:for|to)\s+work\b|"
            r"\b(?:my|the|our)\s+(?:kids|children|son's|daughter's|baby|kid's)\b|"
            r"\b(?:christmas|xmas|birthday|wedding|funeral|anniversary)\b|"
            r"\bpaying (?:for the privilege|for this|for that|fees|interest)\b|"
            r"\b(?:late|overdraft|overdrawn|unpaid|returned|bounce|bounced)\s+"
            r"(?:payment\s+|item\s+)?(?:fees?|charges?|penalty|penalties|interest)\b|"
            r"\b(?:gone|go|going|went|put me|pushed me)\s+(?:\w+\s+)?(?:overdrawn|"
            r"into (?:my |the |an )?overdraft)\b|"
            r"\b(?:stood|standing|stuck|sat|sitting|waiting|left)\s+(?:\w+\s+){0,2}?(?:at|in)\s+"
            r"(?:the|a)\s+(?:counter|till|tills|checkout|pump|kiosk|queue|restaurant|shop|"
            r"station)\b|"
            r"\b(?:embarrass\w*|humiliat\w*|stranded|mortified|queue behind me)\b|"
            # r23g: a due payment leaving at a time ("the mortgage goes out at midnight"),
            # the cash on the customer beside a full basket ("£6 in cash", "a full trolley"),
            # a day a sale or a move hangs on ("we exchange on Thursday")
            r"\b(?:mortgage|rent|direct debit|loan|car finance|insurance|phone bill|bills?|"
            r"payments?)\s+(?:\w+\s+)?(?:goes out|go out|comes out|come out|leaves|is taken|"
            r"gets taken|due)\b|"
            r"\b(?:at|by|before|until)\s+(?:midnight|noon|\d{1,2}(?::\d\d)?\s?(?:am|pm))\b|"
            r"[£$€]\s?\d{1,2}(?:\.\d\d)?\s+(?:in cash|cash|on me|in my (?:purse|wallet|"
            r"pocket))\b|\b(?:full|whole|loaded)\s+(?:trolley|basket|cart|shop|shopping)\b|"
            r"\b(?:we|i|we're|i'm)\s+(?:exchange|exchanging|complete|completing|move|moving|"
            r"fly|flying)\s+(?:on\s+|this\s+|next\s+)?(?:" + _DAY + r"\w*|tomorrow|today|"
            r"tonight)\b)" + _REPORTED
        ),
    ),
    (
        SARCASTIC,
        re.compile(
            # a rating or a recommendation, and mock praise of the service
            r"(?:\b(?:10|ten|0|zero|1|one|5|five)\s*/\s*(?:10|ten|5|five)\b|"
            r"\b(?:\d|one|two|three|four|five|zero)\s+stars?\b|\bwould (?:highly\s+)?"
            r"recommend\b|\bwould\s+(?:\w+\s+){1,6}?again\b|"
            r"\b(?:very|so|soo+|really|how|super|truly|ever so|most|such)\s+(?:comforting|"
            r"reassuring|generous|helpful|useful|normal|professional|efficient|convenient|kind|"
            r"thoughtful|caring|impressive|quick|fast|smooth|reliable|modern)\b|"
            r"[.,!]\s*(?:generous|lovely|brilliant|fantastic|impressive|classic|"
            r"great stuff|nice one|love it|love that|amazing)\s*[.!]*\s*$|"
            r"\bthanks for (?:nothing|that|the help)\s*[.!]*\s*$|"
            # r22f: mock delight at what was done ("love how it went out twice"), and a lone
            # evaluative word or thanks, the whole message (kept only after trouble: _LONE)
            r"\blove (?:how|the way)\b|\breally helps\b|(?:"
            + _LONE_PRAISE
            # r23g: mock pity for the bank ("you lot must be struggling", "times must be
            # hard"), and giving up in words (_GIVE_UP: counted only after trouble)
            + r")|"
            + _PITY
            + r"|"
            # r23g: a lone exasperated word, the whole message ("honestly", "seriously?",
            # "unbelievable"): kept as a lone praise, counted only after trouble (_grounded)
            + _EXASPERATED
            + r")"
        ),
    ),
    (
        FAULT,
        re.compile(
            # the thing that fails: does nothing, an error, not come, no answer, under review
            r"(?:\b(?:doesn't|does not|doesnt|won't|will not|wont|isn't|is not|isnt|can't|cannot|"
            r"didn't|did not|not)\s+(?:\w+\s+)?(?:work|working|load|loading|open|opening|"
            r"arrived|come through|here|showing|show up|go through|gone through|download)\b|"
            r"\b(?:does|did|do)\s+nothing\b|\bnothing (?:happens|happened|loads)\b|"
            r"\bkeeps?\s+(?:saying|crashing|failing|freezing|declining|logging|kicking|"
            r"rejecting|showing|telling)\b|\bsomething went wrong\b|\berror\b|"
            r"\b(?:crashes|crashed|crashing|frozen|froze)\b|\blocked out\b|"
            r"\b(?:logs|logged|kicks|kicked|throws|threw|locks|locked)\s+(?:me|us)\s+out\b|"
            r"\b(?:still\s+)?(?:pending|processing)\b|"
            r"\b(?:was|got|been|is being|keeps being|keep getting|keeps getting)\s+(?:declined|"
            r"rejected|refused|blocked|bounced)\b|\bfailed\b|"
            r"\b(?:haven't|have not|havent|not|never)\s+(?:heard|had)\s+(?:anything|back|a "
            r"reply|an answer|a response)\b|\bin review\b|\bunder review\b|"
            r"\bcharged me\b|"
            # r23g: what the machine or app says is wrong ("card not supported", "invalid"),
            # a fee charged with its amount ("the £25 fee", "a fee of £8"), a sending
            # claimed by the other side ("they said they sent it", "they say it's been paid")
            r"\b(?:not|isn't|is not)\s+(?:supported|recognised|recognized|valid|allowed|"
            r"accepted)\b|\b(?:invalid|unsupported)\b|"
            r"[£$€]\s?\d[\d,.]*\s+(?:fee|charge|penalty)\b|\b(?:fee|charge)\s+of\s+[£$€]\s?\d|"
            r"\b(?:they|he|she|the shop|the company|the seller|the retailer)\s+(?:said|says|say|"
            r"told me|claim|claims|claimed|insist|insists)\s+(?:that\s+)?(?:they|he|she|it)"
            r"(?:'ve|'d|'s| have| had| has| was)?\s+(?:already\s+)?(?:sent|paid|refunded|"
            r"transferred|processed|been sent|been paid|been refunded)\b|"
            # r22f: any failure verb or participle after its thing ("card declined", "payment
            # bounced"), not the customer's own choice ("I declined"); taken more than once
            r"(?<!\bi )(?<!\bwe )\b(?:declined|declining|bounced|rejected|refused|failing|"
            r"reversed|not accepted|not authorised|not authorized)\b|"
            r"\b(?:hasn't|has not|hasnt|haven't|have not|wasn't|was not|weren't|never|still not)"
            r"\s+(?:\w+\s+)?(?:gone through|went through|go through|arrived|cleared|landed|"
            r"been paid|been sent|come through|come in|gone out)\b|"
            r"\b(?:went|gone|go|come|came|taken|took|charged|debited|paid|billed|deducted|"
            r"withdrawn|collected)\s+(?:out\s+)?(?:\w+\s+){0,2}?(?:twice|two times|three times|"
            r"double)\b|\bdouble[- ]?(?:charged|debited|billed|paid|taken|payment)\b|"
            r"\b(?:blocked|froze|frozen|stopped|cancelled|canceled)\s+(?:my|our|the)\s+(?:own\s+)?"
            r"(?:\w+\s+)?(?:payment|card|transfer|account|direct debit|standing order|purchase|"
            r"transaction)s?\b|"
            # r23g: a fault as a contradiction: a status says done, and it is not ("says
            # completed but the balance is the same", "app says sent, they haven't got it")
            r"\b(?:says|said|shows|showed|showing|states|marked|marked as|status is)\s+"
            r"(?:\w+\s+){0,2}?(?:completed?|sent|paid|delivered|successful|done|processed|"
            r"approved|received|cleared|gone through|went through)\b[^.?!\n]{0,60}?\b(?:but|"
            r"yet|however|though|they (?:haven't|have not|havent|never|didn't|did not)|"
            r"(?:hasn't|has not|hasnt|haven't|have not|havent|not|never|nothing|no sign)\b)|"
            r"\b(?:balance|account|money)\s+(?:is|'s|looks|still shows|shows)\s+(?:still\s+|"
            r"exactly\s+)?(?:the same|unchanged)\b|"
            r"\bbalance\s+(?:hasn't|has not|hasnt|hasn't even|never)\s+(?:changed|moved|"
            r"updated|gone (?:up|down))\b|"
            # r23g: a broken promise: a call or reply promised and not made ("said they'd
            # call back, nobody did", "promised to ring, never rang")
            r"\b(?:nobody|no one|no-one|noone)\s+(?:ever\s+)?(?:did(?!\s+\w)|called|rang|phoned|"
            r"got back|came back|emailed|replied|bothered)\b|"
            r"\bnever (?:called|rang|phoned|got back|came back|emailed|replied|heard back)\b|"
            r"\b(?:said|promised|told me)\s+(?:they|you|he|she|someone|somebody)(?:'d|'ll| would|"
            r" will)\s+(?:\w+\s+){0,2}?(?:call|ring|phone|email|text|get back|come back)"
            r"[^.?!\n]{0,40}?\b(?:but|didn't|did not|never|still|nothing|no call|yet)\b)"
            + _REPORTED
        ),
    ),
)

# A state told, not asked beside a question in its sentence ("I'm off sick, can I change my
# address?", "I've got two kids, can I open a junior account?"): no "?" before the sentence ends.
_TOLD = r"(?![^.!\n]*\?)"
_PATTERNS += (
    (
        HARDSHIP,
        re.compile(
            # ill or out of work, as a state: "I'm not well", "I've been signed off", "can't
            # work at the moment", "I lost my job" (not "sick of this", "can't work out how")
            r"(?:\b(?:i'm|i am|im|i've been|i have been|i was|i've|i have|i got|been|got)\s+"
            r"(?:really\s+|very\s+|quite\s+|so\s+|still\s+|now\s+|just\s+)?(?:ill|unwell|"
            r"poorly|sick|not well|not been well|signed off|off work|off sick|made redundant|"
            r"laid off|let go|sacked|in hospital)\b(?!\s+(?:of|and tired|with you|with this))|"
            r"\b(?:can't|cannot|can not|cant|unable to|not able to|couldn't)\s+(?:go to\s+|"
            r"get to\s+"
            r"|go into\s+)?work\b(?!\s+(?:out|this|that|it|the|my|your|how|on|with))|"
            r"\b(?:lost|losing|lose)\s+(?:my|our)\s+(?:job|jobs|income|work|hours|wages)\b|"
            r"\b(?:no|zero)\s+(?:income|wages|money coming in)\b|\bout of work\b|"
            # round 21: distress as a state: "I'm really struggling", "I can't cope", "I cry
            # all the time" (not "struggling to log in", "can't cope with this app")
            r"\b(?:i'm|i am|im|i've been|i have been|been)\s+(?:really\s+|so\s+|very\s+|"
            r"just\s+|honestly\s+|genuinely\s+|properly\s+|seriously\s+)?(?:"
            r"struggling|not coping|barely coping|at breaking point|at the end of my tether|"
            r"falling apart|drowning|in a bad way|in a dark place)\b"
            r"(?!\s+(?:to\b|with (?:the|your|this|my|that) (?:app|website|site|login|log in|"
            r"form|card reader|password|page|update)))|"
            r"\b(?:can't|cannot|cant|can not|couldn't)\s+cope\b(?!\s+with (?:this|the|your) "
            r"(?:app|site|website|queue|hold music|bot|chat))|"
            r"\b(?:i|i've been|i'm|i am|i keep)\s+(?:just\s+)?(?:cry|crying|cried)\s+"
            r"(?:all the time|every day|every night|myself to sleep|constantly|all day|all night|"
            r"a lot|most days)\b)" + _TOLD
        ),
    ),
    (
        DEPENDANTS,
        re.compile(
            # children or no one else: "I've got two kids", "I have a baby", "single mum",
            # "on my own with the kids"
            r"(?:\b(?:i've got|i have|i've|ive got|we've got|we have|i got|i'm on my own with|"
            r"i am on my own with|on my own with)\s+(?:\w+\s+)?(?:kids|children|little ones|"
            r"a baby|the baby|babies|a newborn|a toddler|dependants|dependents|a family to feed|"
            r"mouths to feed)\b|"
            r"\b(?:i'm|i am|im)\s+(?:a\s+)?single\s+(?:mum|mom|dad|parent|mother|father)\b|"
            # round 21: a new baby told as the time since: "since the baby", "since having
            # our daughter"
            r"\bsince\s+(?:the|my|our|having the|having a|having my|having our)\s+(?:new\s+)?"
            r"(?:baby|babies|twins|little one|newborn)\b)" + _TOLD
        ),
    ),
)

# round 21 (principle 3): word classes of the fraud story's parts, each slot a whole class.
_REL = (
    r"(?:son|daughter|brother|sister|mum|mom|mam|dad|mother|father|husband|wife|partner|"
    r"friend|mate|nephew|niece|cousin|aunt|auntie|uncle|grandson|granddaughter|nan|gran|"
    r"grandma|grandad|grandpa|boss|kid|child|stepson|stepdaughter|boyfriend|girlfriend)"
)
_FIRM = (
    r"(?:bt|virgin(?: media)?|sky|talktalk|plusnet|ee|o2|vodafone|three|openreach|microsoft|"
    r"apple|amazon|google|paypal|netflix|hmrc|dvla|royal mail|the post office|evri|hermes|dpd|"
    r"dhl|the council|the police|"
    # round 22 (r22s): officials (the Home Office, immigration, customs, the courts)
    r"(?:the\s+)?home office|immigration(?: office| services| department| enforcement)?|"
    r"border force|ukvi|uk visas(?: and immigration)?|(?:hm\s+)?customs|the courts?|"
    r"the tax office|dwp|the embassy|the consulate|"
    r"the bank|your bank|my bank|you|your (?:fraud|security) "
    r"(?:team|department)|the (?:fraud|security) (?:team|department)|(?:my |the |our )?"
    r"(?:broadband|internet|phone|mobile|energy|electric|gas|water|tv) (?:provider|company|"
    r"supplier|firm)|broadband|internet provider|(?:tech|technical|it) support)"
)
_CHANNEL = (
    r"(?:e-?mails?|texts?|txts?|sms|messages?|msgs?|whatsapps?|calls?|phone calls?|letters?|"
    r"links?|sites?|websites?|pages?|dms?|voicemails?)"
)
# who took the step: the customer (told or left out: "paid the fee", "and typed it in"), or
# the customer as the one made to ("got me to log in")
_BY_ME = (
    r"(?:\b(?:i|we)(?:'ve|'d|\s+have|\s+had)?\s+|(?:^|[,;:.!?]|\band\b|\bthen\b|\bso\b)\s*|"
    r"\b(?:got|made|had|asked|told|talked|convinced|persuaded)\s+me\s+(?:to\s+|into\s+)?)"
    r"(?:then\s+|just\s+|already\s+|stupidly\s+|foolishly\s+|also\s+|even\s+)?"
)
_SMALL_AMOUNT = r"[£$€]\s?\d{1,2}(?:\.\d{1,2})?(?![\d,.]*\d)"
_PATTERNS += (
    (
        LURE,
        re.compile(
            # a message or site that looked like someone else's: "an email that looked exactly
            # like yours", "a text which seemed legit", "a fake text from 'the bank'"
            r"\b" + _CHANNEL + r"\s+(?:that\s+|which\s+)?(?:\w+\s+)?(?:looked|looks|seemed|"
            r"seems|appeared|sounded)\s+(?:exactly\s+|just\s+|totally\s+|completely\s+|"
            r"really\s+|so\s+|very\s+|100%\s+)?(?:like\b|legit|genuine|real\b|official|"
            r"identical|authentic)|"
            r"\b(?:fake|phishing|spoof(?:ed)?|dodgy|scam|cloned|copycat)\s+(?:\w+\s+)?"
            + _CHANNEL
            + r"\b|"
            # a parcel or delivery fee: "a missed parcel", "the redelivery", "a customs charge"
            r"\b(?:missed|undelivered|held|failed)\s+(?:a\s+)?(?:parcel|package|delivery)\b|"
            r"\bre-?delivery\b|"
            r"\b(?:parcel|package|delivery|postage|customs|shipping|courier)\s+(?:fee|charge|"
            r"payment|cost)s?\b|"
            # a caller "from" a firm: "someone from 'BT' called", "a man saying he was from
            # Microsoft", "they said I was owed compensation"
            r"\b(?:someone|somebody|a (?:man|woman|guy|lady|bloke|girl|chap)|a caller|a call|"
            r"a phone call|an engineer|he|she|they)\s+(?:\w+\s+){0,3}?(?:from|claiming to be"
            r"(?: from)?|saying (?:that\s+)?(?:he|she|they)(?:'s|'re|\s+(?:was|were|is|are)) from|"
            r"said (?:he|she|they) "
            r"(?:was|were) from|pretending to be(?: from)?|posing as|supposedly from|apparently "
            r"from)\s+['\"]?" + _FIRM + r"\b|"
            r"\b(?:said|told me|says|saying)\s+(?:that\s+)?(?:i|we)\s+(?:was|were|am|are|'m|"
            r"'re)\s+(?:owed|due|entitled to)\s+(?:a\s+|some\s+)?(?:compensation|refund|"
            r"rebate|payout|money back)|"
            # a relative's number or account asking for money: "a WhatsApp from my brother's
            # number asking to borrow", "my son messaged from a new number asking for cash"
            r"\b(?:" + _CHANNEL + r"|messaged|texted|whatsapped)\s+(?:\w+\s+){0,2}?from\s+(?:my\s+"
            r")?(?:\w+\s+)?" + _REL + r"(?:'s)?\b[^.?!\n]{0,60}?\b(?:asking|asked|needing|"
            r"needed|needs|wanting|wanted|begging)\b|"
            r"\b" + _REL + r"(?:'s)?\s+(?:\w+\s+){0,2}?(?:messaged|texted|whatsapped|dm'd)\s+"
            r"(?:me\s+)?from\s+(?:a|his|her|their)\s+(?:new|different|another)\s+(?:number|"
            r"phone)|"
            # a landlord or seller found only online: "a landlord I found online", "a puppy
            # advertised on Facebook", "the flat was on Gumtree"
            r"\b(?:landlord|seller|agent|letting agent|flat|room|house|property|place|car|van|"
            r"puppy|kitten|dog|tickets?|caravan|holiday let|ad|advert|listing|post)\s+(?:that\s+"
            r"|which\s+|who\s+|was\s+)?(?:i\s+|we\s+)?(?:found|saw|spotted|seen|advertised|"
            r"listed|posted|on)\s+(?:it\s+|him\s+|her\s+)?(?:online|on\s+(?:facebook|fb|"
            r"marketplace|gumtree|spareroom|rightmove|zoopla|instagram|insta|tiktok|twitter|an "
            r"app|a website|a site|a group|craigslist|ebay|the internet|social media|whatsapp))|"
            r"\b(?:found|saw|spotted|seen)\s+(?:it|him|her|them|(?:the|a|an|this|that)\s+"
            r"(?:\w+\s+)?\w+)\s+(?:online|on\s+(?:facebook|fb|marketplace|gumtree|spareroom|"
            r"instagram|insta|tiktok|an app|a website|a site|a group|craigslist|ebay|social "
            r"media))|"
            # round 22 (r22s): lures by what drew the customer in, each slot a class. A job or
            # tasks offered over an app or for easy pay
            r"\b(?:job|jobs|tasks?|work from home|work-from-home|remote work|side hustle|"
            r"part[- ]time (?:job|work|role))\b[^.?!\n]{0,40}?\b(?:on|via|through|over|from|in)\s+"
            r"(?:a\s+|an\s+)?(?:whatsapp|telegram|instagram|insta|facebook|fb|tiktok|linkedin|"
            r"text|message|app|social media|group)\b|"
            r"\b(?:offered|offering|offer of|got|given|found)\s+(?:me\s+)?(?:a\s+|an\s+|some\s+)?"
            r"(?:job|work|tasks?)\s+(?:\w+\s+){0,3}?(?:liking|rating|reviewing|reviews|likes|"
            r"clicking|boosting|from home|online)\b|"
            r"\b(?:earn|make|making|earning)\s+(?:[£$€]\s?\d[\d,.]*k?|money|cash|commission)\s+"
            r"(?:a day|per day|daily|an hour|per task|a task|from home|for (?:liking|rating|"
            r"reviewing|doing tasks))\b|"
            r"\btask[- ](?:job|scheme|platform|work|based)\b|"
            # a firm offering to get lost money back, a claims or recovery firm
            r"\b(?:offer(?:ed|ing|s)?|promis(?:ed|ing|es)|said (?:they|he|she) (?:could|can|would)|"
            r"claim(?:ed|ing|s)? (?:they|he|she) (?:could|can))\s+(?:to\s+)?(?:recover|get back|"
            r"reclaim|retrieve|claw back|trace)\b|"
            r"\b(?:recovery|claims?|reclaim)\s+(?:firm|company|agency|agent|service|team|"
            r"specialists?|experts?|lawyers?|solicitors?)\b|"
            # a loan offered by a stranger (the fee first is the pressure, CRED_STEP)
            r"\bloan\s+(?:offer|approval|broker|company|firm|lender)\b|"
            r"\b(?:offered|approved for|pre-approved for|guaranteed|offering)\s+(?:me\s+|us\s+)?"
            r"(?:a\s+|an\s+)?(?:\w+\s+)?loan\b|"
            # a contact met on a dating app or site
            r"\b(?:on|from|through|via|off)\s+(?:a\s+|an\s+|the\s+)?(?:dating (?:app|site|"
            r"website)|tinder|hinge|bumble|grindr|plenty of fish|match\.com)\b|"
            # a QR code on a sign, a meter, a poster
            r"\bqr\s*codes?\b[^.?!\n]{0,40}?\b(?:on|at|in|stuck on|from)\s+(?:a|the|this|that)\s+"
            r"(?:\w+\s+)?(?:sign|poster|meter|car park|machine|pay station|lamp ?post|sticker|"
            r"wall|bus stop|post|board|table|window)\b|"
            r"\bscann?(?:ed|ing)?\s+(?:a|the|this|that|their)\s+(?:\w+\s+)?qr\b|"
            # a stranger at a cash machine
            r"\b(?:someone|somebody|a (?:man|woman|guy|lady|bloke|stranger|person|lad|chap|"
            r"girl|boy)|a couple of (?:men|lads|guys|people)|two (?:men|lads|guys|people)|a "
            r"stranger)\s+(?:\w+\s+){0,3}?(?:at|by|near|behind|next to|beside)\s+(?:the|a|an)\s+"
            r"(?:cash ?machine|cashpoint|atm|hole in the wall)\b|"
            r"\b(?:cash ?machine|cashpoint|atm)\b[^.?!\n]{0,60}?\b(?:offered to help|offering to "
            r"help|offered (?:me\s+)?(?:some\s+)?help|came over|stood behind|standing behind|"
            r"distracted me)\b|"
            # a payee whose name does not match (Confirmation of Payee)
            r"\b(?:name|payee|account name|names|details)\s+(?:doesn't|does not|didn't|did not|"
            r"don't|do not|doesnt|didnt|isn't|wasn't|won't)\s+match\b|"
            r"\b(?:no match|not a match|close match|partial match|name mismatch|payee mismatch)\b|"
            # a relative's or friend's account writing: "messages from my cousin's Facebook"
            r"\bfrom\s+(?:my\s+)?(?:\w+\s+)?" + _REL + r"'s\s+(?:\w+\s+)?(?:facebook|fb|"
            r"instagram|insta|whatsapp|account|profile|snapchat|messenger|tiktok|email)\b|"
            # a partner never met: "we've never met", "I haven't met him in person"
            r"\b(?:we've|we have|we|i've|i have|i)\s+(?:still\s+)?(?:never|not|haven't|have "
            r"not|not yet)\s+(?:actually\s+|even\s+|yet\s+)?met\b(?!\s+(?:the|a|your|my|any))"
        ),
    ),
    (
        WEAK_STEP,
        re.compile(
            # money: "paid the redelivery", "and sent it", "I lent him the money"
            _BY_ME + r"(?:paid|sent|transferred|lent|gave|pay|send|transfer|lend|give)\s+"
            r"(?:him|her|them|it|that|the|a|an|my|our|over|across|off)\b|"
            # round 22 (r22s): a sum paid, any quantifier ("paid £150", "sent about 2k"), and
            # payment told with no object ("scanned it and paid", "paid. now ...")
            + _BY_ME
            + r"(?:paid|sent|transferred|lent|gave|moved)\s+"
            + _ABOUT
            + _AMOUNT
            + r"|"
            + _BY_ME
            + r"(?:paid|sent|transferred|paid up|paid out)(?=\s*(?:$|[.,;!]|\band\b|\bthen\b|"
            r"\bbut\b|\bonline\b|\bvia\b|\bthrough\b|\bwith\b|\bby card\b))|"
            # a code or details: "typed it in", "gave them the code", "read out the pin"
            + _BY_ME
            + r"(?:typed|entered|put|gave|read|sent|shared|forwarded|told|type|enter|put|give|"
            r"read|send|share|tell)\s+(?:(?:him|her|them|it|that|those)\s+)?(?:out\s+|in\s+)?"
            r"(?:it|them|that|those|the|my|a|all)\b|"
            # logging in, a link, an app, remote access: "logged in", "got me to log into my
            # banking", "clicked the link", "installed AnyDesk", "approved it in the app"
            + _BY_ME
            + r"(?:logged|log|logging|signed|sign)\s+(?:in|into|on|onto)\b|"
            + _BY_ME
            + r"(?:clicked|tapped|pressed|followed|opened|click|tap|follow|open)\s+(?:on\s+)?"
            r"(?:the|a|that|their|it|this)\b|"
            + _BY_ME
            + r"(?:installed|downloaded|install|download)\s+(?:an?\s+|the\s+|their\s+|some\s+)?"
            r"(?:app|anydesk|teamviewer|quicksupport|software|program|remote)|"
            + _BY_ME
            + r"(?:approved|confirmed|authorised|authorized|accepted|verified|approve|confirm|"
            r"authorise|authorize|accept|verify)\s+(?:it|the|a|that|them)\b|"
            r"\b(?:let|gave)\s+(?:him|her|them)\s+(?:into|onto|access to|on|see|control of)\s+"
            r"(?:my\s+)?(?:computer|laptop|pc|phone|screen|account|banking)"
        ),
    ),
    (
        DISCOVERY,
        re.compile(
            r"(?:"
            # the other party unknown: "had never heard of him", "the landlord doesn't exist"
            r"\bnever heard of (?:him|her|them|it|the|this|that)\b|"
            r"\b(?:nobody|no one|no-one)\s+(?:there\s+)?(?:knew|knows|had heard of|has heard "
            r"of)\s+(?:him|her|them|the)\b|"
            r"\b(?:he|she|they|the landlord|the seller|the company|the agent|the flat|the "
            r"property|the address)\s+(?:doesn't|does not|didn't|did not)\s+(?:exist|own)\b|"
            # the balance near nothing: "now my balance is £12", "only £8 left"
            r"\b(?:balance|account)\s+(?:is|'s|was|shows|says|reads|showing|now)\s+(?:now\s+|"
            r"only\s+|just\s+|down to\s+|showing\s+|at\s+)*(?:" + _SMALL_AMOUNT + r"|zero|empty|"
            r"nearly empty|almost empty|next to nothing|practically nothing)|"
            r"\b(?:only|just)\s+" + _SMALL_AMOUNT + r"\s+left\b|"
            r"\bnothing left in (?:my|the|our) account\b|"
            r"\b(?:account|balance|savings)\s+(?:has been\s+|was\s+|is\s+|got\s+)?(?:wiped|"
            r"emptied|drained|cleaned out|cleared out)\b|"
            # money moved on and out: "moved from savings to current and out"
            r"\b(?:moved|transferred|taken|gone|went)\b[^.?!\n]{0,50}?\band\s+(?:then\s+)?"
            r"(?:out|gone|away)\b|"
            # a payment to a stranger: "a £640 payment to some shop"
            r"\b(?:payments?|charges?|transactions?|transfers?)\s+(?:of\s+[£$€]?\s?[\d,.]+k?\s+)?"
            r"(?:to|at|from|with)\s+(?:some|a random|random|an unknown|unknown|a shop i|a "
            r"company i|a place i|somewhere i|someone i|a name i)\b|"
            # the relative's account hijacked: "his WhatsApp was hacked"
            r"\b(?:his|her|their|" + _REL + r"'s)\s+(?:whatsapp|phone|account|facebook|instagram|"
            r"insta|email|number|messenger|snapchat|profile)\s+(?:(?:was|has been|had been|got|"
            r"'s been|is|'d been)\s+)?(?:hacked|cloned|compromised|taken over|stolen|spoofed)\b|"
            r"\b(?:he|she|they)\s+(?:got|has been|have been|was|were|'s been|'d been)\s+hacked\b|"
            # the lure seen for what it was: "the advert has gone", "the link was fake"
            r"\b(?:ad|advert|listing|site|website|page|profile|number|email|text|link|message)\s+"
            r"(?:has\s+|had\s+|was\s+|is\s+|'s\s+)?(?:been\s+)?(?:gone|disappeared|vanished|"
            r"deleted|taken down|removed|fake|a scam|a fake|not real|not genuine)\b|"
            r"\b(?:it|that|this|they|he|she)\s+(?:was|were|is|are|'s|'re)\s+(?:all\s+)?(?:a\s+)?"
            r"(?:scam|scammers?|fraudsters?|fake|con)\b"
            r")" + _TOLD
        ),
    ),
    (
        # round 22 (r22s): more discoveries, each alternative told (not asked) on its own, so
        # the literal prefilter skips each alone (a second entry of the part: read when the
        # first finds none)
        DISCOVERY,
        re.compile(
            # round 22 (r22s): asked for more after paying: "now they want £300 more", "they're
            # asking for another fee", "he needs a further payment"
            r"\b(?:they|he|she|it|the (?:\w+\s+)?(?:firm|company|lender|agent|platform|site|app|"
            r"caller|seller|man|woman|guy))(?:'re|'s|\s+are|\s+is)?\s+(?:now\s+|still\s+|also\s+|"
            r"then\s+|just\s+|keep\s+|keeps\s+|kept\s+)?(?:want|wants|wanted|wanting|asking|asked|"
            r"ask|demanding|demanded|demand|need|needs|needed|say i need|said i need|"
            r"saying i need|charging)\s+(?:me\s+)?"
            r"(?:for\s+|to pay\s+|to send\s+)?(?:another|more|a further|an extra|one more|yet "
            r"another|(?:[£$€]\s?\d[\d,.]*k?|\d[\d,.]*k?\s?(?:pounds|quid))\s+more)\b"
            + _TOLD
            + r"|"
            # the money cannot be got out: "I can't withdraw my earnings"
            r"\b(?:can't|cannot|can not|cant|unable to|not able to|won't let me|wont let me|"
            r"doesn't let me|couldn't)\s+(?:withdraw|cash out|take out)\s+(?:my|the|any)\s+"
            r"(?:\w+\s+)?(?:money|funds|profits?|earnings|commission|balance|investment|crypto|"
            r"bitcoin|winnings)\b" + _TOLD + r"|"
            # the body named was not it: "it wasn't the council", "HMRC don't use texts"
            r"\b(?:it|that|this|they|he|she)\s+(?:wasn't|was not|wasnt|isn't|is not|weren't|were "
            r"not|aren't|are not)\s+(?:really\s+|actually\s+|even\s+)?(?:from\s+)?(?:the\s+)?"
            r"(?:council|home office|hmrc|police|post office|royal mail|courier|government|dvla|"
            r"immigration|customs|dwp|tax office|embassy|real (?:company|firm|council|lender)|"
            r"genuine|legit)\b" + _TOLD + r"|"
            r"\b(?:they|the (?:\w+\s+)?(?:council|police|company|firm|lender|courier|bank|"
            r"government|post office|office)|hmrc|dvla|dwp|councils|banks)\s+(?:don't|doesn't|do "
            r"not|does not|dont|doesnt|never|would never|wouldn't|won't)\s+(?:ever\s+)?(?:use|"
            r"send|ask|take|accept|call|ring|text|email|charge|do (?:that|this|it))\b"
            + _TOLD
            + r"|"
            # the firm or number not theirs or not real
            r"\b(?:the\s+)?(?:firm|company|business|agency|lender|employer|recruiter|shop|store|"
            r"platform)\s+(?:doesn't|does not|didn't|did not|doesnt)\s+"
            r"(?:even\s+|actually\s+|really\s+)?exist\b" + _TOLD + r"|"
            r"\b(?:the\s+)?(?:firm|company|business|agency|lender|employer|recruiter|platform)\s+"
            r"(?:isn't|is not|wasn't|was not|isnt|wasnt)\s+(?:real|registered|genuine|legit)\b"
            + _TOLD
            + r"|"
            r"\b(?:the\s+|that\s+)?(?:number|account|email|profile|phone number|website|site)\s+"
            r"(?:isn't|is not|wasn't|was not|isnt|wasnt)\s+(?:even\s+)?(?:theirs|his|hers|"
            r"(?:the|their|his|her) (?:real|genuine|official)\b|\w+'s\b)" + _TOLD
        ),
    ),
    (
        CRED_STEP,
        re.compile(
            # round 22 (r22s): the PIN or card details seen or taken by the stranger: "I think
            # he saw my PIN", "she must have watched me put my pin in"
            r"\b(?:he|she|they|someone|somebody|the (?:man|woman|guy|lady|stranger|bloke))\s+"
            r"(?:must have\s+|must've\s+|might have\s+|may have\s+|could have\s+|had\s+)?"
            r"(?:saw|seen|watched|clocked|spotted|noted|memorised|memorized|copied|filmed|"
            r"looked at)\s+(?:me\s+(?:typing|entering|putting in|put in|tap(?:ping)? in)\s+)?"
            r"(?:my|the)\s+(?:pin|pin number|code|passcode|card details|card number)\b|"
            # round 22 (r22s): pressure to pay now beside a lure, the money about to leave:
            # urged ("he says just send it now", "told me to pay today"), threatened ("my visa
            # will be cancelled", "unless I pay", "I'll be arrested"), or a fee first
            r"\b(?:said|says|saying|told me|telling me|tells me|keeps? (?:saying|telling me)|"
            r"insist(?:s|ed|ing)?|wants? me|wanted me|pressur\w* me|rushing me|hurrying me|"
            r"demand(?:s|ed|ing)?|urg(?:ed|es|ing) me)\b[^.?!\n]{0,50}?\b(?:send|pay|transfer|"
            r"move)\b[^.?!\n]{0,30}?\b(?:now|right now|immediately|straight away|right away|"
            r"urgently|asap|today|tonight|quickly|at once|within (?:the hour|\w+ (?:hours?|"
            r"minutes?|mins?)))\b|"
            r"\b(?:just|quickly)\s+(?:send|pay|transfer)\s+(?:it|the money|them|him|her|the rest)?"
            r"\s*(?:now|right now|immediately|straight away|right away)\b|"
            r"\bunless\s+(?:i|we)\s+(?:pay|send|transfer|give)\b|"
            r"\b(?:i'll|i will|i'd|i would|we'll|we will|i'm going to|i am going to|i could|"
            r"i'd)\s+(?:be\s+|get\s+)(?:arrested|deported|detained|prosecuted|jailed|"
            r"sent to prison|taken to court|removed from the country)\b|"
            r"\b(?:threaten(?:ed|ing|s)?|going to|will|'ll|would)\s+(?:to\s+)?(?:have me\s+|get "
            r"me\s+)?(?:arrest|deport|prosecute|jail|detain)\w*\s+(?:me|us|my)\b|"
            r"\b(?:my|our)\s+(?:visa|residence permit|leave to remain|status|right to work|"
            r"settled status|passport)\s+(?:will|would|is going to|was going to|'ll|could)\s+"
            r"(?:be\s+|get\s+)(?:cancelled|canceled|revoked|withdrawn|suspended|taken away)\b|"
            r"\b(?:warrant for|warrant out for)\s+(?:my|our)\s+arrest\b|"
            r"\b(?:send|share|post|leak|show|publish)\s+(?:them|the|those|it|my)\s+(?:\w+\s+)?"
            r"(?:to|with)\s+(?:my|all my|everyone|the whole)\s+(?:\w+\s+)?(?:family|friends|"
            r"contacts|followers|boss|work|wife|husband|partner|parents|colleagues|everyone)\b|"
            r"\b(?:they|he|she|it|the (?:\w+\s+)?(?:firm|company|lender|agent|broker|caller))"
            r"(?:'re|'s|\s+are|\s+is)?\s+(?:now\s+|also\s+|then\s+)?(?:want|wants|wanted|asking|"
            r"asked|ask|need|needs|needed|demand\w*|charg\w*|said i (?:had|have|need) to pay|say i "
            r"(?:have|need) to pay)\b[^.?!\n]{0,40}?\b(?:upfront|up front|up-front|in advance|"
            r"first|beforehand)\b|"
            # at the impostor's direction: "got me to log into my banking", "had me install
            # AnyDesk", "talked me into reading out the code"
            r"\b(?:got|made|had|talked|convinced|persuaded|walked)\s+me\s+(?:to\s+|into\s+|"
            r"through\s+)?(?:log(?:ging)?\s+(?:in|into|on|onto)|sign(?:ing)?\s+(?:in|into|on)|"
            r"install|download|giv(?:e|ing)|read(?:ing)?\s+out|typ(?:e|ing)|enter(?:ing)?|"
            r"shar(?:e|ing)|approv(?:e|ing)|confirm(?:ing)?)\b|"
            # in the lure's clause: "an email ..., logged in", "a text with a link, I entered
            # my card details" (not the customer's own app: "logged into my app to check")
            r"\b" + _CHANNEL + r"\b[^.?!\n]{0,80}?\b(?:logged|signed)\s+(?:in|on|into|onto)\b"
            r"(?!\s+(?:to\s+|on\s+|into\s+)?(?:the|your|my)\s+(?:own\s+|real\s+|actual\s+|"
            r"official\s+|proper\s+)?(?:app|banking app)\b)|"
            r"\b" + _CHANNEL + r"\b[^.?!\n]{0,80}?\b(?:entered|typed|put in|filled in|gave|read "
            r"out)\s+(?:in\s+)?(?:my|the|all my|them|him|her)\s+(?:\w+\s+)?(?:card details|card "
            r"number|code|pin|password|passcode|login|log-in|details|security details|"
            r"memorable word)\b"
        ),
    ),
    (
        TAKEOVER,
        re.compile(
            r"(?:"
            # someone else changed the log-in: "someone changed my app password"
            r"\b(?:someone|somebody|some(?:one|body) else|a stranger|a hacker|hackers|a scammer|"
            r"scammers|the scammers?|the fraudsters?|a fraudster)\s+(?:has\s+|have\s+|had\s+|'s\s+"
            r"|must have\s+|must've\s+)?(?:just\s+|now\s+)?(?:changed|reset|updated|switched|"
            r"altered)\s+(?:my|our|the)\s+(?:\w+\s+){0,2}?(?:password|passcode|pin|e-?mail|"
            r"email address|phone number|mobile number|number|login|log-in|log in|security "
            r"details|security questions?|details|contact details|address)\b|"
            # changed, not by the customer: "my email was changed and I didn't do it"
            r"\b(?:password|passcode|pin|e-?mail(?: address)?|phone number|mobile number|login "
            r"details|security details|contact details)\s+(?:was|were|has been|have been|had "
            r"been|got|'s been)\s+(?:changed|reset|updated|switched)\b[^.?!\n]{0,30}?(?:\bnot "
            r"by me\b|\bby someone\b|\bwithout my\b|\b(?:but|and|which|that) (?:i|we) (?:didn't|"
            r"did not|never|haven't|have not)\b|\band it wasn't me\b)|"
            # the account taken over: "my account has been taken over"
            r"\b(?:my|our)\s+(?:account|app|online banking|banking)\s+(?:has been|was|got|'s been"
            r"|is being|have been)\s+(?:taken over|hijacked)\b"
            r")" + _TOLD
        ),
    ),
)

# round 23 (r23s, principles 2 and 5): fraud by ROLE, not by a list of lures. A COUNTERPARTY
# (the LURE bit) is anyone who contacted the customer or whom the customer found, over any
# channel (call, text, app, site, social, advert, platform, marketplace, email): counterparty
# + a step taken for them + a discovery or a loss over the window is a scam (SHAPES). A code,
# credentials, remote access or the account itself given to a counterparty is CRED_STEP (the
# fraud team wants it before money moves); payee details changed by message before a payment
# is both (scam risk at once). Each slot a class: any determiner or none, contractions.
_DET = r"(?:(?:a|an|the|this|that|some|one|their|his|her)\s+)?"
_PLATFORM = (
    r"(?:facebook|fb|instagram|insta|tiktok|twitter|telegram|whatsapp|snapchat|signal|wechat|"
    r"marketplace|gumtree|ebay|vinted|depop|linkedin|reddit|discord|youtube|messenger|"
    r"viber|kik|tinder|hinge|bumble|grindr|x\.com|social media|(?:an?\s+)?online (?:group|"
    r"forum|chat)|(?:a|an|the)\s+(?:app|website|site|forum|group chat))"
)
_PARTY = (
    r"(?:someone|somebody|a stranger|(?:a|an|this|some|one)\s+(?:\w+\s+)?(?:man|woman|guy|"
    r"lady|bloke|girl|chap|person|company|firm|broker|trader|adviser|advisor|account manager|"
    r"agent|recruiter|investor|mentor|coach|seller|reseller|dealer|caller|number)|he|she|they)"
)
_CODE_WIDE = (
    r"(?:(?:\w+\s+){0,2}?(?:(?<!sort )(?:code|codes)|pin|passcode|otp|password|passwords|"
    r"memorable word|"
    r"card details|card number|login|log-in|login details|log-in details|security details|"
    r"security number|secret number|bank details|details|credentials|one[- ]time \w+))"
)
_PATTERNS += (
    (
        LURE,
        re.compile(
            # contacted by anyone, any channel: "a man messaged me on Telegram", "a broker
            # called me", "someone added me on Facebook", "this trader reached out"
            r"\b" + _PARTY + r"\s+(?:\w+\s+){0,2}?(?:called|rang|phoned|texted|messaged|"
            r"emailed|e-mailed|dm'd|dmed|dm-ed|whatsapped|contacted|added|approached|followed|"
            r"reached out to|got in touch with|got in contact with|cold[- ]called)\s+(?:me|us)\b|"
            # found or met on any platform, any article or none: "on a Twitter reseller", "a
            # seller on Facebook", "an investment on Telegram", "a platform from Instagram"
            r"\b(?:on|via|through|from|off|over|in)\s+" + _DET + _PLATFORM + r"(?:'s)?\s+"
            r"(?:\w+\s+)?(?:reseller|seller|ad|advert|page|group|account|profile|listing|post|"
            r"platform|broker|trader|contact|user|guy|man|woman|person|dealer|channel|scheme)\b|"
            r"\b(?:seller|reseller|dealer|trader|broker|investment|platform|scheme|advert|ad|"
            r"listing|account manager|contact|man|woman|guy|person|someone|somebody|company|"
            r"firm|page|group|tickets?|puppy|kitten|car|phone)\s+(?:\w+\s+){0,2}?(?:on|via|"
            r"through|from|off|over|in)\s+" + _DET + _PLATFORM + r"\b|"
            # a private seller, any article or none ("seller now wants ..."), not the customer
            r"(?<!i'm a )(?<!i am a )(?<!i'm the )(?<!i am the )\b(?:seller|reseller|breeder)\b|"
            # an investment or trading contact or platform, any channel
            r"\b(?:investment|investing|trading|crypto|cryptocurrency|bitcoin|forex|stocks?)\s+"
            r"(?:\w+\s+)?(?:platform|app|site|website|scheme|opportunity|group|broker|adviser|"
            r"advisor|manager|account manager|coach|mentor|expert|account|company|firm|bot)\b|"
            # a body posing in quotes: "a call from 'the bank'", "a 'Microsoft' caller"
            r"\b(?:" + _CHANNEL + r"|someone|somebody|a (?:man|woman|guy|lady|bloke|person))\s+"
            r"from\s+['\"\u2018\u201c]|"
            r"['\"\u2018\u201c][\w .&-]{1,30}['\"\u2019\u201d]\s+(?:caller|call|man|woman|guy|"
            r"lady|engineer|agent|technician|support|rep|representative|advisor|adviser|team)\b|"
            # recruited to lend the account: "earn £500 by letting him use my account"
            r"\b(?:earn|make|get|offered|pay|paid|keep)\s+(?:me\s+)?(?:" + _AMOUNT + r"|money|"
            r"cash|a cut|commission|some money|a fee|\d+%)\s+(?:\w+\s+){0,3}?(?:by|for|just for|to)"
            r"\s+(?:letting|lending|using|receiving|moving|passing|sending|giving)\b|"
            # payee details changed by message before a payment (also CRED_STEP below)
            r"\b(?:e-?mail\w*|texts?|messages?|letters?|invoices?|solicitors?|conveyancers?|"
            r"builders?|landlord|supplier|contractor|lawyer|estate agent|letting agent)\b"
            r"[^.?!\n]{0,80}?\b(?:(?:bank|account|payment|payee)\s+details|account number|sort "
            r"code)\s*(?:have|has|had|'ve|'s)?\s+(?:now\s+|just\s+|recently\s+)?(?:been\s+)?"
            r"(?:changed|updated|switched|moved)\b"
        ),
    ),
    (
        WEAK_STEP,
        re.compile(
            # paid for something, any article or none: "paid for tickets", "sent money for it"
            _BY_ME + r"(?:paid|payed|sent money|transferred money|sent the money)\s+(?:for|"
            r"towards)\b|"
            # invested or deposited: "invested £1,500", "put my savings in", "put down 2k"
            + _BY_ME
            + r"(?:invested|deposited|topped up|put down|left|put)\s+(?:in\s+|into\s+|down\s+)?(?:"
            + _ABOUT
            + _AMOUNT
            + r"|money|my savings|savings|some money|everything|cash)\b|"
            # moved money on: "sent it on like he said", "passed the money on"
            + _BY_ME
            + r"(?:sent|moved|passed|transferred|forwarded|paid)\s+(?:it|them|that|the money|"
            r"the cash|the funds|most of it|the rest)\s+on\b"
        ),
    ),
    (
        DISCOVERY,
        re.compile(
            # a demand for more, any subject or article: "seller now wants another £600"
            r"\b(?!i\b|we\b|you\b)\w+(?:'re|'s|\s+are|\s+is)?\s+(?:now\s+|still\s+|also\s+|"
            r"then\s+|just\s+|keeps?\s+|kept\s+)?(?:want|wants|wanted|wanting|asking|asked|ask|"
            r"asks|demanding|demanded|demands|demand|need|needs|needed|charging|insist\w*)\s+"
            r"(?:me\s+|us\s+)?(?:for\s+|to pay\s+|to send\s+|to transfer\s+|on\s+)?(?:another|more|"
            r"a further|an extra|extra|one more|yet another|an additional|additional|"
            r"(?:" + _AMOUNT + r")\s+more)\b" + _TOLD + r"|"
            # a fee to get money out: "a tax to release my profits", "fee before I can withdraw"
            r"\b(?:fee|fees|tax|taxes|charge|deposit|payment)\s+(?:\w+\s+){0,3}?(?:to|before (?:i|"
            r"we) can|so (?:i|we) can|in order to)\s+(?:withdraw|cash out|release|unlock|unfreeze|"
            r"access|get (?:my|the|our) money)\b" + _TOLD + r"|"
            # the withdrawal refused or blocked, with or without its object
            r"\b(?:withdrawals?|cash[- ]?outs?|payouts?)\s+(?:\w+\s+){0,2}?(?:refused|blocked|"
            r"rejected|declined|frozen|denied|locked|failed|on hold|cancelled|canceled|not "
            r"allowed|won't go through|keeps? failing)\b" + _TOLD + r"|"
            r"\b(?:can't|cannot|can not|cant|unable to|not able to|won't let me|wont let me|"
            r"doesn't let me|don't let me|couldn't|never let me)\s+(?:to\s+)?(?:withdraw|cash out|"
            r"take (?:it|anything|my money) out|get (?:it|anything|my money|the money) out)\b"
            + _TOLD
            + r"|"
            # an overpayment to send back: "paid me £300 too much, send the difference back"
            r"\b(?:overpaid|over-paid|overpayment|too much|by mistake|by accident|accidentally|"
            r"in error)\b[^.?!\n]{0,80}?\b(?:send|sent|pay|paid|transfer|give|return|refund)\w*\s+"
            r"(?:\w+\s+){0,2}?(?:back|the difference|the excess|the extra|the rest)\b"
            + _TOLD
            + r"|"
            # fake goods, turned away: "the tickets were fake", "turned away at the door"
            r"\b(?:tickets?|goods|items?|phone|bag|trainers|watch|product|order|parcel|"
            r"puppy|car|it|they|them|these|those)\s+(?:\w+\s+)?(?:was|were|is|are|'s|'re|turned "
            r"out to be|turned out)\s+(?:all\s+|just\s+|actually\s+)?(?:a\s+)?(?:fake|fakes|"
            r"counterfeit|forged|invalid|void|not valid|knock-?offs?|cloned|already used|"
            r"cancelled|canceled)\b" + _TOLD + r"|"
            r"\b(?:turned|sent)\s+(?:me\s+|us\s+)?away\b|\b(?:refused|denied)\s+(?:me\s+|us\s+)?"
            r"(?:entry|entrance|admission)\b|\b(?:wouldn't|didn't|won't|would not|did not)\s+let"
            r"\s+(?:me|us)\s+in\b|"
            # the ad or profile gone, contraction or none: "the ad's been taken down"
            r"\b(?:ad|advert|listing|post|profile|page|site|website|account|number|group|"
            r"platform|app)(?:'s|'ve|\s+has|\s+had|\s+was|\s+is|\s+got)?\s+(?:now\s+|since\s+|"
            r"just\s+)*(?:been\s+)?(?:gone|disappeared|vanished|deleted|taken down|removed|shut "
            r"down|closed)\b" + _TOLD + r"|"
            r"\b(?:seller|reseller|trader|broker|he|she|they|the \w+)\s+(?:has\s+|have\s+|then\s+|"
            r"now\s+|'s\s+|'ve\s+)?(?:blocked|ghosted|unfriended|unmatched|deleted)\s+(?:me|us)\b"
            + _TOLD
        ),
    ),
    (
        CRED_STEP,
        re.compile(
            # remote access by THEM: "he installed something on my laptop", "they took control
            # of my screen", "she got into my computer"
            r"\b(?:he|she|they|the (?:\w+\s+)?(?:caller|man|woman|guy|engineer|technician|agent)|"
            r"someone|somebody)\s+(?:then\s+|had\s+|has\s+|'d\s+|'s\s+)?(?:installed|downloaded|"
            r"put|set up|got into|took over|took control of|remoted into|accessed|logged into|"
            r"was on|controlled)\s+(?:\w+\s+){0,3}?(?:on|of|into|onto)?\s*(?:my|our)\s+(?:\w+\s+)?"
            r"(?:computer|laptop|pc|phone|screen|tablet|mac|ipad|device|mouse)\b|"
            r"\b(?:anydesk|teamviewer|quick ?support|remote (?:access|desktop|control|support) "
            r"(?:app|software|tool|program))\b|"
            # a code or credentials given TO someone: "I gave him my access code", "read them
            # the secret number", "told her the pin"
            + _BY_ME
            + r"(?:gave|read|read out|told|sent|texted|passed|shared|forwarded|give|tell|send|"
            r"share)\s+(?:him|her|them|it|the caller|the man|the woman|the guy)\s+(?:out\s+)?"
            r"(?:my|the|a|all my|those|our|both)\s+" + _CODE_WIDE + r"\b" + _TOLD + r"|"
            # a counterparty asking for a code: "they asked me to read out a code"
            r"\b(?:he|she|they|the (?:\w+\s+)?(?:caller|man|woman|guy|agent|person))\s+"
            r"(?:then\s+|also\s+|now\s+|just\s+)?(?:asked|asks|wanted|wants|told|got|tried to get|"
            r"needed|needs)\s+me\s+(?:to\s+)?(?:read(?:\s+out)?|give|tell|send|share|confirm|"
            r"repeat|type|enter|text|forward|pass on)\s+(?:them\s+|him\s+|her\s+)?(?:out\s+)?"
            r"(?:a|the|my|this|that|those|all|both)\s+" + _CODE_WIDE + r"\b" + _TOLD + r"|"
            # the account lent: "let him use my account", "letting them have my card"
            r"\b(?:let|letting|lets|allowed|allowing|agreed to let)\s+(?:him|her|them|someone|"
            r"somebody|a stranger|this \w+|\w+)\s+(?:use|access|have|borrow|run|pay into)\s+"
            r"(?:my|our)\s+(?:\w+\s+)?(?:account|card|bank details|details|banking|login)\b|"
            # urging in any place: "he needs it today", "they want the payment tonight"
            r"\b(?:he|she|they|it|the \w+)\s+(?:needs?|wants?|must have|has to have|have to have)"
            r"\s+(?:it|the money|them|payment|paying|the payment|this|that|the cash|it paid|it "
            r"sent)\s+(?:by\s+)?(?:today|tonight|now|right now|immediately|asap|urgently|straight "
            r"away|within (?:the hour|\w+ (?:hours?|minutes?|mins?)))\b|"
            # payee details changed by message before a payment (with the LURE above)
            r"\b(?:e-?mail\w*|texts?|messages?|letters?|invoices?|solicitors?|conveyancers?|"
            r"builders?|landlord|supplier|contractor|lawyer|estate agent|letting agent)\b"
            r"[^.?!\n]{0,80}?\b(?:(?:bank|account|payment|payee)\s+details|account number|sort "
            r"code)\s*(?:have|has|had|'ve|'s)?\s+(?:now\s+|just\s+|recently\s+)?(?:been\s+)?"
            r"(?:changed|updated|switched|moved)\b"
        ),
    ),
)

# round 23 (r23p, issue 11, principles 4 and 7): a loss and its disowning, or a theft, told in
# different messages, in any order: "3 payments went to a betting site" then "I've never
# gambled"; "my bag was taken" then "£200 spent at a garage". LOSS: money gone or spent,
# payments or charges on the customer's card or account, by any agent or none, told or asked
# about ("what's this £40 charge?"). THEFT: a card, phone, bag or wallet lost or stolen, any
# verb. DISOWNING: not me, never, by habit ("I don't shop there"), by place or presence ("I
# was at home all day", "the card is still with me"). A message that asks how something works
# or tells someone else's story tells none of them (CALM_KINDS): a third party's loss
# disowned is not the customer's fraud. The masks grow to 24 bits (the carry's bound with
# them) and the carry's format to 5: a carry of format 4 holds no such bits for its messages.
LOSS = 2097152
THEFT = 4194304
DISOWNING = 8388608
_COUNT = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|a few|a couple of|"
    r"a couple|a bunch of|loads of|lots of|a load of|a lot of|some|these|those|many|numerous)"
)
_PAYMENTS = (
    r"(?:payments?|charges?|transactions?|withdrawals?|debits?|purchases?|transfers?|"
    r"direct debits?|card payments?|bets?|deposits?)"
)
_BELONGING = (
    r"(?:card|cards|debit card|credit card|bank card|purse|wallet|bag|handbag|phone|mobile|"
    r"backpack|rucksack|laptop|keys|pouch|card holder)"
)
_MINE = r"(?:my|our|me|the)"
_ACCOUNT = (
    r"(?:card|cards|debit card|credit card|account|accounts|statement|app|balance|"
    r"current account|savings|bank)"
)
_WHO = (
    r"(?:someone|somebody|some(?:one|body) else|they|he|she|a thief|thieves|the thief|"
    r"the thieves|whoever|it|some\s+\w+)"
)
_PATTERNS += (
    (
        LOSS,
        re.compile(
            r"(?:"
            # money gone, any loss verb, the money subject or object (situations' class)
            # ("£6 left" is what remains, not a loss: "left" counts only as "left my account")
            rf"(?:{_MONEY_GONE})(?<!\bleft)|(?:{_MONEY_GONE})(?<=\bleft)(?=\s+(?:my|our|the)\b)|"
            # a count of payments: "3 payments to a casino", "two charges from a shop"
            rf"\b{_COUNT}\s+(?:\w+\s+){{0,2}}?{_PAYMENTS}\b(?!\s+(?:to make|i need to|i want)\b)|"
            # a priced payment: "a £340 payment to ...", "£55 charge", "payment of £60"
            rf"{_AMOUNT}\s+(?:\w+\s+)?{_PAYMENTS}\b|\b{_PAYMENTS}\s+(?:of|for)\s+{_ABOUT}"
            rf"{_AMOUNT}|"
            # on or from the customer's card or account: "£80 on my card", "a charge on my
            # statement", "payments out of our account"
            r"(?<!\bowe )(?<!\bowing )(?<!\bhave )(?<!\bgot )(?<!\bwith )"
            rf"(?:{_AMOUNT}|\b{_PAYMENTS})\s+(?:\w+\s+){{0,3}}?(?:on|from|off|out of)"
            rf"\s+{_MINE}\s+(?:\w+\s+)?{_ACCOUNT}\b|"
            # the card used by someone else or no one told: "someone has paid with my card",
            # "they've spent £340 on my card", "my card has been used" (not "I paid with it")
            rf"\b{_WHO}(?:'s|'ve|\s+has|\s+have|\s+had)?\s+(?:just\s+|also\s+|then\s+|been\s+)?"
            r"(?:paid|spent|bought|purchased|shopped|ordered|charged|used|tapped|debited|"
            r"withdrew|withdrawn|taken|took|emptied|drained|cleared)\s+(?:\w+\s+){0,3}?"
            rf"(?:with|on|from|using|out of|off)?\s*(?:my|our)\s+(?:\w+\s+)?{_ACCOUNT}\b"
            r"(?!\s+(?:details|number|pin)\b)|"
            rf"\b(?:my|our)\s+(?:\w+\s+)?{_ACCOUNT}(?:'s|\s+(?:has|have|was|were|got|is|keeps))"
            r"\s+(?:been\s+|being\s+|just\s+|getting\s+)*(?:used|charged|debited|emptied|"
            r"drained|cleared out|wiped|hit)\b(?!\s+(?:to|for)\s+(?:pay|buy)\b)|"
            # activity on the account from elsewhere: "a login from another country", "signed
            # in from a new device" (not the customer's own: "from my laptop")
            r"\b(?:log-?ins?|logins?|sign-?ins?|logged in(?:to \w+)?|signed in|accessed|access)\s+"
            r"(?:attempts?\s+)?(?:\w+\s+){0,3}?from\s+(?!(?:my|our|home|work|the app)\b)\w+"
            r")"
        ),
    ),
    (
        THEFT,
        re.compile(
            r"(?:"
            # the belonging as subject: "my wallet was stolen", "our card's gone missing",
            # "my bag got nicked", "my phone has been taken"
            rf"\b(?:my|our)\s+(?:\w+\s+)?{_BELONGING}(?:'s|\s+(?:was|were|got|has|have|had|is|"
            r"are|just))(?:\s+(?:been|just|gone|got|then|also|now|all))*\s+(?:stolen|nicked|"
            r"pinched|swiped|lifted|snatched|taken|robbed|lost|nabbed|grabbed|missing|gone|"
            r"pickpocketed|half-inched)\b(?!\s+(?:back|off)\b)(?!\s+(?:by|in|into)\s+(?:the\s+)?"
            r"(?:machine|atm|cashpoint|cash machine|bank|branch)\b)|"
            # someone took it: "someone stole my purse", "they nicked our cards"
            rf"\b{_WHO}(?:'s|'ve|\s+has|\s+have|\s+had)?\s+(?:just\s+)?(?:stole|stolen|nicked|"
            r"pinched|swiped|snatched|took|taken|grabbed|nabbed|lifted)\s+(?:my|our)\s+"
            rf"(?:\w+\s+)?{_BELONGING}\b|"
            # the customer lost it or was robbed: "I lost my wallet", "I was mugged"
            r"\b(?:i|we)(?:'ve|\s+have|\s+had|\s+just)?\s+(?:lost|dropped|misplaced)\s+(?:my|our)"
            rf"\s+(?:\w+\s+)?{_BELONGING}\b|"
            r"\b(?:i|we)(?:'ve|\s+have|\s+was|\s+were|\s+got|'ve been|\s+have been|\s+had been)?"
            r"\s+(?:been\s+)?(?:robbed|pickpocketed|mugged|burgled)\b(?!\s+(?:blind|off)\b)"
            r")" + _TOLD
        ),
    ),
    (
        DISOWNING,
        re.compile(
            r"(?:"
            # not me, never, without my knowledge (situations' classes); not a bank product or
            # fee disowned in its sentence ("I never agreed to an overdraft": a dispute)
            r"(?![^.?!\n]*\b(?:overdraft|fees?|interest|limit|loan|insurance|policy|terms|"
            r"contract|bank charges?|late charges?|penalty)\b)"
            rf"(?:{_DISOWNING_RE}|{_DISOWNED})|"
            # by habit or activity: "I don't shop there", "we never gamble", "I don't drive"
            r"\b(?:i|we)\s+(?:don't|do not|dont|never|wouldn't|would never|would not|haven't|"
            r"have not|havent)\s+(?:ever\s+|even\s+|once\s+)*(?:shop(?:ped)?|gamble[ds]?|bet|"
            r"play(?:ed)?|been|go|gone|eat|drink|use[ds]?|buy|order|travel(?:led)?|visit(?:ed)?|"
            r"drive|driven|smoke|own|owned|have|had|heard of)\s+(?:there|at|with|from|in|on|"
            r"online|to|anything|it|that|them|this|those|these|a car|a bet|any|such|"
            r"(?:my|our|the)\s+(?:\w+\s+)?cards?)\b|"
            r"\b(?:i|we)\s+(?:don't|do not|dont|never|haven't|have not)\s+(?:ever\s+|even\s+)*"
            r"(?:gambled|drive|gamble|bet|smoke)\b|"
            # by place or presence: "I was at home all day", "I'm in Leeds", "the card is
            # still with me", "I've still got the card"
            r"\b(?:but|yet|whereas|while|when|and)\s+(?:i'm|i am|im|i was|i've been|we're|we are|"
            r"we were|we've been)\s+(?:still\s+|actually\s+|only\s+|currently\s+|right now\s+)?"
            r"(?:in|at)\s+(?!a\b|an\b|the\b|my way|(?:credit|debt|arrears|overdraft|trouble|"
            r"touch|charge|work on|a hurry|luck|pain|bits|tears|shock|love|need|danger|control|"
            r"contact|the middle|process)\b)(?:\w+\s+)?\w+\s*(?:[.!,;]|$|\b(?:and|but|so|all|"
            r"the whole|right now|at the|at that|then|not)\b)|"
            r"\b(?:i|we)\s+(?:was|were)\s+(?:at home|asleep|in bed|at work|in hospital|on holiday|"
            r"abroad|away|at school|in the office)\s+(?:all|the whole|at the time|at that time|"
            r"when|then|that)\b|"
            r"\bnowhere near\b|"
            r"\b(?:the|my|our)\s+(?:\w+\s+)?(?:card|cards|phone)\s+(?:is|was|are|were|'s|has "
            r"been|have been)\s+(?:still\s+|always\s+|safely\s+|right\s+)*(?:with me|with us|"
            r"in my (?:wallet|purse|pocket|hand|bag)|on me|here|at home|in the drawer)\b|"
            r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:still\s+)?(?:got|have|had)\s+(?:the|my|our)\s+"
            r"(?:\w+\s+)?(?:card|cards|phone)\s+(?:with me|on me|here|right here|in my hand|"
            r"still|in my (?:wallet|purse|pocket))\b"
            r")" + _TOLD
        ),
    ),
)
# r23p (principle 7): hardship told as numbers: a tiny sum to last until the next money comes
# ("£4 until payday", "down to my last £3", "£2 to my name") is a hardship state (HARDSHIP);
# a meter on emergency credit or no food in is what rests on it (STAKES). With children or
# the rent at stake, round 19's vulnerability shapes read it (no new bit).
_PAYDAY = (
    r"(?:pay ?day|i get paid|we get paid|i'm paid|my (?:wages?|pay|salary|benefits|uc|universal "
    r"credit|pension|giro)(?: (?:come|comes|go|goes) in)?|(?:the |my )?(?:wages?|pay|benefits|uc|"
    r"universal credit|pension) (?:come|comes|go|goes) in|(?:next|the end of the) (?:week|month)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the \d+(?:st|nd|rd|th)?)"
)
_PATTERNS += (
    (
        HARDSHIP,
        re.compile(
            rf"(?:{_SMALL_AMOUNT}\s+(?:\w+\s+){{0,4}}?(?:until|till|til|to last (?:me |us )?"
            rf"(?:until |till |til )?|before)\s+{_PAYDAY}\b|"
            rf"\b(?:down to|left with|living on|surviving on)\s+(?:my last\s+|our last\s+|just\s+|"
            rf"only\s+)?{_SMALL_AMOUNT}|{_SMALL_AMOUNT}\s+to (?:my|our) name\b)" + _TOLD
        ),
    ),
    (
        DEPENDANTS,
        re.compile(
            # children told as mouths to feed: "and two kids to feed", "with 3 children to
            # look after"
            r"\b(?:a|one|two|three|four|five|six|\d|my|our|the)\s+(?:little\s+|young\s+|"
            r"small\s+)?(?:kids?|children|child|little ones?|babies|baby|toddlers?|boys|girls)\s+"
            r"to\s+(?:feed|look after|care for|clothe|provide for|keep)\b" + _TOLD
        ),
    ),
    (
        STAKES,
        re.compile(
            r"(?:\b(?:on|onto|down to|into)\s+(?:the\s+)?emergency credit\b|"
            r"\b(?:meter|gas|electric|electricity|heating)\s+(?:has|'s|is|have)\s+(?:\w+\s+)?"
            r"(?:run out|gone off|cut off|off)\b|"
            r"\bno (?:food|gas|electric|electricity|heating|nappies|milk) (?:in|left|for)\b|"
            r"\b(?:can't|cannot|cant|can not)\s+(?:afford to\s+)?(?:afford|buy|get|feed)\s+"
            r"(?:\w+\s+)?(?:food|nappies|formula|milk|gas|electric|electricity|the kids|them|"
            r"my kids|the children|my children)\b)" + _TOLD
        ),
    ),
)

# round 24 (r24s, issue 11): concepts of the fraud story the parts above missed, each a role
# with its whole word class, no new bit (the masks keep 24 bits, the carry format 5):
# * LURE, the "you are owed" pitch told by ANY sender, any determiner or none, any channel
#   verb, with or without "me": "the water company emailed that we're due a refund", "a text
#   said I had won a prize", "my energy supplier messaged saying I'm entitled to a rebate";
#   and a parcel or delivery said to be waiting for the customer ("a text that my parcel is
#   on hold", "a message saying a package was waiting for me");
# * LURE, a contact from a name the customer quotes as doubtful ("a call from 'HSBC'", "an
#   email from 'amazon'"): the quotes disown the name;
# * CRED_STEP, the customer's card or bank details put into a form, link, page or site, any
#   verb of entering, both orders ("I filled the form in with my card number", "typed my
#   bank details into the page"), and money moved at someone's direction to a new or "safe"
#   account ("they made me move £2k to a new account", "he had us transfer everything into
#   a secure account"). With a LURE in the window these are round 21's LURE | CRED_STEP scam;
#   alone they fire nothing (a customer updating their card in the app stays calm);
# * TAKEOVER, a SIM or number moved off the customer's phone, not by them: "a new SIM was
#   activated that I never asked for", "someone ported my number", "my number was
#   transferred to another sim without my permission": a SIM swap told whole;
# * DISOWNING, the cleft "it wasn't me who spent it", "not us that made those payments":
#   the disowning of a spend (not "it wasn't me who called": only verbs of spending).
_SENDER = (
    r"(?:(?:the|a|an|my|our|some|this|that|one)\s+)?(?:\w+\s+){0,2}?(?:company|firm|supplier|"
    r"provider|council|hmrc|dvla|bank|shop|store|retailer|courier|post office|royal mail|"
    r"network|insurer|airline|utility|government|tax office|sender|number|text|email|e-mail|"
    r"message|letter|caller|someone|somebody|they|he|she|it|" + _FIRM[3:-1] + r")"
)
_SAID = (
    r"(?:emailed|e-mailed|texted|messaged|wrote|rang|called|phoned|dm'd|whatsapped|said|says|"
    r"saying|told me|told us|claimed|claiming|sent (?:me |us )?(?:a |an )?(?:\w+\s+)?"
    r"(?:text|email|message|letter|sms)(?:\s+saying)?)"
)
_OWED = (
    r"(?:owed|due|entitled to|eligible for|getting|owed back|in line for|(?:have|had|'ve) won|"
    r"won)\s+(?:a\s+|an\s+|some\s+|my\s+|our\s+|the\s+|a\s+(?:\w+\s+)?)?(?:\w+\s+)?(?:refund|"
    r"rebate|compensation|payout|pay-?out|prize|reward|grant|money back|cashback|overpayment|"
    r"voucher|bonus|cash)"
)
_DETAILS = (
    r"(?:(?:\w+\s+)?(?:card details|card number|card info|card|bank details|account details|"
    r"account number|sort code|security code|cvv|cvc|pin|login|log-in|password|details))"
)
_PATTERNS += (
    (
        LURE,
        re.compile(
            r"(?:\b" + _SENDER + r"\s+(?:had\s+|has\s+|just\s+)?" + _SAID + r"\s+(?:\w+\s+){0,2}?"
            r"(?:that\s+)?(?:i|we|i'm|we're|i've|we've)\s*(?:was|were|am|are|had|have|would be|"
            r"'d be|will be|'ll be|'m|'re|'ve)?\s+" + _OWED + r"\b|"
            r"\b" + _SAID + r"\s+(?:\w+\s+){0,2}?(?:that\s+)?(?:my|our|a|the|your)\s+(?:\w+\s+)?"
            r"(?:parcel|package|delivery|order|shipment)\s+(?:is|was|'s|has been|had been)\s+"
            r"(?:still\s+)?(?:waiting|held|on hold|pending|stuck|undelivered|awaiting)\b|"
            r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:call|text|email|e-mail|message|letter|voicemail)\s+"
            r"(?:supposedly\s+)?from\s+['\"‘“]\w[\w .&-]{0,30}['\"’”]"
            r")" + _TOLD
        ),
    ),
    (
        CRED_STEP,
        re.compile(
            r"(?:" + _BY_ME + r"(?:filled|entered|typed|put|keyed|submitted|gave|added|"
            r"inputted|input)\s+(?:in\s+|out\s+)?(?:the|a|an|their|that|this|his|her|my|our)\s+"
            r"(?:\w+\s+)?(?:form|link|page|site|website|web page|portal|box|fields?)\s+(?:in\s+|"
            r"out\s+)?(?:with|using)\s+(?:my|our|all my|all our|the)\s+"
            + _DETAILS
            + r"\b|"
            + _BY_ME
            + r"(?:filled in|entered|typed|put|keyed|submitted|gave|added|inputted|input)\s+"
            r"(?:in\s+)?(?:my|our|all my|all our|the)\s+" + _DETAILS + r"\s+(?:in\s+)?(?:on|in|"
            r"into|onto|to|through|via)\s+(?:the|a|an|their|that|this|his|her)\s+(?:\w+\s+)?"
            r"(?:form|link|page|site|website|web page|portal)\b|"
            r"\b(?:he|she|they|the (?:\w+\s+)?(?:caller|man|woman|guy|agent|person))\s+(?:then\s+|"
            r"also\s+)?(?:made|got|had|told|asked|convinced|persuaded|talked|instructed)\s+"
            r"(?:me|us)\s+(?:to\s+|into\s+)?(?:move|moving|transfer|transferring|send|sending|put|"
            r"putting|shift|shifting)\s+(?:\w+\s+){0,3}?(?:to|into|over to|in)\s+(?:a|an|the|their|"
            r"another|this)\s+(?:\w+\s+)?(?:new|safe|secure|safer|protected|holding|different|"
            r"other)\s+(?:\w+\s+)?(?:acc|acct|account|wallet)\b"
            r")" + _TOLD
        ),
    ),
    (
        TAKEOVER,
        re.compile(
            r"(?:\b(?:a\s+|another\s+|my\s+)?(?:new|replacement|second|different|another)\s+"
            r"(?:sim|sim card|e-?sim)\s+(?:was|were|has been|had been|got|'s been|have been)\s+"
            r"(?:\w+\s+)?(?:activated|issued|ordered|registered|set up|requested|sent out)\b"
            r"[^.?!\n]{0,40}?(?:\bnot by (?:me|us)\b|\bwithout (?:my|our)\b|\b(?:i|we) "
            r"(?:didn't|did not|never|haven't|have not)\b|\bby someone\b)|"
            r"\b(?:someone|somebody|some(?:one|body) else|a stranger|a hacker|hackers|a scammer|"
            r"scammers|they|fraudsters?)\s+(?:has\s+|have\s+|had\s+|'s\s+|'ve\s+|must have\s+)?"
            r"(?:just\s+)?(?:ported|transferred|moved|swapped|switched|activated|ordered)\s+(?:my|"
            r"our)\s+(?:phone\s+|mobile\s+)?(?:number|sim|sim card|e-?sim)\b|"
            r"\b(?:my|our)\s+(?:phone\s+|mobile\s+)?(?:number|sim|e-?sim)\s+(?:was|has been|had "
            r"been|got|'s been)\s+(?:ported|transferred|moved|swapped|switched)\b[^.?!\n]{0,40}?"
            r"(?:\bnot by (?:me|us)\b|\bwithout (?:my|our)\b|\b(?:i|we) (?:didn't|did not|never|"
            r"haven't|have not)\b|\bby someone\b)"
            r")" + _TOLD
        ),
    ),
    (
        DISOWNING,
        re.compile(
            r"\b(?:(?:it|that|this|they|those)\s+(?:wasn't|was not|weren't|were not|isn't|is not|"
            r"'s not|ain't)|(?:it's|it was|that's|it is)\s+not|not)\s+(?:me|us|my doing)\s+"
            r"(?:who|that|what)\s+(?:\w+\s+)?(?:spent|made|paid|took|bought|ordered|withdrew|used|"
            r"sent|moved|authori[sz]ed|did|set up)\b|"
            # a payee the customer does not know: "to an unknown account", "into some random
            # person's account", "to a name I've never heard of"
            r"\b(?:to|into|towards)\s+(?:an?|some|this|that|the)\s+(?:totally\s+|completely\s+|"
            r"random\s+)?(?:unknown|unrecogni[sz]ed|unfamiliar|strange|random|mystery)\s+"
            r"(?:\w+\s+)?(?:account|payee|person|person's account|name|company|business|"
            r"recipient|number)\b" + _TOLD
        ),
    ),
)

# r24s: the money-mule job. LURE: a counterparty offering work or a deal ("someone offered me
# a job online", "a recruiter offered us a role working from home"). CRED_STEP: the customer's
# account used to pass money through, receive then send on, any verb of each and either
# object ("I have to receive payments into my account and send them on", "they'll pay money
# into my account and I transfer it back", "accept transfers and forward them to another
# account"). Together (any order, over the window) round 21's LURE | CRED_STEP scam.
_RECEIVE = (
    r"(?:receive|receiving|received|accept|accepting|take|taking|get|getting|got|collect|"
    r"collecting|(?:they(?:'ll|\s+will|\s+would)?|he(?:'ll|\s+will)?|she(?:'ll|\s+will)?)\s+"
    r"(?:pay|send|transfer|put|deposit)s?)"
)
_FORWARD = (
    r"(?:send|sending|transfer|transferring|forward|forwarding|pass|passing|move|moving|pay|"
    r"paying|withdraw|withdrawing)"
)
_PATTERNS += (
    (
        LURE,
        re.compile(
            # goods or a deal bought from a seller found online, an indefinite site (not the
            # customer's own app): "paid for a sofa on some furniture site", "ordered trainers
            # off an outlet website", "bought festival tickets from a resale app"
            r"\b(?:bought|ordered|purchased|paid|booked|got)\s+(?:[^\s.?!]+\s+){0,4}?(?:from|on|"
            r"off|via|through)\s+(?:a|an|some|this|one)\s+(?:\w+\s+){0,2}?(?:site|website|"
            r"web ?shop|online shop|app|page|platform|marketplace|seller|reseller)\b" + _TOLD
        ),
    ),
    (
        LURE,
        re.compile(
            r"\b" + _PARTY + r"\s+(?:\w+\s+){0,2}?(?:offered|has offered|'s offered|offering|"
            r"promised|gave)\s+(?:me|us)\s+(?:a|an|some)\s+(?:\w+\s+){0,2}?(?:job|role|position|"
            r"work|gig|opportunity|investment|deal)\b" + _TOLD
        ),
    ),
    (
        CRED_STEP,
        re.compile(
            r"\b" + _RECEIVE + r"\s+(?:\w+\s+){0,2}?(?:money|payments?|transfers?|funds|cash|it|"
            r"them|deposits?)\s+(?:\w+\s+){0,2}?(?:in|into|on|to|through)\s+(?:my|our)\s+(?:own\s+"
            r"|bank\s+|personal\s+)?(?:account|acc|acct|card)\b[^.?!\n]{0,30}?\b(?:and|then|to)\s+"
            r"(?:i\s+|we\s+)?(?:have to\s+|had to\s+|need to\s+|needed to\s+|must\s+|should\s+)?"
            + _FORWARD
            + r"\s+"
            r"(?:it|them|the money|the funds|that|those|most of it)\s+(?:\w+\s+)?(?:on|back|"
            r"onward|onwards|out|to|over|abroad|along)\b"
        ),
    ),
)

# r23p: a loss with its disowning or a theft anywhere in the window, in any order
SHAPES += (
    ("fraud_report", LOSS | DISOWNING),
    ("fraud_report", LOSS | THEFT),
)

# round 21: (a weaker part, the stronger part that subsumes it): a message telling both keeps
# the stronger only (every shape of the weaker has one of the stronger), so the masks of
# messages the earlier rounds read are unchanged.
_SUBSUMED: tuple[tuple[int, int], ...] = ((WEAK_STEP, STEP), (DISCOVERY, REVEAL))

# Before a part in its sentence: a condition or a question about it, not a report ("what
# should I do if £500 has gone?", "how would I know if my password was changed").
_SUPPOSED = re.compile(
    r"\b(?:if|in case|whether|suppose|supposing|what happens when|how do|how does|how would|"
    r"how can|can someone|could someone)\b"
)
_SENTENCE_END = re.compile(r"[.?!\n]")

# issue 16: for each pattern, strings one of which any text it matches holds (derived from
# the pattern; None: always search). A message holding none is not searched: same results.
_NEEDED: tuple[tuple[str, ...] | None, ...] = tuple(needed(pattern) for _, pattern in _PATTERNS)
# q25b: those tests of a message all at once, by one scan of it (literals.Gates: bit i set
# when pattern i's test passes), not 1,052 substring tests over the 38 patterns.
_GATES = Gates(_NEEDED)


def _alternatives(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """``pattern``'s top-level alternatives, each compiled alone (r21q): the pattern itself
    when it has one. Split on the source's ``|`` outside groups and classes; kept only when
    the alternatives hold no group references (so each alone means what it meant inside)."""
    source = pattern.pattern
    cuts: list[int] = []
    depth = 0
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]" or source[i - 1] == "["
        elif char == "[":
            in_class = True
            if source.startswith("[^]", i) or source.startswith("[]", i):
                i += 2 if source[i + 1] == "]" else 3
                continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            cuts.append(i)
        i += 1
    if not cuts or pattern.groups or re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]", source):
        return (pattern,)
    bounds = [-1, *cuts, len(source)]
    return tuple(
        re.compile(source[a + 1 : b], pattern.flags) for a, b in itertools.pairwise(bounds)
    )


# r21q: each pattern's alternatives with their own needed strings. A pattern's leftmost match
# is the leftmost of its alternatives' leftmost matches, the first alternative on a tie (at a
# position the regex tries its alternatives in order, each fully before the next): searching
# only the alternatives whose strings the message holds finds the same (start, end) and skips
# the alternatives whose verb the message lacks (WEAK_STEP's seven each begin with a subject
# that matches almost anywhere: one search of the whole cost 35 us on a 10-word message).
def _distributed(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """:func:`_alternatives`, and for a pattern that is one group of alternatives and a tail
    after it (``(?:A|B)`` then _TOLD's look-ahead), ``A`` + tail, ``B`` + tail (r22q): at
    each position the regex tries ``A`` with the tail, then ``B`` with it, as the pattern
    does, so the leftmost match (the first alternative's on a tie) is the pattern's."""
    split = _alternatives(pattern)
    if len(split) > 1 or not pattern.pattern.startswith("(?:"):
        return split
    items = _top_items(pattern.pattern)
    if not items or len(items) < 2 or not items[0].endswith(")"):
        return split  # (a repeated group, or a pattern that is the group alone)
    inner = _alternatives(re.compile(items[0][3:-1], pattern.flags))
    if len(inner) < 2:
        return split
    rest = "".join(items[1:])
    # (an alternative alone has no top-level "|": followed by the tail, it is one sequence)
    return tuple(re.compile(branch.pattern + rest, pattern.flags) for branch in inner)


_Branches = tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]


# r22q: each alternative's tail (literals.tail: its items from the first that needs a literal
# string, searched first; None: none). A message the tail finds nothing in holds no match of
# the alternative: WEAK_STEP's subject ("i", "and", a comma) no longer makes every character
# a start of the search ("could you tell me ..." holds "tell", so its needed strings pass).
@functools.cache
def _built(index: int) -> tuple[_Branches, tuple[re.Pattern[str] | None, ...]]:
    """The branches (with their needed strings) and tails of ``_PATTERNS[index]``, built the
    first time a message holds one of the pattern's needed strings (issue 16: building them
    all cost about a third of a second of every process's start-up, and most patterns are
    never searched by a given turn). A pure function of the pattern: the same tables as
    building them all at import (two threads building at once build equal ones)."""
    pattern = _PATTERNS[index][1]
    branches = tuple((branch, needed(branch)) for branch in _distributed(pattern))
    return branches, tuple(tail(branch) for branch, _ in branches)


@functools.cache
def _branch_gates(index: int) -> Gates:
    """The needed-string tests of ``_PATTERNS[index]``'s branches, as one scan (q25b)."""
    return Gates(needs for _, needs in _built(index)[0])


def prepare() -> None:
    """Build every pattern's branches and tails now (:func:`handoff.warm_up` calls it, so an
    action server pays at start-up what a lazily built table would cost its first customer
    turns: about 13 ms a pattern, 0.4 s in all; a CLI command that routes nothing never
    does)."""
    _GATES.prepare()
    for index in range(len(_PATTERNS)):
        _built(index)
        _branch_gates(index).prepare()


def __getattr__(name: str) -> Any:
    """``_BRANCHES`` and ``_TAILS``, every pattern's (built on first use, see :func:`_built`):
    the tables the tests read, as the module held them before issue 16."""
    if name == "_BRANCHES":
        return tuple(_built(index)[0] for index in range(len(_PATTERNS)))
    if name == "_TAILS":
        return tuple(_built(index)[1] for index in range(len(_PATTERNS)))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _first(
    branches: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...],
    lowered: str,
    tails: tuple[re.Pattern[str] | None, ...] | None = None,
    passed: int | None = None,
) -> tuple[int, int] | None:
    """``(start, end)`` of the leftmost match of the pattern whose alternatives are
    ``branches`` in ``lowered`` (the first alternative's on a tie), or None. ``tails``: the
    alternatives' tails (:data:`_TAILS`), each searched before its alternative. ``passed``:
    the branches whose needed strings ``lowered`` holds, as a bit mask (their
    :func:`_branch_gates`' scan), or None to test each branch's strings here."""
    best: tuple[int, int] | None = None
    # With ``passed``, only its set bits are visited, lowest (first alternative) first: the
    # same branches in the same order as testing each bit, without a step per branch the
    # scan ruled out (a pattern has up to 28 branches; a message passes a few).
    for index in set_bits(passed) if passed is not None else range(len(branches)):
        branch, needs = branches[index]
        if passed is None and needs is not None and not holds_one(lowered, needs):
            continue
        if tails is not None:
            gate = tails[index]
            if gate is not None and gate.search(lowered) is None:
                continue
        match = branch.search(lowered)
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), match.end())
    return best


def _supposed(lowered: str, start: int) -> bool:
    """Whether the part at ``start`` is supposed, not told (_SUPPOSED before it in its
    sentence)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(lowered, 0, start)), default=0)
    return _SUPPOSED.search(lowered, begin, start) is not None


def parts(text: str, kinds: Iterable[str] = ()) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The story parts ``text`` tells: their mask and ``(part, start, end)`` for each, the
    first match of each part (offsets into ``text``). ``kinds``: the message's own cue kinds;
    a question about or someone else's story tells none (``CALM_KINDS``)."""
    return _parts(text, kinds, gated=True)


def _parts(
    text: str, kinds: Iterable[str], *, gated: bool
) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """:func:`parts`; ``gated=False`` searches every pattern whole, without the literal
    prefilter (what the prefilter must not change: tests/test_literals.py)."""
    kinds = frozenset(kinds)
    if CALM_KINDS.intersection(kinds):
        return 0, ()
    lowered = text.lower().replace("’", "'")
    mask = 0
    found: list[tuple[int, int, int]] = []
    if _SARCASTIC_KINDS.intersection(kinds):
        mask |= SARCASTIC
        found.append((SARCASTIC, 0, 0))
    if _NOT_CURRENT in kinds:
        death = _PAST_DEATH_RE.search(lowered)
        if death is not None:
            mask |= PAST_DEATH
            found.append((PAST_DEATH, death.start(), death.end()))
    # Gated, only the patterns whose needed strings the scan found (its set bits, in order).
    for index in set_bits(_GATES.passed(lowered)) if gated else range(len(_PATTERNS)):
        part, pattern = _PATTERNS[index]
        if not gated:
            whole = pattern.search(lowered)
            span = None if whole is None else whole.span()
        else:
            branches, tails = _built(index)
            span = _first(branches, lowered, tails, _branch_gates(index).passed(lowered))
        if span is not None and not _supposed(lowered, span[0]):
            if part & mask:  # (a sarcastic cue kind of the message came first)
                continue
            mask |= part
            found.append((part, span[0], span[1]))
    for weak, strong in _SUBSUMED:
        if mask & weak and mask & strong:
            mask &= ~weak
            found = [f for f in found if f[0] != weak]
    if (
        mask & SARCASTIC
        and not _SARCASTIC_KINDS.intersection(kinds)
        and not mask & _TROUBLE
        and _LONE_RE.search(lowered) is None
        and _GIVE_UP_RE.search(lowered) is None
    ):
        # a rating or praise with no trouble told beside it is sincere ("very helpful, thanks");
        # a lone one (r22f) stays, and joined counts it only after trouble (_grounded)
        mask &= ~SARCASTIC
        found = [f for f in found if f[0] != SARCASTIC]
    if mask & AT_STAKE and _NO_RUSH.search(lowered) is not None:
        mask &= ~AT_STAKE
        found = [f for f in found if f[0] != AT_STAKE]
    if mask & _FRUSTRATION_BITS and _SOLVED.search(lowered) is not None:
        mask &= ~_FRUSTRATION_BITS
        found = [f for f in found if not f[0] & _FRUSTRATION_BITS]
    return mask, tuple(found)


def _grounded(masks: Sequence[int]) -> list[int]:
    """``masks`` (oldest first) with SARCASTIC dropped from each that tells no trouble
    (_TROUBLE) unless one before it does: mock praise alone is sarcasm only after trouble
    ("marvellous" after a fee and a delay; not "amazing" as the first message)."""
    out: list[int] = []
    trouble = 0
    for mask in masks:
        kept = mask & ~SARCASTIC if not mask & _TROUBLE and not trouble else mask
        trouble |= kept & _TROUBLE
        out.append(kept)
    return out


def joined(
    earlier: Sequence[int], latest: tuple[int, tuple[tuple[int, int, int], ...]]
) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` for each shape whose parts the latest message completes, with
    the masks of the user messages before it (``earlier``, the latest ``WINDOW - 1`` of them
    count): the latest message brings at least one part, the others may come from any message
    of the window (the latest included). Offsets are the latest message's first part the
    shape needs."""
    mask, spans = latest
    if not mask:
        return []
    seen = mask
    for before in earlier[-(WINDOW - 1) :]:
        seen |= before
    out: list[tuple[str, int, int]] = []
    for kind, needs in SHAPES:
        if needs & mask and seen & needs == needs and all(kind != k for k, _, _ in out):
            start, end = next((s, e) for part, s, e in spans if part & needs)
            out.append((kind, start, end))
    # round 21: frustration summed, different kinds over the window, the latest bringing one
    # Over messages: some kind came in an earlier message of the window, unless the latest
    # is itself sarcastic (one message of mock praise beside the fault and the rent is enough).
    # r22f: a sarcastic form with no trouble in its own message (a lone "marvellous") counts
    # only after trouble told earlier in the window (_grounded).
    window = _grounded([*earlier[-(WINDOW - 1) :], mask])
    own, summed, earlier_kinds = window[-1], 0, 0
    for before in window:
        summed |= before
    for before in window[:-1]:
        earlier_kinds |= before
    if (
        any(group & own for group in FRUSTRATION_GROUPS)
        and sum(1 for group in FRUSTRATION_GROUPS if group & summed) >= FRUSTRATION_KINDS
        and (own & SARCASTIC or any(group & earlier_kinds for group in FRUSTRATION_GROUPS))
    ):
        start, end = next(
            (s, e) for part, s, e in spans if any(part & g for g in FRUSTRATION_GROUPS)
        )
        out.append((FRUSTRATION_BUILT, start, end))
    for kind, part in REPEATS:
        if part & mask and any(part & before for before in earlier[-(WINDOW - 1) :]):
            start, end = next((s, e) for p, s, e in spans if p & part)
            out.append((kind, start, end))
    return out
