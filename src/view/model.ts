/**
 * Turns a matcher CheckResult into what the card shows: passages and section titles in the
 * display script, spans mapped onto that text, and the source links. Pure, with no browser API:
 * the background builds the model where the transcript is loaded, the content script and the
 * pages only render it, and the page-scan report (src/scan) reads it.
 */
import { PARAGRAPH_JOIN, type CheckResult, type Contradiction, type Explanation, type Headline, type Match, type Paragraph, type Transcript, type Verdict } from '../types';
import { BUILTIN_SOURCE_ID } from '../sources/model';
import { recordingLinkAt } from './recording';

export const VIDEO_URL = 'https://www.youtube.com/watch?v=mYDSSRS-B5U';

export type Script = 'traditional' | 'simplified';

/** The reader's choice of script for passages (options page): as the selection is written, or one script always. */
export type DisplayScript = 'as-selected' | 'simplified' | 'traditional';

/** A match as the card shows it: `passage` and `sectionTitle` in the display script, the span mapped onto it. */
export type ViewMatch = Match & {
  /** The words of the passage restored from garbled source text, in the display script. */
  restored?: string[];
  /** "Hear it at 41:07": the source's recording opened at `time` (http(s) only). */
  hearUrl?: string;
  /** Where the source's text came from (http(s) only). */
  sourceUrl?: string;
  /** What "Copy citation" puts on the clipboard, prepared by the background (src/ext/citation.ts). */
  citation?: string;
};

/** What the card needs to know about an imported source beyond the match's `source` ref. */
export interface SourceLinks {
  url?: string;
  recordingUrl?: string;
}

/** True for a match of the built-in transcript (also when the matcher ran on it alone). */
export function isBuiltinMatch(m: Pick<Match, 'source'>): boolean {
  return !m.source || m.source.id === BUILTIN_SOURCE_ID;
}

export interface CardModel {
  query: string;
  verdict: Verdict;
  error?: string;
  notice?: string;
  /** The headline for the case (the matcher's), and its keyed notice and error. */
  headline?: Headline;
  noticeKey?: Explanation;
  errorKey?: Explanation;
  /** Both wordings, the passage's in the display script. */
  contradiction?: Contradiction;
  short?: boolean;
  /** From a page scan: the page names another speaker than the transcript does (its own line, never folded into a notice). */
  pageAttribution?: string;
  /** From a page scan whose page names no speaker: nothing about who said it is a misattribution, so no "not Amodei" warning. */
  pageNamesNobody?: boolean;
  /** Not a verdict: a passage that mentions the quote's names (terms in the display script). */
  mentions?: { paragraphId: string; sectionId: string; terms: string[] };
  script: Script;
  matches: ViewMatch[];
  segments?: CardModel[];
  /** Verbatim once cleaned up: what the quote left out or wrote otherwise (in the display script). */
  cleanup?: CheckResult['cleanup'];
  /** Several sentences: the count for the headline, and the places when stitched. */
  tally?: CheckResult['tally'];
  stitched?: CheckResult['stitched'];
  videoUrl: string;
  /** Where the built-in transcript's text comes from (its meta.sourceUrl, http(s) only): the scan report links there. */
  sourceUrl?: string;
}

/** Characters that differ between the Traditional text and its Simplified conversion, from the transcript itself. */
export interface ScriptTables {
  /** Traditional character → Simplified character, where the transcript shows a consistent pair. */
  t2s: Map<string, string>;
  traditionalOnly: Set<string>;
  simplifiedOnly: Set<string>;
}

export function buildScriptTables(transcript: Transcript): ScriptTables {
  const t2s = new Map<string, string>();
  const traditionalOnly = new Set<string>();
  const simplifiedOnly = new Set<string>();
  const all = [
    ...transcript.paragraphs.map((p) => [p.text, p.simplified] as const),
    ...transcript.sections.map((s) => [s.title, s.titleSimplified] as const),
  ];
  for (const [trad, simp] of all) {
    if (!simp || trad.length !== simp.length) continue;
    for (let i = 0; i < trad.length; i++) {
      const a = trad[i];
      const b = simp[i];
      if (a === b) continue;
      if (!t2s.has(a)) t2s.set(a, b);
      traditionalOnly.add(a);
      simplifiedOnly.add(b);
    }
  }
  // A character that is also the result of a conversion is not evidence of Traditional text.
  for (const c of simplifiedOnly) traditionalOnly.delete(c);
  for (const c of [...simplifiedOnly]) if (t2s.has(c)) simplifiedOnly.delete(c);
  return { t2s, traditionalOnly, simplifiedOnly };
}

