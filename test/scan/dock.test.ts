import { describe, expect, it } from 'vitest';
import { dockPanel, PANEL_MAX, PANEL_MIN, textColumn } from '../../src/scan/dock';

/** The panel's viewport x extent for a dock. */
const extent = (d: ReturnType<typeof dockPanel>, vw: number) =>
  d.side === 'right' ? { left: vw - d.inset - d.width, right: vw - d.inset } : d.side === 'left' ? { left: d.inset, right: d.inset + d.width } : null;

describe('dockPanel: the panel never covers the text column', () => {
  it('a centred 720 px column at 1280 px: docks right, narrower than 400 px, clear of the text', () => {
    const col = { left: 304, right: 976 };
    const d = dockPanel(col, 1280);
    expect(d).toMatchObject({ side: 'right' });
    const x = extent(d, 1280)!;
    expect(x.left).toBeGreaterThan(col.right);
    expect(x.right).toBeLessThanOrEqual(1280);
    expect(x.right - x.left).toBeGreaterThanOrEqual(PANEL_MIN);
  });

  it('a wide window: full width panel on the right', () => {
    const d = dockPanel({ left: 400, right: 1120 }, 1920);
    expect(d).toMatchObject({ side: 'right', width: PANEL_MAX });
  });

  it('a column pushed right (left sidebar of free room): docks left', () => {
    const col = { left: 560, right: 1260 };
    const d = dockPanel(col, 1280);
    expect(d.side).toBe('left');
    expect(extent(d, 1280)!.right).toBeLessThan(col.left);
  });

  it('a full-width column or a narrow window: folds to a tab', () => {
    expect(dockPanel({ left: 24, right: 1256 }, 1280)).toEqual({ side: 'tab' });
    expect(dockPanel({ left: 16, right: 744 }, 760)).toEqual({ side: 'tab' });
  });

  it('no measurable column: the corner, as before', () => {
    expect(dockPanel(null, 1280)).toMatchObject({ side: 'right', width: PANEL_MAX });
  });

  it('random columns: a docked panel never intersects the column', () => {
    for (let i = 0; i < 500; i++) {
      const vw = 600 + ((i * 97) % 1600);
      const left = (i * 37) % vw;
      const right = Math.min(vw, left + 200 + ((i * 53) % vw));
      const d = dockPanel({ left, right }, vw);
      const x = extent(d, vw);
      if (!x) continue;
      expect(x.right <= left || x.left >= right, `${vw} ${left} ${right} ${JSON.stringify(d)}`).toBe(true);
      expect(x.left).toBeGreaterThanOrEqual(0);
      expect(x.right).toBeLessThanOrEqual(vw);
    }
  });

  it('textColumn: running-text paragraphs decide, captions and empty boxes do not', () => {
    expect(
      textColumn([
        { left: 300, right: 980, chars: 400 },
        { left: 310, right: 970, chars: 90 },
        { left: 0, right: 1280, chars: 12 },
        { left: 5, right: 5, chars: 100 },
      ]),
    ).toEqual({ left: 300, right: 980 });
    expect(textColumn([])).toBeNull();
  });
});
