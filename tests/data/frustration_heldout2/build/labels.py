"""Read a '*_ones.txt' label file: lines 'X nnn nnn ...' list ids (prefix X) labelled 1.
Returns the set of ids labelled 1. Stdlib only."""
def read_ones(path):
    ones = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            prefix, *nums = line.split()
            ones |= {f"{prefix}{n}" for n in nums}
    return ones
