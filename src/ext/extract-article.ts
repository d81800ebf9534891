/** The article of a page, for "Add this page". Runs in the page's isolated world. */
import { Readability } from '@mozilla/readability';

export interface ExtractedPage {
  title: string;
  url: string;
  /** Readability's cleaned article HTML (parsed to text by the Sources page, never rendered). */
  html?: string;
  /** The article's plain text (or the page's, when Readability found no article). */
  text?: string;
  /** The line Readability took out as the byline ("Recorded 11 February 2025", "By …"): it may hold the date. */
  byline?: string;
}

/** Enough for a long interview transcript; a larger page is cut (and the preview shows what was read). */
const MAX_CHARS = 4 * 1024 * 1024;

/** Cookie and consent notices by their names (`#cookie-consent`, `.gdpr-banner`, OneTrust's). */
const NOTICE_NAME = /(?:^|[-_\s])(?:cookies?|consent|gdpr|onetrust)(?:[-_\s]|$)/i;
const NOTICE_TEXT = /\bcookies?\b|\bconsent\b/i;
const NOTICE_BUTTON = /^\s*(?:accept|agree|allow|reject|decline|manage|got it|ok|okay|i understand|close)\b/i;
const NOTICE_MAX = 2000;

/**
 * Removes cookie and consent notices from a copy of the page before Readability reads it: they
 * are written as sentences, so Readability can take one for a paragraph next to the article. A
 * notice is an element named like one, or a short block around an "Accept…" button that talks
 * about cookies or consent; the words of a transcript are never either.
 */
export function dropNotices(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('body *'))) {
    const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (NOTICE_NAME.test(names) && (el.textContent ?? '').length < NOTICE_MAX) el.remove();
  }
  for (const button of Array.from(doc.querySelectorAll<HTMLElement>('button, [role="button"], a, input[type="button"], input[type="submit"]'))) {
    // Already gone with a notice (a detached copy's nodes do not all report isConnected alike).
    if (!doc.body?.contains(button)) continue;
    const label = button.textContent || (button as HTMLInputElement).value || '';
    if (!NOTICE_BUTTON.test(label)) continue;
    let box: HTMLElement | null = button.parentElement;
    for (let up = 0; box && box !== doc.body && up < 4; up++, box = box.parentElement) {
      const text = box.textContent ?? '';
      if (text.length >= NOTICE_MAX) break;
      if (NOTICE_TEXT.test(text)) {
        box.remove();
        break;
      }
    }
  }
}

export function extractArticle(doc: Document, url: string): ExtractedPage {
  const title = (doc.title || '').trim();
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    const copy = doc.cloneNode(true) as Document;
    dropNotices(copy);
    article = new Readability(copy, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const byline = article.byline?.replace(/\s+/g, ' ').trim();
    return {
      title: (article.title || title).trim(),
      url,
      html: article.content.slice(0, MAX_CHARS),
      text: (article.textContent ?? '').slice(0, MAX_CHARS),
      ...(byline ? { byline: byline.slice(0, 300) } : {}),
    };
  }
  return { title, url, text: (doc.body?.innerText ?? '').slice(0, MAX_CHARS) };
}
