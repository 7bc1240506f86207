/**
 * Readable contrast in both themes: every text colour of app.css against the backgrounds it is drawn on meets
 * WCAG 2.x AA for normal text (4.5:1). Read from the stylesheet itself, so a colour change that breaks it fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../renderer/styles/app.css', import.meta.url), 'utf8');

function themeVariables(theme: 'light' | 'dark'): Map<string, string> {
  const start = css.indexOf(`:root[data-theme='${theme}'] {`);
  if (start < 0) throw new Error(`app.css has no ${theme} theme block`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map([...block.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]));
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour, background it is drawn on. */
const PAIRS: readonly [string, string][] = [
  ['--fg', '--bg'],
  ['--fg', '--surface'],
  ['--fg', '--selected'],
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--accent-fg', '--accent'],
  ['--accent', '--surface'],
  ['--ok', '--surface'],
  ['--warn', '--surface'],
  ['--bad', '--surface'],
  ['--generation', '--surface'],
  ['--consumption', '--surface'],
];

describe('theme contrast (WCAG AA, 4.5:1)', () => {
  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every text colour is readable on its background`, () => {
      const vars = themeVariables(theme);
      const failing = PAIRS.map(([fg, bg]) => {
        const [a, b] = [vars.get(fg), vars.get(bg)];
        if (a === undefined || b === undefined) return `${fg} on ${bg}: not defined`;
        const ratio = contrast(a, b);
        return ratio >= 4.5 ? null : `${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)}:1`;
      }).filter((f) => f !== null);
      expect(failing).toEqual([]);
    });
  }
});
