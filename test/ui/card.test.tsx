/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT } from '../../src/ext/i18n';
import { toCardModel, type CardModel } from '../../src/view/model';
import { Card, type CardState } from '../../src/ui/Card';
import { I18nContext } from '../../src/ui/i18n-context';
import type { CardActions } from '../../src/ui/actions';
import * as fx from './fixtures';
import { en, tables, transcript } from './builtin';

const t = createT(en);
const model = (r: Parameters<typeof toCardModel>[0]): CardModel => toCardModel(r, { transcript, tables, setting: 'traditional' });

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(state: CardState, actions: Partial<CardActions> = {}, onClose = () => {}) {
  const acts: CardActions = { openSection: vi.fn(), copyCitation: vi.fn(async () => true), ...actions };
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={state} actions={acts} onClose={onClose} />
      </I18nContext.Provider>,
      root,
    );
  });
  return acts;
}
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const all = (id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[];

describe('Card', () => {
  it('verbatim: badge, speaker, section, passage with the span marked, source with the video link', () => {
    show({ kind: 'result', model: model(fx.verbatim) });
    expect(q('verdict')!.textContent).toBe('Verbatim');
    expect(q('verdict')!.dataset.verdict).toBe('verbatim');
    expect(q('speaker')!.textContent).toBe('Dario Amodei');
    expect(q('section')!.textContent).toContain('指數定律');
    expect(q('passage-mark')!.textContent).toBe(fx.verbatim.matches[0].passage.slice(37, 55));
    expect(q('open-section')!.textContent).toBe('Open full section');
    expect(q('source')!.textContent).toContain('CSDN Chinese translation, edited');
    expect(q('source')!.querySelector('a')!.getAttribute('href')).toBe('https://www.youtube.com/watch?v=mYDSSRS-B5U');
    expect(q('differences')).toBeNull();
    expect(q('repaired')).toBeNull();
  });

  it('altered: the differences, quote against transcript, and the repaired-text note', () => {
    show({ kind: 'result', model: model(fx.altered) });
    expect(q('verdict')!.textContent).toBe('Altered');
    expect(q('diff-quote')!.textContent).toBe('100');
    expect(q('diff-transcript')!.textContent).toBe('10');
    expect(q('repaired')!.textContent).toContain('restored');
  });

  it('host line: names the host and says it is not Amodei', () => {
    show({ kind: 'result', model: model(fx.hostLine) });
    expect(q('speaker')!.textContent).toBe('Host Alex Kantrowitz');
    expect(root.querySelector('.not-amodei')!.textContent).toContain('not Dario Amodei');
  });

  it('related: ranked passages with the reason; not-found: no passage at all', () => {
    show({ kind: 'result', model: model(fx.related) });
    expect(all('match').map((m) => m.dataset.paragraph)).toEqual(['p116', 'p114']);
    expect(all('rank').map((r) => r.textContent)).toEqual(['#1', '#2']);
    expect(root.textContent).toContain('shares 是我聽過最');
    show({ kind: 'result', model: model(fx.notFound) });
    expect(q('verdict')!.textContent).toBe('Not found');
    expect(q('passage')).toBeNull();
    expect(q('source')).not.toBeNull();
  });

  it('English: one headline says the check is against a Chinese translation; the gloss is labelled', () => {
    show({ kind: 'result', model: model(fx.english) });
    expect(q('headline')!.textContent).toContain('Chinese translation');
    expect(q('headline')!.textContent).toContain('says the same');
    // the headline carries it: no stacked notices under it
    expect(q('notice')).toBeNull();
    expect(q('gloss-notice')).toBeNull();
    expect(q('gloss')!.textContent).toContain("Verbatim's English gloss of the Chinese translation");
    expect(q('gloss')!.textContent).toContain('doomer');
  });

  it('invalid: the badge carries the error message', () => {
    show({ kind: 'result', model: model(fx.invalid) });
    expect(q('verdict')!.textContent).toBe('The selection is empty.');
    expect(q('verdict')!.dataset.verdict).toBe('invalid');
  });

  it('several quotes: one compact row each, expanding to the full result', () => {
    show({ kind: 'result', model: model(fx.multi) });
    const rows = all('segment');
    expect(rows).toHaveLength(2);
    expect(q('passage')).toBeNull();
    const details = rows[1].querySelector('button[aria-expanded]') as HTMLButtonElement;
    act(() => details.click());
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(rows[1].querySelector('[data-testid="passage"]')!.textContent).toContain('我們是第一個發布這種政策的公司');
  });

  it('renders page and passage text as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const r = { ...fx.verbatim, query: evil, matches: [{ ...fx.verbatim.matches[0], passage: `前${evil}後`, start: 1, end: 1 + evil.length, why: evil }] };
    show({ kind: 'result', model: model({ ...r, verdict: 'related' }) });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(q('passage')!.textContent).toContain(evil);
    show({ kind: 'error', message: evil });
    expect(root.querySelector('img')).toBeNull();
    expect(q('error')!.textContent).toContain(evil);
  });

  it('buttons call the actions; copy reports its outcome in a live region; Esc and × close', async () => {
    const onClose = vi.fn();
    const acts = show({ kind: 'result', model: model(fx.verbatim) }, {}, onClose);
    act(() => q('open-section')!.click());
    expect(acts.openSection).toHaveBeenCalledWith(expect.objectContaining({ paragraphId: 'p030', sectionId: 's2' }));
    await act(async () => {
      q('copy-citation')!.click();
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Citation copied');
    act(() => q('close')!.click());
    act(() => {
      q('card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(q('close')!.getAttribute('aria-label')).toBe('Close');
    expect(q('card')!.getAttribute('role')).toBe('dialog');
    expect(q('card')!.getAttribute('aria-label')).toBe('Verbatim quote check');
  });

  it('long passages are cut around the span and can be shown whole', () => {
    const long = '甲'.repeat(400) + '目標句子' + '乙'.repeat(400);
    const r = { ...fx.verbatim, matches: [{ ...fx.verbatim.matches[0], passage: long, start: 400, end: 404 }] };
    show({ kind: 'result', model: model(r) });
    const text = q('passage')!.textContent!;
    expect(text.length).toBeLessThan(300);
    expect(text.startsWith('…')).toBe(true);
    const more = root.querySelector('button.more') as HTMLButtonElement;
    act(() => more.click());
    expect(q('passage')!.textContent).toBe(long);
  });
});

describe('SearchBox', () => {
  it('searches as you type, marks the query in each result, and opens the chosen paragraph', async () => {
    const { SearchBox } = await import('../../src/ui/SearchBox');
    const hits = [{ paragraphId: 'p030', sectionId: 's2', sectionTitle: '指数定律', speaker: 'amodei' as const, text: '我认为唯一真实的东西,就是那条指数曲线。', score: 3 }];
    const search = vi.fn(async () => hits);
    const open = vi.fn();
    act(() => {
      render(
        <I18nContext.Provider value={t}>
          <SearchBox search={search} open={open} debounceMs={0} />
        </I18nContext.Provider>,
        root,
      );
    });
    const input = q('search') as HTMLInputElement;
    expect(root.querySelector('label')!.textContent).toBe('Search the transcript');
    act(() => {
      input.value = '指数曲线';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The search runs after a (here zero) debounce; let it resolve and render.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(search).toHaveBeenCalledWith('指数曲线');
    const result = q('search-result')!;
    expect(result.querySelector('mark')!.textContent).toBe('指数曲线');
    act(() => result.click());
    expect(open).toHaveBeenCalledWith(hits[0]);
  });
});
