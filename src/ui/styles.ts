/**
 * Styles for the verdict card. Used inside the card's shadow root (where `:host { all: initial }`
 * keeps page CSS out) and in the popup. Light and dark follow prefers-color-scheme.
 *
 * The select-and-check script ships CARD_CORE_CSS; the styles of the parts only some results
 * show travel with those parts in the card extras script (CARD_EXTRAS_CSS, styles-extras.ts).
 * Why-comments stay out of the strings: they would ship in every card.
 *
 * :host — !important here (inside the shadow tree) beats the page's !important on the host, so
 * rules such as `* { all: unset !important }` cannot hide, move or restyle the card. The position
 * comes in through custom properties, which `all` does not reset; `all` leaves direction alone,
 * so ltr is set (on a right-to-left page the card would inherit rtl).
 *
 * .card .match:first-of-type .actions — on a tall card the actions of the (first, best) passage
 * stay in sight at the bottom; later ranked passages keep theirs in place, so two rows of buttons
 * never stack up.
 */
import { CARD_EXTRAS_CSS } from './styles-extras';

export const CARD_CORE_CSS = `
:host {
  all: initial !important; display: block !important; position: absolute !important; z-index: 2147483647 !important;
  top: var(--vb-top, 0px) !important; left: var(--vb-left, 0px) !important; visibility: var(--vb-visibility, hidden) !important;
  zoom: var(--vb-zoom, 1) !important;
  direction: ltr !important; unicode-bidi: isolate !important;
}
.vb, .vb * { box-sizing: border-box; }
.vb {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --mark: #fff1a8; --mark-fg: #1b1f24; --accent: #254c84; --focus: #2f6fd6;
  --ok: #146c2e; --ok-bg: #dafbe1; --warn: #875a00; --warn-bg: #fff8c5;
  --rel: #0b5cad; --rel-bg: #ddf4ff; --bad: #b42318; --bad-bg: #ffebe9;
  --del: #ffebe9; --ins: #dafbe1;
  font: 14px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fg); background: var(--bg);
  text-align: left; letter-spacing: normal; text-transform: none; font-style: normal; font-weight: 400;
}
@media (prefers-color-scheme: dark) {
  .vb {
    --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --soft: #262c36;
    --mark: #6b5a12; --mark-fg: #fff8d6; --accent: #8cb4ff; --focus: #79a8ff;
    --ok: #56d364; --ok-bg: #12361f; --warn: #e3b341; --warn-bg: #3a2e0a;
    --rel: #79c0ff; --rel-bg: #0c2d4f; --bad: #ff8f85; --bad-bg: #47161a;
    --del: #4a1d1f; --ins: #163a22;
  }
}
.card {
  width: min(440px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22);
  padding: 12px 14px 10px;
}
.card:focus { outline: none; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.brand { font-weight: 600; font-size: 13px; color: var(--accent); flex: 1; margin: 0; }
button, a { font: inherit; }
button {
  cursor: pointer; border: 1px solid var(--line); background: var(--soft); color: var(--fg);
  border-radius: 6px; padding: 3px 10px; font-size: 13px;
}
button:hover { border-color: var(--muted); }
button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.x { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; color: var(--muted); }
a { color: var(--accent); }
.badge {
  display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 700;
  letter-spacing: .02em; white-space: nowrap;
}
.badge.verbatim { color: var(--ok); background: var(--ok-bg); }
.badge.altered { color: var(--warn); background: var(--warn-bg); }
.badge.related { color: var(--rel); background: var(--rel-bg); }
.badge.not-found, .badge.invalid { color: var(--bad); background: var(--bad-bg); }
.verdict-line { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.help { color: var(--muted); font-size: 13px; }
.quote { color: var(--muted); font-size: 13px; margin: 4px 0 0; overflow-wrap: anywhere; }
.meta { margin: 8px 0 2px; font-size: 13px; }
.meta dt { display: inline; color: var(--muted); }
.meta dd { display: inline; margin: 0 0 0 4px; }
.meta div { margin: 1px 0; }
.speaker { font-weight: 600; }
.not-amodei { color: var(--bad); font-weight: 600; }
.passage {
  margin: 6px 0; padding: 8px 10px; background: var(--soft); border-left: 3px solid var(--accent);
  border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere;
}
.passage mark { background: var(--mark); color: var(--mark-fg); border-radius: 2px; padding: 0 1px; }
.more { border: none; background: none; color: var(--accent); padding: 0; font-size: 12px; text-decoration: underline; }
.note { font-size: 12px; color: var(--muted); margin: 4px 0; }
.note.warn { color: var(--warn); }
.gloss { margin: 6px 0; font-size: 13px; }
.gloss .label { display: block; color: var(--muted); font-size: 12px; }
.gloss blockquote { margin: 2px 0 0; font-style: italic; }
.why { font-size: 12px; color: var(--muted); margin: 2px 0 0; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0 4px; }
.card .match:first-of-type .actions { position: sticky; bottom: -10px; background: var(--bg); padding: 6px 0 8px; margin-bottom: 0; z-index: 1; }
.status { font-size: 12px; color: var(--ok); min-height: 1em; }
.source { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 6px; font-size: 12px; color: var(--muted); }
.match + .match { border-top: 1px dashed var(--line); margin-top: 8px; padding-top: 6px; }
.rank { font-size: 12px; font-weight: 700; color: var(--muted); margin-top: 6px; }
.checking { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Everything: the popup and the scan panel show every kind of result without loading extras. */
export const CARD_CSS = CARD_CORE_CSS + CARD_EXTRAS_CSS;