/** Guesses the script of a quote: more Simplified-only than Traditional-only characters → simplified. */
export function detectScript(text: string, tables: ScriptTables): Script | 'unknown' {
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    if (tables.traditionalOnly.has(ch)) trad++;
    else if (tables.simplifiedOnly.has(ch)) simp++;
  }
  if (simp > trad) return 'simplified';
  if (trad > simp) return 'traditional';
  return 'unknown';
}

/** Character-by-character Traditional → Simplified with the transcript's own pairs (length-preserving). */
export function toSimplifiedChars(text: string, tables: ScriptTables): string {
  let out = '';
  for (const ch of text) out += tables.t2s.get(ch) ?? ch;
  return out;
}

export function chooseScript(setting: DisplayScript, query: string, tables: ScriptTables): Script {
  if (setting === 'simplified' || setting === 'traditional') return setting;
  return detectScript(query, tables) === 'simplified' ? 'simplified' : 'traditional';
}

export interface ViewContext {
  transcript: Transcript;
  tables: ScriptTables;
  setting: DisplayScript;
  /** Links of imported sources, by source id. */
  sources?: ReadonlyMap<string, SourceLinks>;
}

function viewMatch(m: Match, script: Script, ctx: ViewContext): ViewMatch {
  // Paragraph ids are per source: only a built-in match may be looked up in the built-in transcript.
  const builtin = isBuiltinMatch(m);
  const para = builtin ? ctx.transcript.paragraphs.find((p) => p.id === m.paragraphId) : undefined;
  const section = builtin ? ctx.transcript.sections.find((s) => s.id === m.sectionId) : undefined;
  let passage = m.passage;
  let sectionTitle = m.sectionTitle || section?.title || '';
  let differences = m.differences ?? [];
  if (script === 'simplified') {
    // Paragraph.simplified keeps offsets when it has the same length as the shipped text;
    // otherwise fall back to the length-preserving character table.
    passage =
      para && para.text === m.passage && para.simplified.length === m.passage.length
        ? para.simplified
        : (builtin && stretchSimplified(m, ctx.transcript)) || toSimplifiedChars(m.passage, ctx.tables);
    sectionTitle = section?.titleSimplified || toSimplifiedChars(sectionTitle, ctx.tables);
    differences = differences.map((d) => ({ quote: d.quote, transcript: toSimplifiedChars(d.transcript, ctx.tables) }));
  }
  const inScript = (text: string) => (script === 'simplified' ? toSimplifiedChars(text, ctx.tables) : text);
  // A gloss match links the whole paragraph through its English rendering: there is no
  // Chinese span to highlight.
  const start = m.via === 'gloss' ? 0 : clamp(m.start, 0, passage.length);
  const end = m.via === 'gloss' ? 0 : clamp(m.end, start, passage.length);
  return {
    speaker: m.speaker,
    sectionId: m.sectionId,
    paragraphId: m.paragraphId,
    sectionTitle,
    passage,
    start,
    end,
    score: m.score,
    via: m.via,
    repaired: m.repaired,
    differences,
    gloss: m.gloss,
    why: m.why,
    // the linking words are the transcript's: shown in the script the passage is shown in
    ...(m.whyKey ? { whyKey: scriptParams(m.whyKey, inScript) } : {}),
    ...(m.closeness ? { closeness: m.closeness } : {}),
    ...(m.contradiction ? { contradiction: contradictionInScript(m.contradiction, inScript) } : {}),
    ...(m.repaired && para ? { restored: restoredWords(ctx.transcript, para, script) } : {}),
    ...(m.source ? { source: m.source } : {}),
    ...(m.speakerName ? { speakerName: m.speakerName } : {}),
    ...(m.speakerUnnamed ? { speakerUnnamed: m.speakerUnnamed } : {}),
    // the paragraphs of a stretch keep their offsets (the Simplified conversion keeps lengths)
    ...(m.spans && m.via !== 'gloss' ? { spans: m.spans.map((s) => ({ ...s })) } : {}),
    ...(typeof m.time === 'number' && Number.isFinite(m.time) ? { time: m.time } : {}),
    ...(m.counterpart !== undefined ? { counterpart: m.counterpart } : {}),
    ...(m.counterpartDropped ? { counterpartDropped: m.counterpartDropped } : {}),
    ...sourceLinks(m, ctx),
  };
}

