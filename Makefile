# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing themselves, so a fresh clone on a bare Debian machine works.

SHELL := /bin/bash
APT_PACKAGES := libwebsockets-dev libsqlite3-dev pkg-config openssl
# Only `make test` needs these: Tests/test_chat_page.py drives the chat page in headless Chromium.
TEST_APT_PACKAGES := chromium
VENV := .venv
PYTHON := $(VENV)/bin/python
SWIFT_FLAGS ?=
RELEASE_BIN := .build/release/switchboard

.PHONY: run test deps test-deps venv build release swift-test python-test bench clean docs
.PHONY: fuzz fuzz-build fuzz-smoke

## run: install, build in release mode and start the server on 127.0.0.1:4000 (store ./switchboard.sqlite).
## Extra flags: make run SERVE_FLAGS="--port 4001".
SERVE_FLAGS ?=
run: deps release
	$(RELEASE_BIN) serve $(SERVE_FLAGS)

## test: install, build, run the Swift unit tests and the black-box Python suites.
test: deps test-deps venv release swift-test python-test fuzz-smoke

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing="$$missing python3 python3-venv"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_APT_PACKAGES)"

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

## bench: release-build benchmarks (see SwitchboardBench): engine, store and fan-out scenarios
## in-process, then issue 6's nine server scenarios, Switchboard (release, SQLite store on disk,
## --secret, publisher token) beside BaselineServer under LoadGenerator in the same run, each
## repeated and reported by the median. Markdown table on stdout and in $(BENCH_MD), JSON in
## $(BENCH_JSON), SVG chart in $(BENCH_SVG) (the README's; commit it after a run). One group or scenario only:
## `.build/release/SwitchboardBench store` (or `engine`, `server`, `server.latency`);
## Fewer runs or a smaller idle count for a quick look: make bench BENCH_FLAGS="--repeats 1 --idle-connections 5000".
## About 8 minutes on the 2-core machine (7 min 39 s measured; limit 15).
BENCH_FLAGS ?=
BENCH_JSON ?= .build/bench-results.json
BENCH_MD ?= .build/bench-results.md
BENCH_SVG ?= docs/bench.svg
bench: deps
	swift build -c release
	Tests/bench/smoke_baseline.sh >/dev/null
	mkdir -p $(dir $(BENCH_SVG)) $(dir $(BENCH_JSON)) $(dir $(BENCH_MD))
	.build/release/SwitchboardBench --json $(BENCH_JSON) --markdown $(BENCH_MD) --chart $(BENCH_SVG) $(BENCH_FLAGS)

## docs: the libraries' API documentation (swift-docc-plugin) as DocC archives in .build/docs/;
## any DocC warning (a broken symbol link, an undocumented parameter) fails it. About 2 minutes
## from a clean build, so it is not part of `make test`.
DOC_TARGETS := GraphQL GraphQLTransportWS Switchboard
docs:
	swift package --allow-writing-to-directory .build/docs generate-documentation \
	  $(addprefix --target ,$(DOC_TARGETS)) --output-path .build/docs --warnings-as-errors

## fuzz: build the libFuzzer targets in Fuzzing/ (GraphQL parser and validation, the
## graphql-transport-ws decoder and state machine, the GraphQL-over-HTTP request path) and run
## each for FUZZ_SECONDS (default 60), from the seed corpus in Fuzzing/corpus/<target>. One target:
## `make fuzz FUZZ_TARGETS=http`. A crash fails the run and names the saved input.
## fuzz-smoke (part of `make test`): the same, FUZZ_SMOKE_SECONDS (default 15) per target.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_TARGETS ?=
# lld: gold fails (internal error) linking the chat page's build-tool plugin with the sanitizer flags.
FUZZ_BUILD_FLAGS := -c release --package-path Fuzzing --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
fuzz-build:
	swift build $(FUZZ_BUILD_FLAGS)

fuzz: deps fuzz-build
	Fuzzing/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: deps fuzz-build
	Fuzzing/run.sh $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz $(VENV)
