#!/usr/bin/env bash
# build-sdl2-wasm.sh — build SDL2 (from Debian's source package in .deps/src/SDL2) for
# WebAssembly once, into .deps/sdl2-wasm/<sdl version>-<emcc version>/, and reuse it after.
# Only the subsystems the app uses are enabled (video, events); audio, joystick, haptic,
# sensor, power, threads and file dialogs are off.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC="$ROOT/.deps/src/SDL2"
[ -f "$SRC/CMakeLists.txt" ] || { echo "build-sdl2-wasm: $SRC missing: run scripts/setup.sh" >&2; exit 1; }
command -v emcmake >/dev/null || { echo "build-sdl2-wasm: emcmake not found (install Debian's emscripten or activate emsdk)" >&2; exit 1; }
sdl_ver=$(sed -n "1s/^[^(]*(\([^)]*\)).*/\1/p" "$SRC/debian/changelog" 2>/dev/null); sdl_ver=${sdl_ver:-unknown}
emcc_ver=$(emcc -dumpversion 2>/dev/null || echo unknown)
PREFIX="$ROOT/.deps/sdl2-wasm/$sdl_ver-emcc$emcc_ver"
if [ -f "$PREFIX/.done" ]; then echo "[sdl2-wasm] cached: $PREFIX"; exit 0; fi
echo "[sdl2-wasm] building SDL $sdl_ver for WebAssembly with emcc $emcc_ver (one time, a few minutes)"
BUILD="$ROOT/.deps/build/sdl2-wasm"
rm -rf "$BUILD" "$PREFIX"
start=$(date +%s)
emcmake cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL2_DISABLE_SDL2MAIN=ON \
  -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_SENSOR=OFF \
  -DSDL_POWER=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_THREADS=OFF \
  -DSDL_ATOMIC=ON -DSDL_TIMERS=ON -DSDL_VIDEO=ON -DSDL_RENDER=OFF >"$ROOT/.deps/sdl2-wasm-configure.log" 2>&1 \
  || { echo "[sdl2-wasm] configure failed; see .deps/sdl2-wasm-configure.log" >&2; exit 1; }
cmake --build "$BUILD" -j"$(nproc)" >"$ROOT/.deps/sdl2-wasm-build.log" 2>&1 \
  || { echo "[sdl2-wasm] build failed; see .deps/sdl2-wasm-build.log" >&2; exit 1; }
cmake --install "$BUILD" >/dev/null
touch "$PREFIX/.done"
ln -sfn "$(basename "$PREFIX")" "$ROOT/.deps/sdl2-wasm/current"
echo "[sdl2-wasm] done in $(( $(date +%s) - start )) s: $PREFIX"
