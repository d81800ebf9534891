/**
 * UI strings. The manifest, context menu and command use browser.i18n (the
 * browser's language). Pages and the card use the same _locales/<lang>/messages.json
 * files loaded by us, so that the "Interface language" option can override the
 * browser's choice — browser.i18n itself cannot be switched at runtime.
 */
import { browser } from 'wxt/browser';
import type { UiLanguage } from './settings';

export type Lang = 'en' | 'zh_CN' | 'zh_TW';
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type Messages = Record<string, MessageEntry>;
export type T = (key: string, ...subs: Array<string | number>) => string;

export const LANGS: readonly Lang[] = ['en', 'zh_CN', 'zh_TW'];

/** Chrome's substitution rules: `$NAME$` → placeholder content, then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: MessageEntry, subs: Array<string | number> = []): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
    return ph ? ph.content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_w, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}

/** Maps the option (or the browser language for `auto`) to one of our three locales. */
export function resolveLanguage(setting: UiLanguage, browserLanguage?: string): Lang {
  if (setting !== 'auto') return setting;
  const tag = (browserLanguage ?? safeUiLanguage()).toLowerCase().replace('_', '-');
  if (!tag.startsWith('zh')) return 'en';
  if (/^zh-(tw|hk|mo)\b/.test(tag) || tag.includes('hant')) return 'zh_TW';
  return 'zh_CN';
}

function safeUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}

/** BCP 47 tag for `lang` attributes. */
export function htmlLang(lang: Lang): string {
  return lang.replace('_', '-');
}

/** Builds a translator over a messages table; unknown keys fall back to `fallback`, then to the key itself. */
export function createT(messages: Messages, fallback?: Messages): T {
  return (key, ...subs) => {
    const entry = messages[key] ?? fallback?.[key];
    return entry ? formatMessage(entry, subs) : key;
  };
}

const cache = new Map<Lang, Promise<Messages>>();

/** Loads `_locales/<lang>/messages.json` from the extension package (extension pages and the worker only). */
export function loadMessages(lang: Lang): Promise<Messages> {
  let p = cache.get(lang);
  if (!p) {
    const url = browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/en/messages.json');
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`messages for ${lang}: HTTP ${r.status}`);
      return r.json() as Promise<Messages>;
    });
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

/** Translator for the chosen interface language, falling back to English for missing keys. */
export async function loadT(setting: UiLanguage): Promise<{ lang: Lang; t: T; messages: Messages }> {
  const lang = resolveLanguage(setting);
  const [messages, en] = await Promise.all([loadMessages(lang), lang === 'en' ? null : loadMessages('en')]);
  return { lang, t: createT(messages, en ?? undefined), messages };
}
