"""Golden values of the association-loss measures (synthos-core org.synthos.core.assess).

- spearman_in_segment: scipy.stats.spearmanr(x[rows], y[rows]).correlation, which the segment
  measure reproduces as Pearson's r on mid-ranks among the segment's rows.
- corrected_v: Bergsma's bias-corrected Cramer's V (Bergsma 2013, J. Korean Stat. Soc. 42), from
  scipy.stats.chi2_contingency(table, correction=False); scipy has no corrected V, so the formula
  is transcribed here: phi2 = max(0, chi2/n - (r-1)(k-1)/(n-1)), r~ = r - (r-1)^2/(n-1), likewise
  k~, V~ = sqrt(phi2 / min(r~ - 1, k~ - 1)).
- distinct_deficit: max(0, 1 - (d_c/m_c) / (d_r/m_r)) with numpy.unique, d distinct values and m
  present cells of each side.
"""
import numpy as np
from scipy.stats import chi2_contingency, spearmanr

from common import read_csv, write

cases = []

penguins = read_csv("penguins.csv")
rows = [i for i, r in enumerate(penguins) if r["Species"] == "Adelie"
        and r["Beak Length (mm)"] not in ("", "NA") and r["Body Mass (g)"] not in ("", "NA")]
x = [float(penguins[i]["Beak Length (mm)"]) for i in rows]
y = [float(penguins[i]["Body Mass (g)"]) for i in rows]
cases.append({"name": "penguins Adelie beak length ~ body mass", "kind": "spearman_in_segment",
              "species": "Adelie", "expected": float(spearmanr(x, y).correlation)})


def corrected_v(a, b):
    xs, ys = sorted(set(a)), sorted(set(b))
    table = np.zeros((len(xs), len(ys)))
    for u, v in zip(a, b):
        table[xs.index(u), ys.index(v)] += 1
    chi2 = chi2_contingency(table, correction=False)[0]
    n = table.sum()
    r, k = table.shape
    phi2 = max(0.0, chi2 / n - (r - 1) * (k - 1) / (n - 1))
    rc = r - (r - 1) ** 2 / (n - 1)
    kc = k - (k - 1) ** 2 / (n - 1)
    return float(chi2), float(n), r, k, float(np.sqrt(phi2 / min(rc - 1, kc - 1)))


sp = [r["Species"] for r in penguins if r["Species"] and r["Island"]]
isl = [r["Island"] for r in penguins if r["Species"] and r["Island"]]
chi2, n, r, k, v = corrected_v(sp, isl)
cases.append({"name": "penguins species x island", "kind": "corrected_v", "a": "Species", "b": "Island",
              "chi2": chi2, "n": n, "r": r, "k": k, "expected": v})
credit = read_csv("credit-g.csv")
chi2, n, r, k, v = corrected_v([c["housing"] for c in credit], [c["purpose"] for c in credit])
cases.append({"name": "credit-g housing x purpose", "kind": "corrected_v", "a": "housing", "b": "purpose",
              "chi2": chi2, "n": n, "r": r, "k": k, "expected": v})
rng = np.random.default_rng(5)
a = list(rng.integers(0, 4, 400))
b = list(rng.integers(0, 3, 400))
chi2, n, r, k, v = corrected_v(a, b)
cases.append({"name": "independent 4 x 3", "kind": "corrected_v", "chi2": chi2, "n": n, "r": r, "k": k,
              "expected": v})

rng = np.random.default_rng(7)
ref = list(rng.integers(0, 300, 500).astype(float))
cand = list(rng.choice(ref, 500, replace=True))
dc, mc = len(np.unique(cand)), len(cand)
dr, mr = len(np.unique(ref)), len(ref)
cases.append({"name": "bootstrap of 500 draws from 300 values", "kind": "distinct_deficit",
              "candidate": cand, "reference": ref,
              "expected": float(max(0.0, 1 - (dc / mc) / (dr / mr)))})

write("association_loss", "association_loss.py", cases)
