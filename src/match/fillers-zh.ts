/**
 * Chinese speech that the press leaves out of a quote (嗯、呃、那个、就是、我我觉得). Used by
 * `cleanup.ts` on Simplified characters; each token is one character, with the punctuation after
 * it. A word such as 就是 or 那个 is a filler only at a pause (before a comma, or opening a clause
 * and followed by a pause or a pronoun), never inside a sentence where it means "is" or "that".
 */

/** Hesitation sounds: fillers wherever they stand. */
const ZH_ALWAYS = new Set(['嗯', '呃', '唔', '呣']);
/** Interjections that are fillers at a pause (before or after punctuation). */
const ZH_AT_PAUSE = new Set(['啊', '哦', '哎', '唉', '噢', '呀']);
/** Multi-character fillers, longest first. */
const ZH_WORDS = ['我的意思是', '怎么说呢', '你知道吗', '就是说', '你知道', '对不对', '那个', '这个', '就是', '对吧', '是吧'];
/** After these an opening 那个/这个/就是 is an aside, not "that …"/"is …". */
const ZH_PRONOUN = /^(?:我|你|他|她|它|咱|我们|你们|他们|嗯|呃)/u;

export interface ZhToken {
  /** One Simplified character (or a Latin word / number, which never counts as a filler). */
  word: string;
  after: string;
}

const PAUSE = /[，,、；;：:。！？!?…—]/u;

function atClauseStart(tokens: ZhToken[], i: number): boolean {
  return i === 0 || PAUSE.test(tokens[i - 1].after);
}

/** How many tokens from `i` on form a Chinese filler here (0 when none). */
export function zhFillerAt(tokens: ZhToken[], i: number): number {
  const t = tokens[i];
  if (ZH_ALWAYS.has(t.word)) return 1;
  if (ZH_AT_PAUSE.has(t.word) && (PAUSE.test(t.after) || atClauseStart(tokens, i))) return 1;
  for (const w of ZH_WORDS) {
    const n = w.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (tokens[i + k].word !== w[k] || (k < n - 1 && tokens[i + k].after)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const last = tokens[i + n - 1];
    if (PAUSE.test(last.after)) return n;
    if (atClauseStart(tokens, i)) {
      const rest = tokens
        .slice(i + n, i + n + 2)
        .map((x) => x.word)
        .join('');
      if (ZH_PRONOUN.test(rest)) return n;
    }
  }
  return 0;
}

/** Characters whose doubling is a stammer (我我觉得), not a word (谢谢, 常常, 看看). */
export const ZH_STAMMER_CHARS = new Set([...'我你他她它这那就是在有也都会要不我们的一']);
