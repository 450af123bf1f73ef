"""Golden values of column moments and small-sample quantiles.

mean, var (ddof=1), scipy.stats.skew (bias=True), scipy.stats.kurtosis (fisher=True, bias=True);
quantiles: numpy.quantile(method="inverted_cdf"), which a KLL sketch holding every value
(n <= k) reproduces with inclusive search.
"""
import numpy as np
from scipy import stats

from common import floats, read_csv, write

RANKS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
cases = []


def case(name, values):
    v = np.array(values, dtype=float)
    cases.append({
        "name": name,
        "values": [float(x) for x in v],
        "expected": {
            "mean": float(v.mean()),
            "var": float(v.var(ddof=1)),
            "skew": float(stats.skew(v)),
            "kurtosis": float(stats.kurtosis(v)),
            "ranks": RANKS,
            "quantiles": [float(np.quantile(v, r, method="inverted_cdf")) for r in RANKS],
        },
    })


rng = np.random.default_rng(3)
case("lognormal", rng.lognormal(0, 1, 150))
case("offset normal (cancellation)", 1e9 + rng.normal(0, 1, 120))
case("integers with ties", rng.integers(0, 4, 180))
penguins = read_csv("penguins.csv")
case("penguins body mass", floats(penguins, "Body Mass (g)")[:190])

write("moments", "moments.py", cases)
