// Module hooks for access-log.mjs: records every ES module file loaded (the loader reads them without the fs module).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const logFile = process.env.PLUSTWIN_ACCESS_LOG;
const watched = JSON.parse(process.env.PLUSTWIN_ACCESS_WATCH ?? '[]');

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) {
    const abs = path.resolve(fileURLToPath(url));
    if (watched.some((w) => abs === w || abs.startsWith(w + path.sep))) fs.appendFileSync(logFile, `load ${abs}\n`);
  }
  return nextLoad(url, context);
}
