/** @vitest-environment happy-dom */
/**
 * The lean card script (issue 20): the card as the select-and-check script builds it (parts.ts
 * swapped for parts-lazy.ts) renders exactly like the full card when extrasNeeded says a result
 * needs no extras, differs when it says it does, and without the extras still shows every
 * verdict and passage. Models come from the real matcher and from the UI fixtures.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT } from '../../src/ext/i18n';
import { builtinMatcher, en, tables, transcript } from './builtin';
import { toCardModel, type CardModel } from '../../src/view/model';
import type { CheckResult } from '../../src/types';
import { Card } from '../../src/ui/Card';
import { I18nContext } from '../../src/ui/i18n-context';
import { extrasNeeded } from '../../src/ui/extras-needed';
import { CARD_CORE_CSS, CARD_CSS } from '../../src/ui/styles';
import { CARD_EXTRAS_CSS } from '../../src/ui/styles-extras';
import { startCardCore } from '../../src/ext/card-core';
import type { CardCore, CardParts } from '../../src/ext/card-extras-contract';
import * as fixtures from './fixtures';

// The card script's build: every part comes through parts-lazy.ts.
vi.mock('../../src/ui/parts', async () => await import('../../src/ui/parts-lazy'));
const realParts = await vi.importActual<CardParts>('../../src/ui/parts');

const view = (r: CheckResult): CardModel => toCardModel(r, { transcript, tables, setting: 'as-selected' });

/** Quotes of every kind, built from the transcript itself and from invented text. */
function realModels(): Array<[string, CardModel]> {
  const sentences = transcript.paragraphs
    .filter((p) => p.speaker === 'amodei' && !p.repaired)
    .flatMap((p) => (p.simplified ?? p.text).split(/(?<=[。?!])/).filter((s) => s.length > 14 && s.length < 60));
  const [a, b, c] = [sentences[3], sentences[20], sentences[41]];
  const digits = sentences.find((s) => /\d/.test(s)) ?? a;
  const quotes: Array<[string, string]> = [
    ['verbatim sentence', a],
    ['verbatim, traditional', transcript.paragraphs.find((p) => p.speaker === 'amodei')!.text.slice(0, 30)],
    ['a figure changed', digits.replace(/\d/, (d) => String((Number(d) + 3) % 10))],
    ['two words swapped out', a.slice(0, 6) + '完全不是' + a.slice(10)],
    ['three sentences, one invented', `${a}${'我们明天要去海边钓鱼,顺便看看灯塔。'}${b}`],
    ['two real sentences', `“${b}”“${c}”`],
    ['cleaned up with an ellipsis', `${a.slice(0, 8)}……${a.slice(-10)}`],
    ['invented, with a name', '黄仁勋认为所有的芯片明年都会免费。'],
    ['invented', '猫咪今天在窗台上晒了一整个下午的太阳。'],
    ['English line', "That's the most outrageous lie I've ever heard."],
    ['English, unrelated', 'The weather in Lisbon was lovely this spring.'],
    ['a fragment', a.slice(2, 9)],
    ['empty', ''],
  ];
  return quotes.map(([name, q]) => [name, view(builtinMatcher().check(q))]);
}

const fixtureModels = (): Array<[string, CardModel]> =>
  Object.entries(fixtures)
    .filter(([, v]) => typeof v === 'object' && v && 'verdict' in v)
    .map(([k, v]) => [`fixture ${k}`, view(v as CheckResult)]);

