# env.sh — sourced by the other scripts: the toolchain environment, nothing else.
# Debian's emscripten runs its JS optimizer with the machine's node, which does not see
# Debian's node modules (acorn): point NODE_PATH at them. emsdk users need nothing here.
# Which Emscripten this is, is decided in one place: scripts/toolchain.sh.
. "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
if [ "$(emscripten_kind)" = debian ]; then
  case ":${NODE_PATH:-}:" in
    *:/usr/share/nodejs:*) ;;
    *) export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH} ;;
  esac
fi
