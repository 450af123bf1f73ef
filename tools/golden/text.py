"""Text-measure golden values: tokens, distinct-n, zlib compression ratio, unigram entropy, top-text
and top-head share (a head: a text's tokens but the last), vocabulary coverage, Jensen-Shannon distance (scipy.spatial.distance.jensenshannon, base 2),
out-of-vocabulary rate and the KS statistic of lengths (scipy.stats.ks_2samp), on a candidate and a
reference of short texts; and identifier shapes.

Definitions as in org.synthos.core.assess.measure.TextMeasures: tokens are
re.findall(r"[^\\W_]+", text.lower()); a side's texts are joined with a newline after each and both
sides cut to the same byte budget before zlib.compress(data, 6).
Run: /usr/bin/python3 tools/golden/text.py
"""
import math
import re
import zlib
from collections import Counter

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import ks_2samp

from common import write

rng = np.random.default_rng(21)
WORDS = ("the a of river night city blue old house song war love man woman day last first return "
         "king queen star dark light road home school story game world fire ice garden summer "
         "winter café naïve über").split()


def text(k_min, k_max, words):
    k = int(rng.integers(k_min, k_max + 1))
    sep = [" ", " ", ", ", " - "]
    out = ""
    for i in range(k):
        w = words[int(rng.integers(len(words)))]
        out += (w.capitalize() if rng.random() < 0.3 else w) + (sep[int(rng.integers(4))] if i < k - 1 else "")
    return out


reference = [text(1, 8, WORDS) for _ in range(150)]
pool = [text(2, 5, WORDS[:20]) for _ in range(12)]
candidate = [pool[int(rng.integers(len(pool)))] for _ in range(80)] + [text(1, 8, WORDS[:30]) for _ in range(40)]
candidate += ["zebra crossing", "Quixotic zebra_stripes"]
candidate[3] = None
reference[7] = None


def tokens(t):
    return re.findall(r"[^\W_]+", t.lower())


def present(side):
    return [t for t in side if t is not None]


def distinct(side, n):
    grams = []
    for t in present(side):
        tok = tokens(t)
        grams += [tuple(tok[i:i + n]) for i in range(len(tok) - n + 1)]
    return len(set(grams)) / len(grams)


def joined(side):
    return b"".join(t.encode("utf-8") + b"\n" for t in present(side))


def ratio(data):
    return len(zlib.compress(data, 6)) / len(data)


def counts(side):
    return Counter(w for t in present(side) for w in tokens(t))


vocab = sorted(set(counts(candidate)) | set(counts(reference)))
cc, rc = counts(candidate), counts(reference)
p = np.array([cc[w] for w in vocab], dtype=float)
q = np.array([rc[w] for w in vocab], dtype=float)
p /= p.sum()
q /= q.sum()


def entropy(x):
    x = x[x > 0]
    return float(-(x * np.log(x)).sum())


def top_share(side):
    c = Counter(present(side))
    return sum(n for _, n in c.most_common(10)) / len(present(side))


def head_share(side):
    texts = present(side)
    c = Counter(tuple(tokens(t)[:-1]) for t in texts if len(tokens(t)) >= 2)
    return sum(n for _, n in c.most_common(10)) / len(texts)


budget = min(len(joined(candidate)), len(joined(reference)), 1 << 18)
rc_ratio = ratio(joined(candidate)[:budget])
rr_ratio = ratio(joined(reference)[:budget])
d1c, d1r = distinct(candidate, 1), distinct(reference, 1)
d2c, d2r = distinct(candidate, 2), distinct(reference, 2)
vr = {w for w in rc}
both = {w for w in cc if w in vr}


def shape(s):
    out = ""
    for ch in s[:24]:
        out += "9" if ch.isdigit() else "A" if ch.isupper() else "a" if ch.isalpha() else ch
    return out + (f"+{len(s) - 24}" if len(s) > 24 else "")


ids = ["INV-00123", "inv_77", "3f2b9c1e-aa10-4c3e-9d1f-0123456789ab", "Ünïcode-7", "12345",
       "a-very-long-identifier-with-more-than-24-characters"]

case = {
    "name": "short texts, a candidate drawn mostly from 12 texts",
    "candidate": candidate,
    "reference": reference,
    "expected": {
        "distinct_1_deficit": max(0.0, 1 - d1c / d1r),
        "distinct_2_deficit": max(0.0, 1 - d2c / d2r),
        "compression_ratio_candidate": rc_ratio,
        "compression_ratio_reference": rr_ratio,
        "compression_deficit": max(0.0, 1 - rc_ratio / rr_ratio),
        "entropy_deficit": max(0.0, 1 - entropy(p) / entropy(q)),
        "top_share_excess": top_share(candidate) - top_share(reference),
        "head_share_excess": head_share(candidate) - head_share(reference),
        "coverage_gap": 1 - len(both) / len(vr),
        "js_distance": float(jensenshannon(p, q, base=2)),
        "oov_rate": sum(n for w, n in cc.items() if w not in vr) / sum(cc.values()),
        "length_ks": float(ks_2samp([len(t) for t in present(candidate)], [len(t) for t in present(reference)]).statistic),
        "tokens_ks": float(ks_2samp([len(tokens(t)) for t in present(candidate)], [len(tokens(t)) for t in present(reference)]).statistic),
        "tokens_of_first": tokens(reference[0]),
    },
}
shapes = {"name": "identifier shapes", "ids": ids, "expected": {"shapes": [shape(s) for s in ids]}}
write("text", "text.py", [case, shapes])
