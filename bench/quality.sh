#!/usr/bin/env bash
# One-run quality comparison: storyline and every peer of ../shared/tools/peers.py on one dataset,
# all scored by the same scorer (our ROUGE-1.5.5 reimplementation, `storyline eval --score-only`).
#
#   bench/quality.sh [--dataset DIR] [--words N] [--out DIR] [--peers-dir DIR] [--perl] [--scorer S]
#
#   --dataset    default ../shared/data/multinews-200
#   --words      summary budget and ROUGE word limit (default 260)
#   --out        where summaries, timings and reports go (default target/quality-<words>)
#   --peers-dir  reuse peer outputs of an earlier `peers.py run` (OUTDIR with <peer>/ and _timing/)
#                instead of running the peers again (they take minutes to hours)
#   --perl       also score every system with the original Perl (../shared/tools/rouge155.py) and
#                print its R-1 / R-2 / R-SU4 F1 beside ours
#   --scorer     rouge155 (default) or rouge-score
#
# Needs: cargo; for the peers, `source /tmp/peers-env.sh` (PEERS_PY, NLTK_DATA) after
# ../shared/tools/setup-peers.sh. Prints one table: system, R-1, R-2, R-SU4, R-L (F1, x100) and
# seconds per cluster (storyline: mean wall time of reading + summarizing one cluster, clusters run
# in parallel; peers: mean of peers.py's timed summarize call, parsing excluded).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dataset=$root/../shared/data/multinews-200
words=260
out=
peers_dir=
perl=0
scorer=rouge155
while [ $# -gt 0 ]; do
  case $1 in
    --dataset) dataset=$2; shift 2 ;;
    --words) words=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --peers-dir) peers_dir=$2; shift 2 ;;
    --perl) perl=1; shift ;;
    --scorer) scorer=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
out=${out:-$root/target/quality-$words}
tools=$root/../shared/tools
mkdir -p "$out/reports"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=$root/target/release/storyline

echo "storyline: summarizing $dataset at $words words" >&2
"$bin" eval "$dataset" --words "$words" --out "$out/storyline" --format json --scorer "$scorer" \
  > "$out/reports/storyline.json"

if [ -z "$peers_dir" ]; then
  : "${PEERS_PY:?source /tmp/peers-env.sh first (or pass --peers-dir)}"
  peers_dir=$out/peers
  echo "peers: running peers.py into $peers_dir" >&2
  "$PEERS_PY" "$tools/peers.py" run "$dataset" "$peers_dir" --words "$words" >&2
fi
systems=()
for d in "$peers_dir"/*/; do
  p=$(basename "$d")
  [ "$p" = _timing ] && continue
  "$bin" eval "$dataset" --words "$words" --score-only "$d" --format json --scorer "$scorer" \
    > "$out/reports/$p.json"
  systems+=("$p")
done

if [ "$perl" = 1 ]; then
  : "${PEERS_PY:?source /tmp/peers-env.sh first}"
  echo "perl: scoring every system with ROUGE-1.5.5" >&2
  dirs=("$out/storyline")
  for p in "${systems[@]}"; do dirs+=("$peers_dir/$p"); done
  "$PEERS_PY" "$tools/rouge155.py" "$dataset" "${dirs[@]}" --words="$words" --f1 > "$out/reports/perl-f1.txt"
fi

python3 - "$out" "$peers_dir" "$perl" "$words" "${systems[@]}" <<'PY'
import json, os, sys
out, peers_dir, perl, words, systems = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4], sys.argv[5:]
perl_rows = {}
if perl:
    for line in open(os.path.join(out, "reports", "perl-f1.txt")).read().splitlines()[1:]:
        f = line.split()
        perl_rows[f[0]] = f[1:5]
rows = []
for name in ["storyline"] + systems:
    r = json.load(open(os.path.join(out, "reports", name + ".json")))
    f1 = {m: a["f1"]["mean"] * 100 for m, a in zip(r["metrics"], r["averages"])}
    secs = None
    if name == "storyline":
        s = [c["seconds"] for c in r["clusters"] if "seconds" in c]
        secs = sum(s) / len(s) if s else None
    else:
        t = os.path.join(peers_dir, "_timing", name + ".tsv")
        if os.path.isfile(t):
            s = [float(l.split("\t")[2]) for l in open(t).read().splitlines()[1:] if l.split("\t")[1] == "ok"]
            secs = sum(s) / len(s) if s else None
    rows.append((name, f1, secs, len(r["clusters"]), r["clusters_total"], r["scorer"]))
rows[1:] = sorted(rows[1:], key=lambda x: -x[1].get("ROUGE-2", 0))
print("%d words, %s, F1 x100 (mean of 1000 bootstrap resamples, as ROUGE-1.5.5 prints)" % (int(words), rows[0][5]))
head = "| system | R-1 | R-2 | R-SU4 | R-L | s/cluster | clusters |" + (" perl R-1 / R-2 / R-SU4 |" if perl else "")
print(head)
print("|---" * (head.count("|") - 1) + "|")
for name, f1, secs, n, total, _ in rows:
    cells = [name] + ["%.2f" % f1[m] if m in f1 else "-" for m in ("ROUGE-1", "ROUGE-2", "ROUGE-SU4", "ROUGE-L")]
    cells += ["%.4f" % secs if secs is not None else "-", "%d/%d" % (n, total)]
    if perl:
        key = "storyline" if name == "storyline" else name
        p = perl_rows.get(key)
        cells.append(" / ".join([p[0], p[1], p[3]]) if p else "-")
    print("| " + " | ".join(cells) + " |")
PY
