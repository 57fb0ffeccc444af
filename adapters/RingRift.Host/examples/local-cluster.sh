#!/usr/bin/env bash
# Starts the five nodes of local-5.yaml on 127.0.0.1 (ports 18770-18774), each with its own data
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
for node in node-a node-b node-c node-d node-e; do
  port=$((18770 + $(printf '%d' "'${node: -1}") - 97))
  "$bin" --node-id "$node" --bind 127.0.0.1 --port "$port" --config "$here/local-5.yaml" \
    --data-dir "$root/$node" --secret-file "$root/secret" > "$root/$node.log" 2>&1 &
  pids+=($!)
  echo "$node: http://127.0.0.1:$port/status  log: $root/$node.log"
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait' INT TERM
wait
