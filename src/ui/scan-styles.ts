/**
 * Styles of the scan: the panel (inside its shadow root, with the card's colour variables) and
 * the marks in the page (`::highlight()` rules: the page's DOM is not touched). Each verdict has
 * its own underline style as well as its colour, so marks read without colour too. A quote the
 * page gives to the wrong speaker has one mark of its own (not a layer over its verdict's): a
 * thick double underline, under its own words (an overline read as underlining the line above),
 * on a tint no verdict uses; its panel row carries the same underline and says it in words.
 */
import { CARD_CSS } from './styles';

export const HIGHLIGHT_PREFIX = 'verbatim-';
export const CURRENT_HIGHLIGHT = 'verbatim-current';
export const MISATTRIBUTED_HIGHLIGHT = 'verbatim-misattributed';

export const HIGHLIGHT_CSS = `
::highlight(verbatim-verbatim) { background-color: rgba(46, 160, 67, .20); text-decoration: underline solid rgb(20, 104, 44) 2px; }
::highlight(verbatim-altered) { background-color: rgba(212, 167, 44, .28); text-decoration: underline dashed rgb(120, 78, 0) 2px; }
::highlight(verbatim-related) { background-color: rgba(84, 174, 255, .20); text-decoration: underline dotted rgb(11, 92, 173) 2px; }
::highlight(verbatim-not-found) { background-color: rgba(255, 129, 130, .22); text-decoration: underline wavy rgb(180, 35, 24) 1px; }
::highlight(verbatim-invalid) { text-decoration: underline dotted rgb(87, 96, 106) 1px; }
::highlight(verbatim-misattributed) { background-color: rgba(190, 75, 219, .22); text-decoration: underline double rgb(130, 20, 150) 3px; }
/* The current mark sets its text colour too: the page's own colour could be too light on it. */
::highlight(verbatim-current) { background-color: rgba(255, 196, 0, .55); color: rgb(27, 31, 36); }
@media (prefers-color-scheme: dark) {
  ::highlight(verbatim-verbatim) { background-color: rgba(86, 211, 100, .22); text-decoration: underline solid rgb(86, 211, 100) 2px; }
  ::highlight(verbatim-altered) { background-color: rgba(227, 179, 65, .25); text-decoration: underline dashed rgb(227, 179, 65) 2px; }
  ::highlight(verbatim-related) { background-color: rgba(121, 192, 255, .20); text-decoration: underline dotted rgb(121, 192, 255) 2px; }
  ::highlight(verbatim-not-found) { background-color: rgba(255, 143, 133, .22); text-decoration: underline wavy rgb(255, 143, 133) 1px; }
  ::highlight(verbatim-invalid) { text-decoration: underline dotted rgb(157, 167, 179) 1px; }
  ::highlight(verbatim-misattributed) { background-color: rgba(210, 168, 255, .22); text-decoration: underline double rgb(210, 168, 255) 3px; }
  ::highlight(verbatim-current) { background-color: rgb(255, 214, 10); color: rgb(27, 31, 36); }
}
`;

export const PANEL_CSS = `${CARD_CSS}
:host {
  position: fixed !important; inset: var(--vb-top, auto) var(--vb-right, 16px) var(--vb-bottom, 16px) var(--vb-left, auto) !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important;
  overflow: visible !important; visibility: visible !important; width: auto !important; height: auto !important;
}
.panel {
  width: var(--vb-width, min(400px, calc(100vw - 32px))); max-height: var(--vb-max-height, min(62vh, 560px)); display: flex; flex-direction: column;
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.25); padding: 10px 12px;
}
.panel:focus { outline: none; }
.panel .counts { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 6px; }
.panel .count { font-size: 12px; }
.panel .list { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; min-height: 0; }
.panel h2.brand { font-size: 13px; margin: 0; }
.panel .list > li { margin: 5px 0; }
/* Each row is a button (reachable and announced); it keeps the look of a list entry. */
.panel .srow {
  display: block; width: 100%; text-align: left; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; padding: 5px 8px; margin: 0; cursor: pointer;
}
.panel .srow > span { display: block; }
.panel .srow[aria-current="true"] { border-color: var(--focus); box-shadow: 0 0 0 1px var(--focus); }
.panel .srow .q { font-size: 13px; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow-wrap: anywhere; }
.panel .srow > .who { font-size: 12px; color: var(--muted); display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 2px; }
.panel .mis { color: var(--bad); font-weight: 600; font-size: 12px; }
.panel .badge.misattributed { color: var(--bad); background: var(--bad-bg); }
.panel .bar { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin-top: 6px; }
.panel .head { display: flex; align-items: center; gap: 6px; }
.panel .head h2 { flex: 1; }
.panel .fold { font: inherit; font-size: 12px; }
/* Folded (no room beside the article): a tab at the window's edge. */
.panel.folded { width: auto; max-width: 200px; padding: 4px; border-radius: 8px 0 0 8px; }
.panel .tab { font: inherit; font-size: 12px; color: var(--fg); background: var(--bg); border: 0; padding: 4px 6px; cursor: pointer; text-align: left; }
.panel .badge.misattributed:not(.count) { text-decoration: underline double 2px; }
.panel .keys { font-size: 11px; color: var(--muted); margin: 4px 0 0; }
/* Without colour: each badge carries the underline style its marks have in the page. */
.badge.verbatim { text-decoration: underline solid; }
.badge.altered { text-decoration: underline dashed; }
.badge.related { text-decoration: underline dotted; }
.badge.not-found { text-decoration: underline wavy; }
`;
