#!/usr/bin/env bash
# run-long.sh — the fuzz targets for long runs (the test command runs each for a bounded time).
#
#   tests/fuzz/run-long.sh [RUNS]        default 1,000,000 executions per target
#
# Builds the 'fuzz' preset (clang, libFuzzer, address and undefined-behaviour sanitizers), then
# runs fuzz_link (scenario links → every output) and fuzz_dataset (users' dataset files on top of
# the default data → every output), each with its committed seeds and dictionary and a corpus
# kept in build/fuzz/corpus-*. With two or more cores the targets run side by side, one core
# each; the full output of each is in build/fuzz/long-<target>.log. Prints each target's
# executions and findings; a finding leaves its input as build/fuzz/crash-* (replay:
# build/fuzz/tests/fuzz_link build/fuzz/crash-...).
#
# libFuzzer's -timeout counts wall-clock time: do not pause the fuzzers (SIGSTOP) or starve
# them, or a slow input is reported as a hang. 120 s is far above the slowest input (< 1 s).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RUNS=${1:-1000000}
cmake --preset fuzz >/dev/null && cmake --build build/fuzz -j"$(nproc)" --target fuzz_link fuzz_dataset || exit 1

run_target() {
  local t=$1 seeds=tests/fuzz/seeds dict=tests/fuzz/link.dict max_len=4096
  [ "$t" = dataset ] && seeds=tests/fuzz/dataset-seeds dict=tests/fuzz/json.dict max_len=65536
  mkdir -p "build/fuzz/corpus-$t"
  local start r
  start=$(date +%s)
  build/fuzz/tests/fuzz_$t -runs="$RUNS" -max_len=$max_len -timeout=120 -dict=$dict -print_final_stats=1 \
    -artifact_prefix=build/fuzz/ "build/fuzz/corpus-$t" $seeds >"build/fuzz/long-$t.log" 2>&1
  r=$?
  {
    echo "=== fuzz_$t: $RUNS executions asked ==="
    grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss)|^==[0-9]+==|SUMMARY|fuzz:|deadly|timeout" "build/fuzz/long-$t.log"
    echo "fuzz_$t: exit $r after $(( $(date +%s) - start )) s"
  } >"build/fuzz/long-$t.summary"
  return $r
}

rc=0
if [ "$(nproc)" -ge 2 ]; then
  run_target link & pl=$!
  run_target dataset & pd=$!
  wait $pl || rc=1
  wait $pd || rc=1
else
  run_target link || rc=1
  run_target dataset || rc=1
fi
cat build/fuzz/long-link.summary build/fuzz/long-dataset.summary
exit $rc
