/**
 * Builds what the browser tests load, only when it is missing or older than its sources: the renderer with Vite
 * (dist/renderer, as `npm run build` does) and a private transpiled copy of the core for serve mode (dist/e2e/, so
 * that the tests always run the current core without touching the app's own dist/cli.js).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
const E2E_DIR = path.join(ROOT, 'dist', 'e2e');
export const E2E_CLI = path.join(E2E_DIR, 'main', 'cli', 'entry.js');
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

/**
 * The core is transpiled file by file (not bundled) into dist/e2e/, keeping the folder layout, because drivers/
 * find their data files (device profiles, SunSpec models) next to their own module via import.meta.url.
 */
export async function ensureCliBuilt(): Promise<string> {
  const folders = ['main', 'models', 'drivers'];
  const inputs = Math.max(...folders.map((d) => newestMtime(path.join(ROOT, d), () => true)));
  if (mtime(E2E_CLI) > inputs) return E2E_CLI;
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  const tsFiles: string[] = [];
  for (const folder of folders) {
    for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (file.endsWith('.ts') && !file.endsWith('.d.ts')) tsFiles.push(file);
      else if (!/tsconfig.*\.json$|\.tsbuildinfo$/.test(entry.name)) {
        const target = path.join(E2E_DIR, path.relative(ROOT, file));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(file, target);
      }
    }
  }
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: tsFiles,
    outbase: ROOT,
    outdir: E2E_DIR,
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
  if (!fs.existsSync(E2E_CLI)) throw new Error(`building the core for e2e tests did not produce ${E2E_CLI}`);
  return E2E_CLI;
}
