/**
 * Devices that join after the page opened (the demo's OPC UA heat meters connect a few seconds later; a device added
 * from the CLI or another window) appear in the core's status before the UI knows them. When a status names a device
 * the loaded district lacks, the district is re-read once; several such statuses while a reload runs make one more
 * reload, not one each. An id that is still unknown after a reload (a device the district does not list) is not asked
 * for again, so a steady status stream never turns into a stream of district reads.
 */
import type { DeviceHealth } from '../../models/contract/index.js';

export class LateDevices {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly askedFor = new Set<string>();

  constructor(
    private readonly known: () => ReadonlySet<string>,
    private readonly reload: () => Promise<void>,
  ) {}

  /** Call with every status; resolves when any reload it started has finished. */
  seen(devices: readonly DeviceHealth[]): Promise<void> {
    const known = this.known();
    const fresh = devices.filter((d) => !known.has(d.deviceId) && !this.askedFor.has(d.deviceId));
    if (fresh.length === 0) return this.running ?? Promise.resolve();
    for (const d of fresh) this.askedFor.add(d.deviceId);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.reload();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
