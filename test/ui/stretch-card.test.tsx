/** @vitest-environment happy-dom */
/**
 * Issue 17 items 1, 3 and 5 on the card and the transcript page: a quote over two paragraphs
 * shows and marks both; open full section carries every part; a source without names says so;
 * another speaker names the source's main speaker; a not-found card shows no comparison.
 */
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT, type Messages } from '../../src/ext/i18n';
import type { CheckResult, Match, Transcript } from '../../src/types';
import { buildScriptTables, openTarget, parseSpansParam, toCardModel, transcriptPath } from '../../src/view/model';
import { buildCitation } from '../../src/ext/citation';
import { verdictSummary } from '../../src/ui/summary';
import { Card } from '../../src/ui/Card';
import { TranscriptPage } from '../../src/ui/TranscriptPage';
import { I18nContext } from '../../src/ui/i18n-context';
import type { CardActions } from '../../src/ui/actions';
import { createMultiMatcher } from '../../src/sources/check-all';
import { sourceToTranscript } from '../../src/sources/to-transcript';
import type { Source } from '../../src/sources/model';

const root = path.resolve(import.meta.dirname, '../..');
const messages = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
const t = createT(messages('en'));
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const tables = buildScriptTables(transcript);

function src(id: string, speakers: Source['speakers'], paragraphs: Array<Pick<Source['paragraphs'][number], 'kind' | 'speakerId' | 'turnId' | 'text'>>): Source {
  const ps = paragraphs.map((p, i) => ({ ...p, id: `p${String(i + 1).padStart(3, '0')}`, sectionId: 's0' }));
  return { schemaVersion: 1, id, title: id, language: 'en', kind: 'original', format: 'paste', speakers, sections: [{ id: 's0', title: '', paragraphIds: ps.map((p) => p.id) }], paragraphs: ps, addedAt: 0, enabled: true };
}

const interview = src(
  'interview',
  [
    { id: 'sp1', name: 'Dario Amodei', main: true },
    { id: 'sp2', name: 'Priya Natarajan', main: false },
  ],
  [
    { kind: 'turn', speakerId: 'sp2', turnId: 't01', text: 'You keep saying the hard part is not the models. What is it then?' },
    { kind: 'turn', speakerId: 'sp1', turnId: 't02', text: 'The hard part is deciding what you are willing to test for before you ship,' },
    { kind: 'turn', speakerId: 'sp1', turnId: 't02', text: 'and then actually holding the release when a test fails, even when it costs you a quarter.' },
  ],
);
const captions = src('captions', [], [
  { kind: 'text', speakerId: null, turnId: null, text: 'we were all a little surprised by how fast the' },
  { kind: 'text', speakerId: null, turnId: null, text: 'numbers moved once the new cluster came online' },
]);

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function showCard(result: CheckResult) {
  const model = toCardModel(result, { transcript, tables, setting: 'as-selected' });
  const actions: CardActions = { openSection: vi.fn(), copyCitation: vi.fn(async () => true) };
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <Card state={{ kind: 'result', model }} actions={actions} onClose={() => {}} />
      </I18nContext.Provider>,
      host,
    );
  });
  return { model, actions };
}

describe('a quote over two paragraphs of one turn', () => {
  const multi = createMultiMatcher([{ source: interview }, { source: captions }]);
  const quote = 'deciding what you are willing to test for before you ship, and then actually holding the release when a test fails';

  it('the card shows both halves in one passage, marked whole; open full section sends both parts', () => {
    const r = multi.check(quote);
    expect(r.verdict).toBe('verbatim');
    const { model, actions } = showCard(r);
    const mark = host.querySelector('[data-testid="passage-mark"]')!.textContent!;
    expect(mark.startsWith('deciding what you are willing')).toBe(true);
    expect(mark.endsWith('holding the release when a test fails')).toBe(true);
    expect(mark).toContain('\n');
    (host.querySelector('[data-testid="open-section"]') as HTMLButtonElement).click();
    expect(actions.openSection).toHaveBeenCalled();
    const target = openTarget(model.matches[0]);
    expect(target.paragraphId).toBe('p002');
    expect(target.spans?.map((s) => s.paragraphId)).toEqual(['p002', 'p003']);
    const url = transcriptPath(target.sectionId, target.paragraphId, target, 'interview', target.spans);
    const u = new URL(url, 'chrome-extension://x');
    expect(u.searchParams.get('span')).toBeNull();
    expect(parseSpansParam(u.searchParams.get('spans'))).toEqual(target.spans);
    expect(u.hash).toBe('#s0/p002');
  });

  it('the transcript page marks both paragraphs and scrolls to the first marked words', () => {
    const r = multi.check(quote);
    const spans = r.matches[0].spans!;
    const { transcript: tr, paragraphInfo } = sourceToTranscript(interview);
    const scrolled: Element[] = [];
    const orig = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      act(() => {
        render(
          <I18nContext.Provider value={t}>
            <TranscriptPage
              transcript={tr}
              script="traditional"
              onScript={() => {}}
              target={{ sectionId: 's0', paragraphId: 'p002' }}
              span={null}
              spans={spans}
              gloss={{}}
              showGloss={false}
              onShowGloss={() => {}}
              imported={{ id: 'interview', info: paragraphInfo, language: 'en' }}
            />
          </I18nContext.Provider>,
          host,
        );
      });
    } finally {
      Element.prototype.scrollIntoView = orig;
    }
    const marks = [...host.querySelectorAll('[data-testid="target-mark"]')];
    expect(marks.map((m) => m.closest('p')?.id)).toEqual(['p002', 'p003']);
    expect(marks[0].textContent).toBe('deciding what you are willing to test for before you ship,');
    expect(marks[1].textContent).toBe('and then actually holding the release when a test fails');
    expect(scrolled[0]).toBe(marks[0]);
    // an English source's page has no Chinese script option
    expect(host.querySelector('[data-testid="script-toggle"], .script-toggle')).toBeNull();
  });
});

