/** @vitest-environment happy-dom */
/**
 * The Sources page's preview and list, rendered: counts in the singular, sizes in the interface
 * locale, the layout and what the parser was unsure of, generic speaker labels asked for by name,
 * Save waiting (with its reason) for a language, a title and a well-formed date, a two-language
 * file stored as a translation pair, Delete all asking once, the search box's label, and an HTML
 * file cleaned like "Add this page" before it is parsed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createT, type Messages, type T } from '../../src/ext/i18n';
import { dropNotices, extractArticle } from '../../src/ext/extract-article';
import { draftFromFile, draftFromPage, draftToSource, type SourcesApi } from '../../src/ext/sources-page';
import type { SourceDraft } from '../../src/sources/draft';
import type { Source } from '../../src/sources/model';
import { parseSource } from '../../src/sources/parse';
import { splitDraft } from '../../src/sources/split-draft';
import { countText, formatSize, uiLocale } from '../../src/ui/counts';
import { I18nContext } from '../../src/ui/i18n-context';
import { saveProblems } from '../../src/ui/preview-checks';
import { SourcePreview } from '../../src/ui/SourcePreview';
import { SourcesPage } from '../../src/ui/SourcesPage';

const locale = (l: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${l}/messages.json`), 'utf8')) as Messages;
const en = locale('en');
const t = createT(en);
const tCN = createT(locale('zh_CN'), en);
const tTW = createT(locale('zh_TW'), en);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  document.body.replaceChildren();
});

const q = (id: string, within: ParentNode = root) => within.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
const all = (id: string, within: ParentNode = root) => [...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const type = (el: HTMLElement | null, value: string) =>
  act(() => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = (el: HTMLElement | null) =>
  act(() => {
    el!.click();
  });
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function paste(text: string): SourceDraft {
  const r = parseSource({ text, format: 'paste' });
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

/** Renders the preview over a draft held in state, as the page does; returns the latest draft. */
function showPreview(initial: SourceDraft, props: Partial<Parameters<typeof SourcePreview>[0]> = {}, tr: T = t) {
  const state = { draft: initial };
  const draw = () =>
    render(
      <I18nContext.Provider value={tr}>
        <SourcePreview
          draft={state.draft}
          onChange={(d) => {
            state.draft = d;
            draw();
          }}
          originals={[{ id: 'builtin', title: 'Built-in' }]}
          onSave={vi.fn()}
          onCancel={vi.fn()}
          busy={false}
          {...props}
        />
      </I18nContext.Provider>,
      root,
    );
  act(draw);
  return state;
}

const GENERIC =
  'Interviewer: So where do you think this goes next year?\n\nSpeaker 2: I think the curve keeps going up for a while. We have seen no sign of it bending.\n\nInterviewer: And the risks that come with it?\n\nSpeaker 2: They grow with it, which is why we test every model before it ships.';

