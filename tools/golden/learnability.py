"""Golden values of the learnability dimension's statistics:

- metrics: scikit-learn's roc_auc_score (binary, and multi_class="ovr" weighted by class shares),
  accuracy_score, log_loss, r2_score and the root of mean_squared_error, on fixed predictions;
- curves: scipy.optimize.curve_fit of the two learning-curve families (POW3 and MMF4, in the
  scaled size u = n / n_ref) to fixed losses, and each fit's value at u = 10.

Run: /usr/bin/python3 tools/golden/learnability.py
"""
import numpy as np
from scipy.optimize import curve_fit
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error, r2_score, roc_auc_score

from common import write

rng = np.random.default_rng(12)
cases = []


def f32(a):
    """Values as the engine holds predictions (float32), back in float64 for the metrics."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def classification(name, k, n, signal):
    labels = rng.integers(0, k, size=n)
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), labels] += signal
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    p = f32(p)
    p = p / p.sum(axis=1, keepdims=True)
    p = f32(p)
    if k == 2:
        auc = roc_auc_score(labels, p[:, 1])
    else:
        auc = roc_auc_score(labels, p, multi_class="ovr", average="weighted")
    cases.append({
        "name": name, "kind": "classification", "labels": labels.tolist(),
        "predictions": p.tolist(),
        "expected": {"roc_auc": auc, "accuracy": accuracy_score(labels, p.argmax(axis=1)),
                     "log_loss": log_loss(labels, p, labels=list(range(k)))},
    })


def regression(name, n, noise):
    y = f32(rng.normal(size=n) * 3 + 10)
    pred = f32(y + rng.normal(size=n) * noise)
    cases.append({
        "name": name, "kind": "regression", "labels": y.tolist(), "predictions": pred.tolist(),
        "expected": {"r2": r2_score(y, pred), "rmse": float(np.sqrt(mean_squared_error(y, pred)))},
    })


def pow3(u, a, b, c):
    return a * u ** (-b) + c


def mmf4(u, a, b, c, d):
    return (a * b + c * u ** d) / (b + u ** d)


def curve(name, sizes, losses, with_mmf4):
    """MMF4 only where its optimum is finite: on a pure power law its parameters run off to infinity
    (the family approaches the power law only in a limit), and neither fitter has an answer."""
    u = np.array(sizes, dtype=float) / sizes[-1]
    losses = np.array(losses, dtype=float)
    c0 = 0.9 * losses.min()
    p3, _ = curve_fit(pow3, u, losses, p0=[(losses[0] - c0) * u[0] ** 0.5, 0.5, c0], maxfev=20000)
    expected = {"pow3": p3.tolist(), "pow3_at_10": float(pow3(10.0, *p3))}
    if with_mmf4:
        p4, _ = curve_fit(mmf4, u, losses, p0=[1.1 * losses[0], 0.25, c0, 1.0], maxfev=20000)
        expected.update({"mmf4": p4.tolist(), "mmf4_at_10": float(mmf4(10.0, *p4))})
    cases.append({"name": name, "kind": "curve", "sizes": sizes, "losses": losses.tolist(),
                  "expected": expected})


classification("binary_weak", 2, 300, 0.4)
classification("binary_strong", 2, 200, 2.0)
classification("multiclass_5", 5, 400, 1.0)
regression("regression_close", 250, 0.5)
regression("regression_noisy", 250, 4.0)
n = [62, 125, 250, 500, 1000, 2000]
curve("power_law_noisy", n, [0.9 * x ** -0.45 + 0.21 + e for x, e in
                             zip(np.array(n) / 2000, [0.004, -0.006, 0.003, -0.002, 0.001, 0.0])],
      False)
curve("saturating", n, [0.693, 0.61, 0.55, 0.515, 0.497, 0.49], True)
write("learnability", "learnability.py", cases)
