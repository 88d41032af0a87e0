#!/usr/bin/env bash
# npm start: the whole product on one machine with the embedded event store. Installs what is
# missing, makes sure Redis answers, loads the demo area once, starts the dev OpenID provider, the
# worker and the API, and prints the URL and how to get a token for each demo role.
set -euo pipefail
cd "$(dirname "$0")/.."
. docker/local-prerequisites.sh

export DATA_DIR="${DATA_DIR:-$PWD/data}"
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
# The dev OpenID provider signs the tokens the API accepts (never in production: set OIDC_ISSUER to yours).
export DEV_OIDC_PORT="${DEV_OIDC_PORT:-9400}"
export OIDC_ISSUER="${OIDC_ISSUER:-http://127.0.0.1:$DEV_OIDC_PORT}" OIDC_AUDIENCE="${OIDC_AUDIENCE:-api://case-journey}"
export DEV_OIDC_ISSUER="$OIDC_ISSUER"
export WEB_PORT="${WEB_PORT:-3001}" API_URL="${API_URL:-http://$HOST:$PORT}"
# The dev provider sends the web app's sign-in back only to a callback it knows: the web app's own,
# wherever WEB_PORT or WEB_BASE_URL put it.
web_base="${WEB_BASE_URL:-http://$HOST:$WEB_PORT}"
export DEV_WEB_REDIRECT_URIS="${DEV_WEB_REDIRECT_URIS:-${web_base%/}/auth/callback,http://localhost:$WEB_PORT/auth/callback}"
mkdir -p "$DATA_DIR"

# Another process on one of our ports would answer our health checks and be taken for the product.
for port in "$PORT" "$DEV_OIDC_PORT" "$WEB_PORT"; do
  if (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then
    echo "Port $port on $HOST is already in use: stop what listens there, or set PORT / DEV_OIDC_PORT / WEB_PORT" >&2
    exit 1
  fi
done

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  install_dependencies
fi
ensure_redis
ensure_chromium

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

node -r @swc-node/register apps/dev-identity-provider/src/main.ts & pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS -m 2 "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 0.2
done
node --max-semi-space-size=64 -r @swc-node/register apps/worker/src/main.ts & pids+=($!)
node -r @swc-node/register apps/api/src/main.ts & api_pid=$!; pids+=($api_pid)
# The web pages sign in with the same provider and call the API as the signed-in user; the sign-in
# page offers the dev provider's demo users.
export WEB_DEMO_LOGINS="${WEB_DEMO_LOGINS:-$(node -r @swc-node/register -e 'process.stdout.write(require("./apps/dev-identity-provider/src/demo-directory").DEMO_USERS.join(" "))')}"
node -r @swc-node/register apps/web/src/main.ts & pids+=($!)

for _ in $(seq 1 100); do
  kill -0 "$api_pid" 2>/dev/null || { echo "The API stopped while starting (its log is above)" >&2; exit 1; }
  if curl -fsS -m 2 "http://$HOST:$PORT/health" >/dev/null 2>&1; then
    echo
    echo "case-journey is running: http://$HOST:$PORT  (OpenAPI: http://$HOST:$PORT/docs)"
    echo "Web pages: http://$HOST:$WEB_PORT  (sign in there as any demo role; the published figures need no sign-in)"
    echo "Sign-in: the dev OpenID provider at $OIDC_ISSUER (demo areas Wessex and Anglia). A token for each demo role:"
    echo "  TOKEN=\$(npm run -s token -- --role agency-system --agency Police --area Wessex)   # a Police system (client credentials)"
    echo "  TOKEN=\$(npm run -s token -- --role case-progression --agency Police --area Wessex)"
    echo "  TOKEN=\$(npm run -s token -- --role case-progression --agency CPS --area Wessex)"
    echo "  TOKEN=\$(npm run -s token -- --role witness-care --area Wessex,Anglia)"
    echo "  TOKEN=\$(npm run -s token -- --role board --area Wessex)"
    echo "  TOKEN=\$(npm run -s token -- --role admin)"
    echo "  TOKEN=\$(npm run -s token -- --role data-protection)"
    echo "  curl -H \"Authorization: Bearer \$TOKEN\" http://$HOST:$PORT/worklists/witness-care?area=Wessex"
    echo "Data: $DATA_DIR   Stop: Ctrl-C"
    wait -n "${pids[@]}"
    exit $?
  fi
  sleep 0.2
done
echo "The API did not come up on http://$HOST:$PORT" >&2
exit 1
