"""Which measure separates template collapse on cars' names from real halves? (docs/calibration.md)

For random halves of cars' Name, and for the same halves with half their texts replaced by five templates whose last
word is swapped for a word of the column (the template_collapse family at moderate severity), each measure's z against
its re-split null: (value - mean of re-splits) / their standard deviation, the re-splits drawn from the pooled halves
as the engine's bands are. Measures: the excess share of rows taken by the ten most frequent heads (a text's tokens
but the last; TextMeasures.headShareExcess), the share of candidate bigrams absent from the reference, and the
distinct-2 deficit. Tokens as TextColumn.tokenise: re.findall(r"[^\\W_]+", text.lower()).

  python3 tools/text/head_share.py [examples/cars.jsonl] [HALVES] [RESPLITS]
"""
import collections
import json
import random
import re
import statistics
import sys


def tokens(text):
    return re.findall(r"[^\W_]+", text.lower())


def templated(half, rng):
    distinct = sorted(set(half))
    candidates = [t for t in distinct if len(tokens(t)) >= 2]
    words = [w for t in distinct for w in tokens(t)]
    heads = []
    for _ in range(5):
        t = rng.choice(candidates).strip()
        cut = t.rfind(" ")
        heads.append(t[:cut + 1] if cut > 0 else t + " ")
    return [rng.choice(heads) + rng.choice(words) if rng.random() < 0.5 else t for t in half]


def bigrams(t):
    w = tokens(t)
    return [(w[i], w[i + 1]) for i in range(len(w) - 1)]


def head_share(side):
    c = collections.Counter(tuple(tokens(t)[:-1]) for t in side if len(tokens(t)) >= 2)
    return sum(n for _, n in c.most_common(10)) / len(side)


def head_share_excess(c, r):
    return head_share(c) - head_share(r)


def novel_bigram_rate(c, r):
    seen = {b for t in r for b in bigrams(t)}
    grams = [b for t in c for b in bigrams(t)]
    return sum(b not in seen for b in grams) / len(grams)


def distinct_2_deficit(c, r):
    def d2(side):
        grams = [b for t in side for b in bigrams(t)]
        return len(set(grams)) / len(grams)
    return max(0.0, 1 - d2(c) / d2(r))


MEASURES = {"head_share_excess": head_share_excess, "novel_bigram_rate": novel_bigram_rate,
            "distinct_2_deficit": distinct_2_deficit}


def z(f, c, r, resplits, rng):
    pool, nulls = c + r, []
    for _ in range(resplits):
        p = pool[:]
        rng.shuffle(p)
        nulls.append(f(p[:len(c)], p[len(c):]))
    sd = statistics.stdev(nulls)
    return (f(c, r) - statistics.mean(nulls)) / sd if sd > 0 else 0.0


def main(path="examples/cars.jsonl", halves="20", resplits="20"):
    names = [r["Name"] for r in map(json.loads, open(path, encoding="utf-8")) if r.get("Name")]
    out = {k: ([], []) for k in MEASURES}
    for seed in range(int(halves)):
        rng = random.Random(seed)
        p = names[:]
        rng.shuffle(p)
        c, r = p[:len(p) // 2], p[len(p) // 2:]
        t = templated(c, rng)
        for k, f in MEASURES.items():
            out[k][0].append(z(f, c, r, int(resplits), rng))
            out[k][1].append(z(f, t, r, int(resplits), rng))
    for k, (clean, tmpl) in out.items():
        print(f"{k:20s} clean halves: z max {max(clean):5.2f}   templated halves: z min {min(tmpl):5.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
