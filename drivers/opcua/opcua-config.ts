/**
 * What the user configures for one OPC UA device: how to connect (security, identity) and which variables become
 * points. Validated with zod where it enters the driver so a bad config fails with the field that is wrong.
 */
import { z } from 'zod';
import { MEDIA, POINT_KINDS, POINT_ROLES } from '../../models/values.js';

export const SECURITY_MODES = ['None', 'Sign', 'SignAndEncrypt'] as const;
export const SECURITY_POLICIES = ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep'] as const;
export type OpcUaSecurityMode = (typeof SECURITY_MODES)[number];
export type OpcUaSecurityPolicy = (typeof SECURITY_POLICIES)[number];

const identitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({ kind: z.literal('username'), username: z.string().min(1), password: z.string() }),
  z.object({
    kind: z.literal('certificate'),
    /** PEM or DER file of the user certificate. */
    certificateFile: z.string().min(1),
    /** PEM private key that belongs to the certificate. */
    privateKeyFile: z.string().min(1),
  }),
]);

const deadbandSchema = z.object({
  type: z.enum(['absolute', 'percent']),
  value: z.number().nonnegative(),
});

const pointSchema = z.object({
  /** Point id suffix: the point id is `${deviceId}:${key}`. */
  key: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  nodeId: z.string().min(1),
  name: z.string().min(1),
  /** The unit the server publishes (EUInformation display name). Read from the server when omitted. */
  unit: z.string().optional(),
  medium: z.enum(MEDIA),
  role: z.enum(POINT_ROLES),
  kind: z.enum(POINT_KINDS),
  samplingIntervalMs: z.number().int().min(0).optional(),
  queueSize: z.number().int().min(1).max(1000).optional(),
  deadband: deadbandSchema.optional(),
});

export const opcUaDeviceConfigSchema = z
  .object({
    securityMode: z.enum(SECURITY_MODES).default('None'),
    securityPolicy: z.enum(SECURITY_POLICIES).default('None'),
    identity: identitySchema.default({ kind: 'anonymous' }),
    /** Subscriptions by default; 'poll' uses the Read service for servers whose subscriptions misbehave. */
    acquisition: z.enum(['subscription', 'poll']).default('subscription'),
    /** Publishing interval of the subscription, ms; the device's poll interval when omitted. */
    publishingIntervalMs: z.number().int().min(50).optional(),
    /** Per-request timeout, ms (a stalled server costs at most this long, never blocks other devices). */
    requestTimeoutMs: z.number().int().min(100).default(5000),
    points: z.array(pointSchema).min(1, 'at least one point is needed'),
  })
  .superRefine((cfg, ctx) => {
    if ((cfg.securityMode === 'None') !== (cfg.securityPolicy === 'None')) {
      ctx.addIssue({
        code: 'custom',
        path: ['securityPolicy'],
        message: `security mode ${cfg.securityMode} does not go with policy ${cfg.securityPolicy}`,
      });
    }
    const keys = new Set<string>();
    cfg.points.forEach((p, i) => {
      if (keys.has(p.key)) ctx.addIssue({ code: 'custom', path: ['points', i, 'key'], message: `duplicate key '${p.key}'` });
      keys.add(p.key);
    });
  });

export type OpcUaDeviceConfig = z.input<typeof opcUaDeviceConfigSchema>;
export type OpcUaDeviceConfigResolved = z.output<typeof opcUaDeviceConfigSchema>;
export type OpcUaPointConfig = z.output<typeof pointSchema>;
export type OpcUaIdentity = z.output<typeof identitySchema>;

/** Parses a config or throws an Error naming every wrong field, prefixed by `where` (e.g. the device id). */
export function parseOpcUaDeviceConfig(input: unknown, where: string): OpcUaDeviceConfigResolved {
  const result = opcUaDeviceConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${where}: invalid OPC UA config: ${problems.join('; ')}`);
}
