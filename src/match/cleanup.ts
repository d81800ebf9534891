/**
 * Cleanup-aware matching: a quote as the press prints it — fillers, stammers and false starts
 * left out, omissions marked by an ellipsis, the newsroom's own words in [brackets], figures in
 * digits, US spelling, contractions spelt out — is the speaker's words when those are its ONLY
 * differences from one turn. The answer is `verbatim` with the list of what was cleaned up.
 *
 * Both sides are cut into tokens (a word, or one Chinese character; a figure is one token), folded
 * the same way (case, script, numbers, spelling, contractions), and aligned by a dynamic programme
 * that may only: match equal tokens; skip a transcript token marked as a filler, a repetition or
 * a false start; skip any transcript tokens where the quote has an ellipsis; let a bracket stand
 * for a few transcript tokens. Anything else — a changed word, a word the quote adds, an omission
 * without an ellipsis — has no path, and the quote is left to the ordinary routes (`altered` with
 * the diff, or weaker). Pieces out of order have no path either: the alignment runs forward in one
 * turn. A negation is never skipped silently: not as a filler, not inside a bracket, not by an
 * ellipsis within a sentence.
 */
import type { CleanupItem, Match } from '../types';
import type { CorpusParagraph } from './corpus';
import type { MatchContext, Outcome } from './context';
import { hasNegation } from './contradiction';
import { enFillerAt, expandContraction, usSpelling } from './fillers-en';
import { ZH_STAMMER_CHARS, zhFillerAt } from './fillers-zh';
import { toSimplified } from './normalize';
import { numberAt } from './numbers';

/** A raw token: a word, a Chinese numeral run, one Han character, or %. */
interface Raw {
  word: string;
  start: number;
  end: number;
  /** Punctuation between this token and the next (spaces removed). */
  after: string;
  /** The raw text between this token and the next, as written. */
  between: string;
  han: boolean;
}

/** A folded token; `raw` is the range of raw tokens it comes from. */
interface Tok {
  key: string;
  raw: [number, number];
  fold?: 'number' | 'contraction' | 'spelling';
}

