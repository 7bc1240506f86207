/**
 * District files hold passwords (sealed, see device-secrets.ts) and the whole energy history of the user's
 * buildings: only the user may read them. SQLite creates a new file with the process umask (0644 usually) and its
 * -wal and -shm with the main file's mode, so the main file is created 0600 before SQLite sees it, and an older
 * file (and its -wal/-shm) is made 0600 when it is opened.
 */
import fs from 'node:fs';

export function makePrivate(file: string): void {
  if (file === ':memory:' || file === '') return;
  try {
    fs.writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return; // SQLite will say what is wrong with the path
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // no such file, or not ours to change: SQLite still opens it
    }
  }
}
