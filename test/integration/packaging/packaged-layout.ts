/**
 * The files a packaged desktop app holds, laid out in a folder: electron-builder.yml's `files` (plus electron-builder's
 * own default exclusions), copied by electron-builder's own matcher and copier (app-builder-lib's fileMatcher.js,
 * the code `npm run dist` runs), its `extraResources` beside the app as in resources/, and the production
 * dependencies: what npm's lock file does not mark dev-only (electron-builder copies the same set), hard-linked
 * file by file (copied across file systems), so that every path the app resolves lies inside the layout, as it
 * would inside app.asar.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

// electron-builder's own code, resolved from where npm installed it (a dev dependency)
const requireBuilder = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('electron-builder'));
const requireLib = createRequire(requireBuilder.resolve('app-builder-lib'));
const yaml = requireLib('js-yaml') as { load(text: string): unknown };

interface FileMatcher {
  readonly patterns: string[];
  createFilter(): (file: string, stat: fs.Stats) => boolean;
}
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
  getFileMatchers(config: object, name: string, destination: string, options: object): FileMatcher[] | null;
  copyFiles(matchers: FileMatcher[] | null, transformer: null, isUseHardLink: boolean): Promise<unknown>;
}
const matchers = requireLib(path.join(path.dirname(requireLib.resolve('app-builder-lib')), 'fileMatcher.js')) as FileMatcherModule;
const { Minimatch } = requireLib('minimatch') as { Minimatch: new (pattern: string, o: object) => { match(p: string): boolean } };
const fpm = requireLib(path.join(path.dirname(requireLib.resolve('app-builder-lib')), 'targets', 'FpmTarget.js')) as {
  default: { prototype: { getDefaultDepends(target: string): string[] } };
};

export interface BuilderConfig {
  readonly directories?: { readonly output?: string; readonly buildResources?: string };
  readonly files?: unknown;
  readonly asarUnpack?: string[];
  readonly extraResources?: unknown;
  readonly deb?: { readonly depends?: string[] };
}

export const builderConfig = (): BuilderConfig => yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's default deb depends, which a `deb.depends` list replaces. */
export const defaultDebDepends = (): string[] => fpm.default.prototype.getDefaultDepends.call(null, 'deb');

/** Top-level packages npm installed for production (not "dev": true in package-lock.json), e.g. "sqlite3", "@serialport/bindings-cpp". */
export function productionPackages(): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([key, p]) => key.startsWith('node_modules/') && !key.slice('node_modules/'.length).includes('node_modules/') && p.dev !== true)
    .map(([key]) => key.slice('node_modules/'.length));
}

export interface Layout {
  /** What goes into app.asar (and app.asar.unpacked), as one folder. */
  readonly app: string;
  /** resources/, where extraResources go. */
  readonly resources: string;
  /** Files copied from the repository, relative to the app folder. */
  readonly files: readonly string[];
}

const listFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    : [];

export async function layOut(into: string): Promise<Layout> {
  const config = builderConfig();
  const app = path.join(into, 'resources', 'app');
  const resources = path.join(into, 'resources');
  const outDir = path.resolve(ROOT, config.directories?.output ?? 'dist');
  const info = { projectDir: ROOT, buildResourcesDir: config.directories?.buildResources ?? 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
  const same = (s: string) => s;
  await matchers.copyFiles(matchers.getMainFileMatchers(ROOT, app, same, {}, { info }, outDir, false), null, false);
  const extra = matchers.getFileMatchers(config, 'extraResources', resources, { macroExpander: same, customBuildOptions: {}, globalOutDir: outDir, defaultSrc: ROOT });
  await matchers.copyFiles(extra, null, false);
  const files = listFiles(app);
  for (const name of productionPackages()) {
    const from = path.join(ROOT, 'node_modules', name);
    if (!fs.existsSync(from)) continue; // an optional dependency for another platform
    linkTree(fs.realpathSync(from), path.join(app, 'node_modules', name));
  }
  return { app, resources, files };
}

/** The folder's files hard-linked (copied where links cannot cross file systems), its symbolic links as they are. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else {
      try {
        fs.linkSync(source, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
        fs.copyFileSync(source, target);
      }
    }
  }
}

/** Files of the layout (node_modules included) that an asarUnpack pattern matches, as electron-builder matches them. */
export function unpackedBy(layout: Layout, pattern: string): string[] {
  const inApp = [...layout.files, ...productionPackages().flatMap((name) => listFiles(path.join(layout.app, 'node_modules', name)).map((f) => path.join('node_modules', name, f)))];
  const matcher = new Minimatch(pattern, { dot: true });
  return inApp.filter((f) => matcher.match(f));
}
