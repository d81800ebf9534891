/**
 * Who a page says spoke a quote: names, pronouns and speech verbs next to it (pure string code).
 * The page's claim is what the scan compares with the transcript's speaker.
 */

export type PageSpeakerKind = 'amodei' | 'host' | 'other' | 'unknown';
export interface PageSpeaker {
  kind: PageSpeakerKind;
  /** The name as the page writes it (for `other`, and for the rest when known). */
  name?: string;
}

export interface Mention {
  start: number;
  end: number;
  /** Null for a pronoun: it refers back to the last speaker. */
  speaker: PageSpeaker | null;
  text: string;
}

const AMODEI = '首席执行官阿莫迪|執行長阿莫迪|Dario Amodei|Amodei|Dario|达里奥·阿莫迪|達里奧·阿莫迪|阿莫迪|阿莫代伊|达里奥|達里奧';
const HOST = '主持人坎特罗维茨|主持人坎特羅維茨|Alex Kantrowitz|Kantrowitz|[Tt]he host|[Tt]he interviewer|主持人|坎特罗维茨|坎特羅維茨|亚历克斯|亞歷克斯|Alex';
const OTHER_ZH = '扎克伯格|黄仁勋|黃仁勳|奥特曼|奧特曼|马斯克|馬斯克|哈萨比斯|哈薩比斯|杨立昆|楊立昆|纳德拉|納德拉';
const OTHER_EN = '[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+|[A-Z][a-z]{2,}';
const PRONOUN = '\\b(?:he|He|she|She)\\b|(?<!其)他(?![们們])|她(?![们們])';

const EN_VERB =
  'put it this way|put it|puts it|said|says|told|tells|added|adds|argued|argues|warned|warns|explained|explains|recalled|noted|notes|insisted|insists|continued|replied|answered|asked|asks|wrote|writes|claimed|claims|stressed|admitted|acknowledged|quipped|joked|declared|observed|remarked|conceded|believes|believed';
const ZH_VERB =
  '说道|說道|说|說|表示|认为|認為|坦言|称|稱|指出|强调|強調|补充道|補充道|补充|補充|回应|回應|直言|警告|写道|寫道|提到|谈到|談到|问道|問道|回答|透露|解释|解釋|笑称|笑稱';
const ZH_ADVERB = '还|還|也|又|则|則|曾|再次|随后|隨後|接着|接著|进一步|進一步|在采访中|在採訪中|在访谈中|在訪談中|在节目中|在節目中|当时|當時|更|便|就';

/** Words that start a capitalised run but are not names. */
const NOT_NAMES = new Set(
  'The A An In On At As But And Or So If When While After Before During This That These Those It Its His Her Their There Here What Why How Who Anthropic OpenAI Google Meta Nvidia Claude AI Big Technology Podcast Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Chinese English American Silicon Valley Washington China Machines Loving Grace Still Yet Asked Later Then Earlier'.split(
    ' ',
  ),
);

// Compiled once: these run for every name-like word of an article.
const AMODEI_RE = new RegExp(`^(?:${AMODEI})$`);
const HOST_RE = new RegExp(`^(?:${HOST})$`);
const OTHER_ZH_RE = new RegExp(`^(?:${OTHER_ZH})$`);
const PRONOUN_RE = new RegExp(`^(?:${PRONOUN})$`);

export function classifyName(name: string): PageSpeaker | null {
  const n = name.trim();
  if (AMODEI_RE.test(n)) return { kind: 'amodei', name: n };
  if (HOST_RE.test(n)) return { kind: 'host', name: n };
  if (OTHER_ZH_RE.test(n)) return { kind: 'other', name: n };
  if (/^[A-Z]/.test(n)) {
    const words = n.split(/[ -]/);
    if (words.some((w) => NOT_NAMES.has(w))) {
      // "Anthropic's Dario Amodei" style runs are caught by the Amodei names; drop the rest.
      return null;
    }
    return { kind: 'other', name: n };
  }
  return null;
}

const NAME_OR_PRONOUN = `(${AMODEI}|${HOST}|${OTHER_ZH}|${OTHER_EN}|${PRONOUN})`;

function mentionOf(text: string, start: number): Mention {
  const pronoun = PRONOUN_RE.test(text);
  return { start, end: start + text.length, text, speaker: pronoun ? null : classifyName(text) };
}

/**
 * A speech tag right after the closing mark: `…,” he said`, `” said Amodei`, `”阿莫迪说`,
 * `”,他补充道`. `text` starts right after the closing mark.
 */
const AFTER_EN = new RegExp(`^[\\s,，、—–-]*${NAME_OR_PRONOUN}\\s*(?:(?:also|then|later|again|once|has|had)\\s+)?(?:${EN_VERB})\\b`);
const AFTER_ZH = new RegExp(`^[\\s,，、—–-]*${NAME_OR_PRONOUN}(?:${ZH_ADVERB})*(?:${ZH_VERB})`);
const AFTER_EN_INVERTED = new RegExp(
  `^[\\s,，]*(?:${EN_VERB})\\s+(?:(?:Anthropic(?:'s|’s)?\\s+)?(?:CEO|chief executive|co-founder|chief)\\s+)?${NAME_OR_PRONOUN}`,
);
const AFTER_SOMEONE_EN = new RegExp(`^[\\s,，—–-]*((?:a|an|one|another)\\s+(?:[\\w-]+\\s+){0,3}?[\\w-]+)\\s+(?:${EN_VERB})\\b`);
const AFTER_SOMEONE_ZH = new RegExp(`^[\\s,，、—–-]*((?:一位|一名|有|某)[\\p{Script=Han}]{1,8}?)(?:${ZH_VERB})`, 'u');

