#!/usr/bin/python3
"""Apply pass-1 labels plus the recorded adjustments, shuffle with a fixed seed, assign ids
hb001... in file order and write ../messages.tsv. Stdlib only; imports nothing from the project."""
import csv, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import read_ones

def rd(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

rows = rd("rows.tsv")
ones = read_ones(os.path.join(HERE, "labels_pass1_ones.txt"))
label = {r["lid"]: int(r["lid"] in ones) for r in rows}
for a in rd("adjustments.tsv"):
    assert label[a["lid"]] == int(a["pass1"]), a
    label[a["lid"]] = int(a["final"])

random.Random(20261205).shuffle(rows)
with open(os.path.join(HERE, "..", "messages.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("id\tlabel\tsource\tcategory\ttext\n")
    for i, r in enumerate(rows, 1):
        for v in r.values():
            assert "\t" not in v and "\n" not in v
        f.write(f"hb{i:03d}\t{label[r['lid']]}\t{r['source']}\t{r['category']}\t{r['text']}\n")
print(len(rows), "rows written,", sum(label.values()), "labelled 1")
