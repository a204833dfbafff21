#!/usr/bin/env bash
# End-to-end tests against moto_server: generates the ECR, Secrets Manager, STS, SNS, S3 and Lambda clients from ../shared/models with
# the checkout's codegen into Tests/EndToEnd/Generated (git-ignored), then runs `swift test` in Tests/EndToEnd
# (its own .build). Each test starts its own moto_server on 127.0.0.1 and stops it by PID.
#
#   bash Tests/EndToEnd/run.sh        (from anywhere; CI runs it from .ci/run)
#
# Exits 0 with a SKIPPED line when ../shared/models or python3 with moto is missing; non-zero when the build
# warns or fails, a test fails, or a test skipped although moto is here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
models="$(cd "$root/.." && pwd)/shared/models"
generated="$here/Generated"
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started ))s"; }

for model in ecr secrets-manager sts sns s3 lambda dynamodb; do
    if [ ! -f "$models/$model.json" ]; then
        echo "SKIPPED: end-to-end tests: $models/$model.json is missing"
        exit 0
    fi
done
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIPPED: end-to-end tests: python3 is not installed"
    exit 0
fi
if ! python3 -c "import boto3, moto, flask" 2>/dev/null; then
    echo "SKIPPED: end-to-end tests: moto is not installed (python3 -m pip install 'moto[server]' boto3)"
    exit 0
fi

echo "--- generating clients ($(elapsed))"
(cd "$root" && swift build --product codegen >/dev/null)
codegen="$(cd "$root" && swift build --product codegen --show-bin-path)/codegen"
mkdir -p "$generated/EndToEndSupport"
# codegen rewrites only files whose contents changed, so a rerun recompiles only what changed.
"$codegen" --model "$models/ecr.json" --output "$generated" --no-tests --quiet
"$codegen" --model "$models/secrets-manager.json" --output "$generated" --no-tests --quiet
for model in sts sns s3 lambda dynamodb; do
    # Warnings (streaming blobs read into memory, event-stream operations left out) are printed, not fatal.
    "$codegen" --model "$models/$model.json" --output "$generated" --no-tests --quiet
done
# The test-service launcher is shared with the main package's tests (see Package.swift for why it is copied).
cmp -s "$root/Tests/TestSupport/TestServiceProcess.swift" "$generated/EndToEndSupport/TestServiceProcess.swift" \
    || cp "$root/Tests/TestSupport/TestServiceProcess.swift" "$generated/EndToEndSupport/TestServiceProcess.swift"

cd "$here"
logs="$here/.build/logs"
mkdir -p "$logs"
echo "--- building ($(elapsed))"
status=0
swift build --build-tests >"$logs/build.log" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE "(warning|error):" "$logs/build.log"; then
    grep -E "(warning|error):" "$logs/build.log" | sort -u | head -40
    [ "$status" -ne 0 ] && tail -20 "$logs/build.log"
    echo "FAILED: the end-to-end package must build without errors or warnings ($(elapsed))"
    exit 1
fi

echo "--- testing ($(elapsed))"
limit=()
command -v timeout >/dev/null 2>&1 && limit=(timeout --kill-after=30 900)
set +e
${limit[@]+"${limit[@]}"} swift test --skip-build 2>&1 | tee "$logs/test.log" \
    | grep -E "^Test Case .*(passed|failed|skipped)|error:|SKIPPED|Executed [0-9]+ tests"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E "Executed [0-9]+ tests" "$logs/test.log" | tail -1 || true)
if [ "$status" -ne 0 ] || [ -z "$summary" ]; then
    echo "FAILED: end-to-end tests (exit $status, $(elapsed))"
    exit 1
fi
if grep -qE "^Test Case .* skipped" "$logs/test.log"; then
    echo "FAILED: end-to-end tests skipped although moto is installed ($(elapsed))"
    exit 1
fi
echo "PASSED: end-to-end tests against moto_server: $(echo "$summary" | sed "s/^[[:space:]]*//") ($(elapsed))"
