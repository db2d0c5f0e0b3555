#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests, idempotently.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "[browser] installing chromium and chromium-driver from Debian packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium chromium-driver >&2
