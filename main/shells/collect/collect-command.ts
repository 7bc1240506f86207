/**
 * `plustwin collect`: the collector of one site without UI or HTTP. Its district file is the durable outbox; what it
 * reads goes to the broker under plustwin/v1/<site>/... (main/core/fleet/topics.ts) until the central side
 * confirms it.
 */
import type { CliCommand } from '../common/command.js';
import { UsageError } from '../common/command.js';
import { intOption, parseArgs } from '../common/args.js';
import { CORE_FLAGS, coreOptionsFrom } from '../common/core-flags.js';
import { BROKER_FLAGS, BROKER_USAGE, brokerAccess } from '../common/broker-flags.js';
import { waitForShutdownSignal } from '../common/shutdown-signal.js';
import { appVersion } from '../../core/base/app-root.js';

const usage = `usage: plustwin collect --mqtt URL --site ID [--data DIR] [--user NAME] [--password-file FILE] [--ca FILE]
                        [--speed N] [--no-demo] [--demo-history-days N] [--drain-seconds N]

Runs the collector of one site headless and publishes its readings and finished 15-minute intervals to an MQTT
broker, replaying whatever the central side has not confirmed after an outage.
  --site ID      the site's id in the topics (letters, digits, '-' and '_'); also the default broker user
${BROKER_USAGE}
  --data DIR     where the district file (the outbox) and settings live (default: the user-data folder)
  --speed N      demo clock speed: simulated seconds per real second
  --no-demo      do not start the built-in demo district
  --demo-history-days N
                 days of demo history generated on first start (default 365)
  --drain-seconds N
                 on SIGTERM/SIGINT, wait up to N seconds for the central side to confirm everything (default 30)`;

const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const collectCommand: CliCommand = {
  name: 'collect',
  summary: 'run a headless collector that publishes to an MQTT broker (store-and-forward)',
  usage,
  async run(argv, io) {
    const { flags } = parseArgs(argv, {
      ...BROKER_FLAGS,
      site: 'string',
      ...CORE_FLAGS,
      'drain-seconds': 'string',
    });
    const site = flags.site;
    if (site === undefined) throw new UsageError('--site ID is required');
    // the id is a topic level and the broker user of its ACL pattern, so it must be one that needs no encoding
    if (!SITE_ID.test(site)) throw new UsageError(`--site must be 1 to 64 letters, digits, '-' or '_', got '${site}'`);
    const access = brokerAccess(flags, site);
    const drainSeconds = intOption('drain-seconds', flags['drain-seconds'], 30, 0, 3600);
    const log = (line: string) => io.err.write(`${line}\n`);
    const options = coreOptionsFrom(flags, log);
    const [{ startCore }, { EdgePublisher }] = await Promise.all([
      import('../../core/app/app-core.js'),
      import('../../core/fleet/edge-publisher.js'),
    ]);
    const core = await startCore({ ...options, outbox: true });
    let publisher;
    try {
      publisher = await EdgePublisher.start({ access, site, dbFile: core.paths.db, version: appVersion(), log });
    } catch (e) {
      await core.close();
      throw e;
    }
    io.out.write(`PlusTwin collecting site ${site}, publishing to ${access.url}\n`);
    const signal = await waitForShutdownSignal();
    log(`${signal}: stopping the collector, then waiting up to ${drainSeconds} s for the central side to confirm the outbox`);
    await core.close();
    const drained = await publisher.drain(drainSeconds * 1000);
    const stats = publisher.stats();
    await publisher.close();
    log(`stopped: ${stats.readings} readings published (${stats.replayed} as history); outbox ${drained ? 'fully confirmed' : 'NOT fully confirmed: the rest goes at the next start'}`);
    return drained ? 0 : 3;
  },
};
