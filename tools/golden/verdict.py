"""The verdict's measures (synthos-core org.synthos.core.assess), transcribed with numpy and scipy.

Where a measure is a textbook statistic, scipy computes it (ks_2samp, entropy, pearsonr,
contingency.association, hypergeom.ppf, spatial.distance.mahalanobis). Where the verdict defines
its own statistic on purpose (winsorising, quantile cut points, relative losses, null handling),
the definition documented in the Java source is written out here from numpy building blocks, and
the comment says where it differs from a library default. Every function takes the candidate side
first; None (or NaN for numbers) is a null cell, which every measure leaves out unless it counts
nulls itself.
"""
import math

import numpy as np
from scipy import stats
from scipy.stats import contingency

TAIL_PROBABILITY = 0.05  # Measures.TAIL_PROBABILITY
RARE_SHARE = 0.05  # Measures.RARE_SHARE
RARE_COMBINATION_SHARE = 0.01  # Measures.RARE_COMBINATION_SHARE
WINSOR_SHARE = 0.01  # Measures.WINSOR_SHARE
QUANTILE_BINS = 5  # Data.QUANTILE_BINS
SEGMENTS = 5  # Temporal.SEGMENTS
MIN_PRESENT_PER_SEGMENT = 30  # Temporal.MIN_PRESENT_PER_SEGMENT


