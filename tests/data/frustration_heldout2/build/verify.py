#!/usr/bin/python3
"""Checks on ../messages.tsv: header, ids hb001.. in order, labels 0/1, no tabs/newlines,
no duplicate texts, no text of the first held-out set, the older set or any training file
(build/exclude.py, compared after lower-casing and collapsing whitespace), and every
banking77/clinc150 text present verbatim in the upstream test split. Stdlib only."""
import csv, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from exclude import norm, excluded
DATA = os.environ.get("SHARED_DATA", "/work/shared/data")
path = os.path.join(HERE, "..", "messages.tsv")
raw = open(path, encoding="utf-8").read()
assert raw.splitlines()[0] == "id\tlabel\tsource\tcategory\ttext"
assert all(line.count("\t") == 4 for line in raw.splitlines())
rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert all(len(r) == 5 and None not in r for r in rows)
assert [r["id"] for r in rows] == [f"hb{i:03d}" for i in range(1, len(rows) + 1)]
assert {r["label"] for r in rows} == {"0", "1"}
assert all(r["text"] == r["text"].strip() and r["text"] for r in rows)
assert len({norm(r["text"]) for r in rows}) == len(rows), "duplicate texts"
ex = excluded()
bad = [r["id"] for r in rows if norm(r["text"]) in ex]
assert not bad, ("excluded texts present", bad)
b77 = {r["text"] for r in csv.DictReader(open(os.path.join(DATA, "banking77", "test.csv"), encoding="utf-8"))}
cl = json.load(open(os.path.join(DATA, "clinc150", "data_full.json"), encoding="utf-8"))
cl = {t for t, _ in cl["test"]} | {t for t, _ in cl["oos_test"]}
for r in rows:
    if r["source"] == "banking77": assert r["text"] in b77, r["id"]
    elif r["source"] == "clinc150": assert r["text"] in cl, r["id"]
    else: assert r["source"] == "written" and r["category"].startswith("written:"), r["id"]
print("OK", len(rows), "rows;", len(ex), "excluded texts checked")
