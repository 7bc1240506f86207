/**
 * Colour scales for the district: a diverging red-neutral-green scale for balances (deficit / surplus) and
 * sequential scales for shares and intensities. Pure functions so the legend and the scene agree by construction.
 */
export type Rgb = readonly [number, number, number];

export interface ColorStop {
  /** 0..1 along the scale. */
  readonly at: number;
  readonly rgb: Rgb;
}

export interface ColorScale {
  readonly kind: 'diverging' | 'sequential';
  readonly min: number;
  readonly max: number;
  readonly stops: readonly ColorStop[];
  color(value: number | null): Rgb;
}

/** Buildings without data: a neutral grey that is distinct from the scale's middle. */
export const NO_DATA_RGB: Rgb = [0.55, 0.57, 0.6];

const hex = (h: string): Rgb => {
  const n = Number.parseInt(h.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};

// ColorBrewer-like RdYlGn ends, readable for the common red-green weakness because lightness differs as well
export const DEFICIT_STOPS: readonly ColorStop[] = [
  { at: 0, rgb: hex('#b2182b') },
  { at: 0.25, rgb: hex('#ef8a62') },
  { at: 0.5, rgb: hex('#f7f7f7') },
  { at: 0.75, rgb: hex('#7fbf7b') },
  { at: 1, rgb: hex('#1b7837') },
];

const SEQUENTIAL: Record<'good-high' | 'bad-high' | 'sun', readonly ColorStop[]> = {
  'good-high': [
    { at: 0, rgb: hex('#f7fcf5') },
    { at: 0.5, rgb: hex('#74c476') },
    { at: 1, rgb: hex('#00441b') },
  ],
  'bad-high': [
    { at: 0, rgb: hex('#fff5eb') },
    { at: 0.5, rgb: hex('#fd8d3c') },
    { at: 1, rgb: hex('#7f2704') },
  ],
  sun: [
    { at: 0, rgb: hex('#ffffcc') },
    { at: 0.5, rgb: hex('#fecc5c') },
    { at: 1, rgb: hex('#bd0026') },
  ],
};

export function interpolateStops(stops: readonly ColorStop[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t));
  for (let i = 1; i < stops.length; i++) {
    const hi = stops[i]!;
    if (x <= hi.at) {
      const lo = stops[i - 1]!;
      const f = hi.at === lo.at ? 1 : (x - lo.at) / (hi.at - lo.at);
      if (f === 0) return lo.rgb;
      if (f === 1) return hi.rgb;
      return [lo.rgb[0] + (hi.rgb[0] - lo.rgb[0]) * f, lo.rgb[1] + (hi.rgb[1] - lo.rgb[1]) * f, lo.rgb[2] + (hi.rgb[2] - lo.rgb[2]) * f];
    }
  }
  return stops[stops.length - 1]!.rgb;
}

/**
 * Symmetric around zero so that white always means "balanced"; the extent is the largest magnitude present,
 * at least `minExtent` so that a district with tiny values does not look dramatic.
 */
/** Green at the low end, red at the high end: for a net figure where positive is a deficit. */
export const SURPLUS_LOW_STOPS: readonly ColorStop[] = [...DEFICIT_STOPS].reverse().map((s) => ({ at: 1 - s.at, rgb: s.rgb }));

/** Symmetric around 0; deficitHigh: positive values are the bad end (the app's sign convention for net figures). */
export function divergingScale(values: readonly (number | null)[], minExtent = 1, deficitHigh = false): ColorScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const extent = Math.max(minExtent, ...finite.map((v) => Math.abs(v)));
  const stops = deficitHigh ? SURPLUS_LOW_STOPS : DEFICIT_STOPS;
  return {
    kind: 'diverging',
    min: -extent,
    max: extent,
    stops,
    color: (value) => (value === null || !Number.isFinite(value) ? NO_DATA_RGB : interpolateStops(stops, (value + extent) / (2 * extent))),
  };
}

export function sequentialScale(
  palette: keyof typeof SEQUENTIAL,
  min: number,
  max: number,
): ColorScale {
  const stops = SEQUENTIAL[palette];
  const span = max - min || 1;
  return {
    kind: 'sequential',
    min,
    max,
    stops,
    color: (value) => (value === null || !Number.isFinite(value) ? NO_DATA_RGB : interpolateStops(stops, (value - min) / span)),
  };
}

/** One colour per class between bounds (a value on a bound belongs to the lower class), e.g. heat-density classes. */
export interface ClassBand {
  readonly upTo: number;
  readonly rgb: Rgb;
}

/**
 * A stepped scale: bands of one colour each, the last open-ended. Its stops draw the bands as hard edges over
 * [0, max], max = 1.25 x the last bound so that the open class has room in the legend.
 */
export function classScale(bounds: readonly number[], colours: readonly string[]): ColorScale & { readonly bands: readonly ClassBand[] } {
  const rgbs = colours.map(hex);
  const last = bounds[bounds.length - 1] ?? 1;
  const max = last * 1.25;
  const bands: ClassBand[] = rgbs.map((rgb, i) => ({ upTo: bounds[i] ?? Number.POSITIVE_INFINITY, rgb }));
  const stops: ColorStop[] = bands.flatMap((b, i) => {
    const lo = i === 0 ? 0 : (bounds[i - 1] as number) / max;
    const hi = Number.isFinite(b.upTo) ? b.upTo / max : 1;
    return [
      { at: lo, rgb: b.rgb },
      { at: hi, rgb: b.rgb },
    ];
  });
  return {
    kind: 'sequential',
    min: 0,
    max,
    stops,
    bands,
    color: (value) => (value === null || !Number.isFinite(value) ? NO_DATA_RGB : (bands.find((b) => value <= b.upTo) ?? bands[bands.length - 1])?.rgb ?? NO_DATA_RGB),
  };
}

export const rgbToCss = (rgb: Rgb): string =>
  `rgb(${Math.round(rgb[0] * 255)} ${Math.round(rgb[1] * 255)} ${Math.round(rgb[2] * 255)})`;
