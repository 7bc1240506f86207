/** `plustwin balance`: the energy-plus analysis of a district file, as a table or JSON. */
import fs from 'node:fs/promises';
import type { CliCommand } from '../../common/command.js';
import { cliFailure, codedText, usageError } from '../cli-error.js';
import { inputErrorDetail } from '../../../core/api/input-error-detail.js';
import { commandLang } from '../command-lang.js';
import { parseArgs } from '../../common/args.js';
import type { AnalysisArgs, DistrictView, ScenarioArgs } from '../../../../models/contract/index.js';
import { argSchemas } from '../../../core/api/schemas.js';
import { analyseDistrict } from '../../../core/analysis/district-analysis.js';
import { runDistrictScenario } from '../../../core/analysis/scenario.js';
import { BUILT_IN_FACTOR_SETS, DEFAULT_EXPORT_CREDIT, EXPORT_CREDIT_VARIANT_IDS, isExportCreditVariant } from '../../../../models/factors/index.js';
import { balanceReport, scenarioReport } from '../balance-report.js';
import { costReport } from '../cost-report.js';
import { numberFormatter, type Lang } from '../number-format.js';
import { zonedToUtc } from '../../../core/analysis/local-time.js';
import type { Store } from '../../../core/store/store.js';
import { checkSource, openSource, sourceUsage, sourceName } from '../open-source.js';

const usage = `usage: plustwin balance (--db FILE | --pg URL [--site ID]) --from DATE --to DATE [--building ID] [--scenario FILE.json]
                        [--factors ID]... [--export-credit VARIANT] [--resolution 15min|hour] [--min-coverage X] [--json] [--lang de|en]

Balances per building and carrier, KPIs (15 min), energy-plus status (over the period and the 12 months
before --to), CO2 and district sharing, from a PlusTwin data file or a fleet's central database.
${sourceUsage(17)}
  --from, --to     local dates in the site's time zone (2025-01-01 = local midnight, Europe/Berlin by default)
                   or ISO times with zone (2025-01-01T06:00Z) on the 15-minute grid; to is exclusive
  --min-coverage X verdicts below this share of intervals with a value are provisional (default 0.9)
  --building ID    print this building only (the district is still analysed whole)
  --scenario FILE  a JSON scenario {"id", "name", "measures": [...]} (see docs/cli.md), shown next to the measured state
  --factors ID     a factor set id for primary energy or CO2 (repeatable): ${BUILT_IN_FACTOR_SETS.map((s) => s.id).join(', ')}
  --export-credit V  how exported electricity counts in primary energy: ${EXPORT_CREDIT_VARIANT_IDS.join(', ')}
                   (default ${DEFAULT_EXPORT_CREDIT}: the Verdrängungsstrommix 2.8 of the Effizienzhaus Plus definition)
  --resolution R   15min (default, KPIs as metered) or hour (hourly sums: faster, same sums, hourly KPIs)
  --json           the full result as JSON (contract types DistrictAnalysis and ScenarioRunResult)
  --lang de|en     language of the tables, notes and numbers (default from LANG)`;

/** A local date (midnight in timeZone) or an ISO time with zone; anything else is a usage error naming the option. */
export const parseDate = (name: string, raw: string | undefined, timeZone = 'UTC'): number => {
  if (raw === undefined) throw usageError('usage.required', { flag: `--${name}` });
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const valid = date !== null && Number.isFinite(Date.parse(`${raw}T00:00:00Z`));
  const ts = valid ? zonedToUtc(Number(date[1]), Number(date[2]) - 1, Number(date[3]), timeZone) : iso ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(ts)) throw usageError('balance.date', { name, got: raw });
  return ts;
};

const readScenario = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw cliFailure('balance.scenarioRead', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw cliFailure('balance.scenarioJson', { file, problem: (e as Error).message });
  }
};

