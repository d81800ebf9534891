/**
 * Renders the two invented base interviews (test/fixtures/layouts/base/interview-{a,b}.txt) into
 * the transcript layouts of issue 17, with the quirks real copies have (a podcast site's
 * timestamp links, a transcription service's repeated headers, a video panel's short caption
 * lines, hard wraps ending in no-break spaces, lower-case unpunctuated automatic captions with
 * `[Music]` and misheard names), and writes the layouts eval cases from the quote specs
 * (base/quotes-{a,b}.jsonl): expected verdict, speaker name as the layout writes it (or null
 * when the layout names no one), and the second where the quote's timed stretch starts.
 *
 * Every third spec (index % 3 === 2) is held out; the split is fixed here, before any result.
 * Cases of files written by hand (test/fixtures/layouts/qa-interview.txt) are kept as they are.
 * Deterministic: `npx tsx scripts/render-layouts.ts` rewrites the same files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = resolve(ROOT, 'test/fixtures/layouts');
const NBSP = '\u00A0';

interface Para {
  speaker: 'H' | 'D' | 'G';
  text: string;
  /** Index of its first word in the interview's word stream. */
  word: number;
  turn: number;
}

interface Base {
  key: 'a' | 'b';
  meta: Record<string, string>;
  names: Record<'H' | 'D' | 'G', string>;
  paras: Para[];
  /** Second at which each word is said. */
  times: number[];
  words: string[];
}

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function loadBase(key: 'a' | 'b'): Base {
  const raw = readFileSync(resolve(DIR, `base/interview-${key}.txt`), 'utf8');
  const [head, body] = raw.split('\n---\n');
  const meta: Record<string, string> = {};
  for (const l of head.split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(l);
    if (m) meta[m[1]] = m[2];
  }
  const names = { H: meta.host, D: meta.main, G: meta.guest ?? '' };
  const paras: Para[] = [];
  const words: string[] = [];
  const times: number[] = [];
  let t = 4;
  let turn = 0;
  let last = '';
  const r = rand(key === 'a' ? 11 : 23);
  for (const l of body.split('\n')) {
    const m = /^([HDG]):\s*(.*)$/.exec(l.trim());
    if (!m) continue;
    const speaker = m[1] as Para['speaker'];
    if (speaker !== last) {
      turn++;
      t += 0.6 + r() * 0.8; // the pause between speakers
    }
    last = speaker;
    paras.push({ speaker, text: m[2], word: words.length, turn });
    for (const w of m[2].split(/\s+/)) {
      words.push(w);
      times.push(t);
      t += 0.33 + r() * 0.12; // about 2.6 words a second
    }
  }
  return { key, meta, names, paras, times, words };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const hms = (s: number) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(Math.floor(s % 60))}`;
const short = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(Math.floor(s % 60))}` : `${Math.floor(s / 60)}:${pad2(Math.floor(s % 60))}`);
const paraTime = (b: Base, p: Para) => Math.floor(b.times[p.word]);

interface Rendered {
  file: string;
  text: string;
  /** Word index → start of a timed stretch (ascending), empty when untimed. */
  stretches: Array<[word: number, seconds: number]>;
  /** How the layout names each speaker (null: it names no one). */
  name: (s: Para['speaker']) => string | null;
  /** Words a quote must not contain to stay verbatim (automatic captions mishear them). */
  misheard?: RegExp;
}

const paraStretches = (b: Base): Array<[number, number]> => b.paras.map((p) => [p.word, paraTime(b, p)]);

function podcastLinks(b: Base): Rendered {
  const link = (s: number) => `[(${hms(s)})](${b.meta.video}&t=${s})`;
  const out = [`# ${b.meta.title}`, '', `Published ${b.meta.date}`, '', `*Transcript lightly edited for readability. Timestamps link to the video.*`, ''];
  let prev = '';
  for (const p of b.paras) {
    const s = paraTime(b, p);
    // the site links the company's name once in a while
    const text = p.text.replace(/\bAnthropic\b(?=,| is| has)/, '[Anthropic](https://www.anthropic.com)');
    out.push(p.speaker === prev ? `${link(s)} ${text}` : `${b.names[p.speaker]} ${link(s)} ${text}`, '');
    prev = p.speaker;
  }
  return { file: 'podcast-links.md', text: out.join('\n'), stretches: paraStretches(b), name: (s) => b.names[s] };
}

