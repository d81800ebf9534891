/**
 * English speech that newsrooms leave out of a quote, and spellings that differ between US and
 * UK English. Used by `cleanup.ts`; both sides of a comparison go through the same folding.
 *
 * A filler is dropped only where it is one: "like" only between commas (", like,"), "you know"
 * and "I mean" only as an aside (followed by a pause, not "you know what he said"), "kind of" /
 * "sort of" only as a hedge (not "a kind of tool").
 */

/** Always fillers, wherever they stand. */
export const EN_FILLERS_ALWAYS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'mhm']);

/** Words that open a clause as a filler when a comma follows them at the start of a sentence. */
export const EN_OPENERS = new Set(['well', 'so', 'look', 'okay', 'ok', 'now', 'like', 'yeah', 'right']);

/** After "you know" these make it a real verb phrase ("you know what", "you know that"). */
const KNOW_OBJECT = new Set(['what', 'that', 'how', 'why', 'who', 'whom', 'when', 'where', 'if', 'whether', 'the', 'a', 'an', 'this', 'it', 'him', 'her', 'them', 'me', 'us', 'about']);
/** Before "kind of"/"sort of" these make it a noun phrase ("a kind of tool"). */
const KIND_DETERMINER = new Set(['a', 'an', 'the', 'this', 'that', 'what', 'some', 'any', 'every', 'one', 'which', 'same', 'no', 'whatever', 'different', 'new', 'that\'s']);

/** A token as the filler rules see it: its lower-case word and the punctuation after it. */
export interface FillerToken {
  word: string;
  /** Punctuation (no spaces) between this word and the next, e.g. ",", "—", "." */
  after: string;
}

const PAUSE = /[,;:—–-]|\.\.\.|…/u;
const SENTENCE_END = /[.!?]/u;

/** Starts a clause: the first token, or after a comma, dash or sentence end. */
function clauseStart(tokens: FillerToken[], i: number): boolean {
  return i === 0 || PAUSE.test(tokens[i - 1].after) || SENTENCE_END.test(tokens[i - 1].after);
}

function sentenceStart(tokens: FillerToken[], i: number): boolean {
  return i === 0 || SENTENCE_END.test(tokens[i - 1].after);
}

/**
 * How many tokens from `i` on form a filler here (0 when none). Applied to the transcript: the
 * quote may leave them out.
 */
export function enFillerAt(tokens: FillerToken[], i: number): number {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (EN_FILLERS_ALWAYS.has(t.word)) return 1;
  if (t.word === 'like' && clauseStart(tokens, i) && PAUSE.test(t.after)) return 1;
  if (EN_OPENERS.has(t.word) && sentenceStart(tokens, i) && /[,—–]/u.test(t.after)) return 1;
  if (!next) return 0;
  if (t.word === 'you' && next.word === 'know' && !t.after) {
    const after = tokens[i + 2];
    if (PAUSE.test(next.after) || SENTENCE_END.test(next.after)) return 2;
    if (clauseStart(tokens, i) && after && !KNOW_OBJECT.has(after.word)) return 2;
    return 0;
  }
  if (t.word === 'i' && next.word === 'mean' && !t.after && PAUSE.test(next.after) && clauseStart(tokens, i)) return 2;
  if ((t.word === 'kind' || t.word === 'sort') && next.word === 'of' && !t.after) {
    const before = tokens[i - 1];
    const after = tokens[i + 2];
    if (before && KIND_DETERMINER.has(before.word) && !before.after) return 0;
    if (!after || ['a', 'an', 'the', 'thing', 'things', 'stuff', 'people', 'person'].includes(after.word)) return 0;
    return 2;
  }
  return 0;
}

