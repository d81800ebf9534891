/** Invariants of the shipped transcript (data/transcript.json) against the source as received. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTranscriptJson, loadRepairs, SOURCE_FILE } from '../../src/transcript/build';
import { PINYIN_ANNOTATION } from '../../src/transcript/clean';
import { shiftAgreement } from '../../src/transcript/verify';
import type { Transcript } from '../../src/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shipped: Transcript = JSON.parse(readFileSync(`${root}data/transcript.json`, 'utf8'));
const source = readFileSync(`${root}${SOURCE_FILE}`, 'utf8');
const sourceLines = source.split('\n');
const repairs = loadRepairs(root);
const allText = [...shipped.paragraphs.map((p) => p.text), ...shipped.sections.map((s) => s.title)];

describe('data/transcript.json', () => {
  it('is up to date with the source and the repairs (run `npm run data`)', () => {
    expect(readFileSync(`${root}data/transcript.json`, 'utf8')).toBe(buildTranscriptJson(root).json);
  });

  // The source's SHA-256 as received is recorded in data/SHA256SUMS (`sha256sum -c` format).
  it('keeps the source byte for byte as received: the SHA-256 recorded in data/SHA256SUMS', () => {
    const sums = readFileSync(`${root}data/SHA256SUMS`, 'utf8');
    const recorded = /^([0-9a-f]{64}) [ *](.+)$/m.exec(sums.split('\n').find((l) => l.endsWith(` ${SOURCE_FILE.replace(/^data\//, '')}`)) ?? '');
    expect(recorded, 'data/SHA256SUMS names the source').not.toBeNull();
    const bytes = readFileSync(`${root}${SOURCE_FILE}`);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded![1]);
  });

  it('has the editor intro and the seven headings in order', () => {
    expect(shipped.sections.map((s) => s.id)).toEqual(['intro', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    const headings = shipped.paragraphs.filter((p) => p.kind === 'heading');
    expect(headings.map((p) => p.sourceLine)).toEqual([10, 29, 44, 58, 71, 90, 114]);
    expect(headings.map((h) => h.text)).toEqual(shipped.sections.slice(1).map((s) => s.title));
    expect(shipped.sections[7].title).toBe('那是我聽過最無恥、最離譜的謊言');
    expect(shipped.paragraphs.filter((p) => p.kind === 'intro').map((p) => p.sourceLine)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('has 18 host turns and 19 Amodei turns', () => {
    const turns = new Map<string, string>();
    for (const p of shipped.paragraphs) if (p.turnId) turns.set(p.turnId, p.speaker);
    const count = (s: string) => [...turns.values()].filter((v) => v === s).length;
    expect([count('host'), count('amodei')]).toEqual([18, 19]);
  });

  it('gives every paragraph a unique stable id, its speaker and its section', () => {
    const ids = shipped.paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of shipped.paragraphs) {
      expect(p.id).toBe(`p${String(p.sourceLine).padStart(3, '0')}`);
      expect(shipped.sections.find((s) => s.id === p.sectionId)?.paragraphIds).toContain(p.id);
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.speaker).toBe(p.kind === 'turn' ? p.speaker : 'editor');
    }
  });

  it('accounts for every source line exactly once', () => {
    const owners = new Map<number, string>();
    const own = (line: number, what: string) => {
      expect(owners.has(line), `line ${line} is both ${owners.get(line)} and ${what}`).toBe(false);
      owners.set(line, what);
    };
    shipped.paragraphs.forEach((p) => own(p.sourceLine, 'paragraph'));
    shipped.meta.credits.forEach((c) => own(c.line, 'credits'));
    shipped.dropped.forEach((d) => {
      own(d.line, 'dropped');
      expect(d.reason.length).toBeGreaterThan(5);
    });
    expect([...owners.keys()].sort((a, b) => a - b)).toEqual(sourceLines.map((_, i) => i));
  });

  it('contains no pinyin annotation, no HTML, no garbled run', () => {
    for (const text of allText) {
      expect(text).not.toMatch(PINYIN_ANNOTATION);
      expect(text).not.toMatch(/<\/?[a-z]+|\/p>|strong>/i);
      expect(text).not.toMatch(/\?/); // every real question mark in Chinese text is full-width
      expect(text).not.toMatch(/\ufffd/);
    }
  });

  it('keeps the real parentheticals', () => {
    const joined = allText.join('\n');
    for (const p of ['(Scaling Laws)', '(Continual Learning)', '(talent density)', '(bearish)', '(race to the top)',
      '(race to the bottom)', '(episode)', '(RL)', '(笑)', '(通用人工智能)', '(明顯的缺陷)', '(Machines of Loving Grace)']) {
      expect(joined).toContain(p);
    }
    expect(shipped.meta.credits.map((c) => c.text).join()).toContain('(ID:CSDNnews)');
  });

  it('has the metadata: editor, host, guest, video', () => {
    expect(shipped.meta).toMatchObject({ editor: 'CSDN', host: 'Alex Kantrowitz', guest: 'Dario Amodei', videoUrl: 'https://www.youtube.com/watch?v=mYDSSRS-B5U' });
  });

  it('derives the Simplified text with opencc (same length, differs where Traditional)', () => {
    for (const p of shipped.paragraphs) expect([...p.simplified].length).toBe([...p.text].length);
    expect(shipped.paragraphs.find((p) => p.id === 'p010')!.simplified).toBe('我说的越多,只是因为我们离悬崖越近');
  });
});

describe('data/repairs.json', () => {
  it('applies every repair exactly once, where it was recorded', () => {
    const applied = shipped.repairs.map((r) => r.id).sort();
    expect(applied).toEqual(repairs.map((r) => r.id).sort());
    for (const r of repairs) {
      expect(sourceLines[r.line].slice(r.column, r.column + r.garbled.length)).toBe(r.garbled);
      const owner = shipped.paragraphs.find((p) => p.sourceLine === r.line);
      if (owner) expect(owner.repairIds).toContain(r.id);
    }
    for (const p of shipped.paragraphs) expect(p.repaired).toBe(p.repairIds.length > 0);
  });

  it('covers every garbled run: each remaining ? in the source is a real question mark', () => {
    const covered = (line: number, col: number) => repairs.some((r) => r.line === line && col >= r.column && col < r.column + r.garbled.length);
    sourceLines.forEach((line, i) => {
      for (let col = line.indexOf('?'); col >= 0; col = line.indexOf('?', col + 1)) {
        if (covered(i, col)) continue;
        // A real question mark ends a sentence: end of line, a space, a new clause or quote follows —
        // never pinyin, punctuation or a tag, which mark the start of a garbled run.
        const next = line.slice(col + 1, col + 2);
        expect(`${i}:${col} ?${next}`).toMatch(/\?(|[\s\u4e00-\u9fff“A-Z0-9]|v)$/u);
        if (next === 'v') expect(line.slice(col - 6, col + 3)).toBe('/watch?v=');
      }
    });
  });

  it('records each repair with a method the damage model supports', () => {
    for (const r of repairs) {
      const { simulated, observed, agreement } = shiftAgreement(r);
      if (r.method === 'gbk-shift') expect(simulated, r.id).toBe(observed);
      if (r.method === 'gbk-shift+context') expect(agreement, r.id).toBeGreaterThanOrEqual(0.5);
      expect(r.note.length, r.id).toBeGreaterThan(3);
    }
    const methods = repairs.map((r) => r.method);
    expect(methods.filter((m) => m === 'gbk-shift').length).toBeGreaterThan(35);
  });
});