/**
 * A built-in stretch (a quote over several paragraphs of a turn) in Simplified: the paragraphs'
 * own Simplified texts joined as the passage joins them, when every one keeps its length (so the
 * offsets hold); null otherwise.
 */
function stretchSimplified(m: Match, transcript: Transcript): string | null {
  if (!m.spans || m.spans.length < 2) return null;
  const texts: string[] = [];
  const simplified: string[] = [];
  for (const s of m.spans) {
    const p = transcript.paragraphs.find((x) => x.id === s.paragraphId);
    if (!p || p.simplified.length !== p.text.length) return null;
    texts.push(p.text);
    simplified.push(p.simplified);
  }
  return texts.join(PARAGRAPH_JOIN) === m.passage ? simplified.join(PARAGRAPH_JOIN) : null;
}

function sourceLinks(m: Match, ctx: ViewContext): Pick<ViewMatch, 'hearUrl' | 'sourceUrl'> {
  if (isBuiltinMatch(m) || !m.source) return {};
  const links = ctx.sources?.get(m.source.id);
  const hear = recordingLinkAt(links?.recordingUrl, m.time);
  const url = links?.url && /^https?:\/\//i.test(links.url) ? links.url : undefined;
  return { ...(hear ? { hearUrl: hear } : {}), ...(url ? { sourceUrl: url } : {}) };
}

/**
 * What the recorded repairs of a paragraph put back, as a reader sees it, in the display script
 * (the `<` a repair restores belongs to a tag that cleaning removed).
 */
export function restoredWords(transcript: Transcript, paragraph: Paragraph, script: Script): string[] {
  return (transcript.repairs ?? [])
    .filter((r) => r.paragraphId === paragraph.id)
    .map((r) => r.repaired.replace(/<$/, '').trim())
    // a repair that restored only punctuation (“。”) put back no words
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => {
      // The Simplified text has the same length as the Traditional: take the same span of it.
      const at = paragraph.text.indexOf(w);
      return script === 'simplified' && at >= 0 ? paragraph.simplified.slice(at, at + w.length) : w;
    });
}

/** An explanation whose `terms` (the transcript's words) are put into the display script. */
function scriptParams(e: Explanation, inScript: (text: string) => string): Explanation {
  if (!e.params || typeof e.params.terms !== 'string') return e;
  return { ...e, params: { ...e.params, terms: inScript(e.params.terms) } };
}

