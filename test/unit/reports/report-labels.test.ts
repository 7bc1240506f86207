/**
 * The report names what it would otherwise print as ids: a building's heat supply (fuel, measure, where it came
 * from) in the PDF's building page and the XLSX buildings sheet, in German and English; the German CSV's media,
 * roles and qualities.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { renderReportHtml } from '../../../main/core/reports/report-html.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import { writeIntervalCsv } from '../../../main/core/reports/csv-writer.js';
import { FakeStore } from './fake-store.js';
import { BUILDINGS, DEVICES, POINTS, SITE } from './fixture-district.js';

const DAY = parsePeriod('2025-06-02', 'Europe/Berlin');

/** The house with a heat meter, its heat supplied by an oil boiler of 0.85 stored with the building. */
const storeWithOilHeat = async (): Promise<FakeStore> => {
  const store = new FakeStore();
  const house = { ...BUILDINGS[0]!, heatSupply: { carrier: 'oil' as const, efficiency: 0.85 } };
  const heat = { ...POINTS.find((p) => p.id === 'house.import')!, id: 'house.heat', name: 'house.heat', medium: 'heat' as const, role: 'consumption' as const };
  await store.saveDistrict(SITE, [house], DEVICES.filter((d) => d.buildingId === house.id), [...POINTS.filter((p) => p.buildingId === house.id), heat]);
  return store;
};

const heatLine = (html: string): string => {
  const m = /<p class="small" data-heat-supply>([\s\S]*?)<\/p>/.exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '');
};

describe('report labels', () => {
  it('prints the heat supply as words, not ids, in German and English', async () => {
    const store = await storeWithOilHeat();
    const de = renderReportHtml(await assembleReport(store, { period: DAY, lang: 'de' }));
    expect(heatLine(de.html)).toBe('Wärmeversorgung: Heizöl, Jahresnutzungsgrad 0,85 (beim Gebäude gespeichert)');
    const en = renderReportHtml(await assembleReport(store, { period: DAY, lang: 'en' }));
    expect(heatLine(en.html)).toBe('Heat supply: Heating oil, seasonal efficiency 0.85 (stored with the building)');
  });

  it('names media, roles and qualities in the German CSV and keeps the ids in the international one', async () => {
    const store = new FakeStore();
    await store.saveDistrict(SITE, [BUILDINGS[0]!], DEVICES.slice(0, 1), POINTS.filter((p) => p.id === 'house.import'));
    store.addIntervals([{ pointId: 'house.import', start: DAY.from, kwh: 0.5, quality: 'measured' }]);
    const csv = async (variant: 'de' | 'intl') => {
      const out = new PassThrough();
      let text = '';
      out.on('data', (c: Buffer) => (text += c.toString('utf8')));
      await writeIntervalCsv(store, out, { variant, from: DAY.from, to: DAY.from + 900_000 });
      out.end();
      return text.replace(/^\uFEFF/, '').trimEnd().split('\n')[1]!;
    };
    // 2 June 2025 00:00 in Berlin is 22:00 UTC the day before (summer time, +02:00)
    expect(await csv('de')).toBe('house.import;house;Strom;Bezug;2025-06-02T00:00:00+02:00;2025-06-02T00:15:00+02:00;0,5;gemessen');
    expect(await csv('intl')).toBe('house.import,house,electricity,import,2025-06-01T22:00:00Z,2025-06-01T22:15:00Z,0.5,measured');
  });
});
