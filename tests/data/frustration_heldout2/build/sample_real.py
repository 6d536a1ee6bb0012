#!/usr/bin/python3
"""Select the real (BANKING77, CLINC150) rows of the SECOND held-out set. Stdlib only.
Same procedure as tests/data/frustration_heldout/build/sample_real.py, with new seeds, and
excluding every text of the first held-out set, the older set and the training files
(build/exclude.py; compared after lower-casing and collapsing whitespace).

Run from the repository root:  /usr/bin/python3 tests/data/frustration_heldout2/build/sample_real.py
Writes build/real_rows.tsv (source, category, text). No labels are produced here.
"""
import csv, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("SHARED_DATA", "/work/shared/data")
import sys
sys.path.insert(0, HERE)
from exclude import norm, excluded

old = excluded()

seen = set(old)
out = []

def add(source, category, text):
    k = norm(text)
    if k in seen or "\t" in text or "\n" in text:
        return False
    seen.add(k)
    out.append((source, category, text))
    return True

# --- BANKING77 test split -----------------------------------------------
with open(os.path.join(DATA, "banking77", "test.csv"), encoding="utf-8") as f:
    b77 = list(csv.DictReader(f))

# 1) stratified random sample: 2 per intent, seed 20261203 (first set: 20261201)
rng = random.Random(20261203)
by_intent = {}
for r in b77:
    by_intent.setdefault(r["category"], []).append(r["text"])
for intent in sorted(by_intent):
    pool = by_intent[intent][:]
    rng.shuffle(pool)
    taken = 0
    for t in pool:
        if taken == 2:
            break
        if add("banking77", "random:" + intent, t):
            taken += 1

# 2) scan of the WHOLE test split for frustration signs; take every hit
ACRONYMS = {"ATM", "ATMS", "PIN", "SWIFT", "SEPA", "ASAP", "IBAN", "USA", "USD", "GBP",
            "EUR", "APP", "VISA", "UK", "EU", "ID", "SMS", "ACH", "SIM"}
SIGNS = [
    ("!!", re.compile(r"!!")),
    ("??", re.compile(r"\?\?|\?!|!\?")),
    ("caps", None),
    ("still", re.compile(r"\bstill\b", re.I)),
    ("again", re.compile(r"\bagain\b", re.I)),
    ("waiting", re.compile(r"\bwait(ing|ed)?\b", re.I)),
    ("complaint_word", re.compile(r"ridiculous|frustrat|annoy|unacceptable|terrible|awful|damn|wtf|joke|useless", re.I)),
    # bare "why" hits 366 of 3,080 rows, nearly all neutral ("Why was I charged?");
    # only "why" together with a delay/insistence marker counts as a sign.
    ("why_plus", re.compile(r"\bwhy\b[^.?!]*\b(yet|so long|taking|so many|so much|keep|always|even)\b", re.I)),
]
def signs(t):
    hit = []
    for name, rx in SIGNS:
        if name == "caps":
            words = [w for w in re.findall(r"\b[A-Z]{3,}\b", t) if w not in ACRONYMS]
            if words:
                hit.append(name)
        elif rx.search(t):
            hit.append(name)
    return hit

scan_hits = scan_new = 0
for r in b77:
    s = signs(r["text"])
    if s:
        scan_hits += 1
        if add("banking77", "scan:" + "+".join(s), r["text"]):
            scan_new += 1
print("scan: %d rows of test.csv match a sign; %d are new (not excluded, not already sampled)" % (scan_hits, scan_new))

# --- CLINC150 test split (in-scope + oos) ----------------------------------
with open(os.path.join(DATA, "clinc150", "data_full.json"), encoding="utf-8") as f:
    clinc = json.load(f)
rng = random.Random(20261204)  # first set: 20261202
intents = sorted({lab for _, lab in clinc["test"]})
chosen = rng.sample(intents, 50)
for intent in sorted(chosen):
    pool = [t for t, lab in clinc["test"] if lab == intent]
    for t in rng.sample(pool, len(pool)):
        if add("clinc150", "random:" + intent, t):
            break
oos = [t for t, _ in clinc["oos_test"]]
taken = 0
for t in rng.sample(oos, len(oos)):
    if taken == 10:
        break
    if add("clinc150", "random:oos", t):
        taken += 1

with open(os.path.join(HERE, "real_rows.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("source\tcategory\ttext\n")
    for row in out:
        f.write("\t".join(row) + "\n")

from collections import Counter
print(Counter((s, c.split(":")[0]) for s, c, _ in out))
