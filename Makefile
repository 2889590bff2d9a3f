# scenario: build, test and run. Every target installs what it needs first.
#
#   make sweep   set up, build (release) and sweep the bundled scenario over 5..20%
#   make test    set up and run the whole test suite (release build)
#   make bench   set up and run the benchmarks against HiGHS

SWIFT ?= swift
RELEASE_BIN := .build/release/scenario
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build sweep test bench clean

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
# problems over 1,000 rows (about a minute on 2 cores); see Tests/LinearProgrammingTests/NetlibTests.swift.
test: setup
	SCENARIO_NETLIB_FULL=1 $(SWIFT) test -c release

bench: build
	cd benchmarks && ./run-comparison.sh

clean:
	rm -rf .build
