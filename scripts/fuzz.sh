#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for FUZZ_SECONDS (default 180) each, seeded with the seed
# articles and sample links. Needs a nightly toolchain and cargo-fuzz; installs them when missing.
# A crash stops the run and leaves its input in fuzz/artifacts/TARGET/ (replay it with
# `cd fuzz && cargo +nightly fuzz run TARGET artifacts/TARGET/crash-…`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-180}
targets=${FUZZ_TARGETS:-view_state query ingest anchor}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Seed corpora: the seed articles for ingest, links and queries from the README for the others.
mkdir -p fuzz/corpus/{view_state,query,ingest,anchor}
cp seeds/*.txt fuzz/corpus/ingest/
printf '%s' 'v=1&doc=004_9c538ca53b92ee9e&at=1436-1720&cv=3b0c&quote=the+border.+-,Police+cracked+down,-+More' > fuzz/corpus/view_state/passage
printf '%s' 'v=1&q=%22political%20prisoners%22%20outlet%3ATASS&compare=a,b&focus=a%3A7' > fuzz/corpus/view_state/search
printf '%s' '"political prisoners" -outlet:"Harbour Daily" date:2020-08-01..2020-08-20 sanct* stance:dialogue=support' > fuzz/corpus/query/all-forms
printf 'at=10-20&quote=ab-,cracked+down,-+More\nPolice cracked down on protesters. More than 6,700.' > fuzz/corpus/anchor/moved

for t in $targets; do
  echo "fuzz: $t for ${seconds}s"
  (cd fuzz && nice -n 10 cargo +nightly fuzz run "$t" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1)
done
