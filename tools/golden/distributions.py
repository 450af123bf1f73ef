"""Golden values of distances between binned distributions and of categorical summaries.

p (reference) and q (candidate) are mass vectors on the same bins.
- tvd: 0.5 * sum |p - q|
- jensenshannon: scipy.spatial.distance.jensenshannon(p, q, base=2)  (a distance)
- hellinger: sqrt(0.5 * sum (sqrt p - sqrt q)^2)  (Evidently's hellinger_stat_test)
- psi: Evidently psi_stat_test, transcribed below (zero masses replaced per side)
- entropy_bits: scipy.stats.entropy(counts, base=2) of the reference counts
- gini_impurity: 1 - sum p^2 of the reference counts
"""
import numpy as np
from scipy import stats
from scipy.spatial import distance

from common import read_csv, write


def evidently_psi(reference_percents, current_percents):
    # evidently/legacy/calculations/stattests/psi.py (commit a4aa4c2)
    r = np.array(reference_percents, dtype=float)
    c = np.array(current_percents, dtype=float)
    r_min = min(r[r != 0])
    np.place(r, r == 0, r_min / 10**6 if r_min <= 0.0001 else 0.0001)
    c_min = min(c[c != 0])
    np.place(c, c == 0, c_min / 10**6 if c_min <= 0.0001 else 0.0001)
    return float(np.sum((r - c) * np.log(r / c)))


cases = []


def case(name, ref_counts, cand_counts):
    rc = np.array(ref_counts, dtype=float)
    cc = np.array(cand_counts, dtype=float)
    p = rc / rc.sum()
    q = cc / cc.sum()
    cases.append({
        "name": name,
        "reference_counts": [int(x) for x in ref_counts],
        "candidate_counts": [int(x) for x in cand_counts],
        "expected": {
            "tvd": float(0.5 * np.abs(p - q).sum()),
            "jensenshannon": float(distance.jensenshannon(p, q, base=2)),
            "hellinger": float(np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2))),
            "psi": evidently_psi(p, q),
            "entropy_bits": float(stats.entropy(rc, base=2)),
            "gini_impurity": float(1 - np.sum(p**2)),
        },
    })


rng = np.random.default_rng(7)
case("close categorical", [50, 30, 20], [48, 33, 19])
case("disjoint support", [10, 0, 0, 5], [0, 7, 3, 0])
case("identical", [5, 5, 5, 5], [1, 1, 1, 1])
case("one bin empty in candidate", [400, 300, 200, 100], [410, 320, 270, 0])
case("many bins", list(rng.integers(1, 1000, 60)), list(rng.integers(1, 1000, 60)))

weather = read_csv("seattle-weather.csv")
kinds = sorted({r["weather"] for r in weather})
half = len(weather) // 2
first = [sum(1 for r in weather[:half] if r["weather"] == k) for k in kinds]
second = [sum(1 for r in weather[half:] if r["weather"] == k) for k in kinds]
case("seattle weather kinds: first vs second half", first, second)

write("distributions", "distributions.py", cases)
