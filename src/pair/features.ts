/**
 * What the pair aligner compares: each paragraph or sentence reduced to the features that survive
 * translation — length, whose turn it is, numbers, Latin tokens (names, acronyms) and English
 * content words (of the text, or of the gloss of a translation).
 */
import type { Source } from '../sources/model';
import { chineseNumbers, contentWords, englishNumbers, isCjkText, latinTokens, splitSentences, textLength } from './anchors';

export type Role = 'main' | 'other' | 'none' | 'mixed';

/** One paragraph or sentence (or two consecutive ones) as the scorer sees it. */
export interface Feat {
  len: number;
  role: Role;
  turnStart: boolean;
  nums: number[];
  /** Distinct Latin tokens (the anchors of a CJK text). */
  latin: string[];
  /** Every Latin token, for lookups from the other side. */
  tokens: Set<string>;
  /** English content words (of the gloss, or of the text when it is English); null when none. */
  words: Set<string> | null;
  /** The words as sorted vocabulary ids and their weight sum, filled on first use (weights need the whole text). */
  wordIds?: Int32Array;
  wordSum?: number;
}

/** The units of one side, and each unit grouped with the next (null where they may not be grouped). */
export interface Units {
  units: Feat[];
  pairs: Array<Feat | null>;
}

function distinct<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function feat(text: string, cjk: boolean, role: Role, turnStart: boolean, wordsText: string | null): Feat {
  const toks = latinTokens(text);
  return {
    len: textLength(text, cjk),
    role,
    turnStart,
    nums: distinct(cjk ? chineseNumbers(text) : englishNumbers(text)),
    latin: distinct(toks),
    tokens: new Set(toks),
    words: wordsText === null ? null : new Set(contentWords(wordsText)),
  };
}

export function combine(a: Feat, b: Feat): Feat {
  return {
    len: a.len + b.len,
    role: a.role === b.role ? a.role : a.role === 'none' ? b.role : b.role === 'none' ? a.role : 'mixed',
    turnStart: a.turnStart,
    nums: distinct([...a.nums, ...b.nums]),
    latin: distinct([...a.latin, ...b.latin]),
    tokens: new Set([...a.tokens, ...b.tokens]),
    words: a.words && b.words ? new Set([...a.words, ...b.words]) : (a.words ?? b.words),
  };
}

export type Roles = Map<string, Role>;

/** Main / other per speaker id; the translation's speakers take the role of the original's speaker of the same name. */
export function speakerRoles(source: Source, counterpart?: Source): Roles {
  const roles: Roles = new Map(source.speakers.map((sp) => [sp.id, sp.main ? 'main' : 'other'] as const));
  if (!counterpart) return roles;
  const nameTokens = (name: string) => new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1));
  for (const sp of source.speakers) {
    const mine = nameTokens(sp.name);
    const same = counterpart.speakers.find((o) => o.name === sp.name || [...nameTokens(o.name)].some((t) => mine.has(t)));
    if (same) roles.set(sp.id, same.main ? 'main' : 'other');
  }
  return roles;
}

function roleOf(roles: Roles, speakerId: string | null, kind: string): Role {
  // Headings and prose (the built-in editor's introduction) are nobody's turn.
  if (kind !== 'turn' || speakerId === null) return 'none';
  return roles.get(speakerId) ?? 'none';
}

export function sourceIsCjk(source: Source): boolean {
  if (/^(zh|ja)\b/i.test(source.language)) return true;
  if (/^[a-z]{2}\b/i.test(source.language) && !/^und/i.test(source.language)) return false;
  return isCjkText(source.paragraphs.slice(0, 20).map((p) => p.text).join(''));
}

export function paragraphFeats(
  source: Source,
  cjk: boolean,
  roles: Roles,
  wordsOf: (id: string, text: string) => string | null,
): Units {
  const units = source.paragraphs.map((p, i) => {
    const prev = source.paragraphs[i - 1];
    const turnStart = p.turnId === null || !prev || prev.turnId !== p.turnId;
    return feat(p.text, cjk, roleOf(roles, p.speakerId, p.kind), turnStart, wordsOf(p.id, p.text));
  });
  const pairs = units.map((u, i) => (i + 1 < units.length ? combine(u, units[i + 1]) : null));
  return { units, pairs };
}

export interface SentenceUnit {
  paragraphId: string;
  start: number;
  end: number;
}

export function sentenceFeats(
  paragraphs: Source['paragraphs'],
  glossOf: (id: string, count: number) => string[] | null,
  /** Whether the sentence's own text gives its English words. */
  englishWords: boolean,
  cjk: boolean,
): Units & { spans: SentenceUnit[] } {
  const spans: SentenceUnit[] = [];
  const units: Feat[] = [];
  for (const p of paragraphs) {
    const ss = splitSentences(p.text);
    const glossSentences = glossOf(p.id, ss.length);
    ss.forEach(([start, end], i) => {
      const text = p.text.slice(start, end);
      spans.push({ paragraphId: p.id, start, end });
      units.push(feat(text, cjk, 'none', false, glossSentences ? glossSentences[i] : englishWords ? text : null));
    });
  }
  // Two sentences are grouped only inside one paragraph.
  const pairs = units.map((u, i) =>
    i + 1 < units.length && spans[i].paragraphId === spans[i + 1].paragraphId ? combine(u, units[i + 1]) : null,
  );
  return { spans, units, pairs };
}
