/**
 * Every quote of an article, with who the page says said it: quotation marks, <q>, <blockquote>
 * and sentences attributed indirectly, in page order. A quote repeated (a pull quote) is one
 * quote with several occurrences. Reads the DOM only; yields between chunks when asked to, so a
 * long article never blocks the page for long.
 */
import { findArticleRootYielding } from './article-root';
import { collectBlocksYielding, type Block } from './dom-text';
import { isShortQuote, scanQuoteMarks, trimQuote } from './quote-marks';
import type { Person } from '../people/aliases';
import { createAttribution, sentenceTail, type Attribution, type Mention, type PageSpeaker } from './speaker';

export type QuoteKind = 'marks' | 'q' | 'blockquote' | 'indirect';

export interface Occurrence {
  block: Block;
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** Offsets in the article text (blocks joined by newlines), for the CLI and reports. */
  articleStart: number;
  articleEnd: number;
}

export interface FoundQuote {
  /** The quote as it reads, whitespace collapsed: what is checked. */
  text: string;
  kind: QuoteKind;
  pageSpeaker: PageSpeaker;
  occurrences: Occurrence[];
}

export interface FindOptions {
  /** The article root; found with findArticleRoot when absent. */
  root?: Element;
  /** Called between chunks of blocks; may return a promise to yield to the page. */
  pause?: () => Promise<void> | void;
  /** Blocks per chunk (default 40). */
  chunk?: number;
  /** People and their names (default: the built-in ones; a reader's aliases add to them). */
  people?: Person[];
}

export interface FindResult {
  quotes: FoundQuote[];
  root: Element;
  via: string;
  blocks: number;
  /** The article text the offsets refer to. */
  text: string;
  /** Time spent finding the article root, ms. */
  rootMs: number;
}

interface Candidate {
  start: number;
  end: number;
  /** The marks around it (the whole quote as written), for the speech tag search. */
  outerStart: number;
  outerEnd: number;
  kind: QuoteKind;
  subject?: Mention;
}

const UNKNOWN: PageSpeaker = { kind: 'unknown' };

/**
 * A name that "he" / "他" can refer to later: Amodei, the host, or someone the alias lists know
 * (Huang). Other capitalised runs in running text (a publication in the byline, a company) are
 * not; someone else becomes the referent only by being credited with a quote.
 */
function referent(m: Mention): boolean {
  return m.speaker?.kind === 'amodei' || m.speaker?.kind === 'host' || (m.known === true && !m.female);
}

const attributions = new WeakMap<Person[], Attribution>();
let builtinAttribution: Attribution | null = null;
function attributionFor(people?: Person[]): Attribution {
  if (!people) return (builtinAttribution ??= createAttribution());
  let a = attributions.get(people);
  if (!a) attributions.set(people, (a = createAttribution(people)));
  return a;
}

export function quoteKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

function overlaps(a: { start: number; end: number }, list: Array<{ start: number; end: number }>): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function candidatesOf(block: Block, findIndirect: Attribution['findIndirect']): Candidate[] {
  const text = block.text;
  const out: Candidate[] = [];
  for (const m of scanQuoteMarks(text)) {
    const t = trimQuote(text, m.start, m.end);
    if (t.end > t.start) out.push({ ...t, outerStart: m.start - 1, outerEnd: m.end + 1, kind: 'marks' });
  }
  for (const q of block.qSpans) {
    const t = trimQuote(text, q.start, q.end);
    if (t.end > t.start && !overlaps(t, out)) out.push({ ...t, outerStart: q.start, outerEnd: q.end, kind: 'q' });
  }
  if (block.blockquote) {
    const t = trimQuote(text, 0, text.length);
    const covered = out.reduce((n, c) => n + (c.end - c.start), 0);
    // A block quote is a quote in itself, unless its marks already delimit most of it.
    if (t.end > t.start && covered < 0.6 * (t.end - t.start)) {
      out.length = 0;
      out.push({ ...t, outerStart: t.start, outerEnd: t.end, kind: 'blockquote' });
    }
  }
  for (const ind of findIndirect(text)) {
    const t = trimQuote(text, ind.start, ind.end);
    if (t.end > t.start && !overlaps(t, out)) out.push({ ...t, outerStart: t.start, outerEnd: t.end, kind: 'indirect', subject: ind.subject });
  }
  return out.sort((a, b) => a.start - b.start);
}

const TAG_AT_END = /(?:[:：]|said|says|told \w+|称|说|說|表示|道)[,，]?\s*$/;

