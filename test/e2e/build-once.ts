/**
 * Builds what the browser tests load, only when it is missing or older than its sources: the renderer with Vite
 * (dist/renderer, as `npm run build` does) and a private CLI bundle for serve mode (dist/e2e/cli.mjs, so that the
 * tests always run the current core without touching the app's own dist/cli.js).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
export const E2E_CLI = path.join(ROOT, 'dist', 'e2e', 'cli.mjs');
const run = promisify(execFile);

function newestMtime(dir: string, filter: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (filter(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

const mtime = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const sources = (file: string): boolean => /\.(ts|html|css|json)$/.test(file);

export async function ensureRendererBuilt(): Promise<void> {
  const built = mtime(path.join(RENDERER_DIST, 'index.html'));
  const inputs = Math.max(
    newestMtime(path.join(ROOT, 'renderer'), sources),
    newestMtime(path.join(ROOT, 'models'), sources),
    mtime(path.join(ROOT, 'vite.config.ts')),
  );
  if (built > inputs && fs.existsSync(path.join(RENDERER_DIST, 'scene-lab.html'))) return;
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export async function ensureCliBuilt(): Promise<string> {
  const inputs = Math.max(
    ...['main', 'models', 'drivers'].map((d) => newestMtime(path.join(ROOT, d), sources)),
  );
  if (mtime(E2E_CLI) > inputs) return E2E_CLI;
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['main/cli/entry.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    outfile: E2E_CLI,
    logLevel: 'warning',
  });
  return E2E_CLI;
}
