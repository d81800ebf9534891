/** Where to put the card next to a selection: below or above, flipped and clamped to the viewport. Pure. */

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  /** Viewport coordinates of the card's top-left corner. */
  top: number;
  left: number;
  side: 'below' | 'above';
  /** The card must be limited to this height (it scrolls inside) to keep the selection visible. */
  maxHeight?: number;
  /** The card did not fit even when shortened and was clamped to the viewport (it may cover the selection). */
  clamped: boolean;
}

export interface PlaceOptions {
  /** Gap between the selection and the card. */
  gap?: number;
  /** Minimum distance kept from the viewport edges. */
  margin?: number;
  /** Side tried first. */
  prefer?: 'below' | 'above';
  /** Shortest height a card may be squeezed to before it is allowed to cover the selection. */
  minHeight?: number;
}

/**
 * Places a card of size `card` next to `anchor` (the selection's bounding rect, viewport
 * coordinates) inside `viewport`. Tries the preferred side, flips when the card does not fit
 * there but fits on the other, and otherwise uses the roomier side and clamps.
 * Horizontally the card is centred on the anchor and clamped between the margins.
 */
export function placeCard(anchor: Rect, card: Size, viewport: Size, opts: PlaceOptions = {}): Placement {
  const gap = opts.gap ?? 8;
  const margin = opts.margin ?? 8;
  const prefer = opts.prefer ?? 'below';

  const roomBelow = viewport.height - (anchor.top + anchor.height) - gap - margin;
  const roomAbove = anchor.top - gap - margin;
  const fits = (side: 'below' | 'above') => card.height <= (side === 'below' ? roomBelow : roomAbove);
  const other = prefer === 'below' ? 'above' : 'below';

  let side: 'below' | 'above';
  let height = card.height;
  let maxHeight: number | undefined;
  if (fits(prefer)) side = prefer;
  else if (fits(other)) side = other;
  else {
    side = roomBelow >= roomAbove ? 'below' : 'above';
    const room = Math.floor(side === 'below' ? roomBelow : roomAbove);
    if (room >= (opts.minHeight ?? 160)) {
      maxHeight = room;
      height = room;
    }
  }

  let top = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - height;
  const maxTop = viewport.height - margin - height;
  let clamped = false;
  if (top > maxTop) {
    top = maxTop;
    clamped = true;
  }
  if (top < margin) {
    top = margin;
    clamped = true;
  }

  const centre = anchor.left + anchor.width / 2;
  let left = centre - card.width / 2;
  const maxLeft = viewport.width - margin - card.width;
  left = Math.max(margin, Math.min(left, maxLeft));
  if (maxLeft < margin) left = margin; // card wider than the viewport: pin to the left margin

  return { top: Math.round(top), left: Math.round(left), side, clamped, ...(maxHeight != null ? { maxHeight } : {}) };
}

/**
 * True when the anchor has been scrolled far away: more than `factor` viewport heights
 * beyond either edge. Used to close the card on long scrolls but not on small ones.
 */
export function scrolledFar(anchor: Rect, viewport: Size, factor = 0.5): boolean {
  const limit = viewport.height * factor;
  return anchor.top + anchor.height < -limit || anchor.top > viewport.height + limit;
}
