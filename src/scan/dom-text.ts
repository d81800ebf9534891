/**
 * The article's text as blocks (paragraphs, list items, block quotes), each the concatenation
 * of its live text nodes, so that offsets in a block map back to real DOM positions. Inline
 * elements (links, emphasis, <q>) are transparent: a quote may run across them. Navigation,
 * menus, asides, footers, comments and ads are skipped. Works on any standard DOM (the page,
 * happy-dom in the CLI and tests); it only reads.
 */

export interface TextPiece {
  node: Text;
  /** Offsets of this node's text within the block text. */
  start: number;
  end: number;
}

export interface Block {
  text: string;
  pieces: TextPiece[];
  /** The block element (for a pull quote's <cite>, scrolling, headings). */
  element: Element;
  /** Inside a <blockquote>. */
  blockquote: boolean;
  /** <q> elements in this block, as text ranges. */
  qSpans: Array<{ start: number; end: number }>;
  /** Text of a <cite> / <footer> of the enclosing blockquote (who the page says said it). */
  cite?: string;
}

const BLOCK_TAGS = new Set(
  'P DIV LI BLOCKQUOTE SECTION ARTICLE MAIN UL OL DL DT DD TABLE TBODY THEAD TR TD TH FIGURE FIGCAPTION PRE ADDRESS DETAILS SUMMARY CENTER HR BR'.split(' '),
);
const SKIP_TAGS = new Set(
  'NAV ASIDE FOOTER HEADER MENU FORM SCRIPT STYLE NOSCRIPT TEMPLATE BUTTON SELECT TEXTAREA INPUT OPTION IFRAME SVG CANVAS VIDEO AUDIO OBJECT EMBED H1 H2 H3 H4 H5 H6 CITE'.split(
    ' ',
  ),
);
const SKIP_ROLES = new Set(['navigation', 'complementary', 'menu', 'menubar', 'banner', 'contentinfo', 'search', 'dialog', 'toolbar']);
/** Class / id words of page furniture. */
const SKIP_WORDS = new Set(
  'comment comments reply replies disqus ad ads advert adverts advertisement sponsor sponsored promo promotion menu nav navbar sidebar related share sharing social newsletter subscribe signup cookie cookies banner breadcrumb breadcrumbs footer masthead toolbar popup modal outbrain taboola recommended trending'.split(
    ' ',
  ),
);

/** Pull quotes may sit in an <aside>: keep those. */
function isPullQuote(el: Element): boolean {
  return /pull-?quote|pullquote/i.test(`${el.getAttribute('class') ?? ''} ${el.id ?? ''}`);
}

export function isSkipped(el: Element): boolean {
  const tag = el.nodeName.toUpperCase();
  if (tag.startsWith('VERBATIM-')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (isPullQuote(el)) return false;
  if (SKIP_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const words = `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`.toLowerCase().split(/[\s_-]+/);
  return words.some((w) => SKIP_WORDS.has(w));
}

const ELEMENT = 1;
const TEXT = 3;

/** Nodes visited between two points where a caller may yield to the page. */
const STEP = 64;

/** The blocks of `root`; a generator that stops every STEP nodes, so that a caller can yield to the page. */
function* blocksOf(root: Element): Generator<void, Block[]> {
  let visited = 0;
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let quoteDepth = 0;
  let cite: string | undefined;

  const flush = () => {
    if (cur && cur.text.trim()) blocks.push(cur);
    cur = null;
  };
  const ensure = (el: Element): Block => {
    if (!cur) cur = { text: '', pieces: [], element: el, blockquote: quoteDepth > 0, qSpans: [], ...(cite ? { cite } : {}) };
    return cur;
  };

  function* walk(node: Node, blockEl: Element): Generator<void> {
    if (++visited % STEP === 0) yield;
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (!data) return;
      const b = ensure(blockEl);
      b.pieces.push({ node: node as Text, start: b.text.length, end: b.text.length + data.length });
      b.text += data;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const el = node as Element;
    if (isSkipped(el)) return;
    const tag = el.nodeName.toUpperCase();
    const isBlock = BLOCK_TAGS.has(tag);
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (isBlock || shadow) flush();
    const savedCite = cite;
    if (tag === 'BLOCKQUOTE') {
      quoteDepth++;
      cite = citeOf(el);
    }
    const here = isBlock ? el : blockEl;
    if (tag === 'Q') {
      const b = ensure(here);
      const start = b.text.length;
      for (const c of Array.from(el.childNodes)) yield* walk(c, here);
      const after = cur as Block | null;
      if (after && after === b) b.qSpans.push({ start, end: b.text.length });
      return;
    }
    // Open shadow roots hold text too (web-component news sites).
    if (shadow) {
      for (const c of Array.from(shadow.childNodes)) yield* walk(c, here);
      flush();
    }
    for (const c of Array.from(el.childNodes)) yield* walk(c, here);
    if (tag === 'BLOCKQUOTE') {
      quoteDepth--;
      cite = savedCite;
    }
    if (isBlock || shadow) flush();
  }
  yield* walk(root, root);
  flush();
  return blocks;
}

export function collectBlocks(root: Element): Block[] {
  const it = blocksOf(root);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** collectBlocks, calling `pause` (which may yield to the page) every few hundred nodes. */
export async function collectBlocksYielding(root: Element, pause?: () => Promise<void> | void): Promise<Block[]> {
  const it = blocksOf(root);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (pause) await pause();
  }
}



/** The attribution line of a block quote: `<cite>`, `<footer>`, or a last line starting with a dash. */
function citeOf(bq: Element): string | undefined {
  const c = bq.querySelector('cite, footer, figcaption');
  const t = c?.textContent?.replace(/^[\s—–-]+/, '').trim();
  if (t) return t;
  const parent = bq.parentElement;
  if (parent?.nodeName.toUpperCase() === 'FIGURE') {
    const cap = parent.querySelector('figcaption')?.textContent?.replace(/^[\s—–-]+/, '').trim();
    if (cap) return cap;
  }
  return undefined;
}

/** The live text node and offset of block text positions [start, end), or null when they changed or left the document. */
export function locate(block: Block, start: number, end: number): { startNode: Text; startOffset: number; endNode: Text; endOffset: number } | null {
  const a = block.pieces.find((p) => p.start <= start && start < p.end);
  let z: TextPiece | undefined;
  for (const p of block.pieces) if (p.start < end && end <= p.end) z = p;
  if (!a || !z) return null;
  if (!a.node.isConnected || !z.node.isConnected) return null;
  // The node's text changed since the scan: its offsets no longer mean anything.
  if (a.node.data.length !== a.end - a.start || z.node.data.length !== z.end - z.start) return null;
  return { startNode: a.node, startOffset: start - a.start, endNode: z.node, endOffset: end - z.start };
}

/** A DOM range for block text [start, end), or null (see locate). */
export function rangeFor(block: Block, start: number, end: number, doc: Document): Range | null {
  const at = locate(block, start, end);
  if (!at) return null;
  const r = doc.createRange();
  r.setStart(at.startNode, at.startOffset);
  r.setEnd(at.endNode, at.endOffset);
  return r;
}
