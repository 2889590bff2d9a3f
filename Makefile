# scenario: build, test and run. Every target installs what it needs first.
#
#   make sweep   set up, build (release) and sweep the bundled scenario over 5..20%
#   make test    set up and run the whole test suite (release build)
#   make bench   set up and run the benchmarks against HiGHS
#   make fuzz    fuzz the five parsers for FUZZ_SECONDS each, then a long randomised LP run
#   make check-sanitizers   the test suite under AddressSanitizer, then UndefinedBehaviorSanitizer

SWIFT ?= swift
RELEASE_BIN := .build/release/scenario
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup latex-tools spreadsheet-tools build sweep test bench fuzz-build fuzz check-sanitizers clean

# liblapack-dev (and pkg-config, through which SwiftPM finds it) when missing.
setup:
	@if ! pkg-config --exists lapack 2>/dev/null; then \
		echo "Installing liblapack-dev and pkg-config with apt-get ..." >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq liblapack-dev pkg-config >/dev/null; \
	fi

build: setup
	$(SWIFT) build -c release --product scenario

sweep: build
	$(RELEASE_BIN) sweep --cut 5..20%

# The suite runs in a release build: the Netlib tier is numeric work that a
# debug build would run many times slower. SCENARIO_NETLIB_FULL=1 adds the Netlib
# problems over 1,000 rows (about two minutes on 2 cores); see Tests/LinearProgrammingTests/NetlibTests.swift.
# The LaTeX tests typeset reports with pdflatex (booktabs and longtable) and read
# them back with pdftotext; install those when missing.
latex-tools:
	@if ! command -v pdflatex >/dev/null || ! command -v pdftotext >/dev/null || \
		! kpsewhich booktabs.sty longtable.sty >/dev/null 2>&1; then \
		echo "Installing pdflatex (texlive-latex-base, texlive-latex-recommended) and poppler-utils with apt-get ..." >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			texlive-latex-base texlive-latex-recommended poppler-utils >/dev/null; \
	fi

# The spreadsheet tests read the xlsx report back with Python's openpyxl and open it in
# LibreOffice (headless); install them when missing.
spreadsheet-tools:
	@if ! python3 -c "import openpyxl" >/dev/null 2>&1; then \
		echo "Installing openpyxl with pip ..." >&2; \
		python3 -m pip install --quiet openpyxl >/dev/null; \
	fi
	@if ! command -v libreoffice >/dev/null && ! command -v soffice >/dev/null; then \
		echo "Installing LibreOffice Calc (libreoffice-calc-nogui) with apt-get ..." >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; \
	fi

test: setup latex-tools spreadsheet-tools
	SCENARIO_NETLIB_FULL=1 $(SWIFT) test -c release

bench: build
	cd benchmarks && ./run-comparison.sh

# libFuzzer harnesses (fuzz/, a package of their own) built with AddressSanitizer. lld links
# them: gold fails on libFuzzer's objects. See README, "Limits and guarantees".
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := scenario-decoder mps-reader cut-range csv-import xlsx-import
RANDOM_LPS ?= 20000

fuzz-build: setup
	cd fuzz && $(SWIFT) build -c release --scratch-path ../.build-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; done
	SCENARIO_RANDOM_LPS=$(RANDOM_LPS) $(SWIFT) test -c release --filter RandomizedLPTests

# The whole suite under each sanitizer, each in its own build folder (the Netlib problems over
# 1,000 rows are left out: SCENARIO_NETLIB_FULL is not set). Leak detection is off because
# TOMLKit 0.6 leaks a few hundred bytes per file it parses (see fuzz/run.sh). swiftc refuses
# -sanitize=undefined on Linux, so UBSan covers the C++ code built here (toml++ in TOMLKit),
# less one known fault in TOMLKit's glue (fuzz/tomlkit.ubsan-suppressions).
check-sanitizers: setup
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test -c release --sanitize=address --scratch-path .build-asan
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$(CURDIR)/fuzz/tomlkit.ubsan-suppressions $(SWIFT) test -c release --scratch-path .build-ubsan \
		-Xcc -fsanitize=undefined -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined

clean:
	rm -rf .build .build-fuzz .build-asan .build-ubsan
