/** @vitest-environment happy-dom */
/** How the card presents issue 10's verdicts: headline, one notice, contradiction, mentions, keyed text. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT } from '../../src/ext/i18n';
import { builtinMatcher, en, locale, tables, transcript } from './builtin';
import { restoredWords, toCardModel, type CardModel } from '../../src/view/model';
import { Card } from '../../src/ui/Card';
import { CARD_CSS } from '../../src/ui/styles';
import { I18nContext } from '../../src/ui/i18n-context';
import type { CardActions } from '../../src/ui/actions';

const model = (text: string, setting: 'as-selected' | 'simplified' | 'traditional' = 'as-selected'): CardModel =>
  toCardModel(builtinMatcher().check(text), { transcript, tables, setting });

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const all = (id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[];

function show(m: CardModel, lang = 'en', actions: Partial<CardActions> = {}) {
  const acts: CardActions = { openSection: vi.fn(), copyCitation: vi.fn(async () => true), ...actions };
  const t = createT(locale(lang), en);
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={{ kind: 'result', model: m }} actions={acts} onClose={() => {}} />
      </I18nContext.Provider>,
      root,
    );
  });
  return acts;
}

describe('card: one headline written for the case, at most one notice', () => {
  it('an exact English line: the translated passage says the same, checked against a Chinese translation', () => {
    show(model("That's the most outrageous lie I've ever heard."));
    expect(q('verdict')!.dataset.verdict).toBe('related');
    expect(q('headline')!.dataset.headline).toBe('gloss-close');
    expect(q('headline')!.textContent).toMatch(/Chinese translation.*says the same/);
    expect(all('notice').length).toBeLessThanOrEqual(1);
    expect(root.textContent).not.toMatch(/Closest passage:/);
  });

  it('a short phrase: checked, and the one notice says how little it proves', () => {
    show(model('最离谱的谎言'));
    expect(q('verdict')!.dataset.verdict).toBe('verbatim');
    expect(q('headline')!.dataset.headline).toBe('verbatim-short');
    expect(all('notice')).toHaveLength(1);
    expect(q('notice')!.textContent).toMatch(/proves little/);
  });

  it('"Closest passages" (plural) only above a ranked list of several', () => {
    const one = model('这是我听过最离谱的事情');
    show({ ...one, matches: one.matches.slice(0, 1) });
    expect(root.textContent).not.toMatch(/Closest passages/);
    expect(q('rank')).toBeNull();
    show(one);
    if (one.matches.length > 1) {
      expect(root.textContent).toMatch(/Closest passages/);
      expect(all('rank')).toHaveLength(one.matches.length);
    }
  });
});

describe('card: contradiction and mentions', () => {
  it('a reversed claim: the passage says otherwise, both wordings side by side', () => {
    const m = model('我们愿意为了单独回应这些 offer,而牺牲我们的薪酬原则和公平原则。');
    show(m);
    expect(q('headline')!.dataset.headline).toBe('contradicted');
    expect(q('headline')!.textContent).toBe('The interview says otherwise.');
    expect(q('contradiction')!.dataset.kind).toBe('negation');
    expect(q('contradiction-quote')!.textContent).toContain('我们愿意');
    expect(q('contradiction-passage')!.textContent).toContain('不愿意');
  });

  it('an invented quote sharing a name: not found, with a link that is visibly not a verdict', () => {
    const m = model('黄仁勋根本不懂AI安全,他只关心卖芯片。');
    expect(m.verdict).toBe('not-found');
    const acts = show(m);
    expect(q('passage')).toBeNull();
    expect(q('mentions')!.textContent).toMatch(/^Not a verdict/);
    expect(q('mentions')!.textContent).toContain('黄仁勋');
    act(() => q('mentions-open')!.click());
    expect(acts.openSection).toHaveBeenCalledWith(expect.objectContaining({ paragraphId: m.mentions!.paragraphId }));
  });
});

describe('card: the matcher explanations in the interface language and the display script', () => {
  it('renders keyed explanations in zh_CN and zh_TW; the CLI text stays English', () => {
    const m = model('这是我听过最离谱的事情', 'simplified');
    show(m, 'zh_CN');
    const why = q('why')!.textContent!;
    expect(why).toMatch(/这段话与引语共有/);
    // the linking words are shown in the script of the passage (Simplified here)
    expect(why).toContain('离谱');
    expect(why).not.toContain('離譜');
    expect(m.matches[0].why).toMatch(/shares/);
    show(model('我們'), 'zh_TW');
    expect(q('verdict')!.textContent).toMatch(/太短,無法判斷/);
  });

  it('does not announce a punctuation-only repair as restored text', () => {
    const punctOnly = transcript.repairs.find((r) => r.paragraphId && !/[\p{L}\p{N}]/u.test(r.repaired.replace(/<$/, '')));
    const withWords = transcript.repairs.find((r) => r.paragraphId && /[\p{L}\p{N}]/u.test(r.repaired));
    expect(withWords).toBeDefined();
    const para = (id: string) => transcript.paragraphs.find((p) => p.id === id)!;
    if (punctOnly) {
      for (const w of restoredWords(transcript, para(punctOnly.paragraphId!), 'traditional')) expect(w).toMatch(/[\p{L}\p{N}]/u);
    }
    expect(restoredWords(transcript, para(withWords!.paragraphId!), 'traditional').length).toBeGreaterThan(0);
  });

  it('highlights a Simplified selection of p116 through 谎言', () => {
    const m = model('这是我听过最离谱的事情', 'as-selected');
    const p = m.matches.find((x) => x.paragraphId === 'p116')!;
    expect(m.script).toBe('simplified');
    expect(p.passage.slice(p.start, p.end)).toMatch(/谎言$/);
  });

  it('keeps the actions in sight on a tall card (sticky footer)', () => {
    expect(CARD_CSS).toMatch(/\.card \.match:first-of-type \.actions \{[^}]*position: sticky;[^}]*bottom:/);
  });
});
