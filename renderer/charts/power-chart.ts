/**
 * A day's power of the selected building as lines (grid, generation, consumption), fed by series and, for today,
 * by live events; a vertical line marks where the time bar stands.
 */
import { Chart, type Plugin, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { PowerSample } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { mergePowerSamples, powerPoints } from './chart-data.js';
import { readChartColors } from './chart-theme.js';

const TICK_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

export class PowerChart {
  private readonly chart: Chart<'line', { x: number; y: number }[]>;
  private samples: PowerSample[] = [];
  /** Samples before this instant (the start of "today") are not shown. */
  private from = -Infinity;
  /** Samples from this instant on belong to the next day and are not shown. */
  private to = Infinity;
  private marker: number | null = null;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly i18n: I18n,
    private readonly timeZone: string,
  ) {
    const c = readChartColors(canvas);
    const markerLine: Plugin<'line'> = {
      id: 'plustwinMarker',
      afterDatasetsDraw: (chart) => {
        const x = this.marker === null ? undefined : chart.scales['x']?.getPixelForValue(this.marker);
        if (x === undefined || !Number.isFinite(x) || x < chart.chartArea.left || x > chart.chartArea.right) return;
        const ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = c.text;
        ctx.lineWidth = 2;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(x, chart.chartArea.top);
        ctx.lineTo(x, chart.chartArea.bottom);
        ctx.stroke();
        ctx.restore();
      },
    };
    const line = (label: string, color: string) => ({
      label,
      data: [] as { x: number; y: number }[],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 0,
      tension: 0.2,
    });
    this.chart = new Chart(canvas, {
      type: 'line',
      plugins: [markerLine],
      data: {
        datasets: [
          line(i18n.t('panel.grid'), c.gridPower),
          line(i18n.t('panel.generation'), c.generation),
          line(i18n.t('panel.consumption'), c.consumption),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        locale: i18n.locale,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          // small boxes keep the three series on one line above the plot in a narrow panel
          legend: { labels: { color: c.text, boxWidth: 12, boxHeight: 12 } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? i18n.time(items[0].parsed.x ?? 0, this.timeZone) : ''),
              label: (item) => `${item.dataset.label ?? ''}: ${i18n.number(item.parsed.y ?? 0, 2)} kW`,
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            ticks: { color: c.text, maxRotation: 0, callback: (v) => i18n.time(Number(v), this.timeZone) },
            grid: { color: c.grid },
            // a whole day reads best in 3-hour steps from its local midnight, not at round UTC numbers
            afterBuildTicks: (axis) => {
              const { min, max } = axis;
              if (!Number.isFinite(min) || !Number.isFinite(max) || max - min > 2 * DAY_MS || max <= min) return;
              // upright labels: 3-hour steps where "00:00" fits about 3.5 times between two ticks, else 6-hour steps
              const step = axis.width / ((max - min) / TICK_MS) >= 44 ? TICK_MS : 2 * TICK_MS;
              const ticks = [];
              for (let v = min; v <= max; v += step) ticks.push({ value: v });
              axis.ticks = ticks;
            },
          },
          y: {
            ticks: { color: c.text, callback: (v) => i18n.number(Number(v), 1) },
            grid: { color: c.grid },
            title: { display: true, text: 'kW', color: c.text },
          },
        },
      },
    });
  }

  /** Replaces the shown samples with those from `from` on (a new building or a new day). */
  set(samples: readonly PowerSample[], from: number): void {
    this.from = from;
    this.samples = mergePowerSamples([], samples.filter((s) => s.ts >= from));
    // the axis starts at local midnight so that "today" reads as a day, even before the first sample
    const x = this.chart.options.scales?.['x'];
    if (x) x.min = from;
    this.update();
  }

  /** Shows one day [from, to) with a marker at `marker` (the time bar's instant). */
  setDay(samples: readonly PowerSample[], from: number, to: number, marker: number | null): void {
    this.to = to;
    this.marker = marker;
    const x = this.chart.options.scales?.['x'];
    if (x) x.max = to;
    this.set(samples.filter((s) => s.ts < to), from);
  }

  setMarker(marker: number | null): void {
    if (marker === this.marker) return;
    this.marker = marker;
    this.chart.update('none');
  }

  append(sample: PowerSample): void {
    if (!(sample.ts >= this.from) || !(sample.ts < this.to)) return;
    this.samples = mergePowerSamples(this.samples, [sample]);
    this.update();
  }

  /** Time span of the samples shown, or null when empty. */
  get span(): { first: number; last: number } | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    return first && last ? { first: first.ts, last: last.ts } : null;
  }

  get pointCount(): number {
    return this.chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
  }

  destroy(): void {
    this.chart.destroy();
  }

  private update(): void {
    const [grid, gen, cons] = this.chart.data.datasets;
    grid!.data = powerPoints(this.samples, 'gridKw');
    gen!.data = powerPoints(this.samples, 'generationKw');
    cons!.data = powerPoints(this.samples, 'consumptionKw');
    this.chart.update('none');
  }
}
