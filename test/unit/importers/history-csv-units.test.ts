/** History CSV: units from headers, unit lines and the user; interval-end stamps; warnings the preview must give. */
import { describe, expect, it } from 'vitest';
import { previewHistoryCsv, previewView } from '../../../main/core/importers/history-csv/history-import.js';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const kwhOf = (text: string, options = {}) => {
  const p = previewHistoryCsv(text, options);
  if (p.errors.length > 0) throw new Error(p.errors.map((e) => `${e.line}: ${e.message}`).join('; '));
  return p;
};

describe('units of a history file', () => {
  it.each(['Wert [kW]', 'Wert (kW)', 'Wirkleistung (kW)', 'P [kW]'])('"%s" is mean power: 4 kW over a quarter hour is 1 kWh', (header) => {
    const p = kwhOf(csv(`Zeitstempel;${header}`, '01.03.2024 00:00;4,0', '01.03.2024 00:15;8,0'));
    expect(p.kind).toBe('profile-kw');
    expect([p.unit, p.unitSource]).toEqual(['kW', 'header']);
    // 4 kW x 0.25 h = 1 kWh; 8 kW x 0.25 h = 2 kWh
    expect(p.intervals.map((i) => i.kwh)).toEqual([1, 2]);
  });

  it('"Zählerstand [MWh]" readings are converted to kWh (1 MWh = 1,000 kWh)', () => {
    const p = kwhOf(csv('Datum;Zählerstand [MWh]', '01.03.2024 00:00;100,00', '01.03.2024 00:15;100,01'));
    expect([p.kind, p.unit, p.unitSource]).toEqual(['readings', 'MWh', 'header']);
    // 100.01 MWh - 100.00 MWh = 0.01 MWh = 10 kWh
    expect(p.intervals).toHaveLength(1);
    expect(p.intervals[0]!.kwh).toBeCloseTo(10, 9);
  });

  it('an "Einheit;kW" line above the header sets the unit', () => {
    const p = kwhOf(csv('Zähler;4711', 'Einheit;kW', 'Datum;Uhrzeit;Wert', '01.03.2024;00:00;2', '01.03.2024;00:15;6'));
    expect([p.kind, p.unit, p.unitSource]).toEqual(['profile-kw', 'kW', 'unit-line']);
    expect(p.intervals.map((i) => i.kwh)).toEqual([0.5, 1.5]); // 2 kW and 6 kW over 0.25 h
  });

  it('W, Wh and GJ are recognised and converted', () => {
    // 4,000 W = 4 kW -> 1 kWh per quarter hour
    expect(kwhOf(csv('Zeitstempel;Leistung [W]', '01.03.2024 00:00;4000')).intervals[0]!.kwh).toBe(1);
    // 1,500 Wh = 1.5 kWh
    expect(kwhOf(csv('Zeitstempel;Energie [Wh]', '01.03.2024 00:00;1500')).intervals[0]!.kwh).toBe(1.5);
    // 0.036 GJ = 0.036 x 10^9 J / 3.6 x 10^6 J/kWh = 10 kWh
    const gj = kwhOf(csv('Datum;Zählerstand [GJ]', '01.03.2024 00:00;1,000', '01.03.2024 00:15;1,036'));
    expect(gj.intervals[0]!.kwh).toBeCloseTo(10, 9);
  });

  it('the unit option overrides the header, and the preview names the unit and its source', () => {
    const p = kwhOf(csv('Zeitstempel;Wert [kWh]', '01.03.2024 00:00;4'), { unit: 'kW' });
    expect([p.kind, p.unit, p.unitSource]).toEqual(['profile-kw', 'kW', 'option']);
    expect(p.intervals[0]!.kwh).toBe(1);
    const v = previewView(previewHistoryCsv(csv('Zeitstempel;Wert', '01.03.2024 00:00;4')));
    expect([v.unit, v.unitSource]).toEqual(['kWh', 'assumed']);
  });

  it('a unit that does not fit the kind of values is an error naming both', () => {
    const p = previewHistoryCsv(csv('Datum;Zählerstand', '01.03.2024 00:00;1'), { unit: 'kW' });
    expect(p.errors[0]).toEqual({ line: 1, message: 'the values are meter readings, but their unit kW measures power: choose the unit or the kind of values', code: 'unitIsPower', params: { unit: 'kW' } });
  });
});

