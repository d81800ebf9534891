import { describe, expect, it } from 'vitest';
import { placeCard, scrolledFar } from '../../src/ext/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 400, height: 300 };

describe('placeCard', () => {
  it('goes below the selection, centred on it, when there is room', () => {
    const p = placeCard({ top: 100, left: 300, width: 200, height: 20 }, card, viewport);
    expect(p).toEqual({ side: 'below', top: 128, left: 200, clamped: false });
  });

  it('flips above when the room below is too small', () => {
    const p = placeCard({ top: 700, left: 300, width: 200, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(700 - 8);
  });

  it('honours a preference for above and flips to below when needed', () => {
    expect(placeCard({ top: 500, left: 0, width: 10, height: 10 }, card, viewport, { prefer: 'above' }).side).toBe('above');
    expect(placeCard({ top: 100, left: 0, width: 10, height: 10 }, card, viewport, { prefer: 'above' }).side).toBe('below');
  });

  it('clamps horizontally to the viewport margins', () => {
    expect(placeCard({ top: 100, left: 980, width: 10, height: 20 }, card, viewport).left).toBe(1000 - 8 - 400);
    expect(placeCard({ top: 100, left: 0, width: 10, height: 20 }, card, viewport).left).toBe(8);
  });

  it('shrinks a card that fits on neither side to the roomier side instead of covering the selection', () => {
    const tall = { width: 400, height: 700 };
    const p = placeCard({ top: 300, left: 300, width: 100, height: 20 }, tall, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(800 - 320 - 16);
    expect(p.top).toBe(328);
    expect(p.clamped).toBe(false);
  });

  it('clamps inside the viewport when even a shrunk card would be too small', () => {
    const tall = { width: 400, height: 700 };
    const p = placeCard({ top: 40, left: 300, width: 100, height: 720 }, tall, viewport);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + 700).toBeLessThanOrEqual(800);
    expect(p.clamped).toBe(true);
  });
});

describe('scrolledFar', () => {
  it('is false for a selection still near the viewport and true once it is far away', () => {
    expect(scrolledFar({ top: -100, left: 0, width: 10, height: 20 }, viewport)).toBe(false);
    expect(scrolledFar({ top: -900, left: 0, width: 10, height: 20 }, viewport)).toBe(true);
    expect(scrolledFar({ top: 1300, left: 0, width: 10, height: 20 }, viewport)).toBe(true);
  });
});
