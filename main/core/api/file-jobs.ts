/**
 * Long file work started from the UI (exports, the building import) runs here as a job: the call answers at once
 * with the job, and 'files.job' tells its progress, so both transports show the same progress bar. An export's
 * file appears under its final name only when complete; finished jobs and their files go after an hour.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildingImportSummary, FileJobKind, FileJobView } from '../../../models/contract/index.js';
import type { ApiError } from '../../../models/result.js';
import { ApiFailure } from '../base/failure.js';

const KEEP_MS = 60 * 60 * 1000;

export interface JobWork {
  /** Where an export writes its file (renamed to the job's file name when the work resolves). */
  readonly out: string;
  /** The job's own folder, for scratch files (an upload to import). */
  readonly dir: string;
  readonly progress: (share: number) => void;
}

export type JobOutcome = { readonly imported?: BuildingImportSummary };

interface Job {
  view: FileJobView;
  readonly started: number;
}

const errorOf = (e: unknown): ApiError => {
  if (e instanceof ApiFailure) {
    return { kind: e.kind, message: e.message, ...(e.where === undefined ? {} : { where: e.where }), ...(e.detail ? { code: e.detail.code, params: e.detail.params } : {}) };
  }
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
};

export class FileJobs {
  private readonly jobs = new Map<string, Job>();

  /** Files of an earlier run are nobody's any more: the folder starts empty. */
  constructor(readonly dir: string) {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  /** Starts the work and answers the job as it is now; `output` false for work that writes no file (an import). */
  start(kind: FileJobKind, fileName: string, work: (w: JobWork) => Promise<JobOutcome | void>, output = true): FileJobView {
    this.prune();
    const id = crypto.randomBytes(16).toString('hex');
    const dir = path.join(this.dir, id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const job: Job = { view: { id, kind, state: 'running', progress: 0, fileName }, started: Date.now() };
    this.jobs.set(id, job);
    // the answer is the job as it starts, whatever the work's first synchronous steps report
    const initial = job.view;
    const out = path.join(dir, `.partial-${fileName}`);
    const progress = (share: number) => {
      if (job.view.state === 'running') job.view = { ...job.view, progress: Math.max(job.view.progress, Math.min(0.99, share)) };
    };
    void (async () => {
      try {
        const outcome = await work({ out, dir, progress });
        let bytes: number | undefined;
        if (output) {
          const final = path.join(dir, fileName);
          fs.renameSync(out, final);
          bytes = fs.statSync(final).size;
        }
        job.view = { ...job.view, state: 'done', progress: 1, ...(bytes === undefined ? {} : { bytes }), ...(outcome?.imported ? { imported: outcome.imported } : {}) };
      } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        job.view = { ...job.view, state: 'failed', error: errorOf(e) };
      } finally {
        if (!output) fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    return initial;
  }

  get(id: string): FileJobView {
    const job = this.jobs.get(id);
    if (!job) throw new ApiFailure('not-found', `no file job '${id}' (jobs are kept for an hour)`, 'id');
    return job.view;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.view.state === 'running' || now - job.started < KEEP_MS) continue;
      this.jobs.delete(id);
      fs.rmSync(path.join(this.dir, id), { recursive: true, force: true });
    }
  }
}
