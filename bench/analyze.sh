#!/usr/bin/env bash
# What `storyline analyze` adds to `storyline summarize`, process start to exit (median of
# N runs, release build), on the five seeds and on the largest Multi-News cluster (9 articles).
# In-process figures per stage: `cargo bench --bench analyze`.
# Usage: bench/analyze.sh [RUNS]          (needs ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/seeds" ] || { echo "bench/analyze.sh: $shared is absent" >&2; exit 2; }
runs=${1:-30}
cargo build --release --quiet
exec python3 - "$runs" "$shared" <<'PY'
import statistics, subprocess, sys, time
runs, shared = int(sys.argv[1]), sys.argv[2]
sets = {"seeds (5 articles)": shared + "/seeds",
        "multinews 088 (9 articles)": shared + "/data/multinews-200/088_6db3807942c3/docs"}
print(f"{'input':28} {'summarize ms':>13} {'analyze ms':>11} {'added ms':>9}   (median of {runs})")
for name, path in sets.items():
    med = {}
    for cmd in ("summarize", "analyze"):
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(["target/release/storyline", cmd, path, "--format", "json"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ts.append((time.perf_counter() - t0) * 1000)
        med[cmd] = statistics.median(ts)
    print(f"{name:28} {med['summarize']:13.1f} {med['analyze']:11.1f} {med['analyze'] - med['summarize']:9.1f}")
PY
