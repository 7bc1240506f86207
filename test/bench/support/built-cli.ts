/**
 * The built CLI (`node dist/cli.js`) as a user runs it, for benchmarks that measure a command from the start of its
 * process to its end: the build is refused when older than the sources it is measured for, and the child reports
 * its peak resident memory (getrusage's maxRSS, every thread included) as it exits.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** dist/cli.js (and the parse worker next to it), refused when older than any .ts file directly in dirs. */
export function builtCli(dirs: readonly string[]): string {
  const cli = join(ROOT, 'dist', 'cli.js');
  const worker = join(ROOT, 'dist', 'citygml-parse-worker.js');
  if (!existsSync(cli) || !existsSync(worker)) throw new Error('no build: run node scripts/build.mjs first');
  const built = Math.min(statSync(cli).mtimeMs, statSync(worker).mtimeMs);
  for (const dir of dirs) {
    for (const f of readdirSync(join(ROOT, dir))) {
      if (f.endsWith('.ts') && statSync(join(ROOT, dir, f)).mtimeMs > built) throw new Error(`dist/ is older than ${dir}/${f}: run node scripts/build.mjs`);
    }
  }
  return cli;
}

// printed by the child as it exits: maxRSS covers every thread of the process
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('@@maxrss '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs the CLI with args to its end: wall seconds and the child's peak RSS in MB. */
export async function cliInChild(cli: string, args: readonly string[]): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_RSS, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const [code] = (await once(child, 'close')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`plustwin ${args[0] ?? ''} exited with ${code}: ${err.slice(-500)}`);
  const m = /@@maxrss (\d+)/.exec(err);
  if (!m) throw new Error(`plustwin ${args[0] ?? ''} did not report its memory`);
  return { seconds, peakMb: Number(m[1]) / 1024 };
}
