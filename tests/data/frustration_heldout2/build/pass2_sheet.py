#!/usr/bin/python3
"""Draw a seeded random 20% of all rows for the blind second labelling pass.
Writes pass2_sheet.tsv (rid, text; re-shuffled, new ids so first-pass ids cannot be
recognised) and pass2_key.tsv (rid -> lid, used only by kappa.py). Stdlib only."""
import csv, math, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "rows.tsv"), encoding="utf-8") as f:
    rows = [(r["lid"], r["text"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
rng = random.Random(8808)
sample = rng.sample(rows, math.ceil(0.2 * len(rows)))
with open(os.path.join(HERE, "pass2_sheet.tsv"), "w", encoding="utf-8") as f, \
     open(os.path.join(HERE, "pass2_key.tsv"), "w", encoding="utf-8") as g:
    f.write("rid\ttext\n"); g.write("rid\tlid\n")
    for i, (lid, t) in enumerate(sample, 1):
        f.write(f"R{i:03d}\t{t}\n"); g.write(f"R{i:03d}\t{lid}\n")
print(len(sample), "rows in pass 2")
