/**
 * Energy per bucket (hours of a day, days of a month, months of a year) as grouped bars: generation next to
 * consumption; the bucket the time bar stands in is outlined.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { SeriesBucket } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { bucketIndexAt, energyBars } from './chart-data.js';
import { readChartColors } from './chart-theme.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export class EnergyChart {
  private readonly chart: Chart<'bar', number[], string>;
  private notMeasured: boolean[] = [];
  private starts: number[] = [];
  private focusIndex = -1;
  private labelOf: (start: number) => string;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly i18n: I18n,
    labelOf: (start: number) => string,
  ) {
    this.labelOf = labelOf;
    const c = readChartColors(canvas);
    const outline = (ctx: { dataIndex: number }) => (ctx.dataIndex === this.focusIndex ? 3 : 0);
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: i18n.t('panel.generation'), data: [], backgroundColor: c.generation, borderColor: c.text, borderWidth: outline },
          { label: i18n.t('panel.consumption'), data: [], backgroundColor: c.consumption, borderColor: c.text, borderWidth: outline },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: i18n.locale,
        plugins: {
          legend: { labels: { color: c.text, boxWidth: 12, boxHeight: 12 } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: ${i18n.number(item.parsed.y ?? 0, 2)} kWh${this.notMeasured[item.dataIndex] ? ' *' : ''}`,
            },
          },
        },
        scales: {
          x: { ticks: { color: c.text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ticks: { color: c.text, callback: (v) => i18n.number(Number(v), 1) },
            grid: { color: c.grid },
            title: { display: true, text: 'kWh', color: c.text },
          },
        },
      },
    });
  }

  /** Replaces the bars; labelOf names the buckets when their size changed (days of a month, months of a year). */
  set(buckets: readonly SeriesBucket[], labelOf?: (start: number) => string): void {
    if (labelOf) this.labelOf = labelOf;
    const bars = energyBars(buckets, this.labelOf);
    this.notMeasured = bars.notMeasured;
    this.starts = [...buckets].map((b) => b.start).sort((a, b) => a - b);
    this.chart.data.labels = bars.labels;
    this.chart.data.datasets[0]!.data = bars.generation;
    this.chart.data.datasets[1]!.data = bars.consumption;
    this.chart.update('none');
  }

  /** Outlines the bar holding ts (the time bar's position); null outlines none. */
  setFocus(ts: number | null): void {
    const index = ts === null ? -1 : bucketIndexAt(this.starts, ts);
    if (index === this.focusIndex) return;
    this.focusIndex = index;
    this.chart.update('none');
  }

  /** What the chart shows, for the debug hook: bucket starts and the two series, kWh. */
  get data(): { readonly starts: readonly number[]; readonly generation: readonly number[]; readonly consumption: readonly number[]; readonly focusIndex: number } {
    return {
      starts: this.starts,
      generation: [...(this.chart.data.datasets[0]?.data ?? [])],
      consumption: [...(this.chart.data.datasets[1]?.data ?? [])],
      focusIndex: this.focusIndex,
    };
  }

  get pointCount(): number {
    return this.chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
