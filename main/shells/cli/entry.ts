/** Process entry of the CLI; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import type { CliIo } from '../common/command.js';
import { parseWorkers } from '../../core/importers/citygml/parse-worker-pool.js';

// `import` parses in worker threads: started before the rest of the CLI loads (about a quarter second), they are
// ready when the first piece of the first file is cut instead of starting then
if (process.argv[2] === 'import') parseWorkers().available();

const { runCli } = await import('./run-cli.js');
const io: CliIo = { out: process.stdout, err: process.stderr };
runCli(process.argv.slice(2), io).then(
  (code) => {
    // long-running commands (serve, simulate) resolve only when they are asked to stop
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`plustwin: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
