/**
 * Resolves with the name of the first SIGINT/SIGTERM, so long-running commands can shut down gracefully.
 * The listeners stay installed while the shutdown runs: a library using signal-exit (loaded with node-opcua's PKI)
 * re-sends the signal to the process as soon as its own listeners are the only ones left, which would kill the
 * process in the middle of writing its last readings. A second signal ends the process at once (Ctrl+C twice).
 */
import os from 'node:os';

export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (first) process.exit(128 + (os.constants.signals[signal] ?? 0));
      first = signal;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