const TOKEN =
  /\d[\d,]*(?:\.\d+)?|[A-Za-z\u00C0-\u024F]+(?:['’ʼ][A-Za-z]+)*|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*|[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[%％]/gu;

/** Full-width ASCII to ASCII and Traditional to Simplified, one unit for one unit (offsets kept). */
function fold(text: string): string {
  const half = text.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return toSimplified(half);
}

function rawTokens(text: string): Raw[] {
  const s = fold(text);
  const out: Raw[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    const w = m[0];
    const han = /[\u3400-\u9FFF\uF900-\uFAFF]/u.test(w);
    out.push({ word: han ? w : w.toLowerCase().replace(/[’ʼ]/gu, "'"), start: at, end: at + w.length, after: '', between: '', han });
  }
  for (let i = 0; i < out.length; i++) {
    const between = text.slice(out[i].end, i + 1 < out.length ? out[i + 1].start : text.length);
    out[i].between = between;
    out[i].after = between.replace(/\s+/gu, '');
  }
  return out;
}

function foldTokens(raws: Raw[]): Tok[] {
  const words = raws.map((r) => r.word);
  const out: Tok[] = [];
  for (let i = 0; i < raws.length; ) {
    const num = numberAt(words, i);
    if (num) {
      for (const key of num.key.split(' ')) out.push({ key, raw: [i, i + num.n], fold: 'number' });
      i += num.n;
      continue;
    }
    const w = words[i];
    if (!raws[i].han) {
      const expanded = expandContraction(w);
      if (expanded) {
        for (const key of expanded) out.push({ key: usSpelling(key), raw: [i, i + 1], fold: 'contraction' });
        i++;
        continue;
      }
      const us = usSpelling(w);
      out.push(us !== w ? { key: us, raw: [i, i + 1], fold: 'spelling' } : { key: w, raw: [i, i + 1] });
    } else out.push({ key: w, raw: [i, i + 1] });
    i++;
  }
  return out;
}

type DropKind = 'filler' | 'repetition' | 'false-start';

/** One turn (or one introduction paragraph / heading), tokenised once. */
interface Region {
  paragraphs: CorpusParagraph[];
  /** The paragraphs' original texts joined by "\n". */
  text: string;
  /** Offset of each paragraph in `text`. */
  offsets: number[];
  raws: Raw[];
  toks: Tok[];
  drop: Array<DropKind | null>;
  keys: Set<string>;
  /** Pairs of neighbouring tokens, for ranking regions before the alignment. */
  pairs: Set<string>;
  /** Tokens that negate (a bracket may not stand for them). */
  neg: boolean[];
}

const SENTENCE_END = /[.!?。！？；;]/u;
const CLAUSE_END = /[.!?。！？；;,，、:：—–]/u;
/** A token that negates: the English words, or a Chinese negating character (compounds such as 非常 included, to be safe). */
const NEGATING = /^(?:not|no|never|none|nothing|nobody|neither|nor|without|不|没|沒|未|无|無|非|别|別|勿|否)$/u;
const FALSE_START = /^(?:\s*(?:—|–|--)|-\s)/u;

function markDrops(raws: Raw[], toks: Tok[]): Array<DropKind | null> {
  const drop: Array<DropKind | null> = toks.map(() => null);
  const rawDrop: Array<DropKind | null> = raws.map(() => null);
  // fillers, on raw tokens (English words and Chinese characters have their own rules)
  for (let i = 0; i < raws.length; i++) {
    const n = raws[i].han ? zhFillerAt(raws, i) : enFillerAt(raws, i);
    for (let k = 0; k < n; k++) rawDrop[i + k] ??= 'filler';
  }
  // false starts: a short fragment broken off by a dash and begun again ("we're going to — we will",
  // "th- the"); never one that holds a negation
  let clause = 0;
  for (let i = 0; i < raws.length; i++) {
    if (FALSE_START.test(raws[i].between) && i + 1 < raws.length) {
      const frag = raws.slice(clause, i + 1);
      const next = raws[i + 1];
      const cut = /^-\s/u.test(raws[i].between) && next.word.startsWith(raws[i].word) && next.word !== raws[i].word;
      // begun again with the same word: "but what we're seeing — what we've seen" drops "what we're seeing"
      const head = (w: string) => expandContraction(w)?.[0] ?? w;
      const from = frag.findIndex((r) => head(r.word) === head(next.word));
      const restart = from >= 0 && frag.length - from <= (raws[i].han ? 8 : 5);
      const text = frag.slice(Math.max(0, from)).map((r) => r.word).join(' ');
      if ((cut || restart) && !hasNegation(text)) {
        for (let k = cut ? i : clause + from; k <= i; k++) rawDrop[k] ??= 'false-start';
      }
    }
    if (raws[i].after && (SENTENCE_END.test(raws[i].after) || /[,，、:：—–-]/u.test(raws[i].after))) clause = i + 1;
  }
  for (let j = 0; j < toks.length; j++) {
    const [a, b] = toks[j].raw;
    let kind: DropKind | null = rawDrop[a];
    for (let r = a; r < b && kind; r++) if (rawDrop[r] !== kind) kind = null;
    drop[j] = kind;
  }
  // repetitions: the first of two equal runs of 1–4 tokens ("I, I think", "我我觉得", "we, we're")
  for (let j = 0; j < toks.length; j++) {
    for (let k = 1; k <= 4 && j + 2 * k <= toks.length; k++) {
      let same = true;
      for (let x = 0; x < k && same; x++) same = toks[j + x].key === toks[j + k + x].key;
      if (!same) continue;
      // the two copies are different words as written (not one contraction split in two)
      if (toks[j + k - 1].raw[1] > toks[j + k].raw[0]) continue;
      const firstRaw = raws[toks[j].raw[0]];
      if (k === 1 && firstRaw.han && !ZH_STAMMER_CHARS.has(toks[j].key)) continue;
      if (k === 1 && /^\d/u.test(toks[j].key)) continue;
      for (let x = 0; x < k; x++) drop[j + x] ??= 'repetition';
      break;
    }
  }
  return drop;
}

/** A source's regions, and for each token key the regions holding it (ascending). */
interface Regions {
  list: Region[];
  byKey: Map<string, number[]>;
}

const regionCache = new WeakMap<MatchContext, Regions>();
const blockRegionCache = new WeakMap<MatchContext, Map<number, Region>>();

/**
 * Above this many normalised units (a five-hour hearing, a source of 100 interviews) the turns
 * are not all cut into tokens: a quote's candidate turns come from the search index, and only
 * those are tokenised (and kept). Below it the turns holding the quote's characters are
 * tokenised on first need (`lazyRegions`), and every turn once the source is warmed.
 */
const TOKENISE_ALL_BELOW = 200_000;
/** Paragraphs the search index proposes for a cleaned-up quote in a large source. */
const RANKED_PARAGRAPHS = 24;

/** Cut the source into tokenised turns now (e.g. when idle), not on the first cleaned-up quote. */
export function warmCleanup(ctx: MatchContext): void {
  if (ctx.corpus.text.length < TOKENISE_ALL_BELOW) regions(ctx);
}

/** One turn (or run of unattributed paragraphs) as tokens, with what the alignment needs. */
function makeRegion(paragraphs: CorpusParagraph[]): Region {
  const { text, offsets } = regionText(paragraphs);
  const raws = rawTokens(text);
  const toks = foldTokens(raws);
  // what only a quote's candidate turns need is made on first use: most turns of a source are
  // never a candidate (they lack one of the quote's words)
  let drop: Array<DropKind | null> | undefined;
  let pairs: Set<string> | undefined;
  let neg: boolean[] | undefined;
  return {
    paragraphs,
    text,
    offsets,
    raws,
    toks,
    keys: new Set(toks.map((t) => t.key)),
    get drop() {
      return (drop ??= markDrops(raws, toks));
    },
    get pairs() {
      if (!pairs) {
        pairs = new Set<string>();
        for (let j = 1; j < toks.length; j++) pairs.add(`${toks[j - 1].key}\u0000${toks[j].key}`);
      }
      return pairs;
    },
    get neg() {
      return (neg ??= toks.map((t) => NEGATING.test(t.key)));
    },
  };
}

/** The paragraphs of each region: runs of consecutive paragraphs of one block, in order. */
function regionSpans(ctx: MatchContext): CorpusParagraph[][] {
  const spans: CorpusParagraph[][] = [];
  let cur: CorpusParagraph[] = [];
  for (const cp of ctx.corpus.paragraphs) {
    if (cur.length > 0 && cur[0].block !== cp.block) {
      spans.push(cur);
      cur = [];
    }
    cur.push(cp);
  }
  if (cur.length > 0) spans.push(cur);
  return spans;
}

/** The text of a region: its paragraphs joined by a line break. */
function regionText(paragraphs: CorpusParagraph[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const cp of paragraphs) {
    if (text) text += '\n';
    offsets.push(text.length);
    text += cp.paragraph.text;
  }
  return { text, offsets };
}

/**
 * Before any turn is tokenised (a source's first cleaned-up check): each region's folded text
 * indexed by its Han characters, so that a quote tokenises only the regions holding its rarest
 * characters. A Han character that is no numeral, no unit and not in 百分之 is always a token of
 * its own whose key is the character as folded: a region has that key exactly when its folded
 * text has the character, so the regions this index proposes include every one holding all of
 * the quote's keys (they are then tested on their keys as usual).
 */
interface LazyRegions {
  spans: CorpusParagraph[][];
  made: Array<Region | undefined>;
  byChar: Map<string, number[]>;
}

const lazyCache = new WeakMap<MatchContext, LazyRegions>();
const HAN_TOKEN = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]$/u;
/** Han characters a figure may absorb (numerals, units, 百分之): never looked up by character. */
const NUMERAL_CHARS = new Set([...'零〇一二两三四五六七八九十百千万亿分之']);

function charKey(key: string): boolean {
  return key.length === 1 && HAN_TOKEN.test(key) && !NUMERAL_CHARS.has(key);
}

function lazyRegions(ctx: MatchContext): LazyRegions {
  const cached = lazyCache.get(ctx);
  if (cached) return cached;
  const spans = regionSpans(ctx);
  const byChar = new Map<string, number[]>();
  spans.forEach((span, i) => {
    const folded = fold(regionText(span).text);
    for (let k = 0; k < folded.length; k++) {
      const c = folded[k];
      if (c.charCodeAt(0) < 0x3400) continue;
      const at = byChar.get(c);
      if (!at) byChar.set(c, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  const out: LazyRegions = { spans, made: new Array(spans.length), byChar };
  lazyCache.set(ctx, out);
  return out;
}

function regions(ctx: MatchContext): Regions {
  const cached = regionCache.get(ctx);
  if (cached) return cached;
  // the regions a quote already tokenised are kept
  const lazy = lazyCache.get(ctx);
  const list = (lazy?.spans ?? regionSpans(ctx)).map((span, i) => lazy?.made[i] ?? makeRegion(span));
  const byKey = new Map<string, number[]>();
  list.forEach((r, i) => {
    for (const k of r.keys) {
      const at = byKey.get(k);
      if (at) at.push(i);
      else byKey.set(k, [i]);
    }
  });
  const out = { list, byKey };
  regionCache.set(ctx, out);
  return out;
}

/**
 * The regions holding every one of `keys`, in source order: the postings of the rarest key,
 * narrowed by the others (rarest first), instead of testing every region of the source.
 */
export function regionsWithAll(byKey: Map<string, number[]>, keys: Iterable<string>): number[] {
  const lists: number[][] = [];
  for (const k of keys) {
    const at = byKey.get(k);
    if (!at) return [];
    lists.push(at);
  }
  if (lists.length === 0) return [];
  lists.sort((a, b) => a.length - b.length);
  let out = lists[0];
  for (let l = 1; l < lists.length && out.length > 0; l++) {
    const other = lists[l];
    const kept: number[] = [];
    // both ascending: each survivor looked up by bisection from where the last one was found
    // (a common character is in nearly every turn; the survivors are few)
    let lo = 0;
    for (const r of out) {
      let hi = other.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (other[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      if (lo < other.length && other[lo] === r) kept.push(r);
    }
    out = kept;
  }
  return out;
}

/**
 * The turns that may hold a quote with every one of its token keys: in a small source, looked up
 * in the key index of all its turns; in a large one, among the search index's picks.
 */
function candidateRegions(ctx: MatchContext, quote: string, keys: Set<string>): Region[] {
  if (ctx.corpus.text.length < TOKENISE_ALL_BELOW) {
    const chars = [...keys].filter(charKey);
    if (chars.length === 0 || regionCache.has(ctx)) {
      const all = regions(ctx);
      return regionsWithAll(all.byKey, keys).map((i) => all.list[i]);
    }
    const lazy = lazyRegions(ctx);
    const out: Region[] = [];
    for (const i of regionsWithAll(lazy.byChar, chars)) {
      const region = (lazy.made[i] ??= makeRegion(lazy.spans[i]));
      if ([...keys].every((k) => region.keys.has(k))) out.push(region);
    }
    return out;
  }
  let byBlock = blockRegionCache.get(ctx);
  if (!byBlock) blockRegionCache.set(ctx, (byBlock = new Map()));
  const words = quote.replace(BRACKET, ' ').replace(ELLIPSIS, ' ');
  const blocks = new Set(ctx.rankChinese(words, RANKED_PARAGRAPHS).map((r) => ctx.corpus.paragraphs[r.index].block));
  const out: Region[] = [];
  for (const block of blocks) {
    let region = byBlock.get(block);
    if (!region) {
      region = makeRegion(ctx.corpus.paragraphs.filter((cp) => cp.block === block));
      byBlock.set(block, region);
    }
    if ([...keys].every((k) => region.keys.has(k))) out.push(region);
  }
  return out;
}

/** A quote item: a token, an ellipsis, or a bracket. */
type QItem =
  | { type: 'tok'; tok: Tok }
  | { type: 'gap'; text: string }
  | { type: 'bracket'; text: string };

const BRACKET = /\[([^\[\]]{0,80})\]|【([^【】]{0,80})】|〔([^〔〕]{0,80})〕/gu;
const ELLIPSIS = /…+|⋯+|\.{3,}|。{3,}|(?:·\s?){3,}/gu;

interface ParsedQuote {
  items: QItem[];
  raws: Raw[];
  source: string;
}

/**
 * Quotes parsed within one check (keyed by its reuse token, `MatchContext.checkToken`): a check
 * of many sources parses the same quote in each, twice in a source asked close-only first. A
 * parsed quote is only read.
 */
const parsedQuotes = new WeakMap<object, Map<string, ParsedQuote>>();
const MAX_PARSED = 32;

function parseQuoteFor(ctx: MatchContext, quote: string): ParsedQuote {
  let byQuote = parsedQuotes.get(ctx.checkToken);
  if (!byQuote) parsedQuotes.set(ctx.checkToken, (byQuote = new Map()));
  let parsed = byQuote.get(quote);
  if (!parsed) {
    if (byQuote.size >= MAX_PARSED) byQuote.clear();
    parsed = parseQuote(quote);
    byQuote.set(quote, parsed);
  }
  return parsed;
}

export function parseQuote(quote: string): ParsedQuote {
  // brackets and ellipses are cut out first; the rest is tokenised with offsets into `quote`
  const marks: Array<{ a: number; b: number; item: QItem }> = [];
  for (const m of quote.matchAll(BRACKET)) marks.push({ a: m.index ?? 0, b: (m.index ?? 0) + m[0].length, item: { type: 'bracket', text: m[0] } });
  for (const m of quote.matchAll(ELLIPSIS)) {
    const a = m.index ?? 0;
    if (!marks.some((x) => a >= x.a && a < x.b)) marks.push({ a, b: a + m[0].length, item: { type: 'gap', text: m[0] } });
  }
  marks.sort((x, y) => x.a - y.a);
  const masked = quote.replace(/[^]/gu, (c, i: number) => (marks.some((x) => i >= x.a && i < x.b) ? ' ' : c));
  const raws = rawTokens(masked);
  const toks = foldTokens(raws);
  const items: QItem[] = [];
  let t = 0;
  for (const mk of marks) {
    while (t < toks.length && raws[toks[t].raw[0]].start < mk.a) items.push({ type: 'tok', tok: toks[t++] });
    items.push(mk.item);
  }
  while (t < toks.length) items.push({ type: 'tok', tok: toks[t++] });
  // an ellipsis at either end only marks a trim; two marks in a row are one
  while (items[0]?.type === 'gap') items.shift();
  while (items[items.length - 1]?.type === 'gap') items.pop();
  return { items: items.filter((x, i) => !(x.type === 'gap' && items[i - 1]?.type === 'gap')), raws, source: quote };
}

/**
 * What a bracket may stand for: words that refer (a name for "he", "the company" for "we", "the
 * delay" for "it"), never the speaker's content words — "[Amodei said]" must not replace "critics said".
 */
const REFERRING = new Set([
  ...'i me my we us our you your he him his she her it its they them their this that these those there here the a an one'.split(' '),
  ...'我你您他她它们这那其此该个些咱'.split(''),
]);
/** Most transcript tokens a bracket may stand for. */
const BRACKET_SPAN = { word: 4, han: 8 };
const INF = 1 << 29;

interface Path {
  region: Region;
  /** For each quote item: the transcript tokens [from, to) it took. */
  spans: Array<[number, number]>;
  dropped: number[];
}

/** Align a parsed quote with one region; the cheapest path (fewest dropped tokens), or null. */
function align(q: ParsedQuote, region: Region): Path | null {
  const n = q.items.length;
  const m = region.toks.length;
  const W = m + 1;
  const cost = new Int32Array((n + 1) * W).fill(INF);
  // how the cell was reached: -1 start, -2 drop (from j-1 same row), else previous j in row i-1
  const from = new Int32Array((n + 1) * W).fill(-1);
  for (let j = 0; j <= m; j++) cost[j] = 0;
  const negTok = region.neg;
  const drop = region.drop;
  for (let i = 1; i <= n; i++) {
    const item = q.items[i - 1];
    const row = i * W;
    const prev = (i - 1) * W;
    if (item.type === 'tok') {
      for (let j = 1; j <= m; j++) {
        if (cost[prev + j - 1] < INF && region.toks[j - 1].key === item.tok.key) {
          cost[row + j] = cost[prev + j - 1];
          from[row + j] = j - 1;
        }
      }
    } else if (item.type === 'gap') {
      // any run of the turn's tokens, in order: a running minimum over the previous row
      let best = INF;
      let at = -1;
      for (let j = 0; j <= m; j++) {
        if (cost[prev + j] < best) {
          best = cost[prev + j];
          at = j;
        }
        if (best < INF) {
          cost[row + j] = best;
          from[row + j] = at;
        }
      }
    } else {
      const han = /[\u3400-\u9FFF]/u.test(item.text);
      const span = han ? BRACKET_SPAN.han : BRACKET_SPAN.word;
      const bracketNeg = hasNegation(item.text);
      const bracketDigits = /\d/u.test(item.text);
      // among equal paths, the bracket stands for about as many tokens as it holds ("[Amodei]" for "I")
      const target = Math.max(1, rawTokens(item.text).length);
      for (let j = 0; j <= m; j++) {
        let bestK = -1;
        for (let k = 0; k <= span && k <= j; k++) {
          if (k > 0 && (!REFERRING.has(region.toks[j - k].key) || (negTok[j - k] && !bracketNeg) || (/^\d/u.test(region.toks[j - k].key) && !bracketDigits))) break;
          const c = cost[prev + j - k];
          if (c < cost[row + j] || (c < INF && c === cost[row + j] && Math.abs(k - target) < Math.abs(bestK - target))) {
            cost[row + j] = c;
            from[row + j] = j - k;
            bestK = k;
          }
        }
      }
    }
    // dropped fillers, repetitions and false starts inside the quote's stretch
    if (i < n) {
      for (let j = 1; j <= m; j++) {
        if (drop[j - 1] && cost[row + j - 1] + 1 < cost[row + j]) {
          cost[row + j] = cost[row + j - 1] + 1;
          from[row + j] = -2;
        }
      }
    }
  }
  let end = -1;
  for (let j = 0; j <= m; j++) if (cost[n * W + j] < INF && (end < 0 || cost[n * W + j] < cost[n * W + end])) end = j;
  if (end < 0) return null;
  const spans: Array<[number, number]> = new Array(n);
  const dropped: number[] = [];
  let j = end;
  for (let i = n; i >= 1; i--) {
    while (from[i * W + j] === -2) {
      dropped.push(j - 1);
      j--;
    }
    const p = from[i * W + j];
    spans[i - 1] = [p, j];
    j = p;
  }
  dropped.reverse();
  return { region, spans, dropped };
}

function clip(s: string, max = 60): string {
  const t = s.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** What the alignment cleaned up, in quote order. */
function itemsOf(q: ParsedQuote, path: Path): CleanupItem[] | null {
  const r = path.region;
  const tText = (a: number, b: number) => (b > a ? r.text.slice(r.raws[r.toks[a].raw[0]].start, r.raws[r.toks[b - 1].raw[1] - 1].end) : '');
  // dropped tokens, one item per run of the same kind
  const runs: Array<{ kind: DropKind; a: number; b: number }> = [];
  for (const d of path.dropped) {
    const last = runs[runs.length - 1];
    const kind = r.drop[d] as DropKind;
    if (last && last.kind === kind && last.b === d) last.b = d + 1;
    else runs.push({ kind, a: d, b: d + 1 });
  }
  const at: Array<{ pos: number; item: CleanupItem }> = runs.map((x) => ({ pos: x.a, item: { kind: x.kind, quote: '', transcript: tText(x.a, x.b) } }));
  let firstTok = true;
  let groupQ: [number, number] | null = null;
  let groupT: [number, number] | null = null;
  let groupFold: Tok['fold'];
  let groupPos = 0;
  const flushGroup = () => {
    if (!groupQ || !groupT) return;
    const qs = q.source.slice(q.raws[groupQ[0]].start, q.raws[groupQ[1] - 1].end);
    const ts = r.text.slice(r.raws[groupT[0]].start, r.raws[groupT[1] - 1].end);
    const same = (x: string) => fold(x).toLowerCase().replace(/[’ʼ]/gu, "'");
    if (fold(qs) !== fold(ts)) {
      const kind: CleanupItem['kind'] = same(qs) === same(ts) ? 'case' : groupFold ?? 'spelling';
      // a capital at the start of a word (a sentence begun elsewhere) is not worth listing
      const firstLetterOnly = kind === 'case' && fold(qs).slice(1) === fold(ts).slice(1);
      if (!(kind === 'case' && (firstTok || firstLetterOnly))) at.push({ pos: groupPos, item: { kind, quote: qs, transcript: ts } });
    }
    firstTok = false;
    groupQ = groupT = null;
    groupFold = undefined;
  };
  q.items.forEach((item, i) => {
    const [a, b] = path.spans[i];
    if (item.type === 'gap') {
      flushGroup();
      const skipped = tText(a, b);
      // an ellipsis may leave out whole clauses that hold a negation, never the "not" of a clause it keeps part of
      if (b > a && hasNegation(skipped)) {
        const afterOf = (j: number) => r.raws[r.toks[j].raw[1] - 1].after;
        for (let k = a; k < b; ) {
          let cs = k;
          while (cs > 0 && !CLAUSE_END.test(afterOf(cs - 1))) cs--;
          let ce = k;
          while (ce < r.toks.length - 1 && !CLAUSE_END.test(afterOf(ce))) ce++;
          if ((cs < a || ce >= b) && hasNegation(tText(Math.max(cs, a), Math.min(ce + 1, b)))) throw new Refused(skipped);
          k = ce + 1;
        }
      }
      if (b > a) at.push({ pos: a, item: { kind: 'ellipsis', quote: item.text, transcript: clip(skipped) } });
      return;
    }
    if (item.type === 'bracket') {
      flushGroup();
      // a bracket at either end of the quote must not stand in for a clause's "not" just outside it
      if (i === 0 || i === q.items.length - 1) {
        const step = i === 0 ? -1 : 1;
        for (let k = i === 0 ? a - 1 : b, n = 0; k >= 0 && k < r.toks.length && n < 4; k += step, n++) {
          if (r.neg[k]) throw new Refused(tText(Math.min(k, a), Math.max(k + 1, b)));
          const stop = i === 0 ? r.raws[r.toks[k].raw[1] - 1].after : k > 0 ? r.raws[r.toks[k - 1].raw[1] - 1].after : '';
          if (stop && /[.!?。！？;；,，:：—–]/u.test(stop)) break;
        }
      }
      at.push({ pos: a, item: { kind: 'bracket', quote: item.text, transcript: tText(a, b) } });
      return;
    }
    const t = r.toks[a];
    const qr = item.tok.raw;
    const tr = t.raw;
    const joins = groupQ && groupT && (qr[0] < groupQ[1] || tr[0] < groupT[1]);
    if (!joins) {
      flushGroup();
      groupQ = [qr[0], qr[1]];
      groupT = [tr[0], tr[1]];
      groupPos = a;
    } else {
      groupQ = [groupQ![0], Math.max(groupQ![1], qr[1])];
      groupT = [groupT![0], Math.max(groupT![1], tr[1])];
    }
    groupFold ??= item.tok.fold ?? t.fold;
  });
  flushGroup();
  return at.sort((x, y) => x.pos - y.pos).map((x) => x.item);
}

class Refused extends Error {
  constructor(readonly skipped: string) {
    super('an ellipsis hides a negation');
  }
}

/** Matched quote tokens needed before a cleaned-up match counts (as for an exact match). */
function enoughMatched(q: ParsedQuote, ctx: MatchContext): boolean {
  let han = 0;
  let words = 0;
  for (const it of q.items) if (it.type === 'tok') q.raws[it.tok.raw[0]].han ? han++ : words++;
  return ctx.wordUnits ? words >= ctx.units.exactOnlyBelow : han + 2 * words >= 10;
}

/** Corpus offset of an offset in a paragraph's original text. */
function corpusOffset(cp: CorpusParagraph, offset: number): number {
  const starts = cp.norm.starts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return cp.start + lo;
}

/**
 * Share of the quote's neighbouring word pairs a region must hold to be aligned: a cleaned-up
 * quote breaks a pair only where something was dropped (one filler breaks one pair).
 */
const MIN_PAIR_SHARE = 0.6;

/**
 * Bounds on the alignment (time and memory stay small on any input): a cleaned-up quote longer
 * than this many tokens is left to the ordinary routes, and a turn too long for the table is skipped.
 */
const MAX_QUOTE_ITEMS = 400;
const MAX_CELLS = 2_000_000;

/** Regions tried per quote, best candidates first. */
const MAX_REGIONS = 4;

/**
 * The quote as a cleaned-up version of one turn: `verbatim` with `cleanup`, or null (the ordinary
 * routes decide). `quote` is the quote as selected, with its ellipses and brackets.
 */
export function checkCleanup(ctx: MatchContext, quote: string): (Outcome & { cleanup: CleanupItem[] }) | { hidden: string; paragraphId: string } | null {
  if (quote.length > 4000) return null;
  const q = parseQuoteFor(ctx, quote);
  if (!q.items.some((x) => x.type === 'tok') || !enoughMatched(q, ctx) || q.items.length > MAX_QUOTE_ITEMS) return null;
  const keys = new Set<string>();
  for (const it of q.items) if (it.type === 'tok') keys.add(it.tok.key);
  // only a region that holds every word of the quote can align with no changed word; and since
  // cleanups are sparse, most neighbouring pairs of the quote's words are neighbours there too
  const qPairs: string[] = [];
  for (let i = 1; i < q.items.length; i++) {
    const a = q.items[i - 1];
    const b = q.items[i];
    if (a.type === 'tok' && b.type === 'tok') qPairs.push(`${a.tok.key}\u0000${b.tok.key}`);
  }
  const share = (r: Region) => {
    if (qPairs.length === 0) return 1;
    const pairs = r.pairs;
    return qPairs.filter((p) => pairs.has(p)).length / qPairs.length;
  };
  const holding = candidateRegions(ctx, quote, keys);
  ctx.work.turnsTested += holding.length;
  const cands = holding
    .map((r) => ({ r, share: share(r) }))
    .filter((x) => x.share >= MIN_PAIR_SHARE)
    .sort((a, b) => b.share - a.share || (a.r.paragraphs[0].paragraph.kind === 'turn' ? 0 : 1) - (b.r.paragraphs[0].paragraph.kind === 'turn' ? 0 : 1))
    .map((x) => x.r);
  let best: { path: Path; items: CleanupItem[] } | null = null;
  let hidden: { hidden: string; paragraphId: string } | null = null;
  for (const region of cands.slice(0, MAX_REGIONS)) {
    if (q.items.length * region.toks.length > MAX_CELLS) continue;
    const path = align(q, region);
    if (!path) continue;
    let items: CleanupItem[] | null;
    try {
      items = itemsOf(q, path);
    } catch (err) {
      if (err instanceof Refused) {
        hidden ??= { hidden: err.skipped, paragraphId: region.paragraphs[0].paragraph.id };
        continue;
      }
      throw err;
    }
    if (!items) continue;
    if (!best || items.length < best.items.length) best = { path, items };
    if (path.region.paragraphs[0].paragraph.kind === 'turn') break;
  }
  // the only way to read the quote as his words skips a "not" behind an ellipsis: say so
  if (!best) return hidden;
  return toOutcome(ctx, best.path, best.items);
}

function toOutcome(ctx: MatchContext, path: Path, items: CleanupItem[]): Outcome & { cleanup: CleanupItem[] } {
  const r = path.region;
  let lo = Infinity;
  let hi = -Infinity;
  for (const [a, b] of path.spans) {
    if (b > a) {
      lo = Math.min(lo, r.raws[r.toks[a].raw[0]].start);
      hi = Math.max(hi, r.raws[r.toks[b - 1].raw[1] - 1].end);
    }
  }
  // one match per paragraph the quote's stretch touches
  const matches: Match[] = [];
  let span: [number, number] = [0, 0];
  r.paragraphs.forEach((cp, k) => {
    const pa = r.offsets[k];
    const pb = pa + cp.paragraph.text.length;
    const a = Math.max(lo, pa);
    const b = Math.min(hi, pb);
    if (b <= a) return;
    const match = ctx.paragraphMatch(cp.paragraph, a - pa, b - pa, 1, 'text', []);
    match.why = `The same words once cleaned up as the press does (${items.map((x) => x.kind).join(', ')}).`;
    match.whyKey = { key: 'why_cleanup', params: { count: items.length } };
    if (matches.length === 0) span = [corpusOffset(cp, a - pa), corpusOffset(cp, b - pa)];
    else span[1] = corpusOffset(cp, b - pa);
    matches.push(match);
  });
  return { verdict: 'verbatim', matches: matches.slice(0, 3), span, cleanup: items };
}

/** Does `text` (between two sentences of a transcript) hold only punctuation, fillers, stammers and false starts? */
export function onlyFillers(text: string): boolean {
  const raws = rawTokens(text);
  if (raws.length === 0) return true;
  const toks = foldTokens(raws);
  const drop = markDrops(raws, toks);
  return drop.every((d) => d !== null);
}
