"""Converts the packaged source datasets into the files Synthos ships or benchmarks on (standard library only)."""
import csv
import json
import shutil
import sys
import zipfile
from pathlib import Path


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


def json_records_to_csv(src, dst):
    records = json.loads(Path(src).read_text(encoding="utf-8"))
    header = list(records[0].keys())
    for r in records:
        for k in r:
            if k not in header:
                header.append(k)
    write_csv(dst, header, ([r.get(k) for k in header] for r in records))
    return len(records)


def json_records_to_jsonl(src, dst):
    records = json.loads(Path(src).read_text(encoding="utf-8"))
    with open(dst, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(records)


def arff_to_csv(arff_text, dst):
    """Minimal ARFF reader for credit-g: nominal and numeric attributes, quoted values, '?' as missing."""
    header, rows, in_data = [], [], False
    for line in arff_text.splitlines():
        s = line.strip()
        if not s or s.startswith("%"):
            continue
        low = s.lower()
        if low.startswith("@attribute"):
            name = s.split(None, 2)[1].strip("'\"")
            header.append(name)
        elif low.startswith("@data"):
            in_data = True
        elif in_data:
            cells = next(csv.reader([s], quotechar="'", skipinitialspace=True))
            rows.append([None if c == "?" else c for c in cells])
    write_csv(dst, header, rows)
    return len(rows)


def main():
    what, vega, weka_jar, out = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    if what == "examples":
        shutil.copyfile(vega / "seattle-weather.csv", out / "seattle-weather.csv")
        print("penguins", json_records_to_csv(vega / "penguins.json", out / "penguins.csv"))
        print("cars", json_records_to_jsonl(vega / "cars.json", out / "cars.jsonl"))
        with zipfile.ZipFile(weka_jar) as z:
            arff = z.read("weka/gui/knowledgeflow/templates/credit-g.arff").decode("utf-8")
        print("credit-g", arff_to_csv(arff, out / "credit-g.csv"))
    elif what == "derived":
        shutil.copyfile(vega / "flights-3m.parquet", out / "flights-3m.parquet")
        shutil.copyfile(vega / "birdstrikes.csv", out / "birdstrikes.csv")
        shutil.copyfile(vega / "zipcodes.csv", out / "zipcodes.csv")
        print("movies", json_records_to_jsonl(vega / "movies.json", out / "movies.jsonl"))
        print("flights-200k", json_records_to_csv(vega / "flights-200k.json", out / "flights-200k.csv"))
    else:
        raise SystemExit("unknown target " + what)


if __name__ == "__main__":
    main()
