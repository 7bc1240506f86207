/**
 * A code and parameters for a device failure the UI can explain in the user's language with a next step
 * (models/error-codes.ts). Drivers throw English messages that name the device and the low-level cause (errno,
 * Modbus exception, OPC UA status); this reads the cause from them once, here, so every driver's failure gets the
 * same hint. A failure it does not recognise keeps its message and gets no code.
 */
import type { ErrorDetail } from '../../../models/error-codes.js';

type Rule = (message: string) => ErrorDetail | undefined;

const match = (re: RegExp, make: (m: RegExpExecArray) => ErrorDetail): Rule => (message) => {
  const m = re.exec(message);
  return m ? make(m) : undefined;
};

// Order matters: a refused OPC UA session mentions "user" and "token"; a certificate problem comes before the
// connection errors node-opcua reports with it.
const RULES: readonly Rule[] = [
  match(/certificate is not trusted/i, () => ({ code: 'opcua.certificate', params: {} })),
  match(/session refused[^:]*:.*(BadUser|BadIdentity|access denied|identity token)/i, () => ({ code: 'opcua.login', params: {} })),
  match(/ECONNREFUSED\s+([^\s)]+)/, (m) => ({ code: 'device.refused', params: { address: m[1]! } })),
  match(/(?:ENOTFOUND|EAI_AGAIN)\s+([^\s)]+)/, (m) => ({ code: 'device.unknownHost', params: { host: m[1]! } })),
  match(/(?:EHOSTUNREACH|ENETUNREACH)\s+([^\s)]+)/, (m) => ({ code: 'device.unreachable', params: { address: m[1]! } })),
  match(/connection closed by the device/i, () => ({ code: 'device.closed', params: {} })),
  match(/no answer within (\d+) ms/, (m) => ({ code: 'device.timeout', params: { ms: Number(m[1]) } })),
  match(/exception 2 \(/, () => ({ code: 'modbus.illegalAddress', params: {} })),
  match(/exception (\d+) \(([^)]*)\)/, (m) => ({ code: 'modbus.exception', params: { code: Number(m[1]), name: m[2]! } })),
];

export function deviceErrorDetail(message: string): ErrorDetail | undefined {
  for (const rule of RULES) {
    const d = rule(message);
    if (d) return d;
  }
  return undefined;
}
