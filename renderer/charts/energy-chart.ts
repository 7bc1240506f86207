/** Energy per bucket (hour of today, day of this month) as grouped bars: generation next to consumption. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { SeriesBucket } from '../../models/contract.js';
import type { I18n } from '../i18n/i18n.js';
import { energyBars } from './chart-data.js';
import { readChartColors } from './chart-theme.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export class EnergyChart {
  private readonly chart: Chart<'bar', number[], string>;
  private notMeasured: boolean[] = [];

  constructor(
    canvas: HTMLCanvasElement,
    private readonly i18n: I18n,
    private readonly labelOf: (start: number) => string,
  ) {
    const c = readChartColors(canvas);
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: i18n.t('panel.generation'), data: [], backgroundColor: c.generation },
          { label: i18n.t('panel.consumption'), data: [], backgroundColor: c.consumption },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: i18n.locale,
        plugins: {
          legend: { labels: { color: c.text } },
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

  set(buckets: readonly SeriesBucket[]): void {
    const bars = energyBars(buckets, this.labelOf);
    this.notMeasured = bars.notMeasured;
    this.chart.data.labels = bars.labels;
    this.chart.data.datasets[0]!.data = bars.generation;
    this.chart.data.datasets[1]!.data = bars.consumption;
    this.chart.update('none');
  }

  get pointCount(): number {
    return this.chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
