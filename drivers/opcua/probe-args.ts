/**
 * Parses the OPC UA part of `plustwin probe opc.tcp://host:port[/path] [--browse DEPTH] [--node NODEID ...]
 * [--security MODE:POLICY] [--user NAME --password-file FILE] [--user-cert FILE --user-key FILE] [--json]`.
 * The CLI dispatcher hands the arguments after `probe` here and adds the PKI folder.
 */
import { readFile } from 'node:fs/promises';
import {
  SECURITY_MODES,
  SECURITY_POLICIES,
  type OpcUaIdentity,
  type OpcUaSecurityMode,
  type OpcUaSecurityPolicy,
} from './opcua-config.js';
import type { OpcUaProbeOptions } from './opcua-probe.js';

export interface ParsedOpcUaProbeArgs {
  readonly url: string;
  readonly json: boolean;
  readonly options: Omit<OpcUaProbeOptions, 'pkiDir'>;
}

export function parseSecurity(value: string): { securityMode: OpcUaSecurityMode; securityPolicy: OpcUaSecurityPolicy } {
  const [mode, policy = mode === 'None' ? 'None' : undefined] = value.split(':');
  const m = SECURITY_MODES.find((x) => x.toLowerCase() === mode?.toLowerCase());
  const p = SECURITY_POLICIES.find((x) => x.toLowerCase() === policy?.toLowerCase());
  if (!m) throw new Error(`--security: mode '${mode ?? ''}' is not one of ${SECURITY_MODES.join(', ')}`);
  if (!p) throw new Error(`--security: policy '${policy ?? ''}' is not one of ${SECURITY_POLICIES.join(', ')}`);
  if ((m === 'None') !== (p === 'None')) throw new Error(`--security: mode ${m} does not go with policy ${p}`);
  return { securityMode: m, securityPolicy: p };
}

export async function parseOpcUaProbeArgs(args: readonly string[]): Promise<ParsedOpcUaProbeArgs> {
  let url: string | undefined;
  let json = false;
  let browseDepth: number | undefined;
  const nodes: string[] = [];
  let security: ReturnType<typeof parseSecurity> | undefined;
  let user: string | undefined;
  let passwordFile: string | undefined;
  let userCert: string | undefined;
  let userKey: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--json':
        json = true;
        break;
      case '--browse': {
        const v = value();
        browseDepth = Number(v);
        if (!Number.isInteger(browseDepth) || browseDepth < 0 || browseDepth > 10) {
          throw new Error(`--browse: depth '${v}' must be a whole number from 0 to 10`);
        }
        break;
      }
      case '--node':
        nodes.push(value());
        break;
      case '--security':
        security = parseSecurity(value());
        break;
      case '--user':
        user = value();
        break;
      case '--password-file':
        passwordFile = value();
        break;
      case '--user-cert':
        userCert = value();
        break;
      case '--user-key':
        userKey = value();
        break;
      default:
        if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
        if (url !== undefined) throw new Error(`unexpected argument '${a}' (the URL is already '${url}')`);
        url = a;
    }
  }
  if (url === undefined) throw new Error('missing URL: plustwin probe opc.tcp://host:port[/path]');
  if (!/^opc\.tcp:\/\/[^/:]+(:\d+)?(\/.*)?$/.test(url)) throw new Error(`'${url}' is not an opc.tcp:// URL`);
  let identity: OpcUaIdentity | undefined;
  if (user !== undefined) {
    if (passwordFile === undefined) throw new Error('--user needs --password-file (passwords never go on the command line)');
    let password: string;
    try {
      password = (await readFile(passwordFile, 'utf8')).replace(/\r?\n$/, '');
    } catch (e) {
      throw new Error(`--password-file: ${(e as Error).message}`);
    }
    identity = { kind: 'username', username: user, password };
  } else if (passwordFile !== undefined) {
    throw new Error('--password-file needs --user');
  }
  if (userCert !== undefined || userKey !== undefined) {
    if (identity) throw new Error('use either --user or --user-cert, not both');
    if (userCert === undefined || userKey === undefined) throw new Error('--user-cert and --user-key go together');
    identity = { kind: 'certificate', certificateFile: userCert, privateKeyFile: userKey };
  }
  return {
    url,
    json,
    options: {
      ...(security ?? {}),
      ...(identity ? { identity } : {}),
      ...(browseDepth !== undefined ? { browseDepth } : {}),
      ...(nodes.length > 0 ? { nodes } : {}),
    },
  };
}
