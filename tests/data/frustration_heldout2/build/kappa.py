#!/usr/bin/python3
"""Agreement between pass 1 and the blind pass 2 (20% re-label): Cohen's kappa.
Prints the 2x2 table, observed agreement, kappa, and the disagreeing rows. Stdlib only."""
import csv, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import read_ones

def rd(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

text = {r["lid"]: r["text"] for r in rd("rows.tsv")}
key = {r["rid"]: r["lid"] for r in rd("pass2_key.tsv")}
p1 = read_ones(os.path.join(HERE, "labels_pass1_ones.txt"))
p2 = read_ones(os.path.join(HERE, "labels_pass2_ones.txt"))
assert p1 <= set(text) and p2 <= set(key)

pairs = [(int(key[r] in p1), int(r in p2), r) for r in sorted(key)]
n = len(pairs)
table = {(a, b): sum(1 for x, y, _ in pairs if (x, y) == (a, b)) for a in (0, 1) for b in (0, 1)}
po = (table[0, 0] + table[1, 1]) / n
p1_1 = (table[1, 0] + table[1, 1]) / n
p2_1 = (table[0, 1] + table[1, 1]) / n
pe = p1_1 * p2_1 + (1 - p1_1) * (1 - p2_1)
kappa = (po - pe) / (1 - pe)
print(f"n = {n}")
print("            pass2=0  pass2=1")
print(f"pass1=0     {table[0,0]:7d}  {table[0,1]:7d}")
print(f"pass1=1     {table[1,0]:7d}  {table[1,1]:7d}")
print(f"observed agreement = {po:.3f}; expected = {pe:.3f}; Cohen's kappa = {kappa:.3f}")
print("disagreements (rid, lid, pass1, pass2, text):")
for a, b, r in pairs:
    if a != b:
        print(f"  {r}\t{key[r]}\t{a}\t{b}\t{text[key[r]]}")
