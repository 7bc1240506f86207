/**
 * `plustwin tariff list|add|remove`: tariffs per building and carrier in the district file, through the same checks
 * as the API ('tariffs.*': zod schema, then the handler). A dynamic tariff's CSV with a bad row is refused whole and
 * every bad row printed with file:line in the --lang language.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TariffSaveArgs, TariffView } from '../../../../models/contract/index.js';
import { TARIFF_CARRIERS } from '../../../../models/tariffs/tariff.js';
import { tariffCsvRows } from '../../../../models/tariffs/tariff-csv-problems.js';
import { ApiFailure } from '../../../core/base/failure.js';
import { argSchemas } from '../../../core/api/schemas.js';
import { tariffHandlers } from '../../../core/api/tariff-handlers.js';
import { parseArgs } from '../../common/args.js';
import type { CliCommand, CliIo } from '../../common/command.js';
import { costText } from '../cost-messages.js';
import { cliFailure, codedText, errorText, usageError } from '../cli-error.js';
import { inputErrorDetail } from '../../../core/api/input-error-detail.js';
import { commandLang } from '../command-lang.js';
import { numberFormatter, textTable, type Lang } from '../number-format.js';
import { localDate } from '../local-date.js';
import { carrierLabel } from '../../../../models/i18n/carrier-labels.js';
import { openExistingDistrict } from '../open-district.js';

const usage = `usage:
  plustwin tariff list --db FILE [--building ID] [--json] [--lang de|en]
  plustwin tariff add --db FILE --building ID --carrier C --from DATE [--to DATE] --price CT [--fixed EUR]
                      [--feed-in CT] [--name TEXT] [--prices FILE.csv] [--id ID] [--lang de|en]
  plustwin tariff remove --db FILE --id ID [--lang de|en]

Tariffs per building and carrier (C = ${TARIFF_CARRIERS.join(', ')}), valid from the local date --from up to
--to (exclusive; without --to open-ended); dates are local days of the site. --price is the energy price in
ct/kWh, --fixed the fixed charge in EUR per month, --feed-in the payment per exported kWh in ct/kWh. With
--prices the tariff is dynamic: each quarter hour costs the CSV's price plus --price (the surcharge). The CSV is
"Zeitstempel;Preis" with decimal commas or "timestamp,price" with decimal points (ct/kWh, or EUR/MWh when the
header says so); a file with a bad row is refused whole. add with --id changes that tariff.`;

/** The schema's field names as the user typed them: a refused value is named by its flag. */
const TARIFF_FLAGS: Readonly<Record<string, string>> = {
  id: '--id',
  buildingId: '--building',
  carrier: '--carrier',
  name: '--name',
  validFrom: '--from',
  validTo: '--to',
  energyCtPerKwh: '--price',
  fixedEurPerMonth: '--fixed',
  feedInCtPerKwh: '--feed-in',
  prices: '--prices',
  'prices.csv': '--prices',
  'prices.file': '--prices',
};

/** "31,5" or "31.5" */
const amount = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const v = Number(raw.trim().replace(',', '.'));
  if (raw.trim() === '' || !Number.isFinite(v)) throw usageError('usage.amount', { flag: `--${name}`, example: '31.5', got: raw });
  return v;
};

const printList = (io: CliIo, lang: Lang, list: readonly TariffView[], json: boolean | undefined) => {
  if (json) {
    io.out.write(JSON.stringify(list, null, 2) + '\n');
    return;
  }
  const t = costText(lang);
  const f = numberFormatter(lang);
  if (list.length === 0) {
    io.out.write(t('tariff.none') + '\n');
    return;
  }
  const rows = list.map((x) => [
    x.id,
    `${x.buildingId} ${carrierLabel(lang, x.carrier)}`,
    t(`tariff.kind.${x.kind}`) + (x.prices === null ? '' : ` (${t('tariff.prices', { count: x.prices.count })})`),
    `${localDate(lang, x.validFrom)}..${x.validTo === null ? t('tariff.openEnd') : localDate(lang, x.validTo)}`,
    f.num(x.energyCtPerKwh, 2),
    f.num(x.fixedEurPerMonth, 2),
    f.num(x.feedInCtPerKwh, 2),
  ]);
  io.out.write(textTable([t('tariff.head'), '', t('tariff.kind'), t('tariff.valid'), t('tariff.energy'), t('tariff.fixed'), t('tariff.feedIn')], rows) + '\n');
};

