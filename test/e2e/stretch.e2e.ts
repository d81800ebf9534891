/**
 * Issue 17 items 1, 3 and 5 in real Chromium: sources added through the real Sources page (file
 * input), then quotes checked on a fixture news page —
 * - a quote over two paragraphs of one speaker (the parser gave them two turns) is verbatim, the
 *   card's passage shows both halves marked, and Open full section marks both and scrolls to them;
 * - a second guest's words name her and the source's main speaker she is not;
 * - a quote starting in a later cue of a merged SRT paragraph: Hear it at carries that cue's second (±2 s);
 * - caption text without names, one line per paragraph: a quote over line breaks is verbatim and the
 *   card says the transcript does not name speakers;
 * - automatic captions (one 6 000-character line) are read as passages, and a quote deep in them is
 *   found; a quote deep inside a talk printed as one 6 000-character paragraph: the transcript page
 *   opens with the marked words on screen (not the paragraph's top), and (an English source) offers
 *   no Chinese script option.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, checkOnFixturePage, shot, type Browser, type Fixtures, withBrowser } from './harness';

const DIR = path.join(ROOT, 'test/fixtures/sources/stretch');
const RECORDING = 'https://www.youtube.com/watch?v=BBBBBBBBBBB';

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env));

async function addSource(file: string, title: string, opts: { main?: string; recording?: string } = {}) {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('sources.html'));
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('source-file-input').setInputFiles(path.join(DIR, file));
  await page.getByTestId('source-preview').waitFor();
  await page.getByTestId('preview-title').fill(title);
  if (opts.recording) await page.getByTestId('preview-recordingUrl').fill(opts.recording);
  if (opts.main) {
    const names = await page.getByTestId('preview-speaker-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.getByTestId('preview-main-speaker').nth(names.indexOf(opts.main)).check();
  }
  await page.getByTestId('source-save').click();
  await expect.poll(() => page.getByTestId('source-status').innerText()).toBe(`Saved “${title}”.`);
  await page.close();
}

const check = (selector: string) => checkOnFixturePage(b, fx, 'news-stretch.html', selector);

/** Is the element's box inside the viewport? */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  }, selector);
}

