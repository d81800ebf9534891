/** The people lists: every Chinese form in both scripts, names matched across dots and spaces, reader aliases cleaned. */
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { AMODEI, BUILTIN_PEOPLE, HUANG, KANTROWITZ, aliasPattern, compileNames, nameKey, parseAliases, peopleFromSpeakers } from '../../src/people/aliases';

const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHans = OpenCC.Converter({ from: 'tw', to: 'cn' });
const names = compileNames(BUILTIN_PEOPLE);
const re = new RegExp(`^(?:${names.source})$`);
const who = (s: string) => (re.test(s) ? names.personOf(s)?.id : undefined);

describe('alias lists', () => {
  it('list every Chinese name and title in Simplified and Traditional', () => {
    const missing: string[] = [];
    for (const p of BUILTIN_PEOPLE) {
      const keys = new Set([...p.names, ...p.titles].map(nameKey));
      for (const a of [...p.names, ...p.titles].filter((x) => /\p{Script=Han}/u.test(x))) {
        // Every form has its Simplified twin; a Simplified form has its Traditional one.
        const hans = toHans(a);
        if (!keys.has(nameKey(hans))) missing.push(`${p.id}: ${a} → ${hans}`);
        if (a === hans && !keys.has(nameKey(toHant(a)))) missing.push(`${p.id}: ${a} → ${toHant(a)}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('give no alias to two people', () => {
    const owner = new Map<string, string>();
    for (const p of BUILTIN_PEOPLE)
      for (const a of [...p.names, ...p.titles]) {
        const k = nameKey(a);
        expect(owner.get(k) ?? p.id, `${a}: ${owner.get(k)} and ${p.id}`).toBe(p.id);
        owner.set(k, p.id);
      }
  });
  it('hold the transliterations of mainland, Taiwanese and Hong Kong media, Latin letters and titles', () => {
    for (const s of ['阿莫迪', '阿莫代', '阿莫戴', '阿莫代伊', '达里奥·阿莫迪', '達里歐·阿莫代', 'Dario Amodei', 'Amodei', 'Anthropic CEO', 'Anthropic 首席执行官', 'Anthropic執行長', 'Anthropic行政總裁', 'the Anthropic chief', 'Anthropic 联合创始人'])
      expect(who(s), s).toBe('amodei');
    for (const s of ['坎特罗维茨', '康特羅維茨', 'Alex Kantrowitz', 'Kantrowitz', 'the host', 'The host', '主持人', '節目主持人']) expect(who(s), s).toBe('kantrowitz');
    for (const s of ['黃仁勳', '黄仁勋', '老黄', 'Jensen Huang', 'Nvidia CEO', '英伟达 CEO', '輝達執行長', 'the Nvidia chief']) expect(who(s), s).toBe('huang');
    expect(AMODEI.role).toBe('amodei');
    expect(KANTROWITZ.role).toBe('host');
    expect(HUANG.role).toBe('other');
  });
  it('match names across middle dots and spaces, and the given name or surname alone', () => {
    for (const s of ['达里奥·阿莫迪', '达里奥‧阿莫迪', '达里奥・阿莫迪', '达里奥•阿莫迪', '达里奥 阿莫迪', '达里奥阿莫迪', '達里歐‧阿莫代', 'Dario  Amodei', '达里奥', '阿莫迪', 'Dario'])
      expect(who(s), s).toBe('amodei');
    // Daniela Amodei is not her brother, whatever the dot.
    expect(who('丹妮拉·阿莫迪')).toBe('daniela-amodei');
    expect(who('丹妮拉‧阿莫迪')).toBe('daniela-amodei');
    expect(who('Daniela Amodei')).toBe('daniela-amodei');
  });
  it('match the longest alias (one prefix tree holds them all)', () => {
    const find = new RegExp(names.source, 'g');
    expect('达里奥·阿莫代伊说，阿莫代表示，Dario Amodei said, the Anthropic chief executive'.match(find)).toEqual(['达里奥·阿莫代伊', '阿莫代', 'Dario Amodei', 'the Anthropic chief']);
    expect('Anthropic’s chief executive'.match(find)).toEqual(['Anthropic’s chief executive']);
    expect(names.personOf('达里奥·阿莫代伊')?.id).toBe('amodei');
  });
  it('match whole words only in Latin letters, either apostrophe', () => {
    const find = new RegExp(names.source, 'g');
    expect('Darios and Amodeian'.match(find)).toBeNull();
    expect('Anthropic’s chief executive and Anthropic\'s chief executive'.match(find)).toEqual(['Anthropic’s chief executive', "Anthropic's chief executive"]);
    expect(aliasPattern('the host')).toBe('[tT]he[\\s·‧・•･]*host');
  });
});

describe('reader aliases', () => {
  it('are cleaned: split on commas, enumeration commas and lines, trimmed, deduplicated across dots and case, bounded', () => {
    expect(parseAliases(' 阿莫代 , 阿莫戴、Amodei\nAMODEI\n\n阿莫·代 ')).toEqual(['阿莫代', '阿莫戴', 'Amodei']);
    expect(parseAliases('x'.repeat(200))[0].length).toBe(60);
    expect(parseAliases(Array.from({ length: 100 }, (_, i) => `n${i}`).join(',')).length).toBe(40);
    expect(parseAliases('')).toEqual([]);
  });
  it('make the main speaker stand for Amodei and the others for someone else', () => {
    const people = peopleFromSpeakers([
      { id: 'sp1', name: 'DARIO', main: true, aliases: ['達里歐'] },
      { id: 'sp2', name: 'HOST', main: false, aliases: ['訪問者甲'] },
      { id: 'sp3', name: 'X', main: false },
    ]);
    expect(people.map((p) => [p.role, p.names])).toEqual([
      ['amodei', ['DARIO', '達里歐']],
      ['other', ['HOST', '訪問者甲']],
    ]);
  });
});
