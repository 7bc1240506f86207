#!/usr/bin/env node
// The `plustwin` command: runs the CLI bundle that `npm ci` / `npm install` built (npm's "prepare" step).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('plustwin: the app is not built yet (dist/cli.js is missing). Run `npm run build` in the PlusTwin folder.\n');
  process.exit(1);
}
await import(new URL('../dist/cli.js', import.meta.url).href);
