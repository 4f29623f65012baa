#!/usr/bin/env bash
# Installs what the local Bluesky network of the tests needs (tests/servers/bluesky): Debian's
# PostgreSQL and Redis, and the Bluesky team's @atproto/dev-env with `npm ci` in its own folder,
# apart from the app's dependencies. Safe to run again: what is there already is left alone.
# Says plainly what it did, or why it could not; the tests then say they were skipped.
set -euo pipefail
cd "$(dirname "$0")/../../tests/servers/bluesky"

postgres_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && [ -x "$dir/pg_isready" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

missing=()
postgres_bin >/dev/null || missing+=(postgresql-15)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "The local Bluesky network needs ${missing[*]}, and this is not a Debian machine run as root: the tests that need it will say they were skipped." >&2
  else
    echo "Installing Debian's ${missing[*]} for the local Bluesky network…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The packages enable system services of their own; the tests start their own servers.
    if command -v systemctl >/dev/null 2>&1; then
      systemctl disable --now redis-server postgresql >/dev/null 2>&1 || true
    fi
  fi
fi
if bin=$(postgres_bin); then echo "PostgreSQL: $("$bin/postgres" --version)"; fi
if command -v redis-server >/dev/null 2>&1; then echo "Redis: $(redis-server --version | cut -d' ' -f1-3)"; fi

# npm ci takes a few minutes (about 470 packages; better-sqlite3 compiles), so it runs only when
# the lockfile, package.json or Node's module ABI changed since the last install here.
stamp=node_modules/.slowpost-install-stamp
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node-abi-$(node -p process.versions.modules)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "@atproto/dev-env is installed in tests/servers/bluesky (lockfile unchanged)."
  exit 0
fi
echo "Installing @atproto/dev-env in tests/servers/bluesky (npm ci; a few minutes)…"
start=$SECONDS
# node-gyp builds better-sqlite3 (its prebuilt download is not reachable) on every core.
JOBS=max npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
echo "@atproto/dev-env installed in $((SECONDS - start)) s ($(du -sh node_modules | cut -f1))."
