/**
 * The browser tests run the app as a user does: `bin/plustwin.js` on the bundles that `npm run build` makes
 * (dist/cli.js with the driver data beside it, dist/renderer). They are rebuilt only when missing or older than
 * their sources, so `npm ci && npm test` (whose install already built them) pays nothing. The scene lab (test/lab/)
 * is not part of the app: it is built here on its own, into dist/lab, only when a test or benchmark asks for it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
export const LAB_DIST = path.join(ROOT, 'dist', 'lab');
export const APP_BIN = path.join(ROOT, 'bin', 'plustwin.js');
const run = promisify(execFile);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const mtime = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

let building: Promise<void> | undefined;

function ensureAppBuilt(): Promise<void> {
  building ??= (async () => {
    const outputs = [path.join(ROOT, 'dist', 'cli.js'), path.join(RENDERER_DIST, 'index.html')];
    const built = Math.min(...outputs.map(mtime));
    const inputs = Math.max(
      ...['main', 'models', 'drivers', 'renderer', 'assets'].map((d) => newestMtime(path.join(ROOT, d))),
      mtime(path.join(ROOT, 'vite.config.ts')),
      mtime(path.join(ROOT, 'scripts', 'build.mjs')),
    );
    if (built > inputs) return;
    await run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  })();
  return building;
}

let buildingLab: Promise<void> | undefined;

/** dist/lab/scene-lab.html: the bare scene (test/lab/) on the renderer's scene code, built by test/lab/vite.config.ts. */
export function ensureLabBuilt(): Promise<void> {
  buildingLab ??= (async () => {
    const config = path.join(ROOT, 'test', 'lab', 'vite.config.ts');
    const built = mtime(path.join(LAB_DIST, 'scene-lab.html'));
    const inputs = Math.max(...['models', 'renderer', path.join('test', 'lab')].map((d) => newestMtime(path.join(ROOT, d))));
    if (built > inputs) return;
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    await run(process.execPath, [vite, 'build', '--config', config], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  })();
  return buildingLab;
}

export async function ensureRendererBuilt(): Promise<void> {
  await ensureAppBuilt();
}

/** The app's own command, built; returns the script to run with node. */
export async function ensureCliBuilt(): Promise<string> {
  await ensureAppBuilt();
  return APP_BIN;
}
