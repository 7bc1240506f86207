/**
 * Who has a district file open for collecting: `<file>.lock` beside it holds the process id and what it is
 * (`plustwin serve`, the desktop app). `district import` refuses to replace a file that a live process holds,
 * since renaming over it and deleting its -wal/-shm under a running writer loses what that writer has not yet
 * checkpointed. A lock left by a process that no longer runs (SIGKILL, power cut) is taken over.
 */
import fs from 'node:fs';

export interface LockHolder {
  readonly pid: number;
  readonly owner: string;
  readonly since: string;
}

export class DistrictLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(`${file} is open in ${holder.owner} (process ${holder.pid}, since ${holder.since}; lock file ${lockPath(file)}): stop it first`);
    this.name = 'DistrictLockedError';
  }
}

export const lockPath = (file: string): string => `${file}.lock`;

function alive(pid: number): boolean {
  try {
    // signal 0 checks that the process exists without touching it; EPERM means it exists under another user
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding file, or null (no lock, a stale one, or this very process). */
export function lockHolder(file: string): LockHolder | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
  if (!Number.isInteger(holder.pid) || holder.pid === process.pid || !alive(holder.pid)) return null;
  return holder;
}

/** Takes the lock for this process (owner: what the user would call it); returns the release. */
export function acquireDistrictLock(file: string, owner: string): () => void {
  const holder = lockHolder(file);
  if (holder !== null) throw new DistrictLockedError(file, holder);
  const mine: LockHolder = { pid: process.pid, owner, since: new Date().toISOString() };
  fs.writeFileSync(lockPath(file), JSON.stringify(mine) + '\n', { mode: 0o600 });
  return () => {
    try {
      const now = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockHolder;
      if (now.pid === process.pid) fs.rmSync(lockPath(file), { force: true });
    } catch {
      // gone already
    }
  };
}
