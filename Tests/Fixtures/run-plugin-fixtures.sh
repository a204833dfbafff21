#!/usr/bin/env bash
# Proves the AWSClientGenerator build tool plugin from a consumer's side (called by .ci/run):
#   1. PluginConsumer builds from a clean .build, generating its client from weather.json, and its check
#      program passes against weather_server.py (decoded result, typed error, paginator).
#      `swift package regenerate` (the command plugin) writes the same files into the package.
#   2. Builds with no change do not run the generator (the one after the clean build may, only because SwiftPM
#      re-links the plugin's tool then, and must write nothing); touching or editing the model does, and the
#      edit shows in the generated code; restoring it regenerates again.
#   3. PluginConsumerFiltered (codegen.json: module Forecast, internal, GetForecast only, no validation,
#      custom Header template) builds, its check passes, and the generated files hold no ListCities code;
#      editing its custom template regenerates.
#   4. A copy of PluginConsumer builds with a second model in a subfolder (and warns about a non-model JSON
#      file); with a broken model it fails with the CLI's own diagnostic (shape id and JSON path); with a bad
#      codegen.json it fails naming file and key.
# Each build is bounded by a timeout; prints each check and `N passed, M failed`; exits 1 on any failure.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
consumer="$here/PluginConsumer"
filtered="$here/PluginConsumerFiltered"
model="$consumer/Sources/PluginConsumerCheck/weather.json"
display="Generating Swift client from weather.json"
build_timeout=${PLUGIN_FIXTURE_BUILD_TIMEOUT:-1200}

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; fi
    # Never leave the fixture's model edited.
    if [ -f "$work/weather.json.orig" ]; then cp -p "$work/weather.json.orig" "$model"; fi
    rm -rf "$work"
}
trap cleanup EXIT

# build DIR NAME: swift build in DIR, log in $work/NAME.log, seconds in $work/NAME.time; returns the exit code.
build() {
    local start end status
    start=$(date +%s.%N)
    timeout "$build_timeout" swift build --package-path "$1" >"$work/$2.log" 2>&1
    status=$?
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }' >"$work/$2.time"
    echo "     build $2: exit $status in $(cat "$work/$2.time")s"
    return $status
}
ran_generator() { grep -q "$display" "$work/$1.log"; }
show_log() { echo "---- last lines of $1.log"; tail -n 40 "$work/$1.log"; echo "----"; }
# The folder the plugin generates weather.json's client into.
generated_dir() { find "$1/.build/plugins/outputs" -type d -path '*/AWSClientGenerator/weather' | head -n 1; }

start_server() {
    python3 "$consumer/weather_server.py" "$work/port" 1800 &
    server_pid=$!
    for _ in $(seq 100); do
        [ -s "$work/port" ] && return 0
        sleep 0.1
    done
    return 1
}

# run_check NAME EXECUTABLE: runs a check program against the server; passes when it exits 0 with no failure.
run_check() {
    timeout 120 "$2" "$(cat "$work/port")" >"$work/$1.out" 2>&1
    local status=$?
    sed 's/^/     /' "$work/$1.out"
    check "$1 exits 0 and reports no failure (exit $status)" \
        "[ $status -eq 0 ] && grep -Eq '^[1-9][0-9]* passed, 0 failed$' '$work/$1.out'"
}

echo "== 1. PluginConsumer: clean build, generated client, checks against weather_server.py"
rm -rf "$consumer/.build" "$filtered/.build"
if build "$consumer" first; then pass "clean build of PluginConsumer"; else fail "clean build of PluginConsumer"; show_log first; fi
check "the first build ran \"$display\"" "ran_generator first"
check "the build output has no warnings" "! grep -q 'warning:' '$work/first.log'"
out="$(generated_dir "$consumer")"
check "the generated folder holds the 21 declared files" \
    "[ -n '$out' ] && [ \$(ls '$out' | grep -c '\.swift$') -eq 21 ] && [ -f '$out/weather+Client.swift' ]"
# The command's entry in the build manifest: its key line, then tool, inputs and outputs.
command_entry="$(grep -A3 "^  \"$display" "$consumer/.build/debug.yaml" 2>/dev/null)"
check "the plugin command declares the model, templates and outputs as its inputs/outputs" \
    "grep -q 'inputs: .*PluginConsumerCheck/weather.json' <<<\"\$command_entry\" \
     && grep -q 'inputs: .*Templates/Client.mustache' <<<\"\$command_entry\" \
     && grep -q 'outputs: .*AWSClientGenerator/weather/weather+Structures+U-Z.swift' <<<\"\$command_entry\""
if start_server; then pass "weather_server.py listens on 127.0.0.1:$(cat "$work/port")"; else fail "weather_server.py did not start"; fi
run_check PluginConsumerCheck "$consumer/.build/debug/PluginConsumerCheck"

