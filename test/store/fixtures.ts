import { SOURCE_SCHEMA_VERSION, type Source } from '../../src/sources/model';

/** A small hand-made source in the shape of the model (parsers are tested elsewhere). */
export function sampleSource(id: string, over: Partial<Source> = {}): Source {
  return {
    schemaVersion: SOURCE_SCHEMA_VERSION,
    id,
    title: `Interview ${id}`,
    date: '2024-11-11',
    language: 'en',
    kind: 'original',
    format: 'txt',
    speakers: [
      { id: 'sp1', name: 'Lex', main: false },
      { id: 'sp2', name: 'Dario', main: true },
    ],
    sections: [{ id: 's0', title: '', paragraphIds: ['p001', 'p002'] }],
    paragraphs: [
      { id: 'p001', sectionId: 's0', kind: 'turn', speakerId: 'sp1', turnId: 't01', text: 'What is scaling?', time: 61 },
      { id: 'p002', sectionId: 's0', kind: 'turn', speakerId: 'sp2', turnId: 't02', text: `Scaling in ${id} is the bet that bigger models keep getting better.`, time: 2467 },
    ],
    addedAt: 1_700_000_000_000,
    enabled: true,
    ...over,
  };
}
