/**
 * Automatic captions: lower case, next to no punctuation, sound tags such as `[Music]`. Told
 * from the text itself, whatever its layout (one huge line, or time-only lines of a video's
 * transcript panel), so the source can say it holds machine captions.
 */

/** `[Music]`, `[Applause]`, `(laughter)`: what happened, not what was said. */
export const SOUND_TAG = /[[(](?:music|applause|laughter|laughs|inaudible|crosstalk|silence|noise|foreign|音乐|掌声|笑)[\])]/gi;

export function looksAutomatic(text: string): boolean {
  const sample = text.replace(SOUND_TAG, ' ').slice(0, 60_000);
  const words = sample.match(/[A-Za-z][A-Za-z']*/g) ?? [];
  if (words.length < 80) return false;
  const ends = (sample.match(/[.!?](?=\s|$)/g) ?? []).length;
  const capitals = words.filter((w) => /^[A-Z]/.test(w) && w !== 'I' && !/^I'/.test(w)).length;
  // human captions end a sentence every 10–25 words and capitalise its first word
  return ends < words.length / 80 && capitals < words.length / 40;
}
