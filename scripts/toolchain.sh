# toolchain.sh — sourced by setup.sh and env.sh: the one place that decides which Emscripten
# this machine uses, from what is really on it.
#
#   emscripten_kind      prints one word:
#     none     no emcc on PATH                  → setup installs Debian's 'emscripten' package
#     debian   emcc resolves into Debian's tree → nothing to install; env.sh sets NODE_PATH
#     emsdk    any other emcc (emsdk, a build)  → no Debian package; that emcc is used as it is
#
# Debian's tree is /usr/share/emscripten (TECHMAP_DEBIAN_EMSCRIPTEN_DIR overrides it, for the
# set-up tests only). An emcc that is a dangling link counts as none.
emscripten_kind() {
  local emcc real debian_dir=${TECHMAP_DEBIAN_EMSCRIPTEN_DIR:-/usr/share/emscripten}
  emcc=$(command -v emcc 2>/dev/null) || { echo none; return 0; }
  [ -n "$emcc" ] && [ -e "$emcc" ] || { echo none; return 0; }
  real=$(readlink -f "$emcc" 2>/dev/null) || real=$emcc
  case "$real" in
    "$debian_dir"/*) echo debian ;;
    *) echo emsdk ;;
  esac
}
