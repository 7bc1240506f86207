/**
 * The command line's help in German: every command has a German summary and usage, the German usage names every
 * flag the English one names (so a flag added in English is not missing in German), and --lang de or a German LANG
 * picks it; usage errors print the usage in the same language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/shells/cli/commands/index.js';
import { HELP_DE } from '../../../main/shells/cli/help-de.js';
import { runCliCaptured } from '../../integration/cli/run-cli-captured.js';

const flags = (text: string) => new Set([...text.matchAll(/--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
const savedLang = process.env['LANG'];
afterEach(() => {
  if (savedLang === undefined) delete process.env['LANG'];
  else process.env['LANG'] = savedLang;
});

describe('German help', () => {
  it('has a German summary and usage for every command, naming every flag of the English usage', async () => {
    for (const entry of COMMANDS) {
      const c = await entry.load();
      // the list's name is the one the command answers to
      expect(c.name).toBe(entry.name);
      const de = HELP_DE[c.name];
      expect(de, c.name).toBeDefined();
      expect(de!.summary, c.name).not.toBe('');
      expect(de!.usage, c.name).toMatch(/^Aufruf:/);
      const missing = [...flags(c.usage)].filter((f) => !flags(de!.usage).has(f));
      expect(missing, `${c.name}: flags of the English usage missing in German`).toEqual([]);
    }
    for (const shell of ['serve', 'collect']) expect(HELP_DE[shell]?.summary, shell).toBeTruthy();
  });

  it('answers --help in German with --lang de or a German LANG, in English otherwise', async () => {
    delete process.env['LANG'];
    const en = await runCliCaptured('--help');
    expect(en.stdout).toMatch(/^PlusTwin: digital twin/);
    // the column is as wide as the longest command name
    expect(en.stdout).toMatch(/^ {2}balance +energy balance, KPIs/m);
    const de = await runCliCaptured('--help', '--lang', 'de');
    expect(de.stdout).toMatch(/^PlusTwin: digitaler Zwilling/);
    expect(de.stdout).toContain('Befehle:');
    expect(de.stdout).toMatch(/^ {2}balance +Energiebilanz, Kennzahlen, Plusenergie-Status und CO2 einer Quartiersdatei/m);
    process.env['LANG'] = 'de_DE.UTF-8';
    const usage = await runCliCaptured('balance', '--help');
    expect(usage.stdout).toMatch(/^Aufruf: plustwin balance --db DATEI/);
    // a usage error: the message, then the usage in the same language, exit code 2
    const wrong = await runCliCaptured('report', '--db');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Aufruf: plustwin report/);
  });
});
