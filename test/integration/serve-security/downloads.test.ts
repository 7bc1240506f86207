/**
 * Finished exports at GET /api/download/<job id> pass the same checks as every API call: a known Host, no foreign
 * Origin, and the token when serve is bound beyond loopback (as a bearer header or, for a plain link, ?token=).
 * Only a finished file of a well-formed job id is ever answered; nothing outside the exports folder can be named.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../main/core/api/dispatch.js';
import { EventBus } from '../../../main/core/base/event-bus.js';
import { hashToken } from '../../../main/shells/serve/access.js';
import { createHostAllowList } from '../../../main/shells/serve/host-allow-list.js';
import { startHttpServer, type RunningHttpServer } from '../../../main/shells/serve/http-server.js';

const JOB = '0123456789abcdef0123456789abcdef';
const UNFINISHED = 'fedcba9876543210fedcba9876543210';
const BODY = 'Gebäude;Beginn\nschule;2025-01-01T00:00:00+01:00\n';
let exportsDir: string;
let open: RunningHttpServer;
let guarded: RunningHttpServer;

beforeAll(async () => {
  exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-downloads-'));
  fs.mkdirSync(path.join(exportsDir, JOB));
  fs.writeFileSync(path.join(exportsDir, JOB, 'plustwin-bericht-2025-01-01..2025-01-31.csv'), BODY);
  fs.mkdirSync(path.join(exportsDir, UNFINISHED));
  fs.writeFileSync(path.join(exportsDir, UNFINISHED, '.partial-plustwin-backup-2025-01-31.sqlite'), 'half');
  fs.writeFileSync(path.join(exportsDir, 'secret.txt'), 'not for download');
  const common = { host: '127.0.0.1', port: 0, staticDir: exportsDir, handlers: {} as Handlers, events: new EventBus(), exportsDir };
  open = await startHttpServer({ ...common, access: { tokenHash: null, hosts: createHostAllowList('127.0.0.1') } });
  guarded = await startHttpServer({ ...common, access: { tokenHash: hashToken('t0ken'), hosts: createHostAllowList('127.0.0.1') } });
});

afterAll(async () => {
  await open?.close();
  await guarded?.close();
  fs.rmSync(exportsDir, { recursive: true, force: true });
});

/** A request with headers fetch would not let us forge (Host). */
function get(base: string, pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathAndQuery, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve: export downloads', () => {
  it('answers a finished export as an attachment with its name and type', async () => {
    const r = await get(open.url, `/api/download/${JOB}`);
    expect(r.status).toBe(200);
    expect(r.body).toBe(BODY);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="plustwin-bericht-2025-01-01..2025-01-31.csv"; filename*=UTF-8''plustwin-bericht-2025-01-01..2025-01-31.csv`,
    );
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a foreign Origin and an unknown Host, as for API calls', async () => {
    expect((await get(open.url, `/api/download/${JOB}`, { origin: 'http://evil.example' })).status).toBe(403);
    const port = new URL(open.url).port;
    expect((await get(open.url, `/api/download/${JOB}`, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).status).toBe(403);
  });

  it('needs the token beyond loopback, as a bearer header or a query parameter', async () => {
    expect((await get(guarded.url, `/api/download/${JOB}`)).status).toBe(401);
    expect((await get(guarded.url, `/api/download/${JOB}`, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(guarded.url, `/api/download/${JOB}?token=wrong`)).status).toBe(401);
    const withHeader = await get(guarded.url, `/api/download/${JOB}`, { authorization: 'Bearer t0ken' });
    expect([withHeader.status, withHeader.body]).toEqual([200, BODY]);
    const withQuery = await get(guarded.url, `/api/download/${JOB}?token=t0ken`);
    expect([withQuery.status, withQuery.body]).toEqual([200, BODY]);
  });

  it('answers nothing but finished files of well-formed job ids', async () => {
    expect((await get(open.url, `/api/download/${UNFINISHED}`)).status).toBe(404);
    expect((await get(open.url, '/api/download/00000000000000000000000000000000')).status).toBe(404);
    expect((await get(open.url, '/api/download/..%2Fsecret.txt')).status).toBe(404);
    expect((await get(open.url, '/api/download/../secret.txt')).status).not.toBe(200);
    expect((await get(open.url, `/api/download/${JOB}/../../secret.txt`)).status).not.toBe(200);
    expect((await get(open.url, `/api/download/${JOB}`, {}, 'POST')).status).toBe(405);
  });
});