describe('counts and sizes in the interface language', () => {
  it('"1 paragraph" in the singular, "2 paragraphs" in the plural; Chinese has one form', () => {
    expect(countText(t, 'sourcesParagraphs', 1)).toBe('1 paragraph');
    expect(countText(t, 'sourcesParagraphs', 2)).toBe('2 paragraphs');
    expect(countText(t, 'sourcesParagraphs', 0)).toBe('0 paragraphs');
    expect(countText(t, 'sourcesParagraphs', 1234)).toBe('1,234 paragraphs');
    expect(countText(t, 'sourcesDeletedAll', 1)).toBe('1 source deleted.');
    expect(countText(t, 'sourcesImported', 1)).toBe('Imported 1 source.');
    expect(countText(t, 'resultsCount', 1)).toBe('1 result');
    expect(countText(tCN, 'sourcesParagraphs', 1)).toBe('1 个段落');
    expect(countText(tTW, 'sourcesParagraphs', 3)).toBe('3 個段落');
    expect(uiLocale(tCN)).toBe('zh-CN');
    // A translator without the tag (a test's or a missing file's) counts in English.
    expect(uiLocale((k) => k)).toBe('en');
  });

  it('every counted key has its singular in English, and every preview reason exists', () => {
    for (const key of ['sourcesParagraphs', 'sourcesSpeakerCount', 'sourcesMoreParagraphs', 'sourcesDeletedAll', 'sourcesExported', 'sourcesImported', 'sourcesDeleteAllAsk', 'resultsCount']) {
      expect(en, key).toHaveProperty(`${key}_one`);
      expect(en[`${key}_one`].message).not.toBe(en[key].message);
    }
    for (const key of ['sourcesTitleNeeded', 'sourcesLanguageNeeded', 'sourcesDateInvalid']) expect(en).toHaveProperty(key);
    for (const layout of ['labels', 'podcast-links', 'name-time-line', 'name-time-header', 'time-lines', 'starting-point', 'bracket-time', 'wrapped-captions', 'auto-captions', 'subtitles', 'html', 'plain']) {
      expect(en, layout).toHaveProperty(`layout_${layout.replace(/-/g, '_')}`);
    }
  });

  it('sizes: bytes, kB and MB with the locale’s digits', () => {
    expect(formatSize(812, 'en')).toBe('812 bytes');
    expect(formatSize(4_935, 'en')).toBe('4.8 kB');
    expect(formatSize(49_357, 'en')).toBe('48 kB');
    expect(formatSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatSize(3_565_158, 'de')).toBe('3,4 MB');
    expect(formatSize(4_935, 'zh-CN')).toMatch(/^4\.8\s?kB$/);
  });
});

