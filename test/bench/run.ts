/**
 * `npm run bench [-- FILTER...]`: runs every test/bench/<area>-<name>.ts (each exports run(): BenchResult[]),
 * one after the other in its own process so that one benchmark's heap and threads do not disturb the next, then
 * writes bench-results.json and the table between the bench markers in README.md.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';
import type { BenchResult } from './bench-result.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(root, 'test', 'bench');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

interface FileResult {
  readonly file: string;
  readonly results: readonly BenchResult[];
  readonly error?: string;
  readonly seconds: number;
}

const files = fs
  .readdirSync(benchDir)
  .filter((f) => /^[a-z]+-[a-z0-9-]+\.ts$/.test(f) && f !== 'bench-result.ts')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

async function runOne(file: string): Promise<FileResult> {
  const started = Date.now();
  const script = `import(${JSON.stringify(path.join(benchDir, file))}).then(m => m.run()).then(r => process.stdout.write('\\n@@BENCH@@' + JSON.stringify(r)))`;
  try {
    const { stdout } = await run(path.join(root, 'node_modules', '.bin', 'tsx'), ['--eval', script], {
      cwd: root,
      maxBuffer: 64 << 20,
      timeout: 30 * 60_000,
    });
    const json = stdout.slice(stdout.lastIndexOf('@@BENCH@@') + 9);
    return { file, results: JSON.parse(json) as BenchResult[], seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    const x = e as { message: string; stderr?: string };
    return { file, results: [], error: (x.stderr || x.message).split('\n').slice(-5).join(' '), seconds: (Date.now() - started) / 1000 };
  }
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toPrecision(3));

function table(all: readonly FileResult[]): string {
  const rows = ['| benchmark | figure | baseline (same run) | note |', '|---|---|---|---|'];
  for (const f of all) {
    if (f.error) rows.push(`| ${f.file} | failed | | ${f.error.replaceAll('|', '/')} |`);
    for (const r of f.results) {
      const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '';
      rows.push(`| ${r.name} | ${fmt(r.value)} ${r.unit} | ${base} | ${r.note ?? ''} |`);
    }
  }
  return rows.join('\n');
}

const all: FileResult[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file} ...\n`);
  const result = await runOne(file);
  process.stderr.write(result.error ? `bench: ${file} FAILED: ${result.error}\n` : `bench: ${file} done in ${result.seconds.toFixed(0)} s\n`);
  all.push(result);
}

const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const previous = fs.existsSync(path.join(root, 'bench-results.json'))
  ? (JSON.parse(fs.readFileSync(path.join(root, 'bench-results.json'), 'utf8')) as { files: FileResult[] }).files
  : [];
// a filtered run replaces only the files it ran
const merged = [...previous.filter((p) => !all.some((a) => a.file === p.file)), ...all].sort((a, b) => a.file.localeCompare(b.file));
fs.writeFileSync(
  path.join(root, 'bench-results.json'),
  JSON.stringify({ date: new Date().toISOString(), machine, files: merged }, null, 2) + '\n',
);
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const i = readme.indexOf(START);
const j = readme.indexOf(END);
if (i !== -1 && j > i) {
  const body = `${START}\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine} (\`npm run bench\`).\n\n${table(merged)}\n${END}`;
  fs.writeFileSync(readmePath, readme.slice(0, i) + body + readme.slice(j + END.length));
}
process.stdout.write(table(all) + '\n');
process.exitCode = all.some((f) => f.error) ? 1 : 0;
