import { describe, expect, it } from 'vitest';
import { alignPair, correctLink } from '../../src/pair/align';
import type { PairLink, Source } from '../../src/sources/model';
import { evaluatePairs } from '../../scripts/eval-pairs';
import { loadPair, sourceFromText } from './fixture';

/** Every paragraph of both sides appears in exactly one link, and links run in reading order. */
function expectCoverAndOrder(links: PairLink[], translation: Source, original: Source): void {
  const pos = (s: Source) => new Map(s.paragraphs.map((p, i) => [p.id, i]));
  const tp = pos(translation);
  const op = pos(original);
  const seenT = links.flatMap((l) => l.translation);
  const seenO = links.flatMap((l) => l.original);
  expect([...seenT].sort()).toEqual(translation.paragraphs.map((p) => p.id).sort());
  expect([...seenO].sort()).toEqual(original.paragraphs.map((p) => p.id).sort());
  let lastT = -1;
  let lastO = -1;
  for (const l of links) {
    for (const id of l.translation) {
      expect(tp.get(id)!).toBeGreaterThan(lastT);
      lastT = tp.get(id)!;
    }
    for (const id of l.original) {
      expect(op.get(id)!).toBeGreaterThan(lastO);
      lastO = op.get(id)!;
    }
  }
}

const linkOf = (links: PairLink[], tId: string) => links.find((l) => l.translation.includes(tId));

describe('alignPair on the hand-written interview pair', () => {
  const { original, translation, truth } = loadPair();
  const links = alignPair(translation, original);

  it('covers both texts in order', () => {
    expectCoverAndOrder(links, translation, original);
  });

  it('links two original paragraphs the translation merged into one', () => {
    expect(linkOf(links, 'p004')?.original).toEqual(['p004', 'p005']);
    expect(linkOf(links, 'p017')?.original).toEqual(['p019', 'p020']);
  });

  it('links one long answer the translation split in two', () => {
    expect(linkOf(links, 'p011')).toMatchObject({ translation: ['p011', 'p012'], original: ['p014'] });
    expect(linkOf(links, 'p028')).toMatchObject({ translation: ['p028', 'p029'], original: ['p031'] });
  });

  it('leaves the exchanges the translation dropped unlinked', () => {
    for (const id of ['p010', 'p011', 'p034', 'p035']) {
      expect(links.find((l) => l.original.includes(id))?.translation).toEqual([]);
    }
  });

  it('reaches the accuracy floors of the eval (paragraphs ≥ 95 %, Chinese quote → right English ≥ 90 %)', () => {
    const r = evaluatePairs({ original, translation, truth }, links);
    expect(r.paragraphs.n).toBe(31);
    expect(r.paragraphs.right / r.paragraphs.n).toBeGreaterThanOrEqual(0.95);
    expect(r.counterparts.right / r.counterparts.n).toBeGreaterThanOrEqual(0.9);
    expect(r.sentences.right / r.sentences.n).toBeGreaterThanOrEqual(0.85);
  });

  it('aligns sentences inside a merged pair, across the original paragraphs', () => {
    const s = linkOf(links, 'p017')!.sentences!;
    const zh = translation.paragraphs.find((p) => p.id === 'p017')!.text;
    const en = (id: string) => original.paragraphs.find((p) => p.id === id)!.text;
    const rendering = s.find((x) => zh.slice(x.translation[1], x.translation[2]).startsWith('最先受影响的'))!;
    expect(rendering.original[0]).toBe('p020');
    expect(en('p020').slice(rendering.original[1], rendering.original[2])).toMatch(/^The first jobs affected/);
  });
});

