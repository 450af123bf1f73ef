"""Alpha-precision / beta-recall golden values: synthcity's deterministic "naive" estimator
(AlphaPrecision.metrics with emb_center = real mean, n_steps = 30), applied to the given matrix.

Run: /usr/bin/python3 tools/golden/mv_alpha.py
"""
import os

import numpy as np
from sklearn.neighbors import NearestNeighbors

from mv_common import header, matrix, value, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")


def alpha_beta(X, X_syn):
    emb_center = np.mean(X, axis=0)
    n_steps = 30
    alphas = np.linspace(0, 1, n_steps)
    Radii = np.quantile(np.sqrt(np.sum((X - emb_center) ** 2, axis=1)), alphas)
    synth_center = np.mean(X_syn, axis=0)
    synth_to_center = np.sqrt(np.sum((X_syn - emb_center) ** 2, axis=1))
    nbrs_real = NearestNeighbors(n_neighbors=2, n_jobs=1, p=2).fit(X)
    real_to_real, _ = nbrs_real.kneighbors(X)
    nbrs_synth = NearestNeighbors(n_neighbors=1, n_jobs=1, p=2).fit(X_syn)
    real_to_synth, real_to_synth_args = nbrs_synth.kneighbors(X)
    real_to_real = real_to_real[:, 1].squeeze()
    real_to_synth = real_to_synth.squeeze()
    real_to_synth_args = real_to_synth_args.squeeze()
    real_synth_closest = X_syn[real_to_synth_args]
    real_synth_closest_d = np.sqrt(np.sum((real_synth_closest - synth_center) ** 2, axis=1))
    closest_synth_Radii = np.quantile(real_synth_closest_d, alphas)
    precision_curve = []
    coverage_curve = []
    for k in range(len(Radii)):
        precision_curve.append(np.mean(synth_to_center <= Radii[k]))
        coverage_curve.append(
            np.mean((real_to_synth <= real_to_real) * (real_synth_closest_d <= closest_synth_Radii[k]))
        )
    a = np.array(alphas)
    dp = 1 - np.sum(np.abs(a - np.array(precision_curve))) / np.sum(a)
    dc = 1 - np.sum(np.abs(a - np.array(coverage_curve))) / np.sum(a)
    return dp, dc


def case(name, real, fake):
    lines = header("mv_alpha.py")
    lines.append("# synthcity AlphaPrecision naive estimator, 30 steps")
    matrix(lines, "real", real)
    matrix(lines, "fake", fake)
    dp, dc = alpha_beta(real, fake)
    value(lines, "alpha_precision", dp)
    value(lines, "beta_recall", dc)
    write(os.path.join(OUT, name), lines)


rng = np.random.default_rng(7)
case("mv_alpha_same.txt", rng.normal(size=(300, 3)), rng.normal(size=(280, 3)))
case("mv_alpha_shrunk.txt", rng.normal(size=(300, 3)), 0.5 * rng.normal(size=(300, 3)))
