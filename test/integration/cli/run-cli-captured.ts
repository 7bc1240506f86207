/** Runs `plustwin <argv>` in this process and captures what it writes, for tests of CLI commands. */
import { PassThrough } from 'node:stream';
import { runCli } from '../../../main/shells/cli/run-cli.js';

export async function runCliCaptured(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await runCli(argv, { out, err });
  return { code, stdout, stderr };
}
