#!/usr/bin/env bash
# npm start: the whole product on one machine with the embedded event store. Installs what is
# missing, makes sure Redis answers, loads the demo area once, starts worker and API, prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. docker/local-prerequisites.sh

export DATA_DIR="${DATA_DIR:-$PWD/data}"
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
mkdir -p "$DATA_DIR"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  install_dependencies
fi
ensure_redis
ensure_chromium

if [ ! -f "$DATA_DIR/.demo-loaded" ]; then
  echo "Loading the demo area into $DATA_DIR"
  node -r @swc-node/register apps/generator/src/main.ts --profile demo --seed 2026 --now now --to-store --data-dir "$DATA_DIR"
  touch "$DATA_DIR/.demo-loaded"
fi

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

node -r @swc-node/register apps/worker/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/main.ts & pids+=($!)

for _ in $(seq 1 100); do
  if curl -fsS "http://$HOST:$PORT/health" >/dev/null 2>&1; then
    echo
    echo "case-journey is running: http://$HOST:$PORT  (OpenAPI: http://$HOST:$PORT/docs)"
    echo "Data: $DATA_DIR   Stop: Ctrl-C"
    wait -n "${pids[@]}"
    exit $?
  fi
  sleep 0.2
done
echo "The API did not come up on http://$HOST:$PORT" >&2
exit 1
