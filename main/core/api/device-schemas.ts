/**
 * Argument schemas of the device-management methods, spread into main/core/api/schemas.ts (which checks them
 * against the contract). URLs are checked for their
 * scheme here so that a typo fails before any connection is tried.
 */
import { z } from 'zod';
import { MEDIA, OPCUA_SECURITY_CHOICES, POINT_KINDS, POINT_ROLES } from '../../../models/values.js';

const id = z.string().min(1).max(200);

export const deviceUrl = z
  .string()
  .trim()
  .min(1, 'enter the device address')
  .max(500)
  .regex(
    /^(modbus-tcp|modbus-rtu|modbus-rtu-tcp|opc\.tcp):\/\//,
    'the address must start with modbus-tcp://, modbus-rtu://, modbus-rtu-tcp:// or opc.tcp://',
  );

const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'profile ids are lower-case letters, digits and dashes').max(100);

const login = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }).strict(),
  z.object({ kind: z.literal('username'), username: z.string().min(1).max(200), password: z.string().max(500) }).strict(),
]);

const connect = { url: deviceUrl, security: z.enum(OPCUA_SECURITY_CHOICES).optional(), login: login.optional() };

const pointChoice = z
  .object({
    nodeId: z.string().min(1).max(500),
    key: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'point keys are letters, digits, _ . - only').max(100),
    name: z.string().min(1).max(200).optional(),
    medium: z.enum(MEDIA),
    role: z.enum(POINT_ROLES),
    kind: z.enum(POINT_KINDS),
  })
  .strict();

export const deviceInput = z
  .object({
    name: z.string().trim().min(1, 'enter a name').max(200),
    buildingId: id,
    url: deviceUrl,
    profile: profileId.optional(),
    pollIntervalMs: z.number().int().min(1_000).max(3_600_000).optional(),
    role: z.enum(POINT_ROLES).optional(),
    opcua: z
      .object({ security: z.enum(OPCUA_SECURITY_CHOICES).optional(), login: login.optional(), points: z.array(pointChoice).min(1, 'pick at least one variable').max(500) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const opc = d.url.startsWith('opc.tcp://');
    if (opc && !d.opcua) ctx.addIssue({ code: 'custom', path: ['opcua'], message: 'an OPC UA device needs picked variables', params: { code: 'input.required' } });
    if (!opc && !d.profile) ctx.addIssue({ code: 'custom', path: ['profile'], message: "a Modbus device needs a profile or 'sunspec'", params: { code: 'input.required' } });
    if (!opc && d.opcua) ctx.addIssue({ code: 'custom', path: ['opcua'], message: 'OPC UA settings on a Modbus address' });
  });

const empty = z.object({}).strict();
const thumbprint = z
  .object({ thumbprint: z.string().regex(/^[0-9a-fA-F:]{40,59}$/, 'a thumbprint is 40 hex digits (SHA-1)') })
  .strict();

export const deviceArgSchemas = {
  'profiles.list': empty,
  'devices.probe': z.object({ ...connect, profile: profileId.optional() }).strict(),
  'devices.list': empty,
  'devices.add': deviceInput,
  'devices.update': z.object({ id, device: deviceInput }).strict(),
  'devices.remove': z.object({ id }).strict(),
  'opcua.browse': z
    .object({
      ...connect,
      url: deviceUrl.refine((u) => u.startsWith('opc.tcp://'), { message: 'browsing needs an opc.tcp:// address', params: { code: 'input.format', format: 'opc.tcp://' } }),
      nodeId: z.string().min(1).max(500).optional(),
      depth: z.number().int().min(1).max(6).optional(),
      search: z.string().max(200).optional(),
    })
    .strict(),
  'opcua.certificates': empty,
  'opcua.trust': thumbprint,
  'opcua.reject': thumbprint,
};
