/**
 * File jobs: an export's file appears under its name only when the work is done, progress only grows, a failure is
 * a typed error value (code and where kept for the UI), and the file methods' arguments are checked where they enter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { downloadFile } from '../../../main/core/api/download-file.js';
import { exportFileName } from '../../../main/core/api/file-handlers.js';
import { FileJobs } from '../../../main/core/api/file-jobs.js';
import { ApiFailure } from '../../../main/core/base/failure.js';
import type { FileJobView } from '../../../models/contract/index.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const exportsDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-jobs-'));
  dirs.push(d);
  return path.join(d, 'exports');
};

/** Polls the job until it ends (the work runs on its own). */
async function settled(jobs: FileJobs, id: string): Promise<FileJobView> {
  for (;;) {
    const v = jobs.get(id);
    if (v.state !== 'running') return v;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('FileJobs', () => {
  it('shows the file only when done, under its name, with its size and progress 1', async () => {
    const dir = exportsDir();
    const jobs = new FileJobs(dir);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started = jobs.start('report', 'plustwin-bericht-2025.csv', async ({ out, progress }) => {
      fs.writeFileSync(out, 'a;b\n1;2\n');
      progress(0.5);
      progress(0.3); // progress never goes back
      await gate;
    });
    expect(started).toMatchObject({ state: 'running', progress: 0, kind: 'report', fileName: 'plustwin-bericht-2025.csv' });
    await new Promise((r) => setTimeout(r, 10));
    expect(jobs.get(started.id).progress).toBe(0.5);
    // still being written: not downloadable
    expect(downloadFile(dir, started.id)).toBeNull();
    release();
    const done = await settled(jobs, started.id);
    // 'a;b\n1;2\n' is 8 bytes
    expect(done).toMatchObject({ state: 'done', progress: 1, bytes: 8 });
    expect(downloadFile(dir, started.id)?.name).toBe('plustwin-bericht-2025.csv');
  });

  it('turns a failure into an error value with its code and removes what was written', async () => {
    const dir = exportsDir();
    const jobs = new FileJobs(dir);
    const started = jobs.start('import', 'x.geojson', async ({ dir: own }) => {
      fs.writeFileSync(path.join(own, 'x.geojson'), '{');
      throw new ApiFailure('validation', 'x.geojson:1:2: invalid JSON', 'x.geojson:1:2', { code: 'import.json', params: { file: 'x.geojson', line: 1, column: 2, problem: 'invalid JSON' } });
    }, false);
    const failed = await settled(jobs, started.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual({
      kind: 'validation',
      message: 'x.geojson:1:2: invalid JSON',
      where: 'x.geojson:1:2',
      code: 'import.json',
      params: { file: 'x.geojson', line: 1, column: 2, problem: 'invalid JSON' },
    });
    expect(fs.existsSync(path.join(dir, started.id))).toBe(false);
    expect(() => jobs.get('0'.repeat(32))).toThrow(/no file job/);
  });

  it('names downloads after what and when', () => {
    const now = new Date('2026-03-05T10:00:00Z');
    expect(exportFileName({ kind: 'report', format: 'pdf', period: '2025-01-01..2025-12-31', lang: 'de' }, now)).toBe('plustwin-bericht-2025-01-01..2025-12-31.pdf');
    expect(exportFileName({ kind: 'report', format: 'xlsx', period: '2025-01-01..2025-01-31', lang: 'en' }, now)).toBe('plustwin-report-2025-01-01..2025-01-31.xlsx');
    expect(exportFileName({ kind: 'district' }, now)).toBe('plustwin-district-2026-03-05.sqlite');
    expect(exportFileName({ kind: 'backup' }, now)).toBe('plustwin-backup-2026-03-05.sqlite');
  });
});

describe('file methods: arguments checked where they enter', () => {
  const handlers = { 'files.export': async () => 'ran', 'files.import': async () => 'ran', 'files.job': async () => 'ran' } as unknown as Handlers;
  const refused = async (method: string, args: unknown) => {
    const r = await dispatch(handlers, method, args);
    return r.ok ? 'accepted' : `${r.error.where}: ${r.error.message}`;
  };

  it('refuses a period that is not two days, an unknown format and stray fields', async () => {
    expect(await refused('files.export', { kind: 'report', format: 'pdf', period: '2025-01-01..2025-01-31', lang: 'de' })).toBe('accepted');
    expect(await refused('files.export', { kind: 'report', format: 'pdf', period: '2025', lang: 'de' })).toBe('period: files.export: the period must be YYYY-MM-DD..YYYY-MM-DD');
    expect(await refused('files.export', { kind: 'report', format: 'docx', period: '2025-01-01..2025-01-31', lang: 'de' })).toMatch(/^format: /);
    expect(await refused('files.export', { kind: 'backup', out: '/etc/passwd' })).toMatch(/^args: |out/);
  });

  it('refuses an empty or too large upload and a job id that is not one', async () => {
    expect(await refused('files.import', { fileName: 'a.geojson', text: '' })).toBe('text: files.import: the file is empty');
    expect(await refused('files.import', { fileName: 'a.geojson', text: 'x'.repeat((8 << 20) + 1) })).toBe('text: files.import: the file is larger than 8 MB');
    expect(await refused('files.job', { id: '../../etc' })).toBe('id: files.job: not a job id');
    expect(await refused('files.job', { id: 'a'.repeat(32) })).toBe('accepted');
  });
});
