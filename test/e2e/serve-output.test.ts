/**
 * `plustwin serve` writes exactly one line to stdout, the one scripts read ("PlusTwin listening on URL"); its log,
 * and everything libraries print (node-opcua's warnings and certificate notes), goes to stderr. The log names every
 * simulated demo device's address so a user can point another tool at it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from './serve-process.js';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe({ historyDays: 1 });
});

afterAll(async () => {
  await serve?.stop();
});

describe('serve output', () => {
  it('prints only the listening line on stdout, its log and library output on stderr', async () => {
    // the OPC UA client has run once the heat meters have joined: node-opcua has loaded and said what it says
    await expect.poll(() => /heat meters on the simulated building automation server/.test(serve.log())).toBe(true);
    await expect.poll(() => /heat history 100 %/.test(serve.log())).toBe(true);
    expect(serve.stdout()).toMatch(/^PlusTwin listening on http:\/\/127\.0\.0\.1:\d+\/\n$/);
    // the demo has 13 simulated Modbus devices (7 grid meters, 6 PV inverters): each one's address is in the log
    const addresses = serve.log().match(/^ {2}\S+: modbus-tcp:\/\/127\.0\.0\.1:\d+\S* \(\S+\)$/gm) ?? [];
    expect(addresses).toHaveLength(13);
    await serve.stop();
    expect(serve.stdout().split('\n').filter((l) => l !== '')).toHaveLength(1);
  });
});
