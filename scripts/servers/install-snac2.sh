#!/usr/bin/env bash
# Installs snac2 (a small, real Mastodon-API server) from Debian's bookworm-backports, for the
# integration and e2e tests. Needs root on Debian; says plainly what it did, or why it could not.
set -euo pipefail

if command -v snac >/dev/null 2>&1; then
  echo "snac2 is installed: $(snac 2>&1 | head -1)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || [ ! -f /etc/apt/sources.list.d/debian.sources ]; then
  echo "snac2 is not installed, and this is not a Debian machine run as root: the tests that need it will say they were skipped." >&2
  exit 0
fi
URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$URI" > /etc/apt/sources.list.d/bookworm-backports.sources
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends -t bookworm-backports snac2 >/dev/null
# The package enables a system service for its own default instance; the tests start their own.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now snac2 >/dev/null 2>&1 || true; fi
echo "snac2 installed: $(snac 2>&1 | head -1)"
