/**
 * `plustwin <command> [options]`: finds the command and turns its failures into messages and exit codes.
 */
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliIo } from '../common/command.js';
import { appVersion } from '../../core/base/app-root.js';
import { HELP_DE, OVERVIEW_DE } from './help-de.js';
import { langFrom, type Lang } from './number-format.js';
import { errorText } from './cli-error.js';
import { cliText } from './messages.js';

/** serve and collect are shells of their own (bin/plustwin.js starts them); the overview still lists them first. */
const SHELLS = [
  { name: 'serve', summary: 'run the core and serve the UI over HTTP on 127.0.0.1' },
  { name: 'collect', summary: 'run a headless collector that publishes to an MQTT broker (store-and-forward)' },
];

/**
 * The language of help and error messages: --lang (or --lang=) wherever it stands, else LANG; English when neither
 * is German. Each command reads --lang again for what it prints, and refuses a value other than de or en.
 */
export const runLang = (argv: readonly string[]): Lang => {
  const i = argv.indexOf('--lang');
  const joined = argv.find((a) => a.startsWith('--lang='));
  const flag = i >= 0 ? argv[i + 1] : joined?.slice('--lang='.length);
  return langFrom(flag, process.env['LANG']) ?? 'en';
};

const summaryOf = (c: { name: string; summary: string }, lang: Lang) => (lang === 'de' ? (HELP_DE[c.name]?.summary ?? c.summary) : c.summary);
const usageOf = (c: { name: string; usage: string }, lang: Lang) => (lang === 'de' ? HELP_DE[c.name]?.usage || c.usage : c.usage);

/** The overview needs every command's summary: the one place all commands are loaded. */
async function overview(lang: Lang): Promise<string> {
  const listed = [...SHELLS, ...(await Promise.all(COMMANDS.map((c) => c.load())))];
  const width = Math.max(...listed.map((c) => c.name.length));
  const words =
    lang === 'de'
      ? OVERVIEW_DE
      : { title: 'PlusTwin: digital twin for energy-plus buildings and districts', usage: 'usage: plustwin <command> [options]     plustwin <command> --help', commands: 'commands:' };
  return [words.title, '', words.usage, '', words.commands, ...listed.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c, lang)}`)].join('\n');
}

/**
 * The command's name and its arguments: the first argument that is not --lang and its value, so that `plustwin
 * --lang de` shows the German overview and `plustwin --lang de balance ...` runs balance in German (the command
 * reads --lang again from its arguments).
 */
function commandOf(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  let i = 0;
  while (i < argv.length && (argv[i] === '--lang' || argv[i]?.startsWith('--lang=') === true)) i += argv[i] === '--lang' ? 2 : 1;
  return { name: argv[i], rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { name, rest } = commandOf(argv);
  const lang = runLang(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out.write((await overview(lang)) + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out.write(`${appVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err.write(`plustwin: ${cliText(lang)('cli.unknownCommand', { name })}\n\n${await overview(lang)}\n`);
    return 2;
  }
  entry.warmUp?.();
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(usageOf(command, lang) + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`plustwin ${name}: ${errorText(lang, e)}\n\n${usageOf(command, lang)}\n`);
      return 2;
    }
    io.err.write(`plustwin ${name}: ${errorText(lang, e)}\n`);
    return 1;
  }
}
