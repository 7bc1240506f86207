/** The district as the UI gets it: removed devices left out, stored OPC UA passwords blanked. */
import type { DistrictView } from '../../../models/contract/index.js';
import type { Device } from '../../../models/types.js';
import { isRemoved } from '../ingest/devices/device-supervisor.js';

export function redactDevice(d: Device): Device {
  const identity = d.config?.['identity'] as { password?: string } | undefined;
  if (identity?.password === undefined) return d;
  return { ...d, config: { ...d.config, identity: { ...identity, password: '' } } };
}

export function districtForUi(view: DistrictView): DistrictView {
  return { ...view, devices: view.devices.filter((d) => !isRemoved(d)).map(redactDevice) };
}
