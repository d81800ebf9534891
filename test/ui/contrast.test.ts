/**
 * Text contrast of every colour pair the card, popup and pages use, in both themes: WCAG AA asks
 * 4.5:1 for body text; the badges are 12 px, so they get no large-text allowance. The floor here
 * keeps a margin above 4.5 (the Altered and Verbatim badges once stood at 4.52 and 4.56).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '../../src/ui/styles';

const FLOOR = 5;
const PAGES_CSS = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/ui/pages.css'), 'utf8');

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The custom properties declared in the first block opened by `selector` after `from`. */
function vars(css: string, selector: string, from = 0): Record<string, string> {
  const at = css.indexOf(`${selector} {`, from);
  if (at < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(at, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]));
}

function themes(css: string, selector: string) {
  const light = vars(css, selector);
  const dark = { ...light, ...vars(css, selector, css.indexOf('@media (prefers-color-scheme: dark)')) };
  return { light, dark };
}

// [text, background] as the styles pair them.
const CARD_PAIRS: Array<[string, string]> = [
  ['ok', 'ok-bg'], ['warn', 'warn-bg'], ['rel', 'rel-bg'], ['bad', 'bad-bg'], // verdict badges
  ['fg', 'bg'], ['muted', 'bg'], ['accent', 'bg'], ['ok', 'bg'], ['warn', 'bg'], ['bad', 'bg'], // text, help, links, status, notes, not-Amodei
  ['fg', 'soft'], ['muted', 'soft'], ['accent', 'soft'], // passage, buttons
  ['mark-fg', 'mark'], ['fg', 'del'], ['fg', 'ins'], // marked span, differences
  ['bg', 'accent'], // check button
];
const PAGE_PAIRS: Array<[string, string]> = [
  ['fg', 'bg'], ['muted', 'bg'], ['accent', 'bg'], ['warn', 'bg'], ['bg', 'accent'],
  ['fg', 'soft'], ['muted', 'soft'], ['mark-fg', 'mark'],
  ['fg', 'target'], ['muted', 'target'], ['accent', 'target'], ['warn', 'target'], // the quoted paragraph
];

describe('text contrast', () => {
  for (const [name, css, selector, pairs] of [
    ['card and popup', CARD_CSS, '.vb', CARD_PAIRS],
    ['extension pages', PAGES_CSS, ':root', PAGE_PAIRS],
  ] as const) {
    for (const [theme, colours] of Object.entries(themes(css, selector))) {
      it(`${name}, ${theme}: every pair at least ${FLOOR}:1`, () => {
        const low = pairs
          .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(colours[fg], colours[bg]) * 100) / 100 }))
          .filter((p) => !(p.ratio >= FLOOR));
        expect(low).toEqual([]);
      });
    }
  }

  it('measures what WCAG measures', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#9a6700', '#fff8c5')).toBeCloseTo(4.52, 2);
  });
});
