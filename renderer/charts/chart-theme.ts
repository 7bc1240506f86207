/** Chart colours follow the page's CSS custom properties, so light and dark themes keep their contrast. */
export interface ChartColors {
  readonly text: string;
  readonly grid: string;
  readonly grid2: string;
  readonly generation: string;
  readonly consumption: string;
  readonly gridPower: string;
}

export function readChartColors(el: Element): ChartColors {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--fg', '#1a1a1a'),
    grid: v('--grid', '#d0d0d0'),
    grid2: v('--muted', '#666'),
    generation: v('--generation', '#1b7837'),
    consumption: v('--consumption', '#b2182b'),
    gridPower: v('--grid-power', '#2456a6'),
  };
}
