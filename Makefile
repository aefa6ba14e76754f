# Two commands do all set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The form at /admin/ (Decap CMS) and its local test server, exactly as package-lock.json
# says; no install scripts are run.
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system system-site system-test system-node site test serve intern check lint fuzz bench clean formular

# Programs from Debian: Chromium for the browser tests, poppler for turning the yearly
# report's PDF into pictures, Pango and fonts for WeasyPrint. Installed only when missing.
SITE_PKGS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PKGS := $(SITE_PKGS) chromium chromium-driver poppler-utils

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's own dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# Node.js and npm for the form: the machine's own, or Debian's when there is none.
system-node:
	@command -v npm >/dev/null || $(MAKE) --no-print-directory system PKGS="nodejs npm"

$(NODE_STAMP): package.json package-lock.json | system-node
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

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

site: check system-site $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

intern: check $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --clean -f mkdocs-intern.yml

# The PDF is left out of the live preview: it takes seconds and nobody reads it there.
serve: $(STAMP) $(NODE_STAMP)
	PO_PDF=0 $(BIN)/mkdocs serve

# Try the form without an account: decap-server saves to this repository's own git
# (a branch per submission, as a pull request would be), and the site is previewed
# on http://127.0.0.1:8000/admin/. Ctrl+C stops both.
formular: $(STAMP) $(NODE_STAMP)
	@MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" PORT=8081 BIND_HOST=127.0.0.1 \
	  node node_modules/decap-server/dist/index.js & server=$$!; \
	  trap "kill $$server" EXIT INT TERM; PO_PDF=0 $(BIN)/mkdocs serve

test: $(STAMP) $(NODE_STAMP) system-test
	$(BIN)/ruff check po_build tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check po_build tests benchmarks

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

clean:
	rm -rf site site-intern
