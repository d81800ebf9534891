/** @vitest-environment happy-dom */
/** Issue 19: a scan row whose page names no speaker opens a card that says who speaks, with no misattribution warning. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createT } from '../../src/ext/i18n';
import { toCardModel, type CardModel } from '../../src/view/model';
import { Card } from '../../src/ui/Card';
import { I18nContext } from '../../src/ui/i18n-context';
import { buildRows } from '../../src/scan/report';
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
const show = (m: CardModel) =>
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={{ kind: 'result', model: m }} actions={{ openSection: vi.fn(), copyCitation: vi.fn(async () => true) }} onClose={() => {}} />
      </I18nContext.Provider>,
      root,
    );
  });

it('an unnamed page speaker is never a misattribution, and its card does not say "not Dario Amodei"', () => {
  const card = model(fx.hostLine);
  const [row] = buildRows([{ text: fx.hostLine.query, pageSpeaker: { kind: 'unknown' }, occurrences: [1] }], [card]);
  expect(row.misattributed).toBe(false);
  show({ ...card, pageNamesNobody: true });
  expect(root.querySelector('[data-testid="speaker"]')!.textContent).toBe('Host Alex Kantrowitz');
  expect(root.querySelector('.not-amodei')).toBeNull();
  expect(root.querySelector('[data-testid="page-attribution"]')).toBeNull();
  // The same card selected by hand keeps its warning.
  show(card);
  expect(root.querySelector('.not-amodei')!.textContent).toContain('not Dario Amodei');
});
