/**
 * English text handling for matching selections against the English gloss: tokenising,
 * stop words, light stemming, number words, and a phrase-level score that ranks the passage
 * sharing the most distinctive words (names and numbers weigh most), in order, first.
 */

const STOP = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into about over than that this these those ' +
    'is are was were be been being am do does did done have has had having it its it\'s i me my we us our you your ' +
    'he him his she her they them their there here what which who whom whose when where why how all any some ' +
    'not no nor very just also can could would should will shall may might must one ones up out s t d ll m re ve ' +
    'said says say saying like really think thing things lot get got going go know actually kind sort well yeah ' +
    // attribution around a quote, not its content (the speaker's own name included)
    'amodei dario according told added noted argued claimed insisted recalled explained asked ' +
    // the gloss writes 3%, which tokenises to 3
    'percent per cent'
  ).split(/\s+/),
);

// `one` is left out: in running text it is mostly a pronoun ("one of the things", "no one"),
// and reading it as 1 made passages "state a different number" they never state.
const NUMBER_WORDS = new Map<string, string>(Object.entries({
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8',
  nine: '9', ten: '10', eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30',
  forty: '40', fifty: '50', hundred: '100', thousand: '1000', twice: '2', double: '2', half: '50%',
  tenfold: '10', hundredfold: '100', dozen: '12', thirteen: '13', fourteen: '14', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
}));

/**
 * Light suffix stripping: enough to meet `lies`/`lie`, `angered`/`anger`, `scaling`/`scale`,
 * `shorter`/`short`, `biology`/`biological`. Both sides go through it, so an odd stem is harmless.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ical') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('est') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('y') && w.length > 5) w = w.slice(0, -1);
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Lower-cased words of `text` with their original form, before stop-word removal. */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? []
  ).map((w) => w.replace(/,(?=\d{3})/g, ''));
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/n't$/, ''],
  [/'ve$/, ''],
  [/'re$/, ''],
  [/'ll$/, ''],
  [/'d$/, ''],
  [/'m$/, ''],
  [/'s$/, ''],
];
const CONTRACTION_IRREGULAR = new Map([
  ["won't", 'will'],
  ["can't", 'can'],
  ["shan't", 'shall'],
]);

/** Search terms: lower-cased, contractions opened, stop words dropped, numbers as digits, stemmed. */
export function englishTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of words(text)) {
    let w = raw.toLowerCase();
    w = CONTRACTION_IRREGULAR.get(w) ?? w;
    if (w.includes("'")) {
      for (const [re, rep] of CONTRACTIONS) {
        if (re.test(w)) {
          w = w.replace(re, rep);
          break;
        }
      }
    }
    w = w.replace(/'/g, '');
    const digits = NUMBER_WORDS.get(w);
    if (digits !== undefined) {
      out.push(digits);
      continue;
    }
    if (STOP.has(w) || w.length === 0) continue;
    out.push(stem(w));
  }
  return out;
}

export interface WeightedTerm {
  term: string;
  /** The word as the quote wrote it. */
  raw: string;
  weight: number;
  /** A name (capitalised inside the sentence) or a number. */
  salient: boolean;
}

/** Query terms with how much each counts: rarer in the gloss counts more, names and numbers most. */
export function weightedTerms(text: string, idf: (term: string) => number): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  const ws = words(text);
  ws.forEach((raw, i) => {
    const terms = englishTerms(raw);
    if (terms.length === 0) return;
    const term = terms[0];
    const isNumber = /\d/.test(term);
    const isName = i > 0 && /^\p{Lu}/u.test(raw) && !STOP.has(raw.toLowerCase());
    const salient = isNumber || isName;
    out.push({ term, raw, weight: idf(term) * (salient ? 3 : 1), salient });
  });
  return out;
}

/** Share of a number's weight kept when the passage states a different number. */
const NUMBER_CHANGED_CREDIT = 0.5;

export interface PhraseScore {
  score: number;
  /** Words of the quote (as written) that the gloss also has. */
  shared: string[];
  /** Numbers of the quote missing from the gloss, when the gloss has other numbers. */
  numbersDiffer: { quote: string[]; gloss: string[] } | null;
}

/**
 * How well a gloss paragraph carries the query: weighted share of the query's terms found in
 * it, plus a share of the query's adjacent term pairs found adjacent (or one apart) in it.
 */
interface PassageTerms {
  g: string[];
  gSet: Set<string>;
  positions: Map<string, number[]>;
  gNums: string[];
}

/**
 * Passages are scored again and again (every English quote ranks up to twenty): their terms are
 * worked out once. Bounded, so a session over many sources does not grow without end.
 */
const passageCache = new Map<string, PassageTerms>();
const PASSAGE_CACHE_MAX = 8192;

function passageTerms(passage: string): PassageTerms {
  let t = passageCache.get(passage);
  if (t) return t;
  const g = englishTerms(passage);
  const positions = new Map<string, number[]>();
  g.forEach((term, i) => {
    const list = positions.get(term);
    if (list) list.push(i);
    else positions.set(term, [i]);
  });
  t = { g, gSet: new Set(g), positions, gNums: g.filter((x) => /\d/.test(x)) };
  if (passageCache.size >= PASSAGE_CACHE_MAX) passageCache.clear();
  passageCache.set(passage, t);
  return t;
}

export function phraseScore(query: WeightedTerm[], gloss: string): PhraseScore {
  const { g, gSet, positions, gNums } = passageTerms(gloss);
  if (query.length === 0 || g.length === 0) return { score: 0, shared: [], numbersDiffer: null };
  let total = 0;
  let hit = 0;
  const shared: string[] = [];
  const seen = new Set<string>();
  const gHasNumber = gNums.length > 0;
  for (const t of query) {
    if (seen.has(t.term)) continue;
    seen.add(t.term);
    total += t.weight;
    if (gSet.has(t.term)) {
      hit += t.weight;
      shared.push(t.raw);
    } else if (gHasNumber && /\d/.test(t.term)) {
      // a number where the passage has another number: the same statement, figure changed
      hit += t.weight * NUMBER_CHANGED_CREDIT;
    }
  }
  const uni = total > 0 ? hit / total : 0;
  let pairs = 0;
  let pairHits = 0;
  for (let i = 0; i + 1 < query.length; i++) {
    pairs++;
    const a = positions.get(query[i].term);
    const b = positions.get(query[i + 1].term);
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= 2))) pairHits++;
  }
  const bi = pairs > 0 ? pairHits / pairs : uni;
  const qNums = query.filter((t) => /\d/.test(t.term)).map((t) => t.term);
  const missing = qNums.filter((n) => !gSet.has(n));
  const numbersDiffer =
    missing.length > 0 && gNums.length > 0
      ? { quote: [...new Set(missing)], gloss: [...new Set(gNums.filter((n) => !qNums.includes(n)))] }
      : null;
  return { score: 0.7 * uni + 0.3 * bi, shared, numbersDiffer };
}
