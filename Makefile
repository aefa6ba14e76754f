# Two commands do all set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

# The engine that builds the site: mkdocs (the default) or properdocs, the maintained
# continuation of MkDocs 1.x; both run the same plugin and give the same site (README).
ENGINE ?= mkdocs
LOCK_DIR := po_build/data/lock
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: setup system system-site system-test site test test-snabb serve intern check lint fuzz bench clean lock lock-upgrade system-node formular

# Programs from Debian: Chromium for the browser tests, poppler for turning the yearly
# report's PDF into pictures, Pango and fonts for WeasyPrint. Installed only when missing.
SITE_PKGS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PKGS := $(SITE_PKGS) chromium chromium-driver poppler-utils

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in the lock files, every file checked against PyPI's hash: first the
# build backend, then everything else built with it (so no build fetches a backend of its
# own), then po-build itself from this folder. Reinstalls only when the lock changes.
# The form's npm packages (Decap CMS, decap-server) come from package-lock.json the same way,
# with no install scripts run.
$(STAMP): $(LOCK_DIR)/build.txt $(LOCK_DIR)/dev.txt pyproject.toml $(wildcard package-lock.json) | $(BIN)/python system-node
	$(PIP) install --quiet --require-hashes --no-deps -r $(LOCK_DIR)/build.txt
	$(PIP) install --quiet --require-hashes --no-deps --no-build-isolation -r $(LOCK_DIR)/dev.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	if [ -f package.json ]; then npm ci --ignore-scripts --no-audit --no-fund; fi
	touch $(STAMP)

# Node.js and npm for the form (package.json): the machine's own, or Debian's when there is none.
system-node:
	@if [ -f package.json ]; then command -v npm >/dev/null || $(MAKE) --no-print-directory system PKGS="nodejs npm"; fi

# The lock files from pyproject.toml (po_build/cli/lockfile.py): after changing a dependency
# there, run `make lock` and commit the result. lock-upgrade takes the newest of everything.
lock: $(STAMP)
	$(BIN)/python -m po_build.cli.lockfile

lock-upgrade: $(STAMP)
	$(BIN)/python -m po_build.cli.lockfile --upgrade

setup: $(STAMP)

system-site:
	@$(MAKE) --no-print-directory system PKGS="$(SITE_PKGS)"

# Java runs the HTML validator; any Java will do, so only a missing `java` asks for one.
system-test:
	@$(MAKE) --no-print-directory system PKGS="$(TEST_PKGS) $$(command -v java >/dev/null || echo default-jre-headless)"

system:
	@missing=""; for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installerar från Debian:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

check: $(STAMP)
	$(BIN)/po check

site: check system-site
	$(BIN)/$(ENGINE) build -f mkdocs.yml --strict --clean --site-dir site

intern: check
	$(BIN)/$(ENGINE) build -f mkdocs-intern.yml --strict --clean

# The PDF is left out of the live preview: it takes seconds and nobody reads it there.
# --dirty: MkDocs renders only the pages whose output is gone; the plugin removes the output
# of every page a save changes (po_build/mkdocs/preview.py), so no page is ever stale.
serve: $(STAMP)
	PO_PDF=0 $(BIN)/$(ENGINE) serve --dirty -f mkdocs.yml

# Try the form without an account: decap-server saves to this repository's own git
# (a branch per submission, as a pull request would be), and the site is previewed
# on http://127.0.0.1:8000/admin/. Ctrl+C stops both.
formular: $(STAMP)
	@MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" PORT=8081 BIND_HOST=127.0.0.1 \
	  node node_modules/decap-server/dist/index.js & server=$$!; \
	  trap "kill $$server" EXIT INT TERM; PO_PDF=0 $(BIN)/$(ENGINE) serve -f mkdocs.yml

test: $(STAMP) system-test lint
	$(BIN)/python -m pytest -q

# The edit-test loop: everything but the browser tests and the yearly report's PDF layout.
test-snabb: $(STAMP) lint
	$(BIN)/python -m pytest -q -m "not browser and not pdf"

# Style, types (mypy --strict, configured in pyproject.toml) and the package's layers.
lint: $(STAMP)
	$(BIN)/ruff check po_build tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The property tests with twenty times the examples of `make test`, new ones each run
# (a failure prints the example and how to replay it; see tests/conftest.py).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=lång $(BIN)/python -m pytest -q tests/test_fuzz.py

# Build time against plain Material (100 and 1,000 reports; `make bench N=10000` for more),
# and the identifier scanner's recall and false positives on the labelled corpus.
bench: $(STAMP)
	$(BIN)/python benchmarks/build_bench.py --n $(or $(N),1000)
	$(BIN)/python benchmarks/arsrapport_bench.py
	$(BIN)/python benchmarks/privacy_bench.py
	$(BIN)/python benchmarks/limits_bench.py

# The build cache (yearly reports' PDFs, charts, report bodies, check verdicts) goes too.
clean:
	rm -rf site site-intern .cache/po-build
