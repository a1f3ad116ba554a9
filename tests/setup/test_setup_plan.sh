#!/usr/bin/env bash
# test_setup_plan.sh — set-up's decisions, checked without touching the machine.
#
# Runs a copy of scripts/ with `setup.sh --plan` under three PATHs — no emcc at all, a fake emsdk
# emcc, a fake Debian emcc (a link into a Debian-like tree) — and asserts the plan: Debian's
# 'emscripten' package is wanted only when there is no emcc; env.sh points NODE_PATH at Debian's
# node modules only for Debian's emcc; --plan creates nothing. Prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d -t techmap-setup.XXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
check() {  # check NAME CONDITION-RESULT(0/1) DETAIL
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1: $3"; fi
}

# a project root holding only the scripts and the lock file: its .deps/ and node_modules/ are empty
proj="$tmp/project"; mkdir -p "$proj"
cp -r "$ROOT/scripts" "$proj/scripts"; cp "$ROOT/package-lock.json" "$proj/"

# a bin folder with the tools the scripts use, and no emcc (the machine's own PATH may have one)
base="$tmp/base-bin"; mkdir -p "$base"
for t in bash sh env dirname readlink dpkg-query grep id mktemp cat sed head tr apt-get node npm; do
  p=$(command -v "$t" 2>/dev/null) && ln -s "$p" "$base/$t"
done

# a fake emsdk: emcc inside an emsdk tree
mkdir -p "$tmp/emsdk/upstream/emscripten"
printf '#!/bin/sh\necho 3.1.70\n' > "$tmp/emsdk/upstream/emscripten/emcc"; chmod +x "$tmp/emsdk/upstream/emscripten/emcc"
# a fake Debian install: /usr/bin/emcc -> ../share/emscripten/emcc
deb="$tmp/debian"; mkdir -p "$deb/usr/share/emscripten" "$deb/usr/bin"
printf '#!/bin/sh\necho 3.1.6\n' > "$deb/usr/share/emscripten/emcc"; chmod +x "$deb/usr/share/emscripten/emcc"
ln -s ../share/emscripten/emcc "$deb/usr/bin/emcc"
# a dangling emcc link (a removed emsdk) counts as none
mkdir -p "$tmp/dangling"; ln -s "$tmp/nowhere/emcc" "$tmp/dangling/emcc"

plan() {  # plan PATH → the plan's text
  ( cd "$tmp" && env -i HOME="$tmp" PATH="$1" TECHMAP_DEBIAN_EMSCRIPTEN_DIR="$deb/usr/share/emscripten" \
      TECHMAP_APT_SOURCES_DIR="$tmp/apt-sources" bash "$proj/scripts/setup.sh" --plan 2>&1 )
}
wants_emscripten() { grep -E '^apt-wanted:' <<<"$1" | tr ' ' '\n' | grep -qx emscripten; }
node_path() {  # node_path PATH → NODE_PATH after sourcing env.sh
  env -i HOME="$tmp" PATH="$1" TECHMAP_DEBIAN_EMSCRIPTEN_DIR="$deb/usr/share/emscripten" \
    bash -c ". '$proj/scripts/env.sh'; echo \"\${NODE_PATH:-}\""
}

out=$(plan "$base"); rc=$?
check "no emcc: --plan exits 0" $rc "$out"
grep -q '^emscripten: none' <<<"$out"; check "no emcc: decided 'none'" $? "$out"
wants_emscripten "$out"; check "no emcc: Debian's emscripten is installed" $? "$out"
grep -q '^sources: imgui/trixie$' <<<"$out"; check "no emcc: ImGui's sources are fetched (and no SDL's)" $? "$out"
grep -q '^npm: ci' <<<"$out"; check "no emcc: npm ci runs" $? "$out"
grep -q '^apt-update: yes' <<<"$out"; check "no emcc: package lists are updated first" $? "$out"
[ -z "$(node_path "$base")" ]; check "no emcc: env.sh leaves NODE_PATH alone" $? "$(node_path "$base")"

out=$(plan "$tmp/emsdk/upstream/emscripten:$base")
grep -q '^emscripten: emsdk' <<<"$out"; check "emsdk emcc: decided 'emsdk'" $? "$out"
! wants_emscripten "$out"; check "emsdk emcc: no Debian emscripten" $? "$out"
[ -z "$(node_path "$tmp/emsdk/upstream/emscripten:$base")" ]; check "emsdk emcc: env.sh leaves NODE_PATH alone" $? ""

out=$(plan "$deb/usr/bin:$base")
grep -q '^emscripten: debian' <<<"$out"; check "Debian emcc: decided 'debian'" $? "$out"
! wants_emscripten "$out"; check "Debian emcc: nothing more to install for Emscripten" $? "$out"
np=$(node_path "$deb/usr/bin:$base")
[ "$np" = /usr/share/nodejs ]; check "Debian emcc: env.sh sets NODE_PATH=/usr/share/nodejs" $? "got '$np'"

out=$(plan "$tmp/dangling:$base")
grep -q '^emscripten: none' <<<"$out"; check "dangling emcc link: decided 'none'" $? "$out"
wants_emscripten "$out"; check "dangling emcc link: Debian's emscripten is installed" $? "$out"

[ ! -e "$proj/.deps" ] && [ ! -e "$tmp/apt-sources" ] && [ ! -e "$proj/node_modules" ]
check "--plan changes nothing (no .deps/, no apt source, no node_modules/)" $? "$(ls -a "$proj")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
