"""PRDC golden values with the formulas of clovaai/generative-evaluation-prdc (Naeem et al. 2020).

Run: /usr/bin/python3 tools/golden/mv_prdc.py
"""
import os

import numpy as np
from sklearn.metrics import pairwise_distances

from mv_common import header, matrix, value, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")


def kth_radii(x, k):
    d = pairwise_distances(x, x, metric="euclidean", n_jobs=1)
    # k+1-th smallest including self = k-th nearest other row
    return np.partition(d, k, axis=-1)[:, k]


def prdc(real, fake, k):
    real_r = kth_radii(real, k)
    fake_r = kth_radii(fake, k)
    d = pairwise_distances(real, fake, metric="euclidean", n_jobs=1)
    precision = (d < np.expand_dims(real_r, axis=1)).any(axis=0).mean()
    recall = (d < np.expand_dims(fake_r, axis=0)).any(axis=1).mean()
    density = (1.0 / float(k)) * (d < np.expand_dims(real_r, axis=1)).sum(axis=0).mean()
    coverage = (d.min(axis=1) < real_r).mean()
    return precision, recall, density, coverage


def case(name, real, fake, k):
    lines = header("mv_prdc.py")
    lines.append(f"# clovaai prdc formulas, k={k}")
    matrix(lines, "real", real)
    matrix(lines, "fake", fake)
    value(lines, "k", k)
    for metric, v in zip(("precision", "recall", "density", "coverage"), prdc(real, fake, k)):
        value(lines, metric, v)
    write(os.path.join(OUT, name), lines)


rng = np.random.default_rng(20240601)
case("mv_prdc_shrunk.txt", rng.normal(size=(300, 4)), 0.8 * rng.normal(size=(250, 4)), 5)
case(
    "mv_prdc_shifted.txt",
    rng.normal(size=(200, 6)),
    rng.normal(size=(220, 6)) + np.array([0.7, 0, 0, 0, 0, 0]),
    3,
)
