/**
 * The selected building's costs and comparisons below its panel, and the button to its tariffs. Fed with the same
 * analysis the dashboard shows (panel-replay.ts), so panel and dashboard agree on period and figures.
 */
import type { DistrictAnalysis } from '../../models/contract/index.js';
import type { Building } from '../../models/types.js';
import type { I18n } from '../i18n/i18n.js';
import { costFigures } from './cost-figures.js';
import { h } from './dom.js';

export class BuildingCosts {
  private building: Building | null = null;
  private analysis: DistrictAnalysis | null = null;
  private readonly figures = h('div', { 'data-testid': 'panel-costs-slot' });
  private readonly section: HTMLElement;

  constructor(
    private readonly i18n: I18n,
    private readonly timeZone: string,
    onTariffs: (b: Building) => void,
  ) {
    const open = h('button', { type: 'button', class: 'tariffs-open', 'data-testid': 'tariffs-open', text: i18n.t('tariffs.open') });
    open.addEventListener('click', () => {
      if (this.building) onTariffs(this.building);
    });
    this.section = h('div', { class: 'building-costs' }, this.figures, open);
  }

  /** Places the block into the panel that now shows b (the panel rebuilds its content on every selection). */
  attach(panelRoot: HTMLElement, b: Building): void {
    this.building = b;
    panelRoot.append(this.section);
    this.render();
  }

  show(a: DistrictAnalysis): void {
    this.analysis = a;
    this.render();
  }

  private render(): void {
    const b = this.analysis?.buildings.find((x) => x.buildingId === this.building?.id);
    this.figures.replaceChildren(b === undefined ? '' : costFigures(this.i18n, b.costs, b.comparison, this.timeZone, 'panel-costs'));
  }
}
