/** @vitest-environment happy-dom */
/**
 * Keyboard and screen-reader behaviour of the card shell, the check button, the popup and the
 * transcript paragraph: focus return, focus trap, what the live regions and descriptions say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FloatingHost } from '../../src/ext/card-host';
import { returnFocus } from '../../src/ext/focus-return';
import { createT, type Messages } from '../../src/ext/i18n';
import type { SearchHitView } from '../../src/ext/messages';
import { toCardModel, type CardModel } from '../../src/view/model';
import type { CardActions } from '../../src/ui/actions';
import { Card, type CardState } from '../../src/ui/Card';
import { tabbables, trapTab } from '../../src/ui/focus-trap';
import { I18nContext } from '../../src/ui/i18n-context';
import { Popup, type SelectionState } from '../../src/ui/Popup';
import { ANNOUNCE_DELAY_MS, verdictSummary } from '../../src/ui/summary';
import { TranscriptParagraph } from '../../src/ui/TranscriptParagraph';
import * as fx from './fixtures';
import { tables, transcript } from './builtin';

const locale = (l: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${l}/messages.json`), 'utf8')) as Messages;
const t = createT(locale('en'));
const model = (r: Parameters<typeof toCardModel>[0]): CardModel => toCardModel(r, { transcript, tables, setting: 'traditional' });
const noActions: CardActions = { openSection: vi.fn(), copyCitation: vi.fn(async () => true) };

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  document.body.replaceChildren();
  vi.useRealTimers();
});

function showCard(state: CardState, props: { autoFocus?: boolean; onClose?: () => void } = {}) {
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={state} actions={noActions} onClose={props.onClose ?? (() => {})} autoFocus={props.autoFocus} />
      </I18nContext.Provider>,
      root,
    );
  });
}
const q = (id: string, within: ParentNode = root) => within.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const tick = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('verdictSummary: what the dialog is described as', () => {
  it('verdict, its meaning, and the speaker — naming a speaker who is not Amodei', () => {
    expect(verdictSummary(model(fx.verbatim), t)).toBe('Verbatim: The transcript has these words. Said by Dario Amodei.');
    expect(verdictSummary(model(fx.hostLine), t)).toBe('Verbatim: The transcript has these words. Said by Host Alex Kantrowitz, not Dario Amodei.');
    expect(verdictSummary(model(fx.notFound), t)).toBe('Not found: Nothing in this interview supports this quote.');
    expect(verdictSummary(model(fx.invalid), t)).toBe('Cannot check: The selection is empty.');
  });

  it('several quotes: their count and verdicts in order; in Chinese with Chinese punctuation', () => {
    const multi = model(fx.multi);
    expect(verdictSummary(multi, t)).toMatch(/^2 quotes in the selection: \w[\w ]*, \w[\w ]*\.$/);
    const zh = createT(locale('zh_CN'));
    expect(verdictSummary(model(fx.verbatim), zh)).toBe('原话:访谈文字稿里有这段原话。 说话人:Dario Amodei。');
    expect(verdictSummary(multi, zh)).toMatch(/^选区中有 2 条引语:.+、.+。$/);
  });
});

describe('Card shell', () => {
  it('is a dialog named by its label, described by the verdict, with an h2 naming the verdict', () => {
    showCard({ kind: 'result', model: model(fx.altered) });
    const dialog = q('card')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Verbatim quote check');
    const described = root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!;
    expect(described.textContent).toBe('Altered: One passage agrees closely, but not exactly. Said by Dario Amodei.');
    // Hidden from reading order (the body shows it), still used for the description.
    expect(described.hasAttribute('hidden')).toBe(true);
    expect(root.querySelector('h2')!.textContent).toBe('Verbatim quote check — Altered');
  });

  it('live region: empty at insertion, then the verdict when focus did not bring it', () => {
    vi.useFakeTimers();
    showCard({ kind: 'result', model: model(fx.verbatim) });
    expect(q('card-announcement')!.textContent).toBe('');
    expect(q('card-announcement')!.getAttribute('role')).toBe('status');
    tick(ANNOUNCE_DELAY_MS + 1);
    expect(q('card-announcement')!.textContent).toBe('Verbatim: The transcript has these words. Said by Dario Amodei.');
  });

  it('focused while the verdict was already there: the description says it, the live region stays quiet', () => {
    vi.useFakeTimers();
    showCard({ kind: 'result', model: model(fx.verbatim) }, { autoFocus: true });
    expect(document.activeElement).toBe(q('card'));
    tick(ANNOUNCE_DELAY_MS + 1);
    expect(q('card-announcement')!.textContent).toBe('');
  });

  it('focused while checking: the verdict that comes later is announced', () => {
    vi.useFakeTimers();
    showCard({ kind: 'loading', query: 'x' }, { autoFocus: true });
    expect(document.activeElement).toBe(q('card'));
    tick(ANNOUNCE_DELAY_MS + 1);
    showCard({ kind: 'result', model: model(fx.altered) }, { autoFocus: true });
    expect(q('card-announcement')!.textContent).not.toContain('Altered');
    tick(ANNOUNCE_DELAY_MS + 1);
    expect(q('card-announcement')!.textContent).toBe('Altered: One passage agrees closely, but not exactly. Said by Dario Amodei.');
  });

  it('Tab from the last stop goes to the first, Shift+Tab from the first (or the dialog) to the last', () => {
    showCard({ kind: 'result', model: model(fx.verbatim) }, { autoFocus: true });
    const dialog = q('card')!;
    const stops = tabbables(dialog);
    expect(stops.length).toBeGreaterThan(2);
    expect(stops[0]).toBe(q('close'));
    const press = (shiftKey: boolean) =>
      act(() => {
        (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true }));
      });
    press(true); // from the dialog itself
    expect(document.activeElement).toBe(stops[stops.length - 1]);
    press(false);
    expect(document.activeElement).toBe(stops[0]);
    press(true);
    expect(document.activeElement).toBe(stops[stops.length - 1]);
  });
});

describe('trapTab', () => {
  it('wraps at both ends, leaves the middle to the browser, and holds focus in a card without stops', () => {
    const box = document.createElement('div');
    box.innerHTML = '<button>a</button><a href="#x">b</a><button disabled>c</button><span tabindex="-1">d</span><input hidden><button>e</button>';
    document.body.appendChild(box);
    const stops = tabbables(box);
    expect(stops.map((e) => e.textContent)).toEqual(['a', 'b', 'e']);
    expect(trapTab(box, stops[2], false)).toBe(stops[0]);
    expect(trapTab(box, stops[0], true)).toBe(stops[2]);
    expect(trapTab(box, stops[1], false)).toBeNull();
    expect(trapTab(box, document.body, false)).toBe(stops[0]);
    const empty = document.createElement('div');
    expect(trapTab(empty, null, false)).toBe(empty);
  });
});

describe('focus return', () => {
  it('to the element focused before', () => {
    const link = document.createElement('a');
    link.href = '#x';
    document.body.appendChild(link);
    expect(returnFocus(link, null)).toBe(link);
    expect(document.activeElement).toBe(link);
  });

  it('nothing was focused: to where the selection starts, focusable only while it holds focus', () => {
    const p = document.createElement('p');
    p.textContent = 'a quote';
    const other = document.createElement('button');
    document.body.append(p, other);
    expect(returnFocus(document.body, p.firstChild)).toBe(p);
    expect(document.activeElement).toBe(p);
    expect(p.getAttribute('tabindex')).toBe('-1');
    other.focus();
    expect(p.hasAttribute('tabindex')).toBe(false);
  });

  it('a removed element is skipped for the reading position', () => {
    const gone = document.createElement('button');
    const p = document.createElement('p');
    p.textContent = 'text';
    document.body.append(p);
    expect(returnFocus(gone, p.firstChild)).toBe(p);
  });

  it('FloatingHost.close: tests focus before removing the card, and gives it back', async () => {
    const before = document.createElement('button');
    document.body.appendChild(before);
    before.focus();
    const host = new FloatingHost({ tag: 'verbatim-card' });
    act(() => host.show(h(Card, { state: { kind: 'result', model: model(fx.verbatim) }, actions: noActions, onClose: () => host.close(true) }), t, null));
    (host.root.querySelector('[data-testid="card"]') as HTMLElement).focus();
    expect(document.activeElement).toBe(host.host);
    act(() => host.close(true));
    expect(host.host.isConnected).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('FloatingHost.close: focus that is elsewhere stays where it is', () => {
    const before = document.createElement('button');
    const elsewhere = document.createElement('input');
    document.body.append(before, elsewhere);
    before.focus();
    const host = new FloatingHost({ tag: 'verbatim-card' });
    elsewhere.focus();
    act(() => host.close(true));
    expect(document.activeElement).toBe(elsewhere);
  });
});

// The check button (plain DOM, drawn by the check-on-select watcher): test/ext/select-watch.test.ts.

describe('Popup', () => {
  const hits: SearchHitView[] = [{ paragraphId: 'p030', sectionId: 's2', sectionTitle: '指数定律', speaker: 'amodei', text: '我认为唯一真实的东西,就是那条指数曲线。', score: 3 }];
  const draw = (selection: SelectionState, found: SearchHitView[] = hits) =>
    act(() => {
      render(
        <I18nContext.Provider value={t}>
          <Popup
            selection={selection}
            actions={noActions}
            search={async () => found}
            openHit={() => {}}
            openTranscript={() => {}}
            openOptions={() => {}}
            openSources={() => {}}
            addThisPage={async () => {}}
          />
        </I18nContext.Provider>,
        root,
      );
    });
  const type = async (text: string) => {
    const input = q('search') as HTMLInputElement;
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 120));
    });
  };

  it('opens with focus in the search box; aria-controls names the results list only while it exists', async () => {
    draw({ kind: 'none' });
    const input = q('search') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.hasAttribute('aria-controls')).toBe(false);
    await type('指数曲线');
    expect(input.getAttribute('aria-controls')).toBe('vb-results');
    expect(root.querySelector('#vb-results')).not.toBeNull();
    render(null, root);
    draw({ kind: 'none' }, []);
    await type('zzz');
    expect((q('search') as HTMLInputElement).hasAttribute('aria-controls')).toBe(false);
    expect(root.querySelector('#vb-results')).toBeNull();
  });

  it('announces the verdict of the selection once it is known', () => {
    vi.useFakeTimers();
    draw({ kind: 'loading' });
    tick(ANNOUNCE_DELAY_MS + 1);
    expect(q('popup-announcement')!.textContent).toBe('');
    draw({ kind: 'result', model: model(fx.hostLine) });
    tick(ANNOUNCE_DELAY_MS + 1);
    expect(q('popup-announcement')!.textContent).toBe(
      'Selection checked. Verbatim: The transcript has these words. Said by Host Alex Kantrowitz, not Dario Amodei.',
    );
  });
});

describe('TranscriptParagraph', () => {
  const p030 = transcript.paragraphs.find((p) => p.id === 'p030')!;
  const draw = (showRestored: boolean) =>
    act(() => {
      render(
        <I18nContext.Provider value={t}>
          <TranscriptParagraph paragraph={p030} script="traditional" showSpeaker target={false} restored={['為我們投入了更多的算力']} showRestored={showRestored} />
        </I18nContext.Provider>,
        root,
      );
    });

  it('the paragraph link is out of the Tab order and named; the restored words are text, not only a tooltip', () => {
    draw(false);
    const link = root.querySelector('a.pid') as HTMLAnchorElement;
    expect(link.getAttribute('tabindex')).toBe('-1');
    expect(link.getAttribute('aria-label')).toBe('Link to paragraph p030');
    expect(link.getAttribute('href')).toBe('#s2/p030');
    expect(q('restored-tag')!.textContent).toBe('restored: “為我們投入了更多的算力”');
    expect(q('restored-note')).toBeNull();
    draw(true);
    expect(q('restored-note')!.textContent).toBe('Restored: “為我們投入了更多的算力”');
    expect(q('restored-tag')!.textContent).toBe('restored');
  });
});
