#!/usr/bin/env bash
# build-sdl2-wasm.sh — build SDL2 (from Debian's source package in .deps/src/SDL2) for
# WebAssembly once, into .deps/sdl2-wasm/<sdl version>-emcc<emcc version>-direct/, and reuse it.
#
# As Emscripten's own SDL2 port does, it compiles a fixed list of SDL's sources with SDL's
# shipped configuration for Emscripten (include/SDL_config_emscripten.h, picked by
# include/SDL_config.h) and archives them: no configure step. SDL's own CMake build spends
# about five minutes in some 300 compiler checks under emcc before compiling anything; this
# takes well under a minute on two cores. The list is the port's (Emscripten 3.1.6, SDL 2.0.20)
# plus the files SDL has gained since (SDL_guid.c, SDL_list.c, ...); sources for subsystems the
# configuration disables compile to nothing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC="$ROOT/.deps/src/SDL2"
[ -f "$SRC/include/SDL_config_emscripten.h" ] || { echo "build-sdl2-wasm: $SRC missing: run scripts/setup.sh" >&2; exit 1; }
command -v emcc >/dev/null || { echo "build-sdl2-wasm: emcc not found (install Debian's emscripten or activate emsdk)" >&2; exit 1; }
sdl_ver=$(sed -n "1s/^[^(]*(\([^)]*\)).*/\1/p" "$SRC/debian/changelog" 2>/dev/null); sdl_ver=${sdl_ver:-unknown}
emcc_ver=$(emcc -dumpversion 2>/dev/null || echo unknown)
PREFIX="$ROOT/.deps/sdl2-wasm/$sdl_ver-emcc$emcc_ver-direct-oz"  # -oz: built for size (a new key rebuilds once)
if [ -f "$PREFIX/.done" ]; then
  ln -sfn "$(basename "$PREFIX")" "$ROOT/.deps/sdl2-wasm/current"
  echo "[sdl2-wasm] cached: $PREFIX"
  exit 0
fi
echo "[sdl2-wasm] building SDL $sdl_ver for WebAssembly with emcc $emcc_ver (one time)"
start=$(date +%s)
SOURCES="SDL.c SDL_assert.c SDL_dataqueue.c SDL_error.c SDL_guid.c SDL_hints.c SDL_list.c SDL_log.c SDL_utils.c
  atomic/SDL_atomic.c atomic/SDL_spinlock.c
  audio/SDL_audio.c audio/SDL_audiocvt.c audio/SDL_audiodev.c audio/SDL_audiotypecvt.c audio/SDL_mixer.c audio/SDL_wave.c
  audio/emscripten/SDL_emscriptenaudio.c audio/disk/SDL_diskaudio.c audio/dummy/SDL_dummyaudio.c
  cpuinfo/SDL_cpuinfo.c dynapi/SDL_dynapi.c
  events/SDL_clipboardevents.c events/SDL_displayevents.c events/SDL_dropevents.c events/SDL_events.c events/SDL_gesture.c
  events/SDL_keyboard.c events/SDL_keysym_to_scancode.c events/SDL_mouse.c events/SDL_quit.c events/SDL_scancode_tables.c
  events/SDL_touch.c events/SDL_windowevents.c events/imKStoUCS.c
  file/SDL_rwops.c filesystem/emscripten/SDL_sysfilesystem.c
  haptic/SDL_haptic.c haptic/dummy/SDL_syshaptic.c
  joystick/SDL_gamecontroller.c joystick/SDL_joystick.c joystick/controller_type.c joystick/emscripten/SDL_sysjoystick.c
  loadso/dlopen/SDL_sysloadso.c
  locale/SDL_locale.c locale/emscripten/SDL_syslocale.c misc/SDL_url.c misc/emscripten/SDL_sysurl.c
  power/SDL_power.c power/emscripten/SDL_syspower.c
  render/SDL_d3dmath.c render/SDL_render.c render/SDL_yuv_sw.c
  render/opengles2/SDL_render_gles2.c render/opengles2/SDL_shaders_gles2.c
  render/software/SDL_blendfillrect.c render/software/SDL_blendline.c render/software/SDL_blendpoint.c
  render/software/SDL_drawline.c render/software/SDL_drawpoint.c render/software/SDL_render_sw.c
  render/software/SDL_rotate.c render/software/SDL_triangle.c
  sensor/SDL_sensor.c sensor/dummy/SDL_dummysensor.c
  stdlib/SDL_crc16.c stdlib/SDL_crc32.c stdlib/SDL_getenv.c stdlib/SDL_iconv.c stdlib/SDL_malloc.c stdlib/SDL_mslibc.c
  stdlib/SDL_qsort.c stdlib/SDL_stdlib.c stdlib/SDL_string.c stdlib/SDL_strtokr.c
  thread/SDL_thread.c thread/generic/SDL_syscond.c thread/generic/SDL_sysmutex.c thread/generic/SDL_syssem.c
  thread/generic/SDL_systhread.c thread/generic/SDL_systls.c
  timer/SDL_timer.c timer/unix/SDL_systimer.c
  video/SDL_RLEaccel.c video/SDL_blit.c video/SDL_blit_0.c video/SDL_blit_1.c video/SDL_blit_A.c video/SDL_blit_N.c
  video/SDL_blit_auto.c video/SDL_blit_copy.c video/SDL_blit_slow.c video/SDL_bmp.c video/SDL_clipboard.c video/SDL_egl.c
  video/SDL_fillrect.c video/SDL_pixels.c video/SDL_rect.c video/SDL_shape.c video/SDL_stretch.c video/SDL_surface.c
  video/SDL_video.c video/SDL_vulkan_utils.c video/SDL_yuv.c video/yuv2rgb/yuv_rgb.c
  video/dummy/SDL_nullevents.c video/dummy/SDL_nullframebuffer.c video/dummy/SDL_nullvideo.c
  video/emscripten/SDL_emscriptenevents.c video/emscripten/SDL_emscriptenframebuffer.c video/emscripten/SDL_emscriptenmouse.c
  video/emscripten/SDL_emscriptenopengles.c video/emscripten/SDL_emscriptenvideo.c"
BUILD="$ROOT/.deps/build/sdl2-wasm-direct"
rm -rf "$BUILD" "$PREFIX"
mkdir -p "$BUILD" "$PREFIX/lib" "$PREFIX/include"
LOG="$ROOT/.deps/sdl2-wasm-build.log"
: >"$LOG"
compile() {  # one source → one object, named after its path
  local obj="$BUILD/$(echo "$1" | tr '/' '_').o"
  emcc -c "$SRC/src/$1" -o "$obj" -I"$SRC/include" -Oz -flto -w >>"$LOG" 2>&1 || { echo "[sdl2-wasm] failed to compile $1 (see $LOG)" >&2; return 1; }
}
export -f compile
export SRC BUILD LOG
# shellcheck disable=SC2086
printf '%s\n' $SOURCES | xargs -P "$(nproc)" -I{} bash -c 'compile "$@"' _ {} \
  || { echo "[sdl2-wasm] build failed; see $LOG" >&2; exit 1; }
emar rcs "$PREFIX/lib/libSDL2.a" "$BUILD"/*.o
cp -r "$SRC/include" "$PREFIX/include/SDL2"
touch "$PREFIX/.done"
ln -sfn "$(basename "$PREFIX")" "$ROOT/.deps/sdl2-wasm/current"
echo "[sdl2-wasm] done in $(( $(date +%s) - start )) s: $PREFIX"
