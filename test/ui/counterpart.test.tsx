/** @vitest-environment happy-dom */
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT, type Messages } from '../../src/ext/i18n';
import { toCardModel } from '../../src/view/model';
import { alignPair } from '../../src/pair/align';
import { pairIndexes, withCounterparts } from '../../src/pair/decorate';
import type { CheckResult, Match } from '../../src/types';
import { Card } from '../../src/ui/Card';
import { I18nContext } from '../../src/ui/i18n-context';
import { loadPair } from '../pair/fixture';
import { tables, transcript } from './builtin';

const messages = (loc: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${loc}/messages.json`), 'utf8')) as Messages;
const { original, translation } = loadPair();
const indexes = pairIndexes([{ translationId: translation.id, originalId: original.id, links: alignPair(translation, original), updatedAt: 0 }], [translation, original]);

/** A verbatim match of `quote` in one of the pair's sources, decorated as the background does. */
function checked(side: 'zh' | 'en', paragraphId: string, quote: string): CheckResult {
  const source = side === 'zh' ? translation : original;
  const p = source.paragraphs.find((x) => x.id === paragraphId)!;
  const start = p.text.indexOf(quote);
  const match: Match = {
    speaker: 'main',
    sectionId: 's0',
    sectionTitle: '',
    paragraphId,
    passage: p.text,
    start,
    end: start + quote.length,
    score: 1,
    via: 'text',
    repaired: false,
    differences: [],
    source: { id: source.id, title: source.title, language: source.language, kind: source.kind },
  };
  return withCounterparts({ query: quote, verdict: 'verbatim', matches: [match] }, indexes);
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(result: CheckResult, loc = 'en') {
  const model = toCardModel(result, { transcript, tables, setting: 'simplified' });
  act(() => {
    render(
      <I18nContext.Provider value={createT(messages(loc))}>
        <Card state={{ kind: 'result', model }} actions={{ openSection: vi.fn(), copyCitation: vi.fn(async () => true) }} onClose={() => {}} />
      </I18nContext.Provider>,
      root,
    );
  });
}
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`);

describe('card: the counterpart in the paired source', () => {
  it('a Chinese quote shows the original English, labelled, with the aligned sentence marked', () => {
    show(checked('zh', 'p023', '最强的模型需要数十万块芯片'));
    expect(q('counterpart-label')!.textContent).toBe('Original English');
    expect(q('counterpart-mark')!.textContent).toBe('The most capable models need huge numbers of chips, hundreds of thousands of them.');
    expect(q('counterpart')!.getAttribute('data-paragraph')).toBe('p026');
    expect(q('counterpart')!.querySelector('blockquote')!.getAttribute('lang')).toBe('en');
  });

  it('an English quote shows the translation’s rendering under the translation’s title', () => {
    show(checked('en', 'p014', 'If the model crosses a threshold'));
    expect(q('counterpart-label')!.textContent).toBe(`Translation: ${translation.title}`);
    expect(q('counterpart-mark')!.textContent).toBe('一旦模型越过阈值，更严格的安全和部署规则就会自动生效。');
  });

  it('says when the translation dropped the paragraph or the sentence', () => {
    show(checked('en', 'p011', 'Mostly to read long documents faster.'));
    expect(q('counterpart')!.textContent).toBe('The translation leaves this passage out.');
    expect(q('counterpart-mark')).toBeNull();
    show(checked('en', 'p009', 'No curve like that does.'));
    expect(q('counterpart-dropped')).not.toBeNull();
    expect(q('counterpart-mark')).toBeNull();
  });

  it('labels the built-in translation as CSDN’s, in the interface language', () => {
    const r = checked('zh', 'p023', '最强的模型需要数十万块芯片');
    const m = r.matches[0];
    const reversed: CheckResult = {
      ...r,
      matches: [{ ...m, source: { id: original.id, title: original.title, language: 'en', kind: 'original' }, counterpart: { ...m.counterpart!, sourceId: 'builtin' } }],
    };
    show(reversed, 'zh_CN');
    expect(q('counterpart-label')!.textContent).toBe('CSDN 的中文译文');
  });

  it('shows nothing for an unpaired source', () => {
    const r = checked('zh', 'p023', '最强的模型需要数十万块芯片');
    const { counterpart: _c, ...bare } = r.matches[0];
    show({ ...r, matches: [bare] });
    expect(q('counterpart')).toBeNull();
  });
});
