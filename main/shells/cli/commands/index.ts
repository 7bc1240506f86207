/**
 * Every CLI command, in the order `plustwin --help` lists them, each loaded when it is run: a command needs only its
 * own modules (the import command starts in about a third of the time it took with all of them). `plustwin serve`
 * is its own shell (main/shells/serve/entry.ts); bin/plustwin.js starts it.
 */
import type { CliCommand } from '../../common/command.js';
import { parseWorkers } from '../../../core/importers/citygml/parse-worker-pool.js';

export interface CommandEntry {
  /** As the command's own name (a test checks both agree). */
  readonly name: string;
  /** Started before the command's modules load, to be ready when they are. */
  readonly warmUp?: () => void;
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'simulate', load: async () => (await import('./simulate.js')).simulateCommand },
  { name: 'probe', load: async () => (await import('./probe.js')).probeCommand },
  // the parse workers start (about 0.1 s each) while the import's modules load, not when its first piece is cut
  { name: 'import', warmUp: () => void parseWorkers().available(), load: async () => (await import('./import.js')).importCommand },
  { name: 'district', load: async () => (await import('./district.js')).districtCommand },
  { name: 'history', load: async () => (await import('./history.js')).historyCommand },
  { name: 'balance', load: async () => (await import('./balance.js')).balanceCommand },
  { name: 'pv-potential', load: async () => (await import('./pv-potential.js')).pvPotentialCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'ingest', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'heat-plan', load: async () => (await import('./heat-plan.js')).heatPlanCommand },
  { name: 'bisko', load: async () => (await import('./bisko.js')).biskoCommand },
  { name: 'lights', load: async () => (await import('./lights.js')).lightsCommand },
  { name: 'tariff', load: async () => (await import('./tariff.js')).tariffCommand },
  { name: 'energy-report', load: async () => (await import('./energy-report.js')).energyReportCommand },
];
