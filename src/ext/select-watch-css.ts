/**
 * The check button's styles: the rules of the card's style sheet (src/ui/styles.ts) that the
 * button uses, so that it looks the same without the watcher carrying the whole card sheet.
 * test/ext/select-watch.test.ts checks that each value here still matches the card sheet's.
 */
export const BUTTON_CSS = `
:host {
  all: initial !important; display: block !important; position: absolute !important; z-index: 2147483647 !important;
  top: var(--vb-top, 0px) !important; left: var(--vb-left, 0px) !important; visibility: var(--vb-visibility, hidden) !important;
  zoom: var(--vb-zoom, 1) !important;
  direction: ltr !important; unicode-bidi: isolate !important;
}
.vb, .vb * { box-sizing: border-box; }
.vb {
  --bg: #ffffff; --fg: #1b1f24; --accent: #254c84; --focus: #2f6fd6;
  font: 14px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fg); background: var(--bg);
  text-align: left; letter-spacing: normal; text-transform: none; font-style: normal; font-weight: 400;
}
@media (prefers-color-scheme: dark) {
  .vb { --bg: #1c2128; --fg: #e6edf3; --accent: #8cb4ff; --focus: #79a8ff; }
}
button { font: inherit; cursor: pointer; font-size: 13px; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.adder {
  display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border-radius: 999px;
  background: var(--accent); color: var(--bg); border: none; box-shadow: 0 3px 10px rgba(0,0,0,.25); font-weight: 600;
}
.adder[data-failed] { max-width: 22em; border-radius: 8px; white-space: normal; text-align: left; cursor: default; font-weight: 500; }
`;
