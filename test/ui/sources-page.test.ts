/** @vitest-environment happy-dom */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ext/extract-article';
import { draftFromFile, draftFromPage, draftFromPaste, draftToSource, parallelHref, readPackFile } from '../../src/ext/sources-page';

const root = path.resolve(import.meta.dirname, '../..');
const neverRead = (name: string, size: number) => ({
  name,
  size,
  arrayBuffer: () => Promise.reject(new Error('must not be read')),
  text: () => Promise.reject(new Error('must not be read')),
});

describe('Sources page: reading what the reader gives', () => {
  it('refuses a 50 MB file and an empty one before reading them, in one sentence', async () => {
    const big = await draftFromFile(neverRead('huge.txt', 50 * 1024 * 1024));
    expect(big).toEqual({ ok: false, error: '“huge.txt” is too large (50 MB); a source may be up to 20 MB.' });
    expect(await draftFromFile(neverRead('empty.srt', 0))).toEqual({ ok: false, error: '“empty.srt” is empty.' });
    expect((await readPackFile(neverRead('pack.json', 100 * 1024 * 1024))).ok).toBe(false);
  });

  it('reads a GBK file into a draft that names the encoding', async () => {
    const bytes = fs.readFileSync(path.join(root, 'test/fixtures/sources/interview-zh-gbk.txt'));
    const r = await draftFromFile({ name: 'interview-zh-gbk.txt', size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.draft.encoding).toBe('gb18030');
      expect(r.draft.paragraphs.some((p) => p.text.includes('曲线上有起伏'))).toBe(true);
    }
  });

  it('a pack that is not JSON gets one sentence', async () => {
    const r = await readPackFile({ name: 'x.json', size: 3, text: async () => 'no{' });
    expect(r).toEqual({ ok: false, error: '“x.json” is not a Verbatim source pack (it is not JSON).' });
  });

  it('a reviewed draft becomes a Source: empty optional fields are dropped, the title trimmed', () => {
    const r = draftFromPaste('Maya: Is progress slowing?\n\nDario: The curve has bumps in it.\n\nMaya: Thanks.\n\nDario: Thank you.');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = draftToSource({ ...r.draft, title: '  Pasted  ', url: '', recordingUrl: ' https://youtu.be/abc ' }, 'src-x', 5);
    expect(s).toMatchObject({ id: 'src-x', title: 'Pasted', recordingUrl: 'https://youtu.be/abc', enabled: true, addedAt: 5, format: 'paste' });
    expect('url' in s).toBe(false);
    expect('warnings' in s).toBe(false);
  });
});

describe('"Add this page"', () => {
  it('extracts the article of the fixture transcript page (not its navigation) and drafts it as a page source', () => {
    const html = fs.readFileSync(path.join(root, 'test/fixtures/pages/podcast-transcript.html'), 'utf8').replace(/<link[^>]*>/g, '');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const page = extractArticle(document, 'https://podcast.example/88');
    // The page itself is untouched (Readability ran on a clone).
    expect(document.querySelector('nav.site-nav')).not.toBeNull();
    expect(page.html).toBeTruthy();
    const r = draftFromPage({ ...page, url: 'javascript:alert(1)' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.format).toBe('page');
    expect(r.draft.url).toBeUndefined();
    expect(r.draft.speakers.map((s) => s.name).sort()).toEqual(['Dario Amodei', 'Rosa Ferreira']);
    const text = r.draft.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('We test every new model against the hardest problems we can write');
    expect(text).not.toContain('Subscribe');
  });
});

describe('Sources page: the side-by-side link', () => {
  it('goes to the pair of a marked translation from both of its sources, and nowhere for others', () => {
    const listed = [{ id: 'builtin', translationOf: 'en-1' }, { id: 'en-1' }, { id: 'zh-2', translationOf: 'en-3' }, { id: 'en-3' }, { id: 'lone' }, { id: 'zh-4', translationOf: 'gone' }];
    expect(parallelHref(listed[0], listed)).toBe('/parallel.html?translation=builtin');
    expect(parallelHref(listed[1], listed)).toBe('/parallel.html?translation=builtin');
    expect(parallelHref(listed[2], listed)).toBe('/parallel.html?translation=zh-2');
    expect(parallelHref(listed[3], listed)).toBe('/parallel.html?translation=zh-2');
    expect(parallelHref(listed[4], listed)).toBeNull();
    // Marked as the translation of a source that is not listed: no pair to show.
    expect(parallelHref(listed[5], listed)).toBeNull();
  });

  it('offers no link while either side is deleted (in the undo window), and escapes the id', () => {
    const t = { id: 'zh 2&x', translationOf: 'en-3' };
    expect(parallelHref(t, [t, { id: 'en-3', deletedAt: 5 }])).toBeNull();
    expect(parallelHref({ id: 'en-3' }, [{ ...t, deletedAt: 5 }, { id: 'en-3' }])).toBeNull();
    expect(parallelHref(t, [t, { id: 'en-3' }])).toBe('/parallel.html?translation=zh%202%26x');
  });
});