describe('a quote is found wherever its words are', () => {
  it('adds five sources through the Sources page', async () => {
    await addSource('panel.txt', 'Panel on evaluations (stretch fixture)', { main: 'Dario Amodei' });
    await addSource('lecture.srt', 'Lecture (stretch fixture)', { recording: RECORDING });
    await addSource('wrapped-captions.txt', 'Wrapped captions (stretch fixture)');
    await addSource('auto-captions.txt', 'Automatic captions (stretch fixture)');
    await addSource('one-paragraph.txt', 'Talk in one paragraph (stretch fixture)');
  });

  it('a quote over two paragraphs of one speaker: verbatim, both halves shown and marked, open full section marks both and scrolls to them', async () => {
    const { page, c } = await check('#q-two-paragraphs');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    await expect(c.getByTestId('speaker').first().innerText()).resolves.toBe('Dario Amodei');
    const mark = await c.getByTestId('passage-mark').first().innerText();
    expect(mark).toMatch(/^the unglamorous part is where most of the safety actually lives\.\s+When a model fails one of our tests, the release waits/);
    await shot(page, 'card-quote-over-two-paragraphs', c);
    const [tp] = await Promise.all([b.context.waitForEvent('page'), c.getByTestId('open-section').first().click()]);
    await tp.locator('body[data-ready="true"]').waitFor();
    const marks = tp.getByTestId('target-mark');
    await expect(marks.count()).resolves.toBe(2);
    await expect(marks.nth(0).innerText()).resolves.toBe('the unglamorous part is where most of the safety actually lives.');
    await expect(marks.nth(1).innerText()).resolves.toMatch(/^When a model fails one of our tests, the release waits\.?$/);
    expect(await onScreen(tp, '[data-testid="target-mark"]')).toBe(true);
    // an English source: no Chinese script option
    await expect(tp.locator('[data-testid^="script-"]').count()).resolves.toBe(0);
    await shot(tp, 'transcript-page-two-paragraphs');
    await tp.close();
    await page.close();
  });

  it("a second guest's words name her and the source's main speaker she is not", async () => {
    const { page, c } = await check('#q-second-guest');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    await expect(c.getByTestId('speaker').first().innerText()).resolves.toBe('Ines Okafor');
    await expect(c.getByTestId('speaker-warning').first().innerText()).resolves.toContain("not Dario Amodei, this source's main speaker");
    await expect(c.innerText()).resolves.not.toContain('not the main speaker of this source');
    await shot(page, 'card-second-guest', c);
    await page.close();
  });

  it('a quote starting in a later cue of a merged subtitle paragraph: Hear it at that second (±2 s)', async () => {
    const { page, c } = await check('#q-later-cue');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    const src = c.getByTestId('match-source').first();
    const seconds = Number(await src.getByTestId('source-time').getAttribute('data-seconds'));
    // cue 7 of lecture.srt starts at 00:12:18,300; the paragraph starts at 00:12:01
    expect(Math.abs(seconds - 738.3)).toBeLessThanOrEqual(2);
    const href = await src.getByTestId('hear-it').getAttribute('href');
    const t = Number(/[?&]t=(\d+)s/.exec(href ?? '')?.[1]);
    expect(Math.abs(t - 738.3)).toBeLessThanOrEqual(2);
    expect(href?.startsWith(RECORDING)).toBe(true);
    // no names in a subtitle file: said so, no "Main speaker", no warning
    await expect(c.getByTestId('speaker').first().innerText()).resolves.toBe('not named: the transcript does not name speakers');
    await expect(c.getByTestId('speaker-warning').count()).resolves.toBe(0);
    await shot(page, 'card-later-cue-time', c);
    await page.close();
  });

  it('caption lines without names: a quote over line breaks is verbatim, the source names no speakers', async () => {
    const { page, c } = await check('#q-wrapped');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    await expect(c.getByTestId('speaker').first().getAttribute('data-unnamed')).resolves.toBe('source');
    await expect(c.innerText()).resolves.not.toContain('Main speaker');
    const mark = await c.getByTestId('passage-mark').first().innerText();
    expect(mark.replace(/\s+/g, ' ')).toBe('the measurements got sharper and the thing being measured moved faster than any of us expected');
    await shot(page, 'card-wrapped-captions', c);
    await page.close();
  });

  it('popup search: the exact phrase first, from whichever source holds it, with the typed words marked', async () => {
    const popup = await b.context.newPage();
    await popup.goto(b.extUrl('popup.html'));
    await popup.getByTestId('search').fill('hold your intuitions lightly');
    const first = popup.getByTestId('search-result').first();
    await first.waitFor();
    await expect(first.getByTestId('search-result-source').innerText()).resolves.toContain('Lecture (stretch fixture)');
    await expect(first.locator('mark').first().innerText()).resolves.toBe('hold your intuitions lightly');
    await expect(first.innerText()).resolves.toContain('the transcript does not name speakers');
    // every snippet marks what matched
    const unmarked = await popup.getByTestId('search-snippet').evaluateAll((els) => els.filter((e) => !e.querySelector('mark')).length);
    expect(unmarked).toBe(0);
    await shot(popup, 'popup-search-exact-phrase');
    await popup.close();
  });

  it('a quote deep inside automatic captions (one long line, read as passages) is found verbatim', async () => {
    const { page, c } = await check('#q-deep');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    await page.close();
  });

  it('a quote deep inside one long paragraph: open full section shows the marked words on screen, not the paragraph top', async () => {
    const { page, c } = await check('#q-long');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    const [tp] = await Promise.all([b.context.waitForEvent('page'), c.getByTestId('open-section').first().click()]);
    await tp.locator('body[data-ready="true"]').waitFor();
    await tp.getByTestId('target-mark').waitFor();
    await expect.poll(() => onScreen(tp, '[data-testid="target-mark"]')).toBe(true);
    // the paragraph's top is off screen: the page scrolled to the words, not the paragraph
    const paraTop = await tp.evaluate(() => document.querySelector('[data-target="true"]')!.getBoundingClientRect().top);
    expect(paraTop).toBeLessThan(0);
    await shot(tp, 'transcript-page-deep-mark');
    await tp.close();
    await page.close();
  });
});
