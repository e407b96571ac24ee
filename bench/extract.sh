#!/usr/bin/env bash
# HTML main-text extraction, quality and speed, in one run: storyline beside the Rust crates
# (rs-trafilatura, trafilatura 0.6, dom_smoothie) and the Python extractors (trafilatura,
# readability-lxml, newspaper4k), all scored with the benchmark's own metric
# (../shared/tools/extraction_eval.py) on ../shared/data/article-extraction-dev.
#
# Prints one table: extractor, precision, recall, F1, wall and CPU milliseconds per page, and
# storyline's speed-up over Python trafilatura. Both sides are timed the same way
# (examples/extract_compare.rs, bench/extract_py.py): pages are decoded once, outside the timing,
# and held in memory (every dev page is UTF-8, so both sides get the same text); process start,
# imports and one warm-up call are not counted; each call is timed alone with the calling
# thread's CPU clock and the wall clock; REPEAT passes over all pages, the fastest pass
# reported. Only the extractor's own work is timed, from decoded page to text. CPU time is the
# fair figure on a shared machine; the load average is printed before and after.
#
# Env: DATA (data folder), VENV (Python venv, made and filled when absent), OUT (work folder),
# REPEAT (timed passes per extractor, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data/article-extraction-dev}
EVAL=${EVAL:-../shared/tools/extraction_eval.py}
VENV=${VENV:-target/extract-venv}
OUT=${OUT:-target/extract-bench}
if [ ! -d "$DATA/pages" ]; then
    echo "skip: $DATA is absent"
    exit 0
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
# One at a time: pip's resolver trips over the lxml extras when they are asked together.
for p in trafilatura readability-lxml newspaper4k; do
    "$VENV/bin/python" -c "import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('${p%%-*}'.replace('newspaper4k','newspaper')) else 1)" 2>/dev/null \
        || "$VENV/bin/pip" install -q "$p" || echo "note: $p did not install; left out"
done
cargo build --release --quiet --features bench-extractors --example extract_compare
rm -rf "$OUT"
mkdir -p "$OUT/systems"
export REPEAT=${REPEAT:-3}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (REPEAT=$REPEAT)"
target/release/examples/extract_compare "$DATA/pages" "$OUT/systems" storyline rs-trafilatura trafilatura-rs dom_smoothie > "$OUT/times.tsv"
"$VENV/bin/python" bench/extract_py.py "$DATA/pages" "$OUT/systems" >> "$OUT/times.tsv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$EVAL" "$DATA" "$OUT"/systems/* --json "$OUT/scores.json" > "$OUT/eval.txt"
python3 - "$OUT/scores.json" "$OUT/times.tsv" <<'PY'
import json, sys
scores = json.load(open(sys.argv[1]))
times = {}
for line in open(sys.argv[2]):
    name, wall, cpu, failed = line.rstrip('\n').split('\t')
    times[name] = (float(wall), float(cpu), int(failed))
print(f'{"extractor":<16} {"precision":>9} {"recall":>7} {"F1":>6} {"wall ms/page":>12} {"cpu ms/page":>11} {"failed":>6}')
for name, m in sorted(scores.items(), key=lambda kv: -kv[1]['f1']):
    wall, cpu, failed = times.get(name, (float('nan'),) * 2 + (0,))
    print(f'{name:<16} {m["precision"]:>9.3f} {m["recall"]:>7.3f} {m["f1"]:>6.3f} {wall:>12.2f} {cpu:>11.2f} {failed:>6}')
if 'storyline' in times and 'trafilatura' in times:
    s, t = times['storyline'], times['trafilatura']
    print(f'storyline vs Python trafilatura: {t[1] / s[1]:.1f}x less CPU per page, {t[0] / s[0]:.1f}x less wall time (n={scores["storyline"]["n"]} pages)')
PY
