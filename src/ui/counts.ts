/**
 * Counts and sizes in the interface language: "1 paragraph" / "2 paragraphs" (Intl.PluralRules:
 * English has one/other, Chinese has no plural so only the plain key is used), numbers grouped the
 * way the locale writes them ("1,234"), file sizes in kB/MB.
 *
 * A counted message has a plain key (the `other` form, "$1 paragraphs") and, where the language
 * has them, keys for the other categories (`…_one`: "$1 paragraph"). Every locale file names its
 * own BCP 47 tag under `uiLocale`, so a translator `t` is all a component needs.
 */
import type { T } from '../ext/i18n';

/** The interface's BCP 47 tag (English when the messages do not say). */
export function uiLocale(t: T): string {
  const tag = t('uiLocale');
  if (!tag || tag === 'uiLocale') return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function formatNumber(n: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

function category(n: number, locale: string): Intl.LDMLPluralRule {
  try {
    return new Intl.PluralRules(locale).select(n);
  } catch {
    return n === 1 ? 'one' : 'other';
  }
}

/** `key` with `n` (formatted) in the plural form the interface language uses for `n`; other placeholders follow. */
export function countText(t: T, key: string, n: number, ...more: Array<string | number>): string {
  const locale = uiLocale(t);
  const num = formatNumber(n, locale);
  const cat = category(n, locale);
  if (cat !== 'other') {
    const k = `${key}_${cat}`;
    const s = t(k, num, ...more);
    if (s !== k) return s;
  }
  return t(key, num, ...more);
}

/**
 * A byte count as "812 bytes", "48.2 kB", "3.4 MB" in the locale's digits. Multiples of 1024, as the
 * file dialogs of Windows show them and as the size limits here are set ("up to 20 MB").
 */
export function formatSize(bytes: number, locale: string): string {
  const units = [
    ['megabyte', 1024 * 1024],
    ['kilobyte', 1024],
  ] as const;
  const fmt = (value: number, unit: string, long: boolean) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: long ? 'long' : 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    } catch {
      return `${Math.round(value * 10) / 10} ${unit === 'megabyte' ? 'MB' : unit === 'kilobyte' ? 'kB' : 'bytes'}`;
    }
  };
  for (const [unit, size] of units) {
    // 1000 kB reads as "1 MB" (0.98 MB rounds up); a kilobyte starts at 1000 bytes.
    if (bytes >= size * 0.9765625) return fmt(bytes / size, unit, false);
  }
  return fmt(Math.max(0, Math.round(bytes)), 'byte', true);
}
