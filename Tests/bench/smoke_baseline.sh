#!/usr/bin/env bash
# Quick check of the benchmark tools: builds BaselineServer and LoadGenerator in release, starts
# the baseline on a free port and runs three small scenarios against it. Not part of `make test`;
# `make bench` uses it to make sure the tools work before the long runs.
#
#   Tests/bench/smoke_baseline.sh [--event-loop default|uv|ev|glib]
#
# Prints each scenario's JSON line on stdout; exits non-zero if a scenario does not verify.
set -euo pipefail
cd "$(dirname "$0")/../.."

loop=default
if [[ "${1:-}" == "--event-loop" && -n "${2:-}" ]]; then loop=$2; fi

swift build -c release --product BaselineServer >&2
swift build -c release --product LoadGenerator >&2
bin=$(swift build -c release --show-bin-path)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
"$bin/BaselineServer" --host 127.0.0.1 --port "$port" --event-loop "$loop" 2>"$log" &
server=$!
cleanup() {
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT

for _ in $(seq 100); do
    grep -q "listening on ws://" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "BaselineServer did not start" >&2; exit 1; }
    sleep 0.05
done
grep -q "listening on ws://" "$log" || { echo "BaselineServer not ready in 5 s" >&2; exit 1; }

target="ws://127.0.0.1:$port/graphql"
status=0
"$bin/LoadGenerator" fanout --target "$target" --subscribers 1000 --posts 20 \
    --server-pid "$server" --seconds 30 --timeout 60 || status=1
"$bin/LoadGenerator" latency --target "$target" --subscribers 1 --rate 100 --posts 100 \
    --server-pid "$server" --seconds 30 --timeout 60 || status=1
"$bin/LoadGenerator" mutations --target "$target" --publishers 16 --posts 2000 \
    --server-pid "$server" --seconds 30 --timeout 60 || status=1
exit $status
