/**
 * Contrast of the scan's marks in the page (`::highlight()` rules), in both colour schemes, on
 * typical light and dark pages: the page's text on each mark's tinted background (and on the
 * current mark, which sets its own text colour), and each verdict's underline against the page
 * and against its own tint. The floor is 5:1, the same margin above AA as the card's colours.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, PANEL_CSS } from '../../src/ui/scan-styles';

const FLOOR = 5;
type RGB = [number, number, number];
type Rule = { bg?: [number, number, number, number]; underline?: RGB; color?: RGB };

function luminance([r, g, b]: RGB): number {
  const f = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const contrast = (a: RGB, b: RGB) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const over = (bg: Rule['bg'], page: RGB): RGB => (bg ? (page.map((p, i) => bg[i] * bg[3] + p * (1 - bg[3])) as RGB) : page);
const rgb = (s: string) => s.split(',').map((x) => Number(x.trim()));

function rules(css: string): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const m of css.matchAll(/::highlight\(verbatim-([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const body = m[2];
    const bg = /background-color:\s*rgba?\(([^)]*)\)/.exec(body);
    const deco = /text-decoration:[^;]*rgb\(([^)]*)\)/.exec(body);
    const color = /(?:^|[;\s])color:\s*rgb\(([^)]*)\)/.exec(body);
    const b = bg ? rgb(bg[1]) : undefined;
    out[m[1]] = {
      bg: b ? [b[0], b[1], b[2], b[3] ?? 1] : undefined,
      underline: deco ? (rgb(deco[1]) as RGB) : undefined,
      color: color ? (rgb(color[1]) as RGB) : undefined,
    };
  }
  return out;
}

const split = HIGHLIGHT_CSS.indexOf('@media (prefers-color-scheme: dark)');
const THEMES = {
  // [page background, page text]: plain, off-white / grey text, and common dark pages.
  light: { rules: rules(HIGHLIGHT_CSS.slice(0, split)), pages: [[[255, 255, 255], [27, 31, 36]], [[250, 250, 245], [51, 51, 51]]] as Array<[RGB, RGB]> },
  dark: { rules: rules(HIGHLIGHT_CSS.slice(split)), pages: [[[13, 17, 23], [230, 237, 243]], [[18, 18, 18], [204, 204, 204]], [[0, 0, 0], [187, 187, 187]]] as Array<[RGB, RGB]> },
};

describe('scan marks: contrast ≥ 5:1', () => {
  for (const [theme, { rules: r, pages }] of Object.entries(THEMES)) {
    it(`${theme}: every verdict, the misattribution overline and the current mark are styled`, () => {
      expect(Object.keys(r).sort()).toEqual(['altered', 'current', 'invalid', 'misattributed', 'not-found', 'related', 'verbatim']);
    });
    for (const [page, text] of pages) {
      it(`${theme} page ${page.join(',')}: text on every mark, underlines against page and tint`, () => {
        const low: string[] = [];
        for (const [name, rule] of Object.entries(r)) {
          if (name === 'current') continue;
          const tint = over(rule.bg, page);
          if (contrast(text, tint) < FLOOR) low.push(`${name}: text ${contrast(text, tint).toFixed(2)}`);
          if (rule.underline) {
            for (const [what, bg] of [['page', page], ['tint', tint]] as const) {
              const c = contrast(rule.underline, bg);
              if (c < FLOOR) low.push(`${name}: underline on ${what} ${c.toFixed(2)}`);
            }
          }
          // The current mark lies over the verdict's tint and brings its own text colour.
          const cur = r.current;
          const onCurrent = over(cur.bg, tint);
          const c = contrast(cur.color ?? text, onCurrent);
          if (c < FLOOR) low.push(`current over ${name}: text ${c.toFixed(2)}`);
        }
        expect(low).toEqual([]);
      });
    }
  }
});

describe('scan panel', () => {
  it('uses the card colour variables (their pairs are checked in contrast.test.ts) and no colour of its own for text', () => {
    const panelRules = PANEL_CSS.slice(PANEL_CSS.indexOf('.panel {'));
    expect([...panelRules.matchAll(/(?:^|[\s;{])color:\s*([^;}]+)/g)].map((m) => m[1].trim()).filter((c) => !c.startsWith('var(--'))).toEqual([]);
  });
});
