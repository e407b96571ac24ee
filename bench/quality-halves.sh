#!/usr/bin/env bash
# Is a summarizer change general, or tuned to one dataset? Scores storyline at several budgets on
# the whole dataset and on its two halves (A: odd, B: even cluster positions in name order), so
# that a variant can be kept only when it holds on both halves and at both lengths.
#
#   bench/quality-halves.sh [--dataset DIR] [--config FILE] [--name NAME] [--words "260 100"]
#
#   --dataset  default ../shared/data/multinews-200
#   --config   options file passed to `storyline eval --config` (the variant to measure)
#   --name     row label (default: the config file's name, or "default")
#   --words    budgets to score (default "260 100"); ROUGE's word limit is the same
#
# Prints one markdown row per budget: R-1 / R-2 / R-SU4 F1 (x100) on all clusters, R-2 on A and
# on B, R-2 on clusters of at most two articles, and the mean words used. Figures are means of
# the per-cluster F1 of our ROUGE-1.5.5 reimplementation (within 0.05 of the Perl script; the
# bootstrap mean `storyline eval` prints differs from them by about 0.01). About 5 s per budget.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dataset=$root/../shared/data/multinews-200
config=
name=
budgets="260 100"
while [ $# -gt 0 ]; do
  case $1 in
    --dataset) dataset=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --words) budgets=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
name=${name:-$( [ -n "$config" ] && basename "$config" || echo default)}
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=$root/target/release/storyline
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| variant | words | R-1 | R-2 | R-SU4 | R-2 A | R-2 B | R-2 ≤2 articles | words used |"
echo "|---|---|---|---|---|---|---|---|---|"
for w in $budgets; do
  args=(eval "$dataset" --words "$w" --out "$tmp/out-$w" --format json)
  [ -n "$config" ] && args+=(--config "$config")
  "$bin" "${args[@]}" > "$tmp/report-$w.json" 2>/dev/null
  python3 - "$dataset" "$tmp/report-$w.json" "$tmp/out-$w" "$name" "$w" <<'PY'
import json, os, sys
dataset, report, out, name, words = sys.argv[1:]
clusters = sorted(json.load(open(report))["clusters"], key=lambda c: c["cluster"])
def docs(c):
    return len(os.listdir(os.path.join(dataset, c["cluster"], "docs")))
def mean(metric, keep=lambda i, c: True):
    v = [c["scores"][metric]["f1"] for i, c in enumerate(clusters) if keep(i, c)]
    return "%.2f" % (100 * sum(v) / len(v)) if v else "-"
used = [len(open(os.path.join(out, f)).read().split()) for f in os.listdir(out)]
print("| %s | %s | %s | %s | %s | %s | %s | %s | %.0f |" % (
    name, words, mean(0), mean(1), mean(3),
    mean(1, lambda i, c: i % 2 == 1), mean(1, lambda i, c: i % 2 == 0),
    mean(1, lambda i, c: docs(c) <= 2), sum(used) / max(len(used), 1)))
PY
done
