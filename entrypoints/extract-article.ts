/**
 * Injected into the reader's tab by the popup's "Add this page" (activeTab: only after that
 * click). Reads the article with Mozilla's Readability on a clone of the document, so the page
 * itself is not changed, and returns it to the popup (the unlisted script's return value is
 * what executeScript resolves with). Nothing is saved here: the Sources page shows a preview.
 */
import { extractArticle } from '../src/ext/extract-article';

export default defineUnlistedScript(() => extractArticle(document, location.href));
