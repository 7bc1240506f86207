/** UTC calendar steps. Balances are kept in UTC so that a window never gains or loses an hour at DST. */
export const addUtcMonths = (ts: number, months: number): number => {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
};

export const utcYearStart = (year: number): number => Date.UTC(year, 0, 1);
