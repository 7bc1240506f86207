/**
 * Failures the UI can explain in the user's language: the core attaches a code and its parameters beside its
 * English message, and each UI translates the code (renderer: messages 'error.<code>'), with a hint and the next
 * step. A failure without a code shows the core's message as it is.
 */
export const ERROR_CODES = [
  /** A SunSpec search found no "SunS" marker at any base register. params: registers ("40000, 0, 50000"). */
  'sunspec.notFound',
  /** A device address without a known scheme. params: none. */
  'address.scheme',
  /** Nothing listens at the address (ECONNREFUSED). params: address ("192.168.1.20:502"). */
  'device.refused',
  /** The host name is not known (DNS). params: host. */
  'device.unknownHost',
  /** No route to the host. params: address. */
  'device.unreachable',
  /** The device closed the connection at once (often: another client holds its only connection). params: none. */
  'device.closed',
  /** The device did not answer in time. params: ms. */
  'device.timeout',
  /** Modbus exception 2: the device has no register at an address of the profile. params: none. */
  'modbus.illegalAddress',
  /** Any other Modbus exception. params: code, name (as in the Modbus specification). */
  'modbus.exception',
  /** The OPC UA server refused the user name, password or certificate identity. params: none. */
  'opcua.login',
  /** The OPC UA server's certificate is not trusted yet. params: none. */
  'opcua.certificate',
  /** A PDF report needs a Chromium and none was found. params: none. */
  'report.noChromium',
  /** A building file that is not valid JSON. params: file, line, column, problem (the parser's words). */
  'import.json',
  /** A building file that is neither CityGML nor GeoJSON. params: file. */
  'import.format',
  /** An empty building file. params: file. */
  'import.empty',
  /** A building file over the upload limit. params: file, limitMb. */
  'import.tooLarge',
  /** A building file without a single building. params: file. */
  'import.noBuildings',
  /** Any other problem in a building file. params: file, line, column (0 when unknown), problem. */
  'import.problem',
  /**
   * A dynamic tariff's CSV has bad rows (models/tariffs/tariff-csv-problems.ts). params: count (all problems), rows
   * (JSON of the first TariffCsvProblem[]: file, line, code, value, otherLine).
   */
  'tariff.csv',
  /** A new tariff whose id (building.carrier.validFrom) exists already. params: id. */
  'tariff.exists',
  /**
   * A tariff whose validity overlaps another of the same building and carrier. params: from, to, otherId, otherFrom,
   * otherTo (local dates 2025-01-01; to and otherTo '' for open-ended).
   */
  'tariff.overlap',
  /** A dynamic tariff saved without its quarter-hour prices. params: none. */
  'tariff.needsPrices',
  /*
   * Arguments a schema refused where they enter (main/core/api/input-error-detail.ts). Every one has params field
   * (the path of the field, "validTo" or "measures.0.kwp"; "args" for the arguments as a whole).
   */
  /** A field that must be given is missing or empty. */
  'input.required',
  /** A value of the wrong type. params: expected (string, number, boolean, object, array, ...). */
  'input.type',
  /** A number below its minimum. params: min, inclusive (1: the minimum itself is allowed, 0: it is not). */
  'input.tooSmall',
  /** A number above its maximum. params: max, inclusive. */
  'input.tooBig',
  /** A number outside a range the rule names (a heat pump's SCOP 1..7). params: min, max. */
  'input.between',
  /** A text or list that is too short. params: min. */
  'input.tooShort',
  /** A text or list that is too long. params: max (characters or entries). */
  'input.tooLong',
  /** A value that is not one of a fixed list. params: options ("fixed, dynamic"). */
  'input.oneOf',
  /** A text of the wrong form. params: format (url, date, regex, ...; "date" for a local date like 2025-01-01). */
  'input.format',
  /** A period whose end is not after its start. params: after (the field it must follow). */
  'input.order',
  /** A field the method does not know. params: field (the unknown names). */
  'input.unknown',
  /** A value that breaks a rule of its own (the English message says which). params: none beyond field. */
  'input.invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}
