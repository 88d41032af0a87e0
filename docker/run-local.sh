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

# The victims' data keys are wrapped by a master key kept outside the data folder, so that a copy of
# the folder alone unseals nothing. Production takes PERSONAL_DATA_MASTER_KEY from its secret store.
if [ -z "${PERSONAL_DATA_MASTER_KEY:-}" ]; then
  master_key_file="${PERSONAL_DATA_MASTER_KEY_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/case-journey/master-key}"
  if [ ! -s "$master_key_file" ]; then
    mkdir -p "$(dirname "$master_key_file")"
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))' > "$master_key_file")
    echo "Made a master key for the victims' data keys at $master_key_file, outside $DATA_DIR."
    echo "Keep it: without it the victims' details in $DATA_DIR can never be opened again."
  fi
  PERSONAL_DATA_MASTER_KEY="$(cat "$master_key_file")"
  export PERSONAL_DATA_MASTER_KEY
  echo "Victim keys in $DATA_DIR are wrapped by the master key in $master_key_file"
fi

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
