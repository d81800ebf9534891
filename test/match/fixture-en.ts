/**
 * A small synthetic English transcript (written for these tests; an introduction repeats a
 * line of a turn) and the Simplified form of the Chinese fixture, for sources in other languages.
 */
import type { Paragraph, Transcript } from '../../src/types';
import { toSimplified } from '../../src/match/normalize';
import { fixture } from './fixture';

type P = Pick<Paragraph, 'id' | 'sectionId' | 'speaker' | 'kind' | 'turnId' | 'text'>;

const RAW: P[] = [
  { id: 'p001', sectionId: 'intro', speaker: 'editor', kind: 'intro', turnId: null, text: 'In this episode the guest says: "That is the most outrageous lie I have ever heard." Here is the full conversation.' },
  { id: 'p002', sectionId: 's1', speaker: 'editor', kind: 'heading', turnId: null, text: 'The curve is the only real thing' },
  { id: 'p003', sectionId: 's1', speaker: 'other', kind: 'turn', turnId: 't01', text: 'You have said that half of all entry-level office jobs could vanish. Do you still believe that?' },
  { id: 'p004', sectionId: 's1', speaker: 'main', kind: 'turn', turnId: 't02', text: 'If you look at revenue, our revenue has grown ten times every year for three years. We keep being surprised by it.' },
  { id: 'p005', sectionId: 's1', speaker: 'main', kind: 'turn', turnId: 't02', text: "I think the only real thing is the exponential curve — every few months we get a model that's stronger than the last one." },
  { id: 'p006', sectionId: 's2', speaker: 'other', kind: 'turn', turnId: 't03', text: 'A rival chief executive said you want to control the whole industry. How do you respond?' },
  { id: 'p007', sectionId: 's2', speaker: 'main', kind: 'turn', turnId: 't04', text: "I've never said anything like that. That is the most outrageous lie I have ever heard, and I was angry when I read it." },
  { id: 'p008', sectionId: 's2', speaker: 'main', kind: 'turn', turnId: 't04', text: 'My father died of an illness that was cured a few years later, so when people say I want to slow things down, it makes me furious.' },
];

export const fixtureEn: Transcript = {
  meta: { ...fixture.meta, title: 'English test source', titleSimplified: 'English test source' },
  sections: [
    { id: 'intro', title: 'Introduction', titleSimplified: 'Introduction', paragraphIds: ['p001'] },
    { id: 's1', title: 'The curve is the only real thing', titleSimplified: 'The curve is the only real thing', paragraphIds: ['p002', 'p003', 'p004', 'p005'] },
    { id: 's2', title: 'Lies', titleSimplified: 'Lies', paragraphIds: ['p006', 'p007', 'p008'] },
  ],
  paragraphs: RAW.map((p, i) => ({ ...p, simplified: p.text, repaired: false, repairIds: [], sourceLine: i })),
  dropped: [],
  repairs: [],
};

/** The Chinese fixture as a Simplified source (its text in Simplified characters). */
export const fixtureHans: Transcript = {
  ...fixture,
  paragraphs: fixture.paragraphs.map((p) => ({ ...p, text: toSimplified(p.text), simplified: toSimplified(p.text) })),
};
