#!/usr/bin/env bash
# Speed and memory of `storyline summarize` beside sumy's LexRank, in one run, on the five
# seeds and on 10- and 100-article stories built from ../shared/data/multinews-200.
# Usage: bench/summarize.sh            (needs ../shared; installs the peers on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/seeds" ] || { echo "bench/summarize.sh: $shared is absent" >&2; exit 2; }
eval "$(bash "$shared/tools/setup-peers.sh")"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >&2
cargo build --release --quiet
cargo bench --quiet --no-run --bench summarize_call
exec "$PEERS_PY" bench/summarize_speed.py --shared "$shared" --bin target/release/storyline "$@"
