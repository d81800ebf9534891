import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createT, formatMessage, resolveLanguage, type Messages } from '../../src/ext/i18n';

const load = (lang: string): Messages =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'));

describe('locales', () => {
  const en = load('en');
  for (const lang of ['zh_CN', 'zh_TW']) {
    it(`${lang} has exactly the English keys, with the same placeholders`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        expect(Object.keys(other[key].placeholders ?? {}), key).toEqual(Object.keys(entry.placeholders ?? {}));
        for (const ph of Object.keys(entry.placeholders ?? {})) expect(other[key].message, key).toContain(`$${ph.toUpperCase()}$`);
      }
    });
  }

  it('every key used by the UI code exists in English', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of fs.readdirSync(d)) {
        const p = path.join(d, f);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(f)) files.push(p);
      }
    };
    for (const d of ['src/ui', 'src/ext', 'entrypoints']) walk(path.resolve(import.meta.dirname, '../..', d));
    const used = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it('the manifest strings exist', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandCheck', 'menuCheck']) expect(en).toHaveProperty(key);
  });
});

describe('formatMessage', () => {
  it('fills named placeholders from $1…$9 and keeps $$ as $', () => {
    const entry = { message: '$COUNT$ quotes cost $$5', placeholders: { count: { content: '$1' } } };
    expect(formatMessage(entry, [3])).toBe('3 quotes cost $5');
  });

  it('createT falls back to a second table, then to the key', () => {
    const t = createT({ a: { message: 'A' } }, { b: { message: 'B' } });
    expect([t('a'), t('b'), t('c')]).toEqual(['A', 'B', 'c']);
  });
});

describe('resolveLanguage', () => {
  it('maps browser languages onto en / zh_CN / zh_TW, and respects an explicit choice', () => {
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'zh')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-HK')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-Hant-SG')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('zh_TW', 'en-US')).toBe('zh_TW');
  });
});
