/**
 * Child process of the crash test: ingests one counter for ever, as fast as it can, continuing after whatever it
 * finds in the file. Prints "sent <ts>" before handing a chunk to the store and "durable <ts>" when the store's
 * buffer is empty after a write (everything up to ts is committed). The parent kills it with SIGKILL.
 */
import { openStore } from '../../../main/core/store/open-store.js';
import type { Reading } from '../../../models/types.js';
import { BATCH, CHUNK, KWH_PER_STEP, STEP_MS } from './crash-child-constants.js';
import { SITE, T0, building, device, point } from './district-fixture.js';


const file = process.argv[2];
if (file === undefined) throw new Error('usage: crash-child <file>');
const store = await openStore(file, { batchSize: BATCH, flushIntervalMs: 50, now: () => T0 });
if ((await store.getDistrict()) === null)
  await store.saveDistrict(SITE, [building('K')], [device('mk', 'K')], [point('K.imp', 'mk', 'K', 'import', 'energy-counter')]);
const last = await store.sqlite.get<{ ts: number | null }>('SELECT MAX(ts) AS ts FROM samples');
let ts = last?.ts == null ? T0 : last.ts + STEP_MS;
process.stdout.write('ready\n');
for (;;) {
  const chunk: Reading[] = [];
  for (let i = 0; i < CHUNK; i++, ts += STEP_MS)
    chunk.push({ pointId: 'K.imp', ts, value: ((ts - T0) / STEP_MS) * KWH_PER_STEP, quality: 'good' });
  process.stdout.write(`sent ${ts - STEP_MS}\n`);
  await store.ingest(chunk);
  if (store.stats().buffered === 0) process.stdout.write(`durable ${ts - STEP_MS}\n`);
}
