/**
 * A balance adds every point of a role. Per-phase values are parts of the device's total, so a profile that gave
 * them a balance role would count the same energy twice: they must be 'info'. (Tariff counters are not parts of
 * each other, they add up to the total, so they keep their role.)
 */
import { describe, expect, it } from 'vitest';
import { listProfiles, loadProfile } from '../../../drivers/modbus/index.js';

const BALANCE_ROLES = new Set(['import', 'export', 'generation', 'consumption', 'storage']);
const PER_PHASE = /_(l[123]|ph[abc])$/i;

describe('device profiles and balances', () => {
  it('give per-phase points no balance role', async () => {
    const offenders: string[] = [];
    const profiles = await listProfiles();
    expect(profiles.length).toBeGreaterThanOrEqual(10);
    for (const summary of profiles) {
      const profile = await loadProfile(summary.id);
      for (const p of profile.points) {
        if (PER_PHASE.test(p.key) && BALANCE_ROLES.has(p.role)) offenders.push(`${profile.id}:${p.key} (${p.role})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('give every meter one total import power point at most', async () => {
    for (const summary of await listProfiles()) {
      const profile = await loadProfile(summary.id);
      const totals = profile.points.filter((p) => p.kind === 'power' && p.role === 'import' && p.medium === 'electricity');
      expect(totals.length, profile.id).toBeLessThanOrEqual(1);
    }
  });
});
