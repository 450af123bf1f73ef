"""Golden values of association between categorical columns.

- cramers_v: scipy.stats.contingency.association(table, method="cramer") (no bias correction)
- mutual_info: sklearn.metrics.mutual_info_score(x, y) (nats)
Labels are given as integer codes; the table is their crosstab.
"""
import numpy as np
from scipy.stats import contingency
from sklearn.metrics import mutual_info_score

from common import read_csv, write

cases = []


def case(name, x, y):
    xs = sorted(set(x))
    ys = sorted(set(y))
    xi = [xs.index(v) for v in x]
    yi = [ys.index(v) for v in y]
    table = np.zeros((len(xs), len(ys)), dtype=np.int64)
    for a, b in zip(xi, yi):
        table[a, b] += 1
    exp = {"mutual_info": float(mutual_info_score(xi, yi))}
    if len(xs) > 1 and len(ys) > 1:
        exp["cramers_v"] = float(contingency.association(table, method="cramer"))
    cases.append({"name": name, "x": xi, "y": yi, "table": table.tolist(), "expected": exp})


rng = np.random.default_rng(11)
x = rng.integers(0, 4, 2000)
case("independent", list(x), list(rng.integers(0, 3, 2000)))
case("dependent", list(x), list((x + rng.integers(0, 2, 2000)) % 5))
penguins = read_csv("penguins.csv")
case("penguins species x island", [r["Species"] for r in penguins], [r["Island"] for r in penguins])
credit = read_csv("credit-g.csv")
case("credit-g housing x class", [r["housing"] for r in credit], [r["class"] for r in credit])

write("association", "association.py", cases)
