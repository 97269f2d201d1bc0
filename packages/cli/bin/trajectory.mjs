#!/usr/bin/env node
// The published bin: runs the compiled CLI (`pnpm run build` writes dist/; `pnpm trajectory` runs the sources).
await import('../dist/main.js');
