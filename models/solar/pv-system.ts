import type { SkyTable } from './sky.js';
import { planeIrradiance, planeNormal, type TranspositionModel } from './transposition.js';

/**
 * Module and system assumptions. Defaults follow PVWatts v5 (NREL, Dobos 2014): 14 % system losses (soiling,
 * shading, mismatch, wiring, connections, LID, nameplate, availability), 96 % inverter efficiency, ASHRAE
 * incidence-angle modifier; cell temperature from the NOCT model with a crystalline-silicon temperature
 * coefficient. Every one of them is printed with the result.
 */
export interface PvSystemOptions {
  readonly transposition: TranspositionModel;
  readonly albedo: number;
  /** Share of DC energy lost before the inverter (0..1). */
  readonly systemLosses: number;
  readonly inverterEfficiency: number;
  /** Relative power change per K of cell temperature above 25 °C. */
  readonly tempCoeffPerK: number;
  /** Nominal operating cell temperature, °C (at 800 W/m², 20 °C air, 1 m/s wind). */
  readonly noctC: number;
  /** ASHRAE incidence-angle modifier parameter b0 for beam irradiance. */
  readonly iamB0: number;
}

export const DEFAULT_PV_SYSTEM: PvSystemOptions = {
  transposition: 'hay-davies',
  albedo: 0.2,
  systemLosses: 0.14,
  inverterEfficiency: 0.96,
  tempCoeffPerK: -0.0037,
  noctC: 45,
  iamB0: 0.05,
};

/** ASHRAE IAM: 1 - b0 (1 / cos theta - 1), clipped to [0, 1]. */
const iam = (cosT: number, b0: number): number => (cosT <= 0 ? 0 : Math.min(1, Math.max(0, 1 - b0 * (1 / cosT - 1))));

/**
 * AC energy per kWp for every sky slot, kWh/kWp per slot, and the plane-of-array irradiation, kWh/m² in total.
 * out is filled; passing it in lets the caller reuse one buffer.
 */
export const pvPerKwp = (
  sky: SkyTable,
  tiltDeg: number,
  azimuthDeg: number,
  o: PvSystemOptions,
  out: Float64Array = new Float64Array(sky.length),
): { readonly perKwp: Float64Array; readonly poaKwhPerM2: number; readonly kwhPerKwp: number } => {
  const n = planeNormal(tiltDeg, azimuthDeg);
  const stepH = sky.stepMs / 3_600_000;
  const dcToAc = (1 - o.systemLosses) * o.inverterEfficiency;
  const tempRise = (o.noctC - 20) / 800;
  let poa = 0;
  let total = 0;
  for (let i = 0; i < sky.length; i++) {
    if ((sky.ghi[i] as number) <= 0) {
      out[i] = 0;
      continue;
    }
    const p = planeIrradiance(sky, i, n, o.transposition, o.albedo);
    const g = p.beam + p.skyDiffuse + p.ground;
    poa += g;
    const effective = p.beam * iam(p.cosIncidence, o.iamB0) + p.skyDiffuse + p.ground;
    const cell = (sky.tempC[i] as number) + g * tempRise;
    const dc = (effective / 1000) * (1 + o.tempCoeffPerK * (cell - 25));
    const ac = dc > 0 ? dc * dcToAc * stepH : 0;
    out[i] = ac;
    total += ac;
  }
  return { perKwp: out, poaKwhPerM2: (poa * stepH) / 1000, kwhPerKwp: total };
};
