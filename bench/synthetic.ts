/** The 100× corpus of `npm run bench`: the transcript and perturbed copies of it. */
import type { Paragraph, Transcript } from '../src/types';
import { rng } from '../test/match/rng';

export function hanAlphabet(t: Transcript): string[] {
  const set = new Set<string>();
  for (const p of t.paragraphs) for (const ch of p.text) if (/\p{Script=Han}/u.test(ch)) set.add(ch);
  return [...set];
}

/** Random edits (substitute / delete / insert a Han character) at `rate` per character. */
function perturb(text: string, rate: number, alphabet: string[], rand: () => number): string {
  let out = '';
  for (const ch of text) {
    const r = rand();
    if (r < rate / 3) out += alphabet[Math.floor(rand() * alphabet.length)];
    else if (r < (2 * rate) / 3) continue;
    else if (r < rate) out += ch + alphabet[Math.floor(rand() * alphabet.length)];
    else out += ch;
  }
  return out;
}

/** The transcript followed by `copies - 1` perturbed copies (ids and turns suffixed). */
export function synthetic(t: Transcript, copies: number, rate: number): Transcript {
  const alphabet = hanAlphabet(t);
  const rand = rng(100);
  const paragraphs: Paragraph[] = [];
  for (let c = 0; c < copies; c++) {
    for (const p of t.paragraphs) {
      if (c === 0) {
        paragraphs.push(p);
        continue;
      }
      paragraphs.push({
        ...p,
        id: `${p.id}-c${c}`,
        turnId: p.turnId ? `${p.turnId}-c${c}` : null,
        text: perturb(p.text, rate, alphabet, rand),
        simplified: '',
      });
    }
  }
  return { ...t, paragraphs };
}
