"""Golden values of the verdict's copy measures on a candidate that copies 30 training rows (10 of
them with noise of 1e-3) and draws the rest fresh; the training part is the reference:

- the nearest-neighbour measures of verdict.neighbours (close-copy share and DCR deficit foremost);
- copy_share: candidate rows equal to some reference row (numpy row equality);
- squared Mahalanobis distances of the pooled rows, candidate first (verdict.mahalanobis_squared).
The holdout part is drawn to keep the random stream of the former fixture, and not written.

Run: /usr/bin/python3 tools/golden/mv_dcr.py
"""
import os

import numpy as np

import verdict
from mv_common import header, matrix, neighbour_values, value, vector, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")

rng = np.random.default_rng(11)
train = rng.normal(size=(400, 5))
holdout = rng.normal(size=(200, 5))
# A candidate that copies 30 training rows (plus tiny noise on 10 of them) and draws the rest fresh.
copies = train[:30].copy()
copies[:10] += 1e-3 * rng.normal(size=(10, 5))
candidate = np.vstack([copies, rng.normal(size=(170, 5))])

lines = header("mv_dcr.py")
matrix(lines, "train", train)
matrix(lines, "candidate", candidate)
neighbour_values(lines, candidate, train)
value(lines, "copy_share", np.mean([any((row == train).all(axis=1)) for row in candidate]))
vector(lines, "squared_mahalanobis", verdict.mahalanobis_squared(candidate, train))
write(os.path.join(OUT, "mv_dcr.txt"), lines)
