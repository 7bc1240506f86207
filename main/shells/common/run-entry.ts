/**
 * Runs one command as a process entry (serve, collect): --help, usage errors with exit code 2, failures with 1.
 * Their stdout is for the one line scripts read, so libraries that log with console.* (node-opcua's warnings,
 * "Creating default certificate ...") are sent to stderr with the log.
 */
import { format } from 'node:util';
import { UsageError, type CliCommand } from './command.js';

export function runEntry(command: CliCommand, argv: readonly string[] = process.argv.slice(2)): void {
  const toStderr = (...args: unknown[]): void => void process.stderr.write(format(...args) + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  const io = { out: process.stdout, err: process.stderr };
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out.write(command.usage + '\n');
    return;
  }
  command.run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        io.err.write(`plustwin ${command.name}: ${e.message}\n\n${command.usage}\n`);
        process.exitCode = 2;
        return;
      }
      io.err.write(`plustwin ${command.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
