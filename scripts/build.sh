#!/usr/bin/env bash
# build.sh — configure and build the WebAssembly app (and the core tests for wasm) with the
# 'web' CMake preset. The static site ends up in build/web/site/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
[ -f build/web/CMakeCache.txt ] || emcmake cmake --preset web >/dev/null
cmake --build build/web -j"$(nproc)" "$@"
