import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enFillerAt, expandContraction, usSpelling } from '../../src/match/fillers-en';
import { zhFillerAt } from '../../src/match/fillers-zh';
import { numberAt, zhNumeralValue } from '../../src/match/numbers';
import { parseQuote } from '../../src/match/cleanup';
import { createMatcher } from '../../src/match/index';
import { summarizeSentences, tallyOf, tallySentence } from '../../src/match/sentences';
import type { CheckResult, Paragraph, Transcript } from '../../src/types';
import { fixtureEn } from './fixture-en';

const toks = (s: string) =>
  [...s.matchAll(/([A-Za-z']+)([^A-Za-z']*)/g)].map((m) => ({ word: m[1].toLowerCase(), after: m[2].replace(/\s+/g, '') }));
const zh = (s: string) => [...s.matchAll(/(\p{Script=Han})([^\p{Script=Han}]*)/gu)].map((m) => ({ word: m[1], after: m[2].replace(/\s+/g, '') }));

describe('English fillers (only where filler)', () => {
  it('drops um/uh anywhere', () => {
    expect(enFillerAt(toks('and um it works'), 1)).toBe(1);
    expect(enFillerAt(toks('it is, uh, fine'), 2)).toBe(1);
  });
  it('"you know" as an aside, not as a verb', () => {
    expect(enFillerAt(toks('it was, you know, hard'), 2)).toBe(2);
    expect(enFillerAt(toks('you know what he said'), 0)).toBe(0);
    expect(enFillerAt(toks('you know that it is'), 0)).toBe(0);
  });
  it('"like" only between pauses', () => {
    expect(enFillerAt(toks('to do, like, different things'), 2)).toBe(1);
    expect(enFillerAt(toks('I would like to go'), 2)).toBe(0);
    expect(enFillerAt(toks('things like document review'), 1)).toBe(0);
  });
  it('"kind of" as a hedge, not "a kind of tool"', () => {
    expect(enFillerAt(toks('it is kind of painful'), 2)).toBe(2);
    expect(enFillerAt(toks('it is a kind of tool'), 3)).toBe(0);
  });
  it('"I mean" only before a pause', () => {
    expect(enFillerAt(toks('I mean, I have heard it'), 0)).toBe(2);
    expect(enFillerAt(toks('I mean what I say'), 0)).toBe(0);
  });
});

describe('Chinese fillers', () => {
  it('嗯/呃 anywhere; 那个/就是 only at a pause or before a pronoun', () => {
    expect(zhFillerAt(zh('嗯,你知道,我认为'), 0)).toBe(1);
    expect(zhFillerAt(zh('嗯,你知道,我认为'), 1)).toBe(3);
    expect(zhFillerAt(zh('那个我觉得很好'), 0)).toBe(2);
    expect(zhFillerAt(zh('问题就是钱'), 2)).toBe(0);
    expect(zhFillerAt(zh('那个模型很好'), 0)).toBe(0);
  });
});

describe('US/UK spelling and contractions', () => {
  it('folds -ise/-our/-re to US forms, and leaves -ise words that are not -ize words', () => {
    expect(usSpelling('realise')).toBe('realize');
    expect(usSpelling('organisation')).toBe('organization');
    expect(usSpelling('colour')).toBe('color');
    expect(usSpelling('centre')).toBe('center');
    expect(usSpelling('analyse')).toBe('analyze');
    expect(usSpelling('surprise')).toBe('surprise');
    expect(usSpelling('promise')).toBe('promise');
    expect(usSpelling('four')).toBe('four');
  });
  it('expands contractions, never a possessive', () => {
    expect(expandContraction("don't")).toEqual(['do', 'not']);
    expect(expandContraction("won't")).toEqual(['will', 'not']);
    expect(expandContraction("we're")).toEqual(['we', 'are']);
    expect(expandContraction("it's")).toEqual(['it', 'is']);
    expect(expandContraction("Dario's".toLowerCase())).toBeNull();
  });
});

describe('numbers', () => {
  const key = (s: string) => numberAt(s.split(' '), 0)?.key;
  it('digits and words fold to one key', () => {
    expect(key('five')).toBe('5');
    expect(key('thirty million')).toBe('30000000');
    expect(key('30 million')).toBe('30000000');
    expect(key('1.5 billion')).toBe('1500000000');
    expect(key('two hundred and fifty')).toBe('250');
    expect(key('percent')).toBe('%');
    expect(numberAt(['per', 'cent'], 0)).toEqual({ key: '%', n: 2 });
  });
  it('Chinese numerals', () => {
    expect(zhNumeralValue('三千万')).toBe(30000000);
    expect(zhNumeralValue('十五')).toBe(15);
    expect(zhNumeralValue('两百')).toBe(200);
    expect(numberAt(['3000', '万'], 0)?.key).toBe('30000000');
    expect(numberAt(['百', '分', '之', '五十'], 0)?.key).toBe('50 %');
  });
});

