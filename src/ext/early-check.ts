/**
 * The check of a menu click's selection, begun at the click while the card script is injected
 * (the worker is idle meanwhile, and injecting takes tens of ms). The card then asks for its own
 * selection's check; it takes the begun one when the text is the same (the page's selection,
 * trimmed and capped as the card reads it), else its own text is checked. An answer not taken
 * is dropped once the card was shown, so it never serves a later check (sources may change).
 */
import { MAX_SELECTION } from './selection';

export function createEarlyCheck<T>(check: (text: string) => Promise<T>) {
  let early: { text: string; answer: Promise<T> } | null = null;
  return {
    /** At the click: begins the check of the menu's selection text (nothing for an empty one). */
    begin(selectionText: string | undefined): void {
      const text = (selectionText ?? '').trim().slice(0, MAX_SELECTION);
      if (!text) return;
      const answer = check(text);
      // a failure is the card's own check's to report
      answer.catch(() => undefined);
      early = { text, answer };
    },
    /** The card's check: the begun answer for the same text, else a check of its own. */
    answer(text: string): Promise<T> {
      const begun = early?.text === text ? early.answer : null;
      early = null;
      return begun ?? check(text);
    },
    /** The card was shown (or could not be): a begun answer left over is dropped. */
    clear(): void {
      early = null;
    },
  };
}
