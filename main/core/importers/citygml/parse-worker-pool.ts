/**
 * The parse workers, started on first use and kept for the next file of the same run (a city is many tiles, and a
 * worker takes a moment to load). They hold the process open only while they have work. From the built app the
 * worker is dist/citygml-parse-worker.js next to the bundle; from the sources (tests, benchmarks) it is the
 * TypeScript file, loaded through tsx, which is then installed as a development dependency.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MembersJob, MembersResult } from './parse-members.js';
import type { WorkerReply, WorkerRequest } from './citygml-parse-worker.js';

/**
 * One worker per core but one, as the main thread reads the file, merges and writes SQLite; at least two, so that
 * on a two-core machine the main thread's share of a core is not left idle while it waits for SQLite.
 */
export const defaultWorkerCount = (): number => Math.max(2, availableParallelism() - 1);

interface Pending {
  resolve(result: MembersResult): void;
  reject(error: Error): void;
}

class Slot {
  readonly pending = new Map<number, Pending>();
  constructor(readonly worker: Worker) {}
}

/**
 * A worker's heap: its young generation small (V8 otherwise lets it grow to tens of MB per thread, which is most
 * of what workers add to the peak memory), its old generation large enough for a piece with the largest member
 * the importer takes. A worker that runs out anyway ends with an error, and the file is read on the main thread.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

function startWorker(): Worker | null {
  const js = new URL('./citygml-parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { resourceLimits: LIMITS });
  const ts = new URL('./citygml-parse-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  let tsx: string;
  try {
    tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  } catch {
    return null;
  }
  const code = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(ts.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true, resourceLimits: LIMITS });
}

export class ParseWorkerPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private next = 0;

  constructor(readonly size: number) {}

  /** False when no worker script can be found (the caller then parses on its own thread). */
  available(): boolean {
    return this.fill();
  }

  run(job: MembersJob): Promise<MembersResult> {
    if (!this.fill()) return Promise.reject(new Error('no parse worker'));
    const slot = this.slots[this.next++ % this.slots.length] as Slot;
    const seq = ++this.seq;
    return new Promise<MembersResult>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(seq, { resolve, reject });
      const request: WorkerRequest = { ...job, seq };
      slot.worker.postMessage(request, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops the workers (tests; the CLI simply exits). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private fill(): boolean {
    while (this.slots.length < this.size) {
      let worker: Worker | null;
      try {
        worker = startWorker();
      } catch {
        // a packaging that cannot start workers (an archive the loader cannot read from): the main thread parses
        worker = null;
      }
      if (!worker) return false;
      const slot = new Slot(worker);
      worker.on('message', (reply: WorkerReply) => {
        const p = slot.pending.get(reply.seq);
        if (!p) return;
        slot.pending.delete(reply.seq);
        if (slot.pending.size === 0) worker.unref();
        if ('result' in reply) p.resolve(reply.result);
        else p.reject(new Error(reply.problem));
      });
      const fail = (e: Error): void => {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        for (const p of slot.pending.values()) p.reject(e);
        slot.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`parse worker exited with ${code}`)));
      // after the listeners: adding a 'message' listener refs the worker again, and a pool started early (the CLI's
      // import) whose file is read on one thread would then keep the process from exiting
      worker.unref();
      this.slots.push(slot);
    }
    return true;
  }
}

let shared: ParseWorkerPool | null = null;

/** The process's pool, made on first use. */
export function parseWorkers(): ParseWorkerPool {
  shared ??= new ParseWorkerPool(defaultWorkerCount());
  return shared;
}
