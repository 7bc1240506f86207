/**
 * The JavaScript half of writing a batch: raw sample rows, the interval engine's contributions, the new
 * checkpoints and the rollup hours to refresh. Pure (no SQL), so the store can prepare the next batch while SQLite
 * still writes the previous one, and prepare it again if the state it started from turns out not to be committed.
 */
import type { Checkpoint } from '../../../models/intervals/counter-step.js';
import { runIntervalEngine, type EnginePoint, type EngineReading } from '../../../models/intervals/interval-engine.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { Reading } from '../../../models/types.js';
import { SampleBatch } from './sample-insert.js';
import { SAMPLE_QUALITY_CODE } from './sample-quality.js';

const SLOTS_PER_HOUR = HOUR_MS / INTERVAL_MS;
const DIRTY_KEY_SPAN = 2 ** 24;

export interface EngineState {
  readonly pointPk: ReadonlyMap<string, number>;
  readonly enginePoints: ReadonlyMap<number, EnginePoint>;
  /** The last counter reading / power sample of each point, as of just before this batch. */
  readonly checkpoints: ReadonlyMap<number, Checkpoint>;
}

export interface PreparedBatch {
  readonly readings: readonly Reading[];
  readonly samples: SampleBatch;
  /** series, slot, kWh, quality code, flattened. */
  readonly intervalRows: number[];
  /** point, ts, value, flattened. */
  readonly checkpointRows: number[];
  /** series, UTC hour start, flattened. */
  readonly dirtyHours: number[];
  /** Checkpoints of the points this batch moved. */
  readonly checkpoints: ReadonlyMap<number, Checkpoint>;
  readonly unknownPoint: number;
  readonly rejected: number;
  readonly late: number;
}

export function prepareBatch(readings: readonly Reading[], state: EngineState): PreparedBatch {
  const samples = new SampleBatch();
  const engineReadings: EngineReading[] = [];
  let unknownPoint = 0;
  let rejected = 0;
  for (const r of readings) {
    const pk = state.pointPk.get(r.pointId);
    if (pk === undefined) {
      unknownPoint += 1;
      continue;
    }
    const q = SAMPLE_QUALITY_CODE[r.quality];
    if (!Number.isFinite(r.value) || !Number.isFinite(r.ts) || q === undefined) {
      rejected += 1;
      continue;
    }
    const ts = Math.round(r.ts);
    samples.add(ts, pk, r.value, q);
    if (q !== SAMPLE_QUALITY_CODE.bad) engineReadings.push({ point: pk, ts, value: r.value });
  }
  // Poll rounds arrive in time order; sort only when they do not.
  let sorted = true;
  for (let i = 1; i < engineReadings.length && sorted; i++)
    sorted = (engineReadings[i - 1] as EngineReading).ts <= (engineReadings[i] as EngineReading).ts;
  if (!sorted) engineReadings.sort((a, b) => a.ts - b.ts);
  const result = runIntervalEngine(engineReadings, state.enginePoints, state.checkpoints);

  const intervalRows: number[] = [];
  const dirty = new Set<number>();
  for (const c of result.contributions.entries()) {
    intervalRows.push(c.series, c.slot, c.kwh, c.q);
    dirty.add(c.series * DIRTY_KEY_SPAN + Math.floor(c.slot / SLOTS_PER_HOUR));
  }
  const dirtyHours: number[] = [];
  for (const key of dirty) {
    const series = Math.floor(key / DIRTY_KEY_SPAN);
    dirtyHours.push(series, (key - series * DIRTY_KEY_SPAN) * HOUR_MS);
  }
  const checkpointRows: number[] = [];
  for (const [point, cp] of result.checkpoints) checkpointRows.push(point, cp.ts, cp.value);
  return {
    readings,
    samples,
    intervalRows,
    checkpointRows,
    dirtyHours,
    checkpoints: result.checkpoints,
    unknownPoint,
    rejected,
    late: result.late,
  };
}
