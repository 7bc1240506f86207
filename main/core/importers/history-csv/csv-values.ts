/**
 * Numbers and timestamps as utilities write them: decimal comma or point, thousands separators, dd.mm.yyyy or ISO
 * dates, local time (Europe/Berlin) unless the timestamp carries an offset.
 */
import { localToUtc } from '../../../../models/intervals/local-calendar.js';

/**
 * Parses "1.234,56" (decimalComma) or "1,234.56" / "1234.56"; null when not a number. The other mark is taken
 * only as a thousands separator between groups of three digits: with a decimal comma "0.30" is not 30 but an
 * error (see decimalMarkProblem), as is "0,30" in a file with decimal points.
 */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  let t = text.replace(/\s/g, '');
  if (t === '') return null;
  if (t.includes(decimalComma ? '.' : ',')) {
    const whole = t.split(decimalComma ? ',' : '.')[0] ?? '';
    if (!(decimalComma ? /^[+-]?\d{1,3}(\.\d{3})+$/ : /^[+-]?\d{1,3}(,\d{3})+$/).test(whole)) return null;
  }
  t = decimalComma ? t.split('.').join('').replace(',', '.') : t.split(',').join('');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Why a value that is not a number failed, when it is a decimal mark the file does not use. */
export function decimalMarkProblem(text: string, decimalComma: boolean): { message: string; code: 'decimalPoint' | 'decimalComma'; suggestion: string } | null {
  const t = text.replace(/\s/g, '');
  if (decimalComma && /^[+-]?\d*\.\d+$/.test(t)) {
    const suggestion = t.replace('.', ',');
    return { code: 'decimalPoint', suggestion, message: `value '${text}' has a decimal point, but this file writes decimal commas: read as ${suggestion}? Correct the line or the file's number format` };
  }
  if (!decimalComma && /^[+-]?\d*,\d+$/.test(t)) {
    const suggestion = t.replace(',', '.');
    return { code: 'decimalComma', suggestion, message: `value '${text}' has a decimal comma, but this file writes decimal points: read as ${suggestion}? Correct the line or the file's number format` };
  }
  return null;
}

export interface WallClock {
  /** Local wall-clock time as if UTC, ms; or a true UTC instant when offsetKnown. */
  readonly ms: number;
  readonly offsetKnown: boolean;
}

const DE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function build(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null; // 31.02.
  return ms;
}

/** Parses a date with optional time ("24:00" is the end of the day, as some exports write it). */
export function parseWallClock(text: string): WallClock | null {
  const t = text.trim();
  const de = DE.exec(t);
  if (de) {
    const year = Number(de[3]) < 100 ? 2000 + Number(de[3]) : Number(de[3]);
    const ms = build(year, Number(de[2]), Number(de[1]), Number(de[4] ?? 0), Number(de[5] ?? 0), Number(de[6] ?? 0));
    return ms === null ? null : { ms, offsetKnown: false };
  }
  const iso = ISO.exec(t);
  if (iso) {
    const ms = build(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0));
    if (ms === null) return null;
    const zone = iso[7];
    if (zone === undefined) return { ms, offsetKnown: false };
    if (zone === 'Z') return { ms, offsetKnown: true };
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    return { ms: ms - offset, offsetKnown: true };
  }
  return null;
}

/** Joins a date field and a time field ("01.03.2024" + "00:15"). */
export const joinDateTime = (date: string, time: string): string => `${date.trim()} ${time.trim()}`;

export type LocalResult = { ok: true; utc: number } | { ok: false; message: string };

/**
 * Local wall-clock time to UTC in file order: in the repeated October hour the first pass is summer time and,
 * once the times run backwards, the second pass is winter time.
 */
export function resolveLocal(wall: WallClock, previousUtc: number | null): LocalResult {
  if (wall.offsetKnown) return { ok: true, utc: wall.ms };
  const early = localToUtc(wall.ms, false);
  if (early === null) return { ok: false, message: 'does not exist in local time (the clocks go forward at 02:00)' };
  const late = localToUtc(wall.ms, true) as number;
  return { ok: true, utc: previousUtc !== null && early <= previousUtc && late > previousUtc ? late : early };
}
