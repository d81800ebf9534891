/**
 * Where the scan panel goes so that it never covers the article's text: beside the text
 * column, on the side with more free room, as wide as that room allows; when neither side has
 * room for a usable panel, folded to a small tab at the window's edge. Pure (the content script
 * measures the column and the window; the e2e checks the geometry).
 */

export interface Column {
  /** Viewport x of the text column's left and right edges. */
  left: number;
  right: number;
}

export type Dock =
  | { side: 'right' | 'left'; width: number; /** Distance from that window edge. */ inset: number }
  | { side: 'tab' };

export const PANEL_MAX = 400;
/** Narrower than this the rows wrap to a word a line: fold instead. */
export const PANEL_MIN = 240;
const GAP = 12;

/**
 * The text column from its paragraphs' boxes: the widest extent of the paragraphs that carry
 * running text (`chars` ≥ 40), so that a short caption or a wide figure does not decide it.
 * Null when there are none (then the panel keeps the window's corner).
 */
export function textColumn(boxes: Array<{ left: number; right: number; chars: number }>): Column | null {
  const text = boxes.filter((b) => b.chars >= 40 && b.right > b.left);
  if (!text.length) return null;
  return { left: Math.min(...text.map((b) => b.left)), right: Math.max(...text.map((b) => b.right)) };
}

export function dockPanel(column: Column | null, viewportWidth: number): Dock {
  if (!column) return { side: 'right', width: Math.min(PANEL_MAX, viewportWidth - 2 * GAP), inset: GAP };
  const rightRoom = viewportWidth - Math.max(0, column.right) - 2 * GAP;
  const leftRoom = Math.min(viewportWidth, column.left) - 2 * GAP;
  const side = rightRoom >= leftRoom ? 'right' : 'left';
  const room = Math.max(rightRoom, leftRoom);
  if (room < PANEL_MIN) return { side: 'tab' };
  const width = Math.min(PANEL_MAX, Math.floor(room));
  // At GAP from the window's edge, no wider than the room: its inner edge stays GAP clear of the text.
  return { side, width, inset: GAP };
}
