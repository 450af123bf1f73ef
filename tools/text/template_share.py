"""Would a one-slot template measure catch template collapse on cars' names? (docs/calibration.md)

For each text, its leave-one-token-out keys (length, position, the other tokens); the share of texts that share a key
with a different text measures how many texts fit a one-slot template. Printed for random halves of cars' Name and
for halves whose texts were half replaced by five templates with the last word swapped (the template_collapse
family at moderate severity). Tokens as TextColumn.tokenise: re.findall(r"[^\\W_]+", text.lower()).

  python3 tools/text/template_share.py [examples/cars.jsonl] [SEEDS]
"""
import collections
import json
import random
import re
import sys


def tokens(text):
    return re.findall(r"[^\W_]+", text.lower())


def one_slot_share(texts):
    keys = collections.Counter()
    per_text = []
    for t in texts:
        w = tokens(t)
        ks = {(len(w), i, tuple(w[:i] + w[i + 1:])) for i in range(len(w))}
        per_text.append(ks)
        keys.update(ks)
    same = collections.Counter(tuple(tokens(t)) for t in texts)
    shared = sum(1 for t, ks in zip(texts, per_text) if any(keys[k] > same[tuple(tokens(t))] for k in ks))
    return shared / len(texts)


def main(path="examples/cars.jsonl", seeds="10"):
    names = [r["Name"] for r in map(json.loads, open(path, encoding="utf-8")) if r.get("Name")]
    words = [w for n in names for w in tokens(n)]
    print("tokens per name:", sorted(collections.Counter(len(tokens(n)) for n in names).items()))
    real, templated = [], []
    for seed in range(int(seeds)):
        rng = random.Random(seed)
        half = rng.sample(names, len(names) // 2)
        real.append(one_slot_share(half))
        templates = rng.sample(half, 5)
        out = list(half)
        for i in rng.sample(range(len(half)), len(half) // 2):
            t = tokens(rng.choice(templates))
            t[-1] = rng.choice(words)
            out[i] = " ".join(t)
        templated.append(one_slot_share(out))
    print("real halves:      min %.3f max %.3f" % (min(real), max(real)))
    print("templated halves: min %.3f max %.3f" % (min(templated), max(templated)))


if __name__ == "__main__":
    main(*sys.argv[1:])
