#!/usr/bin/env bash
# Starts the three nodes of local-3.yaml on 127.0.0.1 (ports 18770-18772), each with its own data
# directory under ${RINGRIFT_LOCAL_DIR:-/tmp/ringrift-local}, and waits; Ctrl-C stops them all
# gracefully (SIGTERM: the leader steps down, jobs are killed, state is flushed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
root="${RINGRIFT_LOCAL_DIR:-/tmp/ringrift-local}"
mkdir -p "$root"
[ -f "$root/secret" ] || head -c 32 /dev/urandom | base64 > "$root/secret"
dotnet build "$repo/adapters/RingRift.Host" -c Release -v quiet -nologo
bin="$repo/adapters/RingRift.Host/bin/Release/net10.0/ringrift-node"
pids=()
for i in 0 1 2; do
  node="node-$(printf "\\x$(printf %x $((97 + i)))")"
  "$bin" --node-id "$node" --bind 127.0.0.1 --port $((18770 + i)) --config "$here/local-3.yaml" \
    --data-dir "$root/$node" --secret-file "$root/secret" > "$root/$node.log" 2>&1 &
  pids+=($!)
  echo "$node: http://127.0.0.1:$((18770 + i))/status  log: $root/$node.log"
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait' INT TERM
wait
