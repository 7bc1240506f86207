/**
 * One OPC UA client and one session per server (endpoint + security + identity), shared by every driver that talks
 * to it. node-opcua reconnects the channel itself and, after a server restart, recreates the session and its
 * subscriptions in place, so the server never sees a pile of sessions from us. We only track the state, so that
 * drivers can tell "connected" from "lost since t" and flag the gap.
 */
import { EventEmitter } from 'node:events';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MessageSecurityMode, OPCUAClient, SecurityPolicy, UserTokenType } from 'node-opcua';
import type { ClientSession, UserIdentityInfo } from 'node-opcua';
import { withTimeout } from './with-timeout.js';
import { DeviceError } from '../device-driver.js';
import type { OpcUaIdentity, OpcUaSecurityMode, OpcUaSecurityPolicy } from './opcua-config.js';
import { getCertificateManager, listUnknownServerCertificates } from './pki.js';

export interface ConnectionParams {
  readonly url: string;
  readonly securityMode: OpcUaSecurityMode;
  readonly securityPolicy: OpcUaSecurityPolicy;
  readonly identity: OpcUaIdentity;
  readonly pkiDir: string;
  readonly requestTimeoutMs: number;
  /** How long the first connection may take before we give up, ms. */
  readonly connectTimeoutMs?: number;
  readonly deviceId?: string;
}

export type ConnectionState = 'connected' | 'reconnecting' | 'closed';

const MODES: Record<OpcUaSecurityMode, MessageSecurityMode> = {
  None: MessageSecurityMode.None,
  Sign: MessageSecurityMode.Sign,
  SignAndEncrypt: MessageSecurityMode.SignAndEncrypt,
};

const POLICIES: Record<OpcUaSecurityPolicy, SecurityPolicy> = {
  None: SecurityPolicy.None,
  Basic256Sha256: SecurityPolicy.Basic256Sha256,
  Aes128_Sha256_RsaOaep: SecurityPolicy.Aes128_Sha256_RsaOaep,
};

export class OpcUaConnection extends EventEmitter {
  state: ConnectionState = 'connected';
  /** Bumped whenever the connection is lost: values delivered before belong to an older epoch. */
  epoch = 0;
  lostAt: number | undefined;
  /** How many times the connection came back (for the log and the tests). */
  reconnections = 0;

  constructor(
    readonly client: OPCUAClient,
    readonly session: ClientSession,
    readonly url: string,
  ) {
    super();
    client.on('connection_lost', () => this.markLost());
    client.on('start_reconnection', () => this.markLost());
    client.on('connection_reestablished', () => this.markBack());
    session.on('session_restored', () => this.markBack());
  }

  private markLost(): void {
    if (this.state !== 'connected') return;
    this.state = 'reconnecting';
    this.lostAt = Date.now();
    this.epoch++;
    this.emit('state', this.state);
  }

  private markBack(): void {
    if (this.state !== 'reconnecting') return;
    this.state = 'connected';
    this.lostAt = undefined;
    this.reconnections++;
    this.emit('state', this.state);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.epoch++;
    try {
      await this.session.close(true);
    } catch {
      // the server may already be gone; disconnect below still releases our side
    }
    await this.client.disconnect();
  }
}

async function identityInfo(identity: OpcUaIdentity): Promise<UserIdentityInfo> {
  switch (identity.kind) {
    case 'anonymous':
      return { type: UserTokenType.Anonymous };
    case 'username':
      return { type: UserTokenType.UserName, userName: identity.username, password: identity.password };
    case 'certificate': {
      let certBytes: Buffer;
      let keyPem: string;
      try {
        certBytes = await readFile(identity.certificateFile);
        keyPem = await readFile(identity.privateKeyFile, 'utf8');
      } catch (e) {
        throw new DeviceError('config', `user certificate: ${(e as Error).message}`);
      }
      const der = identity.certificateFile.toLowerCase().endsWith('.der') ? certBytes : new X509Certificate(certBytes).raw;
      return { type: UserTokenType.Certificate, certificateData: der, privateKey: keyPem };
    }
  }
}

