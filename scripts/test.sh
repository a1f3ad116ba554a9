#!/usr/bin/env bash
# test.sh — set up and run every test (the README's second command):
#   0. set-up's decisions (scripts/setup.sh --plan under fake PATHs; touches nothing)
#   1. native doctest suite of the core (ctest), also built with ASan + UBSan
#   2. bounded libFuzzer runs over links and users' dataset files, each writing every output (clang, sanitizers);
#      tests/fuzz/run-long.sh runs them long
#   3. the same suite compiled to WebAssembly, run under Node (ctest)
#   4. browser end-to-end tests: headless Chromium + WebGL 2 against the built site, and the data
#      files against data/dataset.schema.json (node --test)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
passed=0; failed=0
suite() {  # suite NAME COMMAND...
  echo; echo "=== $1 ==="
  shift
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "*** suite failed: $*"; fi
  echo "(suite took $((SECONDS - t0)) s)"
}
suite "set-up decisions (scripts/setup.sh --plan)" tests/setup/test_setup_plan.sh
t_setup=$SECONDS
scripts/setup.sh || exit 1
echo "(set-up took $((SECONDS - t_setup)) s)"
. scripts/env.sh
native() {
  cmake --preset native >/dev/null && cmake --build build/native -j"$(nproc)" && ctest --test-dir build/native -V --output-on-failure
}
sanitized() {
  cmake --preset native-debug >/dev/null && cmake --build build/native-debug -j"$(nproc)" --target techmap_tests &&
    ctest --test-dir build/native-debug --output-on-failure
}
fuzz() {  # bounded libFuzzer runs: links and users' dataset files, each followed by every output
  cmake --preset fuzz >/dev/null && cmake --build build/fuzz -j"$(nproc)" --target fuzz_link fuzz_dataset || return 1
  local rc=0 t seeds dict max_len
  for t in link dataset; do
    seeds=tests/fuzz/seeds dict=tests/fuzz/link.dict max_len=4096
    [ $t = dataset ] && seeds=tests/fuzz/dataset-seeds dict=tests/fuzz/json.dict max_len=65536
    mkdir -p "build/fuzz/corpus-$t"
    echo "fuzz_$t:"
    build/fuzz/tests/fuzz_$t -max_total_time="${TECHMAP_FUZZ_SECONDS:-20}" -max_len=$max_len -timeout=10 -dict=$dict \
      -print_final_stats=1 -artifact_prefix=build/fuzz/ "build/fuzz/corpus-$t" $seeds 2>&1 |
      grep -E "^(Done|stat::number_of_executed_units|INFO: Seed)|^==[0-9]+==|SUMMARY|fuzz:|deadly|timeout"
    [ "${PIPESTATUS[0]}" = 0 ] || rc=1
  done
  return $rc
}
web() {
  scripts/build.sh && ctest --test-dir build/web -V --output-on-failure
}
browser() {
  rm -rf test-results && mkdir -p test-results
  node --test --test-reporter=tap tests/browser/ tests/data/ 2>&1 | tee test-results/browser.tap
  local rc=${PIPESTATUS[0]}
  [ $rc = 0 ] && echo "(screenshots in test-results/)" || echo "(screenshots of the failure in test-results/)"
  return $rc
}
suite "core, native (doctest via ctest)" native
suite "core, native with address and undefined-behaviour sanitizers (ctest)" sanitized
suite "links and dataset files, libFuzzer (bounded runs)" fuzz
suite "core, WebAssembly under Node (doctest via ctest)" web
if [ -f build/web/site/techmap.wasm ]; then
  suite "browser end-to-end (Playwright + Chromium) and the data against its schema (ajv), node --test" browser
else
  echo "*** browser tests not run: the web build failed"; failed=$((failed + 1))
fi
echo
echo "suites: $passed passed, $failed failed (in $SECONDS s)"
[ "$failed" = 0 ]
