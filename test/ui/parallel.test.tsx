/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT } from '../../src/ext/i18n';
import type { PairResponse } from '../../src/ext/pairs';
import { alignPair, correctLink } from '../../src/pair/align';
import { I18nContext } from '../../src/ui/i18n-context';
import { ParallelPage } from '../../src/ui/ParallelPage';
import { loadPair } from '../pair/fixture';
import { en } from './builtin';

const { original, translation } = loadPair();
const pair = { translationId: translation.id, originalId: original.id, links: alignPair(translation, original), updatedAt: 0 };

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
const row = (tIds: string) => root.querySelector(`[data-testid="parallel-row"][data-translation="${tIds}"]`) as HTMLElement;

describe('side-by-side page', () => {
  it('shows one row per link, the focused one marked, and sends a correction', async () => {
    const correct = vi.fn(async (t: string[], o: string[]): Promise<PairResponse> => ({
      ok: true,
      translation,
      original,
      pair: { ...pair, links: correctLink(translation, original, pair.links, { translation: t, original: o }) },
    }));
    act(() => {
      render(
        <I18nContext.Provider value={createT(en)}>
          <ParallelPage load={async () => ({ ok: true, pair, translation, original })} correct={correct} focus={{ side: 'translation', id: 'p023' }} />
        </I18nContext.Provider>,
        root,
      );
    });
    await flush();
    expect(root.querySelectorAll('[data-testid="parallel-row"]').length).toBe(pair.links.length);
    expect(row('p004').getAttribute('data-original')).toBe('p004 p005');
    expect(root.querySelectorAll('[data-focus="true"]').length).toBe(1);
    expect(row('p023').getAttribute('data-focus')).toBe('true');

    act(() => (row('p005').querySelector('[data-testid="parallel-edit"]') as HTMLButtonElement).click());
    const select = row('p005').querySelector('[data-testid="parallel-correct"]') as HTMLSelectElement;
    select.value = 'p007';
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(correct).toHaveBeenCalledWith(['p005'], ['p007']);
    expect(row('p005').getAttribute('data-original')).toBe('p007');
    expect(row('p005').getAttribute('data-corrected')).toBe('true');
    expect(root.querySelector('[data-testid="parallel-status"]')!.textContent).toContain('Correction saved');
  });

  it('shows the error when the source is not paired', async () => {
    act(() => {
      render(
        <I18nContext.Provider value={createT(en)}>
          <ParallelPage load={async () => ({ ok: false, error: 'This source is not marked as a translation of another one.' })} correct={vi.fn()} />
        </I18nContext.Provider>,
        root,
      );
    });
    await flush();
    expect(root.querySelector('[data-testid="parallel-error"]')!.textContent).toMatch(/not marked as a translation/);
  });
});