/** Opens a client and a session; the caller owns both (the pool below shares them). */
export async function openConnection(params: ConnectionParams): Promise<OpcUaConnection> {
  const cm = await getCertificateManager(params.pkiDir);
  const unknownBefore = new Set((await listUnknownServerCertificates(params.pkiDir)).map((c) => c.thumbprint));
  const client = OPCUAClient.create({
    applicationName: 'PlusTwin',
    clientName: params.deviceId ?? 'PlusTwin',
    endpointMustExist: false,
    securityMode: MODES[params.securityMode],
    securityPolicy: POLICIES[params.securityPolicy],
    clientCertificateManager: cm,
    certificateFile: path.join(cm.rootDir, 'own', 'certs', 'client_certificate.pem'),
    privateKeyFile: cm.privateKey,
    // One retry for the first connect (the caller reports failure); node-opcua retries forever after a loss.
    connectionStrategy: { maxRetry: 1, initialDelay: 500, maxDelay: 5000 },
    keepSessionAlive: true,
    keepAliveInterval: 5000,
    requestedSessionTimeout: 60_000,
    defaultTransactionTimeout: params.requestTimeoutMs,
  });
  const where = params.deviceId ? `${params.deviceId} (${params.url})` : params.url;
  const connectTimeout = params.connectTimeoutMs ?? Math.max(10_000, 2 * params.requestTimeoutMs);
  try {
    await withTimeout(client.connect(params.url), connectTimeout, `${where}: connect`);
  } catch (e) {
    await client.disconnect().catch(() => undefined);
    const fresh = (await listUnknownServerCertificates(params.pkiDir)).filter((c) => !unknownBefore.has(c.thumbprint));
    const untrusted = fresh[0] ?? (/untrusted|certificate/i.test((e as Error).message) ? (await listUnknownServerCertificates(params.pkiDir))[0] : undefined);
    if (untrusted && params.securityMode !== 'None') {
      throw new DeviceError(
        'config',
        `${where}: server certificate is not trusted (subject ${untrusted.subject}, thumbprint ${untrusted.thumbprint}, ` +
          `valid ${untrusted.validFrom} to ${untrusted.validTo}); trust or reject it first`,
        params.deviceId,
      );
    }
    throw e instanceof DeviceError ? e : new DeviceError('connection', `${where}: ${(e as Error).message}`, params.deviceId);
  }
  try {
    const session = await withTimeout(
      client.createSession(await identityInfo(params.identity)),
      connectTimeout,
      `${where}: create session`,
    );
    return new OpcUaConnection(client, session, params.url);
  } catch (e) {
    await client.disconnect().catch(() => undefined);
    if (e instanceof DeviceError) throw e;
    const msg = (e as Error).message;
    const code = /identity|user|token|access denied|BadUser/i.test(msg) ? 'config' : 'connection';
    throw new DeviceError(code, `${where}: session refused (${params.identity.kind} identity): ${msg}`, params.deviceId);
  }
}

interface PoolEntry {
  readonly conn: Promise<OpcUaConnection>;
  refs: number;
}

const pool = new Map<string, PoolEntry>();

function poolKey(p: ConnectionParams): string {
  return JSON.stringify([p.url, p.securityMode, p.securityPolicy, p.identity, path.resolve(p.pkiDir)]);
}

export interface ConnectionLease {
  readonly connection: OpcUaConnection;
  release(): Promise<void>;
}

/** The shared connection for these parameters: one session per server, however many devices use it. */
export async function acquireConnection(params: ConnectionParams): Promise<ConnectionLease> {
  const key = poolKey(params);
  let entry = pool.get(key);
  if (!entry) {
    const created: PoolEntry = { conn: openConnection(params), refs: 0 };
    pool.set(key, created);
    created.conn.catch(() => {
      if (pool.get(key) === created) pool.delete(key);
    });
    entry = created;
  }
  entry.refs++;
  const owned = entry;
  let connection: OpcUaConnection;
  try {
    connection = await owned.conn;
  } catch (e) {
    owned.refs--;
    throw e;
  }
  let released = false;
  return {
    connection,
    async release() {
      if (released) return;
      released = true;
      owned.refs--;
      if (owned.refs === 0 && pool.get(key) === owned) {
        pool.delete(key);
        await connection.close();
      }
    },
  };
}
