import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listServerCertificates, trustServerCertificate } from '../../../drivers/opcua/pki.js';

// fixed folder: the PKI's key is generated once, not on every run
const PKI = path.join(os.tmpdir(), 'plustwin-opcua-test-pki', 'unit-pki');

describe('PKI trust helpers', () => {
  it('names the decisions file when it is corrupt, and changes nothing', async () => {
    await listServerCertificates(PKI); // creates the folder layout
    const file = path.join(PKI, 'plustwin-rejected.json');
    await writeFile(file, '{ not json');
    try {
      await expect(listServerCertificates(PKI)).rejects.toThrow(/plustwin-rejected\.json: cannot read the list of rejected certificates/);
    } finally {
      await writeFile(file, '[]\n');
    }
    expect(await listServerCertificates(PKI)).toEqual([]);
  });

  it('refuses to trust a thumbprint it has never seen', async () => {
    await expect(trustServerCertificate(PKI, 'ab:cd:ef')).rejects.toThrow(/no server certificate with thumbprint abcdef/);
  });
});
