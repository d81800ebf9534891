/**
 * The hand-written interview pair of test/fixtures/pair (fictional English interview and a
 * condensed Chinese translation, with the true alignment), read by the real source parser
 * (`parseSource`, as an imported .txt file) into the shared Source model.
 * `sourceFromText` is a deliberately small reader for the tiny synthetic pairs of the unit tests
 * (paragraphs separated by blank lines, `Name:` / `Name：` opening a turn, labels believed even
 * when they occur once).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SOURCE_SCHEMA_VERSION, type Source } from '../../src/sources/model';
import { draftToSource, parseSource } from '../../src/sources/index';

// import.meta.dirname (not a file: URL) so the helper also loads under happy-dom.
const DIR = resolve(import.meta.dirname, '../fixtures/pair') + '/';

export interface PairTruth {
  paragraphs: Array<{ translation: string[]; original: string[] }>;
  /** `p004#2` = third sentence of p004. */
  sentences: Array<{ translation: string; original: string[] }>;
}

export function readFixture(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

export function sourceFromText(text: string, id: string, language: string, kind: Source['kind']): Source {
  const speakers: Source['speakers'] = [];
  const paragraphs: Source['paragraphs'] = [];
  let speakerId: string | null = null;
  let turn = 0;
  for (const block of text.split(/\n\s*\n/)) {
    let body = block.replace(/\s+/g, ' ').trim();
    if (!body) continue;
    const label = /^([A-Za-z][\p{L} .'-]{0,30}?|[\p{Script=Han}A-Za-z ]{1,8})\s*[:：]\s*/u.exec(body);
    if (label) {
      let sp = speakers.find((s) => s.name === label[1]);
      if (!sp) speakers.push((sp = { id: `sp${speakers.length + 1}`, name: label[1], main: false }));
      speakerId = sp.id;
      turn++;
      body = body.slice(label[0].length);
    }
    let time: number | undefined;
    const ts = /^\[(\d+):(\d\d):(\d\d)\]\s*/.exec(body);
    if (ts) {
      time = Number(ts[1]) * 3600 + Number(ts[2]) * 60 + Number(ts[3]);
      body = body.slice(ts[0].length);
    }
    paragraphs.push({
      id: `p${String(paragraphs.length + 1).padStart(3, '0')}`,
      sectionId: 's0',
      kind: speakerId ? 'turn' : 'text',
      speakerId,
      turnId: speakerId ? `t${String(turn).padStart(2, '0')}` : null,
      text: body,
      ...(time !== undefined ? { time } : {}),
    });
  }
  const words = new Map<string, number>();
  for (const p of paragraphs) if (p.speakerId) words.set(p.speakerId, (words.get(p.speakerId) ?? 0) + p.text.length);
  const main = [...words.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const s of speakers) s.main = s.id === main;
  return {
    schemaVersion: SOURCE_SCHEMA_VERSION,
    id,
    title: id,
    language,
    kind,
    format: 'txt',
    speakers,
    sections: [{ id: 's0', title: '', paragraphIds: paragraphs.map((p) => p.id) }],
    paragraphs,
    addedAt: 0,
    enabled: true,
  };
}

/** A fixture file read as an imported .txt source. */
export function importFixture(name: string, id: string): Source {
  const r = parseSource({ name, text: readFixture(name) });
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return draftToSource(r.draft, id, 0);
}

export function loadPair(): { original: Source; translation: Source; truth: PairTruth } {
  const original = importFixture('interview.en.txt', 'fixture-en');
  const translation: Source = { ...importFixture('interview.zh.txt', 'fixture-zh'), kind: 'translation', translationOf: 'fixture-en' };
  const truth = JSON.parse(readFixture('truth.json')) as PairTruth;
  return { original, translation, truth };
}
