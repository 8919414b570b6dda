# Rug in beweging. On a fresh machine with Python 3.11+ and make:
#   make serve   set everything up and serve the site on http://127.0.0.1:8000 with live reload
#   make test    set everything up and run every test
#   make build   write the site to site/ (ENGLISH=false make build: Dutch only)
#   make handouts  build the site and write one PDF handout per article per language to site/handouts/
#                (needs SITE_URL, the published address)
#   make audit   Lighthouse on every page, phone and desktop: test-artifacts/audit/report.md (a benchmark, not a test)
# A second run reuses what the first installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve check build handouts test browser tools npm audit lock clean bench bench-search

serve: $(INSTALLED) npm
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The generator writes site/; the post-build step then finishes it and checks its safety content, whatever generator
# wrote it (patient_info/post_build.py: search index, CSP, hreflang, compaction, safety check).
# Every content check over docs/ in well under 2 s, without a build: the same functions and one-line errors as the
# build (patient_info/check.py).
check: $(INSTALLED)
	$(BIN)/python -m patient_info.check docs

build: $(INSTALLED) npm
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m patient_info.post_build site docs mkdocs.yml

# The site plus its ready-made PDFs, site/handouts/<language>/<name>.pdf, printed by headless Chromium
# (scripts/make_handouts.py). Only this build links the articles to their PDFs (HANDOUTS=true, see mkdocs.yml
# extra.handouts), so publish this rather than `make build`. It needs the published address: SITE_URL=https://… .
handouts: $(INSTALLED) npm browser
	HANDOUTS=true $(BIN)/mkdocs build --strict --site-dir site
	HANDOUTS=true $(BIN)/python -m patient_info.post_build site docs mkdocs.yml
	$(BIN)/python scripts/make_handouts.py site

test: $(INSTALLED) browser tools
	$(BIN)/python -m pytest

# Lighthouse (scores, LCP, TBT, CLS, bytes, requests) on every page, phone and desktop, served the way a static host
# serves it (scripts/static_host.py); writes test-artifacts/audit/report.md. See scripts/audit.py.
audit: $(INSTALLED) browser tools
	$(BIN)/python scripts/audit.py

# Debian's chromium-headless-shell for the browser tests and chromium for a smoke test, the benchmarks and the audit
# (and poppler-utils for PDF text); see scripts/install_browser.sh and scripts/browser.py.
browser:
	@scripts/install_browser.sh

# A Java runtime (Nu HTML Checker), Debian's word lists (tests/test_search_typos.py) and the pinned npm packages axe-core,
# vnu-jar, lighthouse; see scripts/install_tools.sh.
tools:
	@scripts/install_tools.sh

# Only the pinned npm packages: the build copies the handout composer's QR encoder (qrcode-generator) from them.
npm:
	@scripts/install_tools.sh npm

# The virtual environment, installed from the hash-locked requirements, with the repository root on its path
# (patient-info.pth), so that the package patient_info imports in MkDocs, its Markdown extensions and the tests.
$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' \
		| xargs -I{} sh -c 'echo "$(CURDIR)" > "{}/patient-info.pth"'
	touch $@

# Re-pin every dependency after changing pyproject.toml.
lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --extra test --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

clean:
	rm -rf site test-artifacts

# Benchmarks, not tests: they write benchmarks/RESULTS.md and benchmarks/search.md (see README, Quality).
bench: $(INSTALLED) npm browser
	$(BIN)/python scripts/benchmark_search.py
	$(BIN)/python scripts/benchmark_site.py

bench-search: $(INSTALLED) npm browser
	$(BIN)/python scripts/benchmark_search.py
