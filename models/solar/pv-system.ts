import type { SkyTable } from './sky.js';
import { planeNormal, type TranspositionModel } from './transposition.js';

/**
 * Module and system assumptions. Loss model: irradiance on the module plane -> ASHRAE incidence-angle modifier
 * on the beam -> DC at the NOCT cell temperature with a crystalline-silicon temperature coefficient -> one
 * overall system loss from module to grid. That overall loss is PVGIS's "estimated system losses" (default
 * 14 %), which the PVGIS user manual (JRC) defines as all losses that make the power delivered to the grid lower
 * than the modules' output, "such as losses in cables, power inverters, dirt": the inverter is inside the 14 %,
 * so there is no separate inverter efficiency (applying one counted the inverter twice). Temperature and
 * incidence losses are modelled separately, as PVGIS does. Every assumption is printed with the result.
 */
export interface PvSystemOptions {
  readonly transposition: TranspositionModel;
  readonly albedo: number;
  /** Share of the modules' DC energy lost on the way to the grid, inverter included (0..1; PVGIS default 0.14). */
  readonly systemLosses: number;
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
  tempCoeffPerK: -0.0037,
  noctC: 45,
  iamB0: 0.05,
};

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
  // The transposition of planeIrradiance written out here: this loop runs once per roof orientation and slot
  // (87 million times for 10,000 roofs over an hourly year), where a call and an object per slot dominate.
  const n = planeNormal(tiltDeg, azimuthDeg);
  const { sunEast, sunNorth, sunUp, dni, dhi, ghi, anisotropy, tempC } = sky;
  const hayDavies = o.transposition === 'hay-davies';
  const viewSky = (1 + n.up) / 2;
  const viewGround = (o.albedo * (1 - n.up)) / 2;
  const stepH = sky.stepMs / 3_600_000;
  const acPerDc = (1 - o.systemLosses) * stepH;
  const tempRise = (o.noctC - 20) / 800;
  const b0 = o.iamB0;
  const gamma = o.tempCoeffPerK;
  let poa = 0;
  let total = 0;
  for (let i = 0; i < sky.length; i++) {
    const gh = ghi[i] as number;
    if (gh <= 0) {
      out[i] = 0;
      continue;
    }
    const up = sunUp[i] as number;
    let cosT = n.east * (sunEast[i] as number) + n.north * (sunNorth[i] as number) + n.up * up;
    if (cosT < 0) cosT = 0;
    const d = dhi[i] as number;
    let skyDiffuse = d * viewSky;
    if (hayDavies) {
      const a = anisotropy[i] as number;
      if (a > 0) skyDiffuse = d * (a * (cosT / up) + (1 - a) * viewSky);
    }
    const beam = (dni[i] as number) * cosT;
    const ground = gh * viewGround;
    const g = beam + skyDiffuse + ground;
    poa += g;
    let iamBeam = 0;
    if (cosT > 0) {
      iamBeam = 1 - b0 * (1 / cosT - 1);
      if (iamBeam < 0) iamBeam = 0;
      else if (iamBeam > 1) iamBeam = 1;
    }
    const cell = (tempC[i] as number) + g * tempRise;
    const dc = ((beam * iamBeam + skyDiffuse + ground) / 1000) * (1 + gamma * (cell - 25));
    const ac = dc > 0 ? dc * acPerDc : 0;
    out[i] = ac;
    total += ac;
  }
  return { perKwp: out, poaKwhPerM2: (poa * stepH) / 1000, kwhPerKwp: total };
};
