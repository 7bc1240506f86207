/**
 * 'tariffs.list', 'tariffs.save', 'tariffs.remove': tariffs per building and carrier in the district file. A save is
 * checked whole before anything is written (building, validity not overlapping another tariff of the same building
 * and carrier, the dynamic tariff's CSV with every bad row named), so a refused save changes nothing.
 */
import type { TariffSaveArgs, TariffView } from '../../../models/contract/index.js';
import { tariffCsvProblemText } from '../../../models/tariffs/tariff-csv-problems.js';
import type { QuarterHourPrice, Tariff } from '../../../models/tariffs/tariff.js';
import { wallToUtc } from '../analysis/local-days.js';
import { ApiFailure, notFound } from '../base/failure.js';
import { parseTariffCsv } from '../importers/tariff-csv/tariff-csv.js';
import type { Store } from '../store/store.js';
import type { TariffStore } from '../store/tariff-store.js';
import type { Handlers } from './dispatch.js';

const OPEN_END = '9999-12-31';

const bookOf = (store: Store): TariffStore => {
  if (store.tariffs === undefined) throw new ApiFailure('internal', 'this store keeps no tariffs');
  return store.tariffs;
};

const viewsOf = async (book: TariffStore, tariffs: readonly Tariff[]): Promise<TariffView[]> => {
  const spans = await book.priceSpans();
  return tariffs.map((t) => ({ ...t, prices: spans.get(t.id) ?? null }));
};

/** The tariff's dates overlap another tariff of the same building and carrier: the error names it. */
const overlapping = (t: Tariff, others: readonly Tariff[]): Tariff | undefined =>
  others.find(
    (o) => o.id !== t.id && o.buildingId === t.buildingId && o.carrier === t.carrier && o.validFrom < (t.validTo ?? OPEN_END) && t.validFrom < (o.validTo ?? OPEN_END),
  );

const parsePrices = (args: TariffSaveArgs, timeZone: string): QuarterHourPrice[] | null => {
  if (args.prices === undefined) return null;
  const r = parseTariffCsv(args.prices.csv, args.prices.file, wallToUtc(timeZone));
  if (r.problemCount === 0) return [...r.prices];
  const more = r.problemCount > r.problems.length ? `; ${r.problemCount - r.problems.length} more` : '';
  throw new ApiFailure('validation', `the prices were not stored: ${r.problems.map(tariffCsvProblemText).join('; ')}${more}`, 'prices.csv', {
    code: 'tariff.csv',
    params: { count: r.problemCount, rows: JSON.stringify(r.problems) },
  });
};

export const saveTariff = async (store: Store, args: TariffSaveArgs): Promise<TariffView> => {
  const book = bookOf(store);
  const view = await store.getDistrict();
  if (view === null) throw new ApiFailure('not-found', 'this data file holds no district yet');
  if (!view.buildings.some((b) => b.id === args.buildingId)) throw notFound('building', args.buildingId);
  const all = await book.list();
  const old = args.id === undefined ? undefined : all.find((t) => t.id === args.id);
  if (args.id !== undefined && old === undefined) throw notFound('tariff', args.id);
  const tariff: Tariff = {
    id: args.id ?? `${args.buildingId}.${args.carrier}.${args.validFrom}`,
    buildingId: args.buildingId,
    carrier: args.carrier,
    kind: args.kind,
    name: args.name ?? '',
    validFrom: args.validFrom,
    validTo: args.validTo ?? null,
    energyCtPerKwh: args.energyCtPerKwh,
    fixedEurPerMonth: args.fixedEurPerMonth,
    feedInCtPerKwh: args.feedInCtPerKwh ?? 0,
    pricesFile: args.prices?.file ?? (old?.kind === 'dynamic' && args.kind === 'dynamic' ? old.pricesFile : null),
  };
  if (args.id === undefined && all.some((t) => t.id === tariff.id)) throw new ApiFailure('validation', `a tariff '${tariff.id}' exists already: change it by its id`, 'validFrom', { code: 'tariff.exists', params: { id: tariff.id } });
  const clash = overlapping(tariff, all);
  if (clash !== undefined)
    throw new ApiFailure(
      'validation',
      `the validity ${tariff.validFrom} to ${tariff.validTo ?? 'open end'} overlaps tariff '${clash.id}' (${clash.validFrom} to ${clash.validTo ?? 'open end'}) of the same building and carrier`,
      'validFrom',
      { code: 'tariff.overlap', params: { from: tariff.validFrom, to: tariff.validTo ?? '', otherId: clash.id, otherFrom: clash.validFrom, otherTo: clash.validTo ?? '' } },
    );
  const prices = parsePrices(args, view.site.timezone);
  if (tariff.kind === 'dynamic' && prices === null && old?.kind !== 'dynamic')
    throw new ApiFailure('validation', 'a dynamic tariff needs its quarter-hour prices (a CSV file)', 'prices', { code: 'tariff.needsPrices', params: {} });
  // a fixed tariff keeps no price table; a dynamic one keeps its table unless a new file replaces it
  await book.save(tariff, tariff.kind === 'fixed' ? [] : prices);
  const [saved] = await viewsOf(book, [tariff]);
  return saved as TariffView;
};

export function tariffHandlers(store: Store): Pick<Handlers, 'tariffs.list' | 'tariffs.save' | 'tariffs.remove'> {
  return {
    'tariffs.list': async ({ buildingId }) => {
      const book = bookOf(store);
      return viewsOf(book, await book.list(buildingId));
    },
    'tariffs.save': async (args) => saveTariff(store, args),
    'tariffs.remove': async ({ id }) => {
      if (!(await bookOf(store).remove(id))) throw notFound('tariff', id);
      return { id };
    },
  };
}
