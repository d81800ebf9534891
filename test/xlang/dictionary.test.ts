import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, buildDictionaryData } from '../../src/xlang/build';
import { DICTIONARY_FILE, SortedLines, parseDictionary, stemmerFingerprint, type DictionaryData } from '../../src/xlang/dictionary';
import { chineseConcepts, chineseNumber, englishConcepts, englishFigure } from '../../src/xlang/terms';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Lines in CC-CEDICT's own format (header, traditional, simplified, pinyin, senses).
const SAMPLE = `# CC-CEDICT
#! license=https://creativecommons.org/licenses/by-sa/4.0/
#! publisher=MDBG
#! date=2019-05-27T20:06:35Z
增長 增长 [zeng1 zhang3] /to grow/to increase/CL:個|个[ge4]/
營收 营收 [ying2 shou1] /sales/income/revenue/
收入 收入 [shou1 ru4] /to take in/income/revenue/CL:筆|笔[bi3],個|个[ge4]/
國家 国家 [guo2 jia1] /country/nation/state/CL:個|个[ge4]/
國 国 [guo2] /country/nation/state/national/CL:個|个[ge4]/
張 张 [Zhang1] /surname Zhang/
天才 天才 [tian1 cai2] /talent/gift/genius/talented/gifted/
的 的 [de5] /of/~'s (possessive particle)/(used after an attribute)/
每年 每年 [mei3 nian2] /every year/each year/yearly/
年 年 [nian2] /year/CL:個|个[ge4]/
AA制 AA制 [A A zhi4] /to split the bill/
`;

describe('dictionary build (CC-CEDICT → term maps)', () => {
  const data = buildDictionaryData(SAMPLE, 'test');
  const dict = parseDictionary(JSON.stringify(data));

  it('keeps the licence and the attribution', () => {
    expect(data.about.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(data.about.publisher).toBe('MDBG');
    expect(data.about.attribution).toBe(ATTRIBUTION);
    expect(data.about.attribution).toMatch(/CC-CEDICT.*Attribution-ShareAlike 4\.0.*Denisowski/s);
  });

  it('maps Chinese words to stemmed English terms by sense, and back', () => {
    expect(dict.english('增长').map((a) => a.term)).toEqual(['grow', 'increas']);
    expect(dict.english('增长')[0].weight).toBeGreaterThan(dict.english('增长')[1].weight);
    expect(dict.chinese('revenu').map((a) => a.term)).toEqual(expect.arrayContaining(['营收', '收入']));
    // single characters come after words, and only for their first sense
    expect(dict.chinese('countr').map((a) => a.term)).toEqual(['国家', '国']);
  });

  it('drops classifiers, surnames, particles and non-Han headwords', () => {
    expect(dict.english('国家').map((a) => a.term)).not.toContain('ge4');
    expect(dict.hasZh('张')).toBe(false);
    expect(dict.english('的').map((a) => a.term)).not.toContain('possessive');
    expect(dict.hasZh('AA制')).toBe(false);
  });

  it('keys Traditional forms folded to Simplified', () => {
    expect(dict.hasZh('营收')).toBe(true);
    expect(dict.hasZh('營收')).toBe(false);
  });

  it('looks up sorted lines by binary search', () => {
    const lines = new SortedLines('a\t1\nb\t2\nc\t3');
    expect(lines.get('a')).toBe('1');
    expect(lines.get('c')).toBe('3');
    expect(lines.get('bb')).toBeUndefined();
    expect(new SortedLines('').get('a')).toBeUndefined();
  });

  it('rejects a file that is not a dictionary', () => {
    expect(() => parseDictionary('{}')).toThrow(/dictionary/);
  });
});

describe('the shipped dictionary', () => {
  const text = readFileSync(`${ROOT}${DICTIONARY_FILE}`, 'utf8');
  const data = JSON.parse(text) as DictionaryData;
  const dict = parseDictionary(data);

  it('was built with the stemmer the matcher uses (else: npm run dictionary)', () => {
    expect(data.about.stemmer).toBe(stemmerFingerprint());
  });

  it('credits CC-CEDICT under CC BY-SA 4.0', () => {
    expect(data.about.license).toContain('by-sa/4.0');
    expect(data.about.attribution).toBe(ATTRIBUTION);
    expect(data.about.entries).toBeGreaterThan(100_000);
  });

  it('segments a Chinese quote by longest match, names and figures carried over', () => {
    const c = chineseConcepts('阿莫迪说，Anthropic的营收连续三年每年增长约十倍，达到100亿美元。', dict);
    const raw = c.map((x) => x.raw);
    expect(raw).toEqual(expect.arrayContaining(['Anthropic', '营收', '连续', '每年', '增长']));
    // the speaker's own name is attribution, not content; function words are dropped
    expect(raw.join(' ')).not.toMatch(/阿|莫迪|的/);
    expect(c.find((x) => x.raw === 'Anthropic')?.salient).toBe(true);
    expect(c.find((x) => x.raw === '100亿')?.alts.map((a) => a.term)).toEqual(['10', 'billion']);
    expect(c.find((x) => x.raw === '营收')?.alts.map((a) => a.term)).toContain('revenu');
  });

  it('turns an English quote into Chinese alternatives', () => {
    const c = englishConcepts('Revenue grew tenfold a year for three years, Amodei said.', dict);
    expect(c.find((x) => x.raw === 'Revenue')?.alts.map((a) => a.term)).toEqual(expect.arrayContaining(['收入', '营收']));
    expect(c.find((x) => x.raw === 'tenfold')?.alts.map((a) => a.term)).toEqual(expect.arrayContaining(['10', '十']));
    expect(c.some((x) => x.raw === 'Amodei')).toBe(false);
  });

  it('reads Chinese numerals', () => {
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('一百二十')).toBe(120);
    expect(chineseNumber('三千五百万')).toBe(35_000_000);
    expect(chineseNumber('两')).toBe(2);
    expect(Number.isNaN(chineseNumber('十年'))).toBe(true);
    expect(englishFigure(1e9)).toEqual(['1', 'billion']);
    expect(englishFigure(2e7)).toEqual(['20', 'million']);
    expect(englishFigure(30)).toEqual(['30']);
  });
});
