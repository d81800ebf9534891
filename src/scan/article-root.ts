/**
 * Where the article is. A page with one <article> (or one `itemprop=articleBody`) says so
 * itself; otherwise Mozilla's Readability runs on a clone of the document (it rewrites what it
 * is given) and the live element that holds the text nodes it kept is the root. The clone's
 * text nodes map back to the live ones by document order, so nothing of the page is touched.
 */
import { Readability } from '@mozilla/readability';

const TEXT = 3;

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === TEXT) out.push(n as Text);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}

function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p: Node | null = n; p; p = p.parentNode) out.push(p);
  return out.reverse();
}

function commonAncestor(nodes: Node[]): Element | null {
  if (!nodes.length) return null;
  let path = ancestors(nodes[0]);
  for (const n of nodes.slice(1)) {
    const other = ancestors(n);
    let i = 0;
    while (i < path.length && i < other.length && path[i] === other[i]) i++;
    path = path.slice(0, i);
  }
  for (let i = path.length - 1; i >= 0; i--) if (path[i].nodeType === 1) return path[i] as Element;
  return null;
}

export interface ArticleRoot {
  root: Element;
  via: 'article' | 'readability' | 'density' | 'body';
}

/**
 * Above this many paragraphs (about 150 000 characters of text), Readability (one pass that
 * cannot be cut, over a clone of the whole document: over half a second on a 1 MB page) would
 * freeze the page: paragraphs are scored in chunks instead, with a yield between chunks.
 */
export const READABILITY_MAX_PARAGRAPHS = 600;
const CHUNK = 50;
const FURNITURE = 'nav, aside, footer, header, form, menu, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"]';

/**
 * The article root without blocking the page: the marked article when there is one; Readability
 * on ordinary pages; on very long ones, the element whose paragraphs carry the most running text
 * (Readability's own idea: a paragraph scores for its parent, half for its grandparent), scored
 * in chunks with `pause` between them.
 */
export async function findArticleRootYielding(doc: Document, pause?: () => Promise<void> | void): Promise<ArticleRoot> {
  const body = doc.body ?? doc.documentElement;
  const marked = doc.querySelectorAll('article, [itemprop="articleBody"]');
  if (marked.length === 1) return { root: marked[0], via: 'article' };
  // Counting paragraphs is cheap; reading the whole text to measure it is not.
  if (body.getElementsByTagName('p').length <= READABILITY_MAX_PARAGRAPHS) return findArticleRoot(doc);
  const paras = body.querySelectorAll('p, pre, li, blockquote, td');
  const score = new Map<Element, number>();
  const add = (el: Element | null, s: number) => el && score.set(el, (score.get(el) ?? 0) + s);
  for (let i = 0; i < paras.length; i++) {
    if (i > 0 && i % CHUNK === 0 && pause) await pause();
    const p = paras[i];
    const text = p.textContent?.trim() ?? '';
    if (text.length < 25 || p.closest(FURNITURE)) continue;
    const s = 1 + Math.min(3, text.length / 100) + (text.match(/[,，、。.!?！？]/g)?.length ?? 0) / 4;
    add(p.parentElement, s);
    add(p.parentElement?.parentElement ?? null, s / 2);
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, s] of score) {
    if (s > top) {
      top = s;
      best = el;
    }
  }
  if (!best) return { root: body, via: 'body' };
  return { root: best.closest('article, main, [role="main"]') ?? best, via: 'density' };
}

export function findArticleRoot(doc: Document): ArticleRoot {
  const body = doc.body ?? doc.documentElement;
  const marked = doc.querySelectorAll('article, [itemprop="articleBody"]');
  if (marked.length === 1) return { root: marked[0], via: 'article' };
  try {
    const clone = doc.cloneNode(true) as Document;
    const live = textNodes(body);
    const copy = textNodes(clone.body ?? clone.documentElement);
    if (live.length !== copy.length) return { root: body, via: 'body' };
    const toLive = new Map<Node, Text>();
    copy.forEach((t, i) => toLive.set(t, live[i]));
    const parsed = new Readability<Node>(clone, { charThreshold: 100, serializer: (n) => n }).parse();
    const content = parsed?.content;
    if (!content) return { root: body, via: 'body' };
    const kept = textNodes(content)
      .map((t) => toLive.get(t))
      .filter((t): t is Text => !!t && t.data.trim().length > 0);
    let root = commonAncestor(kept);
    if (!root) return { root: body, via: 'body' };
    // Readability may keep only the best part: the enclosing <article>/<main> holds the rest.
    const wider = root.closest('article, main, [role="main"]');
    if (wider) root = wider;
    return { root, via: 'readability' };
  } catch {
    return { root: body, via: 'body' };
  }
}
