"""Golden values of the SDMetrics 0.29 column and pair metrics that the benchmark's quality
baseline (synthos-bench org.synthos.bench.calibration.QualityBaseline) computes, by their published
definitions; written to synthos-bench's test resources.

SDMetrics itself is not installable here, so its formulas are transcribed from the source
(sdv-dev/SDMetrics@54362a3): KSComplement (1 - scipy.stats.ks_2samp statistic, NaN dropped),
TVComplement with utils.get_frequencies (a synthetic-only category gets a real count of 1e-6 that
enters the real total), CorrelationSimilarity (Pearson via scipy.stats.pearsonr on complete rows)
and ContingencySimilarity (1 - TVD of the joint table, missing values as a category).
None marks a missing cell.
"""
import os
from collections import Counter

import numpy as np
from scipy import stats

from common import ROOT, column, read_csv, write

OUT = os.path.join(ROOT, "synthos-bench", "src", "test", "resources", "golden")


def get_frequencies(real, synthetic):
    f_obs, f_exp = [], []
    real, synthetic = Counter(real), Counter(synthetic)
    for value in synthetic:
        if value not in real:
            real[value] += 1e-6
    for value in real:
        f_obs.append(synthetic[value] / sum(synthetic.values()))
        f_exp.append(real[value] / sum(real.values()))
    return f_obs, f_exp


def tv_complement(real, syn):
    f_obs, f_exp = get_frequencies([v for v in real if v is not None], [v for v in syn if v is not None])
    return 1 - 0.5 * sum(abs(a - b) for a, b in zip(f_obs, f_exp))


def ks_complement(real, syn):
    return 1 - float(stats.ks_2samp([v for v in real if v is not None], [v for v in syn if v is not None]).statistic)


def correlation_similarity(rx, ry, sx, sy):
    def r(x, y):
        pairs = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
        return stats.pearsonr([p[0] for p in pairs], [p[1] for p in pairs]).statistic
    return 1 - abs(float(r(rx, ry)) - float(r(sx, sy))) / 2


def contingency_similarity(rx, ry, sx, sy):
    cr = Counter(zip(rx, ry))
    cs = Counter(zip(sx, sy))
    keys = set(cr) | set(cs)
    nr, ns = len(rx), len(sx)
    return 1 - 0.5 * sum(abs(cr[k] / nr - cs[k] / ns) for k in keys)


credit = read_csv("credit-g.csv")
real, syn = credit[:600], credit[600:]

rng = np.random.default_rng(5)
cases = []
# categorical columns; the synthetic side has a category the real side lacks
cat_r = column(real, "purpose", drop_every=17)
cat_s = column(syn, "purpose", drop_every=9)
cat_s[3] = "time machine"
cases.append({
    "name": "credit-g purpose (with nulls and an unseen category)",
    "kind": "categorical", "real": cat_r, "synthetic": cat_s,
    "expected": {"tv_complement": tv_complement(cat_r, cat_s)},
})
num_r = column(real, "credit_amount", numeric=True, drop_every=13)
num_s = [None if v is None else v * 0.9 + 300 for v in column(syn, "credit_amount", numeric=True, drop_every=7)]
cases.append({
    "name": "credit-g credit_amount (scaled synthetic)",
    "kind": "numeric", "real": num_r, "synthetic": num_s,
    "expected": {"ks_complement": ks_complement(num_r, num_s)},
})
ax_r = column(real, "age", numeric=True, drop_every=11)
ay_r = column(real, "duration", numeric=True)
ax_s = column(syn, "age", numeric=True)
ay_s = [None if v is None else v + float(rng.normal(0, 5)) for v in column(syn, "duration", numeric=True, drop_every=5)]
cases.append({
    "name": "credit-g age x duration correlation",
    "kind": "numeric_pair", "real_x": ax_r, "real_y": ay_r, "synthetic_x": ax_s, "synthetic_y": ay_s,
    "expected": {"correlation_similarity": correlation_similarity(ax_r, ay_r, ax_s, ay_s)},
})
cx_r = column(real, "housing", drop_every=10)
cy_r = column(real, "class")
cx_s = column(syn, "housing")
cy_s = column(syn, "class", drop_every=8)
cases.append({
    "name": "credit-g housing x class contingency (missing as a category)",
    "kind": "categorical_pair", "real_x": cx_r, "real_y": cy_r, "synthetic_x": cx_s, "synthetic_y": cy_s,
    "expected": {"contingency_similarity": contingency_similarity(cx_r, cy_r, cx_s, cy_s)},
})

write("sdmetrics", "sdmetrics_defs.py", cases, OUT)