function contradictionInScript(c: Contradiction, inScript: (text: string) => string): Contradiction {
  // the passage's side is the transcript's wording (the gloss is English); the quote stays as selected
  return c.via === 'gloss' ? c : { ...c, passage: inScript(c.passage) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.max(lo, Math.min(hi, n)) : lo;
}

export function toCardModel(result: CheckResult, ctx: ViewContext): CardModel {
  const script = chooseScript(ctx.setting, result.query, ctx.tables);
  // The card shows the best match for verbatim/altered, and the ranked list for related.
  // One story per card: a comparison ("says otherwise") only under the headline that announces
  // it, never under a plain not-found headline.
  const contradiction = result.contradiction && (!result.headline || result.headline === 'contradicted') ? result.contradiction : undefined;
  const keep =
    result.verdict === 'related' ? 3 : result.verdict === 'invalid' || (result.verdict === 'not-found' && !contradiction) ? 0 : 1;
  const model: CardModel = {
    query: result.query,
    verdict: result.verdict,
    script,
    matches: result.matches.slice(0, keep).map((m) => viewMatch(m, script, ctx)),
    videoUrl: ctx.transcript.meta?.videoUrl || VIDEO_URL,
  };
  const builtinUrl = ctx.transcript.meta?.sourceUrl;
  if (builtinUrl && /^https?:\/\//i.test(builtinUrl)) model.sourceUrl = builtinUrl;
  if (result.error) model.error = result.error;
  if (result.notice) model.notice = result.notice;
  const inScript = (text: string) => (script === 'simplified' ? toSimplifiedChars(text, ctx.tables) : text);
  if (result.headline) model.headline = result.headline;
  if (result.noticeKey) model.noticeKey = result.noticeKey;
  if (result.errorKey) model.errorKey = result.errorKey;
  if (result.short) model.short = true;
  if (contradiction) model.contradiction = contradictionInScript(contradiction, inScript);
  if (result.mentions) model.mentions = { ...result.mentions, terms: result.mentions.terms.map(inScript) };
  if (result.segments && result.segments.length > 1) model.segments = result.segments.map((s) => toCardModel(s, ctx));
  if (result.cleanup && result.cleanup.length > 0) model.cleanup = result.cleanup.map((c) => ({ ...c, transcript: inScript(c.transcript) }));
  if (result.tally) model.tally = result.tally;
  if (result.stitched) model.stitched = result.stitched;
  return model;
}

/**
 * Verbatim's English gloss goes with a passage found through it (an English selection), and
 * with every passage when the interface is in English; otherwise the card stays Chinese.
 */
export function withGlosses(card: CardModel, uiLang: string): CardModel {
  const forText = uiLang === 'en';
  return {
    ...card,
    matches: card.matches.map((m) => (m.via === 'gloss' || forText || !m.gloss ? m : { ...m, gloss: undefined })),
    ...(card.segments ? { segments: card.segments.map((s) => withGlosses(s, uiLang)) } : {}),
  };
}

/**
 * URL (path + query + hash) of the transcript page at a paragraph, with the span to highlight;
 * `sourceId` names an imported source (`?source=<id>`), none means the built-in transcript.
 */
export function transcriptPath(
  sectionId: string,
  paragraphId: string,
  span?: { start: number; end: number; script?: Script },
  sourceId?: string,
  spans?: ReadonlyArray<ParagraphSpan>,
): string {
  const q = new URLSearchParams();
  if (sourceId && sourceId !== BUILTIN_SOURCE_ID) q.set('source', sourceId);
  const many = (spans ?? []).filter(isParagraphSpan);
  // a quote over several paragraphs: each paragraph's part (`span` would be an offset in the joined passage)
  if (many.length > 1) q.set('spans', many.map((s) => `${s.paragraphId}:${s.start}-${s.end}`).join(','));
  else if (span && span.end > span.start) q.set('span', `${span.start}-${span.end}`);
  if (span?.script) q.set('script', span.script);
  const qs = q.toString();
  return `/transcript.html${qs ? `?${qs}` : ''}#${encodeURIComponent(sectionId)}/${encodeURIComponent(paragraphId)}`;
}

/** The quote's part in one paragraph of a stretch (offsets in that paragraph's text). */
export interface ParagraphSpan {
  paragraphId: string;
  start: number;
  end: number;
}

export function isParagraphSpan(x: unknown): x is ParagraphSpan {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as ParagraphSpan;
  return (
    typeof s.paragraphId === 'string' && /^[\w-]{1,40}$/.test(s.paragraphId) &&
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start
  );
}

/** Parses the `spans` parameter (`p002:12-80,p003:0-45`), at most 50 parts; malformed parts are dropped. */
export function parseSpansParam(value: string | null): ParagraphSpan[] {
  if (!value) return [];
  const out: ParagraphSpan[] = [];
  for (const part of value.split(',').slice(0, 50)) {
    const m = /^([\w-]{1,40}):(\d{1,9})-(\d{1,9})$/.exec(part.trim());
    if (!m) continue;
    const s = { paragraphId: m[1], start: Number(m[2]), end: Number(m[3]) };
    if (isParagraphSpan(s)) out.push(s);
  }
  return out;
}

/** What "Open full section" asks the background for: the paragraph where the quote begins, and every part of it. */
export function openTarget(m: Pick<Match, 'sectionId' | 'paragraphId' | 'start' | 'end' | 'spans'>): {
  sectionId: string;
  paragraphId: string;
  start: number;
  end: number;
  spans?: ParagraphSpan[];
} {
  const spans = (m.spans ?? []).filter(isParagraphSpan);
  if (spans.length > 1) return { sectionId: m.sectionId, paragraphId: spans[0].paragraphId, start: spans[0].start, end: spans[0].end, spans };
  return { sectionId: m.sectionId, paragraphId: m.paragraphId, start: m.start, end: m.end };
}

/** Parses `#s3/p047` (or `#p047`) into ids. */
export function parseTranscriptHash(hash: string): { sectionId?: string; paragraphId?: string } {
  const h = decodeURIComponent(hash.replace(/^#/, ''));
  if (!h) return {};
  const parts = h.split('/').filter(Boolean);
  if (parts.length >= 2) return { sectionId: parts[0], paragraphId: parts[1] };
  return /^p\d+$/.test(parts[0]) ? { paragraphId: parts[0] } : { sectionId: parts[0] };
}