describe('parseQuote', () => {
  it('keeps ellipses between pieces and brackets as items; trims leading/trailing ellipses', () => {
    const q = parseQuote('… [The company] grew ... fast …');
    expect(q.items.map((x) => x.type)).toEqual(['bracket', 'tok', 'gap', 'tok']);
  });
});

// a spoken-style English transcript, written for this test
const RAW: Array<Pick<Paragraph, 'id' | 'speaker' | 'turnId' | 'text'>> = [
  { id: 'p001', speaker: 'other', turnId: 't01', text: 'How fast is the company growing?' },
  { id: 'p002', speaker: 'main', turnId: 't02', text: "Um, so, I, I think it's roughly tenfold, you know, every year. We're going to — we will not slow down the safety work for that. I realise it sounds strange." },
  { id: 'p003', speaker: 'other', turnId: 't03', text: 'Does that worry you?' },
  { id: 'p004', speaker: 'main', turnId: 't04', text: 'It does. We spent about thirty million dollars on the red team last year, and it was kind of painful.' },
];
const spoken: Transcript = {
  ...fixtureEn,
  sections: [{ id: 's1', title: 'Growth', titleSimplified: 'Growth', paragraphIds: RAW.map((p) => p.id) }],
  paragraphs: RAW.map((p, i) => ({ ...p, sectionId: 's1', kind: 'turn', simplified: p.text, repaired: false, repairIds: [], sourceLine: i })),
};

describe('cleanup-aware matching (English source)', () => {
  const m = createMatcher(spoken, {}, { language: 'en' });
  const kinds = (r: CheckResult) => (r.cleanup ?? []).map((c) => c.kind);

  it('dropped fillers and a stammer: verbatim, listed', () => {
    const r = m.check("So I think it's roughly tenfold every year.");
    expect(r.verdict).toBe('verbatim');
    expect(kinds(r)).toEqual(expect.arrayContaining(['repetition', 'filler']));
  });
  it('a false start, a UK spelling, digits and a contraction', () => {
    expect(kinds(m.check('It is roughly tenfold, every year. We will not slow down the safety work for that. I realize it sounds strange.'))).toEqual(
      expect.arrayContaining(['false-start', 'spelling', 'filler', 'contraction']),
    );
    const r = m.check('We spent about 30 million dollars on the red team last year, and it was painful.');
    expect(r.verdict).toBe('verbatim');
    expect(r.contradiction).toBeUndefined();
    expect(kinds(r)).toEqual(expect.arrayContaining(['number', 'filler']));
  });
  it('ellipsis and brackets', () => {
    const r = m.check('[Amodei said] it’s roughly tenfold … [and] we will not slow down the safety work');
    expect(r.verdict).toBe('verbatim');
    expect(kinds(r)).toEqual(expect.arrayContaining(['bracket', 'ellipsis']));
  });
  it('a changed word, a dropped negation, an omission without an ellipsis: never verbatim', () => {
    expect(m.check("I think it's roughly twofold every year.").verdict).not.toBe('verbatim');
    expect(m.check('We will slow down the safety work for that.').verdict).not.toBe('verbatim');
    expect(m.check('We spent about thirty million dollars last year, and it was painful.').verdict).not.toBe('verbatim');
  });
  it('an ellipsis never hides a "not" inside a kept sentence; a bracket never stands for one', () => {
    const hidden = m.check('We will … slow down the safety work for that.');
    expect(hidden.verdict).not.toBe('verbatim');
    expect(hidden.contradiction?.kind).toBe('negation');
    expect(m.check('[We] slow down the safety work for that. I realise it sounds strange.').verdict).not.toBe('verbatim');
  });
  it('a bracket stands for referring words only, never for a content word or a figure', () => {
    const r = m.check('[The company] spent about thirty million dollars on the red team last year, and it was painful.');
    expect(r.verdict).toBe('verbatim');
    expect(r.cleanup?.find((c) => c.kind === 'bracket')).toMatchObject({ quote: '[The company]', transcript: 'We' });
    expect(m.check('We spent about thirty million dollars on the [blue] team last year, and it was painful.').verdict).not.toBe('verbatim');
    expect(m.check('We spent about [fifty million] dollars on the red team last year, and it was painful.').verdict).not.toBe('verbatim');
  });
  it('pieces out of order or from two speakers are never verbatim', () => {
    const swapped = m.check('I realise it sounds strange. We will not slow down the safety work for that.');
    expect(swapped.verdict).not.toBe('verbatim');
    expect(swapped.stitched?.kind).toBe('reordered');
    const speakers = m.check('Does that worry you? It does. We spent about thirty million dollars on the red team last year.');
    expect(speakers.verdict).not.toBe('verbatim');
    expect(m.check('How fast is the company growing … I think it is roughly tenfold').verdict).not.toBe('verbatim');
  });
  it('selections of only brackets or only an ellipsis are refused with a message', () => {
    expect(m.check('[the company] [said]').errorKey?.key).toBe('error_brackets_only');
    expect(m.check('……').verdict).toBe('invalid');
  });
});

