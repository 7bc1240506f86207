import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../main/core/importers/history-csv/csv-lines.js';
import { parseNumber, parseWallClock } from '../../../main/core/importers/history-csv/csv-values.js';
import { previewHistoryCsv } from '../../../main/core/importers/history-csv/history-import.js';

describe('history CSV parsing', () => {
  it('reads German numbers and dates', () => {
    expect(parseNumber('1.234,56', true)).toBe(1234.56);
    expect(parseNumber('0,25', true)).toBe(0.25);
    expect(parseNumber('1,234.5', false)).toBe(1234.5);
    expect(parseNumber('abc', true)).toBeNull();
    expect(parseNumber('1,2,3', true)).toBeNull();
    expect(parseWallClock('01.03.2024 00:15')).toEqual({ ms: Date.UTC(2024, 2, 1, 0, 15), offsetKnown: false });
    expect(parseWallClock('31.02.2024 10:00')).toBeNull();
    expect(parseWallClock('2024-03-01T00:15:00+01:00')).toEqual({ ms: Date.UTC(2024, 1, 29, 23, 15), offsetKnown: true });
    expect(parseWallClock('2024-03-01 00:15')).toEqual({ ms: Date.UTC(2024, 2, 1, 0, 15), offsetKnown: false });
  });

  it('decodes Latin-1 exports and strips a BOM', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x5a, 0xe4, 0x68, 0x6c, 0x65, 0x72]))).toBe('Zähler');
    expect(decodeCsvBytes(new TextEncoder().encode('\ufeffDatum;Wert'))).toBe('Datum;Wert');
  });

  it('recognises a German load profile stamped at the interval end, with metadata lines above', () => {
    const csv = [
      'Zählpunkt;DE0001234567890000000000000012345',
      'Einheit;kWh',
      '',
      'Datum;Uhrzeit;Wert (kWh);Status',
      '01.03.2024;00:15;0,250;W',
      '01.03.2024;00:30;0,500;W',
      '01.03.2024;00:45;1.000,000;E',
    ].join('\r\n');
    const p = previewHistoryCsv(csv);
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ kind: 'profile-kwh', delimiter: ';', decimalComma: true });
    // the first row at 00:15 local is the end of the interval from local midnight (23:00 UTC the day before)
    expect(p.stampMarks).toBe('end');
    expect(p.rows.map((r) => r.value)).toEqual([0.25, 0.5, 1000]);
    expect(p.intervals.map((i) => i.start)).toEqual([Date.UTC(2024, 1, 29, 23, 0), Date.UTC(2024, 1, 29, 23, 15), Date.UTC(2024, 1, 29, 23, 30)]);
  });

  it('reads a single timestamp column ending at 00:15 as interval ends, and mean kW as kWh/4', () => {
    const csv = 'Zeitstempel;Leistung [kW]\n01.01.2024 00:15;4,0\n01.01.2024 00:30;8,0\n';
    const p = previewHistoryCsv(csv);
    expect(p).toMatchObject({ kind: 'profile-kw', stampMarks: 'end', errors: [] });
    expect(p.intervals).toEqual([
      { start: Date.UTC(2023, 11, 31, 23, 0), kwh: 1, quality: 'measured' },
      { start: Date.UTC(2023, 11, 31, 23, 15), kwh: 2, quality: 'measured' },
    ]);
  });

  it('reads the repeated hour of the October clock change in file order', () => {
    const lines = ['Von;Bis;kWh'];
    // local 01:45 .. 03:00 on 2024-10-27: 02:00-03:00 happens twice
    const starts = ['01:45', '02:00', '02:15', '02:30', '02:45', '02:00', '02:15', '02:30', '02:45', '03:00'];
    for (const s of starts) lines.push(`27.10.2024 ${s};;1,0`);
    const p = previewHistoryCsv(lines.join('\n'));
    expect(p.errors).toEqual([]);
    const utc = p.rows.map((r) => (r.ts - Date.UTC(2024, 9, 26, 23, 45)) / 60_000);
    expect(utc).toEqual([0, 15, 30, 45, 60, 75, 90, 105, 120, 135]);
  });

  it('reports every malformed line with its number', () => {
    const csv = [
      'Datum;Zählerstand',
      '01.03.2024 00:00;100,0',
      '01.03.2024 00:15;abc',
      '31.02.2024 00:30;101,0',
      '01.03.2024 00:45',
      '01.03.2024 00:00;102,0',
      '31.03.2024 02:30;103,0',
      '01.04.2024 00:00;104,0',
    ].join('\n');
    const p = previewHistoryCsv(csv);
    expect(p.kind).toBe('readings');
    expect(p.errors).toEqual([
      { line: 3, message: "value 'abc' is not a number", code: 'notNumber', params: { value: 'abc' } },
      { line: 4, message: "'31.02.2024 00:30' is not a date and time (dd.mm.yyyy hh:mm or yyyy-mm-dd hh:mm)", code: 'notDateTime', params: { value: '31.02.2024 00:30' } },
      { line: 5, message: "expected 2 fields separated by ';', found 1", code: 'columns', params: { expected: 2, found: 1, delimiter: ';' } },
      { line: 6, message: "'01.03.2024 00:00' is not after the line before", code: 'notAfter', params: { value: '01.03.2024 00:00' } },
      { line: 7, message: "'31.03.2024 02:30' does not exist in local time (the clocks go forward at 02:00)", code: 'noLocalTime', params: { value: '31.03.2024 02:30' } },
    ]);
    expect(p.intervals).toEqual([]);
  });

  it('rejects profile rows off the 15-minute grid and negative energy', () => {
    const p = previewHistoryCsv('Timestamp,kWh\n2024-05-01T00:00:00Z,1.5\n2024-05-01T00:20:00Z,1\n2024-05-01T00:30:00Z,-2\n');
    expect(p.delimiter).toBe(',');
    expect(p.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(p.errors[0]!.message).toMatch(/15-minute grid/);
    expect(p.errors[1]!.message).toMatch(/negative energy/);
  });

  it('names the problem in a file without any time column', () => {
    const p = previewHistoryCsv('Name;Wert\nx;1\n');
    expect(p.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(p.errors[0]!.message).toBe("'Name' is not a date and time (dd.mm.yyyy hh:mm or yyyy-mm-dd hh:mm)");
    expect(previewHistoryCsv('Datum;Wert\n').errors).toEqual([{ line: 0, message: 'no data lines', code: 'noDataLines', params: {} }]);
  });
});
