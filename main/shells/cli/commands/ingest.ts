/**
 * `plustwin ingest`: one central ingest worker. Start several (on one or more machines): the broker spreads the
 * collectors' messages over them (MQTT 5 shared subscription), and PostgreSQL's keys make their writes idempotent.
 */
import type { CliCommand } from '../../common/command.js';
import { usageError } from '../cli-error.js';
import { commandLang } from '../command-lang.js';
import { cliText } from '../messages.js';
import { parseArgs } from '../../common/args.js';
import { BROKER_FLAGS, BROKER_USAGE, brokerAccess } from '../../common/broker-flags.js';
import { waitForShutdownSignal } from '../../common/shutdown-signal.js';

const usage = `usage: plustwin ingest --mqtt URL --pg URL [--user NAME] [--password-file FILE] [--ca FILE] [--client-id ID] [--lang de|en]

Writes what the collectors publish into PostgreSQL (15 or newer) and confirms it to them. Creates its tables and
monthly partitions itself.
${BROKER_USAGE}
  --pg URL       postgresql://user@host:port/database (the password from ~/.pgpass or PGPASSWORD, not the URL)
  --client-id ID MQTT client id (default: plustwin-ingest-<pid>-<time>)
  --lang de|en   language of the messages (default from LANG)`;

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'central ingest worker: MQTT (shared subscription) -> PostgreSQL, confirming to the collectors',
  usage,
  async run(argv, io) {
    const { flags } = parseArgs(argv, { ...BROKER_FLAGS, pg: 'string', 'client-id': 'string', lang: 'string' });
    const t = cliText(commandLang(flags.lang));
    const access = brokerAccess(flags);
    const pgUrl = flags.pg;
    if (pgUrl === undefined) throw usageError('usage.required', { flag: '--pg URL' });
    if (!/^postgres(ql)?:\/\//.test(pgUrl)) throw usageError('source.pg', { got: pgUrl });
    const log = (line: string) => io.err.write(`${line}\n`);
    const { IngestWorker } = await import('../../../core/fleet/ingest-worker.js');
    const worker = await IngestWorker.start({
      access,
      pgUrl,
      ...(flags['client-id'] === undefined ? {} : { clientId: flags['client-id'] }),
      log,
    });
    io.out.write(t('ingest.started', { url: access.url }) + '\n');
    const signal = await waitForShutdownSignal();
    await worker.close();
    const s = worker.stats();
    log(t('ingest.stopped', { signal, received: s.received, written: s.written, duplicates: s.duplicates, rejected: s.rejected }));
    return 0;
  },
};
