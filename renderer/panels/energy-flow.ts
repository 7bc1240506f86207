/**
 * The district's electricity as flows (a small Sankey): generation splits into what the district uses itself and
 * what it exports; consumption is fed by that self-use and by grid import. Band widths are proportional to kWh.
 */
export interface FlowTotals {
  readonly generationKwh: number;
  readonly selfUsedKwh: number;
  readonly exportKwh: number;
  readonly importKwh: number;
  readonly consumptionKwh: number;
}

export interface FlowBand {
  readonly key: 'self-use' | 'export' | 'import';
  readonly kwh: number;
  /** Left and right vertical spans of the band, in px. */
  readonly left: readonly [number, number];
  readonly right: readonly [number, number];
}

export interface FlowLayout {
  readonly bands: readonly FlowBand[];
  readonly height: number;
}

const GAP = 10;

/**
 * Left column: generation (self-use, then export) above import. Right column: consumption (self-use, then import)
 * above export. So self-use runs straight, import and export cross.
 */
export function layoutFlows(t: FlowTotals, height: number): FlowLayout {
  const selfUse = Math.max(0, t.selfUsedKwh);
  const exp = Math.max(0, t.exportKwh);
  const imp = Math.max(0, t.importKwh);
  const total = selfUse + exp + imp;
  if (total <= 0) return { bands: [], height };
  const scale = (height - GAP) / total;
  const w = (kwh: number) => kwh * scale;
  const selfL: [number, number] = [0, w(selfUse)];
  const expL: [number, number] = [selfL[1], selfL[1] + w(exp)];
  const impL: [number, number] = [expL[1] + GAP, expL[1] + GAP + w(imp)];
  const selfR: [number, number] = [0, w(selfUse)];
  const impR: [number, number] = [selfR[1], selfR[1] + w(imp)];
  const expR: [number, number] = [impR[1] + GAP, impR[1] + GAP + w(exp)];
  return {
    height,
    bands: [
      { key: 'self-use', kwh: selfUse, left: selfL, right: selfR },
      { key: 'export', kwh: exp, left: expL, right: expR },
      { key: 'import', kwh: imp, left: impL, right: impR },
    ].filter((b) => b.kwh > 0) as FlowBand[],
  };
}

/** An SVG path for a band between x0 and x1 (cubic edges). */
export function bandPath(b: FlowBand, x0: number, x1: number): string {
  const mid = (x0 + x1) / 2;
  const [l0, l1] = b.left;
  const [r0, r1] = b.right;
  const f = (n: number) => n.toFixed(1);
  return `M${f(x0)},${f(l0)} C${f(mid)},${f(l0)} ${f(mid)},${f(r0)} ${f(x1)},${f(r0)} L${f(x1)},${f(r1)} C${f(mid)},${f(r1)} ${f(mid)},${f(l1)} ${f(x0)},${f(l1)} Z`;
}
