// Builds what `plustwin` and the desktop app run: the renderer with Vite (dist/renderer) and the core with esbuild
// (dist/cli.js, dist/serve.js, dist/collect.js, dist/electron-main.js, dist/core-process.js for Electron's utility
// process, dist/preload.cjs), and
// the icons (build/icon.png for electron-builder, dist/icons/ for the tray), drawn by build/icons.mjs. npm runs it
// on install (the "prepare" script), so `npx plustwin` works right after `npm ci`. Dependencies stay external
// (they are installed next to dist/), except the few named in BUNDLED.
// Data the drivers find next to their own module (device profiles, SunSpec models) is copied next to the bundles,
// which all sit in dist/ so that `new URL('./devices/', import.meta.url)` means the same folder for each.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { iconPng } from '../build/icons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const step = (what) => process.stdout.write(`build: ${what}\n`);

for (const old of ['electron', 'cli.js', 'electron-main.js', 'preload.cjs', 'core-process.js', 'icons', 'devices', 'models']) {
  fs.rmSync(path.join(root, 'dist', old), { recursive: true, force: true });
}

/**
 * Pure-JS packages compiled into the bundles rather than loaded from node_modules: Node loads a CommonJS package
 * imported from ESM by first scanning its whole source for its exports, and for proj4 (297 KB, in the main thread
 * and in each CityGML parse worker) and saxes that scan and the compile took about 120 ms of every `plustwin
 * import` before its first byte was read. esbuild takes their ES module sources (proj4's "module" field).
 */
const BUNDLED = new Set(['proj4', 'saxes', 'xmlchars']);
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true }));
  },
};

const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: 'linked',
  logLevel: 'warning',
};

step('core (esbuild)');
// Split, so that a command's heavy dependencies (the core, node-opcua) load only when that command runs: the
// chunks sit next to cli.js, in dist/, like everything that finds data relative to its own module.
for (const f of fs.existsSync(path.join(root, 'dist')) ? fs.readdirSync(path.join(root, 'dist')) : []) {
  if (f.startsWith('cli-chunk-')) fs.rmSync(path.join(root, 'dist', f));
}
await esbuild({
  ...node,
  entryPoints: {
    cli: 'main/shells/cli/entry.ts',
    serve: 'main/shells/serve/entry.ts',
    collect: 'main/shells/collect/entry.ts',
    // the CityGML parse worker, found by the importer next to its own chunk (parse-worker-pool.ts)
    'citygml-parse-worker': 'main/core/importers/citygml/citygml-parse-worker.ts',
  },
  format: 'esm',
  outdir: 'dist',
  splitting: true,
  chunkNames: 'cli-chunk-[hash]',
});
await esbuild({ ...node, entryPoints: ['main/shells/electron/main.ts'], format: 'esm', outfile: 'dist/electron-main.js', external: ['electron'] });
// the core's own process in the desktop app: no 'electron' import, Electron hands it process.parentPort
await esbuild({ ...node, entryPoints: ['main/shells/electron/core-process.ts'], format: 'esm', outfile: 'dist/core-process.js' });
// sandboxed preloads must be CommonJS and may require only 'electron'
await esbuild({
  ...node,
  plugins: [],
  entryPoints: ['main/shells/electron/preload.ts'],
  format: 'cjs',
  outfile: 'dist/preload.cjs',
  external: ['electron'],
});

step('data next to the bundles');
const copyData = (from, to) => fs.cpSync(path.join(root, from), path.join(root, 'dist', to), { recursive: true });
copyData('drivers/profiles/devices', 'devices');
copyData('drivers/sunspec/models', 'models');

step('icons');
fs.mkdirSync(path.join(root, 'dist', 'icons'), { recursive: true });
fs.writeFileSync(path.join(root, 'build', 'icon.png'), iconPng(512));
for (const [name, size] of [['tray.png', 22], ['tray@2x.png', 44], ['icon.png', 256]]) {
  fs.writeFileSync(path.join(root, 'dist', 'icons', name), iconPng(size));
}

step('renderer (vite)');
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