def nan(x):
    """NaN as None, so that JSON (allow_nan=False) can hold an undefined measure."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def present(values):
    """The present cells of a column: None and NaN dropped."""
    return [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]


def ks(c, r):
    """scipy.stats.ks_2samp(c, r).statistic on the present values (both ECDFs after every tie)."""
    c, r = present(c), present(r)
    if not c or not r:
        return float("nan")
    return float(stats.ks_2samp(c, r).statistic)


def shares(c, r):
    """Category shares of each side over the pooled categories, nulls left out."""
    cats = sorted(set(present(c)) | set(present(r)))
    pc = np.array([present(c).count(k) for k in cats], dtype=float)
    pr = np.array([present(r).count(k) for k in cats], dtype=float)
    return pc / pc.sum(), pr / pr.sum(), len(cats)


def tvd(c, r):
    """0.5 * sum |p_c - p_r| over the pooled categories, nulls left out."""
    pc, pr, _ = shares(c, r)
    return float(0.5 * np.abs(pc - pr).sum())


def missing_gap(c, r):
    """|share of nulls in c - share of nulls in r| (SDMetrics MissingValueSimilarity = 1 - gap)."""
    return abs((len(c) - len(present(c))) / len(c) - (len(r) - len(present(r))) / len(r))


def entropy_deficit(c, r):
    """max(0, H_r - H_c) / ln k: scipy.stats.entropy (nats) of each side's shares, k the pooled
    categories."""
    pc, pr, k = shares(c, r)
    if k < 2:
        return float("nan")
    return max(0.0, float(stats.entropy(pr) - stats.entropy(pc))) / math.log(k)


def spread_deficit(c, r):
    """max(0, min(ln 100, ln(sd_r / max(sd_c, sd_r / 100)))), sd with ddof=1 on values winsorised
    at the pooled cut points s[floor(0.01 (m - 1))] and s[ceil(0.99 (m - 1))] of the m sorted pooled
    values, i.e. numpy.quantile(method="lower") at 1% and method="higher" at 99% (not the default
    linear interpolation: the cut points are values of the pool)."""
    c, r = np.array(present(c)), np.array(present(r))
    s = np.sort(np.concatenate([c, r]))
    m = len(s)
    if m == 0:
        return float("nan")
    lo = s[math.floor(WINSOR_SHARE * (m - 1))]
    hi = s[math.ceil((1 - WINSOR_SHARE) * (m - 1))]
    if len(r) < 2 or len(c) < 2:
        return float("nan")
    sr = float(np.std(np.clip(r, lo, hi), ddof=1))
    sc = float(np.std(np.clip(c, lo, hi), ddof=1))
    if not sr > 0:
        return float("nan")
    return max(0.0, min(math.log(100), math.log(sr / max(sc, sr / 100))))


def distinct_deficit(c, r):
    """max(0, 1 - (d_c / m_c) / (d_r / m_r)), d the numpy.unique values and m the present cells of a
    side, every row counted (the verdict counts only the first row of each group of near-duplicate
    rows; the golden tests give every row a group of its own)."""
    c, r = present(c), present(r)
    if not c or not r:
        return float("nan")
    dc, dr = len(np.unique(np.array(c))), len(np.unique(np.array(r)))
    return max(0.0, 1 - (dc / len(c)) / (dr / len(r)))


def set_deficit(x, marked, nc, nr):
    """max(0, 1 - (x / nc) / ((marked - x) / nr)): the relative loss of marked rows in the candidate
    (x of its nc rows) against the reference (the other marked rows of its nr)."""
    if nc == 0 or nr == 0 or marked - x <= 0:
        return 0.0 if marked > 0 and nc > 0 and nr > 0 and x >= marked else float("nan")
    return max(0.0, 1 - (x / nc) / ((marked - x) / nr))


def tail_deficit(c, r):
    """Set deficit of the values strictly outside the pooled cut points s[round(0.05 (n - 1))] and
    s[round(0.95 (n - 1))], round half up as Java's Math.round (numpy.quantile(method="nearest")
    rounds half to even, so the index is computed here)."""
    c, r = np.array(present(c)), np.array(present(r))
    s = np.sort(np.concatenate([c, r]))
    n = len(s)
    lo = s[math.floor(TAIL_PROBABILITY * (n - 1) + 0.5)]
    hi = s[math.floor((1 - TAIL_PROBABILITY) * (n - 1) + 0.5)]
    x = int(np.sum((c < lo) | (c > hi)))
    marked = x + int(np.sum((r < lo) | (r > hi)))
    return set_deficit(x, marked, len(c), len(r))


def rare_deficit(c, r):
    """Set deficit of the cells holding a category seen in fewer than 5% of the pooled present
    cells."""
    c, r = present(c), present(r)
    pooled = c + r
    counts = {k: pooled.count(k) for k in set(pooled)}
    rare = {k for k, n in counts.items() if n < RARE_SHARE * len(pooled)}
    x = sum(1 for v in c if v in rare)
    marked = x + sum(1 for v in r if v in rare)
    return set_deficit(x, marked, len(c), len(r))


def rare_combination_deficit(c_columns, r_columns):
    """max(0, 1 - mean weight of candidate rows / mean weight of reference rows), a row's weight the
    number of pairs of categorical columns whose pair of values (both present) occurs in fewer than
    1% of all pooled rows."""
    nc, nr = len(c_columns[0]), len(r_columns[0])
    n = nc + nr
    pooled = [list(a) + list(b) for a, b in zip(c_columns, r_columns)]
    w = np.zeros(n)
    for i in range(len(pooled)):
        for j in range(i + 1, len(pooled)):
            pairs = [(a, b) if a is not None and b is not None else None
                     for a, b in zip(pooled[i], pooled[j])]
            counts = {}
            for p in pairs:
                if p is not None:
                    counts[p] = counts.get(p, 0) + 1
            w += [1 if p is not None and counts[p] < RARE_COMBINATION_SHARE * n else 0 for p in pairs]
    if w[nc:].sum() == 0:
        return float("nan")
    return max(0.0, 1 - w[:nc].mean() / w[nc:].mean())


def complete(x, y):
    """The rows where both cells are present."""
    keep = [i for i in range(len(x)) if present([x[i]]) and present([y[i]])]
    return [x[i] for i in keep], [y[i] for i in keep]


def pearson(x, y):
    """scipy.stats.pearsonr on the rows where both are present; NaN for fewer than 3 such rows or a
    constant column."""
    x, y = complete(x, y)
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(stats.pearsonr(x, y).statistic)


def cramers_v(x, y):
    """scipy.stats.contingency.association(table, method="cramer") without bias correction, the
    table over the categories present on this side's complete rows; 0 when either column holds one
    category there, NaN for fewer than 3 rows."""
    x, y = complete(x, y)
    if len(x) < 3:
        return float("nan")
    xs, ys = sorted(set(x)), sorted(set(y))
    if min(len(xs), len(ys)) < 2:
        return 0.0
    table = np.zeros((len(xs), len(ys)), dtype=np.int64)
    for a, b in zip(x, y):
        table[xs.index(a), ys.index(b)] += 1
    return float(contingency.association(table, method="cramer"))


def quintile_codes(c, r):
    """A numeric column cut at pooled quintiles, as the verdict bins numbers for Cramer's V: with
    s the m sorted pooled present values, cut points s[min(m - 1, b m // 5)] for b = 1..4 (distinct
    ones), a value's code the number of cut points at or below it (numpy.searchsorted, side
    "right")."""
    s = np.sort(np.array(present(c) + present(r)))
    m = len(s)
    edges = np.unique([s[min(m - 1, b * m // QUANTILE_BINS)] for b in range(1, QUANTILE_BINS)])

    def code(values):
        return [None if not present([v]) else int(np.searchsorted(edges, v, side="right")) for v in values]

    return code(c), code(r)


def association_gap(cx, cy, rx, ry, x_numeric, y_numeric):
    """|A_c - A_r| with A Pearson's r for two numeric columns, else Cramer's V with numeric columns
    cut at the pooled quintiles; returns (gap, A_c, A_r)."""
    if x_numeric and y_numeric:
        ac, ar = pearson(cx, cy), pearson(rx, ry)
    else:
        if x_numeric:
            cx, rx = quintile_codes(cx, rx)
        if y_numeric:
            cy, ry = quintile_codes(cy, ry)
        ac, ar = cramers_v(cx, cy), cramers_v(rx, ry)
    return abs(ac - ar), ac, ar


def hypergeometric_lower_quantile(total, marked, n, q):
    """scipy.stats.hypergeom(M=total, n=marked, N=n).ppf(q): the smallest x with P(X <= x) >= q."""
    return int(stats.hypergeom(total, marked, n).ppf(q))


def drift(values, numeric):
    """Temporal drift of one column in time order: rows cut into 5 segments [floor(s L / 5),
    floor((s + 1) L / 5)); each segment's distance from the rest is ks_2samp (numbers) or the TVD of
    category shares, over present values; segments with fewer than 30 present values count as 0 and
    stay out of the maximum, which is NaN when fewer than two segments remain. Returns (maximum,
    distances)."""
    n = len(values)
    bounds = [s * n // SEGMENTS for s in range(SEGMENTS + 1)]
    out, kept = [], []
    for s in range(SEGMENTS):
        seg = present(values[bounds[s]:bounds[s + 1]])
        rest = present(values[:bounds[s]] + values[bounds[s + 1]:])
        if len(seg) < MIN_PRESENT_PER_SEGMENT:
            out.append(0.0)
            continue
        kept.append(s)
        out.append(ks(seg, rest) if numeric else tvd(seg, rest))
    stat = max(out[s] for s in kept) if len(kept) >= 2 else float("nan")
    return stat, out


def mahalanobis_squared(candidate, reference):
    """Squared Mahalanobis distances of every pooled row (candidate rows first) from the reference
    mean: columns standardised by the reference's mean and sd (ddof=1), nulls set to 0 (the mean),
    covariance numpy.cov of the standardised reference rows plus a 1e-6 ridge on the diagonal, each
    distance scipy.spatial.distance.mahalanobis(z, 0, inv(cov)) squared."""
    from scipy.spatial import distance

    ref = np.array(reference, dtype=float)
    mean = np.nanmean(ref, axis=0)
    sd = np.nanstd(ref, axis=0, ddof=1)
    z = (np.vstack([np.array(candidate, dtype=float), ref]) - mean) / sd
    z = np.nan_to_num(z, nan=0.0)
    zr = z[len(candidate):]
    cov = np.cov(zr, rowvar=False) + 1e-6 * np.eye(z.shape[1])
    vi = np.linalg.inv(cov)
    return [distance.mahalanobis(row, np.zeros(z.shape[1]), vi) ** 2 for row in z]


# Nearest-neighbour measures (org.synthos.core.assess.Multivariate) ------------------------------

K = 5  # Multivariate.K, as Naeem et al. (2020) recommend
DETECTION_K = 10  # Multivariate.DETECTION_K
CLOSE_FRACTION = 0.1  # Multivariate.CLOSE_FRACTION
MAX_RATIO = 10.0


def encode(candidate, reference):
    """The pooled rows (candidate first) as z-scores by the pooled mean and sd (ddof=1); columns
    without spread are dropped. (Numeric columns only: the fixtures hold no categories or nulls.)"""
    x = np.vstack([candidate, reference]).astype(float)
    sd = x.std(axis=0, ddof=1)
    keep = sd > 0
    return (x[:, keep] - x[:, keep].mean(axis=0)) / sd[keep]


def distances(z):
    """Euclidean distances of every pair of rows, rounded to float32 as the engine stores them (so
    that ties at a ball's edge fall as they do there)."""
    return np.sqrt(((z[:, None, :] - z[None, :, :]) ** 2).sum(axis=2)).astype(np.float32).astype(float)


def prdc(d_real, d_fake, d_real_fake, k):
    """The formulas of clovaai/generative-evaluation-prdc (Naeem et al. 2020) on given distances:
    radii are the k-th nearest other row within the own set, balls are open."""
    real_r = np.partition(d_real, k, axis=-1)[:, k]
    fake_r = np.partition(d_fake, k, axis=-1)[:, k]
    inside = d_real_fake < np.expand_dims(real_r, axis=1)
    precision = inside.any(axis=0).mean()
    recall = (d_real_fake < np.expand_dims(fake_r, axis=0)).any(axis=1).mean()
    density = (1.0 / float(k)) * inside.sum(axis=0).mean()
    coverage = (d_real_fake.min(axis=1) < real_r).mean()
    return precision, recall, density, coverage


def neighbours(candidate, reference):
    """The seven measures of Multivariate.evaluate for the observed labelling (every row sampled):

    precision_gap, recall_gap, density_deficit = max(0, 1 - density), coverage_gap from prdc() with
    k = 5; auc_excess = sklearn roc_auc_score of each row's score (candidates among its 10 nearest
    other rows, ties broken by row index) minus 0.5; close_share = share of candidates whose
    nearest reference row lies within a tenth of that row's own distance to its nearest other
    reference row (the spacing); dcr_deficit = max(0, 1 - median of DCR / spacing), the ratio 0 for
    an exact copy and capped at 10.
    """
    from sklearn.metrics import roc_auc_score

    z = encode(candidate, reference)
    mc, m = len(candidate), len(z)
    d = distances(z)
    cand, ref = slice(0, mc), slice(mc, m)
    precision, recall, density, coverage = prdc(d[ref, ref], d[cand, cand], d[ref, cand], K)
    label = np.array([1] * mc + [0] * (m - mc))
    order = [[j for j in np.lexsort((np.arange(m), d[i])) if j != i] for i in range(m)]
    score = [int(label[order[i][:min(DETECTION_K, m - 1)]].sum()) for i in range(m)]
    spacing = np.array([d[i, [j for j in order[i] if label[j] == 0][0]] for i in range(m)])
    ratios, close = [], 0
    for j in range(mc):
        nearest = [i for i in order[j] if label[i] == 0][0]
        dcr, scale = d[j, nearest], spacing[nearest]
        ratios.append(0.0 if dcr == 0 else min(MAX_RATIO, dcr / scale) if scale > 0 else MAX_RATIO)
        close += dcr <= CLOSE_FRACTION * scale
    return {
        "precision_gap": 1 - precision,
        "recall_gap": 1 - recall,
        "density_deficit": max(0.0, 1 - density),
        "coverage_gap": 1 - coverage,
        "auc_excess": roc_auc_score(label, score) - 0.5,
        "close_share": close / mc,
        "dcr_deficit": max(0.0, 1 - float(np.median(ratios))),
    }


NEAR_TOLERANCE = 1e-3
NEAR_RELATIVE = 0.01  # Pool.NEAR_RELATIVE
ONE_CELL_COLUMNS = 8  # OneCellCopies.MIN_COLUMNS
RELATIVE_COLUMNS = 4  # Pool.NEAR_RELATIVE_COLUMNS


def row_groups(rows, numeric, with_reference=True):
    """Exact and near groups of pooled rows (tuples, None a null; numeric[c] says which columns hold
    numbers). Exact: every cell equal, -0.0 as 0.0 and a null equal only to a null. Near (Data's
    near groups): every categorical cell equal and every numeric one within 1e-3 pooled standard
    deviations (ddof=1, present values) or (with a reference, or at least 4 columns) within 1% of the larger magnitude, or null on both rows;
    with at least 8 columns, rows that differ in one cell alone are near too; groups are the connected components
    of that relation (scipy.sparse.csgraph), so nearness chains through other rows. Returns a group
    id per row for each."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    keys = [tuple(None if v is None else v + 0.0 if num else v for v, num in zip(r, numeric)) for r in rows]
    first = {}
    exact = [first.setdefault(k, i) for i, k in enumerate(keys)]
    near = np.ones((len(rows), len(rows)), dtype=bool)
    for c, num in enumerate(numeric):
        cells = [r[c] for r in rows]
        if num:
            a = np.array([np.nan if v is None else v for v in cells], dtype=float)
            tolerance = NEAR_TOLERANCE * np.std(a[~np.isnan(a)], ddof=1)
            null = np.isnan(a)
            diff = np.abs(a[:, None] - a[None, :])
            relative = NEAR_RELATIVE * np.maximum(np.abs(a[:, None]), np.abs(a[None, :]))
            within = (diff <= tolerance) | ((diff <= relative) if with_reference or len(numeric) >= RELATIVE_COLUMNS else False)
            near &= (null[:, None] & null[None, :]) | within
        else:
            near &= np.array([[u == v for v in cells] for u in cells])
    if len(numeric) >= ONE_CELL_COLUMNS:  # OneCellCopies: rows that differ in one cell alone
        differ = np.zeros((len(rows), len(rows)), dtype=int)
        for c in range(len(numeric)):
            cells = [keys[i][c] for i in range(len(rows))]
            differ += np.array([[u != v for v in cells] for u in cells])
        near |= differ <= 1
    return exact, list(connected_components(csr_matrix(near), directed=False)[1])


def repeat_share(group, label):
    """1 - distinct groups / rows among the rows labelled 1: the share that repeat an earlier one."""
    held = [g for g, l in zip(group, label) if l == 1]
    return 1 - len(set(held)) / len(held)


def copy_share(group, label):
    """Share of the rows labelled 1 whose group holds a row labelled 0."""
    reference = {g for g, l in zip(group, label) if l == 0}
    held = [g for g, l in zip(group, label) if l == 1]
    return sum(g in reference for g in held) / len(held)
