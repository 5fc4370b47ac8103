#!/usr/bin/env bash
# Installs everything Parallax needs to build, serve and test, skipping what is already there.
# Safe to run any number of times. Nothing is downloaded as a prebuilt binary: Rust tools are
# built with `cargo install`, Chromium comes from Debian, the rest from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Rust toolchain pinned in rust-toolchain.toml, with the wasm target (RUSTUP_AUTO_INSTALL=0 here,
#    so the pin alone installs nothing).
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
have_toolchain() {
  local installed
  installed=$(rustup component list --toolchain "$toolchain" --installed 2>/dev/null) || return 1
  grep -q '^rust-std-wasm32-unknown-unknown' <<<"$installed" && grep -q '^clippy' <<<"$installed" \
    && grep -q '^rustfmt' <<<"$installed"
}
if ! have_toolchain; then
  say "installing Rust $toolchain with wasm32-unknown-unknown, rustfmt and clippy"
  rustup toolchain install "$toolchain" --profile minimal -c rustfmt -c clippy -t wasm32-unknown-unknown
fi

# 2. Trunk at the version Trunk.toml's tool settings were checked with.
trunk_version=0.21.14
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "building trunk $trunk_version (several minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo +"$toolchain" install trunk --version "$trunk_version" --locked
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock resolved (without --locked: its lockfile
#    pins a crate version the registry here does not serve).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "building wasm-bindgen-cli $bindgen_version (about three minutes, once)"
  cargo +"$toolchain" install wasm-bindgen-cli --version "$bindgen_version" --force
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "setup: Trunk.toml's [tools] wasm_bindgen does not match Cargo.lock ($bindgen_version); update it" >&2
  exit 1
fi

# 4. Chromium and ChromeDriver from Debian, for the browser tests and screenshots.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. npm packages: Playwright (driving the system Chromium; no browser download) and binaryen's
#    wasm-opt (Debian's binaryen breaks the output).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  # npm ci refuses a lock without pagefind's other-platform packages, which the registry here does
  # not resolve; npm install then installs the same pinned versions without changing the lock.
  npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
    || npm install --no-audit --no-fund --loglevel=error
fi

say "ready: rust $toolchain, $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
