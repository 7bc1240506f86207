/**
 * The desktop app as electron-builder packs it. Electron cannot run here, so the packaged layout is laid out as a
 * folder (packaged-layout.ts: electron-builder's own matcher over electron-builder.yml) and its code is run by Node
 * from there, with every file access recorded (access-log.mjs):
 * - the core's utility process (dist/core-process.js, driven as Electron's main process drives it) makes the demo's
 *   first start, exports an XLSX report and prepares the PDF page, then shuts down when asked;
 * - `plustwin report` (bin/, dist/cli.js) prints the PDF report in Chromium;
 * - `plustwin serve` starts again on the same data with serialport unloadable and serves the UI;
 * and no file of the repository may be touched: everything, the production packages included, comes from the layout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ensureLabBuilt } from '../../e2e/build-once.js';
import { CHROMIUM_PATH } from '../../e2e/chromium.js';
import { builderConfig, defaultDebDepends, layOut, ROOT, unpackedBy, type Layout } from './packaged-layout.js';

const HERE = import.meta.dirname;
const hook = (file: string) => pathToFileURL(path.join(HERE, file)).href;

let tmp: string;
let layout: Layout;
let logFile: string;
let dataDir: string;
/** The repository, and where its node_modules really are (a worktree may link them from elsewhere). */
const repoDirs = [ROOT, fs.realpathSync(path.join(ROOT, 'node_modules'))];
const period = String(new Date().getFullYear());

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs Node on the layout as the packaged app runs its code: from the layout, resolving inside it. */
function runNode(
  args: string[],
  o: { imports?: string[]; env?: Record<string, string>; until?: { stdout: RegExp; then(match: RegExpExecArray): Promise<void> }; timeoutMs?: number } = {},
): Promise<Run> {
  const child = spawn(
    process.execPath,
    [...[hook('access-log.mjs'), ...(o.imports ?? [])].flatMap((i) => ['--import', i]), ...args],
    {
      cwd: layout.app,
      env: { ...process.env, PLUSTWIN_ACCESS_LOG: logFile, PLUSTWIN_ACCESS_WATCH: JSON.stringify([...repoDirs, tmp]), ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let seen = false;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    // a server runs until told: the test looks at it, then stops it as a supervisor would
    const match = o.until?.stdout.exec(stdout);
    if (match && !seen) {
      seen = true;
      void o.until!.then(match).finally(() => child.kill('SIGTERM'));
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 170_000);
  return new Promise<Run>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Accesses under the repository (the test's own hooks aside). */
function outsideLayout(): string[] {
  const allowed = [HERE];
  return [
    ...new Set(
      fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(line.indexOf(' ') + 1))
        .filter((p) => repoDirs.some((r) => p === r || p.startsWith(r + path.sep)))
        .filter((p) => !allowed.some((a) => p === a || p.startsWith(a + path.sep))),
    ),
  ];
}

const accessed = (): string[] => fs.readFileSync(logFile, 'utf8').split('\n');

beforeAll(async () => {
  await ensureCliBuilt();
  // built so that the layout could pick it up if electron-builder.yml let it: the scene lab must stay out
  await ensureLabBuilt();
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-packaged-')));
  layout = await layOut(path.join(tmp, 'PlusTwin'));
  logFile = path.join(tmp, 'access.log');
  fs.writeFileSync(logFile, '');
  dataDir = path.join(tmp, 'data');
  // a rebuild of stale bundles takes a minute or more on a busy machine
}, 240_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packaged layout', () => {
  it('holds the bundles, the renderer, the driver data and the profiles, and no sources', () => {
    for (const f of ['package.json', 'bin/plustwin.js', 'dist/electron-main.js', 'dist/core-process.js', 'dist/preload.cjs', 'dist/renderer/index.html', 'dist/icons/tray.png']) {
      expect(layout.files, f).toContain(f);
    }
    for (const f of ['LP_OE_Buero_m.csv', 'TRY_5_a_2015_15min.csv', 'pv_5_a_2015.csv', 'SOURCE.md']) expect(layout.files).toContain(`assets/profiles/${f}`);
    expect(layout.files.some((f) => f.startsWith('dist/devices/') && f.endsWith('.json'))).toBe(true);
    expect(layout.files.some((f) => f.startsWith('dist/models/'))).toBe(true);
    expect(layout.files.filter((f) => /\.(ts|map|tsbuildinfo)$/.test(f) || /^(main|test|renderer|models|drivers)\//.test(f))).toEqual([]);
    // every file the page asks for is packed
    const index = fs.readFileSync(path.join(layout.app, 'dist/renderer/index.html'), 'utf8');
    const refs = [...index.matchAll(/(?:src|href)="\.?\/?([^"#?:]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(layout.files, ref).toContain(`dist/renderer/${ref}`);
  });

  it('leaves the scene lab (a test harness, built into dist/lab) out, and no renderer file carries it', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'lab', 'scene-lab.html'))).toBe(true);
    expect(layout.files.filter((f) => f.startsWith('dist/lab/') || f.includes('scene-lab'))).toEqual([]);
    const rendererJs = layout.files.filter((f) => f.startsWith('dist/renderer/') && f.endsWith('.js'));
    expect(rendererJs.length).toBeGreaterThan(0);
    for (const f of rendererJs) expect(fs.readFileSync(path.join(layout.app, f), 'utf8'), f).not.toMatch(/__sceneLab|__roofLab/);
  });

  it('keeps the native modules out of the asar archive: each asarUnpack pattern matches, sqlite3 and serialport binaries included', () => {
    for (const pattern of builderConfig().asarUnpack ?? []) expect(unpackedBy(layout, pattern).length, pattern).toBeGreaterThan(0);
    const binaries = unpackedBy(layout, '**/*.node');
    expect(binaries.some((f) => f.startsWith('node_modules/sqlite3/'))).toBe(true);
  });

  it("declares electron-builder's default deb dependencies next to its own", () => {
    expect(builderConfig().deb?.depends).toEqual(expect.arrayContaining(defaultDebDepends()));
  });

  it('loads serialport only where an RTU line is opened: no bundle imports it at the top', () => {
    for (const f of layout.files.filter((f) => /^dist\/[^/]+\.(js|cjs)$/.test(f))) {
      expect(fs.readFileSync(path.join(layout.app, f), 'utf8'), f).not.toMatch(/^import[^;]*from\s*["']serialport["']|require\(["']serialport["']\)/m);
    }
  });

  it("runs the desktop core's first start, a report export and a shutdown from the layout alone", async () => {
    const xlsx = path.join(tmp, 'report.xlsx');
    const run = await runNode(['dist/core-process.js'], {
      imports: [hook('electron-core-harness.mjs')],
      env: { PLUSTWIN_SMOKE: JSON.stringify({ dataDir, days: 2, period, xlsx }) },
    });
    const said = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, { ok?: boolean; value?: { dir: string; htmlFile: string } }>);
    expect(said.find((s) => s['fatal']), run.stderr).toBeUndefined();
    expect(said.map((s) => Object.keys(s)[0]), run.stderr).toEqual(['ready', 'xlsx', 'pdfPage', 'closed']);
    expect(said[1]!['xlsx']).toMatchObject({ ok: true });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX is
    const page = said[2]!['pdfPage']!;
    expect(page).toMatchObject({ ok: true });
    // the report page's chart.js came from the packaged node_modules
    expect(fs.existsSync(path.join(page.value!.dir, 'chart.umd.js'))).toBe(true);
    fs.rmSync(page.value!.dir, { recursive: true, force: true });
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'district.sqlite'))).toBe(true);
    // the hook saw the reads it guards: the profiles and the TRY from the layout
    expect(accessed()).toContain(`readFileSync ${path.join(layout.app, 'assets/profiles/LP_OE_Buero_m.csv')}`);
    expect(accessed().some((l) => l.startsWith('dlopen ') && l.includes('sqlite3'))).toBe(true);
    expect(outsideLayout()).toEqual([]);
  }, 180_000);

  it('prints the PDF report with `plustwin report` from the layout', async () => {
    if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium`);
    const pdf = path.join(tmp, 'report.pdf');
    const run = await runNode(['bin/plustwin.js', 'report', '--db', path.join(dataDir, 'district.sqlite'), '--period', period, '--format', 'pdf', '--out', pdf], {
      env: { PLUSTWIN_CHROMIUM: CHROMIUM_PATH },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(outsideLayout()).toEqual([]);
  }, 180_000);

  it('starts serve mode from the layout with serialport unloadable, and serves the UI', async () => {
    let page = '';
    let info: unknown;
    const run = await runNode(['bin/plustwin.js', 'serve', '--data', dataDir, '--port', '0', '--demo-history-days', '2'], {
      imports: [hook('hide-serialport.mjs')],
      until: {
        stdout: /listening on (\S+)/,
        async then([, url]) {
          page = await (await fetch(url!)).text();
          const answer = await fetch(new URL('api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'district.get', args: {} }) });
          info = await answer.json();
        },
      },
    });
    expect(run.stdout, run.stderr).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\//);
    expect(page).toMatch(/<title>PlusTwin/);
    expect(info).toMatchObject({ ok: true, value: { buildings: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) } });
    expect(info as { value: { buildings: unknown[] } }).toHaveProperty('value.buildings.length', 7);
    expect(run.stderr).toMatch(/stopped: \d+ readings accepted/);
    expect(outsideLayout()).toEqual([]);
  }, 180_000);
});
