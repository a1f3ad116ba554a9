#!/usr/bin/env bash
# setup.sh — install everything the project needs on a Debian 12 machine, idempotently.
#
#   scripts/setup.sh            apt packages, Debian's source package of Dear ImGui (in .deps/),
#                               npm packages (package-lock.json)
#   scripts/setup.sh --plan     print what it would do on this machine, change nothing
#
# A second run skips what is done. Which Emscripten to use is decided from what is really on the
# machine (scripts/toolchain.sh): no emcc on PATH → Debian's 'emscripten' package is installed;
# an emsdk (or other non-Debian) emcc → no Debian package, that emcc is used; Debian's emcc →
# nothing to install.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS="$ROOT/.deps"
PLAN=0
case "${1:-}" in
  --plan) PLAN=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--plan]" >&2; exit 2 ;;
esac
say() { [ $PLAN = 1 ] || printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }
. "$ROOT/scripts/toolchain.sh"

# ---- the plan: what this machine lacks --------------------------------------------------------
PKGS=(cmake make g++ pkg-config dpkg-dev ca-certificates
      libglm-dev rapidjson-dev doctest-dev
      chromium fonts-dejavu-core fonttools
      clang libclang-rt-14-dev)  # libFuzzer for the fuzz runs
EMSCRIPTEN_KIND=$(emscripten_kind)
case "$EMSCRIPTEN_KIND" in
  none) PKGS+=(emscripten) ;;
  emsdk) say "using emcc from PATH (emsdk or similar): $(command -v emcc)" ;;
esac
missing=()
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
SRC_LIST=${TECHMAP_APT_SOURCES_DIR:-/etc/apt/sources.list.d}/techmap-deb-src.sources
sources=()
# Dear ImGui 1.90.1 from Debian 13's sources (only sources come from trixie: the machine stays
# Debian 12), pinned to its suite so a newer one never slips in. (No SDL: the app's platform layer
# is its own, src/app/platform_web.cpp.)
IMGUI_DIR_NAME=imgui-1.90.1
[ -d "$DEPS/src/$IMGUI_DIR_NAME" ] || sources+=(imgui/trixie)
src_list_ok=0
[ -f "$SRC_LIST" ] && grep -q "^Suites:.* trixie" "$SRC_LIST" && src_list_ok=1
need_update=0
{ [ ${#missing[@]} -gt 0 ] || [ $src_list_ok = 0 ] || [ ${#sources[@]} -gt 0 ]; } && need_update=1
need_npm=0
{ [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; } && need_npm=1

if [ $PLAN = 1 ]; then
  echo "emscripten: $EMSCRIPTEN_KIND${EMSCRIPTEN_KIND:+ ($(command -v emcc 2>/dev/null || echo no emcc on PATH))}"
  echo "apt-wanted: ${PKGS[*]}"
  echo "apt-install: ${missing[*]:-}"
  echo "deb-src: $([ $src_list_ok = 1 ] && echo present || echo "add $SRC_LIST")"
  echo "apt-update: $([ $need_update = 1 ] && echo yes || echo no)"
  echo "sources: ${sources[*]:-}"
  echo "npm: $([ $need_npm = 1 ] && echo ci || echo up-to-date)"
  for t in apt-get node npm; do command -v "$t" >/dev/null || echo "problem: $t not found"; done
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "run as root or install sudo: apt packages must be installed"
  SUDO="sudo"
fi
command -v apt-get >/dev/null || die "this script needs a Debian-like system with apt-get (Debian 12 'bookworm' is what it is tested on)"
command -v node >/dev/null || die "Node.js (>= 18) is missing: install it (e.g. 'apt-get install nodejs npm' or from nodejs.org), then rerun"
command -v npm >/dev/null || die "npm is missing: install it (e.g. 'apt-get install npm'), then rerun"
mkdir -p "$DEPS"

# ---- apt packages --------------------------------------------------------------------------
# deb-src entries so that 'apt-get source' can fetch Dear ImGui's (trixie) sources; an older file
# of ours without trixie is rewritten
if [ $src_list_ok = 0 ]; then
  say "adding deb-src entries ($SRC_LIST)"
  $SUDO tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
# the package lists of a new machine may be missing or stale: update before any install or fetch
if [ $need_update = 1 ]; then
  say "apt-get update"
  $SUDO apt-get update -qq || die "apt-get update failed: the Debian package mirror is unreachable (check the network/proxy), then rerun"
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]} (install them by hand, then rerun)"
  hash -r
fi

# ---- Debian source package: Dear ImGui (never committed) -------------------------------------
fetch_source() { # $1 = Debian source package/suite, $2 = folder name under .deps/src
  local pkg=$1 dst="$DEPS/src/$2"
  [ -d "$dst" ] && return 0
  say "fetching Debian source package $pkg"
  local tmp; tmp=$(mktemp -d "$DEPS/src-XXXX")
  chmod 777 "$tmp"  # apt downloads as the unprivileged _apt user when it can write there
  (cd "$tmp" && apt-get source -qq --download-only "$pkg" >/dev/null && dpkg-source -x --no-check ./*.dsc out >/dev/null) \
    || { rm -rf "$tmp"; die "could not fetch the Debian source package '$pkg' (needs deb-src entries and dpkg-dev)"; }
  mkdir -p "$DEPS/src"; mv "$tmp/out" "$dst"; rm -rf "$tmp"
}
fetch_source imgui/trixie "$IMGUI_DIR_NAME"

# header-only libraries, exposed one by one (never -I/usr/include for em++: it drags glibc in)
inc="$DEPS/include"; mkdir -p "$inc"
link_hdr() { [ -e "$2" ] || die "missing $2 (package $3)"; ln -sfn "$2" "$inc/$1"; }
link_hdr glm /usr/include/glm libglm-dev
link_hdr rapidjson /usr/include/rapidjson rapidjson-dev
link_hdr doctest /usr/include/doctest doctest-dev

# ---- Emscripten environment ------------------------------------------------------------------
. "$ROOT/scripts/env.sh"
[ "$(emscripten_kind)" != none ] || die "emcc not found after installing Debian's 'emscripten': check 'dpkg -L emscripten', or activate emsdk"

# ---- npm packages (pinned by package-lock.json) ----------------------------------------------
if [ $need_npm = 1 ]; then
  say "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed: the npm registry is unreachable or package-lock.json is out of date"
fi
say "setup done"
