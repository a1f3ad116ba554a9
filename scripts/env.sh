# env.sh — sourced by the other scripts: the toolchain environment, nothing else.
# Debian's emscripten runs its JS optimizer with the machine's node, which does not see
# Debian's node modules (acorn): point NODE_PATH at them. emsdk users need nothing here.
case "$(readlink -f "$(command -v emcc 2>/dev/null || echo none)")" in
  /usr/share/emscripten/*) export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH} ;;
esac
