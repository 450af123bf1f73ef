"""Golden values of the verdict's association between two categorical columns on one side.

- cramers_v: scipy.stats.contingency.association(table, method="cramer"), without bias correction,
  as the verdict's Cramer's V (verdict.cramers_v); the association loss's bias-corrected V is
  association_loss.py's.
Labels are given as integer codes; the table is their crosstab.
"""
import numpy as np

import verdict
from common import read_csv, write

cases = []


def case(name, x, y):
    xs = sorted(set(x))
    ys = sorted(set(y))
    xi = [xs.index(v) for v in x]
    yi = [ys.index(v) for v in y]
    cases.append({"name": name, "x": xi, "y": yi, "expected": {"cramers_v": verdict.cramers_v(xi, yi)}})


rng = np.random.default_rng(11)
x = rng.integers(0, 4, 2000)
case("independent", list(x), list(rng.integers(0, 3, 2000)))
case("dependent", list(x), list((x + rng.integers(0, 2, 2000)) % 5))
penguins = read_csv("penguins.csv")
case("penguins species x island", [r["Species"] for r in penguins], [r["Island"] for r in penguins])
credit = read_csv("credit-g.csv")
case("credit-g housing x class", [r["housing"] for r in credit], [r["class"] for r in credit])

write("association", "association.py", cases)
