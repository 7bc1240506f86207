/** Every CLI command, in the order `plustwin --help` lists them. */
import type { CliCommand } from '../command.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';
import { probeCommand } from './probe.js';
import { importCommand } from './import.js';
import { districtCommand } from './district.js';
import { historyCommand } from './history.js';
import { balanceCommand } from './balance.js';
import { pvPotentialCommand } from './pv-potential.js';
import { reportCommand } from './report.js';

export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  simulateCommand,
  probeCommand,
  importCommand,
  districtCommand,
  historyCommand,
  balanceCommand,
  pvPotentialCommand,
  reportCommand,
];
