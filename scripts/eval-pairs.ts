/**
 * Translation pairing, measured on the hand-written pair in test/fixtures/pair (a fictional
 * English interview, our own condensed Chinese translation of it, and the true alignment):
 * - paragraphs: share of translation paragraphs linked to exactly the right original paragraphs
 *   (and of original paragraphs the translation dropped that are left unlinked);
 * - sentences: share of translation sentences linked to exactly the right original sentences;
 * - counterparts: for each Chinese sentence taken as a quote, whether the highlighted English
 *   holds the right sentence (at least one right sentence, and no wrong one);
 * - the other direction: English sentences the translation dropped, reported as dropped.
 * No gloss is used: the pair is aligned through shared anchors alone.
 */
import { loadPair, type PairTruth } from '../test/pair/fixture';
import { alignPair } from '../src/pair/align';
import { splitSentences } from '../src/pair/anchors';
import { counterpartIndex } from '../src/pair/counterpart';
import type { PairLink, Source } from '../src/sources/model';

export interface PairEvalReport {
  paragraphs: { right: number; n: number };
  droppedParagraphs: { right: number; n: number };
  sentences: { right: number; n: number };
  counterparts: { right: number; n: number };
  droppedSentences: { right: number; n: number };
  misses: string[];
  ms: number;
}

const key = (ids: string[]) => [...ids].sort().join('+');

/** `p004#2` → the sentence's span. */
function sentenceSpan(source: Source, ref: string): { id: string; start: number; end: number } {
  const [id, k] = ref.split('#');
  const p = source.paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`truth names unknown paragraph ${id}`);
  const span = splitSentences(p.text)[Number(k)];
  if (!span) throw new Error(`truth names unknown sentence ${ref}`);
  return { id, start: span[0], end: span[1] };
}

/** The sentence refs of `source` that a span covers (at least half of each sentence). */
function sentencesCovered(source: Source, id: string, start: number, end: number): string[] {
  const p = source.paragraphs.find((x) => x.id === id)!;
  return splitSentences(p.text)
    .map(([a, b], k) => ({ ref: `${id}#${k}`, cover: (Math.min(b, end) - Math.max(a, start)) / (b - a) }))
    .filter((x) => x.cover >= 0.5)
    .map((x) => x.ref);
}

export function evaluatePairs(
  pair: { original: Source; translation: Source; truth: PairTruth } = loadPair(),
  links?: PairLink[],
): PairEvalReport {
  const { original, translation, truth } = pair;
  const t0 = performance.now();
  links ??= alignPair(translation, original);
  const ms = performance.now() - t0;
  const misses: string[] = [];

  const gotByT = new Map<string, string>();
  const gotDroppedO = new Set<string>();
  for (const l of links) {
    for (const id of l.translation) gotByT.set(id, key(l.original));
    if (l.translation.length === 0) for (const id of l.original) gotDroppedO.add(id);
  }
  const paragraphs = { right: 0, n: 0 };
  const droppedParagraphs = { right: 0, n: 0 };
  for (const t of truth.paragraphs) {
    if (t.translation.length === 0) {
      for (const id of t.original) {
        droppedParagraphs.n++;
        if (gotDroppedO.has(id)) droppedParagraphs.right++;
        else misses.push(`original ${id} was dropped by the translation but got linked`);
      }
      continue;
    }
    for (const id of t.translation) {
      paragraphs.n++;
      const got = gotByT.get(id) ?? '';
      if (got === key(t.original)) paragraphs.right++;
      else misses.push(`paragraph ${id}: want ${key(t.original)}, got ${got || 'nothing'}`);
    }
  }

  // Sentence links as refs: translation sentence → original sentences it was linked with.
  const gotSentences = new Map<string, Set<string>>();
  for (const l of links) {
    for (const s of l.sentences ?? []) {
      const tRefs = sentencesCovered(translation, ...s.translation);
      const oRefs = sentencesCovered(original, ...s.original);
      for (const r of tRefs) {
        const set = gotSentences.get(r) ?? new Set<string>();
        for (const o of oRefs) set.add(o);
        gotSentences.set(r, set);
      }
    }
  }
  const sentences = { right: 0, n: 0 };
  const counterparts = { right: 0, n: 0 };
  const index = counterpartIndex({ translationId: translation.id, originalId: original.id, links, updatedAt: 0 }, translation, original);
  for (const s of truth.sentences) {
    sentences.n++;
    const got = [...(gotSentences.get(s.translation) ?? [])];
    if (key(got) === key(s.original)) sentences.right++;
    else misses.push(`sentence ${s.translation}: want ${key(s.original)}, got ${key(got) || 'nothing'}`);

    // The card's view: the Chinese sentence as a quote, the English highlighted for it.
    counterparts.n++;
    const q = sentenceSpan(translation, s.translation);
    const a = index.find(translation.id, q.id, q.start, q.end);
    const c = a?.counterpart;
    const shown = c && c.start !== undefined && c.end !== undefined ? sentencesCovered(original, c.paragraphId, c.start, c.end) : [];
    if (shown.length > 0 && shown.some((r) => s.original.includes(r)) && shown.every((r) => s.original.includes(r))) counterparts.right++;
    else misses.push(`counterpart of ${s.translation}: want ${key(s.original)}, shows ${key(shown) || 'nothing'}`);
  }

  // English sentences the translation left out: the card must say so, not show a wrong rendering.
  const rendered = new Set(truth.sentences.flatMap((s) => s.original));
  const droppedSentences = { right: 0, n: 0 };
  for (const p of original.paragraphs) {
    splitSentences(p.text).forEach(([a, b], k) => {
      const ref = `${p.id}#${k}`;
      if (rendered.has(ref)) return;
      droppedSentences.n++;
      const ans = index.find(original.id, p.id, a, b);
      if (ans && ans.dropped) droppedSentences.right++;
      else misses.push(`dropped ${ref} shown as rendered by ${ans?.counterpart?.paragraphId ?? '?'}`);
    });
  }
  return { paragraphs, droppedParagraphs, sentences, counterparts, droppedSentences, misses, ms };
}

const pct = (x: { right: number; n: number }) => `${x.right}/${x.n} = ${x.n ? ((100 * x.right) / x.n).toFixed(1) : '–'} %`;

export function formatPairReport(r: PairEvalReport, verbose = false): string {
  const lines = [
    'Translation pairing (test/fixtures/pair: our own English interview and condensed Chinese translation; no gloss)',
    `  paragraphs linked right            ${pct(r.paragraphs)}   (target ≥ 95 %)`,
    `  dropped original paragraphs found  ${pct(r.droppedParagraphs)}`,
    `  sentences linked right             ${pct(r.sentences)}`,
    `  Chinese quote → right English      ${pct(r.counterparts)}   (target ≥ 90 %)`,
    `  English sentences the translation dropped, said so  ${pct(r.droppedSentences)}`,
    `  alignment took ${r.ms.toFixed(0)} ms`,
  ];
  if (verbose) for (const m of r.misses) lines.push(`    ${m}`);
  return lines.join('\n');
}

if (process.argv[1] && /eval-pairs\.ts$/.test(process.argv[1])) {
  console.log(formatPairReport(evaluatePairs(), true));
}
