/**
 * Who a page says spoke a quote: names, titles, pronouns and speech verbs next to it (pure string
 * code). The page's claim is what the scan compares with the transcript's speaker. The names and
 * titles come from src/people/aliases.ts (and a reader's aliases); the rules for where the press
 * puts them are here and in find.ts.
 */
import { BUILTIN_PEOPLE, compileNames, type Person } from '../people/aliases';

export type PageSpeakerKind = 'amodei' | 'host' | 'other' | 'unknown';
export interface PageSpeaker {
  kind: PageSpeakerKind;
  /** The name as the page writes it (for `other`, and for the rest when known). */
  name?: string;
}

export interface Mention {
  start: number;
  end: number;
  /** Null for a pronoun or a role noun ("the CEO", 這位執行長): it refers back to the last speaker. */
  speaker: PageSpeaker | null;
  text: string;
  /** "she" / 她: never Amodei or the host. */
  female?: boolean;
  /** A person the alias lists know (Amodei, the host, Huang…): "he" can refer to them later. */
  known?: boolean;
  /** A role noun ("the CEO", 這位執行長, "the 42-year-old"): the last person named with a title. */
  role?: boolean;
  /** A person the lists give titles to (a CEO, the host): what a role noun can refer to. */
  titled?: boolean;
  /** At the head of its clause: the subject, which a later "he" / 他 refers to rather than an object. */
  subject?: boolean;
}

const EN_VERB =
  'put it this way|put it|puts it|said|says|told|tells|added|adds|argued|argues|warned|warns|explained|explains|recalled|recalls|noted|notes|insisted|insists|continued|continues|replied|replies|answered|answers|asked|asks|wrote|writes|claimed|claims|stressed|stresses|admitted|admits|acknowledged|quipped|joked|declared|observed|remarked|conceded|believes|believed|pressed|presses|countered|counters|responded|responds|texted|posted|tweeted|mused|shot back|went on|goes on|offered|offers';
const ZH_VERB =
  '说道|說道|说|說|讲|講|表示|认为|認為|坦言|坦承|称|稱|指出|强调|強調|重申|补充道|補充道|补充|補充|回应|回應|回复|回覆|答道|直言|警告|写道|寫道|提到|谈到|談到|问道|問道|追问|追問|反问|反問|问|問|回答|透露|解释|解釋|笑称|笑稱|回忆道|回憶道|回忆|回憶|忆述|憶述|形容|续说|續說|感叹|感嘆|留言|告诉|告訴|道';

/** Between a Chinese name and its verb: "阿莫迪在訪問尾段重申", "主持人其後說" (not across 的, a clause or a quote). */
const ZH_GAP = '[^，,。：:「」“”『』！？!?的\\n]{0,12}?';

/** Role nouns and pronouns: whoever was named last. */
const PRONOUN_EN = "\\b(?:he|He|she|She)\\b|\\b[Tt]he (?:CEO|chief executive|co-founder|founder|executive|\\d{2}-year-old|physicist-turned-executive|physicist|billionaire|entrepreneur)\\b";
const PRONOUN_ZH =
  '(?<![其吉])他(?![们們人])|她(?![们們])|(?:这位|這位|该|該|此位)[\\u3400-\\u9fff\\uf900-\\ufaffA-Za-z]{0,8}?(?:CEO|首席执行官|首席執行官|执行长|執行長|行政总裁|行政總裁|创始人|創始人|创办人|創辦人|掌门人|掌門人|掌舵人|负责人|負責人|博士|企业家|企業家|科学家|科學家)';
const PRONOUN = `${PRONOUN_EN}|${PRONOUN_ZH}`;
const FEMALE_RE = /^(?:she|She|她)$/;
const PLAIN_PRONOUN_RE = /^(?:he|He|she|She|他|她)$/;

