// `npm start`: the desktop app. Where the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD,
// a download that failed, or a platform without one) it says why and what to do, once, and runs serve mode
// instead, which prints its address and data folder: the UI is still one click away.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a child with this terminal; SIGINT/SIGTERM sent to `npm start` reach it, and its exit code is ours. */
const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: root });
    const forward = (signal) => child.kill(signal);
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, forward);
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM']) process.off(s, forward);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });

// everything the desktop app and its fallback load; a missing piece means the build is stale or was interrupted
const needed = ['cli.js', 'electron-main.js', 'core-process.js', 'preload.cjs', 'icons/tray.png', 'renderer/index.html'];
if (needed.some((f) => !fs.existsSync(path.join(root, 'dist', f)))) {
  const code = await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
  if (code !== 0) process.exit(code);
}

/** The Electron binary, or why there is none (the electron package throws when its download never happened). */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return { missing: `${binary} does not exist` };
  } catch {
    // its own message ("delete node_modules/electron and try installing again") would not say what is wrong here
    return { missing: 'node_modules/electron has no downloaded binary' };
  }
}

const electron = electronBinary();
if (electron.binary) process.exit(await run(electron.binary, [root, ...process.argv.slice(2)]));

process.stderr.write(
  [
    `PlusTwin: the desktop app cannot start because the Electron binary is missing (${electron.missing}).`,
    '  This happens after an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without network access.',
    '  To get the desktop app: on a machine with network access, without ELECTRON_SKIP_BINARY_DOWNLOAD set,',
    '  run `npm rebuild electron` here (or `npm install` in a fresh clone), then `npm start` again.',
    '  Starting serve mode instead: open the address printed below in your browser.',
    '',
  ].join('\n'),
);
process.exit(await run(process.execPath, [path.join(root, 'bin', 'plustwin.js'), 'serve', ...process.argv.slice(2)]));
