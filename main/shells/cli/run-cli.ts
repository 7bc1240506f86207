/**
 * `plustwin <command> [options]`: finds the command and turns its failures into messages and exit codes.
 */
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliIo } from '../common/command.js';
import { appVersion } from '../../core/base/app-root.js';

/** serve and collect are shells of their own (bin/plustwin.js starts them); the overview still lists them first. */
const LISTED = [
  { name: 'serve', summary: 'run the core and serve the UI over HTTP on 127.0.0.1' },
  { name: 'collect', summary: 'run a headless collector that publishes to an MQTT broker (store-and-forward)' },
  ...COMMANDS,
];

function overview(): string {
  const width = Math.max(...LISTED.map((c) => c.name.length));
  return [
    'PlusTwin: digital twin for energy-plus buildings and districts',
    '',
    'usage: plustwin <command> [options]     plustwin <command> --help',
    '',
    'commands:',
    ...LISTED.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(overview() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out.write(`${appVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err.write(`plustwin: unknown command '${name}'\n\n${overview()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`plustwin ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.err.write(`plustwin ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}
