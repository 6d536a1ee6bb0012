#!/usr/bin/python3
"""List the real rows that the clarified rule 1 applies to (still/yet/wait + a time expression),
with their pass-1 labels; used once (2026-12-02) to re-check them against the clarification of rule 1 carried over from the first set. Also lists written rows.
Stdlib only."""
import csv, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import read_ones
p1 = read_ones(os.path.join(HERE, "labels_pass1_ones.txt"))
with open(os.path.join(HERE, "rows.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        t = r["text"]
        if (re.search(r"\b(still|yet|wait\w*|await\w*)\b", t, re.I)
                and re.search(r"\b(day|days|week|weeks|hour|hours|ago|month|morning|yesterday|forever|while|long)\b", t, re.I)):
            print(r["lid"], int(r["lid"] in p1), t, sep="\t")
