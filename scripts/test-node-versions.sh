#!/usr/bin/env bash
# The unit tests (every package's tests and the hostile-input suite) again on Node 22 and 24, from the npm `node`
# package, after `pnpm test`'s main run on the machine's Node (>= 20.19). The slow browser, notebook and
# pack-and-install tests run once, in the main run. A major that is the machine's own is not run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
current=$(node -p 'process.versions.node.split(".")[0]')
for major in ${TRAJECTORY_NODE_VERSIONS:-22 24}; do
  if [ "$major" = "$current" ]; then continue; fi
  echo "== vitest on Node ${major} (npm package node@${major})"
  npm exec --yes --package="node@${major}" -- node node_modules/vitest/vitest.mjs run packages test/hostile \
    --exclude 'packages/charts/test/e2e-report.test.ts' --exclude '**/node_modules/**'
done
