// `npm start`: the desktop app. Where the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD,
// or a platform without one) it says so and runs serve mode instead, so the UI is still one click away.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) =>
  new Promise((resolve) => spawn(cmd, args, { stdio: 'inherit', cwd: root }).on('exit', (code) => resolve(code ?? 1)));

// everything the desktop app and its fallback load; a missing piece means the build is stale or was interrupted
const needed = ['cli.js', 'electron-main.js', 'core-process.js', 'preload.cjs', 'icons/tray.png', 'renderer/index.html'];
if (needed.some((f) => !fs.existsSync(path.join(root, 'dist', f)))) {
  const code = await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
  if (code !== 0) process.exit(code);
}

let electronBinary = null;
try {
  electronBinary = createRequire(import.meta.url)('electron');
} catch (e) {
  process.stderr.write(`Electron is not usable here: ${e.message.split('\n')[0]}\n`);
}

if (typeof electronBinary === 'string' && fs.existsSync(electronBinary)) {
  process.exit(await run(electronBinary, [root, ...process.argv.slice(2)]));
}
process.stderr.write(
  'The Electron binary is missing (was it installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?). ' +
    'Reinstall with `npm install` on a machine with network access to get the desktop app.\n' +
    'Falling back to serve mode: open the address printed below in your browser.\n',
);
process.exit(await run(process.execPath, [path.join(root, 'bin', 'plustwin.js'), 'serve', ...process.argv.slice(2)]));
