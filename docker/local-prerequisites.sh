#!/usr/bin/env bash
# Sourced by .ci/run and docker/run-local.sh: what a fresh clone needs before it can run.

# Installs exactly the locked dependency tree with `npm ci`, which refuses loudly (and changes
# nothing) when package-lock.json and package.json disagree. The lock lists every platform's
# optional builds (@swc/core-darwin-*, @unrs/resolver-binding-*, @msgpackr-extract/*), as npm
# writes it when the registry serves them all; npm ci installs only this machine's.
install_dependencies() {
  if ! npm ci --no-audit --no-fund; then
    echo "npm ci failed: if it says package-lock.json and package.json are out of sync, run npm install and commit the lock file" >&2
    return 1
  fi
  if ! git diff --quiet -- package-lock.json 2>/dev/null; then
    echo "package-lock.json changed during install: commit the lock that npm install writes" >&2
    return 1
  fi
}

# Makes sure a Redis answers on REDIS_URL's host and port (default 127.0.0.1:6379), installing
# Debian's redis-server and starting it if none does.
ensure_redis() {
  local url="${REDIS_URL:-redis://127.0.0.1:6379}"
  local address="${url#*://}"; address="${address#*@}"; address="${address%%/*}"
  local host="${address%%:*}" port="${address##*:}"
  [ "$port" = "$address" ] && port=6379

  redis_answers() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'PING\r\n' >&3 && head -c 5 <&3" 2>/dev/null | grep -q PONG
  }

  if redis_answers; then echo "Redis answers on $host:$port"; return 0; fi
  case "$host" in 127.*|localhost|::1) ;; *) echo "No Redis answers on $host:$port and it is not local: start it, or set REDIS_URL" >&2; return 1 ;; esac
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Debian's redis-server"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || { echo "Could not install redis-server" >&2; return 1; }
  fi
  echo "Starting redis-server on $host:$port"
  redis-server --daemonize yes --bind "$host" --port "$port" --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis_answers && return 0; sleep 0.1; done
  echo "redis-server did not answer on $host:$port" >&2
  return 1
}

# Makes sure Debian's Chromium is at /usr/bin/chromium (or CHROMIUM_PATH): the board pack's PDF is
# printed with it, and its test prints one. playwright-core downloads no browser of its own.
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then echo "Chromium: $("$chromium" --version 2>/dev/null || echo "$chromium")"; return 0; fi
  echo "Installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || { echo "Could not install chromium: the board pack's PDF cannot be printed" >&2; return 1; }
  [ -x "$chromium" ] || { echo "chromium installed, but not at $chromium: set CHROMIUM_PATH" >&2; return 1; }
}
