import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { renderReportHtml } from '../../../main/core/reports/report-html.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import { progressBar } from '../../../main/core/reports/progress-bar.js';
import { parsePeriod as parse, PeriodError } from '../../../main/core/reports/report-period.js';
import { SyntheticStore } from './synthetic-store.js';
import { FakeStore } from './fake-store.js';
import { BUILDINGS, DEVICES, POINTS, SITE } from './fixture-district.js';

const DAY = parsePeriod('2025-06-02', 'Europe/Berlin');

const canvases = (html: string): string[] => [...html.matchAll(/<canvas data-chart="([^"]+)"/g)].map((m) => m[1]!);

describe('renderReportHtml', () => {
  it('has a canvas for every chart spec and a spec for every canvas, for small and large districts', async () => {
    for (const n of [3, 60]) {
      const data = await assembleReport(new SyntheticStore(n), { period: DAY });
      const r = renderReportHtml(data);
      expect(canvases(r.html).sort()).toEqual(r.charts.map((c) => c.id).sort());
      // cover, summary, one page per building, sharing, PV, method, quality
      expect(r.html.match(/<section class="(page|cover)"/g)).toHaveLength(n + 6);
    }
  });

  it('escapes names from the data and keeps the embedded JSON from closing its script', async () => {
    const store = new FakeStore();
    const evil = { ...BUILDINGS[0]!, name: '<script>alert(1)</script> & "Haus"' };
    await store.saveDistrict({ ...SITE, name: 'Quartier </script><b>' }, [evil], DEVICES, POINTS.filter((p) => p.buildingId === evil.id));
    const data = await assembleReport(store, { period: DAY });
    const { html } = renderReportHtml(data);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Haus&quot;');
    const json = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toBeInstanceOf(Array);
  });

  it('names the medium of every point, a water meter too (the typed keys found it printed as carrier.water)', async () => {
    const store = new FakeStore();
    const house = BUILDINGS[0]!;
    const water = { ...POINTS.find((p) => p.buildingId === house.id)!, id: `${house.id}.water`, name: 'Wasserzähler', medium: 'water' as const, unit: 'm³', role: 'info' as const };
    await store.saveDistrict(SITE, [house], DEVICES, [...POINTS.filter((p) => p.buildingId === house.id), water]);
    for (const [lang, word] of [['de', 'Wasser'], ['en', 'Water']] as const) {
      const { html } = renderReportHtml(await assembleReport(store, { period: DAY, lang }));
      expect(html).toContain(`Wasserzähler (${house.id}.water): ${word}`);
      expect(html).not.toContain('carrier.');
    }
  });

  it('prints the English texts and the period in the site time zone', async () => {
    const data = await assembleReport(new SyntheticStore(2), { period: DAY, lang: 'en' });
    const { html, footerTemplate } = renderReportHtml(data);
    expect(html).toContain('Energy balance report');
    expect(html).toContain('02/06/2025 – 02/06/2025');
    expect(footerTemplate).toContain('class="pageNumber"');
    expect(footerTemplate).toContain('Page');
  });
});

describe('parsePeriod', () => {
  it('reads years, months, days and inclusive ranges in local time', () => {
    expect(parse('2025', 'Europe/Berlin')).toMatchObject({ from: Date.UTC(2024, 11, 31, 23), to: Date.UTC(2025, 11, 31, 23) });
    expect(parse('2025-10', 'Europe/Berlin')).toMatchObject({ from: Date.UTC(2025, 8, 30, 22), to: Date.UTC(2025, 9, 31, 23) });
    expect(parse('2025-10-26', 'Europe/Berlin').to - parse('2025-10-26', 'Europe/Berlin').from).toBe(25 * 3_600_000);
    expect(parse('2025-01-01..2025-01-31', 'UTC')).toMatchObject({ from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 1, 1) });
  });

  it('names what is wrong', () => {
    expect(() => parse('2025-13', 'Europe/Berlin')).toThrow(/no month 13/);
    expect(() => parse('2025-02-30', 'Europe/Berlin')).toThrow(/not a calendar date/);
    expect(() => parse('last year', 'Europe/Berlin')).toThrow(PeriodError);
    expect(() => parse('2025-03-01..2025-02-01', 'Europe/Berlin')).toThrow(/ends before it starts/);
    expect(() => parse('2025', 'Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });
});

describe('progressBar', () => {
  it('writes one line per tenth when not on a terminal, and redraws in place on one', () => {
    const lines: string[] = [];
    const plain = progressBar({ write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream);
    for (let i = 0; i <= 100; i++) plain.update(i / 100, 'x');
    plain.done();
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('100 % x\n');
    const tty: string[] = [];
    const bar = progressBar({ isTTY: true, write: (s: string) => tty.push(s) } as unknown as NodeJS.WritableStream, 10);
    bar.update(0.5, 'half');
    bar.update(1, 'done');
    bar.done();
    expect(tty[0]).toMatch(/^\r\[#####\.\.\.\.\.\]  50 % half/);
    expect(tty.at(-1)).toBe('\n');
  });
});
