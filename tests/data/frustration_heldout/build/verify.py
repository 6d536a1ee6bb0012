#!/usr/bin/python3
"""Checks on ../messages.tsv: header, ids ho001.. in order, labels 0/1, no tabs/newlines,
no duplicate texts, no text from the older set, and every banking77/clinc150 text present
verbatim in the upstream test split. Stdlib only."""
import csv, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("SHARED_DATA", "/work/shared/data")
norm = lambda t: " ".join(t.split()).lower()
path = os.path.join(HERE, "..", "messages.tsv")
raw = open(path, encoding="utf-8").read()
assert raw.splitlines()[0] == "id\tlabel\tsource\tcategory\ttext"
rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert all(len(r) == 5 and None not in r for r in rows)
assert [r["id"] for r in rows] == [f"ho{i:03d}" for i in range(1, len(rows) + 1)]
assert {r["label"] for r in rows} == {"0", "1"}
assert len({norm(r["text"]) for r in rows}) == len(rows)
old = {norm(r["text"]) for r in csv.DictReader(open(os.path.join(HERE, "..", "..", "frustration", "support_messages.tsv"), encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)}
assert not any(norm(r["text"]) in old for r in rows)
b77 = {r["text"] for r in csv.DictReader(open(os.path.join(DATA, "banking77", "test.csv"), encoding="utf-8"))}
cl = json.load(open(os.path.join(DATA, "clinc150", "data_full.json"), encoding="utf-8"))
cl = {t for t, _ in cl["test"]} | {t for t, _ in cl["oos_test"]}
for r in rows:
    if r["source"] == "banking77": assert r["text"] in b77, r
    elif r["source"] == "clinc150": assert r["text"] in cl, r
    else: assert r["source"] == "written", r
print("OK", len(rows), "rows")