/** Someone else, unnamed: a spokesperson, "the company". */
const SPOKES =
  "(?:[Aa]n? |[Tt]he )?(?:[A-Z][\\w.]+(?:['’]s)? )?(?:spokesperson|spokeswoman|spokesman|representative|statement)|[Tt]he company|(?:Anthropic|Nvidia|NVIDIA|Meta|OpenAI|Google|Microsoft|Amazon|英伟达|英偉達|輝達|谷歌|微软|微軟|亚马逊|亞馬遜)(?= ?(?:said|says|told|declined|responded|replied|wrote|added|in a statement|表示|回应|回應|称|稱|回复|回覆|在声明中|在聲明中))|发言人|發言人|公关代表|公關代表|公关|公關|该公司|該公司|Anthropic ?方面|官方|声明|聲明";

/** Words that start a capitalised run but are not names. */
const NOT_NAMES = new Set(
  'The A An In On At As But And Or So If When While After Before During This That These Those It Its His Her Their There Here What Why How Who Anthropic OpenAI Google Meta Nvidia NVIDIA Claude AI Big Technology Podcast Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Chinese English American Silicon Valley Washington China Machines Loving Grace Still Yet Asked Later Then Earlier Claimed Verdict Real Not Some Several Another Every Each One Mailbag Fair Yes No Happy Welcome Today My Our Your We You They I Full Also Agree Please Standard Bonus Scorecard Links Finally Three Two CNBC API GPU SWE Sonnet Opus Haiku Slack Pfizer Amazon Microsoft Twitter Windsurf EPI Example Tech Desk Reporting Editing Photographs Features Essay Issue Posted Filed Members Briefing Receipts Signal Stack Margins Notes Show Dev Monthly Quarterly Review Business Newswire Wire Press International San Francisco Princeton Stanford Baidu Gulf European Union Act Europe Memphis London Dublin Tokyo Responsible Scaling Policy GMT PM AM Jenna'.split(
    ' ',
  ),
);
const OTHER_EN = '[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+|[A-Z][a-z]{2,}';

const CLAUSE_END = /[。！？!?；;，,：:\n—]|\.\s/g;
/**
 * A mention at the head of its clause ("随后他问道", "Then Amodei said", "Dario's response"):
 * after at most a short adverbial, never after a preposition ("asked by Kantrowitz").
 */
export function isSubject(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  let cut = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(before); m; m = CLAUSE_END.exec(before)) cut = m.index + m[0].length;
  const head = (at - 40 > 0 && cut === 0 ? null : before.slice(cut).trim());
  if (head === null) return false;
  if (!head) return true;
  if (/[\p{Script=Han}]/u.test(head)) return head.length <= 6 && !/[了对對向跟和与與被把将將给給批评評问問说說讲講谈談列举舉提]/.test(head);
  const words = head.split(/\s+/);
  return words.length <= 2 && !/\b(?:of|by|to|with|for|from|about|on|at|and|as|than|told|asked|quoted)$/i.test(head);
}

export interface Attribution {
  classifyName(name: string): PageSpeaker | null;
  speakerAfter(text: string, closedWithPeriod?: boolean): Mention | null;
  findMentions(text: string): Mention[];
  speakerBefore(tail: string): Mention | null;
  findIndirect(text: string): IndirectQuote[];
}

export interface IndirectQuote {
  start: number;
  end: number;
  subject: Mention;
}