/** A refused CSV: every named row in the user's language. */
const csvRefusal = (lang: Lang, e: ApiFailure, file: string): string => {
  const t = costText(lang);
  const count = Number(e.detail?.params['count'] ?? 0);
  const rows = tariffCsvRows(e.detail?.params['rows']);
  const lines = [t('tariff.csvRefused', { count, file }), ...rows.map((p) => {
    const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
    if (p.code === 'empty' || p.code === 'columns') return `  ${t(`csv.${p.code}`, { where })}`;
    if (p.code === 'duplicate') return `  ${t('csv.duplicate', { where, value: p.value, otherLine: String(p.otherLine ?? '') })}`;
    return `  ${t(`csv.${p.code}`, { where, value: p.value })}`;
  })];
  if (count > rows.length) lines.push(`  ${t('tariff.more', { count: count - rows.length })}`);
  return lines.join('\n');
};

export const tariffCommand: CliCommand = {
  name: 'tariff',
  summary: 'list, add or remove the tariffs (energy price, fixed charge, feed-in, dynamic prices) of a district file',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    const { positional, flags } = parseArgs(rest, {
      db: 'string',
      building: 'string',
      carrier: 'string',
      from: 'string',
      to: 'string',
      price: 'string',
      fixed: 'string',
      'feed-in': 'string',
      name: 'string',
      prices: 'string',
      id: 'string',
      json: 'boolean',
      lang: 'string',
    });
    if (positional.length > 0) throw usageError('usage.unexpected', { arg: positional[0] as string });
    if (action !== 'list' && action !== 'add' && action !== 'remove') throw action === undefined ? usageError('tariff.action') : usageError('tariff.actionNot', { got: action });
    if (flags.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
    const lang = commandLang(flags.lang);
    let save: TariffSaveArgs | undefined;
    let csvFile: string | undefined;
    if (action === 'add') {
      if (flags.building === undefined) throw usageError('usage.required', { flag: '--building ID' });
      if (flags.from === undefined) throw usageError('usage.required', { flag: '--from DATE' });
      const carrier = TARIFF_CARRIERS.find((c) => c === flags.carrier);
      if (carrier === undefined) throw usageError('usage.oneOf', { flag: '--carrier', values: TARIFF_CARRIERS.join(', '), got: flags.carrier ?? '' });
      const price = amount('price', flags.price);
      if (price === undefined) throw usageError('tariff.priceRequired');
      let prices: TariffSaveArgs['prices'];
      if (flags.prices !== undefined) {
        csvFile = flags.prices;
        let csv: string;
        try {
          csv = await fs.readFile(flags.prices, 'utf8');
        } catch (e) {
          throw cliFailure('file.cannotRead', { file: flags.prices, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
        }
        prices = { csv, file: path.basename(flags.prices) };
      }
      const feedIn = amount('feed-in', flags['feed-in']);
      save = {
        ...(flags.id === undefined ? {} : { id: flags.id }),
        buildingId: flags.building,
        carrier,
        kind: prices === undefined ? 'fixed' : 'dynamic',
        ...(flags.name === undefined ? {} : { name: flags.name }),
        validFrom: flags.from,
        validTo: flags.to ?? null,
        energyCtPerKwh: price,
        fixedEurPerMonth: amount('fixed', flags.fixed) ?? 0,
        ...(feedIn === undefined ? {} : { feedInCtPerKwh: feedIn }),
        ...(prices === undefined ? {} : { prices }),
      };
      const checked = argSchemas['tariffs.save'].safeParse(save);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const detail = issue === undefined ? undefined : inputErrorDetail(issue, save);
        const problem = (detail && codedText(lang, detail, '', TARIFF_FLAGS)) ?? issue?.message ?? 'invalid';
        throw usageError('tariff.invalid', { problem });
      }
    }
    if (action === 'remove' && flags.id === undefined) throw usageError('usage.required', { flag: '--id ID' });
    const store = await openExistingDistrict(flags.db);
    const t = costText(lang);
    try {
      const h = tariffHandlers(store);
      if (action === 'list') printList(io, lang, await h['tariffs.list'](flags.building === undefined ? {} : { buildingId: flags.building }), flags.json);
      else if (action === 'remove') {
        await h['tariffs.remove']({ id: flags.id as string });
        io.out.write(t('tariff.removed', { id: flags.id as string }) + '\n');
      } else {
        const v = await h['tariffs.save'](save as TariffSaveArgs);
        if (flags.json) io.out.write(JSON.stringify(v, null, 2) + '\n');
        else io.out.write(t('tariff.saved', { id: v.id, building: v.buildingId, carrier: carrierLabel(lang, v.carrier), from: localDate(lang, v.validFrom), to: v.validTo === null ? t('tariff.openEnd') : localDate(lang, v.validTo) }) + '\n');
      }
      return 0;
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      const text = e.detail?.code === 'tariff.csv' ? csvRefusal(lang, e, path.basename(csvFile ?? '')) : e.detail !== undefined ? errorText(lang, e) : `${e.message}${e.where === undefined ? '' : ` (${e.where})`}`;
      io.err.write(`plustwin tariff: ${text}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
