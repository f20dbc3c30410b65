# The two commands of the README:
#   make demo   set everything up, then print the report on the built-in Azerbaijan–Kazakhstan dataset
#   make test   set everything up, then run every check (CI runs exactly this)
# and, while working (CONTRIBUTING.md):
#   make check  formatting, lints and the fast tier of the tests, after a small change
# Everything is installed here, into .venv and target/, so a fresh machine needs only
# Rust (cargo) and Python 3.11+.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DEPS   := $(VENV)/.deps-installed
# The Python files ruff checks (lint and formatting).
PY_SRC := python tests/python tests/install examples benches docs/hooks

.PHONY: demo test check check-lint check-rust check-python develop rust-checks rust-test \
	rust-doc rust-example python-checks python-lint python-test docs sdist-test wheel install-test \
	bench fmt clean fuzz snapshots

demo: develop
	$(PY) -m bilateral report --dataset azerbaijan-kazakhstan-2025 --format markdown

# The install test comes last: it builds the release wheel, the slowest step.
test: develop rust-checks rust-test rust-doc rust-example python-checks python-lint python-test docs \
	sdist-test install-test

# The fast tier, for a small change: formatting, lints, the Rust unit tests and the
# integration tests (tests/it/) but the slow ones, then the Python tests not marked
# `slow` (pyproject.toml). Cheapest first, so a slip shows in seconds. One clippy (the
# `python` feature, which turns on `parquet` too); `make test` runs both, every test,
# the doc tests, stubtest, mypy and the wheel.
check: check-lint check-rust check-python

check-lint: $(DEPS)
	cargo fmt --all --check
	$(VENV)/bin/ruff check $(PY_SRC)
	$(VENV)/bin/ruff format --check $(PY_SRC)
	cargo clippy --all-targets --features python -- -D warnings

# The Rust tests `make check` leaves to `make test` (test-name prefixes, each taking
# seconds to a minute on two cores): random stores by the hundred, a file larger than a
# batch, a full disk at every page, threads racing on one file.
RUST_SLOW := analysis::bounds_of_growth_change_and_asymmetry_contain_their_values \
	analysis::change_of_every_series_equals_change_of_each_series_alone \
	files::comtrade::a_file_of_more_rows_than_a_batch_is_stored_all_or_nothing \
	files::parquet::a_random_store_reads_back_as_its_observations \
	report::fifty_thousand_figures_make_tables_of_a_few_hundred_rows \
	no_panic:: store::faults:: store::concurrency::

check-rust:
	cargo test --features parquet --lib --test it -- $(addprefix --skip ,$(RUST_SLOW))

check-python: develop
	$(PY) -m pytest -q -m "not slow" tests/python; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]

# The tools are installed at the versions CI last passed with (.ci/constraints.txt): a
# newer ruff may format differently, a newer mypy or pandas-stubs may type differently.
# Without matplotlib, nbclient and ipykernel the chart and notebook tests would skip;
# pyarrow, polars and DuckDB are the Arrow readers the Table tests read with;
# markdown-it-py is the CommonMark parser the Markdown safety test reads reports with,
# linkify-it-py and mdit-py-plugins make it read them as GFM does (bare URLs become links,
# [^1] a footnote reference), and cmarkgfm is GitHub's own renderer (cmark-gfm) it renders
# them with too;
# Hypothesis (with its dependency sortedcontainers) runs the model test, random sequences
# of writes, imports and queries checked against a plain model (tests/python/store/test_model.py).
# ziglang is the C compiler and linker of the manylinux2014 wheel, auditwheel checks it
# (`make wheel`, `make install-test`).
# MkDocs with the Material theme builds the docs site, and mkdocstrings (its Python
# handler) the API reference from the docstrings and _core.pyi (`make docs`).
$(DEPS): pyproject.toml Makefile .ci/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --constraint .ci/constraints.txt "maturin>=1.9.4,<2" \
		"pytest>=7" "pandas>=2.0" "mypy>=1.10" pandas-stubs "ruff>=0.17,<0.18" \
		"matplotlib>=3.7" nbclient ipykernel pyarrow polars duckdb markdown-it-py \
		linkify-it-py mdit-py-plugins cmarkgfm hypothesis sortedcontainers ziglang auditwheel \
		mkdocs mkdocs-material "mkdocstrings[python]"
	touch $@

# pyspark, for the tests that run the analyses' SQL (bilateral.sql) on a real Spark in local
# mode (tests/python/files/test_portable_sql.py): its own step, being large (about 490 MB
# installed), at the version of .ci/constraints.txt. Spark runs on Java 17 or later: where
# `java` is missing, Debian's default-jre-headless (OpenJDK 17 on Debian 12) is installed.
SPARK := $(VENV)/.spark-installed
$(SPARK): $(DEPS)
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		default-jre-headless; }
	$(PY) -m pip install --quiet --constraint .ci/constraints.txt pyspark
	touch $@

# A debug build of the extension, installed into .venv (fast to build; tests only).
develop: $(DEPS)
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/maturin develop --quiet

rust-checks:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features python -- -D warnings
	@# Rust users get no Python: pyo3 only comes with the `python` feature.
	@if cargo tree -e normal --prefix none | grep -q '^pyo3'; then echo "pyo3 is in the plain build"; exit 1; fi

# With the `parquet` feature (and so `arrow`), so Columns::to_record_batch and
# Store::export_parquet are tested too (the plain build is compiled by clippy above):
# the unit tests, every integration test (tests/it/, the slow ones included) and the
# doc tests.
rust-test:
	cargo test --features parquet

