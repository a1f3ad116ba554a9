#!/usr/bin/env bash
# run.sh — set up, build and serve the app on 127.0.0.1 (the README's first command).
#   scripts/run.sh [port]      default 8080; the next free port is used if it is taken
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/setup.sh
scripts/build.sh --target techmap_app
port=${1:-${PORT:-8080}}
for p in $(seq "$port" $((port + 20))); do
  if ! (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
echo
exec node tools/serve.mjs build/web/site --port "$port"
