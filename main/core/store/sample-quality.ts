import type { SampleQuality } from '../../../models/types.js';

/** Raw sample quality as a small integer on disk. */
export const SAMPLE_QUALITY_CODE: Readonly<Record<SampleQuality, number>> = { good: 0, uncertain: 1, bad: 2 };