/** UK spellings with their US form, beyond the regular -ise/-yse endings (`usSpelling`). */
const UK_US: Record<string, string> = {
  colour: 'color', colours: 'colors', favour: 'favor', favours: 'favors', favourite: 'favorite', favourable: 'favorable',
  behaviour: 'behavior', behaviours: 'behaviors', behavioural: 'behavioral', honour: 'honor', honours: 'honors',
  labour: 'labor', neighbour: 'neighbor', neighbours: 'neighbors', harbour: 'harbor', humour: 'humor', rumour: 'rumor',
  rumours: 'rumors', flavour: 'flavor', endeavour: 'endeavor', vigour: 'vigor', rigour: 'rigor', armour: 'armor',
  centre: 'center', centres: 'centers', centred: 'centered', theatre: 'theater', metre: 'meter', metres: 'meters',
  litre: 'liter', fibre: 'fiber', calibre: 'caliber', defence: 'defense', offence: 'offense', licence: 'license',
  pretence: 'pretense', travelled: 'traveled', travelling: 'traveling', traveller: 'traveler', modelling: 'modeling',
  modelled: 'modeled', labelled: 'labeled', labelling: 'labeling', cancelled: 'canceled', cancelling: 'canceling',
  signalling: 'signaling', fuelled: 'fueled', counselling: 'counseling', levelled: 'leveled', fulfil: 'fulfill',
  fulfilment: 'fulfillment', enrol: 'enroll', skilful: 'skillful', programme: 'program', programmes: 'programs',
  catalogue: 'catalog', dialogue: 'dialog', analogue: 'analog', grey: 'gray', aluminium: 'aluminum', sceptical: 'skeptical',
  sceptic: 'skeptic', judgement: 'judgment', ageing: 'aging', towards: 'toward', whilst: 'while', amongst: 'among',
  cheque: 'check', tyre: 'tire', plough: 'plow', manoeuvre: 'maneuver', paediatric: 'pediatric', foetus: 'fetus',
  encyclopaedia: 'encyclopedia', oestrogen: 'estrogen', anaemia: 'anemia',
};

/** -ise words that are not -ize words in US spelling (advertise, surprise…): kept as they are. */
const ISE_KEEP = /^(?:adv[ei]rtis|advis|apprais|chastis|circumcis|compris|compromis|concis|demis|despis|devis|disguis|enfranchis|enterpris|exercis|expertis|franchis|improvis|incis|merchandis|mis|nois|pois|precis|premis|prais|promis|rais|ris|aris|revis|supervis|surmis|surpris|televis|wis|otherwis|clockwis|likewis|pris|cruis|bruis|chais|paradis|treatis|porpois|tortois|vis)/u;

/** The US spelling of a UK-spelled word (lower case), or the word itself. */
export function usSpelling(word: string): string {
  const direct = UK_US[word];
  if (direct) return direct;
  // realise → realize, organisation → organization, analyse → analyze
  const m = /^([a-z]{3,})(is|ys)(e|es|ed|ing|ation|ations|er|ers|able)$/u.exec(word);
  if (m && !ISE_KEEP.test(word)) return `${m[1]}${m[2] === 'is' ? 'iz' : 'yz'}${m[3]}`;
  return word;
}

/** Contractions folded to their full form ("don't" → "do not"); `'s` only after pronouns (a possessive stays). */
const CONTRACTION_WORDS: Record<string, string[]> = {
  "can't": ['can', 'not'], cannot: ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'],
  "i'm": ['i', 'am'], "let's": ['let', 'us'],
};
const S_PRONOUNS = new Set(['it', 'that', 'what', 'there', 'he', 'she', 'here', 'who', 'where', 'how', 'this', 'everything', 'nothing', 'something', 'everyone', 'nobody', 'somebody', 'someone', 'when', 'why']);
const D_PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'who', 'there']);

/** A word with its contraction expanded, or null when it is not a contraction. */
export function expandContraction(word: string): string[] | null {
  const w = word.replace(/[’‘ʼ]/gu, "'");
  const direct = CONTRACTION_WORDS[w];
  if (direct) return direct;
  let m = /^([a-z]+)n't$/u.exec(w);
  if (m) return [m[1], 'not'];
  m = /^([a-z]+)'(re|ve|ll|d|s)$/u.exec(w);
  if (!m) return null;
  const [, base, suffix] = m;
  if (suffix === 're') return [base, 'are'];
  if (suffix === 've') return [base, 'have'];
  if (suffix === 'll') return [base, 'will'];
  if (suffix === 'd') return D_PRONOUNS.has(base) ? [base, 'would'] : null;
  return S_PRONOUNS.has(base) ? [base, 'is'] : null;
}
