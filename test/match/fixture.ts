/** A small synthetic transcript (Traditional, with an intro quoting a turn) for unit tests. */
import type { Paragraph, Transcript } from '../../src/types';
import { toSimplified } from '../../src/match/normalize';

type P = Pick<Paragraph, 'id' | 'sectionId' | 'speaker' | 'kind' | 'turnId' | 'text'> & { repaired?: boolean };

const RAW: P[] = [
  { id: 'p001', sectionId: 'intro', speaker: 'editor', kind: 'intro', turnId: null, text: '他說:“那是我聽過最無恥、最離譜的謊言。”這句話引起了廣泛關注。' },
  { id: 'p002', sectionId: 's1', speaker: 'editor', kind: 'heading', turnId: null, text: '指數增長才是唯一真實的東西' },
  { id: 'p003', sectionId: 's1', speaker: 'host', kind: 'turn', turnId: 't01', text: '你曾說 AI 可能會讓一半的入門級白領工作消失,這是真的嗎?' },
  { id: 'p004', sectionId: 's1', speaker: 'amodei', kind: 'turn', turnId: 't02', text: '如果你看營收,Anthropic 的營收每年都增長 10 倍。每年我們都很保守。' },
  { id: 'p005', sectionId: 's1', speaker: 'amodei', kind: 'turn', turnId: 't02', text: '我認為唯一真實的東西,就是那條指數曲線。每隔幾個月,我們就會得到一個更強的模型。' },
  { id: 'p006', sectionId: 's2', speaker: 'host', kind: 'turn', turnId: 't03', text: '黃仁勳說你想控制整個行業,你怎麼看?' },
  { id: 'p007', sectionId: 's2', speaker: 'amodei', kind: 'turn', turnId: 't04', text: '我從沒說過那樣的話。那是我聽過最無恥、最離譜的謊言。' },
  { id: 'p008', sectionId: 's2', speaker: 'amodei', kind: 'turn', turnId: 't04', text: '我父親因那些本可能晚幾年就出現的療法而離世,所以當有人說我想放慢腳步時,我感到非常憤怒。', repaired: true },
];

export const fixture: Transcript = {
  meta: {
    title: 'test',
    titleSimplified: 'test',
    host: 'Host',
    guest: 'Guest',
    editor: 'Editor',
    translationNote: 'test',
    sourceUrl: '',
    videoUrl: '',
    sourceFile: '',
    credits: [],
  },
  sections: [
    { id: 'intro', title: '導語', titleSimplified: '导语', paragraphIds: ['p001'] },
    { id: 's1', title: '指數增長才是唯一真實的東西', titleSimplified: '', paragraphIds: ['p002', 'p003', 'p004', 'p005'] },
    { id: 's2', title: '謊言', titleSimplified: '谎言', paragraphIds: ['p006', 'p007', 'p008'] },
  ],
  paragraphs: RAW.map((p, i) => ({
    ...p,
    simplified: toSimplified(p.text),
    repaired: p.repaired ?? false,
    repairIds: p.repaired ? ['r01'] : [],
    sourceLine: i,
  })),
  dropped: [],
  repairs: [],
};

export const fixtureGloss: Record<string, string> = {
  p001: 'He said: “That is the most shameless, outrageous lie I have ever heard.” The remark drew wide attention.',
  p002: 'Exponential growth is the only real thing',
  p003: 'You said AI could make half of all entry-level white-collar jobs disappear; is that true?',
  p004: 'If you look at revenue, Anthropic’s revenue has grown 10 times every year. Every year we are conservative.',
  p005: 'I think the only real thing is that exponential curve. Every few months we get a stronger model.',
  p006: 'Jensen Huang said you want to control the whole industry; what do you think?',
  p007: 'I have never said anything like that. That is the most shameless, outrageous lie I have ever heard.',
  p008: 'My father died for lack of treatments that might have appeared a few years later, so when someone says I want to slow down, I get very angry.',
};
