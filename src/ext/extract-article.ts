/** The article of a page, for "Add this page". Runs in the page's isolated world. */
import { Readability } from '@mozilla/readability';

export interface ExtractedPage {
  title: string;
  url: string;
  /** Readability's cleaned article HTML (parsed to text by the Sources page, never rendered). */
  html?: string;
  /** The article's plain text (or the page's, when Readability found no article). */
  text?: string;
}

/** Enough for a long interview transcript; a larger page is cut (and the preview shows what was read). */
const MAX_CHARS = 4 * 1024 * 1024;

export function extractArticle(doc: Document, url: string): ExtractedPage {
  const title = (doc.title || '').trim();
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    return { title: (article.title || title).trim(), url, html: article.content.slice(0, MAX_CHARS), text: (article.textContent ?? '').slice(0, MAX_CHARS) };
  }
  return { title, url, text: (doc.body?.innerText ?? '').slice(0, MAX_CHARS) };
}
