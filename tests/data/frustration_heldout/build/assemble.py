#!/usr/bin/python3
"""Merge real + written rows, drop duplicates and texts of the older set, and write the
labelling sheets (id + text only, shuffled, no source/category):
  build/rows.tsv             lid, source, category, text   (all rows)
  build/unlabelled.tsv       lid, text  for batch A (real rows + written batch 1), lids A001...
  build/unlabelled_b.tsv     lid, text  for batch B (written batch 2), lids B001...
Final ids ho001... are assigned later by finalize.py after a separate shuffle.
Stdlib only; imports nothing from the project."""
import csv, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
OLD = os.path.join(HERE, "..", "..", "frustration", "support_messages.tsv")
norm = lambda t: " ".join(t.split()).lower()

old = set()
with open(OLD, encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        old.add(norm(r["text"]))

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

batch_a = []
with open(os.path.join(HERE, "real_rows.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        batch_a.append((r["source"], r["category"], r["text"]))
batch_a += read_written("written_messages.txt")
batch_b = read_written("written_messages_batch2.txt")

seen = set()
def dedupe(rows):
    keep = []
    for s, c, t in rows:
        k = norm(t)
        assert "\t" not in t
        if k in old:
            print("dropped (in old set):", t); continue
        if k in seen:
            print("dropped (duplicate):", t); continue
        seen.add(k); keep.append((s, c, t))
    return keep

batch_a, batch_b = dedupe(batch_a), dedupe(batch_b)
random.Random(424242).shuffle(batch_a)
random.Random(424243).shuffle(batch_b)
with open(os.path.join(HERE, "rows.tsv"), "w", encoding="utf-8") as f:
    f.write("lid\tsource\tcategory\ttext\n")
    for prefix, batch, sheet in (("A", batch_a, "unlabelled.tsv"), ("B", batch_b, "unlabelled_b.tsv")):
        with open(os.path.join(HERE, sheet), "w", encoding="utf-8") as g:
            g.write("lid\ttext\n")
            for i, (s, c, t) in enumerate(batch, 1):
                f.write(f"{prefix}{i:03d}\t{s}\t{c}\t{t}\n"); g.write(f"{prefix}{i:03d}\t{t}\n")
print(len(batch_a), "rows in batch A,", len(batch_b), "rows in batch B")
