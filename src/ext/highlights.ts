/**
 * The scan's marks: CSS Custom Highlights (one registry entry per verdict), so the page's DOM
 * and layout stay untouched. Ranges are live; before each paint the ones whose text changed or
 * left the document are dropped, so a page that rewrites itself never shows a stale mark.
 */
import type { Verdict } from '../types';
import { CURRENT_HIGHLIGHT, HIGHLIGHT_CSS, HIGHLIGHT_PREFIX, MISATTRIBUTED_HIGHLIGHT } from '../ui/scan-styles';

interface Entry {
  row: number;
  verdict: Verdict;
  misattributed: boolean;
  range: Range;
  /** The quote's text when it was marked. */
  expected: string;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Two ranges share some text (ranges in different trees never do). */
function overlap(a: Range, b: Range): boolean {
  if (a.startContainer.getRootNode() !== b.startContainer.getRootNode()) return false;
  try {
    return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
  } catch {
    return false;
  }
}

type Registry = Map<string, Highlight>;

function registry(): Registry | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

export class Marks {
  private entries: Entry[] = [];
  /** Marked ranges by the block (paragraph) they are in. */
  private byBlock = new Map<object, Range[]>();
  private current = -1;
  private readonly styled = new Set<Document | ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;
  private styleEls: HTMLStyleElement[] = [];
  readonly supported = registry() !== null;

  /**
   * One mark per quote place: a range that overlaps one already marked (the same words found
   * twice, a quote inside a quote) is not marked again. False when it was dropped. `block`: the
   * paragraph the range is in (ranges of different paragraphs never overlap).
   */
  add(row: number, verdict: Verdict, misattributed: boolean, range: Range, block: object = range.commonAncestorContainer): boolean {
    // Only ranges of the same block can overlap: comparing each with all others would walk the
    // tree of a big page (hundreds of sibling paragraphs) for every pair.
    const same = this.byBlock.get(block) ?? this.byBlock.set(block, []).get(block)!;
    if (range.collapsed || same.some((r) => overlap(r, range))) return false;
    same.push(range);
    this.entries.push({ row, verdict, misattributed, range, expected: squash(range.toString()) });
    this.style(range.startContainer.getRootNode() as Document | ShadowRoot);
    return true;
  }

  /** The ::highlight rules must live in the tree of the marked text: the document, or a shadow root. */
  private style(root: Document | ShadowRoot): void {
    if (this.styled.has(root) || !('adoptedStyleSheets' in root)) return;
    this.styled.add(root);
    try {
      this.sheet ??= new CSSStyleSheet();
      if (!this.sheet.cssRules.length) this.sheet.replaceSync(HIGHLIGHT_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch {
      const el = document.createElement('style');
      el.textContent = HIGHLIGHT_CSS;
      (root instanceof Document ? root.head ?? root.documentElement : root).appendChild(el);
      this.styleEls.push(el);
    }
  }

  /** Drops ranges whose text is gone or changed; true when any was dropped. */
  validate(): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => {
      const c = e.range.startContainer;
      return !e.range.collapsed && c.isConnected && e.range.endContainer.isConnected && squash(e.range.toString()) === e.expected;
    });
    return this.entries.length !== before;
  }

  paint(): void {
    const reg = registry();
    if (!reg) return;
    this.validate();
    const groups = new Map<string, Range[]>();
    const put = (name: string, r: Range) => (groups.get(name) ?? groups.set(name, []).get(name)!).push(r);
    // Each range is in one mark; the current quote's is also in the "current" layer above it.
    for (const e of this.entries) {
      put(e.misattributed ? MISATTRIBUTED_HIGHLIGHT : HIGHLIGHT_PREFIX + e.verdict, e.range);
      if (e.row === this.current) put(CURRENT_HIGHLIGHT, e.range);
    }
    for (const name of this.names()) {
      const ranges = groups.get(name);
      if (!ranges?.length) {
        reg.delete(name);
        continue;
      }
      const hl = new Highlight(...ranges);
      if (name === CURRENT_HIGHLIGHT) hl.priority = 2;
      if (name === MISATTRIBUTED_HIGHLIGHT) hl.priority = 1;
      reg.set(name, hl);
    }
  }

  private names(): string[] {
    return [...['verbatim', 'altered', 'related', 'not-found', 'invalid'].map((v) => HIGHLIGHT_PREFIX + v), MISATTRIBUTED_HIGHLIGHT, CURRENT_HIGHLIGHT];
  }

  setCurrent(row: number): void {
    this.current = row;
    this.paint();
  }

  rangesOf(row: number): Range[] {
    return this.entries.filter((e) => e.row === row).map((e) => e.range);
  }

  /** Quote places marked (one range each). */
  get count(): number {
    return this.entries.length;
  }

  /** The row whose mark is under the viewport point (x, y), if any. */
  hit(x: number, y: number): number | null {
    for (const e of this.entries) {
      for (const r of Array.from(e.range.getClientRects())) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return e.row;
      }
    }
    return null;
  }

  clear(): void {
    this.entries = [];
    this.byBlock.clear();
    const reg = registry();
    if (reg) for (const n of this.names()) reg.delete(n);
    for (const root of this.styled) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        // the root went away
      }
    }
    for (const el of this.styleEls) el.remove();
    this.styled.clear();
    this.styleEls = [];
  }
}
