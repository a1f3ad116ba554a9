#!/usr/bin/env bash
# run-long.sh — the fuzz targets for long runs (the test command runs each for a bounded time).
#
#   tests/fuzz/run-long.sh [RUNS]        default 1,000,000 executions per target
#
# Builds the 'fuzz' preset (clang, libFuzzer, address and undefined-behaviour sanitizers), then
# runs fuzz_link (scenario links → every output) and fuzz_dataset (users' dataset files on top of
# the default data → every output), each with its committed seeds and dictionary and a corpus
# kept in build/fuzz/corpus-*. Prints each target's executions and findings; a finding leaves
# its input as build/fuzz/crash-* (replay: build/fuzz/tests/fuzz_link build/fuzz/crash-...).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RUNS=${1:-1000000}
cmake --preset fuzz >/dev/null && cmake --build build/fuzz -j"$(nproc)" --target fuzz_link fuzz_dataset || exit 1
rc=0
for t in link dataset; do
  seeds=tests/fuzz/seeds dict=tests/fuzz/link.dict max_len=4096
  [ $t = dataset ] && seeds=tests/fuzz/dataset-seeds dict=tests/fuzz/json.dict max_len=65536
  mkdir -p "build/fuzz/corpus-$t"
  echo "=== fuzz_$t: $RUNS executions ==="
  start=$(date +%s)
  build/fuzz/tests/fuzz_$t -runs="$RUNS" -max_len=$max_len -timeout=10 -dict=$dict -print_final_stats=1 \
    -artifact_prefix=build/fuzz/ "build/fuzz/corpus-$t" $seeds 2>&1 |
    grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss)|^==[0-9]+==|SUMMARY|fuzz:|deadly|timeout" 
  r=${PIPESTATUS[0]}
  echo "fuzz_$t: exit $r after $(( $(date +%s) - start )) s"
  [ $r = 0 ] || rc=1
done
exit $rc
