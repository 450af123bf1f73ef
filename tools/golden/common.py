"""Shared helpers of the golden-fixture scripts: versions, example data, JSON output.

Run every script with Debian's interpreter, which sees python3-scipy, python3-sklearn and
python3-numpy:  /usr/bin/python3 tools/golden/<script>.py
"""
import csv
import json
import os
import platform

import numpy
import scipy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "synthos-core", "src", "test", "resources", "golden")


def versions():
    v = {"python": platform.python_version(), "numpy": numpy.__version__, "scipy": scipy.__version__}
    try:
        import sklearn

        v["sklearn"] = sklearn.__version__
    except ImportError:
        pass
    return v


def read_csv(name):
    """Rows of examples/<name> as dicts of strings."""
    with open(os.path.join(ROOT, "examples", name), newline="") as f:
        return list(csv.DictReader(f))


def floats(rows, column):
    """The column's cells that parse as numbers, in file order; empty and NA cells dropped."""
    out = []
    for r in rows:
        try:
            out.append(float(r[column]))
        except ValueError:
            pass
    return out


def column(rows, name, numeric=False, drop_every=0):
    """A column of example rows, as floats or strings; every drop_every-th cell (from the first)
    becomes None, a null."""
    out = []
    for i, r in enumerate(rows):
        if drop_every and i % drop_every == 0:
            out.append(None)
        else:
            out.append(float(r[name]) if numeric else r[name])
    return out


def write(name, script, cases, out=OUT):
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, name + ".json")
    doc = {"generator": "tools/golden/" + script, "versions": versions(), "cases": cases}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), len(cases), "cases")
