"""Texts that must not appear in the second held-out set, normalised (lower-cased, whitespace
collapsed): the first held-out set, the older set, and every training file. The texts are
only compared by this script, never shown. Stdlib only; imports nothing from the project."""
import csv, glob, gzip, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(HERE, "..", "..")

def norm(t):
    return " ".join(t.split()).lower()

def excluded():
    ex = set()
    tsvs = [os.path.join(DATA_DIR, "frustration_heldout", "messages.tsv"),
            os.path.join(DATA_DIR, "frustration", "support_messages.tsv")]
    tsvs += sorted(glob.glob(os.path.join(DATA_DIR, "frustration_train", "*.tsv")))
    for p in tsvs:
        with open(p, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                ex.add(norm(r["text"]))
    with gzip.open(os.path.join(DATA_DIR, "frustration_train", "train.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            ex.add(norm(json.loads(line)["text"]))
    return ex

if __name__ == "__main__":
    print(len(excluded()), "excluded texts (normalised)")
