import { describe, expect, it } from 'vitest';
import type { ApiEvents, ArgsOf, BuildingSeries, MethodName, PlusTwinApi, ResultOf } from '../../../models/contract/index.js';
import { ok, type Result } from '../../../models/result.js';
import { createI18n } from '../../../renderer/i18n/i18n.js';
import type { AlarmList } from '../../../renderer/panels/alarms.js';
import type { BuildingPanel } from '../../../renderer/panels/building-panel.js';
import type { DistrictDashboard } from '../../../renderer/panels/district-dashboard.js';
import { PanelReplay, type ReplayPosition } from '../../../renderer/panels/panel-replay.js';

const TZ = 'Europe/Berlin';
const H = 3600_000;
/** 2025-06-10 00:00 Berlin */
const DAY0 = Date.UTC(2025, 5, 9, 22);
const NOW = DAY0 + 12 * H;

interface Pending {
  readonly method: MethodName;
  readonly args: Record<string, unknown>;
  answer(value: unknown): Promise<void>;
}

function fakeApi() {
  const pending: Pending[] = [];
  const api: PlusTwinApi = {
    call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>> {
      return new Promise((resolve) => {
        pending.push({
          method,
          args: args as Record<string, unknown>,
          answer: async (value) => {
            resolve(ok(value as ResultOf<M>));
            for (let i = 0; i < 10; i++) await Promise.resolve();
          },
        });
      });
    },
    on: <E extends keyof ApiEvents>(_e: E, _l: (p: ApiEvents[E]) => void) => () => undefined,
  };
  const take = (method: MethodName): Pending[] => {
    const out = pending.filter((p) => p.method === method);
    for (const p of out) pending.splice(pending.indexOf(p), 1);
    return out;
  };
  return { api, pending, take };
}

function setup() {
  const f = fakeApi();
  const seen = {
    days: [] as [BuildingSeries, number][],
    bars: [] as [BuildingSeries, string][],
    focus: [] as number[],
    periods: [] as string[],
    dashboards: [] as string[],
    alarms: [] as number[],
    alarmPeriods: [] as string[],
    carriers: [] as string[],
    analyses: [] as (string | undefined)[],
  };
  const panel = {
    buildingId: 'b1',
    setPeriod: (l: string) => seen.periods.push(l),
    setFocus: (t: number) => seen.focus.push(t),
    setDay: (s: BuildingSeries, day: { from: number }) => seen.days.push([s, day.from]),
    setAnalysis: (a: { buildingId: string } | undefined) => seen.analyses.push(a?.buildingId),
    setCarriers: (_s: unknown, title: string) => seen.carriers.push(`panel|${title}`),
    setBars: (s: BuildingSeries, bars: { resolution: string }) => seen.bars.push([s, bars.resolution]),
  } as unknown as BuildingPanel;
  const dashboard = {
    show: (_a: unknown, label: string) => seen.dashboards.push(label),
    showError: () => undefined,
    setCarriers: (_s: unknown, title: string) => seen.carriers.push(`district|${title}`),
  } as unknown as DistrictDashboard;
  const alarms = {
    showImplausible: (list: readonly unknown[], period: string) => {
      seen.alarms.push(list.length);
      seen.alarmPeriods.push(period);
    },
  } as unknown as AlarmList;
  const replay = new PanelReplay(f.api, { panel: () => panel, dashboard, alarms: () => alarms, district: () => null }, createI18n('de'), TZ);
  return { ...f, seen, replay };
}

const series = (from: number, resolution: BuildingSeries['resolution']): BuildingSeries => ({
  buildingId: 'b1',
  resolution,
  energy: [{ start: from, consumptionKwh: 1, generationKwh: 0, importKwh: 1, exportKwh: 0, quality: 'measured' }],
  power: [],
});

const at = (scope: ReplayPosition['scope'], to: number, live = false): ReplayPosition => ({ scope, live, period: { from: DAY0, to }, now: NOW, frame: { from: DAY0, to: DAY0 + 24 * H } });

