#!/usr/bin/env bash
# Installs what building and testing V2X Chain needs, and only what is missing:
# the Wasm targets of the Rust toolchain, protoc, Node.js, Chromium (the passport page's
# browser test), the client test packages and zombienet.
# Safe to run again: each step checks first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

command -v rustup >/dev/null || fail "rustup is missing: install Rust from https://rustup.rs first."

installed_targets=$(rustup target list --installed)
if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
	say "Adding the wasm32v1-none target (the runtime is compiled to Wasm)"
	if ! rustup target add wasm32v1-none; then
		say "wasm32v1-none unavailable: adding wasm32-unknown-unknown and rust-src instead"
		rustup target add wasm32-unknown-unknown
		rustup component add rust-src
	fi
fi

for component in rustfmt clippy; do
	if ! rustup component list --installed | grep -q "^$component"; then
		say "Adding the $component component"
		rustup component add "$component"
	fi
done

apt_packages=()
command -v protoc >/dev/null || apt_packages+=(protobuf-compiler)
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
# Debian's Chromium, driven by playwright-core, which never downloads a browser of its own.
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if ((${#apt_packages[@]})); then
	command -v apt-get >/dev/null ||
		fail "missing ${apt_packages[*]} and there is no apt-get: install them by hand."
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null ||
			fail "missing ${apt_packages[*]}: run as root or install sudo."
		sudo="sudo"
	fi
	say "Installing Debian packages: ${apt_packages[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_packages[@]}"
fi

e2e="$REPO_ROOT/scripts/e2e"
if [ ! -d "$e2e/node_modules" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
	say "Installing the client test packages (npm ci, versions from package-lock.json)"
	(cd "$e2e" && npm ci --no-audit --no-fund)
fi

zombienet="$REPO_ROOT/zombienet"
if [ ! -d "$zombienet/node_modules" ] || [ "$zombienet/package-lock.json" -nt "$zombienet/node_modules/.package-lock.json" ]; then
	say "Installing zombienet for the multi-node tests (npm ci, versions from package-lock.json)"
	(cd "$zombienet" && npm ci --no-audit --no-fund)
fi

say "Setup complete"