describe('alignPair on small pairs', () => {
  const en = (body: string) => sourceFromText(body, 'en', 'en', 'original');
  const zh = (body: string) => sourceFromText(body, 'zh', 'zh-Hans', 'translation');

  it('prefers the paragraph whose numbers and names agree when lengths say nothing', () => {
    const o = en(
      'Host: What did it cost?\n\nGuest: It cost 300 million dollars in 2024, paid by Acme and Zenith together over three long years of hard work.\n\nHost: And the team?\n\nGuest: The team grew to 4000 people in Berlin, most of them engineers hired after the first model shipped to customers.',
    );
    const t = zh('Guest：团队在 Berlin 扩大到4000人，大多是工程师。');
    const links = alignPair(t, o);
    expectCoverAndOrder(links, t, o);
    expect(linkOf(links, 'p001')?.original).toEqual(['p004']);
  });

  it('does not link turns of different speakers', () => {
    const o = en('Ann: Welcome, Bob.\n\nBob: Thanks, Ann. Glad to be here.\n\nAnn: Let us begin with 2030.\n\nBob: In 2030 we will see.');
    const t = zh('Ann：欢迎。\n\nAnn：我们从2030年说起。\n\nBob：2030年会见分晓。');
    const links = alignPair(t, o);
    expect(linkOf(links, 'p001')?.original).toEqual(['p001']);
    expect(links.find((l) => l.original.includes('p002'))?.translation).toEqual([]);
    expect(linkOf(links, 'p002')?.original).toEqual(['p003']);
    expect(linkOf(links, 'p003')?.original).toEqual(['p004']);
  });

  it('handles empty sources', () => {
    const o = en('Ann: Hello there, everyone.');
    const empty = zh('');
    expect(alignPair(empty, o)).toEqual([{ translation: [], original: ['p001'] }]);
    expect(alignPair(o, en(''))).toEqual([{ translation: ['p001'], original: [] }]);
  });
});

describe('reader corrections', () => {
  const { original, translation } = loadPair();
  const auto = alignPair(translation, original);

  it('keeps a corrected link exactly and re-aligns the rest around it', () => {
    // A deliberately odd correction: the reader links zh p005 to en p007.
    const links = alignPair(translation, original, {
      corrections: [...auto, { translation: ['p005'], original: ['p007'], corrected: true }],
    });
    expectCoverAndOrder(links, translation, original);
    expect(linkOf(links, 'p005')).toMatchObject({ original: ['p007'], corrected: true });
    expect(linkOf(links, 'p005')!.sentences!.length).toBeGreaterThan(0);
    // Far from the correction nothing moves.
    for (const id of ['p001', 'p017', 'p031']) expect(linkOf(links, id)?.original).toEqual(linkOf(auto, id)?.original);
    // Links without the flag are recomputed, not kept.
    expect(links.filter((l) => l.corrected)).toHaveLength(1);
  });

  it('keeps a correction that says a paragraph has no counterpart', () => {
    const links = alignPair(translation, original, { corrections: [{ translation: ['p002'], original: [], corrected: true }] });
    expectCoverAndOrder(links, translation, original);
    expect(linkOf(links, 'p002')).toMatchObject({ original: [], corrected: true });
    expect(links.find((l) => l.original.includes('p002'))?.translation).toEqual([]);
    expect(linkOf(links, 'p003')?.original).toEqual(['p003']);
  });

  it('correctLink replaces an earlier correction that the new one crosses', () => {
    let links = correctLink(translation, original, auto, { translation: ['p005'], original: ['p007'] });
    links = correctLink(translation, original, links, { translation: ['p006'], original: ['p006'] });
    expectCoverAndOrder(links, translation, original);
    expect(linkOf(links, 'p006')).toMatchObject({ original: ['p006'], corrected: true });
    expect(linkOf(links, 'p005')?.corrected).toBeUndefined();
    // Correcting back to the truth gives the automatic alignment there again.
    links = correctLink(translation, original, links, { translation: ['p005'], original: ['p007'] });
    expect(linkOf(links, 'p006')?.corrected).toBeUndefined();
  });

  it('ignores corrections that name unknown paragraphs', () => {
    const links = alignPair(translation, original, { corrections: [{ translation: ['p999'], original: ['p001'], corrected: true }] });
    expect(links.map((l) => [l.translation, l.original])).toEqual(auto.map((l) => [l.translation, l.original]));
  });
});
