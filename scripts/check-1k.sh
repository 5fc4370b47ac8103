#!/usr/bin/env bash
# Builds the app's corpus over 1,000 generated articles (`make corpus-1k` writes them to
# target/corpus-1k) and checks the build's summary: the build script ingests, dates, tags and
# indexes every article, as a release build would (`make build-1k` does the full release build).
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/corpus-1k}
start=$(date +%s)
out=$(CORPUS_DIR="$dir" cargo check -p parallax-web --target wasm32-unknown-unknown 2>&1)
status=$?
summary=$(grep -F 'warning: parallax-web@' <<<"$out" | sed 's/^warning: parallax-web@[^:]*: //')
echo "$summary"
if [ "$status" != 0 ]; then
  echo "FAIL the build over $dir failed:"; tail -20 <<<"$out"; exit 1
fi
if ! grep -qE '^corpus “corpus-1k”: 1000 articles \(1000 \.txt\)' <<<"$summary"; then
  echo "FAIL the summary does not count 1000 articles"; exit 1
fi
echo "ok   the app builds over 1,000 generated articles ($(( $(date +%s) - start )) s with the check of the app)"
# Back to the seeds, so the next build does not embed the large corpus by surprise.
CORPUS_DIR= cargo check -q -p parallax-web --target wasm32-unknown-unknown 2>/dev/null || true
