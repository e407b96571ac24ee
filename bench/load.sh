#!/usr/bin/env bash
# Load bench of `storyline serve`: wrk at 64 connections on GET /api/stories/{id} (the
# bundled example story), then on the story page for comparison.
# Goal (issue 6): at least 5,000 requests/s with p99 under 20 ms on a 2-core machine.
# Usage: bench/load.sh [DURATION_SECONDS]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
command -v wrk >/dev/null || { echo "wrk is absent: apt-get install wrk" >&2; exit 2; }
cargo build --release --quiet
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
bin=target/release/storyline
"$bin" ingest --quiet --db "$work/load.db" examples/geneva-2022/
"$bin" serve --db "$work/load.db" --addr 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q http:// "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[^/]*' "$work/serve.out")"
id="$(curl -sf "$base/api/stories" | grep -o '"id":"[0-9]*"' | head -1 | grep -o '[0-9]\+')"
curl -sf "$base/api/stories/$id" >/dev/null
echo "== $(nproc) cores; server pid $pid; story $id; $(curl -sf "$base/api/stories/$id" | wc -c) bytes"
echo "== wrk -t2 -c64 -d${secs}s --latency $base/api/stories/$id"
wrk -t2 -c64 -d"${secs}s" --latency "$base/api/stories/$id"
echo "== wrk -t2 -c64 -d${secs}s --latency $base/stories/$id (HTML page, not cached)"
wrk -t2 -c64 -d"${secs}s" --latency "$base/stories/$id"
echo "== server memory: $(grep VmHWM /proc/$pid/status)"
