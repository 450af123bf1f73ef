"""Exact duplicate golden values from numpy: a table of integer, float, string and null cells
with planted duplicates; distinct-row count, duplicate count, group sizes, and the candidate rows
that copy a reference row.

Cells are written with a type prefix: i:INT, f:FLOAT (repr), s:TEXT, n: (null).
Run: /usr/bin/python3 tools/golden/rows_duplicates.py
"""
import os

import numpy as np

from mv_common import header, value, vector, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")
rng = np.random.default_rng(5)


def table(n, pool):
    rows = []
    for _ in range(n):
        if pool and rng.random() < 0.3:
            rows.append(pool[rng.integers(len(pool))])
            continue
        a = int(rng.integers(0, 4))
        b = float(rng.integers(0, 3)) if rng.random() < 0.5 else float(np.round(rng.normal(), 1))
        c = ["x", "y", "", None][int(rng.integers(0, 4))]
        row = (a, b, c)
        rows.append(row)
        pool.append(row)
    return rows


pool = []
reference = table(300, pool)
candidate_pool = list(reference[:40])
candidate = table(200, candidate_pool)


def codes(rows):
    # numpy duplicate detection on integer codes of each column
    cols = list(zip(*rows))
    coded = []
    for col in cols:
        # v + 0.0 folds -0.0 into 0.0: numerically equal cells are the same value
        keys = [
            "n:" if v is None else f"{type(v).__name__}:{(v + 0.0 if isinstance(v, float) else v)!r}"
            for v in col
        ]
        _, inverse = np.unique(np.array(keys, dtype=object), return_inverse=True)
        coded.append(inverse)
    return np.stack(coded, axis=1)


def cell(v, kind):
    if v is None:
        return "n:"
    return {"int": "i:", "float": "f:", "str": "s:"}[kind] + (repr(v) if kind != "str" else v)


both = reference + candidate
all_codes = codes(both)
ref_codes = all_codes[: len(reference)]
cand_codes = all_codes[len(reference):]
uniq, counts = np.unique(ref_codes, axis=0, return_counts=True)
ref_set = {tuple(r) for r in ref_codes}
copied = [i for i, r in enumerate(cand_codes) if tuple(r) in ref_set]

lines = header("rows_duplicates.py")
for name, rows in (("reference", reference), ("candidate", candidate)):
    lines.append(f"table {name} {len(rows)}")
    for a, b, c in rows:
        lines.append("\t".join([cell(a, "int"), cell(b, "float"), cell(c, "str")]))
value(lines, "reference_distinct", len(uniq))
value(lines, "reference_duplicates", len(reference) - len(uniq))
vector(lines, "reference_group_sizes", sorted((c for c in counts if c > 1), reverse=True))
value(lines, "candidate_copied", len(copied))
value(lines, "candidate_distinct_copies", len({tuple(cand_codes[i]) for i in copied}))
vector(lines, "candidate_copied_rows", copied)
write(os.path.join(OUT, "rows_duplicates.txt"), lines)
