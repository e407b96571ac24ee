#!/usr/bin/env bash
# Clustering benches, in one run: quality against gold labels (ECB+ event and topic level,
# UCI headlines; storyline and the TF-IDF baselines in one table), then scale (1,000 /
# 10,000 / 100,000 articles: time and peak memory; and 100,000 at topic granularity, or the
# sizes given). Needs ../shared; prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "## Clustering quality (reporting part; thresholds chosen on the choosing part)"
cargo bench -q --bench cluster_quality
echo
echo "## Clustering scale ($(nproc) cores)"
cargo bench -q --bench cluster_scale -- "$@"
echo
echo "## Clustering scale at topic granularity ($(nproc) cores)"
STORYLINE_CLUSTER='{"granularity":"topic"}' cargo bench -q --bench cluster_scale -- "${@:-100000}"
