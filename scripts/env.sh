# env.sh — sourced by the other scripts: the toolchain environment, nothing else.
# Debian's emscripten runs its JS optimizer with the machine's node, which does not see
# Debian's node modules (acorn): point NODE_PATH at them. emsdk users need nothing here.
if command -v emcc >/dev/null 2>&1 && [ "$(readlink -f "$(command -v emcc)")" = "/usr/share/emscripten/emcc" ]; then
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
fi