# Accepts the reports' new text as the reviewed snapshots (tests/snapshots/*.md), after
# reading the diff `make test` showed (tests/it/render.rs).
snapshots:
	BILATERAL_UPDATE_SNAPSHOTS=1 cargo test --features parquet --test it render::snapshot

# The API docs build without a warning (broken or ambiguous intra-doc links included).
rust-doc:
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --features parquet

# The Rust application of examples/rust-app, a crate of its own depending on the library
# by path as a Rust user's would: built into the main target/ (its dependencies are the
# ones already compiled there: only the library and the application are compiled, about
# 45 s on two cores against 95 s in a folder of its own) and run, writing its reports to
# target/rust-app/. Cargo's list of what it built must hold no shared library of
# bilateral: a Rust dependent builds the rlib only.
rust-example:
	mkdir -p target/rust-app
	cd examples/rust-app && cargo build --locked --target-dir ../../target \
		--message-format json-render-diagnostics >../../target/rust-app/build.json
	@if grep '"reason":"compiler-artifact"' target/rust-app/build.json | \
		grep '"name":"bilateral"' | grep -q '\.so"'; then \
		echo "a shared library of bilateral was built for a Rust dependent"; exit 1; fi
	cd examples/rust-app && cargo fmt --check
	target/debug/bilateral-rust-app target/rust-app

# The stubs in _core.pyi must match the compiled module, and the typed example must
# pass mypy --strict against the installed package (stubs and py.typed).
python-checks: develop
	$(PY) -m mypy.stubtest bilateral._core
	$(PY) -m mypy --strict python/bilateral examples/typed_usage.py tests/install/check_wheel.py

# The docs site (mkdocs.yml, docs/) into site/, with every warning an error: a broken
# link or anchor, a page missing from the nav, a reference mkdocstrings cannot resolve.
# Its code blocks run in python-test (tests/python/package/test_docs.py).
docs: $(DEPS)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet

python-lint: $(DEPS)
	$(VENV)/bin/ruff check $(PY_SRC)
	$(VENV)/bin/ruff format --check $(PY_SRC)

# pytest exits 5 when it collects no test; that alone is not a failure.
python-test: develop $(SPARK)
	BILATERAL_REQUIRE_SPARK=1 $(PY) -m pytest -q tests/python; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]
	$(PY) examples/typed_usage.py >/dev/null

# The sdist holds data/ and schema.sql (compiled in by include_str!), nothing stray,
# and the crate builds from it alone.
sdist-test: $(DEPS)
	tests/install/check_sdist.sh $(VENV)/bin/maturin

# The release wheel (abi3: one wheel for CPython 3.11 and later; symbols stripped) in
# dist/; older wheels there are removed first, so dist/ holds the one just built.
# manylinux2014 (manylinux_2_17: glibc 2.17 and later, so Debian 11, Ubuntu 20.04, RHEL 8
# and Amazon Linux 2 install it), whatever this machine's glibc: zig (ziglang from PyPI)
# links against glibc 2.17's symbols and compiles the bundled SQLite. Only here: the
# sdist leaves the tag to the machine that builds it (pyproject.toml sets none).
wheel: $(DEPS)
	rm -f dist/bilateral-*.whl
	VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH $(VENV)/bin/maturin build \
		--release --strip --compatibility manylinux2014 --zig --out dist

# Installs that wheel into a new virtual environment outside the source tree (pandas
# comes from PyPI) and uses it: import, demo, a report, the `bilateral` command; first
# its tag is checked to be manylinux_2_17, and auditwheel must agree.
install-test: wheel
	$(PYTHON) tests/install/check_wheel.py dist/bilateral-*.whl --auditwheel $(VENV)/bin/auditwheel

# Speed is measured, never asserted: add_many beside plain INSERTs, same run; the report
# on pairs of 1,000, 10,000 and 100,000 rows side by side; then the release wheel beside
# SQLite's own floor on the store's file and Python's sqlite3, pandas, polars and DuckDB on
# the same generated data, each goal of issue 25 with its ratio (benches/peers.py;
# BILATERAL_BENCH_ROWS picks the size, BILATERAL_BENCH_SCALE=1 measures 1M and 10M rows'
# memory instead). DuckDB, polars and pyarrow (which pandas 3's str dtype is backed by)
# are benchmark dependencies, installed into a venv of its own.
BENCH_VENV ?= .venv-bench
bench: wheel
	cargo bench --bench ingest
	cargo bench --bench report
	cargo bench --bench series
	cargo bench --bench comtrade
	[ -x $(BENCH_VENV)/bin/python ] || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --constraint .ci/constraints.txt \
		"pandas>=2.0" "duckdb>=1.0" polars pyarrow
	$(BENCH_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps dist/bilateral-*.whl
	$(BENCH_VENV)/bin/python benches/peers.py

fmt: $(DEPS)
	cargo fmt --all
	$(VENV)/bin/ruff format $(PY_SRC)

clean:
	rm -rf $(VENV) $(BENCH_VENV) target dist site

# A short pass of every fuzz target (fuzz/): cargo fuzz on this machine's one (stable)
# toolchain, which takes libFuzzer's flags with RUSTC_BOOTSTRAP and no sanitizer; a
# crash stops it with the input in fuzz/artifacts/. FUZZ_SECONDS makes each run longer.
# Not part of `make test`: the release build of the targets alone takes minutes.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := period words import store_file report chart
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for target in $(FUZZ_TARGETS); do \
		RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O $$target -- \
			-max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done
