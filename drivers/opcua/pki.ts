/**
 * The app's own OPC UA PKI (client certificate, trusted and rejected server certificates) in one folder, normally
 * <user-data>/pki. Nothing is trusted silently: node-opcua puts an unknown server certificate into rejected/, we
 * list it as "unknown" until the user trusts it (moved to trusted/certs) or rejects it (remembered in a small
 * decisions file, so it stops showing up as a question).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';

export type CertificateStatus = 'unknown' | 'trusted' | 'rejected';

export interface ServerCertificateInfo {
  readonly status: CertificateStatus;
  readonly subject: string;
  readonly issuer: string;
  /** SHA-1 of the DER bytes, lower-case hex, as OPC UA tools show it. */
  readonly thumbprint: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Whether now lies between validFrom and validTo. */
  readonly currentlyValid: boolean;
  readonly applicationUri?: string;
  readonly file: string;
}

const DECISIONS_FILE = 'plustwin-rejected.json';
const managers = new Map<string, Promise<OPCUACertificateManager>>();

/** One certificate manager per PKI folder, shared by every client: creating it (and its key) is slow. */
export function getCertificateManager(pkiDir: string): Promise<OPCUACertificateManager> {
  const key = path.resolve(pkiDir);
  let cm = managers.get(key);
  if (!cm) {
    cm = (async () => {
      await mkdir(key, { recursive: true });
      const m = new OPCUACertificateManager({ rootFolder: key, automaticallyAcceptUnknownCertificate: false });
      await m.initialize();
      return m;
    })();
    managers.set(key, cm);
    cm.catch(() => managers.delete(key));
  }
  return cm;
}

export function describeCertificate(bytes: Buffer, file: string, status: CertificateStatus): ServerCertificateInfo {
  const cert = new X509Certificate(bytes);
  const now = Date.now();
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const uri = /URI:([^,\s]+)/.exec(cert.subjectAltName ?? '')?.[1];
  const base = {
    status,
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    thumbprint: cert.fingerprint.replace(/:/g, '').toLowerCase(),
    validFrom: from.toISOString(),
    validTo: to.toISOString(),
    currentlyValid: from.getTime() <= now && now <= to.getTime(),
    file,
  };
  return uri === undefined ? base : { ...base, applicationUri: uri };
}

async function certificatesIn(dir: string, status: CertificateStatus): Promise<ServerCertificateInfo[]> {
  if (!existsSync(dir)) return [];
  const out: ServerCertificateInfo[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!/\.(pem|der|crt)$/i.test(name)) continue;
    const file = path.join(dir, name);
    try {
      out.push(describeCertificate(await readFile(file), file, status));
    } catch {
      // a half-written or foreign file in the folder is not a certificate the user can decide about
    }
  }
  return out;
}

async function readDecisions(pkiDir: string): Promise<Set<string>> {
  const file = path.join(pkiDir, DECISIONS_FILE);
  if (!existsSync(file)) return new Set();
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return new Set(Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : []);
  } catch (e) {
    throw new Error(`${file}: cannot read the list of rejected certificates: ${(e as Error).message}`);
  }
}

/** Every server certificate the PKI has seen: unknown (waiting for the user), trusted, rejected. */
export async function listServerCertificates(pkiDir: string): Promise<ServerCertificateInfo[]> {
  const cm = await getCertificateManager(pkiDir);
  const rejectedByUser = await readDecisions(pkiDir);
  const trusted = await certificatesIn(cm.trustedFolder, 'trusted');
  const rejected = (await certificatesIn(cm.rejectedFolder, 'unknown')).map((c) =>
    rejectedByUser.has(c.thumbprint) ? { ...c, status: 'rejected' as const } : c,
  );
  return [...rejected, ...trusted];
}

/** Server certificates the user still has to decide about. */
export async function listUnknownServerCertificates(pkiDir: string): Promise<ServerCertificateInfo[]> {
  return (await listServerCertificates(pkiDir)).filter((c) => c.status === 'unknown');
}

async function findByThumbprint(pkiDir: string, thumbprint: string): Promise<ServerCertificateInfo> {
  const wanted = thumbprint.replace(/:/g, '').toLowerCase();
  const all = await listServerCertificates(pkiDir);
  const hit = all.find((c) => c.thumbprint === wanted);
  if (!hit) throw new Error(`no server certificate with thumbprint ${wanted} in ${pkiDir}`);
  return hit;
}

function derOf(file: string, bytes: Buffer): Buffer {
  return file.toLowerCase().endsWith('.der') ? bytes : new X509Certificate(bytes).raw;
}

/** The user trusts this server certificate: connections to that server are accepted from now on. */
export async function trustServerCertificate(pkiDir: string, thumbprint: string): Promise<ServerCertificateInfo> {
  const info = await findByThumbprint(pkiDir, thumbprint);
  const cm = await getCertificateManager(pkiDir);
  await cm.trustCertificate(derOf(info.file, await readFile(info.file)));
  const decisions = await readDecisions(pkiDir);
  if (decisions.delete(info.thumbprint)) await writeDecisions(pkiDir, decisions);
  return { ...info, status: 'trusted' };
}

/** The user rejects this server certificate: it stays refused and is no longer offered as a question. */
export async function rejectServerCertificate(pkiDir: string, thumbprint: string): Promise<ServerCertificateInfo> {
  const info = await findByThumbprint(pkiDir, thumbprint);
  const cm = await getCertificateManager(pkiDir);
  await cm.rejectCertificate(derOf(info.file, await readFile(info.file)));
  const decisions = await readDecisions(pkiDir);
  decisions.add(info.thumbprint);
  await writeDecisions(pkiDir, decisions);
  return { ...info, status: 'rejected' };
}

async function writeDecisions(pkiDir: string, decisions: Set<string>): Promise<void> {
  await writeFile(path.join(pkiDir, DECISIONS_FILE), `${JSON.stringify([...decisions].sort(), null, 2)}\n`);
}
