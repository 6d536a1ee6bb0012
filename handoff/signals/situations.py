"""Situation cues: what happened to the customer, told in their own words.

The phrase lexicons (:mod:`handoff.signals.lexicon`, :mod:`handoff.signals.routing_lexicon`)
match fixed word sequences: "fraud", "I've been scammed", "talk to a person". Customers
mostly describe what happened instead: "someone's spent £600 on my card", "I clicked the
link and put my card details in", "the seller has blocked me", "I've asked this 3 times
now". Those are shapes, not phrases: a few words that belong together within one sentence.
Each shape here is a regular expression over the lower-cased message, tried only when a
message has one of its anchor words (most messages skip most shapes).

Kinds (all read by rules as cues):

* ``fraud_report``: the customer reports unauthorised use: payments, withdrawals or
  log-ins they did not make, a card or account used, emptied or taken over by someone
  else, a phone number moved to another SIM. Stronger than a bare "fraud" or "stolen"
  (kind ``fraud``): the customer has told us what happened, so no NLU intent is needed
  to corroborate it.
* ``scam``: the customer was (or is being) manipulated into paying or giving details away:
  clicked a link and entered details, gave a code or PIN to a caller, a "courier" collecting
  a card, a seller who vanished after a bank transfer, changed bank details on an invoice,
  fees to release an investment, parcel, inheritance or prize, "safe account".
* ``vulnerability``: not coping ("I can't do this anymore"), thoughts of ending it,
  gambling losses, a hospital stay or a serious illness, a partner controlling their money,
  losing their income and not being able to pay for essentials, a relative in care.
* ``legal_threat``: a threat to go to the regulator (FCA) or the ombudsman, or to take
  legal action. A mention is not a threat: "a transfer to my solicitor" is not one.
* ``public_threat``: a threat to take it to social media, review sites or the press.
* ``churn_threat``: "I'm switching", "moving my money elsewhere".
* ``sarcasm``: stock sarcastic praise ("great service as always", "oh brilliant", "just
  what I needed", "5 stars, would crash again", "love how there's no one to ask").
* ``repeated_asking``: counting ("I've asked 3 times", "for the third time", "twice now"),
  going round in circles, "you keep telling me", "I'll try once more".

Fraud, scam and vulnerability weigh nothing in the frustration score (facts, not moods);
the threats, sarcasm and repeated asking weigh a little less than the lexicon's phrases of
those kinds, so that where both match the same words the phrase is the evidence shown.
The shapes are English: other languages are covered by the phrase lists in
:mod:`handoff.signals.routing_lexicon`. Each shape's positive and negative examples are
tests in tests/test_situations.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SITUATION_KINDS", "situation_cues"]

FRAUD_REPORT = "fraud_report"
SCAM = "scam"
VULNERABILITY = "vulnerability"
LEGAL = "legal_threat"
PUBLIC = "public_threat"
CHURN = "churn_threat"
REPEATED = "repeated_asking"
SARCASM = "sarcasm"

# Within one sentence: up to this many characters between the parts of a shape.
_GAP = r"[^.?!\n]{0,50}?"
_WIDE = r"[^\n]{0,120}?"  # across sentences of one message
_NUM = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|so many|a few|"
    r"countless|a hundred|a million)"
)
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|tenth|umpteenth|\d+(?:st|nd|rd|th))"
_NOT = r"(?:didn't|did not|didnt|never|haven't|have not|havent|don't|do not|dont|wasn't|was not)"
_SOMEONE = (
    r"(?:someone|somebody|some one|some1|they|he|she|a stranger|a thief|thieves|my ex|the thief|"
    r"the person)"
)
_MY = r"(?:my|our|me)"
_MONEY = (
    r"(?:payments?|transactions?|charges?|withdrawals?|transfers?|purchases?|direct debits?|"
    r"debits?|spends?|orders?)"
)


@dataclass(frozen=True)
class _Shape:
    kind: str
    weight: float
    anchors: frozenset[str]  # without one of these words the shape cannot match
    pattern: re.Pattern[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _shape(kind: str, weight: float, anchors: frozenset[str], *alternatives: str) -> _Shape:
    return _Shape(kind, weight, anchors, re.compile("|".join(f"(?:{a})" for a in alternatives)))


_SHAPES: tuple[_Shape, ...] = (
    _shape(
        FRAUD_REPORT,
        0.0,
        _words(
            "accessed alert anything changed cloned compromised didn't didnt drained emptied "
            "hack hacked haven't havent logged me mine never nicked notification ours over "
            "reset saying sim skimmed some1 somebody someone spent stole stolen stranger swap "
            "taken thief thieves took us used withdrawn withdrew"
        ),
        # someone used / spent / emptied my card or account
        rf"\b{_SOMEONE}(?:'s| has| have| had|'ve)?(?: been| just| now)?\s+(?:used|using|spent|"
        rf"spending|"
        rf"taken|took|withdrawn|withdrew|emptied|drained|accessed|hacked|cloned|got into|"
        rf"logged into|"
        rf"cleared out|stole|stolen|nicked|made){_GAP}\b{_MY}\s+(?:card|account|money|savings|"
        rf"details|app|banking|online banking|debit card|credit card|bank)",
        # payments I didn't make / don't recognise
        rf"\b{_MONEY}\b{_GAP}\b(?:i|we)\s+{_NOT}\s+(?:make|made|do|did|authorise|authorize|"
        rf"authorised|authorized|recognise|recognize|buy|bought|order|ordered|know about|agree to|"
        rf"set up)\b",
        rf"\b(?:i|we)\s+{_NOT}\s+(?:make|made|authorised|authorized|authorise|authorize|recognise|"
        rf"recognize|set up|agree to|agreed to)\s+"
        rf"(?:this|that|these|those|them|it|any of (?:these|them|this))\s+{_MONEY}",
        rf"\b{_MONEY}\s+(?:that\s+|which\s+)?(?:i|we)\s+{_NOT}\s+(?:make|made|do|authorise|"
        rf"authorize)\b",
        rf"\b(?:not|wasn't|weren't|isn't|aren't)\s+(?:me|mine|us|ours)\b{_GAP}\b{_MONEY}\b",
        # my card / account has been hacked, cloned, compromised, emptied
        rf"\b{_MY}\s+(?:card|account|bank account|online banking|app|details|email)\s+(?:has |"
        rf"have |was |were |got |is |'s )?"
        rf"(?:been\s+)?(?:hacked|cloned|compromised|emptied|drained|taken over|skimmed|"
        rf"used by someone)",
        # account takeover: details changed that the customer did not change
        rf"\b(?:password|passcode|phone number|mobile number|email address|email|log ?in details|"
        rf"security details|pin)\s+(?:has |have |was |were |got )?(?:been\s+)?(?:changed|reset)\b"
        rf"{_WIDE}\b(?:i|we)\s+{_NOT}\b",
        rf"\b(?:i|we)\s+{_NOT}\s+(?:change|reset|request|ask for)\b{_GAP}\b(?:password|passcode|"
        rf"phone number|number|email|pin|details|sim)\b",
        r"\b(?:email|text|message|notification|alert|letter)\s+"
        r"(?:saying|to say|that says|telling me)\s+(?:that\s+)?my\s+(?:password|passcode|"
        r"phone number|mobile number|number|email|email address|address|pin|details|"
        r"log ?in details)\b[^.?!\n]{0,40}?\b(?:changed|reset|updated)\b",
        r"\b(?:i|we)\s+(?:haven't|have not|never|didn't|did not)\s+"
        r"(?:bought|buy|ordered|order|spent|purchased|made)\s+anything\b",
        # SIM swap
        rf"\b(?:number|sim)\b{_GAP}\b(?:moved|ported|transferred|swapped|"
        rf"switched)\b{_GAP}\b(?:new|another|different)\s+sim\b",
        rf"\b(?:moved|ported|transferred|swapped|switched)\b{_GAP}\bnumber\b{_GAP}\b(?:new|another|"
        rf"different)\s+sim\b",
        r"\bsim swap",
    ),
    _shape(
        SCAM,
        0.0,
        _words(
            "bitcoin blocked claim claimed claiming claims clicked con courier crypto customs "
            "deleted details disappeared dodgy entered fake followed forex gave given handed "
            "impersonated impersonating impersonator inheritance investing investment lottery "
            "meet met opened phishing posing pressed pretended pretending pretends prize put "
            "read safe scam shared silent tapped told trading typed vanished"
        ),
        # clicked a link ... entered / gave details
        rf"\b(?:clicked|tapped|pressed|opened|followed|went on|went to)\b{_GAP}\b(?:link|text|"
        rf"email|"
        rf"message|website|site|page|qr code)\b{_WIDE}\b(?:put|entered|typed|gave|filled in|"
        rf"filled out|"
        rf"inputted|input|submitted)\b{_GAP}\b(?:details|card|pin|password|passcode|code|number|"
        rf"info|information)",
        rf"\b(?:put|entered|typed|gave|filled in|inputted|submitted)\b{_GAP}\b(?:my|our|"
        rf"the)\s+(?:card |bank |login |log in |security )?"
        rf"(?:details|pin|password|passcode|code|number|info)\b{_GAP}\b(?:link|text|email|website|"
        rf"site|page|form)\b",
        rf"\b(?:clicked|tapped|pressed|followed)\b[^\n]{{0,80}}?\b(?:put|entered|typed|gave|"
        rf"filled in|"
        rf"inputted|submitted)\b{_GAP}\b(?:details|pin|password|passcode|code|number|info)",
        # gave a code / PIN / details to someone who called or texted
        rf"\b(?:gave|given|told|read out|sent|shared|handed over|handed)\b{_GAP}\b(?:the |my |a |"
        rf"them |him |her )*"
        rf"(?:code|codes|pin|passcode|password|one[- ]time|otp|security number|card details|"
        rf"card number|card)\b"
        rf"{_WIDE}\b(?:call|called|phoned|rang|ringing|caller|text|texted|whatsapp|police|officer|"
        rf"from the bank|"
        rf"said (?:he|she|they) (?:was|were))\b",
        rf"\b(?:call|called|phoned|rang|caller|texted|messaged)\b{_WIDE}\b(?:gave|given|told|"
        rf"read out|sent|"
        rf"shared|handed over|handed)\b{_GAP}\b(?:code|codes|pin|passcode|password|one[- ]time|otp|"
        rf"card details|card number|card|details)\b",
        # pretending to be the bank or the police; "safe account"
        r"\b(?:claim(?:ed|ing|s)? to be|pretend(?:ed|ing|s)? to be|posing as|impersonat\w*|"
        r"said (?:he|she|they) (?:was|were) from|saying (?:he|she|they) (?:was|were|is|"
        r"are) from)\b",
        r"\bsafe account\b",
        r"\bcourier\b[^\n]{0,80}?\b(?:collect|collected|pick|picked|coming|came|come)\b",
        # paid and the other side vanished
        rf"\b(?:seller|buyer|landlord|builder|he|she|they)\b{_GAP}\b(?:has |have |'s |"
        rf"'ve )?(?:blocked me|blocked us|"
        rf"disappeared|vanished|deleted (?:the|their|his|her) (?:account|profile|listing)|"
        rf"stopped replying|gone silent)",
        # invoice redirection: new or changed bank details, then not paid
        r"\b(?:new|changed|updated|different)\s+(?:bank|account|payment)\s+details\b[^\n]{0,140}?"
        r"\b(?:never|hasn't been paid|has not been paid|not been paid|didn't change|"
        r"did not change|not received|never received)\b",
        r"\bnever changed (?:his|her|their|our|my) (?:bank )?details\b",
        # fees to release an investment, a parcel, an inheritance or a prize
        r"\b(?:crypto|bitcoin|investment|investing|trading platform|forex|"
        r"trading account)\b[^\n]{0,120}?"
        r"\b(?:withdrawal fee|release fee|fee to withdraw|fee before|pay (?:a |an )?(?:fee|tax)|"
        r"can't withdraw|cannot withdraw|won't let me withdraw|get (?:my|our) money (?:back|out))",
        r"\b(?:customs|release (?:his|her|the|their) (?:parcel|package|funds|money|inheritance)|"
        r"inheritance|lottery|prize)\b[^\n]{0,80}?\b(?:fee|fees|needs? (?:money|£|\d)|send|pay)\b",
        r"\b(?:met|meet)\b[^.?!\n]{0,40}?\b(?:online|on (?:instagram|facebook|tinder|hinge|bumble|"
        r"a dating)|dating (?:app|site))\b"
        r"[^\n]{0,160}?\b(?:send|sent|transfer|payment|pay|money|£)",
        r"\b(?:it|this|that|the (?:text|email|call|website|link|site))\s+(?:was|is|"
        r"'s)\s+(?:probably |definitely |clearly |obviously )?"
        r"(?:fake|a scam|a con|dodgy|phishing|not (?:really )?(?:you|the bank))\b",
    ),
    _shape(
        VULNERABILITY,
        0.0,
        _words(
            "a&e abuse abused abusive addict addicted addiction afford alzheimer's alzheimers "
            "anxiety attack attacks attorney bailiff bailiffs battling behind bet365 bets "
            "betting blew blown bookies boyfriend breakdown can't cancer cannot cant care "
            "carer caring casino checks chemo chemotherapy collector collectors control "
            "controlling controls dementia depressed depression diagnosed die don't dont end "
            "evicted eviction fighting food gamble gambled gambling girlfriend harm hits "
            "hospice hospital husband icu idea intensive job jobs kill laid losing lost made "
            "makes mnd ms nursing paddy panic partner point recovering redundancy redundant "
            "sectioned self-harm skybet slots spending spent stroke suffering suicidal "
            "suicide sure terminal terminally threatened threatening threatens tumor tumour "
            "unable undergoing wife won't"
        ),
        r"\b(?:can't|cannot|can not|cant)\s+(?:do this|cope|go on|take (?:it|this|much more)|"
        r"handle (?:it|this)|"
        r"keep going|deal with (?:it|this|anything))(?:\s+any\s?more)?\b",
        r"\b(?:don't|dont|do not)\s+see\s+(?:the|any)\s+point\b",
        r"\bno point (?:in )?(?:anything|living|going on|carrying on)\b",
        r"\b(?:end it all|end my life|kill myself|want to die|suicid\w*|self[- ]harm)",
        # gambling losses or compulsion (not "put a gambling block on")
        r"\b(?:lost|losing|blew|blown|spent|spending|gambled|addict\w*|can't stop|cannot stop|"
        r"keep)\b[^.?!\n]{0,40}?"
        r"\b(?:gambl\w*|betting|bets|bookies|casino|slots|bet365|skybet|paddy power)\b",
        r"\b(?:gambling|betting)\s+(?:problem|addiction|debts?|again)\b",
        # illness, hospital, disability
        r"\b(?:in|from|out of|at)\s+(?:the\s+)?(?:hospital|hospice|intensive care|icu|a&e)\b",
        r"\b(?:had|has|have|got|having|with|from|after|diagnosed with|suffering from|undergoing|"
        r"battling|fighting|recovering from|terminal)\s+(?:a\s+|an\s+|the\s+)?(?:stroke|cancer|"
        r"chemo\w*|dementia|alzheimer\w*|heart attack|breakdown|depression|anxiety attacks?|"
        r"panic attacks?|brain tumou?r|tumou?r|ms|motor neurone disease|mnd)\b",
        r"\b(?:i|i've|i'm|he|she|they|my \w+)\s+"
        r"(?:was|were|is|has been|have been|'s been|got|been)\s+"
        r"(?:diagnosed|sectioned|terminally ill|given months)\b",
        r"\b(?:i'm|i am|i've been|i have been)\s+(?:really\s+|so\s+|very\s+)?"
        r"(?:depressed|suicidal)\b",
        r"\b(?:care home|nursing home|power of attorney|carer for|caring for)\b",
        # a partner controlling money; abuse
        r"\b(?:partner|husband|wife|boyfriend|girlfriend|ex|he|she)\b[^.?!\n]{0,40}?\b(?:makes me|"
        r"made me|controls?|"
        r"won't let me|takes? (?:my|all my) (?:card|money|wages?|salary|benefits)|"
        r"checks everything|"
        r"threaten\w*|hits? me|abus\w*)\b",
        r"\b(?:he|she|they|my partner|my husband|my wife)\s+(?:won't|will not|doesn't|does not|"
        r"can't)\s+know\b",
        # losing income and not affording essentials
        r"\b(?:lost my job|lost our jobs?|been made redundant|made redundant|been laid off|"
        r"laid off)\b",
        r"\b(?:can't|cannot|can not|cant|won't be able to|unable to)\s+(?:afford|pay)\s+(?:the |"
        r"my |our )?"
        r"(?:rent|mortgage|bills?|food|heating|electric\w*|gas|council tax|childcare)\b",
        r"\bbehind (?:on|with) (?:my |our |the )?(?:rent|mortgage|bills|payments|council tax)\b",
        r"\b(?:bailiffs?|debt collectors?|food banks?|eviction|evicted)\b",
        r"\b(?:(?:don't|do not|dont) know|not sure|no idea) (?:how|what) "
        r"(?:we're|we are|i'm|i am|to do|we'll|"
        r"i'll)\b[^.?!\n]{0,30}?"
        r"\b(?:manage|cope|pay|do|survive|going to)\b",
    ),
    _shape(
        LEGAL,
        0.55,
        _words(
            "citizens conduct fca fos lawyer lawyers ombudsman regulator solicitor solicitors "
            "standards which"
        ),
        r"\b(?:fca|financial conduct authority|financial ombudsman|fos)\b",
        r"\b(?:report|reporting|reported|complain|complaining|escalate|escalating|take|"
        r"taking)\s+(?:this|you|it|the bank)?\s*"
        r"(?:to|with)\s+(?:the\s+)?(?:regulator|ombudsman|fca|trading standards|citizens advice|"
        r"which\?)",
        r"\b(?:my|a)\s+(?:solicitor|lawyer)\s+(?:will|is going to|'ll|involved)\b",
        r"\b(?:contact|contacting|call|calling|speak to|speaking to|talk to|talking to|get|"
        r"getting|instruct|"
        r"instructing|hear from)\s+(?:my|a)\s+(?:solicitor|lawyer)\b",
        r"\b(?:solicitor|lawyer)s?\s+involved\b",
    ),
    _shape(
        PUBLIC,
        0.5,
        _words(
            "bbc everyone facebook instagram newspaper newspapers papers press reddit social "
            "tiktok trustpilot twitter video watchdog world youtube"
        ),
        r"\b(?:post\w*|put\w*|shar\w*|tag\w*|expos\w*|tell\w*|writ\w*|leav\w*|do\w*|mak\w*|go\w*|"
        r"tweet\w*|plaster\w*)\b"
        r"[^.?!\n]{0,50}?\b(?:twitter|tiktok|facebook|instagram|social media|trustpilot|the papers|"
        r"the press|newspapers?|bbc|watchdog|reddit|youtube|a video|everyone|the world)\b",
    ),
    _shape(
        CHURN,
        0.5,
        _words("leave leaving move moving switch switched switching take taking"),
        r"\b(?:i'm|im|i am|i'll|ill|i will|we will|we're|we are|we'll|going to|gonna|"
        r"about to)\s+(?:be\s+)?"
        r"(?:switch\w*|mov\w* (?:banks?|my (?:money|account|accounts|business|savings))|"
        r"leav\w* (?:you|this bank|the bank)|tak\w* (?:my|our) (?:money|business|custom|"
        r"savings) (?:elsewhere|somewhere else))",
        r"\b(?:switching|moving)\s+(?:to|over to)\s+(?:monzo|starling|revolut|nationwide|barclays|"
        r"hsbc|"
        r"lloyds|natwest|santander|halifax|chase|first direct|another bank|a different bank)\b",
    ),
    _shape(
        SARCASM,
        0.4,
        _words(
            "again always bargain brilliant cheers done ever great love loving needed nice oh "
            "stars thanks usual"
        ),
        r"\b(?:great|brilliant|fantastic|amazing|excellent|lovely|wonderful|superb|top|stellar|"
        r"outstanding|fab|fabulous|cracking)\s+(?:service|job|work|stuff|bank|app|help|support)\b"
        r"[^.?!\n]{0,20}?\b(?:as (?:always|usual|ever)|again)\b",
        r"\boh\s+(?:good|great|brilliant|perfect|lovely|wonderful|fantastic|joy|fab)\b",
        r"\bjust what (?:i|we) needed\b",
        r"\bwhat a (?:bargain|treat|joy|service)\b",
        r"\b(?:thanks|cheers) (?:for nothing|a lot for nothing|to you)\b",
        r"\b(?:well|nicely) done\b[^\n]{0,30}?\b(?:really|very) (?:well|nicely) done\b",
        r"\b(?:5|five|10|ten) stars?\b[^.?!\n]{0,30}?\bwould\b",
        r"\b(?:love|loving) (?:how|that) (?:there's|there is|you|i|nobody|no one|i'm|it)\b",
        r"\b(?:just |really |absolutely |simply )?(?:love|loving|adore)\s+(?:not being able|"
        r"being (?:ignored|kept|left|told|charged|passed)|waiting|having to|getting (?:charged|"
        r"ignored|the same))\b",
    ),
    _shape(
        REPEATED,
        0.3,
        _words(
            "10th 2nd 3rd 4th 5th 6th again around asked circles fifth fourth keep meant more "
            "once over round said same second sixth tenth third times twice umpteenth wanted"
        ),
        rf"\b(?:asked|told|explained|said|sent|called|rung|rang|phoned|contacted|chased|emailed|"
        rf"tried|"
        rf"messaged|written|wrote|been on)\b{_GAP}\b{_NUM}\s+(?:times|x)\b",
        rf"\b{_NUM}\s+times\b{_GAP}\b(?:now|already|i've|ive|i have|asking|asked|today|"
        rf"this week)\b",
        rf"\b(?:for|this is|it's|its|that's|is)\s+(?:the|my)\s+{_ORDINAL}\s+time\b",
        rf"\b{_ORDINAL}\s+time\s+(?:i've|ive|i have|i'm|im|asking|this|today|now)\b",
        r"\btwice\s+(?:now|already|today|this week|before)\b",
        r"\b(?:asked|told|sent|explained|said|called|tried)\s+(?:this\s+|that\s+|it\s+|"
        r"you\s+)?twice\b",
        r"\b(?:round|around)\s+(?:and\s+round|in\s+circles)\b",
        r"\bgoing\s+(?:round\s+)?in\s+circles\b",
        r"\bagain\s+and\s+again\b|\bover\s+and\s+over\b",
        r"\byou\s+keep\s+(?:telling|saying|sending|giving|asking|repeating|showing|pointing)\b",
        r"\b(?:try|ask|say)\s+(?:it\s+|this\s+)?(?:once|one)\s+more(?:\s+time)?\b",
        r"\b(?:not|isn't|wasn't)\s+what\s+i\s+(?:asked|said|meant|wanted)\b",
        r"\b(?:same|that)\s+(?:answer|reply|link|message|page)\s+(?:again|as before|every time)\b",
    ),
)

_WORD = re.compile(r"[\w&'-]+")

SITUATION_KINDS: frozenset[str] = frozenset(s.kind for s in _SHAPES)


def situation_cues(text: str) -> list[tuple[str, int, int, float]]:
    """``(kind, start, end, weight)`` for every shape found in ``text`` (offsets into it)."""
    lowered = text.lower().replace("’", "'")
    words = set(_WORD.findall(lowered))
    found = []
    for shape in _SHAPES:
        if shape.anchors.isdisjoint(words):
            continue
        match = shape.pattern.search(lowered)
        if match is not None:
            found.append((shape.kind, match.start(), match.end(), shape.weight))
    return found
