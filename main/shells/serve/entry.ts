/** Process entry of `plustwin serve`; bin/plustwin.js loads the bundle built from this file (scripts/build.mjs). */
import { runEntry } from '../common/run-entry.js';
import { serveCommand } from './serve-command.js';

// stdout carries exactly one line, "PlusTwin listening on URL": runEntry sends library console output to stderr
runEntry(serveCommand);
