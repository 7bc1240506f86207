/** Small HTML builders for the report page; every text that comes from data goes through esc(). */
export const esc = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

export type Cell = string | { readonly html: string; readonly cls?: string };

export interface TableOptions {
  /** Indexes of right-aligned (numeric) columns. */
  readonly numeric?: readonly number[];
  /** Rows printed bold with a rule above (totals). */
  readonly total?: readonly Cell[][];
  readonly cls?: string;
}

const cell = (tag: 'td' | 'th', c: Cell, right: boolean): string => {
  const html = typeof c === 'string' ? esc(c) : c.html;
  const cls = [right ? 'num' : '', typeof c === 'string' ? '' : (c.cls ?? '')].filter((x) => x !== '').join(' ');
  return `<${tag}${cls === '' ? '' : ` class="${cls}"`}>${html}</${tag}>`;
};

export const table = (headers: readonly string[], rows: readonly Cell[][], o: TableOptions = {}): string => {
  const num = new Set(o.numeric ?? []);
  const head = `<thead><tr>${headers.map((h, i) => cell('th', h, num.has(i))).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, num.has(i))).join('')}</tr>`).join('');
  const total = (o.total ?? []).map((r) => `<tr class="total">${r.map((c, i) => cell('td', c, num.has(i))).join('')}</tr>`).join('');
  return `<table${o.cls === undefined ? '' : ` class="${o.cls}"`}>${head}<tbody>${body}${total}</tbody></table>`;
};

export const badge = (yes: boolean, label: string, note?: string): { html: string } => ({
  html: `<span class="badge ${yes ? 'yes' : 'no'}">${esc(label)}</span>${note === undefined ? '' : ` <span class="muted">${esc(note)}</span>`}`,
});

export const figure = (label: string, value: string, unit: string, cls = ''): string =>
  `<div class="figure ${cls}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}<span class="unit"> ${esc(unit)}</span></div></div>`;

export const chart = (id: string, widthPx: number, heightPx: number, title: string): string =>
  `<div class="chart"><div class="chart-title">${esc(title)}</div><canvas data-chart="${esc(id)}" width="${widthPx}" height="${heightPx}"></canvas></div>`;
