#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time: fuzz/run.sh TARGET SECONDS
# TARGET is scenario-decoder, mps-reader, cut-range, csv-import, xlsx-import or plan. The harnesses must be built first
# (`make fuzz-build`). New inputs go to .build-fuzz/corpus/TARGET, the seed corpus in
# fuzz/corpus/TARGET is only read, and a crash or hang is written to .build-fuzz/artifacts/.
# Prints libFuzzer's log to .build-fuzz/logs/TARGET.log and a one-line summary; exits
# non-zero when libFuzzer found something.
set -euo pipefail
cd "$(dirname "$0")/.."

target=$1 seconds=$2
case $target in
    scenario-decoder) binary=FuzzScenarioDecoder max_len=16384 ;;
    mps-reader) binary=FuzzMPSReader max_len=32768 ;;
    cut-range) binary=FuzzCutRange max_len=256 ;;
    csv-import) binary=FuzzCSVImport max_len=8192 ;;
    xlsx-import) binary=FuzzXLSXImport max_len=65536 ;;
    plan) binary=FuzzPlan max_len=16384 ;;
    *) echo "fuzz/run.sh: unknown target '$target' (scenario-decoder, mps-reader, cut-range, csv-import, xlsx-import, plan)" >&2; exit 64 ;;
esac

mkdir -p ".build-fuzz/corpus/$target" .build-fuzz/artifacts .build-fuzz/logs
log=".build-fuzz/logs/$target.log"
status=0
# The Swift runtime's own backtracer would race ASan and libFuzzer for the crash report.
# Leak detection is off: TOMLKit 0.6 leaks the C arrays behind `TOMLTable.keys` and its
# parse-error buffer (a few hundred bytes a file), which is not ours to fix and harmless in
# a process that reads a few files; every other ASan error still stops the run.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 ".build-fuzz/release/$binary" \
    ".build-fuzz/corpus/$target" "fuzz/corpus/$target" \
    -dict="fuzz/$target.dict" -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
    -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target-" \
    >"$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
corpus=$(ls ".build-fuzz/corpus/$target" | wc -l)
if [ "$status" = 0 ]; then
    echo "$target: ${runs:-?} runs in $seconds s, no crash, no hang ($corpus new corpus entries)"
else
    echo "$target: FOUND A PROBLEM after ${runs:-?} runs (exit $status); see $log and .build-fuzz/artifacts/" >&2
fi
exit "$status"