describe('interval-end stamps', () => {
  /** 27.10.2024 (clocks go back at 03:00 CEST): quarter-hour ends 00:15 ... 24:00, the hour 02:15 ... 03:00 twice. */
  const octoberDay = () => {
    const out = ['Datum;Uhrzeit;Wert'];
    const stamp = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    for (let m = 15; m <= 180; m += 15) out.push(`27.10.2024;${stamp(m)};1,0`);
    for (let m = 135; m <= 1440; m += 15) out.push(`27.10.2024;${stamp(m)};1,0`);
    return csv(...out);
  };

  it("imports October's repeated hour written as 02:15 ... 03:00 twice: 25 hours, 100 quarter hours", () => {
    const p = kwhOf(octoberDay());
    expect(p.stampMarks).toBe('end');
    expect(p.intervals).toHaveLength(100); // 25 h x 4
    // first quarter hour starts 00:00 CEST = 26.10. 22:00 UTC; the last starts 23:45 CET = 27.10. 22:45 UTC
    expect(p.intervals[0]!.start).toBe(Date.UTC(2024, 9, 26, 22, 0));
    expect(p.intervals[99]!.start).toBe(Date.UTC(2024, 9, 27, 22, 45));
    // the two passes of 02:00-03:00 local: 00:00-01:00 UTC (summer) and 01:00-02:00 UTC (winter)
    expect(new Set(p.intervals.map((i) => i.start)).size).toBe(100);
    expect(p.stampMarksReason).toMatch(/03:00 twice on the day the clocks go back/);
  });

  it('decides from the whole file: a file starting at 23:30 whose day ends at 24:00 marks ends', () => {
    const p = kwhOf(csv('Datum;Uhrzeit;Wert', '01.03.2024;23:30;1', '01.03.2024;23:45;1', '01.03.2024;24:00;1', '02.03.2024;00:15;1'));
    expect(p.stampMarks).toBe('end');
    expect(p.stampMarksReason).toMatch(/24:00/);
    // 23:30 ends the quarter hour 23:15-23:30 CET = 22:15 UTC
    expect(p.intervals[0]!.start).toBe(Date.UTC(2024, 2, 1, 22, 15));
    const start = kwhOf(csv('Datum;Uhrzeit;Wert', '01.03.2024;00:00;1', '01.03.2024;00:15;1'));
    expect(start.stampMarks).toBe('start');
    expect(start.stampMarksReason).toMatch(/first row at 00:00/);
  });
});

describe('warnings in the preview', () => {
  it('names the line of a meter reading that goes backwards', () => {
    const p = previewHistoryCsv(csv('Datum;Zählerstand', '01.03.2024 00:00;100,0', '01.03.2024 00:15;101,0', '01.03.2024 00:30;90,0', '01.03.2024 00:45;91,0'));
    expect(p.errors).toEqual([]);
    expect(p.warnings[0]).toMatchObject({ line: 4 });
    expect(p.warnings[0]!.message).toMatch(/^meter reading 90,0 is below 101,0 on line 3: .*count as missing/);
  });

  it('a decimal point in a decimal-comma file is refused by line, not read as 30 kWh, and the preview warns', () => {
    const p = previewHistoryCsv(csv('Zeitstempel;Wert', '01.03.2024 00:00;0,25', '01.03.2024 00:15;0.30', '01.03.2024 00:30;1.234,5'));
    expect(p.decimalComma).toBe(true);
    expect(p.errors).toEqual([
      { line: 3, message: "value '0.30' has a decimal point, but this file writes decimal commas: read as 0,30? Correct the line or the file's number format", code: 'decimalPoint', params: { value: '0.30', suggestion: '0,30' } },
    ]);
    expect(p.rows.map((r) => r.value)).toEqual([0.25, 1234.5]);
    expect(p.warnings[0]!.message).toMatch(/^the file mixes decimal marks: 1 value \(line 3\)/);
    expect(p.intervals).toEqual([]);
  });
});
