/** Hand-written CheckResult fixtures for UI tests (shapes from src/types.ts). */
import type { CheckResult, Match } from '../../src/types';

export const match = (over: Partial<Match> = {}): Match => ({
  speaker: 'amodei',
  sectionId: 's2',
  sectionTitle: '指數定律,才是唯一真實的東西',
  paragraphId: 'p030',
  passage: '但我認為,盡管如此,我確實是對 AI 能力將極速提升這件事最樂觀的人之一。我認為唯一真實的東西,就是那條指數曲線。',
  start: 37,
  end: 55,
  score: 1,
  via: 'text',
  repaired: false,
  differences: [],
  ...over,
});

export const verbatim: CheckResult = { query: '我认为唯一真实的东西,就是那条指数曲线。', verdict: 'verbatim', matches: [match()] };

export const altered: CheckResult = {
  query: 'Anthropic 的营收每年都增长 100 倍',
  verdict: 'altered',
  matches: [
    match({
      paragraphId: 'p035',
      passage: '如果你看營收,Anthropic 的營收每年都增長 10 倍。',
      start: 7,
      end: 30,
      score: 0.93,
      repaired: true,
      differences: [{ quote: '100', transcript: '10' }],
    }),
  ],
};

export const related: CheckResult = {
  query: '这是我听过最离谱的事情。',
  verdict: 'related',
  matches: [
    match({ paragraphId: 'p116', sectionId: 's7', passage: '我從沒說過那樣的話。那是我聽過最無恥、最離譜的謊言。', start: 10, end: 25, score: 0.4, why: 'shares 是我聽過最' }),
    match({ paragraphId: 'p114', sectionId: 's7', speaker: 'editor', passage: '那是我聽過最無恥、最離譜的謊言', start: 0, end: 15, score: 0.35 }),
  ],
};

export const english: CheckResult = {
  query: 'I get very angry when people call me a doomer',
  verdict: 'related',
  notice: 'This interview was given in English; Verbatim holds a Chinese translation. Closest passage:',
  headline: 'gloss-close',
  matches: [match({ paragraphId: 'p101', via: 'gloss', gloss: 'I get very, very angry when people call me a “doomer”.', start: 0, end: 0 })],
};

export const notFound: CheckResult = { query: '黄仁勋根本不懂AI安全', verdict: 'not-found', matches: [] };

export const invalid: CheckResult = { query: '', verdict: 'invalid', error: 'The selection is empty.', matches: [] };

export const hostLine: CheckResult = {
  query: 'AI 可能会让一半的入门级白领工作消失',
  verdict: 'verbatim',
  matches: [match({ speaker: 'host', sectionId: 's1', paragraphId: 'p012', passage: '你曾說 AI 可能會讓一半的入門級白領工作消失;', start: 4, end: 23 })],
};

export const multi: CheckResult = {
  query: '“我从没说过那样的话。”“我们是第一个发布这种政策的公司。”',
  verdict: 'verbatim',
  matches: [],
  segments: [
    { query: '我从没说过那样的话。', verdict: 'verbatim', matches: [match({ paragraphId: 'p116', passage: '我從沒說過那樣的話。', start: 0, end: 9 })] },
    { query: '我们是第一个发布这种政策的公司。', verdict: 'verbatim', matches: [match({ paragraphId: 'p120', passage: '我們是第一個發布這種政策的公司。', start: 0, end: 15 })] },
  ],
};
