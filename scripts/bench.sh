#!/usr/bin/env bash
# bench.sh — print every performance budget: the core (native and WebAssembly under Node),
# the bytes served to the first map, and the time to the first map frame in headless Chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/setup.sh >/dev/null
. scripts/env.sh
cmake --preset native >/dev/null && cmake --build build/native -j"$(nproc)" --target techmap_bench >/dev/null
scripts/build.sh >/dev/null
nofetch=$(node --no-experimental-fetch -e "" 2>/dev/null && echo --no-experimental-fetch || true)
echo "== core, native =="; build/native/tests/techmap_bench
echo "== core, WebAssembly under Node =="; node $nofetch build/web/tests/techmap_bench.js
echo "== web =="; node tools/measure-web.mjs
