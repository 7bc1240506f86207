/**
 * `plustwin ingest`: one central ingest worker. Start several (on one or more machines): the broker spreads the
 * collectors' messages over them (MQTT 5 shared subscription), and PostgreSQL's keys make their writes idempotent.
 */
import type { CliCommand } from '../../common/command.js';
import { UsageError } from '../../common/command.js';
import { parseArgs } from '../../common/args.js';
import { BROKER_FLAGS, BROKER_USAGE, brokerAccess } from '../../common/broker-flags.js';
import { waitForShutdownSignal } from '../../common/shutdown-signal.js';

const usage = `usage: plustwin ingest --mqtt URL --pg URL [--user NAME] [--password-file FILE] [--ca FILE] [--client-id ID]

Writes what the collectors publish into PostgreSQL (15 or newer) and confirms it to them. Creates its tables and
monthly partitions itself.
${BROKER_USAGE}
  --pg URL       postgresql://user@host:port/database (the password from ~/.pgpass or PGPASSWORD, not the URL)
  --client-id ID MQTT client id (default: plustwin-ingest-<pid>-<time>)`;

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'central ingest worker: MQTT (shared subscription) -> PostgreSQL, confirming to the collectors',
  usage,
  async run(argv, io) {
    const { flags } = parseArgs(argv, { ...BROKER_FLAGS, pg: 'string', 'client-id': 'string' });
    const access = brokerAccess(flags);
    const pgUrl = flags.pg;
    if (pgUrl === undefined) throw new UsageError('--pg URL is required');
    if (!/^postgres(ql)?:\/\//.test(pgUrl)) throw new UsageError(`--pg must be a postgresql:// URL, got '${pgUrl}'`);
    const log = (line: string) => io.err.write(`${line}\n`);
    const { IngestWorker } = await import('../../../core/fleet/ingest-worker.js');
    const worker = await IngestWorker.start({
      access,
      pgUrl,
      ...(flags['client-id'] === undefined ? {} : { clientId: flags['client-id'] }),
      log,
    });
    io.out.write(`PlusTwin ingest: ${access.url} -> PostgreSQL\n`);
    const signal = await waitForShutdownSignal();
    await worker.close();
    const s = worker.stats();
    log(`${signal}: stopped: ${s.received} readings received, ${s.written} written, ${s.duplicates} were already stored, ${s.rejected} messages rejected`);
    return 0;
  },
};
