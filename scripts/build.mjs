// Builds what `plustwin` and the desktop app run: the renderer with Vite (dist/renderer) and the core with esbuild
// (dist/cli.js, dist/electron/main.js, dist/electron/preload.cjs). npm runs it on install (the "prepare" script),
// so `npx plustwin` works right after `npm ci`. Dependencies stay external: they are installed next to dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const step = (what) => process.stdout.write(`build: ${what}\n`);

fs.rmSync(path.join(root, 'dist', 'electron'), { recursive: true, force: true });
fs.rmSync(path.join(root, 'dist', 'cli.js'), { force: true });

const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

step('core (esbuild)');
await esbuild({ ...node, entryPoints: ['main/cli/entry.ts'], format: 'esm', outfile: 'dist/cli.js' });
await esbuild({ ...node, entryPoints: ['main/electron/main.ts'], format: 'esm', outfile: 'dist/electron/main.js', external: ['electron'] });
// sandboxed preloads must be CommonJS and may require only 'electron'
await esbuild({
  ...node,
  packages: undefined,
  entryPoints: ['main/electron/preload.ts'],
  format: 'cjs',
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
});

step('renderer (vite)');
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
