#!/usr/bin/env bash
# First command on a fresh machine: installs what streamkit needs, then runs `pnpm dev`.
# System packages (Chromium for browser tests, ffmpeg for real video processing, redis-server for
# the cross-instance event tests) come from apt
# when this runs as root on Debian/Ubuntu; without ffmpeg everything still runs, degraded.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null; then
  echo "streamkit needs Node.js 20.19 or newer: https://nodejs.org" >&2
  exit 1
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} not found; install them for browser tests, real video processing and the Redis tests." >&2
  fi
fi

want_pnpm=$(node -p 'require("./package.json").packageManager.split("@")[1]')
[ "$(pnpm --version 2>/dev/null)" = "$want_pnpm" ] || npm i -g "pnpm@$want_pnpm" --allow-scripts=pnpm >/dev/null

pnpm install --frozen-lockfile
exec pnpm dev