export function speakerAfter(text: string): Mention | null {
  const head = text.slice(0, 80);
  let m = AFTER_EN.exec(head);
  if (m && usable(m[1])) return mentionOf(m[1], m.index + m[0].indexOf(m[1]));
  m = AFTER_ZH.exec(head);
  if (m && usable(m[1])) return mentionOf(m[1], m.index + m[0].indexOf(m[1]));
  m = AFTER_EN_INVERTED.exec(head);
  if (m && usable(m[1])) return mentionOf(m[1], m.index + m[0].lastIndexOf(m[1]));
  // Someone unnamed: "a spokesperson said", "一位发言人表示".
  m = AFTER_SOMEONE_EN.exec(head);
  m ??= AFTER_SOMEONE_ZH.exec(head);
  if (m) return { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length, text: m[1], speaker: { kind: 'other', name: m[1] } };
  return null;
}

function usable(name: string): boolean {
  const me = mentionOf(name, 0);
  return me.speaker !== null || PRONOUN_RE.test(name);
}

/** Every name and pronoun in `text`, in order (capitalised English runs only when they name someone). */
const MENTION_RE = new RegExp(NAME_OR_PRONOUN, 'g');

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const re = MENTION_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const me = mentionOf(m[1], m.index);
    // A lone capitalised word (a sentence start, a company) names someone only next to a speech verb.
    if (me.speaker?.kind === 'other' && !/[ -]/.test(m[1]) && !OTHER_ZH_RE.test(m[1])) continue;
    if (me.speaker || PRONOUN_RE.test(m[1])) out.push(me);
  }
  return out;
}

/**
 * The speaker named before a quote in the same sentence: the subject of a speech verb when
 * there is one (`Amodei told Kantrowitz:` → Amodei), else the last name or pronoun.
 */
const SUBJECT_RE = new RegExp(`${NAME_OR_PRONOUN}(?:[\\s,，]+(?:[\\w’'-]+\\s+){0,3}?|(?:${ZH_ADVERB})*)(?:${EN_VERB}|${ZH_VERB})`, 'g');
const SOMEONE_BEFORE_RE = new RegExp(`((?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:[\\w-]+\\s+){0,3}?[\\w-]+)\\s+(?:${EN_VERB})\\b[^.!?]*$`);

export function speakerBefore(tail: string): Mention | null {
  const subj = SUBJECT_RE;
  subj.lastIndex = 0;
  let best: Mention | null = null;
  for (let m = subj.exec(tail); m; m = subj.exec(tail)) {
    const me = mentionOf(m[1], m.index);
    if (me.speaker !== null || PRONOUN_RE.test(m[1])) best = me;
    subj.lastIndex = m.index + m[1].length;
  }
  if (best) return best;
  const someone = SOMEONE_BEFORE_RE.exec(tail);
  if (someone) return { start: someone.index, end: someone.index + someone[1].length, text: someone[1], speaker: { kind: 'other', name: someone[1] } };
  const all = findMentions(tail);
  return all.length ? all[all.length - 1] : null;
}

/** The stretch of `text` before `at` that belongs to the same sentence (stops at 。！？ and `. `). */
export function sentenceTail(text: string, from: number, at: number): { text: string; start: number } {
  const slice = text.slice(from, at);
  const re = /[。！？!?]|\.(?=\s)/g;
  let cut = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) cut = m.index + 1;
  return { text: slice.slice(cut), start: from + cut };
}

export interface IndirectQuote {
  start: number;
  end: number;
  subject: Mention;
}

const SOMEONE = '(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+';
const SOMEONE_RE = new RegExp(`^(?:${SOMEONE})$`);
const EN_INDIRECT = new RegExp(
  `(${AMODEI}|${HOST}|${OTHER_ZH}|${OTHER_EN}|${PRONOUN}|${SOMEONE})\\s+(?:(?:also|has|had|once|repeatedly|previously|then|\\w+ly)\\s+)?(?:said|says|argued|argues|warned|warns|believes|believed|insisted|insists|claimed|claims|noted|notes|stressed|added|explained|told (?:${HOST}|[\\w’']+(?: \\w+)?))(?:,\\s*[^,]{0,40},)?\\s+that\\s+`,
  'g',
);
const ZH_INDIRECT = new RegExp(
  `${NAME_OR_PRONOUN}(?:${ZH_ADVERB})*(?:表示|认为|認為|坦言|称|稱|指出|强调|強調|警告|说|說)[,，:：]`,
  'g',
);

/**
 * Sentences the page attributes without quotation marks: `Amodei argued that …`,
 * `阿莫迪表示,…`. The quote runs from after the tag to the end of the sentence.
 */
export function findIndirect(text: string): IndirectQuote[] {
  const out: IndirectQuote[] = [];
  for (const re of [EN_INDIRECT, ZH_INDIRECT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const someone = SOMEONE_RE.test(m[1]);
      const subject = someone ? { start: m.index, end: m.index + m[1].length, text: m[1], speaker: { kind: 'other' as const, name: m[1] } } : mentionOf(m[1], m.index);
      if (subject.speaker === null && !PRONOUN_RE.test(m[1])) continue;
      const start = m.index + m[0].length;
      const rest = text.slice(start);
      const endRe = re === EN_INDIRECT ? /[.!?](?=\s|$)/ : /[。！？]/;
      const e = endRe.exec(rest);
      const end = start + (e ? e.index : rest.length);
      const content = text.slice(start, end);
      // A quotation mark inside means a direct quote follows: the marks handle it.
      if (/[“”「」『』"]/.test(content)) continue;
      const long = re === EN_INDIRECT ? content.trim().split(/\s+/).length >= 5 : (content.match(/\p{Script=Han}/gu) ?? []).length >= 8;
      if (long) out.push({ start, end, subject });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
