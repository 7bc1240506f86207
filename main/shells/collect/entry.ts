/** Process entry of `plustwin collect`; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import { runEntry } from '../common/run-entry.js';
import { collectCommand } from './collect-command.js';

runEntry(collectCommand);
