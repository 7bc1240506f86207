/** Process entry of `plustwin collect`; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import { collectCommand } from './collect-command.js';
import { UsageError } from '../common/command.js';

const argv = process.argv.slice(2);
const io = { out: process.stdout, err: process.stderr };
if (argv.includes('--help') || argv.includes('-h')) {
  io.out.write(collectCommand.usage + '\n');
} else {
  collectCommand.run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        io.err.write(`plustwin collect: ${e.message}\n\n${collectCommand.usage}\n`);
        process.exitCode = 2;
        return;
      }
      io.err.write(`plustwin collect: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
