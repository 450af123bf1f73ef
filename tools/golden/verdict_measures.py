"""Golden values of the verdict's measures that the per-statistic fixtures (two_sample.py,
distributions.py, association.py) do not cover, by the definitions in verdict.py:

- column: the missing-value gap (and KS, TVD) of one column "x", candidate against reference;
- pair: the association of columns "x" and "y" on each side (Pearson's r of two numeric columns,
  else Cramer's V with numeric columns cut at the pooled quintiles) and its gap;
- rare_combinations: the rare-combination deficit over every pair of categorical columns;
- hypergeometric: scipy.stats.hypergeom.ppf, the exact band of the tail and rare-category deficits;
- drift: the temporal drift statistic of one column in file order (KS or TVD of each fifth against
  the rest);
- mahalanobis: squared Mahalanobis distances from the reference mean, with nulls;
- repeats: the exact and near duplicate shares of the candidate and its share of reference copies.
Columns listed in "numeric" hold numbers; None is a null cell. Inputs reuse the credit-g columns of
sdmetrics_defs.py, the seattle-weather and penguins examples, and the hand-made cases formerly held
in MeasuresGoldenTest.
"""
import numpy as np

import verdict
from common import column, read_csv, write

cases = []


def column_case(name, cand, ref, numeric):
    expected = {"missing_gap": verdict.missing_gap(cand, ref)}
    expected["ks" if numeric else "tvd"] = verdict.nan(
        verdict.ks(cand, ref) if numeric else verdict.tvd(cand, ref))
    cases.append({"name": name, "kind": "column", "numeric": ["x"] if numeric else [],
                  "candidate": {"x": cand}, "reference": {"x": ref}, "expected": expected})


def pair_case(name, cx, cy, rx, ry, numeric):
    gap, ac, ar = verdict.association_gap(cx, cy, rx, ry, "x" in numeric, "y" in numeric)
    cases.append({"name": name, "kind": "pair", "numeric": numeric,
                  "candidate": {"x": cx, "y": cy}, "reference": {"x": rx, "y": ry},
                  "expected": {"association_candidate": verdict.nan(ac),
                               "association_reference": verdict.nan(ar),
                               "association_gap": verdict.nan(gap)}})


credit = read_csv("credit-g.csv")
real, syn = credit[:600], credit[600:]
rng = np.random.default_rng(5)

# The inputs of sdmetrics_defs.py: the reference is its "real" side, the candidate its "synthetic".
cat_r = column(real, "purpose", drop_every=17)
cat_s = column(syn, "purpose", drop_every=9)
cat_s[3] = "time machine"
column_case("credit-g purpose (with nulls and an unseen category)", cat_s, cat_r, False)
num_r = column(real, "credit_amount", numeric=True, drop_every=13)
num_s = [None if v is None else v * 0.9 + 300 for v in column(syn, "credit_amount", numeric=True, drop_every=7)]
column_case("credit-g credit_amount (scaled candidate)", num_s, num_r, True)
ax_r = column(real, "age", numeric=True, drop_every=11)
ay_r = column(real, "duration", numeric=True)
ax_s = column(syn, "age", numeric=True)
ay_s = [None if v is None else v + float(rng.normal(0, 5)) for v in column(syn, "duration", numeric=True, drop_every=5)]
pair_case("credit-g age x duration (Pearson, nulls)", ax_s, ay_s, ax_r, ay_r, ["x", "y"])
cx_r = column(real, "housing", drop_every=10)
cy_r = column(real, "class")
cx_s = column(syn, "housing")
cy_s = column(syn, "class", drop_every=8)
pair_case("credit-g housing x class (Cramer's V, nulls)", cx_s, cy_s, cx_r, cy_r, [])
pair_case("credit-g age x housing (quintiles of age, Cramer's V)",
          column(syn, "age", numeric=True, drop_every=7), column(syn, "housing"),
          column(real, "age", numeric=True), column(real, "housing", drop_every=9), ["x"])
