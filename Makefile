# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing themselves, so a fresh clone on a bare Debian machine works.

SHELL := /bin/bash
APT_PACKAGES := libwebsockets-dev libsqlite3-dev pkg-config openssl
VENV := .venv
PYTHON := $(VENV)/bin/python
SWIFT_FLAGS ?=
RELEASE_BIN := .build/release/switchboard

.PHONY: run test deps venv build release swift-test python-test bench clean
.PHONY: fuzz fuzz-build fuzz-smoke

## run: install, build in release mode and start the server on 127.0.0.1:4000 (store ./switchboard.sqlite).
## Extra flags: make run SERVE_FLAGS="--port 4001".
SERVE_FLAGS ?=
run: deps release
	$(RELEASE_BIN) serve $(SERVE_FLAGS)

## test: install, build, run the Swift unit tests and the black-box Python suites.
test: deps venv release swift-test python-test fuzz-smoke

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing="$$missing python3 python3-venv"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: Tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/requirements.txt
	touch $@

release:
	swift build -c release $(SWIFT_FLAGS)

build:
	swift build $(SWIFT_FLAGS)

swift-test:
	swift test $(SWIFT_FLAGS)

python-test: venv release
	SWITCHBOARD_BIN=$(abspath $(RELEASE_BIN)) $(VENV)/bin/pytest -q Tests/

## bench: release-build benchmarks (see SwitchboardBench): engine, store and server scenarios, each
## beside its baseline in the same run (server: Switchboard vs BaselineServer under LoadGenerator).
## Markdown table on stdout, JSON in $(BENCH_JSON). One group or scenario only:
## `.build/release/SwitchboardBench store` (or `engine`, `server`, `server.latency`);
## issue 6's full idle size: make bench BENCH_FLAGS=--full.
BENCH_FLAGS ?=
BENCH_JSON ?= .build/bench-results.json
bench: deps
	swift build -c release
	Tests/bench/smoke_baseline.sh >/dev/null
	.build/release/SwitchboardBench --json $(BENCH_JSON) $(BENCH_FLAGS)

## fuzz: build the libFuzzer targets in Fuzzing/ (GraphQL parser and validation, the
## graphql-transport-ws decoder and state machine, the GraphQL-over-HTTP request path) and run
## each for FUZZ_SECONDS (default 60), from the seed corpus in Fuzzing/corpus/<target>. One target:
## `make fuzz FUZZ_TARGETS=http`. A crash fails the run and names the saved input.
## fuzz-smoke (part of `make test`): the same, FUZZ_SMOKE_SECONDS (default 15) per target.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_TARGETS ?=
FUZZ_BUILD_FLAGS := -c release --package-path Fuzzing --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
fuzz-build:
	swift build $(FUZZ_BUILD_FLAGS)

fuzz: deps fuzz-build
	Fuzzing/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: deps fuzz-build
	Fuzzing/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz $(VENV)
