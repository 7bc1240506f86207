/**
 * The flags every shell that runs the core takes (serve, collect): where the data lives, the demo clock's speed
 * and the demo district with its history, turned into the core's options in one place.
 */
import { intOption, numberOption } from './args.js';
import { defaultDataDir } from '../../core/base/data-dir.js';
import type { CoreOptions } from '../../core/app/app-core.js';

export const CORE_FLAGS = {
  data: 'string',
  speed: 'string',
  'no-demo': 'boolean',
  'demo-history-days': 'string',
} as const;

export interface CoreFlagValues {
  readonly data?: string | undefined;
  readonly speed?: string | undefined;
  readonly 'no-demo'?: boolean | undefined;
  readonly 'demo-history-days'?: string | undefined;
}

export function coreOptionsFrom(flags: CoreFlagValues, log: (line: string) => void): CoreOptions {
  return {
    dataDir: flags.data ?? defaultDataDir(),
    transport: 'http',
    speed: numberOption('speed', flags.speed, 1, 0.001, 100_000),
    demo: !flags['no-demo'],
    demoHistoryDays: intOption('demo-history-days', flags['demo-history-days'], 365, 1, 3650),
    log,
  };
}
