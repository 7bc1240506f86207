// Loaded with `node --import` into the app as the packaging smoke test runs it: appends to $PLUSTWIN_ACCESS_LOG
// every path under the folders of $PLUSTWIN_ACCESS_WATCH (a JSON array) that the process opens, reads, lists, stats,
// loads as a module (CommonJS through fs, ES modules through a load hook) or as a native addon.
import fs from 'node:fs';
import { register, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const logFile = process.env.PLUSTWIN_ACCESS_LOG;
const watched = JSON.parse(process.env.PLUSTWIN_ACCESS_WATCH ?? '[]');
if (!logFile) throw new Error('access-log.mjs needs PLUSTWIN_ACCESS_LOG');
const append = fs.appendFileSync;

function record(kind, target) {
  let p;
  if (typeof target === 'string') p = target.startsWith('file:') ? fileURLToPath(target) : target;
  else if (target instanceof URL) p = fileURLToPath(target);
  else if (Buffer.isBuffer(target)) p = target.toString();
  else return;
  const abs = path.resolve(p);
  if (watched.some((w) => abs === w || abs.startsWith(w + path.sep))) append(logFile, `${kind} ${abs}\n`);
}

const NAMES = ['open', 'readFile', 'readdir', 'opendir', 'stat', 'lstat', 'access', 'realpath', 'copyFile', 'cp', 'exists', 'createReadStream'];
function wrap(owner, name) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  const wrapped = function (target, ...rest) {
    record(name, target);
    return original.call(this, target, ...rest);
  };
  Object.assign(wrapped, original); // realpathSync.native and friends
  owner[name] = wrapped;
}
for (const n of NAMES) {
  wrap(fs, n);
  wrap(fs, `${n}Sync`);
  wrap(fs.promises, n);
}
syncBuiltinESMExports();

const dlopen = process.dlopen;
process.dlopen = function (module, filename, ...rest) {
  record('dlopen', filename);
  return dlopen.call(this, module, filename, ...rest);
};

register('./access-log-hooks.mjs', import.meta.url);
