/**
 * Every CLI command, in the order `plustwin --help` lists them. `plustwin serve` is its own shell
 * (main/shells/serve/entry.ts); bin/plustwin.js starts it, and the overview names it from SERVE_SUMMARY.
 */
import type { CliCommand } from '../../common/command.js';
import { simulateCommand } from './simulate.js';
import { probeCommand } from './probe.js';
import { importCommand } from './import.js';
import { districtCommand } from './district.js';
import { historyCommand } from './history.js';
import { balanceCommand } from './balance.js';
import { pvPotentialCommand } from './pv-potential.js';
import { reportCommand } from './report.js';
import { ingestCommand } from './ingest.js';
import { heatPlanCommand } from './heat-plan.js';
import { biskoCommand } from './bisko.js';
import { lightsCommand } from './lights.js';
import { tariffCommand } from './tariff.js';
import { energyReportCommand } from './energy-report.js';

export const COMMANDS: readonly CliCommand[] = [
  simulateCommand,
  probeCommand,
  importCommand,
  districtCommand,
  historyCommand,
  balanceCommand,
  pvPotentialCommand,
  reportCommand,
  ingestCommand,
  heatPlanCommand,
  biskoCommand,
  lightsCommand,
  tariffCommand,
  energyReportCommand,
];