pair_case("credit-g credit_amount x purpose (quintiles, many categories)",
          column(syn, "credit_amount", numeric=True), column(syn, "purpose"),
          column(real, "credit_amount", numeric=True), column(real, "purpose"), ["x"])

# The hand-made cases formerly in MeasuresGoldenTest.
column_case("ks with ties",
            [1.0, 2.5, 2.5, 3.0, 4.2, 5.0, 7.5, 8.0, 9.1, 10.0],
            [0.5, 2.5, 3.5, 3.5, 6.0, 6.5, 11.0, 12.0], True)
column_case("tvd of three categories",
            list("aaaaabbbcccc"), list("aaaabbbbcccc"), False)
px = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.5]
py = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.3, 19.0]
pair_case("pearson of ten points", px, py, px, py, ["x", "y"])
va = list("aabbccabcaab")
vb = list("xxyyxyxyyxyx")
pair_case("cramer's v of a 3 x 2 table", va, vb, va, vb, [])

# Rare combinations over the categorical columns of credit-g: the first 600 rows against the rest,
# and a candidate that keeps only rows whose combinations are all common.
names = ["purpose", "housing", "job", "savings_status", "other_parties"]
cols_r = [column(real, n) for n in names]
cols_s = [column(syn, n, drop_every=13 if n == "job" else 0) for n in names]
cases.append({"name": "credit-g five categorical columns", "kind": "rare_combinations", "numeric": [],
              "candidate": dict(zip(names, cols_s)), "reference": dict(zip(names, cols_r)),
              "expected": {"rare_combination_deficit": verdict.nan(verdict.rare_combination_deficit(cols_s, cols_r))}})
common_rows = [r for r in syn if r["other_parties"] == "none" and r["housing"] == "own"]
cols_c = [column(common_rows, n) for n in names]
cases.append({"name": "credit-g candidate without rare parties or housing", "kind": "rare_combinations",
              "numeric": [], "candidate": dict(zip(names, cols_c)), "reference": dict(zip(names, cols_r)),
              "expected": {"rare_combination_deficit": verdict.nan(verdict.rare_combination_deficit(cols_c, cols_r))}})

# Exact lower quantiles of the hypergeometric law (the first four formerly in MeasuresGoldenTest).
for total, marked, n, q in [(1461, 79, 730, 0.00135), (1000, 41, 500, 0.00135 / 13), (342, 34, 171, 0.00135 / 7),
                            (50, 10, 25, 0.5), (20000, 1000, 10000, 0.00135 / 40), (30, 29, 15, 0.00135),
                            (12, 1, 6, 0.4), (100, 0, 50, 0.1), (600, 35, 200, 0.999),
                            (12, 1, 6, 0.5), (10, 5, 5, 0.5),  # these two sit on exact ties
                            # Rows of two 10M-row files, beyond the table of ln(k!): log-gamma instead.
                            (20_000_000, 200_000, 10_000_000, 0.00135 / 40), (3_000_000, 1_500, 1_500_000, 0.00135)]:
    cases.append({"name": f"hypergeometric M={total} n={marked} N={n} q={q}", "kind": "hypergeometric",
                  "total": total, "marked": marked, "n": n, "q": q,
                  "expected": verdict.hypergeometric_lower_quantile(total, marked, n, q)})

# Drift in file order.
weather = read_csv("seattle-weather.csv")
penguins = read_csv("penguins.csv")


def drift_case(name, values, numeric):
    stat, distances = verdict.drift(values, numeric)
    cases.append({"name": name, "kind": "drift", "numeric": ["x"] if numeric else [],
                  "candidate": {"x": values},
                  "expected": {"statistic": verdict.nan(stat), "distances": distances}})


def na(rows, name):
    return [None if r[name] in ("", "NA") else float(r[name]) for r in rows]


