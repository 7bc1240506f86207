/**
 * The closed value lists every layer shares, written once: each zod schema (z.enum(MEDIA)), each UI list and each
 * CLI parser takes its values from here, and each type is derived from its list, so a value added here reaches
 * the schemas, dropdowns and parsers together and a value added anywhere else fails the typecheck.
 * Energy carriers live next to their meaning in models/energy/carriers.ts (CARRIERS).
 */

/** What a meter measures. */
export const MEDIA = ['electricity', 'heat', 'gas', 'water', 'oil', 'district-heat'] as const;
export type Medium = (typeof MEDIA)[number];

/** What a point means for its building's balance. */
export const POINT_ROLES = [
  'import', // drawn from the grid / supplier (meter at the connection point)
  'export', // delivered to the grid
  'generation', // produced on site (PV, CHP)
  'consumption', // used by the building (sub-meter)
  'storage', // battery charge (+) / discharge (-)
  'info', // voltage, temperature, ... not part of a balance
] as const;
export type PointRole = (typeof POINT_ROLES)[number];

/** The roles that enter a balance (storage and info do not). */
export const BALANCE_ROLES = ['import', 'export', 'generation', 'consumption'] as const satisfies readonly PointRole[];
export type BalanceRole = (typeof BALANCE_ROLES)[number];

export const isBalanceRole = (r: PointRole): r is BalanceRole => (BALANCE_ROLES as readonly PointRole[]).includes(r);

export const POINT_KINDS = [
  'power', // instantaneous, kW
  'energy-counter', // cumulative, kWh
  'voltage',
  'current',
  'frequency',
  'temperature',
  'flow',
  'other',
] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** How the core talks to a device; listed in the order the device dialog offers them. */
export const DEVICE_PROTOCOLS = ['modbus-tcp', 'modbus-rtu-tcp', 'modbus-rtu', 'opcua'] as const;
export type DeviceProtocol = (typeof DEVICE_PROTOCOLS)[number];

/**
 * Protocols whose devices connect to PlusTwin themselves (an OCPP charge point dials the central system, a LoRaWAN network server publishes uplinks over MQTT): they are
 * stored as devices with points like any meter, but nobody adds them in the device dialog and the collector never
 * polls them.
 */
export const INBOUND_PROTOCOLS = ['ocpp', 'lorawan'] as const;
export type InboundProtocol = (typeof INBOUND_PROTOCOLS)[number];

export const isInboundProtocol = (p: string): p is InboundProtocol => (INBOUND_PROTOCOLS as readonly string[]).includes(p);

/** The Modbus ones: a device profile names which of these it speaks. */
export const MODBUS_PROTOCOLS = ['modbus-tcp', 'modbus-rtu', 'modbus-rtu-tcp'] as const satisfies readonly DeviceProtocol[];

/**
 * OPC UA security as the user picks it: 'None', or a message security mode and a security policy joined by ':'
 * (main/core/ingest/devices/device-input.ts splits it for the driver).
 */
export const OPCUA_SECURITY_CHOICES = [
  'None',
  'Sign:Basic256Sha256',
  'SignAndEncrypt:Basic256Sha256',
  'Sign:Aes128_Sha256_RsaOaep',
  'SignAndEncrypt:Aes128_Sha256_RsaOaep',
] as const;
export type OpcUaSecurityChoice = (typeof OPCUA_SECURITY_CHOICES)[number];

/** The languages of the UI, the CLI and the reports; German first (the product's first language). */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (v: unknown): v is Language => (LANGUAGES as readonly unknown[]).includes(v);

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** The theme setting: 'system' follows the operating system's light or dark mode (the default). */
export const THEME_SETTINGS = ['system', ...THEMES] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];

/** What colours the buildings in the 3D district (the legend and the dropdown follow this order). */
export const COLOR_METRICS = ['net', 'selfSufficiency', 'co2', 'pvPotential', 'heatDensity'] as const;
export type ColorMetric = (typeof COLOR_METRICS)[number];

/** What a heat meter sits behind: a boiler's fuel, district heat, or a heat pump's electricity. */
export const HEAT_SUPPLY_CARRIERS = ['gas', 'oil', 'lpg', 'biogas', 'wood', 'pellets', 'district-heat', 'electricity'] as const;
export type HeatSupplyCarrier = (typeof HEAT_SUPPLY_CARRIERS)[number];

/** The planning files the UI can export (docs/planning.md): heat plan, BISKO balance, energy report. */
export const PLANNING_EXPORT_KINDS = ['heat-plan-gpkg', 'bisko-xlsx', 'bisko-csv', 'energy-report-pdf', 'energy-report-xlsx'] as const;
export type PlanningExportKind = (typeof PLANNING_EXPORT_KINDS)[number];

/** What a history CSV holds: cumulative readings, kWh per quarter hour, or mean kW per quarter hour. */
export const HISTORY_KINDS = ['readings', 'profile-kwh', 'profile-kw'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** Units a history CSV's values can be in (converted to kWh or kW on reading). */
export const HISTORY_UNITS = ['W', 'kW', 'Wh', 'kWh', 'MWh', 'GJ'] as const;
export type HistoryUnit = (typeof HISTORY_UNITS)[number];

/** Bucket sizes of 'building.series'. */
export const RESOLUTIONS = ['15min', 'hour', 'day', 'month'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Resolutions an analysis can read: as metered, or the hourly rollups. */
export const ANALYSIS_RESOLUTIONS = ['15min', 'hour'] as const satisfies readonly Resolution[];
export type AnalysisResolution = (typeof ANALYSIS_RESOLUTIONS)[number];
