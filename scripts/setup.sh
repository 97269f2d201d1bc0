#!/usr/bin/env bash
# Installs everything Trajectory needs on a fresh Debian machine with Node >= 20.19:
# pnpm (the version pinned in package.json), the workspace's npm packages, and the Debian packages
# the tests use (Chromium for the report's browser test, a CJK font for PNG rendering and a Latin-only control font,
# Jupyter for notebooks, SciPy/NumPy for the benchmarks' peers).
# Safe to run twice. Set TRAJECTORY_SKIP_APT=1 to skip the Debian packages (e.g. without root).
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  # corepack fails its signature check on some machines; npm's global install works everywhere
  npm install -g "pnpm@${pnpm_version}" >/dev/null
fi

debian_packages=(chromium fonts-noto-cjk fonts-dejavu-core python3-scipy python3-numpy jupyter-nbconvert python3-ipykernel)
if [ "${TRAJECTORY_SKIP_APT:-0}" != "1" ] && command -v apt-get >/dev/null; then
  missing=()
  for p in "${debian_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

pnpm install --frozen-lockfile

# The TypeScript Jupyter kernel (tslab, from the npm registry) for the notebooks, registered with Debian's Python,
# which has Jupyter (the default python3 on PATH may not).
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null; then
  kernel_scope=""; [ "$(id -u)" = 0 ] || kernel_scope="--user"
  pnpm exec tslab install --python /usr/bin/python3 $kernel_scope >/dev/null
fi
