#!/usr/bin/python3
"""Merge real + written rows, drop duplicates and excluded texts (first held-out set, older
set, training files; build/exclude.py), and write the labelling sheet (id + text only,
shuffled, no source/category):
  build/rows.tsv             lid, source, category, text   (all rows)
  build/unlabelled.tsv       lid, text  (lids A001...)
Final ids hb001... are assigned later by finalize.py after a separate shuffle.
Stdlib only; imports nothing from the project."""
import csv, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from exclude import norm, excluded

old = excluded()

def read_written(name):
    rows, cat = [], None
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                cat = "written:" + line[3:].strip()
            elif line.strip() and not line.startswith("#"):
                rows.append(("written", cat, line.strip()))
    return rows

batch = []
with open(os.path.join(HERE, "real_rows.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        batch.append((r["source"], r["category"], r["text"]))
batch += read_written("written_messages.txt")

seen, keep = set(), []
for s, c, t in batch:
    k = norm(t)
    assert "\t" not in t
    if k in old:
        print("dropped (excluded text):", s, c); continue   # text not printed for real rows
    if k in seen:
        print("dropped (duplicate):", t); continue
    seen.add(k); keep.append((s, c, t))

random.Random(535353).shuffle(keep)
with open(os.path.join(HERE, "rows.tsv"), "w", encoding="utf-8") as f, \
     open(os.path.join(HERE, "unlabelled.tsv"), "w", encoding="utf-8") as g:
    f.write("lid\tsource\tcategory\ttext\n"); g.write("lid\ttext\n")
    for i, (s, c, t) in enumerate(keep, 1):
        f.write(f"A{i:03d}\t{s}\t{c}\t{t}\n"); g.write(f"A{i:03d}\t{t}\n")
print(len(keep), "rows")
