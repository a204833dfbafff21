#!/usr/bin/env bash
# Builds codegen and runs the model fuzzer (Tests/Fuzz/model_fuzzer.py; see Tests/Fuzz/README.md).
#   Tests/Fuzz/run-model-fuzzer.sh          short run, as CI does: 300 variants, 2 accepted ones compiled
#   Tests/Fuzz/run-model-fuzzer.sh 5000     long run: 5,000 variants, 8 accepted ones compiled
# Further arguments go to the fuzzer (--seed S, --jobs N, --timeout SECONDS, --out DIR, --compile-sample K, ...).
# FUZZ_SEED picks the random seed (default 1, so that CI runs the same variants every time).
# Exit 1 on any crash, hang, partial write, unclear error, canary in generated code or compile failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=300
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then count="$1"; shift; fi
compile=2
if [ "$count" -ge 1000 ]; then compile=8; fi

python3 Tests/Fuzz/model_fuzzer.py --self-test
if ! log=$(swift build --product codegen 2>&1); then echo "$log" | tail -30; exit 1; fi
codegen="$(swift build --product codegen --show-bin-path)/codegen"
exec python3 Tests/Fuzz/model_fuzzer.py --codegen "$codegen" --count "$count" --compile-sample "$compile" \
    --seed "${FUZZ_SEED:-1}" "$@"
