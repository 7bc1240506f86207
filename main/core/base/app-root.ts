/** The installed package's root folder (where package.json, assets/ and dist/ are), from source or bundle alike. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'plustwin') return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the PlusTwin package root (package.json named "plustwin")');
    dir = parent;
  }
}

export const appVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')).version as string;
