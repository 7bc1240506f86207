/**
 * A disk that can be filled and freed: a tmpfs the test mounts itself when it runs as root (a real ENOSPC under
 * SQLite), else a simulated one: SQLite's own max_page_count on the store's connection, which makes SQLite answer
 * SQLITE_FULL exactly as a full disk does (https://www.sqlite.org/pragma.html#pragma_max_page_count).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SqliteDb } from '../../../main/core/store/sqlite-db.js';

export interface SmallDisk {
  readonly dir: string;
  readonly real: boolean;
  /** Fills the disk up (db: the store's connection, used when the disk is simulated). */
  fill(db: SqliteDb): Promise<void>;
  free(db: SqliteDb): Promise<void>;
  cleanup(): void;
}

const isRoot = () => process.getuid?.() === 0;

export function smallDisk(prefix: string, sizeMb = 16): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let real = false;
  if (isRoot()) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
      real = true;
    } catch {
      // a container without CAP_SYS_ADMIN: fall back to the simulated disk
    }
  }
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    real,
    async fill(db) {
      if (!real) {
        const { page_count } = (await db.get<{ page_count: number }>('PRAGMA page_count'))!;
        await db.exec(`PRAGMA max_page_count = ${page_count}`);
        return;
      }
      const fd = fs.openSync(filler, 'w');
      const chunk = Buffer.alloc(1 << 16, 0xab);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        fs.closeSync(fd);
      }
      // the last partial blocks too
      try {
        fs.appendFileSync(filler, Buffer.alloc(512));
      } catch {
        // full
      }
    },
    async free(db) {
      if (!real) {
        await db.exec('PRAGMA max_page_count = 1073741823');
        return;
      }
      fs.rmSync(filler, { force: true });
    },
    cleanup() {
      if (real) execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
