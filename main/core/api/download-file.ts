/**
 * Where a finished export lies: <exports dir>/<job id>/<file name>, the only file there without a leading dot
 * (a job writes under '.partial-<name>' and renames when done). Both serve mode's HTTP GET and the desktop app's
 * page protocol answer a download from here, so the lookup needs no state of the running core.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Job ids are 128 random bits in hex: anything else is refused before the file system is touched. */
export const JOB_ID = /^[0-9a-f]{32}$/;

export const exportsDirOf = (dataDir: string): string => path.join(dataDir, 'exports');

/** The types of what the jobs write (IANA media types; CSV with its charset, RFC 7111). */
const TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.sqlite': 'application/vnd.sqlite3',
};

export interface DownloadFile {
  readonly file: string;
  readonly name: string;
  readonly bytes: number;
  readonly headers: Record<string, string>;
}

/** RFC 6266 with RFC 5987's filename* for names beyond ASCII; the ASCII fallback drops what cannot be quoted. */
export const attachmentHeader = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function downloadFile(exportsDir: string, jobId: string): DownloadFile | null {
  if (!JOB_ID.test(jobId)) return null;
  const dir = path.join(exportsDir, jobId);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch {
    return null;
  }
  const name = names[0];
  if (name === undefined || names.length !== 1) return null;
  const file = path.join(dir, name);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  const type = TYPES[path.extname(name)] ?? 'application/octet-stream';
  return {
    file,
    name,
    bytes: stat.size,
    headers: { 'content-type': type, 'content-length': String(stat.size), 'content-disposition': attachmentHeader(name), 'cache-control': 'no-store' },
  };
}
