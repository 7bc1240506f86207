/**
 * Heat and the fuels over time (every carrier but electricity, which has its own charts): consumption per local
 * hour, day or month as grouped bars, one colour per carrier from the page's CSS variables. Buckets without data
 * are gaps, never 0.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { CarrierSeriesResult } from '../../models/contract/index.js';
import type { Carrier } from '../../models/energy/carriers.js';
import type { I18n } from '../i18n/i18n.js';
import { carrierBars } from './carrier-data.js';
import { readChartColors } from './chart-theme.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export class CarrierChart {
  private readonly chart: Chart<'bar', (number | null)[], string>;
  private carriers: Carrier[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly i18n: I18n,
  ) {
    const c = readChartColors(canvas);
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: i18n.locale,
        plugins: {
          legend: { labels: { color: c.text, boxWidth: 12, boxHeight: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${i18n.number(item.parsed.y ?? 0, 1)} kWh` } },
        },
        scales: {
          x: { ticks: { color: c.text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ticks: { color: c.text, callback: (v) => i18n.number(Number(v), 0) },
            grid: { color: c.grid },
            title: { display: true, text: 'kWh', color: c.text },
          },
        },
      },
    });
  }

  /** Shows the series' carriers but electricity; labelOf names a bucket start. */
  set(series: CarrierSeriesResult, labelOf: (start: number) => string): void {
    const bars = carrierBars(series, labelOf);
    const css = getComputedStyle(this.canvas);
    const colour = (carrier: string): string => css.getPropertyValue(`--carrier-${carrier}`).trim() || css.getPropertyValue('--muted').trim() || '#666';
    this.carriers = bars.series.map((s) => s.carrier);
    this.chart.data.labels = bars.labels;
    this.chart.data.datasets = bars.series.map((s) => ({
      label: `${this.i18n.t(`carrier.${s.carrier}`)}${s.derived ? ` (${this.i18n.t('carriers.derivedShort')})` : ''}`,
      data: s.values,
      backgroundColor: colour(s.carrier),
      borderWidth: 0,
    }));
    this.chart.update('none');
  }

  /** The carriers shown and their bucket count, for the debug hook. */
  get shown(): { readonly carriers: readonly Carrier[]; readonly buckets: number } {
    return { carriers: this.carriers, buckets: this.chart.data.labels?.length ?? 0 };
  }

  destroy(): void {
    this.chart.destroy();
  }
}
