#!/usr/bin/env bash
# Runs the response fuzzer (Tests/ECRPublicTests/Fuzz): the generated ECR Public client, on the default
# transport, against a loopback server answering every call with something hostile (wrong types, truncated,
# oversized, endless and gzip-bomb bodies, closes and resets at every byte, slow trickles).
#   Tests/Fuzz/run-response-fuzzer.sh            short run, as CI does: 2,000 cases
#   Tests/Fuzz/run-response-fuzzer.sh 50000      long run
# FUZZ_SEED picks the random seed (default 20261204, so CI runs the same cases every time); FUZZ_TRANSPORT=urlsession
# runs them on URLSessionHTTPClient instead of the default transport (on Linux: a crash); SCRATCH_PATH the
# build folder (default .build). Prints cases run, outcomes by error type, slowest case and resident memory
# (baseline, after 10% of the cases, at the end, peak), then the test process's maximum resident set size.
# Exit 1 on an untyped error, a hang (a call over 10 s), peak memory growth over 256 MiB or no successful call;
# a crash fails the test run itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=2000
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then count="$1"; shift; fi
scratch=(--scratch-path "${SCRATCH_PATH:-.build}")

swift build "${scratch[@]}" --build-tests >/dev/null || swift build "${scratch[@]}" --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# GNU time reports the whole test process's peak memory; without it the fuzzer's own figures remain.
timer=()
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then timer=(/usr/bin/time -v); fi
FUZZ_CASES="$count" FUZZ_SEED="${FUZZ_SEED:-20261204}" "${timer[@]}" \
    swift test "${scratch[@]}" --skip-build --filter ResponseFuzzTests >"$log" 2>&1 || status=$?
grep -E '^fuzz:' "$log" | sed 's/^fuzz: //' || true
grep -E 'Maximum resident set size' "$log" | sed 's/^[[:space:]]*/test process (swift test and xctest): /' || true
if [ "$status" -ne 0 ]; then
    grep -E 'error:|Fatal error|signal' "$log" | head -20 || true
    echo "response fuzzer FAILED (exit $status)"
fi
exit "$status"
