import { createMatcher } from '../src/match/index';
import { fixtureEn } from '../test/match/fixture-en';
import type { Paragraph, Transcript } from '../src/types';
const RAW: Array<Pick<Paragraph, 'id' | 'speaker' | 'turnId' | 'text'>> = [
  { id: 'p001', speaker: 'other', turnId: 't01', text: 'How fast is the company growing?' },
  { id: 'p002', speaker: 'main', turnId: 't02', text: "Um, so, I, I think it's roughly tenfold, you know, every year. We're going to — we will not slow down the safety work for that. I realise it sounds strange." },
  { id: 'p003', speaker: 'other', turnId: 't03', text: 'Does that worry you?' },
  { id: 'p004', speaker: 'main', turnId: 't04', text: 'It does. We spent about thirty million dollars on the red team last year, and it was kind of painful.' },
];
const spoken: Transcript = { ...fixtureEn, sections: [{ id: 's1', title: 'G', titleSimplified: 'G', paragraphIds: RAW.map((p) => p.id) }], paragraphs: RAW.map((p, i) => ({ ...p, sectionId: 's1', kind: 'turn', simplified: p.text, repaired: false, repairIds: [], sourceLine: i })) };
const m = createMatcher(spoken, {}, { language: 'en' });
for (const q of process.argv.slice(2)) { const r = m.check(q); console.log(r.verdict, JSON.stringify(r.cleanup), JSON.stringify(r.segments?.map((s) => [s.verdict, s.join, s.cleanup?.map((c) => c.kind)]))); }
