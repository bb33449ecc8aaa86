# E2 Judge — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
ifeq ($(OS),Windows_NT)
PY     := $(VENV)/Scripts/python.exe
else
PY     := $(VENV)/bin/python
endif
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test lint typecheck pytest translations screenshots bench dist clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The same one step as the Windows and macOS recipes in docs/building.md: .ts -> .qm, .po -> .mo.
translations: $(STAMP)
	$(PY) scripts/translations.py

run: $(STAMP) translations
	$(PY) -m e2judge --demo

lint: $(STAMP)
	$(PY) -m ruff check e2judge tests bench scripts

typecheck: $(STAMP)
	$(PY) -m mypy

pytest: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test: lint typecheck pytest

demo: $(STAMP)
	$(PY) scripts/make_demo.py

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots

# Every bench/*.py (frozen.py last: it builds the app), then all their JSON figures at the end.
bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/run_benches.py

# The desktop app (docs/building.md): a one-folder build in "dist/E2 Judge", then its self-test.
.PHONY: dist-smoke ci
DIST_STAMP := $(VENV)/.dist-installed
APP_DIR    := dist/E2 Judge

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) translations
	rm -rf build/pyinstaller "$(APP_DIR)" "$(APP_DIR).app"
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--workpath build/pyinstaller --distpath dist build.spec
	@du -sh "$(APP_DIR)"

dist-smoke: dist
	QT_QPA_PLATFORM=offscreen "$(APP_DIR)/e2judge" --self-test

ci: test dist-smoke

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
