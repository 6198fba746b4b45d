#!/usr/bin/env bash
# Prints a directory holding node >= 22 (and its npm): the machine's own when it is new enough, else the
# `node` package from the npm registry (which ships the binary) installed once into .tools/node.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
want=22
pin="22.23.3"
have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have" -ge "$want" ]; then dirname "$(command -v node)"; exit 0; fi
dir="$root/.tools/node"
if [ ! -x "$dir/node_modules/.bin/node" ]; then
  mkdir -p "$dir"
  npm install --no-save --no-package-lock --prefix "$dir" "node@$pin" >&2
fi
echo "$dir/node_modules/.bin"
