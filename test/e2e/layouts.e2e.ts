/**
 * Transcripts as they are published, added through the real Sources page in Chromium (issue 17):
 * one file in each layout Verbatim reads (podcast-site timestamp links, speaker header lines,
 * meeting headers, `[time] Name:`, a video page's time lines, "Starting point is" blocks,
 * hard-wrapped captions, automatic captions, generic Q/A labels, a saved web page with a cookie
 * banner, a file holding an interview and its translation, a file in no known layout). The
 * preview must show the speakers, paragraph count, title, date and layout the parser found (and
 * ask for names where the file gives none); once saved, quotes from the fixture news page must
 * come back verbatim with the right speaker, a quote across a line break shown whole, and the
 * "Hear it at" link at the right second.
 *
 * The fixtures are the layouts parser's own (test/fixtures/layouts/small) plus two of this file's
 * (test/fixtures/layouts-e2e); every interview in them is invented.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseSource } from '../../src/sources/parse';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, checkOnFixturePage, liveSourceRows, openSources, launch, serveFixtures, shot, type Browser, type Fixtures } from './harness';

const LAYOUTS = path.join(ROOT, 'test/fixtures/layouts/small');
const MINE = path.join(ROOT, 'test/fixtures/layouts-e2e');
const TIMELINES_RECORDING = 'https://www.youtube.com/watch?v=CCCCCCCCCCC';
const NUMBERED_RECORDING = 'https://www.youtube.com/watch?v=BBBBBBBBBBB';

let fx: Fixtures;
let b: Browser;

beforeAll(async () => {
  fx = await serveFixtures();
  b = await launch({ grantAllUrls: true });
});

afterAll(async () => {
  if (axeTable.rows.length) axeTable.write(path.join(ROOT, 'test-results/a11y/axe-layouts-preview.md'));
  await b?.close();
  await fx?.close();
});

const axeTable = new AxeTable();

const openSourcesPage = () => openSources(b);
const liveRows = liveSourceRows;

/** What the parser makes of the file in Node: the page must show the same counts. */
function parsed(file: string) {
  const r = parseSource({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

/** Opens the file in the Sources page and waits for the preview. */
async function preview(page: Page, file: string) {
  await page.getByTestId('source-file-input').setInputFiles(file);
  await page.getByTestId('source-preview').waitFor();
  return {
    summary: () => page.getByTestId('preview-summary').innerText(),
    layout: () => page.getByTestId('preview-layout').getAttribute('data-layout'),
    names: () => page.getByTestId('preview-speaker-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    value: (id: string) => page.getByTestId(id).inputValue(),
  };
}

async function save(page: Page, title: string) {
  await page.getByTestId('source-save').click();
  await expect.poll(() => page.getByTestId('source-status').innerText()).toContain(title);
  await page.getByTestId('source-preview').waitFor({ state: 'detached' });
}

/** Selects the quote on the fixture news page, runs the context-menu handler, waits for the verdict. */
async function checkQuote(id: string) {
  const { page, c } = await checkOnFixturePage(b, fx, 'news-layouts.html', `#${id}`);
  return {
    page,
    c,
    verdict: () => c.getByTestId('verdict').first().getAttribute('data-verdict'),
    source: () => c.getByTestId('match-source').first().getByTestId('source-title').innerText(),
    speaker: () => c.getByTestId('speaker').first().innerText(),
    mark: () => c.getByTestId('passage-mark').allInnerTexts().then((xs) => xs.join(' ')),
    /** The second "Hear it at" links to (NaN when there is no link). */
    hearSecond: async () => {
      const href = (await c.getByTestId('hear-it').first().getAttribute('href')) ?? '';
      return Number(/[?&#]t=(\d+)/.exec(href)?.[1] ?? NaN);
    },
    hearHref: () => c.getByTestId('hear-it').first().getAttribute('href'),
  };
}

const words = (s: string) => s.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim();

describe('layouts through the Sources page', () => {
  it('podcast-site timestamp links: real speakers, paragraph count, title, date and recording from the file', async () => {
    const file = path.join(LAYOUTS, 'podcast-links.md');
    const expected = parsed(file);
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('podcast-links');
    await expect(p.summary()).resolves.toBe(`Verbatim read ${expected.paragraphs.length} paragraphs and 3 speakers. Correct anything that is wrong, then save.`);
    await expect(p.names()).resolves.toEqual(['Jonah Pike', 'Dario Amodei', 'Priya Natarajan']);
    await expect(page.getByTestId('preview-main-speaker').nth(1).isChecked()).resolves.toBe(true);
    await expect(p.value('preview-title')).resolves.toBe('Dario Amodei on scaling, safety and the next five years | The Frontier Hour #88');
    await expect(p.value('preview-date')).resolves.toBe('2025-03-03');
    await expect(p.value('preview-recordingUrl')).resolves.toBe('https://www.youtube.com/watch?v=q8ZxR2mLk4E');
    await expect(page.getByTestId('preview-file').innerText()).resolves.toMatch(/^File: podcast-links\.md \(\d+(\.\d)? kB\)$/);
    // No label or timestamp link is part of a passage.
    const texts = (await page.getByTestId('preview-paragraph').allInnerTexts()).join('\n');
    expect(texts).not.toMatch(/\]\(https?:|\[\(\d/);
    await shot(page, 'layouts-preview-podcast-links', page.getByTestId('source-preview'));
    await save(page, 'The Frontier Hour #88');
    await page.close();
  });

  it('a whole podcast-site episode (20 000 characters) previews with its three speakers and one paragraph per turn or timestamp, not per line', async () => {
    const file = path.join(ROOT, 'test/fixtures/layouts/podcast-links.md');
    const expected = parsed(file);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length;
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('podcast-links');
    await expect(p.summary()).resolves.toBe(`Verbatim read ${expected.paragraphs.length} paragraphs and 3 speakers. Correct anything that is wrong, then save.`);
    expect(expected.paragraphs.length).toBeLessThanOrEqual(lines);
    await expect(p.names()).resolves.toEqual(expect.arrayContaining(['Dario Amodei', 'Priya Natarajan']));
    await expect(p.value('preview-date')).resolves.toBe('2025-03-03');
    await expect(p.value('preview-recordingUrl')).resolves.toBe('https://www.youtube.com/watch?v=q8ZxR2mLk4E');
    const texts = (await page.getByTestId('preview-paragraph').allInnerTexts()).join('\n');
    expect(texts).not.toMatch(/\]\(https?:|\[\(\d|\(\d\d:\d\d:\d\d\)/);
    await page.getByTestId('source-cancel').click();
    await page.close();
  });

  it('a quote at a timestamp link is verbatim, said by Dario Amodei, and "Hear it at" carries that second', async () => {
    const q = await checkQuote('q-links');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.source()).resolves.toContain('The Frontier Hour #88');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    await expect(q.hearHref()).resolves.toBe('https://www.youtube.com/watch?v=q8ZxR2mLk4E&t=31s');
    await shot(q.page, 'layouts-card-podcast-links', q.c);
    await q.page.close();
    // The second guest is told apart from the host and from Amodei.
    const guest = await checkQuote('q-links-guest');
    await expect(guest.verdict()).resolves.toBe('verbatim');
    await expect(guest.speaker()).resolves.toBe('Priya Natarajan');
    expect(Math.abs((await guest.hearSecond()) - 81)).toBeLessThanOrEqual(2);
    await guest.page.close();
  });

  it('hard-wrapped captions: one paragraph, not a paragraph per line; a quote across line breaks is verbatim and shown whole', async () => {
    const file = path.join(LAYOUTS, 'wrapped-captions.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('wrapped-captions');
    const n = parsed(file).paragraphs.length;
    expect(n).toBeLessThan(6); // 22 lines of captions
    await expect(p.summary()).resolves.toBe(`Verbatim read ${n === 1 ? '1 paragraph' : `${n} paragraphs`} and no speaker names. Correct anything that is wrong, then save.`);
    await page.getByTestId('preview-title').fill('Captions: gradual is not slow');
    await save(page, 'Captions: gradual is not slow');
    await page.close();

    for (const id of ['q-wrapped', 'q-wrapped-2']) {
      const q = await checkQuote(id);
      await expect(q.verdict()).resolves.toBe('verbatim');
      await expect(q.source()).resolves.toBe('Captions: gradual is not slow');
      const quote = words(await q.page.locator(`#${id}`).innerText());
      // The card shows and highlights the whole quote, not the half on one caption line.
      expect(words(await q.mark())).toContain(quote.replace(/\.$/, ''));
      if (id === 'q-wrapped') await shot(q.page, 'layouts-card-wrapped-captions', q.c);
      await q.page.close();
    }
  });

  it('meeting headers (Name  0:41): the labels are speakers, a quote across a wrapped line is verbatim and his', async () => {
    const file = path.join(LAYOUTS, 'name-time-header.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('name-time-header');
    await expect(p.names()).resolves.toEqual(['Dario Amodei', 'Marta Kowalczyk']);
    await expect(p.summary()).resolves.toBe(`Verbatim read ${parsed(file).paragraphs.length} paragraphs and 2 speakers. Correct anything that is wrong, then save.`);
    await expect(p.value('preview-title')).resolves.toBe('Meeting notes - AI policy roundtable');
    // No label is a paragraph of its own.
    const texts = await page.getByTestId('preview-paragraph').allInnerTexts();
    expect(texts.some((x) => /^\s*(\d+:\d+\s*)?(Dario Amodei|Marta Kowalczyk):?\s*\d+:\d+\s*$/.test(x))).toBe(false);
    await save(page, 'Meeting notes - AI policy roundtable');
    await page.close();

    const q = await checkQuote('q-header');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    await expect(q.c.getByTestId('speaker').first().getAttribute('data-speaker')).resolves.toBe('main');
    expect(words(await q.mark())).toContain('Labs should have to say what tests they ran and what they found, and someone outside should be able to check that they did');
    await q.page.close();
  });

  it('"Speaker 1 (00:00:02):" header lines: the preview asks who the speakers are; named, the card says so at the right second', async () => {
    const file = path.join(LAYOUTS, 'name-time-line.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('name-time-line');
    await expect(p.names()).resolves.toEqual(['Speaker 1', 'Speaker 2']);
    await expect(page.getByTestId('preview-speaker-question').allInnerTexts()).resolves.toEqual(['Who is “Speaker 1”?', 'Who is “Speaker 2”?']);
    await expect(page.getByTestId('preview-speakers-ask').isVisible()).resolves.toBe(true);
    await shot(page, 'layouts-preview-generic-speakers', page.getByTestId('source-preview'));
    await page.getByLabel('Who is “Speaker 1”?').fill('Sam Whitfield');
    await page.getByLabel('Who is “Speaker 2”?').fill('Dario Amodei');
    await page.getByTestId('preview-title').fill('Transcription service: on the curve');
    await page.getByTestId('preview-recordingUrl').fill(NUMBERED_RECORDING);
    await save(page, 'Transcription service: on the curve');
    await expect(liveRows(page).filter({ hasText: 'Transcription service' }).getByTestId('source-meta').innerText()).resolves.toContain('main: Dario Amodei');
    await page.close();

    const q = await checkQuote('q-numbered');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.source()).resolves.toBe('Transcription service: on the curve');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    // The quote starts in the turn that begins at 00:00:19.
    await expect(q.hearHref()).resolves.toBe(`${NUMBERED_RECORDING}&t=19s`);
    await q.page.close();
  });

  it('Q:/A: labels: named in the preview, the answer is his', async () => {
    const page = await openSourcesPage();
    await preview(page, path.join(LAYOUTS, 'generic-qa.txt'));
    await expect(page.getByTestId('preview-speaker-question').allInnerTexts()).resolves.toEqual(['Who is “Q”?', 'Who is “A”?']);
    await page.getByLabel('Who is “A”?').fill('Dario Amodei');
    await page.getByLabel('Who is “Q”?').fill('Audience');
    await page.getByTestId('preview-title').fill('Q and A after the lecture');
    await save(page, 'Q and A after the lecture');
    await page.close();
    const q = await checkQuote('q-qa');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    await q.page.close();
  });

  it('[00:41:07] Name: lines, with a "Recorded …" date line: title, date, speakers; a quote across a wrapped line', async () => {
    const file = path.join(MINE, 'bracket-time.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('bracket-time');
    await expect(p.names()).resolves.toEqual(['Helen Osei', 'Dario Amodei']);
    await expect(p.value('preview-title')).resolves.toBe('Transcript — Oakridge Policy Forum, session 4 (fictional, for Verbatim\'s tests)');
    await expect(p.value('preview-date')).resolves.toBe('2025-02-11');
    // The reader corrects the date the parser found; the card shows the corrected one.
    await page.getByTestId('preview-date').fill('2025-02-10');
    await save(page, 'Oakridge Policy Forum');
    await page.close();
    const q = await checkQuote('q-bracket');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    await expect(q.c.getByTestId('match-source').first().getByTestId('source-date').innerText()).resolves.toContain('2025-02-10');
    await q.page.close();
  });

  it('time-only lines (a video page\'s transcript panel): one passage, a quote across lines is verbatim, heard at its own second (the second needs branch span)', async () => {
    const file = path.join(LAYOUTS, 'time-lines.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('time-lines');
    const texts = (await page.getByTestId('preview-paragraph').allInnerTexts()).join('\n');
    expect(texts).not.toMatch(/^\d+:\d{2}$/m);
    await page.getByTestId('preview-title').fill('Video transcript: the curve');
    await page.getByTestId('preview-recordingUrl').fill(TIMELINES_RECORDING);
    await save(page, 'Video transcript: the curve');
    await page.close();
    const q = await checkQuote('q-time-lines');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.source()).resolves.toBe('Video transcript: the curve');
    expect((await q.hearHref()) ?? '').toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=CCCCCCCCCCC&t=\d+s$/);
    // "I hear that every year" is at 0:19, inside a paragraph that starts at 0:00: the time at the
    // quote, not the paragraph's (needs the matcher's time-at-the-quote, branch `span`).
    expect(Math.abs((await q.hearSecond()) - 19)).toBeLessThanOrEqual(2);
    await q.page.close();
  });

  it('"Starting point is 00:00:45" blocks: read without the block lines; the quote is found', async () => {
    const file = path.join(LAYOUTS, 'starting-point.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('starting-point');
    await expect(p.value('preview-title')).resolves.toBe('The Long Game Podcast - Episode 311');
    const texts = (await page.getByTestId('preview-paragraph').allInnerTexts()).join('\n');
    expect(texts).not.toContain('Starting point is');
    await save(page, 'The Long Game Podcast - Episode 311');
    await page.close();
    const q = await checkQuote('q-starting');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.source()).resolves.toBe('The Long Game Podcast - Episode 311');
    await q.page.close();
  });

  it('automatic captions: marked as such, split into passages; a punctuated quote of them is found, never as unrelated text', async () => {
    const file = path.join(LAYOUTS, 'auto-captions.txt');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(p.layout()).resolves.toBe('auto-captions');
    await expect(page.getByTestId('preview-layout').innerText()).resolves.toContain('automatic captions');
    await expect(page.getByTestId('preview-paragraph').count()).resolves.toBeGreaterThan(1);
    await page.getByTestId('preview-title').fill('Keynote, automatic captions');
    await save(page, 'Keynote, automatic captions');
    await page.close();
    const q = await checkQuote('q-auto');
    await expect(q.verdict()).resolves.toMatch(/^(verbatim|altered)$/);
    await expect(q.source()).resolves.toBe('Keynote, automatic captions');
    await q.page.close();
  });

  it('a saved web page goes through article extraction: no cookie banner, logo, menu or footer is stored', async () => {
    const file = path.join(MINE, 'episode-page.html');
    const page = await openSourcesPage();
    const p = await preview(page, file);
    await expect(page.getByTestId('preview-extracted').isVisible()).resolves.toBe(true);
    await expect(p.names()).resolves.toEqual(['Nadia Brandt', 'Dario Amodei']);
    await expect(p.value('preview-title')).resolves.toContain('Ep. 57 — Compute, chips and patience');
    await expect(p.value('preview-date')).resolves.toBe('2025-06-18');
    const texts = (await page.getByTestId('preview-paragraph').allInnerTexts()).join('\n');
    expect(texts).not.toMatch(/cookie|All episodes|Support the show|You might also like|Subscribe|All rights reserved/i);
    expect(texts).not.toContain('NORTHFIELD TALKS');
    expect(texts).toContain('The power, honestly.');
    await page.getByTestId('preview-title').fill('Northfield Talks 57');
    await save(page, 'Northfield Talks 57');
    await page.close();
    const q = await checkQuote('q-html');
    await expect(q.verdict()).resolves.toBe('verbatim');
    await expect(q.speaker()).resolves.toBe('Dario Amodei');
    await q.page.close();
  });

  it('a Chinese file with a title line and a date line: both found, both correctable', async () => {
    const page = await openSourcesPage();
    const p = await preview(page, path.join(LAYOUTS, 'dates-zh.txt'));
    await expect(p.value('preview-title')).resolves.toBe('达里奥·阿莫迪访谈：人工智能的下一个五年');
    await expect(p.value('preview-date')).resolves.toBe('2024-09-12');
    await expect(p.value('preview-language')).resolves.toBe('zh-Hans');
    await page.getByTestId('preview-date').fill('12 Sept');
    await expect(page.getByTestId('source-save').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('save-why').innerText()).resolves.toContain('yyyy-mm-dd');
    await page.getByTestId('preview-date').fill('2024-09-12');
    await expect(page.getByTestId('source-save').isEnabled()).resolves.toBe(true);
    await page.getByTestId('source-cancel').click();
    await page.close();
  });

  it('a file holding an interview and then its translation: the preview shows both parts and stores them as a pair', async () => {
    const page = await openSourcesPage();
    const before = await liveRows(page).count();
    await preview(page, path.join(LAYOUTS, 'bilingual.txt'));
    const parts = page.getByTestId('preview-part');
    await expect(parts.count()).resolves.toBe(2);
    await expect(parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-language')))).resolves.toEqual(['en', 'zh-Hans']);
    await expect(page.getByTestId('preview-part-original').first().isChecked()).resolves.toBe(true);
    await page.getByTestId('preview-part-title').nth(0).fill('Scaling interview (English)');
    await page.getByTestId('preview-part-title').nth(1).fill('规模访谈（中文）');
    await shot(page, 'layouts-preview-parts', page.getByTestId('preview-parts'));
    await page.getByTestId('source-save-pair').click();
    await expect.poll(() => page.getByTestId('source-status').innerText()).toBe('Saved “Scaling interview (English)” and its translation “规模访谈（中文）”, paired.');
    await expect.poll(() => liveRows(page).count()).toBe(before + 2);
    const zh = liveRows(page).filter({ hasText: '规模访谈（中文）' });
    await expect(zh.getByTestId('source-meta').innerText()).resolves.toContain('Translation');
    await expect(zh.getByTestId('source-parallel').getAttribute('href')).resolves.toMatch(/^\/parallel\.html\?translation=src-/);
    await expect(liveRows(page).filter({ hasText: 'Scaling interview (English)' }).getByTestId('source-parallel').count()).resolves.toBe(1);
    await page.close();
  });

  it('a file in no known layout is read as plain text and the preview says so; an unknown language holds Save with its reason', async () => {
    const page = await openSourcesPage();
    const p = await preview(page, path.join(LAYOUTS, 'unknown.txt'));
    await expect(p.layout()).resolves.toBe('plain');
    await expect(page.getByTestId('preview-layout').innerText()).resolves.toBe('Layout: plain text (no transcript layout recognised)');
    await expect(page.getByTestId('preview-warning').allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('read as plain text')]));
    await page.getByTestId('source-cancel').click();
    await page.getByTestId('source-paste').fill('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.');
    await page.getByTestId('source-paste-read').click();
    await page.getByTestId('source-preview').waitFor();
    await expect(page.getByTestId('preview-summary').innerText()).resolves.toBe('Verbatim read 1 paragraph and no speaker names. Correct anything that is wrong, then save.');
    await expect(page.getByTestId('source-save').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('save-why').innerText()).resolves.toContain('could not tell the language');
    await page.getByTestId('preview-language').fill('la');
    await expect(page.getByTestId('source-save').isEnabled()).resolves.toBe(true);
    await page.getByTestId('source-cancel').click();
    await page.close();
  });

  it('the preview stays inside the page at any width, with a long title among the sources', async () => {
    const page = await openSourcesPage();
    // A saved source with a very long title lengthens the "Translation of" list.
    const row = liveRows(page).filter({ hasText: 'Captions: gradual is not slow' });
    await row.getByTestId('source-rename').click();
    await row.getByTestId('source-rename-input').fill(`Captions: ${'a very long title that goes on and on '.repeat(6)}`);
    await row.getByTestId('source-rename-save').click();
    await expect.poll(() => page.getByTestId('source-status').innerText()).toContain('Renamed');
    for (const width of [1280, 700, 420]) {
      await page.setViewportSize({ width, height: 800 });
      await preview(page, path.join(LAYOUTS, 'name-time-line.txt'));
      await page.getByTestId('preview-title').fill('Ab');
      const overflow = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="source-preview"]')!.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, right: box.right - document.documentElement.clientWidth };
      });
      expect(overflow.page, `page wider than the window at ${width}px`).toBeLessThanOrEqual(0);
      expect(overflow.right, `preview past the window at ${width}px`).toBeLessThanOrEqual(0);
      if (width === 420) await shot(page, 'layouts-preview-narrow');
      await page.getByTestId('source-cancel').click();
    }
    await page.close();
  });

  it('Delete all asks once before acting (Escape keeps everything); the search box says what it searches', async () => {
    const page = await openSourcesPage();
    const n = await liveRows(page).count();
    await page.getByTestId('source-delete-all').click();
    await expect(page.getByTestId('delete-all-confirm').innerText()).resolves.toContain(`Delete all ${n} of your sources?`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-delete-all-no');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('delete-all-confirm').count()).resolves.toBe(0);
    await expect(liveRows(page).count()).resolves.toBe(n);
    await expect(page.getByLabel('Find words in every enabled source').getAttribute('placeholder')).resolves.toBe('Search all enabled sources…');
    await page.close();
  });

  it('axe-core: the new preview states (names asked for, Save waiting with its reason, two parts) and the Delete all question, light and dark', async () => {
    const failing: Array<{ surface: string; violations: Violation[] }> = [];
    for (const theme of ['light', 'dark'] as const) {
      const page = await openSourcesPage();
      await page.emulateMedia({ colorScheme: theme });
      const check = async (surface: string) => {
        const v = await audit(axeTable, `${surface} (${theme})`, page);
        if (v.length) failing.push({ surface: `${surface} (${theme})`, violations: v });
      };
      await preview(page, path.join(LAYOUTS, 'name-time-line.txt'));
      await page.getByTestId('preview-title').fill('');
      await page.getByTestId('save-why').waitFor();
      await check('preview: generic speakers, Save waiting');
      await page.getByTestId('source-cancel').click();
      await preview(page, path.join(LAYOUTS, 'bilingual.txt'));
      await check('preview: two languages');
      await page.getByTestId('source-cancel').click();
      if ((await liveRows(page).count()) === 0) {
        // Run alone (-t): one source for Delete all to ask about.
        await preview(page, path.join(LAYOUTS, 'generic-qa.txt'));
        await save(page, 'generic-qa');
      }
      await page.getByTestId('source-delete-all').click();
      await page.getByTestId('delete-all-confirm').waitFor();
      await check('Delete all question');
      await page.keyboard.press('Escape');
      await page.close();
    }
    expect(failing).toEqual([]);
  });
});
