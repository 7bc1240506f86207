/**
 * The balance period of a report in the site's local calendar ("2025" is 1 January 00:00 to 1 January 00:00 in
 * Europe/Berlin), as the consultant means it. Whole local days always lie on the 15-minute UTC grid.
 */
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { checkTimeZone, zonedToUtc } from '../analysis/local-time.js';

export interface ReportPeriod {
  /** UTC epoch ms, inclusive. */
  readonly from: number;
  /** UTC epoch ms, exclusive. */
  readonly to: number;
  /** As the user wrote it, for titles and file names. */
  readonly label: string;
}

/** Thrown for a period text that means nothing; the message says which forms are understood. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

const FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (end date inclusive)';

const day = (text: string): { y: number; m: number; d: number } => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw new PeriodError(`'${text}' is not a date YYYY-MM-DD; periods are ${FORMS}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) {
    throw new PeriodError(`'${text}' is not a calendar date`);
  }
  return { y, m: mo, d };
};

/** Parses a period in the local calendar of timeZone. */
export const parsePeriod = (text: string, timeZone: string): ReportPeriod => {
  checkTimeZone(timeZone);
  const t = text.trim();
  let from: number;
  let to: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t)) !== null) {
    const y = Number(m[1]);
    from = zonedToUtc(y, 0, 1, timeZone);
    to = zonedToUtc(y + 1, 0, 1, timeZone);
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(t)) !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    if (mo < 0 || mo > 11) throw new PeriodError(`'${t}' has no month ${m[2]}`);
    from = zonedToUtc(y, mo, 1, timeZone);
    to = zonedToUtc(y, mo + 1, 1, timeZone);
  } else if (t.includes('..')) {
    const [a, b] = t.split('..');
    const s = day((a ?? '').trim());
    const e = day((b ?? '').trim());
    from = zonedToUtc(s.y, s.m, s.d, timeZone);
    to = zonedToUtc(e.y, e.m, e.d + 1, timeZone);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const s = day(t);
    from = zonedToUtc(s.y, s.m, s.d, timeZone);
    to = zonedToUtc(s.y, s.m, s.d + 1, timeZone);
  } else {
    throw new PeriodError(`period '${text}' is not understood; use ${FORMS}`);
  }
  if (!(to > from)) throw new PeriodError(`period '${text}' ends before it starts`);
  if (from % INTERVAL_MS !== 0 || to % INTERVAL_MS !== 0) {
    throw new PeriodError(`period '${text}' does not fall on the 15-minute grid in ${timeZone}`);
  }
  return { from, to, label: t };
};
