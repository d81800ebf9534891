/** @vitest-environment happy-dom */
/**
 * The scan panel for keyboard and screen reader: a region named by its heading, rows that are
 * buttons with one Tab stop for the list (the current row), the current quote in a live region,
 * and focus following the current row while the keyboard is in the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT, type Messages } from '../../src/ext/i18n';
import type { CardModel } from '../../src/view/model';
import type { ScanRowModel } from '../../src/scan/report';
import { I18nContext } from '../../src/ui/i18n-context';
import { ScanPanel, type ScanPanelState } from '../../src/ui/ScanPanel';

const t = createT(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages);
const row = (index: number, verdict: ScanRowModel['verdict']): ScanRowModel => ({
  index,
  quote: `Quote number ${index}`,
  pageSpeaker: { kind: 'amodei' },
  verdict,
  transcriptSpeaker: verdict === 'not-found' ? null : 'amodei',
  misattributed: false,
  card: { verdict } as unknown as CardModel,
  occurrences: 1,
});
const rows = [row(0, 'verbatim'), row(1, 'altered'), row(2, 'not-found')];

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function draw(current: number, state: ScanPanelState = { kind: 'done', rows }) {
  const props = { state, current, copyStatus: '', onSelect: vi.fn(), onNext: vi.fn(), onPrev: vi.fn(), onCopy: vi.fn(), onClose: vi.fn(), onKey: vi.fn() };
  act(() => render(h(I18nContext.Provider, { value: t }, h(ScanPanel, props)), root));
  return props;
}
const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('[data-testid="scan-row"]')];

describe('scan panel', () => {
  it('is a region named by its heading and described by the keys help', () => {
    draw(-1);
    const panel = root.querySelector('[data-testid="scan-panel"]')!;
    expect(panel.getAttribute('role')).toBe('region');
    const heading = root.querySelector(`#${panel.getAttribute('aria-labelledby')}`)!;
    expect(heading.tagName).toBe('H2');
    expect(heading.textContent).toBe('Quotes on this page');
    expect(root.querySelector(`#${panel.getAttribute('aria-describedby')}`)!.textContent).toContain('Esc');
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('Quotes in page order');
  });

  it('counts are text, not colour only', () => {
    draw(-1);
    expect(root.querySelector('[data-testid="scan-count-verbatim"]')!.textContent).toBe('Verbatim 1');
    expect(root.querySelector('[data-testid="scan-count-not-found"]')!.textContent).toMatch(/ 1$/);
  });

  it('rows are buttons; the list is one Tab stop: the first row, then the current one', () => {
    draw(-1);
    expect(buttons().map((b) => [b.tagName, b.type, b.tabIndex])).toEqual([
      ['BUTTON', 'button', 0],
      ['BUTTON', 'button', -1],
      ['BUTTON', 'button', -1],
    ]);
    expect(root.querySelector('[data-testid="scan-announce"]')!.textContent).toBe('');
    draw(2);
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
    expect(buttons()[2].getAttribute('aria-current')).toBe('true');
    expect(buttons()[0].hasAttribute('aria-current')).toBe(false);
  });

  it('the current quote is announced in a live region', () => {
    draw(1);
    const live = root.querySelector('[data-testid="scan-announce"]')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.textContent).toBe('Quote 2 of 3, Altered: “Quote number 1”. Page: Amodei. Transcript: Dario Amodei.');
  });

  it('focus follows the current row when it is in the list, and stays on Next when moved from there', () => {
    draw(0);
    buttons()[0].focus();
    draw(1);
    expect(document.activeElement).toBe(buttons()[1]);
    const next = root.querySelector<HTMLButtonElement>('[data-testid="scan-next"]')!;
    next.focus();
    draw(2);
    expect(document.activeElement).toBe(next);
  });

  it('a row click opens that quote', () => {
    const props = draw(-1);
    buttons()[2].click();
    expect(props.onSelect).toHaveBeenCalledWith(2);
  });
});

describe('scan panel: speakers, misattribution, folding', () => {
  it('a row whose page names nobody says so; a misattributed row carries a worded badge', () => {
    const nobody: ScanRowModel = { ...row(0, 'verbatim'), pageSpeaker: null, transcriptSpeaker: 'editor' };
    const wrong: ScanRowModel = { ...row(1, 'verbatim'), transcriptSpeaker: 'host', misattributed: true };
    draw(-1, { kind: 'done', rows: [nobody, wrong] });
    const [a, b] = buttons();
    expect(a.getAttribute('data-page-speaker')).toBe('unknown');
    expect(a.querySelector('[data-testid="scan-page-says"]')!.textContent).toBe('The page names no speaker');
    expect(a.textContent).not.toContain('unnamed');
    expect(a.querySelector('[data-testid="scan-misattributed-badge"]')).toBeNull();
    expect(b.querySelector('[data-testid="scan-misattributed-badge"]')!.textContent).toBe('≠ misattributed');
    expect(b.querySelector('[data-testid="scan-page-says"]')!.textContent).toBe('Page: Amodei');
  });

  it('folded: a tab that names the count and unfolds; keys still reach the panel', () => {
    const onFold = vi.fn();
    const props = { state: { kind: 'done' as const, rows }, current: -1, copyStatus: '', onSelect: vi.fn(), onNext: vi.fn(), onPrev: vi.fn(), onCopy: vi.fn(), onClose: vi.fn(), onKey: vi.fn(), folded: true, onFold };
    act(() => render(h(I18nContext.Provider, { value: t }, h(ScanPanel, props)), root));
    expect(buttons()).toEqual([]);
    const tab = root.querySelector<HTMLButtonElement>('[data-testid="scan-tab"]')!;
    expect(tab.textContent).toBe('Verbatim: 3 quotes');
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    act(() => tab.click());
    expect(onFold).toHaveBeenCalledTimes(1);
    root.querySelector('[data-testid="scan-panel"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(props.onKey).toHaveBeenCalled();
    // Unfolded with room to fold back: a Fold button.
    act(() => render(h(I18nContext.Provider, { value: t }, h(ScanPanel, { ...props, folded: false })), root));
    expect(root.querySelector('[data-testid="scan-fold"]')!.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('a scanned quote whose page names nobody: the card', () => {
  it('says who speaks in the transcript, without "not Dario Amodei"', async () => {
    const { SpeakerLine } = await import('../../src/ui/SpeakerLine');
    act(() => render(h(I18nContext.Provider, { value: t }, h('dl', null, h(SpeakerLine, { match: { speaker: 'editor' }, warn: false }))), root));
    expect(root.textContent).toBe("Said byEditor's introduction (CSDN)");
    act(() => render(h(I18nContext.Provider, { value: t }, h('dl', null, h(SpeakerLine, { match: { speaker: 'editor' } }))), root));
    expect(root.textContent).toContain('not Dario Amodei');
  });
});