echo "== 1b. The regenerate command plugin, from the consumer: the same files as the build plugin"
regen="$consumer/.build/regenerated"
rm -rf "$regen"
timeout "$build_timeout" swift package --package-path "$consumer" --allow-writing-to-package-directory regenerate \
    --model Sources/PluginConsumerCheck/weather.json --output .build/regenerated --flat --quiet >"$work/regen.log" 2>&1
status=$?
check "swift package regenerate exits 0 (exit $status)" "[ $status -eq 0 ]"
same=0
for file in "$out"/weather+*.swift; do
    cmp -s "$file" "$regen/$(basename "$file" | sed 's/^weather+//')" && same=$((same + 1))
done
check "it wrote the 21 files, byte-identical to the build plugin's ($same identical)" \
    "[ $same -eq 21 ] && [ \$(ls '$regen' | wc -l) -eq 21 ]"
rm -rf "$regen"

echo "== 2. Incremental builds"
# SwiftPM 6.3 builds a plugin's tool in two build plans (plugin-tools and main) that share the binary, so the
# first build after a clean one re-links codegen-tool; the tool is an input of the command, which then re-runs
# once and writes nothing. That build is allowed to run it only in that way; later no-change builds never.
generated_state() { stat -c '%n %s %y' "$out"/*.swift | md5sum; }
before="$(generated_state)"
build "$consumer" second
if ran_generator second; then
    echo "     the second build re-ran the command after SwiftPM re-linked its tool:"
    check "  only because codegen-tool was re-linked in that build" "grep -q 'Linking codegen-tool' '$work/second.log'"
    check "  and it rewrote no generated file and recompiled nothing" \
        "[ \"\$(generated_state)\" = '$before' ] && ! grep -q 'Compiling PluginConsumerCheck' '$work/second.log'"
else
    pass "the second build did not run the generator"
fi
build "$consumer" noop
check "a build with no change does not run the generator" "! ran_generator noop"
build "$consumer" noop-again
check "nor does the next one" "! ran_generator noop-again"
touch "$model"
build "$consumer" touched
check "touching weather.json re-runs the generator" "ran_generator touched"
build "$consumer" after-touch
check "the build after that does not run it again" "! ran_generator after-touch"
cp -p "$model" "$work/weather.json.orig"
sed -i 's/A tiny weather service used to prove the build tool plugin\./Edited by run-plugin-fixtures.sh./' "$model"
build "$consumer" edited
check "editing weather.json re-runs the generator" "ran_generator edited"
check "the edit shows in the generated client" "grep -q 'Edited by run-plugin-fixtures.sh' '$out/weather+Client.swift'"
cp -p "$work/weather.json.orig" "$model" && rm "$work/weather.json.orig"
build "$consumer" restored
check "restoring weather.json re-runs the generator" "ran_generator restored"
check "the restored client no longer has the edit" "! grep -q 'Edited by run-plugin-fixtures.sh' '$out/weather+Client.swift'"

echo "== 3. PluginConsumerFiltered: codegen.json (module Forecast, internal, GetForecast only, custom header)"
if build "$filtered" filtered; then pass "clean build of PluginConsumerFiltered"; else fail "clean build of PluginConsumerFiltered"; show_log filtered; fi
check "it ran \"$display\"" "ran_generator filtered"
check "the build output has no warnings" "! grep -q 'warning:' '$work/filtered.log'"
fout="$(generated_dir "$filtered")"
check "the filtered client has GetForecast" "[ -n '$fout' ] && grep -q 'func getForecast' '$fout/weather+Client.swift'"
check "the filtered client has no ListCities operation, shapes or paginator" \
    "[ -n '$fout' ] && ! grep -qE 'ListCities|listCities|CitySummary' '$fout'/*.swift"
check "the filtered client declares nothing public (accessLevel internal)" \
    "[ -n '$fout' ] && ! grep -qE '^ *public ' '$fout'/*.swift"
check "the module name is Forecast (ForecastClient)" "grep -q 'struct ForecastClient' '$fout/weather+Client.swift'"
check "the custom Header template is used" "grep -q 'PluginConsumerFiltered fixture' '$fout/weather+Client.swift'"
check "no constraint checks are generated (validation false)" "! grep -q 'validator.check' '$fout'/*.swift"
run_check FilteredCheck "$filtered/.build/debug/FilteredCheck"
touch "$filtered/Templates/Header.mustache"
build "$filtered" filtered-template
check "touching the custom template re-runs the generator" "ran_generator filtered-template"
touch "$filtered/Sources/FilteredCheck/codegen.json"
build "$filtered" filtered-config
check "touching codegen.json re-runs the generator" "ran_generator filtered-config"

echo "== 4. A copy of PluginConsumer (in $work/broken): a second model, then a broken model, then a bad config"
mkdir -p "$work/broken"
tar -C "$consumer" --exclude=./.build -chf - . | tar -C "$work/broken" -xf -
sed -i "s|path: \"../../..\"|path: \"$root\"|" "$work/broken/Package.swift"
broken_model="$work/broken/Sources/PluginConsumerCheck/weather.json"
# A second service in a subfolder of the same target, its shapes renamed so the two clients can share a module.
mkdir -p "$work/broken/Sources/PluginConsumerCheck/more"
sed -e 's/example\.weather#/example.climate#/g; s/WeatherService/ClimateService/; s/"sdkId": "Weather"/"sdkId": "Climate"/' \
    -e 's/GetForecast/GetClimate/g; s/ListCities/ListRegions/g; s/CityNotFound/RegionNotFound/g' \
    -e 's/CitySummary/RegionSummary/g; s/Precipitation/Rainfall/g; s/Snowfall/Snowpack/g; s/CityName/RegionName/g' \
    -e 's/TemperatureByHour/TemperatureByMonth/g' "$broken_model" >"$work/broken/Sources/PluginConsumerCheck/more/climate.json"
# Its paginator's output token leads nowhere: the client is still generated, with a warning the build shows.
sed -i 's/"outputToken": "nextToken"/"outputToken": "nowhere"/' "$work/broken/Sources/PluginConsumerCheck/more/climate.json"
echo '{ "note": "sample data, not a Smithy model" }' >"$work/broken/Sources/PluginConsumerCheck/notes.json"
if build "$work/broken" two-models; then pass "a target with two models builds"; else fail "a target with two models builds"; show_log two-models; fi
check "each model has its own command" \
    "grep -q 'Generating Swift client from weather.json' '$work/two-models.log' \
     && grep -qF 'Generating Swift client from climate.json (files more-climate+*.swift)' '$work/two-models.log'"
check "their files have distinct names (weather+Client.swift, more-climate+Client.swift)" \
    "[ -n \"\$(find '$work/broken/.build/plugins/outputs' -name 'more-climate+Client.swift')\" ] \
     && grep -q 'struct ClimateClient' \$(find '$work/broken/.build/plugins/outputs' -name 'more-climate+Client.swift')"
check "the build shows the generator's warning about climate.json's paginator, with shape and path" \
    "grep -qF 'climate.json: warning: no paginator for ListRegions: outputToken \"nowhere\"' '$work/two-models.log' \
     && grep -qF '[shape example.climate#ListRegions at \$.shapes[\"example.climate#ListRegions\"].traits[\"smithy.api#paginated\"]]' '$work/two-models.log'"
check "the plugin warns about notes.json, not a Smithy model, by name" \
    "grep -q 'notes.json: not a Smithy JSON AST model' '$work/two-models.log'"
sed -i 's/"target": "example.weather#Precipitation"/"target": "example.weather#Missing"/' "$broken_model"
if build "$work/broken" broken; then fail "a model with a missing shape fails the build"; else pass "a model with a missing shape fails the build"; fi
cli="$work/broken/.build/debug/codegen-tool"
[ -x "$cli" ] || cli="$(find "$work/broken/.build" -type f -name codegen-tool -perm -u+x | head -n 1)"
"$cli" --model "$broken_model" --output "$work/cli-out" --flat --quiet >"$work/cli.log" 2>&1
diagnostic="$(grep ': error: ' "$work/cli.log" | head -n 1)"
echo "     CLI: $diagnostic"
check "the CLI rejects the model naming the shape and the JSON path" \
    "grep -q 'example.weather#Missing' <<<\"\$diagnostic\" \
     && grep -qF '\$.shapes[\"example.weather#GetForecastOutput\"].members.precipitation.target' <<<\"\$diagnostic\""
check "the build output has the CLI's diagnostic, with the model path" \
    "[ -n \"\$diagnostic\" ] && grep -qF -- \"\$diagnostic\" '$work/broken.log' && grep -qF '$broken_model: error:' '$work/broken.log'"
check "the build output has no crash trace" "! grep -qiE 'fatal error|stack dump|backtrace' '$work/broken.log'"
[ "$failed" -eq 0 ] || show_log broken
cp "$model" "$broken_model"
echo '{ "accessLevel": "protected" }' >"$work/broken/Sources/PluginConsumerCheck/codegen.json"
if build "$work/broken" bad-config; then fail "a bad codegen.json fails the build"; else pass "a bad codegen.json fails the build"; fi
check "the error names the file and the key" \
    "grep -qF '$work/broken/Sources/PluginConsumerCheck/codegen.json: error: \"accessLevel\" must be one of public, package, internal' '$work/bad-config.log'"
check "codegen.json itself is never warned about as a non-model" "! grep -q 'codegen.json: not a Smithy' '$work/bad-config.log'"

echo
echo "build times: clean $(cat "$work/first.time")s, second $(cat "$work/second.time")s, no-op $(cat "$work/noop.time")s, after touching the model $(cat "$work/touched.time")s, after editing it $(cat "$work/edited.time")s; filtered clean $(cat "$work/filtered.time")s; copy with two models $(cat "$work/two-models.time")s, broken model $(cat "$work/broken.time")s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
