/** Turns what the device dialog sends (DeviceInput) into a stored Device: protocol from the URL, config per protocol. */
import type { DeviceInput, OpcUaLogin, OpcUaSecurityChoice } from '../../../../models/contract/index.js';
import type { Device, DeviceProtocol } from '../../../../models/types.js';
import type { OpcUaIdentity, OpcUaSecurityMode, OpcUaSecurityPolicy } from '../../../../drivers/opcua/index.js';

export const DEFAULT_POLL_MS = 15_000;

/**
 * The OPC UA driver asks for a subscription lifetime of 60 publishing intervals within a 60 s session timeout, so
 * servers refuse publishing intervals above 1 s. The subscription delivers changes at most this often; the
 * collector still reads the latest values on the device's own poll interval.
 */
export const OPCUA_MAX_PUBLISHING_MS = 1_000;

export function protocolOf(url: string): DeviceProtocol {
  if (url.startsWith('opc.tcp://')) return 'opcua';
  if (url.startsWith('modbus-rtu-tcp://')) return 'modbus-rtu-tcp';
  if (url.startsWith('modbus-rtu://')) return 'modbus-rtu';
  return 'modbus-tcp';
}

export function securityOf(choice: OpcUaSecurityChoice | undefined): {
  securityMode: OpcUaSecurityMode;
  securityPolicy: OpcUaSecurityPolicy;
} {
  if (choice === undefined || choice === 'None') return { securityMode: 'None', securityPolicy: 'None' };
  const [mode, policy] = choice.split(':') as [OpcUaSecurityMode, OpcUaSecurityPolicy];
  return { securityMode: mode, securityPolicy: policy };
}

export const identityOf = (login: OpcUaLogin | undefined): OpcUaIdentity =>
  login?.kind === 'username' ? { kind: 'username', username: login.username, password: login.password } : { kind: 'anonymous' };

/** Every device the user adds has an id with this prefix; the demo's devices never do. */
export const USER_DEVICE_PREFIX = 'dev-';

/** A readable, unique id: "dev-" + the name as a slug + a random suffix (two meters may share a name). */
export function newDeviceId(name: string, random: () => number = Math.random): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  const suffix = Math.floor(random() * 0xffffff).toString(16).padStart(6, '0');
  return `${USER_DEVICE_PREFIX}${slug || 'device'}-${suffix}`;
}

export function toDevice(id: string, input: DeviceInput): Device {
  const protocol = protocolOf(input.url);
  const base = {
    id,
    name: input.name,
    buildingId: input.buildingId,
    protocol,
    url: input.url,
    pollIntervalMs: input.pollIntervalMs ?? DEFAULT_POLL_MS,
  };
  if (protocol === 'opcua') {
    const opc = input.opcua;
    return {
      ...base,
      profile: 'opcua',
      config: {
        ...securityOf(opc?.security),
        publishingIntervalMs: Math.min(base.pollIntervalMs, OPCUA_MAX_PUBLISHING_MS),
        identity: identityOf(opc?.login),
        points: (opc?.points ?? []).map((p) => ({ ...p, name: p.name ?? p.key })),
      },
    };
  }
  return { ...base, profile: input.profile ?? 'sunspec', ...(input.role ? { config: { role: input.role } } : {}) };
}
