# Two commands do everything on a fresh machine with Swift: `make build` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test deps theme release clean bench

## build: install libcmark when missing, compile ladder (release) and build the example site into public/
build: release
	.build/release/ladder build .

release: deps
	$(SWIFT) build -c release --product ladder

## test: install libcmark when missing, check the embedded theme is current, run every test
test: deps
	@python3 .ci/embed_theme.py --check || { echo "templates/ changed but the built-in copy did not: run 'make theme'"; exit 1; }
	$(SWIFT) test

## deps: the C library cmark (Debian's libcmark-dev) and pkg-config, which SwiftPM uses to find it
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

## theme: regenerate the built-in copy of templates/ (Sources/LadderKit/Render/DefaultTheme.swift)
theme:
	python3 .ci/embed_theme.py

clean:
	rm -rf .build public/*