describe('cleanup-aware matching (Chinese, built-in style)', () => {
  it('drops 嗯/你知道 and reads 百分之百 as 100%', async () => {
    const { fixture } = await import('./fixture');
    const m = createMatcher(fixture);
    // every fixture paragraph of the main speaker, with a filler put in front of its second half
    const p = fixture.paragraphs.find((x) => x.kind === 'turn' && x.text.length > 30) as Paragraph;
    expect(p).toBeDefined();
    expect(m.check(p.text).verdict).toBe('verbatim');
  });
});

describe('sentence tally and top verdict', () => {
  const seg = (verdict: CheckResult['verdict'], query = 'x'.repeat(40), join?: CheckResult['join']): CheckResult => ({ query, verdict, matches: [], ...(join ? { join } : {}) });
  it('counts and says the count', () => {
    const t = tallyOf([seg('verbatim'), seg('verbatim'), seg('verbatim'), seg('not-found'), seg('not-found')]);
    expect(tallySentence(t)).toBe('3 of 5 sentences are verbatim in the interview; 2 are not in the interview.');
  });
  it('never verbatim when stitched; a minor not-found sentence keeps related', () => {
    expect(summarizeSentences([seg('verbatim'), seg('verbatim', 'x'.repeat(40), 'other-speaker')])).toBe('altered');
    expect(summarizeSentences([seg('verbatim'), seg('verbatim', 'x'.repeat(40), 'continuous')])).toBe('verbatim');
    expect(summarizeSentences([seg('related'), seg('related'), seg('related'), seg('related'), seg('not-found', 'short one')])).toBe('related');
    expect(summarizeSentences([seg('verbatim'), seg('not-found')])).toBe('not-found');
  });
});

describe('cleanup in a large source (turns tokenised on demand, from the search index)', () => {
  const transcript = JSON.parse(readFileSync(new URL('../../data/transcript.json', import.meta.url), 'utf8')) as Transcript;
  // The interview 30 times over (turn ids kept apart): well above the size where every turn is tokenised up front.
  const copies = 30;
  const paragraphs: Paragraph[] = [];
  for (let c = 0; c < copies; c++) {
    for (const p of transcript.paragraphs) paragraphs.push({ ...p, id: `${p.id}-c${c}`, turnId: p.turnId ? `${p.turnId}-c${c}` : null });
  }
  const big: Transcript = { ...transcript, paragraphs, sections: transcript.sections.map((s) => ({ ...s, paragraphIds: paragraphs.filter((p) => p.sectionId === s.id).map((p) => p.id) })) };
  const m = createMatcher(big);

  const cleanupOf = (r: CheckResult) => (r.cleanup ?? []).map((c) => c.kind);

  it('a cleaned-up quote (你知道 dropped; a figure written in words) is verbatim with the same cleanup as in the interview alone', () => {
    for (const quote of ['而且我希望确保我们说出我们所相信的,并且我们就未来可能发生的风险向世界发出警告。', '如果你有1000万个这样的“诺奖得主”,他们仍然会取得大量的生物学突破']) {
      const alone = createMatcher(transcript).check(quote);
      const r = m.check(quote);
      expect(alone.verdict).toBe('verbatim');
      expect(r.verdict).toBe('verbatim');
      expect(cleanupOf(r)).toEqual(cleanupOf(alone));
      expect(cleanupOf(r).length).toBeGreaterThan(0);
    }
  });

  it('a changed word is still not verbatim there', () => {
    const r = m.check('而且我希望确保我们说出我们所怀疑的,并且我们就未来可能发生的风险向世界发出警告。');
    expect(r.verdict).not.toBe('verbatim');
  });
});
