import { describe, expect, it } from 'vitest';
import { decodeCsvFile, historyPoints } from '../../../renderer/panels/history-dialog.js';
import type { Point } from '../../../models/types.js';

describe('history dialog helpers', () => {
  it('reads UTF-8 and the Windows-1252 of German utility exports, without a byte order mark', () => {
    const utf8 = new TextEncoder().encode('\uFEFFDatum;Zählerstand\n');
    expect(decodeCsvFile(utf8.buffer as ArrayBuffer)).toBe('Datum;Zählerstand\n');
    const cp1252 = new Uint8Array([0x5a, 0xe4, 0x68, 0x6c, 0x65, 0x72, 0x3b, 0x31, 0x2c, 0x35]); // "Zähler;1,5", not UTF-8
    expect(decodeCsvFile(cp1252.buffer)).toBe('Zähler;1,5');
  });

  it('offers the building\'s energy counters and power points, not its info points or other buildings\'', () => {
    const p = (id: string, buildingId: string, kind: Point['kind']): Point => ({
      id, deviceId: 'd', buildingId, name: id, unit: 'kWh', medium: 'electricity', role: 'import', kind,
    });
    const points = [p('a', 'H', 'energy-counter'), p('b', 'H', 'power'), p('c', 'H', 'voltage'), p('d', 'X', 'energy-counter')];
    expect(historyPoints(points, 'H').map((x) => x.id)).toEqual(['a', 'b']);
  });
});
