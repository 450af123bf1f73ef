"""Detection golden values: sklearn roc_auc_score on scores with ties, and a cross-validated
detection AUC from sklearn's HistGradientBoostingClassifier for comparison (not identical models,
so the Java test allows a tolerance).

Run: /usr/bin/python3 tools/golden/mv_detection.py
"""
import os

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from mv_common import header, matrix, value, vector, write

OUT = os.path.join(os.path.dirname(__file__), "../../synthos-core/src/test/resources/golden")

rng = np.random.default_rng(3)
labels = rng.integers(0, 2, size=500)
scores = np.round(rng.normal(size=500) + 0.6 * labels, 1)  # rounding makes many ties
lines = header("mv_detection.py")
vector(lines, "scores", scores)
vector(lines, "labels", labels)
value(lines, "auc", roc_auc_score(labels, scores))
write(os.path.join(OUT, "mv_auc.txt"), lines)


def detection(real, fake):
    x = np.vstack([real, fake])
    y = np.concatenate([np.zeros(len(real)), np.ones(len(fake))])
    aucs = []
    for train, test in StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(x, y):
        model = HistGradientBoostingClassifier(
            max_iter=100, max_depth=3, learning_rate=0.1, min_samples_leaf=20, max_bins=32,
            early_stopping=False, random_state=0,
        )
        model.fit(x[train], y[train])
        aucs.append(roc_auc_score(y[test], model.predict_proba(x[test])[:, 1]))
    return np.mean(aucs)


for name, shift in (("mv_detection_same.txt", 0.0), ("mv_detection_shifted.txt", 0.5)):
    real = rng.normal(size=(600, 3))
    fake = rng.normal(size=(600, 3))
    fake[:, 0] = fake[:, 0] * (1 + shift) + shift
    lines = header("mv_detection.py")
    lines.append("# HistGradientBoostingClassifier(max_iter=100, max_depth=3, learning_rate=0.1,"
                 " min_samples_leaf=20, max_bins=32), StratifiedKFold(3, shuffle, random_state=0)")
    matrix(lines, "real", real)
    matrix(lines, "fake", fake)
    value(lines, "auc", detection(real, fake))
    write(os.path.join(OUT, name), lines)