function nameTimeLine(b: Base, generic: boolean): Rendered {
  const label = (s: Para['speaker']) => (generic ? `Speaker ${{ H: 1, D: 2, G: 3 }[s]}` : b.names[s]);
  const out = generic ? [] : [b.meta.title, '', `Recorded ${b.meta.date}`, ''];
  for (const p of b.paras) {
    out.push(generic ? `${label(p.speaker)} (${hms(paraTime(b, p))}):` : `${label(p.speaker)} (${hms(paraTime(b, p))})`, p.text, '');
  }
  return { file: generic ? 'generic-speakers.txt' : 'name-time-line.txt', text: out.join('\n'), stretches: paraStretches(b), name: label };
}

function nameTimeHeader(b: Base): Rendered {
  const out = [`${b.meta.title.replace(/:.*/, '')} - ${b.meta.date}`, ''];
  for (const p of b.paras) out.push(`${b.names[p.speaker]}  ${short(paraTime(b, p))}`, p.text, '');
  out.push('Transcribed by https://otter.ai', '');
  return { file: 'name-time-header.txt', text: out.join('\n'), stretches: paraStretches(b), name: (s) => b.names[s] };
}

/** Caption lines of 5–11 words inside each paragraph, each with its time. */
function captionChunks(b: Base, seed: number): Array<{ word: number; words: string[] }> {
  const r = rand(seed);
  const chunks: Array<{ word: number; words: string[] }> = [];
  for (const p of b.paras) {
    const ws = p.text.split(/\s+/);
    let i = 0;
    while (i < ws.length) {
      const n = Math.min(ws.length - i, 5 + Math.floor(r() * 7));
      chunks.push({ word: p.word + i, words: ws.slice(i, i + n) });
      i += n;
    }
  }
  return chunks;
}

function timeLines(b: Base): Rendered {
  const chunks = captionChunks(b, 5);
  const out = ['Transcript', ''];
  for (const c of chunks) out.push(short(Math.floor(b.times[c.word])), c.words.join(' '));
  return { file: 'time-lines.txt', text: out.join('\n') + '\n', stretches: chunks.map((c) => [c.word, Math.floor(b.times[c.word])]), name: () => null };
}

