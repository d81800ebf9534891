/** Seeded PRNG for property-style tests (a failure reproduces). */
export function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random text over a small alphabet (many repeats, like Chinese function characters). */
export function randomText(rand: () => number, n: number, alphabet = '我们的是在有一个这不人了说为能会也'): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

/** `edits` random substitutions, insertions or deletions. */
export function mutate(
  rand: () => number,
  s: string,
  edits: number,
  alphabet: string | readonly string[] = '甲乙丙丁戊己庚辛',
  minLength = 2,
): string {
  const cs = [...s];
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rand() * cs.length);
    const op = rand();
    const ch = alphabet[Math.floor(rand() * alphabet.length)];
    if (op < 0.4) cs[i] = ch;
    else if (op < 0.7 && cs.length > minLength) cs.splice(i, 1);
    else cs.splice(i, 0, ch);
  }
  return cs.join('');
}
