/**
 * The BUILT-IN transcript (CSDN's Chinese translation) aligned against a STAND-IN original.
 * We hold no English original of that interview and must not copy one, so the stand-in is
 * Verbatim's own English gloss (data/gloss.en.json), reshaped as an original would differ from
 * the condensed translation: no editor's introduction or section headings, some consecutive
 * paragraphs of a turn merged (the translation "split" them), some paragraphs missing (the
 * translation "added" them). This checks the aligner on real CSDN text; it is not a measure of
 * alignment with Amodei's real English.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignPair } from '../../src/pair/align';
import { BUILTIN_SPEAKER_IDS, builtinSource } from '../../src/sources/builtin';
import type { Source } from '../../src/sources/model';
import type { Transcript } from '../../src/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const transcript = JSON.parse(readFileSync(root + 'data/transcript.json', 'utf8')) as Transcript;
const gloss = (JSON.parse(readFileSync(root + 'data/gloss.en.json', 'utf8')) as { gloss: Record<string, string> }).gloss;

function builtinAsSource(): Source {
  return builtinSource(transcript);
}

/** The stand-in original and, per translation paragraph, the stand-in ids it truly renders. */
function glossStandIn(): { source: Source; truth: Map<string, string[]> } {
  const turns = transcript.paragraphs.filter((p) => p.kind === 'turn');
  const paragraphs: Source['paragraphs'] = [];
  const truth = new Map<string, string[]>();
  for (let k = 0; k < turns.length; k++) {
    const p = turns[k];
    const next = turns[k + 1];
    const id = `e${String(paragraphs.length + 1).padStart(3, '0')}`;
    if (k % 17 === 5) continue; // the stand-in lacks it: the translation "added" this paragraph
    let text = gloss[p.id];
    truth.set(p.id, [id]);
    if (k % 6 === 2 && next && next.turnId === p.turnId) {
      text += ' ' + gloss[next.id];
      truth.set(next.id, [id]);
      k++;
    }
    paragraphs.push({ id, sectionId: 's0', kind: 'turn', speakerId: BUILTIN_SPEAKER_IDS[p.speaker as 'amodei' | 'host'], turnId: p.turnId, text });
  }
  return {
    source: {
      ...builtinAsSource(),
      id: 'gloss-stand-in',
      title: 'Stand-in original made from Verbatim’s gloss',
      language: 'en',
      kind: 'original',
      format: 'paste',
      sections: [{ id: 's0', title: '', paragraphIds: paragraphs.map((p) => p.id) }],
      paragraphs,
    },
    truth,
  };
}

function accuracy(links: ReturnType<typeof alignPair>, truth: Map<string, string[]>, translation: Source): number {
  let right = 0;
  for (const p of translation.paragraphs) {
    const got = links.find((l) => l.translation.includes(p.id))?.original ?? [];
    if (got.join('+') === (truth.get(p.id) ?? []).join('+')) right++;
  }
  return right / translation.paragraphs.length;
}

describe('built-in transcript against a stand-in original made from the gloss (not the real English)', () => {
  const translation = builtinAsSource();
  const { source: standIn, truth } = glossStandIn();

  it('aligns through shared anchors alone (speakers, numbers, Latin names, lengths)', () => {
    const acc = accuracy(alignPair(translation, standIn), truth, translation);
    expect(acc, `${(100 * acc).toFixed(1)} %`).toBeGreaterThanOrEqual(0.85);
  });

  it('aligns nearly perfectly when the gloss of the translation is given too', () => {
    const acc = accuracy(alignPair(translation, standIn, { gloss }), truth, translation);
    expect(acc, `${(100 * acc).toFixed(1)} %`).toBeGreaterThanOrEqual(0.97);
  });
});
