/**
 * The district's CO2 path to 2045 (Klimaschutzgesetz) as the analysis computes it ('district.co2Path'): measured
 * tonnes per year as bars, the straight target path from the base year to zero as a line, and the measured trend's
 * projection where there is one. The chart draws the API's points as they are.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Co2PathResult, PlusTwinApi } from '../../models/contract/index.js';
import { readChartColors } from '../charts/chart-theme.js';
import { callApi, errorText } from '../devices/devices-api.js';
import { noteText } from '../../models/i18n/analysis-notes.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { wallTime } from '../time/zoned-time.js';
import { ensureFilesStyles } from './files-style.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Co2DialogOptions {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly timeZone: string;
  /** The collector's clock: the path's years run up to its year. */
  readonly now: number;
}

/** Years of measurements asked for: the path rests on complete years among them (the core decides which). */
const YEARS_BACK = 10;

/** The chart's series on one axis of years: each value is a figure of the answer or null where it has none. */
export function co2Series(r: Co2PathResult): { years: number[]; measured: (number | null)[]; path: (number | null)[]; trend: (number | null)[] } {
  const p = r.path;
  // the axis starts at the first year with emissions: years asked for before the first meter add only empty space
  const measuredYears = r.years.filter((y) => y.tonnes > 0);
  const first = Math.min(...measuredYears.map((y) => y.year), p?.baseYear ?? Number.POSITIVE_INFINITY);
  const last = p?.targetYear ?? Math.max(...measuredYears.map((y) => y.year));
  const years = Number.isFinite(first) && Number.isFinite(last) ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  const measured = new Map(measuredYears.map((y) => [y.year, y.tonnes]));
  const target = new Map((p?.path ?? []).map((q) => [q.year, q.tonnes]));
  // the trend is two points the core gives: the base year and its projection for the target year
  const trend = new Map<number, number>();
  if (p && p.projectedTargetTonnes !== null) {
    trend.set(p.baseYear, p.baseTonnes);
    trend.set(p.targetYear, p.projectedTargetTonnes);
  }
  return { years, measured: years.map((y) => measured.get(y) ?? null), path: years.map((y) => target.get(y) ?? null), trend: years.map((y) => trend.get(y) ?? null) };
}

export async function openCo2Dialog(o: Co2DialogOptions): Promise<void> {
  const { api, i18n } = o;
  ensureFilesStyles(document);
  const canvas = h('canvas', { 'data-testid': 'co2-canvas', role: 'img', 'aria-label': i18n.t('co2.chartLabel') });
  const summary = h('div', { 'data-testid': 'co2-summary', 'aria-live': 'polite' }, h('p', { text: i18n.t('panel.loading') }));
  const message = h('p', { class: 'dev-error', role: 'alert', 'data-testid': 'co2-error' });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog files-dialog files-wide', 'aria-labelledby': 'co2-title', 'data-testid': 'co2-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'co2-title', text: i18n.t('co2.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('co2.hint') }),
      h('div', { class: 'co2-chart' }, canvas),
      summary,
      message,
      h('div', { class: 'dev-actions' }, close),
    ),
  );
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());
  document.body.append(dialog);
  dialog.showModal();

  let chart: Chart | null = null;
  const year = wallTime(o.now, o.timeZone).year;
  try {
    const r = await callApi(api, 'district.co2Path', { fromYear: year - YEARS_BACK, toYear: year });
    const s = co2Series(r);
    const c = readChartColors(canvas);
    const tonnes = (v: number) => `${i18n.number(v, 1)} t`;
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: s.years.map(String),
        datasets: [
          { type: 'bar', label: i18n.t('co2.measured'), data: s.measured, backgroundColor: c.consumption, order: 2 },
          { type: 'line', label: i18n.t('co2.path'), data: s.path, borderColor: c.generation, backgroundColor: c.generation, pointRadius: 2, spanGaps: false, order: 1 },
          // without a trend (fewer than two complete years) the legend does not offer one
          ...(s.trend.some((v) => v !== null)
            ? [{ type: 'line' as const, label: i18n.t('co2.trend'), data: s.trend, borderColor: c.grid2, backgroundColor: c.grid2, borderDash: [6, 4], pointRadius: 3, spanGaps: true, order: 0 }]
            : []),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: i18n.locale,
        plugins: {
          legend: { labels: { color: c.text } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${tonnes(item.parsed.y ?? 0)}` } },
        },
        scales: {
          x: { ticks: { color: c.text, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: c.text, callback: (v) => i18n.number(Number(v), 0) }, grid: { color: c.grid }, title: { display: true, text: i18n.t('co2.axis'), color: c.text } },
        },
      },
    });
    // what was drawn, for the e2e test to compare with the API's answer
    canvas.dataset['series'] = JSON.stringify(s);
    const p = r.path;
    const lines =
      p === null
        ? [i18n.t('co2.noData')]
        : [
            i18n.t(r.basis.kind === 'calendar-years' ? 'co2.baseYear' : 'co2.baseRolling', { year: String(p.baseYear), tonnes: tonnes(p.baseTonnes) }),
            i18n.t('co2.needed', { tonnes: tonnes(p.neededPerYearTonnes), target: String(p.targetYear), targetTonnes: tonnes(p.targetTonnes) }),
            p.trendPerYearTonnes === null ? i18n.t('co2.noTrend') : i18n.t('co2.trendPerYear', { tonnes: tonnes(p.trendPerYearTonnes) }),
            p.onTrack === null ? '' : i18n.t(p.onTrack ? 'co2.onTrack' : 'co2.offTrack'),
          ];
    summary.replaceChildren(
      ...lines.filter((l) => l !== '').map((text) => h('p', { text })),
      h('p', { class: 'dev-hint', text: i18n.t('co2.factors', { set: r.co2Set.name }) }),
      // the path's assumptions in the user's language (the analysis' notes; r.assumptions is their English text)
      h(
        'details',
        { 'data-testid': 'co2-notes' },
        h('summary', { text: i18n.t('co2.assumptions') }),
        h('ul', { class: 'dev-hint' }, ...r.notes.map((n) => h('li', { text: noteText(i18n.lang, n) }))),
      ),
    );
  } catch (e) {
    summary.replaceChildren();
    message.textContent = errorText(e, i18n);
  }
  await done;
  chart?.destroy();
  dialog.remove();
}
