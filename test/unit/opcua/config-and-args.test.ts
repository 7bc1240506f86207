import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpcUaDeviceConfig } from '../../../drivers/opcua/opcua-config.js';
import { parseOpcUaProbeArgs, parseSecurity } from '../../../drivers/opcua/probe-args.js';
import { validateBuildings } from '../../../drivers/simulators/opcua/building-model.js';

const point = { key: 'p', nodeId: 'ns=1;s=a', name: 'P', medium: 'electricity', role: 'import', kind: 'power' };

describe('OPC UA device config', () => {
  it('fills defaults: no security, anonymous, subscriptions', () => {
    const c = parseOpcUaDeviceConfig({ points: [point] }, 'dev-1');
    expect(c).toMatchObject({ securityMode: 'None', securityPolicy: 'None', identity: { kind: 'anonymous' }, acquisition: 'subscription' });
  });

  it('names every wrong field and the device', () => {
    const bad = {
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic128Rsa15',
      identity: { kind: 'username', username: '' },
      points: [point, { ...point, medium: 'steam', deadband: { type: 'absolute', value: -1 } }],
    };
    let message = '';
    try {
      parseOpcUaDeviceConfig(bad, 'dev-7');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^dev-7: invalid OPC UA config:/);
    expect(message).toContain('securityPolicy');
    expect(message).toContain('identity.username');
    expect(message).toContain('points.1.medium');
    expect(message).toContain('points.1.deadband.value');
  });

  it('refuses duplicate point keys and mismatched mode/policy', () => {
    expect(() => parseOpcUaDeviceConfig({ points: [point, point] }, 'd')).toThrow(/points\.1\.key: duplicate key 'p'/);
    expect(() => parseOpcUaDeviceConfig({ securityMode: 'Sign', points: [point] }, 'd')).toThrow(/mode Sign does not go with policy None/);
  });
});

describe('probe arguments', () => {
  it('parses security as MODE:POLICY, case-insensitively', () => {
    expect(parseSecurity('signandencrypt:aes128_sha256_rsaoaep')).toEqual({ securityMode: 'SignAndEncrypt', securityPolicy: 'Aes128_Sha256_RsaOaep' });
    expect(parseSecurity('None')).toEqual({ securityMode: 'None', securityPolicy: 'None' });
    expect(() => parseSecurity('Sign')).toThrow(/policy '' is not one of/);
    expect(() => parseSecurity('Sign:Basic128Rsa15')).toThrow(/policy 'Basic128Rsa15'/);
  });

  it('collects nodes, depth and the password from a file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plustwin-args-'));
    const pw = path.join(dir, 'pw');
    await writeFile(pw, 'top secret\n');
    const a = await parseOpcUaProbeArgs(['opc.tcp://plc:4840/ua', '--node', 'ns=2;i=5', '--node', 'i=2258', '--browse', '2', '--user', 'bob', '--password-file', pw, '--security', 'Sign:Basic256Sha256']);
    expect(a).toEqual({
      url: 'opc.tcp://plc:4840/ua',
      json: false,
      options: {
        securityMode: 'Sign',
        securityPolicy: 'Basic256Sha256',
        identity: { kind: 'username', username: 'bob', password: 'top secret' },
        browseDepth: 2,
        nodes: ['ns=2;i=5', 'i=2258'],
      },
    });
  });

  it.each([
    [[], /missing URL/],
    [['http://x'], /not an opc\.tcp:\/\/ URL/],
    [['opc.tcp://x:1', '--browse', 'deep'], /--browse: depth 'deep'/],
    [['opc.tcp://x:1', '--user', 'bob'], /needs --password-file/],
    [['opc.tcp://x:1', '--password-file', '/nope'], /--password-file needs --user/],
    [['opc.tcp://x:1', '--user', 'bob', '--password-file', '/no/such/file'], /--password-file: ENOENT/],
    [['opc.tcp://x:1', '--frobnicate'], /unknown option --frobnicate/],
    [['opc.tcp://x:1', '--node'], /--node needs a value/],
  ] as const)('rejects %j', async (args, message) => {
    await expect(parseOpcUaProbeArgs(args)).rejects.toThrow(message);
  });
});

describe('simulator building model', () => {
  it('names the bad entry', () => {
    expect(() => validateBuildings([])).toThrow(/at least one building/);
    expect(() => validateBuildings([{ id: 'a b', name: 'x', meters: [] }])).toThrow(/buildings\[0\]\.id 'a b'/);
    expect(() => validateBuildings([{ id: 'a', name: 'x', meters: [{ id: 'm' }, { id: 'm' }] }])).toThrow(/meters\[1\]\.id 'm' is used twice/);
  });
});
