/** `plustwin simulate`: only the demo district's simulated devices, for probing them or pointing another tool at them. */
import type { CliCommand } from '../../common/command.js';
import { numberOption, parseArgs } from '../../common/args.js';
import { scaledClock, wallClock } from '../../../core/ingest/collector/clock.js';
import { DEMO_BUILDINGS } from '../../../core/demo/demo-district.js';
import type { DemoGateway } from '../../../core/demo/demo-devices.js';
import { buildDemoTracks } from '../../../core/demo/demo-tracks.js';
import { waitForShutdownSignal } from '../../common/shutdown-signal.js';
import { commandLang } from '../command-lang.js';
import { cliText } from '../messages.js';

const usage = `usage: plustwin simulate [--speed N] [--json] [--lang de|en]

Serves the demo district's simulated devices on 127.0.0.1 (a Modbus TCP gateway per building: the grid meter with
an Eastron SDM630 register map at unit 1, a SunSpec inverter at unit 2 where the building has PV) until Ctrl+C.
  --speed N   simulated seconds per real second (default 1)
  --json      print the device list as JSON
  --lang de|en  language of the messages (default from LANG)`;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'serve the demo district\'s simulated meters and inverters on 127.0.0.1',
  usage,
  async run(argv, io) {
    const { flags } = parseArgs(argv, { speed: 'string', json: 'boolean', lang: 'string' });
    const t = cliText(commandLang(flags.lang));
    const speed = numberOption('speed', flags.speed, 1, 0.001, 100_000);
    const clock = speed === 1 ? wallClock() : scaledClock(speed);
    const { startDemoGateway } = await import('../../../core/demo/demo-devices.js');
    const tracks = buildDemoTracks();
    const gateways: DemoGateway[] = [];
    try {
      for (const [i, demo] of DEMO_BUILDINGS.entries()) {
        gateways.push(await startDemoGateway(demo, tracks.get(demo.building.id)!, clock, i));
      }
      const devices = gateways.flatMap((g) => g.devices);
      if (flags.json) io.out.write(JSON.stringify(devices, null, 2) + '\n');
      else for (const d of devices) io.out.write(`${d.url.padEnd(36)} ${d.profile.padEnd(16)} ${d.name}\n`);
      io.err.write(t('simulate.running') + '\n');
      await waitForShutdownSignal();
    } finally {
      await Promise.all(gateways.map((g) => g.simulator.close()));
    }
    return 0;
  },
};