export async function findQuotes(doc: Document, opts: FindOptions = {}): Promise<FindResult> {
  const tRoot = Date.now();
  const found = opts.root ? { root: opts.root, via: 'given' } : await findArticleRootYielding(doc, opts.pause);
  const rootMs = Date.now() - tRoot;
  const blocks = await collectBlocksYielding(found.root, opts.pause);
  const { classifyName, findMentions, speakerAfter, speakerBefore, findIndirect } = attributionFor(opts.people);
  const chunk = opts.chunk ?? 40;
  const byKey = new Map<string, FoundQuote>();
  const ordered: FoundQuote[] = [];
  /** The last person named outside quotes, or credited with a quote: what "he" / "他" refers to. */
  // Before any name in the text, "he" refers to the person the headline names.
  const headline = `${doc.querySelector('h1')?.textContent ?? ''} ${doc.title ?? ''}`;
  let lastPerson: PageSpeaker | null = findMentions(headline).find(referent)?.speaker ?? null;
  /** The speaker of the previous quote, and how many blocks ago it was. */
  let lastQuoteSpeaker: PageSpeaker | null = null;
  let blocksSinceQuote = Infinity;
  /** The previous quote was a question; the last Amodei credited or named. */
  let lastQuoteAsked = false;
  let lastAmodei: PageSpeaker | null = null;
  let offset = 0;
  const texts: string[] = [];

  /** The last someone-else credited or named (what "she" / 她 refers to: never Amodei or the host). */
  let lastOther: PageSpeaker | null = null;
  /** Set when the last resolve went through "she" or a woman's name: "he" must not refer to her later. */
  let viaFemale = false;
  const resolve = (m: Mention | null): PageSpeaker | null => {
    viaFemale = !!m?.female;
    if (!m) return null;
    if (m.speaker) return m.speaker;
    if (m.female) return lastOther ?? { kind: 'other', name: m.text };
    if (m.role) return lastTitled ?? lastPerson;
    // "他笑著說" right after the host's question: the one answering.
    if (lastPerson?.kind === 'host' && lastQuoteSpeaker?.kind === 'host' && lastQuoteAsked && blocksSinceQuote <= 1) return lastAmodei ?? { kind: 'amodei', name: m.text };
    return lastPerson;
  };
  /** The last person named who has a title (Amodei, Huang, the host): what "the CEO" / 這位執行長 refers to. */
  let lastTitled: PageSpeaker | null = null;
  let rememberSentence: (m: Mention) => boolean = () => true;
  const remember = (m: Mention) => {
    // In "他列举了阿莫迪的举动", 他 is the subject: 阿莫迪 does not become what the next 他 means.
    if (!rememberSentence(m)) return;
    if (referent(m)) lastPerson = m.speaker;
    // "The 42-year-old was unmoved." makes the titled person the one "he" means next.
    if (m.role && m.subject && lastTitled) lastPerson = lastTitled;
    if (m.titled && m.speaker) lastTitled = m.speaker;
    if (m.speaker?.kind === 'amodei') lastAmodei = m.speaker;
    if (m.speaker?.kind === 'other' && m.known) lastOther = m.speaker;
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    if (bi > 0 && bi % chunk === 0 && opts.pause) await opts.pause();
    const block = blocks[bi];
    const text = block.text;
    texts.push(text);
    const cands = candidatesOf(block, findIndirect);
    const inQuote = (i: number) => cands.some((c) => c.kind !== 'indirect' && c.outerStart <= i && i < c.outerEnd);
    // A possessive names a referent only as the subject ("Amodei's answer was…", not "Kantrowitz's question").
    const mentions = findMentions(text).filter((m) => !inQuote(m.start) && (m.subject || !/^(?:'s|’s|的)/.test(text.slice(m.end, m.end + 2))));
    /** Where the sentence holding the last subject mention starts: objects later in it do not move "he". */
    let subjectSentence = -1;
    const sentenceOf = (i: number) => {
      let cut = 0;
      const re = /[。！？!?]|\.(?=\s)/g;
      for (let m = re.exec(text); m && m.index < i; m = re.exec(text)) cut = m.index + 1;
      return cut;
    };
    rememberSentence = (m: Mention) => {
      const sid = sentenceOf(m.start);
      if (m.subject) {
        subjectSentence = sid;
        return true;
      }
      return subjectSentence !== sid;
    };
    let mi = 0;
    let prevEnd = 0;
    blocksSinceQuote++;
    for (const c of cands) {
      // Names before a point move the reference for pronouns (a tag's own object does not:
      // in "He told Kantrowitz that …", "he" is not Kantrowitz).
      const advance = (to: number) => {
        while (mi < mentions.length && mentions[mi].start < to) remember(mentions[mi++]);
      };
      const content = text.slice(c.start, c.end);
      const after = c.kind === 'indirect' ? null : speakerAfter(text.slice(c.outerEnd), /[A-Za-z][.]\s*$/.test(content));
      const tail = sentenceTail(text, prevEnd, Math.max(prevEnd, c.outerStart));
      let speaker: PageSpeaker | null = null;
      let tagged = false;
      viaFemale = false;
      if (c.subject) {
        advance(c.subject.start);
        speaker = resolve(c.subject);
        tagged = true;
      } else if (c.kind === 'blockquote' && block.cite) {
        speaker = classifyName(block.cite.split(/[,，(（]/)[0]) ?? resolve(findMentions(block.cite)[0] ?? null) ?? { kind: 'other', name: block.cite };
        tagged = true;
      } else {
        const before = speakerBefore(tail.text);
        // A tag after the quote names its speaker, unless the sentence before already did with a
        // colon (`Amodei said: "…" He added …` — the next sentence is not this quote's tag).
        const colonLead = before !== null && /[:：]\s*$/.test(tail.text);
        if (after && !colonLead) {
          advance(c.outerStart);
          speaker = resolve(after);
          tagged = true;
        } else if (before) {
          advance(tail.start + before.start);
          speaker = resolve(before);
          tagged = TAG_AT_END.test(tail.text);
        }
      }
      advance(c.outerStart);
      // Nothing in the sentence, a quote earlier in the paragraph: the subject named since it, else the same speaker.
      if (!speaker && blocksSinceQuote === 0) {
        const since = mentions.filter((m) => m.subject && m.start >= prevEnd && m.start < c.outerStart);
        speaker = since.length ? resolve(since[since.length - 1]) : lastQuoteSpeaker;
      }
      // Nothing in the sentence: the nearest person named earlier in the paragraph.
      if (!speaker) {
        const earlier = mentions.filter((m) => m.start < c.outerStart && c.outerStart - m.start < 300);
        const near = earlier[earlier.length - 1];
        if (near) speaker = resolve(near);
      }
      // A quote opening a paragraph right after another quote's paragraph continues that speech.
      // ("Then: “…”", "他接着说：" without a name count as an opening too.)
      const bareLead = !tail.text.trim() || (tail.text.trim().length <= 12 && !findMentions(tail.text).length && /[:：]\s*$/.test(tail.text));
      if (!speaker && lastQuoteSpeaker && blocksSinceQuote <= 1 && bareLead) speaker = lastQuoteSpeaker;
      if (!speaker && lastQuoteSpeaker && blocksSinceQuote === 0) speaker = lastQuoteSpeaker;
      // A scare quote is not a quote: the sentence goes on through it (「阿莫代語錄」：「…」 names him).
      if (c.kind === 'marks' && isShortQuote(content) && !tagged) continue;
      prevEnd = c.outerEnd;
      if (!/[\p{L}\p{N}]/u.test(content) || content.length > 3000) continue;
      const pageSpeaker: PageSpeaker = speaker ?? UNKNOWN;
      if (pageSpeaker.kind !== 'unknown') {
        lastQuoteSpeaker = pageSpeaker;
        // "She" can be someone else credited with a quote; "he" goes on meaning the last man named.
        if (pageSpeaker.kind === 'other') lastOther = pageSpeaker;
        if (pageSpeaker.kind === 'amodei') lastAmodei = lastTitled = pageSpeaker;
        if (!viaFemale) lastPerson = pageSpeaker;
        lastQuoteAsked = /[?？]\s*$/.test(content);
      }
      blocksSinceQuote = 0;
      const occ: Occurrence = { block, start: c.start, end: c.end, articleStart: offset + c.start, articleEnd: offset + c.end };
      const clean = content.replace(/\s+/g, ' ').trim();
      const key = quoteKey(clean);
      const seen = byKey.get(key);
      if (seen) {
        seen.occurrences.push(occ);
        if (seen.pageSpeaker.kind === 'unknown') seen.pageSpeaker = pageSpeaker;
        continue;
      }
      const q: FoundQuote = { text: clean, kind: c.kind, pageSpeaker, occurrences: [occ] };
      byKey.set(key, q);
      ordered.push(q);
    }
    for (; mi < mentions.length; mi++) remember(mentions[mi]);
    offset += text.length + 1;
  }
  return { quotes: ordered, root: found.root, via: found.via, blocks: blocks.length, text: texts.join('\n'), rootMs };
}
