/**
 * The built command as a user runs it (bin/plustwin.js on dist/): each command is loaded only when it runs, and
 * `plustwin import` starts its parse workers before the rest of the CLI loads. A file the workers never see (one
 * read on the main thread) must still let the process end: with the workers referenced it hung after printing its
 * summary. The overview lists every command, loaded for it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ROOT } from '../../e2e/build-once.js';

let bin: string;
const dir = mkdtempSync(join(tmpdir(), 'plustwin-built-cli-'));
beforeAll(async () => {
  bin = await ensureCliBuilt();
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command to its end; a process still running after limitMs is killed and reported as such. */
function run(args: string[], limitMs = 60_000): Promise<{ code: number | null; ended: boolean; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, ended: signal === null, stdout });
    });
  });
}

describe('the built CLI', () => {
  it('ends after importing a file its parse workers never saw', async () => {
    const r = await run(['import', join(ROOT, 'test/fixtures/data/citygml/FZK-Haus-LoD2.gml'), '--db', join(dir, 'fzk.sqlite')]);
    expect(r.ended).toBe(true);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported 1 buildings \(1 new, 0 updated\)/);
  }, 90_000);

  it('lists every command in its overview and answers a command\'s --help with its usage', async () => {
    const overview = await run(['--help']);
    expect(overview.code).toBe(0);
    for (const name of ['simulate', 'probe', 'import', 'district', 'history', 'balance', 'pv-potential', 'report', 'ingest', 'heat-plan', 'bisko', 'lights', 'tariff', 'energy-report']) {
      expect(overview.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    const tariff = await run(['tariff', '--help']);
    expect(tariff.code).toBe(0);
    expect(tariff.stdout).toMatch(/^usage:\n  plustwin tariff list --db /);
  }, 90_000);

  it('takes --lang before the command: the German overview, a command run in German', async () => {
    const overview = await run(['--lang', 'de']);
    expect(overview.code).toBe(2);
    expect(overview.stdout).toMatch(/^Befehle:$/m);
    const help = await run(['--lang=de', 'import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Aufruf: plustwin import /);
  }, 90_000);
});
