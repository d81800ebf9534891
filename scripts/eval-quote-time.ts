/**
 * Time at the quote, and quotes over paragraph breaks (issue 17 items 1 and 3), measured on the
 * subtitle fixtures: every cue of a merged paragraph opens a quote (its first nine words, or as
 * many as the paragraph has, at least five); the match's time must be that cue's start (±2 s),
 * as against the paragraph's own time (what matches carried before). And every break between
 * two paragraphs of one speaker (or of one run of unnamed captions) opens a quote of five words
 * each side: it must be verbatim and carry both paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMultiMatcher } from '../src/sources/check-all';
import { draftToSource, parseSource } from '../src/sources/index';
import { blockIds } from '../src/sources/to-transcript';
import type { Source } from '../src/sources/model';

export interface QuoteTimeSet {
  name: string;
  files: string[];
  timed: { n: number; verbatim: number; within2s: number; paragraphTimeWithin2s: number };
  breaks: { n: number; verbatim: number; bothParagraphs: number };
  misses: string[];
}

const WORDS = /\S+/g;

function words(text: string): Array<{ w: string; at: number }> {
  return [...text.matchAll(WORDS)].map((m) => ({ w: m[0], at: m.index ?? 0 }));
}

function load(root: string, file: string, id: string): Source {
  const r = parseSource({ name: file.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(join(root, file))) });
  if (!r.ok) throw new Error(`${file}: ${r.error}`);
  return draftToSource(r.draft, id, 0);
}

function measureSet(root: string, name: string, files: string[]): QuoteTimeSet {
  const out: QuoteTimeSet = {
    name,
    files,
    timed: { n: 0, verbatim: 0, within2s: 0, paragraphTimeWithin2s: 0 },
    breaks: { n: 0, verbatim: 0, bothParagraphs: 0 },
    misses: [],
  };
  files.forEach((file, fi) => {
    const source = load(root, file, `f${fi}`);
    const multi = createMultiMatcher([{ source }]);
    for (const p of source.paragraphs) {
      if (!p.times || p.times.length < 2) continue;
      const ws = words(p.text);
      for (const [offset, sec] of p.times) {
        const from = ws.findIndex((x) => x.at >= offset);
        if (from < 0 || ws.length - from < 5) continue;
        const quote = ws.slice(from, from + 9).map((x) => x.w).join(' ');
        const r = multi.check(quote);
        out.timed.n++;
        if (r.verdict === 'verbatim') out.timed.verbatim++;
        const t = r.matches[0]?.time;
        if (typeof t === 'number' && Math.abs(t - sec) <= 2) out.timed.within2s++;
        else out.misses.push(`${file} ${p.id}@${offset}: expected ${sec}s got ${t ?? '-'} — “${quote}”`);
        if (typeof p.time === 'number' && Math.abs(p.time - sec) <= 2) out.timed.paragraphTimeWithin2s++;
      }
    }
    const blocks = blockIds(source);
    for (let i = 0; i + 1 < source.paragraphs.length; i++) {
      const a = source.paragraphs[i];
      const b = source.paragraphs[i + 1];
      if (a.kind === 'heading' || b.kind === 'heading' || blocks[i] === null || blocks[i] !== blocks[i + 1]) continue;
      const wa = words(a.text);
      const wb = words(b.text);
      if (wa.length < 5 || wb.length < 5) continue;
      const quote = [...wa.slice(-5), ...wb.slice(0, 5)].map((x) => x.w).join(' ');
      const r = multi.check(quote);
      out.breaks.n++;
      if (r.verdict === 'verbatim') out.breaks.verbatim++;
      const ids = r.matches[0]?.spans?.map((s) => s.paragraphId) ?? [];
      if (ids.includes(a.id) && ids.includes(b.id)) out.breaks.bothParagraphs++;
      else out.misses.push(`${file} ${a.id}|${b.id}: ${r.verdict}, paragraphs ${ids.join('+') || r.matches[0]?.paragraphId || '-'} — “${quote}”`);
    }
  });
  return out;
}

export function evaluateQuoteTime(root: string): QuoteTimeSet[] {
  return [
    measureSet(root, 'dev (the long-standing subtitle fixtures)', ['test/fixtures/sources/interview-en.srt', 'test/fixtures/sources/interview-en.vtt']),
    measureSet(root, 'held-out (the stretch fixtures, written for this)', ['test/fixtures/sources/stretch/lecture.srt', 'test/fixtures/sources/stretch/panel.txt', 'test/fixtures/sources/stretch/wrapped-captions.txt']),
  ];
}

export function formatQuoteTimeReport(sets: QuoteTimeSet[], verbose = false): string {
  const pct = (a: number, n: number) => (n === 0 ? '—' : `${((100 * a) / n).toFixed(1)} %`);
  const lines = ['Time at the quote and quotes over paragraph breaks (issue 17):', ''];
  for (const s of sets) {
    lines.push(`  ${s.name}`);
    lines.push(
      `    quotes opening at a cue: ${s.timed.n}; verbatim ${pct(s.timed.verbatim, s.timed.n)}; time within 2 s ${s.timed.within2s}/${s.timed.n} (${pct(s.timed.within2s, s.timed.n)}); the paragraph's own time would be ${s.timed.paragraphTimeWithin2s}/${s.timed.n}`,
    );
    lines.push(`    quotes over a paragraph break of one speaker: ${s.breaks.n}; verbatim ${pct(s.breaks.verbatim, s.breaks.n)}; both paragraphs carried ${pct(s.breaks.bothParagraphs, s.breaks.n)}`);
    if (verbose) for (const m of s.misses) lines.push(`      miss: ${m}`);
    else if (s.misses.length > 0) lines.push(`    misses: ${s.misses.length} (--verbose lists them)`);
  }
  return lines.join('\n');
}

if (process.argv[1] && /eval-quote-time\.ts$/.test(process.argv[1])) {
  const root = join(import.meta.dirname, '..');
  console.log(formatQuoteTimeReport(evaluateQuoteTime(root), process.argv.includes('--verbose')));
}
