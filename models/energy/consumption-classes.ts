/**
 * Consumption classes beyond buildings: "E-Mobilität" (charge points) and "Öffentliche Beleuchtung" (street
 * lights), and per step how much of each was covered by local PV, by the district's surplus and by the grid.
 *
 * Per step t (the analysis' resolution, 15 minutes by default):
 * - A class's load inside a building (a charge point's or a lighting circuit's meter behind the building's grid
 *   meter) shares the building's own PV use pro rata: pv = load x min(G, L) / L of that building (G generation,
 *   L consumption). No load is given priority over another.
 * - What is left is drawn from outside the building. The district's surplus E = sum of the buildings' export
 *   covers the district's demand from outside D = sum of the buildings' import + the loads outside every building
 *   (street lights computed from the inventory, charging sessions of charge points attached to no building), all
 *   pro rata: surplus = rest x min(1, E / D).
 * - The remainder is grid. A load outside every building has no PV of its own.
 * A load whose own building has no balance in a step, or a step in which no building has one, counts as 'unknown'
 * coverage; other buildings without a value in that step are left out of the surplus.
 */

export interface ClassLoad {
  /** The building the load is metered in, or null for a load outside every building. */
  readonly buildingId: string | null;
  /** kWh per step; NaN where the load is unknown. */
  readonly kwh: Float64Array;
}

/** One building's electricity per step (NaN where missing), as the analysis' profiles hold it. */
export interface BuildingElectricity {
  readonly buildingId: string;
  readonly consumption: Float64Array;
  readonly generation: Float64Array;
  readonly import: Float64Array;
  readonly export: Float64Array;
}

export interface ClassCoverage {
  readonly kwh: number;
  /** Covered by the PV of the building the load is in. */
  readonly pvKwh: number;
  /** Covered by the district's surplus (other buildings' export in the same step). */
  readonly surplusKwh: number;
  readonly gridKwh: number;
  /** Energy in steps whose building balance is missing: its coverage cannot be told. */
  readonly unknownKwh: number;
  /** Steps with a known load. */
  readonly steps: number;
  /** Highest load of one step as mean power, kW. */
  readonly peakKw: number;
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * The district's surplus share per step: min(1, E / D) as above. A building without a value in a step (a gap, or
 * no meter yet) is left out of E and D; NaN where no building has one.
 */
export function surplusShares(buildings: readonly BuildingElectricity[], outside: readonly Float64Array[], n: number): Float64Array {
  const share = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let e = 0;
    let d = 0;
    let known = false;
    for (const b of buildings) {
      const im = b.import[j];
      const ex = b.export[j];
      if (!finite(im) || !finite(ex)) continue;
      known = true;
      e += ex;
      d += im;
    }
    for (const o of outside) {
      const x = o[j];
      if (finite(x)) d += x;
    }
    share[j] = !known ? Number.NaN : d > 0 ? Math.min(1, e / d) : 0;
  }
  return share;
}

/** Coverage of a class made of loads, over n steps of stepMs. */
export function classCoverage(loads: readonly ClassLoad[], buildings: readonly BuildingElectricity[], share: Float64Array, stepMs: number): ClassCoverage {
  const byId = new Map(buildings.map((b) => [b.buildingId, b]));
  const n = share.length;
  let kwh = 0;
  let pvKwh = 0;
  let surplusKwh = 0;
  let unknownKwh = 0;
  let peak = 0;
  const stepKnown = new Uint8Array(n);
  const stepSum = new Float64Array(n);
  for (const load of loads) {
    const b = load.buildingId === null ? undefined : byId.get(load.buildingId);
    for (let j = 0; j < n; j++) {
      const x = load.kwh[j];
      if (!finite(x)) continue;
      stepKnown[j] = 1;
      stepSum[j] = (stepSum[j] as number) + x;
      kwh += x;
      const s = share[j] as number;
      let pv = 0;
      if (b !== undefined) {
        const g = b.generation[j];
        const l = b.consumption[j];
        if (!finite(g) || !finite(l) || !Number.isFinite(s)) {
          unknownKwh += x;
          continue;
        }
        pv = l > 0 ? (x * Math.min(g, l)) / l : 0;
      } else if (!Number.isFinite(s)) {
        unknownKwh += x;
        continue;
      }
      pvKwh += pv;
      surplusKwh += (x - pv) * s;
    }
  }
  let steps = 0;
  for (let j = 0; j < n; j++) {
    if (stepKnown[j] === 1) steps++;
    if ((stepSum[j] as number) > peak) peak = stepSum[j] as number;
  }
  return { kwh, pvKwh, surplusKwh, gridKwh: kwh - pvKwh - surplusKwh - unknownKwh, unknownKwh, steps, peakKw: peak / (stepMs / 3_600_000) };
}
