/** Process entry of `plustwin serve`; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import { format } from 'node:util';
import { serveCommand } from './serve-command.js';
import { UsageError } from '../common/command.js';

// stdout carries exactly one line, "PlusTwin listening on URL", which scripts and supervisors read; libraries
// that log with console.* (node-opcua's warnings, "Creating default certificate ...") go to stderr with our log
const toStderr = (...args: unknown[]): void => void process.stderr.write(format(...args) + '\n');
console.log = toStderr;
console.info = toStderr;
console.debug = toStderr;
console.warn = toStderr;

const argv = process.argv.slice(2);
const io = { out: process.stdout, err: process.stderr };
if (argv.includes('--help') || argv.includes('-h')) {
  io.out.write(serveCommand.usage + '\n');
} else {
  serveCommand.run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        io.err.write(`plustwin serve: ${e.message}\n\n${serveCommand.usage}\n`);
        process.exitCode = 2;
        return;
      }
      io.err.write(`plustwin serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
