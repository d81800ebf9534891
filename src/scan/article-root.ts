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
  via: 'article' | 'readability' | 'body';
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
