# scenario: build, test and run. Every target installs what it needs first.
#
#   make sweep   set up, build (release) and sweep the bundled scenario over 5..20%
#   make test    set up and run the whole test suite (release build)
#   make bench   set up and run the benchmarks against HiGHS
#   make fuzz    fuzz the six parsers for FUZZ_SECONDS each, then a long randomised LP run
#   make check-sanitizers   the test suite under AddressSanitizer, then UndefinedBehaviorSanitizer
#   make install [PREFIX=/usr/local] [DESTDIR=]   the binary, its manual page and bash, zsh and
#                fish completions under $(DESTDIR)$(PREFIX)

SWIFT ?= swift
# The shipped binary links the Swift runtime and Foundation statically (--static-swift-stdlib):
# `scenario --version` then starts in about 4 ms instead of 12 (benchmarks/README.md, "Start-up").
# It is built in a folder of its own, so that this build and the test build in .build (linked
# dynamically, as `swift test` links) do not rebuild each other's objects.
STATIC_BUILD := .build-static
RELEASE_BIN := $(STATIC_BUILD)/release/scenario
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup latex-tools browser spreadsheet-tools build sweep test bench fuzz-build fuzz check-sanitizers manual install clean

# liblapack-dev (and pkg-config, through which SwiftPM finds it) when missing.
setup:
	@if ! pkg-config --exists lapack 2>/dev/null; then \
		echo "Installing liblapack-dev and pkg-config with apt-get ..." >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq liblapack-dev pkg-config >/dev/null; \
	fi

build: setup
	$(SWIFT) build -c release --product scenario --static-swift-stdlib --scratch-path $(STATIC_BUILD)

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

# The interactive HTML page is tested in a real headless Chromium; install it when missing.
browser:
	@if ! command -v chromium >/dev/null; then \
		echo "Installing chromium with apt-get ..." >&2; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
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

test: setup latex-tools browser spreadsheet-tools
	SCENARIO_NETLIB_FULL=1 $(SWIFT) test -c release

bench: build
	cd benchmarks && SCENARIO=../$(RELEASE_BIN) ./run-comparison.sh

# libFuzzer harnesses (fuzz/, a package of their own) built with AddressSanitizer. lld links
# them: gold fails on libFuzzer's objects. See README, "Limits and guarantees".
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := scenario-decoder mps-reader cut-range csv-import xlsx-import plan
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

# The manual page comes from the commands' own help, by swift-argument-parser's generate-manual
# plugin (it builds offline), dated by the last commit so that a rebuild gives the same page.
PREFIX ?= /usr/local
MANUAL := .build/plugins/GenerateManual/outputs/scenario/scenario.1
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

manual: build
	$(SWIFT) package --disable-sandbox generate-manual --date $(MANUAL_DATE)

# The completions come from the binary itself (scenario --generate-completion-script SHELL).
install: build manual
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/scenario
	install -m 644 $(MANUAL) $(DESTDIR)$(PREFIX)/share/man/man1/scenario.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/scenario
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_scenario
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/scenario.fish

clean:
	rm -rf .build $(STATIC_BUILD) .build-fuzz .build-asan .build-ubsan