/** The attribution rules over a list of people (the built-in ones, plus any a reader added). */
export function createAttribution(people: Person[] = BUILTIN_PEOPLE): Attribution {
  const names = compileNames(people);
  const KNOWN = names.source;
  const NAME_OR_PRONOUN = `(${KNOWN}|${SPOKES}|${PRONOUN}|${OTHER_EN})`;
  // A whole alias is looked up by its key (no regex to compile: the names are long).
  const KNOWN_RE = { test: (t: string) => names.personOf(t) !== null };
  const PRONOUN_RE = new RegExp(`^(?:${PRONOUN})$`);
  const SPOKES_RE = new RegExp(`^(?:${SPOKES})$`);

  function classifyName(name: string): PageSpeaker | null {
    const n = name.trim();
    const p = KNOWN_RE.test(n) ? names.personOf(n) : null;
    if (p) return { kind: p.role, name: n };
    if (SPOKES_RE.test(n)) return { kind: 'other', name: n };
    if (/^[A-Z]/.test(n)) {
      const words = n.split(/[ -]/);
      // "Anthropic's Dario Amodei" style runs are caught by the known names; drop the rest.
      if (words.some((w) => NOT_NAMES.has(w))) return null;
      return { kind: 'other', name: n };
    }
    return null;
  }

  function mentionOf(text: string, start: number): Mention {
    const pronoun = PRONOUN_RE.test(text) && !KNOWN_RE.test(text);
    const person = !pronoun && KNOWN_RE.test(text) ? names.personOf(text) : null;
    return {
      start,
      end: start + text.length,
      text,
      speaker: pronoun ? null : classifyName(text),
      ...(pronoun && FEMALE_RE.test(text) ? { female: true } : {}),
      ...(pronoun && !PLAIN_PRONOUN_RE.test(text) ? { role: true } : {}),
      ...(person ? { known: true } : {}),
      ...(person?.female ? { female: true } : {}),
      // Role nouns ("the CEO", "the 42-year-old") stand for the story's executives, never for the host.
      ...(person && (person.role === 'amodei' || (person.role === 'other' && person.titles.length > 0)) ? { titled: true } : {}),
    };
  }

  const usable = (me: Mention) => me.speaker !== null || PRONOUN_RE.test(me.text);

  const ADVERB_EN = '(?:(?:also|then|later|again|once|has|had|simply|quickly|finally|flatly|only|just|would|will|went on to|goes on to)\\s+)?';
  // A name right after the quote, then an English verb, a Chinese verb, or "was describing" (one
  // regex for the three: each copy of the names costs compile time at the start of a scan).
  const AFTER_NAME = new RegExp(
    `^[\\s,，、—–-]*${NAME_OR_PRONOUN}(?:(?:,[^,"“”]{1,60},)?\\s*${ADVERB_EN}(?:${EN_VERB})\\b|${ZH_GAP}(?:${ZH_VERB})|\\s+(?:was|is|had been)\\s+(?:describing|explaining|referring|talking|speaking|answering|responding|recalling|quoting)\\b)`,
  );
  /** "…" attributed to Amodei / 把「…」安在阿莫代頭上 / 「…」歸於阿莫迪 / "…," according to Amodei. */
  const AFTER_CREDITED = new RegExp(`^[^。.!?！？「」“”]{0,16}?(?:安在|算在|扣在|归于|歸於|归到|歸到|归给|歸給|attributed to|credited to|in the mouth of|put in the mouth of|according to)\\s*${NAME_OR_PRONOUN}`);
  const AFTER_EN_INVERTED = new RegExp(`^[\\s,，]*(?:${EN_VERB})\\s+(?:(?:Anthropic(?:'s|’s)?\\s+)?(?:CEO|chief executive|co-founder|chief)\\s+)?${NAME_OR_PRONOUN}`);
  const AFTER_SOMEONE_EN = new RegExp(`^[\\s,，—–-]*((?:a|an|one|another|my|our)\\s+(?:[\\w-]+\\s+){0,6}?[\\w-]+)(?:,[^,]{1,60},)?\\s+(?:${EN_VERB})\\b`);
  const AFTER_SOMEONE_ZH = new RegExp(`^[\\s,，、—–-]*((?:一位|一名|一間|一间|一家|有|某|另一位|另一名)[\\u3400-\\u9fff\\uf900-\\ufaffA-Za-z]{1,20}?)(?:${ZH_VERB})`);

  /**
   * `closedWithPeriod`: the English quote ended its sentence ("….”): a capitalised "An Anthropic
   * spokesperson later said" after it starts a new statement, not a tag of this quote.
   */
  function speakerAfter(text: string, closedWithPeriod = false): Mention | null {
    const head = text.slice(0, 100);
    if (closedWithPeriod && /^\s*(?:[Aa]n?\s|[Tt]he\s|[A-Z][\w'’]*\s+(?:later|also|then|separately)\b)/.test(head) && !/^\s*[Tt]he\s+(?:host|interviewer|CEO)\b/.test(head)) return null;
    for (const re of [AFTER_NAME, AFTER_EN_INVERTED, AFTER_CREDITED]) {
      const m = re.exec(head);
      if (!m) continue;
      const at = re === AFTER_EN_INVERTED ? m.index + m[0].lastIndexOf(m[1]) : m.index + m[0].indexOf(m[1]);
      const me = mentionOf(m[1], at);
      if (usable(me)) return me;
    }
    // Someone unnamed: "a spokesperson said", "一位发言人表示".
    const m = AFTER_SOMEONE_EN.exec(head) ?? AFTER_SOMEONE_ZH.exec(head);
    if (m) {
      const at = m.index + m[0].indexOf(m[1]);
      return { start: at, end: at + m[1].length, text: m[1], speaker: { kind: 'other', name: m[1] } };
    }
    return null;
  }

  const MENTION_RE = new RegExp(NAME_OR_PRONOUN, 'g');

  /** Every name, title and pronoun in `text`, in order (capitalised English runs only when they name someone). */
  function findMentions(text: string): Mention[] {
    const out: Mention[] = [];
    const re = MENTION_RE;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[1]) {
        re.lastIndex++;
        continue;
      }
      const me = mentionOf(m[1], m.index);
      if (isSubject(text, m.index)) me.subject = true;
      // A lone capitalised word (a sentence start, a company) names someone only next to a speech verb.
      if (me.speaker?.kind === 'other' && !me.known && !SPOKES_RE.test(m[1]) && !/[ -]/.test(m[1])) continue;
      if (usable(me)) out.push(me);
    }
    return out;
  }

  // "Kantrowitz read out Huang's remark:", "主持人转述了老黄的原话：", "引述阿莫迪的話": the words are the named person's.
  const QUOTING = new RegExp(
    `(?:read out|reads out|quoted|quotes|quoting|cited|cites|citing|paraphrased|in (?:[A-Z]\\w+|his|her)['’]?s? telling|转述|轉述|引述|援引|引用|转引|轉引|复述|複述)(?:了)?\\s*(?:[\\w-]+\\s+){0,3}?${NAME_OR_PRONOUN}`,
    'g',
  );
  const QUOTING_BARE = /read out|reads out|quoted|quotes|转述|轉述|引述|援引|转引|轉引|复述|複述/g;
  const POSSESSIVE = new RegExp(`${NAME_OR_PRONOUN}(?:['’]s|的)\\s*(?:[\\w-]+\\s+){0,1}?(?:reply|response|answer|retort|rebuttal|words|verdict|line|take|remark|comment|view|原话|原話|说法|說法|講法|讲法|看法|回应|回應|回答|答覆|答复|话|話|评论|評論|名言|语录|語錄)`, 'g');
  const SUBJECT_RE = new RegExp(`${NAME_OR_PRONOUN}(?:,[^,"“”]{1,80},\\s*|[\\s,，]+(?:[\\w’'-]+\\s+){0,3}?|${ZH_GAP})(?:${EN_VERB}|${ZH_VERB})`, 'g');
  const SOMEONE_BEFORE_RE = new RegExp(`((?:[Aa]n?|[Oo]ne|[Aa]nother|[Mm]y|[Oo]ur)\\s+(?:[\\w-]+\\s+){0,8}?[\\w-]+)(?:,[^,]{1,80},)?\\s+(?:${EN_VERB})\\b[^.!?]*$`);
  const SOMEONE_BEFORE_ZH = new RegExp(`((?:一位|一名|一間|一间|一家|某|另一位|另一名|有)[^，,。：:「」“”]{1,24}?)(?:${ZH_VERB})[^。！？]*$`);

  function lastMatch(re: RegExp, tail: string, group = 1): Mention | null {
    re.lastIndex = 0;
    let best: Mention | null = null;
    for (let m = re.exec(tail); m; m = re.exec(tail)) {
      const at = m.index + m[0].lastIndexOf(m[group]);
      const me = mentionOf(m[group], at);
      // "阿莫迪对主持人说" / "told Kantrowitz": the one spoken to is not the speaker.
      const object = re === SUBJECT_RE && /(?:[对對向跟与與给給]|告诉|告訴|\btold|\basked|\bto)\s*$/.test(tail.slice(Math.max(0, at - 8), at));
      if (usable(me) && !object) best = me;
      re.lastIndex = m.index + Math.max(1, m[0].indexOf(m[group]) + m[group].length);
    }
    return best;
  }

  /**
   * The speaker named before a quote in the same sentence: whose words a quoting verb names
   * (`read out Huang's remark:` → Huang), whose reply it is (`Amodei's reply:`), the subject of a
   * speech verb (`Amodei told Kantrowitz:` → Amodei), someone unnamed (`an analyst said`), else
   * the last name or pronoun.
   */
  function speakerBefore(tail: string): Mention | null {
    const quoting = lastMatch(QUOTING, tail);
    const possessive = lastMatch(POSSESSIVE, tail);
    const subject = lastMatch(SUBJECT_RE, tail);
    // The cue nearest the quote wins.
    const cues = [quoting, possessive, subject].filter((x): x is Mention => x !== null);
    // "黄仁勋批评阿莫迪，主持人转述了这段话：" — the quoting verb names nobody: the subject of the clause before.
    QUOTING_BARE.lastIndex = 0;
    let q = -1;
    for (let m = QUOTING_BARE.exec(tail); m; m = QUOTING_BARE.exec(tail)) q = m.index;
    if (q >= 0 && !(quoting && quoting.start > q)) {
      let clause = 0;
      const cut = /[。！？!?；;，,]|\.\s/g;
      for (let m = cut.exec(tail); m && m.index < q; m = cut.exec(tail)) clause = m.index + 1;
      const earlier = findMentions(tail).filter((m) => m.start < clause && m.subject && m.speaker && m.speaker.kind !== 'host');
      if (earlier.length) return earlier[earlier.length - 1];
    }
    if (cues.length) return cues.reduce((a, b) => (b.start > a.start ? b : a));
    const someone = SOMEONE_BEFORE_RE.exec(tail) ?? SOMEONE_BEFORE_ZH.exec(tail);
    if (someone) return { start: someone.index, end: someone.index + someone[1].length, text: someone[1], speaker: { kind: 'other', name: someone[1] } };
    const all = findMentions(tail);
    return all.length ? all[all.length - 1] : null;
  }

  const SOMEONE = '(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+';
  const SOMEONE_RE = new RegExp(`^(?:${SOMEONE})$`);
  const EN_INDIRECT = new RegExp(
    `(${KNOWN}|${OTHER_EN}|${PRONOUN_EN}|${SOMEONE})\\s+(?:(?:also|has|had|once|repeatedly|previously|then|\\w+ly)\\s+)?(?:said|says|argued|argues|warned|warns|believes|believed|insisted|insists|claimed|claims|noted|notes|stressed|added|explained|told (?:${KNOWN}|[\\w’']+(?: \\w+)?))(?:,\\s*[^,]{0,40},)?\\s+that\\s+`,
    'g',
  );
  const ZH_INDIRECT = new RegExp(`(${KNOWN}|${PRONOUN_ZH})${ZH_GAP}(?:表示|认为|認為|坦言|称|稱|指出|强调|強調|警告|说|說)[,，:：]`, 'g');

  /**
   * Sentences the page attributes without quotation marks: `Amodei argued that …`,
   * `阿莫迪表示,…`. The quote runs from after the tag to the end of the sentence.
   */
  function findIndirect(text: string): IndirectQuote[] {
    const out: IndirectQuote[] = [];
    for (const re of [EN_INDIRECT, ZH_INDIRECT]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const someone = SOMEONE_RE.test(m[1]);
        const subject = someone ? { start: m.index, end: m.index + m[1].length, text: m[1], speaker: { kind: 'other' as const, name: m[1] } } : mentionOf(m[1], m.index);
        if (!usable(subject)) continue;
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

  return { classifyName, speakerAfter, findMentions, speakerBefore, findIndirect };
}

const builtin = createAttribution();
export const classifyName = builtin.classifyName;
export const speakerAfter = builtin.speakerAfter;
export const findMentions = builtin.findMentions;
export const speakerBefore = builtin.speakerBefore;
export const findIndirect = builtin.findIndirect;

/** The stretch of `text` before `at` that belongs to the same sentence (stops at 。！？ and `. `). */
export function sentenceTail(text: string, from: number, at: number): { text: string; start: number } {
  const slice = text.slice(from, at);
  const re = /[。！？!?]|\.(?=\s)/g;
  let cut = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) cut = m.index + 1;
  return { text: slice.slice(cut), start: from + cut };
}
