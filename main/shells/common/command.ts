/**
 * A CLI sub-command. Each lives in its own file in main/cli/commands/ and is listed in main/cli/commands/index.ts.
 * Commands write results to io.out, progress and diagnostics to io.err, and return the process exit code.
 */
export interface CliIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `plustwin --help`. */
  readonly summary: string;
  /** Full usage text for `plustwin <name> --help`. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
