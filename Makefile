# Kluis — the few commands everyone uses. `make run` and `make test` work on a fresh Debian 12
# machine: every target depends on `deps`, which installs what is missing and nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := build-essential pkg-config curl libssl-dev libwebkit2gtk-4.1-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver gnome-keyring \
	dbus-x11 libsecret-1-dev poppler-utils imagemagick
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
# One feature set for every Rust build, so build, test, clippy and e2e share one compilation:
# the desktop app embeds the built UI (ui/dist) instead of loading it from a dev server.
FEATURES := --features kluis-desktop/custom-protocol
XVFB := xvfb-run -a -s "-screen 0 1280x900x24"

.PHONY: help deps run test test-core test-keyring test-ui ui e2e lint bench screenshots

help:
	@echo "make run    build and start the Kluis desktop app"
	@echo "make test   every check CI runs (UI, lint, core, keyring, end-to-end)"
	@echo "make deps   install system packages, tools and npm modules (idempotent)"
	@echo "make lint | test-core | test-keyring | test-ui | e2e | screenshots | bench"

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if ! command -v npm >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
		echo "deps: installing$$missing"; \
		$(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	@command -v $(CARGO) >/dev/null || { echo "deps: Rust (cargo) is required: https://rustup.rs"; exit 1; }
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --version ^2 --locked
	@for d in ui tests/e2e; do \
		if [ ! -f $$d/node_modules/.package-lock.json ] || [ $$d/package-lock.json -nt $$d/node_modules/.package-lock.json ]; then \
			echo "deps: npm ci in $$d"; (cd $$d && npm ci --ignore-scripts --no-audit --no-fund); \
		fi; \
	done

ui: deps
	npm --prefix ui run build

run: ui
	$(CARGO) build -p kluis-desktop $(FEATURES)
	./target/debug/kluis-desktop

test: deps test-ui lint test-core test-keyring e2e
	@echo "make test: all checks passed"

test-ui: deps
	npm --prefix ui run typecheck
	npm --prefix ui run lint
	npm --prefix ui test

test-core: ui
	$(CARGO) test --workspace $(FEATURES)

# The real OS secret store: a private D-Bus session with an unlocked gnome-keyring.
test-keyring: ui
	scripts/with-keyring.sh $(CARGO) test -p kluis --test keyring -- --ignored

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets $(FEATURES) -- -D warnings

# The real desktop binary under Xvfb, driven by tauri-driver + WebKitWebDriver.
e2e: ui
	$(CARGO) build --workspace $(FEATURES)
	$(XVFB) npm --prefix tests/e2e test

# Screenshots of the real app for the user guide (docs/images).
screenshots: ui
	$(CARGO) build --workspace $(FEATURES)
	$(XVFB) npm --prefix tests/e2e run screenshots

# DESIGN.md §8 budgets as ratios in one run (release build, 100,000 synthetic contacts).
bench: deps
	$(CARGO) run --release --example bench -- --contacts 100000 --out docs/PERFORMANCE.md
	@cat docs/PERFORMANCE.md