describe('the preview', () => {
  it('says "1 paragraph" and "no speaker names" for a one-paragraph file without names, with its layout and warnings', () => {
    showPreview(paste('Just one paragraph of plain prose that names nobody at all, about the weather and the sea.'));
    expect(q('preview-summary')!.textContent).toBe('Verbatim read 1 paragraph and no speaker names. Correct anything that is wrong, then save.');
    expect(q('preview-layout')!.getAttribute('data-layout')).toBe('plain');
    expect(q('preview-layout')!.textContent).toBe('Layout: plain text (no transcript layout recognised)');
    expect(all('preview-warning').map((w) => w.textContent)).toContain('No speaker names were found: every paragraph is unattributed text.');
    expect(q('preview-more')).toBeNull();
  });

  it('names the file and its size, and says when an HTML file was read as an article', () => {
    showPreview(paste(GENERIC), { file: { name: 'ep-12.html', size: 49_357, extracted: true } });
    expect(q('preview-file')!.textContent).toBe('File: ep-12.html (48 kB)');
    expect(q('preview-extracted')!.textContent).toContain('menus, banners, logos and notices were left out');
  });

  it('asks the reader to name generic speaker labels: prefilled, visibly asked; a real name stops the asking', () => {
    const state = showPreview(paste(GENERIC));
    expect(q('preview-speakers-ask')!.textContent).toContain('Write their names');
    const questions = all('preview-speaker-question').map((l) => l.textContent);
    expect(questions).toEqual(['Who is “Interviewer”?', 'Who is “Speaker 2”?']);
    const inputs = all('preview-speaker-name') as HTMLInputElement[];
    expect(inputs.map((i) => i.value)).toEqual(['Interviewer', 'Speaker 2']);
    // Each input is named by its question (a <label for>), and described by the request.
    expect(inputs.map((i) => (i.labels?.[0]?.textContent ?? ''))).toEqual(questions);
    expect(inputs[1].getAttribute('aria-describedby')).toBe('speakers-ask');
    type(inputs[1], 'Dario Amodei');
    expect(state.draft.speakers[1]).toMatchObject({ name: 'Dario Amodei', main: true });
    expect(state.draft.speakers[1].generic).toBeUndefined();
    // Still asked while the page shows it (the question keeps the file's label), the other stays generic.
    expect(all('preview-speaker-question').map((l) => l.textContent)).toEqual(questions);
    expect(state.draft.speakers[0].generic).toBe(true);
    // Saved, the name is the reader's.
    expect(draftToSource(state.draft, 'src-1', 1).speakers[1]).toEqual({ id: 'sp2', name: 'Dario Amodei', main: true });
  });

  it('Save waits, saying why, while the language is unknown; setting it lets Save go', () => {
    const onSave = vi.fn();
    const state = showPreview(paste('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.'), { onSave });
    expect(state.draft.language).toMatch(/^und/);
    const save = q('source-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(q('save-why')!.textContent).toContain('could not tell the language');
    expect(save.getAttribute('aria-describedby')).toBe('save-why');
    const lang = q('preview-language') as HTMLInputElement;
    expect(lang.value).toBe('');
    expect(lang.getAttribute('aria-invalid')).toBe('true');
    type(lang, 'la');
    expect((q('source-save') as HTMLButtonElement).disabled).toBe(false);
    expect(q('save-why')).toBeNull();
    click(q('source-save'));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('Save waits for a title and a well-formed date; the date found can be corrected', () => {
    const state = showPreview({ ...paste(GENERIC), date: '2025-02-11' });
    expect((q('preview-date') as HTMLInputElement).value).toBe('2025-02-11');
    type(q('preview-date'), '11 Feb 2025');
    expect((q('source-save') as HTMLButtonElement).disabled).toBe(true);
    expect(q('save-why')!.textContent).toBe('Write the date as yyyy-mm-dd (or yyyy-mm, or yyyy).');
    expect(q('preview-date')!.getAttribute('aria-invalid')).toBe('true');
    type(q('preview-date'), '2025-02-12');
    type(q('preview-title'), '   ');
    expect(q('save-why')!.textContent).toBe('Give the source a title before saving.');
    type(q('preview-title'), 'Recorded in February');
    expect((q('source-save') as HTMLButtonElement).disabled).toBe(false);
    expect(state.draft).toMatchObject({ title: 'Recorded in February', date: '2025-02-12' });
    expect(saveProblems({ title: 'x', language: 'zh-Hans', date: '2024-09' })).toEqual([]);
    expect(saveProblems({ title: 'x', language: 'und-Latn', date: '' })).toEqual(['sourcesLanguageNeeded']);
  });

  it('shows "… and 1 more paragraph." in the singular', () => {
    const text = Array.from({ length: 13 }, (_, i) => `Paragraph number ${i + 1} of a plain text about nothing much, written for this test.`).join('\n\n');
    showPreview(paste(text));
    expect(q('preview-more')!.textContent).toBe('… and 1 more paragraph.');
  });

  it('a long source title in "Translation of" and a long unbroken word do not widen the page (grid tracks may shrink)', () => {
    const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/ui/pages.css'), 'utf8');
    expect(css).toMatch(/\.preview \.fields \{[^}]*grid-template-columns: repeat\(2, minmax\(0, 1fr\)\)/);
    expect(css).toMatch(/\.preview \.field input, \.preview \.field select \{[^}]*min-width: 0/);
    expect(css).toMatch(/\.preview \{[^}]*overflow-wrap: anywhere/);
  });
});

/** A file with an English interview and then its Chinese translation, split by hand into parts. */
function twoLanguages(): SourceDraft {
  const d = paste(
    [
      'Maya Lindqvist: Where does the curve go from here?',
      'Dario Amodei: It keeps going up for a while. We have seen no sign of it bending, and we look hard.',
      'Maya Lindqvist: And the risks?',
      'Dario Amodei: They grow with it. That is why we test every model before it ships.',
      '玛雅·林德奎斯特：曲线接下来会怎样？',
      '达里奥·阿莫迪：它还会上升一段时间。我们没有看到它弯下来的迹象，我们看得很仔细。',
      '玛雅·林德奎斯特：那风险呢？',
      '达里奥·阿莫迪：风险随之增长。这就是为什么每个模型发布前我们都要测试。',
    ].join('\n\n'),
  );
  const ids = d.paragraphs.map((p) => p.id);
  return {
    ...d,
    title: 'Interview, both languages',
    parts: [
      { language: 'en', paragraphIds: ids.slice(0, 4), chars: 200 },
      { language: 'zh-Hans', paragraphIds: ids.slice(4), chars: 90 },
    ],
  };
}

describe('a file holding a translation and its original', () => {
  it('splits into two drafts: paragraphs renumbered, speakers of each part, one main speaker, the translation marked', () => {
    const d = twoLanguages();
    const split = splitDraft(d, { original: 0, titles: ['Interview', 'Interview (zh-Hans)'], languages: ['en', 'zh-Hans'] })!;
    expect(split.original.paragraphs.map((p) => p.id)).toEqual(['p001', 'p002', 'p003', 'p004']);
    expect(split.translation.paragraphs.map((p) => p.id)).toEqual(['p001', 'p002', 'p003', 'p004']);
    expect(split.translation.paragraphs[1].text).toContain('它还会上升一段时间');
    expect(split.original.sections.flatMap((s) => s.paragraphIds)).toEqual(['p001', 'p002', 'p003', 'p004']);
    expect(split.translation.speakers.filter((s) => s.main)).toHaveLength(1);
    expect(split.translation.speakers.find((s) => s.main)!.name).toBe('达里奥·阿莫迪');
    expect(split.original.speakers.map((s) => s.name).sort()).toEqual(['Dario Amodei', 'Maya Lindqvist']);
    expect(split.translation).toMatchObject({ kind: 'translation', language: 'zh-Hans', title: 'Interview (zh-Hans)' });
    expect(split.original).toMatchObject({ kind: 'original', language: 'en', title: 'Interview' });
    expect('parts' in split.original).toBe(false);
    // Not exactly two parts: nothing to pair.
    expect(splitDraft({ ...d, parts: [d.parts![0]] }, { original: 0, titles: [], languages: [] })).toBeNull();
  });

  it('the preview shows both parts (English as the original) and Save as a pair hands over the reader’s choice', () => {
    const onSavePair = vi.fn();
    showPreview(twoLanguages(), { onSavePair });
    const parts = all('preview-part');
    expect(parts.map((p) => p.getAttribute('data-language'))).toEqual(['en', 'zh-Hans']);
    expect(parts[0].textContent).toContain('4 paragraphs');
    expect(parts[1].textContent).toContain('曲线接下来会怎样');
    expect((all('preview-part-original') as HTMLInputElement[]).map((r) => r.checked)).toEqual([true, false]);
    expect((all('preview-part-title') as HTMLInputElement[]).map((i) => i.value)).toEqual(['Interview, both languages', 'Interview, both languages (zh-Hans)']);
    type(all('preview-part-title')[1], '访谈（中文）');
    click(q('source-save-pair'));
    expect(onSavePair).toHaveBeenCalledTimes(1);
    const { original, translation } = onSavePair.mock.calls[0][0];
    expect(original).toMatchObject({ language: 'en', kind: 'original', title: 'Interview, both languages' });
    expect(translation).toMatchObject({ language: 'zh-Hans', kind: 'translation', title: '访谈（中文）' });
  });

  it('the page stores both as two sources in one request, the translation marked as the original’s', async () => {
    const api = fakeApi();
    renderPage(api, { ok: true, draft: twoLanguages() });
    await flush();
    click(q('source-save-pair'));
    await flush();
    expect(api.savePair).toHaveBeenCalledTimes(1);
    expect(api.save).not.toHaveBeenCalled();
    const [o, tr] = api.savePair.mock.calls[0];
    expect(tr.translationOf).toBe(o.id);
    expect(tr.kind).toBe('translation');
    expect(o.id).not.toBe(tr.id);
    expect(q('source-status')!.textContent).toBe('Saved “Interview, both languages” and its translation “Interview, both languages (zh-Hans)”, paired.');
  });
});

function fakeApi() {
  const summary = (id: string, title: string) => ({ id, title, language: 'en', paragraphs: 1, characters: 10, speakers: [], enabled: true, addedAt: 1, kind: 'original' as const, format: 'txt' as const, hasTimes: false });
  return {
    list: vi.fn(async () => ({
      ok: true as const,
      sources: [summary('a', 'Alpha'), summary('b', 'Beta')],
      builtin: { id: 'builtin' as const, title: 'Built-in', language: 'zh-Hant', paragraphs: 3, speakers: [], enabled: true },
    })),
    save: vi.fn(async () => ({ ok: true as const, id: 'x' })),
    savePair: vi.fn(async (_original: Source, _translation: Source) => ({ ok: true as const, ids: ['o', 't'] })),
    update: vi.fn(async () => ({ ok: true as const })),
    setEnabled: vi.fn(async () => ({ ok: true as const })),
    remove: vi.fn(async () => ({ ok: true as const, ids: ['a', 'b'], undoUntil: 0 })),
    undo: vi.fn(async () => ({ ok: true as const, ids: [] })),
    exportPack: vi.fn(),
    importPack: vi.fn(),
    takeDraft: vi.fn(),
    search: vi.fn(async () => []),
  };
}

function renderPage(api: ReturnType<typeof fakeApi>, initial: Parameters<typeof SourcesPage>[0]['initial'] = null) {
  act(() =>
    render(
      <I18nContext.Provider value={t}>
        <SourcesPage
          api={api as unknown as SourcesApi}
          readFile={vi.fn()}
          readPaste={(text) => parseSource({ text, format: 'paste' })}
          readPack={vi.fn()}
          toSource={(d) => draftToSource(d)}
          download={vi.fn()}
          openSource={vi.fn()}
          initial={initial}
        />
      </I18nContext.Provider>,
      root,
    ),
  );
}

describe('the Sources page', () => {
  it('Delete all asks once, in the page: Keep (focused) and Escape change nothing; Yes deletes once, then focus is on Undo', async () => {
    const api = fakeApi();
    renderPage(api);
    await flush();
    click(q('source-delete-all'));
    expect(api.remove).not.toHaveBeenCalled();
    const group = q('delete-all-confirm')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Delete all 2 of your sources? The built-in interview stays, and you can undo right after.',
    );
    expect(document.activeElement).toBe(q('source-delete-all-no'));
    click(q('source-delete-all-no'));
    expect(q('delete-all-confirm')).toBeNull();
    expect(document.activeElement).toBe(q('source-delete-all'));
    click(q('source-delete-all'));
    act(() => {
      q('delete-all-confirm')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(q('delete-all-confirm')).toBeNull();
    expect(api.remove).not.toHaveBeenCalled();
    click(q('source-delete-all'));
    click(q('source-delete-all-yes'));
    await flush();
    await flush();
    expect(api.remove).toHaveBeenCalledTimes(1);
    expect(api.remove).toHaveBeenCalledWith();
    expect(q('source-status')!.textContent).toContain('2 sources deleted.');
    expect(document.activeElement).toBe(q('source-undo-all'));
  });

  it('the search box says it searches all enabled sources', async () => {
    renderPage(fakeApi());
    await flush();
    const box = q('search') as HTMLInputElement;
    expect(box.labels?.[0]?.textContent).toBe('Find words in every enabled source');
    expect(box.placeholder).toBe('Search all enabled sources…');
  });
});

describe('an HTML file is cleaned like "Add this page" before it is parsed', () => {
  const html = `<!doctype html><html><head><title>Ep. 12: The long curve | Hill Road Podcast</title></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p><button>Accept</button></div>
<header class="site-header"><img src="logo.png" alt="Hill Road Podcast logo"><p class="logo">HILL ROAD PODCAST</p><ul class="menu"><li><a href="/">Home</a></li><li><a href="/episodes">Episodes</a></li><li><a href="/about">About us</a></li></ul></header>
<article>
<h1>Ep. 12: The long curve</h1>
<p><b>Maya Lindqvist:</b> Welcome back. My guest today runs a lab that builds very large models, and I wanted to ask him about the shape of the curve, since everyone has an opinion about it.</p>
<p><b>Dario Amodei:</b> Thanks for having me. I think the curve keeps going up for a while yet. We have looked hard for signs of it bending and we have not seen them, which surprises people.</p>
<p><b>Maya Lindqvist:</b> And the risks that come with it, do they grow at the same rate as the abilities, or faster?</p>
<p><b>Dario Amodei:</b> They grow with it, which is exactly why we test every model against the hardest problems we can write before it ships to anyone at all.</p>
</article>
<div class="newsletter"><p>Subscribe to our newsletter for weekly episodes!</p></div>
</body></html>`;
  const file = (name: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  };

  it('the banner, logo and menu are not paragraphs; the speakers and the title are read by the html parser', async () => {
    const r = await draftFromFile(file('ep12.html', html));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file).toEqual({ name: 'ep12.html', size: expect.any(Number), extracted: true });
    expect(r.draft.format).toBe('html');
    expect(r.draft.encoding).toBe('utf-8');
    const text = r.draft.paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/cookies|HILL ROAD PODCAST|About us|Subscribe/);
    expect(text).toContain('we test every model against the hardest problems we can write');
    expect(r.draft.speakers.map((s) => s.name).sort()).toEqual(['Dario Amodei', 'Maya Lindqvist']);
    expect(r.draft.title).toMatch(/Ep\. 12: The long curve/);
  });

  it('a consent notice next to the article (named or not) is not taken for a paragraph; a transcript that talks about cookies is kept', async () => {
    const page = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/layouts-e2e/episode-page.html'), 'utf8');
    const r = await draftFromFile(file('episode-page.html', page));
    expect(r.ok && r.file?.extracted).toBe(true);
    if (!r.ok) return;
    const text = r.draft.paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/cookie|All episodes|You might also like|Subscribe/i);
    expect(text).not.toContain('NORTHFIELD TALKS');
    expect(r.draft.speakers.map((s) => s.name)).toEqual(['Nadia Brandt', 'Dario Amodei']);

    const doc = new DOMParser().parseFromString(
      `<body><div><p>This site uses cookies so that it works and so that we can count visitors; see our policy.</p><button>OK</button></div>
       <article><p><b>Host:</b> Do you eat cookies while you work? Accept it, everyone does.</p><p><button>Play</button> <b>Guest:</b> Only the ones my team bakes.</p></article></body>`,
      'text/html',
    );
    dropNotices(doc);
    expect(doc.body.textContent).not.toContain('This site uses cookies');
    expect(doc.body.textContent).toContain('Do you eat cookies while you work?');
    expect(doc.body.textContent).toContain('Only the ones my team bakes.');
  });

  it('the byline Readability lifts out still gives the date ("Recorded 11 February 2025"); share and newsletter boxes stay out', async () => {
    const page = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/layouts/small/saved-page.html'), 'utf8');
    const r = await draftFromFile(file('saved-page.html', page));
    expect(r.ok && r.file?.extracted).toBe(true);
    if (!r.ok) return;
    expect(r.draft.date).toBe('2025-02-11');
    expect(r.draft.title).toBe('Dario Amodei on the long middle');
    const text = r.draft.paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/cookies|Share on|newsletter|Subscribe/i);
    expect(r.draft.speakers.map((s) => s.name)).toEqual(['Nadia Okafor', 'Dario Amodei']);
  });

  it('"Add this page" keeps the byline too: the tab\'s article drafts with its date', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/layouts/small/saved-page.html'), 'utf8');
    const page = extractArticle(new DOMParser().parseFromString(html, 'text/html'), 'https://slow-signal.example/long-middle');
    expect(page.byline).toBe('Recorded 11 February 2025');
    const r = draftFromPage(page);
    expect(r.ok && r.draft.date).toBe('2025-02-11');
    expect(r.ok && r.draft.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/cookies|Share on|newsletter/i);
  });

  it('a text file is not touched by the extraction; sizes in refusals follow the interface locale', async () => {
    const r = await draftFromFile(file('ep12.txt', 'Maya: Hello there, and welcome.\n\nDario: Thank you, glad to be here.'));
    expect(r.ok && r.file).toEqual({ name: 'ep12.txt', size: expect.any(Number) });
    const big = await draftFromFile({ name: 'huge.txt', size: 50 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('unread')) }, 'de');
    expect(big).toEqual({ ok: false, error: '“huge.txt” is too large (50 MB); a source may be up to 20 MB.' });
    const mid = await draftFromFile({ name: 'mid.txt', size: 22_500_000, arrayBuffer: () => Promise.reject(new Error('unread')) }, 'de');
    expect(mid.ok === false && mid.error).toBe('“mid.txt” is too large (21 MB); a source may be up to 20 MB.');
  });
});
