/**
 * Finds quotations marked by quotation marks in one block of text (pure, no DOM).
 * Only top-level quotes are returned: a quote inside a quote belongs to the outer one.
 */

export interface MarkedQuote {
  /** Content range (between the marks), UTF-16 offsets into the block text. */
  start: number;
  end: number;
  /** The opening mark. */
  open: string;
}

const CLOSER: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '«': '»', '﹁': '﹂', '﹃': '﹄' };

const CLOSERS = new Set(['”', '」', '』', '»', '﹂', '﹄']);

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * ‘ opens only at a word start (`‘no’`, not `rock ‘n’ roll` mid-word); ’ closes only at a word end
 * and is an apostrophe between letters (don’t, Amodei’s) or after a plural (`companies’`).
 */
function opensSingle(text: string, i: number): boolean {
  return !isWordChar(text[i - 1]) && !isSpace(text[i + 1]);
}
function closesSingle(text: string, i: number): boolean {
  return !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
}

export function scanQuoteMarks(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const stack: Array<{ open: string; at: number }> = [];
  // Jump from one quotation mark to the next: most of an article has none.
  const marks = /[“”「」『』‘’"«»﹁﹂﹃﹄]/g;
  for (let hit = marks.exec(text); hit; hit = marks.exec(text)) {
    const i = hit.index;
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      // A straight double quote closes the innermost open straight quote, else opens one.
      const idx = findOpen(stack, '"');
      if (idx >= 0 && !isSpace(text[i - 1])) {
        close(idx, i);
      } else if (!isSpace(text[i + 1])) {
        stack.push({ open: c, at: i });
      }
      continue;
    }
    if (c === '‘') {
      if (opensSingle(text, i)) stack.push({ open: c, at: i });
      continue;
    }
    if (c === '’') {
      // Between letters it is an apostrophe; otherwise it closes an open ‘ if there is one.
      const idx = findOpen(stack, '‘');
      if (idx >= 0 && closesSingle(text, i)) close(idx, i);
      continue;
    }
    if (c in CLOSER) {
      stack.push({ open: c, at: i });
      continue;
    }
    if (top && CLOSERS.has(c)) {
      // A closer for an opener further down the stack closes everything above it too.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (CLOSER[stack[k].open] === c) {
          close(k, i);
          break;
        }
      }
    }
  }
  return out;

  function close(idx: number, at: number) {
    const opener = stack[idx];
    stack.length = idx;
    if (stack.length === 0) out.push({ start: opener.at + 1, end: at, open: opener.open });
  }
}

function findOpen(stack: Array<{ open: string }>, open: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].open === open) return k;
  return -1;
}

/** Trims whitespace and the trailing comma English puts inside the marks (“…,” he said). */
export function trimQuote(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,，;；:：]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A scare quote or a term rather than a quotation: fewer than three Latin words, or fewer than
 * six Han characters, and no sentence inside.
 */
export function isShortQuote(content: string): boolean {
  const han = (content.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (content.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => !/\p{Script=Han}/u.test(w)).length;
  if (han > 0) return han + words < 6;
  return words < 3;
}
