# Parallax task runner. `make help` lists the targets.
# The two commands of the README: `make serve` and `make test`. Both run setup first.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
PORT ?= 8080
CORPUS_DIR ?=
export CORPUS_DIR

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

.PHONY: setup
setup: ## Install what is missing (Rust target, trunk, wasm-bindgen-cli, Chromium, npm packages)
	@bash scripts/setup.sh

.PHONY: serve
serve: setup ## Build and serve the app on http://127.0.0.1:$(PORT) (CORPUS_DIR=folder for your own articles)
	trunk serve --port $(PORT)

.PHONY: serve-release
serve-release: setup ## Like serve, with the optimised release build
	trunk serve --release --port $(PORT)

.PHONY: test
test: setup lint test-native test-build-errors test-1k build e2e ## Everything: lint, native tests, build checks (bad folders, 1,000 articles), release build, browser tests

.PHONY: lint
lint: ## cargo fmt --check and clippy -D warnings (native crates and the wasm app)
	cargo fmt --all -- --check
	cargo clippy -p parallax-core -p parallax-cli --all-targets -- -D warnings
	cargo clippy -p parallax-web --target wasm32-unknown-unknown -- -D warnings

.PHONY: test-native
test-native: ## Core and CLI tests (cargo test)
	cargo test -p parallax-core -p parallax-cli

.PHONY: test-build-errors
test-build-errors: ## A bad corpus folder must fail the app build with the file and the reason
	@bash scripts/check-build-errors.sh

.PHONY: build
build: ## Release build of the page into dist/ with the article list prerendered, and its size
	trunk build --release
	node scripts/prerender.mjs dist
	@node scripts/sizes.mjs dist

.PHONY: single-file
single-file: build ## One self-contained dist-single/parallax.html (wasm, corpus, CSS inlined) that opens from file://
	node scripts/single-file.mjs dist dist-single/parallax.html

.PHONY: e2e
e2e: ## Browser tests (Playwright + system Chromium) against dist/, its single file, an other-corpus, a hostile-corpus, a web-copied-corpus, a no-profile-corpus, a collected-links build and the seeds in static shards
	node scripts/single-file.mjs dist dist-single/parallax.html
	CORPUS_DIR=crates/parallax-core/tests/fixtures/other trunk build --dist dist-other
	node scripts/hostile-corpus.mjs target/hostile-corpus
	CORPUS_DIR=target/hostile-corpus trunk build --dist dist-hostile
	node scripts/prerender.mjs dist-hostile
	CORPUS_DIR=crates/parallax-core/tests/fixtures/webcopy trunk build --dist dist-webcopy
	CORPUS_DIR=crates/parallax-core/tests/fixtures/suggest trunk build --dist dist-suggest
	COLLECT_CORPUS_OUT=$(CURDIR)/target/collect-corpus cargo test -q -p parallax-cli --test collect collect_fills_a_folder
	CORPUS_DIR=target/collect-corpus trunk build --dist dist-collect
	PARALLAX_SHARD_FROM=1 PARALLAX_SHARD_BYTES=512 PARALLAX_TEXT_BYTES=1 trunk build --dist dist-sharded
	npx playwright test -c e2e/playwright.config.mjs

.PHONY: corpus-1k
corpus-1k: ## Generate 1,000 articles (parallax generate) into target/corpus-1k
	rm -rf target/corpus-1k
	cargo run -q -p parallax-cli -- generate --articles 1000 --out target/corpus-1k

.PHONY: build-1k
build-1k: corpus-1k ## Release build over the 1,000 generated articles into dist-1k/, with its summary, time and size
	CORPUS_DIR=target/corpus-1k trunk build --release --dist dist-1k
	@node scripts/sizes.mjs dist-1k

.PHONY: test-1k
test-1k: corpus-1k ## Check that the app builds over 1,000 generated articles (debug build, summary checked)
	@bash scripts/check-1k.sh

.PHONY: fuzz
fuzz: ## Fuzz the link decoder, query parser, ingest and passage anchoring (FUZZ_SECONDS each, default 180)
	@bash scripts/fuzz.sh

SIZES ?= 1000,10000
ROUNDS ?= 3

.PHONY: bench
bench: setup ## Side-by-side browser benchmark against Pagefind, MiniSearch, FlexSearch, Lunr (SIZES=1000,10000 ROUNDS=3; add 50000 where there is time)
	node bench/run.mjs --sizes $(SIZES) --rounds $(ROUNDS)

.PHONY: bench-smoke
bench-smoke: setup ## The benchmark end to end over 200 articles, one round: checks that the harness works
	node bench/run.mjs --sizes 200 --rounds 1 --out-name smoke

.PHONY: lighthouse
lighthouse: setup build ## Lighthouse 12.2.3 (mobile preset, system Chromium) over the seeds page: median scores of LH_RUNS runs (default 5)
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	node bench/lighthouse/run.mjs dist $(or $(LH_RUNS),5)

.PHONY: articles
articles: ## Print the corpus's articles as JSON lines (CORPUS_DIR or seeds)
	cargo run -q -p parallax-cli -- articles --corpus $(or $(CORPUS_DIR),seeds) --json

.PHONY: clean
clean: ## Remove build outputs
	cargo clean
	rm -rf dist dist-other dist-single dist-1k dist-hostile dist-webcopy dist-suggest dist-collect test-results playwright-report
