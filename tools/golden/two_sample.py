"""Golden values of the verdict's two-sample measures of a numeric column, candidate a against
reference b (definitions in verdict.py): the KS statistic (scipy.stats.ks_2samp), the winsorised
spread deficit, the tail deficit and the distinct-value deficit.
"""
import numpy as np

import verdict
from common import floats, read_csv, write

rng = np.random.default_rng(20261128)
cases = []


def case(name, a, b):
    a = [float(x) for x in a]
    b = [float(x) for x in b]
    exp = {
        "ks": verdict.nan(verdict.ks(a, b)),
        "spread_deficit": verdict.nan(verdict.spread_deficit(a, b)),
        "tail_deficit": verdict.nan(verdict.tail_deficit(a, b)),
        "distinct_deficit": verdict.nan(verdict.distinct_deficit(a, b)),
    }
    cases.append({"name": name, "a": a, "b": b, "expected": exp})


case("normal vs shifted normal", rng.normal(0, 1, 400), rng.normal(0.3, 1.2, 400))
case("unequal sizes", rng.normal(5, 2, 150), rng.exponential(5, 333))
case("heavy ties (small integers)", rng.integers(0, 5, 500), rng.integers(0, 6, 500))
case("single values", [1.0], [2.0])
case("identical samples", [3, 1, 2, 2, 5], [5, 2, 1, 3, 2])
case("large magnitudes", rng.normal(1e12, 1e9, 200), rng.normal(1.001e12, 1e9, 200))

penguins = read_csv("penguins.csv")
adelie = [r for r in penguins if r["Species"] == "Adelie"]
gentoo = [r for r in penguins if r["Species"] == "Gentoo"]
case("penguins beak length: Adelie vs Gentoo",
     floats(adelie, "Beak Length (mm)"), floats(gentoo, "Beak Length (mm)"))
credit = read_csv("credit-g.csv")
case("credit-g credit_amount: first vs last 500 rows",
     floats(credit[:500], "credit_amount"), floats(credit[500:], "credit_amount"))
case("credit-g age vs duration",
     floats(credit, "age"), floats(credit, "duration"))

write("two_sample", "two_sample.py", cases)
