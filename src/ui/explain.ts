/**
 * The matcher's keyed explanations in the interface language: the message for `key`, its
 * `{name}` placeholders filled from `params` (a parameter that is itself a message key, such as
 * `where_intro`, is translated too). Text only: the result is rendered as a text node.
 */
import type { T } from '../ext/i18n';
import type { Explanation } from '../types';

export function explain(t: T, e: Explanation): string {
  const text = t(e.key);
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const v = e.params?.[name];
    if (v === undefined) return whole;
    return typeof v === 'string' && /^where_[a-z_]+$/.test(v) ? t(v) : String(v);
  });
}

/** Message key of a headline (`gloss-close` → `headline_gloss_close`). */
export function headlineKey(headline: string): string {
  return `headline_${headline.replace(/-/g, '_')}`;
}