function startingPoint(b: Base): Rendered {
  const out = [b.meta.title, ''];
  const stretches: Array<[number, number]> = [];
  for (const p of b.paras) {
    // blocks of one to three sentences, never across speakers
    const sentences = p.text.match(/[^.!?]+[.!?]+["”]?\s*|[^.!?]+$/g) ?? [p.text];
    let word = p.word;
    for (let i = 0; i < sentences.length; i += 2) {
      const block = sentences.slice(i, i + 2).join('').trim();
      const s = Math.floor(b.times[word]);
      stretches.push([word, s]);
      out.push(`Starting point is ${hms(s)}`, block, '');
      word += block.split(/\s+/).length;
    }
  }
  return { file: 'starting-point.txt', text: out.join('\n'), stretches, name: () => null };
}

function bracketTime(b: Base): Rendered {
  const out = [b.meta.title, '', `Recorded on ${b.meta.date}`, `Source: ${b.meta.video}`, ''];
  let prev = '';
  for (const p of b.paras) {
    out.push(p.speaker === prev ? `[${hms(paraTime(b, p))}] ${p.text}` : `[${hms(paraTime(b, p))}] ${b.names[p.speaker]}: ${p.text}`, '');
    prev = p.speaker;
  }
  return { file: 'bracket-time.txt', text: out.join('\n'), stretches: paraStretches(b), name: (s) => b.names[s] };
}

function wrappedCaptions(b: Base): Rendered {
  const r = rand(77);
  const out: string[] = [];
  for (const p of b.paras) {
    const ws = p.text.split(/\s+/);
    let line = '';
    let width = 42 + Math.floor(r() * 17);
    for (const w of ws) {
      if (line && line.length + 1 + w.length > width) {
        out.push(r() < 0.75 ? line + NBSP : line); // most wraps keep the page's no-break space
        line = '';
        width = 42 + Math.floor(r() * 17);
      }
      line = line ? `${line} ${w}` : w;
    }
    if (line) out.push(line);
  }
  return { file: 'wrapped-captions.txt', text: out.join('\n') + '\n', stretches: [], name: () => null };
}

const MISHEARD: Array<[RegExp, string]> = [
  [/\bAnthropic\b/g, 'entropic'],
  [/\bClaude\b/g, 'clod'],
  [/\bAmodei\b/g, 'amade'],
  [/\binterpretability\b/gi, 'interpretability'],
  [/\bpretraining\b/gi, 'pre-training'],
];

function autoCaptions(b: Base): Rendered {
  let text = b.paras.map((p) => p.text).join(' ');
  for (const [re, to] of MISHEARD) text = text.replace(re, to);
  text = text
    .replace(/[.,!?;:"“”]/g, '')
    .replace(/\s[-–—]\s/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const words = text.split(' ');
  words.splice(Math.floor(words.length * 0.62), 0, '[Music]');
  return {
    file: 'auto-captions.txt',
    text: `[Music] ${words.join(' ')} [Applause]\n`,
    stretches: [],
    name: () => null,
    misheard: /\b(Anthropic|Claude|Amodei|pretraining)\b/i,
  };
}

interface Spec {
  kind: string;
  text: string;
  orig?: string;
}

function locate(b: Base, text: string): { word: number; speaker: Para['speaker'] } {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const needle = norm(text);
  for (const p of b.paras) {
    const at = p.text.indexOf(needle.split(' ').slice(0, 6).join(' '));
    if (at < 0) continue;
    const joined = norm(b.paras.slice(b.paras.indexOf(p)).map((x) => x.text).join(' ').slice(at));
    if (!joined.startsWith(needle)) continue;
    return { word: p.word + p.text.slice(0, at).split(/\s+/).filter(Boolean).length, speaker: p.speaker };
  }
  throw new Error(`quote not in interview-${b.key}: ${text}`);
}

function main(): void {
  const a = loadBase('a');
  const b = loadBase('b');
  const layouts: Array<[string, Base, Rendered]> = [
    ['podcast-links', b, podcastLinks(b)],
    ['name-time-line', a, nameTimeLine(a, false)],
    ['name-time-header', b, nameTimeHeader(b)],
    ['time-lines', a, timeLines(a)],
    ['starting-point', b, startingPoint(b)],
    ['bracket-time', a, bracketTime(a)],
    ['wrapped-captions', b, wrappedCaptions(b)],
    ['auto-captions', a, autoCaptions(a)],
    ['generic-speakers', b, nameTimeLine(b, true)],
  ];
  const cases: string[] = [];
  for (const [layout, base, r] of layouts) {
    writeFileSync(resolve(DIR, r.file), r.text);
    const specs = readFileSync(resolve(DIR, `base/quotes-${base.key}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Spec);
    specs.forEach((spec, i) => {
      const absent = spec.kind === 'absent';
      const at = absent ? null : locate(base, spec.orig ?? spec.text);
      let expect = absent ? 'not-found' : spec.kind === 'altered' ? 'altered' : 'verbatim';
      if (expect === 'verbatim' && r.misheard?.test(spec.text)) expect = 'altered'; // the captions misheard a word of it
      let time: number | null = null;
      if (at && r.stretches.length > 0) {
        for (const [w, s] of r.stretches) if (w <= at.word) time = s;
      }
      cases.push(
        JSON.stringify({
          id: `${layout}-${String(i + 1).padStart(2, '0')}`,
          layout,
          file: r.file,
          kind: spec.kind,
          text: spec.text,
          expect,
          speakerName: at ? r.name(at.speaker) : null,
          time,
          split: i % 3 === 2 ? 'heldout' : 'dev',
        }),
      );
    });
    console.log(`${r.file}: ${r.text.length} characters`);
  }
  // cases of files written by hand (not rendered here) are kept as they are
  const path = resolve(ROOT, 'test/eval/cases-layouts.jsonl');
  const rendered = new Set(layouts.map(([l]) => l));
  const hand = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !rendered.has((JSON.parse(l) as { layout: string }).layout)) : [];
  writeFileSync(path, [...cases, ...hand].join('\n') + '\n');
  console.log(`${cases.length} cases → test/eval/cases-layouts.jsonl`);
}

main();
