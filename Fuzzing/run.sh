#!/usr/bin/env bash
# Runs every fuzz target for a bounded time: `Fuzzing/run.sh SECONDS [TARGET…]` (targets:
# graphql, transportws, http; all by default). Built first by `make fuzz-build`.
#
# Each target starts from its seed corpus (Fuzzing/corpus/<target>, read only) plus what earlier
# runs found (.build-fuzz/corpus/<target>, where libFuzzer writes new inputs), with its
# dictionary. A crash stops that target: the input is saved as .build-fuzz/artifacts/<target>-crash-…,
# the script names it, runs the rest, and exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: Fuzzing/run.sh SECONDS [TARGET…]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(graphql transportws http)
scratch=.build-fuzz
bin=$scratch/release

declare -A binary=([graphql]=FuzzGraphQL [transportws]=FuzzTransportWS [http]=FuzzHTTP)
# Built schemas are reference graphs kept for the life of a server, never freed; the GraphQL
# target builds one per SDL input, so leak reports would be about that, not about a bug.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# libFuzzer prints the stack of a crash itself; Swift's backtracer would read memory ASan guards.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

failed=()
for target in "${targets[@]}"; do
    exe=${binary[$target]:-}
    [ -n "$exe" ] || { echo "unknown fuzz target '$target' (graphql, transportws, http)" >&2; exit 2; }
    [ -x "$bin/$exe" ] || { echo "$bin/$exe is missing: run 'make fuzz-build' first" >&2; exit 2; }
    mkdir -p "$scratch/corpus/$target" "$scratch/artifacts"
    log="$scratch/$target.log"
    echo "fuzz $target: $seconds s ($bin/$exe, log $log)"
    "$bin/$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -detect_leaks=0 \
        -dict="Fuzzing/dictionaries/$target.dict" \
        -artifact_prefix="$scratch/artifacts/$target-" \
        "$scratch/corpus/$target" "Fuzzing/corpus/$target" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    corpus=$(ls "$scratch/corpus/$target" | wc -l)
    if [ $status -eq 0 ]; then
        echo "  ok: ${runs:-?} executions (${rate:-?}/s), $corpus inputs found so far in $scratch/corpus/$target"
    else
        failed+=("$target")
        echo "  FAILED (exit $status) after ${runs:-?} executions:"
        grep -E "fuzz invariant broken|Fatal error|ERROR: |SUMMARY|Test unit written" "$log" | head -n 10 | sed 's/^/    /'
        echo "    reproduce: $bin/$exe <the test unit named above>"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
