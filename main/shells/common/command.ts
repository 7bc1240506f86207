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

/** A text key and its parameters, for a shell that says the message in the user's language (the CLI's table). */
export interface MessageRef {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * A mistake in how the command was called: printed with the usage, exit code 2. The message is English; `text`,
 * when given, names the same message in a shell's table, so the CLI can print it in German.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly text?: MessageRef,
  ) {
    super(message);
  }
}
