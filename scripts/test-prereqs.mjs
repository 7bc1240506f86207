// The first step of `npm test`: the system packages of scripts/system-packages.mjs and open62541 1.4. Run as root
// (or with sudo that needs no password) it installs what is missing with apt-get; otherwise it stops at once with
// the exact command to run. It changes nothing when everything is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPEN62541, SYSTEM_PACKAGES } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stdout.write(`test-prereqs: ${line}\n`);
const stop = (lines) => {
  process.stderr.write(`test-prereqs: ${lines.join('\n')}\n`);
  process.exit(1);
};

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });
const hasCommand = (cmd) => run('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (!hasCommand('dpkg-query') || !hasCommand('apt-get')) {
  if (process.env['PLUSTWIN_SKIP_SYSTEM_CHECK'] === '1') process.exit(0);
  stop([
    'this check knows Debian and Ubuntu (dpkg and apt-get), which this machine is not.',
    'The tests need the equivalents of these Debian packages:',
    ...SYSTEM_PACKAGES.map((p) => `  ${p.apt}: ${p.why}`),
    `  ${OPEN62541.apt} (open62541 1.4): ${OPEN62541.why}`,
    'Install them, then run the tests with PLUSTWIN_SKIP_SYSTEM_CHECK=1.',
  ]);
}

/** The names among `names` that dpkg lists as installed. */
const installed = (names) => {
  // dpkg-query exits 1 when one name is unknown, and still prints the others
  const out = run('dpkg-query', ['-W', '-f=${Package}\t${db:Status-Status}\n', ...names]).stdout ?? '';
  return new Set(
    out
      .split('\n')
      .map((l) => l.split('\t'))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name.replace(/:.*$/, '')),
  );
};

/** Whether the configured apt sources offer the package (after an apt-get update; false with empty lists). */
const aptOffers = (name) => /Candidate: (?!\(none\))/.test(run('apt-cache', ['policy', name]).stdout ?? '');

const cacheDir = path.join(root, OPEN62541.cacheDir);
const cacheReady = () => fs.existsSync(path.join(cacheDir, '.open62541-unpacked'));

const needed = SYSTEM_PACKAGES.filter((p) => !(p.unlessEnv && process.env[p.unlessEnv]));
const have = installed([...needed.map((p) => p.apt), OPEN62541.apt, OPEN62541.debianKeyring]);
const missing = needed.filter((p) => !have.has(p.apt)).map((p) => p.apt);
// open62541: the system's package if installed, else the unpacked cache, else apt's if it offers one, else the
// cache is filled from trixie (which needs Debian's keyring, present on every Debian)
let open62541 = have.has(OPEN62541.apt) ? 'system' : cacheReady() ? 'cache' : aptOffers(OPEN62541.apt) ? 'apt' : 'fetch';
if (open62541 === 'apt') missing.push(OPEN62541.apt);
if (open62541 === 'fetch' && !have.has(OPEN62541.debianKeyring)) missing.push(OPEN62541.debianKeyring);

const asRoot = process.getuid?.() === 0;
const sudo = !asRoot && hasCommand('sudo') && run('sudo', ['-n', 'true']).status === 0;

const apt = (args) => {
  const [cmd, full] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  say(`${asRoot ? '' : 'sudo '}apt-get ${args.join(' ')}`);
  const r = spawnSync(cmd, full, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) stop([`apt-get ${args[0]} failed (exit ${r.status}); run it yourself to see why.`]);
};

if (missing.length > 0) {
  if (!asRoot && !sudo) {
    const why = new Map([...needed.map((p) => [p.apt, p.why]), [OPEN62541.apt, OPEN62541.why]]);
    stop([
      `missing system packages: ${missing.join(', ')}.`,
      ...missing.map((p) => `  ${p}: ${why.get(p) ?? `to fetch ${OPEN62541.apt} from Debian trixie`}`),
      'Install them with (or run npm test as root, or with sudo that needs no password, and it will):',
      `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
      'then run npm test again.',
    ]);
  }
  apt(['update', '-qq']);
  // fresh lists may offer open62541 where the stale (or empty) ones did not
  if (open62541 === 'fetch' && aptOffers(OPEN62541.apt)) {
    open62541 = 'apt';
    missing.push(OPEN62541.apt);
  }
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missing.filter((p) => !installed([p]).has(p));
  if (still.length > 0) stop([`still missing after apt-get install: ${still.join(', ')}.`]);
}

if (open62541 === 'fetch') {
  say(`${OPEN62541.apt} is not in this system's apt sources: fetching it from Debian trixie into ${OPEN62541.cacheDir}`);
  const r = spawnSync('bash', [path.join(root, OPEN62541.fetchScript), cacheDir], { stdio: 'inherit' });
  if (r.status !== 0 || !cacheReady()) {
    stop([`${OPEN62541.fetchScript} failed (exit ${r.status}); run \`bash ${OPEN62541.fetchScript} ${OPEN62541.cacheDir}\` to see why.`]);
  }
}

say(
  `${needed.length} system packages present; open62541 1.4 ${open62541 === 'fetch' || open62541 === 'cache' ? `in ${OPEN62541.cacheDir}` : `from the system (${OPEN62541.apt})`}`,
);
