import { describe, expect, it } from 'vitest';
import type { DeviceListEntry } from '../../../models/contract/index.js';
import { redact, unavailableDeviceHandlers } from '../../../main/core/api/device-handlers.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Store } from '../../../main/core/store/store.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';

const entry = (config: Record<string, unknown>): DeviceListEntry => ({
  device: { id: 'd', name: 'd', buildingId: 'b', protocol: 'opcua', url: 'opc.tcp://h:4840', profile: 'opcua', pollIntervalMs: 1000, config },
  points: [],
  run: 'running',
  health: null,
  startError: null,
  demo: false,
});

describe('device handlers', () => {
  it('never sends a stored OPC UA password back to the UI', () => {
    const out = redact(entry({ identity: { kind: 'username', username: 'op', password: 'secret' }, points: [] }));
    expect(out.device.config?.['identity']).toEqual({ kind: 'username', username: 'op', password: '' });
    const anon = entry({ identity: { kind: 'anonymous' } });
    expect(redact(anon)).toBe(anon);
  });

  it('a core without device management answers a typed error, after validating the arguments', async () => {
    const handlers = createHandlers({
      store: {} as Store,
      collector: {} as Collector,
      info: { version: 't', dataDir: '/tmp', dbPath: '/tmp/x', transport: 'http' },
    });
    const r = await dispatch(handlers, 'devices.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringMatching(/device management/) } });
    const bad = await dispatch(handlers, 'devices.remove', { id: '' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', where: 'id' } });
    expect(Object.keys(unavailableDeviceHandlers()).sort()).toEqual(
      ['devices.add', 'devices.list', 'devices.probe', 'devices.remove', 'devices.update', 'opcua.browse', 'opcua.certificates', 'opcua.reject', 'opcua.trust', 'profiles.list'],
    );
  });
});

describe('district for the UI', () => {
  it('leaves removed devices out and blanks passwords', async () => {
    const { districtForUi } = await import('../../../main/core/api/district-for-ui.js');
    const base = entry({}).device;
    const view = districtForUi({
      site: { id: 's', name: 's', origin: { lat: 0, lon: 0 }, timezone: 'UTC' },
      buildings: [],
      points: [],
      devices: [
        { ...base, id: 'kept', config: { identity: { kind: 'username', username: 'op', password: 'pw' } } },
        { ...base, id: 'gone', config: { removedAt: 5 } },
      ],
    });
    expect(view.devices.map((d) => d.id)).toEqual(['kept']);
    expect(view.devices[0]?.config?.['identity']).toEqual({ kind: 'username', username: 'op', password: '' });
  });
});
