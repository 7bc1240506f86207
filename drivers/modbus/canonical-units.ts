/**
 * Device units to PlusTwin's canonical units (kW, kWh, ...). Everything that leaves drivers/ has gone through
 * here; units not listed pass through unchanged (V, A, Hz, °C, m³/h, ...).
 */
const FACTORS: Record<string, { readonly unit: string; readonly factor: number }> = {
  W: { unit: 'kW', factor: 1e-3 },
  kW: { unit: 'kW', factor: 1 },
  MW: { unit: 'kW', factor: 1e3 },
  Wh: { unit: 'kWh', factor: 1e-3 },
  kWh: { unit: 'kWh', factor: 1 },
  MWh: { unit: 'kWh', factor: 1e3 },
  GJ: { unit: 'kWh', factor: 1e6 / 3600 },
  MJ: { unit: 'kWh', factor: 1e3 / 3600 },
  VA: { unit: 'kVA', factor: 1e-3 },
  var: { unit: 'kvar', factor: 1e-3 },
  VAr: { unit: 'kvar', factor: 1e-3 },
  Var: { unit: 'kvar', factor: 1e-3 },
  VAh: { unit: 'kVAh', factor: 1e-3 },
  varh: { unit: 'kvarh', factor: 1e-3 },
  Varh: { unit: 'kvarh', factor: 1e-3 },
  C: { unit: '°C', factor: 1 },
  Pct: { unit: '%', factor: 1 },
  Secs: { unit: 's', factor: 1 },
};

export function canonicalUnit(deviceUnit: string): { readonly unit: string; readonly factor: number } {
  return FACTORS[deviceUnit] ?? { unit: deviceUnit, factor: 1 };
}
