#!/usr/bin/env node
// The `plustwin` command: runs the bundles that `npm ci` / `npm install` built (npm's "prepare" step). `serve` and
// `collect` are shells of their own (dist/serve.js, dist/collect.js); every other command is the CLI (dist/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shell = ['serve', 'collect'].includes(process.argv[2]) ? process.argv[2] : null;
if (shell) process.argv.splice(2, 1);
const bundle = new URL(shell ? `../dist/${shell}.js` : '../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('plustwin: the app is not built yet (dist/cli.js is missing). Run `npm run build` in the PlusTwin folder.\n');
  process.exit(1);
}
await import(bundle.href);
