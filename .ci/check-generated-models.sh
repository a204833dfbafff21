#!/usr/bin/env bash
# Generates a client (and the tests the model states) from every model in ../shared/models, the Smithy protocol
# test models and our kitchen-sink model, then compiles them against AWSRuntime and runs the generated tests.
# Everything goes to .build-generated/ (git-ignored); nothing from ../shared is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build-generated"
shared="$root/../shared"

# waiters: every waiter matcher the generator compiles; kitchen-sink: every shape type and trait; hostile-text: model text full of quotes, line breaks, NUL, bidi
# controls, `*/`, `\(` and `"#` in every free-text position, which must compile as plain literals and comments.
# awsjson- and restxml-event-streams: output event streams of awsJson 1.1 (with the initial response) and restXml (XML
# event payloads), each with its own eventStreamTests.
models=("Tests/CodeGeneratorTests/Models/kitchen-sink.json" "Tests/CodeGeneratorTests/Models/hostile-text.json" "Tests/CodeGeneratorTests/Models/waiters.json"
        "Tests/CodeGeneratorTests/Models/awsjson-event-streams.json" "Tests/CodeGeneratorTests/Models/restxml-event-streams.json")
for name in ecr-public ecr dynamodb secrets-manager sso sso-oidc lambda transcribe-streaming sts sns s3; do
    if [ -f "$shared/models/$name.json" ]; then models+=("$shared/models/$name.json")
    else echo "SKIPPED: $shared/models/$name.json is missing"; fi
done
for name in awsJson1_1 awsJson1_0 restJson1 apigateway glacier machinelearning awsQuery ec2Query restXml restXmlWithNamespace s3 rpcv2Cbor; do
    if [ -f "$shared/testdata/protocol-tests/$name.json" ]; then models+=("$shared/testdata/protocol-tests/$name.json")
    else echo "SKIPPED: $shared/testdata/protocol-tests/$name.json is missing"; fi
done

rm -rf "$work/Generated" "$work/Checks"
mkdir -p "$work/Generated"
# -L: the checks share helpers with the main tests through symlinks, which must become files here.
cp -RL Tests/GeneratedModelChecks "$work/Checks"
swift build --product codegen >/dev/null
codegen="$(swift build --product codegen --show-bin-path)/codegen"

# ECR Public from the official model would clash with our own module name, so it gets its own.
for model in "${models[@]}"; do
    module_args=()
    case "$model" in
        *shared/models/ecr-public.json) module_args=(--module OfficialECRPublic) ;;
        # The S3 protocol tests' model has no endpoint rules: S3's own resolve its buckets, as in every SDK.
        *protocol-tests/s3.json) module_args=(--module S3Protocol --endpoint-rules "$shared/models/s3.json") ;;
    esac
    "$codegen" --model "$model" --output "$work/Generated" --quiet "${module_args[@]}"
done
# DynamoDB once more with the Codable decoding the generated JSON readers replaced, for the differential test.
if [ -f "$shared/models/dynamodb.json" ]; then
    "$codegen" --model "$shared/models/dynamodb.json" --output "$work/Generated" --quiet --module DynamoDBCodable --codable-decoding --no-tests
fi

{
    echo "// swift-tools-version:6.0"
    echo "import PackageDescription"
    echo "let runtime: Target.Dependency = .product(name: \"AWSRuntime\", package: \"$(basename "$root")\")"
    echo "let generator: [Target.Dependency] = [.product(name: \"CodeGenerator\", package: \"$(basename "$root")\"), .product(name: \"SmithyModel\", package: \"$(basename "$root")\")]"
    echo "let package = Package(name: \"GeneratedModelsCheck\", dependencies: [.package(path: \"$root\")], targets: ["
    for dir in "$work"/Generated/*/; do
        module=$(basename "$dir")
        case "$module" in
            *Tests) echo "  .testTarget(name: \"$module\", dependencies: [\"${module%Tests}\", runtime], path: \"Generated/$module\"),";;
            *) echo "  .target(name: \"$module\", dependencies: [runtime], path: \"Generated/$module\"),";;
        esac
    done
    # Hand-written checks on generated modules: the waiters' compiled matchers against the reference JMESPath evaluator.
    if [ -d "$work/Generated/WaiterExample" ]; then
        echo "  .testTarget(name: \"WaiterExampleBehaviourTests\", dependencies: [\"WaiterExample\", runtime] + generator, path: \"Checks/WaiterExampleBehaviourTests\"),"
    fi
    # Generated event-stream clients against a loopback server: Lambda's response stream, Transcribe's duplex stream.
    if [ -d "$work/Generated/Lambda" ] && [ -d "$work/Generated/TranscribeStreaming" ]; then
        echo "  .testTarget(name: \"EventStreamLoopbackTests\", dependencies: [\"Lambda\", \"TranscribeStreaming\", runtime], path: \"Checks/EventStreamLoopbackTests\"),"
    else
        echo "SKIPPED: EventStreamLoopbackTests: the lambda or transcribe-streaming model is missing" >&2
    fi
    # The generated JSON readers against the same shapes' Codable conformances, on DynamoDB's outputs.
    if [ -d "$work/Generated/DynamoDBCodable" ]; then
        echo "  .testTarget(name: \"JSONReaderDifferentialTests\", dependencies: [\"DynamoDB\", \"DynamoDBCodable\", runtime] + generator, path: \"Checks/JSONReaderDifferentialTests\"),"
    fi
    echo "], swiftLanguageModes: [.v6])"
} > "$work/Package.swift"

cd "$work"
echo "compiling: $(ls Generated | tr '\n' ' ')"
lines=$(cat Generated/*/*.swift | wc -l)
echo "generated Swift: $lines lines"
status=0
swift build --build-tests >build.log 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE "warning:|error:" build.log; then
    grep -E "warning:|error:" build.log | sort -u | head -40
    echo "FAILED: generated code must compile without errors or warnings (see $work/build.log)"
    exit 1
fi
swift test --skip-build 2>&1 | tee test.log | grep -E "Executed [0-9]+ tests|error:" | tail -5
# Per suite: ran, passed, skipped (a skip names its reason in the test), so no case passes unseen.
awk '/^Test Case .*(passed|failed|skipped)/ {
        split($3, parts, "."); suite = parts[1]; sub(/^[^A-Za-z]+/, "", suite)
        ran[suite]++; if ($0 ~ /passed/) passed[suite]++; if ($0 ~ /skipped/) skipped[suite]++
     }
     END { for (suite in ran) printf "  %-50s ran %4d  passed %4d  skipped %d\n", suite, ran[suite], passed[suite], skipped[suite] }' \
    test.log | sort
grep -q "with 0 failures" test.log && ! grep -q "error:" test.log
