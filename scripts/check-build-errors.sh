#!/usr/bin/env bash
# Builds the app over broken corpus folders and checks that each build fails, naming the file and
# the reason. The same cases run natively in crates/parallax-core/tests/bad_input.rs; this proves
# build.rs turns them into a failed build with a readable message.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

build_over() { CORPUS_DIR="$1" cargo check -q -p parallax-web --target wasm32-unknown-unknown 2>&1; }

expect_failure() { # name, folder, text the error must contain
  local out
  if out=$(build_over "$2"); then
    echo "FAIL $1: the build succeeded over a bad corpus"; failed=$((failed + 1))
  elif ! grep -qF -- "$3" <<<"$out"; then
    echo "FAIL $1: the build failed without saying \"$3\":"; tail -15 <<<"$out"; failed=$((failed + 1))
  else
    echo "ok   $1: $(grep -F -- "$3" <<<"$out" | head -1 | sed 's/^ *//')"; passed=$((passed + 1))
  fi
}

folder() { # name, then name=content pairs (printf escapes); prints the folder
  local dir="$work/$1"; shift; mkdir -p "$dir"
  for pair in "$@"; do printf '%b' "${pair#*=}" > "$dir/${pair%%=*}"; done
  echo "$dir"
}

good='A headline\n\nROME (Sputnik - 1st May, 2020) The story begins here and goes on.\n'
expect_failure not-utf8 "$(folder not-utf8 "good.txt=$good" 'latin1.txt=one\nCaf\xe9\n')" 'latin1.txt:2: the file is not valid UTF-8'
expect_failure empty "$(folder empty "good.txt=$good" 'empty.txt=')" 'empty.txt: the file is empty'
expect_failure duplicate "$(folder duplicate "Story.txt=$good" "story.TXT=$good")" 'is already taken by'
expect_failure sidecar "$(folder sidecar "good.txt=$good" 'corpus.toml=\n[article.nope]\ntitle = "x"\n')" 'corpus.toml:2: the sidecar describes article “nope”'
expect_failure no-articles "$(folder no-articles 'notes.pdf=hello')" 'the folder holds no article files'
expect_failure html-no-text "$(folder html-no-text "good.txt=$good" 'menu.html=<nav><a href="/">Home</a></nav><script>x()</script>')" 'menu.html: no article text was found in the page'
expect_failure missing-folder "$work/does-not-exist" 'this is not a folder'

# The seeds build again afterwards: the build script reruns when CORPUS_DIR changes.
if out=$(build_over ""); then echo "ok   the seeds build again"; passed=$((passed + 1)); else echo "FAIL the seeds: $out"; failed=$((failed + 1)); fi
echo "build-error checks: $passed passed, $failed failed"
[ "$failed" = 0 ]
