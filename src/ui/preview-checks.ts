/** What the Sources page's preview checks before it lets the reader save. */
import type { SourceDraft } from '../sources/draft';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A BCP 47 tag Verbatim can use: `en`, `zh-Hans`, `de-CH`… (not `und`, the parser's "could not tell"). */
export function languageKnown(tag: string): boolean {
  const l = tag.trim();
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l) && !/^und\b/i.test(l);
}

/** Why Save must wait, as message keys (empty: it may go). The store refuses the same dates. */
export function saveProblems(draft: Pick<SourceDraft, 'title' | 'language' | 'date'>): string[] {
  const out: string[] = [];
  if (!draft.title.trim()) out.push('sourcesTitleNeeded');
  if (!languageKnown(draft.language)) out.push('sourcesLanguageNeeded');
  const date = (draft.date ?? '').trim();
  if (date && !DATE.test(date)) out.push('sourcesDateInvalid');
  return out;
}
