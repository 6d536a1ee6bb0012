#!/usr/bin/python3
"""Composition tables for ../messages.tsv (markdown): source x label, and category counts."""
import csv, os
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "messages.tsv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
sl = Counter((r["source"], r["label"]) for r in rows)
print("| source | label 1 (frustrated) | label 0 (not) | total | % frustrated |")
print("|---|---:|---:|---:|---:|")
for s in ("banking77", "clinc150", "written"):
    a, b = sl[s, "1"], sl[s, "0"]
    print(f"| `{s}` | {a} | {b} | {a+b} | {100*a/(a+b):.1f} |")
a = sum(v for (s, l), v in sl.items() if l == "1"); n = len(rows)
print(f"| **all** | **{a}** | **{n-a}** | **{n}** | **{100*a/n:.1f}** |")
print()
def group(c):
    head, _, tail = c.partition(":")
    if head == "scan":
        return "banking77 scan (frustration signs)"
    if head == "random":
        return None
    return "written: " + tail
g = Counter()
for r in rows:
    k = group(r["category"]) or f"{r['source']} random sample"
    g[k, r["label"]] += 1
print("| category group | label 1 | label 0 | total |")
print("|---|---:|---:|---:|")
for k in sorted({k for k, _ in g}):
    print(f"| {k} | {g[k,'1']} | {g[k,'0']} | {g[k,'1']+g[k,'0']} |")
print()
sig = Counter()
for r in rows:
    if r["category"].startswith("scan:"):
        for s in r["category"][5:].split("+"):
            sig[s, r["label"]] += 1
if not sig:
    print("(no scan rows: every BANKING77 test row matching a sign was already excluded or sampled)")
else:
    print("| scan sign (a row can have several) | label 1 | label 0 |")
    print("|---|---:|---:|")
    for s in sorted({s for s, _ in sig}):
        print(f"| `{s}` | {sig[s,'1']} | {sig[s,'0']} |")
