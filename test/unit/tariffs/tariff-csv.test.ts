/** Dynamic tariff prices from CSV (main/core/importers/tariff-csv/tariff-csv.ts): German and English files, bad rows named. */
import { describe, expect, it } from 'vitest';
import { wallToUtc } from '../../../main/core/analysis/local-days.js';
import { parseTariffCsv } from '../../../main/core/importers/tariff-csv/tariff-csv.js';
import { tariffCsvProblemText } from '../../../models/tariffs/tariff-csv-problems.js';

const berlin = wallToUtc('Europe/Berlin');

describe('dynamic tariff CSV', () => {
  it('reads a German file: ";", decimal comma, dd.mm.yyyy in local time', () => {
    const r = parseTariffCsv('Zeitstempel;Preis (ct/kWh)\n01.06.2025 00:00;12,5\n01.06.2025 00:15;-1,25\n', 'preise.csv', berlin);
    expect(r.problemCount).toBe(0);
    // 00:00 CEST = 31 May 22:00Z
    expect(r.prices).toEqual([
      { start: Date.UTC(2025, 4, 31, 22), ctPerKwh: 12.5 },
      { start: Date.UTC(2025, 4, 31, 22, 15), ctPerKwh: -1.25 },
    ]);
  });

  it('reads an English file in EUR/MWh (1 EUR/MWh = 0.1 ct/kWh) and ISO times with and without offset', () => {
    const r = parseTariffCsv('timestamp,price [EUR/MWh]\n2025-06-01T00:00:00Z,95.5\n2025-06-01 02:15,-10\n', 'prices.csv', berlin);
    expect(r.problemCount).toBe(0);
    expect(r.unit).toBe('EUR/MWh');
    expect(r.prices.map((p) => [p.start, p.ctPerKwh])).toEqual([
      [Date.UTC(2025, 5, 1, 0, 15), -1], // 02:15 CEST
      [Date.UTC(2025, 5, 1), 9.55],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
  });

  it('reads date and time in two columns and the repeated autumn hour in file order', () => {
    const csv = 'Datum;Uhrzeit;Preis\n26.10.2025;02:45;10\n26.10.2025;02:00;11\n';
    // the first 02:45 is summer time (00:45Z); 02:00 after it runs backwards: winter time (01:00Z)
    const r = parseTariffCsv(csv, 'okt.csv', berlin);
    expect(r.problemCount).toBe(0);
    expect(r.prices).toEqual([
      { start: Date.UTC(2025, 9, 26, 0, 45), ctPerKwh: 10 },
      { start: Date.UTC(2025, 9, 26, 1), ctPerKwh: 11 },
    ]);
  });

  it('refuses the file whole and names every bad row with file:line and the problem', () => {
    const csv = [
      'Zeitstempel;Preis',
      '01.06.2025 00:00;12,5',
      '01.06.2025 00:10;12,5', // line 3: not a quarter hour
      '30.03.2025 02:15;9', // line 4: the clocks go forward at 02:00
      '01.06.2025 00:30;abc', // line 5: no price
      '01.06.2025 00:45;1.5', // line 6: a decimal point among commas
      '32.06.2025 00:00;1', // line 7: no such date
      '01.06.2025 00:00;3', // line 8: second time
      '01.06.2025 01:00;', // line 9: empty price
      '01.06.2025 01:15;2000', // line 10: out of range
    ].join('\n');
    const r = parseTariffCsv(csv, 'preise.csv', berlin);
    expect(r.prices).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'grid'],
      [4, 'gap'],
      [5, 'price'],
      [6, 'decimalMark'],
      [7, 'time'],
      [8, 'duplicate'],
      [9, 'columns'],
      [10, 'range'],
    ]);
    expect(tariffCsvProblemText(r.problems[5]!)).toBe("preise.csv:8: the quarter hour '01.06.2025 00:00' is given a second time (first in line 2)");
  });

  it('names an empty file', () => {
    const r = parseTariffCsv('Zeitstempel;Preis\n', 'leer.csv', berlin);
    expect(r.problems).toEqual([{ file: 'leer.csv', line: 0, code: 'empty', value: '' }]);
  });
});