drift_case("seattle temp_max", column(weather, "temp_max", numeric=True), True)
drift_case("seattle precipitation (ties at 0)", column(weather, "precipitation", numeric=True), True)
drift_case("seattle weather kinds", column(weather, "weather"), False)
wind = column(weather, "wind", numeric=True)
drift_case("seattle wind, unrecorded in the first 330 days", [None] * 330 + wind[330:], True)
drift_case("penguins beak length (species in file order, NA cells)", na(penguins, "Beak Length (mm)"), True)
drift_case("short column: fewer than two segments of 30 values", column(weather[:100], "temp_max", numeric=True), True)

# Mahalanobis: Chinstrap penguins against Adelie and Gentoo, NA cells as nulls.
measures = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]
chin = [r for r in penguins if r["Species"] == "Chinstrap"]
other = [r for r in penguins if r["Species"] != "Chinstrap"]
cand = {m: na(chin, m) for m in measures}
ref = {m: na(other, m) for m in measures}
to_matrix = lambda cols: [[np.nan if v is None else v for v in row] for row in zip(*cols.values())]
cases.append({"name": "penguins Chinstrap against Adelie and Gentoo", "kind": "mahalanobis", "numeric": measures,
              "candidate": cand, "reference": ref,
              "expected": {"squared_distances": [float(d) for d in verdict.mahalanobis_squared(to_matrix(cand), to_matrix(ref))]}})

# Repeats: a candidate with planted exact and near repeats of its own rows and of reference rows.
rng = np.random.default_rng(13)


def fresh(n):
    return [(float(rng.normal(50, 10)), None if rng.random() < 0.1 else float(rng.normal()),
             str(rng.choice(["a", "b", "c"]))) for _ in range(n)]


def nudge(row, dx, dy):
    return (row[0] + dx, None if row[1] is None else row[1] + dy, row[2])


reference = fresh(120)
candidate = fresh(60)
for k in range(15):  # exact repeats of earlier candidate rows
    candidate.append(candidate[int(rng.integers(len(candidate)))])
for k in range(15):  # near repeats: within 1e-3 pooled sd (about 0.01 on x, 0.001 on y)
    candidate.append(nudge(candidate[int(rng.integers(60))], 0.002, 0.0001))
for k in range(10):  # the same numbers in another category: not a repeat
    row = candidate[int(rng.integers(60))]
    candidate.append((row[0], row[1], "d"))
for k in range(10):  # exact copies of reference rows
    candidate.append(reference[int(rng.integers(120))])
for k in range(10):  # rows just outside the tolerance of a reference row
    candidate.append(nudge(reference[int(rng.integers(120))], 0.05, 0))
pooled = candidate + reference
exact, near = verdict.row_groups(pooled, [True, True, False])
label = [1] * len(candidate) + [0] * len(reference)
exact_share = verdict.repeat_share(exact, label)
cases.append({"name": "planted exact and near repeats", "kind": "repeats", "numeric": ["x", "y"],
              "candidate": {"x": [r[0] for r in candidate], "y": [r[1] for r in candidate], "c": [r[2] for r in candidate]},
              "reference": {"x": [r[0] for r in reference], "y": [r[1] for r in reference], "c": [r[2] for r in reference]},
              "expected": {"exact_duplicate_share": exact_share,
                           "near_duplicate_share": verdict.repeat_share(near, label) - exact_share,
                           "copy_share": verdict.copy_share(exact, label)}})

# The candidate alone, in its three columns: without a reference (whose halves would give the band) a narrow
# table keeps the strict rule, 1e-3 pooled standard deviations only.
exact, near = verdict.row_groups(candidate, [True, True, False], with_reference=False)
alone = [1] * len(candidate)
exact_share = verdict.repeat_share(exact, alone)
cases.append({"name": "planted repeats, no reference (strict rule)", "kind": "repeats", "numeric": ["x", "y"],
              "candidate": {"x": [r[0] for r in candidate], "y": [r[1] for r in candidate], "c": [r[2] for r in candidate]},
              "expected": {"exact_duplicate_share": exact_share,
                           "near_duplicate_share": verdict.repeat_share(near, alone) - exact_share}})

write("verdict_measures", "verdict_measures.py", cases)