describe('who says it, in a reader\'s source', () => {
  const multi = createMultiMatcher([{ source: interview }, { source: captions }]);

  it('a source without names says so — never "Main speaker", no warning', () => {
    const r = multi.check('surprised by how fast the numbers moved once the new cluster came online');
    expect(r.verdict).toBe('verbatim');
    const { model } = showCard(r);
    const speaker = host.querySelector('[data-testid="speaker"]')!;
    expect(speaker.textContent).toBe('not named: the transcript does not name speakers');
    expect(host.textContent).not.toContain('Main speaker');
    expect(host.querySelector('[data-testid="speaker-warning"]')).toBeNull();
    expect(verdictSummary(model, t)).toContain('does not name speakers');
    expect(verdictSummary(model, t)).not.toContain('not Dario Amodei');
    expect(buildCitation(model.matches[0], t, '').split('\n').find((l) => l.startsWith('—'))).toBe('— not named: the transcript does not name speakers');
    // the same in Chinese
    const zh = createT(messages('zh_CN'));
    expect(zh('speakerUnnamedSource')).toContain('没有标出说话人');
  });

  it('another guest\'s words name who says them and the main speaker they are not', () => {
    const r = multi.check('You keep saying the hard part is not the models.');
    expect(r.verdict).toBe('verbatim');
    showCard(r);
    expect(host.querySelector('[data-testid="speaker"]')!.textContent).toBe('Priya Natarajan');
    expect(host.querySelector('[data-testid="speaker-warning"]')!.textContent).toContain("not Dario Amodei, this source's main speaker");
    expect(host.textContent).not.toContain('not the main speaker of this source');
  });

  it('the main speaker gets no warning', () => {
    showCard(multi.check('holding the release when a test fails, even when it costs you a quarter'));
    expect(host.querySelector('[data-testid="speaker"]')!.textContent).toBe('Dario Amodei');
    expect(host.querySelector('[data-testid="speaker-warning"]')).toBeNull();
  });
});

describe('one story per card', () => {
  const m: Match = {
    speaker: 'main', sectionId: 's0', sectionTitle: '', paragraphId: 'p001', passage: 'We grew ten times last year.', start: 0, end: 27, score: 0.5, via: 'text', repaired: false, differences: [],
    source: { id: 'x', title: 'x', language: 'en', kind: 'original' },
  };
  const contradiction = { kind: 'number' as const, quote: 'We grew five times last year.', passage: 'We grew ten times last year.', paragraphId: 'p001' };

  it('a not-found card whose headline is not-found shows no comparison', () => {
    showCard({ query: 'We grew five times last year.', verdict: 'not-found', headline: 'not-found', matches: [m], contradiction });
    expect(host.querySelector('[data-testid="contradiction-passage"]')).toBeNull();
    expect(host.querySelector('[data-testid="match"]')).toBeNull();
  });

  it('under the says-otherwise headline the comparison stays', () => {
    showCard({ query: 'We grew five times last year.', verdict: 'not-found', headline: 'contradicted', matches: [m], contradiction });
    expect(host.querySelector('[data-testid="contradiction-passage"]')?.textContent).toBe('We grew ten times last year.');
  });
});
