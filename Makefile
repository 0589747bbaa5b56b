# Kluis — the few commands everyone uses. `make run` and `make test` work on a fresh Debian 12
# machine: every target depends on `deps`, which installs what is missing and nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := build-essential pkg-config curl libssl-dev libwebkit2gtk-4.1-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver gnome-keyring \
	dbus-x11 libsecret-1-dev poppler-utils qpdf imagemagick
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)
# One feature set and one build for every Rust step: `build` compiles the libraries, binaries,
# tests and examples once (the desktop app embeds the built UI, ui/dist); the test, keyring and
# e2e steps reuse it. Building fewer targets or another package alone would resolve other
# features and compile the Tauri stack again.
FEATURES := --features kluis-desktop/custom-protocol
XVFB := xvfb-run -a -s "-screen 0 1280x900x24"
# Where `make test` notes how long each stage took.
STAGE_TIMES := target/make-test-stages.txt

.PHONY: help deps run test test-core test-keyring test-ui ui build e2e lint bench screenshots \
	ui-stage test-ui-stage lint-stage build-stage test-core-stage test-keyring-stage e2e-stage

help:
	@echo "make run    build and start the Kluis desktop app"
	@echo "make test   every check CI runs (UI, lint, core, keyring, end-to-end)"
	@echo "make deps   install system packages, tools and npm modules (idempotent)"
	@echo "make lint | build | test-core | test-keyring | test-ui | e2e | screenshots | bench"

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

build: ui
	$(CARGO) build --workspace --all-targets $(FEATURES)

run: build
	./target/debug/kluis-desktop

# Each stage in turn, with the time it took (also when one fails).
TEST_STAGES := test-ui lint build test-core test-keyring e2e
test: deps
	@mkdir -p target; : > $(STAGE_TIMES); \
	report() { echo "make test: time per stage"; sed 's/^/  /' $(STAGE_TIMES); }; \
	trap report EXIT; \
	for stage in ui $(TEST_STAGES); do \
		start=$$(date +%s); \
		$(MAKE) --no-print-directory $$stage-stage; \
		echo "$$stage $$(( $$(date +%s) - start )) s" >> $(STAGE_TIMES); \
	done
	@echo "make test: all checks passed"

# The stages without their prerequisites, for `make test` (which has run them in order).
ui-stage:
	npm --prefix ui run build
test-ui-stage:
	npm --prefix ui run typecheck
	npm --prefix ui run lint
	npm --prefix ui test
lint-stage:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets $(FEATURES) -- -D warnings
build-stage:
	$(CARGO) build --workspace --all-targets $(FEATURES)
test-core-stage:
	$(CARGO) test --workspace $(FEATURES)
# The real OS secret store: a private D-Bus session with an unlocked gnome-keyring.
test-keyring-stage:
	scripts/with-keyring.sh $(CARGO) test --workspace $(FEATURES) --test keyring -- --ignored
# The real desktop binary under Xvfb, driven by tauri-driver + WebKitWebDriver.
e2e-stage:
	$(XVFB) npm --prefix tests/e2e test

test-ui: deps
	@$(MAKE) --no-print-directory test-ui-stage
lint: ui
	@$(MAKE) --no-print-directory lint-stage
test-core: build
	@$(MAKE) --no-print-directory test-core-stage
test-keyring: build
	@$(MAKE) --no-print-directory test-keyring-stage
e2e: build
	@$(MAKE) --no-print-directory e2e-stage

# Screenshots of the real app for the user guide (docs/images).
screenshots: build
	$(XVFB) npm --prefix tests/e2e run screenshots

# The performance budgets (docs/PERFORMANCE.md) as ratios in one run (release build, 100,000 synthetic contacts).
bench: deps
	$(CARGO) run --release --example bench -- --contacts 100000 --out docs/PERFORMANCE.md
	@cat docs/PERFORMANCE.md
