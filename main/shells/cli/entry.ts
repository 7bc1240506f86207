/** Process entry of the CLI; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then(
  (code) => {
    // long-running commands (serve, simulate) resolve only when they are asked to stop
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`plustwin: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
