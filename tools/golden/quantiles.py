"""Golden values for the KLL quantile sketch.

For each case: the values (in stream order), the sketch size k, numpy.quantile(method="inverted_cdf")
at fixed ranks (the smallest value whose empirical CDF reaches the rank, which an uncompacted sketch
reproduces exactly with inclusive search) and the exact empirical CDF at probe points. A compacted
sketch must stay within its normalized rank error of these.
"""
import numpy as np

from common import write

RANKS = [0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]
cases = []


def case(name, values, k):
    v = np.asarray(values, dtype=float)
    s = np.sort(v)
    probes = np.unique(np.quantile(s, np.linspace(0.02, 0.98, 25), method="inverted_cdf"))
    cases.append({
        "name": name,
        "k": k,
        "values": [float(x) for x in v],
        "ranks": RANKS,
        "quantiles": [float(np.quantile(v, r, method="inverted_cdf")) for r in RANKS],
        "probes": [float(p) for p in probes],
        "cdf": [float(np.mean(v <= p)) for p in probes],
    })


rng = np.random.default_rng(20)
case("normal, uncompacted", rng.normal(5, 2, 300), 512)
case("integers with ties, uncompacted", rng.integers(-3, 4, 400), 400)
case("lognormal, compacted", rng.lognormal(0, 1.5, 8000), 64)
case("sorted ascending, compacted", np.arange(5000) * 0.5, 32)
case("bimodal with ties, compacted", np.round(np.concatenate([rng.normal(0, 1, 4000), rng.normal(20, 3, 2000)]), 1), 200)

write("quantiles", "quantiles.py", cases)
