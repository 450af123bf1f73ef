"""DCR golden values: nearest-neighbour distances (sklearn NearestNeighbors) of candidate and
holdout rows to a training part, the holdout's 5th percentile (numpy linear quantile) and the
share of candidate rows strictly below it.

Run: /usr/bin/python3 tools/golden/mv_dcr.py
"""
import os

import numpy as np
from sklearn.neighbors import NearestNeighbors

from mv_common import header, matrix, value, vector, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")

rng = np.random.default_rng(11)
train = rng.normal(size=(400, 5))
holdout = rng.normal(size=(200, 5))
# A candidate that copies 30 training rows (plus tiny noise on 10 of them) and draws the rest fresh.
copies = train[:30].copy()
copies[:10] += 1e-3 * rng.normal(size=(10, 5))
candidate = np.vstack([copies, rng.normal(size=(170, 5))])

nn = NearestNeighbors(n_neighbors=1, p=2, n_jobs=1).fit(train)
holdout_dcr = nn.kneighbors(holdout)[0][:, 0]
candidate_dcr = nn.kneighbors(candidate)[0][:, 0]
q05 = np.quantile(holdout_dcr, 0.05)

lines = header("mv_dcr.py")
matrix(lines, "train", train)
matrix(lines, "holdout", holdout)
matrix(lines, "candidate", candidate)
vector(lines, "candidate_dcr", candidate_dcr)
value(lines, "holdout_p5", q05)
value(lines, "holdout_share_below", np.mean(holdout_dcr < q05))
value(lines, "candidate_share_below", np.mean(candidate_dcr < q05))
value(lines, "median_candidate_dcr", np.median(candidate_dcr))
value(lines, "median_holdout_dcr", np.median(holdout_dcr))
value(lines, "exact_copies", np.sum(candidate_dcr == 0))
write(os.path.join(OUT, "mv_dcr.txt"), lines)
