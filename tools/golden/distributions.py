"""Golden values of the verdict's measures of a categorical column, candidate against reference
(definitions in verdict.py), given as counts on the same categories: TVD, the entropy of each side
in nats (scipy.stats.entropy), the entropy deficit and the rare-category deficit.
"""
import numpy as np
from scipy import stats

import verdict
from common import read_csv, write


cases = []


def case(name, ref_counts, cand_counts):
    # Cells of each side: category i repeated as often as it is counted.
    ref = [f"k{i:03d}" for i, n in enumerate(ref_counts) for _ in range(n)]
    cand = [f"k{i:03d}" for i, n in enumerate(cand_counts) for _ in range(n)]
    cases.append({
        "name": name,
        "reference_counts": [int(x) for x in ref_counts],
        "candidate_counts": [int(x) for x in cand_counts],
        "expected": {
            "tvd": verdict.tvd(cand, ref),
            "entropy_reference": float(stats.entropy(ref_counts)),
            "entropy_candidate": float(stats.entropy(cand_counts)),
            "entropy_deficit": verdict.nan(verdict.entropy_deficit(cand, ref)),
            "rare_deficit": verdict.nan(verdict.rare_deficit(cand, ref)),
        },
    })


rng = np.random.default_rng(7)
case("close categorical", [50, 30, 20], [48, 33, 19])
case("disjoint support", [10, 0, 0, 5], [0, 7, 3, 0])
case("identical", [5, 5, 5, 5], [1, 1, 1, 1])
case("one bin empty in candidate", [400, 300, 200, 100], [410, 320, 270, 0])
case("rare categories thinned in candidate", [500, 300, 150, 30, 20], [520, 310, 160, 10, 0])
case("many bins", list(rng.integers(1, 1000, 60)), list(rng.integers(1, 1000, 60)))

weather = read_csv("seattle-weather.csv")
kinds = sorted({r["weather"] for r in weather})
half = len(weather) // 2
first = [sum(1 for r in weather[:half] if r["weather"] == k) for k in kinds]
second = [sum(1 for r in weather[half:] if r["weather"] == k) for k in kinds]
case("seattle weather kinds: first vs second half", first, second)

write("distributions", "distributions.py", cases)