export const balanceCommand: CliCommand = {
  name: 'balance',
  summary: 'energy balance, KPIs, energy-plus status and CO2 of a district file',
  usage,
  async run(argv, io) {
    const { positional, flags } = parseArgs(argv, {
      db: 'string',
      pg: 'string',
      site: 'string',
      from: 'string',
      to: 'string',
      building: 'string',
      scenario: 'string',
      factors: 'list',
      json: 'boolean',
      lang: 'string',
      resolution: 'string',
      'min-coverage': 'string',
      'export-credit': 'string',
    });
    if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
    checkSource(flags);
    if (flags.from === undefined) throw usageError('usage.required', { flag: '--from' });
    if (flags.to === undefined) throw usageError('usage.required', { flag: '--to' });
    const minCoverage = flags['min-coverage'] === undefined ? undefined : Number(flags['min-coverage']);
    if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) throw usageError('balance.minCoverage', { got: flags['min-coverage'] ?? '' });
    const lang = commandLang(flags.lang);
    let primarySetId: string | undefined;
    let co2SetId: string | undefined;
    for (const id of flags.factors ?? []) {
      const set = BUILT_IN_FACTOR_SETS.find((s) => s.id === id);
      if (set === undefined) throw usageError('balance.unknownSet', { id, known: BUILT_IN_FACTOR_SETS.map((s) => s.id).join(', ') });
      if (set.kind === 'primary-energy') primarySetId = id;
      else co2SetId = id;
    }
    const scenarioJson = flags.scenario === undefined ? undefined : await readScenario(flags.scenario);
    const raw = flags.resolution ?? '15min';
    if (raw !== '15min' && raw !== 'hour') throw usageError('balance.resolution', { got: raw });
    const resolution: '15min' | 'hour' = raw;
    const credit = flags['export-credit'];
    if (credit !== undefined && !isExportCreditVariant(credit)) {
      throw usageError('usage.oneOf', { flag: '--export-credit', values: EXPORT_CREDIT_VARIANT_IDS.join(', '), got: credit });
    }
    // syntax first, so that a mistyped date is a usage error whether or not the file exists
    parseDate('from', flags.from);
    parseDate('to', flags.to);
    const store = await openSource(flags);
    const source = sourceName(flags, store);
    try {
      const view = await store.getDistrict();
      if (view === null) throw cliFailure('balance.noDistrict', { source });
      // Dates are local days of the site (docs/cli.md): 2025-01-01 is midnight in Europe/Berlin, not in UTC.
      const from = parseDate('from', flags.from, view.site.timezone);
      const to = parseDate('to', flags.to, view.site.timezone);
      const base = {
        from,
        to,
        resolution,
        ...(primarySetId === undefined ? {} : { primarySetId }),
        ...(co2SetId === undefined ? {} : { co2SetId }),
        ...(minCoverage === undefined ? {} : { minCoverage }),
        ...(credit === undefined ? {} : { exportCredit: credit }),
      };
      const checked = argSchemas['district.analysis'].safeParse(base);
      if (!checked.success) {
        // the rule the period broke in the run's language, the fields named by the flags that set them
        const issue = checked.error.issues[0];
        const detail = issue === undefined ? undefined : inputErrorDetail(issue, base);
        throw usageError('usage.period', { problem: (detail && codedText(lang, detail, '', { from: '--from', to: '--to', minCoverage: '--min-coverage' })) ?? issue?.message ?? 'invalid period' });
      }
      await runBalance(store, view, base, { ...flags, db: source, scenarioJson }, io, lang, resolution);
      return 0;
    } finally {
      await store.close();
    }
  },
};

interface BalanceFlags {
  /** The district file or the central database, as messages name it. */
  readonly db: string;
  readonly building?: string | undefined;
  readonly scenario?: string | undefined;
  readonly json?: boolean | undefined;
  readonly scenarioJson: unknown;
}

const runBalance = async (
  store: Store,
  view: DistrictView,
  base: AnalysisArgs,
  flags: BalanceFlags,
  io: Parameters<CliCommand['run']>[1],
  lang: Lang,
  resolution: '15min' | 'hour',
): Promise<void> => {
  const scenarioJson = flags.scenarioJson;
  let scenarioArgs: ScenarioArgs | undefined;
  if (scenarioJson !== undefined) {
    if (typeof scenarioJson !== 'object' || scenarioJson === null || Array.isArray(scenarioJson)) throw cliFailure('balance.scenarioObject', { file: flags.scenario ?? '' });
    const parsed = argSchemas['scenario.run'].safeParse({ ...(scenarioJson as object), ...base });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue === undefined ? undefined : inputErrorDetail(issue, { ...(scenarioJson as object), ...base });
      throw new Error(`${flags.scenario}: ${(detail && codedText(lang, detail)) ?? `${issue?.path.join('.') || 'scenario'}: ${issue?.message ?? 'invalid scenario'}`}`);
    }
    scenarioArgs = parsed.data as ScenarioArgs;
  }
  if (flags.building !== undefined && !view.buildings.some((b) => b.id === flags.building)) {
    throw cliFailure('balance.noBuilding', { building: flags.building, source: flags.db ?? '', buildings: view.buildings.map((b) => b.id).join(', ') });
  }
  const analysis = await analyseDistrict(store, view, base, resolution);
  if (!analysis.ok) throw new Error(`${analysis.error.message}${analysis.error.where ? ` (${analysis.error.where})` : ''}`);
  const scenario = scenarioArgs === undefined ? undefined : await runDistrictScenario(store, view, scenarioArgs);
  if (scenario !== undefined && !scenario.ok) {
    throw new Error(`${flags.scenario}: ${scenario.error.message}${scenario.error.where ? ` (${scenario.error.where})` : ''}`);
  }
  if (flags.json) {
    const a = analysis.value;
    const shown = flags.building === undefined ? a : { ...a, buildings: a.buildings.filter((b) => b.buildingId === flags.building) };
    const doc = { analysis: shown, ...(scenario === undefined ? {} : { scenario: scenario.value }) };
    io.out.write(JSON.stringify(doc, null, 2) + '\n');
    return;
  }
  const f = numberFormatter(lang);
  io.out.write(balanceReport(analysis.value, f, flags.building) + costReport(analysis.value, f, flags.building));
  if (scenario !== undefined) io.out.write('\n' + scenarioReport(scenario.value, f, flags.building));
};
