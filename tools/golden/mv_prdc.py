"""Golden values of the verdict's nearest-neighbour measures (verdict.neighbours): precision,
recall, density and coverage with the formulas of clovaai/generative-evaluation-prdc (Naeem et al.
2020) at k = 5, on the engine's encoding (pooled z-scores) and float32 distances, plus the kNN
detection AUC (sklearn roc_auc_score), the close-copy share and the DCR deficit. "real" is the
reference, "fake" the candidate. The mv_alpha_*.txt inputs are those of the former alpha-precision
fixture (synthcity's estimator is not on the verdict path): a candidate from the reference law, and
one shrunk towards its centre.

Run: /usr/bin/python3 tools/golden/mv_prdc.py
"""
import os

import numpy as np

from mv_common import header, matrix, neighbour_values, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")


def case(name, real, fake):
    lines = header("mv_prdc.py")
    lines.append("# verdict nearest-neighbour measures (clovaai prdc formulas, k=5)")
    matrix(lines, "real", real)
    matrix(lines, "fake", fake)
    neighbour_values(lines, fake, real)
    write(os.path.join(OUT, name), lines)


rng = np.random.default_rng(20240601)
case("mv_prdc_shrunk.txt", rng.normal(size=(300, 4)), 0.8 * rng.normal(size=(250, 4)))
case("mv_prdc_shifted.txt", rng.normal(size=(200, 6)), rng.normal(size=(220, 6)) + np.array([0.7, 0, 0, 0, 0, 0]))

rng = np.random.default_rng(7)
case("mv_alpha_same.txt", rng.normal(size=(300, 3)), rng.normal(size=(280, 3)))
case("mv_alpha_shrunk.txt", rng.normal(size=(300, 3)), 0.5 * rng.normal(size=(300, 3)))