describe('PanelReplay: the panel, dashboard and alarms at the time bar position', () => {
  it('loads the slider day at 15 minutes, its month by day, the analysis and the implausible values of the period', async () => {
    const t = setup();
    t.replay.update(at('day', DAY0 + 3 * H));
    const [day] = t.take('building.series').filter((p) => p.args['resolution'] === '15min');
    expect(day!.args).toMatchObject({ buildingId: 'b1', from: DAY0, to: DAY0 + 24 * H });
    const [analysis] = t.take('district.analysis');
    expect(analysis!.args).toEqual({ from: DAY0, to: DAY0 + 3 * H, resolution: '15min' });
    const [implausible] = t.take('alarms.implausible');
    expect(implausible!.args).toEqual({ from: DAY0, to: DAY0 + 3 * H });
    expect(t.seen.focus).toEqual([DAY0 + 3 * H]);
    expect(t.seen.periods[0]).toMatch(/10\.06\.2025, 00:00\s?–\s?03:00/);

    await day!.answer(series(DAY0, '15min'));
    await analysis!.answer({ period: { from: DAY0, to: DAY0 + 3 * H }, buildings: [{ buildingId: 'b1' }] });
    await implausible!.answer([{ pointId: 'p', buildingId: 'b1', start: DAY0, kwh: 1, avgKw: 4, peakKw: null, limitKw: 1 }]);
    expect(t.seen.days.map(([, from]) => from)).toEqual([DAY0]);
    expect(t.seen.dashboards).toHaveLength(1);
    expect(t.seen.alarms).toEqual([1]);
    // the panel shows its building from the same analysis as the dashboard
    expect(t.seen.analyses).toEqual(['b1']);
  });

  it('names one period on every view: the panel, the dashboard and the alarms agree, live too', async () => {
    const t = setup();
    // live at 12:07 (NOW + 7 min): the analysed period ends with the last whole quarter hour, 12:00
    const live: ReplayPosition = { ...at('day', NOW + 7 * 60_000, true), now: NOW + 7 * 60_000 };
    t.replay.update(live);
    const [analysis] = t.take('district.analysis');
    expect(analysis!.args).toEqual({ from: DAY0, to: NOW, resolution: '15min' });
    const [implausible] = t.take('alarms.implausible');
    // the alarms search the running quarter hour too (to 12:15) and say so; their period is the same
    expect(implausible!.args).toEqual({ from: DAY0, to: NOW + 15 * 60_000 });
    await analysis!.answer({ period: { from: DAY0, to: NOW }, buildings: [] });
    await implausible!.answer([]);
    const period = /10\.06\.2025, 00:00\s?–\s?12:00/;
    expect(t.seen.periods[0]).toMatch(period);
    expect(t.seen.dashboards[0]).toMatch(period);
    expect(t.seen.alarmPeriods[0]).toMatch(period);
    expect(t.seen.alarmPeriods[0]).toMatch(/laufende Viertelstunde/);
  });

  it('loads the heat and fuels of the scope: hours of a day, days of a week or month, months of a year', async () => {
    const t = setup();
    t.replay.update(at('day', DAY0 + 3 * H));
    const calls = t.take('carriers.series');
    expect(calls.map((c) => c.args)).toEqual([
      { buildingId: 'b1', from: DAY0, to: DAY0 + 24 * H, step: 'hour' },
      { from: DAY0, to: DAY0 + 24 * H, step: 'hour' },
    ]);
    for (const c of calls) await c.answer({ buildingId: c.args['buildingId'] ?? null, carriers: [] });
    expect(t.seen.carriers).toEqual([
      'panel|Wärme und Brennstoffe je Stunde am Dienstag, 10. Juni 2025 (kWh)',
      'district|Wärme und Brennstoffe je Stunde am Dienstag, 10. Juni 2025 (kWh)',
    ]);
    t.replay.update({ ...at('week', DAY0 + 3 * H), frame: { from: DAY0 - 24 * H, to: DAY0 + 6 * 24 * H } });
    expect(t.take('carriers.series').map((c) => c.args['step'])).toEqual(['day', 'day']);
  });

  it('asks the bars of the slider month by day, of the year by month', async () => {
    const t = setup();
    t.replay.update(at('month', DAY0 + 3 * H));
    const bars = () => t.take('building.series').filter((p) => p.args['resolution'] !== '15min');
    const [month] = bars();
    expect(month!.args).toMatchObject({ from: Date.UTC(2025, 4, 31, 22), to: Date.UTC(2025, 5, 30, 22), resolution: 'day' });
    t.replay.update(at('year', DAY0 + 3 * H));
    // the month's call is still in flight: the year waits for it, then goes alone
    expect(bars()).toEqual([]);
    await month!.answer(series(DAY0, 'day'));
    const [year] = bars();
    expect(year!.args).toMatchObject({ from: Date.UTC(2024, 11, 31, 23), to: Date.UTC(2025, 11, 31, 23), resolution: 'month' });
    await year!.answer(series(DAY0, 'month'));
    expect(t.seen.bars.map(([, r]) => r)).toEqual(['month']);
  });

  it('while playing through days, one call at a time: stale days are never drawn, the newest is', async () => {
    const t = setup();
    t.replay.update(at('month', DAY0 + 24 * H));
    for (let d = 2; d <= 6; d++) t.replay.update(at('month', DAY0 + d * 24 * H));
    const first = t.take('building.series').filter((p) => p.args['resolution'] === '15min');
    expect(first.map((p) => p.args['from'])).toEqual([DAY0]);
    await first[0]!.answer(series(DAY0, '15min'));
    expect(t.seen.days).toEqual([]);
    const next = t.take('building.series').filter((p) => p.args['resolution'] === '15min');
    expect(next.map((p) => p.args['from'])).toEqual([DAY0 + 5 * 24 * H]);
    await next[0]!.answer(series(DAY0 + 5 * 24 * H, '15min'));
    expect(t.seen.days.map(([, from]) => from)).toEqual([DAY0 + 5 * 24 * H]);
    // back to the first day: from the cache, no call
    t.replay.update(at('month', DAY0 + 24 * H));
    expect(t.take('building.series').filter((p) => p.args['resolution'] === '15min')).toEqual([]);
    expect(t.seen.days.map(([, from]) => from)).toEqual([DAY0 + 5 * 24 * H, DAY0]);
    expect(t.replay.callCounts().day).toBe(2);
  });
});
