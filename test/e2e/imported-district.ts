/**
 * A district the way a user makes one: `plustwin import FILE --db <data>/district.sqlite --json` with the built CLI,
 * then `plustwin serve --no-demo` on that data folder. Returns the import's summary (stdout is that JSON alone).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureCliBuilt, ROOT } from './build-once.js';
import { startServe, type ServeProcess } from './serve-process.js';

const run = promisify(execFile);

export interface ImportedDistrict {
  readonly dataDir: string;
  readonly summary: Record<string, unknown>;
  readonly serve: ServeProcess;
  /** Stops serve and removes the data folder. */
  close(): Promise<void>;
}

/** file: the building data, or a function that writes it into the fresh data folder and returns its path. */
export async function importAndServe(file: string | ((dataDir: string) => string)): Promise<ImportedDistrict> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-imported-'));
  const source = typeof file === 'string' ? file : file(dataDir);
  const cli = await ensureCliBuilt();
  const { stdout } = await run(process.execPath, [cli, 'import', source, '--db', path.join(dataDir, 'district.sqlite'), '--json'], { cwd: ROOT });
  const summary = JSON.parse(stdout) as Record<string, unknown>;
  const serve = await startServe({ dataDir, extraArgs: ['--no-demo'], startTimeoutMs: 60_000 });
  return {
    dataDir,
    summary,
    serve,
    close: async () => {
      await serve.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
