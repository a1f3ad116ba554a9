#!/usr/bin/env bash
# test.sh — set up and run every test (the README's second command):
#   0. set-up's decisions (scripts/setup.sh --plan under fake PATHs; touches nothing)
#   1. native doctest suite of the core (ctest), also built with ASan + UBSan
#   2. a bounded libFuzzer run over the scenario-link parser (clang, sanitizers)
#   3. the same suite compiled to WebAssembly, run under Node (ctest)
#   4. browser end-to-end tests: headless Chromium + WebGL 2 against the built site (node --test)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
passed=0; failed=0
suite() {  # suite NAME COMMAND...
  echo; echo "=== $1 ==="
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "*** suite failed: $*"; fi
}
suite "set-up decisions (scripts/setup.sh --plan)" tests/setup/test_setup_plan.sh
scripts/setup.sh || exit 1
. scripts/env.sh
native() {
  cmake --preset native >/dev/null && cmake --build build/native -j"$(nproc)" && ctest --test-dir build/native -V --output-on-failure
}
sanitized() {
  cmake --preset native-debug >/dev/null && cmake --build build/native-debug -j"$(nproc)" --target techmap_tests &&
    ctest --test-dir build/native-debug --output-on-failure
}
fuzz() {  # a bounded libFuzzer run over the scenario-link parser (seeds in tests/fuzz/seeds)
  cmake --preset fuzz >/dev/null && cmake --build build/fuzz -j"$(nproc)" --target fuzz_link || return 1
  mkdir -p build/fuzz/corpus
  build/fuzz/tests/fuzz_link -max_total_time="${TECHMAP_FUZZ_SECONDS:-30}" -max_len=4096 -print_final_stats=1 \
    build/fuzz/corpus tests/fuzz/seeds 2>&1 | grep -E "^(Done|stat::number|INFO: Seed|==|SUMMARY|.*ERROR)" ; return "${PIPESTATUS[0]}"
}
web() {
  scripts/build.sh && ctest --test-dir build/web -V --output-on-failure
}
browser() {
  rm -rf test-results && mkdir -p test-results
  node --test --test-reporter=tap tests/browser/ 2>&1 | tee test-results/browser.tap
  local rc=${PIPESTATUS[0]}
  [ $rc = 0 ] && echo "(screenshots in test-results/)" || echo "(screenshots of the failure in test-results/)"
  return $rc
}
suite "core, native (doctest via ctest)" native
suite "core, native with address and undefined-behaviour sanitizers (ctest)" sanitized
suite "scenario-link parser, libFuzzer (bounded run)" fuzz
suite "core, WebAssembly under Node (doctest via ctest)" web
if [ -f build/web/site/techmap.wasm ]; then
  suite "browser end-to-end (Playwright + Chromium, node --test)" browser
else
  echo "*** browser tests not run: the web build failed"; failed=$((failed + 1))
fi
echo
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
