/**
 * OPC UA status codes carry their severity in the two top bits (Part 4, 7.34): 00 Good, 01 Uncertain, 10/11 Bad.
 * That severity becomes our sample quality; the name is kept for the log and the probe.
 */
import type { SampleQuality } from '../../models/types.js';

export function qualityFromStatus(statusValue: number): SampleQuality {
  const severity = (statusValue >>> 30) & 0b11;
  if (severity === 0) return 'good';
  if (severity === 1) return 'uncertain';
  return 'bad';
}