/** Hand-made results with the rarer parts: a reader's source, a counterpart, cleanup, contradiction, mentions. */
function rareModels(): Array<[string, CardModel]> {
  const base = view(fixtures.verbatim);
  const m = base.matches[0];
  return [
    ['reader source', { ...base, matches: [{ ...m, source: { id: 'src-1', title: 'A talk', kind: 'transcript', language: 'en' } }] }],
    ['counterpart dropped', { ...base, matches: [{ ...m, counterpart: null }] }],
    ['counterpart', { ...base, matches: [{ ...m, counterpart: { sourceId: 'src-2', paragraphId: 'p3', text: 'The only real thing is the exponential.', language: 'en', title: 'Original' } }] }],
    ['cleanup', { ...base, cleanup: [{ kind: 'ellipsis', quote: '……', transcript: '盡管如此' }] }],
    ['contradiction', { ...base, verdict: 'not-found', contradiction: { kind: 'negation', quote: '我不是最乐观的人', passage: m.passage, via: 'text' } }],
    ['mentions', { ...view(fixtures.notFound), mentions: { paragraphId: 'p030', sectionId: 's2', terms: ['黄仁勋'] } }],
    ['altered without differences', { ...view(fixtures.altered), matches: [{ ...view(fixtures.altered).matches[0], differences: [] }] }],
  ] as Array<[string, CardModel]>;
}

let root: HTMLElement;
let core: CardCore;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  core = startCardCore();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function html(model: CardModel, withExtras: boolean): string {
  core.extras = withExtras ? { parts: realParts, css: CARD_EXTRAS_CSS } : null;
  const t = createT(en);
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={{ kind: 'result', model }} actions={{ openSection() {}, copyCitation: async () => true }} onClose={() => {}} />
      </I18nContext.Provider>,
      root,
    );
  });
  const out = root.innerHTML;
  act(() => render(null, root));
  return out;
}

const models = () => [...realModels(), ...fixtureModels(), ...rareModels()];

describe('extras the card script loads only for the results that show them', () => {
  it('the real matcher gives results of both kinds (the comparison below is not vacuous)', () => {
    const need = models().map(([, m]) => extrasNeeded(m));
    expect(need.filter(Boolean).length).toBeGreaterThan(5);
    expect(need.filter((x) => !x).length).toBeGreaterThan(5);
  });

  for (const [name, model] of models()) {
    it(`${name}: ${extrasNeeded(model) ? 'needs extras, and shows more with them' : 'needs none: the card is the same without them'}`, () => {
      const lean = html(model, false);
      const full = html(model, true);
      if (extrasNeeded(model)) expect(lean).not.toBe(full);
      else expect(lean).toBe(full);
    });
  }

  it('without the extras a card still shows every verdict and passage (degrades, never blank)', () => {
    for (const [name, model] of models()) {
      const lean = html(model, false);
      const doc = document.createElement('div');
      doc.innerHTML = lean;
      const rows = model.segments && model.segments.length > 1 ? model.segments : [model];
      const verdicts = [...doc.querySelectorAll('[data-testid="verdict"]')].map((e) => e.getAttribute('data-verdict'));
      expect(verdicts, name).toEqual(rows.map((r) => r.verdict));
      expect(doc.querySelectorAll('[data-testid="passage"]').length, name).toBe(rows.reduce((n, r) => n + r.matches.length, 0));
    }
  });

  it('a several-quote card without extras lists each quote with its verdict', () => {
    const model = view(fixtures.multi);
    const doc = document.createElement('div');
    doc.innerHTML = html(model, false);
    expect([...doc.querySelectorAll('[data-testid="segment"]')].map((e) => e.getAttribute('data-verdict'))).toEqual(['verbatim', 'verbatim']);
    doc.innerHTML = html(model, true);
    expect(doc.querySelectorAll('li[data-testid="segment"]').length).toBe(2);
  });
});

describe('card styles split between the card script and the extras', () => {
  it('the popup and scan panel get all of it; the card script none of the extras', () => {
    expect(CARD_CSS).toBe(CARD_CORE_CSS + CARD_EXTRAS_CSS);
    for (const cls of ['.diffs', '.counterpart', '.contra', '.mentions', '.rows', '.row-head', '.match-source']) {
      expect(CARD_CORE_CSS, cls).not.toContain(cls);
      expect(CARD_EXTRAS_CSS, cls).toContain(cls);
    }
  });
});
